"""Expiry bands at their boundaries, time zones, and the stock's counts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from desktop.domain.dates import SHANGHAI
from desktop.domain.expiry import ExpiryClass, expiry_class, expiry_counts

NOW = datetime(2026, 11, 28, 9, 0, tzinfo=SHANGHAI)
SECOND = timedelta(seconds=1)
DAY = timedelta(hours=24)


@pytest.mark.parametrize(
    ("offset", "expected"),
    [
        (-DAY, ExpiryClass.EXPIRED),
        (-SECOND, ExpiryClass.EXPIRED),
        (timedelta(0), ExpiryClass.EXPIRED),  # at its expiry, as the scan resolver says
        (SECOND, ExpiryClass.WITHIN_24H),
        (DAY, ExpiryClass.WITHIN_24H),
        (DAY + SECOND, ExpiryClass.WITHIN_72H),
        (3 * DAY, ExpiryClass.WITHIN_72H),
        (3 * DAY + SECOND, ExpiryClass.OK),
        (35 * DAY, ExpiryClass.OK),
    ],
)
def test_bands_at_their_boundaries(offset: timedelta, expected: ExpiryClass) -> None:
    assert expiry_class(NOW + offset, NOW) is expected


def test_no_expiry_is_unknown_not_fine() -> None:
    assert expiry_class(None, NOW) is ExpiryClass.UNKNOWN


def test_time_zones_and_naive_times() -> None:
    in_utc = (NOW + DAY).astimezone(UTC)
    assert expiry_class(in_utc, NOW) is ExpiryClass.WITHIN_24H
    naive_shanghai = (NOW + DAY + SECOND).replace(tzinfo=None)
    assert expiry_class(naive_shanghai, NOW) is ExpiryClass.WITHIN_72H
    assert expiry_class(NOW.replace(tzinfo=None), NOW.astimezone(UTC)) is ExpiryClass.EXPIRED


def test_counts_have_every_band_in_order() -> None:
    expirations = [NOW - DAY, NOW + SECOND, NOW + 2 * SECOND, NOW + 2 * DAY, None, NOW + 9 * DAY]
    counts = expiry_counts(expirations, NOW)
    assert list(counts) == list(ExpiryClass)
    assert counts == {
        ExpiryClass.EXPIRED: 1,
        ExpiryClass.WITHIN_24H: 2,
        ExpiryClass.WITHIN_72H: 1,
        ExpiryClass.OK: 1,
        ExpiryClass.UNKNOWN: 1,
    }


def test_counts_of_empty_stock_are_zero() -> None:
    assert expiry_counts([], NOW) == dict.fromkeys(ExpiryClass, 0)


def test_every_band_has_both_labels() -> None:
    for band in ExpiryClass:
        assert band.label.zh
        assert band.label.en
