"""The platform client against the training platform over real loopback HTTP: every operation."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from documents import cancel, receive_151, takeout_1005
from training import admin_state, client_on, running_platform

from desktop.connection import Connection
from desktop.domain.codes import FacilityType
from desktop.domain.models import HandoverInfo
from desktop.platform.client import CANCEL_FAIL, CANCEL_SUCCESS
from desktop.platform.errors import NotFound, Refused
from desktop.training.platform import TrainingPlatform
from desktop.training.seed import TRAINING_HOSPITAL_ID


@pytest.fixture(scope="module", params=["json", "text"])
def platform(request: pytest.FixtureRequest) -> Iterator[TrainingPlatform]:
    with running_platform(token_style=request.param) as running:
        yield running


@pytest.fixture
def connection(platform: TrainingPlatform, tmp_path: Path) -> Iterator[Connection]:
    with client_on(platform, tmp_path) as connected:
        yield connected


def fresh_bill(connection: Connection, platform: TrainingPlatform, bags: int = 4) -> HandoverInfo:
    new = platform.state.dispatch_new_bill(TRAINING_HOSPITAL_ID, bags)
    return connection.client.list_bill_detail(new.id)


def test_dictionaries_are_validated_models(connection: Connection) -> None:
    client = connection.client
    products = client.list_all_blood()
    assert products
    assert all(len(product.id) == 8 for product in products)
    assert {t.id for t in client.list_all_blood_type()} >= {p.type for p in products}
    assert {s.id for s in client.list_all_blood_sub_type()} >= {p.sub_type for p in products}
    facilities = client.list_all_facilities()
    assert len([f for f in facilities if f.type is FacilityType.HOSPITAL]) >= 60
    assert len(client.list_all_disease()) >= 2000


def test_get_facility_is_the_calling_hospital(connection: Connection) -> None:
    facility = connection.client.get_facility()
    assert facility.id == TRAINING_HOSPITAL_ID
    assert facility.type is FacilityType.HOSPITAL


def test_dispatch_list_and_bill_detail(connection: Connection) -> None:
    entries = connection.client.dispatch_list()
    assert entries
    bill = connection.client.list_bill_detail(entries[0].id)
    assert bill.id == entries[0].id
    assert bill.blood_bags
    assert bill.sums
    assert sum(s.conversion for s in bill.sums) > 0


def test_dispatch_list_time_window(connection: Connection) -> None:
    entries = connection.client.dispatch_list()
    newest = max(entry.deliver_time for entry in entries)
    recent = connection.client.dispatch_list(start=newest)
    assert recent
    assert all(entry.deliver_time >= newest for entry in recent)


def test_unknown_bill_is_refused_with_the_platform_message(connection: Connection) -> None:
    with pytest.raises((Refused, NotFound)) as raised:
        connection.client.list_bill_detail("NO-SUCH-BILL")
    assert "NO-SUCH-BILL" in raised.value.message_zh


def test_get_blood_bags(connection: Connection, platform: TrainingPlatform) -> None:
    bill = fresh_bill(connection, platform)
    ids = [bag.blood_bag_id for bag in bill.blood_bags[:2]]
    bags = connection.client.get_blood_bags(ids)
    assert [bag.id for bag in bags] == ids
    assert bags[0].serial_id == bill.blood_bags[0].serial_id


def test_receive_takeout_cancel_reach_the_platform(
    connection: Connection, platform: TrainingPlatform
) -> None:
    client = connection.client
    bill = fresh_bill(connection, platform)
    ids = [bag.blood_bag_id for bag in bill.blood_bags]
    internal_id = f"RK-{bill.id}"
    client.save_receive(receive_151(bill.id, ids, internal_id))
    assert set(ids) <= set(platform.state.stock(TRAINING_HOSPITAL_ID))

    ref_id = f"CK-{bill.id}"
    client.save_takeout_list(takeout_1005(ref_id, ids[:2]))
    assert not set(ids[:2]) & set(platform.state.stock(TRAINING_HOSPITAL_ID))

    assert client.cancel_takeout_list(cancel(ref_id, ids[:1])) == CANCEL_SUCCESS
    stock = set(platform.state.stock(TRAINING_HOSPITAL_ID))
    assert ids[0] in stock
    assert ids[1] not in stock

    state = admin_state(platform)
    assert any(r["document"]["internalId"] == internal_id for r in state["receipts"])
    assert any(t["document"]["outStock"]["refId"] == ref_id for t in state["takeouts"])


def test_resending_the_same_receive_is_success_once(
    connection: Connection, platform: TrainingPlatform
) -> None:
    bill = fresh_bill(connection, platform, bags=2)
    document = receive_151(bill.id, [bag.blood_bag_id for bag in bill.blood_bags], f"RK2-{bill.id}")
    connection.client.save_receive(document)
    connection.client.save_receive(document)
    receipts = [
        r
        for r in admin_state(platform)["receipts"]
        if r["document"]["internalId"] == f"RK2-{bill.id}"
    ]
    assert len(receipts) == 1


def test_receiving_a_bag_not_on_the_bill_is_refused(
    connection: Connection, platform: TrainingPlatform
) -> None:
    bill = fresh_bill(connection, platform, bags=1)
    with pytest.raises(Refused) as raised:
        connection.client.save_receive(receive_151(bill.id, ["NOT-ON-THE-BILL"], f"RK3-{bill.id}"))
    assert "NOT-ON-THE-BILL" in raised.value.message_zh
    assert not raised.value.retryable


def test_cancelling_a_bag_not_taken_out_fails(
    connection: Connection, platform: TrainingPlatform
) -> None:
    bill = fresh_bill(connection, platform, bags=2)
    ids = [bag.blood_bag_id for bag in bill.blood_bags]
    connection.client.save_receive(receive_151(bill.id, ids, f"RK4-{bill.id}"))
    connection.client.save_takeout_list(takeout_1005(f"CK4-{bill.id}", ids[:1]))
    verdict = connection.client.cancel_takeout_list(cancel(f"CK4-{bill.id}", ids[1:]))
    assert verdict == CANCEL_FAIL
