"""The global exception hook: a bug is logged and shown, never a silent or vanished window."""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from types import TracebackType

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QApplication, QMessageBox

log = logging.getLogger("blood-desk.crash")


class CrashReporter(QObject):
    """Receives uncaught exceptions from any thread and shows them on the UI thread."""

    _reported = Signal(str, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._reported.connect(self._show, Qt.ConnectionType.QueuedConnection)
        self._showing = False

    def install(self) -> None:
        sys.excepthook = self._excepthook
        threading.excepthook = self._thread_excepthook

    def report(self, error: BaseException) -> None:
        self._excepthook(type(error), error, error.__traceback__)

    def _excepthook(
        self, kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        details = "".join(traceback.format_exception(kind, error, tb))
        log.error("uncaught exception:\n%s", details)
        self._reported.emit(f"{kind.__name__}: {error}", details)

    def _thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            self._excepthook(args.exc_type, args.exc_value, args.exc_traceback)

    @Slot(str, str)
    def _show(self, summary: str, details: str) -> None:
        if self._showing or QApplication.instance() is None:
            return
        self._showing = True
        try:
            box = QMessageBox(QApplication.activeWindow())
            box.setIcon(QMessageBox.Icon.Critical)
            box.setWindowTitle(self.tr("blood-desk: unexpected error"))
            box.setText(
                self.tr(
                    "An unexpected error occurred. Your saved records are safe. "
                    "Please tell hospital IT and give them the details below."
                )
            )
            box.setInformativeText(summary)
            box.setDetailedText(details)
            box.exec()
        finally:
            self._showing = False
