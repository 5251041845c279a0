"""Token handling against the training platform's token authority over real loopback HTTP."""

from __future__ import annotations

import asyncio
import threading
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import quote_plus

import httpx
import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Receive, Scope, Send

from desktop.config.settings import Settings
from desktop.platform.errors import (
    CredentialsRejected,
    MalformedAnswer,
    NetworkError,
    PlatformError,
    Refused,
    ServerError,
    TokenRejected,
)
from desktop.platform.http import make_http_client
from desktop.platform.token import DEFAULT_LIFETIME_S, TokenManager, parse_token_answer
from desktop.training.auth import TokenAuthority, token_endpoint
from desktop.training.server import LoopbackServer

CLIENT_ID = "H310101"
SECRET = "s3cr3t value+/&="
TOKEN_DELAY_S = 0.3


class FakeClock:
    def __init__(self) -> None:
        self.now = 5000.0

    def __call__(self) -> float:
        return self.now


class Platform:
    """A token authority and a bearer-protected business route on one loopback server."""

    def __init__(self, clock: FakeClock, token_delay_s: float = 0.0) -> None:
        self.authority = TokenAuthority({CLIENT_ID: (SECRET, 101)}, clock=clock)
        self.business_calls = 0
        routes = [
            token_endpoint(self.authority),
            Route("/api/ping", self._ping),
            Route("/api/always-401", self._always_401),
            Route("/echo/{status:int}", self._echo, methods=["POST"]),
            Route("/html", self._login_page, methods=["POST"]),
        ]
        self.app: ASGIApp = _slow_tokens(Starlette(routes=routes), token_delay_s)

    async def _ping(self, request: Request) -> Response:
        self.business_calls += 1
        facility = self.authority.authenticate(request.headers.get("authorization"))
        if facility is None:
            return PlainTextResponse("invalid or expired token", status_code=401)
        return JSONResponse({"facility": facility})

    async def _always_401(self, request: Request) -> Response:
        self.business_calls += 1
        # A careless platform echoing the credentials it refused.
        return PlainTextResponse(request.headers.get("authorization", ""), status_code=401)

    async def _login_page(self, _request: Request) -> Response:
        return Response("<html>login</html>", media_type="text/html")

    async def _echo(self, request: Request) -> Response:
        return PlainTextResponse(await request.body(), status_code=request.path_params["status"])


def _slow_tokens(app: ASGIApp, delay_s: float) -> ASGIApp:
    async def slowed(scope: Scope, receive: Receive, send: Send) -> None:
        if delay_s and scope["type"] == "http" and scope["path"] == "/oauth/token":
            await asyncio.sleep(delay_s)
        await app(scope, receive, send)

    return slowed


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def platform(clock: FakeClock) -> Platform:
    return Platform(clock)


@pytest.fixture
def server(platform: Platform) -> Iterator[LoopbackServer]:
    with LoopbackServer(platform.app) as running:
        yield running


def settings_for(base_url: str, data_dir: Path, token_path: str = "/oauth/token") -> Settings:
    return Settings(
        data_dir=data_dir,
        token_url=base_url + token_path,
        service_url=base_url + "/soap",
        dispatch_url=base_url + "/api/ping",
        client_id=CLIENT_ID,
        client_secret=SECRET,
    )


@pytest.fixture
def http() -> Iterator[httpx.Client]:
    with httpx.Client(timeout=5) as client:
        yield client


@pytest.fixture
def make_manager(
    server: LoopbackServer, clock: FakeClock, tmp_path: Path
) -> Iterator[Callable[..., TokenManager]]:
    clients: list[httpx.Client] = []

    def make(token_path: str = "/oauth/token", base_url: str | None = None) -> TokenManager:
        settings = settings_for(base_url or server.base_url, tmp_path, token_path)
        client = make_http_client(settings)
        clients.append(client)
        return TokenManager(settings, client, clock=clock)

    yield make
    for client in clients:
        client.close()


@pytest.fixture
def manager(make_manager: Callable[..., TokenManager]) -> TokenManager:
    return make_manager()


def printed(error: BaseException) -> str:
    return "".join(traceback.format_exception(error)) + repr(error) + str(error)


def assert_no_secret(text: str, *secrets: str) -> None:
    for secret in (SECRET, *secrets):
        assert secret not in text
        assert quote_plus(secret) not in text


# -- obtaining and reusing ----------------------------------------------------------------


def test_json_token_is_fetched_once_and_reused(manager: TokenManager, platform: Platform) -> None:
    token = manager.token()
    assert all(manager.token() == token for _ in range(10))
    assert platform.authority.authenticate(f"Bearer {token}") == 101
    assert platform.authority.token_requests == 1
    assert manager.auth_header() == {"Authorization": f"Bearer {token}"}


def test_text_token_is_accepted(manager: TokenManager, platform: Platform) -> None:
    platform.authority.set_style("text")
    assert platform.authority.authenticate(f"Bearer {manager.token()}") == 101


def test_expires_in_is_honoured_with_early_renewal(
    manager: TokenManager, platform: Platform, clock: FakeClock
) -> None:
    platform.authority.set_lifetime(600)
    first = manager.token()
    clock.now += 539  # 10 % of a 600 s life is renewed early: at 540 s
    assert manager.token() == first
    clock.now += 2
    second = manager.token()
    assert second != first
    assert platform.authority.token_requests == 2


def test_text_token_is_assumed_to_live_7200_s(
    manager: TokenManager, platform: Platform, clock: FakeClock
) -> None:
    platform.authority.set_style("text")
    first = manager.token()
    clock.now += DEFAULT_LIFETIME_S - 301  # renewed 5 minutes early
    assert manager.token() == first
    clock.now += 2
    assert manager.token() != first
    assert platform.authority.token_requests == 2


def test_failed_early_renewal_keeps_the_still_valid_token(
    manager: TokenManager, platform: Platform, clock: FakeClock
) -> None:
    first = manager.token()
    platform.authority.reject_all_credentials = True
    clock.now += 7000
    assert manager.token() == first
    assert platform.authority.token_requests == 2
    clock.now += 200
    with pytest.raises(CredentialsRejected):
        manager.token()


def test_fifty_threads_on_an_expired_token_make_one_request(
    clock: FakeClock, tmp_path: Path
) -> None:
    platform = Platform(clock, token_delay_s=TOKEN_DELAY_S)
    with LoopbackServer(platform.app) as server:
        settings = settings_for(server.base_url, tmp_path)
        with make_http_client(settings) as client:
            manager = TokenManager(settings, client, clock=clock)
            first = manager.token()
            clock.now += 7200
            tokens = run_in_threads(50, manager.token)
    assert platform.authority.token_requests == 2
    assert len(set(tokens)) == 1
    assert tokens[0] != first


def test_fifty_threads_share_one_failure(clock: FakeClock, tmp_path: Path) -> None:
    platform = Platform(clock, token_delay_s=TOKEN_DELAY_S)
    platform.authority.reject_all_credentials = True
    with LoopbackServer(platform.app) as server:
        settings = settings_for(server.base_url, tmp_path)
        with make_http_client(settings) as client:
            manager = TokenManager(settings, client, clock=clock)
            outcomes = run_in_threads(50, lambda: _outcome(manager.token))
    assert platform.authority.token_requests == 1
    assert all(isinstance(outcome, CredentialsRejected) for outcome in outcomes)


def _outcome(call: Callable[[], object]) -> object:
    try:
        return call()
    except PlatformError as error:
        return error


def run_in_threads(count: int, call: Callable[[], object]) -> list[object]:
    barrier = threading.Barrier(count)
    results: list[object] = []
    lock = threading.Lock()

    def work() -> None:
        barrier.wait()
        result = call()
        with lock:
            results.append(result)

    threads = [threading.Thread(target=work) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert len(results) == count
    return results


# -- revoked tokens ---------------------------------------------------------------------------


def test_invalidate_forgets_only_the_current_token(
    manager: TokenManager, platform: Platform
) -> None:
    first = manager.token()
    manager.invalidate(first)
    second = manager.token()
    assert second != first
    manager.invalidate(first)
    assert manager.token() == second
    assert platform.authority.token_requests == 2


def test_revoked_token_is_renewed_once(
    manager: TokenManager, platform: Platform, server: LoopbackServer, http: httpx.Client
) -> None:
    manager.token()
    platform.authority.revoke_all()
    response = manager.call_with_auth(
        lambda auth: http.get(server.base_url + "/api/ping", headers=auth)
    )
    assert response.status_code == 200
    assert response.json() == {"facility": 101}
    assert platform.authority.token_requests == 2
    assert platform.business_calls == 2


def test_fifty_threads_refused_on_one_token_renew_it_once(clock: FakeClock, tmp_path: Path) -> None:
    platform = Platform(clock, token_delay_s=TOKEN_DELAY_S)
    with LoopbackServer(platform.app) as server:
        settings = settings_for(server.base_url, tmp_path)
        with make_http_client(settings) as client:
            manager = TokenManager(settings, client, clock=clock)
            manager.token()
            platform.authority.revoke_all()
            statuses = run_in_threads(
                50,
                lambda: (
                    manager.call_with_auth(
                        lambda auth: client.get(server.base_url + "/api/ping", headers=auth)
                    ).status_code
                ),
            )
    assert statuses == [200] * 50
    assert platform.authority.token_requests == 2


def test_platform_refusing_fresh_tokens_is_not_a_loop(
    manager: TokenManager, platform: Platform, server: LoopbackServer, http: httpx.Client
) -> None:
    with pytest.raises(TokenRejected) as caught:
        manager.call_with_auth(
            lambda auth: http.get(server.base_url + "/api/always-401", headers=auth)
        )
    assert platform.business_calls == 2
    assert platform.authority.token_requests == 2
    assert "刚刚取得的访问令牌" in caught.value.message_zh
    assert not caught.value.retryable
    assert_no_secret(printed(caught.value), manager.token())


# -- the token URL's refusals ----------------------------------------------------------------


def test_wrong_credentials_are_rejected_plainly(manager: TokenManager, platform: Platform) -> None:
    platform.authority.reject_all_credentials = True
    with pytest.raises(CredentialsRejected) as caught:
        manager.token()
    error = caught.value
    assert "客户编号或密码" in error.message_zh
    assert "请在设置中核对" in error.message_zh
    assert "client id or secret" in error.message_en
    assert not error.retryable
    assert platform.authority.token_requests == 1
    assert_no_secret(printed(error))


@pytest.mark.parametrize(("status", "kind"), [(400, Refused), (500, ServerError)])
def test_platform_echoing_the_form_does_not_leak_the_secret(
    make_manager: Callable[..., TokenManager], status: int, kind: type[PlatformError]
) -> None:
    manager = make_manager(f"/echo/{status}")
    with pytest.raises(kind) as caught:
        manager.token()
    assert "***" in caught.value.message_en
    assert_no_secret(printed(caught.value))


def test_unreachable_token_url_is_a_network_error_without_the_secret(
    make_manager: Callable[..., TokenManager],
) -> None:
    with pytest.raises(NetworkError) as caught:
        make_manager(base_url="http://127.0.0.1:9").token()
    assert caught.value.retryable
    assert "ConnectError" in caught.value.message_en
    assert caught.value.__suppress_context__
    assert_no_secret(printed(caught.value))


def test_html_instead_of_a_token_is_malformed(make_manager: Callable[..., TokenManager]) -> None:
    with pytest.raises(MalformedAnswer, match="网页"):
        make_manager("/html").token()


def test_manager_needs_a_configured_platform(tmp_path: Path, http: httpx.Client) -> None:
    with pytest.raises(ValueError, match="platform configured"):
        TokenManager(Settings(data_dir=tmp_path), http)


# -- what a token answer may look like ---------------------------------------------------------


@pytest.mark.parametrize(
    ("content_type", "body", "expected"),
    [
        (
            "application/json",
            b'{"access_token": "abc", "token_type": "bearer", "expires_in": 3600}',
            ("abc", 3600),
        ),
        ("application/json", b'{"access_token": "abc", "token_type": "Bearer"}', ("abc", 7200)),
        ("application/json", b'{"access_token": "abc", "expires_in": "1800"}', ("abc", 1800)),
        ("text/plain", b"abc.def-ghi_jkl\r\n", ("abc.def-ghi_jkl", 7200)),
        ("text/plain", b' "abc" ', ("abc", 7200)),
        ("", b"'abc'", ("abc", 7200)),
        ("", b'{"access_token": "abc"}', ("abc", 7200)),
    ],
)
def test_token_answers_accepted(
    content_type: str, body: bytes, expected: tuple[str, float]
) -> None:
    assert parse_token_answer(content_type, body) == expected


@pytest.mark.parametrize(
    ("content_type", "body", "fragment"),
    [
        ("text/plain", b"", "内容为空"),
        ("text/plain", b'  ""  ', "内容为空"),
        ("text/html", b"<html><body>Login</body></html>", "网页"),
        ("text/plain", b"<!DOCTYPE html>", "网页"),
        ("text/plain", b"two words", "空格"),
        ("text/plain", "令牌".encode(), "空格"),
        ("text/plain", b"\xff\xfe", "UTF-8"),
        ("application/json", b"{broken", "JSON 格式错误"),
        ("application/json", b"[1]", "不是对象"),
        ("application/json", b'{"token": "abc"}', "access_token"),
        ("application/json", b'{"access_token": 5}', "access_token"),
        ("application/json", b'{"access_token": "abc", "token_type": "mac"}', "bearer"),
        ("application/json", b'{"access_token": "abc", "expires_in": 0}', "expires_in"),
        ("application/json", b'{"access_token": "abc", "expires_in": "soon"}', "expires_in"),
        ("application/json", b'{"access_token": "abc", "expires_in": true}', "expires_in"),
    ],
)
def test_token_answers_refused(content_type: str, body: bytes, fragment: str) -> None:
    with pytest.raises(MalformedAnswer) as caught:
        parse_token_answer(content_type, body)
    assert fragment in caught.value.message_zh
    assert "令牌地址" in caught.value.message_zh
