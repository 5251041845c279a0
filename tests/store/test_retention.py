"""Retention: patient data older than the retention period is purged."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

import pytest
from stores import START, FixedClock

from desktop.store import retention
from desktop.store.database import Store
from desktop.store.drafts import drafts, save_draft


def test_old_drafts_are_purged(store: Store, clock: FixedClock) -> None:
    save_draft(store, "takeout", "old", {"patient": "测试患者甲"})
    clock.advance(timedelta(days=20))
    save_draft(store, "takeout", "recent", {"patient": "测试患者乙"})
    now = START + timedelta(days=31)
    assert retention.purge_patient_data(store, now) == {"draft": 1}
    assert [d.key for d in drafts(store)] == ["recent"]
    assert retention.purge_patient_data(store, now, timedelta(days=5)) == {"draft": 1}
    assert drafts(store) == []


def test_other_tables_register_their_purge(store: Store) -> None:
    seen: list[str] = []

    def purge_elsewhere(conn: sqlite3.Connection, cutoff: str) -> int:
        assert conn.in_transaction
        seen.append(cutoff)
        return 4

    purges = {**retention.PURGES, "elsewhere": purge_elsewhere}
    counts = retention.purge_patient_data(store, START, timedelta(days=30), purges)
    assert counts == {"draft": 0, "elsewhere": 4}
    assert seen == ["2026-10-29T09:30:00.000+08:00"]


def test_the_retention_period_must_be_positive(store: Store) -> None:
    with pytest.raises(ValueError, match="positive"):
        retention.purge_patient_data(store, START, timedelta(0))
