"""The Product Code: data structure 003 (`=<αooootds`).

The 8-character data content (e.g. `E0224V00`) is what the platform calls
`bloodId`. The first five characters are the Product Description Code, looked
up in ICCBBA's licensed database (not shipped here); the last three are read
as ST-001 2.4.3 says, depending on the first character: a type of collection
(Table 7 [RT008]) and a division code, or a three-digit pack code.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict

from desktop.domain.isbt128.bilingual import Bilingual, Row, bi, row
from desktop.domain.isbt128.issues import IssueCode, ScanIssue, error, warning

PRODUCT_CODE_LENGTH = 8
_SHAPE = re.compile(r"[A-Z][A-Z0-9]{4}[A-Za-z0-9][A-Z0-9][a-z0-9]")


class CollectionType(BaseModel):
    """One row of Table 7: the 6th character of a blood component's product code."""

    model_config = ConfigDict(frozen=True)

    code: str
    meaning: Bilingual
    do_not_use: bool = False
    restricted: bool = False  # for one named patient (directed, autologous, family reserved …)


def _type(code: str, zh: str, en: str, *, restricted: bool = False) -> CollectionType:
    return CollectionType(code=code, meaning=bi(zh, en), restricted=restricted)


COLLECTION_TYPES: dict[str, CollectionType] = {
    entry.code: entry
    for entry in (
        _type("0", "未指定", "Not specified (null value)"),
        _type("V", "自愿无偿献血，异体（默认）", "Volunteer homologous (allogeneic) (default)"),
        # Research material is "not intended for human application": never issue it.
        CollectionType(
            code="R",
            meaning=bi(
                "自愿献血，科研用（不得用于人体）",
                "Volunteer research (product not intended for human application)",
            ),
            do_not_use=True,
        ),
        _type("S", "自愿献血，原料", "Volunteer source"),
        _type("T", "自愿献血，治疗性采集", "Volunteer therapeutic"),
        _type("P", "有偿献血，异体", "Paid homologous (allogeneic)"),
        CollectionType(
            code="r",
            meaning=bi(
                "有偿献血，科研用（不得用于人体）",
                "Paid research (product not intended for human application)",
            ),
            do_not_use=True,
        ),
        _type("s", "有偿献血，原料", "Paid source"),
        _type("A", "自体，可转给其他患者", "Autologous, eligible for crossover"),
        _type("1", "仅限自体使用", "For autologous use only", restricted=True),
        _type("X", "仅限自体使用，生物危害", "For autologous use only, biohazard", restricted=True),
        _type("D", "自愿定向献血，可转给其他患者", "Volunteer directed, eligible for crossover"),
        _type("d", "有偿定向献血，可转给其他患者", "Paid directed, eligible for crossover"),
        _type("2", "仅限指定受血者", "For directed recipient use only", restricted=True),
        _type(
            "L",
            "仅限指定受血者，限制暴露",
            "For directed recipient use only, limited exposure",
            restricted=True,
        ),
        _type(
            "E",
            "医疗特例，仅限指定受血者（异体）",
            "Medical exception, for specified recipient only (allogeneic)",
            restricted=True,
        ),
        _type("Q", "另有特殊检测条码，须扫描", "See (read) the Special Testing bar code"),
        _type(
            "3",
            "仅限指定受血者，生物危害",
            "For directed recipient use only, biohazard",
            restricted=True,
        ),
        _type("4", "指定献血（Designated）", "Designated", restricted=True),
        _type("5", "专用献血（Dedicated）", "Dedicated", restricted=True),
        _type("6", "指定献血，生物危害", "Designated, biohazard", restricted=True),
        _type("F", "家庭预留", "Family reserved", restricted=True),
        _type("C", "替代献血", "Replacement"),
        _type("7", "异体使用", "For allogeneic use"),
        _type(
            "8",
            "自体使用，含异体成分",
            "For autologous use; contains allogeneic material",
            restricted=True,
        ),
        _type(
            "B",
            "定向/专用/指定献血，仅限该用途",
            "Directed/dedicated/designated collection use only",
            restricted=True,
        ),
        _type(
            "H",
            "定向/专用/指定献血，生物危害",
            "Directed/dedicated/designated collection, biohazardous",
            restricted=True,
        ),
        _type(
            "J",
            "定向/专用/指定献血，可转给其他患者",
            "Directed/dedicated/designated collection, eligible for crossover",
        ),
        _type("G", "仅限紧急使用", "For emergency use only"),
    )
}


class TailLayout(StrEnum):
    """How the last three characters (`tds`) are read, by the first character (ST-001 2.4.3)."""

    COLLECTION_AND_DIVISION = "collection_and_division"  # E, F, H, S, P, X0, Y
    PACK_CODE = "pack_code"  # M, N, R, T, V, W
    RESERVED = "reserved"  # X1–X9
    NATIONAL = "national"  # A–D


_FAMILIES: dict[str, tuple[Bilingual, TailLayout]] = {
    "E": (bi("血液成分", "Blood components"), TailLayout.COLLECTION_AND_DIVISION),
    "F": (bi("血液成分", "Blood components"), TailLayout.COLLECTION_AND_DIVISION),
    "H": (
        bi("有 INN/USAN 名称的人源医疗产品", "MPHO with INN and/or USAN names"),
        TailLayout.COLLECTION_AND_DIVISION,
    ),
    "S": (bi("细胞治疗产品", "Cellular therapy products"), TailLayout.COLLECTION_AND_DIVISION),
    "P": (bi("再生组织产品", "Regenerated tissue products"), TailLayout.COLLECTION_AND_DIVISION),
    "Y": (bi("临床试验产品", "Clinical trials products"), TailLayout.COLLECTION_AND_DIVISION),
    "M": (bi("其他治疗产品（如人乳）", "Other therapies (e.g. human milk)"), TailLayout.PACK_CODE),
    "N": (bi("器官", "Organs"), TailLayout.PACK_CODE),
    "R": (bi("生殖组织和细胞", "Reproductive tissue and cell products"), TailLayout.PACK_CODE),
    "T": (bi("组织产品", "Tissue products"), TailLayout.PACK_CODE),
    "V": (bi("眼组织产品", "Ocular tissue products"), TailLayout.PACK_CODE),
    "W": (bi("粪菌制品", "Fecal microbiota"), TailLayout.PACK_CODE),
    "A": (bi("国家定义的产品代码", "Nationally defined product code"), TailLayout.NATIONAL),
    "B": (bi("国家定义的产品代码", "Nationally defined product code"), TailLayout.NATIONAL),
    "C": (bi("国家定义的产品代码", "Nationally defined product code"), TailLayout.NATIONAL),
    "D": (bi("本地/机构定义的产品代码", "Local/facility product code"), TailLayout.NATIONAL),
}
_PLASMA_DERIVATIVES = (
    bi("其他血液制品（血浆衍生物）", "Other blood products (plasma derivatives)"),
    TailLayout.COLLECTION_AND_DIVISION,
)
_OTHER_BLOOD_PRODUCTS = (bi("其他血液制品", "Other blood products"), TailLayout.RESERVED)


def product_family(description_code: str) -> tuple[Bilingual, TailLayout] | None:
    """The type of product and the layout of `tds` for a Product Description Code."""
    if description_code.startswith("X"):
        return _PLASMA_DERIVATIVES if description_code[1:2] == "0" else _OTHER_BLOOD_PRODUCTS
    return _FAMILIES.get(description_code[:1])


class ProductCode(BaseModel):
    """A decoded product code bar code (`=<` + 8 characters)."""

    model_config = ConfigDict(frozen=True)

    kind: Literal["product_code"] = "product_code"
    raw: str
    code: str

    @property
    def title(self) -> Bilingual:
        return bi("产品码 [003]", "Product Code [003]")

    @property
    def description_code(self) -> str:
        return self.code[:5]

    @property
    def collection_type(self) -> CollectionType | None:
        """Table 7 entry, for the products whose 6th character is a type of collection."""
        family = product_family(self.description_code)
        if family is None or family[1] is not TailLayout.COLLECTION_AND_DIVISION:
            return None
        return COLLECTION_TYPES.get(self.code[5])

    def describe(self) -> list[Row]:
        family = product_family(self.description_code)
        rows = [
            row(bi("产品码", "Product code"), self.code, bi("平台的 bloodId", "platform bloodId")),
            row(
                bi("产品描述码", "Product description code"),
                self.description_code,
                family[0] if family else bi("未分配的产品类别", "unassigned product category"),
            ),
        ]
        return rows + _describe_tail(self.code, family[1] if family else None)


def _describe_tail(code: str, layout: TailLayout | None) -> list[Row]:
    tail = code[5:]
    if layout is TailLayout.COLLECTION_AND_DIVISION:
        collection = COLLECTION_TYPES.get(tail[0])
        return [
            row(
                bi("采集类型", "Type of collection"),
                tail[0],
                collection.meaning if collection else bi("未知代码", "unknown code"),
            ),
            row(bi("分装代码", "Division code"), tail[1:], division_meaning(tail[1:])),
        ]
    if layout is TailLayout.PACK_CODE:
        meaning = bi("未分装", "not divided") if tail == "000" else bi("分装/包装号", "pack code")
        return [row(bi("分装/包装号", "Division or pack code"), tail, meaning)]
    if layout is TailLayout.RESERVED:
        return [row(bi("预留", "Reserved"), tail, bi("预留，应为 000", "reserved, 000"))]
    return [
        row(bi("后三位", "Last three characters"), tail, bi("国家或本地定义", "defined locally"))
    ]


def division_meaning(division: str) -> Bilingual:
    """The division code `ds` of a blood component: first and second level splits."""
    first, second = division[0], division[1]
    if division == "00":
        return bi("未分装", "not divided")
    if division == "99":
        return bi("分装见产品分装条码 [032]", "divisions in the Product Divisions bar code [032]")
    if second == "0":
        return bi(f"第一级分装 {first}", f"division {first}")
    return bi(f"第一级分装 {first}，第二级分装 {second}", f"division {first}, subdivision {second}")


def decode_product_code(segment: str) -> tuple[ProductCode | None, list[ScanIssue]]:
    code = segment[2:]
    if len(code) != PRODUCT_CODE_LENGTH:
        return None, [
            error(
                IssueCode.WRONG_LENGTH,
                segment,
                f"产品码条码应为“=<”加 8 个字符，实际为 {len(code)} 个。请重新扫描产品码条码。",
                f"A product code bar code is '=<' and 8 characters, this one has {len(code)}. "
                "Scan the product code bar code again.",
            )
        ]
    if not _SHAPE.fullmatch(code):
        return None, [
            error(
                IssueCode.INVALID_FIELD,
                segment,
                f"产品码“{code}”格式不对：应为 1 个大写字母、4 个大写字母或数字，"
                "然后是采集类型和分装代码。请重新扫描。",
                f"The product code {code!r} is malformed: one capital letter, four capital "
                "letters or digits, then the collection type and division code. Scan it again.",
            )
        ]
    product = ProductCode(raw=segment, code=code)
    return product, _product_warnings(product)


def _product_warnings(product: ProductCode) -> list[ScanIssue]:
    family = product_family(product.description_code)
    if family is None:
        return [
            warning(
                IssueCode.UNKNOWN_CODE,
                product.raw,
                f"产品描述码 {product.description_code} 不属于任何已分配的类别。",
                f"The product description code {product.description_code} is in no assigned "
                "category.",
            )
        ]
    if family[1] is not TailLayout.COLLECTION_AND_DIVISION:
        return []
    collection = COLLECTION_TYPES.get(product.code[5])
    if collection is None:
        return [
            warning(
                IssueCode.UNKNOWN_CODE,
                product.raw,
                f"采集类型代码“{product.code[5]}”未知。",
                f"Unknown type-of-collection code {product.code[5]!r}.",
            )
        ]
    if collection.do_not_use:
        return [
            warning(
                IssueCode.DO_NOT_USE,
                product.raw,
                f"产品码标明“{collection.meaning.zh}”：此血袋不得接收或发出。",
                f"The product code says {collection.meaning.en!r}: "
                "do not receive or issue this bag.",
            )
        ]
    if collection.restricted:
        return [
            warning(
                IssueCode.RESTRICTED_USE,
                product.raw,
                f"产品码标明“{collection.meaning.zh}”：仅限指定患者，发血前请核对受血者。",
                f"The product code says {collection.meaning.en!r}: for a named patient only; "
                "check the recipient before issuing.",
            )
        ]
    return []
