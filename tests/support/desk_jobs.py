"""Run work on a desk's workers from a UI test and wait for the answer; scenes set up that way."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from pytestqt.qtbot import QtBot

from desktop.domain.models import HandoverInfo
from desktop.store.audit import Operator
from desktop.store.outbox import Outbox
from desktop.ui.desk import Desk

if TYPE_CHECKING:
    from desktop.connection import Connection
    from desktop.store.database import Store
    from desktop.training.platform import TrainingPlatform
    from desktop.training.state import PlatformState

T = TypeVar("T")

JOB_TIMEOUT_MS = 30_000
SETTLE_TIMEOUT_MS = 60_000


class DeskJobs:
    """Run work on the desk's workers from a test and wait for its result."""

    def __init__(self, desk: Desk, qtbot: QtBot) -> None:
        self.desk = desk
        self.qtbot = qtbot

    def db(self, work: Callable[[Store], T]) -> T:
        return self._wait(lambda done, failed: self.desk.run_db(work, done, failed))

    def net(self, work: Callable[[Connection], T]) -> T:
        return self._wait(lambda done, failed: self.desk.run_net(work, done, failed))

    def settle(self) -> None:
        """Wait until neither worker has work: the desk's start-up poll and sync are done."""
        self.qtbot.waitUntil(
            lambda: not self.desk.db.busy and not self.desk.net.busy, timeout=SETTLE_TIMEOUT_MS
        )

    def training_platform(self) -> TrainingPlatform:
        """The training platform the desk's net worker started."""
        connection = self.net(lambda connection: connection)
        assert connection.training is not None, "the desk is not on the training platform"
        return connection.training

    def training(self) -> PlatformState:
        """The training platform's state (thread-safe: every operation takes its lock)."""
        return self.training_platform().state

    def _wait(self, submit: Callable[[Callable[[Any], None], Callable[[Any], None]], None]) -> Any:
        outcome: list[tuple[bool, Any]] = []
        submit(lambda result: outcome.append((True, result)), lambda e: outcome.append((False, e)))
        self.qtbot.waitUntil(lambda: bool(outcome), timeout=JOB_TIMEOUT_MS)
        succeeded, value = outcome[0]
        if not succeeded:
            raise value
        return value


CLERK = Operator("张三", "zhangsan")


def receive_whole_bill(store: Store, info: HandoverInfo) -> None:
    """Receive every bag of bill `info` through the outbox, as the receiving tab does."""
    now = store.now()
    receive = {
        "type": 151,
        "refId": info.id,
        "receiver": CLERK.staff_number,
        "createTime": now,
        "receiveTime": now,
        "bloodBags": [{"bloodBagId": bag.blood_bag_id} for bag in info.blood_bags],
    }
    Outbox(store, "counter-1").submit_receive(receive, info.blood_bags, CLERK)
