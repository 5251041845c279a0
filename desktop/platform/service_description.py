"""The platform's WSDL, as zeep reads it: which operations exist and how to render a request.

The desk follows the WSDL the platform publishes at `?wsdl`, so a platform whose
WSDL uses another namespace or JAX-WS default parameter names (`arg0`, `arg1`, …)
works unchanged: operations are looked up by name and arguments passed by
position. When the platform's WSDL cannot be fetched or read, the copy shipped in
`resources/` is used instead, and the reason is kept for `blood-desk check`.

zeep only reads WSDL and renders envelopes here; every byte on the wire goes
through the desk's one HTTP stack (httpx), including the WSDL and its imports.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import httpx
import zeep
from lxml import etree
from zeep.exceptions import Error as ZeepError
from zeep.transports import Transport

from desktop.config.resources import SHIPPED_WSDL, resource_path
from desktop.platform.errors import MalformedAnswer, PlatformError, error_from_httpx

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class OperationInfo:
    name: str
    soap_action: str
    parameters: tuple[str, ...]


class _HttpxLoader(Transport):
    """A zeep transport that hands zeep documents fetched by httpx (or read from disk)."""

    def __init__(self, http: httpx.Client, preloaded: dict[str, bytes]) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self._http = http
        self._preloaded = preloaded

    def load(self, url: str) -> bytes:
        if url in self._preloaded:
            return self._preloaded[url]
        if urlparse(url).scheme in ("http", "https"):
            response = self._http.get(url)
            response.raise_for_status()
            return response.content
        return Path(url).expanduser().read_bytes()


def _zeep_settings() -> zeep.Settings:
    # xml_huge_tree: the disease dictionary answer is large; strict off would hide
    # schema mismatches, so it stays on for the WSDL itself.
    return zeep.Settings(strict=True, xml_huge_tree=True)


class ServiceDescription:
    """Operations of the platform's SOAP service and rendering of their request envelopes."""

    def __init__(
        self, client: zeep.Client, source: str, fallback_reason: str | None = None
    ) -> None:
        self._client = client
        self.source = source
        self.fallback_reason = fallback_reason
        self._operations = self._read_operations(client)

    @classmethod
    def from_wsdl_bytes(
        cls, content: bytes, location: str, http: httpx.Client, source: str
    ) -> ServiceDescription:
        transport = _HttpxLoader(http, {location: content})
        client = zeep.Client(location, transport=transport, settings=_zeep_settings())
        return cls(client, source)

    @classmethod
    def shipped(cls, http: httpx.Client, reason: str | None = None) -> ServiceDescription:
        path = resource_path(*SHIPPED_WSDL)
        description = cls.from_wsdl_bytes(path.read_bytes(), str(path), http, source="shipped")
        description.fallback_reason = reason
        return description

    @classmethod
    def load(cls, http: httpx.Client, service_url: str) -> ServiceDescription:
        """The platform's own WSDL, or the shipped one when it cannot be had."""
        wsdl_url = service_url + "?wsdl"
        try:
            return cls._fetch(http, wsdl_url)
        except PlatformError as error:
            reason = error.message_en
        except (ZeepError, etree.XMLSyntaxError, ValueError, KeyError) as error:
            reason = f"the platform's WSDL could not be read ({type(error).__name__}: {error})"
        log.warning("using the shipped WSDL: %s", reason)
        return cls.shipped(http, reason)

    @classmethod
    def _fetch(cls, http: httpx.Client, wsdl_url: str) -> ServiceDescription:
        try:
            response = http.get(wsdl_url)
        except httpx.HTTPError as error:
            raise error_from_httpx(error, sent=False) from None
        if response.status_code != httpx.codes.OK:
            raise MalformedAnswer(
                f"平台的 WSDL 地址返回 HTTP {response.status_code}",
                f"the platform's WSDL address answered HTTP {response.status_code}",
            )
        return cls.from_wsdl_bytes(response.content, wsdl_url, http, source="platform")

    @staticmethod
    def _read_operations(client: zeep.Client) -> dict[str, OperationInfo]:
        operations: dict[str, OperationInfo] = {}
        for name, operation in client.service._binding._operations.items():
            body = operation.input.body
            parameters = tuple(child_name for child_name, _ in body.type.elements) if body else ()
            operations[name] = OperationInfo(name, operation.soapaction or "", parameters)
        return operations

    @property
    def operations(self) -> dict[str, OperationInfo]:
        return dict(self._operations)

    def operation(self, name: str) -> OperationInfo:
        try:
            return self._operations[name]
        except KeyError:
            raise MalformedAnswer(
                f"平台的服务描述中没有操作 {name}，请联系平台管理员核对接口版本",
                f"the platform's service description has no operation {name}; "
                "ask the platform administrator which interface version it runs",
            ) from None

    def render_request(self, name: str, args: Sequence[Any]) -> bytes:
        """The SOAP envelope calling `name` with `args` in the WSDL's parameter order."""
        info = self.operation(name)
        if len(args) != len(info.parameters):
            raise TypeError(f"{name} takes {len(info.parameters)} arguments, got {len(args)}")
        envelope = self._client.create_message(self._client.service, name, *args)
        return bytes(etree.tostring(envelope, xml_declaration=True, encoding="utf-8"))
