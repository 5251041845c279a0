"""The dictionary tables pass Qt's model checks with real dictionary rows, and show them right."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from desktop.store.departments import Department
from desktop.training.seed import World
from desktop.ui.models.dictionary_models import (
    ClassColumn,
    ClassModel,
    DepartmentColumn,
    DepartmentModel,
    DiseaseColumn,
    DiseaseModel,
    FacilityColumn,
    FacilityModel,
    ProductColumn,
    ProductModel,
)
from desktop.ui.models.table import OBJECT_ROLE, SORT_ROLE, UNAVAILABLE_FOREGROUND, SortProxy

DEPARTMENTS = [
    Department(id=1203, name="消化内科", short_code="XHNK"),
    Department(id=1301, name="心胸外科", short_code="XXWK"),
    Department(id=1401, name="旧病区", available=False),
]


def test_product_model_passes_the_model_checks(qtmodeltester: ModelTester, world: World) -> None:
    model = ProductModel()
    model.set_rows(world.bloods)
    qtmodeltester.check(model, force_py=True)
    qtmodeltester.check(model)
    types = {row.id: row.name for row in world.blood_types}
    sub_types = {row.id: row.name for row in world.blood_sub_types}
    model.set_class_names(types, sub_types)
    first = world.bloods[0]
    assert model.data(model.index(0, ProductColumn.CODE)) == first.id
    assert model.data(model.index(0, ProductColumn.TYPE)) == types[first.type or 0]
    assert model.data(model.index(0, ProductColumn.SUB_TYPE)) == sub_types[first.sub_type or 0]
    assert model.data(model.index(0, ProductColumn.CAPACITY)) == "200 U"
    assert model.data(model.index(0, ProductColumn.CAPACITY), SORT_ROLE) == 200.0
    assert model.data(model.index(0, 0), OBJECT_ROLE) is first


def test_class_model_takes_types_and_sub_types(qtmodeltester: ModelTester, world: World) -> None:
    model = ClassModel()
    model.set_rows(world.blood_types)
    qtmodeltester.check(model, force_py=True)
    model.set_rows(world.blood_sub_types)
    qtmodeltester.check(model)
    assert model.rowCount() == len(world.blood_sub_types)
    assert model.data(model.index(0, ClassColumn.NAME)) == world.blood_sub_types[0].name


def test_facility_model_shows_kinds_in_chinese(qtmodeltester: ModelTester, world: World) -> None:
    model = FacilityModel()
    model.set_rows(world.facilities)
    qtmodeltester.check(model, force_py=True)
    assert model.data(model.index(0, FacilityColumn.TYPE)) == "中心血站"
    assert model.data(model.index(0, FacilityColumn.ID), SORT_ROLE) == world.facilities[0].id


def test_disease_model_holds_a_page(qtmodeltester: ModelTester, world: World) -> None:
    model = DiseaseModel()
    model.set_rows(world.diseases[:500])
    qtmodeltester.check(model, force_py=True)
    qtmodeltester.check(model)
    assert model.rowCount() == 500
    assert model.data(model.index(0, DiseaseColumn.CODE)) == world.diseases[0].code
    model.set_rows(world.diseases[500:520])
    assert model.rowCount() == 20


def test_department_model_greys_disabled_ones(qtmodeltester: ModelTester) -> None:
    model = DepartmentModel()
    model.set_rows(DEPARTMENTS)
    qtmodeltester.check(model, force_py=True)
    qtmodeltester.check(model)
    assert model.data(model.index(2, DepartmentColumn.AVAILABLE)) == "No"
    assert model.data(model.index(2, 0), Qt.ItemDataRole.ForegroundRole) == UNAVAILABLE_FOREGROUND
    assert model.data(model.index(0, 0), Qt.ItemDataRole.ForegroundRole) is None
    assert model.data(model.index(2, 0), Qt.ItemDataRole.ToolTipRole)


def test_the_proxy_sorts_ids_as_numbers(qtmodeltester: ModelTester) -> None:
    model = DepartmentModel()
    model.set_rows([Department(id=900, name="甲"), Department(id=10000, name="乙")])
    proxy = SortProxy(model)
    qtmodeltester.check(proxy)
    proxy.sort(DepartmentColumn.ID, Qt.SortOrder.AscendingOrder)
    assert proxy.data(proxy.index(0, DepartmentColumn.ID)) == "900"
    proxy.sort(DepartmentColumn.NAME, Qt.SortOrder.DescendingOrder)
    assert proxy.rowCount() == 2


def test_headers_are_named(world: World) -> None:
    for model in (ProductModel(), ClassModel(), FacilityModel(), DiseaseModel(), DepartmentModel()):
        names = [
            model.headerData(column, Qt.Orientation.Horizontal)
            for column in range(model.columnCount())
        ]
        assert all(names), type(model).__name__
        assert model.headerData(0, Qt.Orientation.Vertical) is None
