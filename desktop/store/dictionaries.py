"""The platform's dictionaries, kept locally: replaced whole by the sync, read by the forms.

The sync fetches a whole dictionary (`listAllDisease` and the like) and
`replace_dictionary` swaps it in one transaction, so a form never sees half
of one. 50,000 diseases go in with one `executemany`, and the search index
(`desktop.store.search`) is rebuilt once at the end rather than row by row.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any, Final, NamedTuple, TypeVar

from pydantic import BaseModel

from desktop.domain.models import Blood, BloodSubType, BloodType, Disease, Facility
from desktop.store.database import Store
from desktop.store.times import from_text, to_text

M = TypeVar("M", bound=BaseModel)


class Dictionary(StrEnum):
    """A platform dictionary; the value is its table."""

    BLOOD = "blood"
    BLOOD_TYPE = "blood_type"
    BLOOD_SUB_TYPE = "blood_sub_type"
    FACILITY = "facility"
    DISEASE = "disease"


class DictionarySync(NamedTuple):
    """When a dictionary was last replaced, and how many entries it got."""

    synced_at: datetime
    row_count: int


def _amount(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


@dataclass(frozen=True)
class _Table:
    model: type[BaseModel]
    columns: tuple[str, ...]
    """Columns in table order; each is also the model's field name."""
    row: Callable[[Any], tuple[object, ...]]
    order: str
    """How a form lists the entries: the platform's order where it gives one."""
    fts: str | None = None


_TABLES: Final[dict[Dictionary, _Table]] = {
    Dictionary.BLOOD: _Table(
        Blood,
        (
            "id",
            "full_name",
            "short_name",
            "sub_type",
            "type",
            "capacity",
            "unit",
            "conversion",
            "available",
        ),
        lambda b: (
            b.id,
            b.full_name,
            b.short_name,
            b.sub_type,
            b.type,
            _amount(b.capacity),
            b.unit,
            _amount(b.conversion),
            b.available,
        ),
        "rid",
        fts="blood_fts",
    ),
    Dictionary.BLOOD_TYPE: _Table(
        BloodType,
        ("id", "name", "ui_order", "available"),
        lambda t: (t.id, t.name, t.ui_order, t.available),
        "ui_order, id",
    ),
    Dictionary.BLOOD_SUB_TYPE: _Table(
        BloodSubType,
        ("id", "name", "ui_order", "available"),
        lambda t: (t.id, t.name, t.ui_order, t.available),
        "ui_order, id",
    ),
    Dictionary.FACILITY: _Table(
        Facility,
        ("id", "name", "type", "available"),
        lambda f: (f.id, f.name, f.type.value, f.available),
        "id",
        fts="facility_fts",
    ),
    Dictionary.DISEASE: _Table(
        Disease,
        ("id", "name", "code", "ui_order", "available"),
        lambda d: (d.id, d.name, d.code, d.ui_order, d.available),
        "ui_order, rid",
        fts="disease_fts",
    ),
}


def replace_dictionary(
    store: Store, name: Dictionary, rows: Iterable[BaseModel], *, synced_at: datetime | None = None
) -> int:
    """Make `rows` the whole of dictionary `name`, in one transaction; returns how many.

    `rows` must be the dictionary's domain model (Disease for DISEASE, …); the
    platform's lists are validated before they get here. A dictionary that
    has not changed since the last sync (the usual case) is only stamped as
    synced: rewriting 50,000 diseases and their index would cost a few tenths
    of a second for nothing.
    """
    table = _TABLES[name]
    values = [table.row(_checked(table, row)) for row in rows]
    digest = hashlib.sha256(json.dumps(values, ensure_ascii=False).encode("utf-8")).hexdigest()
    with store.transaction() as conn:
        if _digest(conn, name) != digest:
            _rewrite(conn, name, table, values)
        conn.execute(
            "INSERT INTO dictionary_sync (name, synced_at, row_count, digest) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (name) DO UPDATE SET synced_at = excluded.synced_at, "
            "row_count = excluded.row_count, digest = excluded.digest",
            (name.value, to_text(synced_at or store.now()), len(values), digest),
        )
    return len(values)


def _digest(conn: sqlite3.Connection, name: Dictionary) -> str | None:
    row = conn.execute(
        "SELECT digest FROM dictionary_sync WHERE name = ?", (name.value,)
    ).fetchone()
    return None if row is None else str(row[0])


def _rewrite(
    conn: sqlite3.Connection, name: Dictionary, table: _Table, values: list[tuple[object, ...]]
) -> None:
    # Building the indexes once over the new rows is several times faster than
    # keeping them in step row by row (the unique index of the key stays).
    indexes = conn.execute(
        "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = ? "
        "AND sql IS NOT NULL",
        (name.value,),
    ).fetchall()
    for index, _ in indexes:
        conn.execute(f"DROP INDEX {index}")
    conn.execute(f"DELETE FROM {name.value}")
    placeholders = ", ".join("?" for _ in table.columns)
    conn.executemany(
        f"INSERT INTO {name.value} ({', '.join(table.columns)}) VALUES ({placeholders})", values
    )
    for _, sql in indexes:
        conn.execute(sql)
    if table.fts:
        conn.execute(f"INSERT INTO {table.fts} ({table.fts}) VALUES ('rebuild')")


def _checked(table: _Table, row: BaseModel) -> BaseModel:
    if not isinstance(row, table.model):
        raise TypeError(f"expected {table.model.__name__}, got {type(row).__name__}")
    return row


def last_synced(store: Store, name: Dictionary) -> DictionarySync | None:
    """When dictionary `name` was last replaced, or None if never."""
    with store.read() as conn:
        row = conn.execute(
            "SELECT synced_at, row_count FROM dictionary_sync WHERE name = ?", (name.value,)
        ).fetchone()
    return None if row is None else DictionarySync(from_text(row[0]), row[1])


def model_from_row(model: type[M], names: Sequence[str], row: Sequence[Any]) -> M:
    """The domain model of one dictionary row whose columns are `names` (its field names)."""
    values = {key: value for key, value in zip(names, row, strict=True) if value is not None}
    return model.model_validate(values)


def bloods(store: Store, *, include_unavailable: bool = False) -> list[Blood]:
    return _entries(store, Dictionary.BLOOD, Blood, include_unavailable)


def blood_types(store: Store, *, include_unavailable: bool = False) -> list[BloodType]:
    return _entries(store, Dictionary.BLOOD_TYPE, BloodType, include_unavailable)


def blood_sub_types(store: Store, *, include_unavailable: bool = False) -> list[BloodSubType]:
    return _entries(store, Dictionary.BLOOD_SUB_TYPE, BloodSubType, include_unavailable)


def facilities(store: Store, *, include_unavailable: bool = False) -> list[Facility]:
    return _entries(store, Dictionary.FACILITY, Facility, include_unavailable)


def diseases(store: Store, *, include_unavailable: bool = False) -> list[Disease]:
    return _entries(store, Dictionary.DISEASE, Disease, include_unavailable)


def blood(store: Store, code: str) -> Blood | None:
    """The product with ISBT 128 product code `code`, available or not."""
    return _one(store, Dictionary.BLOOD, Blood, code)


def facility(store: Store, facility_id: int) -> Facility | None:
    return _one(store, Dictionary.FACILITY, Facility, facility_id)


def disease(store: Store, disease_id: str) -> Disease | None:
    return _one(store, Dictionary.DISEASE, Disease, disease_id)


def _entries(store: Store, name: Dictionary, model: type[M], include_unavailable: bool) -> list[M]:
    table = _TABLES[name]
    where = "" if include_unavailable else " WHERE available"
    with store.read() as conn:
        cursor = conn.execute(
            f"SELECT {', '.join(table.columns)} FROM {name.value}{where} ORDER BY {table.order}"
        )
        return [model_from_row(model, table.columns, row) for row in cursor]


def _one(store: Store, name: Dictionary, model: type[M], key: object) -> M | None:
    table = _TABLES[name]
    with store.read() as conn:
        row = conn.execute(
            f"SELECT {', '.join(table.columns)} FROM {name.value} WHERE id = ?", (key,)
        ).fetchone()
    return None if row is None else model_from_row(model, table.columns, row)
