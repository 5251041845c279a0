"""Patient data is kept no longer than it is needed: by default 30 days.

Every patient field is encrypted before it reaches SQLite (desktop.store.cipher),
so deleting the row is the whole purge: no plaintext is left in free pages,
the WAL or a backup to VACUUM away. Each table that holds patient data
registers a purge in `PURGES`: a function that deletes, inside the given
transaction, what was last changed before the cutoff (stored-time text) and
returns how many rows it removed.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping
from datetime import datetime, timedelta
from typing import Final

from desktop.store.database import Store
from desktop.store.times import to_text

DEFAULT_RETENTION: Final = timedelta(days=30)

PatientDataPurge = Callable[[sqlite3.Connection, str], int]
"""Delete rows changed before the cutoff (a stored time); return how many."""


def purge_drafts(conn: sqlite3.Connection, cutoff: str) -> int:
    """Drafts untouched since the cutoff: abandoned forms."""
    return conn.execute("DELETE FROM draft WHERE updated_at < ?", (cutoff,)).rowcount


PURGES: dict[str, PatientDataPurge] = {
    "draft": purge_drafts,
}


def purge_patient_data(
    store: Store,
    now: datetime,
    retention: timedelta = DEFAULT_RETENTION,
    purges: Mapping[str, PatientDataPurge] = PURGES,
) -> dict[str, int]:
    """Run every purge for data older than `retention`, in one transaction; rows per purge."""
    if retention <= timedelta(0):
        raise ValueError(f"the retention period must be positive, not {retention}")
    cutoff = to_text(now - retention)
    with store.transaction() as conn:
        return {name: purge(conn, cutoff) for name, purge in purges.items()}
