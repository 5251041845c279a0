"""The dictionaries the platform sends: products, classes, facilities, diseases."""

from __future__ import annotations

from decimal import Decimal

import pytest
import wire_samples
from pydantic import BaseModel, ValidationError

from desktop.domain.codes import FacilityType
from desktop.domain.models import Blood, BloodSubType, BloodType, Disease, Facility, to_wire


def test_blood_round_trips_with_the_capital_id_of_the_source() -> None:
    wire = wire_samples.blood()
    product = Blood.model_validate(wire)
    assert product.id == "E0224V00"
    assert product.capacity == Decimal("130.0")
    assert to_wire(product) == wire
    assert list(to_wire(product)) == list(wire), "field names and order as on the wire"


def test_blood_accepts_a_lower_case_id_and_sends_the_source_spelling() -> None:
    wire = wire_samples.blood()
    wire["id"] = wire.pop("Id")
    product = Blood.model_validate(wire)
    assert product.id == "E0224V00"
    assert to_wire(product)["Id"] == "E0224V00"
    assert "id" not in to_wire(product)


def test_blood_ignores_fields_the_platform_adds() -> None:
    product = Blood.model_validate({**wire_samples.blood(), "barcodeType": "ISBT128"})
    assert "barcodeType" not in to_wire(product)


def test_blood_needs_only_its_code_and_full_name() -> None:
    product = Blood.model_validate({"Id": "E0224V00", "fullName": "悬浮红细胞"})
    assert product.available is True
    assert product.short_name is None
    assert to_wire(product) == {"Id": "E0224V00", "fullName": "悬浮红细胞", "available": True}


@pytest.mark.parametrize(
    "change",
    [
        {"Id": "E0224V0"},
        {"Id": "E0224V000"},
        {"Id": ""},
        {"fullName": " "},
        {"capacity": "1.234"},
        {"capacity": -1},
        {"conversion": "many"},
        {"subType": -1},
        {"available": "maybe"},
    ],
)
def test_blood_refuses_bad_values(change: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        Blood.model_validate({**wire_samples.blood(), **change})


@pytest.mark.parametrize("model", [BloodType, BloodSubType])
def test_product_classes(model: type[BloodType] | type[BloodSubType]) -> None:
    wire = {"id": 11, "name": "红细胞类", "uiOrder": 2, "available": False}
    entry = model.model_validate(wire)
    assert (entry.id, entry.name, entry.ui_order, entry.available) == (11, "红细胞类", 2, False)
    assert to_wire(entry) == wire
    with pytest.raises(ValidationError):
        model.model_validate({"id": 11})
    with pytest.raises(ValidationError):
        model.model_validate({"name": "x"})


@pytest.mark.parametrize("kind", list(FacilityType))
def test_facility_of_every_type(kind: FacilityType) -> None:
    wire = {"id": 310001, "name": "上海市血液中心", "type": kind.value, "available": True}
    facility = Facility.model_validate(wire)
    assert facility.type is kind
    assert to_wire(facility) == wire


def test_facility_refuses_an_unknown_type() -> None:
    with pytest.raises(ValidationError):
        Facility.model_validate({"id": 1, "name": "x", "type": "CLINIC"})


def test_disease_takes_a_text_id() -> None:
    wire = {"id": "D001", "name": "缺铁性贫血", "code": "D50.9", "uiOrder": 1, "available": True}
    disease = Disease.model_validate(wire)
    assert to_wire(disease) == wire
    assert Disease.model_validate({"id": 17, "name": "x"}).id == "17"
    with pytest.raises(ValidationError):
        Disease.model_validate({"id": "D001"})


@pytest.mark.parametrize(
    ("model", "wire"),
    [
        (Blood, {"Id": "E0224V00", "fullName": "x"}),
        (BloodType, {"id": 1, "name": "x"}),
        (BloodSubType, {"id": 1, "name": "x"}),
        (Facility, {"id": 1, "name": "x", "type": "HOSPITAL"}),
        (Disease, {"id": "D1", "name": "x"}),
    ],
)
def test_a_null_available_flag_counts_as_available(
    model: type[BaseModel], wire: dict[str, object]
) -> None:
    assert model.model_validate({**wire, "available": None}).model_dump()["available"] is True
