"""Importing a HIS's transfusion request: encodings, both wire shapes, bad data, any bytes."""

from __future__ import annotations

import codecs
import json
from typing import Any

import pytest
import wire_samples
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.codes import Abo
from desktop.domain.transfusion_import import TransfusionImport, import_transfusion_apply


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False)


def _paths(result: TransfusionImport) -> list[str]:
    return [error.path for error in result.errors]


def test_a_transfusion_apply_object() -> None:
    result = import_transfusion_apply(_json(wire_samples.transfusion_apply()).encode())
    assert result.ok
    assert result.errors == ()
    assert result.apply is not None
    assert result.apply.medical_record.name == "王五"
    assert result.apply.medical_record.blood_group is Abo.A
    assert result.encoding == "utf-8"
    assert result.data == wire_samples.transfusion_apply()


def test_a_takeout_form_with_its_request() -> None:
    result = import_transfusion_apply(_json(wire_samples.takeout_form()).encode())
    assert result.ok
    assert result.apply is not None
    assert result.apply.original_id == "SQ2026112801"


@pytest.mark.parametrize(
    ("content", "encoding"),
    [
        (codecs.BOM_UTF8 + _json(wire_samples.transfusion_apply()).encode(), "utf-8"),
        (_json(wire_samples.transfusion_apply()).encode("gbk"), "gb18030"),
        (_json(wire_samples.transfusion_apply()).encode("gb18030"), "gb18030"),
        (_json(wire_samples.transfusion_apply()).encode("utf-16"), "utf-16"),
        (
            codecs.BOM_UTF16_BE + _json(wire_samples.transfusion_apply()).encode("utf-16-be"),
            "utf-16",
        ),
    ],
)
def test_encodings_his_exports_use(content: bytes, encoding: str) -> None:
    result = import_transfusion_apply(content)
    assert result.ok, result.errors
    assert result.apply is not None
    assert result.apply.medical_record.dis_name == "胃肠道出血"
    assert result.encoding == encoding


def test_invalid_fields_are_reported_with_the_data_kept() -> None:
    data = wire_samples.transfusion_apply()
    del data["originalId"]
    data["medicalRecord"]["bloodGroup"] = "C"
    result = import_transfusion_apply(_json(data).encode())
    assert not result.ok
    assert result.apply is None
    assert sorted(_paths(result)) == ["medicalRecord.bloodGroup", "originalId"]
    assert all(error.message_zh and error.message_en for error in result.errors)
    assert result.data == data


def test_errors_in_a_takeout_form_point_into_the_request() -> None:
    form = wire_samples.takeout_form()
    form["transfusionApply"]["property"] = 7
    result = import_transfusion_apply(_json(form).encode())
    assert _paths(result) == ["property"]
    assert result.data == form["transfusionApply"]


@pytest.mark.parametrize("request_value", [None, "SQ1", []])
def test_a_takeout_form_without_a_request(request_value: object) -> None:
    form = {"outStock": wire_samples.takeout(1005), "transfusionApply": request_value}
    result = import_transfusion_apply(_json(form).encode())
    assert _paths(result) == [""]
    assert "未附输血申请单" in result.errors[0].message_zh
    assert result.data is None


def test_a_takeout_form_missing_the_key_altogether() -> None:
    result = import_transfusion_apply(_json({"outStock": wire_samples.takeout(1007)}).encode())
    assert _paths(result) == [""]


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b"", "文件是空的"),
        (b" \r\n\t", "文件是空的"),
        (codecs.BOM_UTF8, "文件是空的"),
        ("这不是JSON".encode(), "不是有效的 JSON"),
        (b'{"originalId": "SQ1",', "第 1 行"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe\xfd", "无法读取文件"),
        (b"[1, 2, 3]", "输血申请单对象"),
        (b'"SQ1"', "输血申请单对象"),
        (b"[" * 100_000, "层级过深"),
        (b"1" * 5_000, "数字过长"),
    ],
)
def test_files_that_hold_no_request(content: bytes, says: str) -> None:
    result = import_transfusion_apply(content)
    assert not result.ok
    assert result.apply is None
    assert _paths(result) == [""]
    assert says in result.errors[0].message_zh
    assert result.errors[0].message_en


def test_json_error_position_is_given() -> None:
    result = import_transfusion_apply(b'{\n  "originalId": SQ1\n}')
    assert "第 2 行第 17 列" in result.errors[0].message_zh
    assert "line 2, column 17" in result.errors[0].message_en


@given(st.binary(max_size=200))
def test_any_bytes_give_a_result(content: bytes) -> None:
    result = import_transfusion_apply(content)
    assert result.ok != bool(result.errors)


def _containers(inner: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    keys = st.text(max_size=5) | st.sampled_from(["transfusionApply", "outStock", "originalId"])
    return st.lists(inner, max_size=3) | st.dictionaries(keys, inner, max_size=3)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    _containers,
    max_leaves=20,
)


@given(JSON_VALUES)
def test_any_json_gives_a_result(data: object) -> None:
    result = import_transfusion_apply(_json(data).encode())
    assert result.ok != bool(result.errors)
