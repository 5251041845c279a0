"""A counter ready for takeouts: dictionaries synced, a department, bags received into stock;
and what the clerk does at the takeout tab.

Everything goes through the desk itself: it syncs the dictionaries from the
training platform, bags come in with `Outbox.submit_receive` (as the
receiving tab saves them), and `drain` has the desk send its outbox. The
clerk's actions (`fill_request`, `scan`, `answer`, `submit`) type, pick and
press keys as at the counter.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any

from desk_jobs import DeskJobs
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from desktop.domain.codes import Abo, Rh
from desktop.domain.dates import SHANGHAI
from desktop.domain.models import HandoverDetailInfo
from desktop.store.audit import Operator
from desktop.store.database import Store
from desktop.store.departments import Department, save_department
from desktop.store.outbox import Outbox
from desktop.store.outbox_items import OutboxCounts, OutboxItem
from desktop.training.seed import TRAINING_HOSPITAL_ID
from desktop.training.seed.bills import NEAR_EXPIRY_REMARK, RH_NEGATIVE_REMARK
from desktop.ui.scan_feedback import FeedbackLevel
from desktop.ui.tabs.takeout import TakeoutTab
from desktop.ui.takeout.pickers import SearchPicker

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


def type_text(qtbot: QtBot, widget: QLineEdit, text: str) -> None:
    """Type as the clerk does: ASCII by key, Chinese as the input method commits it."""
    widget.setFocus()
    if text.isascii():
        qtbot.keyClicks(widget, text)
        return
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


# -- what a clerk does at the takeout tab ---------------------------------------------


def pick(qtbot: QtBot, picker: SearchPicker, typed: str) -> None:
    """Type into a search picker and take its first match."""
    with qtbot.waitSignal(picker.results_shown, check_params_cb=lambda count: count > 0):
        type_text(qtbot, picker, typed)
    picker.choose_match(0)
    assert picker.choice() is not None


def choose(qtbot: QtBot, combo: QWidget, code: str) -> None:
    """Pick a code-list entry by typing its code, as the counter's keyboard does."""
    combo.setFocus()
    qtbot.keyClicks(combo, code)
    qtbot.wait(QApplication.keyboardInputInterval() + 50)


def choose_flag(qtbot: QtBot, combo: QWidget, value: bool) -> None:
    """Pick yes or no with the arrow keys: they are words, not codes, and the Chinese words
    cannot be typed key by key."""
    assert isinstance(combo, QComboBox)
    combo.setFocus()
    for _step in range(combo.count()):
        if combo.currentData() is value:
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    raise AssertionError(f"{combo.objectName() or combo!r} offers no {value!r}")


def fill_request(
    qtbot: QtBot,
    tab: TakeoutTab,
    *,
    abo: str = "A",
    rh: str = "2",
    cardno: str = "310101198001011234",
) -> None:
    record, request = tab.request.record, tab.request
    type_text(qtbot, record.field("name"), "王五")
    choose(qtbot, record.field("sex"), "1")
    type_text(qtbot, record.field("originalId"), "BA2026001234")
    choose(qtbot, record.field("cardtype"), "01")
    if cardno:
        type_text(qtbot, record.field("cardno"), cardno)
    type_text(qtbot, record.field("age"), "46")
    choose(qtbot, record.field("ageType"), "0")
    choose(qtbot, record.field("opEmHpMark"), "3")
    type_text(qtbot, record.field("opEmHpNo"), "ZY2026005678")
    choose(qtbot, record.abo, abo)
    choose(qtbot, record.rh, rh)
    pick(qtbot, record.disease, "K92.2")
    type_text(qtbot, record.field("diagnose"), "上消化道出血")
    type_text(qtbot, request.field("originalId"), "SQ2026000001")
    pick(qtbot, request.department, "XHNK")
    choose(qtbot, request.field("property"), "2")
    choose(qtbot, request.field("transReason"), "0")
    choose_flag(qtbot, request.field("interoperativeTrans"), False)
    products = request.products
    choose(qtbot, products.sub_type, "202")
    choose(qtbot, products.abo, abo)
    choose(qtbot, products.rh, rh)
    for field, text in ((products.volume, "2"), (products.unit, "U"), (products.ml, "400")):
        type_text(qtbot, field, text)
    assert products.add_entered()


def scan(qtbot: QtBot, tab: TakeoutTab, bag: HandoverDetailInfo) -> None:
    """Scan `bag`'s id into the bag field, as a keyboard-wedge scanner types it."""
    field = tab.bags.scan_field
    field.setFocus()
    qtbot.keyClicks(field, bag.blood_bag_id)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def answer(qtbot: QtBot, tab: TakeoutTab, reason: str | None = None, *, issue: bool = True) -> None:
    """Answer the question the tab asks about a doubtful bag."""
    qtbot.waitUntil(lambda: tab.bags.asking is not None)
    dialog = tab.bags.asking
    assert dialog is not None
    if reason is not None:
        assert not dialog.issue_button.isEnabled()
        type_text(qtbot, dialog.reason, reason)
    if issue:
        qtbot.mouseClick(dialog.issue_button, Qt.MouseButton.LeftButton)
    else:
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: tab.bags.asking is None)


def submit(qtbot: QtBot, tab: TakeoutTab) -> OutboxItem:
    """Ctrl+Enter; the takeout saved, once the tab shows its number."""
    before = tab.delivery.tracker.item

    def saved() -> OutboxItem | None:
        item = tab.delivery.tracker.item
        return None if item is None or (before is not None and item.seq == before.seq) else item

    qtbot.keyClick(tab.bags.scan_field, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: saved() is not None and "CK" in tab.delivery.text(), timeout=10_000)
    item = saved()
    assert item is not None
    return item


def platform_takeouts(jobs: DeskJobs) -> list[dict[str, Any]]:
    """The takeouts the training platform accepted from this hospital, as wire documents."""
    return [
        takeout["document"]
        for takeout in jobs.training().snapshot()["takeouts"]
        if takeout["hospital"] == TRAINING_HOSPITAL_ID
    ]


def feedback(tab: TakeoutTab) -> tuple[FeedbackLevel, str]:
    """The result panel's level and its words."""
    panel = tab.bags.feedback
    return panel.level, f"{panel.title()} {panel.detail()}"
