"""Shanghai's blood-service institutions and hospitals, as the platform's facility dictionary.

Facility ids are NUMBER(8). We form them from the administrative division code
of the district (GB/T 2260: 310101 黄浦区 … 310151 崇明区) and a two-digit
sequence, so a hospital's id says where it is: 31010401 is the first hospital
listed for 徐汇区. Blood-service institutions sit below 31000100, where no
district code can reach.

A hospital's login (客户编号) is its district code and a three-digit sequence,
for example 310101001 for 瑞金医院: the spec gives each hospital a client id
and secret, and keeps them apart from the facility id the token maps to.
Names are real; the ids, logins and "unavailable" marks are the training
platform's own.
"""

from __future__ import annotations

from typing import Any, Final, NamedTuple

from desktop.domain.codes import FacilityType

BLOOD_CENTER_ID: Final = 31000001
MUNICIPAL_BAO_ID: Final = 31000002

DISTRICTS: Final[dict[str, str]] = {
    "310101": "黄浦区",
    "310104": "徐汇区",
    "310105": "长宁区",
    "310106": "静安区",
    "310107": "普陀区",
    "310109": "虹口区",
    "310110": "杨浦区",
    "310112": "闵行区",
    "310113": "宝山区",
    "310114": "嘉定区",
    "310115": "浦东新区",
    "310116": "金山区",
    "310117": "松江区",
    "310118": "青浦区",
    "310120": "奉贤区",
    "310151": "崇明区",
}


class Station(NamedTuple):
    """A collecting site: its facility id, name and ICCBBA facility identification number.

    The FINs are illustrative (letter + four digits, the ISBT 128 form), not
    ICCBBA's register: they only have to be distinct and well formed.
    """

    id: int
    name: str
    fin: str


CENTER: Final = Station(BLOOD_CENTER_ID, "上海市血液中心", "C3101")

# Branches and the districts whose hospitals they supply; the center supplies the rest.
BRANCHES: Final[tuple[tuple[Station, tuple[str, ...]], ...]] = (
    (Station(31000011, "上海市血液中心浦东分站", "C3102"), ("310115",)),
    (Station(31000012, "上海市血液中心嘉定分站", "C3103"), ("310114", "310113")),
    (Station(31000013, "上海市血液中心奉贤分站", "C3104"), ("310120",)),
    (Station(31000014, "上海市血液中心松江分站", "C3105"), ("310117", "310118")),
    (Station(31000015, "上海市血液中心崇明分站", "C3106"), ("310151",)),
    (Station(31000016, "上海市血液中心金山分站", "C3107"), ("310116",)),
    (Station(31000017, "上海市血液中心闵行分站", "C3108"), ("310112",)),
)

# (district code, name, available). Unavailable rows carry names retired when
# 卢湾 and 闸北 merged into other districts and 崇明 became a district: the
# dictionary keeps them, as real dictionaries do, and the desk must not offer them.
_HOSPITALS: Final[tuple[tuple[str, str, bool], ...]] = (
    ("310101", "上海交通大学医学院附属瑞金医院", True),
    ("310101", "上海交通大学医学院附属第九人民医院", True),
    ("310101", "上海中医药大学附属曙光医院", True),
    ("310101", "海军军医大学第二附属医院（上海长征医院）", True),
    ("310101", "上海市第二人民医院", True),
    ("310101", "上海市黄浦区中心医院", True),
    ("310101", "复旦大学附属妇产科医院", True),
    ("310101", "上海市卢湾区中心医院", False),
    ("310104", "复旦大学附属中山医院", True),
    ("310104", "复旦大学附属肿瘤医院", True),
    ("310104", "上海交通大学医学院附属第六人民医院", True),
    ("310104", "上海中医药大学附属龙华医院", True),
    ("310104", "上海市胸科医院", True),
    ("310104", "中国福利会国际和平妇幼保健院", True),
    ("310104", "复旦大学附属眼耳鼻喉科医院", True),
    ("310104", "上海市第八人民医院", True),
    ("310104", "上海市徐汇区中心医院", True),
    ("310104", "上海市徐汇区大华医院", True),
    ("310105", "上海市同仁医院", True),
    ("310105", "上海市光华中西医结合医院", True),
    ("310105", "上海市长宁区妇幼保健院", True),
    ("310106", "复旦大学附属华山医院", True),
    ("310106", "复旦大学附属华东医院", True),
    ("310106", "上海市第十人民医院", True),
    ("310106", "上海市静安区中心医院", True),
    ("310106", "上海市静安区闸北中心医院", True),
    ("310106", "上海市闸北区中心医院", False),
    ("310107", "上海市同济医院", True),
    ("310107", "上海市普陀区中心医院", True),
    ("310107", "上海市普陀区人民医院", True),
    ("310107", "上海市普陀区利群医院", True),
    ("310109", "上海市第一人民医院", True),
    ("310109", "上海市第四人民医院", True),
    ("310109", "上海中医药大学附属岳阳中西医结合医院", True),
    ("310110", "海军军医大学第一附属医院（上海长海医院）", True),
    ("310110", "上海交通大学医学院附属新华医院", True),
    ("310110", "上海市肺科医院", True),
    ("310110", "海军军医大学第三附属医院（东方肝胆外科医院）", True),
    ("310110", "上海市杨浦区中心医院", True),
    ("310110", "上海市杨浦区市东医院", True),
    ("310110", "上海市杨浦区控江医院", True),
    ("310112", "上海市闵行区中心医院", True),
    ("310112", "复旦大学附属儿科医院", True),
    ("310112", "上海市第五人民医院", True),
    ("310112", "上海市闵行区吴泾医院", True),
    ("310113", "上海市宝山区吴淞中心医院", True),
    ("310113", "复旦大学附属华山医院北院", True),
    ("310113", "上海市宝山区中西医结合医院", True),
    ("310113", "上海市宝山区罗店医院", True),
    ("310114", "上海市嘉定区中心医院", True),
    ("310114", "上海交通大学医学院附属瑞金医院北院", True),
    ("310114", "上海市嘉定区南翔医院", True),
    ("310114", "上海市嘉定区安亭医院", True),
    ("310115", "上海交通大学医学院附属仁济医院", True),
    ("310115", "上海市东方医院（同济大学附属东方医院）", True),
    ("310115", "上海交通大学医学院附属上海儿童医学中心", True),
    ("310115", "上海市浦东新区人民医院", True),
    ("310115", "复旦大学附属浦东医院", True),
    ("310115", "上海市第七人民医院", True),
    ("310115", "上海市浦东新区公利医院", True),
    ("310115", "上海市浦东新区周浦医院", True),
    ("310115", "上海市浦东新区浦南医院", True),
    ("310115", "上海市第一妇婴保健院", True),
    ("310115", "上海市浦东新区光明中医医院", True),
    ("310116", "上海市金山区中心医院", True),
    ("310116", "复旦大学附属金山医院", True),
    ("310116", "上海市公共卫生临床中心", True),
    ("310117", "上海市松江区中心医院", True),
    ("310117", "上海市第一人民医院南院", True),
    ("310117", "上海市松江区泗泾医院", True),
    ("310118", "复旦大学附属中山医院青浦分院", True),
    ("310118", "上海市青浦区中医医院", True),
    ("310120", "上海市奉贤区中心医院", True),
    ("310120", "上海市奉贤区中医医院", True),
    ("310151", "上海市崇明区中心医院", True),
    ("310151", "上海市崇明区第三人民医院", True),
    ("310151", "上海市崇明县中心医院", False),
)

TRAINING_HOSPITAL_ID: Final = 31010101
"""上海交通大学医学院附属瑞金医院: the hospital the default login belongs to."""
DEFAULT_CLIENT_ID: Final = "310101001"
DEFAULT_CLIENT_SECRET: Final = "training-310101001"
"""Every hospital's training secret is `training-` + its client id; see `client_secret`."""


class Hospital(NamedTuple):
    """A hospital row: its facility id, login, name, district and whether it is in service."""

    id: int
    client_id: str
    name: str
    district: str
    available: bool


def _number_hospitals() -> tuple[Hospital, ...]:
    rows: list[Hospital] = []
    per_district: dict[str, int] = {}
    for district, name, available in _HOSPITALS:
        sequence = per_district.get(district, 0) + 1
        per_district[district] = sequence
        rows.append(
            Hospital(
                int(f"{district}{sequence:02d}"),
                f"{district}{sequence:03d}",
                name,
                district,
                available,
            )
        )
    return tuple(rows)


HOSPITALS: Final = _number_hospitals()

CLIENT_FACILITIES: Final[dict[str, int]] = {
    hospital.client_id: hospital.id for hospital in HOSPITALS if hospital.available
}
"""Client id (客户编号) → facility id, for every hospital in service: who may log in."""


def client_secret(client_id: str) -> str:
    """The training secret of `client_id`; the server may be configured with others."""
    return f"training-{client_id}"


def supplier_of(district: str) -> Station:
    """The station that dispatches to hospitals of `district`."""
    for station, districts in BRANCHES:
        if district in districts:
            return station
    return CENTER


def facility_rows() -> list[dict[str, Any]]:
    """The facility dictionary, wire-shaped: stations, donation offices, then hospitals."""
    rows = [_row(CENTER.id, CENTER.name, FacilityType.BLOOD_STATION)]
    rows += [_row(station.id, station.name, FacilityType.BLOOD_BRANCH) for station, _ in BRANCHES]
    rows.append(_row(MUNICIPAL_BAO_ID, "上海市献血办公室", FacilityType.MUNICIPAL_BAO))
    for index, district in enumerate(DISTRICTS.values()):
        rows.append(_row(31000021 + index, f"{district}献血办公室", FacilityType.DISTRICT_BAO))
    rows.append(_row(31000099, "闸北区献血办公室", FacilityType.DISTRICT_BAO, available=False))
    rows += [
        _row(hospital.id, hospital.name, FacilityType.HOSPITAL, hospital.available)
        for hospital in HOSPITALS
    ]
    return rows


def _row(facility_id: int, name: str, kind: FacilityType, available: bool = True) -> dict[str, Any]:
    return {"id": facility_id, "name": name, "type": kind.value, "available": available}
