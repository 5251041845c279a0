"""`blood-desk receive | takeout | cancel FILE.json` and `blood-desk outbox [send]`."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from paperwork import cancel, receive, takeout
from training import admin_state, new_bill, running_platform

from desktop.cli.exit_codes import ExitCode
from desktop.config.settings import ENV_VARS
from desktop.main import main
from desktop.training.platform import TrainingPlatform


@pytest.fixture(scope="module")
def platform() -> Iterator[TrainingPlatform]:
    with running_platform() as running:
        yield running


@pytest.fixture(autouse=True)
def environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, platform: TrainingPlatform
) -> None:
    for variable in ENV_VARS.values():
        monkeypatch.delenv(variable, raising=False)
    assert platform.urls is not None
    monkeypatch.setenv(ENV_VARS["data_dir"], str(tmp_path / "data"))
    monkeypatch.setenv(ENV_VARS["token_url"], platform.urls.token_url)
    monkeypatch.setenv(ENV_VARS["service_url"], platform.urls.service_url)
    monkeypatch.setenv(ENV_VARS["dispatch_url"], platform.urls.dispatch_url)
    monkeypatch.setenv(ENV_VARS["client_id"], platform.options.client_id)
    monkeypatch.setenv(ENV_VARS["client_secret"], platform.options.client_secret)
    monkeypatch.setenv(ENV_VARS["workstation"], "CLI1")


def write(tmp_path: Path, name: str, document: dict[str, Any]) -> str:
    path = tmp_path / name
    path.write_text(json.dumps(document, ensure_ascii=False, default=str), encoding="utf-8")
    return str(path)


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict[str, Any]]:
    code = main([*args, "--json"])
    answer: dict[str, Any] = json.loads(capsys.readouterr().out)
    return code, answer


def test_a_chain_recorded_from_files_reaches_the_platform(
    tmp_path: Path, platform: TrainingPlatform, capsys: pytest.CaptureFixture[str]
) -> None:
    bill = new_bill(platform, bags=3)
    bags = [bag.blood_bag_id for bag in bill.blood_bags]
    code, answer = run_json(capsys, "receive", write(tmp_path, "rk.json", receive(bill.id, bags)))
    assert code == ExitCode.OK
    assert answer["saved"] is True
    assert answer["item"]["state"] == "acknowledged"
    received = answer["item"]["number"]
    code, answer = run_json(capsys, "takeout", write(tmp_path, "ck.json", takeout(bags[:2])))
    assert (code, answer["item"]["state"]) == (ExitCode.OK, "acknowledged")
    out_number = answer["item"]["number"]
    code = main(["cancel", write(tmp_path, "qx.json", cancel(out_number, bags[:1]))])
    printed = capsys.readouterr().out
    assert code == ExitCode.OK
    assert "已保存 取消出库单" in printed
    assert "上传状态：已上传" in printed
    state = admin_state(platform)
    assert received in [entry["document"]["internalId"] for entry in state["receipts"]]
    assert out_number in [entry["document"]["refId"] for entry in state["cancels"]]


def test_an_invalid_document_is_explained_in_chinese_and_not_saved(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = takeout(["B1"])
    del document["outStock"]["commitTime"]
    code = main(["takeout", write(tmp_path, "bad.json", document)])
    errors = capsys.readouterr().err
    assert code == ExitCode.BAD_INPUT
    assert "outStock.commitTime: 必填项" in errors
    code, answer = run_json(capsys, "outbox", "--all")
    assert (code, answer["items"]) == (ExitCode.OK, [])


def test_a_takeout_of_bags_not_in_stock_is_not_saved(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, answer = run_json(capsys, "takeout", write(tmp_path, "ck.json", takeout(["NOPE1"])))
    assert code == ExitCode.BAD_INPUT
    assert answer["saved"] is False
    assert "不在本院库存中" in answer["message_zh"]


def test_a_refused_document_exits_5_and_stays_saved_for_attention(
    tmp_path: Path, platform: TrainingPlatform, capsys: pytest.CaptureFixture[str]
) -> None:
    bill = new_bill(platform, bags=2)
    bags = [bag.blood_bag_id for bag in bill.blood_bags]
    assert main(["receive", write(tmp_path, "rk.json", receive(bill.id, bags))]) == 0
    capsys.readouterr()
    refused = takeout(bags, kind=1002, otherhosId=31000001)
    code, answer = run_json(capsys, "takeout", write(tmp_path, "ck.json", refused))
    assert code == ExitCode.PLATFORM_REFUSED
    assert answer["item"]["state"] == "needs_attention"
    assert "31000001" in answer["item"]["error"]["platform_message"]
    code, listing = run_json(capsys, "outbox")
    assert listing["counts"]["needs_attention"] == 1
    assert main(["outbox", "send"]) == ExitCode.PLATFORM_REFUSED


def test_offline_a_receipt_needs_its_bill_kept_locally(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed = probe.getsockname()[1]
    for name in ("token_url", "service_url", "dispatch_url"):
        monkeypatch.setenv(ENV_VARS[name], f"http://127.0.0.1:{closed}/{name}")
    code, answer = run_json(capsys, "receive", write(tmp_path, "rk.json", receive("FX-X", ["B1"])))
    assert code == ExitCode.PLATFORM_UNREACHABLE
    assert answer["saved"] is False
    assert "无法从平台取得血袋信息" in answer["message_zh"]


def test_offline_saves_then_send_delivers(
    tmp_path: Path,
    platform: TrainingPlatform,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    bill = new_bill(platform, bags=2)
    bags = [bag.blood_bag_id for bag in bill.blood_bags]
    assert main(["receive", write(tmp_path, "rk.json", receive(bill.id, bags))]) == 0
    capsys.readouterr()
    assert platform.urls is not None
    online = platform.urls.service_url
    monkeypatch.setenv(ENV_VARS["service_url"], online.replace("/synergyplatform", "/gone"))
    code, answer = run_json(capsys, "takeout", write(tmp_path, "ck.json", takeout(bags)))
    assert code == ExitCode.OK
    assert answer["item"]["state"] == "pending"
    code, listing = run_json(capsys, "outbox")
    assert listing["counts"]["waiting"] == 1
    assert listing["deadline"]["unsent_today"] in (0, 1)
    assert main(["outbox", "send"]) == ExitCode.PLATFORM_UNREACHABLE
    capsys.readouterr()
    monkeypatch.setenv(ENV_VARS["service_url"], online)
    code, sent = run_json(capsys, "outbox", "send")
    assert code == ExitCode.OK
    assert sent["counts"] == {"waiting": 0, "in_doubt": 0, "needs_attention": 0}


def test_rejected_credentials_pause_and_send_resumes_after_the_fix(
    tmp_path: Path,
    platform: TrainingPlatform,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    bill = new_bill(platform, bags=1)
    bags = [bag.blood_bag_id for bag in bill.blood_bags]
    assert main(["receive", write(tmp_path, "rk.json", receive(bill.id, bags))]) == 0
    capsys.readouterr()
    monkeypatch.setenv(ENV_VARS["client_secret"], "wrong")
    code, answer = run_json(capsys, "takeout", write(tmp_path, "ck.json", takeout(bags)))
    assert code == ExitCode.CREDENTIALS_REJECTED
    assert answer["saved"] is True
    assert answer["item"]["state"] == "pending"
    code = main(["outbox"])
    assert "上传已暂停" in capsys.readouterr().out
    monkeypatch.setenv(ENV_VARS["client_secret"], platform.options.client_secret)
    assert main(["outbox", "send"]) == ExitCode.OK
