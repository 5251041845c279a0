"""The training platform's token authority, directly and over real HTTP on loopback."""

from __future__ import annotations

import json
from collections.abc import Iterator

import httpx
import pytest
from starlette.applications import Starlette

from desktop.training.auth import TokenAuthority, token_endpoint
from desktop.training.server import LoopbackServer

CLIENTS = {"hospital-1": ("s3cret", 101), "hospital-2": ("other", 202)}
GOOD_FORM = {
    "grant_type": "client_credentials",
    "client_id": "hospital-1",
    "client_secret": "s3cret",
}


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def authority(clock: FakeClock) -> TokenAuthority:
    return TokenAuthority(CLIENTS, clock=clock)


@pytest.fixture
def server(authority: TokenAuthority) -> Iterator[LoopbackServer]:
    with LoopbackServer(Starlette(routes=[token_endpoint(authority)])) as running:
        yield running


def issued_token(authority: TokenAuthority, form: dict[str, str] = GOOD_FORM) -> str:
    status, body, _ = authority.issue(form)
    assert status == 200
    return str(json.loads(body)["access_token"])


def test_json_answer_is_oauth2(authority: TokenAuthority) -> None:
    status, body, content_type = authority.issue(GOOD_FORM)
    answer = json.loads(body)
    assert status == 200
    assert content_type.startswith("application/json")
    assert answer["token_type"] == "bearer"
    assert answer["expires_in"] == 7200
    assert len(answer["access_token"]) >= 32


def test_text_answer_is_the_bare_token(authority: TokenAuthority) -> None:
    authority.set_style("text")
    status, body, content_type = authority.issue(GOOD_FORM)
    assert status == 200
    assert content_type.startswith("text/plain")
    assert authority.authenticate(f"Bearer {body.decode()}") == 101


def test_tokens_are_random_and_name_their_hospital(authority: TokenAuthority) -> None:
    first, second = issued_token(authority), issued_token(authority)
    other = issued_token(
        authority, {**GOOD_FORM, "client_id": "hospital-2", "client_secret": "other"}
    )
    assert len({first, second, other}) == 3
    assert authority.authenticate(f"Bearer {first}") == 101
    assert authority.authenticate(f"bearer {other}") == 202


@pytest.mark.parametrize(
    ("form", "error"),
    [
        ({**GOOD_FORM, "grant_type": "password"}, "unsupported_grant_type"),
        ({**GOOD_FORM, "grant_type": "authorization_code"}, "unsupported_grant_type"),
        ({"client_id": "hospital-1", "client_secret": "s3cret"}, "invalid_request"),
    ],
)
def test_only_client_credentials_is_granted(
    authority: TokenAuthority, form: dict[str, str], error: str
) -> None:
    status, body, _ = authority.issue(form)
    assert status == 400
    assert json.loads(body)["error"] == error


@pytest.mark.parametrize(
    "form",
    [
        {**GOOD_FORM, "client_secret": "wrong"},
        {**GOOD_FORM, "client_secret": ""},
        {**GOOD_FORM, "client_id": "nobody"},
        {"grant_type": "client_credentials"},
        {**GOOD_FORM, "client_secret": "other"},
    ],
)
def test_bad_credentials_get_401(authority: TokenAuthority, form: dict[str, str]) -> None:
    status, body, _ = authority.issue(form)
    assert status == 401
    assert json.loads(body)["error"] == "invalid_client"


def test_wrong_credentials_fault_rejects_even_the_right_ones(authority: TokenAuthority) -> None:
    authority.reject_all_credentials = True
    assert authority.issue(GOOD_FORM)[0] == 401
    authority.reject_all_credentials = False
    assert authority.issue(GOOD_FORM)[0] == 200


def test_every_request_is_counted(authority: TokenAuthority) -> None:
    authority.issue(GOOD_FORM)
    authority.issue({**GOOD_FORM, "client_secret": "wrong"})
    authority.issue({})
    assert authority.token_requests == 3


@pytest.mark.parametrize("header", [None, "", "Basic abc", "Bearer", "Bearer unknown-token"])
def test_unauthenticated_headers(authority: TokenAuthority, header: str | None) -> None:
    issued_token(authority)
    assert authority.authenticate(header) is None


def test_tokens_expire_after_their_lifetime(authority: TokenAuthority, clock: FakeClock) -> None:
    token = issued_token(authority)
    clock.now += 7199
    assert authority.authenticate(f"Bearer {token}") == 101
    clock.now += 1
    assert authority.authenticate(f"Bearer {token}") is None


def test_new_lifetime_applies_to_tokens_issued_afterwards(
    authority: TokenAuthority, clock: FakeClock
) -> None:
    old = issued_token(authority)
    authority.set_lifetime(60)
    _, body, _ = authority.issue(GOOD_FORM)
    assert json.loads(body)["expires_in"] == 60
    new = json.loads(body)["access_token"]
    clock.now += 61
    assert authority.authenticate(f"Bearer {new}") is None
    assert authority.authenticate(f"Bearer {old}") == 101


def test_revoke_all(authority: TokenAuthority) -> None:
    tokens = [issued_token(authority) for _ in range(3)]
    authority.revoke_all()
    assert all(authority.authenticate(f"Bearer {token}") is None for token in tokens)
    assert authority.authenticate(f"Bearer {issued_token(authority)}") == 101


@pytest.mark.parametrize("lifetime", [0, -5, float("nan")])
def test_lifetime_must_be_positive(authority: TokenAuthority, lifetime: float) -> None:
    with pytest.raises(ValueError, match="positive"):
        authority.set_lifetime(lifetime)


def test_style_must_be_known(authority: TokenAuthority) -> None:
    with pytest.raises(ValueError, match="json"):
        authority.set_style("xml")  # type: ignore[arg-type]


def test_endpoint_issues_over_http(server: LoopbackServer, authority: TokenAuthority) -> None:
    response = httpx.post(server.base_url + "/oauth/token", data=GOOD_FORM)
    assert response.status_code == 200
    assert response.headers["cache-control"] == "no-store"
    token = response.json()["access_token"]
    assert authority.authenticate(f"Bearer {token}") == 101
    assert authority.token_requests == 1


def test_endpoint_answers_401_to_wrong_secret(server: LoopbackServer) -> None:
    response = httpx.post(
        server.base_url + "/oauth/token", data={**GOOD_FORM, "client_secret": "x"}
    )
    assert response.status_code == 401
    assert response.json()["error"] == "invalid_client"


def test_endpoint_refuses_get_with_405(server: LoopbackServer) -> None:
    assert httpx.get(server.base_url + "/oauth/token").status_code == 405


@pytest.mark.parametrize(
    ("content", "content_type"),
    [
        (json.dumps(GOOD_FORM).encode(), "application/json"),
        (b"grant_type=client_credentials&client_id=hospital-1&client_id=hospital-2", None),
        (b"grant_type=client_credentials&client_id=\xff\xfe", None),
    ],
    ids=["json body", "repeated parameter", "not utf-8"],
)
def test_endpoint_refuses_malformed_forms_with_400(
    server: LoopbackServer, authority: TokenAuthority, content: bytes, content_type: str | None
) -> None:
    headers = {"Content-Type": content_type or "application/x-www-form-urlencoded"}
    response = httpx.post(server.base_url + "/oauth/token", content=content, headers=headers)
    assert response.status_code == 400
    assert response.json()["error"] == "invalid_request"
    assert authority.token_requests == 0
