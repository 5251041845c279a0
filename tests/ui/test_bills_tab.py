"""The bills tab against a real desk and the training platform: arrivals, opening, receiving."""

from __future__ import annotations

import pytest
from desk_jobs import DeskJobs, receive_whole_bill
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTabWidget
from pytestqt.qtbot import QtBot

from desktop.store import bills
from desktop.ui.desk import Desk
from desktop.ui.models.bill_models import BagColumn, BillColumn
from desktop.ui.models.table import NEW_ROW_BACKGROUND, OBJECT_ROLE
from desktop.ui.tabs.bills import BillsTab

POLL_TIMEOUT_MS = 30_000

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def window(qtbot: QtBot, desk: Desk) -> QTabWidget:
    """The tab inside a tab widget, as the main window holds it, so its title can count."""
    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    tabs.addTab(QLabel("字典"), "&Dictionaries")
    tabs.addTab(BillsTab(desk), "Incoming &bills")
    return tabs


@pytest.fixture
def tab(window: QTabWidget) -> BillsTab:
    page = window.widget(1)
    assert isinstance(page, BillsTab)
    return page


@pytest.fixture
def polled(qtbot: QtBot, tab: BillsTab, jobs: DeskJobs) -> BillsTab:
    """The tab after the desk's start-up poll: the training hospital's recent bills listed."""
    jobs.settle()
    qtbot.waitUntil(lambda: tab.bill_list.rowCount() > 0)
    assert tab.banner.isVisibleTo(tab), "the first poll announces the bills it found"
    tab.banner.dismiss()
    return tab


def listed_ids(tab: BillsTab) -> list[str]:
    proxy = tab.list_view.model()
    return [proxy.index(row, BillColumn.ID).data() for row in range(proxy.rowCount())]


def test_bills_are_listed_newest_first(polled: BillsTab, jobs: DeskJobs) -> None:
    kept = jobs.db(bills.bills)
    assert listed_ids(polled) == [summary.id for summary in kept]
    times = [summary.deliver_time for summary in kept]
    assert times == sorted(times, reverse=True)
    assert polled.bill_list.data(polled.bill_list.index(0, BillColumn.STATE)) == "New"


def test_a_new_bill_is_noticed_and_listed_first(
    qtbot: QtBot, desk: Desk, window: QTabWidget, polled: BillsTab, jobs: DeskJobs
) -> None:
    notices: list[str] = []
    desk.notice.connect(lambda _level, message: notices.append(message))
    arrived = jobs.training().dispatch_new_bill(bag_count=4)
    with qtbot.waitSignal(desk.bills_changed, timeout=POLL_TIMEOUT_MS) as changed:
        desk.poll_now()
    assert changed.args == [[arrived.id]]
    qtbot.waitUntil(lambda: listed_ids(polled)[:1] == [arrived.id])
    model = polled.bill_list
    position = model.position_of_bill(arrived.id)
    assert position is not None
    assert model.data(model.index(position, 0), Qt.ItemDataRole.BackgroundRole) == (
        NEW_ROW_BACKGROUND
    )
    assert polled.banner.isVisibleTo(polled)
    assert arrived.id in polled.banner.message.text()
    assert any(arrived.id in notice for notice in notices), "the window's status line is told"
    assert window.tabText(1) == "Incoming &bills (1)"
    with qtbot.waitSignal(polled.bill_opened):
        polled.banner.open_button.click()
    assert polled.open_bill_id == arrived.id
    assert not polled.banner.isVisibleTo(polled)
    assert window.tabText(1) == "Incoming &bills"
    assert model.data(model.index(position, 0), Qt.ItemDataRole.BackgroundRole) is None


def test_a_received_bill_repaints_only_its_row(
    qtbot: QtBot, desk: Desk, polled: BillsTab, jobs: DeskJobs
) -> None:
    wanted = listed_ids(polled)[2]
    info = jobs.db(lambda store: bills.bill(store, wanted))
    assert info is not None
    jobs.db(lambda store: receive_whole_bill(store, info))
    model = polled.bill_list
    position = model.position_of_bill(wanted)
    repainted: list[tuple[int, int]] = []
    model.dataChanged.connect(
        lambda first, last, _roles: repainted.append((first.row(), last.row()))
    )
    with qtbot.assertNotEmitted(model.modelReset), qtbot.waitSignal(model.dataChanged):
        desk.stock_changed.emit()
    assert repainted == [(position, position)]
    assert model.data(model.index(position, BillColumn.STATE)) == "Received"
    n = len(info.blood_bags)
    assert model.data(model.index(position, BillColumn.BAGS)) == f"{n} / {n}"


def test_open_a_bill_by_typing_its_number(qtbot: QtBot, polled: BillsTab, jobs: DeskJobs) -> None:
    wanted = jobs.db(bills.bills)[-1].id
    info = jobs.db(lambda store: bills.bill(store, wanted))
    assert info is not None
    polled.number_field.setText(f"  {wanted} ")
    with qtbot.waitSignal(polled.bill_opened) as opened:
        qtbot.keyClick(polled.number_field, Qt.Key.Key_Return)
    assert opened.args == [wanted]
    assert polled.number_field.text() == ""
    assert polled.bags.rowCount() == len(info.blood_bags)
    assert polled.sums.rowCount() == len(info.sums)
    first = polled.bags.index(0, BagColumn.PRODUCT_NAME)
    assert polled.bags.data(polled.bags.index(0, 0), OBJECT_ROLE) == info.blood_bags[0]
    assert polled.bags.data(polled.bags.index(0, BagColumn.ABO)).endswith(("型", "不详"))
    assert first.isValid()
    assert wanted in polled.heading.text()
    selected = polled.list_view.currentIndex()
    assert selected.siblingAtColumn(BillColumn.ID).data() == wanted


def test_a_bill_not_kept_is_fetched_from_the_platform(
    qtbot: QtBot, tab: BillsTab, jobs: DeskJobs
) -> None:
    arrived = jobs.training().dispatch_new_bill(bag_count=3)
    assert jobs.db(lambda store: bills.bill(store, arrived.id)) is None
    tab.number_field.setText(arrived.id)
    with qtbot.waitSignal(tab.bill_opened, timeout=POLL_TIMEOUT_MS):
        qtbot.keyClick(tab.number_field, Qt.Key.Key_Enter)
    assert tab.bags.rowCount() == 3
    kept = jobs.db(lambda store: bills.bill(store, arrived.id))
    assert kept is not None
    assert [bag.blood_bag_id for bag in kept.blood_bags] == [
        bag.blood_bag_id for bag in arrived.blood_bags
    ]
    qtbot.waitUntil(lambda: arrived.id in listed_ids(tab))


def test_an_unknown_number_is_explained(qtbot: QtBot, desk: Desk, tab: BillsTab) -> None:
    errors: list[str] = []
    desk.notice.connect(lambda level, message: errors.append(message) if level == "error" else None)
    tab.number_field.setText("FX19990101-9999")
    qtbot.keyClick(tab.number_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(errors), timeout=POLL_TIMEOUT_MS)
    assert tab.status.isVisibleTo(tab)
    assert tab.status.text() == errors[0]
    assert tab.open_bill_id is None


def test_receive_this_bill_asks_for_the_receiving_tab(
    qtbot: QtBot, window: QTabWidget, polled: BillsTab
) -> None:
    window.setCurrentIndex(1)
    window.show()
    qtbot.waitExposed(window)
    assert not polled.receive_button.isEnabled()
    wanted = listed_ids(polled)[0]
    with qtbot.waitSignal(polled.bill_opened):
        polled.open_bill(wanted)
    assert polled.receive_button.isEnabled()
    with qtbot.waitSignal(polled.receive_requested) as requested:
        qtbot.keyClick(polled.number_field, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert requested.args == [wanted]


def test_down_from_the_number_field_then_enter_opens_a_row(
    qtbot: QtBot, window: QTabWidget, polled: BillsTab
) -> None:
    window.setCurrentIndex(1)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(polled.number_field.hasFocus)
    qtbot.keyClick(polled.number_field, Qt.Key.Key_Down)
    view = polled.list_view
    assert view.hasFocus()
    assert view.currentIndex().row() == 0
    qtbot.keyClick(view, Qt.Key.Key_Down)
    with qtbot.waitSignal(polled.bill_opened) as opened:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert opened.args == [listed_ids(polled)[1]]


def test_the_tab_renders_with_chinese_text(qtbot: QtBot, polled: BillsTab) -> None:
    with qtbot.waitSignal(polled.bill_opened):
        polled.open_bill(listed_ids(polled)[0])
    polled.banner.announce(["FX20261128-0099"])
    polled.resize(1200, 800)
    assert not polled.grab().isNull()
