"""What a migration is, and how one runs a script without ending its transaction."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class Migration:
    """One numbered step of the schema.

    `apply` runs inside the transaction that also sets `PRAGMA user_version`
    to `version`, so it must not commit: use `run_script`, never
    `Connection.executescript` (which commits first).
    """

    version: int
    name: str
    apply: Callable[[sqlite3.Connection], None]


def statements(script: str) -> Iterator[str]:
    """The complete statements of `script`, trigger bodies kept whole."""
    pending = ""
    for piece in script.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \t\n;"):
                yield pending.strip()
            pending = ""
    if pending.strip(" \t\n;"):
        raise ValueError(f"incomplete SQL statement at the end of the script: {pending!r}")


def run_script(conn: sqlite3.Connection, script: str) -> None:
    """Execute every statement of `script` in the caller's transaction."""
    for statement in statements(script):
        conn.execute(statement)
