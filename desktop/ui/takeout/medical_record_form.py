"""The patient record (病案信息) of a transfusion request: who the blood is for.

Fields are labelled with the domain's own field names (`field_labels`), so the
label and the validation message under it use the same words. The patient's
ABO and RhD feed the bag checks: `groups_changed` fires whenever either does.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGroupBox, QVBoxLayout

from desktop.domain.codes import (
    Abo,
    AgeUnit,
    Dependency,
    HistoryMark,
    Rh,
    Sex,
    VisitKind,
    parse_abo,
    parse_rh,
)
from desktop.domain.field_labels import field_label
from desktop.ui.desk import Desk
from desktop.ui.i18n import pick
from desktop.ui.models.takeout_models import PickerChoice
from desktop.ui.takeout.form_fields import (
    ChoiceField,
    FieldErrors,
    FieldGrid,
    FieldSet,
    TextField,
    WireValue,
    code_choices,
)
from desktop.ui.takeout.issue_check import PatientGroups
from desktop.ui.takeout.pickers import disease_picker, identity_document_picker

RECORD_PATH: Final = "transfusionApply.medicalRecord"
_MODEL: Final = "MedicalRecord"


def record_label(wire: str) -> str:
    label = field_label(_MODEL, wire)
    return pick(label.zh, label.en)


class MedicalRecordForm(QGroupBox):
    """The patient's record; `wire()` is the `medicalRecord` object as entered."""

    edited = Signal()
    groups_changed = Signal()

    def __init__(self, desk: Desk, errors: FieldErrors) -> None:
        super().__init__()
        self.setTitle(self.tr("Patient record"))
        self._errors = errors
        self._fields = FieldSet()
        self._grid = FieldGrid(errors, columns=3)
        self.abo = ChoiceField(code_choices(Abo), parse_abo)
        self.rh = ChoiceField(code_choices(Rh), parse_rh)
        self.disease = disease_picker(desk)
        self._build_identity()
        self._build_visit()
        self._build_history()
        layout = QVBoxLayout(self)
        layout.addLayout(self._grid)
        self._fields.connect_edited(self.edited.emit)
        self.disease.edited.connect(self.edited)
        for field in (self.abo, self.rh):
            field.edited.connect(self.groups_changed)

    def _field(self, wire: str, field: TextField | ChoiceField, *, span: int = 1) -> None:
        self._fields.add(wire, field)
        self._grid.add(record_label(wire), field, f"{RECORD_PATH}.{wire}", span=span)

    def _build_identity(self) -> None:
        self._field("name", TextField(40))
        self._field("sex", ChoiceField(code_choices(Sex)))
        self._field("originalId", TextField(40))
        self._field("cardtype", identity_document_picker())
        self._field("cardno", TextField(40))
        self._field("birthday", TextField(placeholder="yyyy-MM-dd"))
        self._field("age", TextField(3))
        self._field("ageType", ChoiceField(code_choices(AgeUnit)))
        self._field("dependency", ChoiceField(code_choices(Dependency)))
        self._field("contact", TextField(40))
        self._field("country", TextField(40))
        self._field("company", TextField(100))

    def _build_visit(self) -> None:
        self._field("opEmHpMark", ChoiceField(code_choices(VisitKind)))
        self._field("opEmHpNo", TextField(40))
        self._field("bloodGroup", self.abo)
        self._field("rhBloodGroup", self.rh)
        self._grid.add(record_label("disName"), self.disease, f"{RECORD_PATH}.disCode")
        self._errors.alias(f"{RECORD_PATH}.disName", f"{RECORD_PATH}.disCode")
        self._field("diagnose", TextField(200), span=2)

    def _build_history(self) -> None:
        for wire in ("transHisMark", "reacHisMark", "gestHisMark"):
            self._field(wire, ChoiceField(code_choices(HistoryMark)))
        self._field("parturition", TextField(2))
        self._field("pregnant", TextField(2))

    def field(self, wire: str) -> TextField | ChoiceField:
        """The field bound to `wire` (a wire name of this object)."""
        return self._fields.field(wire)

    def wire(self) -> dict[str, WireValue]:
        values = self._fields.wire()
        disease = self.disease.choice()
        if disease is not None:
            values.update(disCode=disease.code, disName=disease.name)
        return values

    def load(self, data: Mapping[str, object]) -> None:
        self._fields.load(data)
        code, name = data.get("disCode"), data.get("disName")
        if code or name:
            self.disease.set_choice(PickerChoice(str(code or ""), str(name or ""), _text(code)))
        else:
            self.disease.set_choice(None)
        self.groups_changed.emit()

    def patient_groups(self) -> PatientGroups | None:
        """The patient's ABO and RhD, once both are chosen from the lists."""
        abo, rh = self.abo.wire_value(), self.rh.wire_value()
        if abo not in set(Abo) or rh not in set(Rh):
            return None
        return PatientGroups(Abo(str(abo)), Rh(str(rh)))


def _text(value: object) -> str | None:
    return None if value is None or value == "" else str(value)
