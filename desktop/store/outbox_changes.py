"""The parts of an outbox change that run inside its transaction: number, stock, audit.

Kept apart from `Outbox` so that the class reads as the queue's API, and the
transaction's steps can be read one by one here.
"""

from __future__ import annotations

import json
import secrets
import sqlite3
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any, Final

from desktop.domain.dates import parse_datetime
from desktop.domain.delivery import DeliveryState, DocumentKind
from desktop.domain.models import Receive, TakeoutListForm
from desktop.domain.numbering import PREFIXES, document_number, workstation_code
from desktop.store import audit, sequences, stock
from desktop.store import outbox_documents as documents
from desktop.store.audit import Operator
from desktop.store.outbox_documents import Document
from desktop.store.outbox_items import InvalidDocument, ItemError, NumberInUse, OutboxItem
from desktop.store.stock import BagDetails

_INSTALL_ID: Final = "install_id"


def numbered(
    conn: sqlite3.Connection,
    kind: DocumentKind,
    data: Document | Mapping[str, Any],
    workstation: str,
    now: datetime,
) -> tuple[Document, str]:
    """The valid document with its number, and the outbox number; raises InvalidDocument."""
    given = documents.number_given(kind, data)
    if given is not None and _number_taken(conn, kind, given):
        raise NumberInUse(kind, given)
    number = given or _next_number(conn, kind, workstation, now)
    if given is None and isinstance(data, Mapping):
        data = documents.with_number(kind, data, number)
    result = documents.parse(kind, data)
    if result.value is None:
        raise InvalidDocument(result.errors)
    document: Document = result.value
    return document, number


def _next_number(
    conn: sqlite3.Connection, kind: DocumentKind, workstation: str, now: datetime
) -> str:
    day = parse_datetime(now).date()
    code = workstation_code(workstation, install_id(conn))
    name = f"{PREFIXES[kind]}-{code}"
    # A number typed in by hand may already hold the next value: skip it, never reuse it.
    while True:
        number = document_number(kind, day, code, sequences.next_value(conn, name, day))
        if not _number_taken(conn, kind, number):
            return number


def install_id(conn: sqlite3.Connection) -> str:
    """This installation's random id, made on first use (see `desktop.domain.numbering`)."""
    row = conn.execute("SELECT value FROM store_meta WHERE name = ?", (_INSTALL_ID,)).fetchone()
    if row is not None:
        return str(row[0])
    made = secrets.token_hex(8)
    conn.execute("INSERT INTO store_meta (name, value) VALUES (?, ?)", (_INSTALL_ID, made))
    return made


def _number_taken(conn: sqlite3.Connection, kind: DocumentKind, number: str) -> bool:
    found = conn.execute(
        "SELECT 1 FROM outbox WHERE kind = ? AND number = ?", (kind.value, number)
    ).fetchone()
    return found is not None


def apply_stock(
    conn: sqlite3.Connection,
    document: Document,
    bags: Sequence[BagDetails],
    now: datetime,
) -> None:
    """The document's effect on the local stock (raises stock.StockConflict if impossible)."""
    if isinstance(document, Receive):
        stock.apply_receive(conn, document, bags, now)
    elif isinstance(document, TakeoutListForm):
        stock.apply_takeout(conn, document, now)
    else:
        stock.apply_cancel(conn, document, now)


def record(
    conn: sqlite3.Connection,
    operator: Operator,
    workstation: str,
    *,
    action: str,
    number: str,
    detail: Mapping[str, object],
    at: datetime,
) -> None:
    """An audit entry naming the document and its bags, never the patient."""
    text = json.dumps(detail, ensure_ascii=False, sort_keys=True)
    audit.record(conn, operator, workstation, action, number, text, at=at)


def error_columns(error: ItemError | None) -> tuple[str | None, ...]:
    if error is None:
        return (None, None, None, None)
    return (error.kind, error.message_zh, error.message_en, error.platform_message)


def state_message(conn: sqlite3.Connection, seq: int, wanted: DeliveryState) -> tuple[str, str]:
    """Why item `seq` could not become `wanted`: it is gone, or in another state."""
    row = conn.execute("SELECT state, number FROM outbox WHERE seq = ?", (seq,)).fetchone()
    if row is None:
        return (f"上传队列中没有第 {seq} 项", f"the outbox has no item {seq}")
    state = DeliveryState(row[0])
    return (
        f"单据 {row[1]} 当前为“{state.label.zh}”，不能改为“{wanted.label.zh}”",
        f"document {row[1]} is {state.label.en} and cannot become {wanted.label.en}",
    )


def state_message_of(item: OutboxItem, wanted: DeliveryState) -> tuple[str, str]:
    return (
        f"单据 {item.number} 当前为“{item.state.label.zh}”，不能改为“{wanted.label.zh}”",
        f"document {item.number} is {item.state.label.en} and cannot become {wanted.label.en}",
    )
