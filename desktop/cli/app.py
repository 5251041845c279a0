"""Argument parsing and dispatch for `blood-desk SUBCOMMAND`.

Each subcommand lives in its own module exposing `register(subparsers)`, which
adds a parser whose `handler` default is a function `(argparse.Namespace) -> int`.
Exit codes are a contract with hospital IT's scripts (see `ExitCode`).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from desktop import __version__
from desktop.cli import platform_commands, scan_command, training_command
from desktop.cli.exit_codes import ExitCode

_COMMAND_MODULES = (scan_command, platform_commands, training_command)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="blood-desk",
        description="输血科柜台客户端 / blood-bank counter for the Shanghai blood-use platform",
    )
    parser.add_argument("--version", action="version", version=f"blood-desk {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in _COMMAND_MODULES:
        module.register(subparsers)
    return parser


def run_command(parser: argparse.ArgumentParser, argv: Sequence[str]) -> int:
    try:
        args = parser.parse_args(list(argv))
    except SystemExit as exit_:
        # argparse exits 2 on bad usage and 0 on --help/--version; keep both.
        return int(exit_.code or 0)
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help(sys.stdout)
        return int(ExitCode.OK)
    return int(handler(args))
