"""Dictionaries and dispatched bills kept locally, and when each sync is due."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from stores import START, FixedClock
from training import client_on, new_bill, running_platform, set_faults

from desktop.connection import Connection
from desktop.platform.errors import PlatformError
from desktop.store import bills, dictionaries
from desktop.store.database import Store
from desktop.store.dictionaries import Dictionary
from desktop.store.sync import (
    SyncJob,
    SyncSchedule,
    fetch_dispatch,
    own_facility,
    poll_dispatch,
    store_dispatch,
    sync_dictionaries,
)
from desktop.training.platform import TrainingPlatform
from desktop.training.seed import TRAINING_HOSPITAL_ID


@pytest.fixture(scope="module")
def platform() -> Iterator[TrainingPlatform]:
    with running_platform() as running:
        yield running


@pytest.fixture
def connection(platform: TrainingPlatform, tmp_path: Path) -> Iterator[Connection]:
    with client_on(platform, tmp_path / "client") as opened:
        yield opened
    set_faults(platform)


def test_every_dictionary_and_the_hospital_itself_are_kept_with_their_sync_time(
    store: Store, connection: Connection, platform: TrainingPlatform
) -> None:
    counts = sync_dictionaries(store, connection.client)
    world = platform.state.world
    assert counts == {
        "blood": len(world.bloods),
        "blood_type": len(world.blood_types),
        "blood_sub_type": len(world.blood_sub_types),
        "facility": len(world.facilities),
        "disease": len(world.diseases),
        "own_facility": 1,
    }
    kept = own_facility(store)
    assert kept is not None
    assert kept.facility.id == TRAINING_HOSPITAL_ID
    assert kept.synced_at == START
    synced = dictionaries.last_synced(store, Dictionary.DISEASE)
    assert synced is not None
    assert synced.synced_at == START


def test_a_poll_fetches_and_keeps_every_new_bill_at_once(
    store: Store, connection: Connection, platform: TrainingPlatform
) -> None:
    first = poll_dispatch(store, connection.client)
    assert first
    assert bills.unfetched_bill_ids(store) == []
    assert poll_dispatch(store, connection.client) == []
    arrived = new_bill(platform, bags=4)
    assert poll_dispatch(store, connection.client) == [arrived.id]
    kept = bills.bill(store, arrived.id)
    assert kept is not None
    assert [bag.blood_bag_id for bag in kept.blood_bags] == [
        bag.blood_bag_id for bag in arrived.blood_bags
    ]


def test_a_bill_whose_fetch_failed_is_fetched_on_the_next_poll(
    store: Store, connection: Connection, platform: TrainingPlatform
) -> None:
    poll_dispatch(store, connection.client)
    arrived = new_bill(platform, bags=2)
    entries = connection.client.dispatch_list()
    bills.save_dispatch_entries(store, entries)
    assert bills.unfetched_bill_ids(store) == [arrived.id]
    set_faults(platform, error=1.0)
    with pytest.raises(PlatformError):
        poll_dispatch(store, connection.client)
    set_faults(platform)
    assert poll_dispatch(store, connection.client) == []
    assert bills.bill(store, arrived.id) is not None


def test_the_window_can_split_a_poll_between_its_workers(
    store: Store, connection: Connection, platform: TrainingPlatform
) -> None:
    poll_dispatch(store, connection.client)
    known = {summary.id for summary in bills.bills(store)}
    arrived = new_bill(platform, bags=2)
    fetched = fetch_dispatch(connection.client, known)
    assert [info.id for info in fetched.bills] == [arrived.id]
    assert store_dispatch(store, fetched) == [arrived.id]
    assert bills.bill(store, arrived.id) is not None


def test_the_schedule_says_what_is_due_and_when() -> None:
    clock = FixedClock()
    schedule = SyncSchedule(timedelta(minutes=1), timedelta(hours=24), clock)
    assert schedule.due() == [SyncJob.POLL, SyncJob.DICTIONARIES]
    schedule.done(SyncJob.POLL)
    schedule.done(SyncJob.DICTIONARIES)
    assert schedule.due() == []
    assert schedule.next_due() == START + timedelta(minutes=1)
    clock.advance(timedelta(minutes=1))
    assert schedule.due() == [SyncJob.POLL]
    schedule.done(SyncJob.POLL)
    clock.advance(timedelta(hours=24))
    assert schedule.due() == [SyncJob.POLL, SyncJob.DICTIONARIES]
