"""The dictionary tables: products, product classes, facilities, diseases, departments.

Each model holds one page of entries, the answer to the current search (at
most `PAGE_SIZE`), never a whole 50,000-row dictionary: the store searches,
the model shows. Entries the platform withdrew (or a department the counter
disabled) stay listed, greyed, so a clerk can tell "withdrawn" from "missing".
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from enum import IntEnum
from typing import Final, TypeVar

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor

from desktop.domain.models import Blood, BloodSubType, BloodType, Disease, Facility
from desktop.store.departments import Department
from desktop.ui.i18n import pick
from desktop.ui.models.table import (
    UNAVAILABLE_FOREGROUND,
    RowTableModel,
    SortValue,
    amount,
    amount_text,
)

PAGE_SIZE: Final = 500
"""The most entries a dictionary table holds: a search answer, not the dictionary."""

BloodClass = BloodType | BloodSubType


def _grey_if_withdrawn(available: bool) -> QColor | None:
    return None if available else UNAVAILABLE_FOREGROUND


DictionaryRow = TypeVar("DictionaryRow", Blood, BloodClass, Facility, Disease, Department)


class _DictionaryModel(RowTableModel[DictionaryRow]):
    """Greys withdrawn entries and says so in a tooltip."""

    def foreground(self, row: DictionaryRow, column: int) -> QColor | None:
        return _grey_if_withdrawn(row.available)

    def tooltip(self, row: DictionaryRow, column: int) -> str | None:
        return None if row.available else self.tr("Withdrawn: no longer offered in forms")

    def available_text(self, available: bool) -> str:
        return self.tr("Yes") if available else self.tr("No")


class ProductColumn(IntEnum):
    CODE = 0
    NAME = 1
    SHORT_NAME = 2
    SUB_TYPE = 3
    TYPE = 4
    CAPACITY = 5
    CONVERSION = 6
    AVAILABLE = 7


class ProductModel(_DictionaryModel[Blood]):
    """Blood products (血液品种) by ISBT 128 product code, with their class names."""

    COLUMNS = ProductColumn
    NUMERIC_COLUMNS = frozenset({ProductColumn.CAPACITY, ProductColumn.CONVERSION})

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._type_names: Mapping[int, str] = {}
        self._sub_type_names: Mapping[int, str] = {}
        self._texts: Mapping[ProductColumn, Callable[[Blood], str]] = {
            ProductColumn.CODE: lambda row: row.id,
            ProductColumn.NAME: lambda row: row.full_name,
            ProductColumn.SHORT_NAME: lambda row: row.short_name or "",
            ProductColumn.SUB_TYPE: lambda row: _class_name(self._sub_type_names, row.sub_type),
            ProductColumn.TYPE: lambda row: _class_name(self._type_names, row.type),
            ProductColumn.CAPACITY: _volume_text,
            ProductColumn.CONVERSION: lambda row: amount_text(row.conversion),
            ProductColumn.AVAILABLE: lambda row: self.available_text(row.available),
        }

    def set_class_names(self, types: Mapping[int, str], sub_types: Mapping[int, str]) -> None:
        """Class id → name, from the class dictionaries; only the two class columns repaint."""
        self._type_names = types
        self._sub_type_names = sub_types
        if self.rowCount():
            last = self.rowCount() - 1
            first_column, last_column = ProductColumn.SUB_TYPE, ProductColumn.TYPE
            self.dataChanged.emit(self.index(0, first_column), self.index(last, last_column))

    def header(self, column: int) -> str:
        return {
            ProductColumn.CODE: self.tr("Product code"),
            ProductColumn.NAME: self.tr("Name"),
            ProductColumn.SHORT_NAME: self.tr("Short name"),
            ProductColumn.SUB_TYPE: self.tr("Sub-class"),
            ProductColumn.TYPE: self.tr("Class"),
            ProductColumn.CAPACITY: self.tr("Volume per bag"),
            ProductColumn.CONVERSION: self.tr("Units per bag"),
            ProductColumn.AVAILABLE: self.tr("In use"),
        }[ProductColumn(column)]

    def display(self, row: Blood, column: int) -> str:
        return self._texts[ProductColumn(column)](row)

    def sort_value(self, row: Blood, column: int) -> SortValue:
        if column == ProductColumn.CAPACITY:
            return amount(row.capacity)
        if column == ProductColumn.CONVERSION:
            return amount(row.conversion)
        return self.display(row, column)


def _volume_text(row: Blood) -> str:
    volume = amount_text(row.capacity)
    return f"{volume} {row.unit}" if volume and row.unit else volume


def _class_name(names: Mapping[int, str], class_id: int | None) -> str:
    if class_id is None:
        return ""
    return names.get(class_id, str(class_id))


class ClassColumn(IntEnum):
    ID = 0
    NAME = 1
    ORDER = 2
    AVAILABLE = 3


class ClassModel(_DictionaryModel[BloodClass]):
    """Product classes (大类) or sub-classes (中类): the two dictionaries have one shape."""

    COLUMNS = ClassColumn
    NUMERIC_COLUMNS = frozenset({ClassColumn.ID, ClassColumn.ORDER})

    def header(self, column: int) -> str:
        return {
            ClassColumn.ID: self.tr("Id"),
            ClassColumn.NAME: self.tr("Name"),
            ClassColumn.ORDER: self.tr("Order"),
            ClassColumn.AVAILABLE: self.tr("In use"),
        }[ClassColumn(column)]

    def display(self, row: BloodClass, column: int) -> str:
        match ClassColumn(column):
            case ClassColumn.ID:
                return str(row.id)
            case ClassColumn.NAME:
                return row.name
            case ClassColumn.ORDER:
                return "" if row.ui_order is None else str(row.ui_order)
            case ClassColumn.AVAILABLE:
                return self.available_text(row.available)

    def sort_value(self, row: BloodClass, column: int) -> SortValue:
        if column == ClassColumn.ID:
            return row.id
        if column == ClassColumn.ORDER:
            return -1 if row.ui_order is None else row.ui_order
        return self.display(row, column)


class FacilityColumn(IntEnum):
    ID = 0
    NAME = 1
    TYPE = 2
    AVAILABLE = 3


class FacilityModel(_DictionaryModel[Facility]):
    """Blood stations, branches, donation offices and hospitals."""

    COLUMNS = FacilityColumn
    NUMERIC_COLUMNS = frozenset({FacilityColumn.ID})

    def header(self, column: int) -> str:
        return {
            FacilityColumn.ID: self.tr("Id"),
            FacilityColumn.NAME: self.tr("Name"),
            FacilityColumn.TYPE: self.tr("Kind"),
            FacilityColumn.AVAILABLE: self.tr("In service"),
        }[FacilityColumn(column)]

    def display(self, row: Facility, column: int) -> str:
        match FacilityColumn(column):
            case FacilityColumn.ID:
                return str(row.id)
            case FacilityColumn.NAME:
                return row.name
            case FacilityColumn.TYPE:
                return pick(row.type.label_zh, row.type.label_en)
            case FacilityColumn.AVAILABLE:
                return self.available_text(row.available)

    def sort_value(self, row: Facility, column: int) -> SortValue:
        return row.id if column == FacilityColumn.ID else self.display(row, column)


class DiseaseColumn(IntEnum):
    CODE = 0
    NAME = 1
    ID = 2


class DiseaseModel(_DictionaryModel[Disease]):
    """One page of the disease dictionary: the answer to the current search."""

    COLUMNS = DiseaseColumn

    def header(self, column: int) -> str:
        return {
            DiseaseColumn.CODE: self.tr("ICD-10 code"),
            DiseaseColumn.NAME: self.tr("Name"),
            DiseaseColumn.ID: self.tr("Platform id"),
        }[DiseaseColumn(column)]

    def display(self, row: Disease, column: int) -> str:
        match DiseaseColumn(column):
            case DiseaseColumn.CODE:
                return row.code or ""
            case DiseaseColumn.NAME:
                return row.name
            case DiseaseColumn.ID:
                return row.id


class DepartmentColumn(IntEnum):
    ID = 0
    NAME = 1
    SHORT_CODE = 2
    AVAILABLE = 3


class DepartmentModel(_DictionaryModel[Department]):
    """The hospital's own departments, as the counter keeps them."""

    COLUMNS = DepartmentColumn
    NUMERIC_COLUMNS = frozenset({DepartmentColumn.ID})

    def header(self, column: int) -> str:
        return {
            DepartmentColumn.ID: self.tr("Department id"),
            DepartmentColumn.NAME: self.tr("Name"),
            DepartmentColumn.SHORT_CODE: self.tr("Short code"),
            DepartmentColumn.AVAILABLE: self.tr("In use"),
        }[DepartmentColumn(column)]

    def display(self, row: Department, column: int) -> str:
        match DepartmentColumn(column):
            case DepartmentColumn.ID:
                return str(row.id)
            case DepartmentColumn.NAME:
                return row.name
            case DepartmentColumn.SHORT_CODE:
                return row.short_code or ""
            case DepartmentColumn.AVAILABLE:
                return self.available_text(row.available)

    def sort_value(self, row: Department, column: int) -> SortValue:
        return row.id if column == DepartmentColumn.ID else self.display(row, column)

    def tooltip(self, row: Department, column: int) -> str | None:
        return None if row.available else self.tr("Disabled: not offered in takeout forms")
