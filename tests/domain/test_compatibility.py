"""ABO/RhD compatibility: the full matrix per component, RhD, unknowns, overrides, classes."""

from __future__ import annotations

from collections.abc import Mapping

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.codes import Abo, Rh
from desktop.domain.compatibility import (
    CompatibilityLevel,
    CompatibilityVerdict,
    ComponentClass,
    ProductClassifier,
    check_compatibility,
    component_class_of_names,
)
from desktop.domain.models import Blood, BloodSubType, BloodType
from desktop.training.seed import build_world

OK = CompatibilityLevel.OK
W = CompatibilityLevel.WARNING
N = CompatibilityLevel.NEEDS_OVERRIDE
R = CompatibilityLevel.REFUSED

WB = ComponentClass.WHOLE_BLOOD
RBC = ComponentClass.RED_CELLS
FFP = ComponentClass.PLASMA
PLT = ComponentClass.PLATELETS
CRYO = ComponentClass.CRYO
OTHER = ComponentClass.OTHER

GROUPS = (Abo.O, Abo.A, Abo.B, Abo.AB)
"""The column order of the tables below: the bag's group."""

# Rows: the patient's group; columns: the bag's group, in GROUPS order. Written
# out from the sources' tables, not derived, so that a slip in the module's own
# tables shows here.
MATRIX: Mapping[ComponentClass, Mapping[Abo, tuple[CompatibilityLevel, ...]]] = {
    # Red cells: O ← O; A ← A, O; B ← B, O; AB ← all; identical preferred.
    RBC: {
        Abo.O: (OK, R, R, R),
        Abo.A: (W, OK, R, R),
        Abo.B: (W, R, OK, R),
        Abo.AB: (W, W, W, OK),
    },
    # Plasma and cryoprecipitate: the reverse.
    FFP: {
        Abo.O: (OK, W, W, W),
        Abo.A: (R, OK, R, W),
        Abo.B: (R, R, OK, W),
        Abo.AB: (R, R, R, OK),
    },
    CRYO: {
        Abo.O: (OK, W, W, W),
        Abo.A: (R, OK, R, W),
        Abo.B: (R, R, OK, W),
        Abo.AB: (R, R, R, OK),
    },
    # Platelets: plasma-compatible is a warning, plasma against the patient's cells an override.
    PLT: {
        Abo.O: (OK, W, W, W),
        Abo.A: (N, OK, N, W),
        Abo.B: (N, N, OK, W),
        Abo.AB: (N, N, N, OK),
    },
    WB: {
        Abo.O: (OK, R, R, R),
        Abo.A: (R, OK, R, R),
        Abo.B: (R, R, OK, R),
        Abo.AB: (R, R, R, OK),
    },
    # A product we cannot class: identical only, and confirmed even then.
    OTHER: {
        Abo.O: (W, R, R, R),
        Abo.A: (R, W, R, R),
        Abo.B: (R, R, W, R),
        Abo.AB: (R, R, R, W),
    },
}

ABO_CASES = [
    (component, patient, bag, row[column])
    for component, rows in MATRIX.items()
    for patient, row in rows.items()
    for column, bag in enumerate(GROUPS)
]


@pytest.mark.parametrize(("component", "patient", "bag", "expected"), ABO_CASES)
def test_abo_matrix(
    component: ComponentClass, patient: Abo, bag: Abo, expected: CompatibilityLevel
) -> None:
    verdict = check_compatibility(patient, Rh.POSITIVE, bag, Rh.POSITIVE, component)
    assert verdict.level is expected, verdict.reason_en


@pytest.mark.parametrize("patient", GROUPS)
@pytest.mark.parametrize("bag", GROUPS)
def test_red_cells_and_plasma_are_each_others_reverse(patient: Abo, bag: Abo) -> None:
    red_cells = check_compatibility(patient, Rh.POSITIVE, bag, Rh.POSITIVE, RBC)
    plasma = check_compatibility(bag, Rh.POSITIVE, patient, Rh.POSITIVE, FFP)
    assert red_cells.level is plasma.level


def test_compatible_but_not_identical_red_cells_say_so() -> None:
    verdict = check_compatibility(Abo.A, Rh.POSITIVE, Abo.O, Rh.POSITIVE, RBC)
    assert verdict.reason_zh == "相容但非同型（A型患者，O型红细胞）：同型优先，请确认。"
    assert "identical is preferred" in verdict.reason_en


def test_incompatible_red_cells_are_refused_in_both_languages() -> None:
    verdict = check_compatibility(Abo.O, Rh.POSITIVE, Abo.A, Rh.POSITIVE, RBC)
    assert verdict.reason_zh == "ABO血型不相容，不得发血（O型患者，A型红细胞）。"
    assert verdict.reason_en == (
        "ABO incompatible: do not issue (Group A red cells for a Group O patient)."
    )


def test_identical_bag_gives_what_was_checked() -> None:
    red_cells = check_compatibility(Abo.B, Rh.NEGATIVE, Abo.B, Rh.NEGATIVE, RBC)
    plasma = check_compatibility(Abo.B, Rh.NEGATIVE, Abo.B, Rh.POSITIVE, FFP)
    assert red_cells.reason_zh == "ABO同型（B型患者，B型红细胞）；RhD相容。"
    assert plasma.reason_zh == "ABO同型（B型患者，B型血浆）。"


# (patient RhD, bag RhD) → level, for an ABO-identical bag.
RH_CELLULAR = {
    (Rh.POSITIVE, Rh.POSITIVE): OK,
    (Rh.POSITIVE, Rh.NEGATIVE): OK,
    (Rh.NEGATIVE, Rh.NEGATIVE): OK,
    (Rh.NEGATIVE, Rh.POSITIVE): N,
    (Rh.UNKNOWN, Rh.NEGATIVE): OK,
    (Rh.UNKNOWN, Rh.POSITIVE): N,
    (Rh.POSITIVE, Rh.UNKNOWN): R,
    (Rh.NEGATIVE, Rh.UNKNOWN): R,
    (Rh.UNKNOWN, Rh.UNKNOWN): R,
}
# Platelets: a bag of unknown RhD counts as positive rather than being refused.
RH_PLATELETS = {
    **RH_CELLULAR,
    (Rh.POSITIVE, Rh.UNKNOWN): OK,
    (Rh.NEGATIVE, Rh.UNKNOWN): N,
    (Rh.UNKNOWN, Rh.UNKNOWN): N,
}
RH_CASES = [
    (component, patient, bag, level)
    for component, table in ((RBC, RH_CELLULAR), (WB, RH_CELLULAR), (PLT, RH_PLATELETS))
    for (patient, bag), level in table.items()
] + [(component, patient, bag, OK) for component in (FFP, CRYO) for patient, bag in RH_CELLULAR]


@pytest.mark.parametrize(("component", "patient", "bag", "expected"), RH_CASES)
def test_rhd(component: ComponentClass, patient: Rh, bag: Rh, expected: CompatibilityLevel) -> None:
    assert check_compatibility(Abo.A, patient, Abo.A, bag, component).level is expected


def test_rhd_negative_patient_and_positive_red_cells_need_a_reason() -> None:
    verdict = check_compatibility(Abo.O, Rh.NEGATIVE, Abo.O, Rh.POSITIVE, RBC)
    assert verdict.level is N
    assert "RhD阴性患者输注RhD阳性红细胞" in verdict.reason_zh
    assert "须填写原因" in verdict.reason_zh
    assert "anti-D" in verdict.reason_en


def test_unknown_patient_rhd_is_taken_as_negative() -> None:
    verdict = check_compatibility(Abo.O, Rh.UNKNOWN, Abo.O, Rh.POSITIVE, PLT)
    assert verdict.level is N
    assert "RhD不详（按阴性处理）" in verdict.reason_zh


def test_other_components_check_rhd_as_if_they_held_red_cells() -> None:
    assert check_compatibility(Abo.A, Rh.NEGATIVE, Abo.A, Rh.POSITIVE, OTHER).level is N
    assert check_compatibility(Abo.A, Rh.POSITIVE, Abo.A, Rh.UNKNOWN, OTHER).level is R


@pytest.mark.parametrize("component", list(ComponentClass))
@pytest.mark.parametrize("patient", list(Abo))
def test_bag_of_unknown_abo_is_refused(component: ComponentClass, patient: Abo) -> None:
    verdict = check_compatibility(patient, Rh.POSITIVE, Abo.UNKNOWN, Rh.POSITIVE, component)
    assert verdict.level is R
    assert "血袋ABO血型不详" in verdict.reason_zh


# Before typing, only the component's universal donor group, with a reason.
UNTYPED_PATIENT = {
    RBC: {Abo.O: N, Abo.A: R, Abo.B: R, Abo.AB: R},
    FFP: {Abo.O: R, Abo.A: R, Abo.B: R, Abo.AB: N},
    CRYO: {Abo.O: R, Abo.A: R, Abo.B: R, Abo.AB: N},
    PLT: {Abo.O: R, Abo.A: R, Abo.B: R, Abo.AB: N},
    WB: dict.fromkeys(GROUPS, R),
    OTHER: dict.fromkeys(GROUPS, R),
}


@pytest.mark.parametrize(
    ("component", "bag", "expected"),
    [
        (component, bag, level)
        for component, row in UNTYPED_PATIENT.items()
        for bag, level in row.items()
    ],
)
def test_patient_of_unknown_abo(
    component: ComponentClass, bag: Abo, expected: CompatibilityLevel
) -> None:
    verdict = check_compatibility(Abo.UNKNOWN, Rh.POSITIVE, bag, Rh.POSITIVE, component)
    assert verdict.level is expected
    assert "患者ABO血型不详" in verdict.reason_zh


def test_refusal_names_the_one_group_an_emergency_may_have() -> None:
    verdict = check_compatibility(Abo.UNKNOWN, Rh.POSITIVE, Abo.A, Rh.POSITIVE, RBC)
    assert "紧急时仅可发O型红细胞" in verdict.reason_zh
    assert "only Group O red cells" in verdict.reason_en


def test_every_problem_is_given_worst_first() -> None:
    verdict = check_compatibility(Abo.A, Rh.NEGATIVE, Abo.O, Rh.POSITIVE, RBC)
    assert verdict.level is N
    rh, abo = verdict.reason_zh.split("；")
    assert rh.startswith("RhD阴性患者")
    assert abo.startswith("相容但非同型")


def test_refusal_outranks_override() -> None:
    verdict = check_compatibility(Abo.A, Rh.NEGATIVE, Abo.B, Rh.POSITIVE, RBC)
    assert verdict.level is R
    assert verdict.reason_zh.startswith("ABO血型不相容")
    assert "RhD阴性患者" in verdict.reason_zh


@pytest.mark.parametrize(
    ("level", "confirmed", "reason", "permitted"),
    [
        (OK, False, None, True),
        (W, False, None, False),
        (W, True, None, True),
        (N, True, None, False),
        (N, True, "   ", False),
        (N, False, "紧急抢救，患者无抗-D，家属已签字", True),
        (R, True, "紧急抢救", False),
    ],
)
def test_what_permits_an_issue(
    level: CompatibilityLevel, confirmed: bool, reason: str | None, permitted: bool
) -> None:
    verdict = CompatibilityVerdict(level, "原因", "reason")
    assert verdict.permits_issue(confirmed=confirmed, override_reason=reason) is permitted


@settings(max_examples=400)
@given(
    st.sampled_from(Abo),
    st.sampled_from(Rh),
    st.sampled_from(Abo),
    st.sampled_from(Rh),
    st.sampled_from(ComponentClass),
)
def test_total_over_every_combination(
    patient_abo: Abo, patient_rh: Rh, bag_abo: Abo, bag_rh: Rh, component: ComponentClass
) -> None:
    verdict = check_compatibility(patient_abo, patient_rh, bag_abo, bag_rh, component)
    assert verdict.level in CompatibilityLevel
    assert verdict.reason_zh.endswith("。")
    assert len(verdict.reason_zh) > 1
    assert verdict.reason_en.endswith(".")
    assert len(verdict.reason_en) > 1
    if bag_abo is Abo.UNKNOWN:
        assert verdict.level is R
    if component in (FFP, CRYO):  # RhD never changes a plasma product's verdict
        other_rh = check_compatibility(patient_abo, Rh.POSITIVE, bag_abo, Rh.POSITIVE, component)
        assert verdict == other_rh
    elif patient_rh is not Rh.POSITIVE and bag_rh is Rh.POSITIVE:
        assert verdict.level >= N


# The seed's sub-type ids lead with their BloodType id (products.py).
CLASS_OF_TYPE = {1: WB, 2: RBC, 3: FFP, 4: PLT, 5: CRYO, 6: OTHER}


@pytest.fixture(scope="module")
def classifier_and_bloods() -> tuple[ProductClassifier, list[Blood]]:
    world = build_world()
    classifier = ProductClassifier(world.bloods, world.blood_sub_types, world.blood_types)
    return classifier, world.bloods


def test_every_training_product_is_classed(
    classifier_and_bloods: tuple[ProductClassifier, list[Blood]],
) -> None:
    classifier, bloods = classifier_and_bloods
    assert len(bloods) > 20
    for product in bloods:
        assert product.type is not None
        expected = CLASS_OF_TYPE[product.type]
        assert classifier.classify(product) is expected, product.full_name
        assert classifier.classify_code(product.id) is expected, product.id


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("E3090VC0", PLT),  # another division of a known platelet product
        (" E0224V00 ", RBC),
        ("E9999V00", OTHER),
        ("", OTHER),
        (None, OTHER),
    ],
)
def test_product_codes_missing_from_the_dictionary(
    classifier_and_bloods: tuple[ProductClassifier, list[Blood]],
    code: str | None,
    expected: ComponentClass,
) -> None:
    assert classifier_and_bloods[0].classify_code(code) is expected


def _blood(code: str, name: str, sub_type: int | None = None, type_: int | None = None) -> Blood:
    return Blood.model_validate({"Id": code, "fullName": name, "subType": sub_type, "type": type_})


def test_a_description_code_whose_products_disagree_is_not_guessed() -> None:
    classifier = ProductClassifier(
        [_blood("E7000V00", "悬浮红细胞"), _blood("E7000VA0", "新鲜冰冻血浆")], [], []
    )
    assert classifier.classify_code("E7000VA0") is FFP
    assert classifier.classify_code("E7000VB0") is OTHER


def test_sub_type_name_outranks_type_name_and_product_name() -> None:
    sub_types = [BloodSubType(id=31, name="新鲜冰冻血浆"), BloodSubType(id=32, name="其他")]
    types = [BloodType(id=3, name="血浆类"), BloodType(id=9, name="红细胞类")]
    classifier = ProductClassifier([], sub_types, types)
    assert classifier.classify(_blood("D0001V00", "某红细胞制品", 31, 9)) is FFP
    assert classifier.classify(_blood("D0001V00", "某血小板制品", 32, 9)) is RBC
    assert classifier.classify(_blood("D0001V00", "单采血小板", 77, 88)) is PLT


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("悬浮红细胞", RBC),
        ("去白细胞悬浮红细胞（200mL全血制备）", RBC),
        ("冰冻解冻去甘油红细胞", RBC),
        ("新鲜冰冻血浆", FFP),
        ("病毒灭活血浆", FFP),
        ("去冷沉淀血浆", FFP),
        ("冷沉淀凝血因子（200mL全血制备）", CRYO),
        ("单采血小板", PLT),
        ("辐照单采血小板", PLT),
        ("全血", WB),
        ("单采粒细胞", OTHER),
        ("红细胞类", RBC),
        ("ＲＥＤ ＢＬＯＯＤ ＣＥＬＬＳ", RBC),
        ("Apheresis PLATELETS", PLT),
        ("CRYOPRECIPITATE", CRYO),
        ("POOLED PLASMA (CRYOPRECIPITATE REDUCED)", FFP),
        ("Fresh Frozen Plasma", FFP),
        ("Whole Blood", WB),
        ("", OTHER),
    ],
)
def test_class_from_a_plain_name(name: str, expected: ComponentClass) -> None:
    assert component_class_of_names(name) is expected


def test_first_name_that_says_a_class_wins() -> None:
    assert component_class_of_names(None, "其他", "血浆类", "悬浮红细胞") is FFP
    assert component_class_of_names(None, "") is OTHER


def test_every_class_has_both_labels() -> None:
    for component in ComponentClass:
        assert component.label.zh
        assert component.label.en
