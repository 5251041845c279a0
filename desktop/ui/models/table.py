"""What every table model of the desk shares: the custom roles, rows held as domain objects.

A table model holds a list of immutable row objects (domain models or small
frozen records built on the db worker) and answers `data()` from them. The
subclass names its columns with an IntEnum and says, per column, what to show,
how to sort and how to colour. Updates keep the views' selection and scroll
position: `replace_row` signals only the changed row, and `set_rows` resets
the model only for a full reload.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from datetime import datetime
from decimal import Decimal
from enum import IntEnum
from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor

RowT = TypeVar("RowT")
Index = QModelIndex | QPersistentModelIndex

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
"""A raw, comparable value: a number, a POSIX timestamp or text, never a formatted string."""
OBJECT_ROLE = Qt.ItemDataRole.UserRole + 2
"""The row's domain object."""

SortValue = str | int | float

# One palette for every table, so "red" means the same thing on every tab.
EXPIRED_BACKGROUND = QColor("#ffcdd2")
EXPIRED_FOREGROUND = QColor("#b71c1c")
WITHIN_24H_BACKGROUND = QColor("#ffe0b2")
WITHIN_72H_BACKGROUND = QColor("#fff9c4")
NEW_ROW_BACKGROUND = QColor("#c8e6c9")
UNAVAILABLE_FOREGROUND = QColor("#9e9e9e")

_MERGE_LIMIT = 50
"""More rows come or go than this: reload the table rather than merge it row by row."""

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


def timestamp(moment: datetime | None) -> float:
    """A datetime as a sort value; a missing one sorts first."""
    return float("-inf") if moment is None else moment.timestamp()


def amount(value: Decimal | None) -> float:
    return float("-inf") if value is None else float(value)


def amount_text(value: Decimal | None) -> str:
    """A decimal as the counter writes it: 2 not 2.00, 1.5 not 1.50."""
    if value is None:
        return ""
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def time_text(moment: datetime | None) -> str:
    return "" if moment is None else moment.strftime("%Y-%m-%d %H:%M")


class RowTableModel(QAbstractTableModel, Generic[RowT]):
    """A read-only table of `RowT` objects, one per row.

    Subclasses set `COLUMNS` and implement `header` and `display`; the other
    hooks default to "nothing special".
    """

    COLUMNS: ClassVar[type[IntEnum]]
    NUMERIC_COLUMNS: ClassVar[frozenset[int]] = frozenset()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[RowT] = []

    # -- Qt's interface --------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's API
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(  # noqa: N802 - Qt's name
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.header(section)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.checkIndex(index, QAbstractTableModel.CheckIndexOption.IndexIsValid):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(row, column)
        handler = self._role_handlers().get(role)
        return None if handler is None else handler(row, column)

    def _role_handlers(self) -> dict[int, Callable[[RowT, int], Any]]:
        return {
            SORT_ROLE: self.sort_value,
            OBJECT_ROLE: lambda row, _column: row,
            Qt.ItemDataRole.ToolTipRole: self.tooltip,
            Qt.ItemDataRole.BackgroundRole: self.background,
            Qt.ItemDataRole.ForegroundRole: self.foreground,
            Qt.ItemDataRole.TextAlignmentRole: self._alignment,
        }

    # -- what subclasses say ---------------------------------------------------------

    # Every table defines these two; the base has no sensible default to offer.
    def header(self, column: int) -> str:
        raise TypeError(f"{type(self).__name__} must define header()")

    def display(self, row: RowT, column: int) -> str:
        raise TypeError(f"{type(self).__name__} must define display()")

    def sort_value(self, row: RowT, column: int) -> SortValue:
        return self.display(row, column)

    def tooltip(self, row: RowT, column: int) -> str | None:
        return None

    def background(self, row: RowT, column: int) -> QColor | None:
        return None

    def foreground(self, row: RowT, column: int) -> QColor | None:
        return None

    def _alignment(self, _row: RowT, column: int) -> Qt.AlignmentFlag:
        return _RIGHT if column in self.NUMERIC_COLUMNS else _LEFT

    # -- rows ------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[RowT]) -> None:
        """A full reload: views drop their selection."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def replace_row(self, position: int, row: RowT) -> None:
        """Row `position` is now `row`: only that row is redrawn."""
        self._rows[position] = row
        self.row_changed(position)

    def row_changed(self, position: int) -> None:
        """Something `data()` reads for row `position` changed (a highlight, a label)."""
        last = self.columnCount() - 1
        self.dataChanged.emit(self.index(position, 0), self.index(position, last))

    def merge_rows(self, rows: Sequence[RowT], key: Callable[[RowT], Hashable]) -> None:
        """Make the table `rows`, matching old and new rows by `key`.

        Rows that went are removed, new ones inserted and changed ones replaced,
        each with its own signal, so views keep their selection and scrolling.
        If the rows that stay changed order, it is a full reload instead.
        """
        wanted = {key(row) for row in rows}
        if abs(len(rows) - len(self._rows)) > _MERGE_LIMIT or not self._rows:
            # Hundreds of single-row inserts through a sorting proxy cost seconds of
            # UI time; a reload costs milliseconds and only loses the selection.
            self.set_rows(rows)
            return
        for position in reversed(range(len(self._rows))):
            if key(self._rows[position]) not in wanted:
                self.beginRemoveRows(QModelIndex(), position, position)
                del self._rows[position]
                self.endRemoveRows()
        kept = [key(row) for row in self._rows]
        kept_keys = set(kept)
        if [key(row) for row in rows if key(row) in kept_keys] != kept:
            self.set_rows(rows)
            return
        for position, row in enumerate(rows):
            if position < len(self._rows) and key(self._rows[position]) == key(row):
                if self._rows[position] != row:
                    self.replace_row(position, row)
                continue
            self.beginInsertRows(QModelIndex(), position, position)
            self._rows.insert(position, row)
            self.endInsertRows()

    def row(self, position: int) -> RowT:
        return self._rows[position]

    def rows(self) -> Sequence[RowT]:
        return tuple(self._rows)

    def position_of(self, matches: Callable[[RowT], bool]) -> int | None:
        return next((i for i, row in enumerate(self._rows) if matches(row)), None)


class SortProxy(QSortFilterProxyModel):
    """The proxy in front of every table: sorts on SORT_ROLE, filters nothing by default."""

    def __init__(self, source: QAbstractTableModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSourceModel(source)
        self.setSortRole(SORT_ROLE)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setDynamicSortFilter(True)


class ObjectFilterProxy(SortProxy, Generic[RowT]):
    """A sort proxy that keeps the rows whose object passes `accepts` (filters set in code)."""

    def __init__(self, source: QAbstractTableModel, parent: QObject | None = None) -> None:
        super().__init__(source, parent)
        self._accepts: Callable[[RowT], bool] = lambda _row: True

    def set_filter(self, accepts: Callable[[RowT], bool]) -> None:
        self.beginFilterChange()
        self._accepts = accepts
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802
        source = self.sourceModel()
        row = source.data(source.index(source_row, 0, source_parent), OBJECT_ROLE)
        return self._accepts(row)
