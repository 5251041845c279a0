"""Bring a database to the program's schema: back it up, then apply each pending migration.

Each migration runs in its own transaction together with the `user_version`
bump, so a failure leaves the database at the last version that completed.
Before the first step, an existing database is copied with SQLite's online
backup API to `blood-desk.db.bak-v{old}-{yyyyMMddHHmmss}` (owner-only; the
last three are kept), so even a migration that completes but turns out wrong
can be undone by hospital IT. A database from a newer program is left
untouched.
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Final

from desktop.store.errors import StoreError
from desktop.store.migrations import Migration

KEPT_BACKUPS: Final = 3
_BACKUP_NAME: Final = re.compile(r"\.bak-v(\d+)-(\d{14})(?:-(\d+))?$")


def latest_version(migrations: Sequence[Migration]) -> int:
    return len(migrations)


def user_version(conn: sqlite3.Connection) -> int:
    version: int = conn.execute("PRAGMA user_version").fetchone()[0]
    return version


def check_compatible(conn: sqlite3.Connection, path: Path, migrations: Sequence[Migration]) -> int:
    """The database's schema version; StoreError if this program must not touch it."""
    _check_registry(migrations)
    current = user_version(conn)
    latest = latest_version(migrations)
    if current > latest:
        raise StoreError(
            f"本地数据库（第 {current} 版）比本程序（支持到第 {latest} 版）新，"
            "可能由更新版本的血库客户端创建。为保护数据，本程序不会改动它；请安装最新版本的程序。",
            f"The local database (version {current}) is newer than this program "
            f"(version {latest}); a newer blood-desk probably created it. It was left untouched: "
            "install the latest version of the program.",
        )
    if current == 0 and _has_tables(conn):
        raise StoreError(
            f"文件 {path} 中已有数据，但不是血库客户端的数据库。为保护数据，本程序不会改动它；"
            "请改用其他数据目录，或联系医院信息科。",
            f"{path} holds data but is not a blood-desk database. It was left untouched: "
            "use another data directory or ask hospital IT.",
        )
    return current


def migrate(
    conn: sqlite3.Connection, path: Path, migrations: Sequence[Migration], now: datetime
) -> Path | None:
    """Apply the pending `migrations` to the database `conn` has open at `path`.

    Returns the backup made before migrating, or None when there was nothing
    to back up (a new database) or nothing to do.
    """
    current = check_compatible(conn, path, migrations)
    if current == latest_version(migrations):
        return None
    backup = back_up(conn, path, current, now) if current > 0 else None
    for migration in migrations[current:]:
        _apply(conn, migration)
    return backup


def _check_registry(migrations: Sequence[Migration]) -> None:
    versions = [migration.version for migration in migrations]
    if versions != list(range(1, len(versions) + 1)):
        raise ValueError(f"migrations must be numbered 1, 2, 3, … in order, not {versions}")


def _has_tables(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_schema LIMIT 1").fetchone() is not None


def _apply(conn: sqlite3.Connection, migration: Migration) -> None:
    conn.execute("BEGIN IMMEDIATE")
    try:
        migration.apply(conn)
        # A PRAGMA takes no parameters; the version is an int from the registry.
        conn.execute(f"PRAGMA user_version = {int(migration.version)}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def back_up(conn: sqlite3.Connection, path: Path, version: int, now: datetime) -> Path:
    """Copy the database to an owner-only backup beside it; keep the last `KEPT_BACKUPS`."""
    target = _new_backup_file(path, version, now)
    try:
        copy = sqlite3.connect(target)
        try:
            conn.backup(copy)
        finally:
            copy.close()
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    _prune_backups(path)
    return target


def backups(path: Path) -> list[Path]:
    """The backups of the database at `path`, oldest first."""
    found = []
    for candidate in path.parent.glob(f"{path.name}.bak-v*"):
        match = _BACKUP_NAME.search(candidate.name)
        if match and candidate.name.startswith(path.name):
            found.append((match.group(2), int(match.group(3) or 0), candidate))
    return [candidate for _, _, candidate in sorted(found)]


def _new_backup_file(path: Path, version: int, now: datetime) -> Path:
    stem = f"{path.name}.bak-v{version}-{now:%Y%m%d%H%M%S}"
    for attempt in range(100):
        target = path.with_name(stem if attempt == 0 else f"{stem}-{attempt}")
        try:
            # Created owner-only before SQLite writes a byte of patient-related data into it.
            os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        except FileExistsError:
            continue
        return target
    raise FileExistsError(f"too many backups named {stem}-… in {path.parent}")


def _prune_backups(path: Path) -> None:
    for old in backups(path)[:-KEPT_BACKUPS]:
        old.unlink(missing_ok=True)
