"""What the receiving tab asks of the db worker: plain functions of a `Store`, returning data.

They run on the worker's thread (never the UI thread) and touch no widget;
their results come back to the tab through the desk's callbacks.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from desktop.domain.models import Blood, BloodBagInfo, Facility, HandoverInfo
from desktop.store import bills, departments, dictionaries, drafts, sync
from desktop.store.audit import Operator
from desktop.store.database import Store
from desktop.store.outbox import Outbox
from desktop.store.outbox_items import OutboxItem
from desktop.store.stock import IssuedBag, issued_history

_DRAFT_BAGS = "bags"


@dataclass(frozen=True)
class ReferenceData:
    """What the tab's lists and checks need from the dictionaries."""

    bloods: list[Blood]
    facilities: list[Facility]
    departments: list[departments.Department]
    own_facility: Facility | None
    """This hospital, as the platform names it (None before the first dictionary sync)."""


@dataclass(frozen=True)
class StoredBill:
    """A bill as kept locally, what of it came in before, and the scans of a receipt in progress."""

    info: HandoverInfo
    received_before: frozenset[str]
    draft: tuple[str, ...]


def load_reference(store: Store) -> ReferenceData:
    own = sync.own_facility(store)
    # Withdrawn products still name bags already out there; only new choices hide them.
    return ReferenceData(
        bloods=dictionaries.bloods(store, include_unavailable=True),
        facilities=dictionaries.facilities(store),
        departments=departments.departments(store),
        own_facility=None if own is None else own.facility,
    )


def load_bills(store: Store) -> list[bills.BillSummary]:
    return bills.bills(store)


def load_bill(store: Store, bill_id: str) -> StoredBill | None:
    info = bills.bill(store, bill_id)
    if info is None:
        return None
    with store.read() as conn:
        received = frozenset(bills.received_bag_ids(conn, bill_id))
    draft = drafts.load_draft(store, bills.RECEIVE_DRAFT_FORM, bill_id)
    scanned = draft.get(_DRAFT_BAGS, []) if isinstance(draft, Mapping) else []
    return StoredBill(info, received, tuple(str(bag_id) for bag_id in scanned))


def keep_bill(store: Store, info: HandoverInfo) -> StoredBill:
    """Keep a bill just fetched from the platform, and read it back as the tab needs it."""
    bills.save_bill(store, info)
    stored = load_bill(store, info.id)
    if stored is None:
        raise RuntimeError(f"bill {info.id} was saved but cannot be read back")
    return stored


def load_issued(store: Store) -> list[IssuedBag]:
    with store.read() as conn:
        return issued_history(conn)


def save_bill_draft(store: Store, bill_id: str, bag_ids: Sequence[str]) -> None:
    """Keep the scans of a bill being received; none left means no receipt is in progress."""
    if bag_ids:
        drafts.save_draft(store, bills.RECEIVE_DRAFT_FORM, bill_id, {_DRAFT_BAGS: list(bag_ids)})
    else:
        drafts.delete_draft(store, bills.RECEIVE_DRAFT_FORM, bill_id)


@dataclass(frozen=True)
class Submission:
    """A receipt ready for the outbox: its wire data (no number yet) and what goes with it."""

    workstation: str
    data: Mapping[str, Any]
    details: Sequence[BloodBagInfo]
    """The platform's data on bags new to this hospital."""
    operator: Operator
    draft_of: str | None
    """The bill whose receiving draft this receipt completes."""


def submit_receipt(store: Store, submission: Submission) -> OutboxItem:
    """Save the receipt in the outbox (with its stock effect and audit entry); drop its draft.

    The draft goes after the receipt's own transaction: if the desk stops in
    between, the bill's bags are in stock already and the draft restores none.
    """
    outbox = Outbox(store, submission.workstation)
    item = outbox.submit_receive(submission.data, submission.details, submission.operator)
    if submission.draft_of is not None:
        drafts.delete_draft(store, bills.RECEIVE_DRAFT_FORM, submission.draft_of)
    return item


def outbox_item(store: Store, workstation: str, seq: int) -> OutboxItem:
    return Outbox(store, workstation).item(seq)
