"""What the outbox commands print: bilingual lines for people, JSON for scripts."""

from __future__ import annotations

import sys
from datetime import datetime
from typing import Any

from desktop.cli.exit_codes import ExitCode
from desktop.cli.output import emit_json, say
from desktop.domain.deadline import DeadlineStatus, deadline_status
from desktop.domain.delivery import DeliveryState
from desktop.domain.validation import FieldError
from desktop.store.outbox import Outbox
from desktop.store.outbox_items import OutboxItem
from desktop.store.sender import DrainReport

_OPEN_STATES = (DeliveryState.PENDING, DeliveryState.IN_DOUBT, DeliveryState.NEEDS_ATTENTION)


class CommandError(Exception):
    """A command that ends early, with its exit code and what to tell the user."""

    def __init__(self, code: ExitCode, message_zh: str, message_en: str) -> None:
        super().__init__(f"{message_zh} / {message_en}")
        self.code = code
        self.message_zh = message_zh
        self.message_en = message_en


def item_exit_code(state: DeliveryState, report: DrainReport | None) -> ExitCode:
    """A saved document's exit code (see `outbox_commands`): 0 unless someone must act."""
    if state is DeliveryState.NEEDS_ATTENTION:
        return ExitCode.PLATFORM_REFUSED
    if report is not None and report.pause is not None:
        return ExitCode.CREDENTIALS_REJECTED
    return ExitCode.OK


def send_exit_code(outbox: Outbox, report: DrainReport) -> ExitCode:
    """`outbox send`: 0 only when nothing is left owed to the platform."""
    if report.pause is not None:
        return ExitCode.CREDENTIALS_REJECTED
    counts = outbox.counts()
    if counts.needs_attention:
        return ExitCode.PLATFORM_REFUSED
    return ExitCode.PLATFORM_UNREACHABLE if counts.unacknowledged else ExitCode.OK


def report_failure(error: CommandError, as_json: bool) -> int:
    if as_json:
        emit_json(
            {
                "ok": False,
                "saved": False,
                "message_zh": error.message_zh,
                "message_en": error.message_en,
                "exit_code": int(error.code),
            }
        )
    else:
        print(f"错误：{error.message_zh}\nerror: {error.message_en}", file=sys.stderr)
    return int(error.code)


def report_invalid(errors: list[FieldError], as_json: bool) -> int:
    code = int(ExitCode.BAD_INPUT)
    if as_json:
        fields = [
            {"path": e.path, "message_zh": e.message_zh, "message_en": e.message_en} for e in errors
        ]
        emit_json({"ok": False, "saved": False, "errors": fields, "exit_code": code})
        return code
    print("单据有误，未保存 / the document is not valid and was not saved:", file=sys.stderr)
    for error in errors:
        where = error.path or "单据 / document"
        print(f"  {where}: {error.message_zh}\n    {error.message_en}", file=sys.stderr)
    return code


def report_item(outbox: Outbox, item: OutboxItem, report: DrainReport | None, as_json: bool) -> int:
    code = int(item_exit_code(item.state, report))
    if as_json:
        emit_json(
            {
                "ok": code == 0,
                "saved": True,
                "item": item_json(item),
                **_drain_json(report),
                "exit_code": code,
            }
        )
        return code
    say(f"已保存 {item.kind.label.zh}单 {item.number}", f"saved {item.kind.label.en} {item.number}")
    say(f"上传状态：{item.state.label.zh}", f"delivery: {item.state.label.en}")
    _print_problem(item, report)
    return code


def _print_problem(item: OutboxItem, report: DrainReport | None) -> None:
    if report is not None and report.pause is not None:
        say(
            f"上传已暂停：{report.pause.error.message_zh}",
            f"sending paused: {report.pause.error.message_en}",
        )
    elif item.error is not None and item.state is not DeliveryState.ACKNOWLEDGED:
        say(f"原因：{item.error.message_zh}", f"reason: {item.error.message_en}")
    if item.state in (DeliveryState.PENDING, DeliveryState.IN_DOUBT):
        say(
            "记录已保存在本机，将自动上传；请勿重复登记。",
            "the record is saved here and will be sent by itself; do not record it again.",
        )


def report_outbox(outbox: Outbox, now: datetime, include_all: bool, as_json: bool) -> int:
    items = outbox.items(None if include_all else _OPEN_STATES)
    status = deadline_status(now, outbox.unacknowledged_by_day())
    if as_json:
        emit_json(
            {"ok": True, **_summary_json(outbox, status), "items": [item_json(i) for i in items]}
        )
        return int(ExitCode.OK)
    _print_summary(outbox, status)
    for item in items:
        print(
            f"  {item.seq:>6} {item.number:<26} {item.kind.label.zh:<4} "
            f"{item.state.label.zh}  {len(item.bag_ids)} 袋  {item.business_day}"
        )
        if item.error is not None and item.state is DeliveryState.NEEDS_ATTENTION:
            print(f"         {item.error.message_zh}")
    return int(ExitCode.OK)


def report_send(outbox: Outbox, report: DrainReport, now: datetime, as_json: bool) -> int:
    code = int(send_exit_code(outbox, report))
    status = deadline_status(now, outbox.unacknowledged_by_day())
    if as_json:
        emit_json(
            {
                "ok": code == 0,
                **_drain_json(report),
                **_summary_json(outbox, status),
                "exit_code": code,
            }
        )
        return code
    say(
        f"本次上传 {len(report.acknowledged)} 条，平台拒收 {len(report.needs_attention)} 条，"
        f"待核实 {len(report.in_doubt)} 条",
        f"sent {len(report.acknowledged)}, refused {len(report.needs_attention)}, "
        f"in doubt {len(report.in_doubt)}",
    )
    if report.error is not None:
        say(f"原因：{report.error.message_zh}", f"reason: {report.error.message_en}")
    _print_summary(outbox, status)
    return code


def _print_summary(outbox: Outbox, status: DeadlineStatus) -> None:
    counts = outbox.counts()
    say(
        f"待上传 {counts.waiting} · 待核实 {counts.in_doubt} · 需处理 {counts.needs_attention}",
        f"waiting {counts.waiting} · in doubt {counts.in_doubt} · "
        f"need attention {counts.needs_attention}",
    )
    message = status.message()
    say(f"零点上传规则：{message.zh}", f"midnight rule ({status.level.value}): {message.en}")
    pause = outbox.paused()
    if pause is not None:
        say(f"上传已暂停：{pause.error.message_zh}", f"sending paused: {pause.error.message_en}")


def item_json(item: OutboxItem) -> dict[str, Any]:
    return {
        "seq": item.seq,
        "kind": item.kind.value,
        "number": item.number,
        "ref": item.ref,
        "bags": list(item.bag_ids),
        "state": item.state.value,
        "state_zh": item.state.label.zh,
        "attempts": item.attempts,
        "next_attempt_at": item.next_attempt_at,
        "business_day": item.business_day,
        "created_at": item.created_at,
        "acknowledged_at": item.acknowledged_at,
        "error": None if item.error is None else vars(item.error),
    }


def _drain_json(report: DrainReport | None) -> dict[str, Any]:
    if report is None:
        return {"drain": None}
    return {
        "drain": {
            "acknowledged": report.acknowledged,
            "needs_attention": report.needs_attention,
            "in_doubt": report.in_doubt,
            "retry_later": report.retry_later,
            "stopped": report.stopped,
            "paused": report.pause is not None,
            "error": None if report.error is None else vars(report.error),
        }
    }


def _summary_json(outbox: Outbox, status: DeadlineStatus) -> dict[str, Any]:
    counts = outbox.counts()
    pause = outbox.paused()
    message = status.message()
    return {
        "counts": {
            "waiting": counts.waiting,
            "in_doubt": counts.in_doubt,
            "needs_attention": counts.needs_attention,
        },
        "deadline": {
            "level": status.level.value,
            "unsent_today": status.unsent_today,
            "seconds_left": int(status.time_left.total_seconds()),
            "overdue": [{"day": day.day, "count": day.count} for day in status.overdue_days],
            "message_zh": message.zh,
            "message_en": message.en,
        },
        "paused": None if pause is None else vars(pause.error),
    }
