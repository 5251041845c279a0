"""Receipts, takeouts and cancellations applied to the hospital's own stock.

Each function runs inside the caller's transaction (the outbox writes the
document, its effect on stock and the audit entry together), checks every bag
first and writes only if all are where the document needs them, so a refused
document (`StockConflict`) leaves nothing behind. Every change of place is a
row of the append-only `stock_movement` ledger plus the bag's new `position`.

The rules mirror the platform's: a bag comes from the blood station (151)
only once; a transfer-in (1001) brings a bag new to us or one we transferred
out; a department return (1006) takes back only a bag we issued; a takeout
takes only bags on our shelf; a cancellation undoes only bags still where
that takeout put them.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Final, NamedTuple

from desktop.domain.codes import ReceiveType, TakeoutType
from desktop.domain.models import BloodBagInfo, CancelTakeout, Receive, TakeoutListForm
from desktop.domain.models.handover import HandoverDetailInfo
from desktop.store.stock.positions import TAKEOUT_POSITIONS, Position, StockConflict, refuse_bags
from desktop.store.times import optional_text, to_text

BagDetails = BloodBagInfo | HandoverDetailInfo
"""What the platform says about a bag: from a handover bill or from `getBloodBags`."""


class _Document(NamedTuple):
    """The document a ledger row names."""

    kind: str
    type: int
    number: str
    """The receipt's internalId, or the takeout's refId."""
    ref_id: str
    """The receipt's refId (the bill, the other hospital's takeout), or the takeout's refId."""


_RECEIVABLE_FROM: Final[Mapping[ReceiveType, frozenset[Position | None]]] = {
    ReceiveType.FROM_BLOOD_STATION: frozenset({None}),
    ReceiveType.TRANSFER_IN: frozenset({None, Position.TRANSFERRED_OUT}),
    ReceiveType.DEPARTMENT_RETURN: frozenset({Position.ISSUED}),
}
_RECEIVE_REFUSALS: Final[Mapping[ReceiveType, tuple[str, str]]] = {
    ReceiveType.FROM_BLOOD_STATION: (
        "已经入过库，不能再从血站入库",
        "have been received before and cannot be received from the blood station again",
    ),
    ReceiveType.TRANSFER_IN: (
        "已在本院库存中或已由本院发出，不能调拨入库",
        "are already in this hospital's stock or were issued by it, and cannot be transferred in",
    ),
    ReceiveType.DEPARTMENT_RETURN: (
        "不是本院发往临床科室、尚未退回的血袋，不能做科室退血入库",
        "were not issued to a department by this hospital (or are already back), "
        "so they cannot be returned",
    ),
}


def apply_receive(
    conn: sqlite3.Connection, receive: Receive, bags: Sequence[BagDetails], at: datetime
) -> None:
    """Put the bags of `receive` on the shelf, at `at`, or refuse the whole receipt.

    `bags` gives the details of every bag new to this hospital (from the bill,
    or from `getBloodBags`); a bag we had before keeps its details unless
    `bags` brings newer ones.
    """
    _require_transaction(conn)
    if _exists(conn, "receipt", "internal_id", receive.internal_id):
        raise _number_used("入库单", "receipt", receive.internal_id)
    bag_ids = [line.blood_bag_id for line in receive.blood_bags]
    positions = _positions(conn, bag_ids)
    allowed = _RECEIVABLE_FROM[receive.type]
    reason_zh, reason_en = _RECEIVE_REFUSALS[receive.type]
    refuse_bags([bag for bag in bag_ids if positions.get(bag) not in allowed], reason_zh, reason_en)
    details = {bag.blood_bag_id: bag for bag in bags}
    missing = [bag for bag in bag_ids if bag not in positions and bag not in details]
    if missing:
        raise ValueError(f"apply_receive needs the details of new bags {missing}")
    stamp = to_text(at)
    document = _Document("receive", int(receive.type), receive.internal_id, receive.ref_id)
    conn.execute(
        "INSERT INTO receipt (internal_id, type, ref_id, dis_organ_id, dep_id, receiver, "
        "receive_time, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            receive.internal_id,
            int(receive.type),
            receive.ref_id,
            receive.dis_organ_id,
            receive.dep_id,
            receive.receiver,
            to_text(receive.receive_time),
            stamp,
        ),
    )
    for bag_id in bag_ids:
        if bag_id in details:
            _save_details(conn, details[bag_id], stamp)
        _move(conn, bag_id, document, Position.IN_STOCK, stamp)


def apply_takeout(conn: sqlite3.Connection, form: TakeoutListForm, at: datetime) -> None:
    """Take the bags of `form` off the shelf, at `at`, or refuse the whole takeout."""
    _require_transaction(conn)
    takeout = form.out_stock
    if _exists(conn, "takeout", "ref_id", takeout.ref_id):
        raise _number_used("出库单", "takeout", takeout.ref_id)
    bag_ids = [line.blood_bag_id for line in takeout.details]
    positions = _positions(conn, bag_ids)
    refuse_bags(
        [bag for bag in bag_ids if positions.get(bag) is not Position.IN_STOCK],
        "不在本院库存中，不能出库",
        "are not on this hospital's shelf and cannot be taken out",
    )
    stamp = to_text(at)
    conn.execute(
        "INSERT INTO takeout (ref_id, type, dep_id, otherhos_id, opt_id, commit_time, "
        "recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            takeout.ref_id,
            int(takeout.type),
            takeout.dep_id,
            takeout.otherhos_id,
            takeout.opt_id,
            to_text(takeout.commit_time),
            stamp,
        ),
    )
    destination = TAKEOUT_POSITIONS[takeout.type]
    document = _Document("takeout", int(takeout.type), takeout.ref_id, takeout.ref_id)
    for bag_id in bag_ids:
        conn.execute(
            "INSERT INTO takeout_bag (ref_id, bag_id) VALUES (?, ?)", (takeout.ref_id, bag_id)
        )
        _move(conn, bag_id, document, destination, stamp)


def apply_cancel(conn: sqlite3.Connection, cancel: CancelTakeout, at: datetime) -> None:
    """Put the cancelled bags of takeout `cancel.ref_id` back on the shelf, or refuse."""
    _require_transaction(conn)
    head = conn.execute("SELECT type FROM takeout WHERE ref_id = ?", (cancel.ref_id,)).fetchone()
    if head is None:
        raise StockConflict(
            f"本院没有单号为 {cancel.ref_id} 的出库单，无法取消。请核对出库单号。",
            f"This hospital has no takeout numbered {cancel.ref_id} to cancel; check the number.",
        )
    moved_to = TAKEOUT_POSITIONS[TakeoutType(head[0])]
    still_out = _still_out(conn, cancel.ref_id, moved_to)
    refuse_bags(
        [bag for bag in cancel.blood_bag_ids if bag not in still_out],
        f"不在出库单 {cancel.ref_id} 上、已取消过或已退回，不能取消",
        f"are not on takeout {cancel.ref_id}, were cancelled already, or have come back since, "
        "so they cannot be cancelled",
    )
    stamp = to_text(at)
    document = _Document("cancel", head[0], cancel.ref_id, cancel.ref_id)
    for bag_id in cancel.blood_bag_ids:
        conn.execute(
            "UPDATE takeout_bag SET cancelled_at = ?, cancel_reason = ? "
            "WHERE ref_id = ? AND bag_id = ?",
            (to_text(cancel.time), cancel.reason, cancel.ref_id, bag_id),
        )
        _move(conn, bag_id, document, Position.IN_STOCK, stamp)


def _require_transaction(conn: sqlite3.Connection) -> None:
    # The checks and the writes must see the same stock, and commit with the outbox row.
    if not conn.in_transaction:
        raise RuntimeError("stock changes must run inside the caller's Store.transaction()")


def _exists(conn: sqlite3.Connection, table: str, column: str, value: str) -> bool:
    found = conn.execute(f"SELECT 1 FROM {table} WHERE {column} = ?", (value,)).fetchone()
    return found is not None


def _number_used(kind_zh: str, kind_en: str, number: str) -> StockConflict:
    return StockConflict(
        f"{kind_zh}号 {number} 已经登记过，不能重复登记。请使用新的单号。",
        f"The {kind_en} number {number} is already recorded; use a new number.",
    )


def _positions(conn: sqlite3.Connection, bag_ids: Iterable[str]) -> dict[str, Position]:
    ids = list(bag_ids)
    found: dict[str, Position] = {}
    # Chunks stay under SQLite's limit on bound parameters.
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        for bag_id, position in conn.execute(
            f"SELECT bag_id, position FROM bag WHERE bag_id IN ({marks})", chunk
        ):
            found[bag_id] = Position(position)
    return found


def _still_out(conn: sqlite3.Connection, ref_id: str, moved_to: Position) -> set[str]:
    rows = conn.execute(
        "SELECT tb.bag_id FROM takeout_bag tb JOIN bag b ON b.bag_id = tb.bag_id "
        "WHERE tb.ref_id = ? AND tb.cancelled_at IS NULL AND b.takeout_ref = ? "
        "AND b.position = ?",
        (ref_id, ref_id, moved_to.value),
    ).fetchall()
    return {row[0] for row in rows}


def _save_details(conn: sqlite3.Connection, bag: BagDetails, stamp: str) -> None:
    conn.execute(
        "INSERT INTO bag (bag_id, serial_id, blood_id, abo, rh, collect_time, collector, "
        "produce_time, producer, expiration, position, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (bag_id) DO UPDATE SET serial_id = excluded.serial_id, "
        "blood_id = excluded.blood_id, abo = excluded.abo, rh = excluded.rh, "
        "collect_time = excluded.collect_time, collector = excluded.collector, "
        "produce_time = excluded.produce_time, producer = excluded.producer, "
        "expiration = excluded.expiration",
        (
            bag.blood_bag_id,
            bag.serial_id,
            bag.blood_id,
            bag.blood_group.value,
            bag.rh_blood_group.value,
            optional_text(bag.collect_time),
            bag.collector,
            optional_text(bag.produce_time),
            bag.producer,
            optional_text(bag.expiration),
            Position.IN_STOCK.value,
            stamp,
        ),
    )


def _move(
    conn: sqlite3.Connection, bag_id: str, document: _Document, position: Position, stamp: str
) -> None:
    """Put the bag at `position` and write the ledger row saying which document moved it."""
    off_shelf = position is not Position.IN_STOCK
    conn.execute(
        "UPDATE bag SET position = ?, takeout_ref = ?, updated_at = ? WHERE bag_id = ?",
        (position.value, document.number if off_shelf else None, stamp, bag_id),
    )
    conn.execute(
        "INSERT INTO stock_movement (bag_id, direction, document_kind, document_type, "
        "document_number, ref_id, position_after, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            bag_id,
            "out" if off_shelf else "in",
            document.kind,
            document.type,
            document.number,
            document.ref_id,
            position.value,
            stamp,
        ),
    )
