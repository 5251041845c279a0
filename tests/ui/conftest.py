"""A real desk for UI tests: a temporary data directory, the training platform, both workers.

`desk` is created as `desktop.ui.app` creates it (no platform configured, so
the net worker starts the training platform on loopback), started, and shut
down after the test; a test fails if the desk reported an error nobody
handled, or if a worker thread outlives it. `jobs` runs work on the desk's
workers and waits for the answer, for setting a scene up through the same
store and platform connection the tabs use.
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from desk_jobs import DeskJobs
from pytestqt.qtbot import QtBot

from desktop.config.settings import load_settings
from desktop.ui.desk import Desk


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
