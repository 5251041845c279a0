"""Scanner input: the scan field, wedge bursts told from typing by timing, serial scanners."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtSerialPort import QSerialPort
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from desktop.ui.scanner import (
    ScanField,
    ScanLineSplitter,
    ScanRouter,
    SerialScanner,
    serial_error_message,
)

DIN = "=W123426123456"  # an ISBT 128 donation identification number as scanned
FAST_MS = 5
SLOW_MS = 150

# Showing a window under the offscreen platform logs this; it is harmless (ENVIRONMENT.md).
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


class Counter:
    """A window with a scan area (a remarks field, a scan field, a button) and a field outside."""

    def __init__(self, qtbot: QtBot, clock_ms: list[float], **router_options: int) -> None:
        self.window = QWidget()
        self.area = QWidget(self.window)
        self.remarks = QLineEdit(self.area)
        self.scan_field = ScanField(self.area)
        self.button = QPushButton("OK", self.area)
        area_layout = QVBoxLayout(self.area)
        for widget in (self.remarks, self.scan_field, self.button):
            area_layout.addWidget(widget)
        self.outside = QLineEdit(self.window)
        layout = QVBoxLayout(self.window)
        layout.addWidget(self.area)
        layout.addWidget(self.outside)
        self.router = ScanRouter(self.area, clock=lambda: clock_ms[0], **router_options)
        self.scans: list[str] = []
        self.router.scanned.connect(self.scans.append)
        qtbot.addWidget(self.window)
        self.window.show()
        qtbot.waitExposed(self.window)
        self.window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is self.window)

    def focus(self, qtbot: QtBot, widget: QWidget) -> None:
        widget.setFocus()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)


@pytest.fixture
def clock_ms() -> list[float]:
    return [0.0]


@pytest.fixture
def make_counter(qtbot: QtBot, clock_ms: list[float]) -> Iterator[Callable[..., Counter]]:
    made: list[Counter] = []

    def make(**router_options: int) -> Counter:
        made.append(Counter(qtbot, clock_ms, **router_options))
        return made[-1]

    yield make
    # Nothing may be left waiting to fire once a test is over.
    for counter in made:
        assert not any(timer.isActive() for timer in counter.router.findChildren(QTimer))


@pytest.fixture
def counter(make_counter: Callable[..., Counter]) -> Counter:
    return make_counter()


def _key_code(char: str) -> int:
    return ord(char.upper()) if char.isascii() else 0


def _send(
    kind: QEvent.Type, key: int, text: str, at_ms: int, *, via_window: bool = False, **flags: bool
) -> None:
    modifiers = (
        Qt.KeyboardModifier.ShiftModifier if text.isupper() else Qt.KeyboardModifier.NoModifier
    )
    event = QKeyEvent(kind, key, modifiers, text, flags.get("autorepeat", False))
    event.setTimestamp(at_ms)
    focus = QApplication.focusWidget()
    assert focus is not None
    # Through the window is the way a real key travels: Qt hands it on to the focus widget.
    QApplication.sendEvent(focus.window().windowHandle() if via_window else focus, event)


def type_keys(
    text: str, *, start_ms: int, interval_ms: int, enter: bool = True, via_window: bool = False
) -> int:
    """Press and release each key `interval_ms` apart, as a scanner or a person would.

    Returns when the next key would come at the same pace.
    """
    at = start_ms
    keys = [(_key_code(char), char) for char in text]
    if enter:
        keys.append((Qt.Key.Key_Return.value, "\r"))
    for code, char in keys:
        _send(QEvent.Type.KeyPress, code, char, at, via_window=via_window)
        _send(QEvent.Type.KeyRelease, code, char, at + 1, via_window=via_window)
        at += interval_ms
    return at


@pytest.mark.parametrize("via_window", [False, True])
def test_a_fast_burst_into_another_field_is_a_scan_and_leaves_the_field_alone(
    qtbot: QtBot, counter: Counter, via_window: bool
) -> None:
    counter.focus(qtbot, counter.remarks)
    counter.remarks.setText("note")
    entered: list[bool] = []
    counter.remarks.returnPressed.connect(lambda: entered.append(True))

    type_keys(DIN, start_ms=1_000, interval_ms=FAST_MS, via_window=via_window)

    assert counter.scans == [DIN]
    assert counter.remarks.text() == "note"
    assert entered == []


@pytest.mark.parametrize("via_window", [False, True])
def test_slow_typing_reaches_the_focused_field_exactly(
    qtbot: QtBot, counter: Counter, via_window: bool
) -> None:
    counter.focus(qtbot, counter.remarks)
    entered: list[bool] = []
    counter.remarks.returnPressed.connect(lambda: entered.append(True))

    type_keys("Ab 12=x", start_ms=1_000, interval_ms=SLOW_MS, via_window=via_window)

    assert counter.remarks.text() == "Ab 12=x"
    assert entered == [True]
    assert counter.scans == []


def test_a_held_key_reaches_its_field_when_the_timer_runs_out(
    qtbot: QtBot, counter: Counter
) -> None:
    counter.focus(qtbot, counter.remarks)

    type_keys("abc", start_ms=1_000, interval_ms=SLOW_MS, enter=False)

    assert counter.remarks.text() == "ab"  # the last key waits to see whether more follow
    qtbot.waitUntil(lambda: counter.remarks.text() == "abc", timeout=1_000)
    assert counter.scans == []


def test_a_short_fast_burst_is_typing(counter: Counter, qtbot: QtBot) -> None:
    counter.focus(qtbot, counter.remarks)

    type_keys("ok", start_ms=1_000, interval_ms=FAST_MS)

    assert counter.remarks.text() == "ok"
    assert counter.scans == []


def test_a_slow_start_then_a_fast_burst_types_the_slow_keys_and_scans_the_burst(
    qtbot: QtBot, counter: Counter
) -> None:
    counter.focus(qtbot, counter.remarks)

    end = type_keys("x", start_ms=1_000, interval_ms=SLOW_MS, enter=False)
    type_keys(DIN, start_ms=end, interval_ms=FAST_MS)

    assert counter.remarks.text() == "x"
    assert counter.scans == [DIN]


def test_enter_too_long_after_a_burst_is_not_a_scan(qtbot: QtBot, counter: Counter) -> None:
    counter.focus(qtbot, counter.remarks)

    end = type_keys("abcdef", start_ms=1_000, interval_ms=FAST_MS, enter=False)
    _send(QEvent.Type.KeyPress, Qt.Key.Key_Return.value, "\r", end + SLOW_MS)

    assert counter.remarks.text() == "abcdef"
    assert counter.scans == []


def test_keys_right_after_released_typing_are_typing_too(qtbot: QtBot, counter: Counter) -> None:
    counter.focus(qtbot, counter.remarks)
    type_keys("ab", start_ms=1_000, interval_ms=FAST_MS, enter=False)
    qtbot.waitUntil(lambda: counter.remarks.text() == "ab", timeout=1_000)

    # The event loop was late: the timer released "ab" though the burst went on. The rest
    # must stay typing, never become a scan of the tail end of a barcode.
    type_keys("cdefgh", start_ms=1_000 + 2 * FAST_MS, interval_ms=FAST_MS)

    assert counter.remarks.text() == "abcdefgh"
    assert counter.scans == []


def test_a_command_key_releases_held_keys_first(qtbot: QtBot, counter: Counter) -> None:
    counter.focus(qtbot, counter.remarks)

    type_keys("abc", start_ms=1_000, interval_ms=FAST_MS, enter=False)
    _send(QEvent.Type.KeyPress, Qt.Key.Key_Backspace.value, "\b", 1_000 + 3 * FAST_MS)

    assert counter.remarks.text() == "ab"
    assert counter.scans == []


def test_auto_repeat_is_typing(qtbot: QtBot, counter: Counter) -> None:
    counter.focus(qtbot, counter.remarks)

    for i in range(6):
        _send(QEvent.Type.KeyPress, Qt.Key.Key_A.value, "a", 1_000 + 30 * i, autorepeat=i > 0)
    _send(QEvent.Type.KeyPress, Qt.Key.Key_Return.value, "\r", 1_000 + 30 * 6)

    qtbot.waitUntil(lambda: counter.remarks.text() == "aaaaaa", timeout=1_000)
    assert counter.scans == []


def test_events_without_timestamps_use_the_clock(
    qtbot: QtBot, counter: Counter, clock_ms: list[float]
) -> None:
    counter.focus(qtbot, counter.remarks)

    def press(key: int, text: str) -> None:
        _send(QEvent.Type.KeyPress, key, text, 0)
        clock_ms[0] += FAST_MS

    for char in DIN:
        press(_key_code(char), char)
    press(Qt.Key.Key_Enter.value, "\r")

    assert counter.scans == [DIN]
    assert counter.remarks.text() == ""


def test_a_quick_space_on_a_button_still_clicks_it(qtbot: QtBot, counter: Counter) -> None:
    counter.focus(qtbot, counter.button)

    # Press and release both come before the timer gives the press back: the release must
    # wait behind it, or the button would see them the wrong way round and stay down.
    with qtbot.waitSignal(counter.button.clicked, timeout=1_000):
        type_keys(" ", start_ms=1_000, interval_ms=FAST_MS, enter=False)

    assert not counter.button.isDown()


def test_a_burst_while_a_button_has_focus_is_a_scan(qtbot: QtBot, counter: Counter) -> None:
    counter.focus(qtbot, counter.button)

    with qtbot.assertNotEmitted(counter.button.clicked):
        type_keys(DIN, start_ms=1_000, interval_ms=FAST_MS)

    assert counter.scans == [DIN]


def test_moving_focus_gives_held_keys_to_the_field_they_were_typed_into(
    qtbot: QtBot, counter: Counter
) -> None:
    second = QLineEdit(counter.area)
    counter.area.layout().addWidget(second)
    second.show()
    counter.focus(qtbot, counter.remarks)
    end = type_keys("ab", start_ms=1_000, interval_ms=FAST_MS, enter=False)

    second.setFocus()
    assert QApplication.focusWidget() is second
    type_keys(DIN, start_ms=end + SLOW_MS, interval_ms=FAST_MS)

    assert counter.remarks.text() == "ab"
    assert second.text() == ""
    assert counter.scans == [DIN]


def test_a_burst_into_the_scan_field_is_its_own_scan(qtbot: QtBot, counter: Counter) -> None:
    counter.focus(qtbot, counter.scan_field)

    with qtbot.waitSignal(counter.scan_field.scanned) as blocker:
        qtbot.keyClicks(counter.scan_field, DIN)
        qtbot.keyClick(counter.scan_field, Qt.Key.Key_Return)

    assert blocker.args == [DIN]
    assert counter.scans == []
    assert counter.scan_field.text() == ""


def test_a_burst_outside_the_scan_area_is_not_intercepted(qtbot: QtBot, counter: Counter) -> None:
    counter.focus(qtbot, counter.outside)

    type_keys(DIN, start_ms=1_000, interval_ms=FAST_MS)

    assert counter.outside.text() == DIN
    assert counter.scans == []


def test_keys_sent_by_code_to_a_field_without_focus_are_not_intercepted(
    qtbot: QtBot, counter: Counter
) -> None:
    counter.focus(qtbot, counter.outside)
    entered: list[bool] = []
    counter.remarks.returnPressed.connect(lambda: entered.append(True))
    keys = [(_key_code(char), char) for char in DIN] + [(Qt.Key.Key_Return.value, "\r")]

    for i, (code, char) in enumerate(keys):
        event = QKeyEvent(QEvent.Type.KeyPress, code, Qt.KeyboardModifier.NoModifier, char)
        event.setTimestamp(1_000 + i)
        QApplication.sendEvent(counter.remarks, event)

    assert counter.remarks.text() == DIN
    assert entered == [True]
    assert counter.scans == []


def test_the_router_listens_only_while_the_area_is_shown(qtbot: QtBot, counter: Counter) -> None:
    assert counter.router.listening
    counter.area.hide()
    assert not counter.router.listening
    counter.focus(qtbot, counter.outside)
    type_keys(DIN, start_ms=1_000, interval_ms=FAST_MS)
    assert counter.scans == []

    counter.area.show()
    assert counter.router.listening


def test_hiding_the_area_gives_held_keys_back(qtbot: QtBot, counter: Counter) -> None:
    counter.focus(qtbot, counter.remarks)
    type_keys("ab", start_ms=1_000, interval_ms=FAST_MS, enter=False)

    counter.area.hide()

    assert counter.remarks.text() == "ab"


def test_a_router_made_for_a_hidden_area_waits_until_it_is_shown(qtbot: QtBot) -> None:
    area = QWidget()
    qtbot.addWidget(area)
    router = ScanRouter(area)
    assert not router.listening

    area.show()
    qtbot.waitExposed(area)
    assert router.listening


class TestWindowShortcuts:
    """Real key presses pass Qt's shortcut map first; a window may bind Enter to an action."""

    @staticmethod
    def press_through_the_platform(counter: Counter, text: str) -> list[str]:
        seen_by_shortcut: list[str] = []
        shortcut = QShortcut(QKeySequence(Qt.Key.Key_Return), counter.window)
        shortcut.activated.connect(lambda: seen_by_shortcut.append(counter.remarks.text()))
        window = counter.window.windowHandle()
        for char in text:
            QTest.keyClick(window, char)
        QTest.keyClick(window, Qt.Key.Key_Return)
        return seen_by_shortcut

    # QTest stamps these keys with the wall clock: a generous interval keeps a busy CI
    # machine from turning the burst into typing.
    def test_the_enter_ending_a_scan_fires_no_shortcut(
        self, qtbot: QtBot, make_counter: Callable[..., Counter]
    ) -> None:
        counter = make_counter(max_key_interval_ms=1_000)
        counter.focus(qtbot, counter.remarks)

        assert self.press_through_the_platform(counter, DIN) == []
        assert counter.scans == [DIN]
        assert counter.remarks.text() == ""

    def test_a_shortcut_on_enter_sees_the_text_typed_before_it(
        self, qtbot: QtBot, make_counter: Callable[..., Counter]
    ) -> None:
        counter = make_counter(max_key_interval_ms=1_000)
        counter.focus(qtbot, counter.remarks)

        assert self.press_through_the_platform(counter, "OK") == ["OK"]
        assert counter.scans == []

    def test_the_scan_field_keeps_its_enter_from_a_shortcut(
        self, qtbot: QtBot, counter: Counter
    ) -> None:
        counter.focus(qtbot, counter.scan_field)

        with qtbot.waitSignal(counter.scan_field.scanned) as blocker:
            assert self.press_through_the_platform(counter, DIN) == []

        assert blocker.args == [DIN]


class TestScanField:
    def test_the_input_method_is_off_so_an_ime_cannot_swallow_letters(self, qtbot: QtBot) -> None:
        field = ScanField()
        qtbot.addWidget(field)

        assert not field.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)
        assert field.inputMethodHints() & Qt.InputMethodHint.ImhLatinOnly

    def test_leaving_read_only_mode_keeps_the_input_method_off(self, qtbot: QtBot) -> None:
        field = ScanField()
        qtbot.addWidget(field)

        field.setReadOnly(True)
        field.setReadOnly(False)

        assert not field.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)

    def test_enter_emits_the_stripped_text_and_clears(self, qtbot: QtBot) -> None:
        field = ScanField()
        qtbot.addWidget(field)
        field.setText(f"  {DIN} ")

        with qtbot.waitSignal(field.scanned) as blocker:
            qtbot.keyClick(field, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)

        assert blocker.args == [DIN]
        assert field.text() == ""

    def test_a_chinese_scan_arrives_whole(self, qtbot: QtBot) -> None:
        field = ScanField()
        qtbot.addWidget(field)
        field.setText("血袋 A1")

        with qtbot.waitSignal(field.scanned) as blocker:
            qtbot.keyClick(field, Qt.Key.Key_Return)

        assert blocker.args == ["血袋 A1"]

    def test_empty_input_is_ignored(self, qtbot: QtBot) -> None:
        field = ScanField()
        qtbot.addWidget(field)
        field.setText("   ")

        with qtbot.assertNotEmitted(field.scanned):
            qtbot.keyClick(field, Qt.Key.Key_Return)

        assert field.text() == ""

    def test_tab_ends_a_scan_when_the_scanner_is_set_up_so(self, qtbot: QtBot) -> None:
        window = QWidget()
        qtbot.addWidget(window)
        field = ScanField(window, tab_terminates=True)
        neighbour = QLineEdit(window)
        window.show()
        qtbot.waitExposed(window)
        field.setFocus()

        with qtbot.waitSignal(field.scanned) as blocker:
            qtbot.keyClicks(field, DIN)
            qtbot.keyClick(field, Qt.Key.Key_Tab)

        assert blocker.args == [DIN]
        assert not neighbour.hasFocus()

    def test_without_the_setting_tab_is_typed_text(self, qtbot: QtBot) -> None:
        field = ScanField()
        qtbot.addWidget(field)
        field.setText(DIN)

        with qtbot.assertNotEmitted(field.scanned):
            qtbot.keyClick(field, Qt.Key.Key_Tab)

        assert field.text() == DIN


class TestScanLineSplitter:
    def test_a_scan_split_over_chunks_arrives_once_complete(self) -> None:
        splitter = ScanLineSplitter()

        assert splitter.feed(b"=W1234").scans == []
        assert splitter.feed(b"26123456").scans == []
        assert splitter.feed(b"\r\n").scans == [DIN]

    def test_crlf_cr_and_lf_all_end_a_scan_without_empty_scans(self) -> None:
        splitter = ScanLineSplitter()

        assert splitter.feed(b"A1\r\nB2\rC3\nD4\r").scans == ["A1", "B2", "C3", "D4"]
        assert splitter.feed(b"\n").scans == []

    def test_many_scans_in_one_chunk(self) -> None:
        result = ScanLineSplitter().feed(b"one\r\ntwo\r\nthree\r\npart")

        assert result.scans == ["one", "two", "three"]
        assert not result.overflowed

    def test_bytes_that_are_not_utf8_fall_back_to_latin1(self) -> None:
        result = ScanLineSplitter().feed(b"AB\xff\xfeC\r\n")

        assert result.scans == ["AB\u00ff\u00feC"]

    def test_utf8_is_decoded(self) -> None:
        assert ScanLineSplitter().feed("血袋\r".encode()).scans == ["血袋"]

    def test_whitespace_is_stripped_and_blank_scans_dropped(self) -> None:
        assert ScanLineSplitter().feed(b"  A1 \r\n \t \r\n").scans == ["A1"]

    def test_a_configured_terminator(self) -> None:
        splitter = ScanLineSplitter(terminator=b"\x03")

        assert splitter.feed(b"A1\r\nstill A1\x03B").scans == ["A1\r\nstill A1"]
        assert splitter.feed(b"2\x03").scans == ["B2"]

    def test_data_without_any_terminator_is_dropped_and_reported(self) -> None:
        splitter = ScanLineSplitter(max_scan_bytes=8)

        result = splitter.feed(b"0123456789")

        assert result == ([], True)
        assert splitter.feed(b"A1\r").scans == ["A1"]

    def test_an_empty_terminator_is_refused(self) -> None:
        with pytest.raises(ValueError, match="terminator"):
            ScanLineSplitter(terminator=b"")


class TestSerialScanner:
    def test_a_missing_port_reports_in_chinese_and_english(self, qtbot: QtBot) -> None:
        scanner = SerialScanner("/dev/ttyBLOOD-DESK-MISSING")
        errors: list[tuple[str, str]] = []
        scanner.error.connect(lambda zh, en: errors.append((zh, en)))

        assert not scanner.open()

        assert len(errors) == 1
        zh, en = errors[0]
        assert "找不到扫码枪串口" in zh
        assert "/dev/ttyBLOOD-DESK-MISSING" in zh
        assert "not found" in en
        assert not scanner.is_open()

    def test_available_ports_are_names_and_descriptions(self) -> None:
        ports = SerialScanner.available_ports()

        assert all(isinstance(name, str) and isinstance(text, str) for name, text in ports)

    @pytest.mark.parametrize(
        ("error", "zh_part"),
        [
            (QSerialPort.SerialPortError.PermissionError, "被其他程序占用"),
            (QSerialPort.SerialPortError.ResourceError, "已断开"),
            (QSerialPort.SerialPortError.ReadError, "Input/output error"),
        ],
    )
    def test_error_messages_say_what_happened(
        self, error: QSerialPort.SerialPortError, zh_part: str
    ) -> None:
        zh, en = serial_error_message(error, "COM3", "Input/output error")

        assert zh_part in zh
        assert "COM3" in zh
        assert "COM3" in en


@pytest.fixture
def pseudo_terminal() -> Iterator[tuple[int, str]]:
    """A pseudo-terminal standing in for a serial scanner: write to the fd, read the path."""
    controller, device = os.openpty()
    path = os.ttyname(device)
    yield controller, path
    os.close(device)
    with contextlib.suppress(OSError):  # the test may have unplugged it already
        os.close(controller)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="needs Linux pseudo-terminals")
class TestSerialScannerOnAPseudoTerminal:
    def test_scans_arrive_as_the_scanner_sends_them(
        self, qtbot: QtBot, pseudo_terminal: tuple[int, str]
    ) -> None:
        controller, path = pseudo_terminal
        scanner = SerialScanner(path)
        scans: list[str] = []
        scanner.scanned.connect(scans.append)
        assert scanner.open()

        os.write(controller, DIN.encode()[:5])
        os.write(controller, DIN.encode()[5:] + b"\r\nA2\r\n")

        qtbot.waitUntil(lambda: scans == [DIN, "A2"], timeout=2_000)
        scanner.close()

    def test_unplugging_reports_a_disconnection_and_closes_the_port(
        self, qtbot: QtBot, pseudo_terminal: tuple[int, str]
    ) -> None:
        controller, path = pseudo_terminal
        scanner = SerialScanner(path)
        assert scanner.open()

        with qtbot.waitSignal(scanner.error, timeout=2_000) as blocker:
            os.close(controller)

        assert "已断开" in blocker.args[0]
        assert not scanner.is_open()
