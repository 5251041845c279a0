"""What went wrong talking to the platform, typed by what the caller must do about it.

Every error carries a Chinese message the counter clerk can act on and an
English one for logs and support, plus `retryable`: whether sending the same
request again later may succeed. `OutcomeUnknown` is retryable only because
the desk's writes carry the hospital's own document number, so a resend is
idempotent; anything else must not be resent blindly.

Secrets: the client secret and bearer tokens must never reach a message, a
repr or a traceback. Text that came from outside (an httpx message, a platform
answer) goes through `redact`, and callers raise these errors `from None` so
the httpx exception, whose request may hold the secret, is not printed with it.
"""

# The error names read as what happened ("raise Refused"), the vocabulary the whole desk uses.
# ruff: noqa: N818

from __future__ import annotations

import email.utils
import html
import json
import re
import ssl
from collections.abc import Collection, Iterable, Mapping
from datetime import UTC, datetime
from typing import ClassVar, Final, Literal, NamedTuple
from urllib.parse import quote, quote_plus

import httpx

from desktop.config.settings import ENV_VARS

_REDACTED: Final = "***"
_DETAIL_LIMIT: Final = 300
_JSON_MESSAGE_KEYS: Final = ("error_description", "message", "msg", "faultstring", "error")
_TAGS = re.compile(r"<(script|style)\b.*?</\1\s*>|<[^>]*>", re.IGNORECASE | re.DOTALL)
_SPACES = re.compile(r"\s+")


class PlatformError(Exception):
    """A failed platform call, with what to do about it in Chinese and English.

    `platform_message` is the platform's own reason, word for word (a SOAP
    faultstring, the text of an error page), when it gave one: the outbox shows
    it to the clerk beside our explanation.
    """

    retryable: ClassVar[bool] = False

    def __init__(
        self,
        message_zh: str,
        message_en: str,
        *,
        status: int | None = None,
        platform_message: str | None = None,
    ) -> None:
        super().__init__(f"{message_zh} / {message_en}")
        self.message_zh = message_zh
        self.message_en = message_en
        self.status = status
        self.platform_message = platform_message or None

    def __repr__(self) -> str:
        return f"{type(self).__name__}(status={self.status!r}, message_en={self.message_en!r})"


class CredentialsRejected(PlatformError):
    """401 from the token URL: the platform does not accept this hospital's id and secret."""


class TokenRejected(CredentialsRejected):
    """A business call was refused with 401 even with a token fetched a moment before."""


class Forbidden(PlatformError):
    """403: the hospital's account may not do this."""


class Refused(PlatformError):
    """400, another 4xx or a SOAP Client fault, with the platform's reason. Do not resend."""


class NotFound(PlatformError):
    """404, or the platform has no such record."""


class MethodNotAllowed(PlatformError):
    """405: usually a URL in the settings that points at another interface."""


class ServerError(PlatformError):
    """500 without an envelope, another 5xx, or a SOAP Server fault."""

    retryable = True


class Unavailable(PlatformError):
    """503 (or 429): the platform asks us to come back later, perhaps saying when."""

    retryable = True

    def __init__(
        self,
        message_zh: str,
        message_en: str,
        *,
        status: int | None = None,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(message_zh, message_en, status=status)
        self.retry_after = retry_after


class NetworkError(PlatformError):
    """The request never reached the platform: refused, DNS, proxy, TLS, connect timeout."""

    retryable = True

    def __init__(
        self,
        message_zh: str,
        message_en: str,
        *,
        status: int | None = None,
        certificate: bool = False,
    ) -> None:
        super().__init__(message_zh, message_en, status=status)
        self.certificate = certificate


class OutcomeUnknown(PlatformError):
    """The request went out but no answer came back: the platform may or may not have acted."""

    retryable = True


class MalformedAnswer(PlatformError):
    """The platform answered with something the interface does not allow."""


def redact(text: str, secrets: Iterable[str]) -> str:
    """`text` with every secret, raw or URL-encoded (as in a form body), replaced by ***."""
    variants = {
        form
        for secret in secrets
        if secret
        for form in (secret, quote(secret, safe=""), quote_plus(secret))
    }
    # Longest first, so that a secret containing another is not left half-visible.
    for variant in sorted(variants, key=len, reverse=True):
        text = text.replace(variant, _REDACTED)
    return text


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a `Retry-After` header (delay seconds or an HTTP-date), or None."""
    if value is None:
        return None
    text = value.strip()
    if text.isascii() and text.isdigit():
        return float(text)
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def platform_text(headers: Mapping[str, str], body: bytes, secrets: Collection[str] = ()) -> str:
    """The human-readable part of an error answer, short, redacted; "" when there is none."""
    text = body.decode("utf-8", errors="replace").strip()
    content_type = headers.get("content-type", "").lower()
    if "json" in content_type or text.startswith("{"):
        text = _json_message(text)
    elif "html" in content_type or text.startswith("<"):
        text = html.unescape(_TAGS.sub(" ", text))
    text = _SPACES.sub(" ", text).strip()
    if len(text) > _DETAIL_LIMIT:
        text = text[:_DETAIL_LIMIT] + "…"
    return redact(text, secrets)


def _json_message(text: str) -> str:
    try:
        document = json.loads(text)
    except ValueError:
        return text
    if isinstance(document, dict):
        for key in _JSON_MESSAGE_KEYS:
            value = document.get(key)
            if isinstance(value, str) and value.strip():
                return value
    return text


class _Meaning(NamedTuple):
    error: type[PlatformError]
    what_zh: str
    todo_zh: str
    what_en: str
    todo_en: str


_MEANINGS: Final[Mapping[int, _Meaning]] = {
    403: _Meaning(
        Forbidden,
        "平台拒绝本院执行此操作（无权限）",
        "请联系平台管理员开通权限",
        "the platform does not allow this hospital to do that",
        "ask the platform administrator for the permission",
    ),
    404: _Meaning(
        NotFound,
        "平台上没有这个接口",
        "请检查设置中的平台地址（主机、端口、路径）",
        "the platform has no such interface",
        "check the platform addresses (host, port, path) in the settings",
    ),
    405: _Meaning(
        MethodNotAllowed,
        "平台不接受这种请求方式",
        "设置中的地址可能填成了别的接口，请核对",
        "the platform does not accept this request method",
        "a URL in the settings probably points at another interface",
    ),
}


def error_from_response(
    status: int, headers: Mapping[str, str], body: bytes, *, secrets: Collection[str] = ()
) -> PlatformError:
    """The error for an HTTP answer that is not a success and not a SOAP fault."""
    detail = platform_text(headers, body, secrets)
    meaning = _MEANINGS.get(status)
    if meaning is not None:
        return meaning.error(
            f"{meaning.what_zh}（HTTP {status}）{_zh(detail)}。{meaning.todo_zh}",
            f"{meaning.what_en} (HTTP {status}){_en(detail)}; {meaning.todo_en}",
            status=status,
        )
    if status == 401:
        return credentials_rejected(detail)
    if status in (429, 503):
        return _unavailable(status, detail, parse_retry_after(headers.get("retry-after")))
    if status in (502, 504):
        return _gateway_lost(status, detail)
    return _by_class(status, detail, headers.get("location", ""))


def _by_class(status: int, detail: str, location: str) -> PlatformError:
    if 400 <= status < 500:
        return _refused(status, detail)
    if 500 <= status < 600:
        return _server_error(status, detail)
    if 300 <= status < 400:
        return _redirected(status, location)
    return MalformedAnswer(
        f"平台返回了意外的状态（HTTP {status}）{_zh(detail)}。请联系平台管理员",
        f"the platform answered with an unexpected status (HTTP {status}){_en(detail)}; "
        "tell the platform administrator",
        status=status,
    )


def credentials_rejected(detail: str = "") -> CredentialsRejected:
    return CredentialsRejected(
        f"平台不认可本院的客户编号或密码（HTTP 401）{_zh(detail)}。请在设置中核对客户编号和密码；"
        "确认无误仍被拒绝时，请联系平台管理员",
        f"the platform rejected this hospital's client id or secret (HTTP 401){_en(detail)}; "
        "check both in the settings, and if they are right, contact the platform administrator",
        status=401,
    )


def token_rejected() -> TokenRejected:
    return TokenRejected(
        "平台拒绝了刚刚取得的访问令牌（HTTP 401）。可能本院账号已停用，或令牌地址与业务服务地址"
        "不属于同一平台。请核对设置中的地址，并联系平台管理员",
        "the platform refused a token it had just issued (HTTP 401): the account may be "
        "disabled, or the token URL and the service URL belong to different platforms; "
        "check the addresses in the settings and contact the platform administrator",
        status=401,
    )


def _zh(detail: str) -> str:
    return f"（平台说明：{detail}）" if detail else ""


def _en(detail: str) -> str:
    return f" (the platform says: {detail})" if detail else ""


def _refused(status: int, detail: str) -> Refused:
    return Refused(
        f"平台拒收了这次请求（HTTP {status}）：{detail or '未给出原因'}。"
        "请按提示改正后再提交，原样重发不会成功",
        f"the platform refused the request (HTTP {status}): {detail or 'no reason given'}; "
        "correct it before sending again, as resending it unchanged will not help",
        status=status,
        platform_message=detail,
    )


def _server_error(status: int, detail: str) -> ServerError:
    return ServerError(
        f"平台内部出错（HTTP {status}）{_zh(detail)}。稍后会自动重试；持续出现请联系平台管理员",
        f"the platform had an internal error (HTTP {status}){_en(detail)}; it will be retried, "
        "and if it persists, tell the platform administrator",
        status=status,
    )


def _unavailable(status: int, detail: str, retry_after: float | None) -> Unavailable:
    when_zh = f"约 {retry_after:.0f} 秒后" if retry_after is not None else "稍后"
    when_en = f"in about {retry_after:.0f} s" if retry_after is not None else "later"
    return Unavailable(
        f"平台暂时无法服务（HTTP {status}）{_zh(detail)}，{when_zh}会自动重试",
        f"the platform is temporarily unavailable (HTTP {status}){_en(detail)}; "
        f"it will be retried {when_en}",
        status=status,
        retry_after=retry_after,
    )


def _gateway_lost(status: int, detail: str) -> OutcomeUnknown:
    # A gateway's 502/504 may come after the platform received and acted on the request.
    return OutcomeUnknown(
        f"平台的网关没有取得答复（HTTP {status}）{_zh(detail)}。平台可能已经处理，也可能没有；"
        "系统会用同一单号重新提交以核实，请勿手工重复登记",
        f"the platform's gateway got no answer (HTTP {status}){_en(detail)}; the platform may "
        "or may not have acted: the desk will resend with the same document number to find out, "
        "do not register it again by hand",
        status=status,
    )


def _redirected(status: int, location: str) -> MalformedAnswer:
    return MalformedAnswer(
        f"平台地址发生了跳转（HTTP {status} → {location or '未说明'}）。"
        "请在设置中直接填写跳转后的地址（常见原因：http:// 与 https:// 填反）",
        f"the platform redirected the request (HTTP {status} → {location or 'nowhere given'}); "
        "put the final address in the settings (often http:// written for https://)",
        status=status,
    )


_NOT_SENT: Final = (
    httpx.ConnectError,
    httpx.ConnectTimeout,
    httpx.PoolTimeout,
    httpx.ProxyError,
    httpx.UnsupportedProtocol,
    httpx.LocalProtocolError,
)


def error_from_httpx(
    exc: httpx.HTTPError, sent: bool, *, secrets: Collection[str] = ()
) -> PlatformError:
    """The error for an httpx failure; `sent` says whether the request may have gone out.

    Raise the result `from None`: the httpx exception holds the request.
    """
    if isinstance(exc, httpx.HTTPStatusError):
        response = exc.response
        return error_from_response(
            response.status_code, response.headers, response.content, secrets=secrets
        )
    message = redact(str(exc), secrets)
    kind = f"{type(exc).__name__}: {message}" if message else type(exc).__name__
    if isinstance(exc, httpx.DecodingError | httpx.TooManyRedirects):
        return MalformedAnswer(
            f"平台的答复无法读取（{kind}）。请联系平台管理员",
            f"the platform's answer cannot be read ({kind}); tell the platform administrator",
        )
    if isinstance(exc, _NOT_SENT) or not sent:
        return _network_error(exc, kind)
    return OutcomeUnknown(
        f"请求已发出，但没有收到平台的答复（{kind}）。平台可能已经处理，也可能没有；"
        "系统会用同一单号重新提交以核实，请勿手工重复登记",
        f"the request went out but no answer came back ({kind}); the platform may or may not "
        "have acted: the desk will resend with the same document number to find out, "
        "do not register it again by hand",
    )


def _network_error(exc: BaseException, kind: str) -> NetworkError:
    problem = _tls_problem(exc)
    ca_variable = ENV_VARS["ca_bundle"]
    if problem == "certificate":
        return NetworkError(
            f"无法验证平台的 HTTPS 证书（{kind}）。如果平台使用本单位或政务外网的私有证书，"
            f"请在设置“CA 证书文件”（{ca_variable}）中指定该 CA 证书；请勿关闭证书校验。"
            "仍有问题请联系医院信息科",
            f"the platform's HTTPS certificate could not be verified ({kind}); if the platform "
            f"uses a private (intranet) CA, set the CA bundle setting ({ca_variable}) to that CA's "
            "certificate rather than turning verification off; otherwise ask hospital IT",
            certificate=True,
        )
    if problem == "handshake":
        return NetworkError(
            f"与平台的 HTTPS 握手失败（{kind}）。请检查设置中的地址应为 http:// 还是 https://，"
            f"以及 CA 证书文件（{ca_variable}）",
            f"the TLS handshake with the platform failed ({kind}); check whether the address "
            f"should be http:// or https://, and the CA bundle setting ({ca_variable})",
        )
    return NetworkError(
        f"无法连接到平台（{kind}）。请检查网络连接和设置中的平台地址；系统会稍后自动重试",
        f"cannot reach the platform ({kind}); check the network and the platform addresses "
        "in the settings; it will be retried",
    )


def _tls_problem(exc: BaseException) -> Literal["certificate", "handshake"] | None:
    """What kind of TLS failure `exc` is, from its chain or (failing that) its text."""
    seen: set[int] = set()
    node: BaseException | None = exc
    while node is not None and id(node) not in seen:
        seen.add(id(node))
        if isinstance(node, ssl.SSLCertVerificationError):
            return "certificate"
        if isinstance(node, ssl.SSLError):
            return "handshake"
        node = node.__cause__ or node.__context__
    text = str(exc)
    if "CERTIFICATE_VERIFY_FAILED" in text:
        return "certificate"
    return "handshake" if "[SSL" in text else None
