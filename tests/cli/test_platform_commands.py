"""`blood-desk check | sync | bill | bags | training-platform` and the exit codes IT relies on."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from training import running_platform

from desktop.config.settings import ENV_VARS
from desktop.main import main
from desktop.training.platform import TrainingPlatform


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for variable in ENV_VARS.values():
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv(ENV_VARS["data_dir"], str(tmp_path))


@pytest.fixture(scope="module")
def platform() -> Iterator[TrainingPlatform]:
    with running_platform() as running:
        yield running


def point_at(monkeypatch: pytest.MonkeyPatch, platform: TrainingPlatform, secret: str = "") -> None:
    assert platform.urls is not None
    monkeypatch.setenv(ENV_VARS["token_url"], platform.urls.token_url)
    monkeypatch.setenv(ENV_VARS["service_url"], platform.urls.service_url)
    monkeypatch.setenv(ENV_VARS["dispatch_url"], platform.urls.dispatch_url)
    monkeypatch.setenv(ENV_VARS["client_id"], platform.options.client_id)
    monkeypatch.setenv(ENV_VARS["client_secret"], secret or platform.options.client_secret)


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, object]:
    code = main([*args, "--json"])
    return code, json.loads(capsys.readouterr().out)


def test_check_passes_against_a_configured_platform(
    monkeypatch: pytest.MonkeyPatch, platform: TrainingPlatform, capsys: pytest.CaptureFixture[str]
) -> None:
    point_at(monkeypatch, platform)
    code, report = run_json(capsys, "check")
    assert code == 0
    assert isinstance(report, dict)
    assert report["ok"] is True
    assert report["training"] is False
    assert [step["step"] for step in report["steps"]] == ["token", "wsdl", "soap", "dispatch"]


def test_check_with_no_platform_uses_the_training_platform(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["check"]) == 0
    output = capsys.readouterr().out
    assert "培训模式" in output
    assert "通过" in output


def test_wrong_secret_exits_3_and_never_prints_it(
    monkeypatch: pytest.MonkeyPatch, platform: TrainingPlatform, capsys: pytest.CaptureFixture[str]
) -> None:
    point_at(monkeypatch, platform, secret="wrong-secret-value")
    assert main(["check"]) == 3
    captured = capsys.readouterr()
    assert "wrong-secret-value" not in captured.out + captured.err
    assert "失败" in captured.out


def test_unreachable_platform_exits_4(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with running_platform() as stopped:
        pass
    point_at(monkeypatch, stopped)
    assert main(["sync"]) == 4
    assert "错误" in capsys.readouterr().err


def test_partial_configuration_exits_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(ENV_VARS["token_url"], "http://127.0.0.1:9/oauth/token")
    assert main(["sync"]) == 2
    assert "不完整" in capsys.readouterr().err


def test_sync_counts(
    monkeypatch: pytest.MonkeyPatch, platform: TrainingPlatform, capsys: pytest.CaptureFixture[str]
) -> None:
    point_at(monkeypatch, platform)
    code, report = run_json(capsys, "sync")
    assert code == 0
    assert isinstance(report, dict)
    assert report["counts"]["diseases"] >= 2000
    assert report["counts"]["dispatchList"] > 0
    assert report["facility"]["type"] == "HOSPITAL"


def test_bill_and_bags(
    monkeypatch: pytest.MonkeyPatch, platform: TrainingPlatform, capsys: pytest.CaptureFixture[str]
) -> None:
    point_at(monkeypatch, platform)
    bill = platform.state.dispatch_new_bill(None, 3)
    code, shown = run_json(capsys, "bill", bill.id)
    assert code == 0
    assert isinstance(shown, dict)
    bag_ids = [bag["bloodBagId"] for bag in shown["bloodBags"]]
    assert len(bag_ids) == 3
    code, bags = run_json(capsys, "bags", *bag_ids[:2])
    assert code == 0
    assert isinstance(bags, list)
    assert [bag["id"] for bag in bags] == bag_ids[:2]
    assert main(["bill", bill.id]) == 0
    assert bill.id in capsys.readouterr().out


def test_unknown_bill_exits_5(
    monkeypatch: pytest.MonkeyPatch, platform: TrainingPlatform, capsys: pytest.CaptureFixture[str]
) -> None:
    point_at(monkeypatch, platform)
    assert main(["bill", "NO-SUCH-BILL"]) == 5
    assert "NO-SUCH-BILL" in capsys.readouterr().err


def test_training_platform_command_serves_until_terminated(tmp_path: Path) -> None:
    environment = {
        key: value for key, value in os.environ.items() if not key.startswith("BLOOD_DESK_")
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "desktop", "training-platform", "--json", "--service-port", "0"],
        stdout=subprocess.PIPE,
        text=True,
        env=environment,
    )
    try:
        assert process.stdout is not None
        lines = []
        while not lines or lines[-1] != "}":
            lines.append(process.stdout.readline().rstrip("\n"))
        urls = json.loads("\n".join(lines))
        check = subprocess.run(
            [sys.executable, "-m", "desktop", "check"],
            env={
                **environment,
                ENV_VARS["data_dir"]: str(tmp_path),
                ENV_VARS["token_url"]: urls["token_url"],
                ENV_VARS["service_url"]: urls["service_url"],
                ENV_VARS["dispatch_url"]: urls["dispatch_url"],
                ENV_VARS["client_id"]: urls["client_id"],
                ENV_VARS["client_secret"]: urls["client_secret"],
            },
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert check.returncode == 0, check.stdout + check.stderr
    finally:
        process.send_signal(signal.SIGTERM)
        returncode = process.wait(timeout=30)
        if process.stdout is not None:
            process.stdout.close()
    assert returncode == 0


def test_bad_faults_option_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["training-platform", "--faults", "error=2"]) == 2
    assert "--faults" in capsys.readouterr().out
