"""A receiving session: the scans of one receipt, judged one by one, in memory.

A scan goes through the domain's `ScanResolver` (indexed, microseconds) and
comes back as a `ScanVerdict`: what to show (an `Outcome` the tab turns into a
title and a colour, the domain's message as detail) and the table row it
changes. Nothing here touches the database, the network or a widget, so a scan
is judged on the UI thread within the counter's 5 ms budget.

`ReceivingSession` holds what every receipt type shares; the subclasses in
`desktop.ui.receiving.sources` say where the candidate bags come from.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any, Final, NamedTuple

from desktop.domain.codes import ReceiveType
from desktop.domain.isbt128 import Bilingual
from desktop.domain.models import Blood, BloodBagInfo
from desktop.domain.scan_outcomes import (
    AlreadyScanned,
    Ambiguous,
    Awaiting,
    BadCheckCharacter,
    BagRef,
    DoNotUse,
    Expired,
    LabelChecked,
    NoMatch,
    Pending,
    ProductMismatch,
    Resolution,
    Resolved,
    ResolverScope,
    Unparsable,
)
from desktop.domain.scan_resolver import ScanResolver, product_key
from desktop.ui.models.receiving_models import ReceivingRow, RowState
from desktop.ui.scan_feedback import FeedbackLevel

Clock = Callable[[], datetime]


class Outcome(StrEnum):
    """What one scan came to, as the counter needs to see it."""

    RECEIVED = "received"
    RECEIVED_WITH_WARNINGS = "received_with_warnings"
    LABEL_AGREES = "label_agrees"
    LABEL_DISAGREES = "label_disagrees"
    PRODUCT_MISMATCH = "product_mismatch"
    SCAN_PRODUCT_CODE = "scan_product_code"
    SCAN_DIN = "scan_din"
    CHECKING = "checking"
    NOT_EXPECTED = "not_expected"
    ALREADY_SCANNED = "already_scanned"
    ALREADY_RECEIVED = "already_received"
    EXPIRED = "expired"
    DO_NOT_USE = "do_not_use"
    UNKNOWN_PRODUCT = "unknown_product"
    UNKNOWN_TO_PLATFORM = "unknown_to_platform"
    DUPLICATE_RECORDS = "duplicate_records"
    BAD_CHECK_CHARACTER = "bad_check_character"
    UNREADABLE = "unreadable"

    @property
    def level(self) -> FeedbackLevel:
        if self in _OK:
            return FeedbackLevel.OK
        return FeedbackLevel.WARNING if self in _WARNINGS else FeedbackLevel.REFUSED


_OK: Final = frozenset({Outcome.RECEIVED, Outcome.LABEL_AGREES})
_WARNINGS: Final = frozenset(
    {
        Outcome.RECEIVED_WITH_WARNINGS,
        Outcome.LABEL_DISAGREES,
        Outcome.PRODUCT_MISMATCH,
        Outcome.SCAN_PRODUCT_CODE,
        Outcome.SCAN_DIN,
        Outcome.CHECKING,
    }
)
# Why a bag that arrived was not received, in the few words the receipt's description has room for.
_REFUSAL_WORDS: Final = {
    Outcome.EXPIRED: "已过期",
    Outcome.DO_NOT_USE: "标签示不得使用",
    Outcome.UNKNOWN_PRODUCT: "产品码不在字典中",
}


@dataclass(frozen=True, slots=True)
class ScanVerdict:
    """The answer to one scan: what to show, and the table row it puts (if any)."""

    outcome: Outcome
    detail: Bilingual
    row: ReceivingRow | None = None
    lookup: str | None = None
    """A bag id to ask the platform about (`getBloodBags`) before the scan can be judged."""
    replaces: str | None = None
    """The key of a row this verdict takes the place of (a "checking" row)."""
    focus: str | None = None
    """The key of a row to show, unchanged (the bag scanned a second time)."""

    @property
    def level(self) -> FeedbackLevel:
        return self.outcome.level


class Counts(NamedTuple):
    expected: int | None
    """None when the receipt has no list to check against (transfer-in, department return)."""
    received: int
    missing: int
    unexpected: int
    refused: int
    checking: int


class ProductDictionary:
    """The product codes the platform's Blood dictionary knows, and their names."""

    def __init__(self, bloods: Iterable[Blood] = ()) -> None:
        self.names: dict[str, str] = {}
        self.update(bloods)

    def update(self, bloods: Iterable[Blood]) -> None:
        """The dictionary as synced now; sessions holding this object see the change."""
        self.names = {
            product_key(blood.id): blood.short_name or blood.full_name for blood in bloods
        }

    @property
    def synced(self) -> bool:
        """An empty dictionary was never fetched: then no code can be called unknown."""
        return bool(self.names)

    def unknown(self, code: str | None) -> bool:
        return self.synced and (code is None or product_key(code) not in self.names)


def unknown_product(code: str | None) -> Bilingual:
    shown = code or "?"
    return Bilingual(
        zh=f"产品码 {shown} 不在血液品种字典中，不能入库：请核对标签；如为新品种，请先同步字典。",
        en=f"Product code {shown} is not in the product dictionary, so the bag cannot be "
        "received: check the label; if it is a new product, sync the dictionaries first.",
    )


class ReceivingSession:
    """The scans of one receipt against `candidates`; subclasses add where those come from."""

    receive_type: ReceiveType

    def __init__(
        self,
        candidates: Iterable[BagRef],
        products: ProductDictionary,
        clock: Clock,
        *,
        scope: ResolverScope,
        scanned: Iterable[str] = (),
    ) -> None:
        self._resolver = ScanResolver(candidates, scope=scope, scanned=scanned)
        self._products = products
        self._clock = clock
        self._accepted: dict[str, BagRef] = {}
        self._refused: dict[str, tuple[Outcome, BagRef]] = {}
        self._handlers: Mapping[type, Callable[[Any], ScanVerdict]] = {
            Resolved: self._resolved,
            Pending: self._pending,
            Ambiguous: self._ambiguous,
            NoMatch: self._no_match,
            AlreadyScanned: self._already_scanned,
            Expired: lambda o: self._refuse(Outcome.EXPIRED, o.bag, o.message),
            DoNotUse: self._do_not_use,
            BadCheckCharacter: lambda o: ScanVerdict(Outcome.BAD_CHECK_CHARACTER, o.message),
            Unparsable: lambda o: ScanVerdict(Outcome.UNREADABLE, o.message),
            LabelChecked: self._label_checked,
            ProductMismatch: lambda o: ScanVerdict(Outcome.PRODUCT_MISMATCH, o.message),
        }

    # -- what the tab asks ---------------------------------------------------------------

    def scan(self, text: str) -> ScanVerdict:
        """Judge one scan; never raises, never blocks."""
        return self.judge(self._resolver.resolve(text, now=self._clock()))

    def judge(self, outcome: Resolution) -> ScanVerdict:
        return self._handlers[type(outcome)](outcome)

    def rows(self) -> list[ReceivingRow]:
        """The table when the session starts."""
        return []

    def remove(self, key: str) -> ReceivingRow | None:
        """Take a row back (the clerk set the bag aside); the row that replaces it, if any."""
        bag = self._accepted.pop(key, None)
        if bag is not None:
            self._resolver.unmark_scanned(bag)
        self._refused.pop(key, None)
        return None

    @property
    def accepted(self) -> tuple[BagRef, ...]:
        """The bags the receipt will list, in the order they were scanned."""
        return tuple(self._accepted.values())

    @property
    def awaiting(self) -> Awaiting | None:
        return self._resolver.awaiting

    def counts(self) -> Counts:
        return Counts(None, len(self._accepted), 0, 0, len(self._refused), 0)

    def missing(self) -> tuple[BagRef, ...]:
        return ()

    def has_pending_checks(self) -> bool:
        return False

    def description(self) -> str | None:
        """The receipt's `description`: what did not go as listed, in Chinese; None if nothing."""
        return None

    def bag_details(self) -> list[BloodBagInfo]:
        """What the store needs of bags new to this hospital (from the bill or the platform)."""
        return []

    # -- judging ----------------------------------------------------------------------------

    def _resolved(self, outcome: Resolved) -> ScanVerdict:
        bag = outcome.bag
        if self._products.unknown(bag.product_code):
            return self._refuse(Outcome.UNKNOWN_PRODUCT, bag, unknown_product(bag.product_code))
        self._accept(bag)
        note = _joined(outcome.warnings)
        kind = Outcome.RECEIVED_WITH_WARNINGS if note else Outcome.RECEIVED
        return ScanVerdict(
            kind, note or outcome.message, ReceivingRow(bag.bag_id, RowState.RECEIVED, bag, note)
        )

    def _pending(self, outcome: Pending) -> ScanVerdict:
        if self._products.unknown(outcome.scanned):
            self._resolver.reset()
            return ScanVerdict(Outcome.UNKNOWN_PRODUCT, unknown_product(outcome.scanned))
        return ScanVerdict(Outcome.SCAN_DIN, outcome.message)

    def _ambiguous(self, outcome: Ambiguous) -> ScanVerdict:
        if outcome.awaiting is Awaiting.PRODUCT_CODE:
            return ScanVerdict(Outcome.SCAN_PRODUCT_CODE, outcome.message)
        return self._unexpected(Outcome.DUPLICATE_RECORDS, outcome.scanned, outcome.message)

    def _no_match(self, outcome: NoMatch) -> ScanVerdict:
        return self._unexpected(Outcome.NOT_EXPECTED, outcome.scanned, outcome.message)

    def _already_scanned(self, outcome: AlreadyScanned) -> ScanVerdict:
        return ScanVerdict(Outcome.ALREADY_SCANNED, outcome.message, focus=outcome.bag.bag_id)

    def _do_not_use(self, outcome: DoNotUse) -> ScanVerdict:
        if outcome.bag is None:
            return ScanVerdict(Outcome.DO_NOT_USE, outcome.message)
        return self._refuse(Outcome.DO_NOT_USE, outcome.bag, outcome.message)

    def _label_checked(self, outcome: LabelChecked) -> ScanVerdict:
        note = _joined(outcome.warnings)
        if note is None:
            return ScanVerdict(Outcome.LABEL_AGREES, outcome.message)
        bag = outcome.bag
        row = None
        if bag.bag_id in self._accepted:
            row = ReceivingRow(bag.bag_id, RowState.RECEIVED, bag, note)
        return ScanVerdict(Outcome.LABEL_DISAGREES, note, row)

    # -- bookkeeping ------------------------------------------------------------------------

    def _accept(self, bag: BagRef) -> None:
        self._resolver.mark_scanned(bag)
        self._accepted[bag.bag_id] = bag
        self._refused.pop(bag.bag_id, None)

    def _refuse(self, kind: Outcome, bag: BagRef, reason: Bilingual) -> ScanVerdict:
        """A bag that must not be received: also taken back if it was accepted a scan ago."""
        if self._accepted.pop(bag.bag_id, None) is not None:
            self._resolver.unmark_scanned(bag)
            self._on_taken_back(bag)
        self._refused[bag.bag_id] = (kind, bag)
        return ScanVerdict(kind, reason, ReceivingRow(bag.bag_id, RowState.REFUSED, bag, reason))

    def _unexpected(self, kind: Outcome, scanned: str, reason: Bilingual) -> ScanVerdict:
        return ScanVerdict(kind, reason, ReceivingRow(scanned, RowState.UNEXPECTED, note=reason))

    def _on_taken_back(self, bag: BagRef) -> None:
        """A bag accepted earlier is no longer on the receipt."""

    def _refusal_words(self) -> str | None:
        """The refused bags as `id（为何）` for a description, or None."""
        if not self._refused:
            return None
        listed = "、".join(
            f"{bag_id}（{_REFUSAL_WORDS.get(kind, '拒收')}）"
            for bag_id, (kind, _bag) in self._refused.items()
        )
        return f"拒收 {len(self._refused)} 袋：{listed}"


def _joined(messages: Iterable[Bilingual]) -> Bilingual | None:
    listed = list(messages)
    if not listed:
        return None
    return Bilingual(zh="；".join(m.zh for m in listed), en=" ".join(m.en for m in listed))
