"""`blood-desk scan TEXT [--json]`: what hospital IT sees when setting up a scanner."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli.exit_codes import ExitCode
from desktop.main import main

ROOT = Path(__file__).resolve().parents[2]


def test_concatenated_label_is_described_in_both_languages(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = main(["scan", "]C0=A99991712345669=%5100\r\n"])

    out = capsys.readouterr().out
    assert code == ExitCode.OK
    assert "AIM 符号标识 / AIM symbology identifier: ]C0" in out
    assert "献血码 [001] / Donation Identification Number [001]" in out
    assert "A999917123456" in out
    assert "校验通过 / check character verified" in out
    assert "O型 RhD阳性 / O RhD positive" in out
    assert "结果 / Result: 有效 / valid" in out


def test_bad_check_flags_exit_with_bad_input(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["scan", "=G12349865432178"])

    out = capsys.readouterr().out
    assert code == ExitCode.BAD_INPUT
    assert "错误 / Errors:" in out
    assert "expected 77" in out
    assert "无效 / not valid" in out


def test_do_not_use_is_a_readable_scan_with_a_warning(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["scan", "=%Md00"])

    out = capsys.readouterr().out
    assert code == ExitCode.OK
    assert "警告 / Warnings:" in out
    assert "不得接收或发出" in out


def test_unreadable_scan_exits_with_bad_input(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scan", "血袋"]) == ExitCode.BAD_INPUT
    assert "无法识别 / unreadable" in capsys.readouterr().out


def test_json_output(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["scan", "=<E0224V00&>0183652359", "--json"])

    payload = json.loads(capsys.readouterr().out)
    assert code == ExitCode.OK
    assert payload["ok"] is True
    assert payload["kind"] == "isbt128"
    product, expiry = payload["structures"]
    assert product["data"]["code"] == "E0224V00"
    assert product["fields"][1]["meaning_zh"] == "血液成分"
    assert expiry["data"]["value"] == "2018-12-31T23:59:00+08:00"
    assert expiry["title_zh"] == "失效日期和时间 [005]"
    assert payload["errors"] == []


def test_json_output_keeps_chinese_readable(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["scan", "--json", "=G12349865432178"])

    raw = capsys.readouterr().out
    payload = json.loads(raw)
    assert code == ExitCode.BAD_INPUT
    assert "献血码" in raw  # ensure_ascii=False
    (error,) = payload["errors"]
    assert error["code"] == "check_mismatch"
    assert error["message_zh"]
    assert payload["structures"][0]["data"]["verdict"] == "mismatch"


def test_real_process() -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "desktop", "scan", "--json", "G123498654321 H"],
        capture_output=True,
        cwd=ROOT,
        check=False,
        encoding="utf-8",
        timeout=60,
    )

    assert completed.returncode == ExitCode.OK, completed.stderr
    payload = json.loads(completed.stdout)
    assert payload["kind"] == "keyed_din"
    assert payload["structures"][0]["data"]["verdict"] == "verified"
