"""Handover bills (发血交接单) from the blood station: the dispatch list and the fetched bills.

The sync polls the dispatch list (`save_dispatch_entries` says which bills are
new), fetches each new bill with `listBillDetail` and keeps it here
(`save_bill`), so the counter can receive its bags with the network down.

A bill's receiving state is not stored: it is read from the stock ledger
(which of its bags came in under a 151 receipt naming it) and from the
drafts (a receipt in progress), so it cannot disagree with them.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any, Final

from desktop.domain.codes import ReceiveType
from desktop.domain.models import DispatchListEntry, HandoverInfo
from desktop.domain.models.handover import HandoverDetailInfo, HandoverSumInfo
from desktop.store.database import Store
from desktop.store.times import from_text, optional_from_text, optional_text, to_text

RECEIVE_DRAFT_FORM: Final = "receive"
"""The draft form of a receipt in progress; its key is the bill id (see desktop.store.drafts)."""

_BAG_COLUMNS: Final = (
    "bag_id, serial_id, blood_id, abo, rh, abo_as_sent, rh_as_sent, collect_time, collector, "
    "produce_time, producer, expiration"
)
_SUM_COLUMNS: Final = "blood_sub_type, abo, rh, abo_as_sent, rh_as_sent, conversion, capacity"


class BillState(StrEnum):
    NEW = "new"
    """No bag received yet and no receipt in progress."""
    RECEIVING = "receiving"
    """A receipt of this bill is in progress at the counter (a draft is open)."""
    PARTLY_RECEIVED = "partly_received"
    RECEIVED = "received"
    """Every bag on the bill is received."""


@dataclass(frozen=True)
class BillSummary:
    """One line of the bill list."""

    id: str
    deliver_time: datetime
    remark: str | None
    fetched_at: datetime
    bag_count: int
    received_count: int
    state: BillState


def save_dispatch_entries(
    store: Store, entries: Iterable[DispatchListEntry], *, seen_at: datetime | None = None
) -> list[str]:
    """Remember the bills of a dispatch list; returns the ids not seen before, in list order."""
    seen = to_text(seen_at or store.now())
    new: list[str] = []
    with store.transaction() as conn:
        for entry in entries:
            cursor = conn.execute(
                "INSERT INTO dispatch_entry (id, deliver_time, remark, first_seen_at) "
                "VALUES (?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
                (entry.id, to_text(entry.deliver_time), entry.remark, seen),
            )
            if cursor.rowcount:
                new.append(entry.id)
    return new


def unfetched_bill_ids(store: Store) -> list[str]:
    """Bills of the dispatch list not fetched yet, oldest dispatch first."""
    with store.read() as conn:
        rows = conn.execute(
            "SELECT e.id FROM dispatch_entry e LEFT JOIN bill b ON b.id = e.id "
            "WHERE b.id IS NULL ORDER BY e.deliver_time, e.id"
        ).fetchall()
    return [row[0] for row in rows]


def save_bill(store: Store, info: HandoverInfo, *, fetched_at: datetime | None = None) -> bool:
    """Keep a fetched bill with its bags and sums; True if it was not kept before.

    Saving the same bill again replaces its bags and sums with the new ones.
    """
    with store.transaction() as conn:
        known = conn.execute("SELECT 1 FROM bill WHERE id = ?", (info.id,)).fetchone()
        conn.execute(
            "INSERT INTO bill (id, deliver_time, remark, fetched_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET deliver_time = excluded.deliver_time, "
            "remark = excluded.remark, fetched_at = excluded.fetched_at",
            (info.id, to_text(info.deliver_time), info.remark, to_text(fetched_at or store.now())),
        )
        conn.execute("DELETE FROM bill_bag WHERE bill_id = ?", (info.id,))
        conn.execute("DELETE FROM bill_sum WHERE bill_id = ?", (info.id,))
        conn.executemany(
            f"INSERT INTO bill_bag (bill_id, position, {_BAG_COLUMNS}) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(info.id, index, *_bag_row(bag)) for index, bag in enumerate(info.blood_bags)],
        )
        conn.executemany(
            f"INSERT INTO bill_sum (bill_id, position, {_SUM_COLUMNS}) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(info.id, index, *_sum_row(line)) for index, line in enumerate(info.sums)],
        )
    return known is None


def bill(store: Store, bill_id: str) -> HandoverInfo | None:
    """A kept bill as the platform sent it, or None."""
    with store.read() as conn:
        head = conn.execute(
            "SELECT id, deliver_time, remark FROM bill WHERE id = ?", (bill_id,)
        ).fetchone()
        if head is None:
            return None
        bags = conn.execute(
            f"SELECT {_BAG_COLUMNS} FROM bill_bag WHERE bill_id = ? ORDER BY position", (bill_id,)
        ).fetchall()
        sums = conn.execute(
            f"SELECT {_SUM_COLUMNS} FROM bill_sum WHERE bill_id = ? ORDER BY position", (bill_id,)
        ).fetchall()
    return HandoverInfo(
        id=head[0],
        deliver_time=from_text(head[1]),
        remark=head[2],
        blood_bags=[_bag_from_row(row) for row in bags],
        sums=[_sum_from_row(row) for row in sums],
    )


def bills(store: Store, *, limit: int | None = None) -> list[BillSummary]:
    """The kept bills, latest dispatch first, with how far each has been received."""
    with store.read() as conn:
        rows = conn.execute(
            "SELECT b.id, b.deliver_time, b.remark, b.fetched_at, "
            "(SELECT count(*) FROM bill_bag bb WHERE bb.bill_id = b.id), "
            "(SELECT count(DISTINCT m.bag_id) FROM stock_movement m "
            " JOIN bill_bag bb ON bb.bill_id = b.id AND bb.bag_id = m.bag_id "
            " WHERE m.document_kind = 'receive' AND m.ref_id = b.id AND m.document_type = ?), "
            "EXISTS (SELECT 1 FROM draft d WHERE d.form = ? AND d.key = b.id) "
            "FROM bill b ORDER BY b.deliver_time DESC, b.id DESC LIMIT ?",
            (
                int(ReceiveType.FROM_BLOOD_STATION),
                RECEIVE_DRAFT_FORM,
                -1 if limit is None else limit,
            ),
        ).fetchall()
    return [_summary(row) for row in rows]


def received_bag_ids(conn: sqlite3.Connection, bill_id: str) -> set[str]:
    """The bags of bill `bill_id` already received into stock from it."""
    rows = conn.execute(
        "SELECT DISTINCT bag_id FROM stock_movement "
        "WHERE document_kind = 'receive' AND ref_id = ? AND document_type = ?",
        (bill_id, int(ReceiveType.FROM_BLOOD_STATION)),
    ).fetchall()
    return {row[0] for row in rows}


def _summary(row: tuple[Any, ...]) -> BillSummary:
    bag_count, received, receiving = row[4], row[5], bool(row[6])
    if bag_count and received >= bag_count:
        state = BillState.RECEIVED
    elif receiving:
        state = BillState.RECEIVING
    elif received:
        state = BillState.PARTLY_RECEIVED
    else:
        state = BillState.NEW
    return BillSummary(
        row[0], from_text(row[1]), row[2], from_text(row[3]), bag_count, received, state
    )


def _bag_row(bag: HandoverDetailInfo) -> tuple[object, ...]:
    return (
        bag.blood_bag_id,
        bag.serial_id,
        bag.blood_id,
        bag.blood_group.value,
        bag.rh_blood_group.value,
        bag.blood_group_as_sent,
        bag.rh_blood_group_as_sent,
        optional_text(bag.collect_time),
        bag.collector,
        optional_text(bag.produce_time),
        bag.producer,
        optional_text(bag.expiration),
    )


def _bag_from_row(row: tuple[Any, ...]) -> HandoverDetailInfo:
    return HandoverDetailInfo(
        blood_bag_id=row[0],
        serial_id=row[1],
        blood_id=row[2],
        blood_group=row[3],
        rh_blood_group=row[4],
        blood_group_as_sent=row[5],
        rh_blood_group_as_sent=row[6],
        collect_time=optional_from_text(row[7]),
        collector=row[8],
        produce_time=optional_from_text(row[9]),
        producer=row[10],
        expiration=optional_from_text(row[11]),
    )


def _sum_row(line: HandoverSumInfo) -> tuple[object, ...]:
    return (
        line.blood_sub_type,
        line.blood_group.value,
        line.rh_blood_group.value,
        line.blood_group_as_sent,
        line.rh_blood_group_as_sent,
        _amount(line.conversion),
        _amount(line.capacity),
    )


def _sum_from_row(row: tuple[Any, ...]) -> HandoverSumInfo:
    return HandoverSumInfo(
        blood_sub_type=row[0],
        blood_group=row[1],
        rh_blood_group=row[2],
        blood_group_as_sent=row[3],
        rh_blood_group_as_sent=row[4],
        conversion=None if row[5] is None else Decimal(row[5]),
        capacity=None if row[6] is None else Decimal(row[6]),
    )


def _amount(value: Decimal | None) -> str | None:
    return None if value is None else str(value)
