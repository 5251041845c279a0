"""The hospital's stock: receipts, takeouts and cancellations move bags, impossible moves are refused."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from documents import NOW, cancel, receive_151, takeout_1005
from stores import START

from desktop.domain.codes import Abo, Rh, TakeoutType
from desktop.domain.models import Blood, BloodBagInfo, Receive, TakeoutListForm
from desktop.store import stock
from desktop.store.database import Store
from desktop.store.dictionaries import Dictionary, replace_dictionary
from desktop.store.stock import Position, StockConflict

WARD = 1203
OTHER_HOSPITAL = 31010502


def bag(
    bag_id: str,
    product: str = "E0224V00",
    abo: str = "A",
    rh: str = "2",
    expires: datetime | None = None,
) -> BloodBagInfo:
    return BloodBagInfo.model_validate(
        {
            "id": bag_id,
            "serialId": bag_id[:13],
            "bloodId": product,
            "bloodGroup": abo,
            "rhBloodGroup": rh,
            "collectTime": START - timedelta(days=3),
            "producer": "上海市血液中心",
            "expiration": expires or START + timedelta(days=30),
        }
    )


def receipt(kind: int, number: str, bag_ids: Sequence[str], **extra: Any) -> Receive:
    return Receive.model_validate(
        {
            "internalId": number,
            "type": kind,
            "refId": extra.pop("refId", "FX1"),
            "receiver": "张三",
            "createTime": NOW,
            "receiveTime": NOW,
            "bloodBags": [{"bloodBagId": bag_id} for bag_id in bag_ids],
            **extra,
        }
    )


def takeout(kind: int, ref_id: str, bag_ids: Sequence[str], **extra: Any) -> TakeoutListForm:
    return TakeoutListForm.model_validate(
        {
            "outStock": {
                "refId": ref_id,
                "type": kind,
                "createTime": NOW,
                "commitTime": NOW,
                "optId": "lisi",
                "details": [{"bloodBagId": bag_id} for bag_id in bag_ids],
                **extra,
            }
        }
    )


def receive_bags(store: Store, bags: Sequence[BloodBagInfo], number: str = "RK-1") -> None:
    with store.transaction() as conn:
        stock.apply_receive(conn, receive_151("FX1", [b.id for b in bags], number), bags, START)


def issue(store: Store, ref_id: str, bag_ids: Sequence[str]) -> None:
    with store.transaction() as conn:
        stock.apply_takeout(conn, takeout_1005(ref_id, bag_ids, WARD), START)


def positions(store: Store) -> dict[str, Position]:
    with store.read() as conn:
        return {
            row[0]: Position(row[1]) for row in conn.execute("SELECT bag_id, position FROM bag")
        }


def ledger_size(store: Store) -> tuple[int, ...]:
    with store.read() as conn:
        return tuple(
            conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("bag", "stock_movement", "receipt", "takeout", "takeout_bag")
        )


def refused(store: Store, change: Any, *args: Any) -> StockConflict:
    before = (ledger_size(store), positions(store))
    with pytest.raises(StockConflict) as caught, store.transaction() as conn:
        change(conn, *args, START)
    assert (ledger_size(store), positions(store)) == before, "a refusal writes nothing"
    assert caught.value.message_zh
    assert caught.value.message_en
    return caught.value


def test_a_receipt_puts_bags_on_the_shelf(store: Store) -> None:
    bags = [bag("B1"), bag("B2", abo="O", rh="1")]
    receive_bags(store, bags)
    with store.read() as conn:
        shelf = stock.on_shelf(conn)
        assert [item.bag_id for item in shelf] == ["B1", "B2"]
        assert shelf[1].abo is Abo.O
        assert shelf[1].rh is Rh.NEGATIVE
        assert shelf[0].product == "E0224V00"
        assert shelf[0].expiration == START + timedelta(days=30)
        assert shelf[0].position is Position.IN_STOCK
        movement = conn.execute(
            "SELECT direction, document_kind, document_type, document_number, ref_id "
            "FROM stock_movement WHERE bag_id = 'B1'"
        ).fetchall()
        assert movement == [("in", "receive", 151, "RK-1", "FX1")]


def test_receiving_a_bag_twice_is_refused(store: Store) -> None:
    receive_bags(store, [bag("B1")])
    error = refused(store, stock.apply_receive, receive_151("FX1", ["B2", "B1"], "RK-2"),
                    [bag("B2"), bag("B1")])  # fmt: skip
    assert error.bag_ids == ("B1",)
    assert "B1" in error.message_zh


def test_a_receipt_number_cannot_be_used_twice(store: Store) -> None:
    receive_bags(store, [bag("B1")])
    error = refused(store, stock.apply_receive, receive_151("FX1", ["B2"], "RK-1"), [bag("B2")])
    assert "RK-1" in error.message_zh


def test_a_new_bag_needs_its_details(store: Store) -> None:
    with pytest.raises(ValueError, match="details"), store.transaction() as conn:
        stock.apply_receive(conn, receive_151("FX1", ["B1"], "RK-1"), [], START)


def test_changes_must_run_in_a_transaction(store: Store) -> None:
    with pytest.raises(RuntimeError, match="transaction"):
        stock.apply_receive(store.conn, receive_151("FX1", ["B1"], "RK-1"), [bag("B1")], START)


def test_a_takeout_issues_bags(store: Store) -> None:
    receive_bags(store, [bag("B1"), bag("B2")])
    issue(store, "CK-1", ["B1"])
    with store.read() as conn:
        assert [item.bag_id for item in stock.on_shelf(conn)] == ["B2"]
        issued = stock.issued_history(conn, department=WARD)
        assert [(i.bag.bag_id, i.ref_id, i.department) for i in issued] == [("B1", "CK-1", WARD)]
        assert stock.issued_history(conn, department=9999) == []
        record = stock.takeout(conn, "CK-1")
        assert record is not None
        assert record.type is TakeoutType.CLINICAL_USE
        assert record.department == WARD
        assert [(line.bag_id, line.cancelled_at) for line in record.bags] == [("B1", None)]
        assert stock.takeout(conn, "CK-9") is None
    assert positions(store)["B1"] is Position.ISSUED


@pytest.mark.parametrize(
    ("kind", "extra", "position"),
    [
        (1002, {"otherhosId": OTHER_HOSPITAL}, Position.TRANSFERRED_OUT),
        (1007, {}, Position.SCRAPPED),
        (252, {}, Position.RETURNED_TO_STATION),
    ],
)
def test_other_takeouts(store: Store, kind: int, extra: dict[str, Any], position: Position) -> None:
    receive_bags(store, [bag("B1")])
    with store.transaction() as conn:
        stock.apply_takeout(conn, takeout(kind, "CK-1", ["B1"], **extra), START)
    assert positions(store)["B1"] is position
    with store.read() as conn:
        assert stock.issued_history(conn) == []
        assert [t.ref_id for t in stock.takeouts(conn, kind=TakeoutType(kind))] == ["CK-1"]


def test_taking_out_a_bag_not_on_the_shelf_is_refused(store: Store) -> None:
    receive_bags(store, [bag("B1"), bag("B2")])
    issue(store, "CK-1", ["B1"])
    error = refused(store, stock.apply_takeout, takeout_1005("CK-2", ["B2", "B1", "B9"]))
    assert error.bag_ids == ("B1", "B9")
    assert positions(store)["B2"] is Position.IN_STOCK


def test_a_takeout_number_cannot_be_used_twice(store: Store) -> None:
    receive_bags(store, [bag("B1"), bag("B2")])
    issue(store, "CK-1", ["B1"])
    error = refused(store, stock.apply_takeout, takeout_1005("CK-1", ["B2"]))
    assert "CK-1" in error.message_zh


def test_a_cancellation_puts_bags_back(store: Store) -> None:
    receive_bags(store, [bag("B1"), bag("B2")])
    issue(store, "CK-1", ["B1", "B2"])
    with store.transaction() as conn:
        stock.apply_cancel(conn, cancel("CK-1", ["B2"]), START)
    assert positions(store) == {"B1": Position.ISSUED, "B2": Position.IN_STOCK}
    with store.read() as conn:
        record = stock.takeout(conn, "CK-1")
        assert record is not None
        assert [(line.bag_id, line.cancelled_at is not None) for line in record.bags] == [
            ("B1", False),
            ("B2", True),
        ]
        assert record.bags[1].cancel_reason == "患者病情变化，未输注"
        last = conn.execute(
            "SELECT direction, document_kind, position_after FROM stock_movement "
            "WHERE bag_id = 'B2' ORDER BY id DESC LIMIT 1"
        ).fetchone()
        assert last == ("in", "cancel", "in_stock")
    issue(store, "CK-2", ["B2"])
    assert positions(store)["B2"] is Position.ISSUED


def test_impossible_cancellations_are_refused(store: Store) -> None:
    receive_bags(store, [bag("B1"), bag("B2"), bag("B3")])
    issue(store, "CK-1", ["B1", "B2"])
    issue(store, "CK-2", ["B3"])
    with store.transaction() as conn:
        stock.apply_cancel(conn, cancel("CK-1", ["B1"]), START)
    assert "CK-9" in refused(store, stock.apply_cancel, cancel("CK-9", ["B1"])).message_zh
    assert refused(store, stock.apply_cancel, cancel("CK-1", ["B1"])).bag_ids == ("B1",)
    assert refused(store, stock.apply_cancel, cancel("CK-1", ["B3"])).bag_ids == ("B3",)
    with store.transaction() as conn:
        stock.apply_receive(conn, receipt(1006, "RK-2", ["B2"], depId=WARD), [], START)
    assert refused(store, stock.apply_cancel, cancel("CK-1", ["B2"])).bag_ids == ("B2",)


def test_a_department_return_takes_back_an_issued_bag(store: Store) -> None:
    receive_bags(store, [bag("B1"), bag("B2")])
    issue(store, "CK-1", ["B1"])
    error = refused(store, stock.apply_receive, receipt(1006, "RK-2", ["B2"], depId=WARD), [])
    assert error.bag_ids == ("B2",)
    with store.transaction() as conn:
        stock.apply_receive(conn, receipt(1006, "RK-2", ["B1"], depId=WARD), [], START)
    assert positions(store)["B1"] is Position.IN_STOCK
    with store.read() as conn:
        assert stock.issued_history(conn) == []
        shelf_bag = stock.bag(conn, "B1")
        assert shelf_bag is not None
        assert shelf_bag.takeout_ref is None
        assert shelf_bag.product == "E0224V00", "the details stay"


def test_a_transfer_in_brings_new_bags_and_our_own_back(store: Store) -> None:
    transfer = {"refId": "DB-77", "disOrganId": OTHER_HOSPITAL}
    with store.transaction() as conn:
        stock.apply_receive(conn, receipt(1001, "RK-1", ["T1"], **transfer), [bag("T1")], START)
    assert positions(store)["T1"] is Position.IN_STOCK
    error = refused(store, stock.apply_receive, receipt(1001, "RK-2", ["T1"], **transfer),
                    [bag("T1")])  # fmt: skip
    assert error.bag_ids == ("T1",)
    with store.transaction() as conn:
        stock.apply_takeout(conn, takeout(1002, "CK-1", ["T1"], otherhosId=OTHER_HOSPITAL), START)
        stock.apply_receive(conn, receipt(1001, "RK-3", ["T1"], **transfer), [], START)
    assert positions(store)["T1"] is Position.IN_STOCK


def test_a_scrapped_bag_cannot_come_back_from_a_transfer(store: Store) -> None:
    receive_bags(store, [bag("B1")])
    with store.transaction() as conn:
        stock.apply_takeout(conn, takeout(1007, "BF-1", ["B1"]), START)
    transfer = {"refId": "DB-77", "disOrganId": OTHER_HOSPITAL}
    refused(store, stock.apply_receive, receipt(1001, "RK-2", ["B1"], **transfer), [bag("B1")])


def test_shelf_filters_summary_and_expiry(store: Store) -> None:
    replace_dictionary(
        store,
        Dictionary.BLOOD,
        [Blood(id="E0224V00", full_name="去白细胞悬浮红细胞", capacity=Decimal("200"))],
    )
    bags = [
        bag("B1", abo="A", rh="2", expires=START + timedelta(days=10)),
        bag("B2", abo="A", rh="2", expires=START + timedelta(hours=20)),
        bag("B3", abo="O", rh="1", expires=START - timedelta(hours=1)),
        bag("B4", product="E2635V00", abo="B", rh="2", expires=START + timedelta(days=300)),
    ]
    receive_bags(store, bags)
    issue(store, "CK-1", ["B1"])
    with store.read() as conn:
        assert [b.bag_id for b in stock.on_shelf(conn, abo=Abo.A, rh=Rh.POSITIVE)] == ["B2"]
        assert [b.bag_id for b in stock.on_shelf(conn, product="E2635V00")] == ["B4"]
        assert [b.bag_id for b in stock.on_shelf(conn)] == ["B3", "B2", "B4"]
        assert [b.bag_id for b in stock.expiring(conn, START, timedelta(days=1))] == ["B3", "B2"]
        assert [b.bag_id for b in stock.expiring(conn, START, timedelta(0))] == ["B3"]
        summary = stock.stock_summary(conn)
    assert [(s.product, s.product_name, s.abo, s.rh, s.count) for s in summary] == [
        ("E0224V00", "去白细胞悬浮红细胞", Abo.A, Rh.POSITIVE, 1),
        ("E0224V00", "去白细胞悬浮红细胞", Abo.O, Rh.NEGATIVE, 1),
        ("E2635V00", None, Abo.B, Rh.POSITIVE, 1),
    ]
    assert summary[0].earliest_expiration == START + timedelta(hours=20)


def test_takeouts_listed_newest_first(store: Store) -> None:
    receive_bags(store, [bag("B1"), bag("B2")])
    with store.transaction() as conn:
        early = takeout(1007, "BF-1", ["B1"])
        early.out_stock.commit_time = START - timedelta(days=2)
        stock.apply_takeout(conn, early, START)
        stock.apply_takeout(conn, takeout(1007, "BF-2", ["B2"]), START)
    with store.read() as conn:
        assert [t.ref_id for t in stock.takeouts(conn)] == ["BF-2", "BF-1"]
        assert [t.ref_id for t in stock.takeouts(conn, since=START - timedelta(days=1))] == ["BF-2"]


def test_the_ledger_is_append_only(store: Store) -> None:
    receive_bags(store, [bag("B1")])
    for statement in ("UPDATE stock_movement SET at = 'x'", "DELETE FROM stock_movement"):
        with pytest.raises(sqlite3.IntegrityError, match="append-only"), store.transaction() as c:
            c.execute(statement)
    assert ledger_size(store)[1] == 1
