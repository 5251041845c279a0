"""The first schema: dictionaries, departments, bills, the stock ledger, drafts, audit, sequences.

Times are ISO 8601 text with `+08:00` (`desktop.store.times`); amounts are
decimal text, so 1.50 comes back as 1.50. Tables searched with FTS5 have an
INTEGER PRIMARY KEY so that their rowids, which the index refers to, survive
a VACUUM; `columnsize=0` leaves out the sizes only BM25 ranking needs (we rank
otherwise). The disease table also indexes the first two characters of the
name, and the code, which a search of one or two characters looks up by
prefix (desktop.store.search).
"""

from __future__ import annotations

import sqlite3
from typing import Final

from desktop.store.migrations.base import run_script

_META: Final = """
CREATE TABLE store_meta (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"""

_DICTIONARIES: Final = """
CREATE TABLE blood (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    full_name TEXT NOT NULL,
    short_name TEXT,
    sub_type INTEGER,
    type INTEGER,
    capacity TEXT,
    unit TEXT,
    conversion TEXT,
    available INTEGER NOT NULL
);
CREATE VIRTUAL TABLE blood_fts USING fts5(
    id, full_name, short_name, content='blood', content_rowid='rid', tokenize='trigram',
    columnsize=0
);
CREATE TABLE blood_type (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    ui_order INTEGER,
    available INTEGER NOT NULL
);
CREATE TABLE blood_sub_type (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    ui_order INTEGER,
    available INTEGER NOT NULL
);
CREATE TABLE facility (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    available INTEGER NOT NULL
);
CREATE VIRTUAL TABLE facility_fts USING fts5(
    name, content='facility', content_rowid='id', tokenize='trigram', columnsize=0
);
CREATE TABLE disease (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    code TEXT COLLATE NOCASE,
    ui_order INTEGER,
    available INTEGER NOT NULL
);
CREATE INDEX disease_name_start ON disease (substr(name, 1, 2));
CREATE INDEX disease_code ON disease (code);
CREATE VIRTUAL TABLE disease_fts USING fts5(
    name, code, content='disease', content_rowid='rid', tokenize='trigram', columnsize=0
);
CREATE TABLE dictionary_sync (
    name TEXT PRIMARY KEY,
    synced_at TEXT NOT NULL,
    row_count INTEGER NOT NULL,
    digest TEXT NOT NULL
);
"""

# Departments are the hospital's own and edited at the desk, so their index
# follows every change by trigger; the platform dictionaries are only ever
# replaced whole, and rebuild their index once per replacement.
_DEPARTMENTS: Final = """
CREATE TABLE department (
    id INTEGER PRIMARY KEY CHECK (id BETWEEN 0 AND 99999999),
    name TEXT NOT NULL,
    short_code TEXT COLLATE NOCASE,
    available INTEGER NOT NULL DEFAULT 1
);
CREATE VIRTUAL TABLE department_fts USING fts5(
    name, short_code, content='department', content_rowid='id', tokenize='trigram',
    columnsize=0
);
CREATE TRIGGER department_fts_insert AFTER INSERT ON department BEGIN
    INSERT INTO department_fts (rowid, name, short_code)
    VALUES (new.id, new.name, new.short_code);
END;
CREATE TRIGGER department_fts_delete AFTER DELETE ON department BEGIN
    INSERT INTO department_fts (department_fts, rowid, name, short_code)
    VALUES ('delete', old.id, old.name, old.short_code);
END;
CREATE TRIGGER department_fts_update AFTER UPDATE ON department BEGIN
    INSERT INTO department_fts (department_fts, rowid, name, short_code)
    VALUES ('delete', old.id, old.name, old.short_code);
    INSERT INTO department_fts (rowid, name, short_code)
    VALUES (new.id, new.name, new.short_code);
END;
"""

_BILLS: Final = """
CREATE TABLE dispatch_entry (
    id TEXT PRIMARY KEY,
    deliver_time TEXT NOT NULL,
    remark TEXT,
    first_seen_at TEXT NOT NULL
);
CREATE TABLE bill (
    id TEXT PRIMARY KEY,
    deliver_time TEXT NOT NULL,
    remark TEXT,
    fetched_at TEXT NOT NULL
);
CREATE INDEX bill_deliver_time ON bill (deliver_time);
CREATE TABLE bill_bag (
    bill_id TEXT NOT NULL REFERENCES bill (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    bag_id TEXT NOT NULL,
    serial_id TEXT,
    blood_id TEXT,
    abo TEXT NOT NULL,
    rh TEXT NOT NULL,
    abo_as_sent TEXT,
    rh_as_sent TEXT,
    collect_time TEXT,
    collector TEXT,
    produce_time TEXT,
    producer TEXT,
    expiration TEXT,
    PRIMARY KEY (bill_id, bag_id)
);
CREATE TABLE bill_sum (
    bill_id TEXT NOT NULL REFERENCES bill (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    blood_sub_type TEXT,
    abo TEXT NOT NULL,
    rh TEXT NOT NULL,
    abo_as_sent TEXT,
    rh_as_sent TEXT,
    conversion TEXT,
    capacity TEXT,
    PRIMARY KEY (bill_id, position)
);
"""

# The stock is a ledger (stock_movement, append-only) and each bag's current
# place (bag), written together in one transaction by desktop.store.stock.
_STOCK: Final = """
CREATE TABLE bag (
    bag_id TEXT PRIMARY KEY,
    serial_id TEXT,
    blood_id TEXT,
    abo TEXT NOT NULL,
    rh TEXT NOT NULL,
    collect_time TEXT,
    collector TEXT,
    produce_time TEXT,
    producer TEXT,
    expiration TEXT,
    position TEXT NOT NULL CHECK (position IN (
        'in_stock', 'issued', 'transferred_out', 'scrapped', 'returned_to_station'
    )),
    takeout_ref TEXT,
    updated_at TEXT NOT NULL
);
CREATE INDEX bag_shelf ON bag (position, blood_id, abo, rh, expiration);
CREATE TABLE stock_movement (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    bag_id TEXT NOT NULL REFERENCES bag (bag_id),
    direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),
    document_kind TEXT NOT NULL CHECK (document_kind IN ('receive', 'takeout', 'cancel')),
    document_type INTEGER,
    document_number TEXT NOT NULL,
    ref_id TEXT,
    position_after TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX stock_movement_bag ON stock_movement (bag_id);
CREATE INDEX stock_movement_ref ON stock_movement (document_kind, ref_id);
CREATE TRIGGER stock_movement_no_update BEFORE UPDATE ON stock_movement BEGIN
    SELECT RAISE(ABORT, 'stock_movement is append-only');
END;
CREATE TRIGGER stock_movement_no_delete BEFORE DELETE ON stock_movement BEGIN
    SELECT RAISE(ABORT, 'stock_movement is append-only');
END;
CREATE TABLE receipt (
    internal_id TEXT PRIMARY KEY,
    type INTEGER NOT NULL,
    ref_id TEXT NOT NULL,
    dis_organ_id INTEGER,
    dep_id INTEGER,
    receiver TEXT NOT NULL,
    receive_time TEXT NOT NULL,
    recorded_at TEXT NOT NULL
);
CREATE TABLE takeout (
    ref_id TEXT PRIMARY KEY,
    type INTEGER NOT NULL,
    dep_id INTEGER,
    otherhos_id INTEGER,
    opt_id TEXT NOT NULL,
    commit_time TEXT NOT NULL,
    recorded_at TEXT NOT NULL
);
CREATE INDEX takeout_department ON takeout (dep_id, commit_time);
CREATE TABLE takeout_bag (
    ref_id TEXT NOT NULL REFERENCES takeout (ref_id),
    bag_id TEXT NOT NULL REFERENCES bag (bag_id),
    cancelled_at TEXT,
    cancel_reason TEXT,
    PRIMARY KEY (ref_id, bag_id)
);
CREATE INDEX takeout_bag_bag ON takeout_bag (bag_id);
"""

_DESK: Final = """
CREATE TABLE draft (
    form TEXT NOT NULL,
    key TEXT NOT NULL,
    payload TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (form, key)
);
CREATE INDEX draft_updated_at ON draft (updated_at);
CREATE TABLE audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    operator_name TEXT NOT NULL,
    operator_number TEXT NOT NULL,
    workstation TEXT NOT NULL,
    action TEXT NOT NULL,
    subject TEXT NOT NULL,
    detail TEXT NOT NULL
);
CREATE INDEX audit_at ON audit (at);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN
    SELECT RAISE(ABORT, 'audit is append-only');
END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN
    SELECT RAISE(ABORT, 'audit is append-only');
END;
CREATE TABLE sequence (
    name TEXT NOT NULL,
    day TEXT NOT NULL,
    last_value INTEGER NOT NULL,
    PRIMARY KEY (name, day)
);
"""


def apply(conn: sqlite3.Connection) -> None:
    for script in (_META, _DICTIONARIES, _DEPARTMENTS, _BILLS, _STOCK, _DESK):
        run_script(conn, script)
