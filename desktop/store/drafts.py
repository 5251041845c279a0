"""Forms in progress, kept so that a crash or a closed window loses nothing the clerk typed.

A draft is addressed by its form's name and a key (a bill id, a takeout
number; never a patient's name or id). Its payload is the form's values as
JSON, encrypted with the store's FieldCipher before it reaches SQLite, since
a takeout form holds the patient's record. Old drafts are purged
(desktop.store.retention).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from desktop.store.database import Store
from desktop.store.times import from_text, to_text


@dataclass(frozen=True)
class DraftInfo:
    form: str
    key: str
    updated_at: datetime


def save_draft(store: Store, form: str, key: str, payload: Any) -> None:
    """Keep `payload` (JSON-serialisable) as the draft of `form` `key`, replacing any before."""
    token = store.cipher.encrypt_json(payload)
    with store.transaction() as conn:
        conn.execute(
            "INSERT INTO draft (form, key, payload, updated_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (form, key) DO UPDATE SET payload = excluded.payload, "
            "updated_at = excluded.updated_at",
            (form, key, token, to_text(store.now())),
        )


def load_draft(store: Store, form: str, key: str) -> Any | None:
    """The payload of draft `form` `key`, or None if there is none."""
    with store.read() as conn:
        row = conn.execute(
            "SELECT payload FROM draft WHERE form = ? AND key = ?", (form, key)
        ).fetchone()
    return None if row is None else store.cipher.decrypt_json(row[0])


def delete_draft(store: Store, form: str, key: str) -> bool:
    """Drop draft `form` `key` (the form was submitted or abandoned); True if there was one."""
    with store.transaction() as conn:
        cursor = conn.execute("DELETE FROM draft WHERE form = ? AND key = ?", (form, key))
    return cursor.rowcount > 0


def drafts(store: Store, form: str | None = None) -> list[DraftInfo]:
    """The drafts kept, most recently changed first, without decrypting them."""
    with store.read() as conn:
        rows = conn.execute(
            "SELECT form, key, updated_at FROM draft WHERE ? IS NULL OR form = ? "
            "ORDER BY updated_at DESC",
            (form, form),
        ).fetchall()
    return [DraftInfo(row[0], row[1], from_text(row[2])) for row in rows]
