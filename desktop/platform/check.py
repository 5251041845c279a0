"""The connection check hospital IT runs (`blood-desk check`, the settings dialog's test button).

Each step says what worked, or what failed and what to do about it. Later steps
that cannot work without an earlier one still run where they can, so one run
shows every problem at once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from desktop.platform.client import PlatformClient
from desktop.platform.errors import MalformedAnswer, PlatformError
from desktop.platform.service_description import ServiceDescription
from desktop.platform.token import TokenManager


@dataclass(frozen=True)
class CheckStep:
    name: str
    ok: bool
    detail_zh: str
    detail_en: str
    error: PlatformError | None = None


def _step(name: str, action: Callable[[], tuple[str, str]]) -> CheckStep:
    try:
        detail_zh, detail_en = action()
    except PlatformError as error:
        return CheckStep(name, False, error.message_zh, error.message_en, error)
    return CheckStep(name, True, detail_zh, detail_en)


def run_checks(client: PlatformClient, tokens: TokenManager) -> list[CheckStep]:
    def token() -> tuple[str, str]:
        tokens.token()
        return "已取得令牌，客户编号与密码正确", "token obtained: client id and secret accepted"

    def wsdl() -> tuple[str, str]:
        description = client.description()
        if description.source != "platform":
            raise _fallback_error(description)
        count = len(description.operations)
        return f"服务描述可读，共 {count} 个操作", f"service description read: {count} operations"

    def facility() -> tuple[str, str]:
        hospital = client.get_facility()
        return (
            f"业务接口可用，本院为 {hospital.name}（编号 {hospital.id}）",
            f"business call works: this hospital is {hospital.name} (id {hospital.id})",
        )

    def dispatch() -> tuple[str, str]:
        entries = client.dispatch_list()
        return f"发血单列表可用，共 {len(entries)} 张", f"dispatch list works: {len(entries)} bills"

    return [
        _step("token", token),
        _step("wsdl", wsdl),
        _step("soap", facility),
        _step("dispatch", dispatch),
    ]


def _fallback_error(description: ServiceDescription) -> PlatformError:
    reason = description.fallback_reason or "unknown"
    return MalformedAnswer(
        f"无法读取平台的服务描述（WSDL），已改用随程序提供的版本。原因：{reason}。"
        "请核对服务地址（BLOOD_DESK_SERVICE_URL）",
        f"the platform's service description (WSDL) could not be read; using the shipped copy. "
        f"Reason: {reason}. Check the service URL (BLOOD_DESK_SERVICE_URL)",
    )
