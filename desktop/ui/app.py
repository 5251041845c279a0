"""Start the desk: the window first, then everything slow behind it.

The window is shown and painted before the store, the platform client and the
training platform are loaded (they are imported by the workers), so the clerk
sees the desk at once.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QWidget

from desktop import __version__
from desktop.config.resources import resource_path
from desktop.config.settings import Settings
from desktop.ui.crash import CrashReporter
from desktop.ui.desk import Desk
from desktop.ui.garbage import UiThreadGarbageCollector
from desktop.ui.i18n import install_translators
from desktop.ui.main_window import MainWindow
from desktop.ui.operator import Operator
from desktop.ui.tabs import tab_factories, tab_titles


@dataclass(frozen=True)
class DeskOptions:
    settings: Settings
    operator: Operator | None = None
    language: str | None = None


def build_window(
    app: QApplication, options: DeskOptions, crash: CrashReporter, *, with_tabs: bool = True
) -> MainWindow:
    """The window; `with_tabs=False` leaves the tabs to `build_tabs` after the first paint."""
    install_translators(app, options.language or str(options.settings.language))
    app.setWindowIcon(QIcon(str(resource_path("icons", "blood-desk-256.png"))))
    desk = Desk(options.settings, crash.report)
    window = MainWindow(desk, tab_titles(), tab_factories)
    if with_tabs:
        window.build_tabs()
    if options.operator is not None:
        desk.set_operator(options.operator)
    return window


class _FirstPaint(QObject):
    """Calls back once, just after `watched` has painted for the first time."""

    def __init__(self, watched: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(watched)
        self._callback = callback
        watched.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._callback)
        return False


def after_first_paint(window: QWidget, callback: Callable[[], None]) -> None:
    _FirstPaint(window, callback)


def _finish_start(window: MainWindow) -> None:
    # Measured by tests/bench/bench_startup.py: the moment the clerk sees the desk.
    if os.environ.get("BLOOD_DESK_EXIT_AFTER_FIRST_PAINT"):
        print(f"first-paint {time.time():.6f}", flush=True)
        QApplication.quit()
        return
    window.build_tabs()
    window.desk.start()
    if window.desk.operator is None:
        window.choose_operator()


def run_desk(options: DeskOptions, argv: Sequence[str] = ()) -> int:
    app = QApplication.instance() or QApplication([sys.argv[0], *argv])
    assert isinstance(app, QApplication)
    app.setApplicationName("blood-desk")
    app.setApplicationVersion(__version__)
    crash = CrashReporter(app)
    crash.install()
    collector = UiThreadGarbageCollector(app)
    window = build_window(app, options, crash, with_tabs=False)
    after_first_paint(window, lambda: _finish_start(window))
    window.show()
    try:
        return app.exec()
    finally:
        collector.stop()
