"""The platform's code tables (数据字典), as enums whose values are the exact wire codes.

String codes (Rh "1", card type "01", …) are `StrEnum`s and numeric ones (receive
type 151, transfusion property 1, …) `IntEnum`s, so that a model dumped to JSON
carries each code with the type the platform expects. Every member has a
Chinese and an English label for the UI.

The transfusion-reason table (WS 363.3-2011 DE06.00.107.00) is cut off in the
source after its first row, so it is a dictionary a site can extend
(`TransfusionReasons`) rather than an enum.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Mapping
from enum import Enum, IntEnum, StrEnum
from typing import Any, NamedTuple

from desktop.domain.errors import DomainValueError, shown


class Label(NamedTuple):
    """The name of a code, in Chinese (the counter's language) and English."""

    zh: str
    en: str


# Keyed by (enum class, code) rather than by member: members of a StrEnum are
# equal to their codes, so Sex.MALE and HistoryMark.NO ("1") would collide.
# Filled by `_labels` right after each enum, so that a member without a label
# fails at import, not when the UI first shows it.
_LABELS: dict[tuple[type[Enum], object], Label] = {}


def label_of(code: Enum) -> Label:
    """The label of any member of these code tables."""
    return _LABELS[type(code), code.value]


class LabelledStrEnum(StrEnum):
    """A code table whose wire codes are strings."""

    @property
    def label_zh(self) -> str:
        return label_of(self).zh

    @property
    def label_en(self) -> str:
        return label_of(self).en


class LabelledIntEnum(IntEnum):
    """A code table whose wire codes are numbers."""

    @property
    def label_zh(self) -> str:
        return label_of(self).zh

    @property
    def label_en(self) -> str:
        return label_of(self).en


def _labels(enum_cls: type[Enum], labels: Mapping[str | int, tuple[str, str]]) -> None:
    if {member.value for member in enum_cls} != set(labels):
        raise RuntimeError(f"{enum_cls.__name__}: labels do not match the codes")
    for value, (zh, en) in labels.items():
        _LABELS[enum_cls, value] = Label(zh, en)


class Abo(LabelledStrEnum):
    """ABO blood group (ABO血型)."""

    A = "A"
    B = "B"
    O = "O"  # noqa: E741 - the blood group's own name
    AB = "AB"
    UNKNOWN = "不详"


_labels(
    Abo,
    {
        "A": ("A型", "Group A"),
        "B": ("B型", "Group B"),
        "O": ("O型", "Group O"),
        "AB": ("AB型", "Group AB"),
        "不详": ("不详", "Unknown"),
    },
)


class Rh(LabelledStrEnum):
    """Rh(D) blood group (Rh血型, WS 363.9-2011)."""

    NEGATIVE = "1"
    POSITIVE = "2"
    UNKNOWN = "3"


_labels(
    Rh,
    {"1": ("Rh阴性", "Rh negative"), "2": ("Rh阳性", "Rh positive"), "3": ("不详", "Unknown")},
)


class IdentityDocument(LabelledStrEnum):
    """Patient identity document type (证件类型, WS 364.3-2011), wire field `cardtype`."""

    RESIDENT_ID_CARD = "01"
    HOUSEHOLD_REGISTER = "02"
    PASSPORT = "03"
    OFFICER_CARD = "04"
    DRIVING_LICENCE = "05"
    HK_MACAU_PERMIT = "06"
    TAIWAN_PERMIT = "07"
    OTHER = "99"


_labels(
    IdentityDocument,
    {
        "01": ("居民身份证", "Resident identity card"),
        "02": ("居民户口簿", "Household register"),
        "03": ("护照", "Passport"),
        "04": ("军官证", "Military officer card"),
        "05": ("驾驶证", "Driving licence"),
        "06": (
            "港澳居民来往内地通行证",
            "Mainland travel permit for Hong Kong and Macao residents",
        ),
        "07": ("台湾居民来往内地通行证", "Mainland travel permit for Taiwan residents"),
        "99": ("其他法定有效证件", "Other legal identity document"),
    },
)


class Sex(LabelledStrEnum):
    """Sex (性别, GB/T 2261.1-2003)."""

    UNKNOWN = "0"
    MALE = "1"
    FEMALE = "2"
    UNSTATED = "9"


_labels(
    Sex,
    {
        "0": ("未知的性别", "Unknown"),
        "1": ("男性", "Male"),
        "2": ("女性", "Female"),
        "9": ("未说明的性别", "Not stated"),
    },
)


class AgeUnit(LabelledStrEnum):
    """Unit of the patient's age (年龄单位), wire field `ageType`."""

    YEARS = "0"
    MONTHS = "1"
    DAYS = "2"


_labels(AgeUnit, {"0": ("岁", "years"), "1": ("月", "months"), "2": ("天", "days")})


class TransfusionProperty(LabelledIntEnum):
    """Urgency of a transfusion request (输血性质, NUMBER(1))."""

    PREPARE = 1
    ROUTINE = 2
    EMERGENCY = 3


_labels(
    TransfusionProperty,
    {1: ("备血", "Prepare in advance"), 2: ("常规", "Routine"), 3: ("紧急", "Emergency")},
)


class FacilityType(LabelledStrEnum):
    """Kind of institution in the facility dictionary (机构类型)."""

    BLOOD_STATION = "BLOOD_STATION"
    BLOOD_BRANCH = "BLOOD_BRANCH"
    MUNICIPAL_BAO = "MUNICIPAL_BAO"
    DISTRICT_BAO = "DISTRICT_BAO"
    HOSPITAL = "HOSPITAL"


_labels(
    FacilityType,
    {
        "BLOOD_STATION": ("中心血站", "Central blood station"),
        "BLOOD_BRANCH": ("分站", "Blood station branch"),
        "MUNICIPAL_BAO": ("市献血办", "Municipal blood donation office"),
        "DISTRICT_BAO": ("区献血办", "District blood donation office"),
        "HOSPITAL": ("医院", "Hospital"),
    },
)


class ReceiveType(LabelledIntEnum):
    """Business type of a receipt into hospital stock (入库业务类型)."""

    FROM_BLOOD_STATION = 151
    TRANSFER_IN = 1001
    DEPARTMENT_RETURN = 1006


_labels(
    ReceiveType,
    {
        151: ("血站发血入库", "Received from the blood station"),
        1001: ("医院调拨入库", "Transferred in from another hospital"),
        1006: ("科室退血入库", "Returned by a clinical department"),
    },
)


class TakeoutType(LabelledIntEnum):
    """Business type of an outflow from hospital stock (出库业务类型)."""

    CLINICAL_USE = 1005
    TRANSFER_OUT = 1002
    SCRAPPED = 1007
    RETURN_TO_STATION = 252


_labels(
    TakeoutType,
    {
        1005: ("临床用血出库", "Issued for clinical use"),
        1002: ("调拨出库", "Transferred out to another hospital"),
        1007: ("报废", "Scrapped"),
        252: ("退回血站", "Returned to the blood station"),
    },
)


class Dependency(LabelledStrEnum):
    """Where the patient is registered (患者属地)."""

    LOCAL = "1"
    OUT_OF_TOWN = "2"
    OTHER = "3"


_labels(
    Dependency,
    {"1": ("本市", "Shanghai"), "2": ("外埠", "Outside Shanghai"), "3": ("其他", "Other")},
)


class VisitKind(LabelledStrEnum):
    """Outpatient, emergency or inpatient visit (门诊住院标识), wire field `opEmHpMark`."""

    OUTPATIENT = "1"
    EMERGENCY = "2"
    INPATIENT = "3"


_labels(
    VisitKind,
    {"1": ("门诊", "Outpatient"), "2": ("急诊", "Emergency"), "3": ("住院", "Inpatient")},
)


class HistoryMark(LabelledStrEnum):
    """Yes/no/unknown for a patient history (transHisMark, reacHisMark, gestHisMark)."""

    NO = "1"
    YES = "2"
    UNKNOWN = "9"


_labels(HistoryMark, {"1": ("无", "No"), "2": ("有", "Yes"), "9": ("不详", "Unknown")})


class TransfusionReasons(Mapping[str, Label]):
    """The transfusion-reason dictionary (输血原因, WS 363.3-2011 DE06.00.107.00): code → label.

    The source lists only the first code before it is cut off; a site loads the
    rest (from its configuration) with `extended`. Immutable, so one instance
    can be shared by every form.
    """

    DEFAULTS: Mapping[str, Label] = {"0": Label("既往输血原因", "Previous transfusion reason")}

    def __init__(self, entries: Mapping[str, Label] | None = None) -> None:
        self._entries = dict(self.DEFAULTS if entries is None else entries)

    def extended(self, mapping: Mapping[Any, object]) -> TransfusionReasons:
        """A copy with `mapping`'s entries added or replaced.

        Each value is a Chinese label, a `(zh, en)` pair, or a mapping with `zh`
        and `en` keys (the shape of a JSON configuration file). A label without
        English shows its Chinese in the English UI.
        """
        entries = dict(self._entries)
        for code, value in mapping.items():
            entries[_reason_code(code)] = _reason_label(code, value)
        return TransfusionReasons(entries)

    def __getitem__(self, code: str) -> Label:
        return self._entries[code]

    def __iter__(self) -> Iterator[str]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)


def _reason_code(code: object) -> str:
    text = str(code).strip() if isinstance(code, str | int) and not isinstance(code, bool) else ""
    if not text:
        raise DomainValueError(
            f"输血原因代码 {shown(code)} 无效：代码须为非空文字或数字，请检查输血原因字典配置。",
            f"Invalid transfusion-reason code {shown(code)}: use a non-empty text or number; "
            "check the transfusion-reason dictionary configuration.",
        )
    return text


def _reason_label(code: object, value: object) -> Label:
    zh: object = None
    en: object = None
    if isinstance(value, str):
        zh, en = value, value
    elif isinstance(value, Mapping):
        zh, en = value.get("zh"), value.get("en", value.get("zh"))
    elif isinstance(value, tuple | list) and len(value) == 2:
        zh, en = value
    if not (isinstance(zh, str) and zh.strip() and isinstance(en, str) and en.strip()):
        raise DomainValueError(
            f"输血原因 {shown(code)} 的名称无效：请填写中文名称，可另附英文名称。",
            f"Invalid label for transfusion reason {shown(code)}: give a Chinese label "
            "and optionally an English one.",
        )
    return Label(zh.strip(), en.strip())


def _fold(text: str) -> str:
    """Full-width to half-width, lower case, no spaces: the form a label is matched in."""
    return "".join(unicodedata.normalize("NFKC", text).split()).lower()


_ABO_WORDS: Mapping[str, Abo] = {
    **{group.value.lower(): group for group in Abo},
    **{f"{group.value.lower()}型": group for group in (Abo.A, Abo.B, Abo.O, Abo.AB)},
    "未知": Abo.UNKNOWN,
    "unknown": Abo.UNKNOWN,
}

_RH_WORDS: Mapping[str, Rh] = {
    **dict.fromkeys(("1", "-", "阴性", "阴", "neg", "negative"), Rh.NEGATIVE),
    **dict.fromkeys(("2", "+", "阳性", "阳", "pos", "positive"), Rh.POSITIVE),
    **dict.fromkeys(("3", "不详", "未知", "unknown"), Rh.UNKNOWN),
}

# Longest first, so that "rh(d)阴性" loses "rh(d)" and not just "rh".
_RH_PREFIXES = ("rh(d)", "rhd", "rh")


def parse_abo(value: object) -> Abo:
    """The ABO group written in `value`: a code (`A`, `ab`, `不详`), or `O型`, `未知`, `unknown`.

    Raises DomainValueError for anything else.
    """
    if isinstance(value, Abo):
        return value
    group = _ABO_WORDS.get(_fold(value)) if isinstance(value, str) else None
    if group is None:
        raise DomainValueError(
            f"无法识别的ABO血型 {shown(value)}：请填写 A、B、O、AB 或 不详。",
            f"Unrecognised ABO group {shown(value)}: use A, B, O, AB or 不详 (unknown).",
        )
    return group


def parse_rh(value: object) -> Rh:
    """The Rh(D) group written in `value`: a code 1/2/3, `阴性`, `Rh(D)阳性`, `+`, `neg`, ….

    Raises DomainValueError for anything else.
    """
    if isinstance(value, Rh):
        return value
    group = _RH_WORDS.get(_strip_rh_prefix(_fold(value))) if isinstance(value, str) else None
    if isinstance(value, int) and not isinstance(value, bool):
        group = _RH_WORDS.get(str(value))
    if group is None:
        raise DomainValueError(
            f"无法识别的Rh血型 {shown(value)}：请填写 1（阴性）、2（阳性）或 3（不详）。",
            f"Unrecognised Rh group {shown(value)}: use 1 (negative), 2 (positive) or 3 (unknown).",
        )
    return group


def _strip_rh_prefix(text: str) -> str:
    for prefix in _RH_PREFIXES:
        if text.startswith(prefix) and len(text) > len(prefix):
            return text[len(prefix) :]
    return text
