"""Search-as-you-type over 50,000 diseases and the smaller dictionaries.

Timings are printed (run with -s), never asserted: tests/bench/ measures them.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from stores import opened

from desktop.domain.models import Disease
from desktop.store.database import Store
from desktop.store.departments import Department, save_department
from desktop.store.dictionaries import Dictionary, replace_dictionary
from desktop.store.search import (
    search_bloods,
    search_departments,
    search_diseases,
    search_facilities,
    terms,
)
from desktop.training.seed import World


@pytest.fixture(scope="module")
def large(large_world: World, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """One store holding every dictionary of the large world, shared by this module's tests."""
    with opened(tmp_path_factory.mktemp("search")) as store:
        replace_dictionary(store, Dictionary.DISEASE, large_world.diseases)
        replace_dictionary(store, Dictionary.FACILITY, large_world.facilities)
        replace_dictionary(store, Dictionary.BLOOD, large_world.bloods)
        yield store


def names(found: list[Disease]) -> list[str]:
    return [disease.name for disease in found]


def test_an_exact_code_comes_first(large: Store) -> None:
    found = search_diseases(large, "K92")
    assert found[0].code == "K92"
    assert all((d.code or "").startswith("K92") or "K92" in d.name for d in found)
    assert search_diseases(large, "k92.2")[0].code == "K92.2"


def test_codes_starting_with_the_term_come_before_the_rest(large: Store) -> None:
    found = search_diseases(large, "K9")
    assert found
    assert all((d.code or "").upper().startswith("K9") for d in found)
    codes = [d.code for d in search_diseases(large, "K92.")]
    assert {"K92.0", "K92.1", "K92.2"} <= set(codes)


def test_one_chinese_character(large: Store) -> None:
    found = search_diseases(large, "胃")
    assert len(found) == 50
    assert all("胃" in d.name for d in found)
    starting = [d.name.startswith("胃") for d in found]
    assert starting == sorted(starting, reverse=True), "names starting with it come first"


def test_two_chinese_characters(large: Store) -> None:
    found = search_diseases(large, "出血")
    assert found
    assert all("出血" in d.name for d in found)


def test_three_or_more_characters_use_the_index(large: Store) -> None:
    found = search_diseases(large, "急性心肌梗死")
    assert found
    assert all("急性心肌梗死" in d.name for d in found)
    assert names(found)[0].startswith("急性心肌梗死")


def test_a_short_term_finds_names_starting_with_it_then_the_rest(store: Store) -> None:
    rows = [
        Disease(id="1", name="古典型霍乱", code="A00.0", ui_order=1),
        Disease(id="2", name="霍乱", code="A00", ui_order=2),
        Disease(id="3", name="伤寒", code="A01", ui_order=3),
        Disease(id="4", name="霍乱，急性（伴出血）", code="A00.001", ui_order=4),
        Disease(id="5", name="埃尔托型霍乱", code="A00.1", ui_order=5),
        Disease(id="6", name="霍乱弧菌携带者", code="Z22.1", ui_order=6, available=False),
    ]
    replace_dictionary(store, Dictionary.DISEASE, rows)
    assert [d.id for d in search_diseases(store, "霍乱")] == ["2", "4", "1", "5"]
    assert [d.id for d in search_diseases(store, "霍乱", limit=2)] == ["2", "4"]
    assert [d.id for d in search_diseases(store, "霍乱", limit=3)] == ["2", "4", "1"]
    assert [d.id for d in search_diseases(store, "A0")] == ["2", "1", "4", "5", "3"]


def test_mixed_code_and_chinese_terms(large: Store) -> None:
    found = search_diseases(large, "K92 出血")
    assert found
    assert all((d.code or "").startswith("K92") and "出血" in d.name for d in found)
    assert search_diseases(large, "消化 出血")
    assert all("消化" in d.name and "出血" in d.name for d in search_diseases(large, "消化 出血"))


def test_full_width_input_is_read_as_plain(large: Store) -> None:
    assert terms("Ｋ９２　出血") == ["K92", "出血"]
    assert search_diseases(large, "Ｋ９２") == search_diseases(large, "K92")


def test_unavailable_entries_are_not_offered(large: Store, large_world: World) -> None:
    withdrawn = next(d for d in large_world.diseases if not d.available)
    assert withdrawn.code is not None
    assert withdrawn.id not in {d.id for d in search_diseases(large, withdrawn.code, limit=500)}


def test_limit_and_empty_queries(large: Store) -> None:
    assert len(search_diseases(large, "病", limit=7)) == 7
    assert search_diseases(large, "") == []
    assert search_diseases(large, "   ") == []
    assert search_diseases(large, "出血", limit=0) == []


@pytest.mark.parametrize("text", ['"', "%", "_", "\\", "NEAR(a b)", "name:胃", "a OR b", "'; --"])
def test_query_syntax_is_just_text(large: Store, text: str) -> None:
    found = search_diseases(large, text)
    assert all(text in d.name or text.lower() in (d.code or "").lower() for d in found)


def test_facilities_by_name(large: Store) -> None:
    assert search_facilities(large, "血液中心")[0].name == "上海市血液中心"
    assert all("嘉定" in f.name for f in search_facilities(large, "嘉定"))


def test_products_by_code_and_name(large: Store) -> None:
    assert search_bloods(large, "E0224V00")[0].id == "E0224V00"
    assert search_bloods(large, "e0224")[0].id == "E0224V00"
    found = search_bloods(large, "红细胞")
    assert found
    assert all("红细胞" in b.full_name for b in found)
    assert all("血浆" in b.full_name for b in search_bloods(large, "血浆"))


def test_departments_by_name_and_short_code(tmp_path: Path) -> None:
    with opened(tmp_path) as store:
        save_department(store, Department(id=1203, name="消化内科", short_code="XHNK"))
        save_department(store, Department(id=1204, name="心血管内科", short_code="XXGNK"))
        save_department(store, Department(id=1301, name="普外科", short_code="PWK"))
        assert [d.id for d in search_departments(store, "内科")] == [1203, 1204]
        assert [d.id for d in search_departments(store, "xhnk")] == [1203]
        assert [d.id for d in search_departments(store, "心血管")] == [1204]
        save_department(store, Department(id=1204, name="心内科", short_code="XNK"))
        assert search_departments(store, "心血管") == []
        assert [d.id for d in search_departments(store, "心内")] == [1204]


def test_keystroke_timings_are_printed(large: Store) -> None:
    typed = [text[:end] for text in ("胃肠出血", "K92.2", "急性心肌梗死") for end in range(1, 6)]
    timings = []
    for query in typed:
        started = time.perf_counter()
        search_diseases(large, query)
        timings.append(time.perf_counter() - started)
    print(
        f"search over 50,000 diseases: median {statistics.median(timings) * 1000:.2f} ms, "
        f"max {max(timings) * 1000:.2f} ms per keystroke"
    )
