"""The departments sub-view's own controls: add, edit, disable or enable, import from CSV.

The platform has no department interface, so the hospital's departments are
kept at the desk (`desktop.store.departments`). A department is never deleted:
takeouts already sent name its id, so it is disabled instead, and disappears
from the takeout form's choices while staying readable here.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import ValidationError
from PySide6.QtCore import QRegularExpression, Qt, Signal
from PySide6.QtGui import QKeySequence, QRegularExpressionValidator, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.store.departments import (
    Department,
    DepartmentImportError,
    department,
    import_departments_csv,
    save_department,
)
from desktop.ui.desk import Desk
from desktop.ui.i18n import pick
from desktop.ui.tabs.problems import show_problem

if TYPE_CHECKING:
    from desktop.store.database import Store

_ERROR_STYLE = "color: #b00020"
_FIELD_PROBLEMS = {
    "id": ("科室编号应为 0 到 99999999 的整数。", "The id must be a whole number, 0 to 99999999."),
    "name": ("请填写科室名称。", "Enter the department's name."),
}


class DepartmentDialog(QDialog):
    """Add a department, or edit one (its id, which takeouts already carry, stays)."""

    def __init__(self, existing: Department | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        editing = existing is not None
        self.setWindowTitle(self.tr("Edit department") if editing else self.tr("Add department"))
        self.id_field = QLineEdit(str(existing.id) if existing else "")
        self.id_field.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{1,8}")))
        self.id_field.setReadOnly(editing)
        self.name_field = QLineEdit(existing.name if existing else "")
        self.short_code_field = QLineEdit((existing.short_code or "") if existing else "")
        self.available_box = QCheckBox(self.tr("In &use (offered in takeout forms)"))
        self.available_box.setChecked(existing.available if existing else True)
        self._errors = {"id": _error_label(), "name": _error_label()}
        form = QFormLayout()
        form.addRow(self.tr("Department &id"), self.id_field)
        form.addRow("", self._errors["id"])
        form.addRow(self.tr("&Name"), self.name_field)
        form.addRow("", self._errors["name"])
        form.addRow(self.tr("Short &code (pinyin)"), self.short_code_field)
        form.addRow("", self.available_box)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept_if_valid)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        (self.name_field if editing else self.id_field).setFocus()

    def department(self) -> Department | None:
        """The department the fields describe, or None with the problems shown by the fields."""
        for label in self._errors.values():
            label.clear()
        try:
            return Department.model_validate(
                {
                    "id": self.id_field.text().strip() or None,
                    "name": self.name_field.text(),
                    "short_code": self.short_code_field.text().strip() or None,
                    "available": self.available_box.isChecked(),
                }
            )
        except ValidationError as error:
            for detail in error.errors():
                field = str(detail["loc"][0])
                self._errors[field].setText(pick(*_FIELD_PROBLEMS[field]))
            return None

    def _accept_if_valid(self) -> None:
        if self.department() is not None:
            self.accept()


def _error_label() -> QLabel:
    label = QLabel()
    label.setStyleSheet(_ERROR_STYLE)
    return label


def _add_if_new(new: Department) -> Callable[[Store], Department | None]:
    """Save `new` unless its id is taken; returns the department holding the id if it is."""

    def work(store: Store) -> Department | None:
        holder = department(store, new.id)
        if holder is None:
            save_department(store, new)
        return holder

    return work


def _import_file(path: Path) -> Callable[[Store], int]:
    def work(store: Store) -> int:
        try:
            data = path.read_bytes()
        except OSError as error:
            raise DepartmentImportError(
                f"无法读取文件 {path}（{error.strerror}）。请确认文件存在且未被其他程序占用。",
                f"Cannot read {path} ({error.strerror}); check that it exists and is not "
                "held by another program.",
            ) from error
        return import_departments_csv(store, data)

    return work


class DepartmentActions(QWidget):
    """The buttons above the departments table and the line that reports what they did.

    `current` says which department is selected; `changed` asks the tab to reload. The
    keyboard shortcuts work anywhere inside `scope` (the sub-view with the table).
    """

    changed = Signal()

    def __init__(
        self, desk: Desk, current: Callable[[], Department | None], scope: QWidget
    ) -> None:
        super().__init__(scope)
        self._desk = desk
        self._current = current
        self.report = QLabel()
        self.report.setWordWrap(True)
        self.report.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        buttons = QHBoxLayout()
        for text, keys, slot in (
            (self.tr("&Add department…"), "Ins", self.ask_add),
            (self.tr("&Edit…"), "F4", self.ask_edit),
            (self.tr("Disable / enable (&U)"), "Ctrl+U", self.toggle_available),
            (self.tr("&Import CSV…"), "Ctrl+I", self.ask_import),
        ):
            button = QPushButton(text)
            button.setToolTip(QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText))
            button.clicked.connect(slot)
            buttons.addWidget(button)
            shortcut = QShortcut(QKeySequence(keys), scope)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.report)

    # -- what the buttons ask ----------------------------------------------------------

    def ask_add(self) -> None:
        dialog = DepartmentDialog(None, self)
        if dialog.exec() and (new := dialog.department()) is not None:
            self.add(new)

    def ask_edit(self) -> None:
        chosen = self._current()
        if chosen is None:
            self._say(self.tr("Choose a department in the table first."), error=True)
            return
        dialog = DepartmentDialog(chosen, self)
        if dialog.exec() and (edited := dialog.department()) is not None:
            self.save(edited)

    def ask_import(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Import departments"), "", self.tr("CSV files (*.csv);;All files (*)")
        )
        if name:
            self.import_file(Path(name))

    # -- what is done --------------------------------------------------------------------

    def add(self, new: Department) -> None:
        def added(holder: Department | None) -> None:
            if holder is not None:
                self._say(
                    pick(
                        f"编号 {new.id} 已是“{holder.name}”的编号，未添加。"
                        "如要修改该科室，请在表中选中它后按 F4。",
                        f"Id {new.id} already belongs to “{holder.name}”; nothing was added. "
                        "To change that department, select it in the table and press F4.",
                    ),
                    error=True,
                )
                return
            self._done(pick(f"已添加科室“{new.name}”。", f"Added department “{new.name}”."))

        self._desk.run_db(_add_if_new(new), added, self._failed)

    def save(self, edited: Department) -> None:
        self._desk.run_db(
            lambda store: save_department(store, edited),
            lambda _none: self._done(
                pick(f"已保存科室“{edited.name}”。", f"Saved department “{edited.name}”.")
            ),
            self._failed,
        )

    def toggle_available(self) -> None:
        chosen = self._current()
        if chosen is None:
            self._say(self.tr("Choose a department in the table first."), error=True)
            return
        self.save(chosen.model_copy(update={"available": not chosen.available}))

    def import_file(self, path: Path) -> None:
        def imported(count: int) -> None:
            self._done(
                pick(
                    f"已从 {path.name} 导入 {count} 个科室。",
                    f"Imported {count} departments from {path.name}.",
                )
            )

        self._say(self.tr("Importing %1…").replace("%1", path.name), error=False)
        self._desk.run_db(_import_file(path), imported, self._failed)

    def _done(self, message: str) -> None:
        self._say(message, error=False)
        self.changed.emit()

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, DepartmentImportError):
            # The file's problem is the clerk's to fix, with the line named: no notice needed.
            self._say(pick(error.message_zh, error.message_en), error=True)
            return
        message = show_problem(self._desk, error)
        if message is not None:
            self._say(message, error=True)

    def _say(self, message: str, *, error: bool) -> None:
        self.report.setText(message)
        self.report.setStyleSheet(_ERROR_STYLE if error else "")
        self.report.setProperty("error", error)
