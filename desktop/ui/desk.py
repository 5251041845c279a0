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
        self.net: SerialWorker[Connection] = SerialWorker(
            "blood-desk-net", self._connect, _close_connection, report_error, self
        )
        self._poll_timer = QTimer(self)
        self._poll_timer.setInterval(int(settings.poll_interval_s * 1000))
        self._poll_timer.timeout.connect(self.poll_now)

    # -- life cycle ------------------------------------------------------------------

    def start(self) -> None:
        self.db.start()
        self.net.start()
        self._poll_timer.start()

    def shutdown(self) -> None:
        self._poll_timer.stop()
        self.net.stop()
        self.db.stop()

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
    ) -> None:
        """Platform work: a platform error marks the desk offline and is shown as a notice."""

        def failed(error: BaseException) -> None:
            if on_failure is not None:
                on_failure(error)
            else:
                self.platform_failed(error)

        def succeeded(result: ResultT) -> None:
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

    def poll_now(self) -> None:
        """Fetch the dispatch list; new bills are fetched at once and stored."""
        self.run_net(_fetch_new_bills_from, self._store_new_bills)

    def _store_new_bills(self, fetched: Any) -> None:
        def write(store: Store) -> list[str]:
            from desktop.store.sync import store_dispatch  # noqa: PLC0415

            return store_dispatch(store, fetched)

        self.run_db(write, self._announce_bills)

    def _announce_bills(self, new_ids: list[str]) -> None:
        if new_ids:
            self.bills_changed.emit(new_ids)


def _fetch_new_bills_from(connection: Connection) -> Any:
    from desktop.store.sync import fetch_dispatch  # noqa: PLC0415

    return fetch_dispatch(connection.client)


def _close_store(store: Store) -> None:
    store.close()


def _close_connection(connection: Connection) -> None:
    connection.close()
