"""The Donation Identification Number: data structure 001 (`=αppppyynnnnnnff`) and keyed entry.

The 13-character DIN identifies a donation; the two flag characters after it
are not part of it (ST-001 2.4.1, Table 3 [RT004]). Flags 60–96 carry the
ISO 7064 MOD 37-2 check value, which we verify; the same check character is
printed beside the DIN for keyboard entry (ST-001 7.5), which we verify too.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Literal, NamedTuple

from pydantic import BaseModel, ConfigDict

from desktop.domain.errors import DomainValueError
from desktop.domain.isbt128.bilingual import Bilingual, Row, bi, row
from desktop.domain.isbt128.checksum import FLAG_CHECK_BASE, check_character, flag_for_check
from desktop.domain.isbt128.issues import IssueCode, ScanIssue, error

DIN_LENGTH = 13
FLAGS_LENGTH = 2


class _Field(NamedTuple):
    part: slice
    pattern: re.Pattern[str]
    name: Bilingual
    rule: Bilingual


def _field(part: slice, pattern: str, name: Bilingual, rule: Bilingual) -> _Field:
    return _Field(part, re.compile(pattern), name, rule)


_DIN_FIELDS = (
    _field(
        slice(0, 1),
        r"[A-NP-Z1-9]",
        bi("机构代码首位", "first character of the facility code"),
        bi("应为 A–N、P–Z 或 1–9", "must be A–N, P–Z or 1–9"),
    ),
    _field(
        slice(1, 3),
        r"[A-NP-Z0-9]{2}",
        bi("机构代码第 2–3 位", "facility code characters 2–3"),
        bi("应为字母（不含 O）或数字", "must be letters (not O) or digits"),
    ),
    _field(
        slice(3, 5),
        r"[0-9]{2}",
        bi("机构代码第 4–5 位", "facility code characters 4–5"),
        bi("应为数字", "must be digits"),
    ),
    _field(slice(5, 7), r"[0-9]{2}", bi("年份", "year"), bi("应为 2 位数字", "must be 2 digits")),
    _field(
        slice(7, 13),
        r"[0-9]{6}",
        bi("序列号", "sequence number"),
        bi("应为 6 位数字", "must be 6 digits"),
    ),
)
_FLAGS = re.compile(r"[0-9A-HJ-NPR-Y]{2}")


class CheckVerdict(StrEnum):
    VERIFIED = "verified"
    MISMATCH = "mismatch"
    NOT_CARRIED = "not_carried"  # the flags carry something else, so there is nothing to verify

    @property
    def meaning(self) -> Bilingual:
        return _VERDICT_MEANINGS[self]


_VERDICT_MEANINGS = {
    CheckVerdict.VERIFIED: bi("校验通过", "check character verified"),
    CheckVerdict.MISMATCH: bi("校验不符", "check character does not match"),
    CheckVerdict.NOT_CARRIED: bi("条码中未携带校验值", "the bar code carries no check value"),
}


def din_problem(din: str) -> Bilingual | None:
    """Why `din` is not a well-formed 13-character DIN, or None if it is."""
    if len(din) != DIN_LENGTH:
        return bi(
            f"献血码应为 {DIN_LENGTH} 个字符，实际为 {len(din)} 个",
            f"a DIN has {DIN_LENGTH} characters, this one has {len(din)}",
        )
    for field in _DIN_FIELDS:
        value = din[field.part]
        if not field.pattern.fullmatch(value):
            return bi(
                f"献血码的{field.name.zh}“{value}”{field.rule.zh}",
                f"the DIN's {field.name.en} {value!r} {field.rule.en}",
            )
    return None


class DonationNumber(BaseModel):
    """A decoded DIN bar code (`=` + 13-character DIN + 2 flag characters)."""

    model_config = ConfigDict(frozen=True)

    kind: Literal["donation_number"] = "donation_number"
    raw: str
    din: str
    flags: str
    check_character: str
    verdict: CheckVerdict

    @property
    def title(self) -> Bilingual:
        return bi("献血码 [001]", "Donation Identification Number [001]")

    @property
    def facility(self) -> str:
        return self.din[:5]

    def describe(self) -> list[Row]:
        return [
            row(bi("献血码", "DIN"), self.din, bi("13 位献血码", "13-character DIN")),
            row(
                bi("采血机构代码", "Facility identification number"),
                self.facility,
                bi("ICCBBA 登记的机构代码", "FIN registered with ICCBBA"),
            ),
            row(
                bi("年份", "Year"),
                self.din[5:7],
                bi("名义年份的后两位", "last two digits of the nominal year"),
            ),
            row(bi("序列号", "Sequence number"), self.din[7:], bi("年内序号", "within the year")),
            row(bi("标志字符", "Flag characters"), self.flags, flag_meaning(self.flags)),
            row(
                bi("校验字符（计算）", "Check character (computed)"),
                self.check_character,
                self.verdict.meaning,
            ),
        ]


class KeyedDin(BaseModel):
    """A DIN keyed in (or scanned from eye-readable text) with its printed check character."""

    model_config = ConfigDict(frozen=True)

    kind: Literal["keyed_din"] = "keyed_din"
    raw: str
    din: str
    entered_check_character: str
    check_character: str
    verdict: CheckVerdict

    @property
    def title(self) -> Bilingual:
        return bi("手工输入的献血码", "Keyed-in DIN with check character")

    def describe(self) -> list[Row]:
        return [
            row(bi("献血码", "DIN"), self.din, bi("13 位献血码", "13-character DIN")),
            row(
                bi("输入的校验字符", "Entered check character"),
                self.entered_check_character,
                self.verdict.meaning,
            ),
            row(
                bi("应有的校验字符", "Computed check character"),
                self.check_character,
                bi("按 ISO 7064 MOD 37-2 计算", "ISO 7064 MOD 37-2"),
            ),
        ]


def flag_meaning(flags: str) -> Bilingual:
    """Table 3 [RT004]: what the two flag characters after a DIN mean."""
    if not flags.isdigit():
        return _RESERVED_FLAG
    value = int(flags)
    if value in _FIXED_FLAGS:
        return _FIXED_FLAGS[value]
    if 1 <= value <= 4 or 15 <= value <= 19:
        number = value if value <= 4 else value - 10
        return bi(f"一组容器中的第 {number} 袋", f"Container {number} of a set")
    if 20 <= value <= 59:
        return bi(
            "本地机构自定义的流程控制标志，仅在发码机构内有意义",
            "Process control flag defined by the local facility; meaningful only there",
        )
    if FLAG_CHECK_BASE <= value <= 96:
        return bi(
            f"携带 MOD 37-2 校验值 {value - FLAG_CHECK_BASE}",
            f"Carries the MOD 37-2 check value {value - FLAG_CHECK_BASE}",
        )
    return _RESERVED_FLAG


_RESERVED_FLAG = bi("预留未分配的标志", "Reserved for future assignment")
_FIXED_FLAGS = {
    0: bi("未使用标志", "Flag not used (null value)"),
    5: bi("第二张（重复）按需打印的标签", "Second (or repeated) demand-printed label"),
    6: bi("留样管标签（不是血袋标签）", "Pilot tube label (not the bag's label)"),
    7: bi("试管标签（不是血袋标签）", "Test tube label (not the bag's label)"),
    8: bi("献血者记录标签", "Donor record label"),
    9: bi("核酸检测样本管", "Sample tube for NAT testing"),
    10: bi("细菌检测样本", "Samples for bacterial testing"),
    11: bi("与血袋标签配对", "Match with unit label"),
    12: bi("固定的部分标签", "Affixed partial label"),
    13: bi("附加标签（配合固定的部分标签）", "Attached label (used with an affixed partial label)"),
    14: _RESERVED_FLAG,
}


def decode_donation_number(segment: str) -> tuple[DonationNumber | None, list[ScanIssue]]:
    """Decode `=αppppyynnnnnnff`; the DIN's first character doubles as the identifier's second."""
    content = segment[1:]
    if len(content) != DIN_LENGTH + FLAGS_LENGTH:
        return None, [
            error(
                IssueCode.WRONG_LENGTH,
                segment,
                "献血码条码应为“=”加 15 个字符（13 位献血码和 2 位标志），"
                f"实际为 {len(content)} 个。"
                "请重新扫描血袋上的献血码条码。",
                f"A DIN bar code is '=' and 15 characters (13-character DIN and 2 flags), "
                f"this one has {len(content)}. Scan the DIN bar code on the bag again.",
            )
        ]
    din, flags = content[:DIN_LENGTH], content[DIN_LENGTH:]
    problem = din_problem(din) or _flags_problem(flags)
    if problem is not None:
        return None, [_invalid(segment, problem)]
    computed, expected_flags = _check(din)
    verdict = CheckVerdict.NOT_CARRIED
    issues: list[ScanIssue] = []
    if flags.isdigit() and FLAG_CHECK_BASE <= int(flags) <= 96:
        verdict = CheckVerdict.VERIFIED if flags == expected_flags else CheckVerdict.MISMATCH
    if verdict is CheckVerdict.MISMATCH:
        issues.append(
            error(
                IssueCode.CHECK_MISMATCH,
                segment,
                f"献血码 {din} 的标志 {flags} 与校验值不符（应为 {expected_flags}）："
                "条码可能误读或标签有误。请重新扫描；仍不符则隔离此袋并联系血站。",
                f"The flags {flags} of DIN {din} do not match its check value (expected "
                f"{expected_flags}): a misread or a wrong label. Scan again; if it still does "
                "not match, set the bag aside and call the blood centre.",
            )
        )
    number = DonationNumber(
        raw=segment, din=din, flags=flags, check_character=computed, verdict=verdict
    )
    return number, issues


def _check(din: str) -> tuple[str, str]:
    """The check character and check flags of a DIN that `din_problem` has accepted."""
    character, flags = check_character(din), flag_for_check(din)
    # din_problem admits only characters of the MOD 37-2 alphabet, so both exist.
    assert character is not None
    assert flags is not None
    return character, flags


def _flags_problem(flags: str) -> Bilingual | None:
    if _FLAGS.fullmatch(flags):
        return None
    return bi(f"标志字符“{flags}”无效", f"the flag characters {flags!r} are not valid")


def _invalid(segment: str, problem: Bilingual) -> ScanIssue:
    return error(
        IssueCode.INVALID_FIELD,
        segment,
        f"不是有效的献血码：{problem.zh}。请重新扫描。",
        f"Not a valid DIN: {problem.en}. Scan it again.",
    )


def decode_keyed_din(raw: str, din: str, entered: str) -> tuple[KeyedDin, list[ScanIssue]]:
    """Verify a DIN typed with its printed check character (the caller has matched its shape)."""
    computed, _ = _check(din)
    verdict = CheckVerdict.VERIFIED if entered == computed else CheckVerdict.MISMATCH
    keyed = KeyedDin(
        raw=raw,
        din=din,
        entered_check_character=entered,
        check_character=computed,
        verdict=verdict,
    )
    if verdict is CheckVerdict.VERIFIED:
        return keyed, []
    return keyed, [
        error(
            IssueCode.CHECK_MISMATCH,
            raw,
            f"献血码 {din} 的校验字符应为 {computed}，输入的是 {entered}："
            "请对照标签上的献血码重新输入。",
            f"The check character of DIN {din} is {computed}, not {entered}: "
            "key the DIN in again from the label.",
        )
    ]


def make_din(facility: str, year: int, sequence: int) -> str:
    """A 13-character DIN for tests and the training platform, e.g. ("A9999", 2017, 123456).

    `year` may be a calendar year or its last two digits. Raises DomainValueError
    for a facility code, year or sequence number the standard does not allow.
    """
    if not 0 <= year <= 9999:
        raise DomainValueError(f"年份 {year} 无效", f"year {year} is not valid")
    if not 0 <= sequence <= 999_999:
        raise DomainValueError(
            f"序列号 {sequence} 应在 0 到 999999 之间",
            f"sequence number {sequence} must be between 0 and 999999",
        )
    din = f"{facility}{year % 100:02d}{sequence:06d}"
    problem = din_problem(din)
    if problem is not None:
        raise DomainValueError(problem.zh, problem.en)
    return din


def encode_din_barcode(din: str) -> str:
    """The DIN bar code's data as a scanner sends it: `=`, the DIN, flags carrying its check."""
    problem = din_problem(din)
    flags = flag_for_check(din)
    if problem is not None or flags is None:
        reason = problem or bi("无法计算校验值", "no check value")
        raise DomainValueError(reason.zh, reason.en)
    return f"={din}{flags}"
