"""A thousand documents through a platform that fails 30 % of the time, in every way it can.

Faults: HTTP 500, 503 with Retry-After, connections dropped before processing,
answers cut short or not XML after processing, and answers that never come
(the platform hangs after processing, past the client's operation timeout);
besides, tokens expire every few seconds. The documents are realistic chains
(receipt, takeout, cancellation or department return, takeout again),
submitted in batches between drains. In the end every document must be on the
platform exactly once, in a valid order, and nothing left stuck.
"""

from __future__ import annotations

import random
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from chains import plan_steps
from paperwork import CLERK, cancel, department_return, receive, takeout
from training import client_on, new_bill, running_platform, set_faults

from desktop.domain.backoff import Backoff
from desktop.domain.models import HandoverInfo
from desktop.store.database import Store
from desktop.store.outbox import Outbox
from desktop.store.sender import OutboxSender
from desktop.store.times import shanghai_now
from desktop.training.platform import TrainingPlatform

DOCUMENTS = 1000
BATCH = 100
SEED = 4
FAULTS = {
    "error": 0.05,
    "unavailable": 0.05,
    "drop": 0.05,
    "cut": 0.05,
    "invalid-xml": 0.05,
    "timeout": 0.05,
    "hang": 0.4,
    "retry-after": 0,
    "token-expiry": 3,
    "seed": SEED,
}
OPERATION_TIMEOUT_S = 0.25
TIME_LIMIT_S = 240


@pytest.fixture(scope="module")
def platform() -> Iterator[TrainingPlatform]:
    with running_platform() as running:
        yield running


def save(outbox: Outbox, bill: HandoverInfo, steps: list[dict[str, Any]], index: int) -> int:
    step = steps[index]
    bags: list[str] = step["bags"]
    if step["kind"] == "receive":
        document = receive(bill.id, bags) if step["type"] == 151 else department_return(bags)
        return outbox.submit_receive(document, bill.blood_bags, CLERK).seq
    if step["kind"] == "takeout":
        return outbox.submit_takeout(takeout(bags, kind=step["type"]), CLERK).seq
    return outbox.submit_cancel(cancel(outbox.item(step["of"] + 1).number, bags), CLERK).seq


def drain_until_done(outbox: Outbox, sender: OutboxSender, faults: Counter[str]) -> None:
    deadline = time.monotonic() + TIME_LIMIT_S
    while outbox.counts().unacknowledged:
        assert time.monotonic() < deadline, f"stuck: {outbox.counts()}"
        report = sender.drain()
        faults.update(report.faults)
        if report.attempts == 0:
            time.sleep(0.01)


def platform_order(platform: TrainingPlatform) -> list[tuple[str, str, str, tuple[str, ...]]]:
    """(accepted at, kind, number, bags) of everything the platform holds, in acceptance order."""
    state = platform.state.snapshot()
    accepted = [
        (r["acceptedAt"], "receive", r["document"]["internalId"], _bags(r["document"]["bloodBags"]))
        for r in state["receipts"]
    ]
    accepted += [
        (
            t["acceptedAt"],
            "takeout",
            t["document"]["outStock"]["refId"],
            _bags(t["document"]["outStock"]["details"]),
        )
        for t in state["takeouts"]
    ]
    accepted += [
        (c["acceptedAt"], "cancel", c["document"]["refId"], tuple(c["document"]["bloodBagIds"]))
        for c in state["cancels"]
    ]
    return sorted(accepted)


def _bags(lines: list[dict[str, str]]) -> tuple[str, ...]:
    return tuple(line["bloodBagId"] for line in lines)


@pytest.mark.slow
def test_a_thousand_documents_through_thirty_percent_faults(
    platform: TrainingPlatform, store: Store, tmp_path: Path
) -> None:
    rng = random.Random(SEED)
    bill = new_bill(platform, bags=700)
    steps = plan_steps(bill, rng)[:DOCUMENTS]
    outbox = Outbox(store, "FAULTS1")
    faults: Counter[str] = Counter()
    started = time.monotonic()
    with client_on(platform, tmp_path / "client", operation_timeout_s=OPERATION_TIMEOUT_S) as net:
        sender = OutboxSender(
            outbox, net.client, shanghai_now, random.Random(SEED), Backoff(base=0.01, cap=0.1)
        )
        set_faults(platform, **FAULTS)
        try:
            for first in range(0, len(steps), BATCH):
                for index in range(first, min(first + BATCH, len(steps))):
                    save(outbox, bill, steps, index)
                faults.update(sender.drain().faults)
            drain_until_done(outbox, sender, faults)
        finally:
            set_faults(platform)
    elapsed = time.monotonic() - started
    items = outbox.items()
    assert len(items) == DOCUMENTS
    assert {item.state.value for item in items} == {"acknowledged"}
    accepted = platform_order(platform)
    held = Counter((kind, number, frozenset(bags)) for _, kind, number, bags in accepted)
    ours = Counter((item.kind.value, item.ref, frozenset(item.bag_ids)) for item in items)
    assert held == ours, "the platform must hold each document once, and only ours"
    _check_each_bags_order(accepted, items)
    attempts = sum(item.attempts for item in items)
    print(
        f"\nfaults: {DOCUMENTS} documents, {attempts} attempts ({attempts / DOCUMENTS:.2f} per "
        f"document), faults met {dict(sorted(faults.items()))} ({sum(faults.values())} in all), "
        f"{elapsed:.0f} s"
    )


def _check_each_bags_order(
    accepted: list[tuple[str, str, str, tuple[str, ...]]], items: list[Any]
) -> None:
    """Per bag, the platform accepted its documents in the order the counter saved them."""
    seq_of = {(item.kind.value, item.ref, frozenset(item.bag_ids)): item.seq for item in items}
    per_bag: dict[str, list[int]] = {}
    for _, kind, number, bags in accepted:
        for bag in bags:
            per_bag.setdefault(bag, []).append(seq_of[kind, number, frozenset(bags)])
    for bag, seqs in per_bag.items():
        assert seqs == sorted(seqs), f"bag {bag}: documents accepted out of order {seqs}"
