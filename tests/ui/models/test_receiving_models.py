"""The receiving table: Qt's model checks, one-row updates, appends and removals, the filter."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from desktop.domain.isbt128 import Bilingual
from desktop.domain.scan_outcomes import BagRef
from desktop.training.seed import World
from desktop.ui.models.receiving_models import (
    Column,
    ReceivingFilter,
    ReceivingModel,
    ReceivingRow,
    RowState,
)
from desktop.ui.models.table import EXPIRED_BACKGROUND, OBJECT_ROLE, SORT_ROLE

NOTE = Bilingual(zh="已过期", en="Expired")


def bill_rows(world: World, count: int = 20) -> list[ReceivingRow]:
    bill = next(bill for bill in world.bills.values() if len(bill.wire["bloodBags"]) >= count)
    info = world.bill_info(bill.id)
    return [
        ReceivingRow(bag.blood_bag_id, RowState.AWAITED, BagRef.from_bag(bag))
        for bag in info.blood_bags[:count]
    ]


def loaded(world: World) -> ReceivingModel:
    model = ReceivingModel()
    model.set_product_names({blood.id: blood.full_name for blood in world.bloods})
    model.set_rows(bill_rows(world))
    return model


def test_model_passes_qt_checks_through_updates(qtmodeltester: ModelTester, world: World) -> None:
    model = loaded(world)
    qtmodeltester.check(model, force_py=True)
    first = model.row(0)
    model.put_row(ReceivingRow(first.key, RowState.RECEIVED, first.bag))
    model.put_row(ReceivingRow("NOT-ON-BILL", RowState.UNEXPECTED, note=NOTE))
    model.remove_key(model.row(3).key)
    qtmodeltester.check(model, force_py=True)


def test_a_scan_changes_one_row_only(world: World) -> None:
    model = loaded(world)
    changes: list[tuple[int, int]] = []
    model.dataChanged.connect(
        lambda top, bottom, _roles=(): changes.append((top.row(), bottom.row()))
    )
    target = model.row(7)

    position = model.put_row(ReceivingRow(target.key, RowState.REFUSED, target.bag, NOTE))

    assert position == 7
    assert changes == [(7, 7)]
    index = model.index(7, Column.NOTE)
    assert model.data(index) in {"已过期", "Expired"}
    assert model.data(index, Qt.ItemDataRole.BackgroundRole) == EXPIRED_BACKGROUND
    assert model.data(model.index(7, Column.STATE), OBJECT_ROLE).state is RowState.REFUSED


def test_new_keys_are_appended_and_removals_keep_keys_found(world: World) -> None:
    model = loaded(world)
    count = model.rowCount()
    inserted: list[int] = []
    model.rowsInserted.connect(lambda _parent, first, _last: inserted.append(first))

    model.put_row(ReceivingRow("=<E9999V00", RowState.UNEXPECTED, note=NOTE))
    removed_key = model.row(2).key
    model.remove_key(removed_key)
    model.remove_key("never there")

    assert inserted == [count]
    assert model.rowCount() == count
    assert model.key_position(removed_key) is None
    for position, row in enumerate(model.rows()):
        assert model.key_position(row.key) == position
        assert model.row_for(row.key) == row


def test_columns_show_the_product_name_group_and_expiry(world: World) -> None:
    model = loaded(world)
    bag = model.row(0).bag
    assert bag is not None
    assert bag.expiration is not None

    product = model.data(model.index(0, Column.PRODUCT))
    assert bag.product_code in product
    assert product != bag.product_code  # the dictionary's name is shown with the code
    assert model.data(model.index(0, Column.EXPIRY)) == bag.expiration.strftime("%Y-%m-%d %H:%M")
    assert model.data(model.index(0, Column.GROUP))
    assert model.headerData(Column.BAG_ID, Qt.Orientation.Horizontal)


def test_filter_hides_received_rows_and_sorts_by_state(world: World) -> None:
    model = loaded(world)
    proxy = ReceivingFilter(model)
    for position in range(5):
        row = model.row(position)
        model.put_row(ReceivingRow(row.key, RowState.RECEIVED, row.bag))
    refused = model.row(10)
    model.put_row(ReceivingRow(refused.key, RowState.REFUSED, refused.bag, NOTE))

    proxy.show_only_open(True)
    assert proxy.rowCount() == model.rowCount() - 5

    proxy.show_only_open(False)
    proxy.sort(Column.STATE, Qt.SortOrder.AscendingOrder)
    first = proxy.data(proxy.index(0, Column.STATE), OBJECT_ROLE)
    last = proxy.data(proxy.index(proxy.rowCount() - 1, Column.STATE), OBJECT_ROLE)
    assert first.key == refused.key
    assert last.state is RowState.RECEIVED
    assert proxy.data(proxy.index(0, Column.STATE), SORT_ROLE) == 0
