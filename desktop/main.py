"""The composition root: the one module that chooses between the window and the command line.

With a subcommand it runs the headless command line; with none it opens the desk.
The window path parses only the window's own options and loads nothing heavy
before the window shows; Qt and the window's modules are never loaded for a
command, so the scripts hospital IT runs never load Qt.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from collections.abc import Sequence

from desktop import __version__
from desktop.cli.exit_codes import ExitCode
from desktop.cli.window_options import window_parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    try:
        window_args, rest = window_parser().parse_known_args(arguments)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    if not rest:
        return open_desk(window_args)
    from desktop.cli.app import build_parser, parse, run_command  # noqa: PLC0415 - commands only

    args = parse(build_parser(), arguments)
    if isinstance(args, int):
        return args
    if args.command is not None:
        return run_command(args)
    if args.self_test:
        return self_test()
    return open_desk(args)


def open_desk(args: argparse.Namespace) -> int:
    from desktop.config.logging_setup import configure_logging  # noqa: PLC0415
    from desktop.config.settings import SettingsError, load_settings  # noqa: PLC0415
    from desktop.ui.app import DeskOptions, run_desk  # noqa: PLC0415 - Qt only for the window
    from desktop.ui.operator import Operator  # noqa: PLC0415

    try:
        settings = load_settings({"data_dir": args.window_data_dir})
    except SettingsError as error:
        print(f"错误：{error.message_zh}\nerror: {error.message_en}", file=sys.stderr)
        show_start_failure(error.message_zh, error.message_en)
        return int(ExitCode.BAD_INPUT)
    configure_logging(
        settings.data_dir, args.window_debug, [settings.client_secret.get_secret_value()]
    )
    logging.getLogger("blood-desk").info(
        "blood-desk %s starting: data %s, platform %s, workstation %s",
        __version__,
        settings.data_dir,
        settings.service_url or "training",
        settings.workstation,
    )
    operator = None
    if args.operator:
        name, _, number = args.operator.partition(":")
        operator = Operator(name.strip(), number.strip() or name.strip())
    return run_desk(DeskOptions(settings, operator, args.language))


def show_start_failure(message_zh: str, message_en: str) -> None:
    """The desk cannot start: say why in a window too (a Windows GUI build has no console)."""
    from PySide6.QtWidgets import QApplication, QMessageBox  # noqa: PLC0415

    app = QApplication.instance() or QApplication([sys.argv[0]])
    QMessageBox.critical(None, "blood-desk", f"{message_zh}\n\n{message_en}")
    app.processEvents()


def self_test() -> int:
    """The installation check: platform steps, then the window, then a verdict."""
    from desktop.cli.self_test import StepResult, print_report, run_platform_steps  # noqa: PLC0415

    results = run_platform_steps()
    if all(result.ok for result in results):
        from desktop.ui.self_test_window import open_and_close_window  # noqa: PLC0415

        started = time.perf_counter()
        try:
            detail, ok = open_and_close_window(), True
        except Exception as error:
            detail, ok = f"{type(error).__name__}: {error}", False
        results.append(
            StepResult("open and close the window", ok, detail, time.perf_counter() - started)
        )
    return int(ExitCode.OK) if print_report(results) else int(ExitCode.FAILURE)
