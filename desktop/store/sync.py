"""Keeping the local copy of what the platform publishes: dictionaries and dispatched bills.

- Dictionaries (`sync_dictionaries`): the five lists and this hospital's own
  facility record, each replaced whole in its own transaction, with the time
  of the sync, so a form never sees half a dictionary and a failure part-way
  keeps what was already replaced.
- Dispatch (`poll_dispatch`): the spec calls dispatch real-time, so every new
  bill of the dispatch list is fetched (`listBillDetail`) and saved at once,
  and the counter can receive its bags with the network down later. A bill
  whose fetch failed stays "unfetched" and is fetched on the next poll.

The window splits a poll between its network worker (`fetch_dispatch`) and
its database worker (`store_dispatch`); `poll_dispatch` does both in place.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from typing import NamedTuple

from pydantic import BaseModel

from desktop.domain.models import DispatchListEntry, Facility, HandoverInfo
from desktop.platform.client import PlatformClient
from desktop.store import bills
from desktop.store.database import Store
from desktop.store.dictionaries import Dictionary, replace_dictionary
from desktop.store.times import Clock, from_text, to_text

OWN_FACILITY = "own_facility"
"""The `store_meta` entry of this hospital's facility record."""


def sync_dictionaries(store: Store, client: PlatformClient) -> dict[str, int]:
    """Fetch and replace every dictionary and the hospital's own record; entries per name."""
    fetchers: dict[Dictionary, Callable[[], Sequence[BaseModel]]] = {
        Dictionary.BLOOD: client.list_all_blood,
        Dictionary.BLOOD_TYPE: client.list_all_blood_type,
        Dictionary.BLOOD_SUB_TYPE: client.list_all_blood_sub_type,
        Dictionary.FACILITY: client.list_all_facilities,
        Dictionary.DISEASE: client.list_all_disease,
    }
    counts: dict[str, int] = {}
    for name, fetch in fetchers.items():
        rows = fetch()
        counts[name.value] = replace_dictionary(store, name, rows, synced_at=store.now())
    save_own_facility(store, client.get_facility())
    counts[OWN_FACILITY] = 1
    return counts


class KeptFacility(NamedTuple):
    """This hospital's facility record as last synced."""

    facility: Facility
    synced_at: datetime


def save_own_facility(store: Store, facility: Facility) -> None:
    kept = {
        "facility": facility.model_dump(by_alias=True, mode="json"),
        "synced_at": to_text(store.now()),
    }
    with store.transaction() as conn:
        conn.execute(
            "INSERT INTO store_meta (name, value) VALUES (?, ?) "
            "ON CONFLICT (name) DO UPDATE SET value = excluded.value",
            (OWN_FACILITY, json.dumps(kept, ensure_ascii=False)),
        )


def own_facility(store: Store) -> KeptFacility | None:
    """This hospital's facility record and when it was synced, or None before the first sync."""
    with store.read() as conn:
        row = conn.execute(
            "SELECT value FROM store_meta WHERE name = ?", (OWN_FACILITY,)
        ).fetchone()
    if row is None:
        return None
    kept = json.loads(row[0])
    return KeptFacility(Facility.model_validate(kept["facility"]), from_text(kept["synced_at"]))


@dataclass(frozen=True)
class DispatchFetch:
    """One poll's answers: the dispatch list, and the bills fetched from it."""

    entries: list[DispatchListEntry]
    bills: list[HandoverInfo] = field(default_factory=list)


def fetch_dispatch(client: PlatformClient, known: Collection[str] = ()) -> DispatchFetch:
    """The dispatch list and the detail of every bill on it not in `known` (network only)."""
    entries = client.dispatch_list()
    return DispatchFetch(
        entries, [client.list_bill_detail(entry.id) for entry in entries if entry.id not in known]
    )


def store_dispatch(store: Store, fetched: DispatchFetch) -> list[str]:
    """Save a poll's answers; returns the ids of bills not seen before (database only)."""
    new = bills.save_dispatch_entries(store, fetched.entries)
    for info in fetched.bills:
        bills.save_bill(store, info)
    return new


def poll_dispatch(store: Store, client: PlatformClient) -> list[str]:
    """Poll the dispatch list, fetch and save every bill not yet fetched; the new bill ids."""
    new = bills.save_dispatch_entries(store, client.dispatch_list())
    for bill_id in bills.unfetched_bill_ids(store):
        bills.save_bill(store, client.list_bill_detail(bill_id))
    return new


class SyncJob(StrEnum):
    POLL = "poll"
    DICTIONARIES = "dictionaries"


class SyncSchedule:
    """When the dispatch poll and the dictionary sync are due; never run, both are due now."""

    def __init__(
        self, poll_interval: timedelta, dictionary_interval: timedelta, clock: Clock
    ) -> None:
        self._intervals = {SyncJob.POLL: poll_interval, SyncJob.DICTIONARIES: dictionary_interval}
        self._clock = clock
        self._last: dict[SyncJob, datetime] = {}

    def done(self, job: SyncJob, at: datetime | None = None) -> None:
        """`job` ran (successfully or not: a failure waits for the next interval too)."""
        self._last[job] = at or self._clock()

    def due_at(self, job: SyncJob) -> datetime:
        last = self._last.get(job)
        return self._clock() if last is None else last + self._intervals[job]

    def due(self) -> list[SyncJob]:
        """The jobs due now, the poll first (it is the real-time one)."""
        now = self._clock()
        return [job for job in SyncJob if self.due_at(job) <= now]

    def next_due(self) -> datetime:
        """When the window's timer should fire next."""
        return min(self.due_at(job) for job in SyncJob)
