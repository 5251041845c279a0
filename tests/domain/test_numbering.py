"""Document numbers: readable, wire-safe, at most 32 characters, distinct per workstation."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.delivery import DocumentKind
from desktop.domain.numbering import MAX_NUMBER_LENGTH, document_number, workstation_code

DAY = date(2026, 11, 28)
WIRE_SAFE = re.compile(r"^(RK|CK|QX)\d{8}-[A-Z0-9]{1,8}-\d{4,}$")


def test_numbers_read_as_kind_day_workstation_counter() -> None:
    assert document_number(DocumentKind.RECEIVE, DAY, "XKGT1", 1) == "RK20261128-XKGT1-0001"
    assert document_number(DocumentKind.TAKEOUT, DAY, "XKGT1", 42) == "CK20261128-XKGT1-0042"
    assert document_number(DocumentKind.CANCEL, DAY, "XKGT1", 7) == "QX20261128-XKGT1-0007"


def test_the_counter_grows_past_four_digits_rather_than_wrapping() -> None:
    assert document_number(DocumentKind.TAKEOUT, DAY, "A", 12345).endswith("-12345")


def test_counters_start_at_one() -> None:
    with pytest.raises(ValueError, match="start at 1"):
        document_number(DocumentKind.TAKEOUT, DAY, "A", 0)


@pytest.mark.parametrize("name", ["输血科1", "血库 1", "blood-bank-counter-01.hospital.local", " "])
def test_names_that_are_not_short_ascii_get_a_hashed_code(name: str) -> None:
    code = workstation_code(name)
    assert re.fullmatch(r"[A-Z0-9]{4,8}", code)
    assert code == workstation_code(name)


def test_a_short_ascii_name_is_its_own_code() -> None:
    assert workstation_code(" xkgt1 ") == "XKGT1"


def test_each_installation_of_a_workstation_gets_its_own_code() -> None:
    first, second = workstation_code("xkgt1", "a1b2c3d4"), workstation_code("xkgt1", "e5f6a7b8")
    assert first != second
    assert first.startswith("XKGT")
    assert len(first) == 8
    assert first == workstation_code("xkgt1", "a1b2c3d4")


def test_names_differing_only_in_dropped_characters_get_different_codes() -> None:
    assert workstation_code("输血科1") != workstation_code("血库1")
    assert workstation_code("counter 1") != workstation_code("counter-1")


@given(
    st.sampled_from(list(DocumentKind)),
    st.dates(min_value=date(2000, 1, 1), max_value=date(2999, 12, 31)),
    st.text(min_size=1, max_size=80),
    st.text(max_size=16),
    st.integers(min_value=1, max_value=99_999_999),
)
def test_every_number_is_wire_safe_and_short(
    kind: DocumentKind, day: date, workstation: str, install_id: str, counter: int
) -> None:
    number = document_number(kind, day, workstation_code(workstation, install_id), counter)
    assert WIRE_SAFE.fullmatch(number)
    assert len(number) <= MAX_NUMBER_LENGTH
