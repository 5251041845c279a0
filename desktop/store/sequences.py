"""Document numbers: a counter per name and day (`RK20261128-0007` is the 7th receipt that day)."""

from __future__ import annotations

import sqlite3
from datetime import date


def next_value(conn: sqlite3.Connection, name: str, day: date) -> int:
    """The next number of sequence `name` on `day`, from 1, inside the caller's transaction.

    Taken in the transaction that uses it, a number is never handed out twice
    and never lost to a document that was not saved.
    """
    if not conn.in_transaction:
        raise RuntimeError("take a document number inside the Store.transaction() that uses it")
    row = conn.execute(
        "INSERT INTO sequence (name, day, last_value) VALUES (?, ?, 1) "
        "ON CONFLICT (name, day) DO UPDATE SET last_value = last_value + 1 "
        "RETURNING last_value",
        (name, day.isoformat()),
    ).fetchone()
    value: int = row[0]
    return value
