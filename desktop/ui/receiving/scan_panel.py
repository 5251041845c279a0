"""The scanning half of the receiving tab: scan field, result panel, counts and the table.

`show_verdict` is the hot path of every scan: it swaps the panel's texts, plays
a sound and changes one row of the table. Scrolling the table to that row
repaints the whole table (ten times the cost of the panel), so it waits for a
pause in the scanning (`REVEAL_DELAY_MS`): the panel answers at once, the
table follows between bags, once per burst.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.i18n import pick
from desktop.ui.models.receiving_models import (
    Column,
    ReceivingFilter,
    ReceivingModel,
    ReceivingRow,
)
from desktop.ui.models.table import OBJECT_ROLE
from desktop.ui.receiving.session import Counts, Outcome, ScanVerdict
from desktop.ui.scan_feedback import FeedbackLevel, FeedbackSounds, ScanFeedback
from desktop.ui.scanner import ScanField

REVEAL_DELAY_MS = 40


class ScanPanel(QWidget):
    """Where scans go in and their results come out."""

    remove_requested = Signal(str)
    """The clerk took this row back (the bag id, or the scan text of a row naming no bag)."""

    def __init__(self, sounds: FeedbackSounds, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._sounds = sounds
        self._reveal_key: str | None = None
        self._reveal_timer = QTimer(self)
        self._reveal_timer.setSingleShot(True)
        self._reveal_timer.setInterval(REVEAL_DELAY_MS)
        self._reveal_timer.timeout.connect(self.catch_up)
        self.titles = self._outcome_titles()
        self.scan_field = ScanField()
        self.scan_field.setPlaceholderText(self.tr("Scan a bag's bar codes, or type a bag id"))
        self.feedback = ScanFeedback()
        self.counts = QLabel()
        self.model = ReceivingModel(self)
        self.proxy = ReceivingFilter(self.model, self)
        self.view = self._table()
        self.only_open = QCheckBox(self.tr("Show only bags still needing wor&k"))
        self.only_open.toggled.connect(self.proxy.show_only_open)
        remove = QPushButton(self.tr("Re&move the selected row (Del)"))
        remove.clicked.connect(self._remove_selected)
        QShortcut(QKeySequence(Qt.Key.Key_Delete), self.view, self._remove_selected)
        scan_caption = QLabel(self.tr("Sc&an"))
        scan_caption.setBuddy(self.scan_field)
        scan_row = QHBoxLayout()
        scan_row.addWidget(scan_caption)
        scan_row.addWidget(self.scan_field)
        tools = QHBoxLayout()
        tools.addWidget(self.counts, 1)
        tools.addWidget(self.only_open)
        tools.addWidget(remove)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(scan_row)
        layout.addWidget(self.feedback)
        layout.addLayout(tools)
        layout.addWidget(self.view, 1)

    def _outcome_titles(self) -> dict[Outcome, str]:
        """The result panel's big title per scan outcome."""
        return {
            Outcome.RECEIVED: self.tr("Received"),
            Outcome.RECEIVED_WITH_WARNINGS: self.tr("Received: read the warning"),
            Outcome.LABEL_AGREES: self.tr("Label agrees"),
            Outcome.LABEL_DISAGREES: self.tr("Label disagrees with the record"),
            Outcome.PRODUCT_MISMATCH: self.tr("Product code does not match"),
            Outcome.SCAN_PRODUCT_CODE: self.tr("Scan the product code"),
            Outcome.SCAN_DIN: self.tr("Scan the DIN"),
            Outcome.CHECKING: self.tr("Checking with the platform…"),
            Outcome.NOT_EXPECTED: self.tr("Not on this bill"),
            Outcome.ALREADY_SCANNED: self.tr("Already scanned"),
            Outcome.ALREADY_RECEIVED: self.tr("Already received"),
            Outcome.EXPIRED: self.tr("Expired: set it aside"),
            Outcome.DO_NOT_USE: self.tr("Do not use: set it aside"),
            Outcome.UNKNOWN_PRODUCT: self.tr("Unknown product code"),
            Outcome.UNKNOWN_TO_PLATFORM: self.tr("Unknown to the platform"),
            Outcome.DUPLICATE_RECORDS: self.tr("Duplicate bag records"),
            Outcome.BAD_CHECK_CHARACTER: self.tr("Wrong check character: scan again"),
            Outcome.UNREADABLE: self.tr("Not readable: scan again"),
        }

    def _table(self) -> QTableView:
        view = QTableView()
        view.setModel(self.proxy)
        view.setSortingEnabled(True)
        view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # One line per cell and no row numbers: less to lay out on every repaint.
        view.setWordWrap(False)
        view.verticalHeader().hide()
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in ((Column.STATE, 110), (Column.BAG_ID, 200), (Column.PRODUCT, 220)):
            view.setColumnWidth(column, width)
        # Rows are fixed height, so a table of a thousand bags never measures its rows.
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
        return view

    # -- feeding --------------------------------------------------------------------------

    def load(self, rows: Sequence[ReceivingRow], product_names: Mapping[str, str]) -> None:
        self._reveal_timer.stop()
        self._reveal_key = None
        self.model.set_product_names(product_names)
        self.model.set_rows(rows)
        self.feedback.reset()

    def show_verdict(self, verdict: ScanVerdict, title: str) -> None:
        self.feedback.show_result(verdict.level, title, pick(verdict.detail.zh, verdict.detail.en))
        self._sounds.play(verdict.level)
        if verdict.replaces is not None:
            self.model.remove_key(verdict.replaces)
        if verdict.row is not None:
            self.model.put_row(verdict.row)
        focus = verdict.row.key if verdict.row is not None else verdict.focus
        if focus is not None:
            self._reveal_key = focus
            self._reveal_timer.start()

    def show_message(self, level: FeedbackLevel, title: str, detail: str) -> None:
        self.feedback.show_result(level, title, detail)
        self._sounds.play(level)

    def show_counts(self, counts: Counts) -> None:
        parts = []
        if counts.expected is not None:
            parts.append(self.tr("Expected %1").replace("%1", str(counts.expected)))
        parts.append(self.tr("Received %1").replace("%1", str(counts.received)))
        if counts.expected is not None:
            parts.append(self.tr("Missing %1").replace("%1", str(counts.missing)))
            parts.append(self.tr("Not on the bill %1").replace("%1", str(counts.unexpected)))
        parts.append(self.tr("Refused %1").replace("%1", str(counts.refused)))
        if counts.checking:
            parts.append(self.tr("Checking %1").replace("%1", str(counts.checking)))
        self.counts.setText(" · ".join(parts))

    def catch_up(self) -> None:
        """Bring the table to the last row a scan changed (after a pause in the scanning)."""
        self._reveal_timer.stop()
        key, self._reveal_key = self._reveal_key, None
        if key is not None:
            self.reveal(key)

    def reveal(self, key: str) -> None:
        """Scroll to the row of `key` and select it, so the clerk sees which bag it was."""
        position = self.model.key_position(key)
        if position is None:
            return
        index = self.proxy.mapFromSource(self.model.index(position, 0))
        if not index.isValid():
            return
        self.view.scrollTo(index)
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.view.selectionModel().select(index, flags)

    def _remove_selected(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return
        row = self.proxy.data(rows[0], OBJECT_ROLE)
        if isinstance(row, ReceivingRow):
            self.remove_requested.emit(row.key)
