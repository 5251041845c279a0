"""Where the bags come from: the receipt type and, per type, the bill, hospital or department.

Everything is reachable from the keyboard: Alt+1/2/3 choose the type, the
other fields have mnemonics, and the hospital and department boxes complete
on any part of a name (or a department's pinyin short code) as it is typed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.codes import FacilityType, ReceiveType
from desktop.domain.models import Facility
from desktop.domain.validation import FieldError
from desktop.store.bills import BillState, BillSummary
from desktop.store.departments import Department
from desktop.ui.takeout.form_fields import FieldErrors

TYPES = (ReceiveType.FROM_BLOOD_STATION, ReceiveType.TRANSFER_IN, ReceiveType.DEPARTMENT_RETURN)


def _searchable_combo() -> QComboBox:
    """An editable box whose list narrows to entries containing what was typed."""
    combo = QComboBox()
    combo.setEditable(True)
    combo.setLineEdit(QLineEdit())
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    completer = QCompleter(combo.model(), combo)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    combo.setCompleter(completer)
    return combo


def _set_placeholder(combo: QComboBox, text: str) -> None:
    line = combo.lineEdit()
    if line is not None:
        line.setPlaceholderText(text)


def _chosen_id(combo: QComboBox) -> int | None:
    """The id behind the entry whose text is exactly what the box shows, if any."""
    index = combo.findText(combo.currentText().strip(), Qt.MatchFlag.MatchFixedString)
    data = combo.itemData(index) if index >= 0 else None
    return data if isinstance(data, int) else None


def _select_data(combo: QComboBox, value: object) -> bool:
    index = combo.findData(value)
    if index >= 0:
        combo.setCurrentIndex(index)
    return index >= 0


class SourceForm(QWidget):
    """The receipt type and its party; `show_errors` puts the domain's errors under the fields."""

    type_changed = Signal(object)
    """The chosen ReceiveType."""
    bill_requested = Signal(str)
    """Open this bill (picked from the list, or typed / scanned by number)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._types = QButtonGroup(self)
        self._pages = QStackedWidget()
        self.bills = QComboBox()
        self.bill_number = QLineEdit()
        self.facility = _searchable_combo()
        self.transfer_number = QLineEdit()
        self.department = _searchable_combo()
        self._general = QLabel()
        self._errors = FieldErrors(self._general)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._type_row())
        layout.addWidget(self._pages)
        layout.addWidget(self._general)
        self._pages.addWidget(self._bill_page())
        self._pages.addWidget(self._transfer_page())
        self._pages.addWidget(self._return_page())
        self._types.idToggled.connect(self._type_toggled)

    # -- building ---------------------------------------------------------------------

    def _type_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        texts = (
            self.tr("&1 From the blood station (151)"),
            self.tr("&2 Transfer-in from a hospital (1001)"),
            self.tr("&3 Returned by a department (1006)"),
        )
        for index, text in enumerate(texts):
            button = QRadioButton(text)
            self._types.addButton(button, index)
            row.addWidget(button)
        row.addStretch()
        buttons = self._types.buttons()
        buttons[0].setChecked(True)
        return row

    def _bill_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.bill_number.setPlaceholderText(self.tr("Type or scan a bill number, then Enter"))
        self.bill_number.returnPressed.connect(self._open_typed_bill)
        self.bills.activated.connect(self._open_listed_bill)
        open_button = QPushButton(self.tr("&Open"))
        open_button.clicked.connect(self._open_typed_bill)
        number_row = QHBoxLayout()
        number_row.addWidget(self.bill_number)
        number_row.addWidget(open_button)
        self._add_row(form, self.tr("Bi&ll"), self.bills, "refId")
        number_caption = QLabel(self.tr("Bill &number"))
        number_caption.setBuddy(self.bill_number)
        form.addRow(number_caption, number_row)
        return page

    def _transfer_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        _set_placeholder(self.facility, self.tr("Type part of the hospital's name"))
        self.transfer_number.setPlaceholderText(self.tr("The other hospital's transfer-out number"))
        self._add_row(form, self.tr("Hosp&ital"), self.facility, "disOrganId")
        self._add_row(form, self.tr("Transfer-&out number"), self.transfer_number, "refId")
        return page

    def _return_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        _set_placeholder(self.department, self.tr("Type part of the name or the short code"))
        self._add_row(form, self.tr("De&partment"), self.department, "depId")
        return page

    def _add_row(self, form: QFormLayout, label: str, field: QWidget, path: str) -> None:
        # Each type binds its own fields: "151.refId" is the bill, "1001.refId" the number.
        page_type = TYPES[self._pages.count()]
        cell = QVBoxLayout()
        cell.setSpacing(0)
        cell.addWidget(field)
        cell.addWidget(self._errors.add(f"{page_type.value}.{path}", field))
        caption = QLabel(label)
        caption.setBuddy(field)
        form.addRow(caption, cell)

    # -- filling --------------------------------------------------------------------------

    def set_bills(self, summaries: Iterable[BillSummary]) -> None:
        """The bills not yet fully received, newest first, keeping the one shown."""
        shown = self.bills.currentData()
        self.bills.clear()
        for bill in summaries:
            if bill.state is not BillState.RECEIVED:
                self.bills.addItem(self._bill_text(bill), bill.id)
        if shown is not None:
            _select_data(self.bills, shown)

    def _bill_text(self, bill: BillSummary) -> str:
        counts = self.tr("%1 bags, %2 received").replace("%1", str(bill.bag_count))
        counts = counts.replace("%2", str(bill.received_count))
        remark = f" · {bill.remark}" if bill.remark else ""
        return f"{bill.id} · {bill.deliver_time:%m-%d %H:%M} · {counts}{remark}"

    def set_facilities(self, facilities: Iterable[Facility]) -> None:
        """The hospitals a transfer may come from (the facility dictionary's hospitals in use)."""
        self.facility.clear()
        for facility in facilities:
            if facility.type is FacilityType.HOSPITAL and facility.available:
                self.facility.addItem(facility.name, facility.id)
        self.facility.setCurrentIndex(-1)

    def set_departments(self, departments: Sequence[Department]) -> None:
        self.department.clear()
        for department in departments:
            code = f"（{department.short_code}）" if department.short_code else ""
            self.department.addItem(f"{department.name}{code}", department.id)
        self.department.setCurrentIndex(-1)

    # -- reading and choosing -----------------------------------------------------------------

    def receive_type(self) -> ReceiveType:
        return TYPES[max(self._types.checkedId(), 0)]

    def choose_type(self, receive_type: ReceiveType) -> None:
        self._types.button(TYPES.index(receive_type)).setChecked(True)

    def choose_bill(self, bill_id: str) -> None:
        self.choose_type(ReceiveType.FROM_BLOOD_STATION)
        if not _select_data(self.bills, bill_id):
            self.bill_number.setText(bill_id)

    def choose_facility(self, facility_id: int) -> bool:
        return _select_data(self.facility, facility_id)

    def choose_department(self, department_id: int) -> bool:
        return _select_data(self.department, department_id)

    def facility_id(self) -> int | None:
        return _chosen_id(self.facility)

    def facility_name(self) -> str:
        return self.facility.currentText().strip()

    def department_id(self) -> int | None:
        return _chosen_id(self.department)

    def department_name(self) -> str:
        return self.department.currentText().strip()

    # -- errors ---------------------------------------------------------------------------------

    def show_errors(self, errors: Sequence[FieldError]) -> QWidget | None:
        """The errors under the fields of the type shown (the rest below); the first field."""
        self.clear_errors()
        return self._errors.show(errors, prefix=str(self.receive_type().value))

    def clear_errors(self) -> None:
        self._errors.clear()

    # -- reacting ---------------------------------------------------------------------------------

    def _type_toggled(self, index: int, checked: bool) -> None:
        if checked:
            self._pages.setCurrentIndex(index)
            self.clear_errors()
            self.type_changed.emit(TYPES[index])

    def _open_typed_bill(self) -> None:
        number = self.bill_number.text().strip()
        if number:
            self.bill_requested.emit(number)

    def _open_listed_bill(self, index: int) -> None:
        bill_id = self.bills.itemData(index)
        if isinstance(bill_id, str):
            self.bill_requested.emit(bill_id)
