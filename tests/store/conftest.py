"""A fresh store in a temporary data directory for each test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from stores import FixedClock, opened

from desktop.store.database import Store


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def store(data_dir: Path, clock: FixedClock) -> Iterator[Store]:
    with opened(data_dir, clock) as opened_store:
        yield opened_store
