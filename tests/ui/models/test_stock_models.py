"""The stock tables: Qt's model checks with seeded bags, units from the dictionary, expiry bands."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from desktop.domain.models import HandoverDetailInfo
from desktop.store.stock import Position, StockBag, StockCount
from desktop.training.seed import World
from desktop.ui.models.stock_models import (
    BagColumn,
    StockBagModel,
    StockSummaryModel,
    SummaryColumn,
)
from desktop.ui.models.table import (
    EXPIRED_BACKGROUND,
    OBJECT_ROLE,
    SORT_ROLE,
    WITHIN_24H_BACKGROUND,
    WITHIN_72H_BACKGROUND,
    ObjectFilterProxy,
)

BG = Qt.ItemDataRole.BackgroundRole


def shelf(world: World) -> list[StockBag]:
    bags: list[HandoverDetailInfo] = []
    for bill_id in list(world.bills)[-5:]:
        bags.extend(world.bill_info(bill_id).blood_bags)
    return [stock_bag(bag, world) for bag in bags]


def stock_bag(bag: HandoverDetailInfo, world: World) -> StockBag:
    return StockBag(
        bag_id=bag.blood_bag_id,
        serial_id=bag.serial_id,
        product=bag.blood_id,
        abo=bag.blood_group,
        rh=bag.rh_blood_group,
        collect_time=bag.collect_time,
        collector=bag.collector,
        produce_time=bag.produce_time,
        producer=bag.producer,
        expiration=bag.expiration,
        position=Position.IN_STOCK,
        takeout_ref=None,
        updated_at=world.now,
    )


def counts(bags: list[StockBag]) -> list[StockCount]:
    tally = Counter((bag.product, bag.abo, bag.rh) for bag in bags)
    return [
        StockCount(product, None, abo, rh, count, None)
        for (product, abo, rh), count in sorted(tally.items(), key=str)
    ]


def test_summary_passes_the_model_checks(qtmodeltester: ModelTester, world: World) -> None:
    model = StockSummaryModel()
    model.set_rows(counts(shelf(world)))
    model.set_products({blood.id: blood for blood in world.bloods})
    qtmodeltester.check(model, force_py=True)
    qtmodeltester.check(model)
    products = {blood.id: blood for blood in world.bloods}
    row = model.row(0)
    conversion = products[row.product or ""].conversion or 0
    assert model.data(model.index(0, SummaryColumn.COUNT)) == str(row.count)
    assert model.data(model.index(0, SummaryColumn.UNITS), SORT_ROLE) == float(
        conversion * row.count
    )
    assert (
        model.data(model.index(0, SummaryColumn.PRODUCT_NAME))
        == products[row.product or ""].full_name
    )


def test_summary_without_the_dictionary_still_counts(world: World) -> None:
    model = StockSummaryModel()
    model.set_rows(counts(shelf(world)))
    assert model.data(model.index(0, SummaryColumn.UNITS)) == ""
    assert model.data(model.index(0, SummaryColumn.UNITS), SORT_ROLE) == float("-inf")


def test_bag_list_passes_the_model_checks(qtmodeltester: ModelTester, world: World) -> None:
    bags = shelf(world)
    model = StockBagModel(world.now)
    model.set_rows(bags)
    model.set_products({blood.id: blood for blood in world.bloods})
    qtmodeltester.check(model, force_py=True)
    qtmodeltester.check(model)
    assert model.data(model.index(0, 0), OBJECT_ROLE) is bags[0]
    assert model.data(model.index(0, BagColumn.ABO)).endswith("型")


def test_bag_list_bands_and_filters_by_expiry(qtmodeltester: ModelTester, world: World) -> None:
    bag = shelf(world)[0]
    soon = [
        StockBag(**{**bag.__dict__, "bag_id": f"B{hours}", "expiration": world.now + offset})
        for hours, offset in (
            (1, timedelta(hours=-2)),
            (2, timedelta(hours=3)),
            (3, timedelta(hours=48)),
        )
    ]
    model = StockBagModel(world.now)
    model.set_rows([*soon, bag])
    assert [model.data(model.index(row, 0), BG) for row in range(3)] == [
        EXPIRED_BACKGROUND,
        WITHIN_24H_BACKGROUND,
        WITHIN_72H_BACKGROUND,
    ]
    assert model.data(model.index(0, BagColumn.EXPIRY_BAND)) == "已过期"
    proxy: ObjectFilterProxy[StockBag] = ObjectFilterProxy(model)
    qtmodeltester.check(proxy)
    proxy.set_filter(lambda row: model.band(row).value != "ok")
    assert proxy.rowCount() == 3
    proxy.sort(BagColumn.EXPIRY_BAND, Qt.SortOrder.AscendingOrder)
    assert proxy.data(proxy.index(0, BagColumn.BAG_ID)) == "B1"
    model.set_now(world.now - timedelta(days=30))
    assert model.data(model.index(0, 0), BG) is None
