"""`ScanResolver`: every outcome, both scan orders, split products, and its speed."""

from __future__ import annotations

import time
from datetime import datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.codes import Abo, Rh
from desktop.domain.dates import SHANGHAI
from desktop.domain.isbt128 import check_character, encode_din_barcode, make_din, parse_scan
from desktop.domain.models import BloodBagInfo, HandoverDetailInfo
from desktop.domain.scan_outcomes import (
    AlreadyScanned,
    Ambiguous,
    Awaiting,
    BadCheckCharacter,
    BagRef,
    DoNotUse,
    Expired,
    LabelChecked,
    NoMatch,
    Pending,
    ProductMismatch,
    Resolution,
    Resolved,
    ResolverScope,
    Unparsable,
)
from desktop.domain.scan_resolver import ScanResolver, din_key

NOW = datetime(2025, 4, 1, 10, 0, tzinfo=SHANGHAI)
LATER = NOW + timedelta(days=10)

DIN_1 = make_din("A9999", 2025, 1)
DIN_SPLIT = make_din("A9999", 2025, 2)
DIN_EXPIRED = make_din("A9999", 2025, 3)
DIN_UNLISTED = make_din("A9999", 2025, 999)

BAG_1 = BagRef("B001", DIN_1, "E0224V00", Abo.O, Rh.POSITIVE, LATER)
SPLIT_A = BagRef("B002", encode_din_barcode(DIN_SPLIT)[1:], "E0224VA0", Abo.A, Rh.POSITIVE, LATER)
SPLIT_B = BagRef("B003", f"{DIN_SPLIT}{check_character(DIN_SPLIT)}", "E0224VB0", Abo.A, Rh.POSITIVE)
EXPIRED = BagRef("B004", DIN_EXPIRED, "E0224V00", Abo.B, Rh.NEGATIVE, NOW - timedelta(hours=1))
NUMERIC = BagRef("310012501234567801", None, None)
LOWER = BagRef("bx-001", None, None)
BILL = (BAG_1, SPLIT_A, SPLIT_B, EXPIRED, NUMERIC, LOWER)


def din_scan(din: str) -> str:
    return encode_din_barcode(din)


@pytest.fixture
def resolver() -> ScanResolver:
    return ScanResolver(BILL)


def test_full_bag_id_resolves(resolver: ScanResolver) -> None:
    outcome = resolver.resolve("310012501234567801", now=NOW)

    assert outcome == Resolved(NUMERIC)
    assert "310012501234567801" in outcome.message.en


@pytest.mark.parametrize(
    ("scan", "bag"),
    [
        ("BX-001", LOWER),  # case-insensitive fallback
        ("]C0bx-001\r\n", LOWER),
        ("A310012501234567801B", NUMERIC),  # Codabar start/stop stripped
        ("B001", BAG_1),
    ],
)
def test_bag_id_variants(resolver: ScanResolver, scan: str, bag: BagRef) -> None:
    assert resolver.resolve(scan, now=NOW) == Resolved(bag)


def test_bag_id_that_looks_like_codabar_matches_as_scanned() -> None:
    resolver = ScanResolver([BagRef("D12345C")])

    assert resolver.resolve("D12345C", now=NOW) == Resolved(BagRef("D12345C"))


def test_unknown_bag_id_is_no_match_on_the_bill_or_in_stock() -> None:
    on_bill = ScanResolver(BILL).resolve("999", now=NOW)
    in_stock = ScanResolver(BILL, scope=ResolverScope.STOCK).resolve("999", now=NOW)

    assert isinstance(on_bill, NoMatch)
    assert "not on this bill" in on_bill.message.en
    assert "不在本交接单上" in on_bill.message.zh
    assert isinstance(in_stock, NoMatch)
    assert "not in stock" in in_stock.message.en


def test_din_alone_resolves_when_only_one_bag_has_it(resolver: ScanResolver) -> None:
    assert resolver.resolve(din_scan(DIN_1), now=NOW) == Resolved(BAG_1)
    assert resolver.awaiting is None


def test_product_code_after_a_din_alone_is_checked_against_that_bag(
    resolver: ScanResolver,
) -> None:
    resolver.resolve(din_scan(DIN_1), now=NOW)

    outcome = resolver.resolve("=<E0224V00", now=NOW)

    assert outcome == LabelChecked(BAG_1)
    assert resolver.awaiting is None
    assert "agrees" in outcome.message.en


def test_other_product_code_after_a_din_alone_is_a_mismatch_then_waits_for_a_din(
    resolver: ScanResolver,
) -> None:
    resolver.resolve(din_scan(DIN_1), now=NOW)

    outcome = resolver.resolve("=<E0224VA0", now=NOW)

    assert outcome == ProductMismatch(BAG_1, "E0224VA0")
    assert resolver.awaiting is Awaiting.DIN
    # The clerk had moved on to the next bag: its DIN completes the pair.
    assert resolver.resolve(din_scan(DIN_SPLIT), now=NOW) == Resolved(SPLIT_A)


@pytest.mark.parametrize("order", ["din_first", "product_first"])
def test_din_and_product_code_in_either_order(resolver: ScanResolver, order: str) -> None:
    scans = [din_scan(DIN_SPLIT), "=<E0224VB0"]
    if order == "product_first":
        scans.reverse()

    first = resolver.resolve(scans[0], now=NOW)
    second = resolver.resolve(scans[1], now=NOW)

    assert isinstance(first, Ambiguous | Pending)
    assert second == Resolved(SPLIT_B)
    assert resolver.awaiting is None


def test_product_code_alone_waits_for_a_din(resolver: ScanResolver) -> None:
    outcome = resolver.resolve("=<E0224V00", now=NOW)

    assert outcome == Pending(Awaiting.DIN, "E0224V00")
    assert resolver.awaiting is Awaiting.DIN
    assert "scan the same bag's DIN" in outcome.message.en
    assert resolver.resolve(din_scan(DIN_1), now=NOW) == Resolved(BAG_1)


def test_concatenated_din_and_product_code_resolve_at_once(resolver: ScanResolver) -> None:
    outcome = resolver.resolve(f"{din_scan(DIN_SPLIT)}=<E0224VA0", now=NOW)

    assert outcome == Resolved(SPLIT_A)


def test_split_product_is_ambiguous_until_the_product_code_arrives(
    resolver: ScanResolver,
) -> None:
    outcome = resolver.resolve(din_scan(DIN_SPLIT), now=NOW)

    assert outcome == Ambiguous((SPLIT_A, SPLIT_B), DIN_SPLIT, Awaiting.PRODUCT_CODE)
    assert resolver.awaiting is Awaiting.PRODUCT_CODE
    assert "split product" in outcome.message.en
    assert resolver.resolve("=<E0224VA0", now=NOW) == Resolved(SPLIT_A)


def test_split_product_stays_ambiguous_when_one_half_is_scanned(resolver: ScanResolver) -> None:
    resolver.mark_scanned(SPLIT_A)

    outcome = resolver.resolve(din_scan(DIN_SPLIT), now=NOW)

    # The clerk may be holding the half already scanned: never guess the other.
    assert isinstance(outcome, Ambiguous)
    assert resolver.resolve("=<E0224VA0", now=NOW) == AlreadyScanned(SPLIT_A)


def test_split_product_with_a_product_code_not_listed(resolver: ScanResolver) -> None:
    resolver.resolve(din_scan(DIN_SPLIT), now=NOW)

    outcome = resolver.resolve("=<E0224VC0", now=NOW)

    assert isinstance(outcome, NoMatch)
    assert outcome.din_known
    assert "product code" in outcome.message.en
    assert resolver.awaiting is None


def test_new_din_replaces_a_pending_one(resolver: ScanResolver) -> None:
    resolver.resolve(din_scan(DIN_SPLIT), now=NOW)

    assert resolver.resolve(din_scan(DIN_1), now=NOW) == Resolved(BAG_1)
    assert resolver.awaiting is None


def test_unlisted_din_is_no_match(resolver: ScanResolver) -> None:
    outcome = resolver.resolve(din_scan(DIN_UNLISTED), now=NOW)

    assert outcome == NoMatch(DIN_UNLISTED, ResolverScope.BILL)


def test_already_scanned(resolver: ScanResolver) -> None:
    resolver.mark_scanned(BAG_1)

    outcome = resolver.resolve("B001", now=NOW)

    assert outcome == AlreadyScanned(BAG_1)
    assert resolver.scanned == frozenset({"B001"})
    assert "already" in outcome.message.en
    resolver.unmark_scanned(BAG_1)
    assert resolver.resolve("B001", now=NOW) == Resolved(BAG_1)


def test_scanned_set_can_be_restored() -> None:
    resolver = ScanResolver(BILL, scanned=["B001"])

    assert resolver.resolve(din_scan(DIN_1), now=NOW) == AlreadyScanned(BAG_1)


def test_expired_by_the_record(resolver: ScanResolver) -> None:
    outcome = resolver.resolve(din_scan(DIN_EXPIRED), now=NOW)

    assert outcome == Expired(EXPIRED, NOW - timedelta(hours=1))
    assert "expired at 2025-04-01 09:00" in outcome.message.en


def test_expired_by_the_label(resolver: ScanResolver) -> None:
    # Expiry bar code 2025 day 090 (31 March) 23:59, read together with the product code.
    resolver.resolve("=<E0224V00&>0250902359", now=NOW)

    outcome = resolver.resolve(din_scan(DIN_1), now=NOW)

    assert outcome == Expired(BAG_1, datetime(2025, 3, 31, 23, 59, tzinfo=SHANGHAI))


def test_naive_now_is_shanghai_time(resolver: ScanResolver) -> None:
    naive = datetime(2025, 4, 1, 8, 59)

    assert resolver.resolve(din_scan(DIN_EXPIRED), now=naive) == Resolved(EXPIRED)


def test_do_not_use_label_with_the_din(resolver: ScanResolver) -> None:
    outcome = resolver.resolve(f"{din_scan(DIN_1)}=%Md00", now=NOW)

    assert isinstance(outcome, DoNotUse)
    assert outcome.bag == BAG_1
    assert "Discard" in outcome.message.en
    assert "不得接收或发出" in outcome.message.zh


def test_do_not_use_label_scanned_after_the_bag_refers_to_it(resolver: ScanResolver) -> None:
    resolver.resolve(din_scan(DIN_1), now=NOW)

    outcome = resolver.resolve("=%Mq00", now=NOW)

    assert isinstance(outcome, DoNotUse)
    assert outcome.bag == BAG_1
    assert resolver.awaiting is None


def test_do_not_use_label_on_its_own(resolver: ScanResolver) -> None:
    outcome = resolver.resolve("=%Mx00", now=NOW)

    assert isinstance(outcome, DoNotUse)
    assert outcome.bag is None
    assert "this bag" in outcome.message.en


def test_research_product_code_is_do_not_use(resolver: ScanResolver) -> None:
    resolver.resolve("=<E0224V00", now=NOW)

    outcome = resolver.resolve("=<E0224R00", now=NOW)

    assert isinstance(outcome, DoNotUse)
    assert resolver.awaiting is None


@pytest.mark.parametrize("scan", ["=G12349865432178", "G123498654321X"])
def test_bad_check_character(resolver: ScanResolver, scan: str) -> None:
    outcome = resolver.resolve(scan, now=NOW)

    assert isinstance(outcome, BadCheckCharacter)
    assert outcome.message == outcome.issue.message


def test_a_misread_keeps_the_half_read_pair(resolver: ScanResolver) -> None:
    resolver.resolve("=<E0224VB0", now=NOW)

    assert isinstance(resolver.resolve("=A9999", now=NOW), Unparsable)
    assert resolver.awaiting is Awaiting.DIN
    assert resolver.resolve(din_scan(DIN_SPLIT), now=NOW) == Resolved(SPLIT_B)


@pytest.mark.parametrize(
    ("scan", "fragment"),
    [
        ("血袋123", "neither an ISBT 128 bar code nor a bag number"),
        ("=~1", "not an ISBT 128 data identifier"),
        ("", "Nothing was read"),
        (f"{din_scan(DIN_1)}{din_scan(DIN_SPLIT)}", "more than one bag"),
        ("=<E0224V00=<E0224VA0", "more than one bag"),
        ("=%5100", "does not identify a bag"),
        ("&>0251001430", "does not identify a bag"),
    ],
)
def test_unparsable(resolver: ScanResolver, scan: str, fragment: str) -> None:
    outcome = resolver.resolve(scan, now=NOW)

    assert isinstance(outcome, Unparsable)
    assert fragment in outcome.message.en
    assert outcome.message.zh


def test_blood_group_contradicting_the_record_warns(resolver: ScanResolver) -> None:
    outcome = resolver.resolve(f"{din_scan(DIN_1)}=%0600", now=NOW)

    assert isinstance(outcome, Resolved)
    assert outcome.bag == BAG_1
    (warning,) = outcome.warnings
    assert "contradicts" in warning.en
    assert "不符" in warning.zh


def test_matching_blood_group_does_not_warn(resolver: ScanResolver) -> None:
    assert resolver.resolve(f"{din_scan(DIN_1)}=%5100", now=NOW) == Resolved(BAG_1)


def test_label_bar_codes_after_the_bag_are_checked_against_it(resolver: ScanResolver) -> None:
    resolver.resolve(din_scan(DIN_1), now=NOW)

    group = resolver.resolve("=%1700", now=NOW)
    expiry = resolver.resolve("&>0250902359", now=NOW)

    assert isinstance(group, LabelChecked)
    assert group.bag == BAG_1
    assert "contradicts" in group.warnings[0].en
    assert "disagrees" in group.message.en
    assert expiry == Expired(BAG_1, datetime(2025, 3, 31, 23, 59, tzinfo=SHANGHAI))


def test_label_expiry_that_differs_from_the_record_warns(resolver: ScanResolver) -> None:
    outcome = resolver.resolve(f"{din_scan(DIN_1)}=<E0224V00&>0251002359", now=NOW)

    assert isinstance(outcome, Resolved)
    (warning,) = outcome.warnings
    assert "differs from the platform's record" in warning.en


def test_restricted_use_on_the_label_warns(resolver: ScanResolver) -> None:
    outcome = resolver.resolve(f"{din_scan(DIN_1)}=%4700", now=NOW)

    assert isinstance(outcome, Resolved)
    assert "named patient" in outcome.warnings[0].en


def test_reset_forgets_the_half_read_pair(resolver: ScanResolver) -> None:
    resolver.resolve("=<E0224VA0", now=NOW)
    resolver.reset()

    assert resolver.awaiting is None
    assert resolver.resolve(din_scan(DIN_1), now=NOW) == Resolved(BAG_1)


@pytest.mark.parametrize(
    "stored",
    [
        "G123498654321",
        "G12349865432177",
        "G123498654321H",
        "=G12349865432177",
        "g123498654321",
        " G123498654321 H",
    ],
)
def test_serial_id_stored_in_any_form_matches_the_din(stored: str) -> None:
    bag = BagRef("X1", stored, "E0224V00")
    resolver = ScanResolver([bag])

    assert din_key(stored) == "G123498654321"
    assert resolver.resolve("=G12349865432177", now=NOW) == Resolved(bag)
    assert ScanResolver([bag]).resolve("G123498654321 H", now=NOW) == Resolved(bag)


def test_serial_id_that_is_not_a_din_is_kept_whole() -> None:
    assert din_key("SH-2025-0001") == "SH-2025-0001"
    assert din_key("0999925000001") == "0999925000001"


def test_numeric_bag_id_shaped_like_a_keyed_din_still_matches() -> None:
    stems = (f"31{n:011d}" for n in range(100))
    stem = next(stem for stem in stems if (check_character(stem) or "").isdigit())
    bag_id = f"{stem}{check_character(stem)}"
    bag = BagRef(bag_id)
    assert parse_scan(bag_id).dins == (stem,)

    assert ScanResolver([bag]).resolve(bag_id, now=NOW) == Resolved(bag)


def test_duplicated_records_are_ambiguous() -> None:
    twin = BagRef("B001", DIN_1, "E0224V00")
    resolver = ScanResolver([BAG_1, twin])

    outcome = resolver.resolve("B001", now=NOW)

    assert outcome == Ambiguous((BAG_1, twin), "B001")
    assert "duplicated" in outcome.message.en


def test_bag_refs_from_platform_models() -> None:
    wire = {
        "serialId": DIN_1,
        "bloodId": "E0224V00",
        "bloodGroup": "O型",
        "rhBloodGroup": "阳性",
        "expiration": "2025-04-11 10:00:00",
    }
    from_bill = BagRef.from_bag(HandoverDetailInfo.model_validate({"bloodBagId": "B001", **wire}))
    from_lookup = BagRef.from_bag(BloodBagInfo.model_validate({"id": "B001", **wire}))

    expected = BagRef("B001", DIN_1, "E0224V00", Abo.O, Rh.POSITIVE, LATER)
    assert from_bill == from_lookup == expected


def test_every_outcome_speaks_both_languages(resolver: ScanResolver) -> None:
    outcomes: list[Resolution] = [
        resolver.resolve(scan, now=NOW)
        for scan in ("B001", "999", din_scan(DIN_SPLIT), "=<E0224VZ0", "=%Md00", "=%5100")
    ]
    resolver.reset()
    outcomes += [
        resolver.resolve("=<E0224V00", now=NOW),
        resolver.resolve("G123498654321X", now=NOW),
    ]

    for outcome in outcomes:
        assert outcome.message.zh
        assert outcome.message.en


def test_a_thousand_bag_bill_resolves_well_under_a_millisecond_per_scan() -> None:
    dins = [make_din("A9999", 2025, n) for n in range(1000)]
    bags = [BagRef(f"B{n:04d}", din, "E0224V00", expiration=LATER) for n, din in enumerate(dins)]
    scans = [f"{encode_din_barcode(din)}=<E0224V00" for din in dins]
    resolver = ScanResolver(bags)

    started = time.perf_counter()
    outcomes = [resolver.resolve(scan, now=NOW) for scan in scans]
    per_scan = (time.perf_counter() - started) / len(scans)

    assert outcomes == [Resolved(bag) for bag in bags]
    assert per_scan < 0.001


SCANS = st.one_of(
    st.text(),
    st.sampled_from(
        [
            din_scan(DIN_1),
            din_scan(DIN_SPLIT),
            "=<E0224VA0",
            "=<E0224V00",
            "=%Md00",
            "=%0600",
            "&>0250902359",
            "B001",
            "G123498654321X",
            "=~",
        ]
    ),
)


@given(st.lists(SCANS, max_size=8), st.booleans())
@settings(max_examples=300)
def test_no_sequence_of_scans_makes_the_resolver_raise(scans: list[str], mark: bool) -> None:
    resolver = ScanResolver(BILL)
    for scan in scans:
        outcome = resolver.resolve(scan, now=NOW)
        assert outcome.message.zh
        assert outcome.message.en
        if mark and isinstance(outcome, Resolved):
            resolver.mark_scanned(outcome.bag)
