"""Printing for the command line: bilingual lines for people, JSON for scripts."""

from __future__ import annotations

import json
import sys
from typing import Any

from desktop.cli.exit_codes import ExitCode, exit_code_for
from desktop.config.settings import SettingsError
from desktop.platform.errors import PlatformError


def emit_json(payload: Any) -> None:
    json.dump(payload, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def say(zh: str, en: str) -> None:
    print(f"{zh}\n  {en}")


def report_error(error: PlatformError | SettingsError, as_json: bool) -> int:
    code = ExitCode.BAD_INPUT if isinstance(error, SettingsError) else exit_code_for(error)
    if as_json:
        emit_json(
            {
                "ok": False,
                "error": type(error).__name__,
                "message_zh": error.message_zh,
                "message_en": error.message_en,
                "exit_code": int(code),
            }
        )
    else:
        print(f"错误：{error.message_zh}\nerror: {error.message_en}", file=sys.stderr)
    return int(code)
