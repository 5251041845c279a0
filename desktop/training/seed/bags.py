"""Blood bags as the station dispatches them: donation numbers, products, groups, dates.

How the training platform forms a bag's identity:

- `serialId` is the ISBT 128 donation identification number (DIN), 13
  characters: the collecting station's FIN (5), the two-digit collection year,
  and a six-digit sequence per station and year. Its ISO 7064 mod 37-2 check
  character is not part of the DIN: the desk computes it
  (`desktop.domain.isbt128.checksum`) to print or verify a label.
- `bloodId` is the 8-character product code.
- `bloodBagId` is the DIN followed by the product code, 21 characters
  (`C310126000123E0224V00`), within the platform's VARCHAR2(23). Products of
  one donation share the DIN and differ by product code: a red-cell bag and
  the plasma from the same whole blood, or the A and B halves of a split
  apheresis platelet collection.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from itertools import accumulate
from typing import Any, Final

from desktop.domain.codes import Abo, Rh
from desktop.training.seed.facilities import Station
from desktop.training.seed.products import (
    APHERESIS_PLATELETS,
    CRYOPRECIPITATE,
    DEGLYCEROLISED_RBC,
    FROZEN_PLASMA,
    IRRADIATED_PLATELETS,
    IRRADIATED_RBC,
    PRODUCTS_BY_CODE,
    WASHED_RBC,
    Product,
)

_ABO: Final = (Abo.O, Abo.A, Abo.B, Abo.AB)
_ABO_CUMULATIVE: Final = tuple(accumulate((30, 28, 30, 12)))
RH_NEGATIVE_SHARE: Final = 0.003
"""RhD negative among Han Chinese donors."""

SPLIT_PLATELETS: Final = ("E3090VA0", "E3090VB0")

# Relative frequency of what a Shanghai hospital is sent; "split" draws both halves.
_MIX: Final[tuple[tuple[str, float], ...]] = (
    ("E0226V00", 30),
    ("E0224V00", 12),
    ("E0163V00", 10),
    ("E0161V00", 4),
    ("E0225V00", 3),
    ("E0162V00", 1),
    ("E0008V00", 0.7),
    ("E0006V00", 0.3),
    ("E0307V00", 1.5),
    ("E0308V00", 1),
    ("E0398V00", 1.3),
    ("E0396V00", 0.7),
    ("E0521V00", 0.2),
    ("E2636V00", 10),
    ("E2635V00", 4),
    ("E2634V00", 3),
    ("E2873V00", 3),
    ("E2872V00", 2),
    ("E2871V00", 1),
    ("E2553V00", 2),
    ("E2551V00", 1),
    ("E3090V00", 3),
    ("split", 2),
    ("E3046V00", 1.5),
    ("E5165V00", 6),
    ("E5166V00", 2),
)
_MIX_CODES: Final = tuple(code for code, _ in _MIX)
_MIX_CUMULATIVE: Final = tuple(accumulate(weight for _, weight in _MIX))

# Plasma pressed from the same whole blood as a red-cell product, by the
# whole-blood volume (the red cells' capacity) it came from.
_PLASMA_OF_WHOLE_BLOOD: Final = {200: "E2634V00", 300: "E2635V00", 400: "E2636V00"}
_PAIRED_PLASMA_SHARE: Final = 0.1

_SURNAMES: Final = ("wang", "li", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou")
_GIVEN: Final = ("wei", "fang", "min", "jing", "qiang", "lei", "jun", "yan", "yong", "jie", "tao")


@dataclass(frozen=True, slots=True)
class Donation:
    """What the products of one donation share."""

    din: str
    abo: Abo
    rh: Rh
    collected: datetime
    station: Station


@dataclass
class BagMaker:
    """Makes bags for bills, numbering donations per station and collection year.

    Keeps its counters so that bills dispatched later in a session continue the
    sequences and never repeat a DIN.
    """

    rng: random.Random
    _sequences: dict[tuple[str, int], int] = field(default_factory=dict)
    _staff: dict[str, tuple[list[str], list[str]]] = field(default_factory=dict)

    def din(self, station: Station, collected: datetime) -> str:
        year = collected.year % 100
        key = (station.fin, year)
        sequence = self._sequences.get(key, 0) + 1
        self._sequences[key] = sequence
        return f"{station.fin}{year:02d}{sequence:06d}"

    def donation(self, station: Station, collected: datetime, rh: Rh | None = None) -> Donation:
        abo = self.rng.choices(_ABO, cum_weights=_ABO_CUMULATIVE)[0]
        if rh is None:
            rh = Rh.NEGATIVE if self.rng.random() < RH_NEGATIVE_SHARE else Rh.POSITIVE
        return Donation(self.din(station, collected), abo, rh, collected, station)

    def mixed_bags(
        self, station: Station, delivered: datetime, count: int, rh: Rh | None = None
    ) -> list[dict[str, Any]]:
        """`count` bags of the usual product mix, collected by `station` before `delivered`."""
        bags: list[dict[str, Any]] = []
        while len(bags) < count:
            drawn = self.rng.choices(_MIX_CODES, cum_weights=_MIX_CUMULATIVE)[0]
            room = count - len(bags)
            if drawn == "split" and room >= len(SPLIT_PLATELETS):
                bags += self._donation_bags(station, delivered, SPLIT_PLATELETS, rh)
            elif drawn != "split":
                bags += self._donation_bags(station, delivered, self._with_plasma(drawn, room), rh)
        return bags

    def bag_expiring(self, station: Station, product: Product, expires: datetime) -> dict[str, Any]:
        """One bag of `product` (kept from collection) whose expiry falls at `expires`.

        With a shelf life of weeks, the bag was collected and made well before
        any bill of the last fortnight.
        """
        collected = expires - product.keeping.period
        donation = self.donation(station, collected)
        produced = collected + timedelta(hours=self.rng.randint(2, 6))
        return self._bag(donation, product, produced, expires)

    def _with_plasma(self, code: str, room: int) -> tuple[str, ...]:
        product = PRODUCTS_BY_CODE[code]
        plasma = _PLASMA_OF_WHOLE_BLOOD.get(int(product.capacity))
        paired = product.unit == "U" and product.type_id == 2 and plasma is not None
        if paired and room >= 2 and self.rng.random() < _PAIRED_PLASMA_SHARE:
            return (code, str(plasma))
        return (code,)

    def _donation_bags(
        self, station: Station, delivered: datetime, codes: Sequence[str], rh: Rh | None
    ) -> list[dict[str, Any]]:
        first = PRODUCTS_BY_CODE[codes[0]]
        donation = self.donation(station, delivered - self._age(first), rh)
        bags = []
        for code in codes:
            product = PRODUCTS_BY_CODE[code]
            produced = self._produced(product, donation.collected, delivered)
            expires = product.expiry(donation.collected, produced)
            bags.append(self._bag(donation, product, produced, expires))
        return bags

    def _age(self, product: Product) -> timedelta:
        """How long before dispatch a product of this kind was typically collected."""
        pick = self.rng.randint
        if product.sub_type in (APHERESIS_PLATELETS, IRRADIATED_PLATELETS):
            return timedelta(hours=pick(20, 70))
        if product.sub_type is DEGLYCEROLISED_RBC:
            return timedelta(days=pick(100, 600))
        if product.sub_type is FROZEN_PLASMA:
            return timedelta(days=pick(200, 900))
        if product.unit == "mL" or product.sub_type is CRYOPRECIPITATE:
            return timedelta(days=pick(20, 300))
        return timedelta(days=pick(1, 20), hours=pick(0, 23))

    def _produced(self, product: Product, collected: datetime, delivered: datetime) -> datetime:
        """Processing time: soon after collection, or just before dispatch for made-to-order."""
        made_to_order = product.sub_type in (
            WASHED_RBC,
            DEGLYCEROLISED_RBC,
            IRRADIATED_RBC,
            IRRADIATED_PLATELETS,
        )
        if made_to_order:
            before_dispatch = delivered - timedelta(minutes=self.rng.randint(60, 300))
            return max(before_dispatch, collected + timedelta(hours=4))
        if product.sub_type is CRYOPRECIPITATE:
            return collected + timedelta(hours=self.rng.randint(24, 72))
        return collected + timedelta(minutes=self.rng.randint(60, 360))

    def _bag(
        self, donation: Donation, product: Product, produced: datetime, expires: datetime
    ) -> dict[str, Any]:
        collectors, producers = self._staff_of(donation.station)
        return {
            "bloodBagId": donation.din + product.code,
            "serialId": donation.din,
            "bloodId": product.code,
            "bloodGroup": donation.abo.value,
            "rhBloodGroup": donation.rh.value,
            "collectTime": donation.collected,
            "collector": self.rng.choice(collectors),
            "produceTime": produced,
            "producer": self.rng.choice(producers),
            "expiration": expires,
        }

    def _staff_of(self, station: Station) -> tuple[list[str], list[str]]:
        if station.fin not in self._staff:
            accounts = [f"{surname}{given}" for surname in _SURNAMES for given in _GIVEN]
            chosen = self.rng.sample(accounts, 18)
            self._staff[station.fin] = (chosen[:12], chosen[12:])
        return self._staff[station.fin]
