"""The desk's settings: one typed, immutable object read from flags, environment, file, defaults.

Sources, highest first: command-line overrides, the environment (`ENV_VARS`, a
contract with hospital IT), `settings.json` in the data directory, defaults.
The data directory itself comes only from a flag, `BLOOD_DESK_DATA_DIR` or
platformdirs, since the settings file lives inside it.

The client secret is never written to the settings file: it belongs in the
SecretStore (`desktop.config.secret_store`: the OS keyring, or an owner-only
file where there is none; `save_client_secret` puts it there) or in
`BLOOD_DESK_CLIENT_SECRET` for scripted installs, and a settings file that
holds one is refused rather than silently stripped on the next save.

The three platform URLs are full endpoint addresses, e.g.
`http://10.107.135.13:8100/oauth/token`,
`http://10.107.135.13:8101/synergyplatform/soap/CustomerLinkService` and
`https://…/api/dispatchin/list`; a trailing slash is dropped. With none of them
set the desk runs against its training platform (see `Settings.with_platform`).
"""

from __future__ import annotations

import json
import math
import os
import socket
import tempfile
from collections.abc import Mapping
from datetime import time
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Final, NamedTuple
from urllib.parse import urlsplit, urlunsplit

import platformdirs
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    SecretStr,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import ErrorDetails

if TYPE_CHECKING:
    from desktop.config.secret_store import SecretStore

SETTINGS_FILE_NAME: Final = "settings.json"

ENV_VARS: Final[Mapping[str, str]] = {
    "token_url": "BLOOD_DESK_TOKEN_URL",
    "service_url": "BLOOD_DESK_SERVICE_URL",
    "dispatch_url": "BLOOD_DESK_DISPATCH_URL",
    "client_id": "BLOOD_DESK_CLIENT_ID",
    "client_secret": "BLOOD_DESK_CLIENT_SECRET",
    "ca_bundle": "BLOOD_DESK_CA_BUNDLE",
    "data_dir": "BLOOD_DESK_DATA_DIR",
    "verify_tls": "BLOOD_DESK_VERIFY_TLS",
    "workstation": "BLOOD_DESK_WORKSTATION",
}

_URL_FIELDS: Final = ("token_url", "service_url", "dispatch_url")

_LABELS: Final[Mapping[str, tuple[str, str]]] = {
    "token_url": ("令牌地址", "token URL"),
    "service_url": ("业务服务地址", "service URL"),
    "dispatch_url": ("发血单列表地址", "dispatch list URL"),
    "client_id": ("客户编号", "client id"),
    "client_secret": ("密码", "client secret"),
    "ca_bundle": ("CA 证书文件", "CA bundle"),
    "verify_tls": ("证书校验", "TLS verification"),
    "connect_timeout_s": ("连接超时（秒）", "connect timeout (s)"),
    "read_timeout_s": ("读取超时（秒）", "read timeout (s)"),
    "operation_timeout_s": ("业务调用超时（秒）", "SOAP operation timeout (s)"),
    "poll_interval_s": ("发血单轮询间隔（秒）", "dispatch list polling interval (s)"),
    "workstation": ("工作站名称", "workstation name"),
    "language": ("界面语言", "language"),
    "scanner_port": ("扫码枪串口", "scanner serial port"),
    "scanner_baud": ("扫码枪波特率", "scanner baud rate"),
    "sound_enabled": ("提示音", "sound"),
    "deadline_thresholds": ("零点上报提醒时间", "midnight deadline warning times"),
    "retention_days": ("患者信息保留天数", "patient data retention (days)"),
    "data_dir": ("数据目录", "data directory"),
}

# Problems pydantic finds on its own, in words a hospital IT person can act on.
_PYDANTIC_PROBLEMS: Final[Mapping[str, tuple[str, str]]] = {
    "float_parsing": ("应为数字", "must be a number"),
    "float_type": ("应为数字", "must be a number"),
    "bool_parsing": ("应为 true 或 false", "must be true or false"),
    "bool_type": ("应为 true 或 false", "must be true or false"),
    "string_type": ("应为文字", "must be text"),
    "path_type": ("应为文件路径", "must be a file path"),
    "enum": ("应为 zh_CN 或 en", "must be zh_CN or en"),
    "extra_forbidden": ("不是已知的设置项（拼写错误？）", "is not a known setting (a typo?)"),
}

_ADVICE_ZH: Final = "请改正后重新启动；如需帮助，请联系医院信息科。"
_ADVICE_EN: Final = "Correct it and start again; ask hospital IT if you need help."


class SettingsError(Exception):
    """Settings that cannot be used, with what is wrong and what to do, in Chinese and English."""

    def __init__(self, message_zh: str, message_en: str) -> None:
        super().__init__(f"{message_zh}\n{message_en}")
        self.message_zh = message_zh
        self.message_en = message_en


class _BadValueError(ValueError):
    """Raised inside validators so that the bilingual text survives pydantic's wrapping."""

    def __init__(self, message_zh: str, message_en: str) -> None:
        super().__init__(message_en)
        self.message_zh = message_zh
        self.message_en = message_en


class _Source(NamedTuple):
    zh: str
    en: str


_FLAGS_SOURCE: Final = _Source("命令行参数", "command line")
_SECRET_STORE_SOURCE: Final = _Source("系统凭据管理器", "OS credential store")


class Language(StrEnum):
    ZH_CN = "zh_CN"
    EN = "en"


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir("blood-desk", appauthor=False))


def _blank_is_none(value: object) -> object:
    # An empty value in a file or a form means "not set", not "the current directory".
    if isinstance(value, str) and not value.strip():
        return None
    return value


def _platform_url(value: str | None) -> str | None:
    if value is None:
        return None
    text = value.strip()
    if any(char.isspace() or not char.isprintable() for char in text):
        raise _BadValueError(
            f"“{text}”中含有空格或不可见字符", f"{text!r} contains spaces or control characters"
        )
    parts = urlsplit(text)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise _BadValueError(
            f"“{text}”不是以 http:// 或 https:// 开头的完整网址",
            f"{text!r} is not a full address starting with http:// or https://",
        )
    if parts.username is not None or parts.password is not None:
        # Not echoed: the part before "@" is likely a password.
        raise _BadValueError(
            "网址中不能包含用户名或密码", "the URL must not contain a user name or password"
        )
    if parts.query or parts.fragment:
        raise _BadValueError(
            f"“{text}”不能带“?”或“#”部分", f"{text!r} must not have a ?query or #fragment"
        )
    try:
        _ = parts.port  # reading it is what checks it
    except ValueError:
        raise _BadValueError(
            f"“{text}”的端口号无效", f"{text!r} has an invalid port number"
        ) from None
    return urlunsplit((parts.scheme.lower(), parts.netloc, parts.path.rstrip("/"), "", ""))


def _not_a_bool(value: object) -> object:
    # pydantic would read true as 1.0 s; a yes/no in a duration field is a mistake, not a value.
    if isinstance(value, bool):
        raise _BadValueError("应为秒数，不是是/否", "must be a number of seconds, not true/false")
    return value


def _positive_seconds(value: float) -> float:
    if not math.isfinite(value) or value <= 0:
        raise _BadValueError(
            f"应为大于 0 的秒数（现为 {value}）",
            f"must be a number of seconds above 0, not {value}",
        )
    return value


PlatformUrl = Annotated[str | None, BeforeValidator(_blank_is_none), AfterValidator(_platform_url)]
Seconds = Annotated[float, BeforeValidator(_not_a_bool), AfterValidator(_positive_seconds)]


class Settings(BaseModel):
    """Everything the desk needs to know before it talks to the platform. Immutable."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    # First, so that a relative CA bundle path can be resolved against it.
    data_dir: Path = Field(default_factory=default_data_dir)
    token_url: PlatformUrl = None
    service_url: PlatformUrl = None
    dispatch_url: PlatformUrl = None
    client_id: str = ""
    client_secret: SecretStr = SecretStr("")
    ca_bundle: Annotated[Path | None, BeforeValidator(_blank_is_none)] = None
    verify_tls: bool = True
    connect_timeout_s: Seconds = 5.0
    read_timeout_s: Seconds = 30.0
    operation_timeout_s: Seconds = 60.0
    poll_interval_s: Seconds = 60.0
    workstation: str = Field(default_factory=socket.gethostname)
    language: Language = Language.ZH_CN
    # None: a keyboard-wedge scanner (types like a keyboard); else a serial port name.
    scanner_port: Annotated[str | None, BeforeValidator(_blank_is_none)] = None
    scanner_baud: int = Field(9600, gt=0, le=921_600)
    sound_enabled: bool = True
    # When the status bar warns that today's outflow is not yet on the platform.
    deadline_thresholds: tuple[time, ...] = (time(22, 0), time(23, 30))
    # Days after acknowledgement before patient fields of sent records are purged.
    retention_days: int = Field(30, ge=1, le=3650)

    @field_validator("data_dir")
    @classmethod
    def _absolute_data_dir(cls, value: Path) -> Path:
        # Fixed at load time, so a later change of working directory cannot move the data.
        return value.expanduser().absolute()

    @field_validator("client_id", "workstation")
    @classmethod
    def _stripped(cls, value: str) -> str:
        return value.strip()

    @field_validator("workstation")
    @classmethod
    def _named_workstation(cls, value: str) -> str:
        if not value:
            raise _BadValueError("不能为空", "must not be empty")
        return value

    @field_validator("ca_bundle")
    @classmethod
    def _existing_ca_bundle(cls, value: Path | None, info: ValidationInfo) -> Path | None:
        if value is None:
            return None
        path = value.expanduser()
        data_dir = info.data.get("data_dir")
        if not path.is_absolute() and isinstance(data_dir, Path):
            path = data_dir / path
        if not path.is_file():
            raise _BadValueError(
                f"找不到文件 {path}。请把平台的 CA 证书（PEM 格式）放到该位置，或改正路径",
                f"no file at {path}; put the platform's CA certificate (PEM) there or fix the path",
            )
        return path

    @model_validator(mode="after")
    def _complete_platform(self) -> Settings:
        missing = [name for name in _URL_FIELDS if getattr(self, name) is None]
        if 0 < len(missing) < len(_URL_FIELDS):
            given = [name for name in _URL_FIELDS if name not in missing]
            raise _BadValueError(
                f"平台地址配置不完整：已设置{_zh_list(given)}，缺少{_zh_list(missing)}。"
                "请补全这三个地址；或者全部留空，改用培训平台",
                f"the platform addresses are incomplete: {_en_list(given)} set but "
                f"{_en_list(missing)} missing. Set all three, or none to use the training platform",
            )
        if not missing and not self.client_id:
            raise _BadValueError(
                "已设置平台地址，但缺少客户编号。请填写平台分配给本院的客户编号",
                "the platform addresses are set but the client id is missing; "
                "enter the client id the platform assigned to this hospital",
            )
        return self

    @property
    def platform_configured(self) -> bool:
        return all(getattr(self, name) is not None for name in _URL_FIELDS)

    @property
    def wsdl_url(self) -> str | None:
        return None if self.service_url is None else self.service_url + "?wsdl"

    @property
    def settings_file(self) -> Path:
        return self.data_dir / SETTINGS_FILE_NAME

    def with_platform(
        self,
        token_url: str,
        service_url: str,
        dispatch_url: str,
        client_id: str,
        secret: str | SecretStr,
    ) -> Settings:
        """These settings pointed at another platform (the training platform, typically)."""
        values: dict[str, object] = dict(self)
        values.update(
            token_url=token_url,
            service_url=service_url,
            dispatch_url=dispatch_url,
            client_id=client_id,
            client_secret=secret,
        )
        return _build(values, {})


def _zh_list(fields: list[str]) -> str:
    return "、".join(_LABELS[name][0] for name in fields)


def _en_list(fields: list[str]) -> str:
    return ", ".join(_LABELS[name][1] for name in fields)


def _describe(error: ErrorDetails, sources: Mapping[str, _Source]) -> tuple[str, str]:
    field = str(error["loc"][0]) if error["loc"] else ""
    cause = error.get("ctx", {}).get("error")
    if isinstance(cause, _BadValueError):
        problem = (cause.message_zh, cause.message_en)
    else:
        problem = _PYDANTIC_PROBLEMS.get(error["type"], ("值无效", error["msg"]))
    if not field:
        return problem
    label_zh, label_en = _LABELS.get(field, (field, field))
    source = sources.get(field)
    where_zh = f"（来自{source.zh}）" if source else ""
    where_en = f" (from {source.en})" if source else ""
    return (
        f"设置项“{label_zh}”{where_zh}：{problem[0]}",
        f"setting {label_en}{where_en}: {problem[1]}",
    )


def _build(values: Mapping[str, object], sources: Mapping[str, _Source]) -> Settings:
    try:
        return Settings.model_validate(values)
    except ValidationError as error:
        described = [_describe(detail, sources) for detail in error.errors()]
        message_zh = "；".join(zh for zh, _ in described)
        message_en = "; ".join(en for _, en in described)
        # Not chained: pydantic's text repeats the input, which may be the client secret.
        raise SettingsError(
            f"设置有误：{message_zh}。{_ADVICE_ZH}", f"Bad settings: {message_en}. {_ADVICE_EN}"
        ) from None


def read_settings_file(path: Path) -> dict[str, Any]:
    """The raw values in a settings file; {} when there is none. Refuses anything doubtful."""
    try:
        text = path.read_text(encoding="utf-8")
    except (FileNotFoundError, NotADirectoryError):
        return {}
    except (OSError, UnicodeDecodeError) as error:
        raise SettingsError(
            f"无法读取设置文件 {path}（{type(error).__name__}: {error}）。"
            "请检查文件权限，或联系医院信息科",
            f"cannot read the settings file {path} ({type(error).__name__}: {error}); "
            "check its permissions or ask hospital IT",
        ) from None
    try:
        values = json.loads(text)
    except json.JSONDecodeError as error:
        raise SettingsError(
            f"设置文件 {path} 不是合法的 JSON"
            f"（第 {error.lineno} 行第 {error.colno} 列：{error.msg}）。"
            "文件已原样保留，请改正或删除它后重新启动",
            f"the settings file {path} is not valid JSON (line {error.lineno}, column "
            f"{error.colno}: {error.msg}); it was left as it is: fix or delete it and start again",
        ) from None
    if not isinstance(values, dict):
        raise SettingsError(
            f"设置文件 {path} 的内容应为一个 JSON 对象（{{…}}）。请改正或删除它后重新启动",
            f"the settings file {path} must hold one JSON object ({{…}}); fix or delete it",
        )
    if "client_secret" in values:
        raise SettingsError(
            f"设置文件 {path} 中不能保存密码。请删除 client_secret 一项，"
            f"改用系统密钥环或环境变量 {ENV_VARS['client_secret']}",
            f"the settings file {path} must not hold the client secret: remove client_secret "
            f"and use the OS keyring or the environment variable {ENV_VARS['client_secret']}",
        )
    if "data_dir" in values:
        raise SettingsError(
            f"设置文件 {path} 中不能设置数据目录（文件本身就在数据目录中）。"
            f"请删除 data_dir 一项，改用 --data-dir 或环境变量 {ENV_VARS['data_dir']}",
            f"the settings file {path} cannot set the data directory it lives in: remove "
            f"data_dir and use --data-dir or the environment variable {ENV_VARS['data_dir']}",
        )
    return values


def load_settings(
    overrides: Mapping[str, object] | None = None,
    environ: Mapping[str, str] | None = None,
    secrets: SecretStore | None = None,
) -> Settings:
    """The settings from flags (`overrides`; None means not given), environment, file, defaults.

    The client secret, when neither a flag nor the environment gives it, comes
    from `secrets` (by default the data directory's SecretStore: the OS keyring
    or its owner-only fallback file).
    """
    env = os.environ if environ is None else environ
    flags = {name: value for name, value in (overrides or {}).items() if value is not None}
    from_env = {name: env[var] for name, var in ENV_VARS.items() if env.get(var, "").strip()}
    data_dir = Path(str(flags.get("data_dir") or from_env.get("data_dir") or default_data_dir()))
    file_path = data_dir.expanduser() / SETTINGS_FILE_NAME
    values: dict[str, object] = {}
    sources: dict[str, _Source] = {}
    file_source = _Source(f"设置文件 {file_path}", f"settings file {file_path}")
    for name, value in read_settings_file(file_path).items():
        values[name], sources[name] = value, file_source
    platform_named = any(url in values or url in from_env or url in flags for url in _URL_FIELDS)
    # Without a platform there is no secret to find: the training platform needs none,
    # and the keyring (slow to load) stays out of the desk's start-up.
    if platform_named and "client_secret" not in flags and "client_secret" not in from_env:
        kept = _kept_client_secret(secrets, data_dir.expanduser())
        if kept is not None:
            values["client_secret"], sources["client_secret"] = kept, _SECRET_STORE_SOURCE
    for name, value in from_env.items():
        env_source = _Source(f"环境变量 {ENV_VARS[name]}", f"environment variable {ENV_VARS[name]}")
        values[name], sources[name] = value, env_source
    for name, value in flags.items():
        values[name], sources[name] = value, _FLAGS_SOURCE
    return _build(values, sources)


def _kept_client_secret(secrets: SecretStore | None, data_dir: Path) -> SecretStr | None:
    from desktop.config.secret_store import (  # noqa: PLC0415 - the keyring loads on demand
        SecretStore,
        SecretStoreError,
        load_client_secret,
    )

    try:
        return load_client_secret(secrets or SecretStore(data_dir))
    except SecretStoreError as error:
        raise SettingsError(error.message_zh, error.message_en) from None


def save_settings(settings: Settings) -> Path:
    """Write `settings` to its data directory's `settings.json`, atomically, owner-only (0o600).

    Only values that differ from the defaults are written, so a later version's
    better defaults still apply. Never written: the client secret (see the
    module docstring) and the data directory. A settings file that cannot be
    read is left untouched and the save refused, so that nothing in it is lost.
    """
    path = settings.settings_file
    read_settings_file(path)
    payload = settings.model_dump(
        mode="json", exclude={"client_secret", "data_dir"}, exclude_defaults=True
    )
    text = json.dumps(payload, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    try:
        _write_atomically(path, text.encode("utf-8"))
    except OSError as error:
        raise SettingsError(
            f"无法保存设置文件 {path}（{type(error).__name__}: {error}）。原有设置未改变；"
            "请检查磁盘空间和文件夹权限",
            f"cannot save the settings file {path} ({type(error).__name__}: {error}); the "
            "previous settings are unchanged; check disk space and folder permissions",
        ) from None
    return path


def _write_atomically(path: Path, data: bytes) -> None:
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    # mkstemp creates the file 0o600, so the content is never readable by others, even briefly.
    descriptor, temporary = tempfile.mkstemp(prefix=".settings-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    if os.name == "posix":
        # Without this a power cut can leave the rename unrecorded (the old file back).
        directory = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)
