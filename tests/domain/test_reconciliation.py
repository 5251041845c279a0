"""Receiving a bill by scanning: complete, short, unexpected scans, repeats, the note."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.isbt128 import Bilingual
from desktop.domain.reconciliation import (
    NOTE_MAX_LISTED,
    DiscrepancyNote,
    LineStatus,
    Reconciliation,
    ReconciliationCounts,
    ScanRecord,
)
from desktop.domain.scan_outcomes import BagRef

BAGS = tuple(BagRef(f"W00002612345{n}E0224V00") for n in range(4))
IDS = [bag.bag_id for bag in BAGS]
NOT_ON_BILL = Bilingual(zh="不在本交接单上。", en="Not on this bill.")


def test_all_scanned_in_any_order_is_complete() -> None:
    reconciliation = Reconciliation(BAGS)
    for bag_id in reversed(IDS):
        assert reconciliation.record_scan(bag_id) is ScanRecord.SCANNED
    assert reconciliation.is_complete
    assert reconciliation.scanned == BAGS  # bill order, not scan order
    assert reconciliation.missing == ()
    assert reconciliation.counts == ReconciliationCounts(4, 4, 0, 0)
    assert reconciliation.discrepancy_note() is None
    assert [line.status for line in reconciliation.lines()] == [LineStatus.SCANNED] * 4


def test_nothing_scanned_yet() -> None:
    reconciliation = Reconciliation(BAGS)
    assert not reconciliation.is_complete
    assert reconciliation.missing == BAGS
    assert [line.status for line in reconciliation.lines()] == [LineStatus.AWAITED] * 4
    assert [line.bag for line in reconciliation.lines()] == list(BAGS)


def test_missing_bags_in_bill_order_and_the_note() -> None:
    reconciliation = Reconciliation(BAGS)
    reconciliation.record_scan(IDS[2])
    reconciliation.record_scan(IDS[1])
    assert reconciliation.missing == (BAGS[0], BAGS[3])
    assert reconciliation.counts == ReconciliationCounts(4, 2, 2, 0)
    assert reconciliation.discrepancy_note() == DiscrepancyNote(
        f"交接单共 4 袋，实收 2 袋；少收 2 袋：{IDS[0]}、{IDS[3]}。",
        f"The bill lists 4 bags, 2 received; 2 missing: {IDS[0]}, {IDS[3]}.",
    )


def test_unexpected_scans_are_listed_after_the_bill_in_scan_order() -> None:
    reconciliation = Reconciliation(BAGS)
    for bag_id in IDS:
        reconciliation.record_scan(bag_id)
    assert (
        reconciliation.record_unexpected("=A99992612399900", NOT_ON_BILL) is ScanRecord.UNEXPECTED
    )
    assert reconciliation.record_scan("X123") is ScanRecord.UNEXPECTED
    assert not reconciliation.is_complete
    assert [scan.scan_text for scan in reconciliation.unexpected] == ["=A99992612399900", "X123"]
    lines = reconciliation.lines()
    assert [line.status for line in lines[4:]] == [LineStatus.UNEXPECTED] * 2
    assert lines[4].reason == NOT_ON_BILL
    assert lines[5].key == "X123"
    assert lines[5].bag is None
    assert lines[5].reason is not None
    assert "X123" in lines[5].reason.zh
    zh, en = reconciliation.discrepancy_note() or ("", "")
    assert zh == "交接单共 4 袋，实收 4 袋；多扫 2 个：=A99992612399900、X123。"
    assert en == "The bill lists 4 bags, 4 received; 2 unexpected scans: =A99992612399900, X123."


def test_short_and_unexpected_together() -> None:
    reconciliation = Reconciliation(BAGS)
    reconciliation.record_scan(IDS[0])
    reconciliation.record_unexpected("W000026999999E0224V00", NOT_ON_BILL)
    note = reconciliation.discrepancy_note()
    assert note is not None
    assert note.zh == (
        f"交接单共 4 袋，实收 1 袋；少收 3 袋：{IDS[1]}、{IDS[2]}、{IDS[3]}；"
        "多扫 1 个：W000026999999E0224V00。"
    )


def test_a_repeated_scan_changes_nothing() -> None:
    reconciliation = Reconciliation(BAGS)
    reconciliation.record_scan(IDS[0])
    assert reconciliation.record_scan(IDS[0]) is ScanRecord.ALREADY_SCANNED
    assert reconciliation.record_scan(f"  {IDS[0]}\n") is ScanRecord.ALREADY_SCANNED
    assert reconciliation.counts == ReconciliationCounts(4, 1, 3, 0)


def test_a_repeated_unexpected_scan_keeps_its_first_reason() -> None:
    reconciliation = Reconciliation(BAGS)
    reconciliation.record_unexpected("junk", NOT_ON_BILL)
    other = Bilingual(zh="无法识别。", en="Unreadable.")
    assert reconciliation.record_unexpected(" junk ", other) is ScanRecord.ALREADY_UNEXPECTED
    assert reconciliation.unexpected[0].reason == NOT_ON_BILL
    assert reconciliation.counts.unexpected == 1


def test_a_blank_scan_is_ignored() -> None:
    reconciliation = Reconciliation(BAGS)
    assert reconciliation.record_unexpected("  \r\n", NOT_ON_BILL) is ScanRecord.IGNORED
    assert reconciliation.record_scan("") is ScanRecord.IGNORED
    assert reconciliation.unexpected == ()


def test_a_bag_listed_twice_on_the_bill_counts_once() -> None:
    reconciliation = Reconciliation([*BAGS, BagRef(IDS[0], product_code="E0224V00")])
    assert reconciliation.expected == BAGS
    assert reconciliation.counts.expected == 4


def test_an_empty_bill() -> None:
    reconciliation = Reconciliation([])
    assert reconciliation.is_complete
    assert reconciliation.lines() == ()
    reconciliation.record_scan("X")
    assert reconciliation.discrepancy_note() == DiscrepancyNote(
        "交接单共 0 袋，实收 0 袋；多扫 1 个：X。",
        "The bill lists 0 bags, 0 received; 1 unexpected scan: X.",
    )


def test_a_long_list_is_cut_short_in_the_note() -> None:
    bags = [BagRef(f"B{n:02d}") for n in range(NOTE_MAX_LISTED + 5)]
    reconciliation = Reconciliation(bags)
    note = reconciliation.discrepancy_note()
    assert note is not None
    listed = "、".join(bag.bag_id for bag in bags[:NOTE_MAX_LISTED])
    assert f"少收 15 袋：{listed}等（另有 5 袋未列出）。" in note.zh
    assert note.en.endswith("B09 and 5 more.")


def test_a_long_scan_is_clipped_in_the_note() -> None:
    reconciliation = Reconciliation([])
    reconciliation.record_unexpected("Z" * 500, NOT_ON_BILL)
    note = reconciliation.discrepancy_note()
    assert note is not None
    assert f"{'Z' * 31}…。" in note.zh
    assert reconciliation.unexpected[0].scan_text == "Z" * 500  # kept whole for the table


def test_every_status_has_both_labels() -> None:
    for status in LineStatus:
        assert status.label.zh
        assert status.label.en


SCAN_TEXT = st.text(max_size=30) | st.sampled_from(IDS)
OPERATIONS = st.lists(st.tuples(st.booleans(), SCAN_TEXT), max_size=40)


@given(OPERATIONS)
def test_any_scan_sequence_keeps_the_views_consistent(operations: list[tuple[bool, str]]) -> None:
    reconciliation = Reconciliation(BAGS)
    for as_bag, text in operations:
        if as_bag:
            reconciliation.record_scan(text)
        else:
            reconciliation.record_unexpected(text, NOT_ON_BILL)
    counts = reconciliation.counts
    assert counts.scanned + counts.missing == counts.expected == len(BAGS)
    assert set(reconciliation.scanned) | set(reconciliation.missing) == set(BAGS)
    assert len(reconciliation.lines()) == counts.expected + counts.unexpected
    assert (reconciliation.discrepancy_note() is None) == reconciliation.is_complete
