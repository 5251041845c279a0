"""The last receipt: where it stands with the platform, and its slip to print or file as PDF.

`DeliveryView` shows the receipt's delivery state (saved, waiting, sent, in
doubt, needs attention) as the outbox moves it on.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QWidget

from desktop.domain.delivery import DeliveryState
from desktop.store.outbox_items import OutboxItem
from desktop.ui.desk import Desk
from desktop.ui.i18n import pick
from desktop.ui.receiving.receipt import ReceiptPrinter, ReceiptSlip
from desktop.ui.receiving.submission import DeliveryTracker

_STATE_STYLES: Final = {
    DeliveryState.PENDING: "background: #fff9c4; color: black; padding: 4px;",
    DeliveryState.IN_DOUBT: "background: #ffb300; color: black; padding: 4px;",
    DeliveryState.NEEDS_ATTENTION: "background: #c62828; color: white; padding: 4px;",
    DeliveryState.ACKNOWLEDGED: "background: #c8e6c9; color: black; padding: 4px;",
    DeliveryState.WITHDRAWN: "background: #e0e0e0; color: black; padding: 4px;",
}


class DeliveryView(QWidget):
    """The last receipt: its number, where it stands with the platform, print and PDF.

    It follows the receipt's outbox item (`DeliveryTracker`) until the platform has it.
    """

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = QLabel(self.tr("No receipt submitted yet"))
        self.state.setWordWrap(True)
        self._slip: ReceiptSlip | None = None
        self._printer = ReceiptPrinter(self)
        self.tracker = DeliveryTracker(desk, self)
        self.tracker.changed.connect(self._show_item)
        self._print = QPushButton(self.tr("Print rec&eipt (Ctrl+P)"))
        self._pdf = QPushButton(self.tr("Save as PD&F (Ctrl+Shift+S)"))
        self._print.clicked.connect(self.print_receipt)
        self._pdf.clicked.connect(self.save_pdf)
        for button in (self._print, self._pdf):
            button.setEnabled(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.state, 1)
        layout.addWidget(self._print)
        layout.addWidget(self._pdf)

    @property
    def slip(self) -> ReceiptSlip | None:
        return self._slip

    def show_receipt(self, item: OutboxItem, slip: ReceiptSlip) -> None:
        self._slip = slip
        self.tracker.track(item)
        for button in (self._print, self._pdf):
            button.setEnabled(True)

    def print_receipt(self) -> bool:
        """Print the slip through the print dialog; False if none or the clerk cancelled."""
        if self._slip is None:
            return False
        return self._printer.print_with_dialog(self._slip, self)

    def save_pdf(self, path: Path | None = None) -> Path | None:
        """Save the slip as PDF at `path`, or where the clerk chooses; None if not saved."""
        slip = self._slip
        if slip is None:
            return None
        if path is None:
            chosen, _filter = QFileDialog.getSaveFileName(
                self, self.tr("Save the receipt as PDF"), f"{slip.number}.pdf", "PDF (*.pdf)"
            )
            if not chosen:
                return None
            path = Path(chosen)
        self._printer.save_pdf(slip, path)
        return path

    def _show_item(self, item: OutboxItem) -> None:
        state = pick(item.state.label.zh, item.state.label.en)
        text = self.tr("Receipt %1 saved · %2").replace("%1", item.number).replace("%2", state)
        if item.error is not None and item.state.unacknowledged:
            text += "\n" + pick(item.error.message_zh, item.error.message_en)
        self.state.setText(text)
        self.state.setStyleSheet(_STATE_STYLES[item.state])
        self.state.setProperty("deliveryState", item.state.value)
