"""The settings dialog hospital IT uses: platform, credentials, certificates, scanner, sound, language.

The client secret goes to the OS keyring (or the owner-only fallback file),
never into the settings file. "Test connection" runs the same checks as
`blood-desk check`, on a worker thread, against the values in the form.
"""

from __future__ import annotations

from datetime import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.config.secret_store import SecretStore, SecretStoreError, save_client_secret
from desktop.config.settings import Settings, SettingsError, load_settings, save_settings
from desktop.ui.i18n import pick
from desktop.ui.tabs.problems import bilingual
from desktop.ui.tasks import SerialWorker

if TYPE_CHECKING:
    from desktop.connection import Connection
    from desktop.platform.check import CheckStep

_BAUD_RATES = (9600, 19200, 38400, 57600, 115200)


class SettingsDialog(QDialog):
    """Edits a copy of the settings; `saved_settings` holds the result after Save."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self._settings = settings
        self.saved_settings: Settings | None = None
        self._checker: SerialWorker[Connection] | None = None
        tabs = QTabWidget()
        tabs.addTab(self._platform_page(), self.tr("&Platform"))
        tabs.addTab(self._counter_page(), self.tr("&Counter"))
        self.check_output = QPlainTextEdit()
        self.check_output.setReadOnly(True)
        self.check_output.setMaximumHeight(140)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.test_button = buttons.addButton(
            self.tr("&Test connection"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.test_button.clicked.connect(self.test_connection)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(self.error)
        layout.addWidget(self.check_output)
        layout.addWidget(buttons)

    # -- pages -----------------------------------------------------------------------

    def _platform_page(self) -> QWidget:
        s = self._settings
        self.token_url = QLineEdit(s.token_url or "")
        self.service_url = QLineEdit(s.service_url or "")
        self.dispatch_url = QLineEdit(s.dispatch_url or "")
        for field in (self.token_url, self.service_url, self.dispatch_url):
            field.setPlaceholderText(self.tr("empty: use the training platform"))
        self.client_id = QLineEdit(s.client_id)
        self.secret = QLineEdit()
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.setPlaceholderText(self.tr("unchanged"))
        self.ca_bundle = QLineEdit(str(s.ca_bundle or ""))
        browse = QPushButton(self.tr("&Browse…"))
        browse.clicked.connect(self._choose_ca_bundle)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_bundle)
        ca_row.addWidget(browse)
        self.verify_tls = QCheckBox(self.tr("&Verify the platform's certificate"))
        self.verify_tls.setChecked(s.verify_tls)
        self.poll_interval = QDoubleSpinBox()
        self.poll_interval.setRange(5, 3600)
        self.poll_interval.setSuffix(self.tr(" s"))
        self.poll_interval.setValue(s.poll_interval_s)
        page = QWidget()
        form = QFormLayout(page)
        form.addRow(self.tr("Token URL"), self.token_url)
        form.addRow(self.tr("Service URL"), self.service_url)
        form.addRow(self.tr("Dispatch list URL"), self.dispatch_url)
        form.addRow(self.tr("Client id"), self.client_id)
        form.addRow(self.tr("Client secret"), self.secret)
        form.addRow(self.tr("CA bundle"), ca_row)
        form.addRow("", self.verify_tls)
        form.addRow(self.tr("Dispatch list polling"), self.poll_interval)
        return page

    def _counter_page(self) -> QWidget:
        s = self._settings
        self.workstation = QLineEdit(s.workstation)
        self.scanner = QComboBox()
        self.scanner.addItem(self.tr("Keyboard (USB scanner)"), None)
        from desktop.ui.scanner import SerialScanner  # noqa: PLC0415 - QtSerialPort on demand

        for name, description in SerialScanner.available_ports():
            self.scanner.addItem(f"{name} — {description}", name)
        if s.scanner_port and self.scanner.findData(s.scanner_port) < 0:
            self.scanner.addItem(s.scanner_port, s.scanner_port)
        self.scanner.setCurrentIndex(max(0, self.scanner.findData(s.scanner_port)))
        self.baud = QComboBox()
        for rate in _BAUD_RATES:
            self.baud.addItem(str(rate), rate)
        self.baud.setCurrentIndex(max(0, self.baud.findData(s.scanner_baud)))
        self.sound = QCheckBox(self.tr("Play a &sound for each scan"))
        self.sound.setChecked(s.sound_enabled)
        self.language = QComboBox()
        self.language.addItem("中文", "zh_CN")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(str(s.language))))
        self.warnings = [QTimeEdit(QTime(t.hour, t.minute)) for t in s.deadline_thresholds[:2]]
        while len(self.warnings) < 2:
            self.warnings.append(QTimeEdit(QTime(23, 30)))
        self.retention = QSpinBox()
        self.retention.setRange(1, 3650)
        self.retention.setValue(s.retention_days)
        page = QWidget()
        form = QFormLayout(page)
        form.addRow(self.tr("Workstation name"), self.workstation)
        form.addRow(self.tr("Scanner"), self.scanner)
        form.addRow(self.tr("Serial baud rate"), self.baud)
        form.addRow("", self.sound)
        form.addRow(self.tr("Language (after restart)"), self.language)
        form.addRow(self.tr("First deadline warning"), self.warnings[0])
        form.addRow(self.tr("Urgent deadline warning"), self.warnings[1])
        form.addRow(self.tr("Keep patient data after sending (days)"), self.retention)
        return page

    def _choose_ca_bundle(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("CA bundle"), "", self.tr("Certificates (*.pem *.crt *.cer)")
        )
        if path:
            self.ca_bundle.setText(path)

    # -- reading the form ----------------------------------------------------------------

    def form_values(self) -> dict[str, Any]:
        thresholds = sorted(
            time(edit.time().hour(), edit.time().minute()) for edit in self.warnings
        )
        values: dict[str, Any] = {
            "data_dir": self._settings.data_dir,
            "token_url": self.token_url.text(),
            "service_url": self.service_url.text(),
            "dispatch_url": self.dispatch_url.text(),
            "client_id": self.client_id.text(),
            "ca_bundle": self.ca_bundle.text(),
            "verify_tls": self.verify_tls.isChecked(),
            "poll_interval_s": self.poll_interval.value(),
            "workstation": self.workstation.text(),
            "scanner_port": self.scanner.currentData(),
            "scanner_baud": self.baud.currentData(),
            "sound_enabled": self.sound.isChecked(),
            "language": self.language.currentData(),
            "deadline_thresholds": tuple(thresholds),
            "retention_days": self.retention.value(),
        }
        if self.secret.text():
            values["client_secret"] = self.secret.text()
        elif self._settings.client_secret.get_secret_value():
            values["client_secret"] = self._settings.client_secret
        # Otherwise the kept secret (keyring) is found by load_settings once URLs are set.
        return values

    def candidate(self) -> Settings | None:
        """The form as settings, or None with the problem shown next to the buttons."""
        try:
            candidate = load_settings(self.form_values(), environ={})
        except SettingsError as error:
            self.error.setText(pick(error.message_zh, error.message_en))
            return None
        self.error.clear()
        return candidate

    # -- actions ---------------------------------------------------------------------------

    def save(self) -> None:
        candidate = self.candidate()
        if candidate is None:
            return
        try:
            if self.secret.text():
                save_client_secret(SecretStore(Path(candidate.data_dir)), self.secret.text())
            save_settings(candidate)
        except (SettingsError, SecretStoreError) as error:
            self.error.setText(pick(error.message_zh, error.message_en))
            return
        self.saved_settings = candidate
        self.accept()

    def test_connection(self) -> None:
        candidate = self.candidate()
        if candidate is None or self._checker is not None:
            return
        self.test_button.setEnabled(False)
        self.check_output.setPlainText(self.tr("Testing…"))
        self._checker = SerialWorker(
            "settings-check", lambda: _connect(candidate), _close, self._check_failed, self
        )
        self._checker.start()
        self._checker.submit(_run_checks, self._show_checks, self._check_failed)

    def _show_checks(self, steps: list[CheckStep]) -> None:
        names = {
            "token": self.tr("Token"),
            "wsdl": self.tr("Service description (WSDL)"),
            "soap": self.tr("Business call"),
            "dispatch": self.tr("Dispatch list"),
        }
        lines = [
            ("✔ " if step.ok else "✘ ")
            + f"{names.get(step.name, step.name)}: "
            + pick(step.detail_zh, step.detail_en)
            for step in steps
        ]
        self.check_output.setPlainText("\n".join(lines))
        self._finish_check()

    def _check_failed(self, error: BaseException) -> None:
        explained = bilingual(error)
        message = pick(*explained) if explained else f"{type(error).__name__}: {error}"
        self.check_output.setPlainText(self.tr("Connection test failed: ") + message)
        self._finish_check()

    def _finish_check(self) -> None:
        self.test_button.setEnabled(True)
        if self._checker is not None:
            self._checker.stop()
            self._checker.deleteLater()
            self._checker = None

    def done(self, result: int) -> None:
        if self._checker is not None:
            self._checker.stop()
            self._checker = None
        super().done(result)


def _connect(settings: Settings) -> Connection:
    from desktop.connection import connect  # noqa: PLC0415 - the network stack on demand

    return connect(settings)


def _close(connection: Connection) -> None:
    connection.close()


def _run_checks(connection: Connection) -> list[CheckStep]:
    from desktop.platform.check import run_checks  # noqa: PLC0415

    return run_checks(connection.client, connection.tokens)
