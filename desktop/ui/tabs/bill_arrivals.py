"""How the bills tab makes an arrival visible: a banner inside the tab and a count in its title.

The banner does not take the focus or block anything (the clerk may be in the
middle of a scan): it names the newest bill, offers to open it, and goes away
once every announced bill has been opened or it is dismissed (which counts as
having seen them all).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QTabWidget, QWidget

_BANNER_STYLE = (
    "QFrame#newBillBanner { background: #2e7d32; border-radius: 4px; }"
    " QFrame#newBillBanner QLabel { color: white; font-weight: bold; }"
)


class NewBillBanner(QFrame):
    """ "New bill FX… arrived" with Open and Dismiss; hidden while there is nothing new."""

    open_requested = Signal(str)
    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newBillBanner")
        self.setStyleSheet(_BANNER_STYLE)
        self._waiting: list[str] = []
        self.message = QLabel()
        self.open_button = QPushButton(self.tr("&Open it"))
        self.open_button.clicked.connect(self._open_newest)
        dismiss = QPushButton(self.tr("Dis&miss"))
        dismiss.clicked.connect(self.dismiss)
        layout = QHBoxLayout(self)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.open_button)
        layout.addWidget(dismiss)
        self.hide()

    def announce(self, bill_ids: list[str]) -> None:
        for bill_id in bill_ids:
            if bill_id not in self._waiting:
                self._waiting.insert(0, bill_id)
        self._show_waiting()

    def seen(self, bill_id: str) -> None:
        if bill_id in self._waiting:
            self._waiting.remove(bill_id)
            self._show_waiting()

    def dismiss(self) -> None:
        """The clerk has taken note of every announced bill."""
        self._waiting.clear()
        self._show_waiting()
        self.dismissed.emit()

    def _open_newest(self) -> None:
        if self._waiting:
            self.open_requested.emit(self._waiting[0])

    def _show_waiting(self) -> None:
        if not self._waiting:
            self.hide()
            return
        newest = self._waiting[0]
        if len(self._waiting) == 1:
            text = self.tr("New bill %1 has arrived from the blood station.").replace("%1", newest)
        else:
            text = (
                self.tr("%1 new bills have arrived; the newest is %2.")
                .replace("%1", str(len(self._waiting)))
                .replace("%2", newest)
            )
        self.message.setText(text)
        self.show()


class TabTitleCount:
    """Shows a count after the title of the window tab that holds `page`: `发血单 (2)`."""

    def __init__(self, page: QWidget) -> None:
        self._page = page
        self._title: str | None = None

    def show_count(self, count: int) -> None:
        found = self._tab()
        if found is None:
            return
        tabs, index = found
        if self._title is None:
            self._title = tabs.tabText(index)
        tabs.setTabText(index, f"{self._title} ({count})" if count else self._title)

    def _tab(self) -> tuple[QTabWidget, int] | None:
        # The page sits in the QTabWidget's internal stack, so the tab widget is an ancestor.
        widget = self._page.parentWidget()
        while widget is not None and not isinstance(widget, QTabWidget):
            widget = widget.parentWidget()
        if widget is None:
            return None
        index = widget.indexOf(self._page)
        return None if index < 0 else (widget, index)
