"""The window step of `--self-test`: open the real main window headless, let it work, close it."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from desktop.config.settings import load_settings
from desktop.ui.app import DeskOptions, build_window
from desktop.ui.crash import CrashReporter
from desktop.ui.desk import ConnectionState
from desktop.ui.operator import Operator

_RUN_MS = 20_000


def open_and_close_window() -> str:
    """Build, show and close the window against a fresh training platform; what it saw."""
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    with tempfile.TemporaryDirectory(prefix="blood-desk-self-test-window-") as folder:
        settings = load_settings({"data_dir": Path(folder)}, environ={})
        window = build_window(
            app, DeskOptions(settings, Operator("自检", "self-test")), CrashReporter(app)
        )
        window.show()
        window.desk.connection_changed.connect(lambda state: _quit_when_online(app, state))
        QTimer.singleShot(0, window.desk.start)
        QTimer.singleShot(_RUN_MS, app.quit)
        app.exec()
        online = window.desk.connection_state == ConnectionState.ONLINE
        tabs = window.tabs.count()
        window.close()  # shuts the desk's workers down
    if not online:
        raise RuntimeError(f"the window did not get online within {_RUN_MS / 1000:.0f} s")
    return f"window with {tabs} tabs shown, online, closed"


def _quit_when_online(app: QApplication, state: str) -> None:
    if state == ConnectionState.ONLINE:
        app.quit()
