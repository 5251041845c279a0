"""What the clerk does with a refused item: correct and resend it, or withdraw it; and the purge.

Each runs in one transaction with its audit entries. Only items the sender
cannot be sending are touched: one that needs attention (refused, so not on
the platform), and, when withdrawing, the pending items held back behind it,
which have never been sent (an item held back now has been held back since it
was saved: the items holding it back are older and have never been
acknowledged).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping
from datetime import datetime, timedelta
from typing import Any

from desktop.domain.deadline import business_day
from desktop.domain.delivery import DeliveryState, DocumentKind
from desktop.domain.models import to_wire
from desktop.domain.ordering import sendable
from desktop.store import outbox_changes, outbox_reversal
from desktop.store import outbox_documents as documents
from desktop.store.audit import Operator
from desktop.store.database import Store
from desktop.store.outbox_documents import Document
from desktop.store.outbox_items import InvalidDocument, OutboxItem, OutboxRefusal, WrongState
from desktop.store.times import to_text


def corrected(kind: DocumentKind, number: str, data: Document | Mapping[str, Any]) -> Document:
    """The correction as a valid document carrying the item's own number."""
    wire = dict(data) if isinstance(data, Mapping) else to_wire(data)
    result = documents.parse(kind, documents.with_number(kind, wire, number))
    if result.value is None:
        raise InvalidDocument(result.errors)
    document: Document = result.value
    return document


def fix_and_resend(
    store: Store, item: OutboxItem, data: Document | Mapping[str, Any], operator: Operator
) -> list[str]:
    """Replace a refused item's document with `data` and queue it again; the changed fields."""
    _require(item, DeliveryState.NEEDS_ATTENTION)
    new = corrected(item.kind, item.number, data)
    now = store.now()
    with store.transaction() as conn:
        old = _stored(store, conn, item.seq)
        outbox_reversal.check_correction(old, new)
        outbox_reversal.refresh_records(conn, new)
        changed = documents.changed_paths(to_wire(old), to_wire(new))
        cursor = conn.execute(
            "UPDATE outbox SET payload = ?, business_day = ?, state = 'pending', "
            "next_attempt_at = NULL, error_kind = NULL, error_zh = NULL, error_en = NULL, "
            "platform_message = NULL WHERE seq = ? AND state = 'needs_attention'",
            (
                store.cipher.encrypt_json(to_wire(new)),
                business_day(documents.actual_time(new)).isoformat(),
                item.seq,
            ),
        )
        _changed_one(conn, cursor, item.seq, DeliveryState.PENDING)
        detail = {"seq": item.seq, "changed": changed, "refused_for": _refusal(item)}
        outbox_changes.record(
            conn,
            operator,
            item.workstation,
            action="outbox.fix",
            number=item.number,
            detail=detail,
            at=now,
        )
    return changed


def withdrawal(open_items: list[OutboxItem], target: OutboxItem) -> list[OutboxItem]:
    """`target` and the later items held back behind it, that withdrawing it takes along."""
    held = _held_back(open_items)
    if target.state is not DeliveryState.NEEDS_ATTENTION and target.seq not in held:
        raise WrongState(
            f"单据 {target.number} 当前为“{target.state.label.zh}”，可能正在上传或已在平台上，"
            "不能撤回；只有被平台拒收（需处理）的单据及排在它后面的单据可以撤回。",
            f"document {target.number} is {target.state.label.en} and may be on its way to "
            "the platform; only a refused item (and those held back behind it) can be withdrawn.",
        )
    chosen, bags = [target], set(target.bag_ids)
    takeouts = {target.ref} if target.kind is DocumentKind.TAKEOUT else set()
    for item in open_items:
        if item.seq <= target.seq:
            continue
        if bags.intersection(item.bag_ids) or (
            item.kind is DocumentKind.CANCEL and item.ref in takeouts
        ):
            if item.state is not DeliveryState.NEEDS_ATTENTION and item.seq not in held:
                raise WrongState(*outbox_changes.state_message_of(item, DeliveryState.WITHDRAWN))
            chosen.append(item)
            bags.update(item.bag_ids)
            if item.kind is DocumentKind.TAKEOUT:
                takeouts.add(item.ref)
    return chosen


def _held_back(open_items: list[OutboxItem]) -> set[int]:
    ready = set(sendable(item.summary() for item in open_items))
    return {item.seq for item in open_items if item.state.sendable and item.seq not in ready}


def withdraw(
    store: Store,
    seq: int,
    reason: str,
    operator: Operator,
    load_open: Callable[[], list[OutboxItem]],
) -> list[OutboxItem]:
    """Withdraw item `seq` and those held back behind it, undoing their stock effects."""
    if not reason.strip():
        raise OutboxRefusal("请填写撤回原因。", "give the reason for withdrawing it.")
    now = store.now()
    with store.transaction() as conn:
        open_items = load_open()
        target = next((item for item in open_items if item.seq == seq), None)
        if target is None:
            raise WrongState(*outbox_changes.state_message(conn, seq, DeliveryState.WITHDRAWN))
        chosen = withdrawal(open_items, target)
        for item in reversed(chosen):
            outbox_reversal.undo(conn, _stored(store, conn, item.seq), item.number, now)
            cursor = conn.execute(
                "UPDATE outbox SET state = 'withdrawn', next_attempt_at = NULL "
                "WHERE seq = ? AND state = ?",
                (item.seq, item.state.value),
            )
            _changed_one(conn, cursor, item.seq, DeliveryState.WITHDRAWN)
            detail = {
                "seq": item.seq,
                "reason": reason,
                "with": target.number,
                "bags": item.bag_ids,
            }
            outbox_changes.record(
                conn,
                operator,
                item.workstation,
                action="outbox.withdraw",
                number=item.number,
                detail=detail,
                at=now,
            )
    return chosen


def purge_payloads(store: Store, now: datetime, retention: timedelta) -> int:
    """Drop patient fields from payloads acknowledged more than `retention` ago; how many."""
    if retention <= timedelta(0):
        raise ValueError(f"the retention period must be positive, not {retention}")
    cutoff = to_text(now - retention)
    with store.transaction() as conn:
        rows = conn.execute(
            "SELECT seq, payload FROM outbox WHERE state = 'acknowledged' AND purged_at IS NULL "
            "AND acknowledged_at < ?",
            (cutoff,),
        ).fetchall()
        for seq, payload in rows:
            kept = documents.without_patient_data(store.cipher.decrypt_json(payload))
            conn.execute(
                "UPDATE outbox SET payload = ?, purged_at = ? WHERE seq = ?",
                (store.cipher.encrypt_json(kept), to_text(now), seq),
            )
    return len(rows)


def _stored(store: Store, conn: sqlite3.Connection, seq: int) -> Document:
    kind, payload = conn.execute(
        "SELECT kind, payload FROM outbox WHERE seq = ?", (seq,)
    ).fetchone()
    return documents.load(DocumentKind(kind), store.cipher.decrypt_json(payload))


def _require(item: OutboxItem, state: DeliveryState) -> None:
    if item.state is not state:
        raise WrongState(*outbox_changes.state_message_of(item, DeliveryState.PENDING))


def _changed_one(
    conn: sqlite3.Connection, cursor: sqlite3.Cursor, seq: int, wanted: DeliveryState
) -> None:
    # Another thread's outbox got there first: refuse rather than overwrite its change.
    if cursor.rowcount != 1:
        raise WrongState(*outbox_changes.state_message(conn, seq, wanted))


def _refusal(item: OutboxItem) -> str | None:
    return None if item.error is None else item.error.platform_message or item.error.kind
