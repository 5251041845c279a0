"""The transfusion request (输血申请单) of a clinical-use takeout, with the patient record inside.

`wire()` is the `transfusionApply` object as entered, without the operator and
time (the tab adds them on submit); `load()` takes one from a draft or a HIS
file. The department picked here is both the request's `dptId` and the
takeout's `depId`; the disease picked on the patient record is also the
request's `disCode`/`disName`, so the clerk picks each once.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Final

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGroupBox, QVBoxLayout, QWidget

from desktop.domain.codes import TransfusionProperty, TransfusionReasons
from desktop.domain.field_labels import field_label
from desktop.ui.desk import Desk
from desktop.ui.i18n import pick
from desktop.ui.models.takeout_models import PickerChoice
from desktop.ui.takeout.form_fields import (
    Choice,
    ChoiceField,
    FieldErrors,
    FieldGrid,
    FieldSet,
    TextField,
    WireValue,
    code_choices,
)
from desktop.ui.takeout.medical_record_form import MedicalRecordForm
from desktop.ui.takeout.pickers import department_picker
from desktop.ui.takeout.requested_bloods import RequestedBloodsEditor

APPLY_PATH: Final = "transfusionApply"
DEPARTMENT_PATH: Final = "outStock.depId"
_TIME_HINT: Final = "yyyy-MM-dd HH:mm"
# Who drew the sample, who asked, who approved: (wire name, kind of field), in form order.
_PEOPLE: Final = (
    ("apDoctorNo", "text"),
    ("apDoctorName", "text"),
    ("apDatetime", "time"),
    ("dbNurseNo", "text"),
    ("dbNurseName", "text"),
    ("dbDatetime", "time"),
    ("sampleId", "text"),
    ("needHiCheck", "flag"),
    ("hiDoctorNo", "text"),
    ("hiDoctorName", "text"),
    ("hiAutDatetime", "time"),
    ("needChCheck", "flag"),
    ("chDoctorNo", "text"),
    ("chDoctorName", "text"),
    ("chAutDatetime", "time"),
)


def _label(wire: str) -> str:
    label = field_label("TransfusionApply", wire)
    return pick(label.zh, label.en)


class ReasonField(ChoiceField):
    """A transfusion reason: a code of the reason dictionary, or the doctor's own words."""

    def __init__(self, reasons: TransfusionReasons) -> None:
        super().__init__(
            [Choice(code, f"{code} {pick(label.zh, label.en)}") for code, label in reasons.items()]
        )
        self.setEditable(True)
        self.setInsertPolicy(ChoiceField.InsertPolicy.NoInsert)
        line = self.lineEdit()
        assert line is not None  # an editable combo box has its line edit
        line.textEdited.connect(self.edited)

    def wire_value(self) -> WireValue:
        text = self.currentText().strip()
        code = self.itemData(self.findText(text))
        return code if isinstance(code, str) else text or None

    def set_wire_value(self, value: object) -> None:
        index = self.findData(str(value)) if value is not None else -1
        if index > 0:
            self.setCurrentIndex(index)
        else:
            self.setCurrentIndex(0)
            self.setEditText("" if value is None else str(value))


class TransfusionApplyForm(QWidget):
    """The request: patient record, request details, products requested."""

    edited = Signal()

    def __init__(self, desk: Desk, errors: FieldErrors) -> None:
        super().__init__()
        self._errors = errors
        self._fields = FieldSet()
        self.record = MedicalRecordForm(desk, errors)
        self.department = department_picker(desk)
        self.products = RequestedBloodsEditor(desk, errors)
        request = QGroupBox(self.tr("Transfusion request"))
        self._grid = FieldGrid(errors, columns=3)
        self._build_request()
        self._build_people()
        QVBoxLayout(request).addLayout(self._grid)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.record)
        layout.addWidget(request)
        layout.addWidget(self.products)
        self._fields.connect_edited(self.edited.emit)
        for part in (self.record, self.products):
            part.edited.connect(self.edited)
        self.department.edited.connect(self.edited)

    def _field(self, wire: str, field: TextField | ChoiceField, *, span: int = 1) -> None:
        self._fields.add(wire, field)
        self._grid.add(_label(wire), field, f"{APPLY_PATH}.{wire}", span=span)

    def _build_request(self) -> None:
        self._field("originalId", TextField(40))
        self._grid.add(_label("dptId"), self.department, DEPARTMENT_PATH)
        self._errors.alias(f"{APPLY_PATH}.dptId", DEPARTMENT_PATH)
        self._field("ward", TextField(8))
        self._field("bedno", TextField(20))
        self._field("property", ChoiceField(code_choices(TransfusionProperty)))
        self._field("transReason", ReasonField(TransfusionReasons()))
        self._field("interoperativeTrans", self._yes_no())
        self._field("bleedVolume", TextField(12))
        self._field("transPurposeId", TextField(8))
        self._field("transConsent", self._yes_no())
        self._field("expTransDt", TextField(placeholder=_TIME_HINT))
        self._errors.alias(f"{APPLY_PATH}.disName", "transfusionApply.medicalRecord.disCode")
        self._errors.alias(f"{APPLY_PATH}.disCode", "transfusionApply.medicalRecord.disCode")

    def _build_people(self) -> None:
        for wire, kind in _PEOPLE:
            if kind == "flag":
                self._field(wire, self._yes_no())
            else:
                self._field(wire, TextField(placeholder=_TIME_HINT if kind == "time" else ""))

    def _yes_no(self) -> ChoiceField:
        return ChoiceField([Choice(True, self.tr("Yes")), Choice(False, self.tr("No"))])

    def field(self, wire: str) -> TextField | ChoiceField:
        """The field bound to `wire` (a wire name of this object)."""
        return self._fields.field(wire)

    def wire(self) -> dict[str, object]:
        """The request as entered: what `transfusionApply` will hold, bar operator and time."""
        values: dict[str, object] = dict(self._fields.wire())
        department = self.department.choice()
        disease = self.record.disease.choice()
        if department is not None:
            values["dptId"] = department.key
        if disease is not None:
            values.update(disCode=disease.code, disName=disease.name)
        values["medicalRecord"] = self.record.wire()
        values["transfusionApplyBloods"] = self.products.wire()
        return values

    def department_id(self) -> str | None:
        choice = self.department.choice()
        return None if choice is None else choice.key

    def load(self, data: Mapping[str, object]) -> None:
        """Fill the form from a request object (a draft, or a HIS file's `transfusionApply`)."""
        self._fields.load(data)
        record = data.get("medicalRecord")
        self.record.load(record if isinstance(record, Mapping) else {})
        if not self.record.disease.choice() and (data.get("disCode") or data.get("disName")):
            code, name = data.get("disCode"), data.get("disName")
            shown_code = str(code) if code else None
            self.record.disease.set_choice(
                PickerChoice(str(code or ""), str(name or ""), shown_code)
            )
        department = data.get("dptId")
        self.department.show_key(None if department is None else str(department))
        lines = data.get("transfusionApplyBloods")
        self.products.load(lines if isinstance(lines, Sequence) else [])
