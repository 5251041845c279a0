"""Mapping HTTP answers and httpx failures to the errors the desk acts on; secrets redacted."""

from __future__ import annotations

import socket
import threading
import traceback
from collections.abc import Iterator
from datetime import UTC, datetime

import httpx
import pytest

from desktop.platform.errors import (
    CredentialsRejected,
    Forbidden,
    MalformedAnswer,
    MethodNotAllowed,
    NetworkError,
    NotFound,
    OutcomeUnknown,
    PlatformError,
    Refused,
    ServerError,
    Unavailable,
    error_from_httpx,
    error_from_response,
    parse_retry_after,
    platform_text,
    redact,
)

SECRET = "pa ss/word+1&="
JSON = {"content-type": "application/json"}
TEXT = {"content-type": "text/plain; charset=utf-8"}


@pytest.mark.parametrize(
    ("status", "kind", "retryable"),
    [
        (400, Refused, False),
        (401, CredentialsRejected, False),
        (403, Forbidden, False),
        (404, NotFound, False),
        (405, MethodNotAllowed, False),
        (409, Refused, False),
        (429, Unavailable, True),
        (500, ServerError, True),
        (501, ServerError, True),
        (502, OutcomeUnknown, True),
        (503, Unavailable, True),
        (504, OutcomeUnknown, True),
        (302, MalformedAnswer, False),
        (204, MalformedAnswer, False),
    ],
)
def test_status_mapping(status: int, kind: type[PlatformError], retryable: bool) -> None:
    error = error_from_response(status, TEXT, b"")
    assert type(error) is kind
    assert error.retryable is retryable
    assert error.status == status
    assert error.message_zh
    assert error.message_en
    assert f"HTTP {status}" in error.message_zh
    assert str(error) == f"{error.message_zh} / {error.message_en}"


def test_credentials_rejected_says_so_plainly() -> None:
    error = error_from_response(401, TEXT, b"")
    assert "客户编号或密码" in error.message_zh
    assert "平台管理员" in error.message_zh
    assert "client id or secret" in error.message_en


def test_refused_carries_the_platform_message() -> None:
    body = '{"error": "invalid_request", "error_description": "出库单号重复"}'.encode()
    error = error_from_response(400, JSON, body)
    assert isinstance(error, Refused)
    assert "出库单号重复" in error.message_zh
    assert "出库单号重复" in error.message_en
    assert "原样重发不会成功" in error.message_zh


def test_html_error_pages_are_reduced_to_text() -> None:
    body = (
        b"<html><head><style>p{}</style><title>Oops</title></head>"
        b"<body><h1>No &amp; no</h1></body></html>"
    )
    assert platform_text({"content-type": "text/html"}, body) == "Oops No & no"


def test_long_answers_are_cut() -> None:
    text = platform_text(TEXT, b"x" * 5000)
    assert len(text) == 301
    assert text.endswith("…")


def test_redirect_names_the_target() -> None:
    error = error_from_response(301, {"location": "https://10.1.1.1/oauth/token"}, b"")
    assert "https://10.1.1.1/oauth/token" in error.message_zh
    assert "https://" in error.message_en


def test_unavailable_with_retry_after_seconds() -> None:
    error = error_from_response(503, {"retry-after": "120"}, b"")
    assert isinstance(error, Unavailable)
    assert error.retry_after == 120
    assert "120 秒" in error.message_zh


def test_unavailable_without_retry_after() -> None:
    error = error_from_response(503, {}, b"")
    assert isinstance(error, Unavailable)
    assert error.retry_after is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("30", 30.0),
        (" 0 ", 0.0),
        ("Sat, 28 Nov 2026 12:01:30 GMT", 90.0),
        ("Sat, 28 Nov 2026 11:00:00 GMT", 0.0),
        ("soon", None),
        ("-5", None),
        ("³", None),
        (None, None),
    ],
)
def test_parse_retry_after(value: str | None, expected: float | None) -> None:
    now = datetime(2026, 11, 28, 12, 0, 0, tzinfo=UTC)
    assert parse_retry_after(value, now=now) == expected


def test_redact_covers_raw_and_url_encoded_forms() -> None:
    text = f"raw {SECRET} form pa+ss%2Fword%2B1%26%3D path pa%20ss%2Fword%2B1%26%3D"
    redacted = redact(text, [SECRET, ""])
    assert redacted == "raw *** form *** path ***"


def test_platform_text_is_redacted() -> None:
    body = f"bad request: client_secret={SECRET}".encode()
    error = error_from_response(400, TEXT, body, secrets=[SECRET])
    assert SECRET not in str(error)
    assert "***" in error.message_zh


# -- httpx failures, produced for real on loopback where that is cheap ----------------


@pytest.fixture
def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def silent_server() -> Iterator[str]:
    """Accepts connections (the kernel does) and never answers."""
    with socket.create_server(("127.0.0.1", 0)) as listener:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"


@pytest.fixture
def hang_up_server() -> Iterator[str]:
    """Reads the request, then closes the connection without a word."""
    listener = socket.create_server(("127.0.0.1", 0))

    def serve() -> None:
        connection, _ = listener.accept()
        with connection:
            connection.recv(65536)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    thread.join(timeout=5)
    listener.close()


def failure(send: httpx.Request, timeout: float = 0.3) -> httpx.HTTPError:
    with httpx.Client(timeout=timeout) as client, pytest.raises(httpx.HTTPError) as caught:
        client.send(send)
    return caught.value


def test_connection_refused_is_a_network_error(closed_port: int) -> None:
    exc = failure(httpx.Request("POST", f"http://127.0.0.1:{closed_port}/x", content=b"a"))
    error = error_from_httpx(exc, sent=True)
    assert isinstance(error, NetworkError)
    assert error.retryable
    assert not error.certificate
    assert "ConnectError" in error.message_en
    assert "无法连接到平台" in error.message_zh


def test_read_timeout_after_sending_is_outcome_unknown(silent_server: str) -> None:
    exc = failure(httpx.Request("POST", silent_server, content=b"saveReceive"))
    assert isinstance(exc, httpx.ReadTimeout)
    error = error_from_httpx(exc, sent=True)
    assert isinstance(error, OutcomeUnknown)
    assert error.retryable
    assert "可能已经处理，也可能没有" in error.message_zh
    assert "ReadTimeout" in error.message_en


def test_read_timeout_of_a_harmless_request_is_a_network_error(silent_server: str) -> None:
    exc = failure(httpx.Request("GET", silent_server))
    assert isinstance(error_from_httpx(exc, sent=False), NetworkError)


def test_connection_lost_after_sending_is_outcome_unknown(hang_up_server: str) -> None:
    exc = failure(httpx.Request("POST", hang_up_server, content=b"saveTakeoutList"), timeout=5)
    assert isinstance(exc, httpx.RemoteProtocolError)
    assert isinstance(error_from_httpx(exc, sent=True), OutcomeUnknown)


@pytest.mark.parametrize(
    ("exc", "kind"),
    [
        (httpx.PoolTimeout("no free connection"), NetworkError),
        (httpx.ConnectTimeout("timed out"), NetworkError),
        (httpx.WriteTimeout("timed out"), OutcomeUnknown),
        (httpx.ReadError("reset by peer"), OutcomeUnknown),
        (httpx.DecodingError("bad gzip"), MalformedAnswer),
    ],
)
def test_exception_types_the_network_rarely_produces(
    exc: httpx.HTTPError, kind: type[PlatformError]
) -> None:
    assert type(error_from_httpx(exc, sent=True)) is kind


def test_status_error_maps_like_a_response() -> None:
    request = httpx.Request("GET", "http://platform/x")
    response = httpx.Response(403, request=request)
    exc = httpx.HTTPStatusError("forbidden", request=request, response=response)
    assert isinstance(error_from_httpx(exc, sent=True), Forbidden)


def test_certificate_failure_is_recognised_from_the_text() -> None:
    exc = httpx.ConnectError("[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed")
    error = error_from_httpx(exc, sent=False)
    assert isinstance(error, NetworkError)
    assert error.certificate
    assert "BLOOD_DESK_CA_BUNDLE" in error.message_zh


def test_secret_in_an_httpx_message_is_redacted_and_not_chained() -> None:
    def call() -> None:
        try:
            raise httpx.ReadError(f"connection reset while sending client_secret={SECRET}")
        except httpx.HTTPError as exc:
            raise error_from_httpx(exc, sent=True, secrets=[SECRET]) from None

    with pytest.raises(OutcomeUnknown) as caught:
        call()
    printed = "".join(traceback.format_exception(caught.value))
    assert "ReadError" in printed
    assert SECRET not in printed
    assert SECRET not in repr(caught.value)


def test_repr_is_short_and_typed() -> None:
    error = error_from_response(404, TEXT, b"")
    assert repr(error).startswith("NotFound(status=404, message_en=")
