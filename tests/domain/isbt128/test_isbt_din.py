"""The DIN (data structure 001), its flags, keyed entry with the check character, builders."""

from __future__ import annotations

import pytest

from desktop.domain.errors import DomainValueError
from desktop.domain.isbt128 import (
    CheckVerdict,
    DonationNumber,
    IssueCode,
    KeyedDin,
    ScanKind,
    check_character,
    din_problem,
    encode_din_barcode,
    flag_for_check,
    make_din,
    parse_scan,
)

# ICCBBA's published examples (ST-001 appendix A, IG-033).
PUBLISHED = [
    ("G123498654321", "H", "77"),
    ("G151797123456", "L", "81"),
    ("A999917123456", "9", "69"),
]


@pytest.mark.parametrize(("din", "character", "flags"), PUBLISHED)
def test_published_check_characters(din: str, character: str, flags: str) -> None:
    assert check_character(din) == character
    assert flag_for_check(din) == flags


@pytest.mark.parametrize(("din", "character", "flags"), PUBLISHED)
def test_din_bar_code_with_check_flags_verifies(din: str, character: str, flags: str) -> None:
    result = parse_scan(f"={din}{flags}")

    assert result.ok
    (number,) = result.items
    assert isinstance(number, DonationNumber)
    assert number.din == din
    assert number.flags == flags
    assert number.check_character == character
    assert number.verdict is CheckVerdict.VERIFIED


def test_din_flag_mismatch_is_refused_and_explained() -> None:
    result = parse_scan("=G12349865432178")

    assert not result.ok
    (issue,) = result.errors
    assert issue.code is IssueCode.CHECK_MISMATCH
    assert "77" in issue.message.en
    assert "77" in issue.message.zh
    (number,) = result.items
    assert isinstance(number, DonationNumber)
    assert number.verdict is CheckVerdict.MISMATCH


def test_din_with_null_flags_carries_no_check() -> None:
    result = parse_scan("=A99991712345600")

    assert result.ok
    (number,) = result.items
    assert isinstance(number, DonationNumber)
    assert number.verdict is CheckVerdict.NOT_CARRIED
    assert number.facility == "A9999"
    assert result.dins == ("A999917123456",)


@pytest.mark.parametrize(
    ("flags", "meaning"),
    [
        ("00", "Flag not used (null value)"),
        ("01", "Container 1 of a set"),
        ("04", "Container 4 of a set"),
        ("05", "Second (or repeated) demand-printed label"),
        ("06", "Pilot tube label (not the bag's label)"),
        ("14", "Reserved for future assignment"),
        ("15", "Container 5 of a set"),
        ("19", "Container 9 of a set"),
        ("20", "Process control flag defined by the local facility; meaningful only there"),
        ("59", "Process control flag defined by the local facility; meaningful only there"),
        ("97", "Reserved for future assignment"),
        ("99", "Reserved for future assignment"),
        ("A1", "Reserved for future assignment"),
    ],
)
def test_other_flags_are_reported_not_refused(flags: str, meaning: str) -> None:
    result = parse_scan(f"=A999917123456{flags}")

    assert result.ok
    (number,) = result.items
    assert isinstance(number, DonationNumber)
    assert number.verdict is CheckVerdict.NOT_CARRIED
    flag_row = next(row for row in number.describe() if row.label_en == "Flag characters")
    assert flag_row.value == flags
    assert flag_row.meaning_en == meaning


@pytest.mark.parametrize(
    ("scan", "code", "fragment"),
    [
        ("=A999917123456", IssueCode.WRONG_LENGTH, "this one has 13"),
        ("=A9999171234560000", IssueCode.WRONG_LENGTH, "this one has 17"),
        ("=A99B91712345600", IssueCode.INVALID_FIELD, "characters 4–5"),
        ("=A99991X12345600", IssueCode.INVALID_FIELD, "year"),
        ("=A9999171234X600", IssueCode.INVALID_FIELD, "sequence number"),
        ("=AO9991712345600", IssueCode.INVALID_FIELD, "characters 2–3"),
        ("=A9999171234560I", IssueCode.INVALID_FIELD, "flag characters"),
        ("=099991712345600", IssueCode.UNKNOWN_DATA_IDENTIFIER, "cannot begin with 0 or O"),
        ("=O99991712345600", IssueCode.UNKNOWN_DATA_IDENTIFIER, "cannot begin with 0 or O"),
        ("=a99991712345600", IssueCode.UNKNOWN_DATA_IDENTIFIER, "Caps Lock"),
    ],
)
def test_malformed_dins_are_explained(scan: str, code: IssueCode, fragment: str) -> None:
    result = parse_scan(scan)

    assert not result.ok
    (issue,) = result.errors
    assert issue.code is code
    assert fragment in issue.message.en
    assert issue.message.zh


@pytest.mark.parametrize("typed", ["G123498654321H", "G123498654321 H", "g123498654321h"])
def test_keyed_din_with_its_check_character_verifies(typed: str) -> None:
    result = parse_scan(typed)

    assert result.ok
    assert result.kind is ScanKind.KEYED_DIN
    (keyed,) = result.items
    assert isinstance(keyed, KeyedDin)
    assert keyed.din == "G123498654321"
    assert keyed.verdict is CheckVerdict.VERIFIED
    assert result.dins == ("G123498654321",)


def test_keyed_din_with_the_check_character_star_verifies() -> None:
    din = next(
        f"A9999{year:02d}000000"
        for year in range(100)
        if check_character(f"A9999{year:02d}000000") == "*"
    )

    assert parse_scan(f"{din}*").ok


@pytest.mark.parametrize("typed", ["G123498654321X", "G123498654321 7", "A9999171234568"])
def test_keyed_din_with_a_wrong_check_character_is_refused(typed: str) -> None:
    result = parse_scan(typed)

    assert result.kind is ScanKind.KEYED_DIN
    (issue,) = result.errors
    assert issue.code is IssueCode.CHECK_MISMATCH
    assert "key the DIN in again" in issue.message.en
    (keyed,) = result.items
    assert isinstance(keyed, KeyedDin)
    assert keyed.verdict is CheckVerdict.MISMATCH


def test_digit_first_din_shape_that_fails_the_check_is_a_bag_number() -> None:
    # 14 digits: a DIN shape, but far likelier one of the platform's numeric bag ids.
    assert check_character("3100125012345") != "6"
    result = parse_scan("31001250123456")

    assert result.ok
    assert result.kind is ScanKind.PLAIN_ID


def test_digit_first_din_with_a_space_before_a_wrong_check_is_refused() -> None:
    result = parse_scan("3100125012345 6")

    assert result.kind is ScanKind.KEYED_DIN
    assert result.errors[0].code is IssueCode.CHECK_MISMATCH


def test_make_din_and_encode() -> None:
    din = make_din("A9999", 2017, 123456)

    assert make_din("AB123", 2025, 7) == "AB12325000007"  # letters are allowed in pppp's first two

    assert din == "A999917123456"
    assert make_din("A9999", 17, 123456) == din
    assert encode_din_barcode(din) == "=A99991712345669"
    assert parse_scan(encode_din_barcode(din)).ok


@pytest.mark.parametrize(
    ("facility", "year", "sequence"),
    [
        ("A999", 2017, 1),
        ("O9999", 2017, 1),
        ("0A999", 2017, 1),
        ("A99B9", 2017, 1),
        ("A9999", -1, 1),
        ("A9999", 10_000, 1),
        ("A9999", 2017, -1),
        ("A9999", 2017, 1_000_000),
    ],
)
def test_make_din_refuses_what_the_standard_does_not_allow(
    facility: str, year: int, sequence: int
) -> None:
    with pytest.raises(DomainValueError) as raised:
        make_din(facility, year, sequence)
    assert raised.value.message_zh
    assert raised.value.message_en


@pytest.mark.parametrize("din", ["A99991712345", "A99991712345X", "a999917123456", ""])
def test_encode_refuses_a_malformed_din(din: str) -> None:
    assert din_problem(din) is not None
    with pytest.raises(DomainValueError):
        encode_din_barcode(din)
