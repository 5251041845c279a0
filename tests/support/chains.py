"""Realistic document chains over a bill's bags, for the crash-safety and fault tests.

A chain is what happens to 1–3 bags received together: the receipt, a takeout
(clinical use, scrapped, transferred out or returned to the station), then
perhaps a cancellation or a department return of some of them, and perhaps a
second takeout of those. Chains are interleaved at random, as on a busy
counter, each in its own order. A step is a dict: `kind`, `bags`, `type`
(receipts and takeouts) and `of` (a cancellation: the index of its takeout).
"""

from __future__ import annotations

import random
from typing import Any

from desktop.domain.models import HandoverInfo

_TAKEOUT_TYPES = (1005, 1007, 1002, 252)


def plan_steps(bill: HandoverInfo, rng: random.Random) -> list[dict[str, Any]]:
    """Chains of 1–3 bags (receipt, takeout, cancel or department return, takeout again),
    interleaved at random as a busy counter would, each chain in its own order."""
    bags = [bag.blood_bag_id for bag in bill.blood_bags]
    chains: list[list[dict[str, Any]]] = []
    while bags:
        size = rng.randint(1, 3)
        chains.append(_chain(bags[:size], rng))
        bags = bags[size:]
    steps: list[dict[str, Any]] = []
    cursors = [0] * len(chains)
    live = list(range(len(chains)))
    while live:
        chain = rng.choice(live)
        step = dict(chains[chain][cursors[chain]])
        if "of_local" in step:
            step["of"] = chains[chain][step.pop("of_local")]["index"]
        step["index"] = len(steps)
        chains[chain][cursors[chain]]["index"] = len(steps)
        steps.append(step)
        cursors[chain] += 1
        if cursors[chain] == len(chains[chain]):
            live.remove(chain)
    return steps


def _chain(group: list[str], rng: random.Random) -> list[dict[str, Any]]:
    kind = rng.choice(_TAKEOUT_TYPES)
    chain: list[dict[str, Any]] = [
        {"kind": "receive", "type": 151, "bags": group},
        {"kind": "takeout", "type": kind, "bags": group},
    ]
    back = group[: rng.randint(1, len(group))]
    if kind == 1005 and rng.random() < 0.3:
        chain.append({"kind": "receive", "type": 1006, "bags": back})
    elif rng.random() < 0.6:
        chain.append({"kind": "cancel", "bags": back, "of_local": 1})
    else:
        return chain
    if rng.random() < 0.5:
        chain.append({"kind": "takeout", "type": 1007, "bags": back})
    return chain
