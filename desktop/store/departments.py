"""The hospital's own clinical departments (科室): kept at the desk, edited there, imported from CSV.

The platform has no interface for them, yet a clinical-use takeout (1005) and
a department return (1006) carry a department id (`depId`, NUMBER(8)). The
hospital's IT exports its department list as CSV (Excel writes either UTF-8
with a BOM or GB18030, both read here); the counter can also add and edit
entries by hand.
"""

from __future__ import annotations

import csv
import io
import sqlite3
from collections.abc import Mapping
from typing import Annotated, Final

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from desktop.store.database import Store

_HEADERS: Final[Mapping[str, str]] = {
    "id": "id",
    "编号": "id",
    "科室编号": "id",
    "科室代码": "id",
    "name": "name",
    "名称": "name",
    "科室名称": "name",
    "short_code": "short_code",
    "简码": "short_code",
    "拼音码": "short_code",
    "available": "available",
    "在用": "available",
}
_NO: Final = frozenset({"0", "false", "no", "n", "否", "停用", "不在用"})
_COLUMNS: Final = "id, name, short_code, available"


class Department(BaseModel):
    """A clinical department of this hospital."""

    model_config = ConfigDict(frozen=True, str_strip_whitespace=True)

    id: int = Field(ge=0, le=99_999_999)
    """NUMBER(8), the `depId` sent to the platform."""
    name: Annotated[str, StringConstraints(min_length=1)]
    short_code: str | None = None
    """A pinyin abbreviation the clerk may type instead of the name (`XHNK` for 消化内科)."""
    available: bool = True


class DepartmentImportError(Exception):
    """A department CSV that cannot be imported; nothing of it was saved."""

    def __init__(self, message_zh: str, message_en: str) -> None:
        super().__init__(f"{message_zh}\n{message_en}")
        self.message_zh = message_zh
        self.message_en = message_en


def save_department(store: Store, department: Department) -> None:
    """Add `department`, or update the one with its id."""
    with store.transaction() as conn:
        _upsert(conn, department)


def department(store: Store, department_id: int) -> Department | None:
    with store.read() as conn:
        row = conn.execute(
            f"SELECT {_COLUMNS} FROM department WHERE id = ?", (department_id,)
        ).fetchone()
    return None if row is None else _from_row(row)


def departments(store: Store, *, include_unavailable: bool = False) -> list[Department]:
    where = "" if include_unavailable else " WHERE available"
    with store.read() as conn:
        rows = conn.execute(f"SELECT {_COLUMNS} FROM department{where} ORDER BY id").fetchall()
    return [_from_row(row) for row in rows]


def import_departments_csv(store: Store, data: bytes) -> int:
    """Add or update every department of a CSV file's bytes, all or none; returns how many.

    The first row names the columns: `id`/`编号`, `name`/`名称`, and optionally
    `short_code`/`简码` and `available`/`在用`.
    """
    parsed = parse_departments_csv(data)
    with store.transaction() as conn:
        for entry in parsed:
            _upsert(conn, entry)
    return len(parsed)


def parse_departments_csv(data: bytes) -> list[Department]:
    """The departments in a CSV file's bytes; DepartmentImportError naming the first bad row."""
    reader = csv.reader(io.StringIO(_decoded(data)))
    header = next(reader, None)
    if header is None:
        raise DepartmentImportError("文件是空的。", "The file is empty.")
    fields = [_HEADERS.get(name.strip().lower()) for name in header]
    if "id" not in fields or "name" not in fields:
        raise DepartmentImportError(
            "第一行须为列名，至少包含“编号”和“名称”（或 id 和 name）。",
            "The first row must name the columns, with at least id and name (编号, 名称).",
        )
    found: list[Department] = []
    for line, row in enumerate(reader, start=2):
        if any(cell.strip() for cell in row):
            found.append(_row_department(line, fields, row))
    return found


def _row_department(line: int, fields: list[str | None], row: list[str]) -> Department:
    values: dict[str, object] = {
        field: cell.strip() for field, cell in zip(fields, row, strict=False) if field
    }
    if "available" in values:
        values["available"] = str(values["available"]).lower() not in _NO
    if not values.get("short_code"):
        values.pop("short_code", None)
    try:
        return Department.model_validate(values)
    except ValidationError as error:
        fields_named = ", ".join(str(detail["loc"][0]) for detail in error.errors())
        raise DepartmentImportError(
            f"第 {line} 行有误（{fields_named}）：编号应为 0 到 99999999 的整数，名称不能为空。"
            "文件未导入，请改正后重试。",
            f"Line {line} is wrong ({fields_named}): the id must be a whole number from 0 to "
            "99999999 and the name must not be empty. Nothing was imported; fix it and retry.",
        ) from None


def _decoded(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        raise DepartmentImportError(
            "无法识别文件的文字编码，请在 Excel 中另存为“CSV UTF-8”后重试。",
            "The file's text encoding is not recognised; save it from Excel as CSV UTF-8 "
            "and retry.",
        ) from None


def _upsert(conn: sqlite3.Connection, department: Department) -> None:
    conn.execute(
        "INSERT INTO department (id, name, short_code, available) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (id) DO UPDATE SET name = excluded.name, short_code = excluded.short_code, "
        "available = excluded.available",
        (department.id, department.name, department.short_code, department.available),
    )


def _from_row(row: tuple[int, str, str | None, int]) -> Department:
    return Department(id=row[0], name=row[1], short_code=row[2], available=bool(row[3]))
