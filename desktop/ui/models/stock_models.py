"""The stock tables: counts on the shelf per product and blood group, and the bags themselves.

Both take the product dictionary (`set_products`) for names and for the units
a bag counts for, and the bag list takes `now` to band each bag's expiry; a
minute timer in the tab moves `now` on, so a bag turns orange while the desk
is open without anyone reloading.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from decimal import Decimal
from enum import IntEnum
from typing import Final, TypeVar

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor

from desktop.domain.codes import Abo, Rh
from desktop.domain.expiry import ExpiryClass, expiry_class
from desktop.domain.models import Blood
from desktop.store.stock import StockBag, StockCount
from desktop.ui.i18n import pick
from desktop.ui.models.expiry_style import (
    URGENCY,
    expiry_background,
    expiry_foreground,
    expiry_label,
)
from desktop.ui.models.table import RowTableModel, SortValue, amount, amount_text, time_text
from desktop.ui.models.table import timestamp as time_value

_ABO_ORDER: Final = {group: rank for rank, group in enumerate(Abo)}
_RH_ORDER: Final = {group: rank for rank, group in enumerate(Rh)}


def abo_text(abo: Abo) -> str:
    return pick(abo.label_zh, abo.label_en)


def rh_text(rh: Rh) -> str:
    return pick(rh.label_zh, rh.label_en)


StockRow = TypeVar("StockRow", StockCount, StockBag)


class _ProductTable(RowTableModel[StockRow]):
    """Knows the product dictionary, for names and units."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._products: Mapping[str, Blood] = {}

    def set_products(self, products: Mapping[str, Blood]) -> None:
        """Product code → product: a new dictionary repaints, it does not reload."""
        self._products = products
        if self.rowCount():
            last_row, last_column = self.rowCount() - 1, self.columnCount() - 1
            self.dataChanged.emit(self.index(0, 0), self.index(last_row, last_column))

    def product_name(self, code: str | None) -> str:
        product = self._products.get(code or "")
        return "" if product is None else product.full_name

    def units(self, code: str | None, count: int) -> Decimal | None:
        """What `count` bags of product `code` count for in units (单位折算量), if known."""
        product = self._products.get(code or "")
        if product is None or product.conversion is None:
            return None
        return product.conversion * count


class SummaryColumn(IntEnum):
    PRODUCT_CODE = 0
    PRODUCT_NAME = 1
    ABO = 2
    RH = 3
    COUNT = 4
    UNITS = 5
    EARLIEST_EXPIRY = 6


class StockSummaryModel(_ProductTable[StockCount]):
    """Bags on the shelf counted by product, ABO and Rh(D)."""

    COLUMNS = SummaryColumn
    NUMERIC_COLUMNS = frozenset({SummaryColumn.COUNT, SummaryColumn.UNITS})

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._texts: Mapping[SummaryColumn, Callable[[StockCount], str]] = {
            SummaryColumn.PRODUCT_CODE: lambda row: row.product or "",
            SummaryColumn.PRODUCT_NAME: lambda row: (
                row.product_name or self.product_name(row.product)
            ),
            SummaryColumn.ABO: lambda row: abo_text(row.abo),
            SummaryColumn.RH: lambda row: rh_text(row.rh),
            SummaryColumn.COUNT: lambda row: str(row.count),
            SummaryColumn.UNITS: lambda row: amount_text(self.units(row.product, row.count)),
            SummaryColumn.EARLIEST_EXPIRY: lambda row: time_text(row.earliest_expiration),
        }

    def header(self, column: int) -> str:
        return {
            SummaryColumn.PRODUCT_CODE: self.tr("Product code"),
            SummaryColumn.PRODUCT_NAME: self.tr("Product"),
            SummaryColumn.ABO: self.tr("ABO"),
            SummaryColumn.RH: self.tr("Rh(D)"),
            SummaryColumn.COUNT: self.tr("Bags"),
            SummaryColumn.UNITS: self.tr("Units"),
            SummaryColumn.EARLIEST_EXPIRY: self.tr("First expiry"),
        }[SummaryColumn(column)]

    def display(self, row: StockCount, column: int) -> str:
        return self._texts[SummaryColumn(column)](row)

    def sort_value(self, row: StockCount, column: int) -> SortValue:
        match SummaryColumn(column):
            case SummaryColumn.ABO:
                return _ABO_ORDER[row.abo]
            case SummaryColumn.RH:
                return _RH_ORDER[row.rh]
            case SummaryColumn.COUNT:
                return row.count
            case SummaryColumn.UNITS:
                return amount(self.units(row.product, row.count))
            case SummaryColumn.EARLIEST_EXPIRY:
                return time_value(row.earliest_expiration)
            case _:
                return self.display(row, column)


class BagColumn(IntEnum):
    BAG_ID = 0
    DIN = 1
    PRODUCT_CODE = 2
    PRODUCT_NAME = 3
    ABO = 4
    RH = 5
    EXPIRY = 6
    EXPIRY_BAND = 7
    UPDATED = 8


class StockBagModel(_ProductTable[StockBag]):
    """The bags on the shelf, first to expire first, coloured by expiry band."""

    COLUMNS = BagColumn

    def __init__(self, now: datetime, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._now = now
        self._texts: Mapping[BagColumn, Callable[[StockBag], str]] = {
            BagColumn.BAG_ID: lambda row: row.bag_id,
            BagColumn.DIN: lambda row: row.serial_id or "",
            BagColumn.PRODUCT_CODE: lambda row: row.product or "",
            BagColumn.PRODUCT_NAME: lambda row: self.product_name(row.product),
            BagColumn.ABO: lambda row: abo_text(row.abo),
            BagColumn.RH: lambda row: rh_text(row.rh),
            BagColumn.EXPIRY: lambda row: time_text(row.expiration),
            BagColumn.EXPIRY_BAND: lambda row: expiry_label(self.band(row)),
            BagColumn.UPDATED: lambda row: time_text(row.updated_at),
        }

    def set_now(self, now: datetime) -> None:
        """Re-band every bag at `now`: one signal over the whole table."""
        self._now = now
        if self.rowCount():
            last_row, last_column = self.rowCount() - 1, self.columnCount() - 1
            self.dataChanged.emit(self.index(0, 0), self.index(last_row, last_column))

    @property
    def now(self) -> datetime:
        return self._now

    def band(self, row: StockBag) -> ExpiryClass:
        return expiry_class(row.expiration, self._now)

    def header(self, column: int) -> str:
        return {
            BagColumn.BAG_ID: self.tr("Bag id"),
            BagColumn.DIN: self.tr("Donation number (DIN)"),
            BagColumn.PRODUCT_CODE: self.tr("Product code"),
            BagColumn.PRODUCT_NAME: self.tr("Product"),
            BagColumn.ABO: self.tr("ABO"),
            BagColumn.RH: self.tr("Rh(D)"),
            BagColumn.EXPIRY: self.tr("Expiry"),
            BagColumn.EXPIRY_BAND: self.tr("Expiry state"),
            BagColumn.UPDATED: self.tr("On the shelf since"),
        }[BagColumn(column)]

    def display(self, row: StockBag, column: int) -> str:
        return self._texts[BagColumn(column)](row)

    def sort_value(self, row: StockBag, column: int) -> SortValue:
        match BagColumn(column):
            case BagColumn.ABO:
                return _ABO_ORDER[row.abo]
            case BagColumn.RH:
                return _RH_ORDER[row.rh]
            case BagColumn.EXPIRY:
                return time_value(row.expiration)
            case BagColumn.EXPIRY_BAND:
                return URGENCY[self.band(row)]
            case BagColumn.UPDATED:
                return time_value(row.updated_at)
            case _:
                return self.display(row, column)

    def tooltip(self, row: StockBag, column: int) -> str | None:
        band = self.band(row)
        return None if band is ExpiryClass.OK else expiry_label(band)

    def background(self, row: StockBag, column: int) -> QColor | None:
        return expiry_background(self.band(row))

    def foreground(self, row: StockBag, column: int) -> QColor | None:
        return expiry_foreground(self.band(row))
