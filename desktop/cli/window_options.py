"""The options of the window itself (`blood-desk` with no command): parsed before anything heavy.

`desktop.main` reads these first with `parse_known_args`; only when something
is left over (a command, --help, --version, --self-test) does it build the
full command line, whose modules load the store and the network stack.
"""

from __future__ import annotations

import argparse

from desktop import __version__


def window_parser(add_help: bool = False) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="blood-desk", add_help=add_help)
    # Answered here too, so that `--version` never loads the command modules.
    parser.add_argument("--version", action="version", version=f"blood-desk {__version__}")
    window = parser.add_argument_group("the desk window / 柜台窗口")
    # Its own dest: a subcommand's --data-dir default would otherwise overwrite this one.
    window.add_argument("--data-dir", dest="window_data_dir", default=None, help="local data")
    window.add_argument("--debug", dest="window_debug", action="store_true", help="verbose logs")
    window.add_argument(
        "--operator",
        default=None,
        metavar="NAME:STAFF_NO",
        help="the clerk on duty, e.g. 张三:1001",
    )
    window.add_argument("--language", choices=("zh_CN", "en"), default=None)
    return parser
