"""Dates as the platform writes them, always held as aware datetimes in Asia/Shanghai.

The source only says DATE. We accept every form a Java or .NET service is
likely to send (ISO 8601 with or without offset, `yyyy-MM-dd HH:mm:ss`,
`yyyy-MM-dd`, epoch milliseconds), send `yyyy-MM-dd HH:mm:ss` over JSON and
`xs:dateTime` with `+08:00` over SOAP (see INTERFACE.md, "Dates").
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Annotated
from zoneinfo import ZoneInfo

from pydantic import BeforeValidator, PlainSerializer

from desktop.domain.errors import DomainValueError, shown

SHANGHAI = ZoneInfo("Asia/Shanghai")

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)

# Epoch milliseconds from 1973-03-03 to 2286-11-20 have 12 or 13 digits. A
# shorter number is far likelier to be epoch *seconds* or a compact date sent
# by mistake than a 1970s instant, and reading it as milliseconds would give a
# plausible-looking wrong date (an expiry in 1970), so we refuse it.
_EPOCH_MS_RANGE = range(10**11, 10**13)


def parse_datetime(value: object) -> datetime:
    """`value` as an aware datetime in Asia/Shanghai; naive input is taken to be Shanghai time.

    Accepts datetime, date (midnight), ISO 8601 text (offset, `Z`, fractions of
    a second, date only), `yyyy-MM-dd HH:mm:ss`, and epoch milliseconds as an
    int or a string of 12–13 digits. Raises DomainValueError otherwise; a bool
    or a float is refused rather than read as a number of milliseconds.
    """
    if isinstance(value, datetime):
        return _in_shanghai(value)
    if isinstance(value, date):
        return datetime.combine(value, time(), SHANGHAI)
    if isinstance(value, int) and not isinstance(value, bool):
        return _from_epoch_ms(value)
    if isinstance(value, str):
        return _parse_text(value.strip())
    raise _invalid(value)


def format_json(value: datetime) -> str:
    """`yyyy-MM-dd HH:mm:ss` in Shanghai time, the form the desk sends over JSON."""
    return parse_datetime(value).replace(tzinfo=None).isoformat(sep=" ", timespec="seconds")


def format_soap(value: datetime) -> str:
    """`xs:dateTime` with the `+08:00` offset, the form the desk sends over SOAP."""
    return parse_datetime(value).isoformat(timespec="seconds")


def _in_shanghai(value: datetime) -> datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        return value.replace(tzinfo=SHANGHAI)
    return value.astimezone(SHANGHAI)


def _from_epoch_ms(millis: int) -> datetime:
    if millis not in _EPOCH_MS_RANGE:
        raise DomainValueError(
            f"无法识别的时间 {shown(millis)}：毫秒时间戳应为 12 到 13 位数字；"
            "请填写 yyyy-MM-dd HH:mm:ss 格式的时间。",
            f"Unrecognised time {shown(millis)}: epoch milliseconds have 12 or 13 digits; "
            "enter the time as yyyy-MM-dd HH:mm:ss.",
        )
    return (_EPOCH + timedelta(milliseconds=millis)).astimezone(SHANGHAI)


def _parse_text(text: str) -> datetime:
    if text.isascii() and text.isdigit() and len(text) in (12, 13):
        return _from_epoch_ms(int(text))
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        raise _invalid(text) from None
    return _in_shanghai(parsed)


def _invalid(value: object) -> DomainValueError:
    return DomainValueError(
        f"无法识别的时间 {shown(value)}：请按 yyyy-MM-dd HH:mm:ss 填写，例如 2026-11-28 08:30:00。",
        f"Unrecognised time {shown(value)}: use yyyy-MM-dd HH:mm:ss, "
        "for example 2026-11-28 08:30:00.",
    )


ShanghaiDateTime = Annotated[
    datetime,
    BeforeValidator(parse_datetime),
    PlainSerializer(format_json, return_type=str, when_used="json"),
]
"""A DATE field of the platform: any accepted form in, Shanghai time held, JSON form out."""
