"""ISBT 128 bar codes as the blood bank scans them (ICCBBA ST-001), and plain bag numbers.

`parse_scan` turns whatever a scanner typed into a `ScanResult`: the data
structures it holds (DIN, product code, blood group, dates, …), each able to
`describe()` itself in Chinese and English, and typed `ScanIssue`s for
everything wrong. It never raises.
"""

from desktop.domain.isbt128.abo_rh import BloodGroupCode
from desktop.domain.isbt128.bilingual import Bilingual, Row
from desktop.domain.isbt128.blood_groups import (
    BLOOD_GROUPS,
    PHENOTYPES,
    SPECIAL_MESSAGES,
    AntigenResult,
    BloodGroupEntry,
    CollectionUse,
    Phenotype,
    SpecialMessage,
)
from desktop.domain.isbt128.checksum import check_character, check_value, flag_for_check
from desktop.domain.isbt128.date_structures import DateKind, DateStructure
from desktop.domain.isbt128.din import (
    CheckVerdict,
    DonationNumber,
    KeyedDin,
    din_problem,
    encode_din_barcode,
    make_din,
)
from desktop.domain.isbt128.issues import IssueCode, ScanIssue, Severity
from desktop.domain.isbt128.other_structures import OtherStructure
from desktop.domain.isbt128.parser import MAX_SCAN_LENGTH, normalise, parse_scan
from desktop.domain.isbt128.plain_ids import MAX_BAG_ID_LENGTH, PlainId, PlainIdSource
from desktop.domain.isbt128.products import COLLECTION_TYPES, CollectionType, ProductCode
from desktop.domain.isbt128.result import ScanItem, ScanKind, ScanResult

__all__ = [
    "BLOOD_GROUPS",
    "COLLECTION_TYPES",
    "MAX_BAG_ID_LENGTH",
    "MAX_SCAN_LENGTH",
    "PHENOTYPES",
    "SPECIAL_MESSAGES",
    "AntigenResult",
    "Bilingual",
    "BloodGroupCode",
    "BloodGroupEntry",
    "CheckVerdict",
    "CollectionType",
    "CollectionUse",
    "DateKind",
    "DateStructure",
    "DonationNumber",
    "IssueCode",
    "KeyedDin",
    "OtherStructure",
    "Phenotype",
    "PlainId",
    "PlainIdSource",
    "ProductCode",
    "Row",
    "ScanIssue",
    "ScanItem",
    "ScanKind",
    "ScanResult",
    "Severity",
    "SpecialMessage",
    "check_character",
    "check_value",
    "din_problem",
    "encode_din_barcode",
    "flag_for_check",
    "make_din",
    "normalise",
    "parse_scan",
]
