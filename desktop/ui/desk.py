"""The desk's session: settings, operator, the two workers, and the signals the window listens to.

Two serial workers, as in Anki: `db` owns the one connection that writes the
local store, `net` owns the platform connection. Anything that fetches from
the platform runs on `net` and hands the data to `db` to write; nothing runs on
the UI thread but handing over and showing. The tabs ask the desk for work
through `run_db` / `run_net` and get results back as callbacks on the UI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.ui.i18n import pick
from desktop.ui.operator import Operator
from desktop.ui.tasks import Failure, SerialWorker

if TYPE_CHECKING:
    from desktop.config.settings import Settings
    from desktop.connection import Connection
    from desktop.store.database import Store
    from desktop.training.platform import TrainingOptions

log = logging.getLogger(__name__)

ResultT = TypeVar("ResultT")


class ConnectionState(StrEnum):
    STARTING = "starting"
    ONLINE = "online"
    OFFLINE = "offline"
    PAUSED = "paused"  # credentials rejected: nothing is sent until they are fixed


class NoticeLevel(StrEnum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


class Desk(QObject):
    """Everything the tabs share. Create, `start()`, and `shutdown()` before the app quits."""

    notice = Signal(str, str)  # level, message in the window's language
    connection_changed = Signal(str)  # ConnectionState
    training_changed = Signal(bool)
    operator_changed = Signal(object)  # Operator | None
    outbox_changed = Signal(object)  # desktop.store outbox summary
    dictionaries_changed = Signal()
    bills_changed = Signal(list)  # ids of bills that just arrived
    stock_changed = Signal()
    last_sync_changed = Signal(object)  # datetime | None

    def __init__(
        self,
        settings: Settings,
        report_error: Failure,
        training_options: TrainingOptions | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.operator: Operator | None = None
        self.is_training = not settings.platform_configured
        self.connection_state = ConnectionState.STARTING
        self._report_error = report_error
        self._training_options = training_options
        self.db: SerialWorker[Store] = SerialWorker(
            "blood-desk-db", self._open_store, _close_store, report_error, self
        )
        self.net: SerialWorker[Connection] = self._net_worker()
        self.outbox_summary: Any = None
        self._draining = False
        self._drain_again = False
        self._retry_next_drain = False  # "send now" pressed while a drain was running
        self._poll_timer = QTimer(self)
        self._poll_timer.setInterval(int(settings.poll_interval_s * 1000))
        self._poll_timer.timeout.connect(self._periodic)
        self._retry_timer = QTimer(self)
        self._retry_timer.setSingleShot(True)
        self._retry_timer.timeout.connect(self.drain_now)
        self._purge_timer = QTimer(self)
        self._purge_timer.setInterval(3_600_000)
        self._purge_timer.timeout.connect(self.purge_patient_data)
        self._deadline_timer = QTimer(self)
        self._deadline_timer.setInterval(30_000)
        self._deadline_timer.timeout.connect(self.refresh_outbox)

    def _net_worker(self) -> SerialWorker[Connection]:
        return SerialWorker(
            "blood-desk-net", self._connect, _close_connection, self._report_error, self
        )

    # -- life cycle ------------------------------------------------------------------

    def start(self) -> None:
        self.db.start()
        self.net.start()
        self._poll_timer.start()
        self._deadline_timer.start()
        self._purge_timer.start()
        self.run_db(_jobs().last_dictionary_sync, self.last_sync_changed.emit)
        self.refresh_outbox()
        self.poll_now()
        self.sync_dictionaries(only_if_due=True)
        self.drain_now()
        self.purge_patient_data()

    def shutdown(self) -> None:
        for timer in (self._poll_timer, self._retry_timer, self._deadline_timer, self._purge_timer):
            timer.stop()
        self.net.stop()
        self.db.stop()

    def purge_patient_data(self) -> None:
        """At start and every hour: patient fields go once their retention has passed."""
        workstation, days = self.settings.workstation, self.settings.retention_days
        self.run_db(lambda store: _jobs().purge_patient_data(store, workstation, days))

    def _periodic(self) -> None:
        self.poll_now()
        self.drain_now()

    def _open_store(self) -> Store:
        from desktop.store.database import Store  # noqa: PLC0415 - after the window shows

        return Store.open(self.settings.data_dir)

    def _connect(self) -> Connection:
        from desktop.connection import connect  # noqa: PLC0415 - after the window shows

        return connect(self.settings, self._training_options)

    # -- operator --------------------------------------------------------------------

    def set_operator(self, operator: Operator | None) -> None:
        self.operator = operator
        self.operator_changed.emit(operator)

    # -- work ------------------------------------------------------------------------

    def run_db(
        self,
        work: Callable[[Store], ResultT],
        on_success: Callable[[ResultT], None] | None = None,
        on_failure: Failure | None = None,
    ) -> None:
        self.db.submit(work, on_success, on_failure or self._report_error)

    def run_net(
        self,
        work: Callable[[Connection], ResultT],
        on_success: Callable[[ResultT], None] | None = None,
        on_failure: Failure | None = None,
        *,
        answered_by_platform: bool = True,
    ) -> None:
        """Platform work: a platform error marks the desk offline and is shown as a notice.

        Success marks the desk online, unless the job may return without asking the
        platform anything (`answered_by_platform=False`: a drain with nothing due).
        """

        def failed(error: BaseException) -> None:
            if on_failure is not None:
                on_failure(error)
            else:
                self.platform_failed(error)

        def succeeded(result: ResultT) -> None:
            if answered_by_platform:
                self.set_connection_state(ConnectionState.ONLINE)
            if on_success is not None:
                on_success(result)

        self.net.submit(work, succeeded, failed)

    def platform_failed(self, error: BaseException) -> None:
        from desktop.platform.errors import CredentialsRejected, PlatformError  # noqa: PLC0415

        if not isinstance(error, PlatformError):
            self._report_error(error)
            return
        if isinstance(error, CredentialsRejected):
            self.set_connection_state(ConnectionState.PAUSED)
        elif error.retryable:
            self.set_connection_state(ConnectionState.OFFLINE)
        self.show_notice(NoticeLevel.ERROR, error.message_zh, error.message_en)

    def set_connection_state(self, state: ConnectionState) -> None:
        if state != self.connection_state:
            self.connection_state = state
            self.connection_changed.emit(str(state))

    def show_notice(self, level: NoticeLevel, message_zh: str, message_en: str) -> None:
        self.notice.emit(str(level), pick(message_zh, message_en))

    # -- platform sync ---------------------------------------------------------------

    def sync_now(self) -> None:
        """F5: the dispatch list, the dictionaries, and the outbox, at once."""
        self.poll_now()
        self.sync_dictionaries()
        self.drain_now(retry_now=True)

    def poll_now(self) -> None:
        """Fetch the dispatch list; new bills are fetched at once and stored."""
        jobs = _jobs()
        self.run_db(
            jobs.known_bill_ids,
            lambda known: self.run_net(
                lambda connection: jobs.fetch_new_bills(connection, known), self._keep_bills
            ),
        )

    def _keep_bills(self, fetched: Any) -> None:
        self.run_db(lambda store: _jobs().keep_new_bills(store, fetched), self._announce_bills)

    def _announce_bills(self, new_ids: list[str]) -> None:
        if new_ids:
            self.bills_changed.emit(new_ids)

    def sync_dictionaries(
        self, only_if_due: bool = False, on_done: Callable[[bool], None] | None = None
    ) -> None:
        """Fetch every dictionary; `on_done(ok)` once it is over (a failure is also a notice)."""
        jobs = _jobs()
        if only_if_due:
            self.run_db(jobs.dictionaries_due, self._sync_if_due)
            return
        data_dir = self.settings.data_dir

        def synced(result: tuple[dict[str, int], datetime]) -> None:
            self.dictionaries_changed.emit()
            self.last_sync_changed.emit(result[1])
            if on_done is not None:
                on_done(True)

        def failed(error: BaseException) -> None:
            self.platform_failed(error)
            if on_done is not None:
                on_done(False)

        self.run_net(
            lambda connection: jobs.sync_all_dictionaries(connection, data_dir), synced, failed
        )

    def _sync_if_due(self, due: bool) -> None:
        if due:
            self.sync_dictionaries()

    # -- the outbox ----------------------------------------------------------------------

    def drain_now(self, retry_now: bool = False) -> None:
        """Send what the outbox holds; a drain already running is followed by one more."""
        if self._draining:
            self._drain_again = True
            self._retry_next_drain = self._retry_next_drain or retry_now
            return
        self._draining = True
        data_dir, workstation = self.settings.data_dir, self.settings.workstation
        self.run_net(
            lambda connection: _jobs().drain_outbox(connection, data_dir, workstation, retry_now),
            self._drained,
            self._drain_failed,
            answered_by_platform=False,
        )

    def _drained(self, report: Any) -> None:
        self._draining = False
        if report.pause is not None:
            self.set_connection_state(ConnectionState.PAUSED)
            self.show_notice(
                NoticeLevel.ERROR, report.pause.error.message_zh, report.pause.error.message_en
            )
        elif report.stopped == "platform_down":
            self.set_connection_state(ConnectionState.OFFLINE)
        elif report.acknowledged or report.needs_attention:
            self.set_connection_state(ConnectionState.ONLINE)
        if report.acknowledged or report.needs_attention:
            self.stock_changed.emit()
        self.refresh_outbox()
        if self._drain_again:
            retry_now, self._drain_again, self._retry_next_drain = (
                self._retry_next_drain,
                False,
                False,
            )
            self.drain_now(retry_now)

    def _drain_failed(self, error: BaseException) -> None:
        self._draining = False
        self._drain_again = self._retry_next_drain = False
        self.platform_failed(error)
        self.refresh_outbox()

    def refresh_outbox(self) -> None:
        """Counts, the midnight deadline and the next retry, for the status bar and the tabs."""
        workstation, thresholds = self.settings.workstation, self.settings.deadline_thresholds
        self.run_db(
            lambda store: _jobs().outbox_summary(store, workstation, thresholds),
            self._outbox_refreshed,
        )

    def _outbox_refreshed(self, summary: Any) -> None:
        self.outbox_summary = summary
        self.outbox_changed.emit(summary)
        self._schedule_retry(summary.next_attempt)

    def _schedule_retry(self, when: datetime | None) -> None:
        if when is None or self.connection_state == ConnectionState.PAUSED:
            self._retry_timer.stop()
            return
        delay_ms = int((when - datetime.now(when.tzinfo)).total_seconds() * 1000)
        self._retry_timer.start(max(1_000, min(delay_ms, 3_600_000)))

    # -- settings ------------------------------------------------------------------------

    def apply_settings(self, settings: Settings) -> None:
        """New settings take effect at once: the platform connection is opened again."""
        self.settings = settings
        self.is_training = not settings.platform_configured
        self.training_changed.emit(self.is_training)
        self._poll_timer.setInterval(int(settings.poll_interval_s * 1000))
        self.net.stop()
        self.net = self._net_worker()
        self.net.start()
        self.set_connection_state(ConnectionState.STARTING)
        workstation = settings.workstation
        self.run_db(
            lambda store: _jobs().resume_outbox(store, workstation), lambda _: self.sync_now()
        )


def _jobs() -> Any:
    # The store and the network stack load with the workers, after the window shows.
    from desktop.ui import desk_jobs  # noqa: PLC0415

    return desk_jobs


def _close_store(store: Store) -> None:
    store.close()


def _close_connection(connection: Connection) -> None:
    connection.close()
