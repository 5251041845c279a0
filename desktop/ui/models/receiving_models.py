"""The receiving table: one row per bag of the bill or per scan, with its state at the counter.

`ReceivingModel` is fed whole (`reset_rows`) when a bill or a list is chosen
and one row at a time (`put_row`) as scans come in, so a scan on a bill of a
thousand bags repaints one row rather than the table. `ReceivingFilter` sits
in front of it for the view: sorting, and "show only what still needs work".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import IntEnum, StrEnum
from typing import Any, Final

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from desktop.domain.isbt128 import Bilingual
from desktop.domain.scan_outcomes import BagRef
from desktop.ui.i18n import pick

AnyIndex = QModelIndex | QPersistentModelIndex

SORT_ROLE: Final = int(Qt.ItemDataRole.UserRole) + 1
"""Sorts by value (the bill's order for the state column), not by the text shown."""
ROW_ROLE: Final = int(Qt.ItemDataRole.UserRole) + 2
"""The `ReceivingRow` itself."""


class RowState(StrEnum):
    """Where one line of the receiving table stands, in the order the clerk cares about."""

    REFUSED = "refused"
    """A bag that must not be received (expired, do not use, unknown product, not verifiable)."""
    UNEXPECTED = "unexpected"
    """A scan that named no bag the desk may receive here."""
    CHECKING = "checking"
    """Asked of the platform (`getBloodBags`), no answer yet."""
    AWAITED = "awaited"
    """On the bill, not scanned yet."""
    RECEIVED = "received"
    """Scanned and accepted: goes on the receipt."""

    @property
    def needs_work(self) -> bool:
        return self is not RowState.RECEIVED


@dataclass(frozen=True, slots=True)
class ReceivingRow:
    """One line: a bag (known or not yet), what the counter made of it, and why."""

    key: str
    """The bag id, or the scan text when no bag is known."""
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


_STATE_ORDER: Final = {state: index for index, state in enumerate(RowState)}
_STATE_COLOURS: Final = {
    RowState.REFUSED: QColor("#ffcdd2"),
    RowState.UNEXPECTED: QColor("#ffe0b2"),
    RowState.CHECKING: QColor("#e0e0e0"),
    RowState.RECEIVED: QColor("#c8e6c9"),
}


class ReceivingModel(QAbstractTableModel):
    """The rows of one receiving session, keyed by bag id (or scan text)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ReceivingRow] = []
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

    # -- feeding -----------------------------------------------------------------------

    def set_product_names(self, names: Mapping[str, str]) -> None:
        """Product code → the name the counter reads (from the product dictionary)."""
        self._product_names = names
        if self._rows:
            self._changed(0, len(self._rows) - 1, Column.PRODUCT)

    def reset_rows(self, rows: Iterable[ReceivingRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._positions = {row.key: index for index, row in enumerate(self._rows)}
        self.endResetModel()

    def put_row(self, row: ReceivingRow) -> int:
        """Replace the row with the same key, or append it; returns its position."""
        position = self._positions.get(row.key)
        if position is None:
            position = len(self._rows)
            self.beginInsertRows(QModelIndex(), position, position)
            self._rows.append(row)
            self._positions[row.key] = position
            self.endInsertRows()
            return position
        self._rows[position] = row
        self._changed(position, position)
        return position

    def row_for(self, key: str) -> ReceivingRow | None:
        position = self._positions.get(key)
        return None if position is None else self._rows[position]

    def position_of(self, key: str) -> int | None:
        return self._positions.get(key)

    def rows(self) -> tuple[ReceivingRow, ...]:
        return tuple(self._rows)

    def _changed(self, first: int, last: int, column: Column | None = None) -> None:
        left = self.index(first, column if column is not None else 0)
        right = self.index(last, column if column is not None else len(Column) - 1)
        self.dataChanged.emit(left, right)

    # -- Qt's model interface ----------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's API
        return 0 if parent.isValid() else len(Column)

    def headerData(  # noqa: N802 - Qt's API
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(Column):
            return self._headers[Column(section)]
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._rows):
            return str(section + 1)
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.checkIndex(index, QAbstractTableModel.CheckIndexOption.IndexIsValid):
            return None
        row = self._rows[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole and column is Column.NOTE and row.note:
            return pick(row.note.zh, row.note.en)
        if role == Qt.ItemDataRole.BackgroundRole:
            colour = _STATE_COLOURS.get(row.state)
            return QBrush(colour) if colour is not None else None
        if role == SORT_ROLE:
            return self._sort_key(row, column, index.row())
        if role == ROW_ROLE:
            return row
        return None

    def _text(self, row: ReceivingRow, column: Column) -> str:
        bag = row.bag
        if column is Column.STATE:
            return self._state_texts[row.state]
        if column is Column.BAG_ID:
            return row.key
        if column is Column.NOTE:
            return pick(row.note.zh, row.note.en) if row.note else ""
        if bag is None:
            return ""
        if column is Column.PRODUCT:
            code = bag.product_code or ""
            name = self._product_names.get(code)
            return f"{name}（{code}）" if name else code
        if column is Column.GROUP:
            return f"{pick(bag.abo.label_zh, bag.abo.label_en)} {pick(bag.rh.label_zh, bag.rh.label_en)}"
        return bag.expiration.strftime("%Y-%m-%d %H:%M") if bag.expiration else ""

    def _sort_key(self, row: ReceivingRow, column: Column, position: int) -> Any:
        if column is Column.STATE:
            return _STATE_ORDER[row.state] * 1_000_000 + position
        if column is Column.EXPIRY:
            return row.bag.expiration.isoformat() if row.bag and row.bag.expiration else ""
        return self._text(row, column)


class ReceivingFilter(QSortFilterProxyModel):
    """Sorts by `SORT_ROLE`; with `only_open`, hides the bags already received."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self._only_open = False

    def set_only_open(self, only_open: bool) -> None:
        self.beginFilterChange()
        self._only_open = only_open
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:  # noqa: N802
        if not self._only_open:
            return True
        model = self.sourceModel()
        row = model.data(model.index(source_row, 0, source_parent), ROW_ROLE)
        return isinstance(row, ReceivingRow) and row.state.needs_work
