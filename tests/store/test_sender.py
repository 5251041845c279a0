"""The drain against the training platform: what each answer does to an item."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from paperwork import CLERK, OTHER_HOSPITAL, cancel, receive, takeout
from training import admin_state, client_on, new_bill, revoke_tokens, running_platform, set_faults

from desktop.connection import Connection
from desktop.domain.backoff import Backoff
from desktop.domain.dates import SHANGHAI
from desktop.domain.delivery import DeliveryState
from desktop.domain.models import HandoverInfo
from desktop.store import audit, stock
from desktop.store.database import Store
from desktop.store.outbox import Outbox
from desktop.store.sender import OutboxSender, StopReason
from desktop.store.stock import Position
from desktop.store.times import shanghai_now
from desktop.training.platform import TrainingPlatform
from desktop.training.seed import TRAINING_HOSPITAL_ID

QUICK = Backoff(base=0.01, cap=0.05)


@pytest.fixture(scope="module")
def platform() -> Iterator[TrainingPlatform]:
    with running_platform() as running:
        yield running


@pytest.fixture
def connection(platform: TrainingPlatform, tmp_path: Path) -> Iterator[Connection]:
    with client_on(platform, tmp_path / "client", operation_timeout_s=0.5) as opened:
        yield opened
    set_faults(platform)


@pytest.fixture
def outbox(store: Store) -> Outbox:
    # The platform outlives each test's store: every store is a new installation, numbered apart.
    return Outbox(store, "XKGT1")


@pytest.fixture
def sender(outbox: Outbox, connection: Connection) -> OutboxSender:
    return OutboxSender(outbox, connection.client, shanghai_now, random.Random(1), QUICK)


@pytest.fixture
def bill(platform: TrainingPlatform) -> HandoverInfo:
    return new_bill(platform, bags=6)


def bag_ids(bill: HandoverInfo) -> list[str]:
    return [bag.blood_bag_id for bag in bill.blood_bags]


def on_platform(platform: TrainingPlatform) -> dict[str, list[str]]:
    state = admin_state(platform)
    return {
        "receipts": [entry["document"]["internalId"] for entry in state["receipts"]],
        "takeouts": [entry["document"]["outStock"]["refId"] for entry in state["takeouts"]],
        "cancels": [entry["document"]["refId"] for entry in state["cancels"]],
    }


def test_a_chain_is_delivered_in_order(
    outbox: Outbox, sender: OutboxSender, platform: TrainingPlatform, bill: HandoverInfo
) -> None:
    bags = bag_ids(bill)
    received = outbox.submit_receive(receive(bill.id, bags), bill.blood_bags, CLERK)
    out = outbox.submit_takeout(takeout(bags[:2]), CLERK)
    back = outbox.submit_cancel(cancel(out.number, bags[:1]), CLERK)
    report = sender.drain()
    assert report.acknowledged == [received.seq, out.seq, back.seq]
    assert report.stopped is None
    assert outbox.counts().unacknowledged == 0
    held = on_platform(platform)
    assert received.number in held["receipts"]
    assert out.number in held["takeouts"]
    assert held["cancels"].count(out.number) == 1
    assert platform.state.stock(TRAINING_HOSPITAL_ID).count(bags[0]) == 1


def test_a_refused_document_needs_attention_with_the_platforms_words(
    outbox: Outbox, sender: OutboxSender, store: Store, bill: HandoverInfo
) -> None:
    bags = bag_ids(bill)
    outbox.submit_receive(receive(bill.id, bags), bill.blood_bags, CLERK)
    # A blood station is no hospital: the platform refuses the transfer; the desk cannot know.
    refused = outbox.submit_takeout(takeout(bags[:2], kind=1002, otherhosId=31000001), CLERK)
    its_cancel = outbox.submit_cancel(cancel(refused.number, bags[:1]), CLERK)
    later_on_its_bag = outbox.submit_takeout(takeout(bags[:1], kind=1007), CLERK)
    unrelated = outbox.submit_takeout(takeout(bags[2:3], kind=1007), CLERK)
    report = sender.drain()
    assert report.needs_attention == [refused.seq]
    assert unrelated.seq in report.acknowledged
    item = outbox.item(refused.seq)
    assert item.state is DeliveryState.NEEDS_ATTENTION
    assert item.error is not None
    assert item.error.kind == "Refused"
    assert "31000001" in (item.error.platform_message or "")
    assert "平台拒收" in item.error.message_zh
    assert outbox.item(its_cancel.seq).state is DeliveryState.PENDING
    assert outbox.item(later_on_its_bag.seq).state is DeliveryState.PENDING
    # Never resent by itself.
    assert sender.drain().attempts == 0
    assert outbox.item(refused.seq).attempts == 1


def test_fix_and_resend_delivers_the_correction_under_the_same_number(
    outbox: Outbox, sender: OutboxSender, platform: TrainingPlatform, bill: HandoverInfo
) -> None:
    bags = bag_ids(bill)
    outbox.submit_receive(receive(bill.id, bags), bill.blood_bags, CLERK)
    refused = outbox.submit_takeout(takeout(bags[:2], kind=1002, otherhosId=31000001), CLERK)
    its_cancel = outbox.submit_cancel(cancel(refused.number, bags[:1]), CLERK)
    sender.drain()
    changed = outbox.fix_and_resend(
        refused.seq, takeout(bags[:2], kind=1002, otherhosId=OTHER_HOSPITAL), CLERK
    )
    assert changed == ["outStock.otherhosId"]
    assert outbox.item(refused.seq).state is DeliveryState.PENDING
    report = sender.drain()
    assert report.acknowledged == [refused.seq, its_cancel.seq]
    assert on_platform(platform)["takeouts"].count(refused.number) == 1
    with outbox.store.read() as conn:
        actions = [entry.action for entry in audit.entries(conn)]
    assert actions.count("outbox.fix") == 1


def test_a_correction_may_not_change_the_bags(
    outbox: Outbox, sender: OutboxSender, bill: HandoverInfo
) -> None:
    bags = bag_ids(bill)
    outbox.submit_receive(receive(bill.id, bags), bill.blood_bags, CLERK)
    refused = outbox.submit_takeout(takeout(bags[:2], kind=1002, otherhosId=31000001), CLERK)
    sender.drain()
    with pytest.raises(Exception, match="撤回本单后重新登记"):
        outbox.fix_and_resend(refused.seq, takeout(bags[:3], kind=1002), CLERK)


def test_withdraw_reverses_the_stock_effect_and_takes_the_cancellation_along(
    outbox: Outbox, sender: OutboxSender, store: Store, bill: HandoverInfo
) -> None:
    bags = bag_ids(bill)
    outbox.submit_receive(receive(bill.id, bags), bill.blood_bags, CLERK)
    refused = outbox.submit_takeout(takeout(bags[:2], kind=1002, otherhosId=31000001), CLERK)
    its_cancel = outbox.submit_cancel(cancel(refused.number, bags[:1]), CLERK)
    sender.drain()
    assert [item.seq for item in outbox.withdrawal(refused.seq)] == [refused.seq, its_cancel.seq]
    withdrawn = outbox.withdraw(refused.seq, "调入医院填错，重新登记", CLERK)
    assert [item.seq for item in withdrawn] == [refused.seq, its_cancel.seq]
    assert outbox.item(refused.seq).state is DeliveryState.WITHDRAWN
    assert outbox.item(its_cancel.seq).state is DeliveryState.WITHDRAWN
    with store.read() as conn:
        assert all(stock.bag(conn, bag).position is Position.IN_STOCK for bag in bags[:2])  # type: ignore[union-attr]
        entries = [e for e in audit.entries(conn) if e.action == "outbox.withdraw"]
    assert {entry.subject for entry in entries} == {refused.number, its_cancel.number}
    assert all("调入医院填错" in entry.detail for entry in entries)
    # The bags can go out again under a new number.
    again = outbox.submit_takeout(takeout(bags[:2], kind=1002), CLERK)
    assert sender.drain().acknowledged == [again.seq]


def test_only_refused_items_can_be_withdrawn(outbox: Outbox, bill: HandoverInfo) -> None:
    bags = bag_ids(bill)
    received = outbox.submit_receive(receive(bill.id, bags), bill.blood_bags, CLERK)
    with pytest.raises(Exception, match="不能撤回"):
        outbox.withdraw(received.seq, "试试", CLERK)


def test_a_cancel_answered_fail_needs_attention(
    outbox: Outbox, sender: OutboxSender, platform: TrainingPlatform, bill: HandoverInfo
) -> None:
    bags = bag_ids(bill)
    outbox.submit_receive(receive(bill.id, bags), bill.blood_bags, CLERK)
    out = outbox.submit_takeout(takeout(bags[:2]), CLERK)
    sender.drain()
    # Another counter cancels one of the bags on the platform first.
    platform.state.cancel_takeout(
        TRAINING_HOSPITAL_ID, out.number, "他处取消", shanghai_now(), "9999", bags[:1]
    )
    back = outbox.submit_cancel(cancel(out.number, bags[:2]), CLERK)
    report = sender.drain()
    assert report.needs_attention == [back.seq]
    item = outbox.item(back.seq)
    assert item.error is not None
    assert item.error.platform_message == "fail"
    assert "取消出库失败" in item.error.message_zh


def test_an_unreachable_platform_stops_the_drain_and_backs_off(
    outbox: Outbox, store: Store, bill: HandoverInfo, platform: TrainingPlatform, tmp_path: Path
) -> None:
    bags = bag_ids(bill)
    first = outbox.submit_receive(receive(bill.id, bags[:3]), bill.blood_bags, CLERK)
    outbox.submit_receive(receive(bill.id, bags[3:]), bill.blood_bags, CLERK)
    with running_platform() as doomed, client_on(doomed, tmp_path / "doomed") as connection:
        connection.client.description()
        doomed.stop()
        sender = OutboxSender(outbox, connection.client, shanghai_now, random.Random(2), QUICK)
        before = shanghai_now()
        report = sender.drain()
    assert report.stopped is StopReason.PLATFORM_DOWN
    assert report.retry_later == [first.seq]
    assert report.faults == {"NetworkError": 1}
    item = outbox.item(first.seq)
    assert item.state is DeliveryState.PENDING
    assert item.error is not None
    assert "无法连接到平台" in item.error.message_zh
    assert item.next_attempt_at is not None
    assert before <= item.next_attempt_at <= before + timedelta(seconds=1)
    assert report.platform_retry_at is not None
    # Stored to the millisecond.
    assert abs(report.platform_retry_at - item.next_attempt_at) < timedelta(milliseconds=1)


def test_unavailable_waits_at_least_retry_after(
    outbox: Outbox, sender: OutboxSender, platform: TrainingPlatform, bill: HandoverInfo
) -> None:
    item = outbox.submit_receive(receive(bill.id, bag_ids(bill)), bill.blood_bags, CLERK)
    set_faults(platform, unavailable=1.0, **{"retry-after": 30})
    before = shanghai_now()
    report = sender.drain()
    assert report.stopped is StopReason.PLATFORM_DOWN
    waited = outbox.item(item.seq).next_attempt_at
    assert waited is not None
    assert waited >= before + timedelta(seconds=30)
    set_faults(platform)
    # The sender remembers the platform is down: the next drain does not call it.
    assert sender.drain().attempts == 0
    sender.retry_now()
    outbox.retry_now()
    assert sender.drain().acknowledged == [item.seq]


def test_an_answer_lost_after_processing_is_resent_and_held_once(
    outbox: Outbox, sender: OutboxSender, platform: TrainingPlatform, bill: HandoverInfo
) -> None:
    item = outbox.submit_receive(receive(bill.id, bag_ids(bill)), bill.blood_bags, CLERK)
    set_faults(platform, timeout=1.0, hang=2)
    report = sender.drain()
    assert report.in_doubt == [item.seq]
    doubtful = outbox.item(item.seq)
    assert doubtful.state is DeliveryState.IN_DOUBT
    assert doubtful.error is not None
    assert doubtful.error.kind == "OutcomeUnknown"
    set_faults(platform, cut=1.0)
    assert sender.drain(deadline=shanghai_now() + timedelta(seconds=5)).in_doubt in ([item.seq], [])
    set_faults(platform)
    outbox.retry_now()
    assert sender.drain().acknowledged == [item.seq]
    assert on_platform(platform)["receipts"].count(item.number) == 1


def test_rejected_credentials_pause_the_queue_untouched_until_resumed(
    outbox: Outbox, sender: OutboxSender, platform: TrainingPlatform, bill: HandoverInfo
) -> None:
    item = outbox.submit_receive(receive(bill.id, bag_ids(bill)), bill.blood_bags, CLERK)
    set_faults(platform, **{"wrong-credentials": True})
    revoke_tokens(platform)
    report = sender.drain()
    assert report.stopped is StopReason.PAUSED
    assert report.pause is not None
    assert "客户编号或密码" in report.pause.error.message_zh
    untouched = outbox.item(item.seq)
    assert (untouched.state, untouched.attempts, untouched.error) == (
        DeliveryState.PENDING,
        0,
        None,
    )
    set_faults(platform)
    assert sender.drain().stopped is StopReason.PAUSED
    assert outbox.resume()
    assert sender.drain().acknowledged == [item.seq]


def test_earlier_days_items_are_sent_with_todays(
    outbox: Outbox, sender: OutboxSender, bill: HandoverInfo
) -> None:
    yesterday = datetime.now(SHANGHAI) - timedelta(days=1)
    old = outbox.submit_receive(
        receive(bill.id, bag_ids(bill), at=yesterday), bill.blood_bags, CLERK
    )
    assert old.business_day == yesterday.date()
    assert sender.drain().acknowledged == [old.seq]


def test_max_items_and_deadline_end_a_drain_early(
    outbox: Outbox, sender: OutboxSender, bill: HandoverInfo
) -> None:
    for bag in bag_ids(bill)[:3]:
        outbox.submit_receive(receive(bill.id, [bag]), bill.blood_bags, CLERK)
    report = sender.drain(max_items=2)
    assert (len(report.acknowledged), report.stopped) == (2, StopReason.MAX_ITEMS)
    report = sender.drain(deadline=shanghai_now() - timedelta(seconds=1))
    assert (report.attempts, report.stopped) == (0, StopReason.DEADLINE)
    assert len(sender.drain().acknowledged) == 1
