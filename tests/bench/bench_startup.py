"""Benchmark: start to first window, blood-desk (source and bundle) against a bare PySide6 window.

Each run starts a new process and takes the wall time from just before `Popen`
to the moment the process prints `first-paint <time.time()>`: right after its
main window has painted for the first time. Three programs, in the same run on
the same machine, runs interleaved so that a change of machine load hits all alike:

- bare: a QApplication and an empty QMainWindow, shown (the floor for any Qt program);
- source: `python -m desktop`, with `BLOOD_DESK_EXIT_AFTER_FIRST_PAINT=1` (the hook in
  `desktop/ui/app.py` that prints the moment and quits instead of starting the desk);
- bundle: the PyInstaller build `dist/blood-desk/blood-desk`, same hook (skipped if not built).

The desk gets a throwaway data directory and an operator (no operator dialog), and none of
the caller's `BLOOD_DESK_*` settings. One warm-up run of each is not counted (cold page
cache). Offscreen Qt. Goal for the desk: median ≤ 0.6 s and ≤ 6× the bare window.

    .venv/bin/python tests/bench/bench_startup.py [--runs 7] [--bundle dist/blood-desk/blood-desk]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GOAL_SECONDS = 0.6
GOAL_RATIO = 6.0
TIMEOUT_S = 60.0

# The same first-paint report as the desk's hook: after the window's first Paint event.
BARE_WINDOW = """
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, report)
        return False

def report():
    print(f"first-paint {time.time():.6f}", flush=True)
    QApplication.quit()

app = QApplication(sys.argv[:1])
window = QMainWindow()
watcher = FirstPaint(window)
window.installEventFilter(watcher)
window.show()
sys.exit(app.exec())
"""


def child_environment(data_dir: Path) -> dict[str, str]:
    env = {name: value for name, value in os.environ.items() if not name.startswith("BLOOD_DESK_")}
    env.update(
        QT_QPA_PLATFORM="offscreen",
        BLOOD_DESK_EXIT_AFTER_FIRST_PAINT="1",
        BLOOD_DESK_DATA_DIR=str(data_dir),
    )
    return env


def time_to_first_paint(command: Sequence[str], env: Mapping[str, str]) -> float:
    """Seconds from just before the process starts to its reported first paint."""
    started = time.time()
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT
    )
    try:
        out, err = process.communicate(timeout=TIMEOUT_S)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
        raise SystemExit(f"{command[0]} did not paint within {TIMEOUT_S:.0f} s") from None
    painted = [line.split()[1] for line in out.splitlines() if line.startswith("first-paint ")]
    if process.returncode != 0 or not painted:
        raise SystemExit(f"{' '.join(command)} exited {process.returncode} without a paint:\n{err}")
    return float(painted[0]) - started


def programs(bundle: Path) -> dict[str, list[str]]:
    desk_args = ["--operator", "测速:bench"]
    found = {
        "bare PySide6 window": [sys.executable, "-c", BARE_WINDOW],
        "blood-desk from source": [sys.executable, "-m", "desktop", *desk_args],
    }
    if bundle.is_file():
        found["blood-desk bundle"] = [str(bundle), *desk_args]
    else:
        print(f"no bundle at {bundle} (scripts/build_bundle.sh builds it): skipped")
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="counted runs of each program")
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "blood-desk" / "blood-desk")
    args = parser.parse_args()
    commands = programs(args.bundle)
    times: dict[str, list[float]] = {name: [] for name in commands}
    with tempfile.TemporaryDirectory(prefix="blood-desk-bench-startup-") as folder:
        env = child_environment(Path(folder))
        for run in range(args.runs + 1):
            for name, command in commands.items():
                seconds = time_to_first_paint(command, env)
                if run:  # the first round warms the page cache
                    times[name].append(seconds)
    bare = statistics.median(times["bare PySide6 window"])
    print(f"start to first paint, median of {args.runs} runs (min–max), offscreen")
    for name, measured in times.items():
        median = statistics.median(measured)
        verdict = ""
        if name != "bare PySide6 window":
            met = median <= GOAL_SECONDS and median <= GOAL_RATIO * bare
            verdict = "  goal met" if met else "  goal MISSED"
        print(
            f"  {name:<24}{median:7.3f} s  ({min(measured):.3f}–{max(measured):.3f})"
            f"  {median / bare:5.1f}× bare{verdict}"
        )
    print(f"goal: ≤ {GOAL_SECONDS} s and ≤ {GOAL_RATIO:.0f}× the bare window")


if __name__ == "__main__":
    main()
