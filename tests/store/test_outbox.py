"""The outbox on its own: saving with stock and audit in one transaction, numbering, reading."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timedelta

import pytest
from paperwork import AT, CLERK, cancel, receive, takeout
from stores import FixedClock

from desktop.domain.dates import SHANGHAI
from desktop.domain.delivery import DeliveryState, DocumentKind
from desktop.domain.models import BloodBagInfo
from desktop.domain.numbering import workstation_code
from desktop.store import audit, stock
from desktop.store.database import Store
from desktop.store.outbox import Outbox
from desktop.store.outbox_items import InvalidDocument, ItemError, NumberInUse
from desktop.store.stock import Position, StockConflict

WORKSTATION = "XKGT1"


def bags(*ids: str) -> list[BloodBagInfo]:
    return [BloodBagInfo.model_validate({"id": bag, "bloodGroup": "A"}) for bag in ids]


@pytest.fixture
def outbox(store: Store) -> Outbox:
    return Outbox(store, WORKSTATION)


def code(store: Store) -> str:
    """This store's workstation code: the name's letters and a hash of the installation."""
    with store.read() as conn:
        (install_id,) = conn.execute(
            "SELECT value FROM store_meta WHERE name = 'install_id'"
        ).fetchone()
    return workstation_code(WORKSTATION, install_id)


def position(store: Store, bag_id: str) -> Position | None:
    with store.read() as conn:
        found = stock.bag(conn, bag_id)
    return None if found is None else found.position


def test_a_receipt_is_numbered_saved_stocked_and_audited_together(
    outbox: Outbox, store: Store
) -> None:
    item = outbox.submit_receive(receive("FX1", ["B1", "B2"]), bags("B1", "B2"), CLERK)
    assert item.number == f"RK20261128-{code(store)}-0001"
    assert code(store).startswith("XKGT")
    assert item.kind is DocumentKind.RECEIVE
    assert item.state is DeliveryState.PENDING
    assert item.bag_ids == ("B1", "B2")
    assert item.business_day == date(2026, 11, 28)
    assert item.operator == CLERK
    assert position(store, "B1") is Position.IN_STOCK
    with store.read() as conn:
        (entry,) = audit.entries(conn)
    assert (entry.action, entry.subject, entry.operator) == ("outbox.submit", item.number, CLERK)
    document = outbox.document(item.seq)
    assert document.internal_id == item.number  # type: ignore[union-attr]


def test_numbers_count_up_per_kind_and_day(outbox: Outbox, store: Store, clock: FixedClock) -> None:
    first = outbox.submit_receive(receive("FX1", ["B1"]), bags("B1"), CLERK)
    second = outbox.submit_receive(receive("FX1", ["B2"]), bags("B2"), CLERK)
    out = outbox.submit_takeout(takeout(["B1"]), CLERK)
    back = outbox.submit_cancel(cancel(out.number, ["B1"]), CLERK)
    clock.advance(timedelta(days=1))
    next_day = outbox.submit_receive(receive("FX1", ["B3"]), bags("B3"), CLERK)
    ws = code(store)
    assert [first.number, second.number, out.number, back.number, next_day.number] == [
        f"RK20261128-{ws}-0001",
        f"RK20261128-{ws}-0002",
        f"CK20261128-{ws}-0001",
        f"QX20261128-{ws}-0001",
        f"RK20261129-{ws}-0001",
    ]
    assert back.ref == out.number


def test_a_number_given_is_kept_and_never_reused(outbox: Outbox, store: Store) -> None:
    outbox.submit_receive(receive("FX1", ["B1"]), bags("B1"), CLERK)
    typed = f"RK20261128-{code(store)}-0002"
    given = outbox.submit_receive(receive("FX1", ["B2"], internalId=typed), bags("B2"), CLERK)
    assert given.number == typed
    numbered = outbox.submit_receive(receive("FX1", ["B3"]), bags("B3"), CLERK)
    assert numbered.number == f"RK20261128-{code(store)}-0003"
    with pytest.raises(NumberInUse) as refused:
        outbox.submit_receive(receive("FX1", ["B4"], internalId=typed), bags("B4"), CLERK)
    assert "已用于" in refused.value.message_zh


def test_an_invalid_document_is_refused_field_by_field_and_leaves_nothing(
    outbox: Outbox, store: Store
) -> None:
    bad = takeout(["B1"])
    del bad["outStock"]["optId"]
    with pytest.raises(InvalidDocument) as refused:
        outbox.submit_takeout(bad, CLERK)
    assert [error.path for error in refused.value.errors] == ["outStock.optId"]
    assert "必填项" in refused.value.errors[0].message_zh
    assert outbox.items() == []
    # The counter was not used up by the refused document.
    outbox.submit_receive(receive("FX1", ["B1"]), bags("B1"), CLERK)
    assert outbox.items()[0].number.endswith("-0001")


def test_an_impossible_movement_saves_nothing(outbox: Outbox, store: Store) -> None:
    with pytest.raises(StockConflict):
        outbox.submit_takeout(takeout(["NOT-HERE"]), CLERK)
    assert outbox.items() == []
    with store.read() as conn:
        assert audit.entries(conn) == []


def test_patient_data_is_encrypted_at_rest(outbox: Outbox, store: Store) -> None:
    outbox.submit_receive(receive("FX1", ["B1"]), bags("B1"), CLERK)
    outbox.submit_takeout(takeout(["B1"]), CLERK)
    store.close()
    raw = sqlite3.connect(store.path)
    try:
        dump = "\n".join(raw.iterdump())
    finally:
        raw.close()
    for secret in ("王五", "310101198001011234", "13800000000", "ZY2026005678"):
        assert secret not in dump


def test_ready_keeps_each_bags_documents_in_order(outbox: Outbox) -> None:
    received = outbox.submit_receive(receive("FX1", ["B1", "B2"]), bags("B1", "B2"), CLERK)
    out = outbox.submit_takeout(takeout(["B1"]), CLERK)
    back = outbox.submit_cancel(cancel(out.number, ["B1"]), CLERK)
    other = outbox.submit_receive(receive("FX2", ["C1"]), bags("C1"), CLERK)
    assert [item.seq for item in outbox.ready(AT)] == [received.seq, other.seq]
    outbox.acknowledge(received.seq, AT)
    assert [item.seq for item in outbox.ready(AT)] == [out.seq, other.seq]
    outbox.acknowledge(out.seq, AT)
    assert back.seq in [item.seq for item in outbox.ready(AT)]


def test_an_item_waiting_for_its_retry_is_not_ready_yet_but_holds_its_bags(
    outbox: Outbox,
) -> None:
    received = outbox.submit_receive(receive("FX1", ["B1"]), bags("B1"), CLERK)
    outbox.submit_takeout(takeout(["B1"]), CLERK)
    error = ItemError("NetworkError", "无法连接", "cannot connect")
    outbox.retry_later(received.seq, AT + timedelta(minutes=1), error)
    assert outbox.ready(AT) == []
    assert [item.seq for item in outbox.ready(AT + timedelta(minutes=1))] == [received.seq]
    item = outbox.item(received.seq)
    assert (item.state, item.attempts, item.error) == (DeliveryState.PENDING, 1, error)
    assert outbox.next_attempt_due() == AT + timedelta(minutes=1)
    assert outbox.retry_now() == 1
    assert [item.seq for item in outbox.ready(AT)] == [received.seq]


def test_counts_and_business_days_for_the_deadline(outbox: Outbox) -> None:
    late = datetime(2026, 11, 27, 23, 50, tzinfo=SHANGHAI)
    outbox.submit_receive(receive("FX1", ["B1", "B2"], at=late), bags("B1", "B2"), CLERK)
    out = outbox.submit_takeout(takeout(["B1"], at=late), CLERK)
    outbox.submit_takeout(takeout(["B2"]), CLERK)
    outbox.mark_in_doubt(out.seq, ItemError("OutcomeUnknown", "不明", "unknown"), AT)
    counts = outbox.counts()
    assert (counts.waiting, counts.in_doubt, counts.needs_attention) == (2, 1, 0)
    assert sorted(outbox.unacknowledged_by_day()) == [
        (date(2026, 11, 27), DocumentKind.RECEIVE),
        (date(2026, 11, 27), DocumentKind.TAKEOUT),
        (date(2026, 11, 28), DocumentKind.TAKEOUT),
    ]


def test_state_changes_only_from_the_states_that_allow_them(outbox: Outbox) -> None:
    item = outbox.submit_receive(receive("FX1", ["B1"]), bags("B1"), CLERK)
    outbox.acknowledge(item.seq, AT)
    with pytest.raises(Exception, match="已上传"):
        outbox.needs_attention(item.seq, ItemError("Refused", "拒收", "refused"))
    assert outbox.item(item.seq).acknowledged_at == AT


def test_the_pause_is_kept_until_resumed(outbox: Outbox, store: Store, clock: FixedClock) -> None:
    assert outbox.paused() is None
    error = ItemError("CredentialsRejected", "密码错误", "wrong secret")
    outbox.pause(error, AT)
    reopened = Outbox(store, WORKSTATION)
    pause = reopened.paused()
    assert pause is not None
    assert (pause.since, pause.error.kind, pause.error.message_zh) == (AT, error.kind, "密码错误")
    assert reopened.resume() is True
    assert outbox.paused() is None
    assert outbox.resume() is False


def test_patient_data_is_dropped_a_month_after_acknowledgement(
    outbox: Outbox, store: Store
) -> None:
    outbox.submit_receive(receive("FX1", ["B1", "B2"]), bags("B1", "B2"), CLERK)
    old = outbox.submit_takeout(takeout(["B1"]), CLERK)
    recent = outbox.submit_takeout(takeout(["B2"]), CLERK)
    outbox.acknowledge(old.seq, AT)
    outbox.acknowledge(recent.seq, AT + timedelta(days=20))
    assert outbox.purge_patient_data(AT + timedelta(days=31)) == 1
    record = outbox.stored_wire(old.seq)["transfusionApply"]["medicalRecord"]
    assert not {"name", "cardno", "contact", "originalId", "opEmHpNo"} & set(record)
    assert record["diagnose"] == "上消化道出血"
    kept = outbox.document(recent.seq)
    assert kept.transfusion_apply.medical_record.name == "王五"  # type: ignore[union-attr]
    assert outbox.purge_patient_data(AT + timedelta(days=31)) == 0
