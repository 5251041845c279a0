"""取消出库: undo a takeout this desk recorded, for all of its bags or some of them.

The clerk finds the takeout by its number or by the patient (name, ID number,
visit or record number), ticks the bags to cancel (Space, or "tick all"),
gives the reason, and submits with Ctrl+Enter. The operator and the time are
filled in. The cancellation goes to the outbox, puts the bags back on the
shelf, and its delivery is followed below.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from functools import partial

from PySide6.QtCore import QItemSelection, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.dates import SHANGHAI
from desktop.domain.models import CancelTakeout
from desktop.domain.validation import FieldError, validate
from desktop.store.outbox_items import OutboxItem
from desktop.ui.desk import Desk, NoticeLevel
from desktop.ui.latest_query import LatestQuery
from desktop.ui.models.cancel_models import (
    CancelBag,
    CancelBagsModel,
    FoundTakeout,
    TakeoutHistoryModel,
)
from desktop.ui.models.table import OBJECT_ROLE, SortProxy
from desktop.ui.operator import describe
from desktop.ui.tabs.problems import show_problem
from desktop.ui.takeout.counter import DeliveryLine, ask_operator, show_failure
from desktop.ui.takeout.form_fields import FieldErrors
from desktop.ui.takeout.history import CancelSubmission, cancel_bags, find_takeouts, submit_cancel

SEARCH_DELAY_MS = 250


def _table(model: SortProxy) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    # Size columns from the rows on screen only: measuring every row of a 1,000-bag
    # table (Chinese text layout) on each change stalled the window for seconds.
    header.setResizeContentsPrecision(0)
    header.setStretchLastSection(True)
    return view


class CancelTab(QWidget):
    """Find a takeout, tick its bags, give the reason, submit."""

    def __init__(self, desk: Desk) -> None:
        super().__init__()
        self._desk = desk
        self._busy = False
        self._chosen: FoundTakeout | None = None
        self._queries = LatestQuery(desk)
        general = QLabel()
        self.errors = FieldErrors(general)
        self.search = QLineEdit()
        self.search.setPlaceholderText(
            self.tr("Takeout number, or the patient's name, ID number, visit or record number")
        )
        self.found = TakeoutHistoryModel(self)
        self.found_view = _table(SortProxy(self.found, self))
        self.bags = CancelBagsModel(self)
        self.bags_view = _table(SortProxy(self.bags, self))
        self.reason = QLineEdit()
        self.reason.setMaxLength(200)
        self.who = QLabel()
        self.delivery = DeliveryLine(desk, self.tr("Last cancellation: %1"))
        self.submit_button = QPushButton(self.tr("Canc&el the ticked bags (Ctrl+Enter)"))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.search_now)
        self._layout(general)
        self._connect()
        self._show_who()
        self.search_now()

    def _layout(self, general: QLabel) -> None:
        find_label = QLabel(self.tr("&Find takeout"))
        find_label.setBuddy(self.search)
        bags_label = QLabel(self.tr("Ba&gs (Space ticks; ticked bags are cancelled)"))
        bags_label.setBuddy(self.bags_view)
        reason_label = QLabel(self.tr("Reason for cance&lling"))
        reason_label.setBuddy(self.reason)
        self.all_button = QPushButton(self.tr("Tick &all"))
        self.none_button = QPushButton(self.tr("Tick &none"))
        ticks = QHBoxLayout()
        ticks.addWidget(bags_label)
        ticks.addWidget(self.all_button)
        ticks.addWidget(self.none_button)
        ticks.addStretch()
        reason_row = QHBoxLayout()
        reason_row.addWidget(reason_label)
        reason_row.addWidget(self.reason, stretch=1)
        reason_row.addWidget(self.who)
        reason_row.addWidget(self.submit_button)
        layout = QVBoxLayout(self)
        layout.addWidget(find_label)
        layout.addWidget(self.search)
        layout.addWidget(self.found_view, stretch=1)
        layout.addLayout(ticks)
        layout.addWidget(self.bags_view, stretch=1)
        layout.addWidget(self.errors.add("bloodBagIds", self.bags_view))
        layout.addLayout(reason_row)
        layout.addWidget(self.errors.add("reason", self.reason))
        layout.addWidget(general)
        layout.addWidget(self.delivery)
        self.errors.alias("refId", "bloodBagIds")

    def _connect(self) -> None:
        self.search.textChanged.connect(self._timer.start)
        self.search.returnPressed.connect(self.search_now)
        selection = self.found_view.selectionModel()
        selection.selectionChanged.connect(self._choice_changed)
        self.all_button.clicked.connect(lambda: self.bags.check_all(True))
        self.none_button.clicked.connect(lambda: self.bags.check_all(False))
        self.submit_button.clicked.connect(self.submit)
        self._desk.operator_changed.connect(self._show_who)
        self._desk.stock_changed.connect(self.search_now)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.submit)

    def _show_who(self) -> None:
        operator = self._desk.operator
        who = describe(operator) if operator is not None else self.tr("nobody (F2)")
        self.who.setText(self.tr("Operator: %1; time: when submitted").replace("%1", who))

    # -- finding --------------------------------------------------------------------------

    def search_now(self) -> None:
        """Search with the text in the search field (empty: the recent takeouts)."""
        work = partial(
            find_takeouts,
            workstation=self._desk.settings.workstation,
            text=self.search.text(),
            now=datetime.now(SHANGHAI),
        )
        self._queries.ask(work, self._show_found, self._read_failed)

    def _show_found(self, found: list[FoundTakeout]) -> None:
        chosen = self._chosen.record.ref_id if self._chosen else None
        self.found.set_rows(found)
        position = self.found.position_of(lambda row: row.record.ref_id == chosen)
        if position is None and len(found) == 1:
            position = 0
        if position is not None:
            proxy = self.found_view.model()
            assert isinstance(proxy, SortProxy)
            self.found_view.selectRow(proxy.mapFromSource(self.found.index(position, 0)).row())
        elif chosen is not None:
            self._choose(None)

    def _choice_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        row = indexes[0].data(OBJECT_ROLE) if indexes else None
        self._choose(row if isinstance(row, FoundTakeout) else None)

    def _choose(self, found: FoundTakeout | None) -> None:
        # The same takeout found again (the stock changed meanwhile): keep the clerk's ticks.
        same = (
            found is not None
            and self._chosen is not None
            and (found.record.ref_id == self._chosen.record.ref_id)
        )
        self._chosen = found
        if not same:
            self.errors.clear()
            self.bags.set_rows([])
        if found is not None:
            ticked = self.bags.checked_bag_ids() if same else []
            self._desk.run_db(
                partial(cancel_bags, ref_id=found.record.ref_id),
                partial(self._show_bags, ticked=ticked),
                self._read_failed,
            )

    def _show_bags(self, rows: list[CancelBag], ticked: list[str]) -> None:
        # Nothing is ticked to begin with: a cancellation names its bags on purpose.
        self.bags.set_rows(rows)
        self.bags.check(ticked)

    # -- cancelling -----------------------------------------------------------------------

    def submit(self) -> None:
        if self._busy:
            return
        operator = self._desk.operator
        if operator is None:
            ask_operator(self._desk, self, self.submit)
            return
        self.errors.clear()
        if self._chosen is None:
            self._show_errors([_NOTHING_CHOSEN])
            return
        data = {
            "refId": self._chosen.record.ref_id,
            "reason": self.reason.text().strip(),
            "time": datetime.now(SHANGHAI),
            "user": operator.staff_number,
            "bloodBagIds": self.bags.checked_bag_ids(),
        }
        result = validate(CancelTakeout, data)
        if not result.ok:
            self._show_errors(result.errors)
            return
        self._busy = True
        self.submit_button.setEnabled(False)
        submission = CancelSubmission(self._desk.settings.workstation, data, operator)
        self._desk.run_db(partial(submit_cancel, submission=submission), self._saved, self._failed)

    def _show_errors(self, errors: Sequence[FieldError]) -> None:
        first = self.errors.show(errors)
        if first is not None:
            first.setFocus()

    def _saved(self, item: OutboxItem) -> None:
        self._busy = False
        self.submit_button.setEnabled(True)
        self.delivery.track(item)
        self.reason.clear()
        self._desk.show_notice(
            NoticeLevel.INFO,
            f"出库单 {item.ref} 的取消已保存（{len(item.bag_ids)} 袋回库），等待上传平台。",
            f"Cancellation of takeout {item.ref} saved ({len(item.bag_ids)} bags back in "
            "stock); it will be sent to the platform.",
        )
        self._desk.stock_changed.emit()
        self._desk.drain_now()

    def _failed(self, error: BaseException) -> None:
        self._busy = False
        self.submit_button.setEnabled(True)
        show_failure(self._desk, self.errors, error)

    def _read_failed(self, error: BaseException) -> None:
        show_problem(self._desk, error)


_NOTHING_CHOSEN = FieldError(
    "refId",
    "请先在上方找到并选中要取消的出库单。",
    "Find and select the takeout to cancel first.",
)
