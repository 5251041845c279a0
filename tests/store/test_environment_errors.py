"""Environment errors become a StoreError saying what to do, and committed data survives them."""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

import pytest
from filesystem import tiny_filesystem, unwritable
from stores import open_store, opened

from desktop.store import database
from desktop.store.database import DB_FILE_NAME, Store
from desktop.store.errors import StoreError, environment_advice


def add_department(store: Store, department_id: int, name: str) -> None:
    with store.transaction() as conn:
        conn.execute("INSERT INTO department (id, name) VALUES (?, ?)", (department_id, name))


def department_names(store: Store) -> list[str]:
    with store.read() as conn:
        return [row[0] for row in conn.execute("SELECT name FROM department ORDER BY id")]


def store_with_one_department(data_dir: Path) -> None:
    with opened(data_dir) as store:
        add_department(store, 1, "消化内科")


def assert_intact(data_dir: Path) -> None:
    with opened(data_dir) as store:
        assert department_names(store) == ["消化内科"]
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def refused(data_dir: Path) -> StoreError:
    with pytest.raises(StoreError) as caught:
        open_store(data_dir)
    return caught.value


def test_a_read_only_database_file(data_dir: Path) -> None:
    store_with_one_department(data_dir)
    with unwritable(data_dir / DB_FILE_NAME):
        error = refused(data_dir)
    assert "只读" in error.message_zh
    assert "read-only" in error.message_en
    assert_intact(data_dir)


def test_a_read_only_data_directory_for_a_new_database(data_dir: Path) -> None:
    data_dir.mkdir()
    with unwritable(data_dir):
        error = refused(data_dir)
    assert "权限" in error.message_zh
    assert not (data_dir / DB_FILE_NAME).exists()


def test_a_read_only_data_directory_with_a_database(data_dir: Path) -> None:
    store_with_one_department(data_dir)
    with unwritable(data_dir):
        error = refused(data_dir)
    assert error.message_zh
    assert_intact(data_dir)


def test_a_data_directory_that_cannot_be_created(tmp_path: Path) -> None:
    parent = tmp_path / "locked"
    parent.mkdir()
    with unwritable(parent):
        error = refused(parent / "data")
    assert "权限" in error.message_zh


def test_a_data_directory_under_a_file(tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("not a folder")
    error = refused(tmp_path / "a-file" / "data")
    assert "数据目录" in error.message_zh


def test_a_file_that_is_not_a_database(data_dir: Path) -> None:
    data_dir.mkdir()
    garbage = b"this is not SQLite " * 500
    (data_dir / DB_FILE_NAME).write_bytes(garbage)
    error = refused(data_dir)
    assert "损坏" in error.message_zh
    assert "备份" in error.message_zh
    assert (data_dir / DB_FILE_NAME).read_bytes() == garbage


def test_damaged_pages_are_reported_when_read(data_dir: Path) -> None:
    with opened(data_dir) as store, store.transaction() as conn:
        conn.executemany(
            "INSERT INTO department (id, name) VALUES (?, ?)",
            [(number, "科室" * 200) for number in range(500)],
        )
    path = data_dir / DB_FILE_NAME
    page_size = 4096
    with path.open("r+b") as stream:
        size = stream.seek(0, 2)
        for offset in range(page_size * 4, size - page_size, page_size):
            stream.seek(offset)
            stream.write(b"\xde\xad" * (page_size // 2))
    with pytest.raises(StoreError) as caught, opened(data_dir) as store:
        department_names(store)
    assert "损坏" in caught.value.message_zh


def test_a_locked_database(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 100)
    store_with_one_department(data_dir)
    other = sqlite3.connect(data_dir / DB_FILE_NAME, isolation_level=None)
    try:
        other.execute("BEGIN EXCLUSIVE")
        error = refused(data_dir)
        assert "占用" in error.message_zh
        assert "another program" in error.message_en
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert_intact(data_dir)


def test_a_write_while_another_program_holds_the_lock(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 100)
    store_with_one_department(data_dir)
    with opened(data_dir) as store:
        other = sqlite3.connect(data_dir / DB_FILE_NAME, isolation_level=None, timeout=0.1)
        try:
            other.execute("BEGIN EXCLUSIVE")
            with pytest.raises(StoreError) as caught:
                add_department(store, 2, "心内科")
            assert "占用" in caught.value.message_zh
        finally:
            other.execute("ROLLBACK")
            other.close()
        assert not store.conn.in_transaction
        add_department(store, 2, "心内科")
        assert department_names(store) == ["消化内科", "心内科"]


def test_a_full_disk_simulated_by_a_page_limit(data_dir: Path) -> None:
    with opened(data_dir) as store:
        add_department(store, 1, "消化内科")
        pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
        store.conn.execute(f"PRAGMA max_page_count = {pages}")
        with pytest.raises(StoreError) as caught, store.transaction() as conn:
            conn.executemany(
                "INSERT INTO department (id, name) VALUES (?, ?)",
                [(number, "科室" * 500) for number in range(2, 200)],
            )
        assert "磁盘空间已满" in caught.value.message_zh
        assert "disk is full" in caught.value.message_en
        assert not store.conn.in_transaction
        assert department_names(store) == ["消化内科"]
    assert_intact(data_dir)


def fill_in_batches(store: Store) -> None:
    """Add departments a hundred at a time, one transaction each, until something gives."""
    for batch in range(100):
        with store.transaction() as conn:
            conn.executemany(
                "INSERT INTO department (id, name) VALUES (?, ?)",
                [(batch * 100 + n + 2, "科室" * 300) for n in range(100)],
            )


def test_a_full_disk_on_a_tiny_filesystem(tmp_path: Path) -> None:
    with tiny_filesystem(tmp_path / "tiny", size="512k") as mount:
        data_dir = mount / "data"
        store_with_one_department(data_dir)
        with opened(data_dir) as store:
            with pytest.raises(StoreError) as caught:
                fill_in_batches(store)
            assert "磁盘" in caught.value.message_zh
            assert not store.conn.in_transaction
            with store.read() as conn:
                count = conn.execute("SELECT count(*) FROM department").fetchone()[0]
            assert (count - 1) % 100 == 0  # whole transactions only
        with opened(data_dir) as store:
            assert department_names(store)[0] == "消化内科"


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (PermissionError(errno.EACCES, "Permission denied"), "权限"),
        (FileNotFoundError(errno.ENOENT, "No such file or directory"), "数据目录"),
        (OSError(errno.ENOSPC, "No space left on device"), "磁盘空间已满"),
        (OSError(errno.EROFS, "Read-only file system"), "只读"),
    ],
)
def test_os_errors_are_explained(error: OSError, expected: str) -> None:
    advice = environment_advice(error)
    assert advice is not None
    assert expected in advice[0]


def test_programming_errors_are_not_environment_errors() -> None:
    conn = sqlite3.connect(":memory:")
    try:
        with pytest.raises(sqlite3.Error) as caught:
            conn.execute("SELEC 1")
    finally:
        conn.close()
    assert environment_advice(caught.value) is None
    assert environment_advice(ValueError("bug")) is None
