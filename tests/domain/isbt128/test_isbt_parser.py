"""`parse_scan` on what scanners really send: prefixes, line ends, joined bar codes, bag numbers."""

from __future__ import annotations

from datetime import datetime

import pytest

from desktop.domain.codes import Abo, Rh
from desktop.domain.dates import SHANGHAI
from desktop.domain.isbt128 import (
    MAX_BAG_ID_LENGTH,
    MAX_SCAN_LENGTH,
    DonationNumber,
    IssueCode,
    OtherStructure,
    PlainId,
    PlainIdSource,
    ProductCode,
    ScanKind,
    normalise,
    parse_scan,
)


@pytest.mark.parametrize(
    ("scanned", "text", "symbology"),
    [
        ("=%5100", "=%5100", None),
        ("]C0=%5100", "=%5100", "]C0"),
        ("]C4=%5100\r\n", "=%5100", "]C4"),
        ("]A0=%5100", "=%5100", "]A0"),
        ("]d2=%5100", "=%5100", "]d2"),
        ("  =%5100\t\n", "=%5100", None),
        ("\x02=%5100\x03", "=%5100", None),
        ("＝％５１００", "=%5100", None),  # a Chinese input method in full-width mode
    ],
)
def test_normalisation(scanned: str, text: str, symbology: str | None) -> None:
    assert normalise(scanned) == (text, symbology)
    result = parse_scan(scanned)
    assert result.ok
    assert result.raw == scanned
    assert result.symbology == symbology
    assert result.blood_groups[0].abo is Abo.O


def test_concatenated_din_and_blood_group() -> None:
    result = parse_scan("=A99991712345600=%5100")

    assert result.ok
    assert result.kind is ScanKind.ISBT128
    number, group = result.items
    assert isinstance(number, DonationNumber)
    assert number.din == "A999917123456"
    assert (group.kind, result.blood_groups[0].rh) == ("blood_group", Rh.POSITIVE)


def test_concatenated_product_code_and_expiry() -> None:
    result = parse_scan("]C0=<E0224V00&>0251001430")

    assert result.ok
    product, _ = result.items
    assert isinstance(product, ProductCode)
    assert product.code == "E0224V00"
    assert result.expiry == datetime(2025, 4, 10, 14, 30, tzinfo=SHANGHAI)


def test_whitespace_between_joined_bar_codes_is_ignored() -> None:
    result = parse_scan("=A99991712345669\r\n=<E0224V00")

    assert result.ok
    assert result.dins == ("A999917123456",)
    assert result.product_codes == ("E0224V00",)


def test_the_identifiers_second_character_may_be_an_identifier_start() -> None:
    # "&%" is data structure 030, not "&" followed by a blood group.
    result = parse_scan("&%0010000000000=%5100")

    other, group = result.items
    assert isinstance(other, OtherStructure)
    assert other.number == "030"
    assert group.kind == "blood_group"


def test_a_bad_part_does_not_hide_the_good_parts() -> None:
    result = parse_scan("=A99991712345600=%ZZ00=<E0224V00")

    assert not result.ok
    assert result.dins == ("A999917123456",)
    assert result.product_codes == ("E0224V00",)
    assert [issue.code for issue in result.errors] == [IssueCode.UNKNOWN_BLOOD_GROUP]
    assert result.errors[0].segment == "=%ZZ00"


@pytest.mark.parametrize(
    ("scan", "number"),
    [
        ("=\\620000000000000000", "012"),
        ("&(12345", "010"),
        ("=,A0B0C0", "032"),
        ("&,1ABCDEFGHIJKLMNOPQR", "035–038"),
        ("&a1234", ""),
        ("&!1", ""),
    ],
)
def test_recognised_structures_are_named_not_interpreted(scan: str, number: str) -> None:
    result = parse_scan(scan)

    assert result.ok
    (other,) = result.items
    assert isinstance(other, OtherStructure)
    assert other.number == number
    assert other.describe()[0].meaning_en == "not interpreted by the desk"


@pytest.mark.parametrize("scan", ["=~1234", "&~1234", "=", "&", "=%5100="])
def test_unknown_identifiers_are_errors(scan: str) -> None:
    result = parse_scan(scan)

    assert not result.ok
    assert IssueCode.UNKNOWN_DATA_IDENTIFIER in [issue.code for issue in result.errors]


def test_text_before_the_first_identifier_is_an_error() -> None:
    result = parse_scan("X1=%5100")

    assert [issue.code for issue in result.errors] == [IssueCode.TEXT_OUTSIDE_STRUCTURE]
    assert result.errors[0].segment == "X1"
    assert result.blood_groups


@pytest.mark.parametrize(
    ("scan", "value", "source"),
    [
        ("310012501234567801", "310012501234567801", PlainIdSource.NUMERIC),
        ("BX2025-000123", "BX2025-000123", PlainIdSource.ALPHANUMERIC),
        ("a" * MAX_BAG_ID_LENGTH, "a" * MAX_BAG_ID_LENGTH, PlainIdSource.ALPHANUMERIC),
        ("A0123456789B", "0123456789", PlainIdSource.CODABAR),
        ("c12-34$5d", "12-34$5", PlainIdSource.CODABAR),
        ("]F0A0123456789B", "0123456789", PlainIdSource.CODABAR),
    ],
)
def test_plain_ids(scan: str, value: str, source: PlainIdSource) -> None:
    result = parse_scan(scan)

    assert result.ok
    assert result.kind is ScanKind.PLAIN_ID
    plain = result.plain_id
    assert isinstance(plain, PlainId)
    assert (plain.value, plain.source) == (value, source)
    assert plain.describe()[0].value == value


def test_codabar_start_and_stop_are_recorded() -> None:
    plain = parse_scan("a0123456789d").plain_id

    assert plain is not None
    assert (plain.codabar_start, plain.codabar_stop, plain.raw) == ("A", "D", "a0123456789d")
    assert plain.describe()[1].value == "A…D"


@pytest.mark.parametrize(
    ("scan", "code"),
    [
        ("", IssueCode.EMPTY),
        (" \r\n", IssueCode.EMPTY),
        ("]C0", IssueCode.EMPTY),
        ("1" * (MAX_BAG_ID_LENGTH + 1), IssueCode.TOO_LONG),
        ("1" * (MAX_SCAN_LENGTH + 1), IssueCode.TOO_LONG),
        ("血袋123", IssueCode.BAD_CHARACTERS),
        ("12 34", IssueCode.BAD_CHARACTERS),
        ("\ud800", IssueCode.BAD_CHARACTERS),
    ],
)
def test_unreadable_scans(scan: str, code: IssueCode) -> None:
    result = parse_scan(scan)

    assert not result.ok
    assert result.kind is ScanKind.UNREADABLE
    assert [issue.code for issue in result.errors] == [code]
    assert result.errors[0].message.zh
    assert result.errors[0].message.en


def test_a_lone_surrogate_is_made_printable() -> None:
    result = parse_scan("=%51\udcff0")

    assert "\udcff" not in result.raw
    result.raw.encode("utf-8")
