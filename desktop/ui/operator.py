"""Who is at the counter: chosen at start, switchable, filled into every document and the audit log."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.store.audit import Operator

__all__ = ["Operator", "OperatorDialog", "describe"]


def describe(operator: Operator) -> str:
    """How the window names the clerk: 张三（1001）.

    The staff number is what goes into `receiver` / `optId` / `user` on the platform.
    """
    return f"{operator.name}（{operator.staff_number}）"


class OperatorDialog(QDialog):
    """Asks for the clerk's name and staff number; Enter moves on, Esc cancels."""

    def __init__(self, current: Operator | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Operator on duty"))
        self._name = QLineEdit(current.name if current else "")
        self._number = QLineEdit(current.staff_number if current else "")
        self._name.setMaxLength(40)
        self._number.setMaxLength(20)
        self._error = QLabel()
        self._error.setObjectName("fieldError")
        self._error.setStyleSheet("color: #b00020")
        form = QFormLayout()
        form.addRow(self.tr("&Name"), self._name)
        form.addRow(self.tr("&Staff number"), self._number)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept_if_valid)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr("Enter who is working at the counter. It is recorded with every record.")
            )
        )
        layout.addLayout(form)
        layout.addWidget(self._error)
        layout.addWidget(buttons)
        self._name.setFocus(Qt.FocusReason.OtherFocusReason)

    def operator(self) -> Operator:
        return Operator(self._name.text().strip(), self._number.text().strip())

    def _accept_if_valid(self) -> None:
        chosen = self.operator()
        if not chosen.name:
            self._error.setText(self.tr("Enter the operator's name."))
            self._name.setFocus()
            return
        if not chosen.staff_number:
            self._error.setText(self.tr("Enter the operator's staff number."))
            self._number.setFocus()
            return
        self.accept()
