"""What a clerk does at the cancel tab: find a takeout, tick a bag with the keyboard, submit."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from pytestqt.qtbot import QtBot
from takeout_scene import type_text

from desktop.ui.models.cancel_models import CancelColumn
from desktop.ui.tabs.cancel import CancelTab

FIND_TIMEOUT_MS = 10_000


def find(qtbot: QtBot, tab: CancelTab, text: str) -> None:
    """Search for `text` and wait until a takeout's bags are listed."""
    tab.search.clear()
    type_text(qtbot, tab.search, text)
    qtbot.waitUntil(lambda: tab.bags.rowCount() > 0, timeout=FIND_TIMEOUT_MS)


def tick_only(qtbot: QtBot, tab: CancelTab, position: int) -> None:
    """Tick one bag with the keyboard: Space on its check box."""
    view = tab.bags_view
    view.setFocus()
    index = view.model().index(position, CancelColumn.BAG_ID)
    view.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    qtbot.keyClick(view, Qt.Key.Key_Space)


def submit(qtbot: QtBot, tab: CancelTab) -> None:
    """Ctrl+Enter from the reason field."""
    qtbot.keyClick(tab.reason, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
