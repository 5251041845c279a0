"""The one window: six tabs, a training banner, the status bar, keyboard shortcuts for everything."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QDialog, QLabel, QMainWindow, QTabWidget, QVBoxLayout, QWidget

from desktop.ui.desk import Desk
from desktop.ui.operator import OperatorDialog
from desktop.ui.status_bar import DeskStatusBar

TabFactory = Callable[[Desk], QWidget]


class MainWindow(QMainWindow):
    """Tabs are reachable with Ctrl+1…Ctrl+6; F2 switches operator, F5 syncs now.

    The window is built in two steps so that it shows at once: the frame (menus,
    banner, tab bar, status bar) first, then, after its first paint, the tabs
    themselves (`build_tabs`), whose modules load the store and the client.
    """

    def __init__(
        self, desk: Desk, titles: list[str], load_tabs: Callable[[], list[TabFactory]]
    ) -> None:
        super().__init__()
        self.desk = desk
        self.setWindowTitle(self.tr("blood-desk · Blood bank counter"))
        self.resize(1280, 800)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.training_banner = self._training_banner()
        layout.addWidget(self.training_banner)
        layout.addWidget(self.tabs)
        self.setCentralWidget(central)
        self.status = DeskStatusBar(desk.is_training)
        self.setStatusBar(self.status)
        self._load_tabs = load_tabs
        self._outbox_dialog: QDialog | None = None
        for index, title in enumerate(titles, start=1):
            loading = QLabel(self.tr("Loading…"))
            loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.tabs.addTab(loading, title)
            self._shortcut(f"Ctrl+{index}", partial(self.tabs.setCurrentIndex, index - 1))
        self._build_menus()
        self._connect_desk()

    def build_tabs(self) -> None:
        """Put the real tabs in place of the loading pages, keeping the current one."""
        current = self.tabs.currentIndex()
        for index, factory in enumerate(self._load_tabs()):
            title = self.tabs.tabText(index)
            loading = self.tabs.widget(index)
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, factory(self.desk), title)
            if loading is not None:
                loading.deleteLater()
        self.tabs.setCurrentIndex(current)
        self._connect_tabs()

    def _build_menus(self) -> None:
        desk = self.desk
        desk_menu = self.menuBar().addMenu(self.tr("Des&k"))
        entries: list[tuple[str, str, Callable[[], object]]] = [
            (self.tr("&Operator on duty…"), "F2", self.choose_operator),
            (self.tr("&Sync with the platform now"), "F5", desk.sync_now),
            (self.tr("Send the outbox &now"), "F6", desk.drain_now),
            (self.tr("Outbox &list…"), "Ctrl+L", self.show_outbox),
            (self.tr("Se&ttings…"), "Ctrl+,", self.edit_settings),
            (self.tr("&Quit"), "Ctrl+Q", self.close),
        ]
        for text, keys, slot in entries:
            desk_menu.addAction(self._action(text, keys, slot))
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self._action(self.tr("&About blood-desk"), "F1", self.about))

    def _action(self, text: str, keys: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(keys))
        action.triggered.connect(slot)
        return action

    def edit_settings(self) -> None:
        from desktop.ui.settings_dialog import SettingsDialog  # noqa: PLC0415 - on demand

        dialog = SettingsDialog(self.desk.settings, self)
        if dialog.exec() and dialog.saved_settings is not None:
            self.desk.apply_settings(dialog.saved_settings)

    def show_outbox(self) -> None:
        from desktop.ui.outbox_dialog import OutboxDialog  # noqa: PLC0415 - on demand

        if self._outbox_dialog is None:
            self._outbox_dialog = OutboxDialog(self.desk, self)
        self._outbox_dialog.show()
        self._outbox_dialog.raise_()
        self._outbox_dialog.activateWindow()

    def about(self) -> None:
        from desktop.ui.about_dialog import show_about  # noqa: PLC0415 - on demand

        show_about(self.desk.settings, self.desk.is_training, self)

    def _training_banner(self) -> QLabel:
        banner = QLabel(self.tr("培训模式 · TRAINING — records go to the training platform only"))
        banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        banner.setStyleSheet("background: #ffd54f; color: black; font-weight: bold; padding: 4px;")
        banner.setVisible(self.desk.is_training)
        return banner

    def _shortcut(self, keys: str, slot: Callable[[], object]) -> QAction:
        action = QAction(self)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _connect_desk(self) -> None:
        desk = self.desk
        desk.connection_changed.connect(self.status.show_connection)
        desk.operator_changed.connect(self.status.show_operator)
        desk.last_sync_changed.connect(self.status.show_last_sync)
        desk.notice.connect(self._show_notice)
        desk.outbox_changed.connect(self._show_outbox)
        desk.training_changed.connect(self.training_banner.setVisible)
        self.status.operator_requested.connect(self.choose_operator)
        self.status.outbox_requested.connect(self.show_outbox)

    def _show_outbox(self, summary: Any) -> None:
        counts = summary.counts
        self.status.show_outbox(counts.waiting, counts.in_doubt, counts.needs_attention)
        self.status.show_deadline(summary.deadline)

    def _connect_tabs(self) -> None:
        """The bills tab hands a bill to the receiving tab, and shows it."""
        from desktop.ui.tabs.bills import BillsTab  # noqa: PLC0415 - loaded with the tabs
        from desktop.ui.tabs.receiving import ReceivingTab  # noqa: PLC0415

        pages = [self.tabs.widget(index) for index in range(self.tabs.count())]
        receiving = next((page for page in pages if isinstance(page, ReceivingTab)), None)
        bills = next((page for page in pages if isinstance(page, BillsTab)), None)
        if receiving is None or bills is None:
            return
        bills.receive_requested.connect(receiving.open_bill)
        bills.receive_requested.connect(lambda _bill: self.tabs.setCurrentWidget(receiving))

    def _show_notice(self, level: str, message: str) -> None:
        self.status.showMessage(message, 15_000 if level == "info" else 60_000)

    def choose_operator(self) -> None:
        dialog = OperatorDialog(self.desk.operator, self)
        if dialog.exec():
            self.desk.set_operator(dialog.operator())

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        self.desk.shutdown()
        super().closeEvent(event)
