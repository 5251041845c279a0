"""ISBT 128 structures the desk recognises but does not interpret (ST-001 Table 2 [RT003]).

A label carries more bar codes than the desk needs (special testing, container
lot, …). Naming them tells hospital IT that the scanner read a real ISBT 128
bar code, rather than reporting an unknown identifier.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from desktop.domain.isbt128.bilingual import Bilingual, Row, bi, row

# data identifier -> (structure number, Chinese name, English name)
_KNOWN: dict[str, tuple[str, str, str]] = {
    "&(": ("010", "特殊检测：通用", "Special Testing: General"),
    "={": ("011", "特殊检测：红细胞抗原（已废止）", "Special Testing: Red Blood Cell Antigens"),
    "=\\": ("012", "特殊检测：红细胞抗原（通用）", "Special Testing: Red Blood Cell Antigens"),
    "&\\": ("013", "特殊检测：红细胞抗原（芬兰）", "Special Testing: RBC Antigens, Finnish"),
    "&{": ("014", "特殊检测：血小板 HLA 及特异性抗原", "Special Testing: Platelet HLA"),
    "=[": ("015", "特殊检测：HLA-A/B 等位基因（已废止）", "Special Testing: HLA-A and -B"),
    '="': ("016", "特殊检测：HLA-DRB1 等位基因（已废止）", "Special Testing: HLA-DRB1"),
    "=)": ("017", "容器制造商和目录号", "Container Manufacturer and Catalog Number"),
    "&)": ("018", "容器批号", "Container Lot Number"),
    "=;": ("019", "献血者识别号", "Donor Identification Number"),
    "='": ("020", "工作人员识别号", "Staff Member Identification Number"),
    "=-": ("021", "非容器物品的制造商和目录号", "Manufacturer and Catalog Number: Other Items"),
    "&-": ("022", "非容器物品的批号", "Lot Number: Items Other Than Containers"),
    "=+": ("023", "复合信息", "Compound Message"),
    "=#": ("024", "患者出生日期", "Patient Date of Birth"),
    "&#": ("025", "患者识别号", "Patient Identification Number"),
    "=]": ("026", "失效年月", "Expiration Month and Year"),
    '&"': ("027", "输血传播感染标志物", "Transfusion Transmitted Infection Marker"),
    "=$": ("028", "产品托运", "Product Consignment"),
    "&$": ("029", "尺寸", "Dimensions"),
    "&%": ("030", "红细胞抗原及检测历史", "Red Cell Antigens with Test History"),
    "=(": ("031", "灵活日期和时间", "Flexible Date and Time"),
    "=,": ("032", "产品分装", "Product Divisions"),
    "&+": ("033", "加工机构信息码", "Processing Facility Information Code"),
    "=/": ("034", "加工者产品识别码", "Processor Product Identification Code"),
    "&,": ("035–038", "MPHO 批号/补充识别号/欧洲单一编码", "MPHO Lot / Supplemental ID / SEC"),
    "&:": ("039", "献血者全球注册识别号", "Global Registration Identifier for Donors"),
    "&/": ("040", "身份链标识", "Chain of Identity Identifier"),
    "&;": ("", "国家定义的献血者识别号", "Nationally Specified Donor Identification Number"),
    "&!": ("", "保密性血液排除状态", "Confidential Unit Exclusion Status"),
}
_NATIONAL = ("", "国家、地区或机构自定义的数据结构", "Data structure not defined by ICCBBA")


def recognised(identifier: str) -> tuple[str, str, str] | None:
    """(number, Chinese name, English name) of a known but uninterpreted data identifier."""
    if identifier[:1] == "&" and "a" <= identifier[1:2] <= "z":
        return _NATIONAL
    return _KNOWN.get(identifier)


class OtherStructure(BaseModel):
    """A recognised ISBT 128 bar code that the desk shows but does not interpret."""

    model_config = ConfigDict(frozen=True)

    kind: Literal["other"] = "other"
    raw: str
    number: str
    name: Bilingual

    @property
    def title(self) -> Bilingual:
        suffix = f" [{self.number}]" if self.number else ""
        return bi(f"{self.name.zh}{suffix}", f"{self.name.en}{suffix}")

    def describe(self) -> list[Row]:
        return [
            row(
                self.title,
                self.raw[2:],
                bi("本系统不解读此条码", "not interpreted by the desk"),
            )
        ]


def decode_other(segment: str, known: tuple[str, str, str]) -> OtherStructure:
    number, name_zh, name_en = known
    return OtherStructure(raw=segment, number=number, name=bi(name_zh, name_en))
