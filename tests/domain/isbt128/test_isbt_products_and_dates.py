"""Product codes (data structure 003) and the label's dates (004–009)."""

from __future__ import annotations

from datetime import datetime

import pytest

from desktop.domain.dates import SHANGHAI
from desktop.domain.isbt128 import (
    COLLECTION_TYPES,
    DateKind,
    DateStructure,
    IssueCode,
    ProductCode,
    parse_scan,
)


def _product(scan: str) -> ProductCode:
    result = parse_scan(scan)
    (product,) = result.items
    assert isinstance(product, ProductCode)
    return product


def test_product_code_is_the_platform_blood_id() -> None:
    product = _product("=<E0224V00")

    assert product.code == "E0224V00"
    assert product.description_code == "E0224"
    collection = product.collection_type
    assert collection is not None
    assert collection.meaning.en == "Volunteer homologous (allogeneic) (default)"
    rows = {row.label_en: row for row in product.describe()}
    assert rows["Product description code"].meaning_en == "Blood components"
    assert rows["Division code"].meaning_en == "not divided"
    assert parse_scan("=<E0224V00").product_codes == ("E0224V00",)


@pytest.mark.parametrize(
    ("division", "meaning"),
    [
        ("00", "not divided"),
        ("A0", "division A"),
        ("Bc", "division B, subdivision c"),
        ("99", "divisions in the Product Divisions bar code [032]"),
    ],
)
def test_divisions(division: str, meaning: str) -> None:
    rows = {row.label_en: row for row in _product(f"=<E0224V{division}").describe()}

    assert rows["Division code"].meaning_en == meaning


@pytest.mark.parametrize(
    ("code", "family", "tail_label"),
    [
        ("S1295A00", "Cellular therapy products", "Division code"),
        ("T1295003", "Tissue products", "Division or pack code"),
        ("X1234000", "Other blood products", "Reserved"),
        ("X0123V00", "Other blood products (plasma derivatives)", "Division code"),
        ("A1234V00", "Nationally defined product code", "Last three characters"),
        ("D1234XYz", "Local/facility product code", "Last three characters"),
    ],
)
def test_product_families(code: str, family: str, tail_label: str) -> None:
    rows = {row.label_en: row for row in _product(f"=<{code}").describe()}

    assert rows["Product description code"].meaning_en == family
    assert tail_label in rows


def test_collection_type_table_is_complete() -> None:
    # Table 7 [RT008] of ST-001 v6.2.2.
    assert set(COLLECTION_TYPES) == set("0VRSTPrsA1XDd2LEQ3456FC78BHJG")
    assert all(entry.meaning.zh and entry.meaning.en for entry in COLLECTION_TYPES.values())


@pytest.mark.parametrize(
    ("code", "issue"),
    [
        ("E0224V00", None),
        ("E0224A00", None),
        ("E0224200", IssueCode.RESTRICTED_USE),
        ("E0224X00", IssueCode.RESTRICTED_USE),
        ("E0224R00", IssueCode.DO_NOT_USE),
        ("E0224r00", IssueCode.DO_NOT_USE),
        ("E0224Z00", IssueCode.UNKNOWN_CODE),
        ("Z0224V00", IssueCode.UNKNOWN_CODE),
    ],
)
def test_product_code_warnings(code: str, issue: IssueCode | None) -> None:
    result = parse_scan(f"=<{code}")

    assert result.ok
    assert [warning.code for warning in result.warnings] == ([issue] if issue else [])


@pytest.mark.parametrize(
    ("scan", "code"),
    [
        ("=<E0224V0", IssueCode.WRONG_LENGTH),
        ("=<E0224V000", IssueCode.WRONG_LENGTH),
        ("=<e0224V00", IssueCode.INVALID_FIELD),
        ("=<E0224VA*", IssueCode.INVALID_FIELD),
        ("=<E0224VAA", IssueCode.INVALID_FIELD),  # the subdivision is lower case
    ],
)
def test_malformed_product_codes(scan: str, code: IssueCode) -> None:
    result = parse_scan(scan)

    assert [issue.code for issue in result.errors] == [code]
    assert not result.product_codes


def _date(scan: str) -> DateStructure:
    result = parse_scan(scan)
    assert result.ok, result.issues
    (date,) = result.items
    assert isinstance(date, DateStructure)
    return date


def test_published_expiry_date_is_the_end_of_that_day_in_shanghai() -> None:
    date = _date("=>019031")

    assert date.value == datetime(2019, 1, 31, 23, 59, tzinfo=SHANGHAI)
    assert date.date_kind is DateKind.EXPIRY
    assert not date.has_time
    assert date.title.en == "Expiration Date [004]"


def test_published_expiry_date_and_time() -> None:
    date = _date("&>0183652359")

    assert date.value == datetime(2018, 12, 31, 23, 59, tzinfo=SHANGHAI)
    assert date.title.en == "Expiration Date and Time [005]"
    assert parse_scan("&>0183652359").expiry == date.value


@pytest.mark.parametrize(
    ("scan", "kind", "expected"),
    [
        ("=*025100", DateKind.COLLECTION, datetime(2025, 4, 10, 0, 0, tzinfo=SHANGHAI)),
        ("&*0251000815", DateKind.COLLECTION, datetime(2025, 4, 10, 8, 15, tzinfo=SHANGHAI)),
        ("=}024366", DateKind.PRODUCTION, datetime(2024, 12, 31, 0, 0, tzinfo=SHANGHAI)),
        ("&}0240011200", DateKind.PRODUCTION, datetime(2024, 1, 1, 12, 0, tzinfo=SHANGHAI)),
        ("=>999365", DateKind.EXPIRY, datetime(1999, 12, 31, 23, 59, tzinfo=SHANGHAI)),
        ("=>100001", DateKind.EXPIRY, datetime(2100, 1, 1, 23, 59, tzinfo=SHANGHAI)),
    ],
)
def test_other_dates(scan: str, kind: DateKind, expected: datetime) -> None:
    date = _date(scan)

    assert (date.date_kind, date.value) == (kind, expected)
    assert date.describe()[0].meaning_zh


@pytest.mark.parametrize(
    ("scan", "code", "fragment"),
    [
        ("=>019000", IssueCode.INVALID_DATE, "no day 0"),
        ("=>019366", IssueCode.INVALID_DATE, "2019 has 365 days, there is no day 366"),
        ("=>024367", IssueCode.INVALID_DATE, "2024 has 366 days, there is no day 367"),
        ("=>100366", IssueCode.INVALID_DATE, "2100 has 365 days"),
        ("&>0190312400", IssueCode.INVALID_DATE, "24:00 is not a time"),
        ("&>0190312360", IssueCode.INVALID_DATE, "23:60 is not a time"),
        ("=>01903", IssueCode.WRONG_LENGTH, "6 digits"),
        ("=>0190311", IssueCode.WRONG_LENGTH, "6 digits"),
        ("&>019031", IssueCode.WRONG_LENGTH, "10 digits"),
        ("=>01903A", IssueCode.WRONG_LENGTH, "6 digits"),
        ("=>０１９０３１x", IssueCode.WRONG_LENGTH, "6 digits"),
    ],
)
def test_invalid_dates_are_typed_errors(scan: str, code: IssueCode, fragment: str) -> None:
    result = parse_scan(scan)

    assert not result.ok
    (issue,) = result.errors
    assert issue.code is code
    assert fragment in issue.message.en
    assert issue.message.zh


def test_day_366_of_a_leap_year_is_valid() -> None:
    assert _date("=>024366").value == datetime(2024, 12, 31, 23, 59, tzinfo=SHANGHAI)
