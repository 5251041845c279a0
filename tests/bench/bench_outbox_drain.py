"""Benchmark: how fast the outbox drains, against the same calls made directly.

The training platform runs in its own process with no added latency. The same
documents (receipts of one bag, then clinical-use takeouts with their patient
record) are sent twice over: once with `PlatformClient.save_receive` /
`save_takeout_list` in a loop, once saved to the outbox and drained by
`OutboxSender` (ordering, decryption, validation, and one durable state change
per answer on top of the calls), alternately, several times. Prints the median
records/second of both, the median ratios of wall time and of this process's
CPU time (the desk's own work, which the load of other processes on the machine
does not blur), and the rate at which the counter can save to the outbox.

    PYTHONPATH=tests/support .venv/bin/python tests/bench/bench_outbox_drain.py [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
from paperwork import CLERK, receive, takeout
from training_process import training_process

from desktop.config.settings import load_settings
from desktop.connection import Connection, connect
from desktop.domain.models import HandoverInfo, Receive, TakeoutListForm
from desktop.store.cipher import FieldCipher
from desktop.store.database import Store
from desktop.store.outbox import Outbox
from desktop.store.sender import OutboxSender

_ACCESS = ("token_url", "service_url", "dispatch_url", "client_id", "client_secret")


def new_bill(admin_url: str, bags: int) -> HandoverInfo:
    answer = httpx.post(
        admin_url.removesuffix("/state") + "/bills", json={"bags": bags}, timeout=60
    )
    answer.raise_for_status()
    return HandoverInfo.model_validate(answer.json())


def documents(bill: HandoverInfo, prefix: str) -> list[dict[str, Any]]:
    """A receipt of each bag, then a takeout of each, numbered under `prefix`."""
    bags = [bag.blood_bag_id for bag in bill.blood_bags]
    receipts = [
        receive(bill.id, [bag], internalId=f"{prefix}R{index:05d}")
        for index, bag in enumerate(bags)
    ]
    takeouts = []
    for index, bag in enumerate(bags):
        form = takeout([bag])
        form["outStock"]["refId"] = f"{prefix}T{index:05d}"
        takeouts.append(form)
    return receipts + takeouts


def direct(connection: Connection, wire: list[dict[str, Any]]) -> tuple[float, float]:
    """Wall and CPU seconds (of this process) to send `wire` with the client, one by one."""
    models: list[Callable[[], None]] = []
    for data in wire:
        if "outStock" in data:
            form = TakeoutListForm.model_validate(data)
            models.append(lambda form=form: connection.client.save_takeout_list(form))
        else:
            document = Receive.model_validate(data)
            models.append(lambda document=document: connection.client.save_receive(document))
    started, cpu = time.perf_counter(), time.process_time()
    for send in models:
        send()
    return time.perf_counter() - started, time.process_time() - cpu


def through_outbox(
    connection: Connection, bill: HandoverInfo, wire: list[dict[str, Any]], data_dir: Path
) -> tuple[float, float, float]:
    """Seconds to save `wire` to the outbox; wall and CPU seconds to drain it."""
    with Store.open(data_dir, cipher=FieldCipher(os.urandom(32))) as store:
        outbox = Outbox(store, "BENCH1")
        started = time.perf_counter()
        for data in wire:
            if "outStock" in data:
                outbox.submit_takeout(data, CLERK)
            else:
                outbox.submit_receive(data, bill.blood_bags, CLERK)
        saved = time.perf_counter() - started
        sender = OutboxSender(outbox, connection.client)
        started, cpu = time.perf_counter(), time.process_time()
        report = sender.drain()
        drained, drained_cpu = time.perf_counter() - started, time.process_time() - cpu
        assert len(report.acknowledged) == len(wire), report
        assert outbox.counts().unacknowledged == 0
    return saved, drained, drained_cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=150, help="bags per run (×2 documents)")
    parser.add_argument("--runs", type=int, default=7, help="runs of each, alternated")
    args = parser.parse_args()
    rows: list[tuple[float, float, float, float, float]] = []
    with training_process() as info, tempfile.TemporaryDirectory() as scratch:
        settings = load_settings(
            {"data_dir": scratch, **{key: info[key] for key in _ACCESS}}, environ={}
        )
        with connect(settings) as connection:
            connection.client.get_facility()  # WSDL and token, outside the timings
            direct(connection, documents(new_bill(info["admin_url"], 20), "W"))
            for run in range(args.runs):
                bill = new_bill(info["admin_url"], args.documents)
                plain, plain_cpu = direct(connection, documents(bill, f"D{run}"))
                bill = new_bill(info["admin_url"], args.documents)
                data_dir = Path(scratch) / f"db{run}"
                saved, drained, drained_cpu = through_outbox(
                    connection, bill, documents(bill, f"O{run}"), data_dir
                )
                rows.append((plain, plain_cpu, saved, drained, drained_cpu))
    _print(2 * args.documents, args.runs, rows)


def _print(count: int, runs: int, rows: list[tuple[float, float, float, float, float]]) -> None:
    def median(column: int) -> float:
        return statistics.median(row[column] for row in rows)

    wall_ratio = statistics.median(row[3] / row[0] for row in rows)
    cpu_ratio = statistics.median(row[4] / row[1] for row in rows)
    print(f"documents per run:         {count} (receipts and clinical-use takeouts, half each)")
    print(f"runs (medians):            {runs}, alternating direct and outbox")
    print(f"direct PlatformClient:     {count / median(0):8.1f} records/s")
    print(f"outbox drain:              {count / median(3):8.1f} records/s")
    print(f"drain / direct, wall time: {wall_ratio:8.2f}×")
    print(f"drain / direct, desk CPU:  {cpu_ratio:8.2f}×")
    print(f"saving to the outbox:      {count / median(2):8.1f} records/s")


if __name__ == "__main__":
    main()
