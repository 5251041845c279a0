"""Barcode input at the counter: three ways a scan arrives, each ending in `scanned(str)`.

- `ScanField`: the line edit a scan is meant to go into (typing a bag id by hand works too).
- `ScanRouter`: a keyboard-wedge scanner types wherever the focus is. While a scan area (the
  receiving or takeout tab) is shown, a fast burst of keys ending in Enter aimed at any other
  widget in it is taken as a scan instead of landing in, say, a remarks field.
- `SerialScanner`: a scanner on a serial port (or a USB one in virtual COM mode).

The tab connects all of them to the same handler, so it never needs to know which one fired.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final, NamedTuple

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QIODevice, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtSerialPort import QSerialPort, QSerialPortInfo
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

# A wedge scanner sends a key every 1-10 ms (Windows stamps keys in ~16 ms ticks, so 0 or 16).
# A person gets under 35 ms only for the odd rolled pair, never for four keys and Enter in a
# row; key auto-repeat (30-40 ms) is told apart by its own flag.
DEFAULT_MAX_KEY_INTERVAL_MS: Final = 35
# Every barcode the counter reads is longer (an ISBT 128 DIN has 13 characters); shorter
# fast bursts are a person's rollover, e.g. "ok" + Enter.
DEFAULT_MIN_SCAN_LENGTH: Final = 4
DEFAULT_BAUD_RATE: Final = 9600

_ENTER_KEYS: Final = frozenset({Qt.Key.Key_Return.value, Qt.Key.Key_Enter.value})
# Shift types capitals and the keypad types digits; with Ctrl, Alt or Meta a key is a command.
_COMMAND_MODIFIERS: Final = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)
_KEY_EVENTS: Final = frozenset(
    {QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride}
)


def _monotonic_ms() -> float:
    return time.monotonic() * 1000.0


def _is_command(event: QKeyEvent) -> bool:
    return bool(event.modifiers() & _COMMAND_MODIFIERS)


def _terminator_keys(tab_terminates: bool) -> frozenset[int]:
    return (_ENTER_KEYS | {Qt.Key.Key_Tab.value}) if tab_terminates else _ENTER_KEYS


class ScanField(QLineEdit):
    """The scan goes here. Enter (or Tab, for scanners set up that way) submits and clears it.

    The input method is off: with a Chinese IME active, a scanner's letters would be taken as
    pinyin and the barcode would never arrive.
    """

    scanned = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, tab_terminates: bool = False) -> None:
        super().__init__(parent)
        self._terminators = _terminator_keys(tab_terminates)
        self._disable_input_method()
        self.setInputMethodHints(
            Qt.InputMethodHint.ImhLatinOnly
            | Qt.InputMethodHint.ImhNoPredictiveText
            | Qt.InputMethodHint.ImhNoAutoUppercase
        )

    def setReadOnly(self, read_only: bool) -> None:  # noqa: N802 (Qt's name)
        # QLineEdit switches the input method back on whenever it leaves read-only mode.
        super().setReadOnly(read_only)
        self._disable_input_method()

    def event(self, event: QEvent) -> bool:
        if not (isinstance(event, QKeyEvent) and self._is_terminator(event)):
            return super().event(event)
        if event.type() == QEvent.Type.ShortcutOverride:
            # Claimed, so that a window shortcut on Enter cannot take the scan's Enter.
            event.accept()
            return True
        if event.type() == QEvent.Type.KeyPress:
            # Here, not in keyPressEvent: QWidget.event turns Tab into a focus change first.
            self._submit()
            return True
        return super().event(event)

    def _is_terminator(self, event: QKeyEvent) -> bool:
        return event.key() in self._terminators and not _is_command(event)

    def _disable_input_method(self) -> None:
        self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)

    def _submit(self) -> None:
        text = self.text().strip()
        self.clear()
        if text:
            self.scanned.emit(text)


@dataclass(frozen=True, slots=True)
class _HeldKey:
    """What is needed to give a held-back key event to its widget later."""

    type: QEvent.Type
    key: int
    modifiers: Qt.KeyboardModifier
    text: str
    timestamp: int

    @classmethod
    def of(cls, event: QKeyEvent) -> _HeldKey:
        return cls(event.type(), event.key(), event.modifiers(), event.text(), event.timestamp())

    def send_to(self, target: QWidget) -> None:
        event = QKeyEvent(self.type, self.key, self.modifiers, self.text)
        event.setTimestamp(self.timestamp)
        QCoreApplication.sendEvent(target, event)


class ScanRouter(QObject):
    """Takes a keyboard-wedge scan typed while the focus is elsewhere in `scan_area`.

    While the area is shown the router filters the application's key events (only then: an
    application-wide filter sees every event). A text key aimed at a widget inside the area
    is held back. If the held keys came faster than `max_key_interval_ms` apart, number at
    least `min_length` and Enter follows as fast, they were a scan: they are dropped and
    `scanned` is emitted. Otherwise they are given to the widget, in order, as soon as a gap,
    another key or a single-shot timer shows a person is typing, so typing is delayed by at
    most one interval. Keys that follow released ones within the interval go straight
    through: a burst cut short by a late event loop stays typing and is never half a scan.

    A key the router takes fires no window shortcut (a scan's Enter is not "confirm"), and
    held keys reach their widget before a shortcut runs. Keys for a `ScanField` are left to
    it. Time comes from the events' timestamps, or from `clock` (milliseconds) for events
    that have none.
    """

    scanned = Signal(str)

    def __init__(
        self,
        scan_area: QWidget,
        *,
        max_key_interval_ms: int = DEFAULT_MAX_KEY_INTERVAL_MS,
        min_length: int = DEFAULT_MIN_SCAN_LENGTH,
        tab_terminates: bool = False,
        clock: Callable[[], float] = _monotonic_ms,
    ) -> None:
        super().__init__(scan_area)
        self._area = scan_area
        self._max_interval = max_key_interval_ms
        self._min_length = min_length
        self._terminators = _terminator_keys(tab_terminates)
        self._clock = clock
        self._held: list[_HeldKey] = []
        self._target: QWidget | None = None
        self._last_press_ms = 0.0
        self._typing_until_ms: float | None = None
        self._releasing = False
        self._listening = False
        self._release_timer = QTimer(self)
        self._release_timer.setSingleShot(True)
        self._release_timer.setInterval(max_key_interval_ms)
        self._release_timer.timeout.connect(self._release_held)
        scan_area.installEventFilter(self)
        self._listen(scan_area.isVisible())

    @property
    def listening(self) -> bool:
        """Whether the application's key events go through the router (the area is shown)."""
        return self._listening

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        kind = event.type()
        if kind in _KEY_EVENTS:
            if self._releasing or not isinstance(event, QKeyEvent):
                return False
            return self._on_key(watched, event)
        if watched is self._area and kind in (QEvent.Type.Show, QEvent.Type.Hide):
            self._listen(kind == QEvent.Type.Show)
        return False

    def _listen(self, on: bool) -> None:
        if on == self._listening:
            return
        app = QCoreApplication.instance()
        if app is None:
            return
        if on:
            app.installEventFilter(self)
        else:
            app.removeEventFilter(self)
            self._release_held()
        self._listening = on

    def _on_key(self, watched: QObject, event: QKeyEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.KeyRelease:
            # A release waits behind its press, or a button would see them the wrong way round.
            if self._held and watched is self._target:
                self._held.append(_HeldKey.of(event))
                return True
            return False
        target = self._scan_target(watched)
        if target is None:
            return False
        now = float(event.timestamp()) or self._clock()
        if target is not self._target:
            self._release_held()
        if kind == QEvent.Type.ShortcutOverride:
            return self._on_shortcut_override(event, now)
        return self._on_press(target, event, now)

    def _scan_target(self, watched: QObject) -> QWidget | None:
        # A person or a scanner types into the focus widget. Copies of the event that Qt
        # sends to the window first and to parents when a child ignores the key, and keys
        # that code sends to other widgets, are not typing.
        if not isinstance(watched, QWidget) or watched is not QApplication.focusWidget():
            return None
        if isinstance(watched, ScanField):
            return None
        if watched is not self._area and not self._area.isAncestorOf(watched):
            return None
        return watched

    def _on_shortcut_override(self, event: QKeyEvent, now: float) -> bool:
        # Qt asks the focus widget before a key press may fire a window shortcut. A key the
        # router takes must fire none (a scan's Enter is not "confirm"); before any other,
        # held keys go to their widget, so a shortcut sees the text as it was typed.
        if self._completes_scan(event, now) or self._to_hold(event, now):
            event.accept()
            return True
        self._release_held()
        return False

    def _on_press(self, target: QWidget, event: QKeyEvent, now: float) -> bool:
        if self._completes_scan(event, now):
            self._take_scan()
            return True
        if self._to_hold(event, now):
            self._hold(target, event, now)
            return True
        self._release_held()
        if self._is_text(event):
            self._typing_until_ms = now
        return False

    def _completes_scan(self, event: QKeyEvent, now: float) -> bool:
        return (
            event.key() in self._terminators
            and not _is_command(event)
            and bool(self._held)
            and now - self._last_press_ms <= self._max_interval
            and len(self._held_text()) >= self._min_length
        )

    def _to_hold(self, event: QKeyEvent, now: float) -> bool:
        return self._is_text(event) and not self._continues_typing(now)

    def _is_text(self, event: QKeyEvent) -> bool:
        text = event.text()
        return (
            bool(text)
            and text.isprintable()
            and not _is_command(event)
            and not event.isAutoRepeat()
            and event.key() not in self._terminators
        )

    def _continues_typing(self, now: float) -> bool:
        return (
            not self._held
            and self._typing_until_ms is not None
            and now - self._typing_until_ms <= self._max_interval
        )

    def _held_text(self) -> str:
        return "".join(k.text for k in self._held if k.type == QEvent.Type.KeyPress).strip()

    def _hold(self, target: QWidget, event: QKeyEvent, now: float) -> None:
        if self._held and now - self._last_press_ms > self._max_interval:
            self._release_held()
        self._target = target
        self._held.append(_HeldKey.of(event))
        self._last_press_ms = now
        self._release_timer.start()

    def _take_scan(self) -> None:
        text = self._held_text()
        self._forget_held()
        self.scanned.emit(text)

    def _forget_held(self) -> tuple[list[_HeldKey], QWidget | None]:
        self._release_timer.stop()
        held, target = self._held, self._target
        self._held, self._target = [], None
        return held, target

    @Slot()
    def _release_held(self) -> None:
        held, target = self._forget_held()
        if not held or target is None or not shiboken6.isValid(target):
            return
        self._typing_until_ms = self._last_press_ms
        self._releasing = True
        try:
            for key in held:
                key.send_to(target)
        finally:
            self._releasing = False


class SplitResult(NamedTuple):
    scans: list[str]
    overflowed: bool
    """Whether bytes were dropped for lack of a terminator (the scanner's setup is wrong)."""


class ScanLineSplitter:
    """Cuts a serial scanner's byte stream, which arrives in arbitrary chunks, into scans.

    By default a scan ends at CR, LF or CRLF (scanners are set to any of them); `terminator`
    names another byte string. Each scan is decoded as UTF-8, or as Latin-1 if it is not
    UTF-8 (so a stray byte never loses the scan), and stripped; empty ones are dropped.
    """

    def __init__(self, terminator: bytes | None = None, max_scan_bytes: int = 1024) -> None:
        if terminator == b"":
            raise ValueError("a scan terminator cannot be empty")
        self._separator = re.compile(rb"[\r\n]" if terminator is None else re.escape(terminator))
        self._max_scan_bytes = max_scan_bytes
        self._pending = b""

    def feed(self, data: bytes) -> SplitResult:
        *complete, self._pending = self._separator.split(self._pending + data)
        overflowed = len(self._pending) > self._max_scan_bytes
        if overflowed:
            self._pending = b""
        scans = [text for raw in complete if (text := _decode(raw).strip())]
        return SplitResult(scans, overflowed)

    def reset(self) -> None:
        self._pending = b""


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def serial_error_message(
    error: QSerialPort.SerialPortError, port_name: str, detail: str
) -> tuple[str, str]:
    """What the counter shows (Chinese) and support reads (English) for a serial port error."""
    errors = QSerialPort.SerialPortError
    if error == errors.DeviceNotFoundError:
        return (
            f"找不到扫码枪串口 {port_name}：请检查扫码枪是否已连接，或在设置中选择正确的串口。",
            f"Scanner serial port {port_name} not found: check that the scanner is connected, "
            "or choose the right port in the settings.",
        )
    if error == errors.PermissionError:
        return (
            f"无法打开扫码枪串口 {port_name}：串口正被其他程序占用，或当前用户无权使用。"
            "请关闭占用串口的程序后重试，或联系医院信息科。",
            f"Cannot open scanner serial port {port_name}: another program is using it or "
            "this user may not open it. Close the other program and retry, or ask hospital IT.",
        )
    if error == errors.ResourceError:
        return (
            f"扫码枪串口 {port_name} 已断开：请检查连接线，然后在设置中重新连接扫码枪。",
            f"Scanner serial port {port_name} was disconnected: check the cable, then "
            "reconnect the scanner in the settings.",
        )
    return (
        f"扫码枪串口 {port_name} 出错（{detail}）：请重新连接扫码枪，或联系医院信息科。",
        f"Scanner serial port {port_name} failed ({detail}): reconnect the scanner, "
        "or ask hospital IT.",
    )


_UNTERMINATED_MESSAGE: Final = (
    "扫码枪数据没有结束符，已丢弃：请检查扫码枪的结束符设置（回车或换行）。",
    "Scanner data had no terminator and was dropped: check the scanner's suffix setting "
    "(CR or LF).",
)


class SerialScanner(QObject):
    """A scanner on a serial port, read without blocking, 8N1 without flow control.

    Every failure (port missing, busy, no permission, unplugged) is reported through `error`
    with a message in Chinese and English; none raises. After a disconnection the port is
    closed, and `open()` may be called again once the scanner is back.
    """

    scanned = Signal(str)
    error = Signal(str, str)

    def __init__(
        self,
        port_name: str,
        baud_rate: int = DEFAULT_BAUD_RATE,
        *,
        terminator: bytes | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._splitter = ScanLineSplitter(terminator)
        # Kept as given: QSerialPort shortens "/dev/ttyUSB0" to "ttyUSB0" in portName().
        self._port_name = port_name
        self._port = QSerialPort(self)
        self._port.setPortName(port_name)
        self._port.setBaudRate(baud_rate)
        self._port.setDataBits(QSerialPort.DataBits.Data8)
        self._port.setParity(QSerialPort.Parity.NoParity)
        self._port.setStopBits(QSerialPort.StopBits.OneStop)
        self._port.setFlowControl(QSerialPort.FlowControl.NoFlowControl)
        self._port.readyRead.connect(self._read)
        self._port.errorOccurred.connect(self._on_error)

    @staticmethod
    def available_ports() -> list[tuple[str, str]]:
        """(port name, description) of the serial ports present, for the settings dialog."""
        return [(info.portName(), info.description()) for info in QSerialPortInfo.availablePorts()]

    @property
    def port_name(self) -> str:
        return self._port_name

    def is_open(self) -> bool:
        return self._port.isOpen()

    def open(self) -> bool:
        """Open the port; on failure `error` has already been emitted and False is returned."""
        if self._port.isOpen():
            return True
        self._splitter.reset()
        return self._port.open(QIODevice.OpenModeFlag.ReadOnly)

    def close(self) -> None:
        self._port.close()

    @Slot()
    def _read(self) -> None:
        result = self._splitter.feed(bytes(self._port.readAll().data()))
        if result.overflowed:
            self.error.emit(*_UNTERMINATED_MESSAGE)
        for scan in result.scans:
            self.scanned.emit(scan)

    @Slot(QSerialPort.SerialPortError)
    def _on_error(self, code: QSerialPort.SerialPortError) -> None:
        if code == QSerialPort.SerialPortError.NoError:
            return
        if code == QSerialPort.SerialPortError.ResourceError:
            self._port.close()
        self.error.emit(*serial_error_message(code, self._port_name, self._port.errorString()))
