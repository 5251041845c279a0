"""The bill tables: the list of handover bills, and one bill's bags and sums.

The list is kept in step with the store by key (`merge_rows`): a bill whose
state changed repaints its own row, a bill that arrived is inserted, and the
selection stays where the clerk left it. A bill that arrived while the desk
was open stays highlighted until the clerk opens it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import datetime
from enum import IntEnum
from typing import Final

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor

from desktop.domain.expiry import ExpiryClass, expiry_class
from desktop.domain.models import HandoverDetailInfo, HandoverSumInfo
from desktop.store.bills import BillState, BillSummary
from desktop.ui.i18n import pick
from desktop.ui.models.expiry_style import (
    expiry_background,
    expiry_foreground,
    expiry_label,
)
from desktop.ui.models.table import (
    NEW_ROW_BACKGROUND,
    RowTableModel,
    SortValue,
    amount,
    amount_text,
    time_text,
    timestamp,
)

Grouped = HandoverDetailInfo | HandoverSumInfo

_STATE_ORDER: Final = {
    BillState.NEW: 0,
    BillState.RECEIVING: 1,
    BillState.PARTLY_RECEIVED: 2,
    BillState.RECEIVED: 3,
}


class BillColumn(IntEnum):
    ID = 0
    DELIVER_TIME = 1
    STATE = 2
    BAGS = 3
    REMARK = 4


class BillListModel(RowTableModel[BillSummary]):
    """The kept bills, latest dispatch first; `mark_new` highlights arrivals."""

    COLUMNS = BillColumn
    NUMERIC_COLUMNS = frozenset({BillColumn.BAGS})

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._new: set[str] = set()

    def header(self, column: int) -> str:
        return {
            BillColumn.ID: self.tr("Bill number"),
            BillColumn.DELIVER_TIME: self.tr("Dispatched"),
            BillColumn.STATE: self.tr("State"),
            BillColumn.BAGS: self.tr("Bags received"),
            BillColumn.REMARK: self.tr("Remark"),
        }[BillColumn(column)]

    def state_text(self, state: BillState) -> str:
        return {
            BillState.NEW: self.tr("New"),
            BillState.RECEIVING: self.tr("Receiving"),
            BillState.PARTLY_RECEIVED: self.tr("Partly received"),
            BillState.RECEIVED: self.tr("Received"),
        }[state]

    def display(self, row: BillSummary, column: int) -> str:
        match BillColumn(column):
            case BillColumn.ID:
                return row.id
            case BillColumn.DELIVER_TIME:
                return time_text(row.deliver_time)
            case BillColumn.STATE:
                return self.state_text(row.state)
            case BillColumn.BAGS:
                return f"{row.received_count} / {row.bag_count}"
            case BillColumn.REMARK:
                return row.remark or ""

    def sort_value(self, row: BillSummary, column: int) -> SortValue:
        if column == BillColumn.DELIVER_TIME:
            return timestamp(row.deliver_time)
        if column == BillColumn.STATE:
            return _STATE_ORDER[row.state]
        if column == BillColumn.BAGS:
            return row.bag_count - row.received_count
        return self.display(row, column)

    def tooltip(self, row: BillSummary, column: int) -> str | None:
        if row.id in self._new:
            return self.tr("Arrived while the desk was open; press Enter to open it")
        return row.remark if column == BillColumn.REMARK and row.remark else None

    def background(self, row: BillSummary, column: int) -> QColor | None:
        return NEW_ROW_BACKGROUND if row.id in self._new else None

    # -- arrivals ---------------------------------------------------------------------

    def mark_new(self, bill_ids: Iterable[str]) -> None:
        """Highlight these bills (they just arrived) until `mark_seen`."""
        for bill_id in bill_ids:
            self._new.add(bill_id)
            self._repaint(bill_id)

    def mark_seen(self, bill_id: str) -> None:
        if bill_id in self._new:
            self._new.discard(bill_id)
            self._repaint(bill_id)

    def mark_all_seen(self) -> None:
        seen, self._new = self._new, set()
        for bill_id in seen:
            self._repaint(bill_id)

    @property
    def new_count(self) -> int:
        return len(self._new)

    def position_of_bill(self, bill_id: str) -> int | None:
        return self.position_of(lambda row: row.id == bill_id)

    def _repaint(self, bill_id: str) -> None:
        position = self.position_of_bill(bill_id)
        if position is not None:
            self.row_changed(position)


# An unreadable group shows as 不详, never as the platform's text (see domain.models.handover);
# the text it sent is in the tooltip, for checking against the bag's label.
def _abo_text(row: Grouped) -> str:
    return pick(row.blood_group.label_zh, row.blood_group.label_en)


def _rh_text(row: Grouped) -> str:
    return pick(row.rh_blood_group.label_zh, row.rh_blood_group.label_en)


def _as_sent(row: Grouped, is_abo: bool) -> str | None:
    return row.blood_group_as_sent if is_abo else row.rh_blood_group_as_sent


class BagColumn(IntEnum):
    BAG_ID = 0
    DIN = 1
    PRODUCT_CODE = 2
    PRODUCT_NAME = 3
    ABO = 4
    RH = 5
    EXPIRY = 6


_BAG_GROUPS: Final = frozenset({BagColumn.ABO, BagColumn.RH})


class BillBagModel(RowTableModel[HandoverDetailInfo]):
    """The bags of one bill, coloured by how close each is to its expiry at `now`."""

    COLUMNS = BagColumn

    def __init__(self, now: datetime, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._now = now
        self._product_names: Mapping[str, str] = {}
        self._texts: Mapping[BagColumn, Callable[[HandoverDetailInfo], str]] = {
            BagColumn.BAG_ID: lambda row: row.blood_bag_id,
            BagColumn.DIN: lambda row: row.serial_id or "",
            BagColumn.PRODUCT_CODE: lambda row: row.blood_id or "",
            BagColumn.PRODUCT_NAME: lambda row: self._product_names.get(row.blood_id or "", ""),
            BagColumn.ABO: _abo_text,
            BagColumn.RH: _rh_text,
            BagColumn.EXPIRY: lambda row: time_text(row.expiration),
        }

    def set_product_names(self, names: Mapping[str, str]) -> None:
        """Product code → name, from the product dictionary."""
        self._product_names = names
        self._repaint_column(BagColumn.PRODUCT_NAME)

    def set_now(self, now: datetime) -> None:
        """Re-band every bag's expiry: a bag crosses into "within 24 h" while the desk is open."""
        self._now = now
        self._repaint_column(BagColumn.EXPIRY, BagColumn.BAG_ID)

    def band(self, row: HandoverDetailInfo) -> ExpiryClass:
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
        }[BagColumn(column)]

    def display(self, row: HandoverDetailInfo, column: int) -> str:
        return self._texts[BagColumn(column)](row)

    def sort_value(self, row: HandoverDetailInfo, column: int) -> SortValue:
        if column == BagColumn.EXPIRY:
            return timestamp(row.expiration)
        return self.display(row, column)

    def tooltip(self, row: HandoverDetailInfo, column: int) -> str | None:
        sent = _as_sent(row, column == BagColumn.ABO) if column in _BAG_GROUPS else None
        if sent:
            return self.tr("The platform sent “%1”; check the bag's label").replace("%1", sent)
        band = self.band(row)
        return None if band is ExpiryClass.OK else expiry_label(band)

    def background(self, row: HandoverDetailInfo, column: int) -> QColor | None:
        return expiry_background(self.band(row))

    def foreground(self, row: HandoverDetailInfo, column: int) -> QColor | None:
        return expiry_foreground(self.band(row))

    def _repaint_column(self, first: int, last: int | None = None) -> None:
        if self.rowCount():
            left, right = (first, first) if last is None else (min(first, last), max(first, last))
            self.dataChanged.emit(self.index(0, left), self.index(self.rowCount() - 1, right))


class SumColumn(IntEnum):
    SUB_TYPE = 0
    ABO = 1
    RH = 2
    CONVERSION = 3
    CAPACITY = 4


_SUM_GROUPS: Final = frozenset({SumColumn.ABO, SumColumn.RH})


class BillSumModel(RowTableModel[HandoverSumInfo]):
    """A bill's summary lines: totals per product sub-class and blood group."""

    COLUMNS = SumColumn
    NUMERIC_COLUMNS = frozenset({SumColumn.CONVERSION, SumColumn.CAPACITY})

    def header(self, column: int) -> str:
        return {
            SumColumn.SUB_TYPE: self.tr("Sub-class"),
            SumColumn.ABO: self.tr("ABO"),
            SumColumn.RH: self.tr("Rh(D)"),
            SumColumn.CONVERSION: self.tr("Units"),
            SumColumn.CAPACITY: self.tr("Volume"),
        }[SumColumn(column)]

    def display(self, row: HandoverSumInfo, column: int) -> str:
        match SumColumn(column):
            case SumColumn.SUB_TYPE:
                return row.blood_sub_type or ""
            case SumColumn.ABO:
                return _abo_text(row)
            case SumColumn.RH:
                return _rh_text(row)
            case SumColumn.CONVERSION:
                return amount_text(row.conversion)
            case SumColumn.CAPACITY:
                return amount_text(row.capacity)

    def tooltip(self, row: HandoverSumInfo, column: int) -> str | None:
        sent = _as_sent(row, column == SumColumn.ABO) if column in _SUM_GROUPS else None
        return self.tr("The platform sent “%1”").replace("%1", sent) if sent else None

    def sort_value(self, row: HandoverSumInfo, column: int) -> SortValue:
        if column == SumColumn.CONVERSION:
            return amount(row.conversion)
        if column == SumColumn.CAPACITY:
            return amount(row.capacity)
        return self.display(row, column)
