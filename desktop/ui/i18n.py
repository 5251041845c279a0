"""The window's language: Qt Linguist translations, Chinese by default.

Source strings in the code are English (`self.tr("...")`); `resources/i18n/
blood_desk_zh_CN.ts` translates them, and `scripts/build_translations.py` builds
the `.qm` files Qt loads. Messages that come from the domain already carry
Chinese and English; `pick` chooses between them by the same language setting.
"""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from desktop.config.resources import resource_path

CHINESE = "zh_CN"
ENGLISH = "en"
_current = CHINESE


def current_language() -> str:
    return _current


def pick(message_zh: str, message_en: str) -> str:
    """The message in the window's language."""
    return message_en if _current == ENGLISH else message_zh


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """Load our catalogue and Qt's own (standard buttons, dialogs) for `language`."""
    global _current  # noqa: PLW0603 - the one process-wide language, set once at start-up
    _current = ENGLISH if language == ENGLISH else CHINESE
    if _current == ENGLISH:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return []
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    installed = []
    catalogues = (
        (f"blood_desk_{_current}", str(resource_path("i18n"))),
        (f"qtbase_{_current}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
    )
    for name, directory in catalogues:
        translator = QTranslator(app)
        if translator.load(name, directory):
            app.installTranslator(translator)
            installed.append(translator)
    return installed
