"""The training platform's side of the SOAP 1.1 service: requests in, responses and faults out.

Everything is driven by the WSDL the codec is given (the shipped one or a variant
from `wsdl_variants`): zeep reads its schema, lxml validates requests against the
embedded XSD, and responses are rendered from the schema's element lists. Arguments
come out positionally, in WSDL order, so the server's logic is the same whatever the
wrapper children are called (`listId` or `arg0`).

Requests are held to the schema as a CXF service holds them: an element the schema
does not know, or a value not of its XSD type, is refused. A missing element is not:
JAXB publishes every element as optional, and which fields an operation requires is
the platform's business rule, not the codec's. SOAP headers are ignored.

A `SoapDecodeError` is the client's fault: send `encode_fault("Client", str(error))`
with HTTP 500, as SOAP 1.1 prescribes for every fault.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Literal, cast

from lxml import etree
from zeep import xsd
from zeep.settings import Settings
from zeep.transports import Transport
from zeep.wsdl import Document
from zeep.wsdl.bindings.soap import Soap11Binding
from zeep.xsd.types.builtins import DateTime

from desktop.domain.dates import parse_datetime

SOAP_ENV = "http://schemas.xmlsoap.org/soap/envelope/"
FaultCode = Literal["Client", "Server"]

_NS = {"wsdl": "http://schemas.xmlsoap.org/wsdl/", "xs": "http://www.w3.org/2001/XMLSchema"}
_ENVELOPE = f"{{{SOAP_ENV}}}Envelope"
_BODY = f"{{{SOAP_ENV}}}Body"


@dataclass(frozen=True)
class SoapRequest:
    """One decoded call: the operation's name and its arguments in WSDL order."""

    operation: str
    args: list[Any]


class SoapDecodeError(Exception):
    """A request the service refuses, for a soap:Client fault.

    `str(error)` says it in Chinese then English; `message_zh` and `message_en`
    each carry one language, all three followed by the detail.
    """

    def __init__(self, chinese: str, english: str, detail: str) -> None:
        super().__init__(f"{chinese} / {english}: {detail}")
        self.message_zh = f"{chinese}：{detail}"
        self.message_en = f"{english}: {detail}"


class SoapCodec:
    """Decodes requests and encodes responses for one WSDL's single SOAP 1.1 port.

    `wsdl` is the WSDL itself (str or bytes) or a `Path` to it.
    """

    def __init__(self, wsdl: str | bytes | Path) -> None:
        raw = _wsdl_bytes(wsdl)
        document = Document(
            io.BytesIO(raw),
            # zeep annotates `transport` as a class, but takes an instance.
            transport=cast("type[Transport]", _OfflineTransport()),
            settings=Settings(forbid_external=True),
        )
        self._types = document.types
        self._operations = {
            operation.name: _Operation.from_zeep(operation)
            for operation in _soap11_binding(document).all().values()
        }
        self._by_wrapper = {op.request.qname.localname: op for op in self._operations.values()}
        self._validator = etree.XMLSchema(_embedded_schema(raw))
        # An XMLSchema keeps one error log per object: concurrent validations would mix them.
        self._validator_lock = threading.Lock()

    def decode_request(self, body: bytes) -> SoapRequest:
        """The call in a SOAP 1.1 request envelope, as plain Python data."""
        wrapper = _sole_body_child(_parse_envelope(body))
        operation = self._operation_for(wrapper)
        self._validate(wrapper)
        value = operation.request.parse(wrapper, self._types)
        return SoapRequest(operation.name, [_plain(value[name]) for name in operation.parameters])

    def encode_response(self, operation: str, result: Any) -> bytes:
        """A SOAP 1.1 envelope carrying `operation`'s response.

        `result` is plain data with the wire field names: a list of dicts for the
        `list…`/`getBloodBags` operations, a dict for `getFacility`/`listBillDetail`,
        a str for `cancelTakeoutList`, None for the `save…` operations.
        """
        envelope, body = _envelope()
        self._operations[operation].response.render(body, result)
        return _serialise(envelope)

    @staticmethod
    def encode_fault(code: FaultCode, message: str) -> bytes:
        """A SOAP 1.1 fault (`soap:Client` or `soap:Server`), to be sent with HTTP 500."""
        envelope, body = _envelope()
        fault = etree.SubElement(body, f"{{{SOAP_ENV}}}Fault")
        etree.SubElement(fault, "faultcode").text = f"soap:{code}"
        etree.SubElement(fault, "faultstring").text = message
        return _serialise(envelope)

    def _operation_for(self, wrapper: etree._Element) -> _Operation:
        name = etree.QName(wrapper)
        operation = self._by_wrapper.get(name.localname)
        if operation is None:
            raise SoapDecodeError("未知的接口操作", "unknown operation", name.text)
        expected = operation.request.qname.namespace
        if name.namespace != expected:
            raise SoapDecodeError(
                "操作元素的命名空间不符",
                "operation element in the wrong namespace",
                f"{name.text}, expected {{{expected}}}{name.localname}",
            )
        return operation

    def _validate(self, wrapper: etree._Element) -> None:
        try:
            with self._validator_lock:
                self._validator.assertValid(wrapper)
        except etree.DocumentInvalid as error:
            raise SoapDecodeError(
                "请求内容不符合接口定义", "request does not match the service schema", str(error)
            ) from None


@dataclass(frozen=True)
class _Field:
    """One element of a response, compiled once from the zeep schema.

    Rendering through these skips zeep's per-value machinery: zeep's own render
    takes about a second for the 50,000-row disease dictionary, these about half.
    """

    name: str
    tag: str
    repeated: bool
    to_text: Callable[[Any], str] | None  # None for a complex type, rendered from `children`
    children: tuple[_Field, ...]

    def render(self, parent: etree._Element, value: Any) -> None:
        for item in value if self.repeated else (value,):
            node = etree.SubElement(parent, self.tag)
            if self.to_text is not None:
                node.text = self.to_text(item)
            else:
                self._render_children(node, item)

    def _render_children(self, node: etree._Element, item: Mapping[str, Any]) -> None:
        for child in self.children:
            value = item.get(child.name)
            if value is None:
                continue
            # A single simple value is the bulk of a large answer: render it in place.
            if child.to_text is not None and not child.repeated:
                etree.SubElement(node, child.tag).text = child.to_text(value)
            else:
                child.render(node, value)


@dataclass(frozen=True)
class _Response:
    tag: str
    value: _Field | None  # the `return` element; None for the `void` operations

    def render(self, body: etree._Element, result: Any) -> None:
        wrapper = etree.SubElement(body, self.tag)
        if result is None:
            return
        if self.value is None:
            raise ValueError(f"{self.tag} carries no value, got {result!r}")
        self.value.render(wrapper, result)


@dataclass(frozen=True)
class _Operation:
    name: str
    request: Any  # zeep.xsd.Element of the request wrapper
    parameters: tuple[str, ...]
    response: _Response

    @classmethod
    def from_zeep(cls, operation: Any) -> _Operation:
        request, response = operation.input.body, operation.output.body
        fields = _compile(response.type)
        if len(fields) > 1:
            raise ValueError(f"{operation.name}: a wrapped response holds at most one value")
        return cls(
            name=operation.name,
            request=request,
            parameters=tuple(name for name, _ in request.type.elements),
            response=_Response(tag=response.qname.text, value=fields[0] if fields else None),
        )


def _compile(complex_type: Any) -> tuple[_Field, ...]:
    """The fields of a JAXB-shaped type: a sequence of elements, no attributes."""
    if complex_type.attributes:
        raise ValueError(f"{complex_type.name}: attributes are not supported")
    return tuple(
        _compile_field(element)
        for _, particle in complex_type.elements_nested
        for element in _sequence_members(complex_type, particle)
    )


def _sequence_members(owner: Any, particle: Any) -> list[Any]:
    if isinstance(particle, xsd.Element):
        return [particle]
    members = list(particle) if isinstance(particle, xsd.Sequence) else []
    if particle.accepts_multiple or not all(isinstance(m, xsd.Element) for m in members):
        raise ValueError(f"{owner.name}: only a sequence of elements is supported, not {particle}")
    return members


def _compile_field(element: Any) -> _Field:
    xsd_type = element.type
    complex_ = isinstance(xsd_type, xsd.ComplexType)
    return _Field(
        name=element.name,
        tag=element.qname.text,
        repeated=element.accepts_multiple,
        to_text=None if complex_ else _text_renderer(xsd_type),
        children=_compile(xsd_type) if complex_ else (),
    )


def _text_renderer(simple_type: Any) -> Callable[[Any], str]:
    xmlvalue = cast("Callable[[Any], str]", simple_type.xmlvalue)
    if isinstance(simple_type, DateTime):
        # Shanghai time with its +08:00 offset; a naive value already is Shanghai time.
        return lambda value: xmlvalue(parse_datetime(value))
    return xmlvalue


def _plain(value: Any) -> Any:
    """zeep's parsed value as dicts (wire names, WSDL order), lists and scalars."""
    if isinstance(value, xsd.CompoundValue):
        return {key: _plain(value[key]) for key in value}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, datetime):
        return parse_datetime(value)
    return value


class _OfflineTransport(Transport):
    """The codec's WSDL is self-contained; zeep asks its transport only to load imports,
    and an import here is a broken WSDL, not something to fetch."""

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]  # zeep leaves it unannotated

    def load(self, url: str) -> bytes:
        raise ValueError(f"the WSDL must be self-contained, but it imports {url}")


def _wsdl_bytes(wsdl: str | bytes | Path) -> bytes:
    if isinstance(wsdl, Path):
        return wsdl.read_bytes()
    return wsdl.encode("utf-8") if isinstance(wsdl, str) else wsdl


def _soap11_binding(document: Any) -> Any:
    bindings = [b for b in document.bindings.values() if isinstance(b, Soap11Binding)]
    if len(bindings) != 1:
        raise ValueError(f"expected one SOAP 1.1 binding in the WSDL, found {len(bindings)}")
    return bindings[0]


def _embedded_schema(raw: bytes) -> etree._Element:
    """The WSDL's XSD as a standalone schema document for lxml to validate with."""
    root = etree.fromstring(raw, etree.XMLParser(resolve_entities=False, no_network=True))
    (schema,) = root.iterfind("wsdl:types/xs:schema", _NS)
    # Declare every namespace in scope, not only those lxml sees used in tag names: the
    # schema names its types through prefixes inside attribute values (`type="tns:blood"`).
    nsmap = cast("dict[str, str]", schema.nsmap)
    standalone = etree.Element(schema.tag, nsmap=nsmap)
    for name, value in schema.items():
        standalone.set(name, value)
    standalone.extend(schema)
    return standalone


def _parse_envelope(body: bytes) -> etree._Element:
    # Comments and processing instructions are dropped so they never count as Body content.
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, remove_comments=True, remove_pis=True
    )
    try:
        envelope = etree.fromstring(body, parser)
    except etree.XMLSyntaxError as error:
        raise SoapDecodeError(
            "请求不是格式正确的 XML", "request is not well-formed XML", str(error)
        ) from None
    if envelope.getroottree().docinfo.internalDTD is not None:
        raise SoapDecodeError(
            "SOAP 消息不得包含 DTD", "a SOAP message must not contain a DTD", "<!DOCTYPE …>"
        )
    if envelope.tag != _ENVELOPE:
        raise SoapDecodeError(
            "请求不是 SOAP 1.1 信封", "request is not a SOAP 1.1 envelope", envelope.tag
        )
    return envelope


def _sole_body_child(envelope: etree._Element) -> etree._Element:
    body = envelope.find(_BODY)
    if body is None:
        raise SoapDecodeError("SOAP 信封缺少 Body", "SOAP envelope has no Body", _ENVELOPE)
    children = list(body)
    if len(children) != 1:
        raise SoapDecodeError(
            "SOAP Body 必须恰好包含一个操作元素",
            "SOAP Body must hold exactly one operation element",
            f"found {len(children)}",
        )
    return children[0]


def _envelope() -> tuple[etree._Element, etree._Element]:
    envelope = etree.Element(_ENVELOPE, nsmap={"soap": SOAP_ENV})
    return envelope, etree.SubElement(envelope, _BODY)


def _serialise(envelope: etree._Element) -> bytes:
    return etree.tostring(envelope, xml_declaration=True, encoding="UTF-8")
