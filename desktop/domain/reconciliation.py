"""Receiving a handover bill by scanning: which bags came, which are missing, what else turned up.

A `Reconciliation` is built from the bill's bags and fed what the counter
scanned: `record_scan` for a bag the scan resolver identified, and
`record_unexpected` for a scan that identified no bag of the bill (not on it,
unreadable, ambiguous). It never raises on any sequence of scans, and every
view lists the bill's bags in bill order, unexpected scans in the order they
came, so the table and the note read the same every time.

When the receipt is submitted short, `discrepancy_note` is the text for the
receipt's `description`, so the platform's record says what did not arrive.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import NamedTuple

from desktop.domain.codes import Label
from desktop.domain.isbt128 import Bilingual
from desktop.domain.scan_outcomes import BagRef

# A note names at most this many bags per list: a short bill's note names them
# all, and a bill that arrived half empty gets a description a person can still
# read (the full list stays on the desk's own receipt).
NOTE_MAX_LISTED = 10
_MORE_ZH_BAGS = "等（另有 {rest} 袋未列出）"
_MORE_ZH_SCANS = "等（另有 {rest} 个未列出）"
_MORE_EN = " and {rest} more"
# A joined DIN + product code scan is 26 characters; longer is noise, cut short.
_NOTE_SCAN_CHARS = 32


class LineStatus(StrEnum):
    """The state of one line of the receiving table."""

    AWAITED = "awaited"
    """On the bill, not scanned yet."""
    SCANNED = "scanned"
    UNEXPECTED = "unexpected"
    """Scanned, but no bag of the bill."""

    @property
    def label(self) -> Label:
        return _STATUS_LABELS[self]


_STATUS_LABELS = {
    LineStatus.AWAITED: Label("待扫描", "Not scanned yet"),
    LineStatus.SCANNED: Label("已扫描", "Scanned"),
    LineStatus.UNEXPECTED: Label("非本单", "Not on this bill"),
}


class ScanRecord(StrEnum):
    """What recording one scan did."""

    SCANNED = "scanned"
    ALREADY_SCANNED = "already_scanned"
    UNEXPECTED = "unexpected"
    """Set aside as no bag of the bill."""
    ALREADY_UNEXPECTED = "already_unexpected"
    IGNORED = "ignored"
    """A blank scan (a scanner sending only Enter): nothing to record."""


@dataclass(frozen=True, slots=True)
class UnexpectedScan:
    """A scan that identified no bag of the bill, and why."""

    scan_text: str
    reason: Bilingual


@dataclass(frozen=True, slots=True)
class ReconciliationLine:
    """One row of the receiving table: a bag of the bill, or an unexpected scan."""

    status: LineStatus
    key: str
    """The bag id, or the scan text of an unexpected scan."""
    bag: BagRef | None = None
    """The bill's bag; None for an unexpected scan."""
    reason: Bilingual | None = None
    """Why an unexpected scan was set aside."""


class ReconciliationCounts(NamedTuple):
    expected: int
    scanned: int
    missing: int
    unexpected: int


class DiscrepancyNote(NamedTuple):
    """The text for a receipt's `description`, in Chinese (sent) and English (logs)."""

    zh: str
    en: str


class Reconciliation:
    """The bags of one handover bill against what the counter scanned."""

    def __init__(self, expected: Iterable[BagRef]) -> None:
        # A bag listed twice on a bill is one bag: the first listing keeps its place.
        self._expected: dict[str, BagRef] = {}
        for bag in expected:
            self._expected.setdefault(bag.bag_id, bag)
        self._scanned: set[str] = set()
        self._unexpected: dict[str, UnexpectedScan] = {}

    def record_scan(self, bag_id: str) -> ScanRecord:
        """Mark bag `bag_id` scanned; an id not on the bill is set aside as unexpected."""
        key = bag_id.strip()
        if key not in self._expected:
            return self.record_unexpected(
                key,
                Bilingual(zh=f"{key} 不在本交接单上。", en=f"{key} is not on this handover bill."),
            )
        if key in self._scanned:
            return ScanRecord.ALREADY_SCANNED
        self._scanned.add(key)
        return ScanRecord.SCANNED

    def record_unexpected(self, scan_text: str, reason: Bilingual) -> ScanRecord:
        """Set aside a scan that identified no bag of the bill; a repeat keeps the first reason."""
        key = scan_text.strip()
        if not key:
            return ScanRecord.IGNORED
        if key in self._unexpected:
            return ScanRecord.ALREADY_UNEXPECTED
        self._unexpected[key] = UnexpectedScan(key, reason)
        return ScanRecord.UNEXPECTED

    @property
    def expected(self) -> tuple[BagRef, ...]:
        return tuple(self._expected.values())

    @property
    def scanned(self) -> tuple[BagRef, ...]:
        return tuple(bag for key, bag in self._expected.items() if key in self._scanned)

    @property
    def missing(self) -> tuple[BagRef, ...]:
        return tuple(bag for key, bag in self._expected.items() if key not in self._scanned)

    @property
    def unexpected(self) -> tuple[UnexpectedScan, ...]:
        return tuple(self._unexpected.values())

    @property
    def counts(self) -> ReconciliationCounts:
        expected, scanned = len(self._expected), len(self._scanned)
        return ReconciliationCounts(expected, scanned, expected - scanned, len(self._unexpected))

    @property
    def is_complete(self) -> bool:
        """Every bag of the bill scanned, and nothing else."""
        counts = self.counts
        return counts.missing == 0 and counts.unexpected == 0

    def lines(self) -> tuple[ReconciliationLine, ...]:
        """The receiving table: the bill's bags in bill order, then the unexpected scans."""
        bill = [
            ReconciliationLine(
                LineStatus.SCANNED if key in self._scanned else LineStatus.AWAITED, key, bag
            )
            for key, bag in self._expected.items()
        ]
        extra = [
            ReconciliationLine(LineStatus.UNEXPECTED, scan.scan_text, reason=scan.reason)
            for scan in self._unexpected.values()
        ]
        return (*bill, *extra)

    def discrepancy_note(self) -> DiscrepancyNote | None:
        """What to write in the receipt's description; None when the bill was received whole."""
        if self.is_complete:
            return None
        counts = self.counts
        zh = [f"交接单共 {counts.expected} 袋，实收 {counts.scanned} 袋"]
        en = [f"The bill lists {_count(counts.expected, 'bag')}, {counts.scanned} received"]
        missing = [bag.bag_id for bag in self.missing]
        if missing:
            zh.append(f"少收 {len(missing)} 袋：{_listed(missing, '、', _MORE_ZH_BAGS)}")
            en.append(f"{len(missing)} missing: {_listed(missing, ', ', _MORE_EN)}")
        unexpected = [_clipped(scan.scan_text) for scan in self.unexpected]
        if unexpected:
            zh.append(f"多扫 {len(unexpected)} 个：{_listed(unexpected, '、', _MORE_ZH_SCANS)}")
            en.append(
                f"{_count(len(unexpected), 'unexpected scan')}: "
                f"{_listed(unexpected, ', ', _MORE_EN)}"
            )
        return DiscrepancyNote("；".join(zh) + "。", "; ".join(en) + ".")


def _listed(items: Sequence[str], separator: str, more: str) -> str:
    """`items` joined, those past `NOTE_MAX_LISTED` counted by `more` instead of named."""
    listed = separator.join(items[:NOTE_MAX_LISTED])
    if len(items) <= NOTE_MAX_LISTED:
        return listed
    return listed + more.format(rest=len(items) - NOTE_MAX_LISTED)


def _clipped(scan_text: str) -> str:
    if len(scan_text) <= _NOTE_SCAN_CHARS:
        return scan_text
    return f"{scan_text[: _NOTE_SCAN_CHARS - 1]}…"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
