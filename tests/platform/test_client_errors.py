"""Every error class the client distinguishes, produced for real by the training platform."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from documents import receive_151
from training import admin_state, client_on, running_platform, set_faults

from desktop.config.settings import load_settings
from desktop.connection import connect
from desktop.platform.errors import (
    CredentialsRejected,
    Forbidden,
    MalformedAnswer,
    MethodNotAllowed,
    NetworkError,
    NotFound,
    OutcomeUnknown,
    PlatformError,
    ServerError,
    Unavailable,
)
from desktop.training.platform import TrainingPlatform
from desktop.training.seed import TRAINING_HOSPITAL_ID


@pytest.fixture(scope="module")
def platform() -> Iterator[TrainingPlatform]:
    with running_platform() as running:
        yield running


@pytest.fixture(autouse=True)
def no_faults(platform: TrainingPlatform) -> Iterator[None]:
    yield
    set_faults(platform)


@pytest.mark.parametrize(
    ("faults", "expected", "retryable"),
    [
        ({"error": 1}, ServerError, True),
        ({"forbidden": 1}, Forbidden, False),
        ({"unavailable": 1, "retry-after": 7}, Unavailable, True),
        ({"drop": 1}, OutcomeUnknown, True),
        ({"cut": 1}, OutcomeUnknown, True),
        ({"invalid-xml": 1}, MalformedAnswer, False),
    ],
)
def test_injected_faults_map_to_their_error(
    platform: TrainingPlatform,
    tmp_path: Path,
    faults: dict[str, float],
    expected: type[PlatformError],
    retryable: bool,
) -> None:
    with client_on(platform, tmp_path) as connection:
        connection.client.description()
        set_faults(platform, **faults)
        with pytest.raises(expected) as raised:
            connection.client.list_all_blood_type()
    assert raised.value.retryable is retryable
    assert raised.value.message_zh
    assert raised.value.message_en
    if isinstance(raised.value, Unavailable):
        assert raised.value.retry_after == 7


def test_dispatch_list_faults_too(platform: TrainingPlatform, tmp_path: Path) -> None:
    with client_on(platform, tmp_path) as connection:
        set_faults(platform, unavailable=1)
        with pytest.raises(Unavailable):
            connection.client.dispatch_list()


def test_timeout_after_processing_is_outcome_unknown_and_the_record_exists(
    platform: TrainingPlatform, tmp_path: Path
) -> None:
    bill = platform.state.dispatch_new_bill(TRAINING_HOSPITAL_ID, 1)
    bag_id = bill.blood_bags[0].blood_bag_id
    with client_on(platform, tmp_path, operation_timeout_s=0.5) as connection:
        connection.client.description()
        set_faults(platform, timeout=1, hang=3)
        with pytest.raises(OutcomeUnknown):
            connection.client.save_receive(receive_151(bill.id, [bag_id], f"RK-T-{bill.id}"))
        set_faults(platform)
        # The platform did process it: resending the same document is accepted, once.
        connection.client.save_receive(receive_151(bill.id, [bag_id], f"RK-T-{bill.id}"))
    receipts = [r for r in admin_state(platform)["receipts"] if r["document"]["refId"] == bill.id]
    assert len(receipts) == 1


def test_wrong_credentials_are_said_plainly(platform: TrainingPlatform, tmp_path: Path) -> None:
    with (
        client_on(platform, tmp_path, client_secret="not-the-secret") as connection,
        pytest.raises(CredentialsRejected) as raised,
    ):
        connection.client.get_facility()
    assert "密码" in raised.value.message_zh
    assert "not-the-secret" not in str(raised.value) + repr(raised.value)


def test_injected_credential_rejection(platform: TrainingPlatform, tmp_path: Path) -> None:
    set_faults(platform, **{"wrong-credentials": True})
    with client_on(platform, tmp_path) as connection, pytest.raises(CredentialsRejected):
        connection.client.get_facility()


def test_expired_tokens_are_renewed(platform: TrainingPlatform, tmp_path: Path) -> None:
    with client_on(platform, tmp_path) as connection:
        connection.client.get_facility()
        before = platform.authority.token_requests
        platform.authority.revoke_all()
        connection.client.get_facility()
        assert platform.authority.token_requests == before + 1


def test_platform_down_is_a_network_error(tmp_path: Path) -> None:
    with running_platform() as stopped:
        assert stopped.urls is not None
        urls = stopped.urls
    settings = load_settings(
        {
            "data_dir": tmp_path,
            "token_url": urls.token_url,
            "service_url": urls.service_url,
            "dispatch_url": urls.dispatch_url,
            "client_id": "x",
            "client_secret": "y",
        },
        environ={},
    )
    with connect(settings) as connection, pytest.raises(NetworkError) as raised:
        connection.client.dispatch_list()
    assert raised.value.retryable


def test_wrong_paths_give_not_found_and_method_not_allowed(
    platform: TrainingPlatform, tmp_path: Path
) -> None:
    assert platform.urls is not None
    wrong_dispatch = platform.urls.dispatch_url.replace("/list", "/nothing-here")
    with (
        client_on(platform, tmp_path, dispatch_url=wrong_dispatch) as connection,
        pytest.raises(NotFound),
    ):
        connection.client.dispatch_list()
    with (
        client_on(platform, tmp_path, dispatch_url=platform.urls.token_url) as connection,
        pytest.raises(MethodNotAllowed),
    ):
        connection.client.dispatch_list()


def test_shipped_wsdl_is_used_when_the_platform_has_none(
    platform: TrainingPlatform, tmp_path: Path
) -> None:
    assert platform.urls is not None
    with client_on(platform, tmp_path) as good:
        assert good.client.description().source == "platform"
    wrong_service = platform.urls.service_url + "-missing"
    with client_on(platform, tmp_path, service_url=wrong_service) as connection:
        description = connection.client.description()
        assert description.source == "shipped"
        assert description.fallback_reason
        with pytest.raises(NotFound):
            connection.client.get_facility()
