"""`blood-desk receive | takeout | cancel FILE.json`, `blood-desk outbox [send]`: the outbox for IT.

A document file is in the spec's wire shape (`internalId`/`refId` may be left
out: the outbox numbers it). It is validated, saved to the outbox of the data
directory's store with its stock effect and an audit entry, then one drain is
tried and the item's delivery state printed.

Exit codes (`ExitCode`), chosen so that a script never records a document twice:

- 0: saved. Delivered (acknowledged), or waiting / in doubt: the outbox owns the
  delivery from now on and resends it by itself. Running the command again
  would record a second document, so scripts must not retry on anything but 2.
- 2: not saved: the file, the document or the local stock refused it.
- 5: saved, but the platform refused it: it needs attention (fix or withdraw).
- 3: saved, but the platform rejected the hospital's credentials: the queue is
  paused until `blood-desk outbox send` succeeds with corrected settings.
- 4: not saved, because a receipt's bag details could not be fetched.

`blood-desk outbox send` resumes a paused queue, makes every waiting item due
and drains: 0 when nothing is left unacknowledged, 3 credentials rejected,
5 something needs attention, 4 items still waiting or in doubt.
"""

from __future__ import annotations

import argparse
import getpass
import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from desktop.cli import outbox_output as output
from desktop.cli.exit_codes import ExitCode, exit_code_for
from desktop.cli.options import platform_options, settings_from
from desktop.cli.outbox_output import CommandError
from desktop.config.settings import Settings, SettingsError
from desktop.connection import Connection, connect
from desktop.domain.delivery import DocumentKind
from desktop.platform.errors import NotFound, PlatformError, Refused
from desktop.store import outbox_documents as documents
from desktop.store.audit import Operator
from desktop.store.database import Store
from desktop.store.errors import StoreError
from desktop.store.outbox import Outbox
from desktop.store.outbox_bags import bag_details
from desktop.store.outbox_items import OutboxRefusal
from desktop.store.sender import OutboxSender
from desktop.store.stock import StockConflict

_DOCUMENT_COMMANDS = {
    "receive": (DocumentKind.RECEIVE, "登记入库单 / record a receipt (入库)"),
    "takeout": (DocumentKind.TAKEOUT, "登记出库单 / record a takeout (出库)"),
    "cancel": (DocumentKind.CANCEL, "取消出库 / cancel (part of) a takeout"),
}
# Where each document names the member of staff, for the audit when --operator is not given.
_STAFF_FIELDS = {
    DocumentKind.RECEIVE: ("receiver",),
    DocumentKind.TAKEOUT: ("outStock", "optId"),
    DocumentKind.CANCEL: ("user",),
}
_PLACEHOLDER = "NUMBER-TO-ASSIGN"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parent = platform_options()
    parent.add_argument(
        "--operator",
        dest="clerk",
        metavar="NAME:STAFF_NO",
        default=None,
        help="经办人（审计记录）/ the clerk, for the audit, e.g. 张三:1001",
    )
    for name, (kind, help_text) in _DOCUMENT_COMMANDS.items():
        parser = subparsers.add_parser(name, parents=[parent], help=help_text)
        parser.add_argument("file", metavar="FILE.json", type=Path)
        parser.add_argument(
            "--no-send", action="store_true", help="只保存，不上传 / save only, do not send now"
        )
        parser.set_defaults(handler=_document_command(kind))
    outbox = subparsers.add_parser(
        "outbox", parents=[parent], help="上传队列 / the outbox: list, or `send` it now"
    )
    outbox.add_argument("action", nargs="?", choices=("list", "send"), default="list")
    outbox.add_argument("--all", action="store_true", help="包括已上传的 / include delivered ones")
    outbox.set_defaults(handler=_outbox_command)


def _document_command(kind: DocumentKind) -> Any:
    def run(args: argparse.Namespace) -> int:
        try:
            return _submit_and_send(kind, args)
        except CommandError as error:
            return output.report_failure(error, args.json)

    return run


def _submit_and_send(kind: DocumentKind, args: argparse.Namespace) -> int:
    settings = _settings(args)
    data = _read_document(args.file)
    result = documents.parse(kind, _numbered_for_checking(kind, data))
    if result.value is None:
        return output.report_invalid(result.errors, args.json)
    operator = _operator(args.clerk, kind, data)
    with _opened(settings) as store:
        outbox = Outbox(store, settings.workstation)
        if args.no_send:
            item = _submit(outbox, kind, data, operator, None)
            return output.report_item(outbox, outbox.item(item.seq), None, args.json)
        with _connected(settings) as connection:
            item = _submit(outbox, kind, data, operator, connection)
            report = OutboxSender(outbox, connection.client).drain()
            return output.report_item(outbox, outbox.item(item.seq), report, args.json)


def _submit(
    outbox: Outbox,
    kind: DocumentKind,
    data: dict[str, Any],
    operator: Operator,
    connection: Connection | None,
) -> Any:
    try:
        if kind is DocumentKind.RECEIVE:
            bags = bag_details(
                outbox.store, data, None if connection is None else connection.client
            )
            return outbox.submit_receive(data, bags, operator)
        if kind is DocumentKind.TAKEOUT:
            return outbox.submit_takeout(data, operator)
        return outbox.submit_cancel(data, operator)
    except (OutboxRefusal, StockConflict) as error:
        raise CommandError(ExitCode.BAD_INPUT, error.message_zh, error.message_en) from None
    except PlatformError as error:
        # The bill or bags the receipt names: unknown to the platform is the file's fault.
        refused = isinstance(error, Refused | NotFound)
        raise CommandError(
            ExitCode.BAD_INPUT if refused else exit_code_for(error),
            f"未保存：无法从平台取得血袋信息。{error.message_zh}",
            f"not saved: the bag details could not be fetched. {error.message_en}",
        ) from None


def _outbox_command(args: argparse.Namespace) -> int:
    try:
        settings = _settings(args)
        with _opened(settings) as store:
            outbox = Outbox(store, settings.workstation)
            if args.action == "list":
                return output.report_outbox(outbox, store.now(), args.all, args.json)
            outbox.resume()
            outbox.retry_now()
            with _connected(settings) as connection:
                report = OutboxSender(outbox, connection.client).drain()
            return output.report_send(outbox, report, store.now(), args.json)
    except CommandError as error:
        return output.report_failure(error, args.json)


# -- the pieces -----------------------------------------------------------------------------


def _settings(args: argparse.Namespace) -> Settings:
    try:
        return settings_from(args)
    except SettingsError as error:
        raise CommandError(ExitCode.BAD_INPUT, error.message_zh, error.message_en) from None


def _read_document(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise CommandError(
            ExitCode.BAD_INPUT, f"无法读取文件 {path}：{error}", f"cannot read {path}: {error}"
        ) from None
    except ValueError as error:
        raise CommandError(
            ExitCode.BAD_INPUT,
            f"文件 {path} 不是合法的 JSON：{error}",
            f"{path} is not JSON: {error}",
        ) from None
    if not isinstance(data, dict):
        raise CommandError(
            ExitCode.BAD_INPUT,
            f"文件 {path} 应为一个 JSON 对象（单据）",
            f"{path} must hold one JSON object (the document)",
        )
    return data


def _numbered_for_checking(kind: DocumentKind, data: dict[str, Any]) -> dict[str, Any]:
    # The outbox numbers a document without one; checking it first needs a stand-in.
    if documents.number_given(kind, data) is not None:
        return data
    return documents.with_number(kind, data, _PLACEHOLDER)


def _operator(given: str | None, kind: DocumentKind, data: dict[str, Any]) -> Operator:
    if given:
        name, _, number = given.partition(":")
        return Operator(name.strip(), (number or name).strip())
    value: Any = data
    for key in _STAFF_FIELDS[kind]:
        value = value.get(key) if isinstance(value, dict) else None
    staff = str(value) if value else "cli"
    return Operator(getpass.getuser(), staff)


@contextmanager
def _opened(settings: Settings) -> Iterator[Store]:
    try:
        store = Store.open(settings.data_dir)
    except StoreError as error:
        raise CommandError(ExitCode.FAILURE, error.message_zh, error.message_en) from None
    try:
        yield store
    finally:
        store.close()


def _connected(settings: Settings) -> Connection:
    try:
        return connect(settings)
    except (PlatformError, SettingsError) as error:
        raise CommandError(
            ExitCode.PLATFORM_UNREACHABLE, error.message_zh, error.message_en
        ) from None
