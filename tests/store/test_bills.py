"""Handover bills: the dispatch list, fetched bills kept whole, and each bill's receiving state."""

from __future__ import annotations

from datetime import timedelta

import pytest
from documents import receive_151
from stores import START

from desktop.domain.models import DispatchListEntry, HandoverInfo
from desktop.store import bills, stock
from desktop.store.bills import RECEIVE_DRAFT_FORM, BillState
from desktop.store.database import Store
from desktop.store.drafts import delete_draft, save_draft
from desktop.training.seed import World, build_world


@pytest.fixture(scope="module")
def world() -> World:
    return build_world()


def some_bills(world: World, count: int) -> list[HandoverInfo]:
    return [world.bill_info(bill_id) for bill_id in list(world.bills)[:count]]


def entry(bill_id: str, hours: int) -> DispatchListEntry:
    return DispatchListEntry(id=bill_id, deliver_time=START + timedelta(hours=hours))


def receive(store: Store, info: HandoverInfo, count: int, internal_id: str) -> None:
    bags = info.blood_bags[:count]
    with store.transaction() as conn:
        stock.apply_receive(
            conn, receive_151(info.id, [b.blood_bag_id for b in bags], internal_id), bags, START
        )


def test_dispatch_entries_report_what_is_new(store: Store) -> None:
    assert bills.save_dispatch_entries(store, [entry("FX1", 1), entry("FX2", 2)]) == ["FX1", "FX2"]
    assert bills.save_dispatch_entries(store, [entry("FX2", 2), entry("FX3", 3)]) == ["FX3"]
    assert bills.save_dispatch_entries(store, []) == []
    assert bills.unfetched_bill_ids(store) == ["FX1", "FX2", "FX3"]


def test_a_bill_round_trips(store: Store, world: World) -> None:
    info = some_bills(world, 1)[0]
    assert bills.save_bill(store, info) is True
    again = bills.bill(store, info.id)
    assert again == info
    assert again is not None
    assert [bag.blood_bag_id for bag in again.blood_bags] == [
        bag.blood_bag_id for bag in info.blood_bags
    ]
    assert bills.bill(store, "no-such-bill") is None


def test_unreadable_groups_keep_what_the_platform_sent(store: Store) -> None:
    info = HandoverInfo.model_validate(
        {
            "id": "FX9",
            "deliverTime": "2026-11-28 08:00:00",
            "bloodBags": [{"bloodBagId": "B1", "bloodGroup": "Q型", "rhBloodGroup": "阳性"}],
            "sums": [{"bloodSubType": "红细胞", "bloodGroup": "A", "conversion": "1.50"}],
        }
    )
    bills.save_bill(store, info)
    again = bills.bill(store, "FX9")
    assert again == info
    assert again is not None
    assert again.blood_bags[0].blood_group_as_sent == "Q型"
    assert str(again.sums[0].conversion) == "1.50"


def test_saving_a_bill_again_is_idempotent(store: Store, world: World) -> None:
    info = some_bills(world, 1)[0]
    assert bills.save_bill(store, info) is True
    assert bills.save_bill(store, info) is False
    assert bills.bill(store, info.id) == info
    fewer = info.model_copy(update={"blood_bags": info.blood_bags[:1], "sums": []})
    bills.save_bill(store, fewer)
    assert bills.bill(store, info.id) == fewer


def test_fetched_bills_leave_the_unfetched_list(store: Store, world: World) -> None:
    first, second = some_bills(world, 2)
    bills.save_dispatch_entries(
        store, [DispatchListEntry(id=b.id, deliver_time=b.deliver_time) for b in (first, second)]
    )
    bills.save_bill(store, first)
    assert bills.unfetched_bill_ids(store) == [second.id]


def test_bill_list_newest_first_with_states(store: Store, world: World) -> None:
    infos = sorted(
        (info for info in some_bills(world, 8) if len(info.blood_bags) >= 2),
        key=lambda info: info.deliver_time,
    )[:4]
    for info in infos:
        bills.save_bill(store, info)
    new, receiving, partly, received = infos
    save_draft(store, RECEIVE_DRAFT_FORM, receiving.id, {"scanned": []})
    receive(store, partly, 1, "RK-1")
    receive(store, received, len(received.blood_bags), "RK-2")
    listed = bills.bills(store)
    assert [summary.id for summary in listed] == [info.id for info in reversed(infos)]
    states = {summary.id: summary.state for summary in listed}
    assert states == {
        new.id: BillState.NEW,
        receiving.id: BillState.RECEIVING,
        partly.id: BillState.PARTLY_RECEIVED,
        received.id: BillState.RECEIVED,
    }
    by_id = {summary.id: summary for summary in listed}
    assert by_id[partly.id].received_count == 1
    assert by_id[partly.id].bag_count == len(partly.blood_bags)
    assert len(bills.bills(store, limit=2)) == 2
    delete_draft(store, RECEIVE_DRAFT_FORM, receiving.id)
    assert {s.id: s.state for s in bills.bills(store)}[receiving.id] is BillState.NEW


def test_received_bag_ids(store: Store, world: World) -> None:
    info = some_bills(world, 1)[0]
    bills.save_bill(store, info)
    receive(store, info, 1, "RK-1")
    with store.read() as conn:
        assert bills.received_bag_ids(conn, info.id) == {info.blood_bags[0].blood_bag_id}
