"""The platform's dictionaries (字典): products, product classes, facilities, diseases.

The spec marks none of their fields required. We require the key and the name
a person reads, since an entry without them cannot be picked or shown; the rest
is optional. An entry without `available` (or with null) counts as available:
the platform lists live entries, and a missing flag is not a withdrawal.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import AliasChoices, BeforeValidator, Field, StringConstraints

from desktop.domain.codes import FacilityType
from desktop.domain.models._base import (
    Count,
    IncomingModel,
    IncomingOptionalCount,
    IncomingOptionalText,
    OptionalAmount,
    OptionalCount,
    OptionalText,
    Text,
)

ProductCode = Annotated[str, StringConstraints(min_length=8, max_length=8)]
"""An 8-character ISBT 128 product code (产品码), e.g. `E0224V00`."""


def _absent_as_available(value: object) -> object:
    return True if value is None else value


Available = Annotated[bool, BeforeValidator(_absent_as_available)]


class Blood(IncomingModel):
    """A blood product (血液品种), keyed by its ISBT 128 product code."""

    id: ProductCode = Field(validation_alias=AliasChoices("Id", "id"), serialization_alias="Id")
    """The source spells it `Id`; `id` is accepted too."""
    full_name: Text = Field(alias="fullName")
    short_name: OptionalText = Field(None, alias="shortName")
    sub_type: OptionalCount = Field(None, alias="subType")
    """Id of the product's BloodSubType (中类)."""
    type: OptionalCount = None
    """Id of the product's BloodType (大类)."""
    capacity: OptionalAmount = None
    """Volume of one bag, in `unit`."""
    unit: OptionalText = None
    conversion: OptionalAmount = None
    """Units (单位折算量) one bag counts for."""
    available: Available = True


class BloodType(IncomingModel):
    """A product class (血液品种大类)."""

    id: Count
    name: Text
    ui_order: IncomingOptionalCount = Field(None, alias="uiOrder")
    available: Available = True


class BloodSubType(IncomingModel):
    """A product sub-class (血液品种中类)."""

    id: Count
    name: Text
    ui_order: IncomingOptionalCount = Field(None, alias="uiOrder")
    available: Available = True


class Facility(IncomingModel):
    """An institution: blood station, branch, donation office or hospital."""

    id: Count
    name: Text
    type: FacilityType
    available: Available = True


class Disease(IncomingModel):
    """A disease of the platform's dictionary."""

    id: Text
    name: Text
    code: IncomingOptionalText = None
    ui_order: IncomingOptionalCount = Field(None, alias="uiOrder")
    available: Available = True
