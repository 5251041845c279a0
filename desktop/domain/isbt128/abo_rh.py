"""Blood Groups [ABO and RhD]: data structure 002 (`=%ggre`), decoded with the tables."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict

from desktop.domain.codes import Abo, Rh
from desktop.domain.isbt128.bilingual import Bilingual, Row, bi, row
from desktop.domain.isbt128.blood_groups import (
    BLOOD_GROUPS,
    PHENOTYPES,
    SPECIAL_MESSAGES,
    BloodGroupEntry,
    Phenotype,
    SpecialMessage,
)
from desktop.domain.isbt128.issues import IssueCode, ScanIssue, error, warning

_CONTENT_LENGTH = 4
_SHAPE = re.compile(r"[A-Za-z0-9]{2}[A-Z0-9]{2}")


class BloodGroupCode(BaseModel):
    """A decoded `=%ggre`: either a blood group (Table 4) or a special message (Table 5)."""

    model_config = ConfigDict(frozen=True)

    kind: Literal["blood_group"] = "blood_group"
    raw: str
    group: BloodGroupEntry | None = None
    special: SpecialMessage | None = None
    phenotype: Phenotype
    reserved: str

    @property
    def title(self) -> Bilingual:
        return bi("ABO/RhD 血型 [002]", "Blood Groups [ABO and RhD] [002]")

    @property
    def abo(self) -> Abo:
        return self.group.abo if self.group else Abo.UNKNOWN

    @property
    def rh(self) -> Rh:
        if self.group:
            return self.group.rh
        return self.special.rh if self.special else Rh.UNKNOWN

    @property
    def do_not_use(self) -> bool:
        return self.special is not None and self.special.do_not_use

    def describe(self) -> list[Row]:
        if self.group is not None:
            first = [
                row(bi("血型", "Blood group"), self.group.code, self.group.name),
                row(bi("采集用途", "Type of collection"), self.group.code, self.group.use.meaning),
            ]
        else:
            assert self.special is not None  # the decoder builds one or the other
            first = [
                row(bi("特殊信息", "Special message"), self.special.code, self.special.meaning)
            ]
        return [
            *first,
            row(
                bi("Rh/Kell 表型", "Rh/Kell phenotype"), self.phenotype.code, self.phenotype.meaning
            ),
            row(bi("预留位", "Reserved"), self.reserved, bi("预留，应为 0", "reserved, always 0")),
        ]


def decode_blood_group(segment: str) -> tuple[BloodGroupCode | None, list[ScanIssue]]:
    content = segment[2:]
    if len(content) != _CONTENT_LENGTH:
        return None, [
            error(
                IssueCode.WRONG_LENGTH,
                segment,
                f"血型条码应为“=%”加 4 个字符，实际为 {len(content)} 个。请重新扫描血型条码。",
                f"A blood group bar code is '=%' and 4 characters, this one has {len(content)}. "
                "Scan the blood group bar code again.",
            )
        ]
    if not _SHAPE.fullmatch(content):
        return None, [
            error(
                IssueCode.INVALID_FIELD,
                segment,
                f"血型条码内容“{content}”含不允许的字符。请重新扫描。",
                f"The blood group bar code {content!r} holds characters it may not. Scan again.",
            )
        ]
    gg, r, e = content[:2], content[2], content[3]
    group, special = BLOOD_GROUPS.get(gg), SPECIAL_MESSAGES.get(gg)
    if group is None and special is None:
        return None, [
            error(
                IssueCode.UNKNOWN_BLOOD_GROUP,
                segment,
                f"血型代码“{gg}”不在 ISBT 128 血型表中：无法读出血型。请核对血袋标签。",
                f"Blood group code {gg!r} is not in the ISBT 128 table: the group cannot be "
                "read. Check the bag's label.",
            )
        ]
    code = BloodGroupCode(
        raw=segment,
        group=group,
        special=special,
        # Table 6 gives a meaning to every character `_SHAPE` lets through.
        phenotype=PHENOTYPES[r],
        reserved=e,
    )
    return code, _warnings(code)


def _warnings(code: BloodGroupCode) -> list[ScanIssue]:
    issues = [*_special_warnings(code), *_group_warnings(code)]
    if code.reserved != "0":
        issues.append(
            warning(
                IssueCode.RESERVED_VALUE,
                code.raw,
                f"血型条码的预留位应为 0，实际为“{code.reserved}”。",
                f"The reserved character of the blood group bar code is {code.reserved!r}, not 0.",
            )
        )
    return issues


def _special_warnings(code: BloodGroupCode) -> list[ScanIssue]:
    special = code.special
    if special is None:
        return []
    if special.do_not_use:
        return [
            warning(
                IssueCode.DO_NOT_USE,
                code.raw,
                f"血型标签为特殊信息“{special.meaning.zh}”：此血袋不得接收或发出，请隔离并联系血站。",
                f"The blood group label is the special message {special.meaning.en!r}: do not "
                "receive or issue this bag; set it aside and call the blood centre.",
            )
        ]
    if special.tissue_only:
        return [
            warning(
                IssueCode.RESTRICTED_USE,
                code.raw,
                f"“{special.code}”是仅用于组织产品的代码，不应出现在血液标签上。请核对标签。",
                f"{special.code!r} is a code for tissue products only and should not be on a "
                "blood label. Check the label.",
            )
        ]
    if special.autologous:
        return [
            warning(
                IssueCode.RESTRICTED_USE,
                code.raw,
                "自体采集的血液：仅限献血者本人使用，发血前请核对受血者。",
                "Autologous collection: for the donor-patient only; check the recipient.",
            )
        ]
    return []


def _group_warnings(code: BloodGroupCode) -> list[ScanIssue]:
    restriction = code.group.use.restriction if code.group else None
    if restriction is None:
        return []
    return [warning(IssueCode.RESTRICTED_USE, code.raw, restriction.zh, restriction.en)]
