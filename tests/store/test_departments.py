"""Departments: kept, edited, imported from the CSV files hospital IT exports."""

from __future__ import annotations

import pytest

from desktop.store.database import Store
from desktop.store.departments import (
    Department,
    DepartmentImportError,
    department,
    departments,
    import_departments_csv,
    save_department,
)


def test_save_and_update(store: Store) -> None:
    save_department(store, Department(id=1203, name="消化内科", short_code="XHNK"))
    save_department(store, Department(id=1203, name="消化内科一病区", available=False))
    assert department(store, 1203) == Department(id=1203, name="消化内科一病区", available=False)
    assert departments(store) == []
    assert [d.id for d in departments(store, include_unavailable=True)] == [1203]
    assert department(store, 9) is None


@pytest.mark.parametrize("department_id", [-1, 100_000_000])
def test_ids_are_number_8(department_id: int) -> None:
    with pytest.raises(ValueError, match="id"):
        Department(id=department_id, name="科")


def test_import_utf8_with_bom_and_english_headers(store: Store) -> None:
    data = "\ufeffid,name,short_code,available\n1203,消化内科,XHNK,1\n1301,普外科,,0\n\n"
    assert import_departments_csv(store, data.encode("utf-8")) == 2
    assert departments(store, include_unavailable=True) == [
        Department(id=1203, name="消化内科", short_code="XHNK"),
        Department(id=1301, name="普外科", available=False),
    ]


def test_import_gb18030_with_chinese_headers(store: Store) -> None:
    data = "编号,名称,简码,在用\r\n1203,消化内科,XHNK,是\r\n1401,产科,CK,停用\r\n"
    assert import_departments_csv(store, data.encode("gb18030")) == 2
    assert [(d.id, d.name, d.available) for d in departments(store, include_unavailable=True)] == [
        (1203, "消化内科", True),
        (1401, "产科", False),
    ]


def test_import_updates_existing_departments(store: Store) -> None:
    save_department(store, Department(id=1203, name="旧名"))
    import_departments_csv(store, "id,name\n1203,消化内科\n".encode())
    assert department(store, 1203) == Department(id=1203, name="消化内科")


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", "空"),
        ("名称\n消化内科\n".encode(), "编号"),
        ("id,name\n1203,消化内科\nabc,普外科\n".encode(), "第 3 行"),
        (b"id,name\n1203,\n", "第 2 行"),
        ("id,name\n123456789,大科\n".encode(), "第 2 行"),
    ],
)
def test_a_bad_file_imports_nothing(store: Store, data: bytes, expected: str) -> None:
    with pytest.raises(DepartmentImportError) as caught:
        import_departments_csv(store, data)
    assert expected in caught.value.message_zh
    assert departments(store, include_unavailable=True) == []
