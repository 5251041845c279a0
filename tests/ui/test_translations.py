"""The Chinese catalogue: complete, in step with the UI sources, and loaded by the window.

A new `self.tr("...")` in desktop/ui without a translation fails here: run
`python scripts/build_translations.py --update` and translate the new messages
in resources/i18n/blood_desk_zh_CN.ts.
"""

from __future__ import annotations

import re
import runpy
import shutil
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication

from desktop.ui import i18n
from desktop.ui.tabs import tab_titles

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = runpy.run_path(str(ROOT / "scripts" / "build_translations.py"))
CATALOGUE: Path = SCRIPT["catalogue"]("zh_CN")

# What a translation must carry over unchanged: Qt arguments (%1, %n), Python-style
# fields ({name}) and HTML tags.
MARKERS = re.compile(r"%(?:\d+|n)|\{\w*\}|</?\w+[^>]*>")
# A keyboard mnemonic: "&x", but not the literal ampersand "&&".
MNEMONIC = re.compile(r"(?<!&)&([^&\s])")


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    translations: tuple[str, ...]  # one, or the numerus forms
    type: str | None

    def __str__(self) -> str:
        return f"{self.context}: {self.source!r}"


def messages(path: Path) -> list[Message]:
    found = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None, f"{name}: {message.findtext('source')!r}"
            forms = translation.findall("numerusform")
            texts = [form.text or "" for form in forms] if forms else [translation.text or ""]
            found.append(
                Message(
                    name,
                    message.findtext("source", ""),
                    tuple(texts),
                    translation.get("type"),
                )
            )
    return found


def mnemonics(text: str) -> list[str]:
    return [letter.casefold() for letter in MNEMONIC.findall(text)]


def test_every_message_has_a_finished_translation() -> None:
    found = messages(CATALOGUE)

    assert len(found) > 300
    assert [str(m) for m in found if m.type is not None] == []
    assert [str(m) for m in found if not all(text.strip() for text in m.translations)] == []


def test_the_ui_sources_have_no_message_missing_from_the_catalogue(tmp_path: Path) -> None:
    updated = tmp_path / CATALOGUE.name
    shutil.copy(CATALOGUE, updated)

    SCRIPT["lupdate"](updated)

    assert [str(m) for m in messages(updated) if m.type == "unfinished"] == []


def test_every_translation_keeps_the_placeholders_and_the_mnemonic() -> None:
    changed = [
        f"{message} → {translation!r}"
        for message in messages(CATALOGUE)
        for translation in message.translations
        if sorted(MARKERS.findall(translation)) != sorted(MARKERS.findall(message.source))
        # The same letter in both languages, so the keyboard shortcuts stay the same.
        or mnemonics(translation) != mnemonics(message.source)
    ]

    assert changed == []


def test_the_built_catalogue_turns_the_window_chinese(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Built from the catalogue under test: a clean clone has no .qm yet.
    (tmp_path / "i18n").mkdir()
    SCRIPT["lrelease"](CATALOGUE, tmp_path / "i18n" / CATALOGUE.with_suffix(".qm").name)
    monkeypatch.setattr(i18n, "resource_path", tmp_path.joinpath)
    monkeypatch.setattr(i18n, "_current", i18n.ENGLISH)  # restored after the test
    default_locale = QLocale()

    installed = i18n.install_translators(qapp, i18n.CHINESE)
    try:
        assert len(installed) == 2  # ours and Qt's own
        assert tab_titles() == [
            "字典(&D)",
            "发血单(&B)",
            "入库(&R)",
            "出库(&T)",
            "取消出库(&C)",
            "库存(&S)",
        ]
        assert QCoreApplication.translate("MainWindow", "Des&k") == "工作台(&K)"
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
        assert i18n.pick("入库", "Receiving") == "入库"
        assert QLocale().language() == QLocale.Language.Chinese
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
        QLocale.setDefault(default_locale)

    assert tab_titles()[0] == "&Dictionaries"
