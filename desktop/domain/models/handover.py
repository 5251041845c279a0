"""The blood station's handover bill (发血交接单) and its bags, as the platform sends them.

Sources: `listBillDetail` (HandoverInfo), `getBloodBags` (BloodBagInfo) and the
dispatch list `GET /api/dispatchin/list` (DispatchListEntry).

Blood groups on bag data are normalised on input (`A型` → A, `阴性` → 1). A
value we cannot read does **not** reject the bill: the group becomes 不详
(unknown) and the text the platform sent is kept in `*_as_sent`. Refusing would
block receiving every bag on the bill over one label, and guessing would be
dangerous; 不详 is the one reading that can never be mistaken for a real
group, so the counter sees "不详", checks the physical label, and the original
text stays at hand for that check and for support. A missing group is 不详 too.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BeforeValidator, Field, model_validator

from desktop.domain.codes import Abo, Rh, parse_abo, parse_rh
from desktop.domain.dates import ShanghaiDateTime
from desktop.domain.errors import DomainValueError
from desktop.domain.models._base import (
    BagId,
    IncomingModel,
    OptionalAmount,
    OptionalDateTime,
    OptionalText,
    Text,
    none_as_empty,
)

_GROUP_FIELDS = (
    ("bloodGroup", "blood_group", parse_abo, Abo.UNKNOWN),
    ("rhBloodGroup", "rh_blood_group", parse_rh, Rh.UNKNOWN),
)


def _set_aside_unreadable_groups(data: dict[Any, Any]) -> dict[Any, Any]:
    kept = dict(data)
    for alias, name, parse, unknown in _GROUP_FIELDS:
        key = alias if alias in kept else name
        value = kept.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            kept[key] = unknown
            continue
        try:
            parse(value)
        except DomainValueError:
            kept[key] = unknown
            kept[f"{name}_as_sent"] = str(value)
    return kept


class _BloodGroups(IncomingModel):
    """ABO and Rh as bag data carries them; see the module docstring for unreadable values."""

    blood_group: Annotated[Abo, BeforeValidator(parse_abo)] = Field(Abo.UNKNOWN, alias="bloodGroup")
    rh_blood_group: Annotated[Rh, BeforeValidator(parse_rh)] = Field(
        Rh.UNKNOWN, alias="rhBloodGroup"
    )
    blood_group_as_sent: str | None = Field(None, exclude=True)
    """The ABO text the platform sent when it could not be read (then `blood_group` is 不详)."""
    rh_blood_group_as_sent: str | None = Field(None, exclude=True)
    """The Rh text the platform sent when it could not be read (then `rh_blood_group` is 不详)."""

    @model_validator(mode="before")
    @classmethod
    def _keep_unreadable_groups(cls, data: Any) -> Any:
        return _set_aside_unreadable_groups(data) if isinstance(data, dict) else data


class _BagData(_BloodGroups):
    """What the platform says about one bag, apart from its id (whose wire name differs)."""

    serial_id: OptionalText = Field(None, alias="serialId")
    """献血序列号: the donation number (ISBT 128 DIN)."""
    blood_id: OptionalText = Field(None, alias="bloodId")
    """产品码: the 8-character ISBT 128 product code, a key of the Blood dictionary."""
    collect_time: OptionalDateTime = Field(None, alias="collectTime")
    collector: OptionalText = None
    produce_time: OptionalDateTime = Field(None, alias="produceTime")
    producer: OptionalText = None
    expiration: OptionalDateTime = None


class HandoverDetailInfo(_BagData):
    """One bag on a handover bill (HandoverDetailInfo)."""

    blood_bag_id: BagId = Field(alias="bloodBagId")


class BloodBagInfo(_BagData):
    """One bag as `getBloodBags` returns it: the same data, the bag id under `id`."""

    id: BagId

    @property
    def blood_bag_id(self) -> str:
        """The bag id under the name HandoverDetailInfo uses, so either can be handled alike."""
        return self.id


class HandoverSumInfo(_BloodGroups):
    """One summary line of a handover bill: totals per product kind and group."""

    blood_sub_type: OptionalText = Field(None, alias="bloodSubType")
    """The name (not the id) of the product's 中类."""
    conversion: OptionalAmount = None
    """Total units (总单位折算量)."""
    capacity: OptionalAmount = None
    """Total volume (总血量)."""


class HandoverInfo(IncomingModel):
    """A handover bill (发血单) from the blood station, with its bags and sums."""

    id: Text
    deliver_time: ShanghaiDateTime = Field(alias="deliverTime")
    remark: OptionalText = None
    blood_bags: Annotated[list[HandoverDetailInfo], BeforeValidator(none_as_empty)] = Field(
        default_factory=list, alias="bloodBags"
    )
    sums: Annotated[list[HandoverSumInfo], BeforeValidator(none_as_empty)] = Field(
        default_factory=list
    )


class DispatchListEntry(IncomingModel):
    """One bill of the dispatch list: enough to tell a new bill from one already fetched."""

    id: Text
    deliver_time: ShanghaiDateTime = Field(alias="deliverTime")
    remark: OptionalText = None
