"""`blood-desk check | sync | bill LISTID | bags ID…`: the platform from the command line.

With no platform configured these run against a training platform started for
the command, as the desk does, and say so.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from desktop.cli.exit_codes import ExitCode, exit_code_for
from desktop.cli.options import platform_options, settings_from
from desktop.cli.output import emit_json, report_error, say
from desktop.config.settings import SettingsError
from desktop.connection import Connection, connect
from desktop.domain.models import BloodBagInfo, HandoverInfo
from desktop.platform.check import run_checks
from desktop.platform.errors import PlatformError

Command = Callable[[Connection, argparse.Namespace], int]


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parent = platform_options()
    check = subparsers.add_parser(
        "check", parents=[parent], help="检查平台连接 / check the platform connection"
    )
    check.set_defaults(handler=_connected(_check))
    sync = subparsers.add_parser(
        "sync",
        parents=[parent],
        help="同步字典与发血单列表 / fetch dictionaries and the dispatch list",
    )
    sync.set_defaults(handler=_connected(_sync))
    bill = subparsers.add_parser("bill", parents=[parent], help="查看发血单 / show a handover bill")
    bill.add_argument("list_id", metavar="LISTID")
    bill.set_defaults(handler=_connected(_bill))
    bags = subparsers.add_parser("bags", parents=[parent], help="查询血袋 / look up bags by id")
    bags.add_argument("ids", metavar="ID", nargs="+")
    bags.set_defaults(handler=_connected(_bags))


def _connected(command: Command) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        try:
            with connect(settings_from(args)) as connection:
                if connection.is_training and not args.json:
                    say(
                        "（培训模式：未配置平台，使用内置培训平台）",
                        "(training mode: no platform configured)",
                    )
                return command(connection, args)
        except (PlatformError, SettingsError) as error:
            return report_error(error, args.json)

    return run


def _check(connection: Connection, args: argparse.Namespace) -> int:
    steps = run_checks(connection.client, connection.tokens)
    failed = [step for step in steps if not step.ok]
    if args.json:
        emit_json(
            {
                "ok": not failed,
                "training": connection.is_training,
                "steps": [
                    {
                        "step": s.name,
                        "ok": s.ok,
                        "message_zh": s.detail_zh,
                        "message_en": s.detail_en,
                    }
                    for s in steps
                ],
            }
        )
    else:
        for step in steps:
            mark = "通过 OK  " if step.ok else "失败 FAIL"
            print(f"[{mark}] {step.name}: {step.detail_zh}\n            {step.detail_en}")
    if not failed:
        return int(ExitCode.OK)
    first_error = failed[0].error
    return int(exit_code_for(first_error)) if first_error else int(ExitCode.FAILURE)


def _sync(connection: Connection, args: argparse.Namespace) -> int:
    client = connection.client
    counts: dict[str, int] = {
        "blood": len(client.list_all_blood()),
        "bloodTypes": len(client.list_all_blood_type()),
        "bloodSubTypes": len(client.list_all_blood_sub_type()),
        "facilities": len(client.list_all_facilities()),
        "diseases": len(client.list_all_disease()),
        "dispatchList": len(client.dispatch_list()),
    }
    facility = client.get_facility()
    if args.json:
        emit_json(
            {
                "ok": True,
                "facility": facility.model_dump(by_alias=True, mode="json"),
                "counts": counts,
            }
        )
        return int(ExitCode.OK)
    say(
        f"本院：{facility.name}（编号 {facility.id}）",
        f"this hospital: {facility.name} (id {facility.id})",
    )
    labels = {
        "blood": ("血液品种", "products"),
        "bloodTypes": ("血液大类", "blood types"),
        "bloodSubTypes": ("血液中类", "blood subtypes"),
        "facilities": ("机构", "facilities"),
        "diseases": ("疾病", "diseases"),
        "dispatchList": ("发血单", "handover bills"),
    }
    for key, count in counts.items():
        zh, en = labels[key]
        print(f"{zh:<6} {en:<16} {count:>7}")
    return int(ExitCode.OK)


def _bill(connection: Connection, args: argparse.Namespace) -> int:
    bill = connection.client.list_bill_detail(args.list_id)
    if args.json:
        emit_json(bill.model_dump(by_alias=True, mode="json"))
    else:
        _print_bill(bill)
    return int(ExitCode.OK)


def _print_bill(bill: HandoverInfo) -> None:
    say(f"发血单 {bill.id}  发血时间 {bill.deliver_time:%Y-%m-%d %H:%M}", f"bill {bill.id}")
    if bill.remark:
        print(f"  {bill.remark}")
    for bag in bill.blood_bags:
        _print_bag(bag.blood_bag_id, bag)
    for total in bill.sums:
        print(
            f"  合计 {total.blood_sub_type} {total.blood_group.value}"
            f" Rh{total.rh_blood_group.label_zh}: {total.conversion} 单位, {total.capacity}"
        )


def _print_bag(bag_id: str, bag: Any) -> None:
    expiry = f"{bag.expiration:%Y-%m-%d %H:%M}" if bag.expiration else "-"
    print(
        f"  {bag_id:<23} {bag.blood_id or '-':<8} {bag.blood_group.value:<3}"
        f" {bag.rh_blood_group.label_zh:<4} 失效 {expiry}"
    )


def _bags(connection: Connection, args: argparse.Namespace) -> int:
    bags: list[BloodBagInfo] = connection.client.get_blood_bags(args.ids)
    if args.json:
        emit_json([bag.model_dump(by_alias=True, mode="json") for bag in bags])
    else:
        for bag in bags:
            _print_bag(bag.id, bag)
        missing = sorted(set(args.ids) - {bag.id for bag in bags})
        for bag_id in missing:
            say(f"  平台上没有血袋 {bag_id}", f"  no bag {bag_id} on the platform")
    return int(ExitCode.OK)
