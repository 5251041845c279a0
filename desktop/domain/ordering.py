"""Which outbox items may go to the platform now: in order along each bag's chain of documents.

A bag's documents only make sense to the platform in the order they happened:
received before taken out, taken out before cancelled, cancelled before taken
out again. So an item may be sent only when no earlier item that is still owed
to the platform (pending, in doubt or needing attention) touches one of its
bags; and a cancellation also waits for the takeout it names (same `refId`) to
be acknowledged, even if it cancels bags that takeout did not list (the
platform would answer "fail").

Holding back is narrow on purpose: a refused takeout holds back its
cancellation and later documents of its own bags, and nothing else, so one
problem does not stop the day's outflow.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from desktop.domain.delivery import DeliveryState, DocumentKind


@dataclass(frozen=True)
class ItemSummary:
    """What ordering needs to know of an outbox item (no patient data)."""

    seq: int
    """The order the items were saved in."""
    kind: DocumentKind
    ref: str
    """The takeout `refId` for a takeout or a cancellation; the `internalId` for a receipt."""
    bag_ids: frozenset[str]
    state: DeliveryState


def sendable(items: Iterable[ItemSummary]) -> list[int]:
    """The seqs of the items that may be sent now, in order.

    Items that are ready at the same time share no bag, so they may be sent one
    after another in this order whatever becomes of each.
    """
    ordered = sorted(items, key=lambda item: item.seq)
    open_takeouts = {
        item.ref
        for item in ordered
        if item.kind is DocumentKind.TAKEOUT and item.state is not DeliveryState.ACKNOWLEDGED
    }
    held_bags: set[str] = set()
    ready: list[int] = []
    for item in ordered:
        if (
            item.state.sendable
            and held_bags.isdisjoint(item.bag_ids)
            and not (item.kind is DocumentKind.CANCEL and item.ref in open_takeouts)
        ):
            ready.append(item.seq)
        if item.state.unacknowledged:
            held_bags.update(item.bag_ids)
    return ready
