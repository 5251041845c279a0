"""Pickers: search-as-you-type over a local dictionary, and the identity-document list.

`SearchPicker` is a line edit: what the clerk types is searched on the db
worker (debounced, and only the latest answer is shown), the matches pop up
under it, and Down/Enter (or a click) picks one. Until an entry is picked the
picker holds no choice, so free text can never reach the document as an id.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Final

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QCompleter, QLineEdit

from desktop.domain.codes import FacilityType, IdentityDocument
from desktop.domain.models import Disease, Facility
from desktop.store import departments as department_store
from desktop.store import dictionaries, search, sync
from desktop.store.departments import Department
from desktop.ui.desk import Desk
from desktop.ui.latest_query import LatestQuery
from desktop.ui.models.takeout_models import ChoicesModel, PickerChoice
from desktop.ui.tabs.problems import show_problem
from desktop.ui.takeout.form_fields import ChoiceField, code_choices

if TYPE_CHECKING:
    from desktop.store.database import Store

Search = Callable[["Store", str], list[PickerChoice]]
Lookup = Callable[["Store", str], PickerChoice | None]

SEARCH_DELAY_MS: Final = 150
MATCHES_SHOWN: Final = 30


class SearchPicker(QLineEdit):
    """Type to search; pick a match. `choice()` is the picked entry, or None."""

    edited = Signal()
    results_shown = Signal(int)
    """How many matches the latest search found (tests and the status line wait on it)."""

    def __init__(self, desk: Desk, find: Search, lookup: Lookup | None = None) -> None:
        super().__init__()
        self._desk = desk
        self._find = find
        self._lookup = lookup
        self._choice: PickerChoice | None = None
        self._queries = LatestQuery(desk)
        self._quiet = False
        self._matches = ChoicesModel(self)
        self._completer = QCompleter(self._matches, self)
        self._completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self._completer.setWidget(self)
        self._completer.activated.connect(self._activated)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._search)
        self.textChanged.connect(self._typed)

    def choice(self) -> PickerChoice | None:
        return self._choice

    def set_choice(self, choice: PickerChoice | None) -> None:
        self._quiet = True
        try:
            self.setText("" if choice is None else choice.text)
        finally:
            self._quiet = False
        self._choice = choice

    def choose_match(self, row: int) -> None:
        """Pick the `row`-th match of the latest search (what Enter on the popup does)."""
        self._popup().hide()
        self.set_choice(self._matches.choice(row))
        self.edited.emit()

    def show_key(self, key: str | None) -> None:
        """Show the entry with `key` (from a draft or a HIS file), looked up locally."""
        lookup = self._lookup
        assert lookup is not None, "a picker shown by key needs a lookup"
        if not key:
            self.set_choice(None)
            return
        self.set_choice(PickerChoice(key, self.tr("(looking up…)"), key))
        self._desk.run_db(
            lambda store: lookup(store, key), self._looked_up(key), self._search_failed
        )

    def _looked_up(self, key: str) -> Callable[[PickerChoice | None], None]:
        def show(found: PickerChoice | None) -> None:
            if not shiboken6.isValid(self) or self._choice is None or self._choice.key != key:
                return
            missing = PickerChoice(key, self.tr("(not in the local list)"), key)
            self.set_choice(found or missing)

        return show

    def _popup(self) -> QAbstractItemView:
        popup = self._completer.popup()
        assert popup is not None  # a completer always has its popup
        return popup

    def _typed(self, _text: str) -> None:
        if self._quiet:
            return
        self._choice = None
        self.edited.emit()
        self._timer.start()

    def _search(self) -> None:
        text = self.text().strip()
        if not text:
            self._show([])
            return
        find = self._find  # the job gets the function, never the widget
        self._queries.ask(lambda store: find(store, text), self._show, self._search_failed)

    def _show(self, found: list[PickerChoice]) -> None:
        if not shiboken6.isValid(self):
            return
        self._matches.set_choices(found)
        if found and self.hasFocus():
            self._completer.complete()
        self.results_shown.emit(len(found))

    def _search_failed(self, error: BaseException) -> None:
        show_problem(self._desk, error)

    def _activated(self, text: str) -> None:
        # The completer names the match by its text; texts carry the code, so they differ.
        row = self._matches.row_of(text)
        if row is not None:
            self.choose_match(row)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        # Down opens the matches again after Esc closed them.
        popup = self._popup()
        if event.key() == Qt.Key.Key_Down and self._matches.rowCount() and not popup.isVisible():
            self._completer.complete()
            return
        super().keyPressEvent(event)


# -- the three dictionaries ----------------------------------------------------------------


def _disease(disease: Disease) -> PickerChoice:
    return PickerChoice(disease.id, disease.name, disease.code or disease.id)


def _department(department: Department) -> PickerChoice:
    return PickerChoice(str(department.id), department.name, str(department.id))


def _facility(facility: Facility) -> PickerChoice:
    return PickerChoice(str(facility.id), facility.name, str(facility.id))


def _find_diseases(store: Store, text: str) -> list[PickerChoice]:
    return [_disease(row) for row in search.search_diseases(store, text, MATCHES_SHOWN)]


def _find_departments(store: Store, text: str) -> list[PickerChoice]:
    return [_department(row) for row in search.search_departments(store, text, MATCHES_SHOWN)]


def _find_hospitals(store: Store, text: str) -> list[PickerChoice]:
    kept = sync.own_facility(store)
    own = None if kept is None else kept.facility.id
    found = search.search_facilities(store, text, MATCHES_SHOWN)
    return [_facility(row) for row in found if row.type is FacilityType.HOSPITAL and row.id != own]


def _department_by_id(store: Store, key: str) -> PickerChoice | None:
    found = department_store.department(store, int(key)) if key.isdigit() else None
    return None if found is None else _department(found)


def _hospital_by_id(store: Store, key: str) -> PickerChoice | None:
    found = dictionaries.facility(store, int(key)) if key.isdigit() else None
    return None if found is None else _facility(found)


def disease_picker(desk: Desk) -> SearchPicker:
    """Diseases by name or ICD-10 code; the choice's code and name are `disCode`/`disName`.

    A record carries the code and the name, so it is shown without a lookup."""
    picker = SearchPicker(desk, _find_diseases)
    picker.setPlaceholderText(
        QCoreApplication.translate("SearchPicker", "Type a disease name or ICD-10 code")
    )
    return picker


def department_picker(desk: Desk) -> SearchPicker:
    """This hospital's departments by name or pinyin short code; the choice's key is `depId`."""
    picker = SearchPicker(desk, _find_departments, _department_by_id)
    picker.setPlaceholderText(
        QCoreApplication.translate("SearchPicker", "Type a department name or short code")
    )
    return picker


def hospital_picker(desk: Desk) -> SearchPicker:
    """Hospitals of the facility dictionary; the choice's key is `otherhosId`."""
    picker = SearchPicker(desk, _find_hospitals, _hospital_by_id)
    picker.setPlaceholderText(
        QCoreApplication.translate("SearchPicker", "Type the receiving hospital's name")
    )
    return picker


def identity_document_picker() -> ChoiceField:
    """The identity-document types (WS 364.3-2011), wire field `cardtype`."""
    return ChoiceField(code_choices(IdentityDocument))
