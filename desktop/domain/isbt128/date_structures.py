"""Dates on the label: expiry (004 `=>`, 005 `&>`), collection (006, 007), production (008, 009).

Dates are `cyyjjj` (century digit, year, day of the year) and optionally
`hhmm`. The standard leaves the time zone to the facility; labels here come
from Shanghai blood centres, so we read them as Asia/Shanghai time.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict

from desktop.domain.dates import SHANGHAI
from desktop.domain.isbt128.bilingual import Bilingual, Row, bi, row
from desktop.domain.isbt128.issues import IssueCode, ScanIssue, error

_DATE = re.compile(
    r"(?P<c>[0-9])(?P<yy>[0-9]{2})(?P<jjj>[0-9]{3})(?:(?P<hh>[0-9]{2})(?P<mm>[0-9]{2}))?"
)
# A date without a time "expires at the end of" its day (ST-001 2.4.4); the
# standard's own default time for 005/007/009 is 23:59.
_END_OF_DAY = time(23, 59)


class DateKind(StrEnum):
    EXPIRY = "expiry"
    COLLECTION = "collection"
    PRODUCTION = "production"


# data identifier -> (kind, has time, structure number)
DATE_IDENTIFIERS: dict[str, tuple[DateKind, bool, str]] = {
    "=>": (DateKind.EXPIRY, False, "004"),
    "&>": (DateKind.EXPIRY, True, "005"),
    "=*": (DateKind.COLLECTION, False, "006"),
    "&*": (DateKind.COLLECTION, True, "007"),
    "=}": (DateKind.PRODUCTION, False, "008"),
    "&}": (DateKind.PRODUCTION, True, "009"),
}
_NAMES = {
    DateKind.EXPIRY: bi("失效", "Expiration"),
    DateKind.COLLECTION: bi("采集", "Collection"),
    DateKind.PRODUCTION: bi("制备", "Production"),
}


class DateStructure(BaseModel):
    """A decoded date (or date and time) structure; `value` is aware, in Asia/Shanghai."""

    model_config = ConfigDict(frozen=True)

    kind: Literal["date"] = "date"
    raw: str
    date_kind: DateKind
    number: str
    has_time: bool
    value: datetime

    @property
    def title(self) -> Bilingual:
        name = _NAMES[self.date_kind]
        if self.has_time:
            return bi(
                f"{name.zh}日期和时间 [{self.number}]", f"{name.en} Date and Time [{self.number}]"
            )
        return bi(f"{name.zh}日期 [{self.number}]", f"{name.en} Date [{self.number}]")

    def describe(self) -> list[Row]:
        name = _NAMES[self.date_kind]
        shown = self.value.strftime("%Y-%m-%d %H:%M" if self.has_time else "%Y-%m-%d")
        meaning = bi("上海时间", "Asia/Shanghai time")
        if self.date_kind is DateKind.EXPIRY and not self.has_time:
            meaning = bi("当日 23:59（上海时间）失效", "expires at 23:59 that day, Shanghai time")
        return [row(bi(f"{name.zh}时间", f"{name.en} time"), shown, meaning)]


def decode_date(segment: str) -> tuple[DateStructure | None, list[ScanIssue]]:
    date_kind, has_time, number = DATE_IDENTIFIERS[segment[:2]]
    content = segment[2:]
    expected = 10 if has_time else 6
    match = _DATE.fullmatch(content)
    if len(content) != expected or match is None:
        shape = "cyyjjjhhmm" if has_time else "cyyjjj"
        return None, [
            error(
                IssueCode.WRONG_LENGTH,
                segment,
                f"日期条码“{segment[:2]}”后应为 {expected} 位数字（{shape}），实际为“{content}”。",
                f"A '{segment[:2]}' date bar code has {expected} digits ({shape}) after its "
                f"identifier, not {content!r}.",
            )
        ]
    value = _to_datetime(match, has_time, date_kind)
    if isinstance(value, Bilingual):
        return None, [
            error(
                IssueCode.INVALID_DATE,
                segment,
                f"日期条码“{segment}”不是有效日期：{value.zh}。请核对血袋标签。",
                f"The date bar code {segment!r} is not a valid date: {value.en}. "
                "Check the bag's label.",
            )
        ]
    return DateStructure(
        raw=segment, date_kind=date_kind, number=number, has_time=has_time, value=value
    ), []


def _to_datetime(match: re.Match[str], has_time: bool, kind: DateKind) -> datetime | Bilingual:
    # The century digit is the last digit of the century: 0 for 20xx, 1 for
    # 21xx, and 9 for the 19xx labels of the 1990s.
    century_digit = int(match["c"])
    year = (1900 if century_digit == 9 else 2000 + 100 * century_digit) + int(match["yy"])
    day = int(match["jjj"])
    days_in_year = 366 if calendar.isleap(year) else 365
    if not 1 <= day <= days_in_year:
        return bi(
            f"{year} 年只有 {days_in_year} 天，没有第 {day} 天",
            f"{year} has {days_in_year} days, there is no day {day}",
        )
    clock = time() if kind is not DateKind.EXPIRY else _END_OF_DAY
    if has_time:
        hour, minute = int(match["hh"]), int(match["mm"])
        if hour > 23 or minute > 59:
            return bi(
                f"时间 {hour:02d}:{minute:02d} 无效", f"{hour:02d}:{minute:02d} is not a time"
            )
        clock = time(hour, minute)
    return datetime.combine(date(year, 1, 1) + timedelta(days=day - 1), clock, SHANGHAI)
