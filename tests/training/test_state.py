"""The training platform's rules: refusals, resends, stock, transfers, returns, threads."""

from __future__ import annotations

import copy
import json
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from functools import partial
from typing import Any

import pytest

from desktop.training.seed import DEFAULT_NOW, TRAINING_HOSPITAL_ID, World, build_world
from desktop.training.seed.bills import RH_NEGATIVE_REMARK
from desktop.training.state import PlatformState, Refusal

NOW = DEFAULT_NOW + timedelta(hours=1)
HOSPITAL = TRAINING_HOSPITAL_ID  # 瑞金医院
OTHER = 31010401  # 复旦大学附属中山医院
THIRD = 31010601  # 复旦大学附属华山医院
DEPARTMENT = 1201

APPLY: dict[str, Any] = {
    "originalId": "SQ20261128-01",
    "medicalRecord": {
        "originalId": "BA-0001",
        "cardtype": "01",
        "cardno": "310101199001011234",
        "name": "王某某",
        "sex": "1",
        "age": 36,
        "ageType": "0",
        "opEmHpMark": "3",
        "opEmHpNo": "ZY-1001",
        "disCode": "D62",
        "disName": "急性出血后贫血",
        "diagnose": "急性失血性贫血",
        "bloodGroup": "A",
        "rhBloodGroup": "2",
    },
    "transReason": "0",
    "property": 2,
    "interoperativeTrans": False,
    "optName": "李医生",
    "optDatetime": NOW - timedelta(hours=1),
    "disName": "急性出血后贫血",
    "transfusionApplyBloods": [
        {
            "bloodSubType": 202,
            "bloodGroup": "A",
            "rhBloodGroup": "2",
            "bloodVolume": Decimal("2.00"),
            "bloodUnit": "U",
            "mlVolume": Decimal("400.00"),
        }
    ],
}


@pytest.fixture(scope="module")
def world() -> World:
    return build_world()


@pytest.fixture
def state(world: World) -> PlatformState:
    return PlatformState(world, now=lambda: NOW)


def bill_bags(world: World, hospital: int, count: int, skip: int = 0) -> tuple[str, list[str]]:
    """A routine bill of `hospital` with at least `count` bags, and `count` of its bag ids."""
    bills = [
        bill
        for bill in world.bills.values()
        if bill.hospital_id == hospital
        and bill.wire["remark"] != RH_NEGATIVE_REMARK
        and len(bill.wire["bloodBags"]) >= count
    ]
    bill = bills[skip]
    return bill.id, [bag["bloodBagId"] for bag in bill.wire["bloodBags"][:count]]


def receipt(
    ref_id: str, bags: list[str], internal: str = "RK-1", type_: int = 151, **extra: Any
) -> dict[str, Any]:
    return {
        "internalId": internal,
        "type": type_,
        "refId": ref_id,
        "receiver": "张三",
        "createTime": NOW - timedelta(minutes=5),
        "receiveTime": NOW - timedelta(minutes=5),
        "bloodBags": [{"bloodBagId": bag} for bag in bags],
        **extra,
    }


def takeout(ref_id: str, bags: list[str], type_: int = 1007, **extra: Any) -> dict[str, Any]:
    out = {
        "refId": ref_id,
        "type": type_,
        "createTime": NOW - timedelta(minutes=3),
        "commitTime": NOW - timedelta(minutes=3),
        "optId": "op01",
        "details": [{"bloodBagId": bag} for bag in bags],
        **extra,
    }
    form: dict[str, Any] = {"outStock": out}
    if type_ == 1005:
        form["transfusionApply"] = copy.deepcopy(APPLY)
    return form


def without(document: dict[str, Any], path: str) -> dict[str, Any]:
    """A copy of `document` with the field at dotted `path` removed."""
    trimmed = copy.deepcopy(document)
    *parents, last = path.split(".")
    node = trimmed
    for part in parents:
        node = node[part]
    del node[last]
    return trimmed


def received(
    state: PlatformState, world: World, hospital: int, count: int, skip: int = 0
) -> list[str]:
    bill_id, bags = bill_bags(world, hospital, count, skip)
    state.save_receive(hospital, receipt(bill_id, bags, internal=f"RK-{hospital}-{skip}"))
    return bags


def refused(call: Callable[[], object], field: str) -> Refusal:
    with pytest.raises(Refusal) as caught:
        call()
    assert caught.value.field == field, caught.value
    assert field in caught.value.message_zh
    assert field in caught.value.message_en
    return caught.value


# -- receive: form rules -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "field", ["internalId", "type", "refId", "receiver", "createTime", "receiveTime", "bloodBags"]
)
def test_receive_refuses_a_missing_required_field(
    world: World, state: PlatformState, field: str
) -> None:
    bill_id, bags = bill_bags(world, HOSPITAL, 2)
    refused(lambda: state.save_receive(HOSPITAL, without(receipt(bill_id, bags), field)), field)
    assert state.stock(HOSPITAL) == []


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"bloodBags": []}, "bloodBags"),
        ({"bloodBags": [{}]}, "bloodBags[0].bloodBagId"),
        ({"bloodBags": [{"bloodBagId": "X" * 24}]}, "bloodBags[0].bloodBagId"),
        ({"type": 152}, "type"),
        ({"type": 1001}, "disOrganId"),
        ({"type": 1006}, "depId"),
        ({"id": "RK0001"}, "id"),
        ({"receiver": "  "}, "receiver"),
    ],
    ids=[
        "no bags",
        "line without id",
        "id too long",
        "bad type",
        "1001 needs disOrganId",
        "1006 needs depId",
        "id is the platform's",
        "blank receiver",
    ],
)
def test_receive_refuses_a_bad_field(
    world: World, state: PlatformState, change: dict[str, Any], field: str
) -> None:
    bill_id, bags = bill_bags(world, HOSPITAL, 2)
    refused(lambda: state.save_receive(HOSPITAL, receipt(bill_id, bags) | change), field)


def test_receive_refuses_a_bag_twice_in_one_receipt(world: World, state: PlatformState) -> None:
    bill_id, bags = bill_bags(world, HOSPITAL, 2)
    refused(
        lambda: state.save_receive(HOSPITAL, receipt(bill_id, [bags[0], bags[0]])),
        "bloodBags[1].bloodBagId",
    )


def test_receive_refuses_a_time_ahead_of_the_platform(world: World, state: PlatformState) -> None:
    bill_id, bags = bill_bags(world, HOSPITAL, 2)
    eight_hours_ahead = receipt(bill_id, bags, receiveTime=NOW + timedelta(hours=8))
    refused(lambda: state.save_receive(HOSPITAL, eight_hours_ahead), "receiveTime")
    slightly_ahead = receipt(bill_id, bags, receiveTime=NOW + timedelta(minutes=5))
    state.save_receive(HOSPITAL, slightly_ahead)


# -- receive: from the blood station (151) -----------------------------------------------------


def test_receive_puts_the_bill_s_bags_in_stock(world: World, state: PlatformState) -> None:
    bill_id, bags = bill_bags(world, HOSPITAL, 3)
    state.save_receive(HOSPITAL, receipt(bill_id, bags))
    assert state.stock(HOSPITAL) == sorted(bags)
    assert state.stock(OTHER) == []


def test_receive_refuses_an_unknown_bill_or_another_hospital_s(
    world: World, state: PlatformState
) -> None:
    _, bags = bill_bags(world, HOSPITAL, 2)
    refused(lambda: state.save_receive(HOSPITAL, receipt("FX20990101-0001", bags)), "refId")
    other_bill, other_bags = bill_bags(world, OTHER, 2)
    refused(lambda: state.save_receive(HOSPITAL, receipt(other_bill, other_bags)), "refId")


def test_receive_refuses_a_bag_not_on_the_bill(world: World, state: PlatformState) -> None:
    bill_id, bags = bill_bags(world, HOSPITAL, 2)
    _, elsewhere = bill_bags(world, HOSPITAL, 2, skip=1)
    refusal = refused(
        lambda: state.save_receive(HOSPITAL, receipt(bill_id, [bags[0], elsewhere[0]])), "bloodBags"
    )
    assert elsewhere[0] in refusal.message_zh
    assert bags[0] not in refusal.message_zh
    assert state.stock(HOSPITAL) == []


def test_receive_refuses_a_bag_received_before(world: World, state: PlatformState) -> None:
    bill_id, bags = bill_bags(world, HOSPITAL, 3)
    state.save_receive(HOSPITAL, receipt(bill_id, bags[:2], internal="RK-1"))
    refused(
        lambda: state.save_receive(HOSPITAL, receipt(bill_id, bags[1:], internal="RK-2")),
        "bloodBags",
    )
    state.save_receive(HOSPITAL, receipt(bill_id, bags[2:], internal="RK-3"))
    assert state.stock(HOSPITAL) == sorted(bags)


# -- idempotent resends ------------------------------------------------------------------------


def test_receive_resent_unchanged_is_accepted_once(world: World, state: PlatformState) -> None:
    bill_id, bags = bill_bags(world, HOSPITAL, 3)
    document = receipt(bill_id, bags)
    state.save_receive(HOSPITAL, document)
    same_content = dict(reversed(list(document.items())))
    same_content["receiveTime"] = document["receiveTime"].astimezone().isoformat()
    same_content["createTime"] = int(document["createTime"].timestamp() * 1000)
    same_content["bloodBags"] = list(reversed(document["bloodBags"]))
    same_content["description"] = ""
    state.save_receive(HOSPITAL, same_content)
    snapshot = state.snapshot()
    assert len(snapshot["receipts"]) == 1
    assert [call["outcome"] for call in snapshot["calls"]] == ["ok", "duplicate"]
    assert state.stock(HOSPITAL) == sorted(bags)


def test_receive_resent_changed_is_refused(world: World, state: PlatformState) -> None:
    bill_id, bags = bill_bags(world, HOSPITAL, 3)
    state.save_receive(HOSPITAL, receipt(bill_id, bags[:2]))
    refused(lambda: state.save_receive(HOSPITAL, receipt(bill_id, bags)), "internalId")
    refused(
        lambda: state.save_receive(HOSPITAL, receipt(bill_id, bags[:2], receiver="李四")),
        "internalId",
    )
    assert state.stock(HOSPITAL) == sorted(bags[:2])


def test_the_same_internal_id_at_two_hospitals_is_two_receipts(
    world: World, state: PlatformState
) -> None:
    bill_id, bags = bill_bags(world, HOSPITAL, 1)
    other_bill, other_bags = bill_bags(world, OTHER, 1)
    state.save_receive(HOSPITAL, receipt(bill_id, bags, internal="RK-1"))
    state.save_receive(OTHER, receipt(other_bill, other_bags, internal="RK-1"))
    assert len(state.snapshot()["receipts"]) == 2


def test_takeout_resent_unchanged_is_accepted_once_and_changed_is_refused(
    world: World, state: PlatformState
) -> None:
    bags = received(state, world, HOSPITAL, 3)
    state.save_takeout(HOSPITAL, takeout("CK-1", bags[:2], 1005, depId=DEPARTMENT))
    state.save_takeout(HOSPITAL, takeout("CK-1", list(reversed(bags[:2])), 1005, depId=DEPARTMENT))
    assert len(state.snapshot()["takeouts"]) == 1
    changed = takeout("CK-1", bags[:2], 1005, depId=DEPARTMENT)
    changed["transfusionApply"]["medicalRecord"]["age"] = 37
    refused(lambda: state.save_takeout(HOSPITAL, changed), "outStock.refId")
    assert state.stock(HOSPITAL) == [bags[2]]


# -- takeout -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "field",
    [
        "outStock",
        "outStock.refId",
        "outStock.type",
        "outStock.createTime",
        "outStock.commitTime",
        "outStock.optId",
        "outStock.details",
        "outStock.depId",
        "transfusionApply",
        "transfusionApply.originalId",
        "transfusionApply.medicalRecord",
        "transfusionApply.medicalRecord.cardno",
        "transfusionApply.medicalRecord.bloodGroup",
        "transfusionApply.transReason",
        "transfusionApply.property",
        "transfusionApply.interoperativeTrans",
        "transfusionApply.optName",
        "transfusionApply.optDatetime",
        "transfusionApply.disName",
        "transfusionApply.transfusionApplyBloods",
    ],
)
def test_takeout_refuses_a_missing_required_field(
    world: World, state: PlatformState, field: str
) -> None:
    bags = received(state, world, HOSPITAL, 1)
    form = takeout("CK-1", bags, 1005, depId=DEPARTMENT)
    refused(lambda: state.save_takeout(HOSPITAL, without(form, field)), field)
    assert state.stock(HOSPITAL) == bags


def test_takeout_refuses_a_transfer_without_or_to_a_wrong_hospital(
    world: World, state: PlatformState
) -> None:
    bags = received(state, world, HOSPITAL, 1)
    refused(
        lambda: state.save_takeout(HOSPITAL, takeout("DB-1", bags, 1002)), "outStock.otherhosId"
    )
    for wrong in (HOSPITAL, 31000001, 31010108, 12345678):
        form = takeout("DB-1", bags, 1002, otherhosId=wrong)
        refused(partial(state.save_takeout, HOSPITAL, form), "outStock.otherhosId")
    assert state.stock(HOSPITAL) == bags


def test_takeout_refuses_a_request_on_a_scrapping(world: World, state: PlatformState) -> None:
    bags = received(state, world, HOSPITAL, 1)
    form = takeout("BF-1", bags, 1007) | {"transfusionApply": copy.deepcopy(APPLY)}
    refused(lambda: state.save_takeout(HOSPITAL, form), "transfusionApply")


def test_takeout_refuses_bags_not_in_this_hospital_s_stock(
    world: World, state: PlatformState
) -> None:
    mine = received(state, world, HOSPITAL, 2)
    theirs = received(state, world, OTHER, 1)
    _, never_received = bill_bags(world, HOSPITAL, 1, skip=1)
    for bags in (never_received, theirs, [mine[0], "C310126999999E0224V00"]):
        refused(partial(state.save_takeout, HOSPITAL, takeout("BF-1", bags)), "outStock.details")
    state.save_takeout(HOSPITAL, takeout("BF-1", mine[:1]))
    refused(lambda: state.save_takeout(HOSPITAL, takeout("BF-2", mine[:1])), "outStock.details")
    assert state.stock(HOSPITAL) == mine[1:]


@pytest.mark.parametrize("type_", [1005, 1002, 1007, 252])
def test_takeout_leaves_stock_and_cancel_brings_it_back(
    world: World, state: PlatformState, type_: int
) -> None:
    bags = received(state, world, HOSPITAL, 3)
    extra = {1005: {"depId": DEPARTMENT}, 1002: {"otherhosId": OTHER}}.get(type_, {})
    state.save_takeout(HOSPITAL, takeout("CK-1", bags[:2], type_, **extra))
    assert state.stock(HOSPITAL) == bags[2:]
    assert state.cancel_takeout(HOSPITAL, "CK-1", "登记错误", NOW, "op01", [bags[0]]) == "success"
    assert state.stock(HOSPITAL) == sorted([bags[0], bags[2]])
    assert state.cancel_takeout(HOSPITAL, "CK-1", "登记错误", NOW, "op01", [bags[1]]) == "success"
    assert state.stock(HOSPITAL) == sorted(bags)


# -- cancel ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("position", "field"),
    [(0, "refId"), (1, "reason"), (2, "time"), (3, "user"), (4, "bloodBagIds")],
)
@pytest.mark.parametrize("blank", [None, ""], ids=["absent", "blank"])
def test_cancel_refuses_a_missing_parameter(
    world: World, state: PlatformState, position: int, field: str, blank: object
) -> None:
    bags = received(state, world, HOSPITAL, 1)
    state.save_takeout(HOSPITAL, takeout("BF-1", bags))
    arguments: list[Any] = ["BF-1", "登记错误", NOW, "op01", bags]
    arguments[position] = [] if blank == "" and field == "bloodBagIds" else blank
    refused(lambda: state.cancel_takeout(HOSPITAL, *arguments), field)
    assert state.stock(HOSPITAL) == []


def test_cancel_fails_for_an_unknown_takeout_or_a_bag_not_on_it(
    world: World, state: PlatformState
) -> None:
    bags = received(state, world, HOSPITAL, 3)
    state.save_takeout(HOSPITAL, takeout("BF-1", bags[:2]))
    assert state.cancel_takeout(HOSPITAL, "BF-9", "登记错误", NOW, "op01", bags[:1]) == "fail"
    assert state.cancel_takeout(OTHER, "BF-1", "登记错误", NOW, "op01", bags[:1]) == "fail"
    assert state.cancel_takeout(HOSPITAL, "BF-1", "登记错误", NOW, "op01", bags[1:]) == "fail"
    assert state.stock(HOSPITAL) == [bags[2]]
    assert state.snapshot()["cancels"] == []


def test_cancel_twice(world: World, state: PlatformState) -> None:
    bags = received(state, world, HOSPITAL, 2)
    state.save_takeout(HOSPITAL, takeout("BF-1", bags))
    assert state.cancel_takeout(HOSPITAL, "BF-1", "登记错误", NOW, "op01", [bags[0]]) == "success"
    resent = state.cancel_takeout(
        HOSPITAL, "BF-1", "登记错误", NOW.astimezone(UTC), "op01", [bags[0]]
    )
    assert resent == "success"
    refused(
        lambda: state.cancel_takeout(HOSPITAL, "BF-1", "另一原因", NOW, "op01", [bags[0]]), "refId"
    )
    assert state.cancel_takeout(HOSPITAL, "BF-1", "登记错误", NOW, "op01", bags) == "fail"
    assert state.stock(HOSPITAL) == [bags[0]]
    assert len(state.snapshot()["cancels"]) == 1


def test_cancel_refuses_a_time_ahead_of_the_platform(world: World, state: PlatformState) -> None:
    bags = received(state, world, HOSPITAL, 1)
    state.save_takeout(HOSPITAL, takeout("BF-1", bags))
    refused(
        lambda: state.cancel_takeout(
            HOSPITAL, "BF-1", "登记错误", NOW + timedelta(hours=8), "op01", bags
        ),
        "time",
    )


# -- transfer between hospitals (1002 → 1001) --------------------------------------------------


def transfer_in(
    ref_id: str, bags: list[str], sender: int = HOSPITAL, internal: str = "DR-1"
) -> dict[str, Any]:
    return receipt(ref_id, bags, internal=internal, type_=1001, disOrganId=sender)


def test_transfer_moves_bags_between_hospitals(world: World, state: PlatformState) -> None:
    bags = received(state, world, HOSPITAL, 3)
    state.save_takeout(HOSPITAL, takeout("DB-1", bags[:2], 1002, otherhosId=OTHER))
    assert state.stock(HOSPITAL) == [bags[2]]
    state.save_receive(OTHER, transfer_in("DB-1", bags[:2]))
    assert state.stock(OTHER) == sorted(bags[:2])
    assert state.cancel_takeout(HOSPITAL, "DB-1", "登记错误", NOW, "op01", bags[:1]) == "fail"
    state.save_takeout(OTHER, takeout("BF-1", bags[:1]))
    assert state.stock(OTHER) == [bags[1]]


def test_transfer_in_refuses_what_was_not_sent_to_us(world: World, state: PlatformState) -> None:
    bags = received(state, world, HOSPITAL, 3)
    state.save_takeout(HOSPITAL, takeout("DB-1", bags[:2], 1002, otherhosId=OTHER))
    refused(lambda: state.save_receive(OTHER, transfer_in("DB-9", bags[:2])), "refId")
    refused(lambda: state.save_receive(OTHER, transfer_in("DB-1", bags[:2], sender=THIRD)), "refId")
    refused(lambda: state.save_receive(THIRD, transfer_in("DB-1", bags[:2])), "refId")
    refused(lambda: state.save_receive(OTHER, transfer_in("DB-1", bags[1:])), "bloodBags")
    refused(
        lambda: state.save_receive(OTHER, transfer_in("DB-1", bags[:1], sender=31000001)),
        "disOrganId",
    )
    state.save_receive(OTHER, transfer_in("DB-1", bags[:1]))
    refused(
        lambda: state.save_receive(OTHER, transfer_in("DB-1", bags[:1], internal="DR-2")),
        "bloodBags",
    )
    assert state.stock(OTHER) == [bags[0]]


def test_a_cancelled_transfer_cannot_be_received(world: World, state: PlatformState) -> None:
    bags = received(state, world, HOSPITAL, 1)
    state.save_takeout(HOSPITAL, takeout("DB-1", bags, 1002, otherhosId=OTHER))
    assert state.cancel_takeout(HOSPITAL, "DB-1", "对方不需要", NOW, "op01", bags) == "success"
    refused(lambda: state.save_receive(OTHER, transfer_in("DB-1", bags)), "bloodBags")
    assert state.stock(HOSPITAL) == bags


# -- department return (1005 → 1006) -----------------------------------------------------------


def department_return(bags: list[str], internal: str = "TX-1") -> dict[str, Any]:
    return receipt("TX-1", bags, internal=internal, type_=1006, depId=DEPARTMENT)


def test_department_return_brings_issued_bags_back(world: World, state: PlatformState) -> None:
    bags = received(state, world, HOSPITAL, 2)
    state.save_takeout(HOSPITAL, takeout("CK-1", bags, 1005, depId=DEPARTMENT))
    state.save_receive(HOSPITAL, department_return(bags[:1]))
    assert state.stock(HOSPITAL) == bags[:1]
    refused(lambda: state.save_receive(HOSPITAL, department_return(bags[:1], "TX-2")), "bloodBags")
    assert state.cancel_takeout(HOSPITAL, "CK-1", "登记错误", NOW, "op01", bags[:1]) == "fail"
    assert state.cancel_takeout(HOSPITAL, "CK-1", "登记错误", NOW, "op01", bags[1:]) == "success"
    assert state.stock(HOSPITAL) == sorted(bags)


def test_department_return_refuses_bags_not_issued_here(world: World, state: PlatformState) -> None:
    in_stock = received(state, world, HOSPITAL, 1)
    refused(lambda: state.save_receive(HOSPITAL, department_return(in_stock)), "bloodBags")
    theirs = received(state, world, OTHER, 1)
    state.save_takeout(OTHER, takeout("CK-1", theirs, 1005, depId=DEPARTMENT))
    refused(lambda: state.save_receive(HOSPITAL, department_return(theirs)), "bloodBags")
    scrapped = received(state, world, HOSPITAL, 1, skip=1)
    state.save_takeout(HOSPITAL, takeout("BF-1", scrapped))
    refused(lambda: state.save_receive(HOSPITAL, department_return(scrapped)), "bloodBags")


# -- threads -----------------------------------------------------------------------------------


def run_together(calls: list[Callable[[], object]]) -> list[object]:
    """Run `calls` on as many threads, released at once; each result or the exception raised."""
    results: list[object] = [None] * len(calls)
    barrier = threading.Barrier(len(calls))

    def worker(index: int) -> None:
        barrier.wait()
        try:
            results[index] = calls[index]()
        except Refusal as refusal:
            results[index] = refusal

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(len(calls))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results


def test_threads_receiving_disjoint_bags_all_succeed(world: World, state: PlatformState) -> None:
    bill_id, bags = bill_bags(world, HOSPITAL, 8)
    results = run_together(
        [
            partial(state.save_receive, HOSPITAL, receipt(bill_id, [bag], internal=f"RK-{i}"))
            for i, bag in enumerate(bags)
        ]
    )
    assert results == [None] * 8
    assert state.stock(HOSPITAL) == sorted(bags)


def test_threads_receiving_the_same_bag_one_wins(world: World, state: PlatformState) -> None:
    bill_id, bags = bill_bags(world, HOSPITAL, 1)
    results = run_together(
        [
            partial(state.save_receive, HOSPITAL, receipt(bill_id, bags, internal=f"RK-{i}"))
            for i in range(8)
        ]
    )
    assert sum(result is None for result in results) == 1
    assert sum(isinstance(result, Refusal) for result in results) == 7
    assert len(state.snapshot()["receipts"]) == 1


def test_threads_resending_one_receipt_record_it_once(world: World, state: PlatformState) -> None:
    bill_id, bags = bill_bags(world, HOSPITAL, 2)
    results = run_together(
        [lambda: state.save_receive(HOSPITAL, receipt(bill_id, bags)) for _ in range(8)]
    )
    assert results == [None] * 8
    outcomes = [call["outcome"] for call in state.snapshot()["calls"]]
    assert sorted(outcomes) == ["duplicate"] * 7 + ["ok"]


# -- reads -------------------------------------------------------------------------------------


def test_dictionaries(world: World, state: PlatformState) -> None:
    assert state.list_all_blood() == world.bloods
    assert state.list_all_blood_type() == world.blood_types
    assert state.list_all_blood_sub_type() == world.blood_sub_types
    assert state.list_all_facilities() == world.facilities
    assert len(state.list_all_disease()) == len(world.diseases)
    assert state.get_facility(HOSPITAL).name == "上海交通大学医学院附属瑞金医院"


def test_list_bill_detail_only_for_the_hospital_it_was_sent_to(
    world: World, state: PlatformState
) -> None:
    bill_id, bags = bill_bags(world, HOSPITAL, 2)
    info = state.list_bill_detail(HOSPITAL, bill_id)
    assert info.id == bill_id
    assert [bag.blood_bag_id for bag in info.blood_bags[:2]] == bags
    refused(lambda: state.list_bill_detail(OTHER, bill_id), "listId")
    refused(lambda: state.list_bill_detail(HOSPITAL, "FX20990101-0001"), "listId")
    refused(lambda: state.list_bill_detail(HOSPITAL, " "), "listId")


def test_get_blood_bags_skips_unknown_ids(world: World, state: PlatformState) -> None:
    _, bags = bill_bags(world, OTHER, 2)
    found = state.get_blood_bags(HOSPITAL, [bags[1], "C310126999999E0224V00", bags[0], bags[1]])
    assert [bag.id for bag in found] == [bags[1], bags[0]]
    assert found[0].serial_id == bags[1][:13]
    assert state.get_blood_bags(HOSPITAL, ["C310126999999E0224V00"]) == []
    refused(lambda: state.get_blood_bags(HOSPITAL, []), "ids")
    refused(lambda: state.get_blood_bags(HOSPITAL, None), "ids")
    refused(lambda: state.get_blood_bags(HOSPITAL, [bags[0], ""]), "ids")


def test_dispatch_list_is_oldest_first_within_the_window(
    world: World, state: PlatformState
) -> None:
    everything = state.dispatch_list(HOSPITAL)
    mine = [bill.id for bill in world.bills.values() if bill.hospital_id == HOSPITAL]
    assert sorted(entry.id for entry in everything) == sorted(mine)
    times = [entry.deliver_time for entry in everything]
    assert times == sorted(times)
    start, end = times[3], times[-3]
    window = state.dispatch_list(HOSPITAL, start, end)
    assert [entry.deliver_time for entry in window] == times[3:-2]
    naive = state.dispatch_list(HOSPITAL, start.replace(tzinfo=None), None)
    assert len(naive) == len(times) - 3
    refused(lambda: state.dispatch_list(HOSPITAL, end, start), "startTime")


def test_a_bill_dispatched_during_the_session_arrives() -> None:
    clock = [NOW]
    state = PlatformState(build_world(), now=lambda: clock[0])
    before = {entry.id for entry in state.dispatch_list(HOSPITAL)}
    clock[0] = NOW + timedelta(minutes=30)
    info = state.dispatch_new_bill(bag_count=6)
    after = state.dispatch_list(HOSPITAL, NOW, None)
    assert [entry.id for entry in after] == [info.id]
    assert info.id not in before
    assert info.deliver_time == clock[0]
    bags = [bag.blood_bag_id for bag in info.blood_bags]
    state.save_receive(HOSPITAL, receipt(info.id, bags))
    assert state.stock(HOSPITAL) == sorted(bags)
    with pytest.raises(Refusal):
        state.dispatch_new_bill(31000001, 5)


# -- the admin snapshot ------------------------------------------------------------------------


def test_snapshot_is_json_and_complete(world: World, state: PlatformState) -> None:
    bags = received(state, world, HOSPITAL, 2)
    state.save_takeout(HOSPITAL, takeout("CK-1", bags, 1005, depId=DEPARTMENT))
    state.cancel_takeout(HOSPITAL, "CK-1", "登记错误", NOW, "op01", bags[:1])
    with pytest.raises(Refusal):
        state.save_receive(HOSPITAL, {})
    snapshot = json.loads(json.dumps(state.snapshot(), ensure_ascii=False))
    assert snapshot["receipts"][0]["document"]["bloodBags"] == [{"bloodBagId": bag} for bag in bags]
    assert snapshot["receipts"][0]["id"].startswith("RK")
    assert snapshot["takeouts"][0]["cancelledBags"] == bags[:1]
    assert (
        snapshot["takeouts"][0]["document"]["transfusionApply"]["originalId"] == APPLY["originalId"]
    )
    assert snapshot["cancels"][0]["document"]["bloodBagIds"] == bags[:1]
    assert snapshot["stock"] == {str(HOSPITAL): bags[:1]}
    assert [call["operation"] for call in snapshot["calls"]] == [
        "saveReceive",
        "saveTakeoutList",
        "cancelTakeoutList",
        "saveReceive",
    ]
    assert [call["outcome"] for call in snapshot["calls"]] == ["ok", "ok", "ok", "refused"]
    assert datetime.fromisoformat(snapshot["now"]) == NOW


def test_the_call_log_keeps_the_latest_calls(world: World) -> None:
    state = PlatformState(world, now=lambda: NOW, calls_kept=3)
    for _ in range(5):
        state.list_all_blood_type()
    state.get_facility(HOSPITAL)
    calls = state.snapshot()["calls"]
    assert len(calls) == 3
    assert calls[-1] == {
        "operation": "getFacility",
        "hospital": HOSPITAL,
        "time": NOW.isoformat(),
        "outcome": "ok",
        "detail": "",
    }
