"""Python's cycle collector, run on the UI thread only.

Python collects cycles on whichever thread happens to allocate. A cycle that
holds a widget (a closed dialog and the lambdas connected to it) collected on a
worker or on the training platform's thread deletes that widget off the UI
thread, which crashes Qt. Anki's `aqt` disables automatic collection for this
reason and collects from a timer on the UI thread; so do we.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

_INTERVAL_MS = 60_000


class UiThreadGarbageCollector(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        gc.collect()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(_INTERVAL_MS)
        self._timer.timeout.connect(self.collect)
        self._timer.start()

    def collect(self) -> None:
        gc.collect()

    def stop(self) -> None:
        self._timer.stop()
        gc.enable()
        gc.collect()
