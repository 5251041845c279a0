"""Form fields that hold wire values, and the error labels under them, addressed by wire path.

Every field answers `wire_value()` with what the platform document takes
(None when left empty, so the domain says "required" rather than "not a
number") and accepts `set_wire_value()` from a draft or a HIS file, keeping a
value it cannot show as a choice so that validation can name it. The domain's
validation errors come back with wire paths (`transfusionApply.medicalRecord.
cardno`); `FieldErrors` puts each under the field bound to the longest
matching path, in the window's language.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop.domain.codes import label_of
from desktop.domain.validation import FieldError
from desktop.ui.i18n import pick

ERROR_STYLE = "color: #b00020"
WireValue = str | int | bool | None


class TextField(QLineEdit):
    """Free text, a number or a time as typed; the domain parses and judges it."""

    edited = Signal()

    def __init__(self, max_length: int | None = None, placeholder: str = "") -> None:
        super().__init__()
        if max_length is not None:
            self.setMaxLength(max_length)
        self.setPlaceholderText(placeholder)
        self.textEdited.connect(self.edited)

    def wire_value(self) -> WireValue:
        return self.text().strip() or None

    def set_wire_value(self, value: object) -> None:
        self.setText("" if value is None else str(value))


@dataclass(frozen=True, slots=True)
class Choice:
    """One entry of a code list: the wire value and what the counter reads."""

    value: str | int | bool
    text: str


def code_choices(codes: Iterable[Enum]) -> list[Choice]:
    """A code table as choices reading `01 居民身份证`, so typing the code selects it."""
    return [
        Choice(code.value, f"{code.value} {pick(label_of(code).zh, label_of(code).en)}")
        for code in codes
    ]


class ChoiceField(QComboBox):
    """One of a fixed list of codes, picked by keyboard (type the code or the start of the
    label) and left blank until chosen, so that nothing is sent by default."""

    edited = Signal()

    def __init__(
        self, choices: Sequence[Choice], parse: Callable[[object], object] | None = None
    ) -> None:
        super().__init__()
        self._parse = parse
        self._offered = 0
        self.set_choices(choices)
        self.activated.connect(lambda _index: self.edited.emit())

    def set_choices(self, choices: Sequence[Choice]) -> None:
        """Offer `choices` (a dictionary just loaded), keeping the value held."""
        held = self.wire_value()
        self.clear()
        self.addItem("", None)
        for choice in choices:
            self.addItem(choice.text, choice.value)
        self._offered = self.count()
        self.set_wire_value(held)

    def wire_value(self) -> WireValue:
        value = self.currentData()
        return value if isinstance(value, str | int | bool) else None

    def set_wire_value(self, value: object) -> None:
        while self.count() > self._offered:
            self.removeItem(self.count() - 1)
        if value is None or value == "":
            self.setCurrentIndex(0)
            return
        wanted = self._normalised(value)
        for index in range(1, self._offered):
            if self.itemData(index) == wanted:
                self.setCurrentIndex(index)
                return
        # Kept as sent, so that validation names the bad code instead of calling it missing.
        self.addItem(str(value), value if isinstance(value, str | int | bool) else str(value))
        self.setCurrentIndex(self.count() - 1)

    def _normalised(self, value: object) -> object:
        if self._parse is None:
            return value
        try:
            parsed = self._parse(value)
        except ValueError:
            return value
        return parsed.value if isinstance(parsed, Enum) else parsed


class FieldErrors:
    """The red line under each field, found by wire path; what fits no field goes to `general`."""

    def __init__(self, general: QLabel) -> None:
        self._general = general
        self._labels: dict[str, QLabel] = {}
        self._fields: dict[str, QWidget] = {}
        _style_error(general)

    def add(self, path: str, field: QWidget) -> QLabel:
        label = self._labels.get(path) or QLabel()
        _style_error(label)
        self._labels[path] = label
        self._fields.setdefault(path, field)
        return label

    def alias(self, path: str, same_as: str) -> None:
        """Errors at `path` go under the field bound to `same_as`."""
        self._labels[path] = self._labels[same_as]
        self._fields[path] = self._fields[same_as]

    def clear(self) -> None:
        for label in {*self._labels.values(), self._general}:
            label.clear()
            label.hide()

    def show(self, errors: Iterable[FieldError], prefix: str = "") -> QWidget | None:
        """Show `errors` (their paths under `prefix`); returns the first field to fix, in the
        order the fields were added (the order the form reads in)."""
        places: list[str] = []
        for error in errors:
            path = f"{prefix}.{error.path}" if prefix and error.path else error.path or prefix
            place = self._place(path)
            label = self._labels[place] if place is not None else self._general
            _append(label, pick(error.message_zh, error.message_en))
            if place is not None:
                places.append(place)
        order = list(self._labels)
        return self._fields[min(places, key=order.index)] if places else None

    def message(self, path: str) -> str:
        """The text under the field bound to `path` (empty when none)."""
        label = self._labels.get(path)
        return label.text() if label is not None else ""

    def general_message(self) -> str:
        return self._general.text()

    def _place(self, path: str) -> str | None:
        matches = [bound for bound in self._labels if _covers(bound, path)]
        return max(matches, key=len) if matches else None


def _covers(bound: str, path: str) -> bool:
    return path == bound or path.startswith((f"{bound}.", f"{bound}["))


def _style_error(label: QLabel) -> None:
    label.setObjectName("fieldError")
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()


def _append(label: QLabel, message: str) -> None:
    label.setText(f"{label.text()}\n{message}" if label.text() else message)
    label.show()


class FieldGrid(QGridLayout):
    """Labelled fields in `columns` columns, each with its error line underneath."""

    def __init__(self, errors: FieldErrors, columns: int = 2) -> None:
        super().__init__()
        self._errors = errors
        self._columns = columns
        self._placed = 0

    def add(self, label: str, field: QWidget, path: str, *, span: int = 1) -> None:
        caption = QLabel(label)
        caption.setBuddy(field)
        cell = QWidget()
        stack = QVBoxLayout(cell)
        stack.setContentsMargins(0, 0, 0, 0)
        stack.setSpacing(0)
        stack.addWidget(field)
        stack.addWidget(self._errors.add(path, field))
        if self._placed % self._columns + span > self._columns:
            self._placed += self._columns - self._placed % self._columns
        row, column = divmod(self._placed, self._columns)
        self.addWidget(caption, row, column * 2)
        self.addWidget(cell, row, column * 2 + 1, 1, span * 2 - 1)
        self._placed += span


WireField = TextField | ChoiceField


class FieldSet:
    """The fields of one wire object, by wire name: read together, loaded together."""

    def __init__(self) -> None:
        self._fields: dict[str, WireField] = {}

    def add(self, wire: str, field: WireField) -> WireField:
        self._fields[wire] = field
        return field

    def field(self, wire: str) -> WireField:
        return self._fields[wire]

    def wire(self) -> dict[str, WireValue]:
        values = {name: field.wire_value() for name, field in self._fields.items()}
        return {name: value for name, value in values.items() if value is not None}

    def load(self, data: Mapping[str, object]) -> None:
        for name, field in self._fields.items():
            field.set_wire_value(data.get(name))

    def connect_edited(self, slot: Callable[[], None]) -> None:
        for field in self._fields.values():
            field.edited.connect(slot)
