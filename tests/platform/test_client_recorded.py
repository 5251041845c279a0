"""Recorded and hand-made SOAP answers replayed over real HTTP: what the reader accepts."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from training import client_on, running_platform

from desktop.platform.client import PlatformClient
from desktop.platform.errors import MalformedAnswer, Refused, ServerError
from desktop.training.platform import TrainingPlatform
from desktop.training.server import LoopbackServer

RECORDED = Path(__file__).parent / "recorded"


@dataclass
class Replay:
    """Answers every SOAP POST with the body and status it was last given."""

    body: bytes = b""
    status: int = 200
    requests: list[bytes] = field(default_factory=list)

    async def answer(self, request: Request) -> Response:
        self.requests.append(await request.body())
        return Response(self.body, status_code=self.status, media_type="text/xml; charset=utf-8")


@pytest.fixture(scope="module")
def replay() -> Iterator[tuple[Replay, str]]:
    answer = Replay()
    app = Starlette(routes=[Route("/soap", answer.answer, methods=["POST"])])
    with LoopbackServer(app) as server:
        yield answer, server.base_url + "/soap"


@pytest.fixture(scope="module")
def training() -> Iterator[TrainingPlatform]:
    with running_platform() as platform:
        yield platform


@pytest.fixture
def client(
    replay: tuple[Replay, str], training: TrainingPlatform, tmp_path: Path
) -> Iterator[PlatformClient]:
    # Token and WSDL from the training platform; business answers from the replay server.
    with client_on(training, tmp_path) as connected:
        yield PlatformClient(
            connected.http,
            connected.tokens,
            replay[1],
            connected.settings.dispatch_url or "",
            description=connected.client.description(),
        )


def play(replay: tuple[Replay, str], name: str, status: int = 200) -> None:
    replay[0].body = (RECORDED / name).read_bytes()
    replay[0].status = status


def test_recorded_bill_answer(replay: tuple[Replay, str], client: PlatformClient) -> None:
    play(replay, "listBillDetail.response.xml")
    bill = client.list_bill_detail("FX20261128-0004")
    assert bill.id == "FX20261128-0004"
    assert len(bill.blood_bags) == 3
    assert bill.blood_bags[0].serial_id == "C310126005504"
    assert bill.blood_bags[0].expiration.utcoffset() is not None


def test_the_request_envelope_names_the_bill(
    replay: tuple[Replay, str], client: PlatformClient
) -> None:
    play(replay, "listBillDetail.response.xml")
    client.list_bill_detail("FX20261128-0004")
    assert b"<listId>FX20261128-0004</listId>" in replay[0].requests[-1]


def test_another_stacks_answer_with_nil_unknown_fields_and_lowercase_id(
    replay: tuple[Replay, str], client: PlatformClient
) -> None:
    play(replay, "cxf-listAllBlood.response.xml")
    products = client.list_all_blood()
    assert [p.id for p in products] == ["E0224V00", "E3090V00"]
    assert products[1].short_name is None
    assert products[1].available is False


@pytest.mark.parametrize(
    "name", ["wrong-types-listAllBloodType.response.xml", "truncated-listAllBloodType.response.xml"]
)
def test_unreadable_answers_are_malformed(
    replay: tuple[Replay, str], client: PlatformClient, name: str
) -> None:
    play(replay, name)
    with pytest.raises(MalformedAnswer) as raised:
        client.list_all_blood_type()
    assert "平台" in raised.value.message_zh


def test_client_fault_is_a_refusal_with_the_platform_message(
    replay: tuple[Replay, str], client: PlatformClient
) -> None:
    play(replay, "listBillDetail-unknown.response.xml", status=500)
    with pytest.raises(Refused) as raised:
        client.list_bill_detail("NO-SUCH")
    assert "NO-SUCH" in raised.value.message_zh


def test_server_fault_may_be_retried(replay: tuple[Replay, str], client: PlatformClient) -> None:
    play(replay, "server-fault.response.xml", status=500)
    with pytest.raises(ServerError) as raised:
        client.list_all_blood_type()
    assert raised.value.retryable
