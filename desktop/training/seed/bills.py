"""Handover bills (发血交接单): when the station sends them, how big, with which bags and sums.

A bill number is `FX` + the Shanghai date of dispatch + `-` + a sequence of
that day across the whole station, at least four digits: `FX20261128-0001`.
Bills of the history are numbered in dispatch order, and a bill dispatched
later in a session continues that day's sequence.

Every hospital in service gets, besides its routine bills:

- one `RhD阴性血液专送` bill of RhD-negative bags (rare in China, 0.3 %, so the
  natural mix alone might give a hospital none to train with);
- one bill a day or two old that also holds three red-cell bags at the end of
  their shelf life: one already expired, one expiring within 24 h, one within
  72 h (counted from `now`), so that the desk's expiry warnings can be trained.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any, Final, Literal

from desktop.domain.codes import Abo, Rh
from desktop.training.seed.bags import BagMaker
from desktop.training.seed.facilities import Hospital, supplier_of
from desktop.training.seed.products import BLOOD_SUB_TYPES, PRODUCTS_BY_CODE

Size = Literal["small", "large"]
_Kind = Literal["routine", "rh", "near-expiry"]

HISTORY_DAYS: Final = 14
NEAR_EXPIRY_REMARK: Final = "含近效期血液，请优先使用"
RH_NEGATIVE_REMARK: Final = "RhD阴性血液专送"
LARGE_BILL_BAGS: Final = 1000

# Bills per day for a hospital, by size of world; the training hospital is busy.
_DAILY_RATES: Final[dict[Size, tuple[float, ...]]] = {
    "small": (0.1, 0.15, 0.2, 0.3),
    "large": (0.5, 1.0, 1.5, 2.0),
}
_TRAINING_DAILY_RATE: Final = 2.0
_LARGE_BILL_SHARE: Final = 0.02
_NIGHT_SHARE: Final = 0.1
_TWO_PLACES: Final = Decimal("0.01")
_NEAR_EXPIRY_HOURS: Final = (-3, 10, 50)
"""Expiry of the planted bags, from `now`: expired, within 24 h, within 72 h."""

_ABO_ORDER: Final = {group: index for index, group in enumerate((Abo.A, Abo.B, Abo.O, Abo.AB))}
_RH_ORDER: Final = {Rh.POSITIVE.value: 0, Rh.NEGATIVE.value: 1}
_SUB_TYPE_ORDER: Final = {sub_type.name: index for index, sub_type in enumerate(BLOOD_SUB_TYPES)}


@dataclass
class BillMaker:
    """Schedules and fills bills; keeps the per-day numbering for bills dispatched later."""

    rng: random.Random
    size: Size
    bags: BagMaker
    _per_day: dict[str, int] = field(default_factory=dict)

    def history(
        self, hospitals: list[Hospital], training_id: int, now: datetime
    ) -> list[tuple[int, dict[str, Any]]]:
        """The last fortnight's bills, as (hospital id, bill) in dispatch order."""
        planned: list[tuple[datetime, Hospital, _Kind]] = []
        for hospital in hospitals:
            rate = _TRAINING_DAILY_RATE if hospital.id == training_id else None
            planned += self._routine_plan(hospital, now, rate)
            planned.append((self._moment(now, HISTORY_DAYS * 24, 1), hospital, "rh"))
            planned.append((self._moment(now, 60, 18), hospital, "near-expiry"))
        planned.sort(key=lambda row: (row[0], row[1].id))
        return [
            (hospital.id, self._fill(hospital, at, kind, now)) for at, hospital, kind in planned
        ]

    def dispatch(self, hospital: Hospital, at: datetime, bag_count: int) -> dict[str, Any]:
        """A routine bill of `bag_count` bags sent to `hospital` at `at`."""
        station = supplier_of(hospital.district)
        bags = self.bags.mixed_bags(station, at, bag_count)
        return self._bill(at, self._routine_remark(at, bag_count), bags)

    def _routine_plan(
        self, hospital: Hospital, now: datetime, rate: float | None
    ) -> list[tuple[datetime, Hospital, _Kind]]:
        daily = rate if rate is not None else self.rng.choice(_DAILY_RATES[self.size])
        start = now - timedelta(days=HISTORY_DAYS)
        plan: list[tuple[datetime, Hospital, _Kind]] = []
        for day in range(HISTORY_DAYS + 1):
            whole, fraction = divmod(daily, 1)
            count = int(whole) + (self.rng.random() < fraction)
            for _ in range(count):
                at = self._time_of_day(start + timedelta(days=day))
                if at <= now:
                    plan.append((at, hospital, "routine"))
        return plan

    def _time_of_day(self, day: datetime) -> datetime:
        midnight = day.replace(hour=0, minute=0, second=0, microsecond=0)
        if self.rng.random() < _NIGHT_SHARE:
            hour = self.rng.choice((0, 1, 2, 3, 4, 5, 6, 21, 22, 23))
        else:
            hour = self.rng.randint(7, 20)
        return midnight + timedelta(
            hours=hour, minutes=self.rng.randint(0, 59), seconds=self.rng.randint(0, 59)
        )

    def _moment(self, now: datetime, earliest_hours: int, latest_hours: int) -> datetime:
        """A whole second between `earliest_hours` and `latest_hours` before `now`."""
        seconds = self.rng.randint(latest_hours * 3600, earliest_hours * 3600)
        return (now - timedelta(seconds=seconds)).replace(microsecond=0)

    def _fill(self, hospital: Hospital, at: datetime, kind: _Kind, now: datetime) -> dict[str, Any]:
        station = supplier_of(hospital.district)
        if kind == "rh":
            bags = self.bags.mixed_bags(station, at, self.rng.randint(1, 4), rh=Rh.NEGATIVE)
            return self._bill(at, RH_NEGATIVE_REMARK, bags)
        count = self._bag_count()
        if kind == "routine":
            bags = self.bags.mixed_bags(station, at, count)
            return self._bill(at, self._routine_remark(at, count), bags)
        planted = len(_NEAR_EXPIRY_HOURS)
        bags = self.bags.mixed_bags(station, at, max(count - planted, 1))
        red_cells = PRODUCTS_BY_CODE["E0226V00"]
        for hours in _NEAR_EXPIRY_HOURS:
            bags.append(self.bags.bag_expiring(station, red_cells, now + timedelta(hours=hours)))
        return self._bill(at, NEAR_EXPIRY_REMARK, bags)

    def _bag_count(self) -> int:
        """Mostly 5–60 bags; a few emergency singles; now and then a large restock."""
        draw = self.rng.random()
        if self.size == "large" and draw < _LARGE_BILL_SHARE:
            return LARGE_BILL_BAGS
        if draw < 0.08:
            return self.rng.randint(1, 4)
        if draw < 0.97:
            return round(self.rng.triangular(5, 60, 18))
        return round(math.exp(self.rng.uniform(math.log(61), math.log(500))))

    def _routine_remark(self, at: datetime, count: int) -> str:
        if count <= 4:
            return self.rng.choice(("急诊加送", "抢救用血"))
        if count > 60:
            return "库存补充"
        if at.hour < 7 or at.hour >= 21:
            return "夜间急诊加送"
        if at.weekday() >= 5:
            return "周末补库"
        return self.rng.choice(("常规供血", "常规供血", "常规供血", "预约手术备血", ""))

    def _bill(self, at: datetime, remark: str, bags: list[dict[str, Any]]) -> dict[str, Any]:
        day = at.strftime("%Y%m%d")
        sequence = self._per_day.get(day, 0) + 1
        self._per_day[day] = sequence
        return {
            "id": f"FX{day}-{sequence:04d}",
            "deliverTime": at,
            "remark": remark,
            "bloodBags": bags,
            "sums": sums_of(bags),
        }


def sums_of(bags: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The bill's summary lines: per 中类 name, ABO and Rh, total units and volume, exact."""
    totals: dict[tuple[str, str, str], list[Decimal]] = {}
    for bag in bags:
        product = PRODUCTS_BY_CODE[bag["bloodId"]]
        key = (product.sub_type.name, bag["bloodGroup"], bag["rhBloodGroup"])
        conversion, capacity = totals.setdefault(key, [Decimal(0), Decimal(0)])
        totals[key] = [conversion + product.conversion, capacity + product.capacity]
    ordered = sorted(
        totals.items(),
        key=lambda item: (
            _SUB_TYPE_ORDER[item[0][0]],
            _ABO_ORDER[Abo(item[0][1])],
            _RH_ORDER[item[0][2]],
        ),
    )
    return [
        {
            "bloodSubType": sub_type,
            "bloodGroup": abo,
            "rhBloodGroup": rh,
            "conversion": conversion.quantize(_TWO_PLACES),
            "capacity": capacity.quantize(_TWO_PLACES),
        }
        for (sub_type, abo, rh), (conversion, capacity) in ordered
    ]
