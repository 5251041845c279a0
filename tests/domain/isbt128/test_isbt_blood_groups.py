"""Blood Groups [ABO and RhD] (data structure 002): the tables of ST-001 and their decoding."""

from __future__ import annotations

import pytest

from desktop.domain.codes import Abo, Rh
from desktop.domain.isbt128 import (
    BLOOD_GROUPS,
    PHENOTYPES,
    SPECIAL_MESSAGES,
    AntigenResult,
    BloodGroupCode,
    CollectionUse,
    IssueCode,
    parse_scan,
)

# Table 4 [RT005] as ST-001 v6.2.2 prints it: group, ABO, RhD, the eight columns.
TABLE_4 = [
    ("O RhD negative", Abo.O, Rh.NEGATIVE, "95 91 92 93 94 96 97 98"),
    ("O RhD positive", Abo.O, Rh.POSITIVE, "51 47 48 49 50 52 53 54"),
    ("A RhD negative", Abo.A, Rh.NEGATIVE, "06 02 03 04 05 07 08 09"),
    ("A RhD positive", Abo.A, Rh.POSITIVE, "62 58 59 60 61 63 64 65"),
    ("B RhD negative", Abo.B, Rh.NEGATIVE, "17 13 14 15 16 18 19 20"),
    ("B RhD positive", Abo.B, Rh.POSITIVE, "73 69 70 71 72 74 75 76"),
    ("AB RhD negative", Abo.AB, Rh.NEGATIVE, "28 24 25 26 27 29 30 31"),
    ("AB RhD positive", Abo.AB, Rh.POSITIVE, "84 80 81 82 83 85 86 87"),
    ("O (RhD not specified)", Abo.O, Rh.UNKNOWN, "55 P2 P3 P4 P5 P7 P8 P9"),
    ("A (RhD not specified)", Abo.A, Rh.UNKNOWN, "66 A2 A3 A4 A5 A7 A8 A9"),
    ("B (RhD not specified)", Abo.B, Rh.UNKNOWN, "77 B2 B3 B4 B5 B7 B8 B9"),
    ("AB (RhD not specified)", Abo.AB, Rh.UNKNOWN, "88 C2 C3 C4 C5 C7 C8 C9"),
    ("para-Bombay, RhD negative", Abo.UNKNOWN, Rh.NEGATIVE, "D6 D2 D3 D4 D5 D7 D8 D9"),
    ("para-Bombay, RhD positive", Abo.UNKNOWN, Rh.POSITIVE, "E6 E2 E3 E4 E5 E7 E8 E9"),
    ("Bombay, RhD negative", Abo.UNKNOWN, Rh.NEGATIVE, "G6 G2 G3 G4 G5 G7 G8 G9"),
    ("Bombay, RhD positive", Abo.UNKNOWN, Rh.POSITIVE, "H6 H2 H3 H4 H5 H7 H8 H9"),
    ("O para-Bombay, RhD negative", Abo.O, Rh.NEGATIVE, "I6 I2 I3 I4 I5 I7 I8 I9"),
    ("O para-Bombay, RhD positive", Abo.O, Rh.POSITIVE, "J6 J2 J3 J4 J5 J7 J8 J9"),
    ("A para-Bombay, RhD negative", Abo.A, Rh.NEGATIVE, "K6 K2 K3 K4 K5 K7 K8 K9"),
    ("B para-Bombay, RhD negative", Abo.B, Rh.NEGATIVE, "L6 L2 L3 L4 L5 L7 L8 L9"),
    ("AB para-Bombay, RhD negative", Abo.AB, Rh.NEGATIVE, "M6 M2 M3 M4 M5 M7 M8 M9"),
    ("A para-Bombay, RhD positive", Abo.A, Rh.POSITIVE, "N6 N2 N3 N4 N5 N7 N8 N9"),
    ("B para-Bombay, RhD positive", Abo.B, Rh.POSITIVE, "O6 O2 O3 O4 O5 O7 O8 O9"),
    ("AB para-Bombay, RhD positive", Abo.AB, Rh.POSITIVE, "Q6 Q2 Q3 Q4 Q5 Q7 Q8 Q9"),
    ("Group A, pooled RhD", Abo.A, Rh.UNKNOWN, "A0"),
    ("Group B, pooled RhD", Abo.B, Rh.UNKNOWN, "B0"),
    ("Group AB, pooled RhD", Abo.AB, Rh.UNKNOWN, "C0"),
    ("Group O, pooled RhD", Abo.O, Rh.UNKNOWN, "D0"),
    ("Pooled ABO, RhD positive", Abo.UNKNOWN, Rh.POSITIVE, "E0"),
    ("Pooled ABO, RhD negative", Abo.UNKNOWN, Rh.NEGATIVE, "F0"),
    ("Pooled ABO, pooled RhD", Abo.UNKNOWN, Rh.UNKNOWN, "G0"),
    ("Pooled ABO (RhD not specified)", Abo.UNKNOWN, Rh.UNKNOWN, "H0"),
    ("A1", Abo.A, Rh.UNKNOWN, "I0"),
    ("A2", Abo.A, Rh.UNKNOWN, "J0"),
    ("A1B", Abo.AB, Rh.UNKNOWN, "K0"),
    ("A2B", Abo.AB, Rh.UNKNOWN, "L0"),
]
CELLS = [
    (code, name, abo, rh, use)
    for name, abo, rh, codes in TABLE_4
    for code, use in zip(codes.split(), CollectionUse, strict=False)
]


@pytest.mark.parametrize(("code", "name", "abo", "rh", "use"), CELLS)
def test_every_cell_of_table_4(code: str, name: str, abo: Abo, rh: Rh, use: CollectionUse) -> None:
    result = parse_scan(f"=%{code}00")

    (group,) = result.blood_groups
    assert result.items == (group,)
    assert group.group is not None
    assert group.group.name.en == name
    assert group.group.name.zh
    assert (group.abo, group.rh, group.group.use) == (abo, rh, use)
    assert not result.errors


def test_table_4_has_no_other_codes() -> None:
    assert set(BLOOD_GROUPS) == {cell[0] for cell in CELLS}


def test_published_o_rhd_positive() -> None:
    result = parse_scan("=%5100")

    assert result.ok
    (group,) = result.blood_groups
    assert (group.abo, group.rh) == (Abo.O, Rh.POSITIVE)
    assert group.group is not None
    assert group.group.use is CollectionUse.DEFAULT
    assert not result.warnings


@pytest.mark.parametrize(
    ("code", "restricted"),
    [
        ("95", False),
        ("91", True),
        ("92", True),
        ("93", True),
        ("94", False),
        ("96", False),
        ("97", True),
        ("98", True),
    ],
)
def test_restricted_collections_warn(code: str, restricted: bool) -> None:
    result = parse_scan(f"=%{code}00")

    codes = [issue.code for issue in result.warnings]
    assert codes == ([IssueCode.RESTRICTED_USE] if restricted else [])
    assert result.ok


# Table 5 [RT006]: code, meaning, must not be received or issued.
TABLE_5 = [
    ("00", "No ABO or Rh information is available", False),
    ("Ma", "Autologous collection", False),
    ("Mb", "Biohazardous", True),
    ("Md", "Discard (to be destroyed)", True),
    ("Mf", "For fractionation use only", True),
    ("Mq", "Quarantine/hold for further testing or processing", True),
    ("Mr", "For research use only", True),
    ("Mx", "Not for transfusion based on test results", True),
    ("T1", "ABO not specified, RhD positive", False),
    ("T2", "ABO not specified, RhD negative", False),
    ("T3", "ABO not specified, RhD not specified", False),
    ("T4", "Autologous collection/in quarantine", True),
    ("T5", "See outer packaging for product status", False),
    ("T6", "Must be sterilized before release", True),
]


@pytest.mark.parametrize(("code", "meaning", "do_not_use"), TABLE_5)
def test_every_special_message(code: str, meaning: str, do_not_use: bool) -> None:
    result = parse_scan(f"=%{code}00")

    assert result.ok
    (group,) = result.blood_groups
    assert group.special is not None
    assert group.special.meaning.en == meaning
    assert group.special.meaning.zh
    assert group.do_not_use is do_not_use
    assert bool(result.do_not_use) is do_not_use
    assert group.abo is Abo.UNKNOWN


def test_table_5_has_no_other_codes() -> None:
    assert set(SPECIAL_MESSAGES) == {code for code, _, _ in TABLE_5}


def test_do_not_use_message_tells_the_clerk_what_to_do() -> None:
    (issue,) = parse_scan("=%Mx00").do_not_use

    assert "do not receive or issue" in issue.message.en
    assert "不得接收或发出" in issue.message.zh


@pytest.mark.parametrize(
    ("code", "rh"), [("T1", Rh.POSITIVE), ("T2", Rh.NEGATIVE), ("T3", Rh.UNKNOWN)]
)
def test_tissue_messages_carry_rh_and_warn(code: str, rh: Rh) -> None:
    result = parse_scan(f"=%{code}00")

    (group,) = result.blood_groups
    assert group.rh is rh
    assert [issue.code for issue in result.warnings] == [IssueCode.RESTRICTED_USE]


# Table 6 [RT007]: the r character and what it says about K, C, c, E, e.
@pytest.mark.parametrize(
    ("r", "kell", "antigens"),
    [
        ("0", AntigenResult.NO_INFORMATION, None),
        ("S", AntigenResult.NEGATIVE, None),
        ("T", AntigenResult.POSITIVE, None),
        ("1", AntigenResult.NO_INFORMATION, "C-c+E-e+"),
        ("A", AntigenResult.NEGATIVE, "C-c+E-e+"),
        ("J", AntigenResult.POSITIVE, "C-c+E-e+"),
        ("B", AntigenResult.NEGATIVE, "C+c+E-e+"),
        ("3", AntigenResult.NO_INFORMATION, "C+c+E+e+"),
        ("M", AntigenResult.POSITIVE, "C+c+E+e-"),
        ("E", AntigenResult.NEGATIVE, "C-c+E+e+"),  # ST-001's own example
        ("6", AntigenResult.NO_INFORMATION, "C-c+E+e-"),
        ("P", AntigenResult.POSITIVE, "C+c-E-e+"),
        ("H", AntigenResult.NEGATIVE, "C+c-E+e+"),
        ("9", AntigenResult.NO_INFORMATION, "C+c-E+e-"),
        ("X", AntigenResult.NO_INFORMATION, "C-c?E-e?"),
        ("Y", AntigenResult.NEGATIVE, "C-c?E-e?"),
        ("Z", AntigenResult.POSITIVE, "C-c?E-e?"),
    ],
)
def test_rh_kell_phenotypes(r: str, kell: AntigenResult, antigens: str | None) -> None:
    result = parse_scan(f"=%62{r}0")

    (group,) = result.blood_groups
    assert group.phenotype is not None
    assert (group.phenotype.kell, group.phenotype.rh_antigens) == (kell, antigens)
    assert not result.warnings


@pytest.mark.parametrize(
    ("r", "meaning"),
    [
        ("U", "Mia/Mur negative"),
        ("V", "Mia/Mur positive"),
        ("W", "Special Testing bar code present and must be scanned and interpreted"),
        ("E", "Kell negative; Rh phenotype C-c+E+e+"),
        ("0", "Kell no information; Rh phenotype no information"),
    ],
)
def test_phenotype_meanings(r: str, meaning: str) -> None:
    assert PHENOTYPES[r].meaning.en == meaning
    assert PHENOTYPES[r].meaning.zh


def test_every_character_the_standard_allows_for_r_has_a_meaning() -> None:
    assert set(PHENOTYPES) == set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")


def test_reserved_character_must_be_zero() -> None:
    result = parse_scan("=%5101")

    assert result.ok
    assert [issue.code for issue in result.warnings] == [IssueCode.RESERVED_VALUE]


@pytest.mark.parametrize(
    ("scan", "code"),
    [
        ("=%510", IssueCode.WRONG_LENGTH),
        ("=%51000", IssueCode.WRONG_LENGTH),
        ("=%5a00", IssueCode.UNKNOWN_BLOOD_GROUP),
        ("=%ZZ00", IssueCode.UNKNOWN_BLOOD_GROUP),
        ("=%51a0", IssueCode.INVALID_FIELD),
        ("=%51*0", IssueCode.INVALID_FIELD),
    ],
)
def test_unreadable_blood_groups_are_errors(scan: str, code: IssueCode) -> None:
    result = parse_scan(scan)

    assert not result.ok
    assert [issue.code for issue in result.errors] == [code]
    assert not result.blood_groups


def test_describe_rows_are_bilingual() -> None:
    (group,) = parse_scan("=%06E0").blood_groups

    rows = group.describe()
    assert isinstance(group, BloodGroupCode)
    assert [row.value for row in rows] == ["06", "06", "E", "0"]
    assert rows[0].meaning_en == "A RhD negative"
    assert rows[0].meaning_zh == "A型 RhD阴性"
    assert all(row.label_zh and row.label_en for row in rows)
