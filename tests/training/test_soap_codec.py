"""The training platform's SOAP codec against zeep's client side, for both WSDL variants.

Requests are built by zeep exactly as the desk's client builds them; responses and
faults are read back by zeep exactly as the desk's client reads them.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import zeep
from lxml import etree
from soap_samples import (
    BAG_1,
    BAG_2,
    CALL_IDS,
    CALLS,
    CANCEL_ARGS,
    DISEASES,
    RECEIVE,
    SHANGHAI,
    TAKEOUT_FORM,
    Call,
    at,
)
from zeep.exceptions import ExternalReferenceForbidden, Fault
from zeep.helpers import serialize_object
from zeep.transports import Transport
from zeep.wsdl.utils import etree_to_string

from desktop.config.resources import SHIPPED_WSDL, resource_path
from desktop.training.soap_codec import (
    SOAP_ENV,
    FaultCode,
    SoapCodec,
    SoapDecodeError,
    SoapRequest,
)
from desktop.training.wsdl_variants import jaxws_variant

XS_NS = "http://www.w3.org/2001/XMLSchema"
XS = f"{{{XS_NS}}}"
WSDL = "{http://schemas.xmlsoap.org/wsdl/}"

# -- the desk's side: zeep, talking to the codec over a loopback transport -----------------


@dataclass
class HttpReply:
    """What zeep reads from an HTTP answer."""

    status_code: int
    content: bytes
    headers: dict[str, str] = field(
        default_factory=lambda: {"Content-Type": "text/xml; charset=utf-8"}
    )


class SoapFaultError(Exception):
    """Raised by a test's stand-in platform logic to answer with a fault."""

    def __init__(self, code: FaultCode, message: str) -> None:
        super().__init__(message)
        self.code: FaultCode = code
        self.message = message


class LoopbackTransport(Transport):
    """Hands zeep's POSTs to the codec and a stand-in for the platform's logic."""

    def __init__(self, codec: SoapCodec, answer: Callable[[SoapRequest], Any]) -> None:
        super().__init__()
        self.codec = codec
        self.answer = answer

    def post(self, address: str, message: bytes, headers: dict[str, str]) -> HttpReply:
        try:
            call = self.codec.decode_request(message)
            return HttpReply(200, self.codec.encode_response(call.operation, self.answer(call)))
        except SoapDecodeError as error:
            return HttpReply(500, self.codec.encode_fault("Client", str(error)))
        except SoapFaultError as fault:
            return HttpReply(500, self.codec.encode_fault(fault.code, fault.message))


@dataclass(frozen=True)
class Variant:
    name: str
    wsdl: str

    def codec(self) -> SoapCodec:
        return SoapCodec(self.wsdl)

    def client(self, answer: Callable[[SoapRequest], Any] = lambda _call: None) -> zeep.Client:
        transport = LoopbackTransport(self.codec(), answer)
        return zeep.Client(io.BytesIO(self.wsdl.encode("utf-8")), transport=transport)


SHIPPED_TEXT = resource_path(*SHIPPED_WSDL).read_text(encoding="utf-8")
SPEC = Variant("spec names", SHIPPED_TEXT)
JAXWS = Variant("jaxws arg0…", jaxws_variant(SHIPPED_TEXT))
VARIANTS = [SPEC, JAXWS]


@pytest.fixture(params=VARIANTS, ids=[variant.name for variant in VARIANTS])
def variant(request: pytest.FixtureRequest) -> Variant:
    return request.param


@pytest.fixture
def shipped_codec() -> SoapCodec:
    return SoapCodec(SHIPPED_TEXT)


def request_bytes(client: zeep.Client, operation: str, *args: Any) -> bytes:
    """The request exactly as the desk's zeep client puts it on the wire."""
    return etree_to_string(client.create_message(client.service, operation, *args))


def without_none(value: Any) -> Any:
    """Decoded data minus the fields the sender left out, to compare with what it sent."""
    if isinstance(value, dict):
        return {key: without_none(item) for key, item in value.items() if item is not None}
    if isinstance(value, list):
        return [without_none(item) for item in value]
    return value


def body_child(envelope: bytes) -> etree._Element:
    root = etree.fromstring(envelope)
    return root.find(f"{{{SOAP_ENV}}}Body")[0]


# -- requests ------------------------------------------------------------------------------


@pytest.mark.parametrize("call", CALLS, ids=CALL_IDS)
def test_zeep_requests_decode_to_the_positional_arguments(variant: Variant, call: Call) -> None:
    decoded = variant.codec().decode_request(
        request_bytes(variant.client(), call.operation, *call.args)
    )
    assert decoded.operation == call.operation
    assert without_none(decoded.args) == call.args


def test_decoded_objects_hold_every_schema_field_in_wsdl_order(variant: Variant) -> None:
    (receive,) = (
        variant.codec().decode_request(request_bytes(variant.client(), "saveReceive", RECEIVE)).args
    )
    assert list(receive) == [
        "id", "internalId", "type", "organId", "disOrganId", "refId", "receiver", "depId",
        "createTime", "receiveTime", "description", "bloodBags",
    ]  # fmt: skip
    assert receive["id"] is None
    assert receive["bloodBags"] == [
        {"id": None, "bloodBagId": BAG_1},
        {"id": None, "bloodBagId": BAG_2},
    ]


def test_decoded_values_have_python_types(shipped_codec: SoapCodec) -> None:
    client = SPEC.client()
    (form,) = shipped_codec.decode_request(
        request_bytes(client, "saveTakeoutList", TAKEOUT_FORM)
    ).args
    apply = form["transfusionApply"]
    assert apply["property"] == 2
    assert isinstance(apply["property"], int)
    assert apply["interoperativeTrans"] is False
    assert apply["transfusionApplyBloods"][0]["mlVolume"] == Decimal("400.00")
    assert apply["optDatetime"].tzinfo is SHANGHAI
    assert apply["medicalRecord"]["name"] == "王五"


def test_missing_elements_are_left_to_the_business_rules(shipped_codec: SoapCodec) -> None:
    client = SPEC.client()
    assert shipped_codec.decode_request(request_bytes(client, "saveReceive", None)).args == [None]
    (receive,) = shipped_codec.decode_request(
        request_bytes(client, "saveReceive", {"internalId": "RK1"})
    ).args
    assert without_none(receive) == {"internalId": "RK1", "bloodBags": []}
    assert shipped_codec.decode_request(request_bytes(client, "getBloodBags", [])).args == [[]]


@pytest.mark.parametrize(
    ("sent", "decoded"),
    [
        (datetime(2026, 11, 28, 12, 0), at(11, 28, 12)),
        (datetime(2026, 11, 28, 4, 0, tzinfo=UTC), at(11, 28, 12)),
    ],
    ids=["naive is Shanghai time", "UTC is converted"],
)
def test_request_times_come_out_in_shanghai(
    shipped_codec: SoapCodec, sent: datetime, decoded: datetime
) -> None:
    client = SPEC.client()
    args = shipped_codec.decode_request(
        request_bytes(client, "cancelTakeoutList", "CK1", "录入错误", sent, "lisi", [BAG_1])
    ).args
    assert args[2] == decoded
    assert args[2].utcoffset() == decoded.utcoffset()


# -- malformed requests --------------------------------------------------------------------


def _envelope(body: str) -> bytes:
    return (
        f'<soap:Envelope xmlns:soap="{SOAP_ENV}"'
        ' xmlns:tns="http://service.synergyplatform.bloodcloud.com/">'
        f"<soap:Body>{body}</soap:Body></soap:Envelope>"
    ).encode()


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"", "请求不是格式正确的 XML / request is not well-formed XML"),
        (b"<soap:Envelope", "request is not well-formed XML"),
        (
            b'<!DOCTYPE x [<!ENTITY e "boom">]><x>&e;</x>',
            "SOAP 消息不得包含 DTD / a SOAP message must not contain a DTD",
        ),
        (b"<listAllBlood/>", "请求不是 SOAP 1.1 信封 / request is not a SOAP 1.1 envelope"),
        (
            b'<e:Envelope xmlns:e="http://www.w3.org/2003/05/soap-envelope"><e:Body/></e:Envelope>',
            "not a SOAP 1.1 envelope: {http://www.w3.org/2003/05/soap-envelope}Envelope",
        ),
        (
            f'<soap:Envelope xmlns:soap="{SOAP_ENV}"/>'.encode(),
            "SOAP 信封缺少 Body / SOAP envelope has no Body",
        ),
        (_envelope(""), "SOAP Body must hold exactly one operation element: found 0"),
        (
            _envelope("<tns:listAllBlood/><tns:listAllDisease/>"),
            "SOAP Body must hold exactly one operation element: found 2",
        ),
        (
            _envelope("<tns:deleteAllBags/>"),
            "未知的接口操作 / unknown operation: "
            "{http://service.synergyplatform.bloodcloud.com/}deleteAllBags",
        ),
        (
            _envelope('<ws:listAllBlood xmlns:ws="http://ws.platform.example.org/"/>'),
            "operation element in the wrong namespace: {http://ws.platform.example.org/}"
            "listAllBlood, expected {http://service.synergyplatform.bloodcloud.com/}listAllBlood",
        ),
    ],
    ids=[
        "empty",
        "truncated",
        "dtd",
        "bare wrapper",
        "soap 1.2",
        "no body",
        "empty body",
        "two operations",
        "unknown operation",
        "wrong namespace",
    ],
)
def test_malformed_envelopes_are_refused(
    shipped_codec: SoapCodec, body: bytes, message: str
) -> None:
    with pytest.raises(SoapDecodeError, match=re.escape(message)):
        shipped_codec.decode_request(body)


def _saved_receive(edit: Callable[[etree._Element], None]) -> bytes:
    client = SPEC.client()
    message = client.create_message(client.service, "saveReceive", RECEIVE)
    edit(message.find(f"{{{SOAP_ENV}}}Body")[0].find("receive"))
    return etree_to_string(message)


def _set_text(path: str, text: str) -> Callable[[etree._Element], None]:
    def edit(receive: etree._Element) -> None:
        receive.find(path).text = text

    return edit


def _add_child(name: str) -> Callable[[etree._Element], None]:
    def edit(receive: etree._Element) -> None:
        etree.SubElement(receive, name).text = "x"

    return edit


@pytest.mark.parametrize(
    ("edit", "detail"),
    [
        (
            _set_text("type", "一五一"),
            "Element 'type': '一五一' is not a valid value of the atomic type 'xs:int'",
        ),
        (_set_text("createTime", "2026-11-28 08:30"), "Element 'createTime'"),
        (_set_text("type", "4294967447"), "Element 'type': '4294967447'"),
        (_add_child("hospitalName"), "Element 'hospitalName': This element is not expected"),
    ],
    ids=["text in xs:int", "not an xs:dateTime", "beyond xs:int", "unknown element"],
)
def test_schema_violations_are_refused_naming_the_element(
    shipped_codec: SoapCodec, edit: Callable[[etree._Element], None], detail: str
) -> None:
    with pytest.raises(SoapDecodeError) as refused:
        shipped_codec.decode_request(_saved_receive(edit))
    assert str(refused.value).startswith(
        "请求内容不符合接口定义 / request does not match the service schema: "
    )
    assert detail in str(refused.value)
    assert refused.value.message_zh.startswith("请求内容不符合接口定义：")
    assert refused.value.message_en.startswith("request does not match the service schema: ")


def test_booleans_other_than_the_xsd_lexicon_are_refused(shipped_codec: SoapCodec) -> None:
    client = SPEC.client()
    message = client.create_message(client.service, "saveTakeoutList", TAKEOUT_FORM)
    message.find(".//interoperativeTrans").text = "否"
    with pytest.raises(SoapDecodeError, match="interoperativeTrans"):
        shipped_codec.decode_request(etree_to_string(message))


def test_a_request_for_one_variant_is_refused_by_the_other() -> None:
    body = request_bytes(JAXWS.client(), "listBillDetail", "JJ20261128-0007")
    with pytest.raises(SoapDecodeError, match="wrong namespace"):
        SPEC.codec().decode_request(body)


# -- responses and faults, read back by zeep -----------------------------------------------


@pytest.mark.parametrize("call", CALLS, ids=CALL_IDS)
def test_responses_parse_back_in_zeep(variant: Variant, call: Call) -> None:
    seen: list[SoapRequest] = []

    def answer(request: SoapRequest) -> Any:
        seen.append(request)
        return call.result

    client = variant.client(answer)
    returned = getattr(client.service, call.operation)(*call.args)
    assert serialize_object(returned, dict) == call.result
    assert [request.operation for request in seen] == [call.operation]


def test_cancel_answers_fail_too(variant: Variant) -> None:
    client = variant.client(lambda _call: "fail")
    assert client.service.cancelTakeoutList(*CANCEL_ARGS) == "fail"


def test_an_absent_return_reads_as_none(variant: Variant) -> None:
    client = variant.client(lambda _call: None)
    assert client.service.getFacility() is None
    assert client.service.listAllDisease() == []


def test_response_times_carry_the_shanghai_offset(shipped_codec: SoapCodec) -> None:
    bags = [
        {"id": BAG_1, "collectTime": datetime(2026, 11, 20, 9, 15)},
        {"id": BAG_2, "collectTime": datetime(2026, 11, 20, 1, 15, tzinfo=UTC)},
    ]
    response = body_child(shipped_codec.encode_response("getBloodBags", bags))
    assert response.xpath("return/collectTime/text()") == [
        "2026-11-20T09:15:00+08:00",
        "2026-11-20T09:15:00+08:00",
    ]


def test_response_is_utf8_with_a_declaration(shipped_codec: SoapCodec) -> None:
    encoded = shipped_codec.encode_response("listAllDisease", DISEASES)
    assert encoded.startswith(b"<?xml version='1.0' encoding='UTF-8'?>")
    assert "胃肠道出血".encode() in encoded


def embedded_schema(wsdl: str) -> etree.XMLSchema:
    schema = etree.fromstring(wsdl.encode("utf-8")).find(f"{WSDL}types/{XS}schema")
    # Standalone, it must declare the prefixes it inherited (`tns` in `type="tns:blood"`).
    standalone = etree.Element(schema.tag, nsmap=schema.nsmap)
    for name, value in schema.items():
        standalone.set(name, value)
    standalone.extend(schema)
    return etree.XMLSchema(standalone)


@pytest.mark.parametrize("call", CALLS, ids=CALL_IDS)
def test_responses_are_valid_against_the_embedded_schema(variant: Variant, call: Call) -> None:
    response = body_child(variant.codec().encode_response(call.operation, call.result))
    embedded_schema(variant.wsdl).assertValid(response)


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("Client", "血袋 A999917123456E0224V00 不在本院库存 / bag not in stock"),
        ("Server", "平台内部错误 / internal error"),
    ],
)
def test_faults_raise_zeep_faults(variant: Variant, code: FaultCode, message: str) -> None:
    def answer(_call: SoapRequest) -> Any:
        raise SoapFaultError(code, message)

    with pytest.raises(Fault) as raised:
        variant.client(answer).service.saveReceive(RECEIVE)
    assert (raised.value.code, raised.value.message) == (f"soap:{code}", message)


def test_decode_errors_reach_the_client_as_client_faults() -> None:
    client = zeep.Client(
        io.BytesIO(JAXWS.wsdl.encode("utf-8")),
        transport=LoopbackTransport(SPEC.codec(), lambda _call: None),
    )
    with pytest.raises(Fault) as raised:
        client.service.listAllBlood()
    assert raised.value.code == "soap:Client"
    assert (
        "操作元素的命名空间不符 / operation element in the wrong namespace" in raised.value.message
    )


# -- the fast renderer against zeep's own ------------------------------------------------------


def zeep_rendered(wsdl: str, operation: str, result: Any) -> bytes:
    """The response wrapper as zeep's own `Element.render` writes it, canonicalised."""
    client = zeep.Client(io.BytesIO(wsdl.encode("utf-8")))
    (binding,) = client.wsdl.bindings.values()
    # The same envelope as the codec's, so that lxml picks the same prefixes.
    envelope = etree.Element(f"{{{SOAP_ENV}}}Envelope", nsmap={"soap": SOAP_ENV})
    body = etree.SubElement(envelope, f"{{{SOAP_ENV}}}Body")
    value = {} if result is None else {"return": result}
    binding.get(operation).output.body.render(body, value)
    return etree.tostring(body[0], method="c14n")


def codec_rendered(codec: SoapCodec, operation: str, result: Any) -> bytes:
    return etree.tostring(body_child(codec.encode_response(operation, result)), method="c14n")


@pytest.mark.parametrize("call", CALLS, ids=CALL_IDS)
def test_fast_render_matches_zeeps_render(variant: Variant, call: Call) -> None:
    assert codec_rendered(variant.codec(), call.operation, call.result) == zeep_rendered(
        variant.wsdl, call.operation, call.result
    )


def test_fast_render_matches_zeeps_render_for_a_large_dictionary(shipped_codec: SoapCodec) -> None:
    diseases = [
        {
            "id": str(n),
            "name": f"疾病{n}",
            "code": f"X{n:05d}",
            "uiOrder": n,
            "available": n % 7 > 0,
        }
        for n in range(5_000)
    ]
    assert codec_rendered(shipped_codec, "listAllDisease", diseases) == zeep_rendered(
        SHIPPED_TEXT, "listAllDisease", diseases
    )


# -- loading ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "source",
    [SHIPPED_TEXT, SHIPPED_TEXT.encode("utf-8"), Path(resource_path(*SHIPPED_WSDL))],
    ids=["str", "bytes", "path"],
)
def test_codec_loads_from_text_bytes_or_path(source: str | bytes | Path) -> None:
    client = SPEC.client()
    call = SoapCodec(source).decode_request(request_bytes(client, "listBillDetail", "JJ1"))
    assert call == SoapRequest("listBillDetail", ["JJ1"])


def shipped_schema_edited(edit: Callable[[etree._Element], None]) -> bytes:
    """The shipped WSDL with `edit` applied to its embedded xs:schema."""
    root = etree.fromstring(SHIPPED_TEXT.encode("utf-8"))
    edit(root.find(f"{WSDL}types/{XS}schema"))
    return etree.tostring(root)


@pytest.mark.parametrize(
    ("location", "refusal"),
    [
        ("extra-types.xsd", "must be self-contained, but it imports extra-types.xsd"),
        ("http://203.0.113.7/types.xsd", "http://203.0.113.7/types.xsd"),
    ],
    ids=["local file", "remote"],
)
def test_codec_never_fetches_imports(location: str, refusal: str) -> None:
    def add_include(schema: etree._Element) -> None:
        schema.insert(0, etree.Element(f"{XS}include", schemaLocation=location))

    with pytest.raises((ValueError, ExternalReferenceForbidden), match=re.escape(refusal)):
        SoapCodec(shipped_schema_edited(add_include))


def test_codec_refuses_schema_shapes_it_cannot_render() -> None:
    def add_attribute(schema: etree._Element) -> None:
        disease = schema.xpath("xs:complexType[@name='disease']", namespaces={"xs": XS_NS})[0]
        etree.SubElement(disease, f"{XS}attribute", name="version", type="xs:int")

    with pytest.raises(ValueError, match="disease: attributes are not supported"):
        SoapCodec(shipped_schema_edited(add_attribute))
