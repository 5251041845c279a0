"""The cancel tab's tables: the takeouts found, and the chosen one's bags (checkable).

`CancelBagsModel` lets the clerk tick the bags to cancel and refuses a tick on
a bag that cannot come back (cancelled already, or moved on since).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from desktop.domain.codes import TakeoutType
from desktop.domain.delivery import DeliveryState
from desktop.store.stock import StockBag, TakeoutBag, TakeoutRecord
from desktop.ui.i18n import pick
from desktop.ui.models.table import (
    NEW_ROW_BACKGROUND,
    UNAVAILABLE_FOREGROUND,
    RowTableModel,
    SortValue,
    time_text,
    timestamp,
)
from desktop.ui.models.takeout_models import groups_text

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class FoundTakeout:
    """A takeout the cancel tab found: the store's record, and how far its upload got."""

    record: TakeoutRecord
    state: DeliveryState | None
    patient: str | None = None
    """The patient's name, for a clinical-use takeout whose record is still held."""

    @property
    def cancellable_bags(self) -> int:
        return sum(1 for line in self.record.bags if line.cancelled_at is None)


class FoundColumn(IntEnum):
    NUMBER = 0
    TYPE = 1
    TIME = 2
    PATIENT = 3
    BAGS = 4
    STATE = 5


class TakeoutHistoryModel(RowTableModel[FoundTakeout]):
    """The takeouts matching the cancel tab's search, latest first."""

    COLUMNS = FoundColumn
    NUMERIC_COLUMNS = frozenset({FoundColumn.BAGS})

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = {
            FoundColumn.NUMBER: self.tr("Takeout number"),
            FoundColumn.TYPE: self.tr("Type"),
            FoundColumn.TIME: self.tr("Taken out"),
            FoundColumn.PATIENT: self.tr("Patient"),
            FoundColumn.BAGS: self.tr("Bags (not cancelled)"),
            FoundColumn.STATE: self.tr("Upload"),
        }

    def header(self, column: int) -> str:
        return self._headers[FoundColumn(column)]

    def display(self, row: FoundTakeout, column: int) -> str:
        record = row.record
        if column == FoundColumn.NUMBER:
            return record.ref_id
        if column == FoundColumn.TYPE:
            return _type_text(record.type)
        if column == FoundColumn.TIME:
            return time_text(record.commit_time)
        if column == FoundColumn.PATIENT:
            return row.patient or ""
        if column == FoundColumn.BAGS:
            return f"{row.cancellable_bags} / {len(record.bags)}"
        return "" if row.state is None else pick(row.state.label.zh, row.state.label.en)

    def sort_value(self, row: FoundTakeout, column: int) -> SortValue:
        if column == FoundColumn.TIME:
            return timestamp(row.record.commit_time)
        if column == FoundColumn.BAGS:
            return row.cancellable_bags
        return self.display(row, column)

    def foreground(self, row: FoundTakeout, column: int) -> QColor | None:
        return UNAVAILABLE_FOREGROUND if row.cancellable_bags == 0 else None


def _type_text(kind: TakeoutType) -> str:
    return f"{kind.value} {pick(kind.label_zh, kind.label_en)}"


@dataclass(frozen=True, slots=True)
class CancelBag:
    """A bag of the chosen takeout: its stock details, its line, and whether it can come back."""

    line: TakeoutBag
    bag: StockBag | None
    cancellable: bool


class CancelColumn(IntEnum):
    BAG_ID = 0
    PRODUCT = 1
    GROUP = 2
    STATE = 3


class CancelBagsModel(RowTableModel[CancelBag]):
    """The chosen takeout's bags; the first column's check box says "cancel this one"."""

    COLUMNS = CancelColumn

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._checked: set[str] = set()
        self._headers = {
            CancelColumn.BAG_ID: self.tr("Bag id"),
            CancelColumn.PRODUCT: self.tr("Product"),
            CancelColumn.GROUP: self.tr("ABO / Rh"),
            CancelColumn.STATE: self.tr("State"),
        }

    def set_rows(self, rows: Sequence[CancelBag]) -> None:
        self._checked = set()
        super().set_rows(rows)

    def checked_bag_ids(self) -> list[str]:
        return [row.line.bag_id for row in self._rows if row.line.bag_id in self._checked]

    def check_all(self, checked: bool) -> None:
        self.check([row.line.bag_id for row in self._rows] if checked else [])

    def check(self, bag_ids: Sequence[str]) -> None:
        """Tick exactly the bags of `bag_ids` that can still be cancelled."""
        wanted = set(bag_ids)
        self._checked = {row.line.bag_id for row in self._rows if row.cancellable} & wanted
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, 0))

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if not index.isValid() or index.column() != CancelColumn.BAG_ID:
            return flags
        if self._rows[index.row()].cancellable:
            return flags | Qt.ItemFlag.ItemIsUserCheckable
        return flags & ~Qt.ItemFlag.ItemIsEnabled

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == CancelColumn.BAG_ID:
            if not self.checkIndex(index, QAbstractTableModel.CheckIndexOption.IndexIsValid):
                return None
            ticked = self._rows[index.row()].line.bag_id in self._checked
            return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        return super().data(index, role)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != CancelColumn.BAG_ID:
            return False
        if not self.checkIndex(index, QAbstractTableModel.CheckIndexOption.IndexIsValid):
            return False
        row = self._rows[index.row()]
        if not row.cancellable:
            return False
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self._checked.add(row.line.bag_id)
        else:
            self._checked.discard(row.line.bag_id)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True

    def header(self, column: int) -> str:
        return self._headers[CancelColumn(column)]

    def display(self, row: CancelBag, column: int) -> str:
        if column == CancelColumn.BAG_ID:
            return row.line.bag_id
        if column == CancelColumn.PRODUCT:
            return row.bag.product or "" if row.bag else ""
        if column == CancelColumn.GROUP:
            return groups_text(row.bag.abo, row.bag.rh) if row.bag else ""
        return self._state_text(row)

    def _state_text(self, row: CancelBag) -> str:
        if row.line.cancelled_at is not None:
            when = time_text(row.line.cancelled_at)
            return (
                self.tr("Cancelled %1: %2")
                .replace("%1", when)
                .replace("%2", row.line.cancel_reason or "")
            )
        if not row.cancellable:
            return self.tr("Moved on since: cannot be cancelled")
        return self.tr("Taken out")

    def background(self, row: CancelBag, column: int) -> QColor | None:
        return NEW_ROW_BACKGROUND if row.line.bag_id in self._checked else None

    def foreground(self, row: CancelBag, column: int) -> QColor | None:
        return None if row.cancellable else UNAVAILABLE_FOREGROUND
