"""Ordering: per bag chain, cancellations after their takeout, a refusal holds back only its chain."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.delivery import DeliveryState, DocumentKind
from desktop.domain.ordering import ItemSummary, sendable

PENDING = DeliveryState.PENDING
IN_DOUBT = DeliveryState.IN_DOUBT
ATTENTION = DeliveryState.NEEDS_ATTENTION
DONE = DeliveryState.ACKNOWLEDGED
RECEIVE = DocumentKind.RECEIVE
TAKEOUT = DocumentKind.TAKEOUT
CANCEL = DocumentKind.CANCEL


def item(
    seq: int, kind: DocumentKind, ref: str, bags: str, state: DeliveryState = PENDING
) -> ItemSummary:
    return ItemSummary(seq, kind, ref, frozenset(bags.split()), state)


def test_independent_items_are_all_ready_in_order() -> None:
    items = [
        item(3, TAKEOUT, "CK2", "c"),
        item(1, RECEIVE, "RK1", "a b"),
        item(2, TAKEOUT, "CK1", "d"),
    ]
    assert sendable(items) == [1, 2, 3]


def test_a_takeout_waits_for_the_receipt_of_its_bag() -> None:
    items = [item(1, RECEIVE, "RK1", "a b"), item(2, TAKEOUT, "CK1", "b")]
    assert sendable(items) == [1]
    items[0] = item(1, RECEIVE, "RK1", "a b", DONE)
    assert sendable(items) == [2]


def test_in_doubt_and_refused_items_hold_back_their_bags() -> None:
    for state in (IN_DOUBT, ATTENTION):
        items = [item(1, RECEIVE, "RK1", "a", state), item(2, TAKEOUT, "CK1", "a")]
        assert sendable(items) == ([1] if state is IN_DOUBT else [])


def test_a_refused_takeout_holds_back_its_cancel_and_its_bags_and_nothing_else() -> None:
    items = [
        item(1, TAKEOUT, "CK1", "a b", ATTENTION),
        item(2, TAKEOUT, "CK2", "c"),
        item(3, CANCEL, "CK1", "a"),
        item(4, TAKEOUT, "CK3", "b"),
        item(5, RECEIVE, "RK9", "z"),
        item(6, CANCEL, "CK2", "c"),
    ]
    assert sendable(items) == [2, 5]


def test_a_cancel_waits_for_its_takeout_even_when_it_names_other_bags() -> None:
    items = [item(1, TAKEOUT, "CK1", "a"), item(2, CANCEL, "CK1", "x")]
    assert sendable(items) == [1]
    items[0] = item(1, TAKEOUT, "CK1", "a", DONE)
    assert sendable(items) == [2]


def test_a_cancel_of_a_takeout_sent_before_the_outbox_existed_is_not_held() -> None:
    assert sendable([item(7, CANCEL, "CK-OLD", "q")]) == [7]


def test_a_bag_taken_out_again_after_a_cancel_waits_for_the_cancel() -> None:
    items = [
        item(1, TAKEOUT, "CK1", "a", DONE),
        item(2, CANCEL, "CK1", "a", IN_DOUBT),
        item(3, TAKEOUT, "CK2", "a"),
    ]
    assert sendable(items) == [2]


# -- randomised schedules: simulate drains with random outcomes --------------------------


def chains(rng: random.Random, bag_count: int) -> list[ItemSummary]:
    """Realistic chains: receive, maybe take out, maybe cancel, maybe take out again."""
    items: list[ItemSummary] = []
    for bag in range(bag_count):
        items.append(item(len(items) + 1, RECEIVE, f"RK{bag}", f"b{bag}"))
        for round_ in range(rng.randint(0, 2)):
            ref = f"CK{bag}-{round_}"
            items.append(item(len(items) + 1, TAKEOUT, ref, f"b{bag}"))
            if rng.random() < 0.6:
                items.append(item(len(items) + 1, CANCEL, ref, f"b{bag}"))
            else:
                break
    # Interleave the chains as a busy counter would, keeping each chain's own order.
    rng.shuffle(items)
    per_bag: dict[frozenset[str], list[ItemSummary]] = {}
    for entry in items:
        per_bag.setdefault(entry.bag_ids, []).append(entry)
    for entries in per_bag.values():
        entries.sort(key=lambda entry: entry.seq)
    cursors = {bags: iter(entries) for bags, entries in per_bag.items()}
    order = [next(cursors[entry.bag_ids]) for entry in items]
    return [
        ItemSummary(seq, entry.kind, entry.ref, entry.bag_ids, entry.state)
        for seq, entry in enumerate(order, start=1)
    ]


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=0, max_value=2**32), st.integers(min_value=1, max_value=15))
def test_random_fault_schedules_never_send_a_cancel_before_its_takeout(
    seed: int, bag_count: int
) -> None:
    rng = random.Random(seed)
    items = {entry.seq: entry for entry in chains(rng, bag_count)}
    refused_takeouts = {
        entry.ref for entry in items.values() if entry.kind is TAKEOUT and rng.random() < 0.1
    }
    acknowledged_order: list[ItemSummary] = []
    for _ in range(10 * len(items)):
        ready = sendable(items.values())
        if not ready:
            break
        for seq in ready:
            entry = items[seq]
            outcome = _outcome(rng, entry, refused_takeouts)
            items[seq] = ItemSummary(seq, entry.kind, entry.ref, entry.bag_ids, outcome)
            if outcome is DONE:
                acknowledged_order.append(entry)
    _check_valid_order(acknowledged_order)
    _check_only_refused_chains_held(items, refused_takeouts)


def _outcome(rng: random.Random, entry: ItemSummary, refused: set[str]) -> DeliveryState:
    if entry.kind is TAKEOUT and entry.ref in refused:
        return ATTENTION
    return rng.choice([DONE, DONE, PENDING, IN_DOUBT])


def _check_valid_order(acknowledged: list[ItemSummary]) -> None:
    taken_out: set[str] = set()
    for entry in acknowledged:
        if entry.kind is TAKEOUT:
            taken_out.add(entry.ref)
        if entry.kind is CANCEL:
            assert entry.ref in taken_out, f"cancel of {entry.ref} went before its takeout"
    per_bag: dict[frozenset[str], list[int]] = {}
    for entry in acknowledged:
        per_bag.setdefault(entry.bag_ids, []).append(entry.seq)
    for seqs in per_bag.values():
        assert seqs == sorted(seqs), "a bag's documents reached the platform out of order"


def _check_only_refused_chains_held(items: dict[int, ItemSummary], refused: set[str]) -> None:
    blocked_bags = {
        bag for entry in items.values() if entry.state is ATTENTION for bag in entry.bag_ids
    }
    for entry in items.values():
        if entry.state is DONE or entry.state is ATTENTION:
            continue
        assert entry.bag_ids & blocked_bags, f"{entry} is held back by nothing refused"
        assert entry.kind is not CANCEL or entry.ref in refused or entry.bag_ids & blocked_bags
