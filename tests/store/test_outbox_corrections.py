"""Withdrawing and correcting refused items: the local stock is put back exactly, and audited."""

from __future__ import annotations

from datetime import timedelta

import pytest
from paperwork import AT, CLERK, cancel, department_return, receive, takeout

from desktop.domain.delivery import DeliveryState
from desktop.domain.models import BloodBagInfo
from desktop.store import audit, stock
from desktop.store.database import Store
from desktop.store.outbox import Outbox
from desktop.store.outbox_items import ItemError, OutboxRefusal, WrongState
from desktop.store.stock import Position

REFUSED = ItemError("Refused", "平台拒收", "refused", "bad")


@pytest.fixture
def outbox(store: Store) -> Outbox:
    return Outbox(store, "FIX1")


def bags(*ids: str) -> list[BloodBagInfo]:
    return [BloodBagInfo.model_validate({"id": bag}) for bag in ids]


def where(store: Store, bag_id: str) -> tuple[Position, str | None]:
    with store.read() as conn:
        found = stock.bag(conn, bag_id)
    assert found is not None
    return found.position, found.takeout_ref


def refuse(outbox: Outbox, seq: int) -> None:
    outbox.needs_attention(seq, REFUSED)


def test_a_refused_department_return_and_what_followed_it_are_unwound(
    outbox: Outbox, store: Store
) -> None:
    outbox.acknowledge(outbox.submit_receive(receive("FX1", ["B1"]), bags("B1"), CLERK).seq, AT)
    issued = outbox.submit_takeout(takeout(["B1"]), CLERK)
    outbox.acknowledge(issued.seq, AT)
    returned = outbox.submit_receive(department_return(["B1"]), [], CLERK)
    scrapped = outbox.submit_takeout(takeout(["B1"], kind=1007), CLERK)
    refuse(outbox, returned.seq)
    assert where(store, "B1") == (Position.SCRAPPED, scrapped.number)
    withdrawn = outbox.withdraw(returned.seq, "退血科室填错", CLERK)
    assert [item.seq for item in withdrawn] == [returned.seq, scrapped.seq]
    assert where(store, "B1") == (Position.ISSUED, issued.number)
    assert {item.state for item in outbox.items()} == {
        DeliveryState.ACKNOWLEDGED,
        DeliveryState.WITHDRAWN,
    }
    with store.read() as conn:
        withdrawals = [e.subject for e in audit.entries(conn) if e.action == "outbox.withdraw"]
    assert sorted(withdrawals) == sorted([returned.number, scrapped.number])
    # Returned again, correctly this time.
    outbox.submit_receive(department_return(["B1"]), [], CLERK)
    assert where(store, "B1") == (Position.IN_STOCK, None)


def test_a_receipt_of_new_bags_cannot_be_withdrawn_only_corrected(
    outbox: Outbox, store: Store
) -> None:
    received = outbox.submit_receive(receive("FX1", ["B1"]), bags("B1"), CLERK)
    refuse(outbox, received.seq)
    with pytest.raises(OutboxRefusal, match="修改后重发"):
        outbox.withdraw(received.seq, "单号错", CLERK)
    assert outbox.item(received.seq).state is DeliveryState.NEEDS_ATTENTION
    assert where(store, "B1") == (Position.IN_STOCK, None)
    later = AT + timedelta(minutes=5)
    changed = outbox.fix_and_resend(
        received.seq, receive("FX1", ["B1"], at=later, receiver="0456"), CLERK
    )
    assert changed == ["createTime", "receiveTime", "receiver"]
    fixed = outbox.document(received.seq)
    assert fixed.internal_id == received.number  # type: ignore[union-attr]
    with store.read() as conn:
        row = conn.execute(
            "SELECT receiver FROM receipt WHERE internal_id = ?", (received.number,)
        ).fetchone()
    assert row[0] == "0456"


def test_a_refused_cancellation_withdrawn_sends_its_bags_back_out(
    outbox: Outbox, store: Store
) -> None:
    outbox.acknowledge(outbox.submit_receive(receive("FX1", ["B1"]), bags("B1"), CLERK).seq, AT)
    out = outbox.submit_takeout(takeout(["B1"], kind=1002), CLERK)
    outbox.acknowledge(out.seq, AT)
    back = outbox.submit_cancel(cancel(out.number, ["B1"]), CLERK)
    assert where(store, "B1") == (Position.IN_STOCK, None)
    refuse(outbox, back.seq)
    outbox.withdraw(back.seq, "对方医院已接收", CLERK)
    assert where(store, "B1") == (Position.TRANSFERRED_OUT, out.number)
    with store.read() as conn:
        (record,) = stock.takeouts(conn, ref_id=out.number)
    assert record.bags[0].cancelled_at is None


def test_a_withdrawal_needs_a_reason_and_a_refused_item(outbox: Outbox) -> None:
    received = outbox.submit_receive(receive("FX1", ["B1"]), bags("B1"), CLERK)
    refuse(outbox, received.seq)
    with pytest.raises(OutboxRefusal, match="原因"):
        outbox.withdraw(received.seq, " ", CLERK)
    other = outbox.submit_receive(receive("FX1", ["B2"]), bags("B2"), CLERK)
    with pytest.raises(WrongState):
        outbox.withdraw(other.seq, "想撤回", CLERK)
    with pytest.raises(WrongState):
        outbox.fix_and_resend(other.seq, receive("FX1", ["B2"]), CLERK)
