"""The status bar: connection, last sync, outbox counts, today's deadline, the operator on duty."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QPushButton, QStatusBar, QWidget

from desktop.ui.desk import ConnectionState
from desktop.ui.operator import Operator, describe

_LEVEL_STYLES = {
    "ok": "",
    "warning": "background: #ffb300; color: black; padding: 0 6px;",
    "critical": "background: #c62828; color: white; padding: 0 6px;",
    "overdue": "background: #c62828; color: white; padding: 0 6px; font-weight: bold;",
}


def _duration(left: timedelta) -> str:
    minutes = max(0, int(left.total_seconds() // 60))
    return f"{minutes // 60}:{minutes % 60:02d}"


class DeskStatusBar(QStatusBar):
    """Fed by the desk's signals; the outbox button opens the outbox list."""

    outbox_requested = Signal()
    operator_requested = Signal()

    def __init__(self, is_training: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._training = is_training
        self.connection = QLabel()
        self.last_sync = QLabel()
        self.outbox = QPushButton()
        self.outbox.setFlat(True)
        self.outbox.clicked.connect(self.outbox_requested)
        self.deadline = QLabel()
        self.operator = QPushButton()
        self.operator.setFlat(True)
        self.operator.clicked.connect(self.operator_requested)
        for widget in (self.connection, self.last_sync, self.outbox, self.deadline):
            self.addPermanentWidget(widget)
        self.addPermanentWidget(self.operator)
        self.show_connection(str(ConnectionState.STARTING))
        self.show_last_sync(None)
        self.show_operator(None)
        self.outbox.setText(self.tr("Outbox: …"))

    def show_connection(self, state: str) -> None:
        texts = {
            ConnectionState.STARTING: self.tr("Connecting…"),
            ConnectionState.ONLINE: self.tr("Online"),
            ConnectionState.OFFLINE: self.tr("Offline: records are kept and sent later"),
            ConnectionState.PAUSED: self.tr("Paused: the platform rejects our credentials"),
        }
        text = texts.get(ConnectionState(state), state)
        if self._training:
            text = self.tr("Training") + " · " + text
        self.connection.setText(text)
        offline = state in (ConnectionState.OFFLINE, ConnectionState.PAUSED)
        self.connection.setStyleSheet(_LEVEL_STYLES["warning"] if offline else "")

    def show_last_sync(self, when: datetime | None) -> None:
        shown = when.strftime("%H:%M") if when is not None else self.tr("never")
        self.last_sync.setText(self.tr("Last sync: %1").replace("%1", shown))

    def show_outbox(self, waiting: int, in_doubt: int, attention: int) -> None:
        self.outbox.setText(
            self.tr("Outbox: %1 waiting · %2 in doubt · %3 need attention")
            .replace("%1", str(waiting))
            .replace("%2", str(in_doubt))
            .replace("%3", str(attention))
        )
        self.outbox.setStyleSheet(_LEVEL_STYLES["critical"] if attention else "")

    def show_deadline(self, status: Any) -> None:
        """`status` is the domain's DeadlineStatus: level, unsent today, time left to 00:00."""
        level = str(getattr(status.level, "value", status.level))
        text = (
            self.tr("Today's outflow unsent: %1 · %2 left to 00:00")
            .replace("%1", str(status.unsent_today))
            .replace("%2", _duration(status.time_left))
        )
        if level == "overdue":
            text = self.tr("Overdue records from earlier days!") + " " + text
        self.deadline.setText(text)
        self.deadline.setStyleSheet(_LEVEL_STYLES.get(level, ""))
        self.deadline.setProperty("level", level)

    def show_operator(self, operator: Operator | None) -> None:
        if operator is None:
            self.operator.setText(self.tr("No operator (F2)"))
        else:
            self.operator.setText(self.tr("Operator: %1").replace("%1", describe(operator)))
