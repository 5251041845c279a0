"""The one owner of the local SQLite file `blood-desk.db` in the data directory.

`Store.open` makes the file owner-only, sets the pragmas every connection
needs, brings the schema up to date (`desktop.store.migrate`) and checks the
field-encryption key against the database. Writes go through
`Store.transaction()`, reads through `Store.read()`: both turn environment
errors into a `StoreError` (`desktop.store.errors`) and let bugs through.

Threads: a `Store` belongs to the thread that opened it (sqlite3 refuses a
connection used from another thread). A worker opens its own `Store` on the
same data directory; several Stores on one file work together through WAL,
and a writer waits up to `BUSY_TIMEOUT_MS` for another to finish.

Durability: `synchronous=FULL`, because in WAL mode NORMAL may lose the last
commits on a power cut, and a receipt the clerk saw "saved" must stay saved.
The data directory must be on a local disk: WAL needs shared memory, which
network file systems do not provide.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Final

import sqlite_utils

from desktop.config.secret_store import SecretStore, SecretStoreError, store_key
from desktop.store.cipher import CipherError, FieldCipher
from desktop.store.errors import StoreError, environment_errors
from desktop.store.migrate import check_compatible, migrate
from desktop.store.migrations import MIGRATIONS, Migration
from desktop.store.times import Clock, shanghai_now

DB_FILE_NAME: Final = "blood-desk.db"
BUSY_TIMEOUT_MS: Final = 5000
_FILE_MODE: Final = 0o600
_DIR_MODE: Final = 0o700
_COMPANION_SUFFIXES: Final = ("", "-wal", "-shm", "-journal")
_KEY_CHECK: Final = "key_check"
_KEY_CHECK_TEXT: Final = "blood-desk field key"


class Store:
    """An open local database: `conn` (explicit transactions) and `db` (sqlite-utils) over it.

    Made by `Store.open`; close it with `close()` or use it as a context manager.
    """

    def __init__(
        self, conn: sqlite3.Connection, path: Path, cipher: FieldCipher, clock: Clock
    ) -> None:
        self.conn = conn
        self.path = path
        self.cipher = cipher
        self.clock = clock
        self.db = sqlite_utils.Database(conn, recursive_triggers=True, execute_plugins=False)
        self._depth = 0

    @classmethod
    def open(
        cls,
        data_dir: Path,
        *,
        cipher: FieldCipher | None = None,
        clock: Clock = shanghai_now,
        migrations: Sequence[Migration] = MIGRATIONS,
    ) -> Store:
        """Open (creating if need be) and migrate the database in `data_dir`.

        `cipher` defaults to one keyed by `store_key` from the data directory's
        SecretStore. Raises StoreError for anything the environment is to blame for.
        """
        path = data_dir / DB_FILE_NAME
        with environment_errors(path):
            _make_private_dir(data_dir)
            _make_private_file(path)
            conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
            try:
                # Before any pragma writes: a database this program must not touch stays as it is.
                check_compatible(conn, path, migrations)
                _configure(conn)
                migrate(conn, path, migrations, clock())
                _restrict_companions(path)
                cipher = cipher or _default_cipher(data_dir)
                _check_key(conn, cipher, path)
            except BaseException:
                conn.close()
                raise
        return cls(conn, path, cipher, clock)

    def now(self) -> datetime:
        return self.clock()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction: `BEGIN IMMEDIATE` … COMMIT, or ROLLBACK if the block raises.

        Nested use is a SAVEPOINT inside the outer transaction, so a function
        that writes in its own transaction can also take part in a caller's:
        the inner block's failure undoes only its own writes, and nothing is
        committed until the outermost block ends.
        """
        with environment_errors(self.path):
            savepoint = f"nested_{self._depth}" if self._depth else None
            self.conn.execute(f"SAVEPOINT {savepoint}" if savepoint else "BEGIN IMMEDIATE")
            self._depth += 1
            try:
                yield self.conn
            except BaseException:
                self._undo(savepoint)
                raise
            else:
                self._finish(savepoint)
            finally:
                self._depth -= 1

    def read(self) -> AbstractContextManager[sqlite3.Connection]:
        """The connection for reading, with environment errors turned into StoreError."""
        return _reading(self.conn, self.path)

    def close(self) -> None:
        """Close the connection; the last one to close folds the WAL back into the file."""
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def _undo(self, savepoint: str | None) -> None:
        # An error such as SQLITE_FULL may already have rolled the whole transaction back.
        if not self.conn.in_transaction:
            return
        if savepoint:
            self.conn.execute(f"ROLLBACK TO {savepoint}")
            self.conn.execute(f"RELEASE {savepoint}")
        else:
            self.conn.execute("ROLLBACK")

    def _finish(self, savepoint: str | None) -> None:
        if savepoint:
            self.conn.execute(f"RELEASE {savepoint}")
            return
        try:
            self.conn.execute("COMMIT")
        except BaseException:
            self._undo(None)
            raise


@contextmanager
def _reading(conn: sqlite3.Connection, path: Path) -> Iterator[sqlite3.Connection]:
    with environment_errors(path):
        yield conn


def _make_private_dir(data_dir: Path) -> None:
    if data_dir.is_dir():
        return
    data_dir.mkdir(mode=_DIR_MODE, parents=True)
    if os.name == "posix":
        data_dir.chmod(_DIR_MODE)


def _make_private_file(path: Path) -> None:
    # SQLite gives the -wal and -shm files the database file's mode, so creating
    # the database owner-only first keeps all three private whatever the umask.
    descriptor = os.open(path, os.O_RDWR | os.O_CREAT, _FILE_MODE)
    os.close(descriptor)
    _restrict_companions(path)


def _restrict_companions(path: Path) -> None:
    if os.name != "posix":
        return
    for suffix in _COMPANION_SUFFIXES:
        companion = path.with_name(path.name + suffix)
        try:
            if companion.stat().st_mode & 0o777 != _FILE_MODE:
                companion.chmod(_FILE_MODE)
        except FileNotFoundError:
            continue


def _configure(conn: sqlite3.Connection) -> None:
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if mode != "wal":
        raise sqlite3.OperationalError(f"cannot switch to WAL (journal mode {mode!r})")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    # INSERT OR REPLACE then fires delete triggers, which keep FTS indexes in step.
    conn.execute("PRAGMA recursive_triggers = ON")
    # Taking the write lock now reports a read-only or locked database at open,
    # not at the clerk's first save.
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("ROLLBACK")


def _default_cipher(data_dir: Path) -> FieldCipher:
    try:
        return FieldCipher(store_key(SecretStore(data_dir)))
    except SecretStoreError as error:
        raise StoreError(error.message_zh, error.message_en) from error


def _check_key(conn: sqlite3.Connection, cipher: FieldCipher, path: Path) -> None:
    """Refuse a key that cannot read what this database holds (keyring reset, copied file)."""
    row = conn.execute("SELECT value FROM store_meta WHERE name = ?", (_KEY_CHECK,)).fetchone()
    if row is None:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(
            "INSERT INTO store_meta (name, value) VALUES (?, ?)",
            (_KEY_CHECK, cipher.encrypt(_KEY_CHECK_TEXT)),
        )
        conn.execute("COMMIT")
        return
    try:
        cipher.decrypt(row[0])
    except CipherError as error:
        raise StoreError(
            f"本地数据库 {path} 的加密密钥与本机保存的密钥不符（系统凭据可能被重置，"
            "或数据库来自另一台电脑）。数据未被改动；请联系医院信息科恢复原密钥。",
            f"The encryption key kept on this computer does not match the local database "
            f"{path} (the stored credentials may have been reset, or the database comes from "
            "another computer). Nothing was changed; ask hospital IT to restore the original key.",
        ) from error
