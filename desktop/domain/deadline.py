"""The midnight rule: the day's outflow must reach the platform before 00:00 of the next day.

INTERFACE.md, "Frequency rules": 出库数据 (takeouts) must be uploaded before
00:00 Asia/Shanghai of the next day. A cancellation changes that outflow, so it
counts too. Receipts (入库) do not: the rule names outflow only, and a receipt
that holds back a takeout of its bags is already visible through that takeout,
which stays unsent and is counted.

An item belongs to the *business day* of its actual time (commitTime of a
takeout, the time of a cancellation), not to the day it was typed in or sent:
a takeout of 23:50 still unsent at 00:05 is overdue, not "today's".
Items dated after today (a clock set wrong) are not due yet and are not counted.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Final

from desktop.domain.codes import Label
from desktop.domain.dates import SHANGHAI, parse_datetime
from desktop.domain.delivery import OUTFLOW_KINDS, DocumentKind

DEFAULT_THRESHOLDS: Final = (time(22, 0), time(23, 30))
"""When an unsent outflow of the day turns the warning on, and when it becomes critical."""


class DeadlineLevel(StrEnum):
    OK = "ok"
    WARNING = "warning"
    CRITICAL = "critical"
    OVERDUE = "overdue"


@dataclass(frozen=True)
class OverdueDay:
    """A past business day with outflow records still not on the platform."""

    day: date
    count: int


@dataclass(frozen=True)
class DeadlineStatus:
    level: DeadlineLevel
    unsent_today: int
    """Outflow records of today (Shanghai) not yet acknowledged."""
    time_left: timedelta
    """Until the coming midnight, when today's outflow becomes overdue."""
    overdue_days: tuple[OverdueDay, ...]
    """Earlier days still owed, oldest first."""

    @property
    def overdue_count(self) -> int:
        return sum(day.count for day in self.overdue_days)

    def message(self) -> Label:
        """What the counter should be told, in Chinese and English."""
        if self.level is DeadlineLevel.OVERDUE:
            days = "、".join(f"{entry.day:%m月%d日}" for entry in self.overdue_days)
            en_days = ", ".join(entry.day.isoformat() for entry in self.overdue_days)
            return Label(
                f"已逾期：{days}的 {self.overdue_count} 条出库数据未在次日零点前上传平台。"
                "请立即检查网络并重新上传，并按规定报告",
                f"overdue: {self.overdue_count} outflow record(s) of {en_days} did not reach "
                "the platform before midnight; check the network, send them now and report it",
            )
        if self.unsent_today == 0:
            return Label("今日出库数据已全部上传", "all of today's outflow is on the platform")
        left_zh, left_en = _duration(self.time_left)
        urgent_zh = "紧急：" if self.level is DeadlineLevel.CRITICAL else ""
        urgent_en = "urgent: " if self.level is DeadlineLevel.CRITICAL else ""
        return Label(
            f"{urgent_zh}今日还有 {self.unsent_today} 条出库数据未上传，须在零点前上传（剩余 {left_zh}）",
            f"{urgent_en}{self.unsent_today} outflow record(s) of today not yet on the platform; "
            f"they must be sent before midnight ({left_en} left)",
        )


def deadline_status(
    now: datetime,
    unacknowledged: Iterable[tuple[date, DocumentKind]],
    thresholds: tuple[time, time] = DEFAULT_THRESHOLDS,
    counted: frozenset[DocumentKind] = OUTFLOW_KINDS,
) -> DeadlineStatus:
    """The rule's verdict at `now` over the unacknowledged items' (business day, kind)."""
    warning_at, critical_at = thresholds
    if not warning_at < critical_at:
        raise ValueError(f"the warning time {warning_at} must come before {critical_at}")
    local = parse_datetime(now)
    today = local.date()
    per_day = Counter(day for day, kind in unacknowledged if kind in counted and day <= today)
    unsent_today = per_day.pop(today, 0)
    overdue = tuple(OverdueDay(day, count) for day, count in sorted(per_day.items()))
    midnight = datetime.combine(today + timedelta(days=1), time(), SHANGHAI)
    return DeadlineStatus(
        level=_level(local.time(), unsent_today, overdue, warning_at, critical_at),
        unsent_today=unsent_today,
        time_left=midnight - local,
        overdue_days=overdue,
    )


def _level(
    clock: time,
    unsent_today: int,
    overdue: tuple[OverdueDay, ...],
    warning_at: time,
    critical_at: time,
) -> DeadlineLevel:
    if overdue:
        return DeadlineLevel.OVERDUE
    if unsent_today == 0 or clock < warning_at:
        return DeadlineLevel.OK
    return DeadlineLevel.CRITICAL if clock >= critical_at else DeadlineLevel.WARNING


def business_day(actual_time: datetime) -> date:
    """The Shanghai date an item counts for: that of its actual time."""
    return parse_datetime(actual_time).date()


def _duration(left: timedelta) -> tuple[str, str]:
    minutes = max(0, int(left.total_seconds()) // 60)
    hours, minutes = divmod(minutes, 60)
    if hours:
        return f"{hours} 小时 {minutes} 分", f"{hours} h {minutes} min"
    return f"{minutes} 分钟", f"{minutes} min"
