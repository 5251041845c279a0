"""Rows for the table models, taken from the training platform's seeded world."""

from __future__ import annotations

import pytest

from desktop.training.seed import World, build_world


@pytest.fixture(scope="session")
def world() -> World:
    return build_world()
