"""The training platform's seeded data: Shanghai's facilities, the dictionaries, handover bills.

`build_world(seed, size)` is the entry point; the same seed gives the same world.
"""

from desktop.training.seed.facilities import (
    CLIENT_FACILITIES,
    DEFAULT_CLIENT_ID,
    DEFAULT_CLIENT_SECRET,
    TRAINING_HOSPITAL_ID,
    client_secret,
)
from desktop.training.seed.world import DEFAULT_NOW, DEFAULT_SEED, Bill, World, build_world

__all__ = [
    "CLIENT_FACILITIES",
    "DEFAULT_CLIENT_ID",
    "DEFAULT_CLIENT_SECRET",
    "DEFAULT_NOW",
    "DEFAULT_SEED",
    "TRAINING_HOSPITAL_ID",
    "Bill",
    "World",
    "build_world",
    "client_secret",
]
