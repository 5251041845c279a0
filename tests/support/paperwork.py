"""Wire-shaped documents for outbox tests, left unnumbered so the outbox numbers them.

Only the standard library and the store's `Operator` are imported, so the
crash-safety child process can use these without paying for the test helpers.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from desktop.domain.dates import SHANGHAI
from desktop.store.audit import Operator

AT = datetime(2026, 11, 28, 9, 30, tzinfo=SHANGHAI)
CLERK = Operator("张三", "0123")
OTHER_HOSPITAL = 31010102
"""A hospital in service in the training world, for transfers."""
DEPARTMENT = 1203


def receive(
    bill_id: str, bag_ids: Sequence[str], at: datetime = AT, **extra: Any
) -> dict[str, Any]:
    return {
        "type": 151,
        "refId": bill_id,
        "receiver": "0123",
        "createTime": at,
        "receiveTime": at,
        "bloodBags": [{"bloodBagId": bag} for bag in bag_ids],
        **extra,
    }


def department_return(bag_ids: Sequence[str], at: datetime = AT) -> dict[str, Any]:
    return {
        "type": 1006,
        "refId": "TX" + bag_ids[0],
        "depId": DEPARTMENT,
        "receiver": "0123",
        "createTime": at,
        "receiveTime": at,
        "bloodBags": [{"bloodBagId": bag} for bag in bag_ids],
    }


def patient(name: str = "王五") -> dict[str, Any]:
    return {
        "originalId": "BA2026001234",
        "cardtype": "01",
        "cardno": "310101198001011234",
        "name": name,
        "sex": "1",
        "age": 46,
        "ageType": "0",
        "contact": "13800000000",
        "opEmHpMark": "3",
        "opEmHpNo": "ZY2026005678",
        "disCode": "K92.2",
        "disName": "胃肠道出血",
        "diagnose": "上消化道出血",
        "bloodGroup": "A",
        "rhBloodGroup": "2",
    }


def takeout(
    bag_ids: Sequence[str], kind: int = 1005, at: datetime = AT, **out_stock: Any
) -> dict[str, Any]:
    head: dict[str, Any] = {
        "type": kind,
        "createTime": at,
        "commitTime": at,
        "optId": "0123",
        "details": [{"bloodBagId": bag} for bag in bag_ids],
    }
    if kind == 1005:
        head["depId"] = DEPARTMENT
    if kind == 1002:
        head["otherhosId"] = OTHER_HOSPITAL
    head.update(out_stock)
    form: dict[str, Any] = {"outStock": head}
    if kind == 1005:
        form["transfusionApply"] = _request(at)
    return form


def _request(at: datetime) -> dict[str, Any]:
    return {
        "originalId": "SQ2026000001",
        "medicalRecord": patient(),
        "transReason": "0",
        "property": 2,
        "interoperativeTrans": False,
        "optName": "周操作",
        "optDatetime": at,
        "disName": "胃肠道出血",
        "transfusionApplyBloods": [
            {
                "bloodSubType": 201,
                "bloodGroup": "A",
                "rhBloodGroup": "2",
                "bloodVolume": 2,
                "bloodUnit": "U",
                "mlVolume": 400,
            }
        ],
    }


def cancel(ref_id: str, bag_ids: Sequence[str], at: datetime = AT) -> dict[str, Any]:
    return {
        "refId": ref_id,
        "reason": "患者病情变化，未输注",
        "time": at,
        "user": "0123",
        "bloodBagIds": list(bag_ids),
    }
