"""The question the counter must answer before a doubtful bag leaves: confirm, or override.

A bag the rules let through only with a confirmation (compatible but not
identical, a label that disagrees with the record) asks "issue it?". A bag
that needs an override (an RhD-negative patient and RhD-positive red cells;
plasma-incompatible platelets; an untyped patient) asks for the reason in
words, and cannot be issued without one: the reason goes into the audit log
and the takeout's description. "Do not issue" is always one key away (Esc).
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.compatibility import CompatibilityLevel
from desktop.ui.i18n import pick
from desktop.ui.models.takeout_models import groups_text
from desktop.ui.takeout.form_fields import ERROR_STYLE
from desktop.ui.takeout.issue_check import IssueLine

REASON_MAX_LENGTH = 200


class IssueDialog(QDialog):
    """Asks about one bag; `line()` is the bag as the clerk accepted it (after `accepted`)."""

    def __init__(self, line: IssueLine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._line = line
        self._needs_reason = line.assessment.level is CompatibilityLevel.NEEDS_OVERRIDE
        bag = line.facts.bag
        self.setWindowTitle(
            self.tr("Override needed") if self._needs_reason else self.tr("Confirm this bag")
        )
        title = self.tr("Bag %1 (%2)").replace("%1", bag.bag_id)
        what = QLabel(title.replace("%2", groups_text(bag.abo, bag.rh)))
        self.why = QLabel(pick(line.assessment.reason.zh, line.assessment.reason.en))
        self.why.setWordWrap(True)
        self.why.setStyleSheet(ERROR_STYLE if self._needs_reason else "")
        self.reason = QLineEdit()
        self.reason.setMaxLength(REASON_MAX_LENGTH)
        self.reason.setPlaceholderText(self.tr("Why this bag is issued all the same"))
        self.reason.setVisible(self._needs_reason)
        buttons = QDialogButtonBox()
        self.issue_button = QPushButton(
            self.tr("Issue with override") if self._needs_reason else self.tr("Issue")
        )
        buttons.addButton(self.issue_button, QDialogButtonBox.ButtonRole.AcceptRole)
        refuse = buttons.addButton(self.tr("Do not issue"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._accept_if_complete)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (what, self.why, self.reason, buttons):
            layout.addWidget(widget)
        if self._needs_reason:
            self.reason.textChanged.connect(self._enable_issue)
            self.reason.returnPressed.connect(self._accept_if_complete)
            self._enable_issue()
            self.reason.setFocus()
        else:
            # A routine confirmation: Enter issues, as the clerk has read the reason above.
            self.issue_button.setDefault(True)
        if refuse is not None:
            refuse.setAutoDefault(False)

    def line(self) -> IssueLine:
        """The bag with the clerk's answer: confirmed, and with the override reason if asked."""
        reason = self.reason.text().strip() if self._needs_reason else None
        return replace(self._line, confirmed=True, override_reason=reason or None)

    def _enable_issue(self) -> None:
        self.issue_button.setEnabled(bool(self.reason.text().strip()))

    def _accept_if_complete(self) -> None:
        if self._needs_reason and not self.reason.text().strip():
            self.reason.setFocus()
            return
        self.accept()
