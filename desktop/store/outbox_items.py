"""What the outbox hands out: items, their last error, the pause, the counts; and its refusals.

Items carry no patient data (the document itself stays encrypted until the
sender or a correction form asks for it), so a list of them is safe to show,
log and keep in a table model.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from typing import Final

from desktop.domain.delivery import DeliveryState, DocumentKind
from desktop.domain.ordering import ItemSummary
from desktop.domain.validation import FieldError
from desktop.platform.errors import PlatformError
from desktop.store.audit import Operator
from desktop.store.times import from_text, optional_from_text

ITEM_COLUMNS: Final = (
    "seq, kind, number, ref, bag_ids, state, attempts, next_attempt_at, error_kind, error_zh, "
    "error_en, platform_message, created_at, business_day, acknowledged_at, operator_name, "
    "operator_number, workstation"
)


@dataclass(frozen=True)
class ItemError:
    """Why the last attempt did not get through: our explanation, and the platform's own words."""

    kind: str
    """The error's type name, e.g. `Refused`, `OutcomeUnknown`, `CancelFailed`."""
    message_zh: str
    message_en: str
    platform_message: str | None = None

    @classmethod
    def from_platform(cls, error: PlatformError) -> ItemError:
        return cls(type(error).__name__, error.message_zh, error.message_en, error.platform_message)


@dataclass(frozen=True)
class OutboxItem:
    seq: int
    kind: DocumentKind
    number: str
    """The receipt's internalId, the takeout's refId, or a cancellation's local key."""
    ref: str
    """What ordering chains on: internalId of a receipt, refId of a takeout or its cancellation."""
    bag_ids: tuple[str, ...]
    state: DeliveryState
    attempts: int
    next_attempt_at: datetime | None
    error: ItemError | None
    created_at: datetime
    business_day: date
    acknowledged_at: datetime | None
    operator: Operator
    workstation: str

    def summary(self) -> ItemSummary:
        return ItemSummary(self.seq, self.kind, self.ref, frozenset(self.bag_ids), self.state)

    @classmethod
    def from_row(cls, row: sqlite3.Row | tuple[object, ...]) -> OutboxItem:
        (seq, kind, number, ref, bags, state, attempts, next_at, error_kind, error_zh, error_en,
         platform_message, created_at, day, acknowledged_at, op_name, op_number, workstation) = row  # fmt: skip
        error = (
            ItemError(str(error_kind), str(error_zh), str(error_en), _text(platform_message))
            if error_kind is not None
            else None
        )
        return cls(
            seq=int(str(seq)),
            kind=DocumentKind(str(kind)),
            number=str(number),
            ref=str(ref),
            bag_ids=tuple(json.loads(str(bags))),
            state=DeliveryState(str(state)),
            attempts=int(str(attempts)),
            next_attempt_at=optional_from_text(_text(next_at)),
            error=error,
            created_at=from_text(str(created_at)),
            business_day=date.fromisoformat(str(day)),
            acknowledged_at=optional_from_text(_text(acknowledged_at)),
            operator=Operator(str(op_name), str(op_number)),
            workstation=str(workstation),
        )


def _text(value: object) -> str | None:
    return None if value is None else str(value)


@dataclass(frozen=True)
class Pause:
    """The queue is stopped because the platform rejected the hospital's credentials."""

    since: datetime
    error: ItemError


@dataclass(frozen=True)
class OutboxCounts:
    waiting: int
    """Pending: not yet sent, or to be retried after a network failure."""
    in_doubt: int
    needs_attention: int

    @property
    def unacknowledged(self) -> int:
        return self.waiting + self.in_doubt + self.needs_attention


class OutboxRefusal(Exception):  # noqa: N818 - a refusal of the clerk's request, not a fault
    """The outbox will not do what was asked, with why in Chinese and English."""

    def __init__(self, message_zh: str, message_en: str) -> None:
        super().__init__(f"{message_zh}\n{message_en}")
        self.message_zh = message_zh
        self.message_en = message_en


class InvalidDocument(OutboxRefusal):
    """The document breaks the domain's form rules; `errors` says where."""

    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__(
            "单据填写有误：" + "；".join(f"{e.path or '单据'}：{e.message_zh}" for e in errors),
            "the document is not valid: "
            + "; ".join(f"{e.path or 'document'}: {e.message_en}" for e in errors),
        )
        self.errors = errors


class NumberInUse(OutboxRefusal):
    def __init__(self, kind: DocumentKind, number: str) -> None:
        super().__init__(
            f"单号 {number} 已用于另一张{kind.label.zh}单，不能重复使用；请留空由系统编号。",
            f"number {number} already names another {kind.label.en}; leave it empty "
            "for the desk to number it.",
        )


class WrongState(OutboxRefusal):
    """The item is not in a state that allows this (e.g. withdrawing one already sent)."""
