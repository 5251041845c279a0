"""Background work for the window: serial workers whose results come back to the UI thread.

Modelled on Anki's `aqt/taskman.py`: a job runs on a worker thread and its
`on_success` or `on_failure` runs later on the UI thread, delivered by a queued
signal. A job with no failure handler still reports its error (the window shows
it) rather than swallowing it. Jobs never touch widgets: they get the worker's
context (its own database connection, or the platform connection) and return data.

Each worker runs its jobs one at a time in submission order, so the database
writer is serial by construction.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, QThread, Signal, Slot

log = logging.getLogger(__name__)

ContextT = TypeVar("ContextT")
ResultT = TypeVar("ResultT")

Failure = Callable[[BaseException], None]


@dataclass
class _Job:
    work: Callable[[Any], Any]
    on_success: Callable[[Any], None] | None
    on_failure: Failure | None
    label: str


@dataclass
class _Completion:
    job: _Job
    result: Any = None
    error: BaseException | None = None


class _Relay(QObject):
    """Lives on the UI thread; the worker emits to it, so handlers run on the UI thread."""

    completed = Signal(object)


class _Thread(QThread):
    def __init__(self, name: str, target: Callable[[], None]) -> None:
        super().__init__()
        self.setObjectName(name)
        self._target = target

    def run(self) -> None:
        self._target()


class SerialWorker(QObject, Generic[ContextT]):
    """One thread, one context, jobs in order. `start()` it, `stop()` it before the app quits."""

    def __init__(
        self,
        name: str,
        make_context: Callable[[], ContextT],
        close_context: Callable[[ContextT], None],
        report_error: Failure,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.name = name
        self._make_context = make_context
        self._close_context = close_context
        self._report_error = report_error
        self._jobs: queue.SimpleQueue[_Job | None] = queue.SimpleQueue()
        self._relay = _Relay()
        self._relay.completed.connect(self._deliver)
        self._thread = _Thread(name, self._run)
        self._pending = 0
        self._lock = threading.Lock()

    def start(self) -> None:
        self._thread.start()

    def submit(
        self,
        work: Callable[[ContextT], ResultT],
        on_success: Callable[[ResultT], None] | None = None,
        on_failure: Failure | None = None,
        label: str = "",
    ) -> None:
        with self._lock:
            self._pending += 1
        self._jobs.put(_Job(work, on_success, on_failure, label or getattr(work, "__name__", "")))

    @property
    def busy(self) -> bool:
        """Whether a submitted job has not yet reported back (its handler has not run)."""
        with self._lock:
            return self._pending > 0

    def stop(self, timeout_ms: int = 30_000) -> None:
        if self._thread.isRunning():
            self._jobs.put(None)
            self._thread.wait(timeout_ms)

    def _run(self) -> None:
        try:
            context = self._make_context()
        except BaseException as error:
            self._fail_everything(error)
            return
        try:
            while (job := self._jobs.get()) is not None:
                self._relay.completed.emit(self._execute(job, context))
        finally:
            self._close_context(context)

    @staticmethod
    def _execute(job: _Job, context: Any) -> _Completion:
        try:
            return _Completion(job, result=job.work(context))
        except Exception as error:
            log.debug("job %s failed: %s", job.label, type(error).__name__)
            return _Completion(job, error=error)

    def _fail_everything(self, error: BaseException) -> None:
        while (job := self._jobs.get()) is not None:
            self._relay.completed.emit(_Completion(job, error=error))

    @Slot(object)
    def _deliver(self, completion: _Completion) -> None:
        try:
            job = completion.job
            if completion.error is None:
                if job.on_success is not None:
                    job.on_success(completion.result)
            elif job.on_failure is not None:
                job.on_failure(completion.error)
            else:
                self._report_error(completion.error)
        finally:
            with self._lock:
                self._pending -= 1
