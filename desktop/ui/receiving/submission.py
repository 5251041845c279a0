"""From a receiving session to a `Receive` in the outbox, and what became of it afterwards.

`receive_data` builds the receipt's wire data (the outbox numbers it:
`internalId` is left out); `form_errors` runs the domain's validation on it so
the form can show each error next to its field before anything is saved.
`DeliveryTracker` follows the saved item's delivery state as the outbox drains.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import partial
from typing import Any, Final

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.domain.models import Receive
from desktop.domain.validation import FieldError, validate
from desktop.platform.errors import PlatformError
from desktop.store.errors import StoreError
from desktop.store.outbox_items import OutboxItem, OutboxRefusal
from desktop.store.stock import StockConflict
from desktop.ui.desk import Desk, NoticeLevel
from desktop.ui.receiving.jobs import outbox_item
from desktop.ui.receiving.session import ReceivingSession

# Validation needs a number; the outbox gives the real one when it saves the receipt.
_NUMBER_PLACEHOLDER: Final = "RK-PENDING"
_NUMBER_PATH: Final = "internalId"
POLL_INTERVAL_MS: Final = 3000


@dataclass(frozen=True)
class Party:
    """Who the bags come from, in the receipt's terms."""

    ref_id: str | None
    dis_organ_id: int | None = None
    dep_id: int | None = None


def receive_data(
    session: ReceivingSession, party: Party, receiver: str, now: datetime
) -> dict[str, Any]:
    """The receipt's wire data, all but its number; `now` is both created and received time."""
    # A field left empty is left out, so the domain says "required" rather than "not text".
    data: dict[str, Any] = {
        "type": int(session.receive_type),
        "receiver": receiver,
        "createTime": now,
        "receiveTime": now,
        "description": session.description(),
        "bloodBags": [{"bloodBagId": bag.bag_id} for bag in session.accepted],
    }
    optional = {"refId": party.ref_id, "disOrganId": party.dis_organ_id, "depId": party.dep_id}
    data.update({key: value for key, value in optional.items() if value is not None})
    return data


def form_errors(data: dict[str, Any]) -> list[FieldError]:
    """The domain's objections to `data`, field by field (none about the number to come)."""
    result = validate(Receive, {**data, _NUMBER_PATH: _NUMBER_PLACEHOLDER})
    return [error for error in result.errors if error.path != _NUMBER_PATH]


class DeliveryTracker(QObject):
    """Follows one outbox item until the platform has it, re-reading it as the outbox moves.

    The desk says when the outbox changed; a slow poll covers drains it does not announce.
    """

    changed = Signal(object)
    """The item (OutboxItem) as last read."""

    def __init__(self, desk: Desk, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self._item: OutboxItem | None = None
        self._reading = False
        self._stale = False
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_INTERVAL_MS)
        self._timer.timeout.connect(self.refresh)
        desk.outbox_changed.connect(self.refresh)

    @property
    def item(self) -> OutboxItem | None:
        return self._item

    def track(self, item: OutboxItem) -> None:
        self._item = item
        self.changed.emit(item)
        self._timer.start()

    def refresh(self) -> None:
        if self._item is None:
            return
        if self._reading:
            # The read in flight may have started before this change: read once more after it.
            self._stale = True
            return
        self._reading = True
        work = partial(outbox_item, workstation=self._desk.settings.workstation, seq=self._item.seq)
        self._desk.run_db(work, self._read, self._not_read)

    def _read(self, item: OutboxItem) -> None:
        self._reading = False
        if self._stale:
            self._stale = False
            self.refresh()
        if self._item is None or item.seq != self._item.seq:
            return
        if item != self._item:
            self._item = item
            self.changed.emit(item)
        # Refused or done, it waits for the clerk or is finished: the desk's signal suffices.
        if not item.state.sendable:
            self._timer.stop()

    def _not_read(self, error: BaseException) -> None:
        self._reading = False
        self._stale = False
        explained = known_failure(error)
        if explained is None:
            self._desk.platform_failed(error)
        else:
            self._desk.show_notice(NoticeLevel.ERROR, *explained)


def known_failure(error: BaseException) -> tuple[str, str] | None:
    """What to tell the clerk (Chinese, English) about an expected failure; None for a bug."""
    if isinstance(error, StoreError | OutboxRefusal | StockConflict | PlatformError):
        return error.message_zh, error.message_en
    return None
