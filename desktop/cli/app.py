"""Argument parsing and dispatch for `blood-desk [SUBCOMMAND]`.

Each subcommand lives in its own module exposing `register(subparsers)`, which
adds a parser whose `handler` default is a function `(argparse.Namespace) -> int`.
With no subcommand the caller opens the window. Exit codes are a contract with
hospital IT's scripts (see `ExitCode`).
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from desktop.cli import outbox_commands, platform_commands, scan_command, training_command
from desktop.cli.exit_codes import ExitCode
from desktop.cli.window_options import window_parser

_COMMAND_MODULES = (scan_command, platform_commands, outbox_commands, training_command)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="blood-desk",
        description="输血科柜台客户端 / blood-bank counter for the Shanghai blood-use platform. "
        "Without a command it opens the desk.",
        parents=[window_parser()],
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="自检：培训平台上走一遍收发流程并打开窗口 / check this installation end to end",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in _COMMAND_MODULES:
        module.register(subparsers)
    return parser


def parse(parser: argparse.ArgumentParser, argv: Sequence[str]) -> argparse.Namespace | int:
    """The parsed arguments, or the exit code when argparse has already answered (--help, errors)."""
    try:
        return parser.parse_args(list(argv))
    except SystemExit as exit_:
        # argparse exits 2 on bad usage and 0 on --help/--version; keep both.
        return int(exit_.code or 0)


def run_command(args: argparse.Namespace) -> int:
    return int(args.handler(args)) if getattr(args, "handler", None) else int(ExitCode.OK)
