"""Store: the file and its modes, the pragmas, transactions, several stores on one file."""

from __future__ import annotations

import os
import sqlite3
import stat
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from stores import TEST_KEY, FixedClock, open_store, opened

from desktop.config.secret_store import SecretStore, store_key
from desktop.store.cipher import FieldCipher
from desktop.store.database import DB_FILE_NAME, Store
from desktop.store.errors import StoreError
from desktop.store.migrations import MIGRATIONS


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def department_names(store: Store) -> list[str]:
    with store.read() as conn:
        return [row[0] for row in conn.execute("SELECT name FROM department ORDER BY id")]


def add_department(conn: sqlite3.Connection, department_id: int, name: str) -> None:
    conn.execute("INSERT INTO department (id, name) VALUES (?, ?)", (department_id, name))


def write_then_fail(store: Store, write: Callable[[sqlite3.Connection], object]) -> None:
    """A transaction whose block writes, then raises KeyError."""
    with store.transaction() as conn:
        write(conn)
        raise KeyError("stop")


def write_twice(conn: sqlite3.Connection) -> None:
    add_department(conn, 1, "消化内科")
    add_department(conn, 1, "又一个")


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_creates_an_owner_only_directory_and_files(store: Store, data_dir: Path) -> None:
    with store.transaction() as conn:
        add_department(conn, 1, "消化内科")
    assert mode(data_dir) == 0o700
    for name in (DB_FILE_NAME, DB_FILE_NAME + "-wal", DB_FILE_NAME + "-shm"):
        assert mode(data_dir / name) == 0o600, name


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_tightens_a_database_file_left_readable(data_dir: Path) -> None:
    open_store(data_dir).close()
    (data_dir / DB_FILE_NAME).chmod(0o644)
    with opened(data_dir):
        assert mode(data_dir / DB_FILE_NAME) == 0o600


def test_pragmas(store: Store) -> None:
    def pragma(name: str) -> object:
        return store.conn.execute(f"PRAGMA {name}").fetchone()[0]

    assert pragma("journal_mode") == "wal"
    assert pragma("synchronous") == 2  # FULL
    assert pragma("foreign_keys") == 1
    assert pragma("busy_timeout") == 5000
    assert pragma("user_version") == len(MIGRATIONS)
    assert store.conn.isolation_level is None


def test_transaction_commits(store: Store, data_dir: Path) -> None:
    with store.transaction() as conn:
        add_department(conn, 1, "消化内科")
    store.close()
    with opened(data_dir) as reopened:
        assert department_names(reopened) == ["消化内科"]


def test_transaction_rolls_back_on_an_exception(store: Store) -> None:
    with pytest.raises(KeyError):
        write_then_fail(store, lambda conn: add_department(conn, 1, "消化内科"))
    assert department_names(store) == []
    assert not store.conn.in_transaction


def test_a_nested_transaction_is_a_savepoint(store: Store) -> None:
    with store.transaction() as conn:
        add_department(conn, 1, "消化内科")
        with pytest.raises(KeyError):
            write_then_fail(store, lambda inner: add_department(inner, 2, "心内科"))
        with store.transaction() as inner:
            add_department(inner, 3, "骨科")
        assert conn.in_transaction
    assert department_names(store) == ["消化内科", "骨科"]


def test_an_outer_failure_undoes_the_committed_inner_block(store: Store) -> None:
    def inner_block(conn: sqlite3.Connection) -> None:
        with store.transaction() as inner:
            add_department(inner, 1, "消化内科")

    with pytest.raises(KeyError):
        write_then_fail(store, inner_block)
    assert department_names(store) == []


def test_a_bug_propagates_unchanged(store: Store) -> None:
    with pytest.raises(sqlite3.OperationalError, match="no such table"), store.transaction() as c:
        c.execute("SELECT * FROM no_such_table")
    with pytest.raises(sqlite3.IntegrityError), store.transaction() as conn:
        write_twice(conn)
    assert department_names(store) == []


def test_sqlite_utils_writes_inside_a_store_transaction(store: Store) -> None:
    with pytest.raises(KeyError):
        write_then_fail(
            store, lambda _: store.db.table("department").insert({"id": 7, "name": "输血科"})
        )
    assert department_names(store) == []
    with store.transaction():
        store.db.table("department").insert({"id": 7, "name": "输血科", "available": 1})
    assert department_names(store) == ["输血科"]


def test_two_stores_on_one_file_see_each_others_commits(data_dir: Path) -> None:
    with opened(data_dir) as first, opened(data_dir) as second:
        with first.transaction() as conn:
            add_department(conn, 1, "消化内科")
        assert department_names(second) == ["消化内科"]
        with second.transaction() as conn:
            add_department(conn, 2, "心内科")
        assert department_names(first) == ["消化内科", "心内科"]


def test_a_worker_thread_opens_its_own_store(store: Store, data_dir: Path) -> None:
    failures: list[BaseException] = []

    def worker() -> None:
        try:
            with opened(data_dir) as own, own.transaction() as conn:
                add_department(conn, 2, "心内科")
        except BaseException as error:  # reported to the test thread below
            failures.append(error)

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join()
    assert failures == []
    assert department_names(store) == ["心内科"]


def test_a_store_refuses_use_from_another_thread(store: Store) -> None:
    caught: list[BaseException] = []

    def worker() -> None:
        try:
            store.conn.execute("SELECT 1")
        except sqlite3.ProgrammingError as error:
            caught.append(error)

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join()
    assert len(caught) == 1


def test_context_manager_closes(data_dir: Path) -> None:
    with open_store(data_dir) as store:
        pass
    with pytest.raises(sqlite3.ProgrammingError):
        store.conn.execute("SELECT 1")


def test_default_cipher_uses_the_secret_store_key(data_dir: Path) -> None:
    with Store.open(data_dir, clock=FixedClock()) as store:
        token = store.cipher.encrypt("x")
    key = store_key(SecretStore(data_dir))
    assert FieldCipher(key).decrypt(token) == "x"
    with Store.open(data_dir) as again:
        assert again.cipher.decrypt(token) == "x"


def test_a_different_key_is_refused_and_changes_nothing(data_dir: Path) -> None:
    with opened(data_dir) as store, store.transaction() as conn:
        add_department(conn, 1, "消化内科")
    other = FieldCipher(bytes(reversed(TEST_KEY)))
    with pytest.raises(StoreError) as caught:
        Store.open(data_dir, cipher=other)
    assert "密钥" in caught.value.message_zh
    with opened(data_dir) as store:
        assert department_names(store) == ["消化内科"]
