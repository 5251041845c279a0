"""Queries that follow the keyboard: run on the db worker, only the latest answer is shown.

Typing fires a query per keystroke. Each would otherwise queue behind the one
before on the serial db worker, and a slow answer to `K9` could arrive after
the answer to `K92` and overwrite it. So at most one query is in flight: while
it runs, newer ones only replace the one waiting; when it comes back and a
newer one is waiting, its answer is stale and dropped, and the newer one goes.
The worker therefore never holds more than one query from the keyboard, and
what the table shows always answers the text in the field.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from desktop.ui.desk import Desk

if TYPE_CHECKING:
    from desktop.store.database import Store


ResultT = TypeVar("ResultT")
T = TypeVar("T")


@dataclass(frozen=True)
class _Query:
    work: Callable[[Store], Any]
    deliver: Callable[[Any], None]
    failed: Callable[[BaseException], None]


class LatestQuery:
    """A gate in front of `desk.run_db` for search-as-you-type."""

    def __init__(self, desk: Desk) -> None:
        self._desk = desk
        self._waiting: _Query | None = None
        self._in_flight = False

    def ask(
        self,
        work: Callable[[Store], ResultT],
        deliver: Callable[[ResultT], None],
        failed: Callable[[BaseException], None],
    ) -> None:
        """Run `work` on the db worker and `deliver` its answer, unless a newer ask supersedes it."""
        self._waiting = _Query(work, deliver, failed)
        if not self._in_flight:
            self._send()

    def _send(self) -> None:
        query, self._waiting = self._waiting, None
        if query is None:
            return
        self._in_flight = True
        self._desk.run_db(
            query.work,
            lambda result: self._answered(query.deliver, result),
            lambda error: self._answered(query.failed, error),
        )

    def _answered(self, handler: Callable[[T], None], answer: T) -> None:
        self._in_flight = False
        if self._waiting is not None:
            self._send()
            return
        handler(answer)
