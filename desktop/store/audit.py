"""The audit trail: who did what at which workstation, append-only.

Triggers abort any UPDATE or DELETE of a row, so the trail cannot be edited
through the program. An entry names documents and bags, never a patient:
it is kept forever, and patient data must be purgeable (desktop.store.retention).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime

from desktop.store.times import from_text, shanghai_now, to_text


@dataclass(frozen=True)
class Operator:
    """The member of staff at the counter."""

    name: str
    staff_number: str


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: datetime
    operator: Operator
    workstation: str
    action: str
    """What was done, a stable key such as `receive.submit`."""
    subject: str
    """What it was done to: a document number, a bag id, a dictionary name."""
    detail: str


def record(  # noqa: PLR0917 - the outbox calls it positionally, in the audit's column order
    conn: sqlite3.Connection,
    operator: Operator,
    workstation: str,
    action: str,
    subject: str,
    detail: str = "",
    *,
    at: datetime | None = None,
) -> int:
    """Add an entry inside the caller's transaction; returns its id."""
    if not conn.in_transaction:
        raise RuntimeError("audit entries are written inside the change's Store.transaction()")
    cursor = conn.execute(
        "INSERT INTO audit (at, operator_name, operator_number, workstation, action, subject, "
        "detail) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            to_text(at or shanghai_now()),
            operator.name,
            operator.staff_number,
            workstation,
            action,
            subject,
            detail,
        ),
    )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def entries(
    conn: sqlite3.Connection, since: datetime | None = None, limit: int | None = None
) -> list[AuditEntry]:
    """Entries in the order they were written, optionally from `since` on."""
    rows = conn.execute(
        "SELECT id, at, operator_name, operator_number, workstation, action, subject, detail "
        "FROM audit WHERE at >= ? ORDER BY id LIMIT ?",
        ("" if since is None else to_text(since), -1 if limit is None else limit),
    ).fetchall()
    return [
        AuditEntry(row[0], from_text(row[1]), Operator(row[2], row[3]), *row[4:]) for row in rows
    ]
