"""SIGKILL at random moments while saving and draining: nothing saved is lost, nothing is doubled.

A child process (`tests/support/crash_child.py`) saves a plan of realistic
document chains into its outbox and drains it to the training platform, which
runs here; the test kills it at random moments, at least a hundred times, and
starts it again on the same data directory. After every kill the database must
be intact, every number the child printed as saved must be in it, and the
platform must hold nothing the store does not know, nor any bag twice. At the
end a clean drain must leave every saved document on the platform exactly once.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from chains import plan_steps
from training import client_on, new_bill, running_platform

from desktop.store.cipher import FieldCipher
from desktop.store.database import DB_FILE_NAME, Store
from desktop.store.outbox import Outbox
from desktop.store.sender import OutboxSender
from desktop.training.platform import TrainingPlatform

CHILD = Path(__file__).resolve().parents[1] / "support" / "crash_child.py"
KILLS = 100
BAGS = 1000
SEED = 20261128
TEST_KEY = bytes(range(32))


class Zygote:
    """The forking parent of the desks to kill (see `tests/support/crash_child.py`)."""

    def __init__(self, plan: Path, platform: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(CHILD), str(plan), str(platform)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONPATH": str(CHILD.parent)},
        )
        assert self._line() == "zygote ready"

    def start(self, data_dir: Path, out_file: Path) -> int:
        """Fork a desk working on `data_dir`, writing what it saved to `out_file`; its pid."""
        assert self.process.stdin is not None
        self.process.stdin.write(f"run {data_dir} {out_file}\n")
        self.process.stdin.flush()
        return int(self._line())

    def close(self) -> None:
        assert self.process.stdin is not None
        assert self.process.stdout is not None
        self.process.stdin.close()
        self.process.wait(timeout=30)
        self.process.stdout.close()

    def _line(self) -> str:
        assert self.process.stdout is not None
        return self.process.stdout.readline().strip()


def kill(pid: int) -> bool:
    """SIGKILL the desk and wait until it is gone; False if it had already ended by itself."""
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        return False
    while True:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.001)


def wait_for(out_file: Path, word: str, timeout: float) -> list[str]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        lines = out_file.read_text(encoding="utf-8").splitlines() if out_file.exists() else []
        if word in lines:
            return lines
        time.sleep(0.05)
    raise TimeoutError(f"the desk did not say {word!r}")


def saved_numbers(out_file: Path) -> set[str]:
    """The numbers a desk wrote as saved; a line the kill cut short is no whole line."""
    text = out_file.read_text(encoding="utf-8") if out_file.exists() else ""
    whole = text.splitlines()[: text.count("\n")]
    return {line.split()[1] for line in whole if line.startswith("saved ")}


def stored_numbers(data_dir: Path) -> dict[str, str]:
    """Number → state of every outbox item, read with plain SQLite after checking integrity."""
    conn = sqlite3.connect(data_dir / DB_FILE_NAME)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return dict(conn.execute("SELECT number, state FROM outbox").fetchall())
    finally:
        conn.close()


def check_platform(platform: TrainingPlatform, stored: dict[str, str]) -> dict[str, int]:
    """The platform holds only documents the store knows, and no bag received twice from the bill."""
    state = platform.state.snapshot()
    receipts = [entry["document"] for entry in state["receipts"]]
    takeouts = [entry["document"]["outStock"]["refId"] for entry in state["takeouts"]]
    unknown = [r["internalId"] for r in receipts if r["internalId"] not in stored]
    unknown += [ref for ref in takeouts if ref not in stored]
    assert not unknown, f"the platform holds documents the store lost: {unknown[:5]}"
    from_station = Counter(
        line["bloodBagId"] for r in receipts if r["type"] == 151 for line in r["bloodBags"]
    )
    assert not [bag for bag, count in from_station.items() if count > 1]
    return {
        "receipts": len(receipts),
        "takeouts": len(takeouts),
        "cancels": len(state["cancels"]),
    }


@pytest.mark.slow
def test_killing_the_desk_at_random_moments_loses_and_doubles_nothing(tmp_path: Path) -> None:
    rng = random.Random(SEED)
    started = time.monotonic()
    with running_platform() as platform:
        assert platform.urls is not None
        bill = new_bill(platform, bags=BAGS)
        plan = tmp_path / "plan.json"
        steps = plan_steps(bill, rng)
        plan.write_text(
            json.dumps({"bill": bill.model_dump(by_alias=True, mode="json"), "steps": steps}),
            encoding="utf-8",
        )
        access = tmp_path / "platform.json"
        access.write_text(
            json.dumps(
                {
                    "token_url": platform.urls.token_url,
                    "service_url": platform.urls.service_url,
                    "dispatch_url": platform.urls.dispatch_url,
                    "client_id": platform.options.client_id,
                    "client_secret": platform.options.client_secret,
                }
            ),
            encoding="utf-8",
        )
        data_dir = tmp_path / "data"
        printed: set[str] = set()
        zygote = Zygote(plan, access)
        try:
            for kill_number in range(KILLS):
                out_file = tmp_path / f"run-{kill_number}.out"
                pid = zygote.start(data_dir, out_file)
                time.sleep(rng.uniform(0.0, 0.4))
                if not kill(pid):
                    pytest.fail(f"the desk ended before it was killed:\n{out_file.read_text()}")
                printed |= saved_numbers(out_file)
                stored = stored_numbers(data_dir) if (data_dir / DB_FILE_NAME).exists() else {}
                assert printed <= set(stored), f"saved, then lost: {sorted(printed - set(stored))}"
                check_platform(platform, stored)
            saved_under_kills = len(stored)
            out_file = tmp_path / "run-final.out"
            zygote.start(data_dir, out_file)
            wait_for(out_file, "done", timeout=120)
        finally:
            zygote.close()
        printed |= saved_numbers(out_file)
        _drain_clean(data_dir, platform, tmp_path)
        stored = stored_numbers(data_dir)
        figures = check_platform(platform, stored)
        calls = Counter(call["outcome"] for call in platform.state.snapshot()["calls"])
    assert Counter(stored.values()) == {"acknowledged": len(steps)}
    assert printed <= set(stored)
    assert figures["receipts"] + figures["takeouts"] + figures["cancels"] == len(steps)
    print(
        f"\ncrash safety: {KILLS} SIGKILLs, {saved_under_kills} documents saved between them, "
        f"{len(steps)} in all delivered once each "
        f"({figures}), {calls.get('duplicate', 0)} resends answered as duplicates, "
        f"{time.monotonic() - started:.0f} s"
    )


def _drain_clean(data_dir: Path, platform: TrainingPlatform, tmp_path: Path) -> None:
    """A final drain in this process: whatever the child left unacknowledged goes now."""
    with (
        Store.open(data_dir, cipher=FieldCipher(TEST_KEY)) as store,
        client_on(platform, tmp_path / "final") as connection,
    ):
        outbox = Outbox(store, "CRASH1")
        OutboxSender(outbox, connection.client).drain()
        assert outbox.counts().unacknowledged == 0
