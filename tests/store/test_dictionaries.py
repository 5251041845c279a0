"""Dictionaries: replaced whole in one transaction, read back as the domain models."""

from __future__ import annotations

import sqlite3
import time
from datetime import timedelta

import pytest
from stores import START, FixedClock

from desktop.domain.models import Disease
from desktop.store import dictionaries
from desktop.store.database import Store
from desktop.store.dictionaries import Dictionary, DictionarySync, replace_dictionary
from desktop.store.search import search_diseases
from desktop.training.seed import World, build_world


@pytest.fixture(scope="module")
def world() -> World:
    return build_world()


def fill(store: Store, world: World) -> None:
    replace_dictionary(store, Dictionary.BLOOD, world.bloods)
    replace_dictionary(store, Dictionary.BLOOD_TYPE, world.blood_types)
    replace_dictionary(store, Dictionary.BLOOD_SUB_TYPE, world.blood_sub_types)
    replace_dictionary(store, Dictionary.FACILITY, world.facilities)
    replace_dictionary(store, Dictionary.DISEASE, world.diseases)


def test_every_dictionary_round_trips(store: Store, world: World) -> None:
    fill(store, world)
    assert dictionaries.bloods(store, include_unavailable=True) == world.bloods
    assert dictionaries.blood_types(store, include_unavailable=True) == sorted(
        world.blood_types, key=lambda entry: (entry.ui_order, entry.id)
    )
    assert dictionaries.blood_sub_types(store, include_unavailable=True) == sorted(
        world.blood_sub_types, key=lambda entry: (entry.ui_order, entry.id)
    )
    assert dictionaries.facilities(store, include_unavailable=True) == sorted(
        world.facilities, key=lambda entry: entry.id
    )
    assert dictionaries.diseases(store, include_unavailable=True) == sorted(
        world.diseases, key=lambda entry: entry.ui_order or 0
    )


def test_readers_leave_out_unavailable_entries_unless_asked(store: Store, world: World) -> None:
    fill(store, world)
    shown = dictionaries.facilities(store)
    assert shown == [e for e in sorted(world.facilities, key=lambda e: e.id) if e.available]
    assert len(shown) < len(world.facilities)


def test_single_entries(store: Store, world: World) -> None:
    fill(store, world)
    assert dictionaries.blood(store, "E0224V00") == next(
        entry for entry in world.bloods if entry.id == "E0224V00"
    )
    assert dictionaries.blood(store, "E9999V00") is None
    first = world.facilities[0]
    assert dictionaries.facility(store, first.id) == first
    assert dictionaries.disease(store, world.diseases[0].id) == world.diseases[0]


def test_last_synced(store: Store, world: World, clock: FixedClock) -> None:
    assert dictionaries.last_synced(store, Dictionary.DISEASE) is None
    replace_dictionary(store, Dictionary.DISEASE, world.diseases)
    assert dictionaries.last_synced(store, Dictionary.DISEASE) == DictionarySync(
        START, len(world.diseases)
    )
    clock.advance(timedelta(hours=1))
    replace_dictionary(store, Dictionary.DISEASE, world.diseases[:10])
    assert dictionaries.last_synced(store, Dictionary.DISEASE) == DictionarySync(
        START + timedelta(hours=1), 10
    )
    assert dictionaries.last_synced(store, Dictionary.FACILITY) is None


def test_a_replacement_drops_entries_and_their_search_index(store: Store) -> None:
    bleeding = Disease(id="1", name="胃肠道出血", code="K92.2")
    fracture = Disease(id="2", name="股骨骨折", code="S72.0")
    replace_dictionary(store, Dictionary.DISEASE, [bleeding, fracture])
    assert search_diseases(store, "胃肠道") == [bleeding]
    replace_dictionary(store, Dictionary.DISEASE, [fracture])
    assert search_diseases(store, "胃肠道") == []
    assert search_diseases(store, "胃") == []
    assert dictionaries.diseases(store) == [fracture]


def test_a_failed_replacement_keeps_the_old_dictionary(store: Store) -> None:
    kept = Disease(id="1", name="胃肠道出血", code="K92.2")
    replace_dictionary(store, Dictionary.DISEASE, [kept])
    twice = [Disease(id="7", name="甲"), Disease(id="7", name="乙")]
    with pytest.raises(sqlite3.IntegrityError):
        replace_dictionary(store, Dictionary.DISEASE, twice)
    assert dictionaries.diseases(store) == [kept]
    assert search_diseases(store, "胃肠道") == [kept]
    assert dictionaries.last_synced(store, Dictionary.DISEASE) == DictionarySync(START, 1)


def test_the_wrong_model_is_a_bug(store: Store, world: World) -> None:
    with pytest.raises(TypeError, match="expected Disease"):
        replace_dictionary(store, Dictionary.DISEASE, world.facilities)
    assert dictionaries.diseases(store) == []


def test_an_unchanged_dictionary_is_only_stamped(store: Store, clock: FixedClock) -> None:
    rows = [Disease(id="1", name="胃肠道出血", code="K92.2"), Disease(id="2", name="股骨骨折")]
    replace_dictionary(store, Dictionary.DISEASE, rows)
    before = store.conn.total_changes
    clock.advance(timedelta(days=1))
    replace_dictionary(store, Dictionary.DISEASE, [row.model_copy() for row in rows])
    assert store.conn.total_changes - before == 1, "only the sync stamp is written"
    assert dictionaries.last_synced(store, Dictionary.DISEASE) == DictionarySync(
        START + timedelta(days=1), 2
    )
    changed = [rows[0], rows[1].model_copy(update={"available": False})]
    replace_dictionary(store, Dictionary.DISEASE, changed)
    assert dictionaries.diseases(store) == [rows[0]]


def test_replacing_50000_diseases(store: Store, large_world: World) -> None:
    diseases = large_world.diseases
    assert len(diseases) == 50_000
    started = time.perf_counter()
    count = replace_dictionary(store, Dictionary.DISEASE, diseases)
    elapsed = time.perf_counter() - started
    print(f"replace_dictionary: {count} diseases in {elapsed * 1000:.0f} ms")
    assert count == 50_000
    with store.read() as conn:
        assert conn.execute("SELECT count(*) FROM disease").fetchone()[0] == 50_000
