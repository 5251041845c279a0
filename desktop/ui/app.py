"""Start the desk: the window first, then everything slow behind it.

The window is shown and painted before the store, the platform client and the
training platform are loaded (they are imported by the workers), so the clerk
sees the desk at once.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from desktop import __version__
from desktop.config.settings import Settings
from desktop.ui.crash import CrashReporter
from desktop.ui.desk import Desk
from desktop.ui.garbage import UiThreadGarbageCollector
from desktop.ui.i18n import install_translators
from desktop.ui.main_window import MainWindow
from desktop.ui.operator import Operator
from desktop.ui.tabs import desk_tabs


@dataclass(frozen=True)
class DeskOptions:
    settings: Settings
    operator: Operator | None = None
    language: str | None = None


def build_window(app: QApplication, options: DeskOptions, crash: CrashReporter) -> MainWindow:
    install_translators(app, options.language or str(options.settings.language))
    desk = Desk(options.settings, crash.report)
    window = MainWindow(desk, desk_tabs())
    if options.operator is not None:
        desk.set_operator(options.operator)
    return window


def run_desk(options: DeskOptions, argv: Sequence[str] = ()) -> int:
    app = QApplication.instance() or QApplication([sys.argv[0], *argv])
    assert isinstance(app, QApplication)
    app.setApplicationName("blood-desk")
    app.setApplicationVersion(__version__)
    crash = CrashReporter(app)
    crash.install()
    collector = UiThreadGarbageCollector(app)
    window = build_window(app, options, crash)
    window.show()
    QTimer.singleShot(0, window.desk.start)
    if window.desk.operator is None:
        QTimer.singleShot(0, window.choose_operator)
    try:
        return app.exec()
    finally:
        collector.stop()
