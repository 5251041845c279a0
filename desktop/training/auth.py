"""The training platform's token authority: `POST /oauth/token` and bearer checks.

It behaves as the platform's access control is specified (INTERFACE.md,
"Access control"): client credentials in a form post, 401 for a wrong id or
secret, tokens valid for 2 hours. Errors follow OAuth2 (RFC 6749 §5.2). The
answer style (OAuth2 JSON or the bare token as text, as the source's sample
reads it), the token lifetime and a "wrong credentials" switch let tests and
trainers reproduce what a real platform may do.
"""

from __future__ import annotations

import hmac
import json
import secrets
import threading
import time
from collections.abc import Callable, Mapping
from typing import Final, Literal
from urllib.parse import parse_qsl

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

TokenStyle = Literal["json", "text"]
TokenAnswer = tuple[int, bytes, str]

TOKEN_PATH: Final = "/oauth/token"
_JSON: Final = "application/json; charset=utf-8"
_TEXT: Final = "text/plain; charset=utf-8"
_FORM: Final = "application/x-www-form-urlencoded"
_BEARER_PREFIX: Final = "bearer "


def _checked_style(style: TokenStyle) -> TokenStyle:
    if style not in ("json", "text"):
        raise ValueError(f"token style must be 'json' or 'text', not {style!r}")
    return style


def _checked_lifetime(lifetime_s: float) -> float:
    if not lifetime_s > 0:
        raise ValueError(f"token lifetime must be positive, not {lifetime_s!r}")
    return lifetime_s


def _oauth_error(status: int, code: str, description: str) -> TokenAnswer:
    body = json.dumps({"error": code, "error_description": description}).encode("utf-8")
    return status, body, _JSON


class TokenAuthority:
    """Issues and checks bearer tokens for the hospitals the training platform knows."""

    def __init__(
        self,
        clients: Mapping[str, tuple[str, int]],
        lifetime_s: float = 7200,
        style: TokenStyle = "json",
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._clients = dict(clients)
        self._clock = clock
        self._lock = threading.Lock()
        self._tokens: dict[str, tuple[int, float]] = {}
        self._lifetime_s = _checked_lifetime(lifetime_s)
        self._style = _checked_style(style)
        self._token_requests = 0
        # Fault injection: answer 401 to every token request, as for a wrong id or secret.
        self.reject_all_credentials = False

    @property
    def token_requests(self) -> int:
        """How many well-formed token requests were answered, whatever the answer."""
        with self._lock:
            return self._token_requests

    def set_style(self, style: TokenStyle) -> None:
        checked = _checked_style(style)
        with self._lock:
            self._style = checked

    def set_lifetime(self, lifetime_s: float) -> None:
        """The life of tokens issued from now on; tokens already out keep theirs."""
        checked = _checked_lifetime(lifetime_s)
        with self._lock:
            self._lifetime_s = checked

    def revoke_all(self) -> None:
        with self._lock:
            self._tokens.clear()

    def issue(self, form: Mapping[str, str]) -> TokenAnswer:
        """The answer to a token request: (HTTP status, body, content type)."""
        with self._lock:
            self._token_requests += 1
            grant_type = form.get("grant_type")
            if not grant_type:
                return _oauth_error(400, "invalid_request", "grant_type is required")
            if grant_type != "client_credentials":
                return _oauth_error(
                    400, "unsupported_grant_type", "only client_credentials is supported"
                )
            facility_id = self._facility(form.get("client_id", ""), form.get("client_secret", ""))
            if facility_id is None:
                return _oauth_error(401, "invalid_client", "unknown client id or wrong secret")
            return self._new_token(facility_id)

    def authenticate(self, authorization: str | None) -> int | None:
        """The facility id behind an `Authorization: Bearer …` header, or None if not valid now."""
        if authorization is None or not authorization.lower().startswith(_BEARER_PREFIX):
            return None
        token = authorization[len(_BEARER_PREFIX) :].strip()
        with self._lock:
            issued = self._tokens.get(token)
            if issued is None:
                return None
            facility_id, expires_at = issued
            if self._clock() >= expires_at:
                del self._tokens[token]
                return None
            return facility_id

    def _facility(self, client_id: str, secret: str) -> int | None:
        known = self._clients.get(client_id)
        if known is None or self.reject_all_credentials:
            return None
        expected_secret, facility_id = known
        # Constant time, as a real authority must; the training platform should not teach less.
        if not hmac.compare_digest(expected_secret.encode("utf-8"), secret.encode("utf-8")):
            return None
        return facility_id

    def _new_token(self, facility_id: int) -> TokenAnswer:
        now = self._clock()
        self._tokens = {key: value for key, value in self._tokens.items() if value[1] > now}
        token = secrets.token_urlsafe(32)
        self._tokens[token] = (facility_id, now + self._lifetime_s)
        if self._style == "text":
            return 200, token.encode("ascii"), _TEXT
        answer = {
            "access_token": token,
            "token_type": "bearer",
            "expires_in": round(self._lifetime_s),
        }
        return 200, json.dumps(answer).encode("utf-8"), _JSON


def token_endpoint(authority: TokenAuthority) -> Route:
    """`POST /oauth/token` for the training app; other methods get 405 from Starlette."""

    async def endpoint(request: Request) -> Response:
        content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if content_type != _FORM:
            status, body, media_type = _oauth_error(
                400, "invalid_request", f"Content-Type must be {_FORM}"
            )
        else:
            status, body, media_type = _answer(authority, await request.body())
        # RFC 6749 §5.1: token answers must not be cached by anything in between.
        headers = {"Cache-Control": "no-store", "Pragma": "no-cache"}
        return Response(body, status_code=status, media_type=media_type, headers=headers)

    return Route(TOKEN_PATH, endpoint, methods=["POST"])


def _answer(authority: TokenAuthority, body: bytes) -> TokenAnswer:
    try:
        pairs = parse_qsl(body.decode("utf-8"), keep_blank_values=True, strict_parsing=bool(body))
    except (UnicodeDecodeError, ValueError):
        return _oauth_error(400, "invalid_request", "the form is not UTF-8 url-encoded")
    form = dict(pairs)
    if len(form) != len(pairs):
        return _oauth_error(400, "invalid_request", "a parameter is repeated")
    return authority.issue(form)
