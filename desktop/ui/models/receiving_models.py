"""The receiving table: one row per bag of the bill or per scan, with its state at the counter.

`ReceivingModel` is loaded whole (`set_rows`) when a bill or a list is chosen
and one row at a time (`put_row`) as scans come in, so a scan on a bill of a
thousand bags repaints one row, not the table. `ReceivingFilter` sits in front
of it for the view: sorting, and "show only what still needs work".
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import IntEnum, StrEnum
from typing import Any, Final

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtGui import QColor

from desktop.domain.isbt128 import Bilingual
from desktop.domain.scan_outcomes import BagRef
from desktop.ui.i18n import pick
from desktop.ui.models.table import (
    EXPIRED_BACKGROUND,
    NEW_ROW_BACKGROUND,
    WITHIN_24H_BACKGROUND,
    Index,
    ObjectFilterProxy,
    RowTableModel,
    SortValue,
    time_text,
    timestamp,
)


class RowState(StrEnum):
    """Where one line of the receiving table stands, most urgent first."""

    REFUSED = "refused"
    """A bag that must not be received: expired, do-not-use label, unknown product, unknown."""
    UNEXPECTED = "unexpected"
    """A scan that named no bag this receipt may take."""
    CHECKING = "checking"
    """Asked of the platform (`getBloodBags`); no answer yet."""
    AWAITED = "awaited"
    """On the bill, not scanned yet."""
    RECEIVED = "received"
    """Scanned and accepted: it goes on the receipt."""

    @property
    def needs_work(self) -> bool:
        return self is not RowState.RECEIVED


@dataclass(frozen=True, slots=True)
class ReceivingRow:
    """One line: a bag (or a scan naming none), what the counter made of it, and why."""

    key: str
    """The bag id, or the scan text when it named no bag."""
    state: RowState
    bag: BagRef | None = None
    note: Bilingual | None = None


class Column(IntEnum):
    STATE = 0
    BAG_ID = 1
    PRODUCT = 2
    GROUP = 3
    EXPIRY = 4
    NOTE = 5


_COLUMN_COUNT: Final = len(Column)
_STATE_ORDER: Final = {state: index for index, state in enumerate(RowState)}
_STATE_COLOURS: Final = {
    RowState.REFUSED: EXPIRED_BACKGROUND,
    RowState.UNEXPECTED: WITHIN_24H_BACKGROUND,
    RowState.CHECKING: QColor("#e0e0e0"),
    RowState.RECEIVED: NEW_ROW_BACKGROUND,
}


class ReceivingModel(RowTableModel[ReceivingRow]):
    """The rows of one receiving session, found by key (bag id or scan text)."""

    COLUMNS = Column

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._positions: dict[str, int] = {}
        self._product_names: Mapping[str, str] = {}
        self._headers = {
            Column.STATE: self.tr("State"),
            Column.BAG_ID: self.tr("Bag id"),
            Column.PRODUCT: self.tr("Product"),
            Column.GROUP: self.tr("ABO / Rh"),
            Column.EXPIRY: self.tr("Expiry"),
            Column.NOTE: self.tr("Note"),
        }
        self._state_texts = {
            RowState.REFUSED: self.tr("Refused"),
            RowState.UNEXPECTED: self.tr("Not expected"),
            RowState.CHECKING: self.tr("Checking…"),
            RowState.AWAITED: self.tr("Not scanned yet"),
            RowState.RECEIVED: self.tr("Received"),
        }
        self._handlers = {Qt.ItemDataRole.DisplayRole: self.display, **self._role_handlers()}

    # The view asks these thousands of times per repaint; the base class's versions (an
    # enum's len, checkIndex, a handler table built per call) cost as much as the painting.

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's API
        return 0 if parent.isValid() else _COLUMN_COUNT

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        position = index.row()
        if not index.isValid() or position >= len(self._rows):
            return None
        handler = self._handlers.get(role)
        return None if handler is None else handler(self._rows[position], index.column())

    # -- rows ------------------------------------------------------------------------

    def set_product_names(self, names: Mapping[str, str]) -> None:
        """Product code → the name the counter reads, from the product dictionary."""
        self._product_names = names
        if self.rowCount():
            last = self.rowCount() - 1
            self.dataChanged.emit(self.index(0, Column.PRODUCT), self.index(last, Column.PRODUCT))

    def set_rows(self, rows: Sequence[ReceivingRow]) -> None:
        self._positions = {row.key: position for position, row in enumerate(rows)}
        super().set_rows(rows)

    def put_row(self, row: ReceivingRow) -> int:
        """Replace the row with the same key, or append it; returns its position."""
        position = self._positions.get(row.key)
        if position is not None:
            self.replace_row(position, row)
            return position
        position = self.rowCount()
        self.beginInsertRows(QModelIndex(), position, position)
        self._rows.append(row)
        self._positions[row.key] = position
        self.endInsertRows()
        return position

    def remove_key(self, key: str) -> None:
        """Drop the row with `key`, if there is one."""
        position = self._positions.pop(key, None)
        if position is None:
            return
        self.beginRemoveRows(QModelIndex(), position, position)
        del self._rows[position]
        self.endRemoveRows()
        for later in self._rows[position:]:
            self._positions[later.key] -= 1

    def row_for(self, key: str) -> ReceivingRow | None:
        position = self._positions.get(key)
        return None if position is None else self.row(position)

    def key_position(self, key: str) -> int | None:
        return self._positions.get(key)

    # -- what the table shows ---------------------------------------------------------------

    def header(self, column: int) -> str:
        return self._headers[Column(column)]

    def display(self, row: ReceivingRow, column: int) -> str:
        if column == Column.STATE:
            return self._state_texts[row.state]
        if column == Column.BAG_ID:
            return row.key
        if column == Column.NOTE:
            return pick(row.note.zh, row.note.en) if row.note else ""
        return "" if row.bag is None else self._bag_text(row.bag, column)

    def _bag_text(self, bag: BagRef, column: int) -> str:
        if column == Column.PRODUCT:
            code = bag.product_code or ""
            name = self._product_names.get(code)
            return f"{name}（{code}）" if name else code
        if column == Column.GROUP:
            return f"{pick(bag.abo.label_zh, bag.abo.label_en)} {pick(bag.rh.label_zh, bag.rh.label_en)}"
        return time_text(bag.expiration)

    def sort_value(self, row: ReceivingRow, column: int) -> SortValue:
        if column == Column.STATE:
            return _STATE_ORDER[row.state]
        if column == Column.EXPIRY:
            return timestamp(row.bag.expiration if row.bag else None)
        return self.display(row, column)

    def tooltip(self, row: ReceivingRow, column: int) -> str | None:
        return pick(row.note.zh, row.note.en) if row.note and column == Column.NOTE else None

    def background(self, row: ReceivingRow, column: int) -> QColor | None:
        return _STATE_COLOURS.get(row.state)


class ReceivingFilter(ObjectFilterProxy[ReceivingRow]):
    """Sorts the receiving table; `show_only_open` hides the bags already received."""

    def show_only_open(self, only_open: bool) -> None:
        self.set_filter(_needs_work if only_open else _everything)


def _needs_work(row: ReceivingRow) -> bool:
    return row.state.needs_work


def _everything(_row: ReceivingRow) -> bool:
    return True
