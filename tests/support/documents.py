"""Documents the desk sends, built around real bags of a training-platform bill."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from desktop.domain.dates import SHANGHAI
from desktop.domain.models import CancelTakeout, Receive, TakeoutListForm

NOW = datetime(2026, 11, 28, 9, 30, tzinfo=SHANGHAI)


def receive_151(bill_id: str, bag_ids: Sequence[str], internal_id: str = "RK-T-0001") -> Receive:
    return Receive.model_validate(
        {
            "internalId": internal_id,
            "type": 151,
            "refId": bill_id,
            "receiver": "张三",
            "createTime": NOW,
            "receiveTime": NOW,
            "bloodBags": [{"bloodBagId": bag_id} for bag_id in bag_ids],
        }
    )


def medical_record(abo: str = "A", rh: str = "2") -> dict[str, Any]:
    return {
        "originalId": "BA2026001234",
        "cardtype": "01",
        "cardno": "310101198001011234",
        "name": "王五",
        "sex": "1",
        "age": 46,
        "ageType": "0",
        "opEmHpMark": "3",
        "opEmHpNo": "ZY2026005678",
        "disCode": "K92.2",
        "disName": "胃肠道出血",
        "diagnose": "上消化道出血",
        "bloodGroup": abo,
        "rhBloodGroup": rh,
    }


def takeout_1005(ref_id: str, bag_ids: Sequence[str], department: int = 1203) -> TakeoutListForm:
    return TakeoutListForm.model_validate(
        {
            "outStock": {
                "refId": ref_id,
                "type": 1005,
                "depId": department,
                "createTime": NOW,
                "commitTime": NOW,
                "optId": "lisi",
                "details": [{"bloodBagId": bag_id} for bag_id in bag_ids],
            },
            "transfusionApply": {
                "originalId": "SQ" + ref_id,
                "medicalRecord": medical_record(),
                "transReason": "0",
                "property": 2,
                "interoperativeTrans": False,
                "optName": "周操作",
                "optDatetime": NOW,
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
            },
        }
    )


def cancel(ref_id: str, bag_ids: Sequence[str]) -> CancelTakeout:
    return CancelTakeout.model_validate(
        {
            "refId": ref_id,
            "reason": "患者病情变化，未输注",
            "time": NOW,
            "user": "lisi",
            "bloodBagIds": list(bag_ids),
        }
    )
