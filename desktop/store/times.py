"""Times as the store writes them: ISO 8601 text in Shanghai time with `+08:00`.

One fixed offset and one fixed precision make the text sort as the instants
do, so `ORDER BY` and `<` work on the column directly.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from desktop.domain.dates import SHANGHAI, parse_datetime

Clock = Callable[[], datetime]
"""Where the store reads "now": an aware datetime. Tests pass a fixed one."""


def shanghai_now() -> datetime:
    return datetime.now(SHANGHAI)


def to_text(moment: datetime) -> str:
    """`moment` as stored: `2026-11-28T09:30:00.000+08:00` (naive means Shanghai time)."""
    return parse_datetime(moment).isoformat(timespec="milliseconds")


def optional_text(moment: datetime | None) -> str | None:
    return None if moment is None else to_text(moment)


def from_text(text: str) -> datetime:
    return parse_datetime(text)


def optional_from_text(text: str | None) -> datetime | None:
    return None if text is None else parse_datetime(text)
