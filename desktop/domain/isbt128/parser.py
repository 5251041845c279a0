"""`parse_scan`: from the characters a scanner (or a clerk) typed to a `ScanResult`.

A scanner is a keyboard to the desk, so anything can arrive: an AIM symbology
identifier (`]C0`), a trailing CR/LF, full-width characters from a Chinese
input method, two bar codes read as one string. Every problem becomes a typed
`ScanIssue`; nothing raises.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from desktop.domain.isbt128.abo_rh import decode_blood_group
from desktop.domain.isbt128.checksum import check_character
from desktop.domain.isbt128.date_structures import DATE_IDENTIFIERS, decode_date
from desktop.domain.isbt128.din import decode_donation_number, decode_keyed_din
from desktop.domain.isbt128.issues import IssueCode, ScanIssue, error
from desktop.domain.isbt128.other_structures import decode_other, recognised
from desktop.domain.isbt128.plain_ids import decode_plain_id
from desktop.domain.isbt128.products import decode_product_code
from desktop.domain.isbt128.result import ScanItem, ScanKind, ScanResult

# Far longer than any label's bar codes together; refusing more keeps a stuck
# key or a pasted document from costing the counter time.
MAX_SCAN_LENGTH = 512

_AIM_PREFIX = re.compile(r"\][A-Za-z][0-9A-Za-z]")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_WHITESPACE = re.compile(r"\s+")
_IDENTIFIER_START = re.compile(r"[=&]")
_DIN_FIRST = re.compile(r"[A-NP-Z1-9]")
# A DIN typed from the label: 13 characters, an optional space, the check character.
_KEYED_DIN = re.compile(r"([A-NP-Z1-9][A-NP-Z0-9]{2}[0-9]{10})(\s?)([0-9A-Z*])")

_Decoder = Callable[[str], tuple[ScanItem | None, list[ScanIssue]]]
_DECODERS: dict[str, _Decoder] = {
    "=%": decode_blood_group,
    "=<": decode_product_code,
    **dict.fromkeys(DATE_IDENTIFIERS, decode_date),
}


def parse_scan(text: str) -> ScanResult:
    """Read one scan (or typed entry). Never raises: problems are in `issues`."""
    raw = _valid_unicode(text)
    if len(raw) > MAX_SCAN_LENGTH:
        return _unreadable(raw, raw[:MAX_SCAN_LENGTH], None, _too_long(raw))
    cleaned, symbology = normalise(raw)
    if not cleaned:
        return _unreadable(raw, cleaned, symbology, _empty())
    compact = _WHITESPACE.sub("", cleaned)
    first_identifier = _IDENTIFIER_START.search(compact)
    if first_identifier is not None:
        return _parse_isbt(raw, compact, first_identifier.start(), symbology)
    keyed = _KEYED_DIN.fullmatch(cleaned.upper())
    if keyed is not None and _is_keyed_din(keyed):
        item, issues = decode_keyed_din(cleaned, keyed[1], keyed[3])
        return ScanResult(
            raw=raw,
            text=cleaned,
            symbology=symbology,
            kind=ScanKind.KEYED_DIN,
            items=(item,),
            issues=tuple(issues),
        )
    plain, issues = decode_plain_id(cleaned)
    if plain is None:
        return _unreadable(raw, cleaned, symbology, *issues)
    return ScanResult(
        raw=raw, text=cleaned, symbology=symbology, kind=ScanKind.PLAIN_ID, items=(plain,)
    )


def normalise(raw: str) -> tuple[str, str | None]:
    """The scan as the parser reads it, and the AIM symbology identifier it began with."""
    text = unicodedata.normalize("NFKC", raw).strip()
    symbology = None
    aim = _AIM_PREFIX.match(text)
    if aim is not None:
        symbology = aim.group()
        text = text[aim.end() :]
    return _CONTROL.sub("", text).strip(), symbology


def _is_keyed_din(match: re.Match[str]) -> bool:
    """Whether a 14-character entry shaped like DIN + check character is one.

    The platform's numeric bag ids can have that shape too. A letter first, a
    space before the check character, or a check character that verifies
    makes it a keyed DIN; a digit-first string that fails the check is taken
    for a bag id rather than refused.
    """
    din, space, entered = match.groups()
    return din[0].isalpha() or bool(space) or check_character(din) == entered


def _parse_isbt(raw: str, text: str, offset: int, symbology: str | None) -> ScanResult:
    items: list[ScanItem] = []
    issues: list[ScanIssue] = []
    if offset > 0:
        issues.append(_text_outside(text[:offset]))
    for segment in _segments(text[offset:]):
        item, found = _decode_segment(segment)
        if item is not None:
            items.append(item)
        issues.extend(found)
    kind = ScanKind.ISBT128 if items else ScanKind.UNREADABLE
    return ScanResult(
        raw=raw, text=text, symbology=symbology, kind=kind, items=tuple(items), issues=tuple(issues)
    )


def _segments(text: str) -> list[str]:
    """Split concatenated bar codes where a data identifier starts.

    `=` and `&` only ever start an identifier: no interpreted structure holds
    them as data. The character after one belongs to the identifier even if it
    is `=` or `&` itself, so the search for the next one starts past it.
    """
    segments = []
    start = 0
    while start < len(text):
        following = _IDENTIFIER_START.search(text, start + 2)
        end = following.start() if following else len(text)
        segments.append(text[start:end])
        start = end
    return segments


def _decode_segment(segment: str) -> tuple[ScanItem | None, list[ScanIssue]]:
    identifier = segment[:2]
    if segment[0] == "=" and _DIN_FIRST.fullmatch(identifier[1:]):
        return decode_donation_number(segment)
    decoder = _DECODERS.get(identifier)
    if decoder is not None:
        return decoder(segment)
    known = recognised(identifier)
    if known is not None:
        return decode_other(segment, known), []
    return None, [_unknown_identifier(segment)]


def _unknown_identifier(segment: str) -> ScanIssue:
    identifier = segment[:2]
    hint_zh, hint_en = "", ""
    if "a" <= identifier[1:] <= "z":
        hint_zh, hint_en = "（大写锁定键可能开着）", " (is Caps Lock on?)"
    elif identifier[1:] in ("0", "O"):
        hint_zh, hint_en = "（献血码不能以 0 或 O 开头）", " (a DIN cannot begin with 0 or O)"
    return error(
        IssueCode.UNKNOWN_DATA_IDENTIFIER,
        segment,
        f"“{identifier}”不是 ISBT 128 的数据标识符{hint_zh}。请重新扫描，或检查扫描枪设置。",
        f"{identifier!r} is not an ISBT 128 data identifier{hint_en}. Scan again, or check "
        "the scanner's settings.",
    )


def _valid_unicode(text: str) -> str:
    # Lone surrogates (undecodable bytes from a terminal) cannot be printed or
    # stored; they become U+FFFD and are then refused like any odd character.
    return text.encode("utf-8", "surrogatepass").decode("utf-8", "replace")


def _unreadable(raw: str, text: str, symbology: str | None, *issues: ScanIssue) -> ScanResult:
    return ScanResult(
        raw=raw, text=text, symbology=symbology, kind=ScanKind.UNREADABLE, issues=issues
    )


def _empty() -> ScanIssue:
    return error(
        IssueCode.EMPTY,
        "",
        "没有读到内容。请对准条码重新扫描。",
        "Nothing was read. Aim at the bar code and scan again.",
    )


def _too_long(raw: str) -> ScanIssue:
    return error(
        IssueCode.TOO_LONG,
        raw[:40],
        f"读到 {len(raw)} 个字符，远超任何标签条码的长度。请只扫描一个条码。",
        f"{len(raw)} characters were read, far more than any label holds. Scan one bar code.",
    )


def _text_outside(prefix: str) -> ScanIssue:
    return error(
        IssueCode.TEXT_OUTSIDE_STRUCTURE,
        prefix,
        f"ISBT 128 数据标识符前多出了“{prefix}”：扫描枪可能加了前缀。请检查扫描枪设置。",
        f"{prefix!r} precedes the ISBT 128 data identifier: the scanner may add a prefix. "
        "Check the scanner's settings.",
    )
