"""What can be wrong with a scan, as typed values rather than exceptions.

A scan at the counter is untrusted input from a keyboard wedge: the parser
reports every problem it finds as a `ScanIssue` so that the clerk is told what
to do, and never lets an exception reach the UI.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from desktop.domain.isbt128.bilingual import Bilingual


class Severity(StrEnum):
    ERROR = "error"  # the scan (or this part of it) cannot be used
    WARNING = "warning"  # usable, but the clerk must look at the bag


class IssueCode(StrEnum):
    EMPTY = "empty"
    TOO_LONG = "too_long"
    BAD_CHARACTERS = "bad_characters"
    TEXT_OUTSIDE_STRUCTURE = "text_outside_structure"
    UNKNOWN_DATA_IDENTIFIER = "unknown_data_identifier"
    WRONG_LENGTH = "wrong_length"
    INVALID_FIELD = "invalid_field"
    CHECK_MISMATCH = "check_mismatch"
    INVALID_DATE = "invalid_date"
    UNKNOWN_BLOOD_GROUP = "unknown_blood_group"
    UNKNOWN_CODE = "unknown_code"
    RESERVED_VALUE = "reserved_value"
    DO_NOT_USE = "do_not_use"
    RESTRICTED_USE = "restricted_use"


class ScanIssue(BaseModel):
    """One problem found in a scan: which part, how bad, and what the clerk should do."""

    model_config = ConfigDict(frozen=True)

    code: IssueCode
    severity: Severity
    message: Bilingual
    segment: str = ""

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


def error(code: IssueCode, segment: str, zh: str, en: str) -> ScanIssue:
    return ScanIssue(
        code=code, severity=Severity.ERROR, message=Bilingual(zh=zh, en=en), segment=segment
    )


def warning(code: IssueCode, segment: str, zh: str, en: str) -> ScanIssue:
    return ScanIssue(
        code=code, severity=Severity.WARNING, message=Bilingual(zh=zh, en=en), segment=segment
    )
