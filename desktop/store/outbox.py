"""The durable outbox: every document owed to the platform, saved before any network call.

A submission writes, in one transaction, the outbox row (its wire document
encrypted), its effect on the local stock and an audit entry; once `submit_*`
returns, no crash, power cut or network failure can lose it. The sender
(`desktop.store.sender`) drains the rows in order and files the platform's
answers through the state changes below; the clerk handles refused ones with
`fix_and_resend` or `withdraw`.

Only an item that needs attention can be corrected or withdrawn (withdrawing
takes along the pending items held back behind it, which were never sent): the
platform refused it, so it is certainly not there, and the sender never
touches it, so no send can be in flight. Anything else pending or in doubt may
be on the wire.

Several `Outbox`es (one per thread, each on its own `Store`) may work on one
database: every state change names the states it may start from, so a change
that lost a race changes nothing.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime, timedelta
from typing import Any, Final

from desktop.domain.deadline import business_day
from desktop.domain.delivery import UNACKNOWLEDGED, DeliveryState, DocumentKind
from desktop.domain.models import CancelTakeout, Receive, TakeoutListForm, to_wire
from desktop.domain.ordering import sendable
from desktop.store import outbox_changes, outbox_corrections
from desktop.store import outbox_documents as documents
from desktop.store.audit import Operator
from desktop.store.database import Store
from desktop.store.outbox_documents import Document
from desktop.store.outbox_items import (
    ITEM_COLUMNS,
    ItemError,
    OutboxCounts,
    OutboxItem,
    Pause,
    WrongState,
)
from desktop.store.stock import BagDetails
from desktop.store.times import from_text, to_text

PATIENT_DATA_RETENTION: Final = timedelta(days=30)

_SENDABLE: Final = (DeliveryState.PENDING.value, DeliveryState.IN_DOUBT.value)
# Written into SQL text: the states are the enum's own constants, never input.
_SENDABLE_SQL: Final = "('pending', 'in_doubt')"
_OPEN_SQL: Final = "('pending', 'in_doubt', 'needs_attention')"


class Outbox:
    """The outbox of the store `store`, written as workstation `workstation`."""

    def __init__(self, store: Store, workstation: str) -> None:
        self._store = store
        self._workstation = workstation

    @property
    def store(self) -> Store:
        return self._store

    # -- submitting -----------------------------------------------------------------

    def submit_receive(
        self,
        receive: Receive | Mapping[str, Any],
        bags: Sequence[BagDetails],
        operator: Operator,
    ) -> OutboxItem:
        """Save a receipt (numbered if it has no internalId) and put its bags into stock."""
        return self._submit(DocumentKind.RECEIVE, receive, operator, bags)

    def submit_takeout(
        self, form: TakeoutListForm | Mapping[str, Any], operator: Operator
    ) -> OutboxItem:
        """Save a takeout (numbered if it has no refId) and take its bags out of stock."""
        return self._submit(DocumentKind.TAKEOUT, form, operator)

    def submit_cancel(
        self, cancel: CancelTakeout | Mapping[str, Any], operator: Operator
    ) -> OutboxItem:
        """Save a cancellation of (part of) a takeout and put its bags back into stock."""
        return self._submit(DocumentKind.CANCEL, cancel, operator)

    def _submit(
        self,
        kind: DocumentKind,
        data: Document | Mapping[str, Any],
        operator: Operator,
        bags: Sequence[BagDetails] = (),
    ) -> OutboxItem:
        now = self._store.now()
        with self._store.transaction() as conn:
            document, number = outbox_changes.numbered(conn, kind, data, self._workstation, now)
            outbox_changes.apply_stock(conn, document, bags, now)
            seq = self._insert(
                conn, kind=kind, number=number, document=document, operator=operator, now=now
            )
            detail = {"seq": seq, "kind": kind.value, "bags": documents.bag_ids(document)}
            self._audit(
                conn,
                operator=operator,
                action="outbox.submit",
                number=number,
                detail=detail,
                at=now,
            )
        return self.item(seq)

    def _audit(
        self,
        conn: sqlite3.Connection,
        *,
        operator: Operator,
        action: str,
        number: str,
        detail: Mapping[str, object],
        at: datetime,
    ) -> None:
        outbox_changes.record(
            conn, operator, self._workstation, action=action, number=number, detail=detail, at=at
        )

    def _insert(
        self,
        conn: sqlite3.Connection,
        *,
        kind: DocumentKind,
        number: str,
        document: Document,
        operator: Operator,
        now: datetime,
    ) -> int:
        cursor = conn.execute(
            "INSERT INTO outbox (kind, number, ref, payload, bag_ids, created_at, business_day, "
            "operator_name, operator_number, workstation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                kind.value,
                number,
                documents.ref_of(document),
                self._store.cipher.encrypt_json(to_wire(document)),
                json.dumps(documents.bag_ids(document)),
                to_text(now),
                business_day(documents.actual_time(document)).isoformat(),
                operator.name,
                operator.staff_number,
                self._workstation,
            ),
        )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    # -- reading ----------------------------------------------------------------------

    def item(self, seq: int) -> OutboxItem:
        items = self._select("WHERE seq = ?", (seq,))
        if not items:
            raise KeyError(f"no outbox item {seq}")
        return items[0]

    def items(self, states: Iterable[DeliveryState] | None = None) -> list[OutboxItem]:
        """Items in `states` (all when None), in the order they were saved."""
        if states is None:
            return self._select("ORDER BY seq", ())
        wanted = [DeliveryState(state).value for state in states]
        marks = ", ".join("?" for _ in wanted)
        return self._select(f"WHERE state IN ({marks}) ORDER BY seq", tuple(wanted))

    def document(self, seq: int) -> Document:
        """The item's document as it will be (or was) sent; decrypted, so keep it off logs.

        Not for an item whose patient data was purged: see `stored_wire`.
        """
        kind, wire = self._payload(seq)
        return documents.load(kind, wire)

    def stored_wire(self, seq: int) -> dict[str, Any]:
        """The item's document as stored (wire names), purged fields left out; decrypted."""
        return self._payload(seq)[1]

    def _payload(self, seq: int) -> tuple[DocumentKind, dict[str, Any]]:
        with self._store.read() as conn:
            row = conn.execute("SELECT kind, payload FROM outbox WHERE seq = ?", (seq,)).fetchone()
        if row is None:
            raise KeyError(f"no outbox item {seq}")
        wire: dict[str, Any] = self._store.cipher.decrypt_json(row[1])
        return DocumentKind(row[0]), wire

    def ready(self, now: datetime) -> list[OutboxItem]:
        """The items the sender may send at `now`, in order (see `desktop.domain.ordering`)."""
        open_items = self.items(UNACKNOWLEDGED)
        allowed = set(sendable(item.summary() for item in open_items))
        return [
            item
            for item in open_items
            if item.seq in allowed and (item.next_attempt_at is None or item.next_attempt_at <= now)
        ]

    def next_attempt_due(self) -> datetime | None:
        """The earliest time a waiting item is due again, for the window's retry timer."""
        with self._store.read() as conn:
            row = conn.execute(
                f"SELECT MIN(next_attempt_at) FROM outbox WHERE state IN {_SENDABLE_SQL}"
            ).fetchone()
        return None if row[0] is None else from_text(row[0])

    def counts(self) -> OutboxCounts:
        with self._store.read() as conn:
            rows = dict(
                conn.execute(
                    f"SELECT state, COUNT(*) FROM outbox WHERE state IN {_OPEN_SQL} GROUP BY state"
                ).fetchall()
            )
        return OutboxCounts(
            waiting=rows.get(DeliveryState.PENDING.value, 0),
            in_doubt=rows.get(DeliveryState.IN_DOUBT.value, 0),
            needs_attention=rows.get(DeliveryState.NEEDS_ATTENTION.value, 0),
        )

    def unacknowledged_by_day(self) -> list[tuple[date, DocumentKind]]:
        """(business day, kind) of every item still owed, for `deadline.deadline_status`."""
        with self._store.read() as conn:
            rows = conn.execute(
                f"SELECT business_day, kind FROM outbox WHERE state IN {_OPEN_SQL}"
            ).fetchall()
        return [(date.fromisoformat(day), DocumentKind(kind)) for day, kind in rows]

    def _select(self, where: str, parameters: tuple[object, ...]) -> list[OutboxItem]:
        with self._store.read() as conn:
            rows = conn.execute(f"SELECT {ITEM_COLUMNS} FROM outbox {where}", parameters)
            return [OutboxItem.from_row(row) for row in rows.fetchall()]

    # -- the sender's verdicts --------------------------------------------------------------

    def acknowledge(self, seq: int, at: datetime) -> None:
        self._change(
            seq,
            allowed=_SENDABLE,
            state=DeliveryState.ACKNOWLEDGED,
            error=None,
            next_attempt_at=None,
            acknowledged_at=to_text(at),
        )

    def retry_later(self, seq: int, at: datetime, error: ItemError) -> None:
        """Not sent (network, server): try again at `at`."""
        self._change(
            seq, allowed=_SENDABLE, state=DeliveryState.PENDING, error=error, next_attempt_at=at
        )

    def mark_in_doubt(self, seq: int, error: ItemError, retry_at: datetime) -> None:
        """Sent without a clear answer: resend under the same number at `retry_at`."""
        self._change(
            seq,
            allowed=_SENDABLE,
            state=DeliveryState.IN_DOUBT,
            error=error,
            next_attempt_at=retry_at,
        )

    def needs_attention(self, seq: int, error: ItemError) -> None:
        """Refused by the platform: never resent until the clerk corrects it."""
        self._change(
            seq,
            allowed=_SENDABLE,
            state=DeliveryState.NEEDS_ATTENTION,
            error=error,
            next_attempt_at=None,
        )

    def retry_now(self) -> int:
        """Make every waiting or in-doubt item due now (the clerk pressed "send now")."""
        with self._store.transaction() as conn:
            cursor = conn.execute(
                f"UPDATE outbox SET next_attempt_at = NULL WHERE state IN {_SENDABLE_SQL} "
                "AND next_attempt_at IS NOT NULL"
            )
            changed: int = cursor.rowcount
        return changed

    def _change(
        self,
        seq: int,
        *,
        allowed: tuple[str, ...],
        state: DeliveryState,
        error: ItemError | None,
        next_attempt_at: datetime | None,
        acknowledged_at: str | None = None,
    ) -> None:
        with self._store.transaction() as conn:
            cursor = conn.execute(
                "UPDATE outbox SET state = ?, attempts = attempts + 1, next_attempt_at = ?, "
                "error_kind = ?, error_zh = ?, error_en = ?, platform_message = ?, "
                f"acknowledged_at = COALESCE(?, acknowledged_at) "
                f"WHERE seq = ? AND state IN ({', '.join('?' for _ in allowed)})",
                (
                    state.value,
                    None if next_attempt_at is None else to_text(next_attempt_at),
                    *outbox_changes.error_columns(error),
                    acknowledged_at,
                    seq,
                    *allowed,
                ),
            )
            if cursor.rowcount != 1:
                raise WrongState(*outbox_changes.state_message(conn, seq, state))

    # -- the clerk's corrections ------------------------------------------------------------

    def fix_and_resend(
        self, seq: int, corrected: Document | Mapping[str, Any], operator: Operator
    ) -> list[str]:
        """Correct a refused item and queue it again under its number; the fields changed.

        The bags, the type and the number it refers to must stay (the local stock
        recorded them); anything else may change. Audited.
        """
        return outbox_corrections.fix_and_resend(self._store, self.item(seq), corrected, operator)

    def withdrawal(self, seq: int) -> list[OutboxItem]:
        """What `withdraw(seq)` would take back, for the clerk to confirm first."""
        open_items = self.items(UNACKNOWLEDGED)
        target = next((item for item in open_items if item.seq == seq), None)
        if target is None:
            target = self.item(seq)
        return outbox_corrections.withdrawal(open_items, target)

    def withdraw(self, seq: int, reason: str, operator: Operator) -> list[OutboxItem]:
        """Take back a refused item and the later ones held back behind it (its cancellations,
        later documents of its bags), undoing their effect on the local stock. Audited.
        """
        return outbox_corrections.withdraw(
            self._store, seq, reason, operator, lambda: self.items(UNACKNOWLEDGED)
        )

    def purge_patient_data(
        self, now: datetime, retention: timedelta = PATIENT_DATA_RETENTION
    ) -> int:
        """Drop patient fields from documents acknowledged more than `retention` ago."""
        return outbox_corrections.purge_payloads(self._store, now, retention)

    # -- the pause ---------------------------------------------------------------------------

    def pause(self, error: ItemError, at: datetime) -> Pause:
        """Stop the whole queue: the platform rejected the hospital's credentials."""
        with self._store.transaction() as conn:
            conn.execute(
                "INSERT INTO outbox_pause (id, since, error_kind, message_zh, message_en) "
                "VALUES (1, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET since = excluded.since, "
                "error_kind = excluded.error_kind, message_zh = excluded.message_zh, "
                "message_en = excluded.message_en",
                (to_text(at), error.kind, error.message_zh, error.message_en),
            )
        return Pause(at, error)

    def paused(self) -> Pause | None:
        with self._store.read() as conn:
            row = conn.execute(
                "SELECT since, error_kind, message_zh, message_en FROM outbox_pause"
            ).fetchone()
        return None if row is None else Pause(from_text(row[0]), ItemError(*row[1:]))

    def resume(self) -> bool:
        """Let the queue run again (after the credentials were fixed); False if it was running."""
        with self._store.transaction() as conn:
            resumed: bool = conn.execute("DELETE FROM outbox_pause").rowcount > 0
        return resumed
