"""Is this bag safe for this patient? ABO and RhD compatibility of a clinical issue (1005).

Which groups may be given depends on the component (成分), so the product is
first put in a `ComponentClass`, from the names of its 中类 and 大类 (any
platform's dictionary says 红细胞, 血浆, 血小板, 冷沉淀 or 全血 somewhere), and
then `check_compatibility` applies that component's rule.

The rules, and where they come from (《临床输血技术规范》, 卫医发〔2000〕184号,
"技术规范" below, which WS/T 623-2018《全血和成分血使用》 builds on; the
tables are the standard donor/recipient ones, e.g. Australian Red Cross
Lifeblood's "Plasma compatibility"):

- Red cells contain the donor's A/B antigens, so the patient's plasma must not
  hold the matching antibody (主侧相容): O ← O; A ← A, O; B ← B, O; AB ← all.
- Plasma and cryoprecipitate contain the donor's anti-A/anti-B, so the donor
  must not hold antibodies against the patient's cells (次侧相容), the reverse
  table: O ← all; A ← A, AB; B ← B, AB; AB ← AB. (Lifeblood allows A plasma
  for an AB patient when AB is short; we do not.)
- Whole blood carries both cells and antibodies: only ABO-identical.
- Apheresis platelets are to be ABO-identical (技术规范: 机器单采浓缩血小板应ABO
  血型同型输注). Shortage makes non-identical platelets common practice; what
  matters is the donor plasma (ASH Education Program 2020, "Does ABO and RhD
  matching matter for platelet transfusion?"): platelets whose plasma suits the
  patient only count less, those whose plasma holds antibodies against the
  patient's cells have caused haemolysis.
- ABO-identical is preferred for every component (同型输注); a compatible but
  not identical group is the exception, so the clerk confirms it.
- RhD (技术规范 第十条: RhD-negative patients get autologous, identical or
  compatible blood): an RhD-negative patient receiving RhD-positive cellular
  products (whole blood, red cells, platelets, which carry red cells) may be
  alloimmunised; it is allowed only in an emergency, for a patient without
  anti-D, with consent, so it needs an override with a written reason. Plasma
  and cryoprecipitate are given without regard to RhD.

Decisions where the sources leave it to us, each the safer reading:

- A bag whose ABO group is 不详 is refused whatever the component: its label
  cannot be checked against the patient. A bag whose RhD is 不详 is refused for
  products with red cells; an RhD-unknown platelet bag counts as positive.
- A patient whose RhD is 不详 counts as RhD-negative.
- A patient whose ABO group is 不详 (an emergency before typing) may receive
  only the component's universal donor group (O red cells; AB plasma,
  cryoprecipitate, platelets), with an override.
- A product whose class cannot be told (`OTHER`, e.g. granulocytes or a code
  missing from the dictionary) must be ABO-identical and is treated as
  containing red cells for RhD; even then the clerk confirms it.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import IntEnum, StrEnum

from desktop.domain.codes import Abo, Label, Rh
from desktop.domain.models.dictionaries import Blood, BloodSubType, BloodType


class ComponentClass(StrEnum):
    """What a product is, as far as ABO/RhD compatibility goes."""

    WHOLE_BLOOD = "whole_blood"
    RED_CELLS = "red_cells"
    PLASMA = "plasma"
    PLATELETS = "platelets"
    CRYO = "cryo"
    OTHER = "other"

    @property
    def label(self) -> Label:
        return _COMPONENT_LABELS[self]


_COMPONENT_LABELS: Mapping[ComponentClass, Label] = {
    ComponentClass.WHOLE_BLOOD: Label("全血", "whole blood"),
    ComponentClass.RED_CELLS: Label("红细胞", "red cells"),
    ComponentClass.PLASMA: Label("血浆", "plasma"),
    ComponentClass.PLATELETS: Label("血小板", "platelets"),
    ComponentClass.CRYO: Label("冷沉淀", "cryoprecipitate"),
    ComponentClass.OTHER: Label("未能识别的血液成分", "unidentified component"),
}

# First match wins, so the order matters: "去冷沉淀血浆" (cryo-poor plasma) is a
# plasma although it says 冷沉淀, and "悬浮红细胞（200mL全血制备）" is red cells
# although it says 全血. Keys are folded as `_fold` folds the names.
_KEYWORDS: tuple[tuple[str, ComponentClass], ...] = (
    ("去冷沉淀", ComponentClass.PLASMA),
    ("冷上清", ComponentClass.PLASMA),
    ("cryoprecipitatereduced", ComponentClass.PLASMA),
    ("cryo-poor", ComponentClass.PLASMA),
    ("cryopoor", ComponentClass.PLASMA),
    ("cryosupernatant", ComponentClass.PLASMA),
    ("冷沉淀", ComponentClass.CRYO),
    ("cryo", ComponentClass.CRYO),
    ("血小板", ComponentClass.PLATELETS),
    ("platelet", ComponentClass.PLATELETS),
    ("红细胞", ComponentClass.RED_CELLS),
    ("redcell", ComponentClass.RED_CELLS),
    ("redbloodcell", ComponentClass.RED_CELLS),
    ("血浆", ComponentClass.PLASMA),
    ("plasma", ComponentClass.PLASMA),
    ("全血", ComponentClass.WHOLE_BLOOD),
    ("wholeblood", ComponentClass.WHOLE_BLOOD),
)


def _fold(text: str) -> str:
    """Full-width to half-width, lower case, no spaces: the form names are matched in."""
    return "".join(unicodedata.normalize("NFKC", text).split()).lower()


def component_class_of_names(*names: str | None) -> ComponentClass:
    """The class the first of `names` that says one, most specific name first.

    `OTHER` when none does (granulocytes, an unnamed product).
    """
    for name in names:
        if not name:
            continue
        folded = _fold(name)
        for keyword, component in _KEYWORDS:
            if keyword in folded:
                return component
    return ComponentClass.OTHER


class ProductClassifier:
    """The component class of a product, or of a bag's product code, from the dictionaries.

    Built once from `listAllBlood`, `listAllBloodSubType` and `listAllBloodType`.
    A product code missing from the dictionary is classed by its ISBT 128 product
    description code (its first five characters, e.g. `E3090`), which divisions
    and collection types of one component share, when the dictionary's products
    with that description code agree on one class. The description code alone is
    never decoded: ICCBBA assigns them in no per-component ranges, and its
    database is licensed and not shipped (see `isbt128.products`).
    """

    def __init__(
        self,
        bloods: Iterable[Blood],
        sub_types: Iterable[BloodSubType],
        types: Iterable[BloodType],
    ) -> None:
        self._sub_type_names = {row.id: row.name for row in sub_types}
        self._type_names = {row.id: row.name for row in types}
        self._by_code: dict[str, ComponentClass] = {}
        by_description: dict[str, set[ComponentClass]] = {}
        for product in bloods:
            component = self.classify(product)
            self._by_code[product.id] = component
            by_description.setdefault(product.id[:5], set()).add(component)
        self._by_description = {
            code: classes.pop() for code, classes in by_description.items() if len(classes) == 1
        }

    def classify(self, product: Blood) -> ComponentClass:
        """From the product's 中类 name, else its 大类 name, else its own names."""
        return component_class_of_names(
            self._sub_type_names.get(product.sub_type) if product.sub_type is not None else None,
            self._type_names.get(product.type) if product.type is not None else None,
            product.full_name,
            product.short_name,
        )

    def classify_code(self, product_code: str | None) -> ComponentClass:
        """The class of a bag's `bloodId`; `OTHER` when the dictionary cannot tell."""
        code = (product_code or "").strip()
        found = self._by_code.get(code)
        if found is not None:
            return found
        return self._by_description.get(code[:5], ComponentClass.OTHER)


class CompatibilityLevel(IntEnum):
    """How far a bag may go to the patient; a higher level is a stricter one."""

    OK = 0
    WARNING = 1
    """May be issued once the clerk confirms, having read the reason."""
    NEEDS_OVERRIDE = 2
    """May be issued only with a written reason, which the counter audits."""
    REFUSED = 3
    """Must not be issued to this patient."""


@dataclass(frozen=True, slots=True)
class CompatibilityVerdict:
    """The verdict on one bag for one patient, with why, in Chinese and English."""

    level: CompatibilityLevel
    reason_zh: str
    reason_en: str

    def permits_issue(self, *, confirmed: bool = False, override_reason: str | None = None) -> bool:
        """Whether the bag may be issued, given what the clerk did about the verdict."""
        if self.level is CompatibilityLevel.OK:
            return True
        if self.level is CompatibilityLevel.WARNING:
            return confirmed
        if self.level is CompatibilityLevel.NEEDS_OVERRIDE:
            return bool(override_reason and override_reason.strip())
        return False


_A, _B, _O, _AB = Abo.A, Abo.B, Abo.O, Abo.AB

# Donor groups whose red cells each recipient group tolerates (主侧相容).
_RED_CELL_DONORS: Mapping[Abo, frozenset[Abo]] = {
    _O: frozenset({_O}),
    _A: frozenset({_A, _O}),
    _B: frozenset({_B, _O}),
    _AB: frozenset({_AB, _A, _B, _O}),
}
# Donor groups whose plasma each recipient group tolerates (次侧相容): the reverse.
_PLASMA_DONORS: Mapping[Abo, frozenset[Abo]] = {
    _O: frozenset({_O, _A, _B, _AB}),
    _A: frozenset({_A, _AB}),
    _B: frozenset({_B, _AB}),
    _AB: frozenset({_AB}),
}
# The one group each component may be given in before the patient is typed.
_UNIVERSAL_DONOR: Mapping[ComponentClass, Abo] = {
    ComponentClass.RED_CELLS: _O,
    ComponentClass.PLASMA: _AB,
    ComponentClass.CRYO: _AB,
    ComponentClass.PLATELETS: _AB,
}
# Components whose RhD matters: they carry red cells (platelets a few, enough to
# immunise); `OTHER` is assumed to, as the safer guess.
_CELLULAR = frozenset(
    {
        ComponentClass.WHOLE_BLOOD,
        ComponentClass.RED_CELLS,
        ComponentClass.PLATELETS,
        ComponentClass.OTHER,
    }
)
_RH_LABEL_REQUIRED = _CELLULAR - {ComponentClass.PLATELETS}
_IDENTICAL_ONLY = frozenset({ComponentClass.WHOLE_BLOOD, ComponentClass.OTHER})


@dataclass(frozen=True, slots=True)
class _Finding:
    """One rule's answer; its texts are clauses the verdict joins into one sentence."""

    level: CompatibilityLevel
    zh: str
    en: str


def check_compatibility(
    patient_abo: Abo, patient_rh: Rh, bag_abo: Abo, bag_rh: Rh, component: ComponentClass
) -> CompatibilityVerdict:
    """May a bag of `bag_abo`/`bag_rh` `component` be issued to this patient? Never raises."""
    findings = [
        _abo_finding(patient_abo, bag_abo, component),
        _rh_finding(patient_rh, bag_rh, component),
        _class_finding(component),
    ]
    # The problems, worst first; when there is none, what was checked.
    shown = [finding for finding in findings if finding.level > CompatibilityLevel.OK] or findings
    shown.sort(key=lambda finding: finding.level, reverse=True)
    return CompatibilityVerdict(
        level=shown[0].level,
        reason_zh="；".join(finding.zh for finding in shown if finding.zh) + "。",
        reason_en="; ".join(finding.en for finding in shown if finding.en) + ".",
    )


def _class_finding(component: ComponentClass) -> _Finding:
    if component is not ComponentClass.OTHER:
        return _Finding(CompatibilityLevel.OK, "", "")
    return _Finding(
        CompatibilityLevel.WARNING,
        "未能识别血液成分类别，已按须ABO同型、含红细胞核对：请确认血液品种",
        "The component could not be identified and was checked as needing ABO identity and "
        "containing red cells: confirm the product",
    )


def _abo_finding(patient: Abo, bag: Abo, component: ComponentClass) -> _Finding:
    if bag is Abo.UNKNOWN:
        return _Finding(
            CompatibilityLevel.REFUSED,
            "血袋ABO血型不详，不得发血：请核对血袋标签并更正血袋信息",
            "The bag's ABO group is unknown: do not issue it; check its label and correct "
            "the bag's record",
        )
    if patient is Abo.UNKNOWN:
        return _untyped_patient(bag, component)
    what = component.label
    pair_zh = f"{patient.label_zh}患者，{bag.label_zh}{what.zh}"
    pair_en = f"{bag.label_en} {what.en} for a {patient.label_en} patient"
    if bag is patient:
        return _Finding(
            CompatibilityLevel.OK, f"ABO同型（{pair_zh}）", f"ABO identical ({pair_en})"
        )
    return _mismatch(_non_identical_level(patient, bag, component), component, pair_zh, pair_en)


def _non_identical_level(patient: Abo, bag: Abo, component: ComponentClass) -> CompatibilityLevel:
    if component is ComponentClass.RED_CELLS:
        tolerated, otherwise = _RED_CELL_DONORS[patient], CompatibilityLevel.REFUSED
    elif component in (ComponentClass.PLASMA, ComponentClass.CRYO):
        tolerated, otherwise = _PLASMA_DONORS[patient], CompatibilityLevel.REFUSED
    elif component is ComponentClass.PLATELETS:
        # Platelets the patient's antibodies meet only count less; it is donor plasma
        # against the patient's cells that may haemolyse, so that calls for a reason.
        tolerated, otherwise = _PLASMA_DONORS[patient], CompatibilityLevel.NEEDS_OVERRIDE
    else:
        return CompatibilityLevel.REFUSED  # whole blood, and a product we cannot class
    return CompatibilityLevel.WARNING if bag in tolerated else otherwise


def _mismatch(
    level: CompatibilityLevel, component: ComponentClass, pair_zh: str, pair_en: str
) -> _Finding:
    """What a non-identical ABO group means, at the level its rule gave it."""
    what = component.label
    if level is CompatibilityLevel.WARNING:
        return _Finding(
            level,
            f"相容但非同型（{pair_zh}）：同型优先，请确认",
            f"Compatible but not ABO identical ({pair_en}): identical is preferred; confirm",
        )
    if level is CompatibilityLevel.NEEDS_OVERRIDE:
        return _Finding(
            level,
            f"ABO非同型且供者血浆含针对患者红细胞的抗体，有溶血风险（{pair_zh}）：仅在无同型"
            "或血浆相容的血小板时发出，须填写原因",
            f"Not ABO identical, and the donor plasma holds antibodies against the patient's "
            f"red cells, a risk of haemolysis ({pair_en}): issue only when no identical or "
            "plasma-compatible platelets are available, and give the reason",
        )
    if component in _IDENTICAL_ONLY:
        return _Finding(
            level,
            f"{what.zh}须ABO同型，不得发血（{pair_zh}）",
            f"{what.en.capitalize()} must be ABO identical: do not issue ({pair_en})",
        )
    return _Finding(
        level,
        f"ABO血型不相容，不得发血（{pair_zh}）",
        f"ABO incompatible: do not issue ({pair_en})",
    )


def _untyped_patient(bag: Abo, component: ComponentClass) -> _Finding:
    """Before the patient is typed, only the component's universal donor group, and only
    in an emergency."""
    what = component.label
    universal = _UNIVERSAL_DONOR.get(component)
    if universal is None:
        only_zh, only_en = f"{what.zh}须ABO同型", f"{what.en} must be ABO identical"
    elif bag is universal:
        return _Finding(
            CompatibilityLevel.NEEDS_OVERRIDE,
            f"患者ABO血型不详：仅紧急抢救时可发{bag.label_zh}{what.zh}，须填写原因，"
            "并尽快鉴定患者血型",
            f"The patient's ABO group is unknown: {bag.label_en} {what.en} may be issued only "
            "in an emergency, with the reason given; have the patient typed at once",
        )
    else:
        only_zh = f"紧急时仅可发{universal.label_zh}{what.zh}"
        only_en = f"in an emergency only {universal.label_en} {what.en} may be issued"
    return _Finding(
        CompatibilityLevel.REFUSED,
        f"患者ABO血型不详，不得发{bag.label_zh}{what.zh}（{only_zh}）：请先鉴定患者血型",
        f"The patient's ABO group is unknown: do not issue {bag.label_en} {what.en} "
        f"({only_en}); have the patient typed first",
    )


def _rh_finding(patient: Rh, bag: Rh, component: ComponentClass) -> _Finding:
    what = component.label
    if component not in _CELLULAR:
        return _Finding(CompatibilityLevel.OK, "", "")  # plasma and cryo: RhD does not matter
    if bag is Rh.UNKNOWN and component in _RH_LABEL_REQUIRED:
        return _Finding(
            CompatibilityLevel.REFUSED,
            f"血袋RhD血型不详，不得发{what.zh}：请核对血袋标签并更正血袋信息",
            f"The bag's RhD group is unknown: do not issue {what.en}; check its label and "
            "correct the bag's record",
        )
    if bag is Rh.NEGATIVE or patient is Rh.POSITIVE:
        return _Finding(CompatibilityLevel.OK, "RhD相容", "RhD compatible")
    bag_zh = "RhD阳性" if bag is Rh.POSITIVE else "RhD不详（按阳性处理）"
    bag_en = "RhD-positive" if bag is Rh.POSITIVE else "RhD-unknown (taken as positive)"
    patient_zh = "RhD阴性" if patient is Rh.NEGATIVE else "RhD不详（按阴性处理）"
    patient_en = "RhD-negative" if patient is Rh.NEGATIVE else "RhD-unknown (taken as negative)"
    return _Finding(
        CompatibilityLevel.NEEDS_OVERRIDE,
        f"{patient_zh}患者输注{bag_zh}{what.zh}：仅限紧急抢救、患者无抗-D且经患者或家属"
        "签字同意时发出，须填写原因",
        f"{bag_en} {what.en} for an {patient_en} patient: issue only in an emergency, for a "
        "patient without anti-D, with the patient's or family's signed consent; give the "
        "reason",
    )
