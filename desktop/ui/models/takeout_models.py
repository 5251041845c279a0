"""The takeout tables: picker matches, the bags on a takeout, and the products requested.

Rows are immutable objects built on the db worker or by the tab; the models
only show them. `TakeoutBagsModel` colours a bag by what the counter may do
with it: red when it may not leave as things stand.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from enum import IntEnum
from typing import Any, Final

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from desktop.domain.codes import Abo, Rh
from desktop.domain.compatibility import CompatibilityLevel
from desktop.domain.dates import SHANGHAI
from desktop.domain.expiry import expiry_class
from desktop.ui.i18n import pick
from desktop.ui.models.expiry_style import expiry_background
from desktop.ui.models.table import (
    EXPIRED_BACKGROUND,
    OBJECT_ROLE,
    WITHIN_24H_BACKGROUND,
    RowTableModel,
    SortValue,
    amount,
    time_text,
    timestamp,
)
from desktop.ui.takeout.issue_check import IssueLine

Index = QModelIndex | QPersistentModelIndex


def groups_text(abo: Abo, rh: Rh) -> str:
    return f"{pick(abo.label_zh, abo.label_en)} {pick(rh.label_zh, rh.label_en)}"


# -- picker matches ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PickerChoice:
    """An entry a picker offers: the key the document takes, a code, and the name."""

    key: str
    name: str
    code: str | None = None

    @property
    def text(self) -> str:
        return f"{self.code} {self.name}" if self.code else self.name


class ChoicesModel(QAbstractListModel):
    """The matches of the last search, best first."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._choices: list[PickerChoice] = []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's API
        return 0 if parent.isValid() else len(self._choices)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.checkIndex(index, QAbstractListModel.CheckIndexOption.IndexIsValid):
            return None
        choice = self._choices[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return choice.text
        return choice if role == OBJECT_ROLE else None

    def set_choices(self, choices: Sequence[PickerChoice]) -> None:
        self.beginResetModel()
        self._choices = list(choices)
        self.endResetModel()

    def choice(self, row: int) -> PickerChoice:
        return self._choices[row]

    def row_of(self, text: str) -> int | None:
        return next((i for i, choice in enumerate(self._choices) if choice.text == text), None)


# -- the bags on a takeout -----------------------------------------------------------------


class BagColumn(IntEnum):
    BAG_ID = 0
    PRODUCT = 1
    GROUP = 2
    EXPIRY = 3
    CHECK = 4
    NOTE = 5


_LEVEL_ORDER: Final = {level: -int(level) for level in CompatibilityLevel}


class TakeoutBagsModel(RowTableModel[IssueLine]):
    """The bags scanned for this takeout, in scan order."""

    COLUMNS = BagColumn

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._product_names: Mapping[str, str] = {}
        self._now = datetime.now(SHANGHAI)
        self._headers = {
            BagColumn.BAG_ID: self.tr("Bag id"),
            BagColumn.PRODUCT: self.tr("Product"),
            BagColumn.GROUP: self.tr("ABO / Rh"),
            BagColumn.EXPIRY: self.tr("Expiry"),
            BagColumn.CHECK: self.tr("Check"),
            BagColumn.NOTE: self.tr("Reason / override"),
        }

    def set_context(self, product_names: Mapping[str, str], now: datetime) -> None:
        """Product code → name, and the time expiry bands are counted from."""
        self._product_names = product_names
        self._now = now
        if self.rowCount():
            self.dataChanged.emit(
                self.index(0, 0), self.index(self.rowCount() - 1, len(BagColumn) - 1)
            )

    def append(self, line: IssueLine) -> None:
        position = self.rowCount()
        self.beginInsertRows(QModelIndex(), position, position)
        self._rows.append(line)
        self.endInsertRows()

    def remove(self, position: int) -> IssueLine:
        self.beginRemoveRows(QModelIndex(), position, position)
        line = self._rows.pop(position)
        self.endRemoveRows()
        return line

    def header(self, column: int) -> str:
        return self._headers[BagColumn(column)]

    def display(self, row: IssueLine, column: int) -> str:
        bag = row.facts.bag
        if column == BagColumn.BAG_ID:
            return bag.bag_id
        if column == BagColumn.PRODUCT:
            name = self._product_names.get(bag.product_code or "")
            return f"{name}（{bag.product_code}）" if name else bag.product_code or ""
        if column == BagColumn.GROUP:
            return groups_text(bag.abo, bag.rh)
        if column == BagColumn.EXPIRY:
            return time_text(bag.expiration)
        if column == BagColumn.CHECK:
            return self._check_text(row)
        return row.override_reason or pick(row.assessment.reason.zh, row.assessment.reason.en)

    def _check_text(self, row: IssueLine) -> str:
        if not row.issuable:
            if row.assessment.level is CompatibilityLevel.REFUSED:
                return self.tr("Refused")
            return self.tr("Needs checking again: remove and rescan")
        if row.override_reason:
            return self.tr("Overridden")
        if row.confirmed:
            return self.tr("Confirmed")
        return self.tr("OK")

    def sort_value(self, row: IssueLine, column: int) -> SortValue:
        if column == BagColumn.EXPIRY:
            return timestamp(row.facts.bag.expiration)
        if column == BagColumn.CHECK:
            return _LEVEL_ORDER[row.assessment.level] + (0 if row.issuable else -10)
        return self.display(row, column)

    def tooltip(self, row: IssueLine, column: int) -> str | None:
        reason = row.assessment.reason
        return pick(reason.zh, reason.en) if reason.zh else None

    def background(self, row: IssueLine, column: int) -> QColor | None:
        if not row.issuable:
            return EXPIRED_BACKGROUND
        if column == BagColumn.EXPIRY:
            return expiry_background(expiry_class(row.facts.bag.expiration, self._now))
        if row.assessment.level is not CompatibilityLevel.OK:
            return WITHIN_24H_BACKGROUND
        return None

    def bag_ids(self) -> list[str]:
        return [line.bag_id for line in self._rows]


# -- the products requested ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RequestedBlood:
    """One line of `transfusionApplyBloods`, as entered (kept as text until validated)."""

    sub_type: str
    sub_type_name: str
    abo: str
    rh: str
    volume: str
    unit: str
    ml: str

    def wire(self) -> dict[str, str]:
        values = {
            "bloodSubType": self.sub_type,
            "bloodGroup": self.abo,
            "rhBloodGroup": self.rh,
            "bloodVolume": self.volume,
            "bloodUnit": self.unit,
            "mlVolume": self.ml,
        }
        return {key: value for key, value in values.items() if value}


class RequestColumn(IntEnum):
    SUB_TYPE = 0
    GROUP = 1
    VOLUME = 2
    ML = 3


class RequestedBloodsModel(RowTableModel[RequestedBlood]):
    """The products the doctor requested."""

    COLUMNS = RequestColumn
    NUMERIC_COLUMNS = frozenset({RequestColumn.VOLUME, RequestColumn.ML})

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = {
            RequestColumn.SUB_TYPE: self.tr("Product class"),
            RequestColumn.GROUP: self.tr("ABO / Rh"),
            RequestColumn.VOLUME: self.tr("Quantity"),
            RequestColumn.ML: self.tr("ml"),
        }

    def append(self, line: RequestedBlood) -> None:
        position = self.rowCount()
        self.beginInsertRows(QModelIndex(), position, position)
        self._rows.append(line)
        self.endInsertRows()

    def remove(self, position: int) -> None:
        self.beginRemoveRows(QModelIndex(), position, position)
        del self._rows[position]
        self.endRemoveRows()

    def header(self, column: int) -> str:
        return self._headers[RequestColumn(column)]

    def display(self, row: RequestedBlood, column: int) -> str:
        if column == RequestColumn.SUB_TYPE:
            return f"{row.sub_type} {row.sub_type_name}".strip()
        if column == RequestColumn.GROUP:
            return f"{row.abo} {_rh_text(row.rh)}".strip()
        if column == RequestColumn.VOLUME:
            return f"{row.volume} {row.unit}".strip()
        return row.ml

    def sort_value(self, row: RequestedBlood, column: int) -> SortValue:
        if column in self.NUMERIC_COLUMNS:
            text = row.volume if column == RequestColumn.VOLUME else row.ml
            return amount(_decimal(text))
        return self.display(row, column)


def _rh_text(code: str) -> str:
    try:
        rh = Rh(code)
    except ValueError:
        return code
    return pick(rh.label_zh, rh.label_en)


def _decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text)
    except ArithmeticError:
        return None
