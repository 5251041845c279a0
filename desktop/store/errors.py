"""Environment errors of the local store, told apart from bugs.

As qutebrowser's `misc/sql.py` separates KnownError from BugError: a full disk,
a database another program holds, a read-only or damaged file, a missing
permission are facts about the computer the clerk (or hospital IT) can act on,
so they become a `StoreError` saying what to do, in Chinese and English. Every
other SQLite error (a syntax error, a missing table, a constraint a document
should never break) is a bug and propagates unchanged, for the crash report.

SQLite commits atomically, so an environment error never loses committed data:
the failed transaction is rolled back and what was committed before stays.
"""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Final, NamedTuple


class StoreError(Exception):
    """The local database cannot be used right now, with what to do, in Chinese and English."""

    def __init__(self, message_zh: str, message_en: str) -> None:
        super().__init__(f"{message_zh}\n{message_en}")
        self.message_zh = message_zh
        self.message_en = message_en


class _Advice(NamedTuple):
    zh: str
    en: str


_FULL: Final = _Advice(
    "磁盘空间已满，本次操作未保存（之前保存的数据完好）。请清理磁盘空间后重试。",
    "The disk is full; this change was not saved (earlier data is intact). "
    "Free some disk space and try again.",
)
_BUSY: Final = _Advice(
    "本地数据库正被另一个程序占用（可能另开了一个血库客户端）。请关闭其他程序后重试。",
    "The local database is in use by another program (perhaps a second blood-desk). "
    "Close the other program and try again.",
)
_READ_ONLY: Final = _Advice(
    "本地数据库是只读的，无法保存。请检查数据目录和文件的写入权限，或联系医院信息科。",
    "The local database is read-only and cannot be saved to. Check the write permission "
    "of the data directory and its files, or ask hospital IT.",
)
_CORRUPT: Final = _Advice(
    "本地数据库文件已损坏或不是本程序的数据库。请勿删除它；请联系医院信息科从备份"
    "（数据目录中的 blood-desk.db.bak-… 文件）恢复。",
    "The local database file is damaged or is not a blood-desk database. Do not delete it; "
    "ask hospital IT to restore it from a backup (blood-desk.db.bak-… in the data directory).",
)
_CANNOT_OPEN: Final = _Advice(
    "无法打开本地数据库文件。请检查数据目录是否存在、是否有访问权限，或联系医院信息科。",
    "Cannot open the local database file. Check that the data directory exists and that you "
    "may access it, or ask hospital IT.",
)
_IO: Final = _Advice(
    "读写本地数据库时磁盘出错，本次操作未保存。请检查磁盘（或网络盘）是否正常，然后重试。",
    "A disk error occurred while using the local database; this change was not saved. "
    "Check the disk (or network drive) and try again.",
)
_NO_MEMORY: Final = _Advice(
    "内存不足，本次操作未保存。请关闭其他程序后重试。",
    "Out of memory; this change was not saved. Close other programs and try again.",
)

# Primary result codes (the low byte of an extended code) that describe the
# computer, not the program. SQLITE_ERROR, CONSTRAINT, MISUSE, RANGE, … are bugs.
_SQLITE_ADVICE: Final[dict[int, _Advice]] = {
    sqlite3.SQLITE_FULL: _FULL,
    sqlite3.SQLITE_BUSY: _BUSY,
    sqlite3.SQLITE_LOCKED: _BUSY,
    sqlite3.SQLITE_PROTOCOL: _BUSY,
    sqlite3.SQLITE_READONLY: _READ_ONLY,
    sqlite3.SQLITE_PERM: _READ_ONLY,
    sqlite3.SQLITE_AUTH: _READ_ONLY,
    sqlite3.SQLITE_CORRUPT: _CORRUPT,
    sqlite3.SQLITE_NOTADB: _CORRUPT,
    sqlite3.SQLITE_CANTOPEN: _CANNOT_OPEN,
    sqlite3.SQLITE_IOERR: _IO,
    sqlite3.SQLITE_NOLFS: _IO,
    sqlite3.SQLITE_NOMEM: _NO_MEMORY,
}

_OS_ADVICE: Final[dict[int, _Advice]] = {
    errno.ENOSPC: _FULL,
    errno.EDQUOT: _FULL,
    errno.EROFS: _READ_ONLY,
    errno.EACCES: _READ_ONLY,
    errno.EPERM: _READ_ONLY,
    errno.ENOENT: _CANNOT_OPEN,
    errno.ENOTDIR: _CANNOT_OPEN,
    errno.EIO: _IO,
}


def environment_advice(error: BaseException) -> tuple[str, str] | None:
    """What the clerk can do about `error`, or None if it is a bug."""
    if isinstance(error, sqlite3.Error):
        code = getattr(error, "sqlite_errorcode", None)
        advice = None if code is None else _SQLITE_ADVICE.get(code & 0xFF)
    elif isinstance(error, OSError):
        advice = _OS_ADVICE.get(error.errno or 0, _IO)
    else:
        advice = None
    return None if advice is None else (advice.zh, advice.en)


@contextmanager
def environment_errors(path: Path) -> Iterator[None]:
    """Turn environment errors raised inside the block into a StoreError naming `path`."""
    try:
        yield
    except (sqlite3.Error, OSError) as error:
        advice = environment_advice(error)
        if advice is None:
            raise
        detail = f"{path}: {type(error).__name__}: {error}"
        raise StoreError(f"{advice[0]}（{detail}）", f"{advice[1]} ({detail})") from error
