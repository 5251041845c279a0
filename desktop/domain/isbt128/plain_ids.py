"""Bag numbers that are not ISBT 128: the platform's `bloodBagId` and legacy Codabar labels.

The platform's bag id is up to 23 characters (`310012501234567801`, or letters
and digits). Older labels print the unit number in Codabar, whose start and
stop characters (A–D) scanners often pass through (`A0123456789B`); we strip
them, and keep the text as scanned so a bag id that happens to look like
Codabar still matches.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict

from desktop.domain.isbt128.bilingual import Bilingual, Row, bi, row
from desktop.domain.isbt128.issues import IssueCode, ScanIssue, error

MAX_BAG_ID_LENGTH = 23
_PLAIN = re.compile(r"[0-9A-Za-z-]+")
_CODABAR = re.compile(r"([A-Da-d])([0-9$:/.+-]+)([A-Da-d])")


class PlainIdSource(StrEnum):
    NUMERIC = "numeric"
    ALPHANUMERIC = "alphanumeric"
    CODABAR = "codabar"  # start/stop characters stripped


class PlainId(BaseModel):
    """A bag number scanned or typed as is; `value` is what to look up, `raw` what was read."""

    model_config = ConfigDict(frozen=True)

    kind: Literal["plain_id"] = "plain_id"
    raw: str
    value: str
    source: PlainIdSource
    codabar_start: str | None = None
    codabar_stop: str | None = None

    @property
    def title(self) -> Bilingual:
        if self.source is PlainIdSource.CODABAR:
            return bi("Codabar 血袋编号", "Codabar unit number")
        return bi("血袋编号", "Bag number")

    def describe(self) -> list[Row]:
        rows = [row(bi("血袋编号", "Bag number"), self.value, _SOURCE_MEANINGS[self.source])]
        if self.codabar_start and self.codabar_stop:
            start_stop = f"{self.codabar_start}…{self.codabar_stop}"
            rows.append(
                row(
                    bi("起止符", "Start/stop characters"),
                    start_stop,
                    bi("Codabar 起止符，已去除", "Codabar start/stop, stripped"),
                )
            )
        return rows


_SOURCE_MEANINGS = {
    PlainIdSource.NUMERIC: bi("纯数字编号（平台 bloodBagId）", "numeric id (platform bloodBagId)"),
    PlainIdSource.ALPHANUMERIC: bi("字母数字编号（平台 bloodBagId）", "alphanumeric id"),
    PlainIdSource.CODABAR: bi("Codabar 条码中的编号", "number from a Codabar bar code"),
}


def decode_plain_id(text: str) -> tuple[PlainId | None, list[ScanIssue]]:
    codabar = _CODABAR.fullmatch(text)
    if codabar is not None and len(codabar[2]) <= MAX_BAG_ID_LENGTH:
        start, value, stop = codabar.groups()
        plain = PlainId(
            raw=text,
            value=value,
            source=PlainIdSource.CODABAR,
            codabar_start=start.upper(),
            codabar_stop=stop.upper(),
        )
        return plain, []
    if not _PLAIN.fullmatch(text):
        return None, [_bad_characters(text)]
    if len(text) > MAX_BAG_ID_LENGTH:
        return None, [
            error(
                IssueCode.TOO_LONG,
                text,
                f"血袋编号最多 {MAX_BAG_ID_LENGTH} 个字符，读到 {len(text)} 个："
                "可能同时扫到了两个条码。请只扫描一个条码。",
                f"A bag number has at most {MAX_BAG_ID_LENGTH} characters, this has {len(text)}: "
                "perhaps two bar codes were read at once. Scan one bar code.",
            )
        ]
    source = PlainIdSource.NUMERIC if text.isdigit() else PlainIdSource.ALPHANUMERIC
    return PlainId(raw=text, value=text, source=source), []


def _bad_characters(text: str) -> ScanIssue:
    bad = sorted({char for char in text if not _PLAIN.fullmatch(char)})
    shown = " ".join(ascii(char) for char in bad[:5])
    return error(
        IssueCode.BAD_CHARACTERS,
        text,
        f"读到的内容含有血袋编号不允许的字符 {shown}：不是 ISBT 128 条码，也不是血袋编号。"
        "请检查扫描枪设置（输入法应为英文半角）后重新扫描。",
        f"The scan holds characters a bag number may not contain ({shown}): it is neither "
        "an ISBT 128 bar code nor a bag number. Check the scanner's settings (keyboard "
        "layout, input method) and scan again.",
    )
