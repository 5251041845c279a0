"""A full day at the counter: the real main window against the training platform, end to end.

The window is built as the program builds it (`build_window`: six tabs, the
desk, the status bar, the Chinese translations) and driven as a clerk drives
it: keyboard shortcuts between the tabs, scans typed by a keyboard-wedge
scanner, forms filled, questions answered. In one day: sync; a bill arrives
and is noticed; it is received by scanning, with a wrong bag, a duplicate and
a missing one; a bill with an expired bag; a transfer-in (1001) and a ward's
return (1006); a patient's takeout with an incompatible bag refused; one bag
cancelled; then the platform goes down, a bill is received and a transfer
registered offline, and the platform comes back. At the end the platform holds
every record the desk saved exactly once, and its stock is the desk's shelf.
After every step the status bar's midnight-deadline label shows how many of
today's takeouts and cancellations are still owed to the platform.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import time, timedelta
from pathlib import Path
from typing import Any, TypeVar

import cancel_scene
import pytest
import receiving_scene
import takeout_scene
from desk_jobs import DeskJobs
from paperwork import receive as receipt_of
from paperwork import takeout as takeout_form
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from takeout_scene import DEPARTMENT, RED_CELLS, find_bags, fresh

from desktop.config.settings import Settings, load_settings
from desktop.domain.codes import Abo, ReceiveType, Rh, TakeoutType
from desktop.domain.delivery import UNACKNOWLEDGED, DeliveryState, DocumentKind
from desktop.domain.models import HandoverDetailInfo, HandoverInfo
from desktop.store import stock
from desktop.store.database import Store
from desktop.store.outbox import Outbox
from desktop.store.outbox_items import OutboxItem
from desktop.store.stock import Position
from desktop.store.times import shanghai_now
from desktop.training.seed import TRAINING_HOSPITAL_ID
from desktop.ui.desk import ConnectionState, Desk
from desktop.ui.main_window import MainWindow
from desktop.ui.models.cancel_models import CancelColumn
from desktop.ui.models.receiving_models import ReceivingModel, RowState
from desktop.ui.models.table import NEW_ROW_BACKGROUND
from desktop.ui.outbox_dialog import OutboxDialog
from desktop.ui.receiving.session import Outcome
from desktop.ui.receiving.sources import BillSession, ReturnSession, TransferSession
from desktop.ui.scan_feedback import FeedbackLevel
from desktop.ui.tabs.bills import BillsTab
from desktop.ui.tabs.cancel import CancelTab
from desktop.ui.tabs.dictionaries import DictionariesTab
from desktop.ui.tabs.receiving import ReceivingTab
from desktop.ui.tabs.stock import StockTab
from desktop.ui.tabs.takeout import TakeoutTab

# What the offscreen platform cannot do for popups and dialogs; harmless in tests.
OFFSCREEN_LIMITS = "This plugin does not support (propagateSizeHints|raise|grabbing the keyboard)"
pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_LIMITS)

WAIT_MS = 30_000
TRANSFERRING_HOSPITAL = 31010401  # 复旦大学附属中山医院: transfers bags in to us
TRANSFER_NUMBER = "DB-20261128-07"
RECEIVING_HOSPITAL = "第九人民"  # 上海交通大学医学院附属第九人民医院: we transfer a bag out to it
CANCEL_REASON = "患者病情变化，未输注"
CRITICAL_AT = time(23, 30)
OUTFLOW = (DocumentKind.TAKEOUT, DocumentKind.CANCEL)


@pytest.fixture
def window_settings(tmp_path: Path) -> Settings:
    """The deadline warning on from 00:00: the label turns amber whenever outflow is owed."""
    return load_settings(
        {"data_dir": tmp_path / "data", "deadline_thresholds": [time(0, 0)]}, environ={}
    )


@dataclass(frozen=True)
class Tabs:
    dictionaries: DictionariesTab
    bills: BillsTab
    receiving: ReceivingTab
    takeout: TakeoutTab
    cancel: CancelTab
    stock: StockTab


class Counter:
    """The window, its desk and tabs, and what the test checks after every step."""

    def __init__(self, window: MainWindow, qtbot: QtBot) -> None:
        self.window = window
        self.qtbot = qtbot
        self.desk: Desk = window.desk
        self.jobs = DeskJobs(self.desk, qtbot)
        self.tabs = Tabs(
            _page(window, 0, DictionariesTab),
            _page(window, 1, BillsTab),
            _page(window, 2, ReceivingTab),
            _page(window, 3, TakeoutTab),
            _page(window, 4, CancelTab),
            _page(window, 5, StockTab),
        )

    def go_to(self, page: QWidget) -> None:
        """Ctrl+1…Ctrl+6, as the clerk switches tabs."""
        tabs = self.window.tabs
        self.window.activateWindow()
        self.qtbot.waitUntil(self.window.isActiveWindow)
        key = Qt.Key(Qt.Key.Key_1.value + tabs.indexOf(page))
        self.qtbot.keyClick(self.window, key, Qt.KeyboardModifier.ControlModifier)
        assert tabs.currentWidget() is page

    def settle(self) -> None:
        self.jobs.settle()

    def db_idle(self) -> None:
        """The db worker has delivered everything asked of it (e.g. the shelf read again)."""
        self.qtbot.waitUntil(lambda: not self.desk.db.busy, timeout=WAIT_MS)

    def items(self) -> list[OutboxItem]:
        workstation = self.desk.settings.workstation
        return self.jobs.db(lambda store: Outbox(store, workstation).items())

    def outflow_owed_today(self) -> int:
        """Today's takeouts and cancellations the outbox still owes the platform, counted here."""
        today = shanghai_now().date()
        return sum(
            1
            for item in self.items()
            if item.kind in OUTFLOW and item.state in UNACKNOWLEDGED and item.business_day == today
        )

    def check_deadline(self, owed: int) -> None:
        """The deadline label shows `owed` (counted here and by the desk), at the right level."""
        assert self.outflow_owed_today() == owed
        self.qtbot.waitUntil(
            lambda: (
                self.desk.outbox_summary is not None
                and self.desk.outbox_summary.deadline.unsent_today == owed
            ),
            timeout=WAIT_MS,
        )
        deadline = self.desk.outbox_summary.deadline
        label = self.window.status.deadline
        level = (
            "ok" if not owed else "critical" if shanghai_now().time() >= CRITICAL_AT else "warning"
        )
        assert deadline.level.value == level
        assert label.property("level") == level
        template = translated("DeskStatusBar", "Today's outflow unsent: %1 · %2 left to 00:00")
        pattern = re.escape(template).replace("%1", str(owed)).replace("%2", r"\d+:\d\d")
        assert re.fullmatch(pattern, label.text()), label.text()

    def wait_online(self) -> None:
        self.qtbot.waitUntil(
            lambda: self.desk.connection_state == ConnectionState.ONLINE, timeout=WAIT_MS
        )


PageT = TypeVar("PageT", bound=QWidget)


def _page(window: MainWindow, index: int, kind: type[PageT]) -> PageT:
    page = window.tabs.widget(index)
    assert isinstance(page, kind), f"tab {index + 1} is {page!r}, not a {kind.__name__}"
    return page


def translated(context: str, source: str) -> str:
    """What the window shows for `source`, in the language it was built with."""
    return QCoreApplication.translate(context, source)


@pytest.fixture
def counter(main_window: MainWindow, qtbot: QtBot) -> Counter:
    return Counter(main_window, qtbot)


def test_a_full_day_at_the_counter(counter: Counter, qtbot: QtBot) -> None:
    window, desk, jobs, tabs = counter.window, counter.desk, counter.jobs, counter.tabs
    platform = jobs.training_platform()
    state = platform.state

    # -- morning: the ward list kept here; F5 syncs the dictionaries and the dispatch list -------
    counter.settle()
    counter.wait_online()
    counter.go_to(tabs.dictionaries)
    tabs.dictionaries.show_view("departments")
    actions = tabs.dictionaries.department_actions
    assert actions is not None
    actions.add(DEPARTMENT)  # the hospital's own wards: the platform has no list of them
    departments = tabs.dictionaries.current.model
    qtbot.waitUntil(
        lambda: [row.name for row in departments.rows()] == [DEPARTMENT.name], timeout=WAIT_MS
    )
    never = translated("DeskStatusBar", "Last sync: %1").replace(
        "%1", translated("DeskStatusBar", "never")
    )
    with qtbot.waitSignal(desk.dictionaries_changed, timeout=WAIT_MS):
        qtbot.keyClick(window, Qt.Key.Key_F5)
    counter.settle()
    assert window.status.last_sync.text() != never
    # The shelf as the night left it: red cells for the patient to come, received and sent.
    a_red, a_red_too, b_red = find_bags(
        jobs,
        [
            fresh(RED_CELLS, Abo.A, Rh.POSITIVE),
            fresh(RED_CELLS, Abo.A, Rh.POSITIVE),
            fresh(RED_CELLS, Abo.B, Rh.POSITIVE),
        ],
    )
    takeout_scene.receive(jobs, [a_red, a_red_too, b_red])
    assert not takeout_scene.drain(jobs).unacknowledged
    counter.check_deadline(0)

    # -- a bill arrives from the blood station and is noticed -----------------------------------
    bills = tabs.bills
    bills.banner.dismiss()  # the start-up poll announced the fortnight's bills
    title = window.tabs.tabText(1)
    arrived = state.dispatch_new_bill(bag_count=5)
    with qtbot.waitSignal(desk.bills_changed, timeout=WAIT_MS) as changed:
        desk.poll_now()
    assert changed.args == [[arrived.id]]
    qtbot.waitUntil(lambda: bills.bill_list.position_of_bill(arrived.id) is not None)
    row = bills.bill_list.position_of_bill(arrived.id)
    assert row is not None
    shading = bills.bill_list.index(row, 0).data(Qt.ItemDataRole.BackgroundRole)
    assert shading == NEW_ROW_BACKGROUND
    assert bills.banner.isVisibleTo(bills)
    assert arrived.id in bills.banner.message.text()
    assert window.tabs.tabText(1) == f"{title} (1)"
    assert arrived.id in window.status.currentMessage()
    counter.check_deadline(0)

    # -- it is received by scanning: a wrong bag, a duplicate, one bag missing -------------------
    near_expiry = receiving_scene.near_expiry_bill(state)
    now = shanghai_now()
    out_of_date = [bag for bag in near_expiry.blood_bags if _expired(bag, now)]
    usable = [bag for bag in near_expiry.blood_bags if not _expired(bag, now)]
    assert out_of_date, "the seeded bill plants an expired bag"
    assert usable, "and two about to expire"
    counter.go_to(bills)
    with qtbot.waitSignal(bills.bill_opened, timeout=WAIT_MS):
        bills.banner.open_button.click()
    assert window.tabs.tabText(1) == title
    assert bills.bags.rowCount() == len(arrived.blood_bags)
    receiving = tabs.receiving
    qtbot.mouseClick(bills.receive_button, Qt.MouseButton.LeftButton)  # "receive this bill"
    assert window.tabs.currentWidget() is receiving
    _wait_for_bill(qtbot, receiving, arrived)
    *scanned, missing = arrived.blood_bags
    for bag in scanned:
        receiving_scene.scan(receiving, bag.blood_bag_id)
        assert receiving.scans.feedback.level in (FeedbackLevel.OK, FeedbackLevel.WARNING)
    receiving_scene.scan(receiving, scanned[0].blood_bag_id)  # the same bag again
    assert receiving.scans.feedback.level is FeedbackLevel.REFUSED
    assert receiving.scans.feedback.title() == receiving.scans.titles[Outcome.ALREADY_SCANNED]
    wrong = usable[0].blood_bag_id  # a bag of another bill, left on the counter
    receiving_scene.scan(receiving, wrong)
    assert receiving.scans.feedback.level is FeedbackLevel.REFUSED
    assert receiving.scans.feedback.title() == receiving.scans.titles[Outcome.NOT_EXPECTED]
    session = receiving.session
    assert session is not None
    counts = session.counts()
    assert (counts.received, counts.missing, counts.unexpected) == (len(scanned), 1, 1)
    rows = receiving.scans.model
    assert {_row_state(rows, bag.blood_bag_id) for bag in scanned} == {RowState.RECEIVED}
    assert _row_state(rows, missing.blood_bag_id) is RowState.AWAITED
    assert _row_state(rows, wrong) is RowState.UNEXPECTED
    first_receipt = _receive_with_missing(qtbot, receiving, [missing.blood_bag_id])
    [sent] = receiving_scene.receipts_named(state, first_receipt.number)
    assert (sent["type"], sent["refId"]) == (151, arrived.id)
    assert _ids_of(sent["bloodBags"]) == _ids(scanned)
    assert missing.blood_bag_id in sent["description"]
    assert wrong not in _ids_of(sent["bloodBags"])
    counter.check_deadline(0)  # receipts are not outflow

    # -- a seeded bill with an expired bag: its number scanned, the expired bag refused ----------
    counter.go_to(receiving)
    receiving_scene.scan(receiving, near_expiry.id)
    _wait_for_bill(qtbot, receiving, near_expiry)
    receiving_scene.scan(receiving, out_of_date[-1].blood_bag_id)
    assert receiving.scans.feedback.level is FeedbackLevel.REFUSED
    assert receiving.scans.feedback.title() == receiving.scans.titles[Outcome.EXPIRED]
    assert out_of_date[-1].blood_bag_id in receiving.scans.feedback.detail()
    assert _row_state(receiving.scans.model, out_of_date[-1].blood_bag_id) is RowState.REFUSED
    for bag in usable:
        receiving_scene.scan(receiving, bag.blood_bag_id)
        assert receiving.scans.feedback.level in (FeedbackLevel.OK, FeedbackLevel.WARNING)
    second_receipt = _receive_with_missing(qtbot, receiving, _ids(out_of_date))
    [sent] = receiving_scene.receipts_named(state, second_receipt.number)
    assert _ids_of(sent["bloodBags"]) == _ids(usable)
    for bag in out_of_date:
        assert bag.blood_bag_id in sent["description"]
    counter.check_deadline(0)

    # -- three bags for an A+ patient: two A+ red-cell bags go, a B+ one is refused --------------
    takeout = tabs.takeout
    counter.go_to(takeout)
    counter.db_idle()
    assert takeout.bags.ready
    takeout_scene.fill_request(qtbot, takeout)  # 王五, A, RhD positive, 2 U red cells
    for bag in (a_red, a_red_too):
        takeout_scene.scan(qtbot, takeout, bag)
        assert takeout_scene.feedback(takeout)[0] is FeedbackLevel.OK
    takeout_scene.scan(qtbot, takeout, b_red)
    level, text = takeout_scene.feedback(takeout)
    assert level is FeedbackLevel.REFUSED
    assert "ABO血型不相容" in text
    assert takeout.bags.model.bag_ids() == _ids([a_red, a_red_too])
    issued = takeout_scene.submit(qtbot, takeout)
    _wait_delivered(qtbot, lambda: takeout.delivery.tracker.item)
    [sent_takeout] = _platform_takeouts(state, issued.number)
    out_stock = sent_takeout["document"]["outStock"]
    assert (out_stock["type"], out_stock["depId"]) == (1005, DEPARTMENT.id)
    assert _ids_of(out_stock["details"]) == _ids([a_red, a_red_too])
    assert not _anywhere_on_takeouts(state, b_red.blood_bag_id), "nothing recorded for it"
    assert b_red.blood_bag_id in state.stock(TRAINING_HOSPITAL_ID)
    counter.check_deadline(0)

    # -- one of them cancelled: found, ticked, the reason given ------------------------------
    cancel = tabs.cancel
    counter.go_to(cancel)
    cancel_scene.find(qtbot, cancel, issued.number)
    listed = [
        cancel.bags_view.model().index(position, CancelColumn.BAG_ID).data()
        for position in range(cancel.bags_view.model().rowCount())
    ]
    assert sorted(listed) == sorted(_ids([a_red, a_red_too]))
    cancel_scene.tick_only(qtbot, cancel, listed.index(a_red_too.blood_bag_id))
    assert cancel.bags.checked_bag_ids() == [a_red_too.blood_bag_id]
    takeout_scene.type_text(qtbot, cancel.reason, CANCEL_REASON)
    cancel_scene.submit(qtbot, cancel)
    _wait_delivered(qtbot, lambda: cancel.delivery.tracker.item)
    [sent_cancel] = [
        c for c in state.snapshot()["cancels"] if c["hospital"] == TRAINING_HOSPITAL_ID
    ]
    document = sent_cancel["document"]
    assert (document["refId"], document["bloodBagIds"]) == (issued.number, [a_red_too.blood_bag_id])
    assert document["reason"] == CANCEL_REASON
    assert a_red_too.blood_bag_id in state.stock(TRAINING_HOSPITAL_ID)
    counter.check_deadline(0)

    # -- a transfer-in (1001) from another hospital, checked with the platform ------------------
    transferred = _transferred_to_us(state)
    counter.go_to(receiving)
    receiving.form.choose_type(ReceiveType.TRANSFER_IN)
    assert isinstance(receiving.session, TransferSession)
    assert receiving.form.choose_facility(TRANSFERRING_HOSPITAL)
    receiving.form.transfer_number.setText(TRANSFER_NUMBER)
    for bag_id in transferred:
        receiving_scene.scan(receiving, bag_id)
    qtbot.waitUntil(
        lambda: receiving.session is not None and not receiving.session.has_pending_checks(),
        timeout=WAIT_MS,
    )
    transfer_in = receiving_scene.submitted(receiving, qtbot)
    [sent] = receiving_scene.receipts_named(state, transfer_in.number)
    assert (sent["type"], sent["refId"], sent["disOrganId"]) == (
        1001,
        TRANSFER_NUMBER,
        TRANSFERRING_HOSPITAL,
    )
    assert _ids_of(sent["bloodBags"]) == transferred
    counter.check_deadline(0)

    # -- the ward returns the other bag issued this morning (1006) ---------------------------------
    receiving.form.choose_type(ReceiveType.DEPARTMENT_RETURN)
    qtbot.waitUntil(lambda: isinstance(receiving.session, ReturnSession), timeout=WAIT_MS)
    assert receiving.form.choose_department(DEPARTMENT.id)
    receiving_scene.scan(receiving, a_red.blood_bag_id)
    assert receiving.scans.feedback.level is FeedbackLevel.OK
    returned = receiving_scene.submitted(receiving, qtbot)
    [sent] = receiving_scene.receipts_named(state, returned.number)
    assert (sent["type"], sent["depId"]) == (1006, DEPARTMENT.id)
    assert _ids_of(sent["bloodBags"]) == [a_red.blood_bag_id]
    counter.check_deadline(0)

    # -- the platform goes down; a bill fetched before is received, a transfer-out registered ------
    late = state.dispatch_new_bill(bag_count=3)
    with qtbot.waitSignal(desk.bills_changed, timeout=WAIT_MS) as changed:
        desk.poll_now()
    assert changed.args == [[late.id]]
    counter.settle()
    platform.stop()
    counter.go_to(bills)
    takeout_scene.type_text(qtbot, bills.number_field, late.id)
    with qtbot.waitSignal(bills.bill_opened, timeout=WAIT_MS):  # kept here: no platform needed
        qtbot.keyClick(bills.number_field, Qt.Key.Key_Return)
    qtbot.keyClick(bills.number_field, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is receiving
    _wait_for_bill(qtbot, receiving, late)
    for bag in late.blood_bags:
        receiving_scene.scan(receiving, bag.blood_bag_id)
    before = receiving.delivery.tracker.item
    qtbot.keyClick(
        receiving.scans.scan_field, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
    )
    offline_receipt = receiving_scene.saved(receiving, qtbot, before)
    qtbot.waitUntil(lambda: desk.connection_state == ConnectionState.OFFLINE, timeout=WAIT_MS)
    status = window.status
    offline = translated("DeskStatusBar", "Offline: records are kept and sent later")
    assert status.connection.text() == f"{translated('DeskStatusBar', 'Training')} · {offline}"
    counter.db_idle()  # the shelf read again with the bill's bags
    counter.go_to(takeout)
    takeout_scene.choose(qtbot, takeout.kind, str(TakeoutType.TRANSFER_OUT.value))
    assert takeout.takeout_type() is TakeoutType.TRANSFER_OUT
    takeout_scene.pick(qtbot, takeout.hospital, RECEIVING_HOSPITAL)
    going = max(late.blood_bags, key=lambda bag: bag.expiration or now)
    takeout_scene.scan(qtbot, takeout, going)
    assert takeout_scene.feedback(takeout)[0] is FeedbackLevel.OK
    offline_takeout = takeout_scene.submit(qtbot, takeout)

    qtbot.waitUntil(
        lambda: desk.outbox_summary is not None and desk.outbox_summary.counts.waiting == 2,
        timeout=WAIT_MS,
    )
    outbox_text = translated(
        "DeskStatusBar", "Outbox: %1 waiting · %2 in doubt · %3 need attention"
    )
    expected = outbox_text.replace("%1", "2").replace("%2", "0").replace("%3", "0")
    assert status.outbox.text() == expected
    assert desk.connection_state == ConnectionState.OFFLINE
    assert status.connection.text() == f"{translated('DeskStatusBar', 'Training')} · {offline}"
    counter.check_deadline(1)
    waiting = [item for item in counter.items() if item.state is not DeliveryState.ACKNOWLEDGED]
    assert [item.seq for item in waiting] == [offline_receipt.seq, offline_takeout.seq]
    assert all(item.state is DeliveryState.PENDING for item in waiting)
    positions = jobs.db(lambda store: _positions(store, _ids(late.blood_bags)))
    assert positions.pop(going.blood_bag_id) is Position.TRANSFERRED_OUT
    assert set(positions.values()) == {Position.IN_STOCK}
    assert not receiving_scene.receipts_named(state, offline_receipt.number)
    assert not _platform_takeouts(state, offline_takeout.number)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    dialog = window.findChild(OutboxDialog)
    assert isinstance(dialog, OutboxDialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2, timeout=WAIT_MS)
    dialog.close()

    # -- the platform is back: everything goes, once ------------------------------------------
    platform.start()
    counter.settle()
    desk.drain_now(retry_now=True)
    qtbot.waitUntil(
        lambda: (
            desk.outbox_summary.counts.unacknowledged == 0
            and desk.connection_state == ConnectionState.ONLINE
        ),
        timeout=WAIT_MS,
    )
    counter.settle()
    counter.check_deadline(0)
    assert status.connection.text() == (
        f"{translated('DeskStatusBar', 'Training')} · {translated('DeskStatusBar', 'Online')}"
    )

    # -- the evening's reckoning: the platform holds every record once, and our shelf --------
    items = counter.items()
    assert {item.state for item in items} == {DeliveryState.ACKNOWLEDGED}
    numbers = {item.number for item in items}
    saved_today = [first_receipt, second_receipt, issued, transfer_in, returned]
    assert {item.number for item in [*saved_today, offline_receipt, offline_takeout]} <= numbers
    _check_delivered_exactly_once(items, state.snapshot())
    shelf = jobs.db(_on_shelf)
    assert state.stock(TRAINING_HOSPITAL_ID) == shelf
    counter.go_to(tabs.stock)
    qtbot.waitUntil(
        lambda: sorted(bag.bag_id for bag in tabs.stock.bags.rows()) == shelf, timeout=WAIT_MS
    )


# -- helpers ---------------------------------------------------------------------------------


def _expired(bag: HandoverDetailInfo, now: Any) -> bool:
    return bag.expiration is not None and bag.expiration <= now


def _ids(bags: list[HandoverDetailInfo]) -> list[str]:
    return [bag.blood_bag_id for bag in bags]


def _ids_of(lines: list[dict[str, Any]]) -> list[str]:
    return [line["bloodBagId"] for line in lines]


def _row_state(model: ReceivingModel, key: str) -> RowState | None:
    row = model.row_for(key)
    return None if row is None else row.state


def _wait_for_bill(qtbot: QtBot, tab: ReceivingTab, bill: HandoverInfo) -> None:
    def opened() -> bool:
        session = tab.session
        return isinstance(session, BillSession) and session.bill.id == bill.id

    qtbot.waitUntil(opened, timeout=WAIT_MS)


def _receive_with_missing(qtbot: QtBot, tab: ReceivingTab, missing: list[str]) -> OutboxItem:
    """Submit a bill's receipt with bags not received: the question names them, and is accepted."""
    seen: list[str] = []
    before = tab.delivery.tracker.item
    receiving_scene.answer_next_message_box(QMessageBox.StandardButton.Yes, seen)
    qtbot.keyClick(tab.scans.scan_field, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    item = receiving_scene.delivered(tab, qtbot, before)
    assert seen, "the clerk was asked about the missing bags"
    for bag_id in missing:
        assert bag_id in seen[1]
    return item


def _wait_delivered(qtbot: QtBot, tracked: Any) -> None:
    def acknowledged() -> bool:
        item = tracked()
        return item is not None and item.state is DeliveryState.ACKNOWLEDGED

    qtbot.waitUntil(acknowledged, timeout=WAIT_MS)


def _platform_takeouts(state: Any, number: str) -> list[dict[str, Any]]:
    return [
        t
        for t in state.snapshot()["takeouts"]
        if t["hospital"] == TRAINING_HOSPITAL_ID and t["document"]["outStock"]["refId"] == number
    ]


def _anywhere_on_takeouts(state: Any, bag_id: str) -> bool:
    return any(
        bag_id in _ids_of(t["document"]["outStock"]["details"])
        for t in state.snapshot()["takeouts"]
    )


def _transferred_to_us(state: Any) -> list[str]:
    """Another hospital receives a bill of its own, then transfers its bags to us (1002)."""
    bags = _ids(state.dispatch_new_bill(TRANSFERRING_HOSPITAL, 2).blood_bags)
    at = shanghai_now() - timedelta(minutes=5)
    bill = state.world.bag_bills[bags[0]]
    state.save_receive(TRANSFERRING_HOSPITAL, receipt_of(bill, bags, at, internalId="ZS-RK-0417"))
    state.save_takeout(
        TRANSFERRING_HOSPITAL,
        takeout_form(bags, 1002, at, refId=TRANSFER_NUMBER, otherhosId=TRAINING_HOSPITAL_ID),
    )
    return bags


def _positions(store: Store, bag_ids: list[str]) -> dict[str, Position | None]:
    with store.read() as conn:
        found = {bag_id: stock.bag(conn, bag_id) for bag_id in bag_ids}
    return {bag_id: bag.position if bag else None for bag_id, bag in found.items()}


def _on_shelf(store: Store) -> list[str]:
    with store.read() as conn:
        return sorted(bag.bag_id for bag in stock.on_shelf(conn))


def _check_delivered_exactly_once(items: list[OutboxItem], snapshot: dict[str, Any]) -> None:
    """Every document the desk saved is on the platform once, with its bags; nothing else is."""
    ours = {
        kind: [entry for entry in snapshot[kind] if entry["hospital"] == TRAINING_HOSPITAL_ID]
        for kind in ("receipts", "takeouts", "cancels")
    }
    by_kind = {kind: [item for item in items if item.kind is kind] for kind in DocumentKind}
    receipts = [entry["document"] for entry in ours["receipts"]]
    assert sorted(r["internalId"] for r in receipts) == sorted(
        item.number for item in by_kind[DocumentKind.RECEIVE]
    )
    for item in by_kind[DocumentKind.RECEIVE]:
        [sent] = [r for r in receipts if r["internalId"] == item.number]
        assert _ids_of(sent["bloodBags"]) == list(item.bag_ids)
    takeouts = [entry["document"]["outStock"] for entry in ours["takeouts"]]
    assert sorted(t["refId"] for t in takeouts) == sorted(
        item.number for item in by_kind[DocumentKind.TAKEOUT]
    )
    for item in by_kind[DocumentKind.TAKEOUT]:
        [sent] = [t for t in takeouts if t["refId"] == item.number]
        assert _ids_of(sent["details"]) == list(item.bag_ids)
    cancels = sorted(
        (entry["document"]["refId"], tuple(entry["document"]["bloodBagIds"]))
        for entry in ours["cancels"]
    )
    assert cancels == sorted((item.ref, item.bag_ids) for item in by_kind[DocumentKind.CANCEL])


def test_receive_this_bill_hands_the_bill_to_the_receiving_tab(
    counter: Counter, qtbot: QtBot
) -> None:
    counter.settle()
    bills, receiving = counter.tabs.bills, counter.tabs.receiving
    counter.go_to(bills)
    qtbot.waitUntil(lambda: bills.bill_list.rowCount() > 0, timeout=WAIT_MS)
    wanted = bills.bill_list.row(0).id
    with qtbot.waitSignal(bills.bill_opened, timeout=WAIT_MS):
        bills.open_bill(wanted)
    qtbot.mouseClick(bills.receive_button, Qt.MouseButton.LeftButton)
    assert counter.window.tabs.currentWidget() is receiving
    qtbot.waitUntil(
        lambda: isinstance(receiving.session, BillSession) and receiving.session.bill.id == wanted,
        timeout=WAIT_MS,
    )


def test_a_department_added_at_the_counter_can_return_bags_at_once(
    counter: Counter, qtbot: QtBot
) -> None:
    counter.settle()
    dictionaries, receiving = counter.tabs.dictionaries, counter.tabs.receiving
    counter.go_to(dictionaries)
    dictionaries.show_view("departments")
    actions = dictionaries.department_actions
    assert actions is not None
    actions.add(DEPARTMENT)
    departments = dictionaries.current.model
    qtbot.waitUntil(lambda: departments.rowCount() == 1, timeout=WAIT_MS)
    counter.settle()
    counter.go_to(receiving)
    receiving.form.choose_type(ReceiveType.DEPARTMENT_RETURN)
    counter.settle()
    assert receiving.form.choose_department(DEPARTMENT.id)


def test_the_desk_stays_offline_while_the_platform_is_down(counter: Counter, qtbot: QtBot) -> None:
    counter.settle()
    desk = counter.desk
    counter.jobs.training_platform().stop()
    desk.poll_now()
    qtbot.waitUntil(lambda: desk.connection_state == ConnectionState.OFFLINE, timeout=WAIT_MS)
    desk.drain_now()  # what the poll timer does next; the outbox holds nothing
    counter.settle()
    assert desk.connection_state == ConnectionState.OFFLINE
