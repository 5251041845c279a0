"""Run an ASGI app on loopback in a background thread, for the desk, the CLI and tests.

uvicorn is told to bind an already-open socket so that port 0 ("any free port")
works without a race between choosing a port and binding it. Given a
certificate and its key, it serves HTTPS (tests of certificate handling).
"""

from __future__ import annotations

import os
import socket
import threading
import time
from types import TracebackType

import uvicorn
from starlette.types import ASGIApp

_START_TIMEOUT_S = 10.0


class ServerStartError(RuntimeError):
    """The server could not bind or did not come up in time."""


class LoopbackServer:
    """An ASGI app served by uvicorn on `host:port` from a daemon thread."""

    def __init__(
        self,
        app: ASGIApp,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        ssl_certfile: str | os.PathLike[str] | None = None,
        ssl_keyfile: str | os.PathLike[str] | None = None,
    ) -> None:
        self._app = app
        self._host = host
        self._requested_port = port
        self._ssl_certfile = ssl_certfile
        self._ssl_keyfile = ssl_keyfile
        self._socket: socket.socket | None = None
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        if self._socket is None:
            raise ServerStartError("server not started")
        return int(self._socket.getsockname()[1])

    @property
    def base_url(self) -> str:
        scheme = "http" if self._ssl_certfile is None else "https"
        return f"{scheme}://{self._host}:{self.port}"

    def start(self) -> str:
        try:
            self._socket = socket.create_server((self._host, self._requested_port))
            # Accepted connections inherit it: without it, Nagle holds back the body sent
            # after the headers until the client's delayed ACK, 40 ms on every answer.
            self._socket.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        except OSError as error:
            raise ServerStartError(
                f"cannot bind {self._host}:{self._requested_port}: {error}"
            ) from error
        config = uvicorn.Config(
            self._app,
            log_level="warning",
            access_log=False,
            lifespan="off",
            timeout_graceful_shutdown=1,
            ssl_certfile=self._ssl_certfile,
            ssl_keyfile=self._ssl_keyfile,
        )
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(
            target=self._server.run,
            kwargs={"sockets": [self._socket]},
            daemon=True,
            name="training-http",
        )
        self._thread.start()
        deadline = time.monotonic() + _START_TIMEOUT_S
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise ServerStartError(f"server on {self._host}:{self.port} did not start")
            time.sleep(0.005)
        return self.base_url

    def stop(self) -> None:
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=5)
        if self._socket is not None:
            self._socket.close()
        self._server = self._thread = self._socket = None

    def __enter__(self) -> LoopbackServer:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
