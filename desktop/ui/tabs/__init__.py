"""The window's tabs, in the order the counter works: each a QWidget built from the desk."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from desktop.ui.desk import Desk


def desk_tabs() -> list[tuple[str, Callable[[Desk], QWidget]]]:
    # Imported here so that importing the package does not build every tab module.
    from desktop.ui.tabs.bills import BillsTab  # noqa: PLC0415
    from desktop.ui.tabs.cancel import CancelTab  # noqa: PLC0415
    from desktop.ui.tabs.dictionaries import DictionariesTab  # noqa: PLC0415
    from desktop.ui.tabs.receiving import ReceivingTab  # noqa: PLC0415
    from desktop.ui.tabs.stock import StockTab  # noqa: PLC0415
    from desktop.ui.tabs.takeout import TakeoutTab  # noqa: PLC0415

    tr = QCoreApplication.translate
    return [
        (tr("tabs", "&Dictionaries"), DictionariesTab),
        (tr("tabs", "Incoming &bills"), BillsTab),
        (tr("tabs", "&Receiving"), ReceivingTab),
        (tr("tabs", "&Takeout"), TakeoutTab),
        (tr("tabs", "&Cancel takeout"), CancelTab),
        (tr("tabs", "&Stock"), StockTab),
    ]
