"""Backoff: exponential ceiling, full jitter from an injected generator, Retry-After honoured."""

from __future__ import annotations

import random

import pytest

from desktop.domain.backoff import Backoff


def test_the_ceiling_doubles_up_to_the_cap() -> None:
    backoff = Backoff(base=1.0, cap=10.0)
    assert [backoff.ceiling(n) for n in range(1, 7)] == [1.0, 2.0, 4.0, 8.0, 10.0, 10.0]
    assert backoff.ceiling(10_000) == 10.0


def test_delays_are_full_jitter_between_zero_and_the_ceiling() -> None:
    backoff = Backoff(base=1.0, cap=60.0)
    rng = random.Random(7)
    delays = [backoff.delay(4, rng) for _ in range(2000)]
    assert all(0.0 <= delay <= 8.0 for delay in delays)
    # Spread over the whole range, not bunched at the ceiling.
    assert min(delays) < 0.5
    assert max(delays) > 7.5
    assert 3.5 < sum(delays) / len(delays) < 4.5


def test_the_same_seed_gives_the_same_delays() -> None:
    backoff = Backoff()
    first = [backoff.delay(n, random.Random(1)) for n in range(1, 5)]
    assert first == [backoff.delay(n, random.Random(1)) for n in range(1, 5)]


def test_retry_after_is_a_floor() -> None:
    backoff = Backoff(base=1.0, cap=4.0)
    rng = random.Random(3)
    assert all(backoff.delay(1, rng, retry_after=30.0) == 30.0 for _ in range(100))
    assert all(backoff.delay(3, rng, retry_after=0.0) <= 4.0 for _ in range(100))


def test_an_absurd_retry_after_is_bounded() -> None:
    backoff = Backoff(retry_after_cap=600.0)
    assert backoff.delay(1, random.Random(0), retry_after=86_400.0) == 600.0
    assert backoff.delay(1, random.Random(0), retry_after=-5.0) <= backoff.ceiling(1)


def test_a_base_above_the_cap_is_refused() -> None:
    with pytest.raises(ValueError, match="base"):
        Backoff(base=10.0, cap=1.0)
