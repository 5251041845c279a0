"""Dates: every accepted form lands on the same Shanghai instant; garbage is refused clearly."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal

import pytest
from pydantic import BaseModel

from desktop.domain.dates import (
    SHANGHAI,
    ShanghaiDateTime,
    format_json,
    format_soap,
    parse_datetime,
)
from desktop.domain.errors import DomainValueError

MORNING = datetime(2026, 11, 28, 8, 30, tzinfo=SHANGHAI)
MORNING_MS = int(MORNING.timestamp() * 1000)


@pytest.mark.parametrize(
    "value",
    [
        "2026-11-28T08:30:00+08:00",
        "2026-11-28T00:30:00Z",
        "2026-11-28T00:30:00+00:00",
        "2026-11-27T19:30:00-05:00",
        "2026-11-28T09:30:00+09:00",
        "2026-11-28T08:30:00",
        "2026-11-28 08:30:00",
        " 2026-11-28 08:30:00 ",
        "2026-11-28T08:30:00.000",
        "2026-11-28T00:30:00.000Z",
        MORNING_MS,
        str(MORNING_MS),
        datetime(2026, 11, 28, 8, 30),
        datetime(2026, 11, 28, 0, 30, tzinfo=UTC),
        datetime(2026, 11, 28, 1, 30, tzinfo=timezone(timedelta(hours=1))),
    ],
)
def test_every_form_is_the_same_shanghai_instant(value: object) -> None:
    parsed = parse_datetime(value)
    assert parsed == MORNING
    assert parsed.tzinfo is SHANGHAI
    assert parsed.replace(tzinfo=None) == datetime(2026, 11, 28, 8, 30)


def test_fractional_seconds_are_kept() -> None:
    parsed = parse_datetime("2026-11-28T08:30:00.123456+08:00")
    assert parsed.microsecond == 123456
    assert parse_datetime(MORNING_MS + 250).microsecond == 250_000


@pytest.mark.parametrize("value", ["2026-11-28", date(2026, 11, 28), "20261128"])
def test_a_date_alone_is_midnight_in_shanghai(value: object) -> None:
    assert parse_datetime(value) == datetime(2026, 11, 28, tzinfo=SHANGHAI)


@pytest.mark.parametrize(
    "value",
    [
        "",
        "   ",
        "garbage",
        "2026-13-01",
        "2026-11-31",
        "28/11/2026",
        "2026-11-28 25:00:00",
        "１７６４２９０２０００００",
        "12345",
        12345,
        1_764_290_200,
        -MORNING_MS,
        10**13,
        0,
        True,
        False,
        1.7642902e12,
        Decimal(MORNING_MS),
        None,
        [],
        {},
    ],
)
def test_garbage_is_refused_in_both_languages(value: object) -> None:
    with pytest.raises(DomainValueError) as caught:
        parse_datetime(value)
    assert "无法识别的时间" in caught.value.message_zh
    assert "yyyy-MM-dd HH:mm:ss" in caught.value.message_zh
    assert "Unrecognised time" in caught.value.message_en


def test_epoch_seconds_are_not_mistaken_for_milliseconds() -> None:
    with pytest.raises(DomainValueError) as caught:
        parse_datetime(MORNING_MS // 1000)
    assert "12 到 13 位" in caught.value.message_zh


def test_a_long_garbage_string_is_cut_in_the_message() -> None:
    with pytest.raises(DomainValueError) as caught:
        parse_datetime("x" * 500)
    assert len(caught.value.message_zh) < 120


@pytest.mark.parametrize(
    ("value", "json_form", "soap_form"),
    [
        (MORNING, "2026-11-28 08:30:00", "2026-11-28T08:30:00+08:00"),
        (
            datetime(2026, 11, 28, 0, 30, tzinfo=UTC),
            "2026-11-28 08:30:00",
            "2026-11-28T08:30:00+08:00",
        ),
        (
            datetime(2026, 11, 28, 23, 59, 59, 999_999),
            "2026-11-28 23:59:59",
            "2026-11-28T23:59:59+08:00",
        ),
        (
            datetime(2026, 11, 27, 16, 0, tzinfo=UTC),
            "2026-11-28 00:00:00",
            "2026-11-28T00:00:00+08:00",
        ),
    ],
)
def test_formats(value: datetime, json_form: str, soap_form: str) -> None:
    assert format_json(value) == json_form
    assert format_soap(value) == soap_form


class _Stamped(BaseModel):
    at: ShanghaiDateTime


def test_the_annotated_type_parses_and_dumps_the_json_form() -> None:
    stamped = _Stamped.model_validate({"at": "2026-11-28T00:30:00Z"})
    assert stamped.at == MORNING
    assert stamped.model_dump(mode="json") == {"at": "2026-11-28 08:30:00"}
    assert stamped.model_dump() == {"at": MORNING}, "Python mode keeps the datetime"


def test_the_annotated_type_refuses_garbage() -> None:
    with pytest.raises(ValueError, match="无法识别的时间"):
        _Stamped.model_validate({"at": True})
