"""What the clerk sees and hears after a scan: a coloured panel and a short sound per outcome.

The panel is read from a step away while the clerk holds a bag, so its states differ in
colour, in a caption word (colour alone fails red-green colour blindness) and in sound.
A scan must feel instant: `ScanFeedback.show_result` only swaps texts and one dynamic
property against a style sheet built once, and the panel's size does not follow the text.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping
from enum import StrEnum
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QEvent, QObject, QUrl
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from desktop.config.resources import resource_path

if TYPE_CHECKING:
    from PySide6.QtMultimedia import QSoundEffect


class FeedbackLevel(StrEnum):
    OK = "ok"
    WARNING = "warning"
    REFUSED = "refused"
    IDLE = "idle"


# (background, text) per level; every pair has a contrast ratio of at least 7:1 (WCAG AAA).
LEVEL_COLOURS: Final[Mapping[FeedbackLevel, tuple[str, str]]] = {
    FeedbackLevel.OK: ("#1B5E20", "#FFFFFF"),
    FeedbackLevel.WARNING: ("#FFB300", "#1A1A1A"),
    FeedbackLevel.REFUSED: ("#A31515", "#FFFFFF"),
    FeedbackLevel.IDLE: ("#ECEFF1", "#263238"),
}

SOUND_FILES: Final[Mapping[FeedbackLevel, str]] = {
    FeedbackLevel.OK: "ok.wav",
    FeedbackLevel.WARNING: "warning.wav",
    FeedbackLevel.REFUSED: "refused.wav",
}

_LEVEL_PROPERTY: Final = "level"
_TITLE_POINT_SIZE: Final = 28
_TEXT_POINT_SIZE: Final = 14
_DETAIL_LINES: Final = 2


def _style_sheet() -> str:
    rules = [
        f'ScanFeedback[{_LEVEL_PROPERTY}="{level}"] {{ background-color: {background}; }}\n'
        f'ScanFeedback[{_LEVEL_PROPERTY}="{level}"] QLabel {{ color: {text}; }}'
        for level, (background, text) in LEVEL_COLOURS.items()
    ]
    return "ScanFeedback { border-radius: 6px; }\n" + "\n".join(rules)


def _label(point_size: int, *, bold: bool = False, word_wrap: bool = False) -> QLabel:
    label = QLabel()
    font = QFont(label.font())
    font.setPointSize(point_size)
    font.setBold(bold)
    label.setFont(font)
    label.setWordWrap(word_wrap)
    # Ignored width: a long bag id or reason is cut, not allowed to widen the window.
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    return label


class ScanFeedback(QFrame):
    """The large result panel: a caption (the level in words), a big title, a detail line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._level: FeedbackLevel | None = None
        self._captions = self._translated_captions()
        self._caption = _label(_TEXT_POINT_SIZE, bold=True)
        self._title = _label(_TITLE_POINT_SIZE, bold=True)
        self._detail = _label(_TEXT_POINT_SIZE, word_wrap=True)
        layout = QVBoxLayout(self)
        for label in (self._caption, self._title, self._detail):
            layout.addWidget(label)
        layout.addStretch()
        self.setStyleSheet(_style_sheet())
        self.setMinimumHeight(self._height_for_content(layout))
        self.reset()

    @property
    def level(self) -> FeedbackLevel:
        return self._level or FeedbackLevel.IDLE

    def title(self) -> str:
        return self._title.text()

    def detail(self) -> str:
        return self._detail.text()

    def caption(self) -> str:
        return self._caption.text()

    def show_result(self, level: FeedbackLevel, title: str, detail: str = "") -> None:
        self._set_level(level)
        self._title.setText(title)
        self._detail.setText(detail)
        self.setAccessibleName(f"{self._captions[level]} {title}".strip())
        self.setAccessibleDescription(detail)

    def reset(self) -> None:
        """Back to waiting for the next scan."""
        self.show_result(FeedbackLevel.IDLE, "")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self._captions = self._translated_captions()
            self._caption.setText(self._captions[self.level])
        super().changeEvent(event)

    def _translated_captions(self) -> dict[FeedbackLevel, str]:
        return {
            FeedbackLevel.OK: self.tr("Accepted"),
            FeedbackLevel.WARNING: self.tr("Check before accepting"),
            FeedbackLevel.REFUSED: self.tr("Refused"),
            FeedbackLevel.IDLE: self.tr("Ready: scan a blood bag"),
        }

    def _set_level(self, level: FeedbackLevel) -> None:
        self._caption.setText(self._captions[level])
        if level == self._level:
            return
        self._level = level
        self.setProperty(_LEVEL_PROPERTY, level.value)
        # A style sheet reads dynamic properties only when a widget is polished again.
        style = self.style()
        for widget in (self, self._caption, self._title, self._detail):
            style.unpolish(widget)
            style.polish(widget)

    def _height_for_content(self, layout: QVBoxLayout) -> int:
        # Room for every line up front, so a result never resizes the panel and its neighbours.
        lines = (
            self._caption.fontMetrics().lineSpacing()
            + self._title.fontMetrics().lineSpacing()
            + self._detail.fontMetrics().lineSpacing() * _DETAIL_LINES
        )
        margins = layout.contentsMargins()
        return lines + 2 * layout.spacing() + margins.top() + margins.bottom()


def _linux_sound_server_running() -> bool:
    if os.environ.get("PULSE_SERVER"):
        return True
    runtime = os.environ.get("XDG_RUNTIME_DIR") or f"/run/user/{os.getuid()}"
    sockets = (
        Path(runtime, "pulse", "native"),
        Path(runtime, "pipewire-0"),
        Path("/run/pulse/native"),
    )
    return any(path.exists() for path in sockets)


def audio_output_present() -> bool:
    """Whether the machine has somewhere to play a sound (asked once, when the window starts)."""
    # On Linux, loading QtMultimedia without a sound server logs Qt warnings at every start;
    # a counter PC without speakers should stay quiet in the log too.
    if sys.platform == "linux" and not _linux_sound_server_running():
        return False
    from PySide6.QtMultimedia import QMediaDevices  # noqa: PLC0415 (see above)

    return bool(QMediaDevices.audioOutputs())


class FeedbackSounds(QObject):
    """A short, distinct sound per result level; silent where there is no audio output.

    `play` never raises and never waits: effects are loaded up front, play asynchronously,
    and one that fails to load is dropped, leaving its level silent. `enabled` is the
    settings' sound on/off switch.
    """

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        enabled: bool = True,
        audio_present: Callable[[], bool] = audio_output_present,
    ) -> None:
        super().__init__(parent)
        self.enabled = enabled
        self._effects: dict[FeedbackLevel, QSoundEffect] = {}
        if audio_present():
            self._load()

    @property
    def audible(self) -> bool:
        """Whether any level still has a usable sound."""
        return bool(self._effects)

    def play(self, level: FeedbackLevel) -> None:
        effect = self._effects.get(level)
        if not self.enabled or effect is None:
            return
        # A new result cuts the previous sound short, so sounds never pile up on a fast run.
        for other in self._effects.values():
            if other is not effect and other.isPlaying():
                other.stop()
        effect.play()

    def _load(self) -> None:
        from PySide6.QtMultimedia import QSoundEffect  # noqa: PLC0415 (see audio_output_present)

        for level, file_name in SOUND_FILES.items():
            effect = QSoundEffect(self)
            # In the table before loading starts: the status may change while setSource runs.
            self._effects[level] = effect
            effect.statusChanged.connect(partial(self._drop_if_broken, level))
            effect.setSource(QUrl.fromLocalFile(str(resource_path("sounds", file_name))))

    def _drop_if_broken(self, level: FeedbackLevel) -> None:
        effect = self._effects.get(level)
        if effect is not None and effect.status() == effect.Status.Error:
            del self._effects[level]
            effect.deleteLater()
