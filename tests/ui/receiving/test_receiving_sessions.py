"""Receiving sessions, without a window: every verdict a scan can get, per receipt type."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

import pytest

from desktop.domain.isbt128 import Bilingual, encode_din_barcode
from desktop.domain.models import Blood, HandoverInfo
from desktop.domain.scan_outcomes import BagRef
from desktop.store.stock import IssuedBag, Position, StockBag
from desktop.training.seed import TRAINING_HOSPITAL_ID, World, build_world
from desktop.training.seed.bills import NEAR_EXPIRY_REMARK, RH_NEGATIVE_REMARK
from desktop.ui.models.receiving_models import RowState
from desktop.ui.receiving.session import Outcome, ProductDictionary
from desktop.ui.receiving.sources import BillSession, ReturnSession, TransferSession
from desktop.ui.scan_feedback import FeedbackLevel


@pytest.fixture(scope="module")
def world() -> World:
    return build_world()


@pytest.fixture
def clock(world: World) -> Callable[[], datetime]:
    return lambda: world.now + timedelta(minutes=5)


@pytest.fixture
def products(world: World) -> ProductDictionary:
    return ProductDictionary(world.bloods)


def a_bill(world: World, remark: str | None = None, skip: int = 0) -> HandoverInfo:
    bills = [
        bill
        for bill in world.bills.values()
        if bill.hospital_id == TRAINING_HOSPITAL_ID
        and len(bill.wire["bloodBags"]) >= 4
        and (bill.wire["remark"] == remark if remark else bill.wire["remark"] != RH_NEGATIVE_REMARK)
    ]
    return world.bill_info(bills[skip].id)


def joined(din: str, product: str) -> str:
    return f"{encode_din_barcode(din)}=<{product}"


def test_a_bill_receives_its_bags_by_id_or_by_din_and_product(
    world: World, products: ProductDictionary, clock: Callable[[], datetime]
) -> None:
    bill = a_bill(world)
    first, second, third = bill.blood_bags[:3]
    assert first.serial_id is not None
    assert second.serial_id is not None
    assert second.blood_id is not None
    session = BillSession(bill, (), products, clock)
    assert [row.state for row in session.rows()] == [RowState.AWAITED] * len(bill.blood_bags)

    by_id = session.scan(first.blood_bag_id)
    product_first = session.scan(f"=<{second.blood_id}")
    then_din = session.scan(encode_din_barcode(second.serial_id))
    both = session.scan(joined(str(third.serial_id), str(third.blood_id)))

    assert by_id.outcome is Outcome.RECEIVED
    assert by_id.level is FeedbackLevel.OK
    assert by_id.row is not None
    assert by_id.row.state is RowState.RECEIVED
    assert product_first.outcome is Outcome.SCAN_DIN
    assert product_first.level is FeedbackLevel.WARNING
    assert then_din.outcome is Outcome.RECEIVED
    assert both.outcome is Outcome.RECEIVED
    assert [bag.bag_id for bag in session.accepted] == [
        first.blood_bag_id,
        second.blood_bag_id,
        third.blood_bag_id,
    ]
    counts = session.counts()
    assert (counts.expected, counts.received, counts.missing) == (
        len(bill.blood_bags),
        3,
        len(bill.blood_bags) - 3,
    )


def test_a_bill_refuses_with_reasons_and_notes_them(
    world: World, products: ProductDictionary, clock: Callable[[], datetime]
) -> None:
    bill = a_bill(world, NEAR_EXPIRY_REMARK)
    expired = next(bag for bag in bill.blood_bags if bag.expiration and bag.expiration < clock())
    other = a_bill(world, skip=1).blood_bags[0]
    good = bill.blood_bags[0]
    session = BillSession(bill, (), products, clock)

    assert session.scan(good.blood_bag_id).outcome is Outcome.RECEIVED
    duplicate = session.scan(good.blood_bag_id)
    wrong = session.scan(other.blood_bag_id)
    old = session.scan(expired.blood_bag_id)
    misread = session.scan("=C31012600012386")
    din = str(good.serial_id)
    bad_check = session.scan(
        f"={din}{'86' if not encode_din_barcode(din).endswith('86') else '87'}"
    )

    assert duplicate.outcome is Outcome.ALREADY_SCANNED
    assert duplicate.level is FeedbackLevel.REFUSED
    assert wrong.outcome is Outcome.NOT_EXPECTED
    assert wrong.row is not None
    assert wrong.row.state is RowState.UNEXPECTED
    assert old.outcome is Outcome.EXPIRED
    assert old.row is not None
    assert old.row.state is RowState.REFUSED
    assert misread.level is FeedbackLevel.REFUSED
    assert bad_check.outcome is Outcome.BAD_CHECK_CHARACTER
    counts = session.counts()
    assert (counts.received, counts.unexpected, counts.refused) == (1, 1, 1)
    description = session.description()
    assert description is not None
    assert expired.blood_bag_id in description
    assert "已过期" in description
    assert other.blood_bag_id in description
    assert "实收 1 袋" in description


def test_unknown_product_codes_are_refused(world: World, clock: Callable[[], datetime]) -> None:
    bill = a_bill(world)
    bag = bill.blood_bags[0]
    without = ProductDictionary(b for b in world.bloods if b.id != bag.blood_id)
    session = BillSession(bill, (), without, clock)

    verdict = session.scan(bag.blood_bag_id)
    alone = session.scan(f"=<{bag.blood_id}")

    assert verdict.outcome is Outcome.UNKNOWN_PRODUCT
    assert verdict.row is not None
    assert verdict.row.state is RowState.REFUSED
    assert alone.outcome is Outcome.UNKNOWN_PRODUCT
    assert session.awaiting is None
    assert not session.accepted


def test_an_empty_dictionary_refuses_nothing(world: World, clock: Callable[[], datetime]) -> None:
    bill = a_bill(world)
    session = BillSession(bill, (), ProductDictionary(), clock)
    assert session.scan(bill.blood_bags[0].blood_bag_id).outcome is Outcome.RECEIVED


def test_bags_received_earlier_stay_done_and_drafts_come_back(
    world: World, products: ProductDictionary, clock: Callable[[], datetime]
) -> None:
    bill = a_bill(world)
    before, drafted, *rest = bill.blood_bags
    session = BillSession(bill, {before.blood_bag_id}, products, clock)

    assert session.restore([drafted.blood_bag_id, before.blood_bag_id, "nonsense"]) == 1
    again = session.scan(before.blood_bag_id)

    assert again.outcome is Outcome.ALREADY_RECEIVED
    assert session.received_before == 1
    assert session.counts().expected == len(rest) + 1
    assert [bag.bag_id for bag in session.accepted] == [drafted.blood_bag_id]
    assert session.rows()[0].state is RowState.RECEIVED


def test_taking_a_bag_back_puts_it_back_on_the_list(
    world: World, products: ProductDictionary, clock: Callable[[], datetime]
) -> None:
    bill = a_bill(world)
    bag = bill.blood_bags[0]
    session = BillSession(bill, (), products, clock)
    session.scan(bag.blood_bag_id)
    session.scan("NOT-A-BAG-0001")

    row = session.remove(bag.blood_bag_id)
    gone = session.remove("NOT-A-BAG-0001")

    assert row is not None
    assert row.state is RowState.AWAITED
    assert gone is None
    assert session.counts()[1:4] == (0, len(bill.blood_bags), 0)
    assert session.scan(bag.blood_bag_id).outcome is Outcome.RECEIVED
    assert session.description() is not None


def test_a_do_not_use_label_takes_back_the_bag_just_scanned(
    world: World, products: ProductDictionary, clock: Callable[[], datetime]
) -> None:
    bill = a_bill(world)
    bag = bill.blood_bags[0]
    session = BillSession(bill, (), products, clock)
    session.scan(bag.blood_bag_id)

    verdict = session.scan("=%Md00")

    assert verdict.outcome is Outcome.DO_NOT_USE
    assert verdict.row is not None
    assert verdict.row.state is RowState.REFUSED
    assert not session.accepted
    assert session.counts().missing == len(bill.blood_bags)


def issued(bag: BagRef, ref_id: str, expiration: datetime | None) -> IssuedBag:
    stock_bag = StockBag(
        bag.bag_id, bag.serial_id, bag.product_code, bag.abo, bag.rh, None, None, None, None,
        expiration, Position.ISSUED, ref_id, datetime(2026, 11, 28),
    )  # fmt: skip
    return IssuedBag(stock_bag, ref_id, 1201, datetime(2026, 11, 28))


def test_a_department_returns_only_what_was_issued(
    world: World, products: ProductDictionary, clock: Callable[[], datetime]
) -> None:
    bags = [BagRef.from_bag(bag) for bag in a_bill(world).blood_bags[:3]]
    late = clock() + timedelta(days=3)
    history = [
        issued(bags[0], "CK-1", late),
        issued(bags[1], "CK-2", clock() - timedelta(hours=1)),
    ]
    session = ReturnSession(history, products, clock)

    fine = session.scan(bags[0].bag_id)
    expired = session.scan(bags[1].bag_id)
    never = session.scan(bags[2].bag_id)

    assert fine.outcome is Outcome.RECEIVED
    assert expired.outcome is Outcome.RECEIVED_WITH_WARNINGS  # back into stock, to be scrapped
    assert "1007" in expired.detail.zh
    assert never.outcome is Outcome.NOT_EXPECTED
    assert "不是本院发往临床科室" in never.detail.zh
    assert session.ref_id() == "CK-1,CK-2"
    assert session.issued(bags[0].bag_id) == history[0]
    assert session.description() is None


def test_a_transfer_in_asks_the_platform_then_judges(
    world: World, products: ProductDictionary, clock: Callable[[], datetime]
) -> None:
    bill = a_bill(world)
    first, second = bill.blood_bags[:2]
    session = TransferSession(products, clock)

    asking = session.scan(first.blood_bag_id)
    still = session.scan(first.blood_bag_id)
    din = session.scan(encode_din_barcode(str(second.serial_id)))
    pair = session.scan(f"=<{second.blood_id}")
    unknown = session.scan("XX0000000000000000001")

    assert asking.outcome is Outcome.CHECKING
    assert asking.lookup == first.blood_bag_id
    assert (still.outcome, still.lookup, still.row) == (Outcome.CHECKING, None, None)
    assert din.outcome is Outcome.SCAN_PRODUCT_CODE
    assert pair.lookup == f"{second.serial_id}{second.blood_id}"
    assert session.has_pending_checks()
    assert session.counts().checking == 3

    found = [world.bag_info(first.blood_bag_id), world.bag_info(second.blood_bag_id)]
    verdicts = session.answered(
        [first.blood_bag_id, str(pair.lookup), "XX0000000000000000001"], found
    )

    assert [v.outcome for v in verdicts] == [
        Outcome.RECEIVED,
        Outcome.RECEIVED,
        Outcome.UNKNOWN_TO_PLATFORM,
    ]
    assert not session.has_pending_checks()
    assert [bag.bag_id for bag in session.accepted] == [first.blood_bag_id, second.blood_bag_id]
    assert [bag.blood_bag_id for bag in session.bag_details()] == [
        first.blood_bag_id,
        second.blood_bag_id,
    ]
    again = session.scan(first.blood_bag_id)
    assert again.outcome is Outcome.ALREADY_SCANNED
    assert (again.row, again.replaces, again.focus) == (None, None, first.blood_bag_id)
    assert session.scan("XX0000000000000000001").outcome is Outcome.UNKNOWN_TO_PLATFORM
    assert unknown.row is not None


def test_a_platform_answer_that_contradicts_the_label_is_refused(
    world: World, products: ProductDictionary, clock: Callable[[], datetime]
) -> None:
    bag = a_bill(world).blood_bags[0]
    session = TransferSession(products, clock)
    asked = session.scan(joined(str(bag.serial_id), "E0224V00"))
    assert asked.lookup is not None
    impostor = world.bag_info(bag.blood_bag_id).model_copy(update={"id": asked.lookup})
    if bag.blood_id == "E0224V00":
        impostor = impostor.model_copy(update={"blood_id": "E0226V00"})

    verdicts = session.answered([asked.lookup], [impostor])

    assert [v.outcome for v in verdicts] == [Outcome.NOT_EXPECTED]
    assert not session.accepted


def test_a_failed_lookup_can_be_scanned_again(
    world: World, products: ProductDictionary, clock: Callable[[], datetime]
) -> None:
    bag = a_bill(world).blood_bags[0]
    session = TransferSession(products, clock)
    session.scan(bag.blood_bag_id)

    failed = session.not_answered([bag.blood_bag_id], Bilingual(zh="网络中断", en="offline"))
    again = session.scan(bag.blood_bag_id)

    assert [v.outcome for v in failed] == [Outcome.UNKNOWN_TO_PLATFORM]
    assert again.outcome is Outcome.CHECKING


def test_product_names_follow_dictionary_updates() -> None:
    dictionary = ProductDictionary()
    assert not dictionary.synced
    assert not dictionary.unknown("E0224V00")
    dictionary.update([Blood.model_validate({"Id": "E0224V00", "fullName": "悬浮红细胞"})])
    assert dictionary.unknown("E9999V00")
    assert dictionary.names == {"E0224V00": "悬浮红细胞"}
