"""The platform's objects as pydantic models: snake_case attributes, wire names as aliases."""

from desktop.domain.models._base import to_wire
from desktop.domain.models.dictionaries import Blood, BloodSubType, BloodType, Disease, Facility
from desktop.domain.models.handover import (
    BloodBagInfo,
    DispatchListEntry,
    HandoverDetailInfo,
    HandoverInfo,
    HandoverSumInfo,
)
from desktop.domain.models.receive import Receive, ReceiveLine
from desktop.domain.models.takeout import CancelTakeout, Takeout, TakeoutLine, TakeoutListForm
from desktop.domain.models.transfusion import (
    MedicalRecord,
    TransfusionApply,
    TransfusionApplyBlood,
)

__all__ = [
    "Blood",
    "BloodBagInfo",
    "BloodSubType",
    "BloodType",
    "CancelTakeout",
    "Disease",
    "DispatchListEntry",
    "Facility",
    "HandoverDetailInfo",
    "HandoverInfo",
    "HandoverSumInfo",
    "MedicalRecord",
    "Receive",
    "ReceiveLine",
    "Takeout",
    "TakeoutLine",
    "TakeoutListForm",
    "TransfusionApply",
    "TransfusionApplyBlood",
    "to_wire",
]
