"""The code tables of Blood Groups [ABO and RhD], data structure 002 (`=%ggre`).

Transcribed from ICCBBA ST-001 v6.2.2: Table 4 [RT005] (ABO/RhD with the type
of collection), Table 5 [RT006] (special messages) and Table 6 [RT007] (Rh,
Kell and Mia/Mur phenotypes). The rows are written out as the standard prints
them so that a reviewer can check them against the page.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from desktop.domain.codes import Abo, Rh
from desktop.domain.isbt128.bilingual import Bilingual, bi


class CollectionUse(StrEnum):
    """The columns of Table 4: what the collection may be used for."""

    DEFAULT = "default"
    DIRECTED = "directed"
    EMERGENCY = "emergency"
    DIRECTED_BIOHAZARD = "directed_biohazard"
    DIRECTED_CROSSOVER = "directed_crossover"
    AUTOLOGOUS_CROSSOVER = "autologous_crossover"
    AUTOLOGOUS_ONLY = "autologous_only"
    AUTOLOGOUS_BIOHAZARD = "autologous_biohazard"

    @property
    def meaning(self) -> Bilingual:
        return _USE_MEANINGS[self]

    @property
    def restriction(self) -> Bilingual | None:
        """What the clerk must check before issuing such a bag; None if nothing special."""
        return _USE_RESTRICTIONS.get(self)


_USE_MEANINGS = {
    CollectionUse.DEFAULT: bi("未指定用途（默认）", "Intended use not specified (default)"),
    CollectionUse.DIRECTED: bi(
        "定向献血，仅限指定受血者", "Directed (dedicated/designated) collection use only"
    ),
    CollectionUse.EMERGENCY: bi("仅限紧急使用", "For emergency use only"),
    CollectionUse.DIRECTED_BIOHAZARD: bi(
        "定向献血，生物危害", "Directed (dedicated/designated) collection, biohazardous"
    ),
    CollectionUse.DIRECTED_CROSSOVER: bi(
        "定向献血，可转给其他患者", "Directed collection, eligible for crossover"
    ),
    CollectionUse.AUTOLOGOUS_CROSSOVER: bi(
        "自体采集，可转给其他患者", "Autologous collection, eligible for crossover"
    ),
    CollectionUse.AUTOLOGOUS_ONLY: bi("仅限自体使用", "For autologous use only"),
    CollectionUse.AUTOLOGOUS_BIOHAZARD: bi(
        "仅限自体使用，生物危害", "For autologous use only, biohazardous"
    ),
}

_ONLY_NAMED_PATIENT = bi(
    "此血袋仅限指定患者使用，发血前请核对受血者。",
    "This bag is for one named patient only: check the recipient before issuing it.",
)
_USE_RESTRICTIONS = {
    CollectionUse.DIRECTED: _ONLY_NAMED_PATIENT,
    CollectionUse.DIRECTED_BIOHAZARD: _ONLY_NAMED_PATIENT,
    CollectionUse.AUTOLOGOUS_ONLY: _ONLY_NAMED_PATIENT,
    CollectionUse.AUTOLOGOUS_BIOHAZARD: _ONLY_NAMED_PATIENT,
    CollectionUse.EMERGENCY: bi(
        "此血袋标为仅限紧急使用。", "This bag is labelled for emergency use only."
    ),
}

# Table 4 column order, as printed.
_COLUMNS = tuple(CollectionUse)


class BloodGroupEntry(BaseModel):
    """One cell of Table 4: an ABO/RhD group together with the type of collection."""

    model_config = ConfigDict(frozen=True)

    code: str
    name: Bilingual
    abo: Abo
    rh: Rh
    use: CollectionUse


# (Chinese name, English name, ABO, RhD, codes by column). Pooled rows have
# only the default column.
_TABLE_4: tuple[tuple[str, str, Abo, Rh, str], ...] = (
    ("O型 RhD阴性", "O RhD negative", Abo.O, Rh.NEGATIVE, "95 91 92 93 94 96 97 98"),
    ("O型 RhD阳性", "O RhD positive", Abo.O, Rh.POSITIVE, "51 47 48 49 50 52 53 54"),
    ("A型 RhD阴性", "A RhD negative", Abo.A, Rh.NEGATIVE, "06 02 03 04 05 07 08 09"),
    ("A型 RhD阳性", "A RhD positive", Abo.A, Rh.POSITIVE, "62 58 59 60 61 63 64 65"),
    ("B型 RhD阴性", "B RhD negative", Abo.B, Rh.NEGATIVE, "17 13 14 15 16 18 19 20"),
    ("B型 RhD阳性", "B RhD positive", Abo.B, Rh.POSITIVE, "73 69 70 71 72 74 75 76"),
    ("AB型 RhD阴性", "AB RhD negative", Abo.AB, Rh.NEGATIVE, "28 24 25 26 27 29 30 31"),
    ("AB型 RhD阳性", "AB RhD positive", Abo.AB, Rh.POSITIVE, "84 80 81 82 83 85 86 87"),
    ("O型（RhD未标明）", "O (RhD not specified)", Abo.O, Rh.UNKNOWN, "55 P2 P3 P4 P5 P7 P8 P9"),
    ("A型（RhD未标明）", "A (RhD not specified)", Abo.A, Rh.UNKNOWN, "66 A2 A3 A4 A5 A7 A8 A9"),
    ("B型（RhD未标明）", "B (RhD not specified)", Abo.B, Rh.UNKNOWN, "77 B2 B3 B4 B5 B7 B8 B9"),
    ("AB型（RhD未标明）", "AB (RhD not specified)", Abo.AB, Rh.UNKNOWN, "88 C2 C3 C4 C5 C7 C8 C9"),
    # Bombay and para-Bombay have no usable ABO group: they are never compared
    # with the platform's ABO, only shown.
    (
        "类孟买型 RhD阴性",
        "para-Bombay, RhD negative",
        Abo.UNKNOWN,
        Rh.NEGATIVE,
        "D6 D2 D3 D4 D5 D7 D8 D9",
    ),
    (
        "类孟买型 RhD阳性",
        "para-Bombay, RhD positive",
        Abo.UNKNOWN,
        Rh.POSITIVE,
        "E6 E2 E3 E4 E5 E7 E8 E9",
    ),
    ("孟买型 RhD阴性", "Bombay, RhD negative", Abo.UNKNOWN, Rh.NEGATIVE, "G6 G2 G3 G4 G5 G7 G8 G9"),
    ("孟买型 RhD阳性", "Bombay, RhD positive", Abo.UNKNOWN, Rh.POSITIVE, "H6 H2 H3 H4 H5 H7 H8 H9"),
    (
        "O型类孟买 RhD阴性",
        "O para-Bombay, RhD negative",
        Abo.O,
        Rh.NEGATIVE,
        "I6 I2 I3 I4 I5 I7 I8 I9",
    ),
    (
        "O型类孟买 RhD阳性",
        "O para-Bombay, RhD positive",
        Abo.O,
        Rh.POSITIVE,
        "J6 J2 J3 J4 J5 J7 J8 J9",
    ),
    (
        "A型类孟买 RhD阴性",
        "A para-Bombay, RhD negative",
        Abo.A,
        Rh.NEGATIVE,
        "K6 K2 K3 K4 K5 K7 K8 K9",
    ),
    (
        "B型类孟买 RhD阴性",
        "B para-Bombay, RhD negative",
        Abo.B,
        Rh.NEGATIVE,
        "L6 L2 L3 L4 L5 L7 L8 L9",
    ),
    (
        "AB型类孟买 RhD阴性",
        "AB para-Bombay, RhD negative",
        Abo.AB,
        Rh.NEGATIVE,
        "M6 M2 M3 M4 M5 M7 M8 M9",
    ),
    (
        "A型类孟买 RhD阳性",
        "A para-Bombay, RhD positive",
        Abo.A,
        Rh.POSITIVE,
        "N6 N2 N3 N4 N5 N7 N8 N9",
    ),
    (
        "B型类孟买 RhD阳性",
        "B para-Bombay, RhD positive",
        Abo.B,
        Rh.POSITIVE,
        "O6 O2 O3 O4 O5 O7 O8 O9",
    ),
    (
        "AB型类孟买 RhD阳性",
        "AB para-Bombay, RhD positive",
        Abo.AB,
        Rh.POSITIVE,
        "Q6 Q2 Q3 Q4 Q5 Q7 Q8 Q9",
    ),
    ("A型，RhD混合（混合制品）", "Group A, pooled RhD", Abo.A, Rh.UNKNOWN, "A0"),
    ("B型，RhD混合（混合制品）", "Group B, pooled RhD", Abo.B, Rh.UNKNOWN, "B0"),
    ("AB型，RhD混合（混合制品）", "Group AB, pooled RhD", Abo.AB, Rh.UNKNOWN, "C0"),
    ("O型，RhD混合（混合制品）", "Group O, pooled RhD", Abo.O, Rh.UNKNOWN, "D0"),
    ("ABO混合，RhD阳性", "Pooled ABO, RhD positive", Abo.UNKNOWN, Rh.POSITIVE, "E0"),
    ("ABO混合，RhD阴性", "Pooled ABO, RhD negative", Abo.UNKNOWN, Rh.NEGATIVE, "F0"),
    ("ABO混合，RhD混合", "Pooled ABO, pooled RhD", Abo.UNKNOWN, Rh.UNKNOWN, "G0"),
    ("ABO混合（RhD未标明）", "Pooled ABO (RhD not specified)", Abo.UNKNOWN, Rh.UNKNOWN, "H0"),
    ("A1型", "A1", Abo.A, Rh.UNKNOWN, "I0"),
    ("A2型", "A2", Abo.A, Rh.UNKNOWN, "J0"),
    ("A1B型", "A1B", Abo.AB, Rh.UNKNOWN, "K0"),
    ("A2B型", "A2B", Abo.AB, Rh.UNKNOWN, "L0"),
)


def _build_groups() -> dict[str, BloodGroupEntry]:
    entries: dict[str, BloodGroupEntry] = {}
    for name_zh, name_en, abo, rh, codes in _TABLE_4:
        # Pooled rows fill only the first (default) column.
        for code, use in zip(codes.split(), _COLUMNS, strict=False):
            entries[code] = BloodGroupEntry(
                code=code, name=bi(name_zh, name_en), abo=abo, rh=rh, use=use
            )
    return entries


BLOOD_GROUPS: dict[str, BloodGroupEntry] = _build_groups()


class SpecialMessage(BaseModel):
    """One row of Table 5: a status in place of a blood group."""

    model_config = ConfigDict(frozen=True)

    code: str
    meaning: Bilingual
    do_not_use: bool
    autologous: bool = False  # for the donor-patient only
    tissue_only: bool = False
    rh: Rh = Rh.UNKNOWN


SPECIAL_MESSAGES: dict[str, SpecialMessage] = {
    message.code: message
    for message in (
        SpecialMessage(
            code="00",
            meaning=bi("无 ABO 和 Rh 信息", "No ABO or Rh information is available"),
            do_not_use=False,
        ),
        SpecialMessage(
            code="Ma",
            meaning=bi("自体采集", "Autologous collection"),
            do_not_use=False,
            autologous=True,
        ),
        SpecialMessage(code="Mb", meaning=bi("生物危害", "Biohazardous"), do_not_use=True),
        SpecialMessage(
            code="Md", meaning=bi("报废（须销毁）", "Discard (to be destroyed)"), do_not_use=True
        ),
        SpecialMessage(
            code="Mf", meaning=bi("仅供血浆分离", "For fractionation use only"), do_not_use=True
        ),
        SpecialMessage(
            code="Mq",
            meaning=bi(
                "隔离/待进一步检测或处理", "Quarantine/hold for further testing or processing"
            ),
            do_not_use=True,
        ),
        SpecialMessage(code="Mr", meaning=bi("仅供科研", "For research use only"), do_not_use=True),
        SpecialMessage(
            code="Mx",
            meaning=bi("检测结果不合格，不得输注", "Not for transfusion based on test results"),
            do_not_use=True,
        ),
        SpecialMessage(
            code="T1",
            meaning=bi("ABO 未标明，RhD 阳性（仅组织）", "ABO not specified, RhD positive"),
            do_not_use=False,
            tissue_only=True,
            rh=Rh.POSITIVE,
        ),
        SpecialMessage(
            code="T2",
            meaning=bi("ABO 未标明，RhD 阴性（仅组织）", "ABO not specified, RhD negative"),
            do_not_use=False,
            tissue_only=True,
            rh=Rh.NEGATIVE,
        ),
        SpecialMessage(
            code="T3",
            meaning=bi("ABO 未标明，RhD 未标明（仅组织）", "ABO not specified, RhD not specified"),
            do_not_use=False,
            tissue_only=True,
        ),
        # A quarantined or unsterilised tissue is no more releasable than a
        # quarantined blood unit, so T4 and T6 are refused like Mq.
        SpecialMessage(
            code="T4",
            meaning=bi("自体采集/隔离中（仅组织）", "Autologous collection/in quarantine"),
            do_not_use=True,
            tissue_only=True,
        ),
        SpecialMessage(
            code="T5",
            meaning=bi("产品状态见外包装（仅组织）", "See outer packaging for product status"),
            do_not_use=False,
            tissue_only=True,
        ),
        SpecialMessage(
            code="T6",
            meaning=bi("放行前须灭菌（仅组织）", "Must be sterilized before release"),
            do_not_use=True,
            tissue_only=True,
        ),
    )
}


class AntigenResult(StrEnum):
    POSITIVE = "+"
    NEGATIVE = "-"
    NO_INFORMATION = "?"


class Phenotype(BaseModel):
    """One row of Table 6: the `r` character of `=%ggre` decoded."""

    model_config = ConfigDict(frozen=True)

    code: str
    kell: AntigenResult | None = None
    rh_antigens: str | None = None  # e.g. "C-c+E-e+", "?" where not tested
    mia_mur: AntigenResult | None = None
    special_testing: bool = False

    @property
    def meaning(self) -> Bilingual:
        if self.special_testing:
            return bi(
                "另有特殊检测条码，须扫描并判读",
                "Special Testing bar code present and must be scanned and interpreted",
            )
        if self.mia_mur is not None:
            word = _RESULT_WORDS[self.mia_mur]
            return bi(f"Mia/Mur {word.zh}", f"Mia/Mur {word.en}")
        kell = _RESULT_WORDS[self.kell or AntigenResult.NO_INFORMATION]
        rh = _RESULT_WORDS[AntigenResult.NO_INFORMATION]
        if self.rh_antigens is not None:
            rh = bi(self.rh_antigens, self.rh_antigens)
        return bi(f"Kell {kell.zh}；Rh 表型 {rh.zh}", f"Kell {kell.en}; Rh phenotype {rh.en}")


_RESULT_WORDS = {
    AntigenResult.POSITIVE: bi("阳性", "positive"),
    AntigenResult.NEGATIVE: bi("阴性", "negative"),
    AntigenResult.NO_INFORMATION: bi("无信息", "no information"),
}

# (r with no Kell information, r for K-negative, r for K-positive, C c E e).
_TABLE_6 = (
    ("0", "S", "T", "????"),
    ("1", "A", "J", "-+-+"),
    ("2", "B", "K", "++-+"),
    ("3", "C", "L", "++++"),
    ("4", "D", "M", "+++-"),
    ("5", "E", "N", "-+++"),
    ("6", "F", "O", "-++-"),
    ("7", "G", "P", "+--+"),
    ("8", "H", "Q", "+-++"),
    ("9", "I", "R", "+-+-"),
    ("X", "Y", "Z", "-?-?"),
)


def _build_phenotypes() -> dict[str, Phenotype]:
    kell_columns = (AntigenResult.NO_INFORMATION, AntigenResult.NEGATIVE, AntigenResult.POSITIVE)
    phenotypes: dict[str, Phenotype] = {}
    for *codes, signs in _TABLE_6:
        antigens = None
        if signs != "????":
            antigens = "".join(f"{name}{sign}" for name, sign in zip("CcEe", signs, strict=True))
        for code, kell in zip(codes, kell_columns, strict=True):
            phenotypes[code] = Phenotype(code=code, kell=kell, rh_antigens=antigens)
    phenotypes["U"] = Phenotype(code="U", mia_mur=AntigenResult.NEGATIVE)
    phenotypes["V"] = Phenotype(code="V", mia_mur=AntigenResult.POSITIVE)
    phenotypes["W"] = Phenotype(code="W", special_testing=True)
    return phenotypes


PHENOTYPES: dict[str, Phenotype] = _build_phenotypes()
