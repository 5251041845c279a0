"""What the counter asks of its stock: the shelf, what expires soon, counts, issued bags, takeouts.

Each takes a connection, so it can run in the caller's transaction or under
`Store.read()`.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Final

from desktop.domain.codes import Abo, Rh, TakeoutType
from desktop.store.stock.positions import Position
from desktop.store.times import from_text, optional_from_text, to_text

_BAG_COLUMNS: Final = (
    "b.bag_id, b.serial_id, b.blood_id, b.abo, b.rh, b.collect_time, b.collector, "
    "b.produce_time, b.producer, b.expiration, b.position, b.takeout_ref, b.updated_at"
)
# First to expire first; a bag without an expiry date last.
_BY_EXPIRY: Final = "ORDER BY b.expiration IS NULL, b.expiration, b.bag_id"


@dataclass(frozen=True)
class StockBag:
    """A bag this hospital has held, with its details and where it is now."""

    bag_id: str
    serial_id: str | None
    product: str | None
    """The ISBT 128 product code (Blood dictionary key)."""
    abo: Abo
    rh: Rh
    collect_time: datetime | None
    collector: str | None
    produce_time: datetime | None
    producer: str | None
    expiration: datetime | None
    position: Position
    takeout_ref: str | None
    """The takeout that moved it off the shelf, while it is off."""
    updated_at: datetime


@dataclass(frozen=True)
class StockCount:
    """How many bags of one product and blood group are on the shelf."""

    product: str | None
    product_name: str | None
    abo: Abo
    rh: Rh
    count: int
    earliest_expiration: datetime | None


@dataclass(frozen=True)
class IssuedBag:
    """A bag issued to a clinical department (1005) and not back: a 1006 return candidate."""

    bag: StockBag
    ref_id: str
    department: int | None
    commit_time: datetime


@dataclass(frozen=True)
class TakeoutBag:
    bag_id: str
    cancelled_at: datetime | None
    cancel_reason: str | None


@dataclass(frozen=True)
class TakeoutRecord:
    """A takeout this desk recorded, with each bag and whether it was cancelled since."""

    ref_id: str
    type: TakeoutType
    department: int | None
    other_hospital: int | None
    operator: str
    commit_time: datetime
    bags: tuple[TakeoutBag, ...]


def bag(conn: sqlite3.Connection, bag_id: str) -> StockBag | None:
    row = conn.execute(f"SELECT {_BAG_COLUMNS} FROM bag b WHERE b.bag_id = ?", (bag_id,)).fetchone()
    return None if row is None else _stock_bag(row)


def on_shelf(
    conn: sqlite3.Connection,
    product: str | None = None,
    abo: Abo | None = None,
    rh: Rh | None = None,
) -> list[StockBag]:
    """Bags in stock, optionally of one product and group, first to expire first."""
    conditions = ["b.position = ?"]
    parameters: list[object] = [Position.IN_STOCK.value]
    for column, value in (("b.blood_id", product), ("b.abo", abo), ("b.rh", rh)):
        if value is not None:
            conditions.append(f"{column} = ?")
            parameters.append(str(value))
    rows = conn.execute(
        f"SELECT {_BAG_COLUMNS} FROM bag b WHERE {' AND '.join(conditions)} {_BY_EXPIRY}",
        parameters,
    ).fetchall()
    return [_stock_bag(row) for row in rows]


def expiring(conn: sqlite3.Connection, now: datetime, within: timedelta) -> list[StockBag]:
    """Bags in stock that expire before `now + within`, the expired ones included."""
    rows = conn.execute(
        f"SELECT {_BAG_COLUMNS} FROM bag b WHERE b.position = ? AND b.expiration < ? {_BY_EXPIRY}",
        (Position.IN_STOCK.value, to_text(now + within)),
    ).fetchall()
    return [_stock_bag(row) for row in rows]


def stock_summary(conn: sqlite3.Connection) -> list[StockCount]:
    """Bags in stock counted by product, ABO and Rh."""
    rows = conn.execute(
        "SELECT b.blood_id, p.full_name, b.abo, b.rh, count(*), min(b.expiration) "
        "FROM bag b LEFT JOIN blood p ON p.id = b.blood_id WHERE b.position = ? "
        "GROUP BY b.blood_id, b.abo, b.rh ORDER BY b.blood_id, b.abo, b.rh",
        (Position.IN_STOCK.value,),
    ).fetchall()
    return [
        StockCount(row[0], row[1], Abo(row[2]), Rh(row[3]), row[4], optional_from_text(row[5]))
        for row in rows
    ]


def issued_history(
    conn: sqlite3.Connection, department: int | None = None, since: datetime | None = None
) -> list[IssuedBag]:
    """Bags this hospital issued to departments and not yet returned, latest issue first."""
    conditions = ["b.position = ?"]
    parameters: list[object] = [Position.ISSUED.value]
    if department is not None:
        conditions.append("t.dep_id = ?")
        parameters.append(department)
    if since is not None:
        conditions.append("t.commit_time >= ?")
        parameters.append(to_text(since))
    rows = conn.execute(
        f"SELECT {_BAG_COLUMNS}, t.ref_id, t.dep_id, t.commit_time "
        "FROM bag b JOIN takeout t ON t.ref_id = b.takeout_ref "
        f"WHERE {' AND '.join(conditions)} ORDER BY t.commit_time DESC, b.bag_id",
        parameters,
    ).fetchall()
    return [IssuedBag(_stock_bag(row[:13]), row[13], row[14], from_text(row[15])) for row in rows]


def takeout(conn: sqlite3.Connection, ref_id: str) -> TakeoutRecord | None:
    """The takeout numbered `ref_id`, or None."""
    found = takeouts(conn, ref_id=ref_id)
    return found[0] if found else None


def takeouts(
    conn: sqlite3.Connection,
    *,
    ref_id: str | None = None,
    since: datetime | None = None,
    kind: TakeoutType | None = None,
) -> list[TakeoutRecord]:
    """Recorded takeouts, latest first, optionally by number, since a time, or of one kind."""
    conditions = ["1"]
    parameters: list[object] = []
    for condition, value in (
        ("ref_id = ?", ref_id),
        ("commit_time >= ?", None if since is None else to_text(since)),
        ("type = ?", None if kind is None else int(kind)),
    ):
        if value is not None:
            conditions.append(condition)
            parameters.append(value)
    heads = conn.execute(
        "SELECT ref_id, type, dep_id, otherhos_id, opt_id, commit_time FROM takeout "
        f"WHERE {' AND '.join(conditions)} ORDER BY commit_time DESC, ref_id DESC",
        parameters,
    ).fetchall()
    return [_takeout_record(conn, head) for head in heads]


def _takeout_record(conn: sqlite3.Connection, head: tuple[Any, ...]) -> TakeoutRecord:
    lines = conn.execute(
        "SELECT bag_id, cancelled_at, cancel_reason FROM takeout_bag WHERE ref_id = ? "
        "ORDER BY rowid",
        (head[0],),
    ).fetchall()
    return TakeoutRecord(
        ref_id=head[0],
        type=TakeoutType(head[1]),
        department=head[2],
        other_hospital=head[3],
        operator=head[4],
        commit_time=from_text(head[5]),
        bags=tuple(TakeoutBag(line[0], optional_from_text(line[1]), line[2]) for line in lines),
    )


def _stock_bag(row: tuple[Any, ...]) -> StockBag:
    return StockBag(
        bag_id=row[0],
        serial_id=row[1],
        product=row[2],
        abo=Abo(row[3]),
        rh=Rh(row[4]),
        collect_time=optional_from_text(row[5]),
        collector=row[6],
        produce_time=optional_from_text(row[7]),
        producer=row[8],
        expiration=optional_from_text(row[9]),
        position=Position(row[10]),
        takeout_ref=row[11],
        updated_at=from_text(row[12]),
    )
