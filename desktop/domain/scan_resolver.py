"""`ScanResolver`: from scans at the counter to exactly one bag of a bill (or of the stock).

A bag is identified by its platform bag id in one scan, or by its DIN and its
product code scanned one after the other in either order (or read together
from one concatenated scan). The resolver is a small state machine:

- A DIN that matches exactly one bag resolves at once: one scan per bag is
  enough when nothing is split. If the clerk then scans the product code, as
  habit has it, it is checked against that bag (`LabelChecked`, or
  `ProductMismatch`) instead of being left waiting for a DIN that would pair
  it with the next bag.
- A DIN that matches several bags (a split product) is kept, and the answer is
  `Ambiguous(awaiting=PRODUCT_CODE)` until the product code tells them apart.
  The resolver never picks "the one not yet scanned": the clerk may be holding
  the one already scanned.
- A product code alone never identifies a bag: it is kept, `Pending` a DIN.
- The label's other bar codes (blood group, expiry) scanned right after a bag
  are checked against that bag (`LabelChecked` with warnings, or `Expired`).
- A label that says the bag must not be used (`=%Md00`, a research product
  code) answers `DoNotUse`; scanned on its own it refers to the bag the
  previous scan identified.
- A misread (any error in the scan) changes no state: the clerk scans again.

Lookups are dict indexes built once, so a scan resolves in microseconds even
on a bill of a thousand bags. The resolver never reads the clock: `now` is
passed in.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from desktop.domain.codes import Abo, Rh
from desktop.domain.dates import parse_datetime
from desktop.domain.isbt128 import (
    Bilingual,
    IssueCode,
    ScanKind,
    ScanResult,
    din_problem,
    parse_scan,
)
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

_DIN_LENGTH = 13
_SPACES = re.compile(r"\s+")


def din_key(serial_id: str) -> str:
    """The 13-character DIN of a stored `serialId`, however it was stored.

    Blood centres store the DIN alone, with its two flag characters, with the
    printed check character, with the `=` of the bar code, or in lower case.
    A serial id that is no DIN is kept whole, so it only matches itself.
    """
    text = _SPACES.sub("", serial_id).upper().removeprefix("=")
    if len(text) in (13, 14, 15) and din_problem(text[:_DIN_LENGTH]) is None:
        return text[:_DIN_LENGTH]
    return text


def product_key(product_code: str) -> str:
    # Case cannot tell two valid product codes apart (each position has a
    # fixed case), so comparing in upper case only forgives a sloppy record.
    return _SPACES.sub("", product_code).upper().removeprefix("=<")


@dataclass(frozen=True, slots=True)
class _Previous:
    """The bag the previous scan identified, which the next scan may refer to."""

    bag: BagRef
    by_din_alone: bool


class ScanResolver:
    """Resolves scans to bags among `bags`; keeps the half-read pair and the scanned set."""

    def __init__(
        self,
        bags: Iterable[BagRef],
        *,
        scope: ResolverScope = ResolverScope.BILL,
        scanned: Iterable[str] = (),
    ) -> None:
        self._scope = scope
        self._by_id: dict[str, list[BagRef]] = defaultdict(list)
        self._by_folded_id: dict[str, list[BagRef]] = defaultdict(list)
        self._by_din: dict[str, list[BagRef]] = defaultdict(list)
        self._by_pair: dict[tuple[str, str], list[BagRef]] = defaultdict(list)
        for bag in bags:
            self._index(bag)
        self._scanned = set(scanned)
        self._pending_din: tuple[str, ScanResult] | None = None
        self._pending_product: tuple[str, ScanResult] | None = None
        self._previous: _Previous | None = None

    def _index(self, bag: BagRef) -> None:
        self._by_id[bag.bag_id].append(bag)
        self._by_folded_id[bag.bag_id.casefold()].append(bag)
        if bag.serial_id:
            din = din_key(bag.serial_id)
            self._by_din[din].append(bag)
            if bag.product_code:
                self._by_pair[din, product_key(bag.product_code)].append(bag)

    @property
    def scanned(self) -> frozenset[str]:
        """The bag ids marked as scanned."""
        return frozenset(self._scanned)

    @property
    def awaiting(self) -> Awaiting | None:
        """What the half-read pair is waiting for, if anything."""
        if self._pending_din is not None:
            return Awaiting.PRODUCT_CODE
        return Awaiting.DIN if self._pending_product is not None else None

    def mark_scanned(self, bag: BagRef) -> None:
        self._scanned.add(bag.bag_id)

    def unmark_scanned(self, bag: BagRef) -> None:
        """Undo `mark_scanned`, e.g. when the next scan says the bag must not be used."""
        self._scanned.discard(bag.bag_id)

    def reset(self) -> None:
        """Forget the half-read pair and the previous bag (the clerk starts over)."""
        self._pending_din = None
        self._pending_product = None
        self._previous = None

    def resolve(self, scan: str | ScanResult, *, now: datetime) -> Resolution:
        """What the scan identifies, given the scans before it. Never raises."""
        result = scan if isinstance(scan, ScanResult) else parse_scan(scan)
        if result.errors:
            # A misread changes nothing: the clerk scans the same bar code again.
            return _refusal(result)
        previous, self._previous = self._previous, None
        if result.do_not_use:
            return self._do_not_use(result, previous)
        if len(result.dins) > 1 or len(result.product_codes) > 1:
            return Unparsable(_SEVERAL_BAGS)
        return self._identify(result, now, previous)

    def _identify(
        self, result: ScanResult, now: datetime, previous: _Previous | None
    ) -> Resolution:
        plain = result.plain_id
        if plain is not None:
            self.reset()
            return self._by_bag_id(plain.value, result, now)
        din = result.dins[0] if result.dins else None
        product = result.product_codes[0] if result.product_codes else None
        if din is not None:
            return self._with_din(din, product, result, now)
        if product is not None:
            return self._with_product(product_key(product), result, now, previous)
        if previous is None:
            return Unparsable(_NO_IDENTITY)
        # Another bar code of the same label (blood group, expiry): check it
        # against the bag, which stays the one the next scan may refer to.
        self._previous = previous
        return self._check_label(previous.bag, result, now)

    def _with_din(
        self, din: str, product: str | None, result: ScanResult, now: datetime
    ) -> Resolution:
        pending_product, self._pending_product = self._pending_product, None
        self._pending_din = None
        if product is not None:
            return self._by_din_and_product(din, product_key(product), (result,), now)
        if pending_product is not None:
            code, earlier = pending_product
            return self._by_din_and_product(din, code, (earlier, result), now)
        return self._by_din_alone(din, result, now)

    def _with_product(
        self, product: str, result: ScanResult, now: datetime, previous: _Previous | None
    ) -> Resolution:
        pending_din, self._pending_din = self._pending_din, None
        if pending_din is not None:
            din, earlier = pending_din
            return self._by_din_and_product(din, product, (earlier, result), now)
        if previous is not None and previous.by_din_alone and previous.bag.product_code:
            if product_key(previous.bag.product_code) == product:
                self._previous = _Previous(previous.bag, by_din_alone=False)
                return self._check_label(previous.bag, result, now)
            self._pending_product = (product, result)
            return ProductMismatch(previous.bag, product)
        self._pending_product = (product, result)
        return Pending(Awaiting.DIN, product)

    def _by_bag_id(self, key: str, result: ScanResult, now: datetime) -> Resolution:
        matches = self._bag_id_matches(result, key)
        if not matches:
            return NoMatch(key, self._scope)
        return self._one_of(matches, key, (result,), now, by_din_alone=False)

    def _bag_id_matches(self, result: ScanResult, key: str) -> list[BagRef]:
        # Codabar start/stop characters were stripped from `key`; a bag id that
        # merely looks like Codabar still matches as scanned.
        lookups = (
            (self._by_id, key),
            (self._by_id, result.text),
            (self._by_folded_id, key.casefold()),
            (self._by_folded_id, result.text.casefold()),
        )
        for index, candidate in lookups:
            matches = index.get(candidate)
            if matches:
                return matches
        return []

    def _by_din_alone(self, din: str, result: ScanResult, now: datetime) -> Resolution:
        candidates = self._by_din.get(din)
        if not candidates and result.kind is ScanKind.KEYED_DIN:
            # A numeric bag id can look like a DIN with a valid check character.
            return self._by_bag_id(result.text, result, now)
        if not candidates:
            return NoMatch(din, self._scope)
        if len(candidates) > 1:
            self._pending_din = (din, result)
            return Ambiguous(tuple(candidates), din, Awaiting.PRODUCT_CODE)
        return self._one_of(candidates, din, (result,), now, by_din_alone=True)

    def _by_din_and_product(
        self, din: str, product: str, results: tuple[ScanResult, ...], now: datetime
    ) -> Resolution:
        matches = self._by_pair.get((din, product))
        if not matches:
            return NoMatch(f"{din} {product}", self._scope, din_known=din in self._by_din)
        return self._one_of(matches, f"{din} {product}", results, now, by_din_alone=False)

    def _one_of(
        self,
        matches: list[BagRef],
        scanned: str,
        results: tuple[ScanResult, ...],
        now: datetime,
        *,
        by_din_alone: bool,
    ) -> Resolution:
        if len(matches) > 1:
            return Ambiguous(tuple(matches), scanned)
        bag = matches[0]
        self._previous = _Previous(bag, by_din_alone)
        return self._verdict(bag, results, now)

    def _verdict(self, bag: BagRef, results: tuple[ScanResult, ...], now: datetime) -> Resolution:
        if bag.bag_id in self._scanned:
            return AlreadyScanned(bag)
        expiries = [bag.expiration, *(result.expiry for result in results)]
        known = [parse_datetime(expiry) for expiry in expiries if expiry is not None]
        if known and min(known) <= parse_datetime(now):
            return Expired(bag, min(known))
        return Resolved(bag, _warnings(bag, results))

    def _check_label(self, bag: BagRef, result: ScanResult, now: datetime) -> Resolution:
        expiry = result.expiry
        if expiry is not None and expiry <= parse_datetime(now):
            return Expired(bag, expiry)
        return LabelChecked(bag, _warnings(bag, (result,)))

    def _do_not_use(self, result: ScanResult, previous: _Previous | None) -> DoNotUse:
        self.reset()
        reasons = tuple(issue.message for issue in result.do_not_use)
        bag = self._identified_by(result)
        if bag is None and not (result.dins or result.product_codes or result.plain_id):
            bag = previous.bag if previous else None
        return DoNotUse(bag, reasons)

    def _identified_by(self, result: ScanResult) -> BagRef | None:
        """The one bag this scan names on its own, without any earlier scan."""
        matches: list[BagRef] = []
        if result.plain_id is not None:
            matches = self._bag_id_matches(result, result.plain_id.value)
        elif result.dins and result.product_codes:
            key = (result.dins[0], product_key(result.product_codes[0]))
            matches = self._by_pair.get(key, [])
        elif result.dins:
            matches = self._by_din.get(result.dins[0], [])
        return matches[0] if len(matches) == 1 else None


_SEVERAL_BAGS = Bilingual(
    zh="一次扫描中读到了多个血袋的条码。请一次只扫描一个血袋。",
    en="One scan holds the bar codes of more than one bag. Scan one bag at a time.",
)
_NO_IDENTITY = Bilingual(
    zh="此条码不能识别血袋（不含献血码、产品码或血袋编号）。请扫描献血码和产品码，或血袋编号。",
    en="This bar code does not identify a bag (no DIN, product code or bag number). Scan the "
    "DIN and product code, or the bag number.",
)


def _refusal(result: ScanResult) -> Resolution:
    first = result.errors[0]
    if first.code is IssueCode.CHECK_MISMATCH:
        return BadCheckCharacter(first)
    return Unparsable(first.message)


def _warnings(bag: BagRef, results: tuple[ScanResult, ...]) -> tuple[Bilingual, ...]:
    warnings: list[Bilingual] = []
    for result in results:
        warnings.extend(issue.message for issue in result.warnings)
        for group in result.blood_groups:
            contradiction = _group_contradiction(bag, group.abo, group.rh)
            if contradiction is not None:
                warnings.append(contradiction)
        recorded = parse_datetime(bag.expiration) if bag.expiration is not None else None
        if result.expiry is not None and recorded is not None and result.expiry != recorded:
            warnings.append(_expiry_differs(result.expiry, recorded))
    return tuple(dict.fromkeys(warnings))


def _expiry_differs(on_label: datetime, recorded: datetime) -> Bilingual:
    label, record = (when.strftime("%Y-%m-%d %H:%M") for when in (on_label, recorded))
    return Bilingual(
        zh=f"标签失效时间 {label} 与平台记录 {record} 不同：请以较早者为准并核对血袋。",
        en=f"The label's expiry {label} differs from the platform's record {record}: the "
        "earlier one applies; check the bag.",
    )


def _group_contradiction(bag: BagRef, abo: Abo, rh: Rh) -> Bilingual | None:
    abo_differs = Abo.UNKNOWN not in (abo, bag.abo) and abo is not bag.abo
    rh_differs = Rh.UNKNOWN not in (rh, bag.rh) and rh is not bag.rh
    if not (abo_differs or rh_differs):
        return None
    return Bilingual(
        zh=f"标签血型（{abo.label_zh} {rh.label_zh}）与平台记录（{bag.abo.label_zh} "
        f"{bag.rh.label_zh}）不符：请核对血袋，不符则隔离此袋并联系血站。",
        en=f"The label's group ({abo.label_en}, {rh.label_en}) contradicts the platform's "
        f"record ({bag.abo.label_en}, {bag.rh.label_en}): check the bag; if it differs, set it "
        "aside and call the blood centre.",
    )
