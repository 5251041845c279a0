"""A counter ready for takeouts: dictionaries synced, a department, bags received into stock.

Everything goes through the desk itself: it syncs the dictionaries from the
training platform, bags come in with `Outbox.submit_receive` (as the
receiving tab saves them), and `drain` has the desk send its outbox.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import datetime

from desk_jobs import DeskJobs

from desktop.domain.codes import Abo, Rh
from desktop.domain.dates import SHANGHAI
from desktop.domain.models import HandoverDetailInfo
from desktop.store.audit import Operator
from desktop.store.database import Store
from desktop.store.departments import Department, save_department
from desktop.store.outbox import Outbox
from desktop.store.outbox_items import OutboxCounts
from desktop.training.seed import TRAINING_HOSPITAL_ID
from desktop.training.seed.bills import NEAR_EXPIRY_REMARK, RH_NEGATIVE_REMARK

CLERK = Operator("张三", "0123")
DEPARTMENT = Department(id=1203, name="消化内科", short_code="XHNK")
SYNC_TIMEOUT_MS = 60_000
DRAIN_ATTEMPTS = 5
RED_CELLS = "E0226V00"
"""去白细胞悬浮红细胞（400mL全血制备）, a red-cell product of the training dictionary."""


def sync_dictionaries(jobs: DeskJobs) -> None:
    """The platform's dictionaries, synced by the desk itself, and this hospital's department."""
    with jobs.qtbot.waitSignal(jobs.desk.dictionaries_changed, timeout=SYNC_TIMEOUT_MS):
        jobs.desk.sync_dictionaries()
    jobs.db(lambda store: save_department(store, DEPARTMENT))


def find_bags(
    jobs: DeskJobs, wanted: Iterable[Callable[[HandoverDetailInfo, str], bool]]
) -> list[HandoverDetailInfo]:
    """One bag of the training hospital's bills per predicate (bag, bill remark), distinct."""
    world = jobs.training().world
    bills = [bill for bill in world.bills.values() if bill.hospital_id == TRAINING_HOSPITAL_ID]
    chosen: list[HandoverDetailInfo] = []
    for matches in wanted:
        found = next(
            bag
            for bill in bills
            for bag in world.bill_info(bill.id).blood_bags
            if matches(bag, str(bill.wire.get("remark") or "")) and bag not in chosen
        )
        chosen.append(found)
    return chosen


def fresh(product: str, abo: Abo, rh: Rh) -> Callable[[HandoverDetailInfo, str], bool]:
    """A bag of `product` in `abo`/`rh` with more than three days to go."""

    def matches(bag: HandoverDetailInfo, remark: str) -> bool:
        now = datetime.now(SHANGHAI)
        days_left = (bag.expiration - now).days if bag.expiration else 0
        return (
            bag.blood_id == product
            and bag.blood_group is abo
            and bag.rh_blood_group is rh
            and days_left > 3
            and remark not in (NEAR_EXPIRY_REMARK,)
        )

    return matches


def rh_negative(product: str) -> Callable[[HandoverDetailInfo, str], bool]:
    def matches(bag: HandoverDetailInfo, remark: str) -> bool:
        return remark == RH_NEGATIVE_REMARK and bag.blood_id == product

    return matches


def expired(bag: HandoverDetailInfo, remark: str) -> bool:
    return bool(
        remark == NEAR_EXPIRY_REMARK
        and bag.expiration is not None
        and bag.expiration < datetime.now(SHANGHAI)
    )


def receive(jobs: DeskJobs, bags: Iterable[HandoverDetailInfo]) -> None:
    """Receive `bags` into stock, one receipt per bill, as the receiving tab saves them."""
    world = jobs.training().world
    by_bill: dict[str, list[HandoverDetailInfo]] = defaultdict(list)
    for bag in bags:
        by_bill[world.bag_bills[bag.blood_bag_id]].append(bag)
    workstation = jobs.desk.settings.workstation
    now = datetime.now(SHANGHAI)

    def save(store: Store) -> None:
        outbox = Outbox(store, workstation)
        for bill_id, on_bill in by_bill.items():
            receipt = {
                "type": 151,
                "refId": bill_id,
                "receiver": CLERK.staff_number,
                "createTime": now,
                "receiveTime": now,
                "bloodBags": [{"bloodBagId": bag.blood_bag_id} for bag in on_bill],
            }
            outbox.submit_receive(receipt, on_bill, CLERK)

    jobs.db(save)


def drain(jobs: DeskJobs) -> OutboxCounts:
    """Have the desk drain its outbox until nothing waits; what is left (refused, in doubt)."""
    desk = jobs.desk
    for _attempt in range(DRAIN_ATTEMPTS):
        with jobs.qtbot.waitSignal(desk.outbox_changed, timeout=SYNC_TIMEOUT_MS):
            desk.drain_now()
        counts: OutboxCounts = desk.outbox_summary.counts
        if not counts.waiting:
            return counts
    raise AssertionError(f"the outbox still holds {counts} after {DRAIN_ATTEMPTS} drains")
