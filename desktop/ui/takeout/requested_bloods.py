"""The products a transfusion request asks for (`transfusionApplyBloods`): a row editor and a list.

A row is checked against the domain's `TransfusionApplyBlood` before it joins
the list, so a wrong quantity is caught while the clerk still has it in view;
the whole list is checked again with the request on submit.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QTableView, QVBoxLayout

from desktop.domain.codes import Abo, Rh, parse_abo, parse_rh
from desktop.domain.field_labels import field_label
from desktop.domain.models import BloodSubType, TransfusionApplyBlood
from desktop.domain.validation import validate
from desktop.store import dictionaries
from desktop.ui.desk import Desk
from desktop.ui.i18n import pick
from desktop.ui.models.table import SortProxy
from desktop.ui.models.takeout_models import RequestedBlood, RequestedBloodsModel
from desktop.ui.takeout.form_fields import (
    Choice,
    ChoiceField,
    FieldErrors,
    FieldGrid,
    FieldSet,
    TextField,
    code_choices,
)

REQUEST_LIST_PATH = "transfusionApply.transfusionApplyBloods"


def _label(wire: str) -> str:
    label = field_label("TransfusionApplyBlood", wire)
    return pick(label.zh, label.en)


class RequestedBloodsEditor(QGroupBox):
    """Enter a product line, Add it (Alt+A); Delete removes the selected line."""

    edited = Signal()

    def __init__(self, desk: Desk, errors: FieldErrors) -> None:
        super().__init__()
        self.setTitle(self.tr("Products requested"))
        self.model = RequestedBloodsModel(self)
        self._proxy = SortProxy(self.model, self)
        self._sub_type_names: dict[str, str] = {}
        row_error = QLabel()
        self._row_errors = FieldErrors(row_error)
        self._fields = FieldSet()
        self.sub_type = ChoiceField([])
        self.abo = ChoiceField(code_choices(Abo), parse_abo)
        self.rh = ChoiceField(code_choices(Rh), parse_rh)
        self.volume = TextField(12)
        self.unit = TextField(10)
        self.ml = TextField(12)
        grid = FieldGrid(self._row_errors, columns=3)
        for wire, field in (
            ("bloodSubType", self.sub_type),
            ("bloodGroup", self.abo),
            ("rhBloodGroup", self.rh),
            ("bloodVolume", self.volume),
            ("bloodUnit", self.unit),
            ("mlVolume", self.ml),
        ):
            self._fields.add(wire, field)
            grid.add(_label(wire), field, wire)
        self.add_button = QPushButton(self.tr("&Add product"))
        self.add_button.clicked.connect(self.add_entered)
        self.table = QTableView()
        self.table.setModel(self._proxy)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setMaximumHeight(120)
        remove = QShortcut(QKeySequence.StandardKey.Delete, self.table)
        remove.setContext(Qt.ShortcutContext.WidgetShortcut)
        remove.activated.connect(self.remove_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(row_error)
        buttons.addStretch()
        buttons.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addLayout(buttons)
        layout.addWidget(self.table)
        layout.addWidget(errors.add(REQUEST_LIST_PATH, self.table))
        self._desk = desk
        desk.dictionaries_changed.connect(self._load_sub_types)
        self._load_sub_types()

    def _load_sub_types(self) -> None:
        self._desk.run_db(dictionaries.blood_sub_types, self._offer_sub_types)

    def _offer_sub_types(self, sub_types: list[BloodSubType]) -> None:
        self._sub_type_names = {str(row.id): row.name for row in sub_types}
        self.sub_type.set_choices([Choice(row.id, f"{row.id} {row.name}") for row in sub_types])

    def add_entered(self) -> bool:
        """Check the row being entered and add it to the list; False (errors shown) if wrong."""
        self._row_errors.clear()
        entered = self._fields.wire()
        result = validate(TransfusionApplyBlood, entered)
        if not result.ok:
            first = self._row_errors.show(result.errors)
            if first is not None:
                first.setFocus()
            return False
        self.model.append(self._line(entered))
        self._fields.load(
            {"bloodGroup": self.abo.wire_value(), "rhBloodGroup": self.rh.wire_value()}
        )
        self.sub_type.setFocus()
        self.edited.emit()
        return True

    def remove_selected(self) -> None:
        selected = self.table.selectionModel().selectedRows()
        rows = sorted({self._proxy.mapToSource(index).row() for index in selected})
        for row in reversed(rows):
            self.model.remove(row)
        if rows:
            self.edited.emit()

    def _line(self, values: Mapping[str, object]) -> RequestedBlood:
        def text(wire: str) -> str:
            value = values.get(wire)
            return "" if value is None else str(value)

        sub_type = text("bloodSubType")
        return RequestedBlood(
            sub_type=sub_type,
            sub_type_name=self._sub_type_names.get(sub_type, ""),
            abo=text("bloodGroup"),
            rh=text("rhBloodGroup"),
            volume=text("bloodVolume"),
            unit=text("bloodUnit"),
            ml=text("mlVolume"),
        )

    def wire(self) -> list[dict[str, str]]:
        return [line.wire() for line in self.model.rows()]

    def load(self, lines: Sequence[object]) -> None:
        self.model.set_rows([self._line(line) for line in lines if isinstance(line, Mapping)])
        self._fields.load({})
