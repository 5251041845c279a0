"""Start the training platform and a client on it, for tests that talk over real loopback HTTP."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

from desktop.config.settings import Settings, load_settings
from desktop.connection import Connection, connect
from desktop.domain.models import HandoverInfo
from desktop.training.platform import TrainingOptions, TrainingPlatform, TrainingUrls


def settings_for(
    urls: TrainingUrls, platform: TrainingPlatform, data_dir: Path, **extra: Any
) -> Settings:
    values: dict[str, Any] = {
        "data_dir": data_dir,
        "token_url": urls.token_url,
        "service_url": urls.service_url,
        "dispatch_url": urls.dispatch_url,
        "client_id": platform.options.client_id,
        "client_secret": platform.options.client_secret,
    }
    values.update(extra)
    return load_settings(values, environ={})


@contextmanager
def running_platform(**options: Any) -> Iterator[TrainingPlatform]:
    platform = TrainingPlatform(TrainingOptions(**options))
    platform.start()
    try:
        yield platform
    finally:
        platform.stop()


@contextmanager
def client_on(platform: TrainingPlatform, data_dir: Path, **extra: Any) -> Iterator[Connection]:
    assert platform.urls is not None
    with connect(settings_for(platform.urls, platform, data_dir, **extra)) as connection:
        yield connection


def admin_state(platform: TrainingPlatform) -> dict[str, Any]:
    assert platform.urls is not None
    response = httpx.get(platform.urls.admin_url + "/state")
    response.raise_for_status()
    state: dict[str, Any] = response.json()
    return state


def set_faults(platform: TrainingPlatform, **faults: Any) -> None:
    assert platform.urls is not None
    response = httpx.put(platform.urls.admin_url + "/faults", json=faults)
    response.raise_for_status()


def new_bill(platform: TrainingPlatform, bags: int = 10) -> HandoverInfo:
    """Make the blood station dispatch a bill of `bags` bags to the training hospital now."""
    assert platform.urls is not None
    response = httpx.post(platform.urls.admin_url + "/bills", json={"bags": bags})
    response.raise_for_status()
    return HandoverInfo.model_validate(response.json())


def revoke_tokens(platform: TrainingPlatform) -> None:
    assert platform.urls is not None
    httpx.post(platform.urls.admin_url + "/revoke-tokens").raise_for_status()
