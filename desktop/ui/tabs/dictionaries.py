"""The dictionaries tab (字典): the platform's dictionaries and the hospital's departments.

One search field serves every sub-view: what is typed is searched in the
current sub-view's dictionary on the db worker as the clerk types
(`LatestQuery`: the latest keystroke wins), and the table holds only the
answer, at most `PAGE_SIZE` entries. With the field empty the small
dictionaries are listed whole; the disease dictionary (up to 50,000 entries)
waits for a search. The two class dictionaries hold a dozen entries each, and
the store has no search for them: their whole list is loaded and the table's
proxy filters it.

Keyboard: the search field has the focus when the tab is entered; Down moves
into the table and Up on its first row back; Alt+1…Alt+6 choose the sub-view.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QTabBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.store import departments, dictionaries, search
from desktop.store.departments import Department
from desktop.store.dictionaries import Dictionary, DictionarySync
from desktop.ui.desk import Desk
from desktop.ui.latest_query import LatestQuery
from desktop.ui.models.dictionary_models import (
    PAGE_SIZE,
    ClassModel,
    DepartmentModel,
    DiseaseModel,
    FacilityModel,
    ProductModel,
)
from desktop.ui.models.table import OBJECT_ROLE, RowTableModel, SortProxy
from desktop.ui.tabs.departments import DepartmentActions
from desktop.ui.tabs.dictionary_sync import DictionarySyncButton
from desktop.ui.tabs.problems import show_problem
from desktop.ui.tabs.tables import read_only_table

if TYPE_CHECKING:
    from desktop.store.database import Store

Rows = Sequence[Any]
ListAll = Callable[["Store"], Rows]
Search = Callable[["Store", str, int], Rows]


@dataclass(frozen=True)
class _Page:
    """A search's answer for one sub-view, and when its dictionary was synced."""

    view: str
    text: str
    rows: Rows
    synced: DictionarySync | None


@dataclass(frozen=True)
class _View:
    key: str
    model: RowTableModel[Any]
    table: QTableView
    list_all: ListAll | None
    """Every entry, for an empty search; None: only a search lists entries."""
    search: Search | None
    """The store's search; None: the proxy filters the whole list."""
    dictionary: Dictionary | None


def _every(fetch: Callable[..., Rows]) -> ListAll:
    return lambda store: fetch(store, include_unavailable=True)


class DictionariesTab(QWidget):
    """Search and read the dictionaries; keep the departments."""

    search_finished = Signal(str, int)
    """The text a search answered and how many entries it found, once they are shown."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self._query = LatestQuery(desk)
        self.search_field = QLineEdit()
        self.search_field.setPlaceholderText(self.tr("Name, code or short code…"))
        self.search_field.setClearButtonEnabled(True)
        self.search_field.installEventFilter(self)
        self.status = QLabel()
        self.synced = QLabel()
        self.sync_button = DictionarySyncButton(desk, self)
        self.view_bar = QTabBar()
        self.pages = QStackedWidget()
        self.views: dict[str, _View] = {}
        self.department_actions: DepartmentActions | None = None
        self._build_views()
        self._lay_out()
        self.search_field.textChanged.connect(self.refresh)
        self.view_bar.currentChanged.connect(self._view_chosen)
        desk.dictionaries_changed.connect(self._dictionaries_changed)

    # -- building ------------------------------------------------------------------------

    def _build_views(self) -> None:
        self.products = ProductModel(self)
        specs: list[
            tuple[str, str, RowTableModel[Any], ListAll | None, Search | None, Dictionary | None]
        ] = [
            ("products", self.tr("Products"), self.products,
             _every(dictionaries.bloods), search.search_bloods, Dictionary.BLOOD),
            ("types", self.tr("Product classes"), ClassModel(self),
             _every(dictionaries.blood_types), None, Dictionary.BLOOD_TYPE),
            ("sub_types", self.tr("Sub-classes"), ClassModel(self),
             _every(dictionaries.blood_sub_types), None, Dictionary.BLOOD_SUB_TYPE),
            ("facilities", self.tr("Facilities"), FacilityModel(self),
             _every(dictionaries.facilities), search.search_facilities, Dictionary.FACILITY),
            ("diseases", self.tr("Diseases"), DiseaseModel(self),
             None, search.search_diseases, Dictionary.DISEASE),
            ("departments", self.tr("Departments"), DepartmentModel(self),
             _every(departments.departments), search.search_departments, None),
        ]  # fmt: skip
        for number, (key, title, model, list_all, find, dictionary) in enumerate(specs, 1):
            table = self._table(model)
            page = QWidget()
            layout = QVBoxLayout(page)
            layout.setContentsMargins(0, 0, 0, 0)
            if key == "departments":
                self.department_actions = DepartmentActions(
                    self._desk, self._chosen_department, page
                )
                # Every tab that offers departments (returns, takeouts) reloads them.
                self.department_actions.changed.connect(self._desk.dictionaries_changed)
                table.activated.connect(lambda _index: self._edit_department())
                layout.addWidget(self.department_actions)
            layout.addWidget(table)
            self.views[key] = _View(key, model, table, list_all, find, dictionary)
            self.view_bar.addTab(f"{title} (Alt+{number})")
            self.pages.addWidget(page)
            shortcut = QShortcut(QKeySequence(f"Alt+{number}"), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(
                lambda index=number - 1: self.view_bar.setCurrentIndex(index)
            )

    def _table(self, model: RowTableModel[Any]) -> QTableView:
        proxy = SortProxy(model, self)
        proxy.setFilterKeyColumn(-1)
        proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        table = read_only_table(proxy)  # the store ranks search results: keep its order
        table.installEventFilter(self)
        return table

    def _lay_out(self) -> None:
        label = QLabel(self.tr("&Find:"))
        label.setBuddy(self.search_field)
        top = QHBoxLayout()
        top.addWidget(label)
        top.addWidget(self.search_field, 1)
        top.addWidget(self.status)
        info = QHBoxLayout()
        info.addWidget(self.synced, 1)
        info.addWidget(self.sync_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view_bar)
        layout.addLayout(info)
        layout.addWidget(self.pages, 1)

    # -- what is shown -------------------------------------------------------------------

    @property
    def current(self) -> _View:
        return list(self.views.values())[self.view_bar.currentIndex()]

    def show_view(self, key: str) -> None:
        self.view_bar.setCurrentIndex(list(self.views).index(key))

    def refresh(self) -> None:
        """Search the current sub-view for the text in the field (or list it, if empty)."""
        view, text = self.current, self.search_field.text().strip()
        proxy = view.table.model()
        assert isinstance(proxy, SortProxy)
        proxy.setFilterFixedString(text if view.search is None else "")
        self._query.ask(_page_job(view, text), self._show_page, self._failed)

    def _show_page(self, page: _Page) -> None:
        view = self.views[page.view]
        view.model.set_rows(page.rows)
        shown = view.table.model().rowCount()
        self._show_status(view, page.text, shown)
        self._show_synced(view, page.synced)
        self.search_finished.emit(page.text, shown)

    def _show_status(self, view: _View, text: str, shown: int) -> None:
        if not text and view.list_all is None:
            self.status.setText(self.tr("Type part of a name or a code to search"))
        elif text and not shown:
            self.status.setText(self.tr("Nothing matches “%1”").replace("%1", text))
        elif shown >= PAGE_SIZE:
            first = self.tr("First %1 matches: type more to narrow")
            self.status.setText(first.replace("%1", str(PAGE_SIZE)))
        else:
            self.status.setText(self.tr("%1 shown").replace("%1", str(shown)))

    def _show_synced(self, view: _View, synced: DictionarySync | None) -> None:
        if view.dictionary is None:
            self.synced.setText(self.tr("Kept at this desk: the platform has no department list"))
        elif synced is None:
            self.synced.setText(self.tr("Never synced: press “Sync now”"))
        else:
            self.synced.setText(
                self.tr("Synced %1 · %2 entries")
                .replace("%1", synced.synced_at.strftime("%Y-%m-%d %H:%M"))
                .replace("%2", str(synced.row_count))
            )

    def _failed(self, error: BaseException) -> None:
        self.status.setText(show_problem(self._desk, error) or self.tr("Search failed"))

    def _view_chosen(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        self.refresh()

    def _dictionaries_changed(self) -> None:
        self._desk.run_db(_class_names, self._show_class_names, self._failed)
        self.refresh()

    def _show_class_names(self, names: tuple[dict[int, str], dict[int, str]]) -> None:
        self.products.set_class_names(*names)

    def _edit_department(self) -> None:
        if self.department_actions is not None:
            self.department_actions.ask_edit()

    def _chosen_department(self) -> Department | None:
        table = self.views["departments"].table
        chosen = table.currentIndex().siblingAtColumn(0).data(OBJECT_ROLE)
        return chosen if isinstance(chosen, Department) else None

    # -- keyboard ------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.search_field.setFocus(Qt.FocusReason.OtherFocusReason)
        self.search_field.selectAll()
        self._dictionaries_changed()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if watched is self.search_field:
            return self._search_key(event)
        if watched is self.current.table:
            return self._table_key(event)
        return False

    def _search_key(self, event: QKeyEvent) -> bool:
        if event.key() == Qt.Key.Key_Down:
            table = self.current.table
            if table.model().rowCount():
                table.setFocus(Qt.FocusReason.OtherFocusReason)
                if not table.currentIndex().isValid():
                    table.selectRow(0)
            return True
        if event.key() == Qt.Key.Key_Escape and self.search_field.text():
            self.search_field.clear()
            return True
        return False

    def _table_key(self, event: QKeyEvent) -> bool:
        table = self.current.table
        if event.key() == Qt.Key.Key_Up and table.currentIndex().row() <= 0:
            self.search_field.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        return False


_CLASS_DICTIONARIES: Final = (dictionaries.blood_types, dictionaries.blood_sub_types)


def _class_names(store: Store) -> tuple[dict[int, str], dict[int, str]]:
    types, sub_types = (
        {entry.id: entry.name for entry in fetch(store, include_unavailable=True)}
        for fetch in _CLASS_DICTIONARIES
    )
    return types, sub_types


def _page_job(view: _View, text: str) -> Callable[[Store], _Page]:
    """The db job answering `text` for `view`; it reads only the view's plain fields."""
    key, list_all, find, dictionary = view.key, view.list_all, view.search, view.dictionary

    def work(store: Store) -> _Page:
        if text and find is not None:
            rows = find(store, text, PAGE_SIZE)
        elif list_all is not None:
            rows = list_all(store)[:PAGE_SIZE]
        else:
            rows = []
        synced = None if dictionary is None else dictionaries.last_synced(store, dictionary)
        return _Page(key, text, rows, synced)

    return work
