"""What `ScanResolver.resolve` answers: one typed outcome per situation at the counter.

Every outcome carries a `message` in Chinese and English that tells the clerk
what to do next; `Resolved` may carry warnings (a label that contradicts the
platform's record) that the counter must show before the bag is accepted.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from desktop.domain.codes import Abo, Rh
from desktop.domain.isbt128 import Bilingual, ScanIssue
from desktop.domain.models import BloodBagInfo, HandoverDetailInfo


@dataclass(frozen=True, slots=True)
class BagRef:
    """The little the resolver needs to know about a bag on a bill or in stock."""

    bag_id: str
    serial_id: str | None = None
    product_code: str | None = None
    abo: Abo = Abo.UNKNOWN
    rh: Rh = Rh.UNKNOWN
    expiration: datetime | None = None

    @classmethod
    def from_bag(cls, bag: HandoverDetailInfo | BloodBagInfo) -> BagRef:
        """From a bag on a handover bill or a bag `getBloodBags` returned."""
        return cls(
            bag_id=bag.blood_bag_id,
            serial_id=bag.serial_id,
            product_code=bag.blood_id,
            abo=bag.blood_group,
            rh=bag.rh_blood_group,
            expiration=bag.expiration,
        )


class ResolverScope(StrEnum):
    """Where the candidate bags come from, so that "no match" says the right thing."""

    BILL = "bill"
    STOCK = "stock"


class Awaiting(StrEnum):
    PRODUCT_CODE = "product_code"
    DIN = "din"


def _bi(zh: str, en: str) -> Bilingual:
    return Bilingual(zh=zh, en=en)


@dataclass(frozen=True, slots=True)
class Resolved:
    bag: BagRef
    warnings: tuple[Bilingual, ...] = ()

    @property
    def message(self) -> Bilingual:
        return _bi(f"已识别血袋 {self.bag.bag_id}。", f"Bag {self.bag.bag_id} identified.")


@dataclass(frozen=True, slots=True)
class Pending:
    """Half of a DIN + product code pair was read; the other half is awaited."""

    awaiting: Awaiting
    scanned: str

    @property
    def message(self) -> Bilingual:
        return _bi(
            f"已读产品码 {self.scanned}，请扫描同一血袋的献血码。",
            f"Product code {self.scanned} read: now scan the same bag's DIN.",
        )


@dataclass(frozen=True, slots=True)
class Ambiguous:
    """Several bags match. With `awaiting`, the next scan can tell them apart."""

    candidates: tuple[BagRef, ...]
    scanned: str
    awaiting: Awaiting | None = None

    @property
    def message(self) -> Bilingual:
        count = len(self.candidates)
        if self.awaiting is Awaiting.PRODUCT_CODE:
            return _bi(
                f"献血码 {self.scanned} 对应 {count} 袋（分装产品），请扫描产品码以确定是哪一袋。",
                f"DIN {self.scanned} matches {count} bags (a split product): scan the product "
                "code to tell which one.",
            )
        return _bi(
            f"{self.scanned} 对应 {count} 条血袋记录：平台数据重复。请隔离此袋并联系血站。",
            f"{self.scanned} matches {count} bag records: the platform's data is duplicated. "
            "Set the bag aside and call the blood centre.",
        )


@dataclass(frozen=True, slots=True)
class NoMatch:
    scanned: str
    scope: ResolverScope
    din_known: bool = False  # the DIN is there, but not with this product code

    @property
    def message(self) -> Bilingual:
        if self.din_known:
            return _bi(
                f"{self.scanned}：献血码在列表中，但产品码不符。请核对产品码后重新扫描。",
                f"{self.scanned}: the DIN is listed, but not with this product code. Check the "
                "product code and scan again.",
            )
        if self.scope is ResolverScope.STOCK:
            return _bi(
                f"{self.scanned} 不在库存中。请核对血袋。",
                f"{self.scanned} is not in stock. Check the bag.",
            )
        return _bi(
            f"{self.scanned} 不在本交接单上。请核对是否为本单的血袋。",
            f"{self.scanned} is not on this bill. Check that the bag belongs to it.",
        )


@dataclass(frozen=True, slots=True)
class AlreadyScanned:
    bag: BagRef

    @property
    def message(self) -> Bilingual:
        return _bi(
            f"血袋 {self.bag.bag_id} 已扫描过，无需再扫。",
            f"Bag {self.bag.bag_id} has already been scanned.",
        )


@dataclass(frozen=True, slots=True)
class Expired:
    bag: BagRef
    expired_at: datetime

    @property
    def message(self) -> Bilingual:
        when = self.expired_at.strftime("%Y-%m-%d %H:%M")
        return _bi(
            f"血袋 {self.bag.bag_id} 已于 {when} 过期，不得接收或发出。请隔离此袋。",
            f"Bag {self.bag.bag_id} expired at {when}: do not receive or issue it. Set it aside.",
        )


@dataclass(frozen=True, slots=True)
class DoNotUse:
    """The label itself says the bag must not be received or issued."""

    bag: BagRef | None
    reasons: tuple[Bilingual, ...]

    @property
    def message(self) -> Bilingual:
        which_zh = f"血袋 {self.bag.bag_id}" if self.bag else "此血袋"
        which_en = f"bag {self.bag.bag_id}" if self.bag else "this bag"
        return _bi(
            f"{which_zh}不得接收或发出：{'；'.join(r.zh for r in self.reasons)}。"
            "请隔离此袋并联系血站。",
            f"Do not receive or issue {which_en}: {'; '.join(r.en for r in self.reasons)}. "
            "Set it aside and call the blood centre.",
        )


@dataclass(frozen=True, slots=True)
class BadCheckCharacter:
    issue: ScanIssue

    @property
    def message(self) -> Bilingual:
        return self.issue.message


@dataclass(frozen=True, slots=True)
class Unparsable:
    reason: Bilingual

    @property
    def message(self) -> Bilingual:
        return self.reason


@dataclass(frozen=True, slots=True)
class LabelChecked:
    """A bar code scanned right after a bag (product code, blood group, expiry) was checked
    against that bag; `warnings` say where it disagrees."""

    bag: BagRef
    warnings: tuple[Bilingual, ...] = ()

    @property
    def message(self) -> Bilingual:
        if self.warnings:
            return _bi(
                f"此条码与血袋 {self.bag.bag_id} 的记录不符，请看警告。",
                f"This bar code disagrees with bag {self.bag.bag_id}'s record: see the warnings.",
            )
        return _bi(
            f"此条码与血袋 {self.bag.bag_id} 一致。",
            f"This bar code agrees with bag {self.bag.bag_id}.",
        )


@dataclass(frozen=True, slots=True)
class ProductMismatch:
    """The product code scanned right after a bag's DIN belongs to another bag.

    The DIN alone had identified `bag`; this can mean a split product whose
    sibling is not listed, so the counter must look at the bag again. The code
    is kept waiting for a DIN in case the clerk has simply moved on.
    """

    bag: BagRef
    product_code: str

    @property
    def message(self) -> Bilingual:
        recorded = self.bag.product_code or "?"
        return _bi(
            f"产品码 {self.product_code} 与刚识别的血袋 {self.bag.bag_id}（产品码 {recorded}）"
            "不符：请核对该血袋；如已开始扫描下一袋，请接着扫描它的献血码。",
            f"Product code {self.product_code} does not match bag {self.bag.bag_id} just "
            f"identified (product code {recorded}): check that bag; if you have moved on to the "
            "next bag, scan its DIN.",
        )


Resolution = (
    Resolved
    | Pending
    | Ambiguous
    | NoMatch
    | AlreadyScanned
    | Expired
    | DoNotUse
    | BadCheckCharacter
    | Unparsable
    | LabelChecked
    | ProductMismatch
)
