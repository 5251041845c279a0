"""Run the training platform in its own process for benchmarks, so it does not share our GIL."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


@contextmanager
def training_process(*options: str) -> Iterator[dict[str, Any]]:
    """Start `blood-desk training-platform --json OPTIONS`; yields its URLs and credentials."""
    process = subprocess.Popen(
        [sys.executable, "-m", "desktop", "training-platform", "--json", *options],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        lines: list[str] = []
        while not lines or lines[-1] != "}":
            line = process.stdout.readline()
            if not line:
                raise RuntimeError("the training platform exited before printing its URLs")
            lines.append(line.rstrip("\n"))
        yield json.loads("\n".join(lines))
    finally:
        process.terminate()
        process.wait(timeout=30)
        if process.stdout is not None:
            process.stdout.close()
