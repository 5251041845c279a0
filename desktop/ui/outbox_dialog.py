"""The outbox list: what is still owed to the platform, and the refused records the clerk must settle.

A refused record shows the platform's message and its document (the spec's
wire JSON). The clerk corrects it and resends it under the same number, or
withdraws it with a reason, which also takes back the records held behind it
and undoes their effect on the local stock. Both are audited by the store.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.delivery import DeliveryState
from desktop.store.audit import Operator
from desktop.store.outbox import Outbox
from desktop.store.outbox_items import OutboxItem, OutboxRefusal
from desktop.ui.desk import Desk
from desktop.ui.i18n import pick
from desktop.ui.models.outbox_models import OutboxModel, error_text, kind_label
from desktop.ui.models.table import OBJECT_ROLE, SortProxy

if TYPE_CHECKING:
    from desktop.store.database import Store

_OPEN = (DeliveryState.PENDING, DeliveryState.IN_DOUBT, DeliveryState.NEEDS_ATTENTION)


class OutboxDialog(QDialog):
    """Non-modal; refreshed whenever the desk's outbox changes."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Outbox"))
        self.resize(1000, 620)
        self._desk = desk
        self.model = OutboxModel(self)
        self.proxy = SortProxy(self.model, self)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.show_all = QCheckBox(self.tr("Show &delivered and withdrawn records too"))
        self.show_all.toggled.connect(self.refresh)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.document = QPlainTextEdit()
        self.document.setPlaceholderText(self.tr("Choose a record to see its document."))
        self.resend = QPushButton(self.tr("&Resend corrected"))
        self.withdraw_button = QPushButton(self.tr("&Withdraw…"))
        self.send_now = QPushButton(self.tr("&Send now"))
        self.resend.clicked.connect(self.resend_corrected)
        self.withdraw_button.clicked.connect(self.withdraw)
        self.send_now.clicked.connect(lambda: desk.drain_now(retry_now=True))
        self._layout()
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_current())
        desk.outbox_changed.connect(lambda _summary: self.refresh())
        self.refresh()

    def _layout(self) -> None:
        details = QWidget()
        detail_layout = QVBoxLayout(details)
        detail_layout.addWidget(self.message)
        detail_layout.addWidget(self.document)
        buttons = QHBoxLayout()
        for button in (self.resend, self.withdraw_button):
            buttons.addWidget(button)
        buttons.addStretch()
        buttons.addWidget(self.send_now)
        detail_layout.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(details)
        layout = QVBoxLayout(self)
        layout.addWidget(self.show_all)
        layout.addWidget(splitter)
        self._show_current()

    # -- data ------------------------------------------------------------------------

    def refresh(self) -> None:
        states = None if self.show_all.isChecked() else _OPEN
        workstation = self._desk.settings.workstation
        self._desk.run_db(lambda store: Outbox(store, workstation).items(states), self._loaded)

    def _loaded(self, items: list[OutboxItem]) -> None:
        current = self.current()
        self.model.merge_rows(items, key=lambda item: item.seq)
        if current is not None:
            self.select(current.seq)
        self._show_current()

    def current(self) -> OutboxItem | None:
        index = self.table.currentIndex()
        item = index.data(OBJECT_ROLE) if index.isValid() else None
        return item if isinstance(item, OutboxItem) else None

    def select(self, seq: int) -> None:
        position = self.model.position_of(lambda item: item.seq == seq)
        if position is None:
            return
        index = self.proxy.mapFromSource(self.model.index(position, 0))
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )

    def _show_current(self) -> None:
        item = self.current()
        refused = item is not None and item.state == DeliveryState.NEEDS_ATTENTION
        self.resend.setEnabled(refused)
        self.withdraw_button.setEnabled(refused)
        self.document.setReadOnly(not refused)
        if item is None:
            self.message.clear()
            self.document.clear()
            return
        self.message.setText(f"{kind_label(item.kind)} {item.number}: {error_text(item)}")
        workstation = self._desk.settings.workstation
        self._desk.run_db(
            lambda store: Outbox(store, workstation).stored_wire(item.seq),
            lambda wire: self._show_document(item.seq, wire),
        )

    def _show_document(self, seq: int, wire: dict[str, Any]) -> None:
        current = self.current()
        if current is not None and current.seq == seq:
            self.document.setPlainText(json.dumps(wire, ensure_ascii=False, indent=2, default=str))

    # -- the clerk's corrections ----------------------------------------------------------

    def _operator(self) -> Operator | None:
        operator = self._desk.operator
        if operator is None:
            QMessageBox.warning(
                self, self.windowTitle(), self.tr("Choose the operator on duty first (F2).")
            )
            return None
        return operator

    def resend_corrected(self) -> None:
        item, operator = self.current(), self._operator()
        if item is None or operator is None:
            return
        try:
            corrected = json.loads(self.document.toPlainText())
        except json.JSONDecodeError as error:
            self.message.setText(
                self.tr("The document is not valid JSON (line %1): %2")
                .replace("%1", str(error.lineno))
                .replace("%2", error.msg)
            )
            return
        workstation = self._desk.settings.workstation

        def fix(store: Store) -> list[str]:
            return Outbox(store, workstation).fix_and_resend(item.seq, corrected, operator)

        self._desk.run_db(fix, lambda _changed: self._corrected(), self._refused)

    def _corrected(self) -> None:
        self._desk.refresh_outbox()
        self._desk.drain_now(retry_now=True)

    def withdraw(self) -> None:
        item, operator = self.current(), self._operator()
        if item is None or operator is None:
            return
        reason, given = QInputDialog.getText(
            self,
            self.tr("Withdraw a record"),
            self.tr(
                "Withdrawing takes this record back, with the records held behind it, and "
                "undoes their effect on the local stock. Reason:"
            ),
        )
        if not given or not reason.strip():
            return
        workstation = self._desk.settings.workstation

        def take_back(store: Store) -> list[OutboxItem]:
            return Outbox(store, workstation).withdraw(item.seq, reason.strip(), operator)

        self._desk.run_db(take_back, self._withdrawn, self._refused)

    def _withdrawn(self, taken_back: list[OutboxItem]) -> None:
        self.message.setText(
            self.tr("Withdrawn: %1").replace("%1", ", ".join(item.number for item in taken_back))
        )
        self._desk.stock_changed.emit()
        self._desk.refresh_outbox()

    def _refused(self, error: BaseException) -> None:
        if isinstance(error, OutboxRefusal):
            self.message.setText(pick(error.message_zh, error.message_en))
        else:
            self._desk.platform_failed(error)
