"""The "sync now" button of the dictionaries tab: the desk's dictionary sync, with a busy bar.

A failure is the desk's own error notice; the button only learns that the sync is over.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QPushButton, QWidget

from desktop.ui.desk import Desk, NoticeLevel


class DictionarySyncButton(QWidget):
    """ "Sync now" and a busy bar while the sync runs; `finished(ok)` when it is over."""

    finished = Signal(bool)

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self.button = QPushButton(self.tr("S&ync now"))
        self.button.setToolTip(self.tr("Fetch every dictionary from the platform"))
        self.button.clicked.connect(self.sync)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(120)
        self.progress.setTextVisible(False)
        self.progress.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.progress)
        layout.addWidget(self.button)

    @property
    def running(self) -> bool:
        return not self.button.isEnabled()

    def sync(self) -> None:
        if self.running:
            return
        self.button.setEnabled(False)
        self.button.setText(self.tr("Syncing…"))
        self.progress.show()
        self._desk.sync_dictionaries(on_done=self._over)

    def _over(self, synced: bool) -> None:
        self.button.setEnabled(True)
        self.button.setText(self.tr("S&ync now"))
        self.progress.hide()
        if synced:
            self._desk.show_notice(NoticeLevel.INFO, "字典已同步。", "The dictionaries are synced.")
        self.finished.emit(synced)
