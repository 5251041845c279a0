"""The scan result panel and its sounds."""

from __future__ import annotations

import runpy
import statistics
import sys
import time
import wave
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QTableWidget, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from desktop.config.resources import resource_path
from desktop.ui.scan_feedback import (
    LEVEL_COLOURS,
    SOUND_FILES,
    FeedbackLevel,
    FeedbackSounds,
    ScanFeedback,
    audio_output_present,
)

ROOT = Path(__file__).resolve().parents[2]
DIN = "=W123426123456"
RESULTS = [level for level in FeedbackLevel if level != FeedbackLevel.IDLE]

# Showing a window under the offscreen platform logs this; it is harmless (ENVIRONMENT.md).
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _contrast(first: str, second: str) -> float:
    def luminance(colour: str) -> float:
        q = QColor(colour)
        channels = [c / 255 for c in (q.red(), q.green(), q.blue())]
        r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.fixture
def panel(qtbot: QtBot) -> ScanFeedback:
    panel = ScanFeedback()
    qtbot.addWidget(panel)
    return panel


@pytest.fixture
def window_with_panel(qtbot: QtBot) -> tuple[QWidget, ScanFeedback]:
    window = QWidget()
    layout = QVBoxLayout(window)
    panel = ScanFeedback()
    layout.addWidget(panel)
    layout.addWidget(QTableWidget(30, 6))
    qtbot.addWidget(window)
    window.resize(900, 700)
    window.show()
    qtbot.waitExposed(window)
    return window, panel


class TestScanFeedback:
    def test_it_starts_idle_and_says_it_is_ready(self, panel: ScanFeedback) -> None:
        assert panel.level == FeedbackLevel.IDLE
        assert panel.property("level") == "idle"
        assert panel.caption() == "Ready: scan a blood bag"
        assert panel.accessibleName() == "Ready: scan a blood bag"

    @pytest.mark.parametrize(
        ("level", "caption"),
        [
            (FeedbackLevel.OK, "Accepted"),
            (FeedbackLevel.WARNING, "Check before accepting"),
            (FeedbackLevel.REFUSED, "Refused"),
        ],
    )
    def test_a_result_sets_level_texts_and_accessible_name(
        self, panel: ScanFeedback, level: FeedbackLevel, caption: str
    ) -> None:
        panel.show_result(level, DIN, "血袋已过期 / the bag has expired")

        assert panel.level == level
        assert panel.property("level") == level.value
        assert (panel.caption(), panel.title(), panel.detail()) == (
            caption,
            DIN,
            "血袋已过期 / the bag has expired",
        )
        assert panel.accessibleName() == f"{caption} {DIN}"
        assert panel.accessibleDescription() == "血袋已过期 / the bag has expired"

    def test_reset_goes_back_to_idle(self, panel: ScanFeedback) -> None:
        panel.show_result(FeedbackLevel.REFUSED, DIN, "reason")

        panel.reset()

        assert panel.level == FeedbackLevel.IDLE
        assert (panel.title(), panel.detail()) == ("", "")

    @pytest.mark.parametrize("level", list(FeedbackLevel))
    def test_every_level_reads_clearly(self, level: FeedbackLevel) -> None:
        background, text = LEVEL_COLOURS[level]

        assert _contrast(background, text) >= 7.0

    @pytest.mark.parametrize("level", list(FeedbackLevel))
    def test_the_panel_is_painted_in_the_level_colour(
        self, window_with_panel: tuple[QWidget, ScanFeedback], level: FeedbackLevel
    ) -> None:
        _, panel = window_with_panel

        panel.show_result(level, DIN, "detail")

        image = panel.grab().toImage()
        assert image.pixelColor(3, panel.height() // 2).name() == LEVEL_COLOURS[level][0].lower()

    def test_results_never_resize_the_panel(
        self, qtbot: QtBot, window_with_panel: tuple[QWidget, ScanFeedback]
    ) -> None:
        window, panel = window_with_panel
        before = (window.size(), panel.size())

        panel.show_result(FeedbackLevel.OK, DIN * 6, "a long detail line " * 12)
        qtbot.wait(10)
        panel.show_result(FeedbackLevel.REFUSED, "", "")
        qtbot.wait(10)

        assert (window.size(), panel.size()) == before

    def test_showing_a_result_is_cheap(
        self, window_with_panel: tuple[QWidget, ScanFeedback]
    ) -> None:
        _, panel = window_with_panel
        durations_ms = []
        for i in range(60):
            started = time.perf_counter()
            panel.show_result(RESULTS[i % len(RESULTS)], f"=W1234261234{i:02d}", f"detail {i}")
            QApplication.processEvents()  # layout and paint included
            durations_ms.append((time.perf_counter() - started) * 1000)

        assert statistics.median(durations_ms) <= 5.0

    def test_a_language_change_translates_the_caption(
        self, qtbot: QtBot, panel: ScanFeedback
    ) -> None:
        class Prefixing(QTranslator):
            def translate(
                self, context: str, source: str, disambiguation: str | None = None, n: int = -1
            ) -> str:
                return f"译:{source}" if context == "ScanFeedback" else ""

            def isEmpty(self) -> bool:
                return False

        panel.show_result(FeedbackLevel.REFUSED, DIN)
        translator = Prefixing()
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.installTranslator(translator)
        try:
            qtbot.waitUntil(lambda: panel.caption() == "译:Refused")
        finally:
            app.removeTranslator(translator)
        qtbot.waitUntil(lambda: panel.caption() == "Refused")


class TestFeedbackSounds:
    def test_without_an_audio_output_every_level_is_silent(self) -> None:
        sounds = FeedbackSounds(audio_present=lambda: False)

        for level in FeedbackLevel:
            sounds.play(level)

        assert not sounds.audible

    @pytest.mark.skipif(sys.platform != "linux", reason="the sound server check is Linux's")
    def test_no_sound_server_means_no_audio_output(
        self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
    ) -> None:
        monkeypatch.delenv("PULSE_SERVER", raising=False)
        monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
        if Path("/run/pulse/native").exists():
            pytest.skip("this machine runs a system-wide sound server")

        assert audio_output_present() is False

    # Where there is no sound device, QtMultimedia says so in warnings: expected here only.
    @pytest.mark.qt_log_ignore(
        "Couldn't (load|resolve)", "PulseAudioService", "QSoundEffect", "QAudioSink"
    )
    def test_a_sound_that_cannot_play_drops_out_without_raising(self, qtbot: QtBot) -> None:
        from PySide6.QtMultimedia import QSoundEffect  # noqa: PLC0415 (its import logs warnings)

        sounds = FeedbackSounds(audio_present=lambda: True)

        # Each effect loads or, with no device to play on, fails and is dropped.
        qtbot.waitUntil(
            lambda: all(
                effect.status() == QSoundEffect.Status.Ready
                for effect in sounds.findChildren(QSoundEffect)
            ),
            timeout=5_000,
        )
        for level in FeedbackLevel:
            sounds.play(level)
        sounds.enabled = False
        sounds.play(FeedbackLevel.REFUSED)
        for effect in sounds.findChildren(QSoundEffect):
            effect.stop()


class TestSoundFiles:
    @pytest.mark.parametrize("name", sorted(SOUND_FILES.values()))
    def test_each_is_short_16_bit_mono_44k(self, name: str) -> None:
        with wave.open(str(resource_path("sounds", name)), "rb") as sound:
            assert (sound.getnchannels(), sound.getsampwidth(), sound.getframerate()) == (
                1,
                2,
                44_100,
            )
            assert sound.getnframes() / sound.getframerate() < 0.4

    @pytest.mark.parametrize("name", sorted(SOUND_FILES.values()))
    def test_each_is_what_the_script_makes(self, name: str) -> None:
        script = runpy.run_path(str(ROOT / "scripts" / "make_sounds.py"))

        assert resource_path("sounds", name).read_bytes() == script["render"](name)
