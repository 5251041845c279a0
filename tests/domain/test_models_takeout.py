"""The takeout (TakeoutListForm, Takeout, TakeoutLine) and its cancellation (CancelTakeout)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
import wire_samples
from pydantic import BaseModel, ValidationError

from desktop.domain.codes import TakeoutType
from desktop.domain.dates import SHANGHAI
from desktop.domain.models import CancelTakeout, Takeout, TakeoutListForm, to_wire


def _refusal(model: type[BaseModel], wire: Any) -> list[tuple[tuple[str | int, ...], str]]:
    with pytest.raises(ValidationError) as caught:
        model.model_validate(wire)
    return [(tuple(error["loc"]), error["msg"]) for error in caught.value.errors()]


def test_clinical_takeout_form_round_trips() -> None:
    wire = wire_samples.takeout_form()
    form = TakeoutListForm.model_validate(wire)
    assert form.out_stock.type is TakeoutType.CLINICAL_USE
    assert form.transfusion_apply is not None
    assert form.transfusion_apply.medical_record.name == "王五"
    assert to_wire(form) == wire


@pytest.mark.parametrize(("type_", "party"), [(1002, "otherhosId"), (1007, None), (252, None)])
def test_non_clinical_takeouts_round_trip_without_a_request(type_: int, party: str | None) -> None:
    out_stock = wire_samples.takeout(type_)
    del out_stock["depId"]
    if party:
        out_stock[party] = 310002
    form = TakeoutListForm.model_validate({"outStock": out_stock})
    assert form.transfusion_apply is None
    assert to_wire(form) == {"outStock": out_stock}


@pytest.mark.parametrize("field", ["refId", "type", "createTime", "commitTime", "optId", "details"])
def test_takeout_required_fields(field: str) -> None:
    wire = wire_samples.takeout()
    del wire[field]
    assert [loc for loc, _ in _refusal(Takeout, wire)] == [(field,)]


def test_takeout_form_needs_its_takeout() -> None:
    [(loc, _)] = _refusal(TakeoutListForm, {"transfusionApply": wire_samples.transfusion_apply()})
    assert loc == ("outStock",)


@pytest.mark.parametrize(("field", "value"), [("id", "CK-1"), ("organId", 310001)])
def test_takeout_platform_fields_must_stay_empty(field: str, value: object) -> None:
    [(loc, message)] = _refusal(Takeout, {**wire_samples.takeout(), field: value})
    assert loc == (field,)
    assert "平台自动生成" in message


def test_takeout_line_id_must_stay_empty() -> None:
    wire = wire_samples.takeout()
    wire["details"][1]["id"] = 7
    [(loc, _)] = _refusal(Takeout, wire)
    assert loc == ("details", 1, "id")


def test_transfer_out_needs_the_receiving_hospital() -> None:
    wire = wire_samples.takeout(1002)
    [(_, message)] = _refusal(Takeout, wire)
    assert "1002" in message
    assert Takeout.model_validate({**wire, "otherhosId": 310002}).otherhos_id == 310002


def test_clinical_use_needs_the_department() -> None:
    wire = wire_samples.takeout(1005)
    del wire["depId"]
    [(_, message)] = _refusal(Takeout, wire)
    assert "1005" in message
    assert Takeout.model_validate({**wire, "depId": 1203}).dep_id == 1203


@pytest.mark.parametrize("type_", [1007, 252])
def test_scrapping_and_returning_need_neither(type_: int) -> None:
    wire = wire_samples.takeout(type_)
    del wire["depId"]
    takeout = Takeout.model_validate(wire)
    assert (takeout.otherhos_id, takeout.dep_id) == (None, None)


def test_clinical_use_needs_the_transfusion_request() -> None:
    [(loc, message)] = _refusal(TakeoutListForm, {"outStock": wire_samples.takeout(1005)})
    assert loc == ()
    assert "输血申请单" in message


@pytest.mark.parametrize("type_", [1002, 1007, 252])
def test_other_takeouts_refuse_a_transfusion_request(type_: int) -> None:
    wire = {
        "outStock": {**wire_samples.takeout(type_), "otherhosId": 310002},
        "transfusionApply": wire_samples.transfusion_apply(),
    }
    [(loc, message)] = _refusal(TakeoutListForm, wire)
    assert loc == ()
    assert "只有临床用血出库" in message
    assert TakeoutType(type_).label_zh in message


def test_takeout_refuses_an_empty_bag_list() -> None:
    [(loc, _)] = _refusal(Takeout, {**wire_samples.takeout(), "details": []})
    assert loc == ("details",)


def test_takeout_refuses_a_bag_twice() -> None:
    wire = wire_samples.takeout()
    wire["details"].append({"bloodBagId": wire_samples.BAG_2})
    [(loc, message)] = _refusal(Takeout, wire)
    assert loc == ("details",)
    assert wire_samples.BAG_2 in message


@pytest.mark.parametrize("type_", [1001, 151, 0, "clinical"])
def test_takeout_refuses_an_unknown_type(type_: object) -> None:
    [(loc, _)] = _refusal(Takeout, {**wire_samples.takeout(), "type": type_})
    assert loc == ("type",)


def test_takeout_refuses_unknown_fields() -> None:
    [(loc, _)] = _refusal(Takeout, {**wire_samples.takeout(), "otherHosId": 1})
    assert loc == ("otherHosId",)


def test_cancel_takeout_round_trips() -> None:
    wire = wire_samples.cancel_takeout()
    cancel = CancelTakeout.model_validate(wire)
    assert cancel.ref_id == "CK20261128001"
    assert cancel.time == datetime(2026, 11, 28, 12, 0, tzinfo=SHANGHAI)
    assert cancel.blood_bag_ids == [wire_samples.BAG_1, wire_samples.BAG_2]
    assert to_wire(cancel) == wire


@pytest.mark.parametrize("field", ["refId", "reason", "time", "user", "bloodBagIds"])
def test_cancel_takeout_needs_all_five_parameters(field: str) -> None:
    wire = wire_samples.cancel_takeout()
    del wire[field]
    assert [loc for loc, _ in _refusal(CancelTakeout, wire)] == [(field,)]


def test_cancel_takeout_bag_rules() -> None:
    wire = wire_samples.cancel_takeout()
    [(loc, _)] = _refusal(CancelTakeout, {**wire, "bloodBagIds": []})
    assert loc == ("bloodBagIds",)
    [(loc, message)] = _refusal(CancelTakeout, {**wire, "bloodBagIds": ["A", "B", " A"]})
    assert loc == ("bloodBagIds",)
    assert "重复" in message
    [(loc, _)] = _refusal(CancelTakeout, {**wire, "bloodBagIds": ["A", "W" * 24]})
    assert loc == ("bloodBagIds", 1)
    [(loc, _)] = _refusal(CancelTakeout, {**wire, "bloodBagIds": "A"})
    assert loc == ("bloodBagIds",)
