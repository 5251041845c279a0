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


def _tr(text: str) -> str:
    return QCoreApplication.translate("OutboxModel", text)


def kind_label(kind: DocumentKind) -> str:
    return {
        DocumentKind.RECEIVE: _tr("Receipt"),
        DocumentKind.TAKEOUT: _tr("Takeout"),
        DocumentKind.CANCEL: _tr("Cancellation"),
    }[kind]


def state_label(state: DeliveryState) -> str:
    return {
        DeliveryState.PENDING: _tr("Waiting"),
        DeliveryState.IN_DOUBT: _tr("In doubt"),
        DeliveryState.NEEDS_ATTENTION: _tr("Needs attention"),
        DeliveryState.ACKNOWLEDGED: _tr("On the platform"),
        DeliveryState.WITHDRAWN: _tr("Withdrawn"),
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
            OutboxColumn.SEQ: _tr("No."),
            OutboxColumn.KIND: _tr("Record"),
            OutboxColumn.NUMBER: _tr("Number"),
            OutboxColumn.BAGS: _tr("Bags"),
            OutboxColumn.STATE: _tr("State"),
            OutboxColumn.ATTEMPTS: _tr("Attempts"),
            OutboxColumn.DAY: _tr("Business day"),
            OutboxColumn.CREATED: _tr("Saved"),
            OutboxColumn.MESSAGE: _tr("Platform's answer"),
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
