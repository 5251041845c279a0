"""What the platform's objects share: the two kinds of model, the column types, the common rules.

Objects the platform sends us (dictionaries, handover bills) ignore fields they
do not know, because the platform may add some. Documents we send (receipts,
takeouts, …) forbid them, so a typo in a form binding fails here and not at
the platform.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    StringConstraints,
)

from desktop.domain.dates import ShanghaiDateTime
from desktop.domain.errors import DomainValueError, shown


class IncomingModel(BaseModel):
    """An object the platform sends: unknown fields ignored, numeric ids taken as text."""

    model_config = ConfigDict(
        populate_by_name=True,
        str_strip_whitespace=True,
        extra="ignore",
        coerce_numbers_to_str=True,
    )


class OutgoingModel(BaseModel):
    """A document the desk sends: unknown fields refused."""

    model_config = ConfigDict(populate_by_name=True, str_strip_whitespace=True, extra="forbid")


def to_wire(model: BaseModel) -> dict[str, Any]:
    """`model` as the platform's JSON: wire field names, absent values left out.

    A SOAP client wants Python values (datetime, Decimal) rather than JSON
    text; it dumps with `model_dump(by_alias=True, exclude_none=True)` instead.
    """
    return model.model_dump(by_alias=True, mode="json", exclude_none=True)


def _is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def blank_as_none(value: object) -> object:
    """An empty form field means "not given", as None does."""
    return None if _is_blank(value) else value


def none_as_empty(value: object) -> object:
    """A list the platform sends as null holds nothing."""
    return [] if value is None else value


def _refuse_bool(value: object) -> object:
    # Pydantic takes True for 1; in a number field a bool is a binding bug.
    if isinstance(value, bool):
        raise DomainValueError(
            f"应填写数字，而不是是/否值 {shown(value)}，请重新填写。",
            f"Expected a number, not the yes/no value {shown(value)}; enter a number.",
        )
    return value


def _platform_assigned(value: object) -> None:
    if not _is_blank(value):
        raise DomainValueError(
            f"此项由平台自动生成，新建单据时必须留空（现为 {shown(value)}），请清空。",
            f"Assigned by the platform: leave it empty on a new document "
            f"(it holds {shown(value)}); clear it.",
        )


def _amount_as_number(value: Decimal) -> float:
    return float(value)


Text = Annotated[str, StringConstraints(min_length=1)]
OptionalText = Annotated[str | None, BeforeValidator(blank_as_none)]

BagId = Annotated[str, StringConstraints(min_length=1, max_length=23)]
"""A platform blood-bag id, VARCHAR2(23)."""

Number8 = Annotated[int, BeforeValidator(_refuse_bool), Field(ge=0, le=99_999_999)]
"""A NUMBER(8) column: facility, department and purpose ids."""
OptionalNumber8 = Annotated[Number8 | None, BeforeValidator(blank_as_none)]
Number4 = Annotated[int, BeforeValidator(_refuse_bool), Field(ge=0, le=9_999)]
Count = Annotated[int, BeforeValidator(_refuse_bool), Field(ge=0)]
"""A plain non-negative number of the spec: an age, a count, a dictionary id."""
OptionalCount = Annotated[Count | None, BeforeValidator(blank_as_none)]

# 15 significant digits is the most a JSON number (an IEEE double) carries
# exactly, so the number sent is the number entered; amounts are volumes and
# unit counts, never negative.
Amount = Annotated[
    Decimal,
    BeforeValidator(_refuse_bool),
    Field(ge=0, decimal_places=2, max_digits=15),
    PlainSerializer(_amount_as_number, return_type=float, when_used="json"),
]
"""A "number with two decimals" of the spec."""
OptionalAmount = Annotated[Amount | None, BeforeValidator(blank_as_none)]

# The platform's dictionaries come in lists of up to 50,000 rows, read by the client
# with empty elements already absent. Their optional fields need none of the
# form-oriented Python validators above, and leaving those out keeps validation
# in pydantic's compiled core: about twice as fast on the disease dictionary.
IncomingOptionalText = str | None
IncomingOptionalCount = Annotated[int, Field(ge=0)] | None

OptionalDateTime = Annotated[ShanghaiDateTime | None, BeforeValidator(blank_as_none)]
OptionalFlag = Annotated[bool | None, BeforeValidator(blank_as_none)]

PlatformText = Annotated[str | None, BeforeValidator(_platform_assigned)]
"""A text id the platform assigns: must be left empty on a document we send."""
PlatformNumber = Annotated[int | None, BeforeValidator(_platform_assigned)]
"""A numeric id the platform assigns: must be left empty on a document we send."""


def refuse_duplicate_bags(bag_ids: Sequence[str], field: tuple[str, ...]) -> None:
    """Refuse a document that lists a bag twice, pointing at the second mention.

    `field` is where the id sits inside one list entry (`("bloodBagId",)` for a
    line object, `()` for a list of ids).
    """
    first_seen: dict[str, int] = {}
    for index, bag_id in enumerate(bag_ids):
        if bag_id in first_seen:
            raise DomainValueError(
                f"血袋 {bag_id} 在本单中重复出现（第 {first_seen[bag_id] + 1} 条与第 "
                f"{index + 1} 条），每袋只能登记一次，请删除重复的一条。",
                f"Bag {bag_id} is listed twice (entries {first_seen[bag_id] + 1} and "
                f"{index + 1}); a bag may appear once per document: remove the duplicate.",
                (index, *field),
            )
        first_seen[bag_id] = index


def require_field(value: object, field: str, message_zh: str, message_en: str) -> None:
    """Refuse a document whose conditional field `field` (wire name) is empty."""
    if _is_blank(value):
        raise DomainValueError(message_zh, message_en, (field,))
