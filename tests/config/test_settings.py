"""Settings: sources and their precedence, validation messages, the settings file."""

from __future__ import annotations

import json
import os
import socket
import stat
from pathlib import Path

import platformdirs
import pytest

from desktop.config.settings import (
    Language,
    Settings,
    SettingsError,
    default_data_dir,
    load_settings,
    save_settings,
)

TOKEN = "http://10.107.135.13:8100/oauth/token"
SERVICE = "http://10.107.135.13:8101/synergyplatform/soap/CustomerLinkService"
DISPATCH = "https://10.107.135.13/api/dispatchin/list"
SECRET = "Tr0ub4dor&3+/="
PLATFORM_ENV = {
    "BLOOD_DESK_TOKEN_URL": TOKEN,
    "BLOOD_DESK_SERVICE_URL": SERVICE,
    "BLOOD_DESK_DISPATCH_URL": DISPATCH,
    "BLOOD_DESK_CLIENT_ID": "H310101",
}


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


def write_file(data_dir: Path, values: object) -> Path:
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / "settings.json"
    path.write_text(json.dumps(values), encoding="utf-8")
    return path


def load(data_dir: Path, env: dict[str, str] | None = None, /, **flags: object) -> Settings:
    return load_settings({"data_dir": data_dir, **flags}, environ=env or {})


def settings_error(
    data_dir: Path, env: dict[str, str] | None = None, /, **flags: object
) -> SettingsError:
    with pytest.raises(SettingsError) as caught:
        load(data_dir, env, **flags)
    return caught.value


def test_defaults(data_dir: Path) -> None:
    settings = load(data_dir)
    assert settings.data_dir == data_dir
    assert not settings.platform_configured
    assert settings.token_url is settings.service_url is settings.dispatch_url is None
    assert settings.verify_tls is True
    assert settings.ca_bundle is None
    assert settings.connect_timeout_s == 5
    assert settings.read_timeout_s == 30
    assert settings.operation_timeout_s == 60
    assert settings.poll_interval_s == 60
    assert settings.workstation == socket.gethostname()
    assert settings.language is Language.ZH_CN


def test_default_data_dir_is_platformdirs(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    expected = Path(platformdirs.user_data_dir("blood-desk", appauthor=False))
    assert default_data_dir() == expected
    assert load_settings(environ={}).data_dir == expected


@pytest.mark.parametrize(
    ("variable", "value", "field", "expected"),
    [
        ("BLOOD_DESK_TOKEN_URL", TOKEN, "token_url", TOKEN),
        ("BLOOD_DESK_SERVICE_URL", SERVICE, "service_url", SERVICE),
        ("BLOOD_DESK_DISPATCH_URL", DISPATCH, "dispatch_url", DISPATCH),
        ("BLOOD_DESK_CLIENT_ID", "H999", "client_id", "H999"),
        ("BLOOD_DESK_VERIFY_TLS", "false", "verify_tls", False),
        ("BLOOD_DESK_WORKSTATION", "counter-2", "workstation", "counter-2"),
    ],
)
def test_each_environment_variable(
    data_dir: Path, variable: str, value: str, field: str, expected: object
) -> None:
    # One URL alone is a partial configuration, so the others come from the file.
    write_file(
        data_dir,
        {"token_url": TOKEN, "service_url": SERVICE, "dispatch_url": DISPATCH, "client_id": "H1"},
    )
    assert getattr(load(data_dir, {variable: value}), field) == expected


def test_client_secret_from_environment(data_dir: Path) -> None:
    settings = load(data_dir, {"BLOOD_DESK_CLIENT_SECRET": SECRET})
    assert settings.client_secret.get_secret_value() == SECRET


def test_ca_bundle_from_environment(data_dir: Path, tmp_path: Path) -> None:
    bundle = tmp_path / "ca.pem"
    bundle.write_text("-----BEGIN CERTIFICATE-----\n")
    assert load(data_dir, {"BLOOD_DESK_CA_BUNDLE": str(bundle)}).ca_bundle == bundle


def test_data_dir_from_environment_chooses_the_settings_file(tmp_path: Path) -> None:
    data_dir = tmp_path / "from-env"
    write_file(data_dir, {"read_timeout_s": 12})
    settings = load_settings(environ={"BLOOD_DESK_DATA_DIR": str(data_dir)})
    assert settings.data_dir == data_dir
    assert settings.read_timeout_s == 12


def test_data_dir_flag_beats_environment(tmp_path: Path) -> None:
    flagged = tmp_path / "flag"
    settings = load_settings(
        {"data_dir": flagged}, environ={"BLOOD_DESK_DATA_DIR": str(tmp_path / "env")}
    )
    assert settings.data_dir == flagged


def test_precedence_flags_environment_file_defaults(data_dir: Path) -> None:
    write_file(
        data_dir,
        {
            **{"token_url": TOKEN, "service_url": SERVICE, "dispatch_url": DISPATCH},
            "client_id": "file",
            "workstation": "file",
            "read_timeout_s": 11,
        },
    )
    env = {"BLOOD_DESK_CLIENT_ID": "env", "BLOOD_DESK_WORKSTATION": "env"}
    settings = load(data_dir, env, workstation="flag")
    assert settings.workstation == "flag"
    assert settings.client_id == "env"
    assert settings.read_timeout_s == 11
    assert settings.connect_timeout_s == 5


def test_flags_given_as_none_are_not_given(data_dir: Path) -> None:
    settings = load(data_dir, {"BLOOD_DESK_WORKSTATION": "env"}, workstation=None)
    assert settings.workstation == "env"


def test_empty_environment_variable_is_unset(data_dir: Path) -> None:
    settings = load(data_dir, {"BLOOD_DESK_TOKEN_URL": "", "BLOOD_DESK_WORKSTATION": "  "})
    assert settings.token_url is None
    assert settings.workstation == socket.gethostname()


def test_flag_strings_are_converted(data_dir: Path) -> None:
    settings = load(data_dir, read_timeout_s="45", verify_tls="no", language="en")
    assert settings.read_timeout_s == 45.0
    assert settings.verify_tls is False
    assert settings.language is Language.EN


def test_full_platform_configuration(data_dir: Path) -> None:
    settings = load(data_dir, {**PLATFORM_ENV, "BLOOD_DESK_CLIENT_SECRET": SECRET})
    assert settings.platform_configured
    assert settings.wsdl_url == SERVICE + "?wsdl"


def test_trailing_slashes_are_dropped(data_dir: Path) -> None:
    env = {name: value + "/" for name, value in PLATFORM_ENV.items() if name.endswith("_URL")}
    settings = load(data_dir, {**env, "BLOOD_DESK_CLIENT_ID": "H1"})
    assert (settings.token_url, settings.service_url, settings.dispatch_url) == (
        TOKEN,
        SERVICE,
        DISPATCH,
    )
    assert settings.wsdl_url == SERVICE + "?wsdl"


def test_partial_platform_configuration_names_what_is_missing(data_dir: Path) -> None:
    error = settings_error(data_dir, {"BLOOD_DESK_TOKEN_URL": TOKEN})
    assert "平台地址配置不完整" in error.message_zh
    assert "业务服务地址" in error.message_zh
    assert "发血单列表地址" in error.message_zh
    assert "service URL" in error.message_en
    assert "dispatch list URL" in error.message_en
    assert "training platform" in error.message_en


def test_platform_without_client_id_is_refused(data_dir: Path) -> None:
    env = {name: value for name, value in PLATFORM_ENV.items() if name != "BLOOD_DESK_CLIENT_ID"}
    error = settings_error(data_dir, env)
    assert "客户编号" in error.message_zh


@pytest.mark.parametrize(
    ("url", "zh_fragment"),
    [
        ("ftp://10.107.135.13/oauth/token", "http:// 或 https://"),
        ("10.107.135.13:8100/oauth/token", "http:// 或 https://"),
        ("http:///oauth/token", "完整网址"),
        ("http://10.107.135.13:99999/oauth/token", "端口号无效"),
        ("http://10.107 .135.13/oauth/token", "空格"),
        ("http://10.107.135.13/oauth/token?x=1", "“?”"),
    ],
)
def test_bad_urls(data_dir: Path, url: str, zh_fragment: str) -> None:
    error = settings_error(data_dir, {"BLOOD_DESK_TOKEN_URL": url})
    assert zh_fragment in error.message_zh
    assert "令牌地址" in error.message_zh
    assert "BLOOD_DESK_TOKEN_URL" in error.message_zh
    assert "token URL" in error.message_en


def test_url_with_password_is_refused_without_echoing_it(data_dir: Path) -> None:
    error = settings_error(
        data_dir, {"BLOOD_DESK_TOKEN_URL": "http://admin:hunter2@10.1.1.1/oauth/token"}
    )
    assert "用户名或密码" in error.message_zh
    assert "hunter2" not in str(error)


@pytest.mark.parametrize(
    ("field", "value", "zh_fragment"),
    [
        ("connect_timeout_s", -1, "大于 0"),
        ("read_timeout_s", 0, "大于 0"),
        ("operation_timeout_s", "nan", "大于 0"),
        ("poll_interval_s", "inf", "大于 0"),
        ("read_timeout_s", "soon", "应为数字"),
        ("read_timeout_s", True, "秒数"),
        ("verify_tls", "maybe", "true 或 false"),
        ("language", "fr", "zh_CN 或 en"),
        ("workstation", "   ", "不能为空"),
        ("timeout", 5, "不是已知的设置项"),
    ],
)
def test_bad_values_give_settings_error_in_chinese(
    data_dir: Path, field: str, value: object, zh_fragment: str
) -> None:
    error = settings_error(data_dir, **{field: value})
    assert zh_fragment in error.message_zh
    assert "命令行参数" in error.message_zh
    assert "请改正后重新启动" in error.message_zh
    assert error.message_en.startswith("Bad settings")


def test_missing_ca_bundle(data_dir: Path) -> None:
    error = settings_error(data_dir, {"BLOOD_DESK_CA_BUNDLE": "/nonexistent/ca.pem"})
    assert "CA 证书文件" in error.message_zh
    assert "/nonexistent/ca.pem" in error.message_zh
    assert "BLOOD_DESK_CA_BUNDLE" in error.message_en


def test_relative_ca_bundle_is_found_in_the_data_dir(data_dir: Path) -> None:
    data_dir.mkdir()
    (data_dir / "site-ca.pem").write_text("-----BEGIN CERTIFICATE-----\n")
    write_file(data_dir, {"ca_bundle": "site-ca.pem"})
    assert load(data_dir).ca_bundle == data_dir / "site-ca.pem"


def test_errors_from_the_file_name_the_file(data_dir: Path) -> None:
    path = write_file(data_dir, {"connect_timeout_s": -2})
    error = settings_error(data_dir)
    assert f"设置文件 {path}" in error.message_zh


def test_several_problems_are_reported_together(data_dir: Path) -> None:
    error = settings_error(data_dir, {"BLOOD_DESK_TOKEN_URL": "nope"}, read_timeout_s=-1)
    assert "令牌地址" in error.message_zh
    assert "读取超时" in error.message_zh


def test_secret_never_in_errors_or_repr(data_dir: Path) -> None:
    env = {"BLOOD_DESK_CLIENT_SECRET": SECRET, "BLOOD_DESK_TOKEN_URL": "bad"}
    error = settings_error(data_dir, env)
    assert SECRET not in str(error)
    assert error.__cause__ is None
    assert error.__suppress_context__
    settings = load(data_dir, {"BLOOD_DESK_CLIENT_SECRET": SECRET})
    assert SECRET not in repr(settings)
    assert SECRET not in str(settings)


@pytest.mark.parametrize(
    ("content", "zh_fragment"),
    [
        (b"{not json", "不是合法的 JSON"),
        (b"[1, 2]", "JSON 对象"),
        (b"\xff\xfe{}", "无法读取"),
        (json.dumps({"client_secret": "x"}).encode(), "不能保存密码"),
        (json.dumps({"data_dir": "/elsewhere"}).encode(), "不能设置数据目录"),
    ],
)
def test_invalid_settings_file_is_an_error_and_is_kept(
    data_dir: Path, content: bytes, zh_fragment: str
) -> None:
    data_dir.mkdir()
    path = data_dir / "settings.json"
    path.write_bytes(content)
    error = settings_error(data_dir)
    assert zh_fragment in error.message_zh
    assert str(path) in error.message_zh
    assert path.read_bytes() == content


def test_unreadable_settings_file(data_dir: Path) -> None:
    (data_dir / "settings.json").mkdir(parents=True)
    error = settings_error(data_dir)
    assert "无法读取设置文件" in error.message_zh


def test_with_platform_fills_the_platform(data_dir: Path) -> None:
    settings = load(data_dir, read_timeout_s=7).with_platform(
        TOKEN, SERVICE + "/", DISPATCH, "trainee", SECRET
    )
    assert settings.platform_configured
    assert settings.service_url == SERVICE
    assert settings.client_id == "trainee"
    assert settings.client_secret.get_secret_value() == SECRET
    assert settings.read_timeout_s == 7


def test_with_platform_validates(data_dir: Path) -> None:
    with pytest.raises(SettingsError, match="令牌地址"):
        load(data_dir).with_platform("nope", SERVICE, DISPATCH, "trainee", SECRET)


def test_saved_file_is_owner_only_without_secret_or_defaults(data_dir: Path) -> None:
    settings = load(
        data_dir,
        {**PLATFORM_ENV, "BLOOD_DESK_CLIENT_SECRET": SECRET},
        read_timeout_s=45,
        language="en",
    )
    path = save_settings(settings)
    assert path == data_dir / "settings.json"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    text = path.read_text(encoding="utf-8")
    assert SECRET not in text
    saved = json.loads(text)
    assert "client_secret" not in saved
    assert "data_dir" not in saved
    assert "connect_timeout_s" not in saved
    assert "workstation" not in saved
    assert saved["read_timeout_s"] == 45
    assert saved["token_url"] == TOKEN
    assert os.listdir(data_dir) == ["settings.json"]


def test_saved_settings_load_back(data_dir: Path) -> None:
    original = load(
        data_dir, PLATFORM_ENV, poll_interval_s=15, verify_tls=False, workstation="desk-7"
    )
    save_settings(original)
    assert load(data_dir) == original


def test_save_creates_a_private_data_dir(tmp_path: Path) -> None:
    data_dir = tmp_path / "new" / "data"
    save_settings(load(data_dir, workstation="desk-1"))
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700


def test_save_replaces_a_valid_file(data_dir: Path) -> None:
    write_file(data_dir, {"read_timeout_s": 11})
    save_settings(load(data_dir, read_timeout_s=22))
    assert json.loads((data_dir / "settings.json").read_text())["read_timeout_s"] == 22


def test_save_refuses_to_overwrite_an_invalid_file(data_dir: Path) -> None:
    data_dir.mkdir()
    path = data_dir / "settings.json"
    path.write_bytes(b"{broken")
    with pytest.raises(SettingsError, match="不是合法的 JSON"):
        save_settings(Settings(data_dir=data_dir))
    assert path.read_bytes() == b"{broken"


def test_save_failure_is_a_settings_error(tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where the data directory should be")
    with pytest.raises(SettingsError, match="无法保存设置文件"):
        save_settings(Settings(data_dir=blocker / "data"))
