"""The bills tab (发血单): the blood station's handover bills, newest first, and one bill's content.

A bill that arrives while the desk is open (`Desk.bills_changed`) is hard to
miss: its row turns green, a banner in the tab names it, the window's status
line says so, and the tab's title counts the bills not yet opened. Opening a
bill (Enter on its row, or its number scanned or typed into the field at the
top) shows its bags and sums; a bill the desk has not kept yet is fetched
from the platform and kept. "Receive this bill" hands the bill to the
receiving tab through `receive_requested`.

Keyboard: the number field has the focus when the tab is entered, so a scan
lands there; Down moves into the list, Enter opens the chosen bill, Ctrl+L
goes back to the number field, Ctrl+R asks to receive the open bill.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.models import HandoverInfo
from desktop.store import bills, dictionaries
from desktop.store.bills import BillState, BillSummary
from desktop.store.times import shanghai_now
from desktop.ui.desk import Desk, NoticeLevel
from desktop.ui.models.bill_models import (
    BillBagModel,
    BillColumn,
    BillListModel,
    BillSumModel,
)
from desktop.ui.models.table import OBJECT_ROLE, SortProxy
from desktop.ui.tabs.bill_arrivals import NewBillBanner, TabTitleCount
from desktop.ui.tabs.problems import show_problem
from desktop.ui.tabs.tables import read_only_table

if TYPE_CHECKING:
    from desktop.connection import Connection
    from desktop.store.database import Store

BILLS_LISTED: Final = 500
"""The latest bills listed; an older one is opened by its number."""
EXPIRY_REFRESH_MS: Final = 60_000


@dataclass(frozen=True)
class _Bill:
    info: HandoverInfo
    product_names: dict[str, str]


def _product_names(store: Store) -> dict[str, str]:
    return {
        blood.id: blood.full_name for blood in dictionaries.bloods(store, include_unavailable=True)
    }


def _load_bill(bill_id: str) -> Callable[[Store], _Bill | None]:
    def work(store: Store) -> _Bill | None:
        info = bills.bill(store, bill_id)
        return None if info is None else _Bill(info, _product_names(store))

    return work


def _keep_bill(info: HandoverInfo) -> Callable[[Store], _Bill]:
    def work(store: Store) -> _Bill:
        bills.save_bill(store, info)
        return _Bill(info, _product_names(store))

    return work


def _list_bills(store: Store) -> list[BillSummary]:
    return bills.bills(store, limit=BILLS_LISTED)


class BillsTab(QWidget):
    """The handover bills; `receive_requested(bill_id)` asks for the receiving tab."""

    receive_requested = Signal(str)
    bill_opened = Signal(str)
    """A bill's bags and sums are shown (tests and the status line wait on it)."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self._open_id: str | None = None
        self.bill_list = BillListModel(self)
        self.bags = BillBagModel(shanghai_now(), self)
        self.sums = BillSumModel(self)
        self.number_field = QLineEdit()
        self.number_field.setPlaceholderText(self.tr("Scan or type a bill number, then Enter"))
        self.number_field.returnPressed.connect(self._number_entered)
        self.banner = NewBillBanner(self)
        self.banner.open_requested.connect(self.open_bill)
        self.banner.dismissed.connect(self._all_seen)
        self.title_count = TabTitleCount(self)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.heading = QLabel(self.tr("Choose a bill and press Enter to see its bags."))
        self.heading.setWordWrap(True)
        self.receive_button = QPushButton(self.tr("Recei&ve this bill (Ctrl+R)"))
        self.receive_button.setEnabled(False)
        self.receive_button.clicked.connect(self.request_receive)
        self.list_view = read_only_table(
            SortProxy(self.bill_list, self), BillColumn.DELIVER_TIME, Qt.SortOrder.DescendingOrder
        )
        self.list_view.activated.connect(self._row_activated)
        self.bag_view = read_only_table(SortProxy(self.bags, self))
        self.sum_view = read_only_table(SortProxy(self.sums, self))
        self._lay_out()
        for first, second in (
            (self.number_field, self.list_view),
            (self.list_view, self.receive_button),
            (self.receive_button, self.bag_view),
            (self.bag_view, self.sum_view),
        ):
            QWidget.setTabOrder(first, second)
        self.number_field.installEventFilter(self)
        self._shortcut("Ctrl+R", self.request_receive)
        self._shortcut("Ctrl+L", self._focus_number_field)
        self._expiry_timer = QTimer(self)
        self._expiry_timer.setInterval(EXPIRY_REFRESH_MS)
        self._expiry_timer.timeout.connect(lambda: self.bags.set_now(shanghai_now()))
        self._expiry_timer.start()
        desk.bills_changed.connect(self._bills_arrived)
        desk.stock_changed.connect(self.refresh)
        desk.dictionaries_changed.connect(self._reload_open_bill)

    def _lay_out(self) -> None:
        label = QLabel(self.tr("Bill &number:"))
        label.setBuddy(self.number_field)
        top = QHBoxLayout()
        top.addWidget(label)
        top.addWidget(self.number_field, 1)
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        heading_row = QHBoxLayout()
        heading_row.addWidget(self.heading, 1)
        heading_row.addWidget(self.receive_button)
        detail_layout.addLayout(heading_row)
        contents = QSplitter(Qt.Orientation.Vertical)
        contents.addWidget(self.bag_view)
        contents.addWidget(self.sum_view)
        contents.setStretchFactor(0, 3)
        contents.setStretchFactor(1, 1)
        detail_layout.addWidget(contents)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.list_view)
        split.addWidget(detail)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addWidget(self.status)
        layout.addWidget(split, 1)

    def _shortcut(self, keys: str, slot: Callable[[], object]) -> None:
        shortcut = QShortcut(QKeySequence(keys), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(slot)

    # -- the list ------------------------------------------------------------------------

    def refresh(self) -> None:
        """Bring the list up to date: changed rows repaint, arrivals are inserted."""
        self._desk.run_db(_list_bills, self._show_list, self._failed)

    def _show_list(self, summaries: list[BillSummary]) -> None:
        self.bill_list.merge_rows(summaries, key=lambda summary: summary.id)
        self._show_heading()

    def _bills_arrived(self, new_ids: list[str]) -> None:
        self.bill_list.mark_new(new_ids)
        self.refresh()
        self.banner.announce(new_ids)
        self.title_count.show_count(self.bill_list.new_count)
        newest = new_ids[-1]  # the dispatch list comes oldest first, as the banner reads it
        self._desk.show_notice(
            NoticeLevel.INFO,
            f"收到血站新发血单 {newest}" + (f" 等 {len(new_ids)} 张" if len(new_ids) > 1 else ""),
            f"New handover bill {newest} from the blood station"
            + (f" and {len(new_ids) - 1} more" if len(new_ids) > 1 else ""),
        )

    def _all_seen(self) -> None:
        self.bill_list.mark_all_seen()
        self.title_count.show_count(0)

    def _row_activated(self, index: QModelIndex) -> None:
        summary = index.siblingAtColumn(0).data(OBJECT_ROLE)
        if isinstance(summary, BillSummary):
            self.open_bill(summary.id)

    # -- one bill ------------------------------------------------------------------------

    def open_bill(self, bill_id: str) -> None:
        """Show bill `bill_id`; fetch it from the platform if it is not kept here."""
        self._say(self.tr("Opening bill %1…").replace("%1", bill_id))
        self._desk.run_db(
            _load_bill(bill_id), lambda bill: self._loaded(bill_id, bill), self._failed
        )

    def _loaded(self, bill_id: str, bill: _Bill | None) -> None:
        if bill is not None:
            self._show_bill(bill)
            return
        self._say(self.tr("Bill %1 is not kept here; asking the platform…").replace("%1", bill_id))

        def fetch(connection: Connection) -> HandoverInfo:
            return connection.client.list_bill_detail(bill_id)

        self._desk.run_net(fetch, self._fetched, self._failed)

    def _fetched(self, info: HandoverInfo) -> None:
        self._desk.run_db(_keep_bill(info), self._kept, self._failed)

    def _kept(self, bill: _Bill) -> None:
        self.refresh()
        self._show_bill(bill)

    def _show_bill(self, bill: _Bill) -> None:
        info = bill.info
        self._open_id = info.id
        self.bags.set_now(shanghai_now())
        self.bags.set_product_names(bill.product_names)
        self.bags.set_rows(info.blood_bags)
        self.sums.set_rows(info.sums)
        self.bill_list.mark_seen(info.id)
        self.banner.seen(info.id)
        self.title_count.show_count(self.bill_list.new_count)
        self._select_in_list(info.id)
        self._say("")
        self._show_heading()
        self.bill_opened.emit(info.id)

    def _reload_open_bill(self) -> None:
        if self._open_id is not None:
            self._desk.run_db(_load_bill(self._open_id), self._reloaded, self._failed)

    def _reloaded(self, bill: _Bill | None) -> None:
        if bill is not None and bill.info.id == self._open_id:
            self.bags.set_product_names(bill.product_names)

    def _show_heading(self) -> None:
        if self._open_id is None:
            return
        position = self.bill_list.position_of_bill(self._open_id)
        summary = None if position is None else self.bill_list.row(position)
        bag_count = self.bags.rowCount()
        text = self.tr("Bill %1 · %2 bags").replace("%1", self._open_id)
        text = text.replace("%2", str(bag_count))
        if summary is not None:
            dispatched = summary.deliver_time.strftime("%Y-%m-%d %H:%M")
            text += " · " + self.tr("dispatched %1").replace("%1", dispatched)
            text += " · " + self.bill_list.state_text(summary.state)
            if summary.remark:
                text += " · " + summary.remark
        self.heading.setText(text)
        received = summary is not None and summary.state is BillState.RECEIVED
        self.receive_button.setEnabled(not received and bag_count > 0)

    def _select_in_list(self, bill_id: str) -> None:
        position = self.bill_list.position_of_bill(bill_id)
        if position is None:
            return
        proxy = self.list_view.model()
        assert isinstance(proxy, SortProxy)
        index = proxy.mapFromSource(self.bill_list.index(position, 0))
        self.list_view.setCurrentIndex(index)
        self.list_view.scrollTo(index)

    def request_receive(self) -> None:
        if self._open_id is not None and self.receive_button.isEnabled():
            self.receive_requested.emit(self._open_id)

    @property
    def open_bill_id(self) -> str | None:
        return self._open_id

    # -- keyboard and messages -----------------------------------------------------------

    def _number_entered(self) -> None:
        bill_id = self.number_field.text().strip()
        if bill_id:
            self.number_field.clear()
            self.open_bill(bill_id)

    def _focus_number_field(self) -> None:
        self.number_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.number_field.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        down = (
            watched is self.number_field
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Down
        )
        if down and self.list_view.model().rowCount():
            self.list_view.setFocus(Qt.FocusReason.OtherFocusReason)
            if not self.list_view.currentIndex().isValid():
                self.list_view.selectRow(0)
        return down

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        # A receipt in progress elsewhere changes a bill's state without a signal.
        self.refresh()
        self._focus_number_field()

    def _failed(self, error: BaseException) -> None:
        self._say(show_problem(self._desk, error) or self.tr("That did not work."), error=True)

    def _say(self, message: str, *, error: bool = False) -> None:
        self.status.setText(message)
        self.status.setStyleSheet("color: #b00020" if error else "")
        self.status.setVisible(bool(message))
