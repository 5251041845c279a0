"""The composition root: the one module that chooses between the window and the CLI.

With a subcommand it runs the headless command line; with none it opens the desk.
The window's modules (and Qt) are imported only on that second path, so scripts
that hospital IT run never load Qt.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from desktop.cli.app import build_parser, run_command


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    return run_command(build_parser(), args)
