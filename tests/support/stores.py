"""Local stores for tests: a fixed key, a clock that stands still unless moved."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from desktop.domain.dates import SHANGHAI
from desktop.store.cipher import FieldCipher
from desktop.store.database import Store

TEST_KEY = bytes(range(32))
START = datetime(2026, 11, 28, 9, 30, tzinfo=SHANGHAI)


class FixedClock:
    """Now is `moment` until the test moves it."""

    def __init__(self, moment: datetime = START) -> None:
        self.moment = moment

    def __call__(self) -> datetime:
        return self.moment

    def advance(self, delta: timedelta) -> None:
        self.moment += delta


def open_store(data_dir: Path, clock: FixedClock | None = None, **options: Any) -> Store:
    return Store.open(
        data_dir, cipher=FieldCipher(TEST_KEY), clock=clock or FixedClock(), **options
    )


@contextmanager
def opened(data_dir: Path, clock: FixedClock | None = None, **options: Any) -> Iterator[Store]:
    store = open_store(data_dir, clock, **options)
    try:
        yield store
    finally:
        store.close()
