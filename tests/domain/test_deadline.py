"""The midnight rule with a fake clock: thresholds, counts across midnight, overdue days."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from desktop.domain.dates import SHANGHAI
from desktop.domain.deadline import DeadlineLevel, OverdueDay, business_day, deadline_status
from desktop.domain.delivery import DocumentKind

TODAY = date(2026, 11, 28)
YESTERDAY = TODAY - timedelta(days=1)
TAKEOUT = DocumentKind.TAKEOUT
CANCEL = DocumentKind.CANCEL
RECEIVE = DocumentKind.RECEIVE


def at(hour: int, minute: int = 0, second: int = 0, day: date = TODAY) -> datetime:
    return datetime.combine(day, time(hour, minute, second), SHANGHAI)


@pytest.mark.parametrize(
    ("moment", "level"),
    [
        (at(9), DeadlineLevel.OK),
        (at(21, 59, 59), DeadlineLevel.OK),
        (at(22), DeadlineLevel.WARNING),
        (at(23, 29, 59), DeadlineLevel.WARNING),
        (at(23, 30), DeadlineLevel.CRITICAL),
        (at(23, 59, 59), DeadlineLevel.CRITICAL),
    ],
)
def test_warnings_fire_at_the_thresholds(moment: datetime, level: DeadlineLevel) -> None:
    status = deadline_status(moment, [(TODAY, TAKEOUT)])
    assert status.level is level
    assert status.unsent_today == 1


def test_nothing_unsent_is_ok_even_at_a_quarter_to_midnight() -> None:
    status = deadline_status(at(23, 45), [])
    assert status.level is DeadlineLevel.OK
    assert status.unsent_today == 0
    assert status.message().zh == "今日出库数据已全部上传"


def test_only_outflow_counts_receipts_do_not() -> None:
    items = [(TODAY, TAKEOUT), (TODAY, CANCEL), (TODAY, RECEIVE), (YESTERDAY, RECEIVE)]
    status = deadline_status(at(22, 30), items)
    assert status.unsent_today == 2
    assert status.overdue_days == ()
    assert status.level is DeadlineLevel.WARNING


def test_yesterdays_item_still_unsent_after_midnight_is_overdue_not_todays() -> None:
    items = [(YESTERDAY, TAKEOUT), (YESTERDAY, TAKEOUT), (TODAY, CANCEL)]
    status = deadline_status(at(0, 5), items)
    assert status.level is DeadlineLevel.OVERDUE
    assert status.unsent_today == 1
    assert status.overdue_days == (OverdueDay(YESTERDAY, 2),)
    assert status.overdue_count == 2
    assert "已逾期" in status.message().zh


def test_the_same_items_a_minute_before_midnight_are_todays() -> None:
    items = [(YESTERDAY, TAKEOUT), (YESTERDAY, TAKEOUT)]
    status = deadline_status(at(23, 59, day=YESTERDAY), items)
    assert status.level is DeadlineLevel.CRITICAL
    assert status.unsent_today == 2
    assert status.time_left == timedelta(minutes=1)


def test_overdue_days_are_listed_oldest_first_with_their_counts() -> None:
    days = [TODAY - timedelta(days=3), YESTERDAY, TODAY - timedelta(days=3)]
    status = deadline_status(at(10), [(day, TAKEOUT) for day in days])
    assert status.overdue_days == (
        OverdueDay(TODAY - timedelta(days=3), 2),
        OverdueDay(YESTERDAY, 1),
    )


def test_a_utc_clock_is_read_in_shanghai_time() -> None:
    # 16:05 UTC on the 27th is 00:05 on the 28th in Shanghai.
    status = deadline_status(datetime(2026, 11, 27, 16, 5, tzinfo=UTC), [(YESTERDAY, TAKEOUT)])
    assert status.level is DeadlineLevel.OVERDUE
    assert status.time_left == timedelta(hours=23, minutes=55)


def test_items_dated_after_today_are_not_due() -> None:
    status = deadline_status(at(23), [(TODAY + timedelta(days=1), TAKEOUT)])
    assert status.level is DeadlineLevel.OK
    assert status.unsent_today == 0


def test_the_message_says_how_long_is_left() -> None:
    status = deadline_status(at(23, 40), [(TODAY, TAKEOUT)])
    message = status.message()
    assert message.zh.startswith("紧急：今日还有 1 条出库数据未上传")
    assert "20 分钟" in message.zh
    assert "20 min left" in message.en


def test_custom_thresholds_must_be_in_order() -> None:
    assert deadline_status(at(20), [(TODAY, TAKEOUT)], (time(19), time(21))).level == "warning"
    with pytest.raises(ValueError, match="must come before"):
        deadline_status(at(20), [], (time(23), time(22)))


def test_business_day_is_the_shanghai_date_of_the_actual_time() -> None:
    assert business_day(datetime(2026, 11, 27, 16, 30, tzinfo=UTC)) == TODAY
    assert business_day(at(23, 59, day=YESTERDAY)) == YESTERDAY
