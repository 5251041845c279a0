"""How close a bag is to its expiry, for highlighting the stock and counting what needs use first.

The bands follow the counter's rhythm: a bag past its expiry must be set
aside; one expiring within 24 hours must go out today (platelets keep only
five days, washed red cells 24 hours, GB 18469-2012); one within 72 hours
should be offered first. `now` is passed in: the domain never reads the clock.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta
from enum import StrEnum

from desktop.domain.codes import Label
from desktop.domain.dates import parse_datetime

WITHIN_24H_SPAN = timedelta(hours=24)
WITHIN_72H_SPAN = timedelta(hours=72)


class ExpiryClass(StrEnum):
    """How close to its expiry a bag is, most urgent first."""

    EXPIRED = "expired"
    """At or past its expiry, as the scan resolver counts it."""
    WITHIN_24H = "within_24h"
    WITHIN_72H = "within_72h"
    OK = "ok"
    UNKNOWN = "unknown"
    """No expiry on record: the label must be read; never shown as fine."""

    @property
    def label(self) -> Label:
        return _LABELS[self]


_LABELS: Mapping[ExpiryClass, Label] = {
    ExpiryClass.EXPIRED: Label("已过期", "Expired"),
    ExpiryClass.WITHIN_24H: Label("24小时内过期", "Expires within 24 hours"),
    ExpiryClass.WITHIN_72H: Label("72小时内过期", "Expires within 72 hours"),
    ExpiryClass.OK: Label("有效期内", "In date"),
    ExpiryClass.UNKNOWN: Label("有效期不详", "Expiry unknown"),
}


def expiry_class(expiration: datetime | None, now: datetime) -> ExpiryClass:
    """The band of a bag expiring at `expiration`, seen at `now`.

    A band includes its far end: a bag expiring exactly 24 hours from now is
    WITHIN_24H. Naive datetimes are taken as Shanghai time, as everywhere in
    the domain.
    """
    if expiration is None:
        return ExpiryClass.UNKNOWN
    left = parse_datetime(expiration) - parse_datetime(now)
    if left <= timedelta(0):
        return ExpiryClass.EXPIRED
    if left <= WITHIN_24H_SPAN:
        return ExpiryClass.WITHIN_24H
    if left <= WITHIN_72H_SPAN:
        return ExpiryClass.WITHIN_72H
    return ExpiryClass.OK


def expiry_counts(expirations: Iterable[datetime | None], now: datetime) -> dict[ExpiryClass, int]:
    """How many bags fall in each band, every band present (zero when empty), in band order."""
    counts = dict.fromkeys(ExpiryClass, 0)
    for expiration in expirations:
        counts[expiry_class(expiration, now)] += 1
    return counts
