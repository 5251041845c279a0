"""Open a connection to the platform the settings name, or to the training platform when none is.

Shared by the command line and the window: both run against the training
platform on a free loopback port when no platform is configured.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import TracebackType

import httpx

from desktop.config.settings import Settings
from desktop.platform.client import PlatformClient
from desktop.platform.http import make_http_client
from desktop.platform.token import TokenManager
from desktop.training.platform import TrainingOptions, TrainingPlatform


@dataclass
class Connection:
    settings: Settings
    http: httpx.Client
    tokens: TokenManager
    client: PlatformClient
    training: TrainingPlatform | None = field(default=None)

    @property
    def is_training(self) -> bool:
        return self.training is not None

    def close(self) -> None:
        self.http.close()
        if self.training is not None:
            self.training.stop()

    def __enter__(self) -> Connection:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def connect(settings: Settings, training_options: TrainingOptions | None = None) -> Connection:
    """A client for the configured platform; without one, for a training platform started here."""
    training: TrainingPlatform | None = None
    if not settings.platform_configured:
        training = TrainingPlatform(training_options)
        urls = training.start()
        settings = settings.with_platform(
            urls.token_url,
            urls.service_url,
            urls.dispatch_url,
            training.options.client_id,
            training.options.client_secret,
        )
    http = make_http_client(settings)
    tokens = TokenManager(settings, http)
    client = PlatformClient(
        http,
        tokens,
        settings.service_url or "",
        settings.dispatch_url or "",
        operation_timeout=settings.operation_timeout_s,
    )
    return Connection(settings, http, tokens, client, training)
