"""The drain: send what the outbox holds, in order, and file each answer the platform gives.

No threads here: the window runs `drain()` on its network worker, the command
line runs it in place. Each answer decides the item's fate:

| answer | item becomes | the drain |
|---|---|---|
| success (cancel: `success`) | acknowledged | goes on |
| `Refused` (400 / SOAP Client fault), cancel `fail` | needs attention, never resent | goes on |
| `OutcomeUnknown`, `MalformedAnswer` | in doubt: resent under the same number after a backoff | goes on |
| `NetworkError`, `ServerError`, `Unavailable`, other | pending, retried after a backoff | stops: the platform is down |
| `CredentialsRejected`, `Forbidden` | untouched; the whole queue pauses | stops |

A resend is safe because the platform treats the same `internalId`/`refId`
(or the same cancellation of the same bags) idempotently. Nothing here looks at
business days: every unacknowledged item, today's or last week's, is sent as
soon as its turn comes.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

from desktop.domain.backoff import Backoff
from desktop.domain.models import CancelTakeout, Receive, TakeoutListForm
from desktop.platform.client import CANCEL_SUCCESS, PlatformClient
from desktop.platform.errors import (
    CredentialsRejected,
    Forbidden,
    MalformedAnswer,
    OutcomeUnknown,
    PlatformError,
    Refused,
    Unavailable,
)
from desktop.store.database import Store
from desktop.store.outbox import Outbox
from desktop.store.outbox_items import ItemError, OutboxItem, Pause
from desktop.store.times import Clock, shanghai_now


class StopReason(StrEnum):
    PLATFORM_DOWN = "platform_down"
    """A network or server failure: the rest waits for the backoff."""
    PAUSED = "paused"
    """The platform rejected the hospital's credentials."""
    MAX_ITEMS = "max_items"
    DEADLINE = "deadline"


@dataclass
class DrainReport:
    """What one drain did."""

    acknowledged: list[int] = field(default_factory=list)
    needs_attention: list[int] = field(default_factory=list)
    in_doubt: list[int] = field(default_factory=list)
    retry_later: list[int] = field(default_factory=list)
    faults: Counter[str] = field(default_factory=Counter)
    """Failed attempts by error type."""
    stopped: StopReason | None = None
    """Why the drain ended with items still ready; None when it ran out of work."""
    error: ItemError | None = None
    """The failure that stopped it, for the status bar."""
    platform_retry_at: datetime | None = None
    """When the platform will be tried again after it was found down."""
    pause: Pause | None = None

    @property
    def attempts(self) -> int:
        return len(self.acknowledged) + sum(self.faults.values())


class _CancelFailed(PlatformError):  # noqa: N818 - named as the platform's answer
    """The platform answered `fail` to a cancellation: it cancelled nothing."""


def _cancel_failed(cancel: CancelTakeout) -> _CancelFailed:
    return _CancelFailed(
        f"平台答复取消出库失败（fail），没有取消任何血袋：出库单 {cancel.ref_id} 在平台上不存在，"
        "或血袋不在该单上、已取消、已被调入医院接收或已退回。请核对后修改或撤回",
        f"the platform answered fail to the cancellation and cancelled nothing: takeout "
        f"{cancel.ref_id} is unknown to it, or a bag is not on it, already cancelled, received by "
        "the other hospital or returned; check, then correct or withdraw it",
        platform_message="fail",
    )


@contextmanager
def _answers_without_fsync(store: Store) -> Iterator[None]:
    """Write the platform's answers without waiting for the disk on each (WAL, synchronous=NORMAL).

    An answer lost to a power cut costs nothing but a resend, which the
    platform answers as a duplicate: the item goes back to what it was before
    the send. What the clerk saves is written with the store's full sync, and
    the next such commit makes the answers before it durable too.
    """
    store.conn.execute("PRAGMA synchronous = NORMAL")
    try:
        yield
    finally:
        store.conn.execute("PRAGMA synchronous = FULL")


class OutboxSender:
    """Sends the outbox's ready items through `client`, one at a time, in order."""

    def __init__(
        self,
        outbox: Outbox,
        client: PlatformClient,
        clock: Clock = shanghai_now,
        rng: random.Random | None = None,
        backoff: Backoff | None = None,
    ) -> None:
        self._outbox = outbox
        self._client = client
        self._clock = clock
        self._rng = rng or random.Random()
        self._backoff = backoff or Backoff()
        self._platform_retry_at: datetime | None = None

    @property
    def platform_retry_at(self) -> datetime | None:
        """When the platform, last found down, is to be tried again (None: now)."""
        return self._platform_retry_at

    def drain(self, max_items: int | None = None, deadline: datetime | None = None) -> DrainReport:
        """Send ready items until none is left, the platform fails, or a limit is reached."""
        with _answers_without_fsync(self._outbox.store):
            return self._drain(max_items, deadline)

    def _drain(self, max_items: int | None, deadline: datetime | None) -> DrainReport:
        report = DrainReport()
        report.pause = self._outbox.paused()
        if report.pause is not None:
            report.stopped, report.error = StopReason.PAUSED, report.pause.error
            return report
        if self._platform_retry_at is not None and self._clock() < self._platform_retry_at:
            report.stopped, report.platform_retry_at = (
                StopReason.PLATFORM_DOWN,
                self._platform_retry_at,
            )
            return report
        self._platform_retry_at = None
        # Each item goes at most once per drain, so one that keeps failing in doubt waits
        # for the next drain instead of spinning this one.
        tried: set[int] = set()
        while batch := [
            item for item in self._outbox.ready(self._clock()) if item.seq not in tried
        ]:
            for item in batch:
                report.stopped = self._limit(report, max_items, deadline)
                if report.stopped is not None:
                    return report
                tried.add(item.seq)
                self._send(item, report)
                if report.stopped is not None:
                    return report
        return report

    def retry_now(self) -> None:
        """Forget that the platform was down (the clerk pressed "send now")."""
        self._platform_retry_at = None

    def _limit(
        self, report: DrainReport, max_items: int | None, deadline: datetime | None
    ) -> StopReason | None:
        if max_items is not None and report.attempts >= max_items:
            return StopReason.MAX_ITEMS
        if deadline is not None and self._clock() >= deadline:
            return StopReason.DEADLINE
        return None

    def _send(self, item: OutboxItem, report: DrainReport) -> None:
        try:
            self._deliver(item)
        except PlatformError as error:
            report.faults[type(error).__name__] += 1
            self._file_failure(item, error, report)
        else:
            self._outbox.acknowledge(item.seq, self._clock())
            report.acknowledged.append(item.seq)

    def _deliver(self, item: OutboxItem) -> None:
        document = self._outbox.document(item.seq)
        if isinstance(document, Receive):
            self._client.save_receive(document)
        elif isinstance(document, TakeoutListForm):
            self._client.save_takeout_list(document)
        elif self._client.cancel_takeout_list(document) != CANCEL_SUCCESS:
            raise _cancel_failed(document)

    def _file_failure(self, item: OutboxItem, error: PlatformError, report: DrainReport) -> None:
        failure = ItemError.from_platform(error)
        if isinstance(error, CredentialsRejected | Forbidden):
            report.pause = self._outbox.pause(failure, self._clock())
            report.stopped, report.error = StopReason.PAUSED, failure
        elif isinstance(error, Refused | _CancelFailed):
            self._outbox.needs_attention(item.seq, failure)
            report.needs_attention.append(item.seq)
        elif isinstance(error, OutcomeUnknown | MalformedAnswer):
            self._outbox.mark_in_doubt(item.seq, failure, self._retry_at(item, error))
            report.in_doubt.append(item.seq)
        else:
            retry_at = self._retry_at(item, error)
            self._outbox.retry_later(item.seq, retry_at, failure)
            report.retry_later.append(item.seq)
            self._platform_retry_at = report.platform_retry_at = retry_at
            report.stopped, report.error = StopReason.PLATFORM_DOWN, failure

    def _retry_at(self, item: OutboxItem, error: PlatformError) -> datetime:
        retry_after = error.retry_after if isinstance(error, Unavailable) else None
        delay = self._backoff.delay(item.attempts + 1, self._rng, retry_after)
        return self._clock() + timedelta(seconds=delay)
