"""Wire JSON built from the spec's tables, one fresh dict per call, for the model tests.

Values are written the way the desk sends them (dates `yyyy-MM-dd HH:mm:ss`,
codes with their wire type), so that loading and dumping one gives it back.
"""

from __future__ import annotations

from typing import Any

BAG_1 = "W000026123456E0224V00"
BAG_2 = "W000026123457E0224V00"
BAG_3 = "W000026123458E0226V00"


def blood() -> dict[str, Any]:
    return {
        "Id": "E0224V00",
        "fullName": "悬浮红细胞（200ml全血制备）",
        "shortName": "悬浮红",
        "subType": 11,
        "type": 1,
        "capacity": 130.0,
        "unit": "U",
        "conversion": 1.0,
        "available": True,
    }


def handover_detail(bag_id: str = BAG_1) -> dict[str, Any]:
    return {
        "bloodBagId": bag_id,
        "serialId": "W000026123456",
        "bloodId": "E0224V00",
        "bloodGroup": "A",
        "rhBloodGroup": "2",
        "collectTime": "2026-11-20 09:15:00",
        "collector": "cx001",
        "produceTime": "2026-11-20 15:00:00",
        "producer": "zb002",
        "expiration": "2026-12-25 23:59:59",
    }


def handover_sum() -> dict[str, Any]:
    return {
        "bloodSubType": "悬浮红细胞",
        "bloodGroup": "A",
        "rhBloodGroup": "2",
        "conversion": 3.0,
        "capacity": 390.0,
    }


def handover() -> dict[str, Any]:
    return {
        "id": "JJ20261128-0007",
        "deliverTime": "2026-11-28 07:50:00",
        "remark": "常规发血",
        "bloodBags": [handover_detail(BAG_1), handover_detail(BAG_2), handover_detail(BAG_3)],
        "sums": [handover_sum()],
    }


def receive(type_: int = 151) -> dict[str, Any]:
    return {
        "internalId": "RK20261128001",
        "type": type_,
        "refId": "JJ20261128-0007",
        "receiver": "张三",
        "createTime": "2026-11-28 08:30:00",
        "receiveTime": "2026-11-28 08:45:00",
        "description": "血站发血入库",
        "bloodBags": [{"bloodBagId": BAG_1}, {"bloodBagId": BAG_2}],
    }


def takeout(type_: int = 1005) -> dict[str, Any]:
    return {
        "refId": "CK20261128001",
        "type": type_,
        "depId": 1203,
        "createTime": "2026-11-28 10:00:00",
        "commitTime": "2026-11-28 10:05:00",
        "optId": "lisi",
        "description": "临床用血",
        "details": [{"bloodBagId": BAG_1}, {"bloodBagId": BAG_2}],
    }


def medical_record() -> dict[str, Any]:
    return {
        "originalId": "BA2026001234",
        "cardtype": "01",
        "cardno": "310101198001011234",
        "name": "王五",
        "sex": "1",
        "age": 46,
        "ageType": "0",
        "birthday": "1980-01-01 00:00:00",
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


def apply_blood() -> dict[str, Any]:
    return {
        "bloodSubType": 11,
        "bloodGroup": "A",
        "rhBloodGroup": "2",
        "bloodVolume": 2.0,
        "bloodUnit": "U",
        "mlVolume": 400.0,
    }


def transfusion_apply() -> dict[str, Any]:
    return {
        "originalId": "SQ2026112801",
        "medicalRecord": medical_record(),
        "transPurposeId": 1,
        "transReason": "0",
        "property": 2,
        "interoperativeTrans": False,
        "bleedVolume": 0.0,
        "transConsent": True,
        "dbNurseNo": "N1001",
        "dbNurseName": "赵护士",
        "dbDatetime": "2026-11-28 07:00:00",
        "sampleId": "YB20261128001",
        "apDoctorNo": "D2001",
        "apDoctorName": "钱医生",
        "apDatetime": "2026-11-28 06:40:00",
        "needHiCheck": True,
        "hiDoctorNo": "D3001",
        "hiDoctorName": "孙主治",
        "hiAutDatetime": "2026-11-28 06:50:00",
        "needChCheck": False,
        "chDoctorNo": "D4001",
        "chDoctorName": "李主任",
        "chAutDatetime": "2026-11-28 06:55:00",
        "expTransDt": "2026-11-28 11:00:00",
        "optName": "周操作",
        "optDatetime": "2026-11-28 07:10:00",
        "dptId": 1203,
        "ward": 5,
        "bedno": "12床",
        "disCode": "K92.2",
        "disName": "胃肠道出血",
        "transfusionApplyBloods": [apply_blood()],
    }


def takeout_form() -> dict[str, Any]:
    return {"outStock": takeout(1005), "transfusionApply": transfusion_apply()}


def cancel_takeout() -> dict[str, Any]:
    return {
        "refId": "CK20261128001",
        "reason": "患者病情变化，未输注",
        "time": "2026-11-28 12:00:00",
        "user": "lisi",
        "bloodBagIds": [BAG_1, BAG_2],
    }
