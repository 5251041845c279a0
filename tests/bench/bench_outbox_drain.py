"""Benchmark: how fast the outbox drains, against the same calls made directly.

The training platform runs in its own process with no added latency. The same
documents (receipts of one bag, then clinical-use takeouts with their patient
record) are sent twice over: once with `PlatformClient.save_receive` /
`save_takeout_list` in a loop, once saved to the outbox and drained by
`OutboxSender` (ordering, decryption, validation, and one durable state change
per answer on top of the calls). Prints records/second for both, the ratio,
and the rate at which the counter can save documents to the outbox.

    PYTHONPATH=tests/support .venv/bin/python tests/bench/bench_outbox_drain.py [--documents 300]
"""

from __future__ import annotations

import argparse
import os
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


def direct(connection: Connection, wire: list[dict[str, Any]]) -> float:
    """Seconds to send `wire` with the client, one call after another."""
    models: list[Callable[[], None]] = []
    for data in wire:
        if "outStock" in data:
            form = TakeoutListForm.model_validate(data)
            models.append(lambda form=form: connection.client.save_takeout_list(form))
        else:
            document = Receive.model_validate(data)
            models.append(lambda document=document: connection.client.save_receive(document))
    started = time.perf_counter()
    for send in models:
        send()
    return time.perf_counter() - started


def through_outbox(
    connection: Connection, bill: HandoverInfo, wire: list[dict[str, Any]], data_dir: Path
) -> tuple[float, float]:
    """Seconds to save `wire` to the outbox, and to drain it."""
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
        started = time.perf_counter()
        report = sender.drain()
        drained = time.perf_counter() - started
        assert len(report.acknowledged) == len(wire), report
        assert outbox.counts().unacknowledged == 0
    return saved, drained


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=300, help="bags per run (×2 documents)")
    args = parser.parse_args()
    with training_process() as info, tempfile.TemporaryDirectory() as scratch:
        settings = load_settings(
            {
                "data_dir": scratch,
                "token_url": info["token_url"],
                "service_url": info["service_url"],
                "dispatch_url": info["dispatch_url"],
                "client_id": info["client_id"],
                "client_secret": info["client_secret"],
            },
            environ={},
        )
        with connect(settings) as connection:
            connection.client.get_facility()  # WSDL and token, outside the timings
            warm = new_bill(info["admin_url"], 20)
            direct(connection, documents(warm, "W"))
            plain_bill = new_bill(info["admin_url"], args.documents)
            plain = direct(connection, documents(plain_bill, "D"))
            outbox_bill = new_bill(info["admin_url"], args.documents)
            wire = documents(outbox_bill, "O")
            saved, drained = through_outbox(connection, outbox_bill, wire, Path(scratch) / "db")
    count = 2 * args.documents
    print(
        f"documents per run:         {count} ({args.documents} receipts + {args.documents} takeouts)"
    )
    print(f"direct PlatformClient:     {count / plain:8.1f} records/s ({plain:.2f} s)")
    print(f"outbox drain:              {count / drained:8.1f} records/s ({drained:.2f} s)")
    print(f"drain / direct time ratio: {drained / plain:8.2f}×")
    print(f"saving to the outbox:      {count / saved:8.1f} records/s ({saved:.2f} s)")


if __name__ == "__main__":
    main()
