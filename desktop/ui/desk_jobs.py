"""The desk's own background jobs: what runs on the workers for sync, dispatch polling and the outbox.

Plain functions of the worker's context (a Store, or the platform Connection):
no widgets, no signals. The desk chains them and turns their results into
signals on the UI thread.

The network worker opens its own Store for the two jobs that write what they
fetch or send (the dictionaries, and outbox delivery states): each is its own
short transaction, WAL keeps the clerk's reads going meanwhile, and the db
worker stays free for what the clerk is doing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from pathlib import Path

from desktop.connection import Connection
from desktop.domain.deadline import DeadlineStatus, deadline_status
from desktop.store import bills
from desktop.store.database import Store
from desktop.store.dictionaries import Dictionary, last_synced
from desktop.store.outbox import Outbox
from desktop.store.outbox_items import OutboxCounts, Pause
from desktop.store.retention import purge_patient_data as retention_purge
from desktop.store.sender import DrainReport, OutboxSender
from desktop.store.sync import DispatchFetch, fetch_dispatch, store_dispatch, sync_dictionaries

DICTIONARY_MAX_AGE = timedelta(hours=24)


@dataclass(frozen=True)
class OutboxSummary:
    """What the status bar and the outbox list show."""

    counts: OutboxCounts
    deadline: DeadlineStatus
    pause: Pause | None
    next_attempt: datetime | None


def outbox_summary(store: Store, workstation: str, thresholds: tuple[time, ...]) -> OutboxSummary:
    outbox = Outbox(store, workstation)
    warning_at, critical_at = (*thresholds, time(23, 30))[:2]
    return OutboxSummary(
        counts=outbox.counts(),
        deadline=deadline_status(
            store.now(), outbox.unacknowledged_by_day(), (warning_at, critical_at)
        ),
        pause=outbox.paused(),
        next_attempt=outbox.next_attempt_due(),
    )


def known_bill_ids(store: Store) -> set[str]:
    return {summary.id for summary in bills.bills(store)}


def fetch_new_bills(connection: Connection, known: set[str]) -> DispatchFetch:
    return fetch_dispatch(connection.client, known)


def keep_new_bills(store: Store, fetched: DispatchFetch) -> list[str]:
    return store_dispatch(store, fetched)


def dictionaries_due(store: Store) -> bool:
    synced = last_synced(store, Dictionary.DISEASE)
    return synced is None or store.now() - synced.synced_at > DICTIONARY_MAX_AGE


def sync_all_dictionaries(
    connection: Connection, data_dir: Path
) -> tuple[dict[str, int], datetime]:
    with Store.open(data_dir) as store:
        counts = sync_dictionaries(store, connection.client)
        return counts, store.now()


def drain_outbox(
    connection: Connection, data_dir: Path, workstation: str, retry_now: bool
) -> DrainReport:
    with Store.open(data_dir) as store:
        outbox = Outbox(store, workstation)
        if retry_now:
            outbox.retry_now()
        return OutboxSender(outbox, connection.client).drain()


def purge_patient_data(store: Store, workstation: str, retention_days: int) -> int:
    """Patient fields of records acknowledged longer ago than the retention, and old drafts."""
    retention = timedelta(days=retention_days)
    now = store.now()
    purged = Outbox(store, workstation).purge_patient_data(now, retention)
    return purged + sum(retention_purge(store, now, retention).values())


def resume_outbox(store: Store, workstation: str) -> bool:
    return Outbox(store, workstation).resume()


def last_dictionary_sync(store: Store) -> datetime | None:
    synced = last_synced(store, Dictionary.DISEASE)
    return None if synced is None else synced.synced_at
