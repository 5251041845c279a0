"""Where the bags of a receipt come from: a handover bill, our issued bags, or another hospital.

- `BillSession` (151): the bill's bags are the expected set; the domain's
  `Reconciliation` says what is missing and writes the discrepancy note.
- `ReturnSession` (1006): any bag this hospital issued to a department and
  has not had back (`stock.issued_history`).
- `TransferSession` (1001): bags nobody here has seen; each is looked up on
  the platform (`getBloodBags`) before it is judged, so a scan answers
  "checking" at once and its verdict follows the platform's answer.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Final

from desktop.domain.codes import ReceiveType
from desktop.domain.expiry import ExpiryClass, expiry_class
from desktop.domain.isbt128 import Bilingual, ScanResult, encode_din_barcode, parse_scan
from desktop.domain.models import BloodBagInfo, HandoverDetailInfo, HandoverInfo
from desktop.domain.reconciliation import Reconciliation
from desktop.domain.scan_outcomes import (
    AlreadyScanned,
    BagRef,
    Expired,
    NoMatch,
    Pending,
    Resolution,
    ResolverScope,
)
from desktop.domain.scan_resolver import ScanResolver
from desktop.store.stock import IssuedBag
from desktop.ui.models.receiving_models import ReceivingRow, RowState
from desktop.ui.receiving.session import (
    Clock,
    Counts,
    Outcome,
    ProductDictionary,
    ReceivingSession,
    ScanVerdict,
    unknown_product,
)

_REF_SEPARATOR: Final = ","


class BillSession(ReceivingSession):
    """Receiving a blood station's handover bill; bags received on an earlier receipt are done."""

    receive_type = ReceiveType.FROM_BLOOD_STATION

    def __init__(
        self,
        bill: HandoverInfo,
        received_before: Iterable[str],
        products: ProductDictionary,
        clock: Clock,
    ) -> None:
        self.bill = bill
        self._before = frozenset(received_before)
        bags = [BagRef.from_bag(bag) for bag in bill.blood_bags]
        super().__init__(bags, products, clock, scope=ResolverScope.BILL, scanned=self._before)
        self._expected = [bag for bag in bags if bag.bag_id not in self._before]
        self._details = {bag.blood_bag_id: bag for bag in bill.blood_bags}
        self._reconciliation = Reconciliation(self._expected)

    @property
    def received_before(self) -> int:
        return len(self._before)

    def rows(self) -> list[ReceivingRow]:
        return [
            ReceivingRow(
                bag.bag_id,
                RowState.RECEIVED if bag.bag_id in self._accepted else RowState.AWAITED,
                bag,
            )
            for bag in self._expected
        ]

    def restore(self, bag_ids: Iterable[str]) -> int:
        """Accept again the bags of a saved draft, except those that expired meanwhile."""
        expected = {bag.bag_id: bag for bag in self._expected}
        now = self._clock()
        restored = 0
        for bag_id in bag_ids:
            bag = expected.get(bag_id)
            if bag is not None and expiry_class(bag.expiration, now) is not ExpiryClass.EXPIRED:
                self._accept(bag)
                restored += 1
        return restored

    def remove(self, key: str) -> ReceivingRow | None:
        super().remove(key)
        self._rebuild(dropping=key)
        bag = next((bag for bag in self._expected if bag.bag_id == key), None)
        return None if bag is None else ReceivingRow(key, RowState.AWAITED, bag)

    def counts(self) -> Counts:
        counts = self._reconciliation.counts
        return Counts(
            counts.expected, counts.scanned, counts.missing, counts.unexpected,
            len(self._refused), 0,
        )  # fmt: skip

    def missing(self) -> tuple[BagRef, ...]:
        return self._reconciliation.missing

    def description(self) -> str | None:
        note = self._reconciliation.discrepancy_note()
        parts = [part for part in (note.zh if note else None, self._refusal_words()) if part]
        return "".join(parts) or None

    def bag_details(self) -> list[BloodBagInfo]:
        return [_as_bag_info(self._details[bag.bag_id]) for bag in self.accepted]

    def _accept(self, bag: BagRef) -> None:
        super()._accept(bag)
        self._reconciliation.record_scan(bag.bag_id)

    def _unexpected(self, kind: Outcome, scanned: str, reason: Bilingual) -> ScanVerdict:
        self._reconciliation.record_unexpected(scanned, reason)
        return super()._unexpected(kind, scanned, reason)

    def _already_scanned(self, outcome: AlreadyScanned) -> ScanVerdict:
        bag_id = outcome.bag.bag_id
        if bag_id not in self._before:
            return super()._already_scanned(outcome)
        return ScanVerdict(
            Outcome.ALREADY_RECEIVED,
            Bilingual(
                zh=f"血袋 {bag_id} 已在本单此前的入库单中入库，不能重复入库。",
                en=f"Bag {bag_id} was received on an earlier receipt of this bill; it cannot be "
                "received twice.",
            ),
        )

    def _on_taken_back(self, bag: BagRef) -> None:
        self._rebuild()

    def _rebuild(self, dropping: str | None = None) -> None:
        # The domain's reconciliation only ever adds; taking a bag back replays the rest.
        fresh = Reconciliation(self._expected)
        for bag_id in self._accepted:
            fresh.record_scan(bag_id)
        for scan in self._reconciliation.unexpected:
            if scan.scan_text != dropping:
                fresh.record_unexpected(scan.scan_text, scan.reason)
        self._reconciliation = fresh


def _as_bag_info(detail: HandoverDetailInfo) -> BloodBagInfo:
    """A bill's bag in the shape the outbox takes (`getBloodBags`' shape: the id under `id`)."""
    return BloodBagInfo.model_validate(
        {**detail.model_dump(by_alias=True), "id": detail.blood_bag_id}
    )


class ReturnSession(ReceivingSession):
    """A clinical department brings back bags this hospital issued to it (1006)."""

    receive_type = ReceiveType.DEPARTMENT_RETURN

    def __init__(
        self, issued: Sequence[IssuedBag], products: ProductDictionary, clock: Clock
    ) -> None:
        self._issued = {entry.bag.bag_id: entry for entry in issued}
        refs = [_issued_ref(entry) for entry in issued]
        super().__init__(refs, products, clock, scope=ResolverScope.STOCK)

    def issued(self, bag_id: str) -> IssuedBag | None:
        return self._issued.get(bag_id)

    def ref_id(self) -> str:
        """The takeouts the returned bags were issued on, as the receipt's `refId`."""
        refs = dict.fromkeys(self._issued[bag.bag_id].ref_id for bag in self.accepted)
        return _REF_SEPARATOR.join(refs)

    def judge(self, outcome: Resolution) -> ScanVerdict:
        # An expired bag back from a ward must come into stock, or it could never be scrapped.
        if isinstance(outcome, Expired):
            return self._accept_expired(outcome)
        return super().judge(outcome)

    def _accept_expired(self, outcome: Expired) -> ScanVerdict:
        bag = outcome.bag
        if self._products.unknown(bag.product_code):
            return self._refuse(Outcome.UNKNOWN_PRODUCT, bag, unknown_product(bag.product_code))
        self._accept(bag)
        note = Bilingual(
            zh=f"{outcome.message.zh}退回后请立即报废（1007），不得再发出。",
            en=f"{outcome.message.en} Once back, scrap it (1007) at once; never issue it again.",
        )
        row = ReceivingRow(bag.bag_id, RowState.RECEIVED, bag, note)
        return ScanVerdict(Outcome.RECEIVED_WITH_WARNINGS, note, row)

    def _no_match(self, outcome: NoMatch) -> ScanVerdict:
        reason = Bilingual(
            zh=f"{outcome.scanned} 不是本院发往临床科室、尚未退回的血袋，不能做科室退血入库。",
            en=f"{outcome.scanned} was not issued to a department by this hospital (or is back "
            "already), so it cannot be returned.",
        )
        return self._unexpected(Outcome.NOT_EXPECTED, outcome.scanned, reason)


def _issued_ref(entry: IssuedBag) -> BagRef:
    bag = entry.bag
    return BagRef(bag.bag_id, bag.serial_id, bag.product, bag.abo, bag.rh, bag.expiration)


class TransferSession(ReceivingSession):
    """Bags transferred in from another hospital (1001), each checked with the platform.

    The platform cannot be asked by DIN, only by bag id. A bag-number scan is
    asked as scanned; a DIN and product code (one joined scan, or two scans in
    either order) are asked as DIN + product code, the form of the platform's
    bag ids, and whatever the platform answers must still match that DIN and
    product code, so a wrong guess can only end in "unknown", never the wrong bag.
    """

    receive_type = ReceiveType.TRANSFER_IN

    def __init__(self, products: ProductDictionary, clock: Clock) -> None:
        super().__init__((), products, clock, scope=ResolverScope.STOCK)
        self._found: dict[str, BloodBagInfo] = {}
        self._unknown: set[str] = set()
        self._checking: dict[str, ScanResult] = {}
        self._waiting_din: str | None = None

    def scan(self, text: str) -> ScanVerdict:
        result = parse_scan(text)
        outcome = self._resolver.resolve(result, now=self._clock())
        waiting, self._waiting_din = self._waiting_din, None
        if isinstance(outcome, NoMatch):
            return self._look_up(result, outcome.scanned)
        if isinstance(outcome, Pending) and waiting is not None:
            return self._look_up_pair(waiting, outcome.scanned)
        return self.judge(outcome)

    def answered(self, asked: Sequence[str], found: Sequence[BloodBagInfo]) -> list[ScanVerdict]:
        """The platform's answer to `getBloodBags(asked)`: a verdict per scan that waited."""
        by_id = {bag.blood_bag_id: bag for bag in found}
        verdicts = []
        for lookup in asked:
            result = self._checking.pop(lookup, None)
            if result is None:
                continue
            bag = by_id.get(lookup)
            if bag is None:
                self._unknown.add(lookup)
                verdicts.append(_unknown_to_platform(lookup))
            else:
                self._found[lookup] = bag
                verdict = self._judge_found(lookup, bag, result)
                # The "checking" row goes unless the verdict's own row takes its place.
                kept = verdict.row is not None and verdict.row.key == lookup
                verdicts.append(verdict if kept else replace(verdict, replaces=lookup))
        return verdicts

    def not_answered(self, asked: Sequence[str], reason: Bilingual) -> list[ScanVerdict]:
        """The lookup failed (network): those scans are refused, and may simply be scanned again."""
        verdicts = []
        for lookup in asked:
            if self._checking.pop(lookup, None) is not None:
                row = ReceivingRow(lookup, RowState.REFUSED, note=reason)
                verdicts.append(ScanVerdict(Outcome.UNKNOWN_TO_PLATFORM, reason, row))
        return verdicts

    def has_pending_checks(self) -> bool:
        return bool(self._checking)

    def counts(self) -> Counts:
        base = super().counts()
        return base._replace(checking=len(self._checking))

    def bag_details(self) -> list[BloodBagInfo]:
        details = {bag.blood_bag_id: bag for bag in self._found.values()}
        return [details[bag.bag_id] for bag in self.accepted]

    def remove(self, key: str) -> ReceivingRow | None:
        self._checking.pop(key, None)
        return super().remove(key)

    def _look_up(self, result: ScanResult, scanned: str) -> ScanVerdict:
        din, _space, product = scanned.partition(" ")
        if product:
            return self._look_up_pair(din, product)
        if result.dins and not result.product_codes and result.plain_id is None:
            self._waiting_din = result.dins[0]
            return ScanVerdict(
                Outcome.SCAN_PRODUCT_CODE,
                Bilingual(
                    zh=f"已读献血码 {result.dins[0]}，请扫描同一血袋的产品码。",
                    en=f"DIN {result.dins[0]} read: now scan the same bag's product code.",
                ),
            )
        return self._ask(scanned, result)

    def _look_up_pair(self, din: str, product: str) -> ScanVerdict:
        if self._products.unknown(product):
            return ScanVerdict(Outcome.UNKNOWN_PRODUCT, unknown_product(product))
        return self._ask(f"{din}{product}", parse_scan(f"{encode_din_barcode(din)}=<{product}"))

    def _ask(self, lookup: str, result: ScanResult) -> ScanVerdict:
        found = self._found.get(lookup)
        if found is not None:
            return self._judge_found(lookup, found, result)
        if lookup in self._unknown:
            return _unknown_to_platform(lookup)
        note = Bilingual(
            zh=f"正在向平台核实血袋 {lookup}…", en=f"Checking bag {lookup} with the platform…"
        )
        if lookup in self._checking:
            return ScanVerdict(Outcome.CHECKING, note, focus=lookup)
        self._checking[lookup] = result
        row = ReceivingRow(lookup, RowState.CHECKING, note=note)
        return ScanVerdict(Outcome.CHECKING, note, row, lookup=lookup)

    def _judge_found(self, lookup: str, bag: BloodBagInfo, result: ScanResult) -> ScanVerdict:
        # A resolver over this one bag applies the domain's checks (label, expiry, already
        # scanned) without disturbing the half-read pair the clerk may be in the middle of.
        single = ScanResolver(
            [BagRef.from_bag(bag)], scope=ResolverScope.STOCK, scanned=self._accepted
        )
        outcome = single.resolve(result, now=self._clock())
        if isinstance(outcome, NoMatch):
            return _label_differs(lookup, bag)
        return self.judge(outcome)


def _unknown_to_platform(lookup: str) -> ScanVerdict:
    reason = Bilingual(
        zh=f"平台查无血袋 {lookup}，不能调拨入库：请核对血袋编号，或联系调出医院。",
        en=f"The platform knows no bag {lookup}, so it cannot be transferred in: check the bag "
        "number, or call the sending hospital.",
    )
    return ScanVerdict(
        Outcome.UNKNOWN_TO_PLATFORM, reason, ReceivingRow(lookup, RowState.REFUSED, note=reason)
    )


def _label_differs(lookup: str, bag: BloodBagInfo) -> ScanVerdict:
    reason = Bilingual(
        zh=f"平台的血袋 {bag.blood_bag_id}（献血码 {bag.serial_id}，产品码 {bag.blood_id}）与"
        "所扫标签不符，不能调拨入库：请核对血袋。",
        en=f"The platform's bag {bag.blood_bag_id} (DIN {bag.serial_id}, product code "
        f"{bag.blood_id}) does not match the label scanned, so it cannot be transferred in: "
        "check the bag.",
    )
    return ScanVerdict(
        Outcome.NOT_EXPECTED, reason, ReceivingRow(lookup, RowState.REFUSED, note=reason)
    )
