"""What a scan contained: `ScanResult`, the one value `parse_scan` returns."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from desktop.domain.isbt128.abo_rh import BloodGroupCode
from desktop.domain.isbt128.date_structures import DateKind, DateStructure
from desktop.domain.isbt128.din import DonationNumber, KeyedDin
from desktop.domain.isbt128.issues import IssueCode, ScanIssue, Severity
from desktop.domain.isbt128.other_structures import OtherStructure
from desktop.domain.isbt128.plain_ids import PlainId
from desktop.domain.isbt128.products import ProductCode

ScanItem = Annotated[
    DonationNumber
    | KeyedDin
    | ProductCode
    | BloodGroupCode
    | DateStructure
    | OtherStructure
    | PlainId,
    Field(discriminator="kind"),
]


class ScanKind(StrEnum):
    ISBT128 = "isbt128"  # one or more ISBT 128 data structures
    KEYED_DIN = "keyed_din"  # a DIN typed with its check character
    PLAIN_ID = "plain_id"  # a platform bag id or Codabar unit number
    UNREADABLE = "unreadable"


class ScanResult(BaseModel):
    """Everything read from one scan, and everything wrong with it.

    `text` is what was interpreted: the scan without its AIM symbology
    identifier, surrounding whitespace or control characters, and with
    full-width characters (a Chinese input method left on) made half-width.
    """

    model_config = ConfigDict(frozen=True)

    raw: str
    text: str
    symbology: str | None = None
    kind: ScanKind
    items: tuple[ScanItem, ...] = ()
    issues: tuple[ScanIssue, ...] = ()

    @property
    def errors(self) -> tuple[ScanIssue, ...]:
        return tuple(issue for issue in self.issues if issue.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[ScanIssue, ...]:
        return tuple(issue for issue in self.issues if issue.severity is Severity.WARNING)

    @property
    def ok(self) -> bool:
        """Something was read and nothing in the scan is wrong."""
        return bool(self.items) and not self.errors

    @property
    def dins(self) -> tuple[str, ...]:
        """The distinct 13-character DINs read, in scan order."""
        found = (item.din for item in self.items if isinstance(item, DonationNumber | KeyedDin))
        return tuple(dict.fromkeys(found))

    @property
    def product_codes(self) -> tuple[str, ...]:
        found = (item.code for item in self.items if isinstance(item, ProductCode))
        return tuple(dict.fromkeys(found))

    @property
    def blood_groups(self) -> tuple[BloodGroupCode, ...]:
        return tuple(item for item in self.items if isinstance(item, BloodGroupCode))

    @property
    def plain_id(self) -> PlainId | None:
        return next((item for item in self.items if isinstance(item, PlainId)), None)

    @property
    def expiry(self) -> datetime | None:
        """The earliest expiry on the scanned label, if one was scanned."""
        expiries = [
            item.value
            for item in self.items
            if isinstance(item, DateStructure) and item.date_kind is DateKind.EXPIRY
        ]
        return min(expiries, default=None)

    @property
    def do_not_use(self) -> tuple[ScanIssue, ...]:
        """The label's own statements that the bag must not be received or issued."""
        return tuple(issue for issue in self.issues if issue.code is IssueCode.DO_NOT_USE)
