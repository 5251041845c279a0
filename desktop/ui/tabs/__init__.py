"""The window's tabs, in the order the counter works: each a QWidget built from the desk."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from desktop.ui.desk import Desk


def tab_titles() -> list[str]:
    # Spelled out in full: lupdate only recognises `QCoreApplication.translate(...)` itself.
    return [
        QCoreApplication.translate("tabs", "&Dictionaries"),
        QCoreApplication.translate("tabs", "Incoming &bills"),
        QCoreApplication.translate("tabs", "&Receiving"),
        QCoreApplication.translate("tabs", "&Takeout"),
        QCoreApplication.translate("tabs", "&Cancel takeout"),
        QCoreApplication.translate("tabs", "&Stock"),
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
