"""The shipped WSDL against the specification, and the variants the training platform serves."""

from __future__ import annotations

import io
from typing import Any

import pytest
import zeep
from lxml import etree
from zeep.wsdl.bindings import Soap11Binding

from desktop.config.resources import SHIPPED_WSDL, resource_path
from desktop.training.wsdl_variants import VARIANT_NAMESPACE, jaxws_variant, with_address

SPEC_NAMESPACE = "http://service.synergyplatform.bloodcloud.com/"
SHIPPED_ADDRESS = "http://127.0.0.1:8101/synergyplatform/soap/CustomerLinkService"

# Input parameters of every operation, named as the specification's signatures name them.
SPEC_PARAMETERS = {
    "listAllBlood": [],
    "listAllBloodType": [],
    "listAllBloodSubType": [],
    "listAllFacilities": [],
    "listAllDisease": [],
    "getFacility": [],
    "listBillDetail": ["listId"],
    "getBloodBags": ["ids"],
    "saveReceive": ["receive"],
    "saveTakeoutList": ["list"],
    "cancelTakeoutList": ["refId", "reason", "time", "user", "bloodBagIds"],
}

# The `return` of each operation: its XSD type, "[]" when an array; None for void.
RETURNS = {
    "listAllBlood": "blood[]",
    "listAllBloodType": "bloodType[]",
    "listAllBloodSubType": "bloodSubType[]",
    "listAllFacilities": "facility[]",
    "listAllDisease": "disease[]",
    "getFacility": "facility",
    "listBillDetail": "handoverInfo",
    "getBloodBags": "bloodBagInfo[]",
    "saveReceive": None,
    "saveTakeoutList": None,
    "cancelTakeoutList": "string",
}

# Every table of the specification, field by field in its order: `name:type`, the type
# defaulting to string, "[]" marking an array.
SPEC_TYPES = {
    "blood": "Id fullName shortName subType:long type:long capacity:decimal unit"
    " conversion:decimal available:boolean",
    "bloodType": "id:long name uiOrder:int available:boolean",
    "bloodSubType": "id:long name uiOrder:int available:boolean",
    "facility": "id:long name type:facilityType available:boolean",
    "disease": "id name code uiOrder:int available:boolean",
    "handoverInfo": "id deliverTime:dateTime remark bloodBags:handoverDetailInfo[]"
    " sums:handoverSumInfo[]",
    "handoverDetailInfo": "bloodBagId serialId bloodId bloodGroup rhBloodGroup"
    " collectTime:dateTime collector produceTime:dateTime producer expiration:dateTime",
    "handoverSumInfo": "bloodSubType bloodGroup rhBloodGroup conversion:decimal capacity:decimal",
    "bloodBagInfo": "id serialId bloodId bloodGroup rhBloodGroup"
    " collectTime:dateTime collector produceTime:dateTime producer expiration:dateTime",
    "receive": "id internalId type:int organId:long disOrganId:long refId receiver depId:long"
    " createTime:dateTime receiveTime:dateTime description bloodBags:receiveLine[]",
    "receiveLine": "id:long bloodBagId",
    "takeoutListForm": "outStock:takeout transfusionApply:transfusionApply",
    "takeout": "id refId type:int organId:long otherhosId:long depId:long createTime:dateTime"
    " commitTime:dateTime optId description details:takeoutLine[]",
    "takeoutLine": "id:long bloodBagId",
    "transfusionApply": "applyId originalId medicalRecord:medicalRecord organId:long"
    " transPurposeId:long transReason property:int interoperativeTrans:boolean"
    " bleedVolume:decimal transConsent:boolean dbNurseNo dbNurseName dbDatetime:dateTime"
    " sampleId apDoctorNo apDoctorName apDatetime:dateTime needHiCheck:boolean hiDoctorNo"
    " hiDoctorName hiAutDatetime:dateTime needChCheck:boolean chDoctorNo chDoctorName"
    " chAutDatetime:dateTime expTransDt:dateTime optName optDatetime:dateTime dptId:long"
    " ward:long bedno disCode disName transfusionApplyBloods:transfusionApplyBlood[]",
    "transfusionApplyBlood": "id:long bloodSubType:int bloodGroup rhBloodGroup"
    " bloodVolume:decimal bloodUnit mlVolume:decimal",
    "medicalRecord": "id originalId organId:long cardtype cardno name sex age:int ageType"
    " birthday:dateTime contact country company dependency opEmHpMark opEmHpNo disCode"
    " disName diagnose transHisMark reacHisMark gestHisMark parturition:int pregnant:int"
    " bloodGroup rhBloodGroup",
}


def _shipped_text() -> str:
    return resource_path(*SHIPPED_WSDL).read_text(encoding="utf-8")


def _client(text: str) -> zeep.Client:
    return zeep.Client(io.BytesIO(text.encode("utf-8")))


def _binding(client: zeep.Client) -> Any:
    (binding,) = client.wsdl.bindings.values()
    return binding


def _port(client: zeep.Client) -> Any:
    (service,) = client.wsdl.services.values()
    (port,) = service.ports.values()
    return port


def _described(element: Any) -> str:
    suffix = "[]" if element.accepts_multiple else ""
    return f"{element.type.qname.localname}{suffix}"


def _expected_fields(table: str) -> list[tuple[str, str]]:
    fields = []
    for token in table.split():
        name, _, type_name = token.partition(":")
        fields.append((name, type_name or "string"))
    return fields


@pytest.fixture(scope="module")
def shipped() -> zeep.Client:
    return zeep.Client(str(resource_path(*SHIPPED_WSDL)))


@pytest.fixture(scope="module")
def variant() -> zeep.Client:
    return _client(jaxws_variant(_shipped_text()))


def test_shipped_wsdl_has_the_eleven_operations_of_the_spec(shipped: zeep.Client) -> None:
    assert list(shipped.service._binding._operations) == list(SPEC_PARAMETERS)


def test_shipped_wsdl_is_a_soap11_document_literal_service(shipped: zeep.Client) -> None:
    port = _port(shipped)
    assert port.name == "CustomerLinkPort"
    assert port.binding_options["address"] == SHIPPED_ADDRESS
    assert isinstance(port.binding, Soap11Binding)
    assert port.binding.port_type.name.text == f"{{{SPEC_NAMESPACE}}}CustomerLink"
    for operation in port.binding.all().values():
        assert (operation.style, operation.soapaction) == ("document", "")


@pytest.mark.parametrize("operation", list(SPEC_PARAMETERS))
def test_wrappers_carry_the_spec_parameter_names(shipped: zeep.Client, operation: str) -> None:
    request = _binding(shipped).get(operation).input.body
    assert request.qname.text == f"{{{SPEC_NAMESPACE}}}{operation}"
    assert [name for name, _ in request.type.elements] == SPEC_PARAMETERS[operation]


@pytest.mark.parametrize("operation", list(RETURNS))
def test_responses_return_the_spec_types(shipped: zeep.Client, operation: str) -> None:
    response = _binding(shipped).get(operation).output.body
    assert response.qname.text == f"{{{SPEC_NAMESPACE}}}{operation}Response"
    returned = [(name, _described(element)) for name, element in response.type.elements]
    expected = RETURNS[operation]
    assert returned == ([] if expected is None else [("return", expected)])


@pytest.mark.parametrize("type_name", list(SPEC_TYPES))
def test_types_hold_every_field_of_the_spec_tables(shipped: zeep.Client, type_name: str) -> None:
    xsd_type = shipped.wsdl.types.get_type(f"{{{SPEC_NAMESPACE}}}{type_name}")
    fields = [(name, _described(element)) for name, element in xsd_type.elements]
    assert fields == _expected_fields(SPEC_TYPES[type_name])
    # JAXB marks every property optional; the spec's required fields are business rules.
    assert all(element.min_occurs == 0 for _, element in xsd_type.elements)


def test_facility_type_enumerates_the_spec_values() -> None:
    root = etree.parse(str(resource_path(*SHIPPED_WSDL))).getroot()
    values = root.xpath(
        "//xs:simpleType[@name='facilityType']//xs:enumeration/@value",
        namespaces={"xs": "http://www.w3.org/2001/XMLSchema"},
    )
    assert values == ["BLOOD_STATION", "BLOOD_BRANCH", "MUNICIPAL_BAO", "DISTRICT_BAO", "HOSPITAL"]


def test_with_address_changes_only_the_soap_address() -> None:
    text = _shipped_text()
    moved = with_address(
        text, "https://10.107.135.13:8101/synergyplatform/soap/CustomerLinkService"
    )
    assert _port(_client(moved)).binding_options["address"] == (
        "https://10.107.135.13:8101/synergyplatform/soap/CustomerLinkService"
    )
    restored = with_address(moved, SHIPPED_ADDRESS).encode("utf-8")
    original = text.encode("utf-8")
    assert etree.tostring(etree.fromstring(restored), method="c14n") == etree.tostring(
        etree.fromstring(original), method="c14n"
    )


@pytest.mark.parametrize("operation", list(SPEC_PARAMETERS))
def test_variant_uses_jaxws_default_parameter_names(variant: zeep.Client, operation: str) -> None:
    request = _binding(variant).get(operation).input.body
    names = [name for name, _ in request.type.elements]
    assert names == [f"arg{index}" for index in range(len(SPEC_PARAMETERS[operation]))]


def test_variant_moves_everything_to_its_own_namespace(variant: zeep.Client) -> None:
    binding = _binding(variant)
    assert binding.name.namespace == VARIANT_NAMESPACE
    for operation in binding.all().values():
        assert operation.input.body.qname.namespace == VARIANT_NAMESPACE
        assert operation.output.body.qname.namespace == VARIANT_NAMESPACE
    assert variant.wsdl.types.get_type(f"{{{VARIANT_NAMESPACE}}}receive") is not None


@pytest.mark.parametrize("type_name", list(SPEC_TYPES))
def test_variant_keeps_the_data_types(
    shipped: zeep.Client, variant: zeep.Client, type_name: str
) -> None:
    def fields(client: zeep.Client, namespace: str) -> list[tuple[str, str]]:
        xsd_type = client.wsdl.types.get_type(f"{{{namespace}}}{type_name}")
        return [(name, _described(element)) for name, element in xsd_type.elements]

    assert fields(variant, VARIANT_NAMESPACE) == fields(shipped, SPEC_NAMESPACE)


def test_variant_keeps_the_return_types(variant: zeep.Client) -> None:
    binding = _binding(variant)
    returned = {}
    for name, operation in binding.all().items():
        elements = operation.output.body.type.elements
        returned[name] = _described(elements[0][1]) if elements else None
    assert returned == RETURNS


def test_variant_of_the_served_text_can_be_addressed() -> None:
    served = with_address(jaxws_variant(_shipped_text()), "http://127.0.0.1:18101/ws")
    assert _port(_client(served)).binding_options["address"] == "http://127.0.0.1:18101/ws"
