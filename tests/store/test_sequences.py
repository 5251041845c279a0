"""Document number sequences: per name and day, never handed out twice."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.store.database import Store
from desktop.store.sequences import next_value

DAY = date(2026, 11, 28)


def test_numbers_count_per_name_and_day(store: Store) -> None:
    with store.transaction() as conn:
        assert [next_value(conn, "RK", DAY) for _ in range(3)] == [1, 2, 3]
        assert next_value(conn, "CK", DAY) == 1
        assert next_value(conn, "RK", date(2026, 11, 29)) == 1


def test_a_number_of_a_rolled_back_document_is_given_again(store: Store) -> None:
    def unsaved_document() -> None:
        with store.transaction() as conn:
            next_value(conn, "RK", DAY)
            raise KeyError("not saved")

    with pytest.raises(KeyError):
        unsaved_document()
    with store.transaction() as conn:
        assert next_value(conn, "RK", DAY) == 1


def test_numbers_are_taken_inside_a_transaction(store: Store) -> None:
    with pytest.raises(RuntimeError, match="transaction"):
        next_value(store.conn, "RK", DAY)
