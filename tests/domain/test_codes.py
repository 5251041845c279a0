"""The code tables: every code and its labels, the ABO/Rh normalisers, the reason dictionary."""

from __future__ import annotations

from enum import Enum, IntEnum, StrEnum

import pytest

from desktop.domain.codes import (
    Abo,
    AgeUnit,
    Dependency,
    FacilityType,
    HistoryMark,
    IdentityDocument,
    Label,
    ReceiveType,
    Rh,
    Sex,
    TakeoutType,
    TransfusionProperty,
    TransfusionReasons,
    VisitKind,
    label_of,
    parse_abo,
    parse_rh,
)
from desktop.domain.errors import DomainValueError

# (table, wire code, Chinese label): the spec's 数据字典 and field notes, row by row.
CODE_TABLE = [
    (Abo, "A", "A型"),
    (Abo, "B", "B型"),
    (Abo, "O", "O型"),
    (Abo, "AB", "AB型"),
    (Abo, "不详", "不详"),
    (Rh, "1", "Rh阴性"),
    (Rh, "2", "Rh阳性"),
    (Rh, "3", "不详"),
    (IdentityDocument, "01", "居民身份证"),
    (IdentityDocument, "02", "居民户口簿"),
    (IdentityDocument, "03", "护照"),
    (IdentityDocument, "04", "军官证"),
    (IdentityDocument, "05", "驾驶证"),
    (IdentityDocument, "06", "港澳居民来往内地通行证"),
    (IdentityDocument, "07", "台湾居民来往内地通行证"),
    (IdentityDocument, "99", "其他法定有效证件"),
    (Sex, "0", "未知的性别"),
    (Sex, "1", "男性"),
    (Sex, "2", "女性"),
    (Sex, "9", "未说明的性别"),
    (AgeUnit, "0", "岁"),
    (AgeUnit, "1", "月"),
    (AgeUnit, "2", "天"),
    (TransfusionProperty, 1, "备血"),
    (TransfusionProperty, 2, "常规"),
    (TransfusionProperty, 3, "紧急"),
    (FacilityType, "BLOOD_STATION", "中心血站"),
    (FacilityType, "BLOOD_BRANCH", "分站"),
    (FacilityType, "MUNICIPAL_BAO", "市献血办"),
    (FacilityType, "DISTRICT_BAO", "区献血办"),
    (FacilityType, "HOSPITAL", "医院"),
    (ReceiveType, 151, "血站发血入库"),
    (ReceiveType, 1001, "医院调拨入库"),
    (ReceiveType, 1006, "科室退血入库"),
    (TakeoutType, 1005, "临床用血出库"),
    (TakeoutType, 1002, "调拨出库"),
    (TakeoutType, 1007, "报废"),
    (TakeoutType, 252, "退回血站"),
    (Dependency, "1", "本市"),
    (Dependency, "2", "外埠"),
    (Dependency, "3", "其他"),
    (VisitKind, "1", "门诊"),
    (VisitKind, "2", "急诊"),
    (VisitKind, "3", "住院"),
    (HistoryMark, "1", "无"),
    (HistoryMark, "2", "有"),
    (HistoryMark, "9", "不详"),
]

TABLES = sorted({table for table, _, _ in CODE_TABLE}, key=lambda table: table.__name__)


@pytest.mark.parametrize(("table", "code", "label_zh"), CODE_TABLE)
def test_every_code_has_its_spec_label(table: type[Enum], code: object, label_zh: str) -> None:
    member = table(code)
    assert member.value == code
    assert label_of(member).zh == label_zh
    assert getattr(member, "label_zh") == label_zh  # noqa: B009 - the property under test
    assert getattr(member, "label_en")  # noqa: B009


@pytest.mark.parametrize("table", TABLES, ids=lambda table: table.__name__)
def test_tables_hold_exactly_the_spec_codes(table: type[Enum]) -> None:
    spec_codes = {code for t, code, _ in CODE_TABLE if t is table}
    assert {member.value for member in table} == spec_codes


@pytest.mark.parametrize(
    "table", [ReceiveType, TakeoutType, TransfusionProperty], ids=lambda t: t.__name__
)
def test_numeric_wire_codes_are_int_enums(table: type[Enum]) -> None:
    assert issubclass(table, IntEnum)


@pytest.mark.parametrize(
    "table",
    [Abo, Rh, IdentityDocument, Sex, AgeUnit, FacilityType, Dependency, VisitKind, HistoryMark],
    ids=lambda t: t.__name__,
)
def test_string_wire_codes_are_str_enums(table: type[Enum]) -> None:
    assert issubclass(table, StrEnum)


def test_labels_of_equal_codes_in_different_tables_stay_apart() -> None:
    # "1" is male, "no history", "months" and "negative": equal strings, different labels.
    assert Sex.MALE.label_zh == "男性"
    assert HistoryMark.NO.label_zh == "无"
    assert AgeUnit.MONTHS.label_zh == "月"
    assert Rh.NEGATIVE.label_en == "Rh negative"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A", Abo.A),
        ("a", Abo.A),
        (" b ", Abo.B),
        ("O", Abo.O),
        ("o", Abo.O),
        ("AB", Abo.AB),
        ("ab", Abo.AB),
        ("aB", Abo.AB),
        ("A型", Abo.A),
        ("O型", Abo.O),
        ("ab型", Abo.AB),
        ("ＡＢ型", Abo.AB),
        ("不详", Abo.UNKNOWN),
        ("未知", Abo.UNKNOWN),
        ("Unknown", Abo.UNKNOWN),
        (Abo.B, Abo.B),
    ],
)
def test_parse_abo(text: object, expected: Abo) -> None:
    assert parse_abo(text) is expected


@pytest.mark.parametrize("text", ["", "  ", "C", "A2", "AO", "A型Rh阳性", "0", 1, None, True])
def test_parse_abo_refuses_what_is_not_a_group(text: object) -> None:
    with pytest.raises(DomainValueError) as caught:
        parse_abo(text)
    assert "ABO血型" in caught.value.message_zh
    assert "ABO group" in caught.value.message_en
    assert isinstance(caught.value, ValueError)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1", Rh.NEGATIVE),
        ("2", Rh.POSITIVE),
        ("3", Rh.UNKNOWN),
        (1, Rh.NEGATIVE),
        (2, Rh.POSITIVE),
        (3, Rh.UNKNOWN),
        ("阴性", Rh.NEGATIVE),
        ("阳性", Rh.POSITIVE),
        ("Rh阴性", Rh.NEGATIVE),
        ("Rh阳性", Rh.POSITIVE),
        ("Rh(D)阴性", Rh.NEGATIVE),
        ("Rh(D)阳性", Rh.POSITIVE),
        ("Rh（D）阴性", Rh.NEGATIVE),
        ("RhD阳性", Rh.POSITIVE),
        ("-", Rh.NEGATIVE),
        ("+", Rh.POSITIVE),
        ("Rh-", Rh.NEGATIVE),
        ("Rh+", Rh.POSITIVE),
        ("neg", Rh.NEGATIVE),
        ("POS", Rh.POSITIVE),
        ("Negative", Rh.NEGATIVE),
        (" positive ", Rh.POSITIVE),
        ("不详", Rh.UNKNOWN),
        ("unknown", Rh.UNKNOWN),
        (Rh.NEGATIVE, Rh.NEGATIVE),
    ],
)
def test_parse_rh(text: object, expected: Rh) -> None:
    assert parse_rh(text) is expected


@pytest.mark.parametrize("text", ["", "Rh", "4", "0", "±", "positve", 4, True, None, 2.0])
def test_parse_rh_refuses_what_is_not_a_group(text: object) -> None:
    with pytest.raises(DomainValueError) as caught:
        parse_rh(text)
    assert "Rh血型" in caught.value.message_zh
    assert "Rh group" in caught.value.message_en


def test_transfusion_reasons_default_to_the_one_row_of_the_source() -> None:
    reasons = TransfusionReasons()
    assert dict(reasons) == {"0": Label("既往输血原因", "Previous transfusion reason")}
    assert reasons["0"].zh == "既往输血原因"


def test_transfusion_reasons_load_more_from_a_mapping() -> None:
    base = TransfusionReasons()
    extended = base.extended(
        {
            "1": "手术",
            2: ("贫血", "Anaemia"),
            "3": {"zh": "出血", "en": "Bleeding"},
            "0": {"zh": " 既往输血 "},
        }
    )
    assert list(extended) == ["0", "1", "2", "3"]
    assert extended["1"] == Label("手术", "手术")
    assert extended["2"] == Label("贫血", "Anaemia")
    assert extended["3"] == Label("出血", "Bleeding")
    assert extended["0"] == Label("既往输血", "既往输血")
    assert len(base) == 1, "extending leaves the original alone"
    assert "1" in extended
    assert "9" not in extended


@pytest.mark.parametrize(
    "mapping",
    [{"": "x"}, {" ": "x"}, {None: "x"}, {True: "x"}, {"1": ""}, {"1": 5}, {"1": ("x",)}],
)
def test_transfusion_reasons_refuse_bad_entries(mapping: dict[object, object]) -> None:
    with pytest.raises(DomainValueError) as caught:
        TransfusionReasons().extended(mapping)
    assert "输血原因" in caught.value.message_zh
