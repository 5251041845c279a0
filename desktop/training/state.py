"""The training platform's state: one lock around every operation, in memory, with a call log.

Each public method is one platform operation, taking the calling hospital's
facility id (from its token) and the arguments in the WSDL's order as the SOAP
codec decodes them (wire-named dicts; str, int, Decimal, bool, datetimes,
lists). Results are domain models.

How it answers:

- A malformed request (a required or conditional field missing, a bad code, a
  bag twice in one document, an actual time ahead of the platform's clock) and
  a broken business rule of `saveReceive`/`saveTakeoutList` raise `Refusal`
  (HTTP 400 / SOAP Client fault), naming the field. Those two operations
  return nothing, so a refusal is their only way to say no.
- `cancelTakeoutList` has its own answer for a request it cannot carry out, and
  gives it: "fail" for an unknown takeout, a bag not on it, a bag already
  cancelled or moved on since; nothing is cancelled then. It refuses only what
  is malformed.
- Resending a document is safe. The same `internalId` (receipt), `refId`
  (takeout) or cancellation (`refId` and the same set of bags) with the same
  content (`rules.fingerprint`) is accepted once and answered as a success
  again; with different content it is refused, since the hospital's number
  already names another document.
- `getBloodBags` answers with the bags it knows and skips unknown ids, as a
  lookup does; the desk tells the counter which ids found nothing.
- The dispatch list is in dispatch order, oldest first, so a poller can take
  new bills in the order they were sent.
"""

from __future__ import annotations

import itertools
import threading
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final, Generic, TypeVar

from desktop.domain.dates import SHANGHAI, parse_datetime
from desktop.domain.errors import DomainValueError
from desktop.domain.models import (
    Blood,
    BloodBagInfo,
    BloodSubType,
    BloodType,
    CancelTakeout,
    Disease,
    DispatchListEntry,
    Facility,
    HandoverInfo,
    Receive,
    TakeoutListForm,
    to_wire,
)
from desktop.training.rules import (
    TAKEOUT_DESTINATIONS,
    Ledger,
    Position,
    Refusal,
    TakeoutRecord,
    Where,
    cancel_failure,
    check_not_ahead,
    check_receive,
    check_takeout,
    fingerprint,
    parsed,
)
from desktop.training.seed import TRAINING_HOSPITAL_ID, World

__all__ = ["Clock", "PlatformState", "Refusal", "system_clock"]

T = TypeVar("T")
Clock = Callable[[], datetime]

CALLS_KEPT: Final = 10_000
"""The call log keeps the latest calls only, so a long session cannot grow it without bound."""


def system_clock() -> datetime:
    """The platform's default clock: the machine's, in Shanghai time."""
    return datetime.now(SHANGHAI)


@dataclass(frozen=True)
class _Answer(Generic[T]):
    value: T
    outcome: str = "ok"
    detail: str = ""


@dataclass(frozen=True)
class _Receipt:
    platform_id: str
    hospital: int
    receive: Receive
    fingerprint: str
    accepted_at: datetime


@dataclass(frozen=True)
class _Cancel:
    hospital: int
    cancel: CancelTakeout
    fingerprint: str
    accepted_at: datetime


class PlatformState:
    """What the training platform has been told, and the rules it holds hospitals to."""

    def __init__(
        self, world: World, now: Clock = system_clock, calls_kept: int = CALLS_KEPT
    ) -> None:
        self.world = world
        self._now = now
        self._lock = threading.Lock()
        self._positions: dict[str, Position] = {}
        self._receipts: dict[tuple[int, str], _Receipt] = {}
        self._takeouts: dict[tuple[int, str], TakeoutRecord] = {}
        self._cancels: dict[tuple[int, str, frozenset[str]], _Cancel] = {}
        self._calls: deque[dict[str, Any]] = deque(maxlen=calls_kept)
        self._serials = itertools.count(1)

    # -- dictionaries and bills ----------------------------------------------------

    def list_all_blood(self) -> list[Blood]:
        return self._serve("listAllBlood", None, lambda: _Answer(list(self.world.bloods)))

    def list_all_blood_type(self) -> list[BloodType]:
        return self._serve("listAllBloodType", None, lambda: _Answer(list(self.world.blood_types)))

    def list_all_blood_sub_type(self) -> list[BloodSubType]:
        return self._serve(
            "listAllBloodSubType", None, lambda: _Answer(list(self.world.blood_sub_types))
        )

    def list_all_facilities(self) -> list[Facility]:
        return self._serve("listAllFacilities", None, lambda: _Answer(list(self.world.facilities)))

    def list_all_disease(self) -> list[Disease]:
        return self._serve("listAllDisease", None, lambda: _Answer(list(self.world.diseases)))

    def get_facility(self, hospital: int) -> Facility:
        return self._serve("getFacility", hospital, lambda: _Answer(self._facility(hospital)))

    def list_bill_detail(self, hospital: int, list_id: str | None) -> HandoverInfo:
        """Bill `list_id`, if it was dispatched to `hospital`; refused otherwise."""
        return self._serve(
            "listBillDetail", hospital, lambda: _Answer(self._bill(hospital, list_id))
        )

    def get_blood_bags(self, hospital: int, ids: Sequence[str] | None) -> list[BloodBagInfo]:
        """The known bags among `ids`, once each, in the order asked; unknown ids are skipped."""
        return self._serve("getBloodBags", hospital, lambda: self._bags(ids))

    def dispatch_list(
        self, hospital: int, start: datetime | None = None, end: datetime | None = None
    ) -> list[DispatchListEntry]:
        """Bills dispatched to `hospital` between `start` and `end` (inclusive), oldest first."""
        return self._serve("dispatchList", hospital, lambda: self._dispatched(hospital, start, end))

    def dispatch_new_bill(self, hospital: int | None = None, bag_count: int = 10) -> HandoverInfo:
        """Make a bill "arrive" now for `hospital` (the training hospital by default)."""
        target = TRAINING_HOSPITAL_ID if hospital is None else hospital
        return self._serve("dispatchNewBill", target, lambda: self._new_bill(target, bag_count))

    # -- documents -------------------------------------------------------------------

    def save_receive(self, hospital: int, receive: Mapping[str, Any] | None) -> None:
        """Receive bags into `hospital`'s stock (入库): from a bill, a transfer, or a department."""
        self._serve("saveReceive", hospital, lambda: self._receive(hospital, receive))

    def save_takeout(self, hospital: int, form: Mapping[str, Any] | None) -> None:
        """Register bags leaving `hospital`'s stock (出库)."""
        self._serve("saveTakeoutList", hospital, lambda: self._takeout(hospital, form))

    def cancel_takeout(  # noqa: PLR0917 - the operation's parameters, in the WSDL's order
        self,
        hospital: int,
        ref_id: str | None,
        reason: str | None,
        time: datetime | None,
        user: str | None,
        bag_ids: Sequence[str] | None,
    ) -> str:
        """Undo takeout `ref_id` for `bag_ids`, which return to stock: "success" or "fail"."""
        arguments = {
            "refId": ref_id,
            "reason": reason,
            "time": time,
            "user": user,
            "bloodBagIds": None if bag_ids is None else list(bag_ids),
        }
        return self._serve("cancelTakeoutList", hospital, lambda: self._cancel(hospital, arguments))

    # -- inspection --------------------------------------------------------------------

    def stock(self, hospital: int) -> list[str]:
        """The bag ids in `hospital`'s stock, sorted."""
        with self._lock:
            return self._stock().get(hospital, [])

    def snapshot(self) -> dict[str, Any]:
        """Everything accepted and every call seen, as JSON-ready data for the admin page."""
        with self._lock:
            return {
                "now": self._now().isoformat(),
                "receipts": [self._receipt_json(receipt) for receipt in self._receipts.values()],
                "takeouts": [self._takeout_json(record) for record in self._takeouts.values()],
                "cancels": [self._cancel_json(cancel) for cancel in self._cancels.values()],
                "stock": {str(hospital): bags for hospital, bags in self._stock().items()},
                "calls": list(self._calls),
            }

    # -- the operations, run under the lock ------------------------------------------------

    def _serve(self, operation: str, hospital: int | None, action: Callable[[], _Answer[T]]) -> T:
        with self._lock:
            try:
                answer = action()
            except Refusal as refusal:
                self._log(operation, hospital, "refused", refusal.message_en)
                raise
            self._log(operation, hospital, answer.outcome, answer.detail)
            return answer.value

    def _log(self, operation: str, hospital: int | None, outcome: str, detail: str) -> None:
        self._calls.append(
            {
                "operation": operation,
                "hospital": hospital,
                "time": self._now().isoformat(),
                "outcome": outcome,
                "detail": detail,
            }
        )

    def _facility(self, facility_id: int) -> Facility:
        found = next((row for row in self.world.facilities if row.id == facility_id), None)
        if found is None:
            raise Refusal(
                f"机构 {facility_id} 不在机构字典中。",
                f"Facility {facility_id} is not in the facility dictionary.",
            )
        return found

    def _bill(self, hospital: int, list_id: str | None) -> HandoverInfo:
        if not isinstance(list_id, str) or not list_id.strip():
            raise Refusal(
                "listId：必填项：请填写交接单号。", "listId: required; fill it in.", "listId"
            )
        bill = self.world.bills.get(list_id.strip())
        if bill is None or bill.hospital_id != hospital:
            raise Refusal(
                f"listId：交接单 {list_id} 不存在，或不是发给本院的，请核对交接单号。",
                f"listId: handover bill {list_id} does not exist or was not sent to this "
                "hospital; check the bill number.",
                "listId",
            )
        return self.world.bill_info(bill.id)

    def _bags(self, ids: Sequence[str] | None) -> _Answer[list[BloodBagInfo]]:
        if not ids or any(not isinstance(bag, str) or not bag.strip() for bag in ids):
            raise Refusal(
                "ids：必填项：请至少填写一个血袋编号，且不能有空的编号。",
                "ids: required; give at least one bag id, none of them blank.",
                "ids",
            )
        wanted = dict.fromkeys(bag.strip() for bag in ids)
        known = [bag for bag in wanted if bag in self.world.bag_bills]
        unknown = len(wanted) - len(known)
        detail = f"{unknown} unknown id(s) skipped" if unknown else ""
        return _Answer([self.world.bag_info(bag) for bag in known], detail=detail)

    def _dispatched(
        self, hospital: int, start: datetime | None, end: datetime | None
    ) -> _Answer[list[DispatchListEntry]]:
        try:
            low = None if start is None else parse_datetime(start)
            high = None if end is None else parse_datetime(end)
        except DomainValueError as error:
            raise Refusal(error.message_zh, error.message_en) from error
        if low is not None and high is not None and low > high:
            raise Refusal(
                "startTime：开始时间晚于结束时间，请调换。",
                "startTime: the start is later than the end; swap them.",
                "startTime",
            )
        bills = [
            bill
            for bill in self.world.bills.values()
            if bill.hospital_id == hospital
            and (low is None or bill.deliver_time >= low)
            and (high is None or bill.deliver_time <= high)
        ]
        bills.sort(key=lambda bill: (bill.deliver_time, bill.id))
        return _Answer(
            [
                DispatchListEntry.model_validate(
                    {"id": bill.id, "deliverTime": bill.deliver_time, "remark": bill.wire["remark"]}
                )
                for bill in bills
            ]
        )

    def _new_bill(self, hospital: int, bag_count: int) -> _Answer[HandoverInfo]:
        try:
            info = self.world.dispatch_new_bill(hospital, self._now(), bag_count)
        except ValueError as error:
            raise Refusal(f"无法发血：{error}", f"Cannot dispatch: {error}") from error
        return _Answer(info, detail=f"{info.id}, {len(info.blood_bags)} bags")

    def _receive(self, hospital: int, data: Mapping[str, Any] | None) -> _Answer[None]:
        receive = parsed(Receive, data)
        print_ = fingerprint(receive)
        earlier = self._receipts.get((hospital, receive.internal_id))
        if earlier is not None:
            return _resent(earlier.fingerprint, print_, "internalId", receive.internal_id)
        now = self._now()
        check_not_ahead(receive.create_time, now, "createTime")
        check_not_ahead(receive.receive_time, now, "receiveTime")
        check_receive(receive, hospital, self._ledger())
        for line in receive.blood_bags:
            self._positions[line.blood_bag_id] = Position(Where.IN_STOCK, hospital)
        platform_id = f"RK{next(self._serials):08d}"
        self._receipts[(hospital, receive.internal_id)] = _Receipt(
            platform_id, hospital, receive, print_, now
        )
        return _Answer(None, detail=f"{platform_id}, {len(receive.blood_bags)} bags")

    def _takeout(self, hospital: int, data: Mapping[str, Any] | None) -> _Answer[None]:
        form = parsed(TakeoutListForm, data)
        takeout = form.out_stock
        print_ = fingerprint(form)
        earlier = self._takeouts.get((hospital, takeout.ref_id))
        if earlier is not None:
            return _resent(earlier.fingerprint, print_, "outStock.refId", takeout.ref_id)
        now = self._now()
        check_not_ahead(takeout.create_time, now, "outStock.createTime")
        check_not_ahead(takeout.commit_time, now, "outStock.commitTime")
        check_takeout(takeout, hospital, self._ledger())
        moved = Position(
            TAKEOUT_DESTINATIONS[takeout.type],
            hospital,
            takeout.ref_id,
            takeout.otherhos_id if takeout.type == 1002 else None,
        )
        for line in takeout.details:
            self._positions[line.blood_bag_id] = moved
        platform_id = f"CK{next(self._serials):08d}"
        self._takeouts[(hospital, takeout.ref_id)] = TakeoutRecord(
            platform_id, hospital, form, print_, now
        )
        return _Answer(None, detail=f"{platform_id}, {len(takeout.details)} bags")

    def _cancel(self, hospital: int, arguments: dict[str, Any]) -> _Answer[str]:
        cancel = parsed(CancelTakeout, arguments)
        key = (hospital, cancel.ref_id, frozenset(cancel.blood_bag_ids))
        print_ = fingerprint(cancel)
        earlier = self._cancels.get(key)
        if earlier is not None:
            resent = _resent(earlier.fingerprint, print_, "refId", cancel.ref_id)
            return _Answer("success", resent.outcome)
        now = self._now()
        check_not_ahead(cancel.time, now, "time")
        record = self._takeouts.get((hospital, cancel.ref_id))
        failure = cancel_failure(record, cancel.blood_bag_ids, self._ledger())
        if record is None or failure is not None:
            return _Answer("fail", "fail", failure or "")
        for bag in cancel.blood_bag_ids:
            self._positions[bag] = Position(Where.IN_STOCK, hospital)
        record.cancelled.update(cancel.blood_bag_ids)
        self._cancels[key] = _Cancel(hospital, cancel, print_, now)
        return _Answer("success", detail=f"{len(cancel.blood_bag_ids)} bags back in stock")

    def _ledger(self) -> Ledger:
        return Ledger(self.world, self._positions, self._takeouts)

    def _stock(self) -> dict[int, list[str]]:
        stock: dict[int, list[str]] = {}
        for bag, position in self._positions.items():
            if position.where is Where.IN_STOCK:
                stock.setdefault(position.hospital, []).append(bag)
        return {hospital: sorted(bags) for hospital, bags in sorted(stock.items())}

    @staticmethod
    def _receipt_json(receipt: _Receipt) -> dict[str, Any]:
        return {
            "id": receipt.platform_id,
            "hospital": receipt.hospital,
            "acceptedAt": receipt.accepted_at.isoformat(),
            "document": to_wire(receipt.receive),
        }

    @staticmethod
    def _takeout_json(record: TakeoutRecord) -> dict[str, Any]:
        return {
            "id": record.platform_id,
            "hospital": record.hospital,
            "acceptedAt": record.accepted_at.isoformat(),
            "document": to_wire(record.form),
            "cancelledBags": sorted(record.cancelled),
        }

    @staticmethod
    def _cancel_json(cancel: _Cancel) -> dict[str, Any]:
        return {
            "hospital": cancel.hospital,
            "acceptedAt": cancel.accepted_at.isoformat(),
            "document": to_wire(cancel.cancel),
        }


def _resent(earlier: str, now: str, path: str, number: str) -> _Answer[None]:
    """A document sent again under a number already used: a success if it is the same one."""
    if earlier == now:
        return _Answer(None, "duplicate", f"{number} resent, already accepted")
    raise Refusal(
        f"{path}：单号 {number} 已用于一张内容不同的单据，请使用新的单号。",
        f"{path}: number {number} already names a different document; use a new number.",
        path,
    )
