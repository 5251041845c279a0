"""The table views of the dictionaries, bills and stock tabs: read-only, whole rows, sortable."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

SOURCE_ORDER = -1
"""Sort by no column: the rows stay in the order the store gave them."""


def read_only_table(
    proxy: QSortFilterProxyModel,
    sort_column: int = SOURCE_ORDER,
    order: Qt.SortOrder = Qt.SortOrder.AscendingOrder,
) -> QTableView:
    """A view of `proxy`, first sorted by `sort_column`; a header click sorts by another."""
    table = QTableView()
    table.setModel(proxy)
    table.setSortingEnabled(True)
    # Enabling sorting sorts at once by the header's default (column 0, descending): say which.
    table.sortByColumn(sort_column, order)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    # Size columns from the rows on screen only: measuring every row of a 1,000-bag
    # table (Chinese text layout) on each change stalled the window for seconds.
    header.setResizeContentsPrecision(0)
    header.setStretchLastSection(True)
    return table
