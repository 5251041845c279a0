"""The receipt into stock (Receive): required fields, conditional rules, bag list rules."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
import wire_samples
from pydantic import ValidationError

from desktop.domain.codes import ReceiveType
from desktop.domain.dates import SHANGHAI
from desktop.domain.models import Receive, ReceiveLine, to_wire


def _refusal(wire: dict[str, Any]) -> list[tuple[tuple[str | int, ...], str]]:
    with pytest.raises(ValidationError) as caught:
        Receive.model_validate(wire)
    return [(tuple(error["loc"]), error["msg"]) for error in caught.value.errors()]


def test_receipt_from_the_blood_station_round_trips() -> None:
    wire = wire_samples.receive(151)
    receipt = Receive.model_validate(wire)
    assert receipt.type is ReceiveType.FROM_BLOOD_STATION
    assert receipt.internal_id == "RK20261128001"
    assert receipt.receive_time == datetime(2026, 11, 28, 8, 45, tzinfo=SHANGHAI)
    assert to_wire(receipt) == wire


def test_receipt_built_by_attribute_names_dumps_wire_names() -> None:
    receipt = Receive(
        internal_id="RK1",
        type=ReceiveType.TRANSFER_IN,
        dis_organ_id=310002,
        ref_id="DB-77",
        receiver="张三",
        create_time=datetime(2026, 11, 28, 8, 30),
        receive_time="2026-11-28T00:45:00Z",
        blood_bags=[ReceiveLine(blood_bag_id=wire_samples.BAG_1)],
    )
    assert to_wire(receipt) == {
        "internalId": "RK1",
        "type": 1001,
        "disOrganId": 310002,
        "refId": "DB-77",
        "receiver": "张三",
        "createTime": "2026-11-28 08:30:00",
        "receiveTime": "2026-11-28 08:45:00",
        "bloodBags": [{"bloodBagId": wire_samples.BAG_1}],
    }


def test_type_is_read_from_text_too() -> None:
    assert Receive.model_validate(
        {**wire_samples.receive(), "type": "1006", "depId": "12"}
    ).type is (ReceiveType.DEPARTMENT_RETURN)


@pytest.mark.parametrize(
    "field",
    ["internalId", "type", "refId", "receiver", "createTime", "receiveTime", "bloodBags"],
)
def test_required_fields(field: str) -> None:
    wire = wire_samples.receive()
    del wire[field]
    assert [loc for loc, _ in _refusal(wire)] == [(field,)]


@pytest.mark.parametrize("field", ["internalId", "refId", "receiver"])
def test_required_text_cannot_be_blank(field: str) -> None:
    assert [loc for loc, _ in _refusal({**wire_samples.receive(), field: "   "})] == [(field,)]


def test_description_is_optional_and_blank_means_absent() -> None:
    wire = wire_samples.receive()
    del wire["description"]
    assert Receive.model_validate(wire).description is None
    assert Receive.model_validate({**wire, "description": " "}).description is None


@pytest.mark.parametrize(
    ("field", "value"),
    [("id", "RK-PLATFORM-1"), ("organId", 310001)],
)
def test_platform_assigned_fields_must_stay_empty(field: str, value: object) -> None:
    [(loc, message)] = _refusal({**wire_samples.receive(), field: value})
    assert loc == (field,)
    assert "平台自动生成" in message


def test_platform_assigned_line_id_must_stay_empty() -> None:
    wire = wire_samples.receive()
    wire["bloodBags"][0]["id"] = 123456789012
    [(loc, message)] = _refusal(wire)
    assert loc == ("bloodBags", 0, "id")
    assert "平台自动生成" in message


def test_platform_assigned_fields_may_be_given_empty() -> None:
    receipt = Receive.model_validate({**wire_samples.receive(), "id": None, "organId": ""})
    assert receipt.id is None
    assert receipt.organ_id is None


def test_transfer_in_needs_the_sending_hospital() -> None:
    [(loc, message)] = _refusal(wire_samples.receive(1001))
    assert loc == ()
    assert "1001" in message
    receipt = Receive.model_validate({**wire_samples.receive(1001), "disOrganId": 310002})
    assert receipt.dis_organ_id == 310002


def test_department_return_needs_the_department() -> None:
    [(_, message)] = _refusal(wire_samples.receive(1006))
    assert "1006" in message
    receipt = Receive.model_validate({**wire_samples.receive(1006), "depId": 1203})
    assert receipt.dep_id == 1203


def test_receipt_from_the_station_needs_neither() -> None:
    receipt = Receive.model_validate(wire_samples.receive(151))
    assert receipt.dis_organ_id is None
    assert receipt.dep_id is None


@pytest.mark.parametrize("type_", [0, 152, 1005, "x", None, True])
def test_unknown_type_is_refused(type_: object) -> None:
    [(loc, _)] = _refusal({**wire_samples.receive(), "type": type_})
    assert loc == ("type",)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("disOrganId", 100_000_000),
        ("disOrganId", -1),
        ("disOrganId", True),
        ("disOrganId", 1.5),
        ("depId", "dept"),
        ("depId", 100_000_000),
    ],
)
def test_number8_ids_are_0_to_99999999(field: str, value: object) -> None:
    [(loc, _)] = _refusal({**wire_samples.receive(1001), "disOrganId": 1, "depId": 1, field: value})
    assert loc == (field,)


def test_number8_bounds_are_accepted() -> None:
    receipt = Receive.model_validate({**wire_samples.receive(1001), "disOrganId": 99_999_999})
    assert receipt.dis_organ_id == 99_999_999
    assert Receive.model_validate({**wire_samples.receive(1006), "depId": 0}).dep_id == 0


def test_empty_bag_list_is_refused() -> None:
    [(loc, _)] = _refusal({**wire_samples.receive(), "bloodBags": []})
    assert loc == ("bloodBags",)


def test_a_bag_twice_is_refused_at_its_second_line() -> None:
    wire = wire_samples.receive()
    wire["bloodBags"].append({"bloodBagId": f" {wire_samples.BAG_1} "})
    [(loc, message)] = _refusal(wire)
    assert loc == ("bloodBags",)
    assert "重复" in message
    assert wire_samples.BAG_1 in message


def test_bag_ids_differing_only_in_case_are_two_bags() -> None:
    wire = wire_samples.receive()
    wire["bloodBags"] = [{"bloodBagId": "w1"}, {"bloodBagId": "W1"}]
    assert len(Receive.model_validate(wire).blood_bags) == 2


@pytest.mark.parametrize("bag_id", ["", "   ", "W" * 24, None, 5])
def test_bad_bag_id_is_refused(bag_id: object) -> None:
    wire = {**wire_samples.receive(), "bloodBags": [{"bloodBagId": bag_id}]}
    [(loc, _)] = _refusal(wire)
    assert loc == ("bloodBags", 0, "bloodBagId")


def test_unknown_fields_are_refused() -> None:
    [(loc, _)] = _refusal({**wire_samples.receive(), "internalID": "RK1"})
    assert loc == ("internalID",)
    wire = wire_samples.receive()
    wire["bloodBags"][0]["volume"] = 200
    [(loc, _)] = _refusal(wire)
    assert loc == ("bloodBags", 0, "volume")


@pytest.mark.parametrize("field", ["createTime", "receiveTime"])
def test_bad_dates_are_refused(field: str) -> None:
    [(loc, message)] = _refusal({**wire_samples.receive(), field: "yesterday"})
    assert loc == (field,)
    assert "无法识别的时间" in message
