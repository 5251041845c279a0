"""SOAP sample data as the platform answers and the desk sends it, in Python values.

One `Call` per operation: the desk's positional arguments and the platform's answer,
with Chinese names, ISBT 128 bag ids (13-character DIN + 8-character product code)
and Shanghai times. Shared by many tests: never mutate them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

from desktop.domain.dates import SHANGHAI

BAG_1 = "A999917123456E0224V00"
BAG_2 = "A999917123457E0224V00"
BAG_3 = "A999917123458E0336V00"


def at(month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=SHANGHAI)


BLOOD = [
    {
        "Id": "E0224V00",
        "fullName": "悬浮红细胞（200ml全血制备）",
        "shortName": "悬浮红",
        "subType": 11,
        "type": 1,
        "capacity": Decimal("130.00"),
        "unit": "U",
        "conversion": Decimal("1.00"),
        "available": True,
    },
    {
        "Id": "E0336V00",
        "fullName": "新鲜冰冻血浆（200ml全血制备）",
        "shortName": "新鲜冰冻血浆",
        "subType": 21,
        "type": 2,
        "capacity": Decimal("100.00"),
        "unit": "ml",
        "conversion": Decimal("0.50"),
        "available": False,
    },
]
BLOOD_TYPES = [
    {"id": 1, "name": "红细胞类", "uiOrder": 1, "available": True},
    {"id": 2, "name": "血浆类", "uiOrder": 2, "available": True},
]
BLOOD_SUB_TYPES = [
    {"id": 11, "name": "悬浮红细胞", "uiOrder": 1, "available": True},
    {"id": 21, "name": "新鲜冰冻血浆", "uiOrder": 5, "available": False},
]
FACILITIES = [
    {"id": 1, "name": "上海市血液中心", "type": "BLOOD_STATION", "available": True},
    {"id": 31010001, "name": "上海市第一人民医院", "type": "HOSPITAL", "available": True},
    {"id": 31000002, "name": "黄浦区献血办", "type": "DISTRICT_BAO", "available": False},
]
DISEASES = [
    {"id": "1", "name": "胃肠道出血", "code": "K92.2", "uiOrder": 1, "available": True},
    {"id": "2", "name": "缺铁性贫血", "code": "D50.9", "uiOrder": 2, "available": True},
]


def _bag(bag_id: str, product: str, *, id_field: str) -> dict[str, Any]:
    return {
        id_field: bag_id,
        "serialId": bag_id[:13],
        "bloodId": product,
        "bloodGroup": "A",
        "rhBloodGroup": "2",
        "collectTime": at(11, 20, 9, 15),
        "collector": "cx001",
        "produceTime": at(11, 20, 15),
        "producer": "zb002",
        "expiration": at(12, 25, 23, 59),
    }


HANDOVER = {
    "id": "JJ20261128-0007",
    "deliverTime": at(11, 28, 7, 50),
    "remark": "常规发血",
    "bloodBags": [
        _bag(BAG_1, "E0224V00", id_field="bloodBagId"),
        _bag(BAG_2, "E0224V00", id_field="bloodBagId"),
        _bag(BAG_3, "E0336V00", id_field="bloodBagId"),
    ],
    "sums": [
        {
            "bloodSubType": "悬浮红细胞",
            "bloodGroup": "A",
            "rhBloodGroup": "2",
            "conversion": Decimal("2.00"),
            "capacity": Decimal("260.00"),
        },
        {
            "bloodSubType": "新鲜冰冻血浆",
            "bloodGroup": "A",
            "rhBloodGroup": "2",
            "conversion": Decimal("0.50"),
            "capacity": Decimal("100.00"),
        },
    ],
}
BLOOD_BAGS = [_bag(BAG_1, "E0224V00", id_field="id"), _bag(BAG_3, "E0336V00", id_field="id")]

RECEIVE = {
    "internalId": "RK20261128001",
    "type": 151,
    "refId": "JJ20261128-0007",
    "receiver": "张三",
    "createTime": at(11, 28, 8, 30),
    "receiveTime": at(11, 28, 8, 45),
    "description": "血站发血入库",
    "bloodBags": [{"bloodBagId": BAG_1}, {"bloodBagId": BAG_2}],
}
MEDICAL_RECORD = {
    "originalId": "BA2026001234",
    "cardtype": "01",
    "cardno": "310101198001011234",
    "name": "王五",
    "sex": "1",
    "age": 46,
    "ageType": "0",
    "birthday": datetime(1980, 1, 1, tzinfo=SHANGHAI),
    "contact": "13800000000",
    "country": "中国",
    "company": "上海某公司",
    "dependency": "1",
    "opEmHpMark": "3",
    "opEmHpNo": "ZY2026005678",
    "disCode": "K92.2",
    "disName": "胃肠道出血",
    "diagnose": "上消化道出血",
    "transHisMark": "1",
    "reacHisMark": "1",
    "gestHisMark": "9",
    "parturition": 0,
    "pregnant": 0,
    "bloodGroup": "A",
    "rhBloodGroup": "2",
}
TAKEOUT_FORM = {
    "outStock": {
        "refId": "CK20261128001",
        "type": 1005,
        "depId": 1203,
        "createTime": at(11, 28, 10),
        "commitTime": at(11, 28, 10, 5),
        "optId": "lisi",
        "description": "临床用血",
        "details": [{"bloodBagId": BAG_1}, {"bloodBagId": BAG_2}],
    },
    "transfusionApply": {
        "originalId": "SQ2026112801",
        "medicalRecord": MEDICAL_RECORD,
        "transPurposeId": 1,
        "transReason": "0",
        "property": 2,
        "interoperativeTrans": False,
        "bleedVolume": Decimal("0.00"),
        "transConsent": True,
        "dbNurseNo": "N1001",
        "dbNurseName": "赵护士",
        "dbDatetime": at(11, 28, 7),
        "sampleId": "YB20261128001",
        "apDoctorNo": "D2001",
        "apDoctorName": "钱医生",
        "apDatetime": at(11, 28, 6, 40),
        "needHiCheck": True,
        "hiDoctorNo": "D3001",
        "hiDoctorName": "孙主治",
        "hiAutDatetime": at(11, 28, 6, 50),
        "needChCheck": False,
        "chDoctorNo": "D4001",
        "chDoctorName": "李主任",
        "chAutDatetime": at(11, 28, 6, 55),
        "expTransDt": at(11, 28, 11),
        "optName": "周操作",
        "optDatetime": at(11, 28, 7, 10),
        "dptId": 1203,
        "ward": 5,
        "bedno": "12床",
        "disCode": "K92.2",
        "disName": "胃肠道出血",
        "transfusionApplyBloods": [
            {
                "bloodSubType": 11,
                "bloodGroup": "A",
                "rhBloodGroup": "2",
                "bloodVolume": Decimal("2.00"),
                "bloodUnit": "U",
                "mlVolume": Decimal("400.00"),
            }
        ],
    },
}
CANCEL_ARGS = ["CK20261128001", "患者病情变化，未输注", at(11, 28, 12), "lisi", [BAG_1, BAG_2]]


@dataclass(frozen=True)
class Call:
    """One operation: the desk's positional arguments and the platform's answer."""

    operation: str
    args: list[Any] = field(default_factory=list)
    result: Any = None


CALLS = [
    Call("listAllBlood", result=BLOOD),
    Call("listAllBloodType", result=BLOOD_TYPES),
    Call("listAllBloodSubType", result=BLOOD_SUB_TYPES),
    Call("listAllFacilities", result=FACILITIES),
    Call("listAllDisease", result=DISEASES),
    Call("getFacility", result=FACILITIES[1]),
    Call("listBillDetail", ["JJ20261128-0007"], HANDOVER),
    Call("getBloodBags", [[BAG_1, BAG_3]], BLOOD_BAGS),
    Call("saveReceive", [RECEIVE]),
    Call("saveTakeoutList", [TAKEOUT_FORM]),
    Call("cancelTakeoutList", CANCEL_ARGS, "success"),
]
CALL_IDS = [call.operation for call in CALLS]
