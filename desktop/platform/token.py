"""Bearer tokens for the platform: fetched once, shared by every thread, renewed before expiry.

The platform's token lives 2 hours and must be reused (INTERFACE.md, "Access
control"). However many threads need one at once, one request is made: the
first thread fetches while the others wait for its outcome, token or error.
While a token is being renewed early, the old one, still valid, is handed out.
"""

from __future__ import annotations

import json
import logging
import math
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

import httpx

from desktop.config.settings import Settings
from desktop.platform.errors import (
    MalformedAnswer,
    PlatformError,
    error_from_httpx,
    error_from_response,
    token_rejected,
)

log = logging.getLogger(__name__)

DEFAULT_LIFETIME_S: Final = 7200.0
_RENEW_BEFORE_S: Final = 300.0
_RENEW_BEFORE_SHARE: Final = 0.1
_MAX_TOKEN_LENGTH: Final = 8192
# Visible ASCII only: the token goes into an HTTP header as it is.
_TOKEN_TEXT = re.compile(r"[\x21-\x7e]+")
_QUOTES: Final = "\"'"


@dataclass(frozen=True)
class _Token:
    value: str
    renew_at: float
    expires_at: float

    @classmethod
    def obtained(cls, value: str, lifetime_s: float, requested_at: float) -> _Token:
        # Counted from when the request left, so the platform's clock is never ahead of ours.
        early = min(_RENEW_BEFORE_S, lifetime_s * _RENEW_BEFORE_SHARE)
        return cls(value, requested_at + lifetime_s - early, requested_at + lifetime_s)


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


class TokenManager:
    """The hospital's current token, for any number of threads."""

    def __init__(
        self,
        settings: Settings,
        http_client: httpx.Client,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if settings.token_url is None:
            raise ValueError("TokenManager needs settings with the platform configured")
        self._token_url = settings.token_url
        self._client_id = settings.client_id
        self._secret = settings.client_secret
        self._http = http_client
        self._clock = clock
        self._changed = threading.Condition()
        self._held: _Token | None = None
        self._fetching = False
        self._round = 0
        self._failure: PlatformError | None = None

    def token(self) -> str:
        """A valid token, fetched (once, for every thread waiting) when there is none."""
        with self._changed:
            while True:
                now = self._clock()
                held = self._held
                if held is not None and now < held.renew_at:
                    return held.value
                if not self._fetching:
                    self._fetching = True
                    break
                if held is not None and now < held.expires_at:
                    return held.value
                self._wait_for_fetch()
        return self._renew(held)

    def invalidate(self, token: str) -> None:
        """Forget `token` (the platform answered 401 to it), unless it was already replaced."""
        with self._changed:
            if self._held is not None and self._held.value == token:
                self._held = None

    def auth_header(self) -> dict[str, str]:
        return bearer(self.token())

    def call_with_auth(self, send: Callable[[dict[str, str]], httpx.Response]) -> httpx.Response:
        """`send(auth headers)`; on a 401, renew the token once and send once more."""
        token = self.token()
        response = send(bearer(token))
        if response.status_code != httpx.codes.UNAUTHORIZED:
            return response
        response.close()
        self.invalidate(token)
        response = send(bearer(self.token()))
        if response.status_code == httpx.codes.UNAUTHORIZED:
            response.close()
            raise token_rejected()
        return response

    def _wait_for_fetch(self) -> None:
        started_round = self._round
        self._changed.wait_for(lambda: self._round != started_round)
        if self._failure is not None:
            raise self._failure

    def _renew(self, held: _Token | None) -> str:
        try:
            fresh = self._fetch()
        except PlatformError as error:
            self._publish(None, error)
            if held is not None and self._clock() < held.expires_at:
                log.warning("token renewal failed, the current token is kept: %s", error.message_en)
                return held.value
            raise
        except BaseException:
            # Not the platform's doing: wake the waiters so that one of them tries again.
            self._publish(None, None)
            raise
        self._publish(fresh, None)
        return fresh.value

    def _publish(self, fresh: _Token | None, failure: PlatformError | None) -> None:
        with self._changed:
            if fresh is not None:
                self._held = fresh
            self._fetching = False
            self._failure = failure
            self._round += 1
            self._changed.notify_all()

    def _fetch(self) -> _Token:
        secret = self._secret.get_secret_value()
        form = {
            "grant_type": "client_credentials",
            "client_id": self._client_id,
            "client_secret": secret,
        }
        requested_at = self._clock()
        try:
            response = self._http.post(
                self._token_url, data=form, headers={"Accept": "application/json, text/plain"}
            )
        except httpx.HTTPError as error:
            # A token request changes nothing on the platform: "outcome unknown" cannot apply.
            raise error_from_httpx(error, sent=False, secrets=(secret,)) from None
        if not response.is_success:
            raise error_from_response(
                response.status_code, response.headers, response.content, secrets=(secret,)
            )
        value, lifetime_s = parse_token_answer(
            response.headers.get("content-type", ""), response.content
        )
        log.info("platform token obtained, valid for %.0f s", lifetime_s)
        return _Token.obtained(value, lifetime_s, requested_at)


def parse_token_answer(content_type: str, body: bytes) -> tuple[str, float]:
    """(token, lifetime in seconds) from an OAuth2 JSON answer or a bare token as text."""
    try:
        text = body.decode("utf-8").strip()
    except UnicodeDecodeError:
        raise _malformed("不是 UTF-8 文本", "it is not UTF-8 text") from None
    content_type = content_type.lower()
    if "json" in content_type or text.startswith("{"):
        return _from_json(text)
    if "html" in content_type or text.startswith("<"):
        raise _malformed(
            "收到的是网页而不是令牌（地址可能指向了网站首页或登录页）",
            "it is a web page, not a token (the URL may point at a web site or login page)",
        )
    if len(text) >= 2 and text[0] == text[-1] and text[0] in _QUOTES:
        text = text[1:-1].strip()
    return _checked_token(text), DEFAULT_LIFETIME_S


def _from_json(text: str) -> tuple[str, float]:
    try:
        answer = json.loads(text)
    except ValueError:
        raise _malformed("JSON 格式错误", "it is not valid JSON") from None
    if not isinstance(answer, dict):
        raise _malformed("JSON 不是对象", "the JSON is not an object")
    token = answer.get("access_token")
    if not isinstance(token, str):
        raise _malformed("JSON 中没有 access_token", "the JSON has no access_token")
    token_type = answer.get("token_type", "bearer")
    if not isinstance(token_type, str) or token_type.lower() != "bearer":
        raise _malformed(
            f"令牌类型是 {token_type!r}，不是 bearer",
            f"the token type is {token_type!r}, not bearer",
        )
    return _checked_token(token), _lifetime(answer.get("expires_in"))


def _lifetime(expires_in: object) -> float:
    if expires_in is None:
        return DEFAULT_LIFETIME_S
    seconds = _number(expires_in)
    if seconds is None or not math.isfinite(seconds) or seconds <= 0:
        raise _malformed(
            f"有效期 expires_in={expires_in!r} 不是正数",
            f"expires_in={expires_in!r} is not a positive number",
        )
    return seconds


def _number(value: object) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value)
        except ValueError:
            return None
    return None


def _checked_token(token: str) -> str:
    # The answer is never quoted back: it may be a real token with a stray character.
    if not token:
        raise _malformed("内容为空", "it is empty")
    if len(token) > _MAX_TOKEN_LENGTH or not _TOKEN_TEXT.fullmatch(token):
        raise _malformed(
            f"令牌含有空格或非 ASCII 字符，或过长（{len(token)} 个字符）",
            f"the token has spaces or non-ASCII characters or is too long ({len(token)} chars)",
        )
    return token


def _malformed(what_zh: str, what_en: str) -> MalformedAnswer:
    return MalformedAnswer(
        f"令牌地址的答复无法使用：{what_zh}。请核对设置中的令牌地址；仍有问题请联系平台管理员",
        f"the token URL's answer cannot be used: {what_en}; check the token URL in the "
        "settings, and if it is right, tell the platform administrator",
    )
