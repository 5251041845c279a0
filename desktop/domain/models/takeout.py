"""An outflow from hospital stock (出库), sent with `saveTakeoutList`, and its cancellation."""

from __future__ import annotations

from typing import Annotated, Self

from pydantic import AfterValidator, Field, model_validator

from desktop.domain.codes import TakeoutType
from desktop.domain.dates import ShanghaiDateTime
from desktop.domain.errors import DomainValueError
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
from desktop.domain.models.transfusion import TransfusionApply


class TakeoutLine(OutgoingModel):
    """One bag of a takeout."""

    id: PlatformNumber = None
    blood_bag_id: BagId = Field(alias="bloodBagId")


def _distinct_lines(lines: list[TakeoutLine]) -> list[TakeoutLine]:
    refuse_duplicate_bags([line.blood_bag_id for line in lines], ("bloodBagId",))
    return lines


def _distinct_ids(bag_ids: list[str]) -> list[str]:
    refuse_duplicate_bags(bag_ids, ())
    return bag_ids


class Takeout(OutgoingModel):
    """Bags leaving hospital stock: to a patient, another hospital, the bin or the blood station."""

    id: PlatformText = None
    ref_id: Text = Field(alias="refId")
    """The hospital's own takeout number; a cancellation names it."""
    type: TakeoutType
    organ_id: PlatformNumber = Field(None, alias="organId")
    otherhos_id: OptionalNumber8 = Field(None, alias="otherhosId")
    """The receiving hospital (facility dictionary); needed for a transfer-out (1002)."""
    dep_id: OptionalNumber8 = Field(None, alias="depId")
    """The department the blood is issued to; needed for clinical use (1005)."""
    create_time: ShanghaiDateTime = Field(alias="createTime")
    commit_time: ShanghaiDateTime = Field(alias="commitTime")
    """When the bags actually left stock."""
    opt_id: Text = Field(alias="optId")
    """The operator."""
    description: OptionalText = None
    details: Annotated[list[TakeoutLine], AfterValidator(_distinct_lines)] = Field(min_length=1)

    @model_validator(mode="after")
    def _type_needs_its_party(self) -> Self:
        if self.type is TakeoutType.TRANSFER_OUT:
            require_field(
                self.otherhos_id,
                "otherhosId",
                "调拨出库（1002）须填写调入医院，请从机构字典中选择。",
                "A transfer-out (1002) needs the receiving hospital: "
                "pick it from the facility dictionary.",
            )
        if self.type is TakeoutType.CLINICAL_USE:
            require_field(
                self.dep_id,
                "depId",
                "临床用血出库（1005）须填写用血科室，请选择科室。",
                "A clinical-use takeout (1005) needs the department: pick it.",
            )
        return self


class TakeoutListForm(OutgoingModel):
    """What `saveTakeoutList` takes: the takeout, plus the transfusion request for clinical use."""

    out_stock: Takeout = Field(alias="outStock")
    transfusion_apply: TransfusionApply | None = Field(None, alias="transfusionApply")

    @model_validator(mode="after")
    def _request_only_for_clinical_use(self) -> Self:
        clinical = self.out_stock.type is TakeoutType.CLINICAL_USE
        if clinical:
            require_field(
                self.transfusion_apply,
                "transfusionApply",
                "临床用血出库（1005）须附输血申请单，请填写输血申请单。",
                "A clinical-use takeout (1005) needs its transfusion request: fill it in.",
            )
        elif self.transfusion_apply is not None:
            # A request on a transfer or scrapping would file a transfusion that
            # never happened in the platform's clinical statistics.
            kind = self.out_stock.type
            raise DomainValueError(
                f"只有临床用血出库（1005）才附输血申请单，本单为{kind.label_zh}（{kind.value}），"
                "请删除输血申请单或改为临床用血出库。",
                f"Only a clinical-use takeout (1005) carries a transfusion request; this one is "
                f"{kind.label_en} ({kind.value}): remove the request or make it a clinical-use "
                "takeout.",
                ("transfusionApply",),
            )
        return self


class CancelTakeout(OutgoingModel):
    """The parameters of `cancelTakeoutList`: undo a registered takeout, whole or in part."""

    ref_id: Text = Field(alias="refId")
    """The hospital's own number of the takeout to cancel."""
    reason: Text
    time: ShanghaiDateTime
    user: Text
    blood_bag_ids: Annotated[list[BagId], AfterValidator(_distinct_ids)] = Field(
        alias="bloodBagIds", min_length=1
    )
