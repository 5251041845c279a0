"""The desk the crash-safety test kills: it saves a plan's documents and drains them at once.

    python tests/support/crash_child.py PLAN.json PLATFORM.json

This process is a zygote: it imports everything and reads the plan once, says
`zygote ready`, then for each line `run DATA_DIR OUT_FILE` read from stdin it
forks a child and prints the child's pid. A hundred fresh Python processes
would spend most of the test importing; a forked child starts in milliseconds
with nothing open, so every kill lands on real work. The zygote opens no
database and no connection, so the child shares nothing with it but code.

A child saves the plan's next documents (the next step is the number of
outbox items saved so far: each step is one item, committed atomically) and
writes `saved NUMBER` to OUT_FILE only after `submit_*` returned. A second
thread, with its own store connection as the window's network worker has,
drains the outbox to the training platform all the while. It writes `done`
once every step is saved and acknowledged, and exits.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sys
import threading
import time
import traceback
from pathlib import Path
from typing import Any

import httpx
from paperwork import CLERK, cancel, department_return, receive, takeout

from desktop.config.settings import load_settings
from desktop.domain.models import HandoverInfo
from desktop.platform.client import PlatformClient
from desktop.platform.http import make_http_client
from desktop.platform.service_description import ServiceDescription
from desktop.platform.token import TokenManager
from desktop.store.cipher import FieldCipher
from desktop.store.database import Store
from desktop.store.outbox import Outbox
from desktop.store.sender import OutboxSender

TEST_KEY = bytes(range(32))
WORKSTATION = "CRASH1"
_PAUSE_BETWEEN_SAVES_S = 0.02
"""A brisk counter's pace: kills then land among saves and drains, not after the plan is done."""


class Plan:
    """What every child does: the bill, the steps, the platform's address and credentials."""

    def __init__(self, plan_file: Path, platform_file: Path) -> None:
        plan = json.loads(plan_file.read_text(encoding="utf-8"))
        self.bill = HandoverInfo.model_validate(plan["bill"])
        self.steps: list[dict[str, Any]] = plan["steps"]
        self.platform: dict[str, str] = json.loads(platform_file.read_text(encoding="utf-8"))
        # Parsed once here: zeep only renders envelopes from it, it holds no connection.
        with httpx.Client() as http:
            self.description = ServiceDescription.shipped(http)


def run(plan: Plan, data_dir: Path) -> None:
    store = Store.open(data_dir, cipher=FieldCipher(TEST_KEY))
    outbox = Outbox(store, WORKSTATION)
    stop = threading.Event()
    drainer = threading.Thread(target=_drain_forever, args=(plan, data_dir, stop), daemon=True)
    drainer.start()
    for index in range(_saved_so_far(store), len(plan.steps)):
        number = _save(outbox, plan, index)
        print(f"saved {number}", flush=True)
        time.sleep(_PAUSE_BETWEEN_SAVES_S)
    while outbox.counts().unacknowledged:
        time.sleep(0.01)
    stop.set()
    drainer.join()
    store.close()
    print("done", flush=True)


def _saved_so_far(store: Store) -> int:
    with store.read() as conn:
        count: int = conn.execute("SELECT COUNT(*) FROM outbox").fetchone()[0]
    return count


def _save(outbox: Outbox, plan: Plan, index: int) -> str:
    step = plan.steps[index]
    bags: list[str] = step["bags"]
    if step["kind"] == "receive":
        document = receive(plan.bill.id, bags) if step["type"] == 151 else department_return(bags)
        return outbox.submit_receive(document, plan.bill.blood_bags, CLERK).number
    if step["kind"] == "takeout":
        return outbox.submit_takeout(takeout(bags, kind=step["type"]), CLERK).number
    # Steps are items one for one, in order: step j is item j + 1.
    takeout_number = outbox.item(step["of"] + 1).number
    return outbox.submit_cancel(cancel(takeout_number, bags), CLERK).number


def _drain_forever(plan: Plan, data_dir: Path, stop: threading.Event) -> None:
    settings = load_settings({"data_dir": data_dir, **plan.platform}, environ={})
    http = make_http_client(settings)
    client = PlatformClient(
        http,
        TokenManager(settings, http),
        plan.platform["service_url"],
        plan.platform["dispatch_url"],
        description=plan.description,
    )
    store = Store.open(data_dir, cipher=FieldCipher(TEST_KEY))
    sender = OutboxSender(Outbox(store, WORKSTATION), client, rng=random.Random())
    while not stop.is_set():
        if not sender.drain().attempts:
            time.sleep(0.005)
    store.close()
    http.close()


def _child(plan: Plan, data_dir: Path, out_file: Path) -> None:
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    descriptor = os.open(out_file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.dup2(descriptor, sys.stdout.fileno())
    os.close(descriptor)
    status = 0
    try:
        run(plan, data_dir)
    except BaseException:
        # The test reads this file: a desk that died by itself must say why.
        traceback.print_exc(file=sys.stdout)
        status = 1
    finally:
        sys.stdout.flush()
        os._exit(status)


def zygote(plan_file: Path, platform_file: Path) -> None:
    plan = Plan(plan_file, platform_file)
    # Children are reaped by the kernel: the test only needs them gone.
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)
    print("zygote ready", flush=True)
    for line in sys.stdin:
        _, data_dir, out_file = line.split()
        pid = os.fork()
        if pid == 0:
            _child(plan, Path(data_dir), Path(out_file))
        print(pid, flush=True)


if __name__ == "__main__":
    zygote(Path(sys.argv[1]), Path(sys.argv[2]))
