"""The takeout and cancel tables: Qt's model checks with seeded bags, colours, check boxes."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from desktop.domain.codes import Abo, Rh, TakeoutType
from desktop.domain.compatibility import ComponentClass
from desktop.domain.dates import SHANGHAI
from desktop.domain.delivery import DeliveryState
from desktop.domain.scan_outcomes import BagRef
from desktop.store.stock import Position, StockBag, TakeoutBag, TakeoutRecord
from desktop.training.seed import World
from desktop.ui.models.cancel_models import (
    CancelBag,
    CancelBagsModel,
    CancelColumn,
    FoundColumn,
    FoundTakeout,
    TakeoutHistoryModel,
)
from desktop.ui.models.table import EXPIRED_BACKGROUND, OBJECT_ROLE, SORT_ROLE, SortProxy
from desktop.ui.models.takeout_models import (
    BagColumn,
    ChoicesModel,
    PickerChoice,
    RequestColumn,
    RequestedBlood,
    RequestedBloodsModel,
    TakeoutBagsModel,
)
from desktop.ui.takeout.issue_check import BagFacts, IssueLine, PatientGroups, assess

NOW = datetime(2026, 11, 28, 9, 30, tzinfo=SHANGHAI)
A_POS = PatientGroups(Abo.A, Rh.POSITIVE)
BG = Qt.ItemDataRole.BackgroundRole
CHECK = Qt.ItemDataRole.CheckStateRole


def bag_refs(world: World, count: int) -> list[BagRef]:
    refs: list[BagRef] = []
    for bill_id in world.bills:
        refs.extend(BagRef.from_bag(bag) for bag in world.bill_info(bill_id).blood_bags)
        if len(refs) >= count:
            return refs[:count]
    raise AssertionError("the training world has too few bags")


def line(bag: BagRef, component: ComponentClass = ComponentClass.RED_CELLS) -> IssueLine:
    facts = BagFacts(bag, component)
    return IssueLine(facts, assess(facts, TakeoutType.CLINICAL_USE, A_POS))


def test_picker_choices_pass_the_model_checks(qtmodeltester: ModelTester) -> None:
    model = ChoicesModel()
    qtmodeltester.check(model)
    model.set_choices([PickerChoice("3575", "胃肠出血", "K92.2"), PickerChoice("12", "消化内科")])
    qtmodeltester.check(model)
    assert model.index(0, 0).data() == "K92.2 胃肠出血"
    assert model.index(1, 0).data() == "消化内科"
    assert model.index(0, 0).data(OBJECT_ROLE) == PickerChoice("3575", "胃肠出血", "K92.2")
    assert model.row_of("消化内科") == 1
    assert model.row_of("nothing") is None


def test_takeout_bags_pass_the_model_checks(qtmodeltester: ModelTester, world: World) -> None:
    model = TakeoutBagsModel()
    qtmodeltester.check(model)
    refs = bag_refs(world, 6)
    for ref in refs:
        model.append(line(ref))
    model.set_context({ref.product_code or "": "红细胞" for ref in refs}, NOW)
    qtmodeltester.check(model)
    model.remove(2)
    qtmodeltester.check(SortProxy(model))
    assert model.rowCount() == 5
    assert model.bag_ids() == [ref.bag_id for ref in refs[:2] + refs[3:]]
    assert model.index(0, BagColumn.PRODUCT).data() == f"红细胞（{refs[0].product_code}）"
    assert model.index(0, BagColumn.BAG_ID).data(OBJECT_ROLE) == model.row(0)


def test_a_refused_or_unconfirmed_bag_is_red(world: World) -> None:
    ref = bag_refs(world, 1)[0]
    model = TakeoutBagsModel()
    incompatible = BagRef(ref.bag_id, ref.serial_id, ref.product_code, Abo.B, Rh.POSITIVE)
    model.append(line(incompatible))
    model.append(line(ref).reassessed(TakeoutType.CLINICAL_USE, None))
    for position in range(2):
        assert not model.row(position).issuable
        assert model.index(position, BagColumn.CHECK).data(BG) == EXPIRED_BACKGROUND
    assert model.index(0, BagColumn.CHECK).data() == "Refused"
    assert "ABO" in model.index(0, BagColumn.NOTE).data()


def test_expiry_sorts_by_time(world: World) -> None:
    refs = bag_refs(world, 3)
    model = TakeoutBagsModel()
    for ref in refs:
        model.append(line(ref))
    values = [model.index(i, BagColumn.EXPIRY).data(SORT_ROLE) for i in range(3)]
    assert values == [ref.expiration.timestamp() for ref in refs if ref.expiration]


def test_requested_products_pass_the_model_checks(qtmodeltester: ModelTester) -> None:
    model = RequestedBloodsModel()
    model.append(RequestedBlood("202", "去白细胞悬浮红细胞", "A", "2", "2", "U", "400"))
    model.append(RequestedBlood("301", "新鲜冰冻血浆", "A", "1", "1.5", "U", "150"))
    qtmodeltester.check(model)
    assert model.index(0, RequestColumn.GROUP).data() == "A Rh阳性"
    assert model.index(1, RequestColumn.VOLUME).data(SORT_ROLE) == 1.5
    assert model.row(0).wire()["mlVolume"] == "400"
    model.remove(0)
    qtmodeltester.check(model)
    assert model.rowCount() == 1


def found_takeout(ref_id: str, bags: list[TakeoutBag]) -> FoundTakeout:
    record = TakeoutRecord(ref_id, TakeoutType.CLINICAL_USE, 1203, None, "0123", NOW, tuple(bags))
    return FoundTakeout(record, DeliveryState.ACKNOWLEDGED, "王五")


def stock_bag(ref: BagRef, position: Position) -> StockBag:
    return StockBag(
        ref.bag_id, ref.serial_id, ref.product_code, ref.abo, ref.rh, None, None, None, None,
        ref.expiration, position, "CK1", NOW,
    )  # fmt: skip


def test_found_takeouts_pass_the_model_checks(qtmodeltester: ModelTester) -> None:
    model = TakeoutHistoryModel()
    cancelled = TakeoutBag("B2", NOW + timedelta(hours=1), "未输注")
    model.set_rows(
        [
            found_takeout("CK1", [TakeoutBag("B1", None, None), cancelled]),
            found_takeout("CK2", [cancelled]),
        ]
    )
    qtmodeltester.check(model)
    assert model.index(0, FoundColumn.BAGS).data() == "1 / 2"
    assert model.index(0, FoundColumn.PATIENT).data() == "王五"
    assert model.index(1, FoundColumn.BAGS).data(SORT_ROLE) == 0
    assert model.index(1, FoundColumn.NUMBER).data(Qt.ItemDataRole.ForegroundRole) is not None


def test_cancel_bags_tick_only_what_can_come_back(qtmodeltester: ModelTester, world: World) -> None:
    refs = bag_refs(world, 3)
    model = CancelBagsModel()
    rows = [
        CancelBag(TakeoutBag(refs[0].bag_id, None, None), stock_bag(refs[0], Position.ISSUED), True),
        CancelBag(TakeoutBag(refs[1].bag_id, NOW, "未输注"), stock_bag(refs[1], Position.IN_STOCK), False),
        CancelBag(TakeoutBag(refs[2].bag_id, None, None), stock_bag(refs[2], Position.ISSUED), True),
    ]  # fmt: skip
    model.set_rows(rows)
    qtmodeltester.check(model)
    first, cancelled = model.index(0, CancelColumn.BAG_ID), model.index(1, CancelColumn.BAG_ID)
    assert first.flags() & Qt.ItemFlag.ItemIsUserCheckable
    assert not cancelled.flags() & Qt.ItemFlag.ItemIsEnabled
    assert not model.setData(cancelled, Qt.CheckState.Checked.value, CHECK)
    assert model.setData(first, Qt.CheckState.Checked.value, CHECK)
    assert model.data(first, CHECK) == Qt.CheckState.Checked
    assert model.checked_bag_ids() == [refs[0].bag_id]
    model.check_all(True)
    assert model.checked_bag_ids() == [refs[0].bag_id, refs[2].bag_id]
    model.check_all(False)
    assert model.checked_bag_ids() == []
    assert "未输注" in model.index(1, CancelColumn.STATE).data()
    qtmodeltester.check(model)
