"""A real desk for UI tests: a temporary data directory, the training platform, both workers.

`desk` is created as `desktop.ui.app` creates it (no platform configured, so
the net worker starts the training platform on loopback), started, and shut
down after the test; a test fails if the desk reported an error nobody
handled, or if a worker thread outlives it. `jobs` runs work on the desk's
workers and waits for the answer, for setting a scene up through the same
store and platform connection the tabs use.

`main_window` is the whole window as `desktop.ui.app.build_window` builds it
(six tabs, the status bar, the desk inside, an operator on duty, the Chinese
translations), shown and started; closing it shuts the desk down, and the
test fails if a worker thread or a timer outlives it. A module may override
`window_settings` to start it with other settings.
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from desk_jobs import DeskJobs
from PySide6.QtCore import QEvent, QLocale, QTimer, QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.config.settings import Settings, load_settings
from desktop.ui.app import DeskOptions, build_window
from desktop.ui.crash import CrashReporter
from desktop.ui.desk import Desk
from desktop.ui.main_window import MainWindow
from desktop.ui.operator import Operator

ON_DUTY = Operator("张三", "0123")


@pytest.fixture
def desk(qtbot: QtBot, tmp_path: Path) -> Iterator[Desk]:
    threads_before = _python_threads()
    reported: list[BaseException] = []
    settings = load_settings({"data_dir": tmp_path / "data"}, environ={})
    desk = Desk(settings, reported.append)
    with _garbage_collected_on_this_thread():
        desk.start()
        try:
            yield desk
        finally:
            desk.shutdown()
    assert desk.db._thread.isFinished(), "the db worker outlived the desk"
    assert desk.net._thread.isFinished(), "the net worker outlived the desk"
    qtbot.waitUntil(lambda: _python_threads() <= threads_before, timeout=5_000)
    assert not reported, f"the desk reported unhandled errors: {reported!r}"


@contextlib.contextmanager
def _garbage_collected_on_this_thread() -> Iterator[None]:
    """No automatic garbage collection while the workers run; collect here before and after.

    Python collects cycles on whichever thread happens to allocate, and a cycle
    holding a widget (a closed tab and the lambdas connected to it) collected on
    a worker or the training platform's thread deletes the widget off the UI
    thread, which crashes Qt. Anki's `aqt` disables the collector for this reason.
    """
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
        gc.collect()


def _python_threads() -> set[threading.Thread]:
    # A QThread that ran Python code shows up as a "dummy" thread that threading never
    # forgets; the workers' QThreads are checked with isFinished() instead.
    return {
        thread for thread in threading.enumerate() if not isinstance(thread, threading._DummyThread)
    }


@pytest.fixture
def jobs(desk: Desk, qtbot: QtBot) -> DeskJobs:
    return DeskJobs(desk, qtbot)


@pytest.fixture
def window_settings(tmp_path: Path) -> Settings:
    """The settings `main_window` is built with: a fresh data directory, the training platform."""
    return load_settings({"data_dir": tmp_path / "data"}, environ={})


class _RecordedCrashes(CrashReporter):
    """The window's crash reporter, keeping what it was told instead of showing a dialog."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.errors: list[BaseException] = []

    def report(self, error: BaseException) -> None:
        self.errors.append(error)


@pytest.fixture
def main_window(qtbot: QtBot, window_settings: Settings) -> Iterator[MainWindow]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    threads_before = _python_threads()
    translators_before = set(app.findChildren(QTranslator))
    locale_before = QLocale()
    crashes = _RecordedCrashes(app)
    reported = crashes.errors
    with _garbage_collected_on_this_thread():
        window = build_window(app, DeskOptions(window_settings, ON_DUTY), crashes)
        desk = window.desk
        window.show()
        qtbot.waitExposed(window)
        desk.start()
        try:
            yield window
        finally:
            window.close()  # the window shuts its desk down
            desk_running = [timer for timer in desk.findChildren(QTimer) if timer.isActive()]
            timers = [*window.findChildren(QTimer), *desk.findChildren(QTimer)]
            _forget_translators(app, translators_before, locale_before)
            # Deliver what the workers finished, then delete the window and all it holds.
            QApplication.processEvents()
            window.deleteLater()
            desk.deleteLater()
            crashes.deleteLater()
            QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert desk.db._thread.isFinished(), "the db worker outlived the window"
    assert desk.net._thread.isFinished(), "the net worker outlived the window"
    qtbot.waitUntil(lambda: _python_threads() <= threads_before, timeout=5_000)
    assert not [timer for timer in timers if shiboken6.isValid(timer)], "timers outlived it"
    assert not desk_running, "the desk's timers ran on after it was shut down"
    assert not reported, f"the window reported unhandled errors: {reported!r}"


def _forget_translators(app: QApplication, before: set[QTranslator], locale: QLocale) -> None:
    """Take out what `build_window` installed, so later tests see the source language."""
    for translator in set(app.findChildren(QTranslator)) - before:
        app.removeTranslator(translator)
        translator.deleteLater()
    QLocale.setDefault(locale)
