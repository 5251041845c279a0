"""The settings dialog: "test connection" runs the real checks; saving keeps the secret out of the file."""

from __future__ import annotations

import json
from pathlib import Path

from pytestqt.qtbot import QtBot

from desktop.config.secret_store import SecretStore, load_client_secret
from desktop.config.settings import load_settings
from desktop.ui.settings_dialog import SettingsDialog

WAIT_MS = 60_000


def test_test_connection_runs_the_checks_against_the_training_platform(
    qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = SettingsDialog(load_settings({"data_dir": tmp_path}, environ={}))
    qtbot.addWidget(dialog)
    dialog.test_connection()
    qtbot.waitUntil(dialog.test_button.isEnabled, timeout=WAIT_MS)
    lines = dialog.check_output.toPlainText().splitlines()
    assert len(lines) == 4
    assert all(line.startswith("✔") for line in lines), lines


def test_saving_keeps_the_secret_in_the_secret_store(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = SettingsDialog(load_settings({"data_dir": tmp_path}, environ={}))
    qtbot.addWidget(dialog)
    dialog.token_url.setText("https://platform.example/oauth/token")
    dialog.service_url.setText("https://platform.example/synergyplatform/soap/CustomerLinkService")
    dialog.dispatch_url.setText("https://platform.example/api/dispatchin/list")
    dialog.client_id.setText("H310101")
    dialog.secret.setText("s3cret-value")
    dialog.save()
    assert dialog.saved_settings is not None
    written = (tmp_path / "settings.json").read_text(encoding="utf-8")
    assert "s3cret-value" not in written
    assert json.loads(written)["client_id"] == "H310101"
    kept = load_client_secret(SecretStore(tmp_path))
    assert kept is not None
    assert kept.get_secret_value() == "s3cret-value"


def test_a_bad_address_is_shown_and_nothing_is_saved(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = SettingsDialog(load_settings({"data_dir": tmp_path}, environ={}))
    qtbot.addWidget(dialog)
    dialog.token_url.setText("not a url")
    dialog.save()
    assert dialog.saved_settings is None
    assert dialog.error.text()
    assert not (tmp_path / "settings.json").exists()
