"""The audit trail: written inside the change's transaction, never edited."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

import pytest
from stores import START

from desktop.store import audit
from desktop.store.audit import AuditEntry, Operator
from desktop.store.database import Store

CLERK = Operator("张三", "0007")


def test_record_and_read(store: Store) -> None:
    with store.transaction() as conn:
        first = audit.record(conn, CLERK, "counter-1", "receive.submit", "RK-1", "3 bags", at=START)
        audit.record(
            conn, CLERK, "counter-1", "takeout.submit", "CK-1", at=START + timedelta(hours=1)
        )
    with store.read() as conn:
        entries = audit.entries(conn)
        assert entries[0] == AuditEntry(
            first, START, CLERK, "counter-1", "receive.submit", "RK-1", "3 bags"
        )
        assert [e.subject for e in audit.entries(conn, since=START + timedelta(minutes=1))] == [
            "CK-1"
        ]
        assert len(audit.entries(conn, limit=1)) == 1


def test_an_entry_rolls_back_with_its_change(store: Store) -> None:
    def failing_change() -> None:
        with store.transaction() as conn:
            audit.record(conn, CLERK, "counter-1", "receive.submit", "RK-1")
            raise KeyError("the change failed")

    with pytest.raises(KeyError):
        failing_change()
    with store.read() as conn:
        assert audit.entries(conn) == []


def test_entries_are_written_inside_a_transaction(store: Store) -> None:
    with pytest.raises(RuntimeError, match="transaction"):
        audit.record(store.conn, CLERK, "counter-1", "receive.submit", "RK-1")


@pytest.mark.parametrize(
    "statement", ["UPDATE audit SET operator_name = '李四'", "DELETE FROM audit"]
)
def test_the_trail_is_append_only(store: Store, statement: str) -> None:
    with store.transaction() as conn:
        audit.record(conn, CLERK, "counter-1", "receive.submit", "RK-1")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"), store.transaction() as conn:
        conn.execute(statement)
    with store.read() as conn:
        assert [e.operator for e in audit.entries(conn)] == [CLERK]
