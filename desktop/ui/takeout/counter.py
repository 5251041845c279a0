"""What the takeout and cancel tabs do alike at the counter: who submits, what failed, what
became of the document saved."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QWidget

from desktop.domain.delivery import DeliveryState
from desktop.domain.validation import FieldError
from desktop.store.outbox_items import InvalidDocument, OutboxItem
from desktop.ui.desk import Desk
from desktop.ui.i18n import pick
from desktop.ui.operator import OperatorDialog
from desktop.ui.receiving.submission import DeliveryTracker
from desktop.ui.tabs.problems import bilingual, show_problem
from desktop.ui.takeout.form_fields import ERROR_STYLE, FieldErrors


def ask_operator(desk: Desk, parent: QWidget, then: Callable[[], None]) -> None:
    """Nobody is on duty: ask who is (without blocking), and carry on once they say."""
    dialog = OperatorDialog(desk.operator, parent)

    def chosen() -> None:
        desk.set_operator(dialog.operator())
        then()

    dialog.accepted.connect(chosen)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()


def show_failure(desk: Desk, errors: FieldErrors, error: BaseException) -> None:
    """A save that failed: field errors next to their fields, a known problem in words."""
    if isinstance(error, InvalidDocument):
        errors.show(error.errors)
        return
    show_problem(desk, error)
    messages = bilingual(error)
    if messages is not None:
        errors.show([FieldError("", *messages)])


class DeliveryLine(QLabel):
    """The last document saved: its number and where it stands with the platform."""

    def __init__(self, desk: Desk, caption: str) -> None:
        super().__init__()
        self._caption = caption
        self.setWordWrap(True)
        self.tracker = DeliveryTracker(desk, self)
        self.tracker.changed.connect(self._show)

    def track(self, item: OutboxItem) -> None:
        self.tracker.track(item)

    def _show(self, item: OutboxItem) -> None:
        text = f"{item.ref}：{pick(item.state.label.zh, item.state.label.en)}"
        attention = item.state is DeliveryState.NEEDS_ATTENTION
        if item.error is not None and attention:
            text += f" — {pick(item.error.message_zh, item.error.message_en)}"
        self.setText(self._caption.replace("%1", text))
        self.setStyleSheet(ERROR_STYLE if attention else "")
