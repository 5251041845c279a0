"""`blood-desk scan TEXT [--json]`: what a scanned string contains, for setting up scanners.

Hospital IT scans a label into a terminal (or pastes what a scanner typed)
and sees each ISBT 128 structure it holds, what it means in Chinese and
English, whether the check character verifies, and every warning. Exit code 0
when the scan is valid, 2 when anything in it could not be read.
"""

from __future__ import annotations

import argparse
from typing import Any

from desktop.cli.exit_codes import ExitCode
from desktop.cli.output import emit_json
from desktop.domain.isbt128 import ScanIssue, ScanItem, ScanKind, ScanResult, parse_scan

_KIND_NAMES = {
    ScanKind.ISBT128: "ISBT 128 条码 / ISBT 128 bar code(s)",
    ScanKind.KEYED_DIN: "手工输入的献血码 / keyed-in DIN",
    ScanKind.PLAIN_ID: "血袋编号 / bag number",
    ScanKind.UNREADABLE: "无法识别 / unreadable",
}


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "scan",
        help="解读扫描内容 / show what a scanned string contains",
        description="解读一次扫描的内容（ISBT 128 条码、献血码、血袋编号）。"
        " / Show what a scan holds: ISBT 128 bar codes, a keyed-in DIN or a bag number.",
    )
    parser.add_argument("text", metavar="TEXT", help="扫描得到的文本 / the scanned text")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    result = parse_scan(args.text)
    if args.json:
        emit_json(_as_json(result))
    else:
        print("\n".join(_as_text(result)))
    return int(ExitCode.OK if result.ok else ExitCode.BAD_INPUT)


def _as_text(result: ScanResult) -> list[str]:
    lines = [
        f"输入 / Input: {result.raw!r}",
        f"识别为 / Read as: {_KIND_NAMES[result.kind]}",
    ]
    if result.symbology:
        lines.append(f"AIM 符号标识 / AIM symbology identifier: {result.symbology}")
    if result.text != result.raw:
        lines.append(f"解读的内容 / Interpreted text: {result.text!r}")
    for number, item in enumerate(result.items, start=1):
        lines += ["", f"[{number}] {item.title.zh} / {item.title.en}    {item.raw}"]
        for row in item.describe():
            lines.append(f"    {row.label_zh} / {row.label_en}: {row.value}")
            lines.append(f"        {row.meaning_zh} / {row.meaning_en}")
    for heading, issues in (("警告 / Warnings", result.warnings), ("错误 / Errors", result.errors)):
        if issues:
            lines += ["", f"{heading}:"]
            lines += [line for issue in issues for line in _issue_lines(issue)]
    verdict = "有效 / valid" if result.ok else "无效 / not valid"
    lines += ["", f"结果 / Result: {verdict}"]
    return lines


def _issue_lines(issue: ScanIssue) -> list[str]:
    where = f" [{issue.segment}]" if issue.segment else ""
    return [f"  - {issue.message.zh}{where}", f"    {issue.message.en}"]


def _as_json(result: ScanResult) -> dict[str, Any]:
    return {
        "ok": result.ok,
        "input": result.raw,
        "text": result.text,
        "symbology": result.symbology,
        "kind": result.kind.value,
        "structures": [_item_json(item) for item in result.items],
        "warnings": [_issue_json(issue) for issue in result.warnings],
        "errors": [_issue_json(issue) for issue in result.errors],
    }


def _item_json(item: ScanItem) -> dict[str, Any]:
    return {
        "kind": item.kind,
        "title_zh": item.title.zh,
        "title_en": item.title.en,
        "raw": item.raw,
        "fields": [row._asdict() for row in item.describe()],
        "data": item.model_dump(mode="json"),
    }


def _issue_json(issue: ScanIssue) -> dict[str, Any]:
    return {
        "code": issue.code.value,
        "segment": issue.segment,
        "message_zh": issue.message.zh,
        "message_en": issue.message.en,
    }
