"""The training platform's world: dictionaries and handover bills, built from one seed.

Everything random draws from one `random.Random(seed)`, in a fixed order, so
the same seed, size and `now` give the same world, object for object.

The dictionaries are domain models, validated a whole list at a time. Bills
stay wire-shaped dicts until a hospital asks for one: a large world holds
about 100,000 bags, and the domain's bag validation (group parsing, dates)
costs tens of microseconds per bag, which would make every start seconds
longer for bills nobody fetches. `bill_info` and `bag_info` validate on
demand, so whatever leaves the platform has passed the domain models.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Final

from pydantic import TypeAdapter

from desktop.domain.dates import SHANGHAI, parse_datetime
from desktop.domain.models import BloodBagInfo, HandoverInfo
from desktop.domain.models.dictionaries import Blood, BloodSubType, BloodType, Disease, Facility
from desktop.training.seed.bags import BagMaker
from desktop.training.seed.bills import BillMaker, Size
from desktop.training.seed.diseases import disease_rows
from desktop.training.seed.facilities import (
    CLIENT_FACILITIES,
    HOSPITALS,
    TRAINING_HOSPITAL_ID,
    Hospital,
    client_secret,
    facility_rows,
)
from desktop.training.seed.products import blood_rows, blood_sub_type_rows, blood_type_rows

DEFAULT_SEED: Final = 20261128
DEFAULT_NOW: Final = datetime(2026, 11, 28, 9, 0, tzinfo=SHANGHAI)
"""The moment a world is built for unless told otherwise, so that a seed alone reproduces it."""
LARGE_DISEASE_COUNT: Final = 50_000

_FACILITIES: Final = TypeAdapter(list[Facility])
_BLOOD_TYPES: Final = TypeAdapter(list[BloodType])
_BLOOD_SUB_TYPES: Final = TypeAdapter(list[BloodSubType])
_BLOODS: Final = TypeAdapter(list[Blood])
_DISEASES: Final = TypeAdapter(list[Disease])


@dataclass(frozen=True)
class Bill:
    """A handover bill, wire-shaped, and the hospital it was dispatched to."""

    hospital_id: int
    wire: dict[str, Any]

    @property
    def id(self) -> str:
        return str(self.wire["id"])

    @property
    def deliver_time(self) -> datetime:
        moment: datetime = self.wire["deliverTime"]
        return moment


@dataclass
class World:
    """What the platform knows before any hospital calls it.

    Not thread-safe: `PlatformState` serialises access, including
    `dispatch_new_bill`, which draws from the world's random stream.
    """

    seed: int
    size: Size
    now: datetime
    facilities: list[Facility]
    blood_types: list[BloodType]
    blood_sub_types: list[BloodSubType]
    bloods: list[Blood]
    diseases: list[Disease]
    bills: dict[str, Bill]
    """By bill id, in dispatch order."""
    bag_bills: dict[str, str] = field(init=False)
    """The bill each bag was dispatched on, by bag id: every bag the platform knows."""
    _bags: dict[str, dict[str, Any]] = field(init=False, repr=False, compare=False)
    _maker: BillMaker = field(repr=False, compare=False, kw_only=True)
    _infos: dict[str, HandoverInfo] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.bag_bills = {}
        self._bags = {}
        for bill in self.bills.values():
            self._index(bill)

    @property
    def clients(self) -> dict[str, tuple[str, int]]:
        """Client id → (training secret, facility id), for every hospital in service."""
        return {
            client_id: (client_secret(client_id), facility_id)
            for client_id, facility_id in CLIENT_FACILITIES.items()
        }

    def hospital(self, facility_id: int) -> Hospital | None:
        """The hospital row of `facility_id`, or None if it is no hospital."""
        return next((row for row in HOSPITALS if row.id == facility_id), None)

    def bill_info(self, bill_id: str) -> HandoverInfo:
        """Bill `bill_id` as the domain model; KeyError if there is no such bill."""
        info = self._infos.get(bill_id)
        if info is None:
            info = HandoverInfo.model_validate(self.bills[bill_id].wire)
            self._infos[bill_id] = info
        return info

    def bag_wire(self, bag_id: str) -> dict[str, Any]:
        """Bag `bag_id` as dispatched, wire-shaped; KeyError if no bill carried it."""
        return self._bags[bag_id]

    def bag_info(self, bag_id: str) -> BloodBagInfo:
        """Bag `bag_id` as `getBloodBags` answers; KeyError if no bill carried it."""
        wire = dict(self.bag_wire(bag_id))
        wire["id"] = wire.pop("bloodBagId")
        return BloodBagInfo.model_validate(wire)

    def dispatch_new_bill(self, hospital_id: int, now: datetime, bag_count: int) -> HandoverInfo:
        """Send a new routine bill of `bag_count` bags to `hospital_id`, dispatched at `now`.

        Raises ValueError for a facility that is not a hospital in service or a
        count below one.
        """
        hospital = self.hospital(hospital_id)
        if hospital is None or not hospital.available:
            raise ValueError(f"facility {hospital_id} is not a hospital in service")
        if bag_count < 1:
            raise ValueError(f"a bill holds at least one bag, not {bag_count}")
        at = parse_datetime(now).replace(microsecond=0)
        bill = Bill(hospital_id, self._maker.dispatch(hospital, at, bag_count))
        self.bills[bill.id] = bill
        self._index(bill)
        return self.bill_info(bill.id)

    def _index(self, bill: Bill) -> None:
        for bag in bill.wire["bloodBags"]:
            self.bag_bills[bag["bloodBagId"]] = bill.id
            self._bags[bag["bloodBagId"]] = bag


def build_world(
    seed: int = DEFAULT_SEED, size: Size = "small", *, now: datetime = DEFAULT_NOW
) -> World:
    """The world of `seed`: `small` for the desk and tests, `large` for benchmarks."""
    rng = random.Random(seed)
    at = parse_datetime(now).replace(microsecond=0)
    diseases = disease_rows(LARGE_DISEASE_COUNT if size == "large" else None, rng)
    maker = BillMaker(rng, size, BagMaker(rng))
    in_service = [hospital for hospital in HOSPITALS if hospital.available]
    history = maker.history(in_service, TRAINING_HOSPITAL_ID, at)
    return World(
        seed=seed,
        size=size,
        now=at,
        facilities=_FACILITIES.validate_python(facility_rows()),
        blood_types=_BLOOD_TYPES.validate_python(blood_type_rows()),
        blood_sub_types=_BLOOD_SUB_TYPES.validate_python(blood_sub_type_rows()),
        bloods=_BLOODS.validate_python(blood_rows()),
        diseases=_DISEASES.validate_python(diseases),
        bills={bill["id"]: Bill(hospital_id, bill) for hospital_id, bill in history},
        _maker=maker,
    )
