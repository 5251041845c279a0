"""The "sync now" button of the dictionaries tab: the desk's dictionary sync, with a busy bar.

`Desk.sync_dictionaries` runs on the net worker and says nothing to its caller:
success is `Desk.dictionaries_changed`, a failure is the desk's own error
notice. To know when it is over either way, the button queues an empty job on
the same net worker right behind it: the worker runs its jobs in order, so
when that job reports back, the sync has finished and its outcome is known.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QPushButton, QWidget

from desktop.ui.desk import Desk, NoticeLevel


def _nothing(_context: object) -> None:
    return None


class DictionarySyncButton(QWidget):
    """ "Sync now" and a busy bar while the sync runs; `finished(ok)` when it is over."""

    finished = Signal(bool)

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self._changed = False
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
        desk.dictionaries_changed.connect(self._dictionaries_changed)

    @property
    def running(self) -> bool:
        return not self.button.isEnabled()

    def sync(self) -> None:
        if self.running:
            return
        self._changed = False
        self.button.setEnabled(False)
        self.button.setText(self.tr("Syncing…"))
        self.progress.show()
        self._desk.sync_dictionaries()
        # Straight on the worker, not `run_net`: an empty job must not mark the desk online.
        self._desk.net.submit(_nothing, self._over, self._over)

    def _dictionaries_changed(self) -> None:
        self._changed = True

    def _over(self, _outcome: object) -> None:
        self.button.setEnabled(True)
        self.button.setText(self.tr("S&ync now"))
        self.progress.hide()
        if self._changed:
            self._desk.show_notice(NoticeLevel.INFO, "字典已同步。", "The dictionaries are synced.")
        self.finished.emit(self._changed)
