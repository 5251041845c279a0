"""The handover bill and its bags, as the platform sends them."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import pytest
import wire_samples
from pydantic import ValidationError

from desktop.domain.codes import Abo, Rh
from desktop.domain.dates import SHANGHAI
from desktop.domain.models import (
    BloodBagInfo,
    DispatchListEntry,
    HandoverDetailInfo,
    HandoverInfo,
    HandoverSumInfo,
    to_wire,
)


def test_handover_bill_round_trips() -> None:
    wire = wire_samples.handover()
    bill = HandoverInfo.model_validate(wire)
    assert bill.deliver_time == datetime(2026, 11, 28, 7, 50, tzinfo=SHANGHAI)
    assert [bag.blood_bag_id for bag in bill.blood_bags] == [
        wire_samples.BAG_1,
        wire_samples.BAG_2,
        wire_samples.BAG_3,
    ]
    assert bill.sums[0].capacity == Decimal("390.0")
    assert to_wire(bill) == wire


def test_bag_attributes_are_the_snake_case_of_the_wire_names() -> None:
    bag = HandoverDetailInfo.model_validate(wire_samples.handover_detail())
    assert bag.blood_bag_id == wire_samples.BAG_1
    assert bag.serial_id == "W000026123456"
    assert bag.blood_id == "E0224V00"
    assert bag.blood_group is Abo.A
    assert bag.rh_blood_group is Rh.POSITIVE
    assert bag.collect_time == datetime(2026, 11, 20, 9, 15, tzinfo=SHANGHAI)
    assert bag.collector == "cx001"
    assert bag.produce_time == datetime(2026, 11, 20, 15, 0, tzinfo=SHANGHAI)
    assert bag.producer == "zb002"
    assert bag.expiration == datetime(2026, 12, 25, 23, 59, 59, tzinfo=SHANGHAI)


def test_the_platform_may_add_fields_and_send_null_lists() -> None:
    wire = {**wire_samples.handover(), "station": "上海市血液中心", "sums": None}
    wire["bloodBags"] = [{**wire_samples.handover_detail(), "volume": 200}]
    bill = HandoverInfo.model_validate(wire)
    assert bill.sums == []
    assert "station" not in to_wire(bill)
    assert "volume" not in to_wire(bill)["bloodBags"][0]


def test_numeric_bill_ids_are_taken_as_text() -> None:
    bill = HandoverInfo.model_validate({"id": 20261128007, "deliverTime": 1_764_290_200_000})
    assert bill.id == "20261128007"
    assert bill.blood_bags == []


@pytest.mark.parametrize(
    ("sent_abo", "sent_rh", "abo", "rh"),
    [
        ("O型", "阳性", Abo.O, Rh.POSITIVE),
        ("ab", "Rh(D)阴性", Abo.AB, Rh.NEGATIVE),
        (" b ", "-", Abo.B, Rh.NEGATIVE),
        ("不详", "3", Abo.UNKNOWN, Rh.UNKNOWN),
        ("A", 2, Abo.A, Rh.POSITIVE),
    ],
)
def test_bag_groups_are_normalised(sent_abo: str, sent_rh: object, abo: Abo, rh: Rh) -> None:
    wire = {**wire_samples.handover_detail(), "bloodGroup": sent_abo, "rhBloodGroup": sent_rh}
    bag = HandoverDetailInfo.model_validate(wire)
    assert (bag.blood_group, bag.rh_blood_group) == (abo, rh)
    assert bag.blood_group_as_sent is None
    assert bag.rh_blood_group_as_sent is None
    assert to_wire(bag)["bloodGroup"] == abo.value
    assert to_wire(bag)["rhBloodGroup"] == rh.value


def test_an_unreadable_group_keeps_the_bill_and_becomes_unknown() -> None:
    wire = wire_samples.handover()
    wire["bloodBags"][1]["bloodGroup"] = "A2"
    wire["bloodBags"][1]["rhBloodGroup"] = "weak D"
    bill = HandoverInfo.model_validate(wire)
    bag = bill.blood_bags[1]
    assert bag.blood_group is Abo.UNKNOWN
    assert bag.rh_blood_group is Rh.UNKNOWN
    assert bag.blood_group_as_sent == "A2"
    assert bag.rh_blood_group_as_sent == "weak D"
    assert bill.blood_bags[0].blood_group is Abo.A, "the other bags are untouched"
    assert "blood_group_as_sent" not in to_wire(bag)
    assert to_wire(bag)["bloodGroup"] == "不详"


@pytest.mark.parametrize("sent", [None, "", "  "])
def test_a_missing_group_is_unknown(sent: str | None) -> None:
    wire = {**wire_samples.handover_detail(), "bloodGroup": sent, "rhBloodGroup": sent}
    bag = HandoverDetailInfo.model_validate(wire)
    assert (bag.blood_group, bag.rh_blood_group) == (Abo.UNKNOWN, Rh.UNKNOWN)
    assert bag.blood_group_as_sent is None
    absent = HandoverDetailInfo.model_validate({"bloodBagId": "X1"})
    assert (absent.blood_group, absent.rh_blood_group) == (Abo.UNKNOWN, Rh.UNKNOWN)


def test_groups_can_be_given_by_attribute_name() -> None:
    bag = HandoverDetailInfo(blood_bag_id="X1", blood_group="o", rh_blood_group="zz")
    assert bag.blood_group is Abo.O
    assert bag.rh_blood_group is Rh.UNKNOWN
    assert bag.rh_blood_group_as_sent == "zz"


@pytest.mark.parametrize(
    "change",
    [
        {"bloodBagId": "W" * 24},
        {"bloodBagId": ""},
        {"bloodBagId": None},
        {"expiration": "soon"},
        {"collectTime": True},
    ],
)
def test_a_bag_refuses_a_bad_id_or_date(change: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        HandoverDetailInfo.model_validate({**wire_samples.handover_detail(), **change})


def test_bag_id_is_stripped_and_may_be_23_characters() -> None:
    bag = HandoverDetailInfo.model_validate({"bloodBagId": f"  {'W' * 23}  "})
    assert bag.blood_bag_id == "W" * 23


def test_blood_bag_info_has_the_bag_id_under_id() -> None:
    wire = wire_samples.handover_detail()
    wire["id"] = wire.pop("bloodBagId")
    bag = BloodBagInfo.model_validate(wire)
    assert bag.id == wire_samples.BAG_1
    assert bag.blood_bag_id == wire_samples.BAG_1
    assert bag.blood_group is Abo.A
    assert to_wire(bag) == wire
    with pytest.raises(ValidationError):
        BloodBagInfo.model_validate({"bloodBagId": wire_samples.BAG_1})


def test_sum_line() -> None:
    wire = wire_samples.handover_sum()
    line = HandoverSumInfo.model_validate(wire)
    assert line.blood_sub_type == "悬浮红细胞"
    assert line.conversion == Decimal(3)
    assert to_wire(line) == wire
    odd = HandoverSumInfo.model_validate({**wire, "bloodGroup": "??"})
    assert odd.blood_group is Abo.UNKNOWN
    assert odd.blood_group_as_sent == "??"
    with pytest.raises(ValidationError):
        HandoverSumInfo.model_validate({**wire, "capacity": "1.005"})


def test_bill_needs_id_and_delivery_time() -> None:
    with pytest.raises(ValidationError):
        HandoverInfo.model_validate({"id": "JJ1"})
    with pytest.raises(ValidationError):
        HandoverInfo.model_validate({"deliverTime": "2026-11-28"})


def test_dispatch_list_entry() -> None:
    entry = DispatchListEntry.model_validate(
        {"id": "JJ1", "deliverTime": "2026-11-28T07:50:00+08:00", "remark": "急", "x": 1}
    )
    assert entry.id == "JJ1"
    assert entry.deliver_time == datetime(2026, 11, 28, 7, 50, tzinfo=SHANGHAI)
    assert entry.remark == "急"
    assert to_wire(entry) == {"id": "JJ1", "deliverTime": "2026-11-28 07:50:00", "remark": "急"}
    bare = DispatchListEntry.model_validate({"id": "JJ2", "deliverTime": "2026-11-28"})
    assert bare.remark is None


@pytest.mark.parametrize(
    "wire",
    [{"id": "JJ1"}, {"deliverTime": "2026-11-28"}, {"id": "", "deliverTime": "2026-11-28"}],
)
def test_dispatch_list_entry_needs_id_and_delivery_time(wire: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        DispatchListEntry.model_validate(wire)
