"""The outbox: every document owed to the platform, in the order it was saved.

`payload` is the wire document encrypted with the store's field cipher (it
holds patient names and ID numbers); `bag_ids` (a JSON list) and `ref` stay in
clear because they carry no patient data and ordering reads them on every
drain. Times are ISO 8601 text with `+08:00`, like the rest of the store.

`outbox_pause` holds at most one row: set when the platform rejects the
hospital's credentials, so that a restarted desk still shows why nothing is
being sent until someone resumes the queue.
"""

from __future__ import annotations

import sqlite3
from typing import Final

from desktop.store.migrations.base import run_script

_OUTBOX: Final = """
CREATE TABLE outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL CHECK (kind IN ('receive', 'takeout', 'cancel')),
    number TEXT NOT NULL,
    ref TEXT NOT NULL,
    payload TEXT NOT NULL,
    bag_ids TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN (
        'pending', 'in_doubt', 'needs_attention', 'acknowledged', 'withdrawn'
    )),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT,
    error_kind TEXT,
    error_zh TEXT,
    error_en TEXT,
    platform_message TEXT,
    created_at TEXT NOT NULL,
    business_day TEXT NOT NULL,
    acknowledged_at TEXT,
    purged_at TEXT,
    operator_name TEXT NOT NULL,
    operator_number TEXT NOT NULL,
    workstation TEXT NOT NULL,
    UNIQUE (kind, number)
);
CREATE INDEX outbox_open ON outbox (state)
    WHERE state IN ('pending', 'in_doubt', 'needs_attention');
CREATE INDEX outbox_ref ON outbox (kind, ref);
CREATE INDEX outbox_acknowledged ON outbox (acknowledged_at) WHERE purged_at IS NULL;
CREATE TABLE outbox_pause (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    since TEXT NOT NULL,
    error_kind TEXT NOT NULL,
    message_zh TEXT NOT NULL,
    message_en TEXT NOT NULL
);
"""


def apply(conn: sqlite3.Connection) -> None:
    run_script(conn, _OUTBOX)
