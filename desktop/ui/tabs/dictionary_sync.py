"""The "sync now" button of the dictionaries tab: fetch every dictionary without blocking the desk.

The sync runs on the net worker: fetching 50,000 diseases takes seconds, and
the serial db worker must stay free for the searches the clerk keeps typing.
`sync_dictionaries` needs a store and a client at once, so the job opens its
own `Store` on the net worker's thread; SQLite's WAL lets the db worker go on
reading while the dictionaries are replaced, each in one transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QPushButton, QWidget

from desktop.ui.desk import Desk, NoticeLevel
from desktop.ui.tabs.problems import show_problem

if TYPE_CHECKING:
    from desktop.connection import Connection

_NAMES: Final[Mapping[str, tuple[str, str]]] = {
    "blood": ("血液品种", "products"),
    "blood_type": ("品种大类", "classes"),
    "blood_sub_type": ("品种中类", "sub-classes"),
    "facility": ("机构", "facilities"),
    "disease": ("疾病", "diseases"),
}


def _sync_job(data_dir: Path) -> Callable[[Connection], dict[str, int]]:
    def work(connection: Connection) -> dict[str, int]:
        from desktop.store.database import Store  # noqa: PLC0415 - loaded with the worker
        from desktop.store.sync import sync_dictionaries  # noqa: PLC0415

        with Store.open(data_dir) as store:
            return sync_dictionaries(store, connection.client)

    return work


def _synced_summary(counts: Mapping[str, int]) -> tuple[str, str]:
    """ "字典已同步：血液品种 29 条，…" in Chinese and English."""
    shown = [(name, counts[name]) for name in _NAMES if name in counts]
    zh = "，".join(f"{_NAMES[name][0]} {count} 条" for name, count in shown)
    en = ", ".join(f"{count} {_NAMES[name][1]}" for name, count in shown)
    return f"字典已同步：{zh}。", f"Dictionaries synced: {en}."


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
        self._desk.run_net(_sync_job(self._desk.settings.data_dir), self._synced, self._failed)

    def _synced(self, counts: dict[str, int]) -> None:
        self._idle()
        self._desk.show_notice(NoticeLevel.INFO, *_synced_summary(counts))
        self._desk.dictionaries_changed.emit()
        self.finished.emit(True)

    def _failed(self, error: BaseException) -> None:
        self._idle()
        show_problem(self._desk, error)
        self.finished.emit(False)

    def _idle(self) -> None:
        self.button.setEnabled(True)
        self.button.setText(self.tr("S&ync now"))
        self.progress.hide()
