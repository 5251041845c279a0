"""Migrations on databases that hold data: each step, the backup, a failing step, a newer file."""

from __future__ import annotations

import os
import sqlite3
import stat
from datetime import timedelta
from pathlib import Path

import pytest
from stores import FixedClock, open_store, opened

from desktop.store.database import DB_FILE_NAME, Store
from desktop.store.errors import StoreError
from desktop.store.migrate import KEPT_BACKUPS, backups
from desktop.store.migrations import MIGRATIONS, Migration, run_script

LATEST = len(MIGRATIONS)


def fill_version_1(store: Store) -> None:
    """Rows in the tables of the first schema, written as version 1 of the program would."""
    with store.transaction() as conn:
        run_script(
            conn,
            """
            INSERT INTO department (id, name, short_code, available) VALUES (1203, '消化内科', 'XHNK', 1);
            INSERT INTO disease (id, name, code, ui_order, available)
                VALUES ('9', '胃肠道出血', 'K92.2', 9, 1);
            INSERT INTO disease_fts (disease_fts) VALUES ('rebuild');
            INSERT INTO bill (id, deliver_time, remark, fetched_at)
                VALUES ('FX1', '2026-11-28T08:00:00.000+08:00', NULL, '2026-11-28T08:01:00.000+08:00');
            INSERT INTO bill_bag (bill_id, position, bag_id, abo, rh) VALUES ('FX1', 0, 'B1', 'A', '2');
            INSERT INTO bag (bag_id, abo, rh, position, updated_at)
                VALUES ('B1', 'A', '2', 'in_stock', '2026-11-28T08:02:00.000+08:00');
            INSERT INTO stock_movement (bag_id, direction, document_kind, document_type,
                document_number, ref_id, position_after, at)
                VALUES ('B1', 'in', 'receive', 151, 'RK1', 'FX1', 'in_stock',
                        '2026-11-28T08:02:00.000+08:00');
            INSERT INTO audit (at, operator_name, operator_number, workstation, action, subject,
                detail) VALUES ('2026-11-28T08:02:00.000+08:00', '张三', '0007', 'counter-1',
                'receive.submit', 'RK1', '');
            INSERT INTO sequence (name, day, last_value) VALUES ('receive', '2026-11-28', 4);
            """,
        )


def version_1_rows(conn: sqlite3.Connection) -> dict[str, list[tuple[object, ...]]]:
    queries = {
        "department": "SELECT id, name, short_code FROM department",
        "disease": "SELECT id, name, code FROM disease",
        "search": "SELECT rowid FROM disease_fts WHERE disease_fts MATCH '胃肠道'",
        "bill_bag": "SELECT bill_id, bag_id FROM bill_bag",
        "bag": "SELECT bag_id, position FROM bag",
        "stock_movement": "SELECT bag_id, document_number FROM stock_movement",
        "audit": "SELECT operator_name, subject FROM audit",
        "sequence": "SELECT name, last_value FROM sequence",
    }
    return {name: conn.execute(sql).fetchall() for name, sql in queries.items()}


EXPECTED_V1 = {
    "department": [(1203, "消化内科", "XHNK")],
    "disease": [("9", "胃肠道出血", "K92.2")],
    "search": [(1,)],
    "bill_bag": [("FX1", "B1")],
    "bag": [("B1", "in_stock")],
    "stock_movement": [("B1", "RK1")],
    "audit": [("张三", "RK1")],
    "sequence": [("receive", 4)],
}


def user_version(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        version: int = conn.execute("PRAGMA user_version").fetchone()[0]
        return version
    finally:
        conn.close()


def rows_in(path: Path) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(path)
    try:
        return version_1_rows(conn)
    finally:
        conn.close()


def added_column(conn: sqlite3.Connection) -> None:
    conn.execute("ALTER TABLE department ADD COLUMN ward TEXT")


def added_table(conn: sqlite3.Connection) -> None:
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    conn.execute(f"CREATE TABLE added_in_{version + 1} (x)")


def failing_after_a_change(conn: sqlite3.Connection) -> None:
    conn.execute("CREATE TABLE half_done (id INTEGER)")
    conn.execute("UPDATE department SET name = 'changed'")
    raise RuntimeError("migration bug")


@pytest.mark.parametrize("start", range(1, LATEST + 1))
def test_every_migration_keeps_the_data(data_dir: Path, start: int) -> None:
    """From each version on, the remaining migrations and one more leave the rows intact."""
    with opened(data_dir, migrations=MIGRATIONS[:1]) as store:
        fill_version_1(store)
    if start > 1:
        open_store(data_dir, migrations=MIGRATIONS[:start]).close()
    extra = Migration(LATEST + 1, "test_column", added_column)
    with opened(data_dir, migrations=[*MIGRATIONS, extra]) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == LATEST + 1
        assert version_1_rows(store.conn) == EXPECTED_V1
        assert store.conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    made = backups(data_dir / DB_FILE_NAME)
    assert made, "a backup is made before migrating"
    assert made[-1].name.startswith(f"{DB_FILE_NAME}.bak-v{start}-20261128093000")
    assert user_version(made[-1]) == start
    assert rows_in(made[-1]) == EXPECTED_V1


def test_a_new_database_needs_no_backup(data_dir: Path) -> None:
    open_store(data_dir).close()
    assert backups(data_dir / DB_FILE_NAME) == []
    assert user_version(data_dir / DB_FILE_NAME) == LATEST


def test_an_up_to_date_database_is_not_backed_up_again(data_dir: Path) -> None:
    open_store(data_dir).close()
    open_store(data_dir).close()
    assert backups(data_dir / DB_FILE_NAME) == []


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_a_backup_is_owner_only(data_dir: Path) -> None:
    open_store(data_dir).close()
    extra = Migration(LATEST + 1, "test_column", added_column)
    open_store(data_dir, migrations=[*MIGRATIONS, extra]).close()
    for backup in backups(data_dir / DB_FILE_NAME):
        assert stat.S_IMODE(backup.stat().st_mode) == 0o600


def test_only_the_last_backups_are_kept(data_dir: Path) -> None:
    clock = FixedClock()
    open_store(data_dir, clock).close()
    steps = [Migration(LATEST + n, f"test_{n}", added_table) for n in range(1, KEPT_BACKUPS + 3)]
    for count in range(1, len(steps) + 1):
        clock.advance(timedelta(minutes=1))
        open_store(data_dir, clock, migrations=[*MIGRATIONS, *steps[:count]]).close()
    kept = backups(data_dir / DB_FILE_NAME)
    assert [user_version(path) for path in kept] == [
        LATEST + n for n in range(len(steps) - KEPT_BACKUPS, len(steps))
    ]


def test_a_failing_migration_stops_at_the_last_good_version(data_dir: Path) -> None:
    with opened(data_dir) as store:
        fill_version_1(store)
    good = Migration(LATEST + 1, "good", added_column)
    bad = Migration(LATEST + 2, "bad", failing_after_a_change)
    with pytest.raises(RuntimeError, match="migration bug"):
        open_store(data_dir, migrations=[*MIGRATIONS, good, bad])
    path = data_dir / DB_FILE_NAME
    assert user_version(path) == LATEST + 1
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("SELECT name FROM department").fetchall() == [("消化内科",)]
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_schema")}
        assert "half_done" not in tables
    finally:
        conn.close()
    (backup,) = backups(path)
    assert user_version(backup) == LATEST
    assert rows_in(backup) == EXPECTED_V1


def test_a_newer_database_is_refused_and_left_untouched(data_dir: Path) -> None:
    open_store(data_dir).close()
    path = data_dir / DB_FILE_NAME
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {LATEST + 5}")
    conn.execute("PRAGMA journal_mode = DELETE")  # the newer program's choice, not ours to change
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreError) as caught:
        open_store(data_dir)
    assert "新" in caught.value.message_zh
    assert "newer" in caught.value.message_en
    assert path.read_bytes() == before
    assert not path.with_name(f"{DB_FILE_NAME}-wal").exists()
    assert backups(path) == []


def test_a_foreign_database_is_refused(data_dir: Path) -> None:
    data_dir.mkdir()
    conn = sqlite3.connect(data_dir / DB_FILE_NAME)
    conn.execute("CREATE TABLE other_program (x)")
    conn.close()
    with pytest.raises(StoreError) as caught:
        open_store(data_dir)
    assert "不是血库客户端的数据库" in caught.value.message_zh


def test_a_misnumbered_registry_is_a_bug(data_dir: Path) -> None:
    skipped = Migration(LATEST + 2, "skips_a_number", added_column)
    with pytest.raises(ValueError, match="numbered"):
        open_store(data_dir, migrations=[*MIGRATIONS, skipped])
