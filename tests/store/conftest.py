"""A fresh store in a temporary data directory for each test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from stores import FixedClock, opened

from desktop.store.database import Store
from desktop.training.seed import World, build_world


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


@pytest.fixture(scope="session")
def large_world() -> World:
    """The training world with 50,000 diseases: about 3 s to build, so built once."""
    return build_world(size="large")
