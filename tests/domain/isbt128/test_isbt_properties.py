"""Properties: no input makes `parse_scan` raise, and the check character always agrees."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from desktop.domain.isbt128 import (
    CheckVerdict,
    DonationNumber,
    KeyedDin,
    ScanResult,
    check_character,
    encode_din_barcode,
    parse_scan,
)
from desktop.domain.isbt128.checksum import ALPHABET

ANY_CHARACTER = st.characters(exclude_categories=())  # surrogates and controls included
DIN_PATTERN = r"[A-NP-Z1-9][A-NP-Z0-9]{2}[0-9]{10}"
IDENTIFIERS = ["=", "=%", "=<", "=>", "&>", "=*", "&*", "=}", "&}", "=\\", "&%", "&,", "&a", "=~"]
CONTENT = st.text(
    alphabet="0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz*=&%<>\\ \r\n",
    max_size=20,
)
VALID_LABEL = "=A99991712345669=%5100=<E0224V00&>0251001430"


def _checked(result: ScanResult) -> None:
    """Whatever came in, the result is complete and explains each of its problems."""
    assert isinstance(result, ScanResult)
    assert result.ok == (bool(result.items) and not result.errors)
    for issue in result.issues:
        assert issue.message.zh
        assert issue.message.en
    for item in result.items:
        for row in item.describe():
            assert row.label_zh
            assert row.label_en
    result.raw.encode("utf-8")  # printable, storable


@st.composite
def near_isbt(draw: st.DrawFn) -> str:
    segments = draw(
        st.lists(
            st.tuples(st.sampled_from(IDENTIFIERS), CONTENT).map("".join), min_size=1, max_size=4
        )
    )
    prefix = draw(st.sampled_from(["", "]C0", "]C1", " ", "\x02"]))
    suffix = draw(st.sampled_from(["", "\r\n", "\n", " "]))
    return prefix + "".join(segments) + suffix


@st.composite
def mutated_label(draw: st.DrawFn) -> str:
    text = list(VALID_LABEL)
    for _ in range(draw(st.integers(1, 3))):
        position = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["insert", "delete", "replace"]))
        character = draw(ANY_CHARACTER)
        if action == "insert":
            text.insert(position, character)
        elif position < len(text):
            text[position : position + 1] = [character] if action == "replace" else []
    return "".join(text)


@given(st.text(alphabet=ANY_CHARACTER))
@settings(max_examples=300)
@example("")
@example("\udcff")
@example("=" * 1000)
def test_any_text_parses_without_raising(text: str) -> None:
    _checked(parse_scan(text))


@given(near_isbt())
@settings(max_examples=300)
def test_near_isbt_strings_parse_without_raising(text: str) -> None:
    _checked(parse_scan(text))


@given(mutated_label())
@settings(max_examples=300)
def test_damaged_labels_parse_without_raising(text: str) -> None:
    _checked(parse_scan(text))


@given(st.from_regex(DIN_PATTERN, fullmatch=True))
def test_encoded_din_always_verifies(din: str) -> None:
    result = parse_scan(encode_din_barcode(din))

    assert result.ok
    (number,) = result.items
    assert isinstance(number, DonationNumber)
    assert (number.din, number.verdict) == (din, CheckVerdict.VERIFIED)


@given(st.from_regex(DIN_PATTERN, fullmatch=True), st.sampled_from(ALPHABET))
def test_keyed_din_verifies_exactly_its_own_check_character(din: str, entered: str) -> None:
    result = parse_scan(f"{din} {entered}")

    (keyed,) = result.items
    assert isinstance(keyed, KeyedDin)
    assert (keyed.verdict is CheckVerdict.VERIFIED) == (entered == check_character(din))
    assert result.ok == (entered == check_character(din))


@given(st.text(alphabet=ALPHABET[:-1], min_size=13, max_size=13))
def test_check_character_satisfies_iso_7064(data: str) -> None:
    # ISO/IEC 7064 MOD 37-2 stated independently of the implementation: the
    # characters weighted by descending powers of 2 (the check character by 1)
    # sum to 1 modulo 37.
    check = check_character(data)
    assert check is not None
    values = [ALPHABET.index(char) for char in data + check]
    weighted = sum(value * 2 ** (len(values) - 1 - index) for index, value in enumerate(values))
    assert weighted % 37 == 1
