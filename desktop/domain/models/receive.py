"""A receipt into hospital stock (入库单), sent with `saveReceive`."""

from __future__ import annotations

from typing import Annotated, Self

from pydantic import AfterValidator, Field, model_validator

from desktop.domain.codes import ReceiveType
from desktop.domain.dates import ShanghaiDateTime
from desktop.domain.models._base import (
    BagId,
    OptionalNumber8,
    OptionalText,
    OutgoingModel,
    PlatformNumber,
    PlatformText,
    Text,
    refuse_duplicate_bags,
    require_field,
)


class ReceiveLine(OutgoingModel):
    """One bag of a receipt."""

    id: PlatformNumber = None
    blood_bag_id: BagId = Field(alias="bloodBagId")


def _distinct_lines(lines: list[ReceiveLine]) -> list[ReceiveLine]:
    refuse_duplicate_bags([line.blood_bag_id for line in lines], ("bloodBagId",))
    return lines


class Receive(OutgoingModel):
    """Bags received into hospital stock: from the blood station, another hospital or a ward."""

    id: PlatformText = None
    internal_id: Text = Field(alias="internalId")
    """The hospital's own receipt number."""
    type: ReceiveType
    organ_id: PlatformNumber = Field(None, alias="organId")
    dis_organ_id: OptionalNumber8 = Field(None, alias="disOrganId")
    """The hospital the bags come from (facility dictionary); needed for a transfer-in (1001)."""
    ref_id: Text = Field(alias="refId")
    """The sender's number: the handover bill for 151, the other hospital's takeout for 1001."""
    receiver: Text
    dep_id: OptionalNumber8 = Field(None, alias="depId")
    """The returning department; needed for a department return (1006)."""
    create_time: ShanghaiDateTime = Field(alias="createTime")
    receive_time: ShanghaiDateTime = Field(alias="receiveTime")
    """When the bags were actually received."""
    description: OptionalText = None
    blood_bags: Annotated[list[ReceiveLine], AfterValidator(_distinct_lines)] = Field(
        alias="bloodBags", min_length=1
    )

    @model_validator(mode="after")
    def _type_needs_its_party(self) -> Self:
        if self.type is ReceiveType.TRANSFER_IN:
            require_field(
                self.dis_organ_id,
                "disOrganId",
                "医院调拨入库（1001）须填写调出医院，请从机构字典中选择。",
                "A transfer-in (1001) needs the hospital the bags come from: "
                "pick it from the facility dictionary.",
            )
        if self.type is ReceiveType.DEPARTMENT_RETURN:
            require_field(
                self.dep_id,
                "depId",
                "科室退血入库（1006）须填写退血科室，请选择退血的科室。",
                "A department return (1006) needs the returning department: pick it.",
            )
        return self
