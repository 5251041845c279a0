"""Assemble and run the training platform on loopback: one port, or a second one for SOAP.

The real deployment serves the token on one port and the SOAP service on
another; `service_port` reproduces that. Both servers share one state.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from starlette.applications import Starlette

from desktop.config.resources import SHIPPED_WSDL, resource_path
from desktop.training.app import ADMIN_PATH, DISPATCH_PATH, SERVICE_PATH, TrainingApp
from desktop.training.auth import TOKEN_PATH, TokenAuthority
from desktop.training.faults import FaultPlan, FaultSettings
from desktop.training.seed import DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, build_world
from desktop.training.server import LoopbackServer
from desktop.training.soap_codec import SoapCodec
from desktop.training.state import PlatformState, system_clock
from desktop.training.wsdl_variants import jaxws_variant, with_address

WsdlVariant = Literal["spec", "jaxws"]
TokenStyle = Literal["json", "text"]


@dataclass(frozen=True)
class TrainingUrls:
    token_url: str
    service_url: str
    dispatch_url: str
    admin_url: str


@dataclass(frozen=True)
class TrainingOptions:
    host: str = "127.0.0.1"
    port: int = 0
    service_port: int | None = None
    client_id: str = DEFAULT_CLIENT_ID
    client_secret: str = DEFAULT_CLIENT_SECRET
    seed: int = 20261128
    size: Literal["small", "large"] = "small"
    token_style: TokenStyle = "json"
    wsdl_variant: WsdlVariant = "spec"
    faults: FaultSettings | None = None
    # The world's "now": bills dispatched over the days before it. None means the real
    # clock, so near-expiry bags stay near expiry whenever the desk is started.
    now: datetime | None = None


class TrainingPlatform:
    """The simulator, ready to `start()` on loopback and `stop()`."""

    def __init__(self, options: TrainingOptions | None = None) -> None:
        self.options = options or TrainingOptions()
        world = build_world(
            seed=self.options.seed, size=self.options.size, now=self.options.now or system_clock()
        )
        self.state = PlatformState(world)
        clients = dict(world.clients)
        clients[self.options.client_id] = (
            self.options.client_secret,
            world.clients[DEFAULT_CLIENT_ID][1],
        )
        self.authority = TokenAuthority(clients, style=self.options.token_style)
        shipped = resource_path(*SHIPPED_WSDL).read_text(encoding="utf-8")
        wsdl = jaxws_variant(shipped) if self.options.wsdl_variant == "jaxws" else shipped
        self.app = TrainingApp(
            state=self.state,
            authority=self.authority,
            codec=SoapCodec(wsdl),
            wsdl_for=lambda address: with_address(wsdl, address),
            faults=FaultPlan(),
        )
        if self.options.faults is not None:
            self.app.apply_faults(self.options.faults)
        self._servers: list[LoopbackServer] = []
        self._ports: tuple[int, int | None] | None = None
        self.urls: TrainingUrls | None = None

    def start(self) -> TrainingUrls:
        host = self.options.host
        main_routes = self.app.main_routes()
        # Started again after a stop, it comes back on the same ports, so a desk that
        # was talking to it finds it again (a platform outage, for training and tests).
        port, service_port = self._ports or (self.options.port, self.options.service_port)
        if service_port is None:
            main = LoopbackServer(
                Starlette(routes=main_routes + self.app.service_routes()), host, port
            )
            self._servers = [main]
            main.start()
            service_base = main.base_url
        else:
            main = LoopbackServer(Starlette(routes=main_routes), host, port)
            service = LoopbackServer(
                Starlette(routes=self.app.service_routes()), host, service_port
            )
            self._servers = [main, service]
            main.start()
            service.start()
            service_base = service.base_url
        self._ports = (main.port, self._servers[1].port if len(self._servers) > 1 else None)
        self.urls = TrainingUrls(
            token_url=main.base_url + TOKEN_PATH,
            service_url=service_base + SERVICE_PATH,
            dispatch_url=main.base_url + DISPATCH_PATH,
            admin_url=main.base_url + ADMIN_PATH,
        )
        return self.urls

    @property
    def running(self) -> bool:
        return bool(self._servers)

    def stop(self) -> None:
        """Stop serving; the state is kept, and `start()` serves it again on the same ports."""
        for server in self._servers:
            server.stop()
        self._servers = []

    def __enter__(self) -> TrainingPlatform:
        self.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.stop()
