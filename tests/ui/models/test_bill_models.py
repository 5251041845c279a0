"""The bill tables: Qt's model checks with seeded bills, partial updates, arrivals, expiry colours."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop.domain.codes import Abo
from desktop.domain.models import HandoverDetailInfo, HandoverInfo
from desktop.store.bills import BillState, BillSummary
from desktop.training.seed import World
from desktop.ui.models.bill_models import (
    BagColumn,
    BillBagModel,
    BillColumn,
    BillListModel,
    BillSumModel,
    SumColumn,
)
from desktop.ui.models.table import (
    EXPIRED_BACKGROUND,
    EXPIRED_FOREGROUND,
    NEW_ROW_BACKGROUND,
    OBJECT_ROLE,
    SORT_ROLE,
    WITHIN_24H_BACKGROUND,
    WITHIN_72H_BACKGROUND,
    SortProxy,
)

BG = Qt.ItemDataRole.BackgroundRole


def summaries(world: World, count: int = 12) -> list[BillSummary]:
    infos = [world.bill_info(bill_id) for bill_id in list(world.bills)[-count:]]
    return [
        BillSummary(
            id=info.id,
            deliver_time=info.deliver_time,
            remark=info.remark,
            fetched_at=world.now,
            bag_count=len(info.blood_bags),
            received_count=0,
            state=BillState.NEW,
        )
        for info in sorted(infos, key=lambda info: info.deliver_time, reverse=True)
    ]


def a_bill(world: World) -> HandoverInfo:
    return world.bill_info(list(world.bills)[-1])


def test_bill_list_passes_the_model_checks(qtmodeltester: ModelTester, world: World) -> None:
    model = BillListModel()
    model.set_rows(summaries(world))
    qtmodeltester.check(model, force_py=True)
    qtmodeltester.check(model)
    first = model.row(0)
    assert model.data(model.index(0, BillColumn.STATE)) == "New"
    assert model.data(model.index(0, BillColumn.BAGS)) == f"0 / {first.bag_count}"
    assert model.data(model.index(0, BillColumn.DELIVER_TIME), SORT_ROLE) == (
        first.deliver_time.timestamp()
    )


def test_a_state_change_repaints_only_its_row(qtbot: QtBot, world: World) -> None:
    model = BillListModel()
    rows = summaries(world)
    model.set_rows(rows)
    changed = dataclasses.replace(rows[3], state=BillState.PARTLY_RECEIVED, received_count=1)
    updated = [*rows[:3], changed, *rows[4:]]
    spans: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda first, last, _roles: spans.append((first.row(), last.row())))
    with qtbot.assertNotEmitted(model.modelReset):
        model.merge_rows(updated, key=lambda row: row.id)
    assert spans == [(3, 3)]
    assert model.data(model.index(3, BillColumn.STATE)) == "Partly received"


def test_an_arrival_is_inserted_on_top_and_highlighted(qtbot: QtBot, world: World) -> None:
    model = BillListModel()
    rows = summaries(world)
    model.set_rows(rows[1:])
    with (
        qtbot.assertNotEmitted(model.modelReset),
        qtbot.waitSignal(model.rowsInserted) as inserted,
    ):
        model.merge_rows(rows, key=lambda row: row.id)
    assert inserted.args[1:] == [0, 0]
    model.mark_new([rows[0].id])
    assert model.data(model.index(0, 0), BG) == NEW_ROW_BACKGROUND
    assert model.data(model.index(1, 0), BG) is None
    assert model.new_count == 1
    model.mark_seen(rows[0].id)
    assert model.data(model.index(0, 0), BG) is None


def test_merge_removes_gone_rows_and_reloads_on_reorder(qtbot: QtBot, world: World) -> None:
    model = BillListModel()
    rows = summaries(world)
    model.set_rows(rows)
    with qtbot.waitSignal(model.rowsRemoved):
        model.merge_rows(rows[:-1], key=lambda row: row.id)
    assert model.rowCount() == len(rows) - 1
    with qtbot.waitSignal(model.modelReset):
        model.merge_rows(list(reversed(rows)), key=lambda row: row.id)
    assert [row.id for row in model.rows()] == [row.id for row in reversed(rows)]


def test_bag_model_passes_the_model_checks(qtmodeltester: ModelTester, world: World) -> None:
    bill = a_bill(world)
    model = BillBagModel(world.now)
    model.set_rows(bill.blood_bags)
    model.set_product_names({blood.id: blood.full_name for blood in world.bloods})
    qtmodeltester.check(model, force_py=True)
    qtmodeltester.check(model)
    bag = bill.blood_bags[0]
    names = {blood.id: blood.full_name for blood in world.bloods}
    assert model.data(model.index(0, BagColumn.PRODUCT_NAME)) == names[bag.blood_id or ""]
    assert model.data(model.index(0, BagColumn.ABO)).endswith("型")
    assert model.data(model.index(0, BagColumn.RH)).startswith("Rh")
    assert model.data(model.index(0, 0), OBJECT_ROLE) is bag


def test_bags_are_coloured_by_expiry(world: World) -> None:
    bag = a_bill(world).blood_bags[0]
    assert bag.expiration is not None
    bags = [
        bag.model_copy(update={"blood_bag_id": f"X{hours}", "expiration": world.now + hours})
        for hours in (timedelta(hours=-1), timedelta(hours=5), timedelta(hours=50))
    ]
    model = BillBagModel(world.now)
    model.set_rows([*bags, bag])
    assert model.data(model.index(0, 0), BG) == EXPIRED_BACKGROUND
    assert model.data(model.index(0, 0), Qt.ItemDataRole.ForegroundRole) == EXPIRED_FOREGROUND
    assert model.data(model.index(1, 0), BG) == WITHIN_24H_BACKGROUND
    assert model.data(model.index(2, 0), BG) == WITHIN_72H_BACKGROUND
    assert model.data(model.index(1, 0), Qt.ItemDataRole.ToolTipRole) == "24小时内过期"
    model.set_now(world.now + timedelta(hours=6))
    assert model.data(model.index(1, 0), BG) == EXPIRED_BACKGROUND


def test_an_unreadable_group_shows_unknown_with_what_was_sent(world: World) -> None:
    wire = a_bill(world).blood_bags[0].model_dump(by_alias=True)
    wire["bloodGroup"] = "A2B"
    bag = HandoverDetailInfo.model_validate(wire)
    assert bag.blood_group is Abo.UNKNOWN
    model = BillBagModel(world.now)
    model.set_rows([bag])
    assert model.data(model.index(0, BagColumn.ABO)) == "不详"
    assert "A2B" in model.data(model.index(0, BagColumn.ABO), Qt.ItemDataRole.ToolTipRole)


def test_sum_model_passes_the_model_checks(qtmodeltester: ModelTester, world: World) -> None:
    bill = a_bill(world)
    model = BillSumModel()
    model.set_rows(bill.sums)
    qtmodeltester.check(model, force_py=True)
    qtmodeltester.check(model)
    line = bill.sums[0]
    assert model.data(model.index(0, SumColumn.SUB_TYPE)) == line.blood_sub_type
    assert model.data(model.index(0, SumColumn.CONVERSION), SORT_ROLE) == float(
        line.conversion or 0
    )
    proxy = SortProxy(model)
    qtmodeltester.check(proxy)
    proxy.sort(SumColumn.CAPACITY, Qt.SortOrder.DescendingOrder)
    capacities = [
        proxy.data(proxy.index(row, SumColumn.CAPACITY), SORT_ROLE)
        for row in range(proxy.rowCount())
    ]
    assert capacities == sorted(capacities, reverse=True)
