"""Run work on a desk's workers from a UI test and wait for the answer."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from pytestqt.qtbot import QtBot

from desktop.ui.desk import Desk

if TYPE_CHECKING:
    from desktop.connection import Connection
    from desktop.store.database import Store
    from desktop.training.state import PlatformState

T = TypeVar("T")

JOB_TIMEOUT_MS = 30_000


class DeskJobs:
    """Run work on the desk's workers from a test and wait for its result."""

    def __init__(self, desk: Desk, qtbot: QtBot) -> None:
        self.desk = desk
        self.qtbot = qtbot

    def db(self, work: Callable[[Store], T]) -> T:
        return self._wait(lambda done, failed: self.desk.run_db(work, done, failed))

    def net(self, work: Callable[[Connection], T]) -> T:
        return self._wait(lambda done, failed: self.desk.run_net(work, done, failed))

    def training(self) -> PlatformState:
        """The training platform's state (thread-safe: every operation takes its lock)."""
        connection = self.net(lambda connection: connection)
        assert connection.training is not None, "the desk is not on the training platform"
        return connection.training.state

    def _wait(self, submit: Callable[[Callable[[Any], None], Callable[[Any], None]], None]) -> Any:
        outcome: list[tuple[bool, Any]] = []
        submit(lambda result: outcome.append((True, result)), lambda e: outcome.append((False, e)))
        self.qtbot.waitUntil(lambda: bool(outcome), timeout=JOB_TIMEOUT_MS)
        succeeded, value = outcome[0]
        if not succeeded:
            raise value
        return value
