"""The transfusion request, its requested products and the patient record."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
import wire_samples
from pydantic import BaseModel, ValidationError

from desktop.domain.codes import (
    Abo,
    AgeUnit,
    Dependency,
    HistoryMark,
    IdentityDocument,
    Rh,
    Sex,
    TransfusionProperty,
    VisitKind,
)
from desktop.domain.models import (
    MedicalRecord,
    TransfusionApply,
    TransfusionApplyBlood,
    to_wire,
)


def _locs(model: type[BaseModel], wire: Any) -> list[tuple[str | int, ...]]:
    with pytest.raises(ValidationError) as caught:
        model.model_validate(wire)
    return [tuple(error["loc"]) for error in caught.value.errors()]


def test_transfusion_request_round_trips() -> None:
    wire = wire_samples.transfusion_apply()
    request = TransfusionApply.model_validate(wire)
    assert request.property is TransfusionProperty.ROUTINE
    assert request.interoperative_trans is False
    assert request.bleed_volume == Decimal(0)
    assert to_wire(request) == wire


TRANSFUSION_APPLY_REQUIRED = [
    "originalId",
    "medicalRecord",
    "transReason",
    "property",
    "interoperativeTrans",
    "optName",
    "optDatetime",
    "disName",
    "transfusionApplyBloods",
]


@pytest.mark.parametrize("field", TRANSFUSION_APPLY_REQUIRED)
def test_transfusion_request_required_fields(field: str) -> None:
    wire = wire_samples.transfusion_apply()
    del wire[field]
    assert _locs(TransfusionApply, wire) == [(field,)]


def test_transfusion_request_optional_fields() -> None:
    wire = {
        field: value
        for field, value in wire_samples.transfusion_apply().items()
        if field in TRANSFUSION_APPLY_REQUIRED
    }
    request = TransfusionApply.model_validate(wire)
    assert request.dpt_id is None
    assert request.exp_trans_dt is None
    assert to_wire(request) == wire


@pytest.mark.parametrize(("field", "value"), [("applyId", "SQ-P-1"), ("organId", 310001)])
def test_transfusion_request_platform_fields_must_stay_empty(field: str, value: object) -> None:
    assert _locs(TransfusionApply, {**wire_samples.transfusion_apply(), field: value}) == [(field,)]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("property", 4),
        ("property", 0),
        ("interoperativeTrans", "perhaps"),
        ("bleedVolume", "12.345"),
        ("bleedVolume", -5),
        ("transPurposeId", 100_000_000),
        ("dbDatetime", "yesterday"),
        ("transfusionApplyBloods", []),
        ("ward", True),
    ],
)
def test_transfusion_request_refuses_bad_values(field: str, value: object) -> None:
    assert _locs(TransfusionApply, {**wire_samples.transfusion_apply(), field: value}) == [(field,)]


@pytest.mark.parametrize("amount", [1.2, 200, "200.50", "0.05", Decimal("3.10"), 0])
def test_two_decimal_amounts_are_accepted(amount: object) -> None:
    line = TransfusionApplyBlood.model_validate({**wire_samples.apply_blood(), "mlVolume": amount})
    assert line.ml_volume == Decimal(str(amount))


@pytest.mark.parametrize("amount", [1.234, "200.501", "nan", "inf", -1, "lots", True, 10**15])
def test_other_amounts_are_refused(amount: object) -> None:
    assert _locs(TransfusionApplyBlood, {**wire_samples.apply_blood(), "mlVolume": amount}) == [
        ("mlVolume",)
    ]


def test_amounts_are_json_numbers_on_the_wire() -> None:
    line = TransfusionApplyBlood.model_validate(
        {**wire_samples.apply_blood(), "bloodVolume": "1.5"}
    )
    assert to_wire(line)["bloodVolume"] == 1.5
    assert line.model_dump(by_alias=True)["bloodVolume"] == Decimal("1.5")


@pytest.mark.parametrize(
    "field", ["bloodSubType", "bloodGroup", "rhBloodGroup", "bloodVolume", "bloodUnit", "mlVolume"]
)
def test_requested_product_required_fields(field: str) -> None:
    wire = wire_samples.apply_blood()
    del wire[field]
    assert _locs(TransfusionApplyBlood, wire) == [(field,)]


@pytest.mark.parametrize(
    ("sub_type", "ok"), [(0, True), (9999, True), (10_000, False), (-1, False)]
)
def test_requested_product_sub_type_is_number4(sub_type: int, ok: bool) -> None:
    wire = {**wire_samples.apply_blood(), "bloodSubType": sub_type}
    if ok:
        assert TransfusionApplyBlood.model_validate(wire).blood_sub_type == sub_type
    else:
        assert _locs(TransfusionApplyBlood, wire) == [("bloodSubType",)]


def test_requested_product_normalises_groups() -> None:
    wire = {**wire_samples.apply_blood(), "bloodGroup": "O型", "rhBloodGroup": "阴性"}
    line = TransfusionApplyBlood.model_validate(wire)
    assert (line.blood_group, line.rh_blood_group) == (Abo.O, Rh.NEGATIVE)
    assert to_wire(line)["bloodGroup"] == "O"
    assert to_wire(line)["rhBloodGroup"] == "1"


@pytest.mark.parametrize(("field", "value"), [("bloodGroup", "A2"), ("rhBloodGroup", "weak")])
def test_requested_product_refuses_unreadable_groups(field: str, value: str) -> None:
    assert _locs(TransfusionApplyBlood, {**wire_samples.apply_blood(), field: value}) == [(field,)]


def test_requested_product_id_must_stay_empty() -> None:
    assert _locs(TransfusionApplyBlood, {**wire_samples.apply_blood(), "id": 9}) == [("id",)]


def test_medical_record_round_trips() -> None:
    wire = wire_samples.medical_record()
    record = MedicalRecord.model_validate(wire)
    assert record.cardtype is IdentityDocument.RESIDENT_ID_CARD
    assert record.sex is Sex.MALE
    assert record.age_type is AgeUnit.YEARS
    assert record.dependency is Dependency.LOCAL
    assert record.op_em_hp_mark is VisitKind.INPATIENT
    assert record.gest_his_mark is HistoryMark.UNKNOWN
    assert to_wire(record) == wire


MEDICAL_RECORD_REQUIRED = [
    "originalId",
    "cardtype",
    "cardno",
    "name",
    "sex",
    "age",
    "ageType",
    "opEmHpMark",
    "opEmHpNo",
    "disCode",
    "disName",
    "diagnose",
    "bloodGroup",
    "rhBloodGroup",
]


@pytest.mark.parametrize("field", MEDICAL_RECORD_REQUIRED)
def test_medical_record_required_fields(field: str) -> None:
    wire = wire_samples.medical_record()
    del wire[field]
    assert _locs(MedicalRecord, wire) == [(field,)]


def test_medical_record_dependency_is_optional() -> None:
    wire = {
        field: value
        for field, value in wire_samples.medical_record().items()
        if field in MEDICAL_RECORD_REQUIRED
    }
    record = MedicalRecord.model_validate(wire)
    assert record.dependency is None
    assert to_wire(record) == wire
    assert MedicalRecord.model_validate({**wire, "dependency": ""}).dependency is None


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("id", "BA-P-1"),
        ("organId", 310001),
        ("cardtype", "1"),
        ("cardtype", "08"),
        ("sex", "3"),
        ("age", -1),
        ("age", "old"),
        ("ageType", "3"),
        ("dependency", "4"),
        ("opEmHpMark", "4"),
        ("transHisMark", "0"),
        ("reacHisMark", "3"),
        ("gestHisMark", "yes"),
        ("parturition", -1),
        ("pregnant", 1.5),
        ("birthday", "1980-02-30"),
        ("bloodGroup", "AB+"),
        ("rhBloodGroup", "RhD"),
        ("cardno", " "),
    ],
)
def test_medical_record_refuses_bad_values(field: str, value: object) -> None:
    assert _locs(MedicalRecord, {**wire_samples.medical_record(), field: value}) == [(field,)]


def test_nested_errors_carry_the_full_location() -> None:
    wire = wire_samples.transfusion_apply()
    wire["medicalRecord"]["sex"] = "x"
    wire["transfusionApplyBloods"].append({**wire_samples.apply_blood(), "mlVolume": "1.001"})
    assert _locs(TransfusionApply, wire) == [
        ("medicalRecord", "sex"),
        ("transfusionApplyBloods", 1, "mlVolume"),
    ]
