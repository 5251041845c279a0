"""`validate()`: field errors with wire paths and Chinese (and English) messages; never raises."""

from __future__ import annotations

import re
from typing import Any

import pytest
import wire_samples
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from desktop.domain.field_labels import DOCUMENT_LABELS
from desktop.domain.models import (
    Blood,
    BloodBagInfo,
    BloodSubType,
    BloodType,
    CancelTakeout,
    Disease,
    DispatchListEntry,
    Facility,
    HandoverDetailInfo,
    HandoverInfo,
    HandoverSumInfo,
    MedicalRecord,
    Receive,
    ReceiveLine,
    Takeout,
    TakeoutLine,
    TakeoutListForm,
    TransfusionApply,
    TransfusionApplyBlood,
)
from desktop.domain.validation import FIELD_LABELS, FieldError, ValidationResult, validate

CHINESE = re.compile(r"[\u4e00-\u9fff]")

DOCUMENTS: list[type[BaseModel]] = [
    Receive,
    ReceiveLine,
    Takeout,
    TakeoutLine,
    TakeoutListForm,
    TransfusionApply,
    TransfusionApplyBlood,
    MedicalRecord,
    CancelTakeout,
]
INCOMING: list[type[BaseModel]] = [
    Blood,
    BloodType,
    BloodSubType,
    Facility,
    Disease,
    HandoverInfo,
    HandoverDetailInfo,
    HandoverSumInfo,
    BloodBagInfo,
    DispatchListEntry,
]


def _errors(model: type[BaseModel], data: object) -> dict[str, FieldError]:
    result = validate(model, data)
    assert not result.ok
    assert result.value is None
    return {error.path: error for error in result.errors}


def test_a_valid_document_comes_back_as_the_model() -> None:
    result = validate(TakeoutListForm, wire_samples.takeout_form())
    assert result.ok
    assert isinstance(result.value, TakeoutListForm)
    assert result.errors == []


def test_missing_fields_are_named_in_chinese_by_their_spec_description() -> None:
    wire = wire_samples.receive()
    del wire["internalId"]
    del wire["receiveTime"]
    errors = _errors(Receive, wire)
    assert set(errors) == {"internalId", "receiveTime"}
    assert errors["internalId"].message_zh == "必填项：请填写医院内部单号。"
    assert errors["internalId"].message_en == "Hospital receipt number: required; fill it in."
    assert errors["receiveTime"].message_zh == "必填项：请填写入库时间。"


def test_the_same_wire_name_gets_its_own_objects_label() -> None:
    receipt = wire_samples.receive()
    del receipt["refId"]
    takeout = wire_samples.takeout()
    del takeout["refId"]
    assert "出库方业务单号" in _errors(Receive, receipt)["refId"].message_zh
    assert "医院内部出库单号" in _errors(Takeout, takeout)["refId"].message_zh


def test_paths_use_wire_names_even_for_input_by_attribute_name() -> None:
    errors = _errors(
        Receive,
        {
            "internal_id": "RK1",
            "type": 151,
            "ref_id": "R",
            "receiver": "张三",
            "create_time": "2026-11-28",
            "receive_time": "never",
            "blood_bags": [{"blood_bag_id": "W" * 30}],
        },
    )
    assert set(errors) == {"receiveTime", "bloodBags[0].bloodBagId"}


def test_nested_paths_point_at_the_field_in_the_form() -> None:
    wire = wire_samples.takeout_form()
    wire["outStock"]["details"][1]["bloodBagId"] = "W" * 24
    wire["transfusionApply"]["medicalRecord"]["name"] = ""
    wire["transfusionApply"]["transfusionApplyBloods"][0]["bloodGroup"] = "Z"
    errors = _errors(TakeoutListForm, wire)
    assert set(errors) == {
        "outStock.details[1].bloodBagId",
        "transfusionApply.medicalRecord.name",
        "transfusionApply.transfusionApplyBloods[0].bloodGroup",
    }
    too_long = errors["outStock.details[1].bloodBagId"]
    assert too_long.message_zh == "血袋编号最多 23 个字符（现有 24 个），请删减。"
    assert "at most 23 characters" in too_long.message_en
    blank = errors["transfusionApply.medicalRecord.name"]
    assert blank.message_zh == "必填项：患者姓名不能为空，请填写。"
    group = errors["transfusionApply.transfusionApplyBloods[0].bloodGroup"]
    assert group.message_zh.startswith("血型：无法识别的ABO血型 'Z'")


def test_conditional_rules_point_at_the_missing_field() -> None:
    errors = _errors(Receive, wire_samples.receive(1001))
    assert set(errors) == {"disOrganId"}
    assert errors["disOrganId"].message_zh.startswith("调剂医院编码：医院调拨入库（1001）须填写")
    out_stock = wire_samples.takeout(1002)
    errors = _errors(TakeoutListForm, {"outStock": out_stock})
    assert set(errors) == {"outStock.otherhosId"}
    assert "调剂去向医院编码" in errors["outStock.otherhosId"].message_zh
    errors = _errors(TakeoutListForm, {"outStock": wire_samples.takeout(1005)})
    assert set(errors) == {"transfusionApply"}
    assert errors["transfusionApply"].message_zh.startswith("输血申请单信息：临床用血出库（1005）")


def test_a_request_on_a_scrapping_is_refused_at_the_request() -> None:
    wire = {"outStock": wire_samples.takeout(1007), "transfusionApply": None}
    assert validate(TakeoutListForm, wire).ok
    wire["transfusionApply"] = wire_samples.transfusion_apply()
    errors = _errors(TakeoutListForm, wire)
    assert "报废" in errors["transfusionApply"].message_zh
    assert "Scrapped" in errors["transfusionApply"].message_en


def test_duplicate_bag_points_at_the_second_mention() -> None:
    wire = wire_samples.takeout()
    wire["details"].append({"bloodBagId": wire_samples.BAG_1})
    errors = _errors(Takeout, wire)
    assert set(errors) == {"details[2].bloodBagId"}
    message = errors["details[2].bloodBagId"].message_zh
    assert "重复" in message
    assert "第 1 条与第 3 条" in message
    errors = _errors(CancelTakeout, {**wire_samples.cancel_takeout(), "bloodBagIds": ["A", "A"]})
    assert set(errors) == {"bloodBagIds[1]"}
    assert errors["bloodBagIds[1]"].message_zh.startswith("取消出库的血袋：")


def test_empty_bag_list_asks_for_at_least_one() -> None:
    errors = _errors(Receive, {**wire_samples.receive(), "bloodBags": []})
    assert errors["bloodBags"].message_zh == "入库血袋列表不能为空，请至少添加一项。"


def test_platform_assigned_fields_say_to_leave_them_empty() -> None:
    errors = _errors(Receive, {**wire_samples.receive(), "id": "RK-1"})
    assert errors["id"].message_zh.startswith("入库单号：此项由平台自动生成")
    assert "leave it empty" in errors["id"].message_en


def test_enum_errors_list_the_choices_with_their_labels() -> None:
    errors = _errors(MedicalRecord, {**wire_samples.medical_record(), "sex": "3"})
    assert errors["sex"].message_zh == (
        "患者性别的值无效，可选：0（未知的性别）、1（男性）、2（女性）、9（未说明的性别），"
        "请从列表中选择。"
    )
    errors = _errors(Receive, {**wire_samples.receive(), "type": 1005})
    assert "151（血站发血入库）" in errors["type"].message_zh


@pytest.mark.parametrize(
    ("model", "wire", "path", "expected_zh"),
    [
        (Receive, {**wire_samples.receive(1001), "disOrganId": "x"}, "disOrganId", "应为整数"),
        (Receive, {**wire_samples.receive(1001), "disOrganId": 1.5}, "disOrganId", "应为整数"),
        (Receive, {**wire_samples.receive(1001), "disOrganId": -1}, "disOrganId", "不能小于 0"),
        (
            Receive,
            {**wire_samples.receive(1001), "disOrganId": 10**8},
            "disOrganId",
            "不能大于 99999999",
        ),
        (Receive, {**wire_samples.receive(1006), "depId": True}, "depId", "而不是是/否值"),
        (Receive, {**wire_samples.receive(), "receiver": 5}, "receiver", "应为文字"),
        (Receive, {**wire_samples.receive(), "bloodBags": "W1"}, "bloodBags", "应为列表"),
        (Receive, {**wire_samples.receive(), "bloodBags": ["W1"]}, "bloodBags[0]", "内容无效"),
        (Receive, {**wire_samples.receive(), "receiveTime": "x"}, "receiveTime", "无法识别的时间"),
        (Receive, {**wire_samples.receive(), "colour": 1}, "colour", "“colour”不是此单据的字段"),
        (
            TransfusionApplyBlood,
            {**wire_samples.apply_blood(), "mlVolume": "1.234"},
            "mlVolume",
            "折算的ML数最多保留 2 位小数",
        ),
        (
            TransfusionApplyBlood,
            {**wire_samples.apply_blood(), "mlVolume": "abc"},
            "mlVolume",
            "应为数字（最多两位小数）",
        ),
        (
            TransfusionApplyBlood,
            {**wire_samples.apply_blood(), "mlVolume": "nan"},
            "mlVolume",
            "应为有效的数字",
        ),
        (
            TransfusionApplyBlood,
            {**wire_samples.apply_blood(), "mlVolume": 10**15},
            "mlVolume",
            "数字过长",
        ),
        (
            TransfusionApplyBlood,
            {**wire_samples.apply_blood(), "mlVolume": 10**13},
            "mlVolume",
            "整数部分最多 13 位",
        ),
        (
            TransfusionApply,
            {**wire_samples.transfusion_apply(), "interoperativeTrans": "maybe"},
            "interoperativeTrans",
            "应为“是”或“否”",
        ),
        (
            TransfusionApply,
            {**wire_samples.transfusion_apply(), "medicalRecord": "王五"},
            "medicalRecord",
            "病案信息内容无效",
        ),
        (Blood, {"Id": "E02", "fullName": "x"}, "Id", "至少 8 个字符"),
        (Blood, {"id": "E02", "fullName": "x"}, "Id", "至少 8 个字符"),
        (Facility, {"id": 1, "name": "x", "type": "CLINIC"}, "type", "中心血站"),
    ],
)
def test_each_error_kind_has_its_own_message(
    model: type[BaseModel], wire: dict[str, Any], path: str, expected_zh: str
) -> None:
    errors = _errors(model, wire)
    assert path in errors, errors
    assert expected_zh in errors[path].message_zh
    assert errors[path].message_en


def test_the_whole_document_wrong_gets_the_documents_name() -> None:
    for data in (None, [], "入库", 5):
        [error] = validate(Receive, data).errors
        assert error.path == ""
        assert error.message_zh == "入库单内容无效，请重新填写入库单。"


def test_a_long_unknown_key_is_cut_in_the_path() -> None:
    errors = _errors(Receive, {**wire_samples.receive(), "k" * 500: 1})
    assert [len(path) for path in errors] == [40]


def test_every_wire_field_has_a_label() -> None:
    for model in DOCUMENTS + INCOMING:
        for name, info in model.model_fields.items():
            if info.exclude:
                continue
            wire = info.serialization_alias or info.alias or name
            assert wire in FIELD_LABELS or f"{model.__name__}.{wire}" in FIELD_LABELS, wire
        assert model.__name__ in DOCUMENT_LABELS


def test_every_message_is_chinese_and_names_its_field() -> None:
    wire = wire_samples.takeout_form()
    for field in ("optId", "commitTime"):
        del wire["outStock"][field]
    wire["transfusionApply"]["property"] = 9
    for error in _errors(TakeoutListForm, wire).values():
        assert CHINESE.search(error.message_zh)
        assert "请" in error.message_zh, "every message says what to do"
    assert _errors(TakeoutListForm, wire)["outStock.optId"].message_zh == "必填项：请填写操作员。"


JSON_LIKE = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=12), children, max_size=3)
    ),
    max_leaves=8,
)


SAMPLES = {
    Blood: wire_samples.blood,
    HandoverInfo: wire_samples.handover,
    HandoverDetailInfo: wire_samples.handover_detail,
    HandoverSumInfo: wire_samples.handover_sum,
    Receive: wire_samples.receive,
    Takeout: wire_samples.takeout,
    TakeoutListForm: wire_samples.takeout_form,
    TransfusionApply: wire_samples.transfusion_apply,
    TransfusionApplyBlood: wire_samples.apply_blood,
    MedicalRecord: wire_samples.medical_record,
    CancelTakeout: wire_samples.cancel_takeout,
}


def _places(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every key and index path inside a wire sample."""
    if isinstance(node, dict):
        children = node.items()
    elif isinstance(node, list):
        children = enumerate(node)
    else:
        return []
    return [
        place
        for key, child in children
        for place in [(*prefix, key), *_places(child, (*prefix, key))]
    ]


def _replaced(sample: Any, place: tuple[Any, ...], value: Any) -> Any:
    container = sample
    for key in place[:-1]:
        container = container[key]
    container[place[-1]] = value
    return sample


def _mutated(model: type[BaseModel]) -> st.SearchStrategy[Any]:
    """A valid wire sample of `model` with one to three places replaced by anything."""
    make = SAMPLES.get(model)
    if make is None:
        keys = [info.alias or name for name, info in model.model_fields.items()]
        return st.dictionaries(st.sampled_from(keys), JSON_LIKE, max_size=6)
    places = _places(make())

    def mutate(changes: list[tuple[tuple[Any, ...], Any]]) -> Any:
        sample = make()
        for place, value in sorted(changes, key=lambda change: len(change[0]), reverse=True):
            sample = _replaced(sample, place, value)
        return sample

    return st.lists(
        st.tuples(st.sampled_from(places), JSON_LIKE),
        min_size=1,
        max_size=3,
        unique_by=lambda c: c[0],
    ).map(mutate)


# Built once: a strategy built inside the test would be rebuilt for every example.
ANYTHING = {model: JSON_LIKE | _mutated(model) for model in DOCUMENTS + INCOMING}


@pytest.mark.parametrize("model", DOCUMENTS + INCOMING, ids=lambda model: model.__name__)
@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_validate_never_raises(model: type[BaseModel], data: st.DataObject) -> None:
    anything = data.draw(ANYTHING[model])
    result = validate(model, anything)
    assert isinstance(result, ValidationResult)
    assert result.ok != bool(result.errors)
    for error in result.errors:
        assert CHINESE.search(error.message_zh)
        assert error.message_en
