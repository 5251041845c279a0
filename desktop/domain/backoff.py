"""How long to wait before sending again: exponential backoff with full jitter.

Full jitter (a delay drawn uniformly between zero and the exponential ceiling)
spreads the counters of many hospitals that lost the platform at the same
moment, so they do not all come back at once when it returns. When the
platform says how long to stay away (`Retry-After`), the delay is at least
that long.
"""

from __future__ import annotations

import random
from dataclasses import dataclass


@dataclass(frozen=True)
class Backoff:
    """Delays in seconds: the n-th failure waits up to `base * 2**(n-1)`, never more than `cap`."""

    base: float = 2.0
    cap: float = 300.0
    retry_after_cap: float = 3600.0
    """A longer Retry-After is taken as this: the midnight rule outranks the platform's wish."""

    def __post_init__(self) -> None:
        if not 0 < self.base <= self.cap:
            raise ValueError(f"backoff needs 0 < base <= cap, not base={self.base} cap={self.cap}")

    def ceiling(self, failures: int) -> float:
        """The longest wait after `failures` failures in a row (1 or more)."""
        # Past 2**64 the cap has long been reached; the bound keeps the power finite.
        exponent = min(max(failures, 1) - 1, 64)
        return min(self.cap, self.base * 2.0**exponent)

    def delay(self, failures: int, rng: random.Random, retry_after: float | None = None) -> float:
        """Seconds to wait after `failures` failures in a row, honouring `retry_after`."""
        drawn = rng.uniform(0.0, self.ceiling(failures))
        if retry_after is None:
            return drawn
        return max(drawn, min(max(retry_after, 0.0), self.retry_after_cap))
