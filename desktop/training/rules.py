"""The training platform's business rules: where each bag is, and what may move it.

Form rules (required and conditional fields, lengths, codes, duplicate bags)
are the domain models' (`desktop.domain.validation`); a document that breaks
one is refused with the domain's message for the field. The rules here are the
platform's own, about bags and documents it has seen: a bag can be received
from a bill only if the bill was sent to this hospital and the bag is on it and
not yet received; transferred in only if the sending hospital transferred it
out to us; returned by a department only if we issued it; taken out only from
our own stock.

Every check reads the ledger and changes nothing, so a refused document leaves
the state as it was.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any, Final, TypeVar

from pydantic import BaseModel

from desktop.domain.codes import FacilityType, TakeoutType
from desktop.domain.models import Receive, Takeout, TakeoutListForm
from desktop.domain.validation import validate
from desktop.training.seed import World

M = TypeVar("M", bound=BaseModel)

CLOCK_SKEW: Final = timedelta(minutes=10)
"""How far ahead of the platform's clock a hospital's "actual time" may be before it is refused."""
_LISTED_BAGS: Final = 5


class Refusal(ValueError):  # noqa: N818 - the platform refuses; nothing went wrong here
    """A request the platform refuses (HTTP 400 / SOAP Client fault), saying why in two languages.

    `field` is the wire path of what to fix (`bloodBags[2].bloodBagId`), when
    one field is to blame.
    """

    def __init__(self, message_zh: str, message_en: str, field: str | None = None) -> None:
        super().__init__(f"{message_zh} / {message_en}")
        self.message_zh = message_zh
        self.message_en = message_en
        self.field = field


def parsed(model_cls: type[M], data: object) -> M:
    """`data` as a `model_cls` by the domain's form rules, or a Refusal naming every bad field.

    A None value counts as absent, as an omitted or `xsi:nil` SOAP element
    decodes to None: a required field then reads "required", not "not text".
    """
    result = validate(model_cls, _absent_nones(data))
    if result.value is not None:
        return result.value
    errors = result.errors
    zh = "；".join(_located(e.path, "：", e.message_zh.rstrip("。")) for e in errors)
    en = "; ".join(_located(e.path, ": ", e.message_en.rstrip(".")) for e in errors)
    raise Refusal(f"{zh}。", f"{en}.", errors[0].path or None)


def _absent_nones(data: object) -> object:
    if isinstance(data, Mapping):
        return {key: _absent_nones(value) for key, value in data.items() if value is not None}
    if isinstance(data, list):
        return [_absent_nones(item) for item in data]
    return data


def _located(path: str, separator: str, message: str) -> str:
    return f"{path}{separator}{message}" if path else message


def fingerprint(model: BaseModel) -> str:
    """What makes two documents "the same" for an idempotent resend.

    The validated model's JSON, so key order, date representation (offset,
    `T` or space, epoch milliseconds), `1.5` versus `1.50` and "" versus absent
    do not count; and list order does not count either, since the lists of a
    document (bags, requested products) are sets.
    """
    return json.dumps(
        _unordered(model.model_dump(mode="json", by_alias=True)),
        sort_keys=True,
        ensure_ascii=False,
    )


def _unordered(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _unordered(item) for key, item in value.items()}
    if isinstance(value, list):
        items = [_unordered(item) for item in value]
        return sorted(items, key=lambda item: json.dumps(item, sort_keys=True, ensure_ascii=False))
    return value


class Where(StrEnum):
    """Where a received bag is now."""

    IN_STOCK = "in_stock"
    ISSUED = "issued"
    """To a clinical department (1005)."""
    IN_TRANSIT = "in_transit"
    """Transferred out (1002), not yet received by the other hospital."""
    SCRAPPED = "scrapped"
    RETURNED_TO_STATION = "returned_to_station"


TAKEOUT_DESTINATIONS: Final = {
    TakeoutType.CLINICAL_USE: Where.ISSUED,
    TakeoutType.TRANSFER_OUT: Where.IN_TRANSIT,
    TakeoutType.SCRAPPED: Where.SCRAPPED,
    TakeoutType.RETURN_TO_STATION: Where.RETURNED_TO_STATION,
}


@dataclass(frozen=True)
class Position:
    """A bag's place: whose it is and, once taken out, which takeout moved it."""

    where: Where
    hospital: int
    ref_id: str | None = None
    to_hospital: int | None = None


@dataclass
class TakeoutRecord:
    """An accepted takeout and which of its bags have been cancelled since."""

    platform_id: str
    hospital: int
    form: TakeoutListForm
    fingerprint: str
    accepted_at: datetime
    cancelled: set[str] = field(default_factory=set)

    @property
    def takeout(self) -> Takeout:
        return self.form.out_stock

    @property
    def bag_ids(self) -> list[str]:
        return [line.blood_bag_id for line in self.takeout.details]


@dataclass(frozen=True)
class Ledger:
    """What the rules read: the world, every received bag's position, accepted takeouts."""

    world: World
    positions: Mapping[str, Position]
    takeouts: Mapping[tuple[int, str], TakeoutRecord]


def check_not_ahead(moment: datetime, now: datetime, path: str) -> None:
    """Refuse an actual time later than the platform's clock (a time-zone slip, usually)."""
    if moment > now + CLOCK_SKEW:
        raise Refusal(
            f"{path}：时间 {moment:%Y-%m-%d %H:%M:%S} 晚于平台当前时间 {now:%Y-%m-%d %H:%M:%S}，"
            "请检查本机时钟和时区（北京时间）。",
            f"{path}: {moment.isoformat()} is later than the platform's time {now.isoformat()}; "
            "check the computer's clock and time zone (China Standard Time).",
            path,
        )


def check_receive(receive: Receive, hospital: int, ledger: Ledger) -> None:
    """Refuse a receipt whose bags cannot come into this hospital's stock that way."""
    bag_ids = [line.blood_bag_id for line in receive.blood_bags]
    if receive.type == 151:
        _check_from_station(receive.ref_id, bag_ids, hospital, ledger)
    elif receive.type == 1001:
        _check_transfer_in(receive, bag_ids, hospital, ledger)
    else:
        _check_department_return(bag_ids, hospital, ledger)


def _check_from_station(bill_id: str, bag_ids: list[str], hospital: int, ledger: Ledger) -> None:
    bill = ledger.world.bills.get(bill_id)
    if bill is None or bill.hospital_id != hospital:
        raise Refusal(
            f"refId：交接单 {bill_id} 不存在，或不是发给本院的，请核对交接单号。",
            f"refId: handover bill {bill_id} does not exist or was not sent to this hospital; "
            "check the bill number.",
            "refId",
        )
    on_bill = {bag["bloodBagId"] for bag in bill.wire["bloodBags"]}
    _refuse_bags(
        [bag for bag in bag_ids if bag not in on_bill],
        f"不在交接单 {bill_id} 上，请核对血袋",
        f"are not on handover bill {bill_id}; check the bags",
    )
    _refuse_bags(
        [bag for bag in bag_ids if bag in ledger.positions],
        "已经入库，不能重复入库",
        "have already been received and cannot be received again",
    )


def _check_transfer_in(receive: Receive, bag_ids: list[str], hospital: int, ledger: Ledger) -> None:
    sender = receive.dis_organ_id
    assert sender is not None  # the Receive model requires it for a transfer-in
    check_other_hospital(sender, hospital, ledger.world, "disOrganId")
    record = ledger.takeouts.get((sender, receive.ref_id))
    if record is None or record.takeout.type != 1002 or record.takeout.otherhos_id != hospital:
        raise Refusal(
            f"refId：调出医院 {sender} 没有调拨给本院、单号为 {receive.ref_id} 的调拨出库单，"
            "请核对调拨出库单号和调出医院。",
            f"refId: hospital {sender} has no transfer-out {receive.ref_id} to this hospital; "
            "check the transfer-out number and the sending hospital.",
            "refId",
        )
    in_transit = Position(Where.IN_TRANSIT, sender, receive.ref_id, hospital)
    _refuse_bags(
        [bag for bag in bag_ids if ledger.positions.get(bag) != in_transit],
        f"不在调拨出库单 {receive.ref_id} 的在途血袋中（不在该单上、已取消或已入库）",
        f"are not in transit on transfer-out {receive.ref_id} "
        "(not on it, cancelled, or already received)",
    )


def _check_department_return(bag_ids: list[str], hospital: int, ledger: Ledger) -> None:
    def issued_here(bag: str) -> bool:
        position = ledger.positions.get(bag)
        return (
            position is not None
            and position.where is Where.ISSUED
            and position.hospital == hospital
        )

    _refuse_bags(
        [bag for bag in bag_ids if not issued_here(bag)],
        "不是本院发往临床科室的血袋（未出库或已退回），不能做科室退血入库",
        "were not issued to a department by this hospital (never issued, or already returned)",
    )


def check_takeout(takeout: Takeout, hospital: int, ledger: Ledger) -> None:
    """Refuse a takeout of bags that are not in this hospital's stock, or to a wrong hospital."""
    if takeout.type == 1002:
        assert takeout.otherhos_id is not None  # the Takeout model requires it for a transfer
        check_other_hospital(takeout.otherhos_id, hospital, ledger.world, "outStock.otherhosId")
    in_stock = Position(Where.IN_STOCK, hospital)
    _refuse_bags(
        [
            line.blood_bag_id
            for line in takeout.details
            if ledger.positions.get(line.blood_bag_id) != in_stock
        ],
        "不在本院库存中，不能出库",
        "are not in this hospital's stock and cannot be taken out",
        path="outStock.details",
    )


def check_other_hospital(facility_id: int, hospital: int, world: World, path: str) -> None:
    """Refuse a counterpart that is not another hospital in service."""
    facility = next((row for row in world.facilities if row.id == facility_id), None)
    if facility is None or facility.type is not FacilityType.HOSPITAL or not facility.available:
        raise Refusal(
            f"{path}：机构 {facility_id} 不是机构字典中在用的医院，请从机构字典中选择。",
            f"{path}: facility {facility_id} is not a hospital in service in the facility "
            "dictionary; pick one from it.",
            path,
        )
    if facility_id == hospital:
        raise Refusal(
            f"{path}：调拨的对方医院不能是本院。",
            f"{path}: the other hospital of a transfer cannot be this hospital.",
            path,
        )


def cancel_failure(
    record: TakeoutRecord | None, bag_ids: Sequence[str], ledger: Ledger
) -> str | None:
    """Why these bags cannot be cancelled from that takeout (the answer is then "fail"), or None."""
    if record is None:
        return "no such takeout from this hospital"
    on_takeout = set(record.bag_ids)
    if any(bag not in on_takeout for bag in bag_ids):
        return "a bag is not on this takeout"
    if any(bag in record.cancelled for bag in bag_ids):
        return "a bag has already been cancelled"
    moved = Position(
        TAKEOUT_DESTINATIONS[record.takeout.type],
        record.hospital,
        record.takeout.ref_id,
        record.takeout.otherhos_id if record.takeout.type == 1002 else None,
    )
    if any(ledger.positions.get(bag) != moved for bag in bag_ids):
        return "a bag has moved on since (received by the other hospital or returned)"
    return None


def _refuse_bags(
    bad: Iterable[str], reason_zh: str, reason_en: str, path: str = "bloodBags"
) -> None:
    listed = list(bad)
    if not listed:
        return
    shown = "、".join(listed[:_LISTED_BAGS])
    more_zh = f" 等 {len(listed)} 袋" if len(listed) > _LISTED_BAGS else " "
    more_en = f" and {len(listed) - _LISTED_BAGS} more" if len(listed) > _LISTED_BAGS else ""
    raise Refusal(
        f"{path}：血袋 {shown}{more_zh}{reason_zh}。",
        f"{path}: bags {', '.join(listed[:_LISTED_BAGS])}{more_en} {reason_en}.",
        path,
    )
