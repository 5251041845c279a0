"""The window's tabs, in the order the counter works: each a QWidget built from the desk."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from desktop.ui.desk import Desk


def tab_titles() -> list[str]:
    tr = QCoreApplication.translate
    return [
        tr("tabs", "&Dictionaries"),
        tr("tabs", "Incoming &bills"),
        tr("tabs", "&Receiving"),
        tr("tabs", "&Takeout"),
        tr("tabs", "&Cancel takeout"),
        tr("tabs", "&Stock"),
    ]


def tab_factories() -> list[Callable[[Desk], QWidget]]:
    """The tab classes, in `tab_titles` order; importing them loads the store and the client."""
    from desktop.ui.tabs.bills import BillsTab  # noqa: PLC0415
    from desktop.ui.tabs.cancel import CancelTab  # noqa: PLC0415
    from desktop.ui.tabs.dictionaries import DictionariesTab  # noqa: PLC0415
    from desktop.ui.tabs.receiving import ReceivingTab  # noqa: PLC0415
    from desktop.ui.tabs.stock import StockTab  # noqa: PLC0415
    from desktop.ui.tabs.takeout import TakeoutTab  # noqa: PLC0415

    return [DictionariesTab, BillsTab, ReceivingTab, TakeoutTab, CancelTab, StockTab]
