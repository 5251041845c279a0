"""The training platform's seeded world: reproducible, Shanghai-shaped, consistent."""

from __future__ import annotations

import re
from collections import Counter
from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest

from desktop.domain.codes import FacilityType
from desktop.domain.isbt128.checksum import check_character
from desktop.domain.models import BloodBagInfo, HandoverInfo
from desktop.training.seed import (
    CLIENT_FACILITIES,
    DEFAULT_CLIENT_ID,
    DEFAULT_CLIENT_SECRET,
    TRAINING_HOSPITAL_ID,
    World,
    build_world,
    client_secret,
)
from desktop.training.seed.bags import RH_NEGATIVE_SHARE
from desktop.training.seed.bills import LARGE_BILL_BAGS, NEAR_EXPIRY_REMARK, RH_NEGATIVE_REMARK
from desktop.training.seed.diseases import small_disease_count
from desktop.training.seed.facilities import BRANCHES, CENTER, HOSPITALS
from desktop.training.seed.products import PRODUCTS_BY_CODE

FINS = {CENTER.fin} | {station.fin for station, _ in BRANCHES}


@pytest.fixture(scope="module")
def world() -> World:
    return build_world()


@pytest.fixture(scope="module")
def large() -> World:
    return build_world(size="large")


def all_bags(world: World) -> list[dict[str, Any]]:
    return [bag for bill in world.bills.values() for bag in bill.wire["bloodBags"]]


# -- reproducibility ---------------------------------------------------------------------------


def test_same_seed_gives_the_same_world(world: World) -> None:
    assert build_world() == world


def test_another_seed_gives_another_world(world: World) -> None:
    other = build_world(seed=7)
    assert other.bills != world.bills
    assert [d.available for d in other.diseases] != [d.available for d in world.diseases]


def test_now_moves_the_history_with_it(world: World) -> None:
    later = build_world(now=world.now + timedelta(days=3))
    newest = max(bill.deliver_time for bill in later.bills.values())
    assert world.now + timedelta(days=2) < newest <= later.now


# -- sizes -------------------------------------------------------------------------------------


def test_small_world_sizes(world: World) -> None:
    assert len(world.diseases) == small_disease_count()
    assert 3000 <= len(world.diseases) <= 10_000
    counts = [len(bill.wire["bloodBags"]) for bill in world.bills.values()]
    assert min(counts) >= 1
    assert max(counts) <= 500
    typical = sum(5 <= count <= 60 for count in counts)
    assert typical > 0.7 * len(counts)


def test_large_world_sizes(large: World) -> None:
    assert len(large.diseases) == 50_000
    counts = [len(bill.wire["bloodBags"]) for bill in large.bills.values()]
    assert max(counts) == LARGE_BILL_BAGS
    assert len(large.bag_bills) > 5 * len(build_world().bag_bills)


# -- facilities and logins ---------------------------------------------------------------------


def test_facility_mix(world: World) -> None:
    kinds = Counter(facility.type for facility in world.facilities)
    assert kinds[FacilityType.BLOOD_STATION] == 1
    assert kinds[FacilityType.BLOOD_BRANCH] >= 5
    assert kinds[FacilityType.MUNICIPAL_BAO] == 1
    district_offices = [
        f for f in world.facilities if f.type is FacilityType.DISTRICT_BAO and f.available
    ]
    assert len(district_offices) == 16
    hospitals = [f for f in world.facilities if f.type is FacilityType.HOSPITAL]
    assert len(hospitals) >= 60
    assert sum(not h.available for h in hospitals) in range(1, 6)
    ids = [facility.id for facility in world.facilities]
    assert len(set(ids)) == len(ids)
    assert all(0 < facility_id <= 99_999_999 for facility_id in ids)
    names = {facility.name for facility in world.facilities}
    for expected in (
        "上海市血液中心",
        "上海市献血办公室",
        "黄浦区献血办公室",
        "复旦大学附属中山医院",
    ):
        assert expected in names


def test_training_login_belongs_to_a_hospital_in_service(world: World) -> None:
    assert CLIENT_FACILITIES[DEFAULT_CLIENT_ID] == TRAINING_HOSPITAL_ID
    assert world.clients[DEFAULT_CLIENT_ID] == (DEFAULT_CLIENT_SECRET, TRAINING_HOSPITAL_ID)
    training = next(f for f in world.facilities if f.id == TRAINING_HOSPITAL_ID)
    assert training.type is FacilityType.HOSPITAL
    assert training.available


def test_every_hospital_in_service_can_log_in_and_no_other(world: World) -> None:
    in_service = {h.id for h in HOSPITALS if h.available}
    assert set(CLIENT_FACILITIES.values()) == in_service
    assert all(secret == client_secret(cid) for cid, (secret, _) in world.clients.items())


# -- dictionaries ------------------------------------------------------------------------------


def test_product_dictionary(world: World) -> None:
    sub_types = {sub_type.id for sub_type in world.blood_sub_types}
    types = {blood_type.id for blood_type in world.blood_types}
    for blood in world.bloods:
        assert re.fullmatch(r"E\d{4}V(00|A0|B0)", blood.id)
        assert blood.sub_type in sub_types
        assert blood.type in types
        assert blood.conversion is not None
        assert blood.conversion == blood.conversion.quantize(Decimal("0.01"))
    assert {"E3090VA0", "E3090VB0"} <= {blood.id for blood in world.bloods}
    assert any(not blood.available for blood in world.bloods)


def test_disease_dictionary(world: World, large: World) -> None:
    for diseases in (world.diseases, large.diseases):
        codes = [disease.code for disease in diseases]
        assert len(set(codes)) == len(codes)
        assert [d.ui_order for d in diseases] == list(range(1, len(diseases) + 1))
    by_code = {disease.code: disease.name for disease in large.diseases}
    assert by_code["C16"] == "胃恶性肿瘤"
    assert by_code["C16.0"] == "胃恶性肿瘤，贲门"
    assert by_code["D61.3"] == "其他再生障碍性贫血，特发性"
    assert by_code["O72.0"] == "产后出血，第三产程出血"
    assert "C16.001" in by_code
    assert "C16.7" not in by_code  # ICD-10 has no C16.7


# -- bags --------------------------------------------------------------------------------------


def test_bag_identity(world: World) -> None:
    bags = all_bags(world)
    assert len(bags) == len(world.bag_bills)  # no bag id twice
    for bag in bags:
        din = bag["serialId"]
        assert len(din) == 13
        assert din[:5] in FINS
        assert check_character(din) is not None
        assert bag["bloodBagId"] == din + bag["bloodId"]
        assert len(bag["bloodBagId"]) <= 23
        assert bag["bloodId"] in PRODUCTS_BY_CODE


def test_split_platelets_share_a_donation(world: World) -> None:
    halves = [bag for bag in all_bags(world) if bag["bloodId"].endswith(("VA0", "VB0"))]
    by_din = Counter(bag["serialId"] for bag in halves)
    assert halves
    assert set(by_din.values()) == {2}


def test_dates_follow_the_product(world: World) -> None:
    for bill in world.bills.values():
        for bag in bill.wire["bloodBags"]:
            product = PRODUCTS_BY_CODE[bag["bloodId"]]
            assert bag["collectTime"] < bag["produceTime"] <= bill.deliver_time
            assert bag["expiration"] == product.expiry(bag["collectTime"], bag["produceTime"])


def test_groups_look_chinese(world: World) -> None:
    bags = all_bags(world)
    shares = Counter(bag["bloodGroup"] for bag in bags)
    for group, expected in (("O", 0.30), ("A", 0.28), ("B", 0.30), ("AB", 0.12)):
        assert abs(shares[group] / len(bags) - expected) < 0.03
    routine = [
        bag
        for bill in world.bills.values()
        if bill.wire["remark"] != RH_NEGATIVE_REMARK
        for bag in bill.wire["bloodBags"]
    ]
    negative = sum(bag["rhBloodGroup"] == "1" for bag in routine)
    assert negative / len(routine) < 4 * RH_NEGATIVE_SHARE


def test_every_hospital_has_negative_and_near_expiry_bags(world: World) -> None:
    for hospital in (h for h in HOSPITALS if h.available):
        bills = [bill for bill in world.bills.values() if bill.hospital_id == hospital.id]
        rh_bills = [bill for bill in bills if bill.wire["remark"] == RH_NEGATIVE_REMARK]
        assert rh_bills
        assert all(b["rhBloodGroup"] == "1" for b in rh_bills[0].wire["bloodBags"])
        near = next(bill for bill in bills if bill.wire["remark"] == NEAR_EXPIRY_REMARK)
        left = [bag["expiration"] - world.now for bag in near.wire["bloodBags"]]
        assert any(delta < timedelta(0) for delta in left)
        assert any(timedelta(0) < delta <= timedelta(hours=24) for delta in left)
        assert any(timedelta(hours=24) < delta <= timedelta(hours=72) for delta in left)
        assert near.deliver_time < world.now - timedelta(hours=12)


def test_sums_are_exact(world: World) -> None:
    for bill in world.bills.values():
        expected: dict[tuple[str, str, str], list[Decimal]] = {}
        for bag in bill.wire["bloodBags"]:
            product = PRODUCTS_BY_CODE[bag["bloodId"]]
            key = (product.sub_type.name, bag["bloodGroup"], bag["rhBloodGroup"])
            totals = expected.setdefault(key, [Decimal(0), Decimal(0)])
            totals[0] += product.conversion
            totals[1] += product.capacity
        got = {
            (line["bloodSubType"], line["bloodGroup"], line["rhBloodGroup"]): [
                line["conversion"],
                line["capacity"],
            ]
            for line in bill.wire["sums"]
        }
        assert got == expected
        assert len(got) == len(bill.wire["sums"])


# -- domain models -----------------------------------------------------------------------------


def test_a_sample_of_bills_passes_the_domain_models(world: World) -> None:
    for bill_id in list(world.bills)[::25]:
        info = world.bill_info(bill_id)
        assert isinstance(info, HandoverInfo)
        assert len(info.blood_bags) == len(world.bills[bill_id].wire["bloodBags"])
        assert all(bag.blood_group_as_sent is None for bag in info.blood_bags)
        bag = world.bag_info(info.blood_bags[0].blood_bag_id)
        assert isinstance(bag, BloodBagInfo)
        assert bag.id == info.blood_bags[0].blood_bag_id


def test_bill_numbers(world: World) -> None:
    ids = list(world.bills)
    assert all(re.fullmatch(r"FX\d{8}-\d{4,}", bill_id) for bill_id in ids)
    times = [bill.deliver_time for bill in world.bills.values()]
    assert times == sorted(times)
    assert all(
        bill.id[2:10] == bill.deliver_time.strftime("%Y%m%d") for bill in world.bills.values()
    )


# -- a bill dispatched during a session --------------------------------------------------------


def test_dispatch_new_bill_continues_the_numbering() -> None:
    world = build_world()
    before = set(world.bag_bills)
    today = [bill_id for bill_id in world.bills if bill_id.startswith("FX20261128-")]
    info = world.dispatch_new_bill(TRAINING_HOSPITAL_ID, world.now + timedelta(minutes=5), 12)
    assert info.id == f"FX20261128-{len(today) + 1:04d}"
    assert len(info.blood_bags) == 12
    assert world.bills[info.id].hospital_id == TRAINING_HOSPITAL_ID
    new_bags = {bag.blood_bag_id for bag in info.blood_bags}
    assert not new_bags & before
    assert new_bags <= set(world.bag_bills)


@pytest.mark.parametrize(
    ("facility", "count"),
    [(31000001, 5), (31010108, 5), (31010101, 0)],
    ids=["blood center", "retired hospital", "no bags"],
)
def test_dispatch_new_bill_refuses_nonsense(world: World, facility: int, count: int) -> None:
    with pytest.raises(ValueError, match=r"hospital in service|at least one bag"):
        world.dispatch_new_bill(facility, world.now, count)
