"""The outbox list: every record the desk has to deliver, with its state and the platform's word."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from desktop.domain.delivery import DeliveryState, DocumentKind
from desktop.store.outbox_items import OutboxItem
from desktop.ui.i18n import pick
from desktop.ui.models.table import (
    EXPIRED_BACKGROUND,
    WITHIN_24H_BACKGROUND,
    RowTableModel,
    SortValue,
    time_text,
    timestamp,
)


class OutboxColumn(IntEnum):
    SEQ = 0
    KIND = 1
    NUMBER = 2
    BAGS = 3
    STATE = 4
    ATTEMPTS = 5
    DAY = 6
    CREATED = 7
    MESSAGE = 8


def kind_label(kind: DocumentKind) -> str:
    return {
        DocumentKind.RECEIVE: QCoreApplication.translate("OutboxModel", "Receipt"),
        DocumentKind.TAKEOUT: QCoreApplication.translate("OutboxModel", "Takeout"),
        DocumentKind.CANCEL: QCoreApplication.translate("OutboxModel", "Cancellation"),
    }[kind]


def state_label(state: DeliveryState) -> str:
    return {
        DeliveryState.PENDING: QCoreApplication.translate("OutboxModel", "Waiting"),
        DeliveryState.IN_DOUBT: QCoreApplication.translate("OutboxModel", "In doubt"),
        DeliveryState.NEEDS_ATTENTION: QCoreApplication.translate("OutboxModel", "Needs attention"),
        DeliveryState.ACKNOWLEDGED: QCoreApplication.translate("OutboxModel", "On the platform"),
        DeliveryState.WITHDRAWN: QCoreApplication.translate("OutboxModel", "Withdrawn"),
    }[state]


def error_text(item: OutboxItem) -> str:
    if item.error is None:
        return ""
    return pick(item.error.message_zh, item.error.message_en)


class OutboxModel(RowTableModel[OutboxItem]):
    COLUMNS = OutboxColumn
    NUMERIC_COLUMNS = frozenset({OutboxColumn.SEQ, OutboxColumn.BAGS, OutboxColumn.ATTEMPTS})

    def header(self, column: int) -> str:
        return {
            OutboxColumn.SEQ: self.tr("No."),
            OutboxColumn.KIND: self.tr("Record"),
            OutboxColumn.NUMBER: self.tr("Number"),
            OutboxColumn.BAGS: self.tr("Bags"),
            OutboxColumn.STATE: self.tr("State"),
            OutboxColumn.ATTEMPTS: self.tr("Attempts"),
            OutboxColumn.DAY: self.tr("Business day"),
            OutboxColumn.CREATED: self.tr("Saved"),
            OutboxColumn.MESSAGE: self.tr("Platform's answer"),
        }[OutboxColumn(column)]

    def display(self, row: OutboxItem, column: int) -> str:
        shown: dict[OutboxColumn, Any] = {
            OutboxColumn.SEQ: row.seq,
            OutboxColumn.KIND: kind_label(row.kind),
            OutboxColumn.NUMBER: row.number,
            OutboxColumn.BAGS: len(row.bag_ids),
            OutboxColumn.STATE: state_label(row.state),
            OutboxColumn.ATTEMPTS: row.attempts,
            OutboxColumn.DAY: row.business_day.isoformat(),
            OutboxColumn.CREATED: time_text(row.created_at),
            OutboxColumn.MESSAGE: error_text(row),
        }
        return str(shown[OutboxColumn(column)])

    def sort_value(self, row: OutboxItem, column: int) -> SortValue:
        if column in (OutboxColumn.SEQ, OutboxColumn.BAGS, OutboxColumn.ATTEMPTS):
            return int(self.display(row, column))
        if column == OutboxColumn.CREATED:
            return timestamp(row.created_at)
        return self.display(row, column)

    def tooltip(self, row: OutboxItem, column: int) -> str | None:
        return error_text(row) or None

    def background(self, row: OutboxItem, column: int) -> QColor | None:
        if row.state == DeliveryState.NEEDS_ATTENTION:
            return EXPIRED_BACKGROUND
        if row.state == DeliveryState.IN_DOUBT:
            return WITHIN_24H_BACKGROUND
        return None
