"""Undoing a document's effect on the local stock when the clerk withdraws it, and fixing one.

Withdrawal unwinds: the item and every later document held back behind it
(documents of the same bags, cancellations of a withdrawn takeout) are undone
newest first, so each undo finds its bags where that document left them.

- A takeout is undone as a local cancellation of its bags (`stock.apply_cancel`),
  so the stock's own record says the bags came back and when.
- A cancellation is undone by putting its bags back where the takeout sent them.
- A receipt is undone by putting its bags back where they were before it (a
  department return goes back to "issued"); a receipt that brought bags new to
  the hospital cannot be undone, since the stock ledger cannot forget a bag:
  correct it with fix-and-resend instead (a refused receipt is nearly always a
  wrong bill number or type, with the right bags).

A correction keeps the number (the platform refused the first version, so it
never recorded it) and the bags; only the document's other fields change, and
the local records follow them.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import datetime

from desktop.domain.codes import TakeoutType
from desktop.domain.models import CancelTakeout, Receive, TakeoutListForm
from desktop.store import stock
from desktop.store.outbox_documents import Document
from desktop.store.outbox_items import OutboxRefusal
from desktop.store.stock import TAKEOUT_POSITIONS, Position
from desktop.store.times import to_text


def undo(conn: sqlite3.Connection, document: Document, number: str, at: datetime) -> None:
    """Reverse the stock effect of `document` (saved under outbox `number`)."""
    if isinstance(document, TakeoutListForm):
        takeout = document.out_stock
        bags = [line.blood_bag_id for line in takeout.details]
        reason = f"撤回出库单 {takeout.ref_id} / takeout withdrawn"
        cancel = CancelTakeout(
            ref_id=takeout.ref_id, reason=reason, time=at, user=takeout.opt_id, blood_bag_ids=bags
        )
        stock.apply_cancel(conn, cancel, at)
    elif isinstance(document, CancelTakeout):
        _undo_cancel(conn, document, number, at)
    else:
        _undo_receive(conn, document, at)


def _undo_cancel(
    conn: sqlite3.Connection, cancel: CancelTakeout, number: str, at: datetime
) -> None:
    head = conn.execute("SELECT type FROM takeout WHERE ref_id = ?", (cancel.ref_id,)).fetchone()
    destination = TAKEOUT_POSITIONS[TakeoutType(head[0])]
    _require_on_shelf(conn, cancel.blood_bag_ids, "取消出库", "cancellation")
    for bag_id in cancel.blood_bag_ids:
        conn.execute(
            "UPDATE takeout_bag SET cancelled_at = NULL, cancel_reason = NULL "
            "WHERE ref_id = ? AND bag_id = ?",
            (cancel.ref_id, bag_id),
        )
        _move(
            conn,
            bag_id,
            document=("cancel", head[0], number, cancel.ref_id),
            position=destination,
            takeout_ref=cancel.ref_id,
            at=at,
        )


def _undo_receive(conn: sqlite3.Connection, receive: Receive, at: datetime) -> None:
    bag_ids = [line.blood_bag_id for line in receive.blood_bags]
    _require_on_shelf(conn, bag_ids, "入库", "receipt")
    before = {bag_id: _position_before(conn, bag_id, receive.internal_id) for bag_id in bag_ids}
    new = [bag_id for bag_id, place in before.items() if place is None]
    if new:
        raise OutboxRefusal(
            f"入库单 {receive.internal_id} 带入了本院原先没有的血袋（{'、'.join(new[:5])}），"
            "本地库存无法撤销这类入库。请用“修改后重发”改正单据（如交接单号、入库类型）。",
            f"receipt {receive.internal_id} brought bags new to this hospital "
            f"({', '.join(new[:5])}), which the local stock cannot take back; correct it with "
            "fix-and-resend instead (the bill number or the receipt type, usually).",
        )
    document = ("receive", int(receive.type), receive.internal_id, receive.ref_id)
    for bag_id, place in before.items():
        assert place is not None
        _move(conn, bag_id, document=document, position=place[0], takeout_ref=place[1], at=at)


def _position_before(
    conn: sqlite3.Connection, bag_id: str, internal_id: str
) -> tuple[Position, str | None] | None:
    """Where the bag was before receipt `internal_id` brought it in, or None if it was new."""
    row = conn.execute(
        "SELECT position_after, CASE WHEN position_after <> 'in_stock' THEN ref_id END "
        "FROM stock_movement WHERE bag_id = ? AND id < (SELECT MAX(id) FROM stock_movement "
        "WHERE bag_id = ? AND document_kind = 'receive' AND document_number = ?) "
        "ORDER BY id DESC LIMIT 1",
        (bag_id, bag_id, internal_id),
    ).fetchone()
    return None if row is None else (Position(row[0]), row[1])


def _require_on_shelf(
    conn: sqlite3.Connection, bag_ids: Sequence[str], what_zh: str, what_en: str
) -> None:
    marks = ", ".join("?" for _ in bag_ids)
    rows = conn.execute(
        f"SELECT bag_id FROM bag WHERE bag_id IN ({marks}) AND position = ?",
        (*bag_ids, Position.IN_STOCK.value),
    ).fetchall()
    away = sorted(set(bag_ids) - {row[0] for row in rows})
    if away:
        stock.positions.refuse_bags(
            away,
            f"已不在库存中，无法撤回这张{what_zh}单",
            f"are no longer on the shelf, so this {what_en} cannot be withdrawn",
        )


def _move(
    conn: sqlite3.Connection,
    bag_id: str,
    *,
    document: tuple[str, int, str, str],
    position: Position,
    takeout_ref: str | None,
    at: datetime,
) -> None:
    """The bag's new place and the ledger row saying which withdrawn document moved it."""
    stamp = to_text(at)
    conn.execute(
        "UPDATE bag SET position = ?, takeout_ref = ?, updated_at = ? WHERE bag_id = ?",
        (position.value, takeout_ref, stamp, bag_id),
    )
    kind, type_, number, ref_id = document
    conn.execute(
        "INSERT INTO stock_movement (bag_id, direction, document_kind, document_type, "
        "document_number, ref_id, position_after, at) VALUES (?, 'out', ?, ?, ?, ?, ?, ?)",
        (bag_id, kind, type_, number, ref_id, position.value, stamp),
    )


def check_correction(old: Document, new: Document) -> None:
    """Refuse a correction that changes what the local stock recorded (then withdraw instead)."""
    if _stock_identity(old) != _stock_identity(new):
        raise OutboxRefusal(
            "修改后重发只能改正单据的其他内容：血袋、单据类型和关联单号（交接单号、出库单号）"
            "须与原单相同。如需更改这些，请撤回本单后重新登记。",
            "a correction may change anything but the bags, the document type and the number it "
            "refers to (bill or takeout number); to change those, withdraw it and record it anew.",
        )


def _stock_identity(document: Document) -> tuple[object, ...]:
    if isinstance(document, Receive):
        bags = frozenset(line.blood_bag_id for line in document.blood_bags)
        return ("receive", document.type, document.ref_id, bags)
    if isinstance(document, TakeoutListForm):
        takeout = document.out_stock
        return ("takeout", takeout.type, frozenset(line.blood_bag_id for line in takeout.details))
    return ("cancel", document.ref_id, frozenset(document.blood_bag_ids))


def refresh_records(conn: sqlite3.Connection, document: Document) -> None:
    """Make the local receipt, takeout or cancellation record say what the correction says."""
    if isinstance(document, Receive):
        conn.execute(
            "UPDATE receipt SET dis_organ_id = ?, dep_id = ?, receiver = ?, receive_time = ? "
            "WHERE internal_id = ?",
            (
                document.dis_organ_id,
                document.dep_id,
                document.receiver,
                to_text(document.receive_time),
                document.internal_id,
            ),
        )
    elif isinstance(document, TakeoutListForm):
        takeout = document.out_stock
        conn.execute(
            "UPDATE takeout SET dep_id = ?, otherhos_id = ?, opt_id = ?, commit_time = ? "
            "WHERE ref_id = ?",
            (
                takeout.dep_id,
                takeout.otherhos_id,
                takeout.opt_id,
                to_text(takeout.commit_time),
                takeout.ref_id,
            ),
        )
    else:
        marks = ", ".join("?" for _ in document.blood_bag_ids)
        conn.execute(
            "UPDATE takeout_bag SET cancelled_at = ?, cancel_reason = ? "
            f"WHERE ref_id = ? AND bag_id IN ({marks})",
            (to_text(document.time), document.reason, document.ref_id, *document.blood_bag_ids),
        )
