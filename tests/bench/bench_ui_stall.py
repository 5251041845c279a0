"""Benchmark: does the window stay responsive while the desk syncs the large data set and drains?

The real window (`build_window`, six tabs, shown offscreen) runs against the
training platform of the large data set (50,000 diseases, ~1,500 bills) in its
own process. 1,000 receipts of the training hospital's bags (one bag each) are
saved to the outbox through the store on the desk's db worker; then, with a
5 ms QTimer ticking on the UI thread, `desk.sync_now()` (dispatch list and new
bills, the five dictionaries, a drain) and `desk.drain_now()` run until the
dictionaries are in, the outbox is empty and both workers are idle. The gaps
between ticks, less 5 ms, are the event loop's stalls: the longest and the
99th percentile are printed (goal: longest ≤ 50 ms). A watchdog thread notes
where the UI thread was whenever a tick is 20 ms late. Then search-as-you-type
through the dictionaries tab over the 50,000 diseases: from setting the search
text to the model filled (`search_finished`), per keystroke; then the stall of one
stock change (what every document saved at the counter emits) with the 1,000
bags on the shelf. Last, the peak resident memory of this process with the
large data set loaded (goal ≤ 200 MB).

The workers are started without the desk's start-up jobs, so that the first
(full) sync of the dictionaries falls inside the measurement.

To find what blocks the UI thread, it also prints the slowest worker results
handled on the UI thread (`SerialWorker._deliver`, by handler), where a
watchdog found the UI thread while ticks were late (`bench:pump` there means
inside Qt's event loop, in C++: layout and painting of views), with
`BENCH_DEBUG=1` every thread's place at each stall, and with `--profile` a
cProfile of the UI thread.

    .venv/bin/python tests/bench/bench_ui_stall.py [--records 1000] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import resource
import statistics
import sys
import tempfile
import threading
import time
import traceback
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import httpx
import keyring
from keyring.backends import null
from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QApplication
from training_process import training_process

from desktop.config.settings import load_settings
from desktop.domain.models import HandoverDetailInfo
from desktop.store.audit import Operator as StaffMember
from desktop.store.database import Store
from desktop.store.outbox import Outbox
from desktop.store.sync import DispatchFetch
from desktop.store.times import shanghai_now
from desktop.ui import desk_jobs
from desktop.ui.app import DeskOptions, build_window
from desktop.ui.crash import CrashReporter
from desktop.ui.desk import Desk
from desktop.ui.garbage import UiThreadGarbageCollector
from desktop.ui.operator import Operator
from desktop.ui.tabs.dictionaries import DictionariesTab
from desktop.ui.tasks import SerialWorker

TICK_MS = 5
DEBUG = bool(os.environ.get("BENCH_DEBUG"))
LATE_S = 0.020
"""A tick this late has the watchdog note where the UI thread is."""
WAIT_S = 600.0
CLERK = Operator("张三", "0123")
TYPED = ("胃肠道出血", "K92.2", "急性心肌梗死", "C34.9")
_ACCESS = ("token_url", "service_url", "dispatch_url", "client_id", "client_secret")

T = TypeVar("T")


class _Crashes(CrashReporter):
    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.errors: list[BaseException] = []

    def report(self, error: BaseException) -> None:
        traceback.print_exception(error)
        self.errors.append(error)


def memory(when: str) -> None:
    """This process's resident memory now and at its peak so far (Linux /proc)."""
    status = Path("/proc/self/status").read_text(encoding="ascii").splitlines()
    kib = {line.split(":")[0]: int(line.split()[1]) for line in status if line.startswith("Vm")}
    print(
        f"memory {when}: {kib['VmRSS'] / 1024:.0f} MB resident, peak {kib['VmHWM'] / 1024:.0f} MB"
    )


def pump(ms: int = 10) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_until(condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + WAIT_S
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"waited {WAIT_S:.0f} s for {what}")
        pump()


def run(submit: Callable[..., None], work: Callable[[Any], T]) -> T:
    """Run `work` on a desk worker and wait (turning the event loop) for its result."""
    outcome: list[tuple[bool, Any]] = []
    submit(work, lambda value: outcome.append((True, value)), lambda e: outcome.append((False, e)))
    wait_until(lambda: bool(outcome), "a job")
    ok, value = outcome[0]
    if not ok:
        raise value
    result: T = value
    return result


class SlowHandlers:
    """Times every worker result handled on the UI thread (`SerialWorker._deliver`), by the
    handler's name: the slots a stall comes from. Installed before the window is built."""

    def __init__(self) -> None:
        self.times: dict[str, list[float]] = {}
        self.recording = False
        self.phases: dict[str, dict[str, list[float]]] = {}
        original = SerialWorker._deliver

        def timed(worker: SerialWorker[Any], completion: Any) -> None:
            started = time.perf_counter()
            try:
                original(worker, completion)
            finally:
                if self.recording:
                    job = completion.job
                    handler = job.on_success if completion.error is None else job.on_failure
                    name = getattr(handler, "__qualname__", repr(handler))
                    spent = (time.perf_counter() - started) * 1000
                    self.times.setdefault(f"{_module_of(handler)}{name}", []).append(spent)

        SerialWorker._deliver = timed  # type: ignore[method-assign, assignment]

    def start(self, phase: str) -> None:
        self.times = self.phases.setdefault(phase, {})
        self.recording = True

    def stop(self) -> None:
        self.recording = False

    def slowest(self, phase: str, count: int) -> list[tuple[str, float, int]]:
        """(handler, its longest run in ms, how many runs) of the `count` slowest."""
        times = self.phases.get(phase, {})
        rows = [(name, max(runs), len(runs)) for name, runs in times.items()]
        return sorted(rows, key=lambda row: row[1], reverse=True)[:count]


def _module_of(handler: Any) -> str:
    module = getattr(handler, "__module__", None) or ""
    return f"{module.removeprefix('desktop.').replace('.', '/')}.py:" if module else ""


class Ticker:
    """A 5 ms timer on the UI thread, and a watchdog noting where that thread is when late."""

    def __init__(self) -> None:
        self.ticks: list[float] = []
        self.late_places: Counter[str] = Counter()
        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)
        self._ui_thread = threading.get_ident()
        self._watching = False
        self._watchdog = threading.Thread(target=self._watch, name="stall-watchdog", daemon=True)

    def start(self) -> None:
        self.ticks = [time.perf_counter()]
        self._watching = True
        self._watchdog.start()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self._watching = False
        self._watchdog.join()

    def _tick(self) -> None:
        self.ticks.append(time.perf_counter())

    def _watch(self) -> None:
        noted_for: float | None = None
        while self._watching:
            time.sleep(0.010)
            last = self.ticks[-1]
            if time.perf_counter() - last > LATE_S:
                frames = sys._current_frames()
                self.late_places[_where(frames.get(self._ui_thread))] += 1
                if DEBUG and noted_for != last:
                    noted_for = last
                    names = {t.ident: t.name for t in threading.enumerate()}
                    print(f"late at {last - self.ticks[0]:.2f}s:")
                    for ident, frame in frames.items():
                        print(f"    {names.get(ident, ident)}: {_where(frame, owner=False)}")

    def worst(self, count: int) -> list[tuple[float, float]]:
        """(seconds into the measurement, stall in ms) of the `count` longest stalls."""
        gaps = [
            (before - self.ticks[0], (after - before) * 1000 - TICK_MS)
            for before, after in zip(self.ticks, self.ticks[1:], strict=False)
        ]
        return sorted(gaps, key=lambda gap: gap[1], reverse=True)[:count]

    def stalls_ms(self) -> list[float]:
        return [
            max(0.0, (after - before) * 1000 - TICK_MS)
            for before, after in zip(self.ticks, self.ticks[1:], strict=False)
        ]


def _where(frame: Any, *, owner: bool = True) -> str:
    """The innermost frames of the desk's own code (or the bench's event loop) on a thread;
    with `owner`, the class of the innermost method (which model's `data`, say)."""
    places: list[str] = []
    while frame is not None and len(places) < 3:
        path = frame.f_code.co_filename
        if "/desktop/" in path or "bench_ui_stall" in path:
            short = path[path.rindex("/desktop/") + 1 :] if "/desktop/" in path else "bench"
            instance = frame.f_locals.get("self") if owner and not places else None
            of = f"[{type(instance).__name__}]" if instance is not None else ""
            places.append(f"{short}:{frame.f_code.co_name}{of}")
        frame = frame.f_back
    return " < ".join(places) or "?"


def receipts_of(fetched: DispatchFetch, wanted: int) -> list[tuple[str, HandoverDetailInfo]]:
    """(bill id, bag) for the first `wanted` bags still in date on the fetched bills."""
    now = shanghai_now()
    chosen = [
        (bill.id, bag)
        for bill in fetched.bills
        for bag in bill.blood_bags
        if bag.expiration is None or bag.expiration > now
    ]
    return chosen[:wanted]


def save_receipts(
    store: Store, workstation: str, lines: list[tuple[str, HandoverDetailInfo]]
) -> int:
    outbox = Outbox(store, workstation)
    clerk = StaffMember(CLERK.name, CLERK.staff_number)
    for bill_id, bag in lines:
        now = store.now()
        receipt = {
            "type": 151,
            "refId": bill_id,
            "receiver": CLERK.staff_number,
            "createTime": now,
            "receiveTime": now,
            "bloodBags": [{"bloodBagId": bag.blood_bag_id}],
        }
        outbox.submit_receive(receipt, [bag], clerk)
    return outbox.counts().waiting


def measure_sync_and_drain(
    desk: Desk, handlers: SlowHandlers, profile: cProfile.Profile | None
) -> tuple[Ticker, float, dict[str, int]]:
    synced: list[bool] = []
    desk.dictionaries_changed.connect(lambda: synced.append(True))
    ticker = Ticker()
    handlers.start("sync and drain")
    if profile is not None:
        profile.enable()  # this thread only: the UI thread
    ticker.start()
    started = time.perf_counter()
    desk.sync_now()
    desk.drain_now()
    wait_until(
        lambda: (
            bool(synced)
            and desk.outbox_summary is not None
            and desk.outbox_summary.counts.unacknowledged == 0
            and not desk.db.busy
            and not desk.net.busy
        ),
        "the sync and the drain",
    )
    elapsed = time.perf_counter() - started
    ticker.stop()
    if profile is not None:
        profile.disable()
    handlers.stop()
    counts = run(desk.run_db, _dictionary_counts)
    return ticker, elapsed, counts


def _dictionary_counts(store: Store) -> dict[str, int]:
    with store.read() as conn:
        return {
            name: conn.execute(f"SELECT COUNT(*) FROM {name}").fetchone()[0]
            for name in ("disease", "facility", "blood")
        }


def _shelf_size(store: Store) -> int:
    with store.read() as conn:
        count: int = conn.execute(
            "SELECT COUNT(*) FROM bag WHERE position = 'in_stock'"
        ).fetchone()[0]
    return count


def search_as_you_type(tab: DictionariesTab) -> tuple[list[float], Ticker]:
    """Milliseconds from each keystroke's text to the model filled with its answer (the
    table laid out and painted too), and the event loop's stalls meanwhile."""
    tab.show_view("diseases")
    answered: list[tuple[str, int]] = []
    tab.search_finished.connect(lambda text, count: answered.append((text, count)))
    times = []
    ticker = Ticker()
    ticker.start()
    for typed in TYPED:
        for end in range(1, len(typed) + 1):
            text = typed[:end]
            answered.clear()
            started = time.perf_counter()
            tab.search_field.setText(text)
            while not any(got == text for got, _count in answered):
                QApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 5)
            times.append((time.perf_counter() - started) * 1000)
            if DEBUG:
                found = next(count for got, count in answered if got == text)
                print(f"  {text!r}: {times[-1]:.1f} ms, {found} shown")
        tab.search_field.clear()
        wait_until(lambda: any(got == "" for got, _count in answered), "the cleared search")
    ticker.stop()
    return times, ticker


def one_stock_change(desk: Desk, handlers: SlowHandlers) -> Ticker:
    """The event loop while the tabs take in one stock change (what every receipt, takeout
    or cancellation saved at the counter emits), the shelf itself unchanged."""
    ticker = Ticker()
    ticker.start()
    handlers.start("one stock change")
    pump(50)
    desk.stock_changed.emit()
    wait_until(lambda: not desk.db.busy, "the tabs' reads")
    pump(500)  # the views' delayed layout
    handlers.stop()
    ticker.stop()
    return ticker


def extra_bill(admin_url: str, bags: int) -> None:
    """One more routine bill for the training hospital, when its history is too small."""
    answer = httpx.post(
        admin_url.removesuffix("/state") + "/bills", json={"bags": bags}, timeout=60
    )
    answer.raise_for_status()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=1000, help="receipts in the outbox")
    parser.add_argument(
        "--profile", action="store_true", help="cProfile the UI thread during the sync and drain"
    )
    args = parser.parse_args()
    records = args.records
    profile = cProfile.Profile() if args.profile else None
    handlers = SlowHandlers()
    # No OS keyring: the at-rest key goes to an owner-only file in the data directory.
    keyring.set_keyring(null.Keyring())  # type: ignore[no-untyped-call]
    app = QApplication([sys.argv[0]])
    collector = UiThreadGarbageCollector(app)
    crashes = _Crashes(app)
    with training_process("--size", "large") as info, tempfile.TemporaryDirectory() as scratch:
        settings = load_settings(
            {"data_dir": Path(scratch) / "data", **{key: info[key] for key in _ACCESS}},
            environ={},
        )
        window = build_window(app, DeskOptions(settings, CLERK), crashes)
        window.show()
        desk = window.desk
        memory("the window shown")
        desk.db.start()  # the workers without the start-up jobs: the first sync is measured
        desk.net.start()
        try:
            fetched = run(
                desk.run_net, lambda connection: desk_jobs.fetch_new_bills(connection, set())
            )
            lines = receipts_of(fetched, records)
            if len(lines) < records:
                extra_bill(info["admin_url"], records - len(lines) + 50)
                fetched = run(
                    desk.run_net, lambda connection: desk_jobs.fetch_new_bills(connection, set())
                )
                lines = receipts_of(fetched, records)
            workstation = settings.workstation
            saved = run(desk.run_db, lambda store: save_receipts(store, workstation, lines))
            print(f"outbox: {saved} receipts waiting; bills on the platform: {len(fetched.bills)}")
            memory(f"with {saved} receipts saved, before the sync")
            ticker, elapsed, counts = measure_sync_and_drain(desk, handlers, profile)
            memory("after the sync and the drain")
            collector.collect()  # what the window's 60 s collection timer does
            memory("after the UI thread's garbage collection")
            tab = window.tabs.widget(0)
            assert isinstance(tab, DictionariesTab)
            window.tabs.setCurrentWidget(tab)
            pump(200)
            keystrokes, typing = search_as_you_type(tab)
            stock_change = one_stock_change(desk, handlers)
            shelf = run(desk.run_db, _shelf_size)
            peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        finally:
            window.close()
            collector.stop()
    _print(ticker, elapsed, counts, keystrokes, peak_mb)
    print(f"longest stall while typing: {max(typing.stalls_ms()):.1f} ms")
    print(
        f"longest stall for one stock change, {shelf} bags on the shelf: "
        f"{max(stock_change.stalls_ms()):.1f} ms"
    )
    for phase in handlers.phases:
        print(f"slowest result handlers on the UI thread, {phase} (longest run, runs):")
        for name, longest, runs in handlers.slowest(phase, 6):
            print(f"  {longest:8.1f} ms  {runs:4d}×  {name}")
    if profile is not None:
        stats = pstats.Stats(profile).sort_stats(pstats.SortKey.CUMULATIVE)
        stats.print_stats("desktop/ui", 25)
    return 1 if crashes.errors else 0


def _print(
    ticker: Ticker,
    elapsed: float,
    counts: dict[str, int],
    keystrokes: list[float],
    peak_mb: float,
) -> None:
    stalls = sorted(ticker.stalls_ms())
    p99 = stalls[min(len(stalls) - 1, int(len(stalls) * 0.99))]
    print(f"synced: {counts['disease']} diseases, {counts['facility']} facilities, "
          f"{counts['blood']} products; sync + drain took {elapsed:.1f} s")  # fmt: skip
    print(f"event loop ticks: {len(stalls)} (every {TICK_MS} ms)")
    print(f"longest stall:    {stalls[-1]:7.1f} ms   (goal ≤ 50 ms)")
    print(f"p99 stall:        {p99:7.1f} ms")
    print(f"stalls > 50 ms:   {sum(1 for s in stalls if s > 50):7d}")
    print(f"stalls > 20 ms:   {sum(1 for s in stalls if s > 20):7d}")
    worst = ", ".join(f"{ms:.0f} ms at {at:.1f} s" for at, ms in ticker.worst(5))
    print(f"longest stalls:   {worst}")
    if ticker.late_places:
        print("where the UI thread was, sampled every 10 ms while a tick was 20 ms late:")
        for place, count in ticker.late_places.most_common(8):
            print(f"  {count:4d}  {place}")
    print(f"search as you type over {counts['disease']} diseases, {len(keystrokes)} keystrokes: "
          f"median {statistics.median(keystrokes):.1f} ms, max {max(keystrokes):.1f} ms")  # fmt: skip
    print(f"peak memory (ru_maxrss): {peak_mb:.0f} MB   (goal ≤ 200 MB)")


if __name__ == "__main__":
    sys.exit(main())
