"""The product dictionary: 大类, 中类, products with ISBT 128 codes, and how long each keeps.

Product codes are ISBT 128's 8 characters: a product description code
(`E` + 4), the collection type (`V`, volunteer homologous donation) and the
division (`00` undivided; `A0`/`B0` for the two halves of a split apheresis
platelet collection). The description codes are representative, not
ICCBBA's database: a few are real (E0398 irradiated leukocyte-reduced red
cells, E3046 irradiated leukocyte-reduced apheresis platelets), the others are
plausible and only need to be distinct.

Quantities follow Chinese practice (GB 18469-2012 and the usual statistics):
one unit (U) of whole blood, red cells or cryoprecipitate comes from 200 mL of
whole blood; plasma is counted in mL with 100 mL as one unit; an apheresis
platelet bag is one therapeutic dose (治疗量). `capacity` is what the label's
规格 states: the whole-blood volume the product was made from for whole blood,
red cells and cryoprecipitate, the bag's own volume in mL for plasma and
platelets. `conversion` is the number of units one bag counts for.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from enum import Enum
from typing import Any, Final, NamedTuple


@dataclass(frozen=True, slots=True)
class BloodClass:
    """A 大类 (BloodType) or 中类 (BloodSubType) row."""

    id: int
    name: str
    available: bool = True


BLOOD_TYPES: Final = (
    BloodClass(1, "全血"),
    BloodClass(2, "红细胞类"),
    BloodClass(3, "血浆类"),
    BloodClass(4, "血小板类"),
    BloodClass(5, "冷沉淀类"),
    BloodClass(6, "粒细胞类", available=False),
)

# The sub-type id's leading digit is its BloodType id (NUMBER(4) on the wire).
WHOLE_BLOOD: Final = BloodClass(101, "全血")
SUSPENDED_RBC: Final = BloodClass(201, "悬浮红细胞")
LEUKOREDUCED_RBC: Final = BloodClass(202, "去白细胞悬浮红细胞")
WASHED_RBC: Final = BloodClass(203, "洗涤红细胞")
IRRADIATED_RBC: Final = BloodClass(204, "辐照红细胞")
DEGLYCEROLISED_RBC: Final = BloodClass(205, "冰冻解冻去甘油红细胞")
FRESH_FROZEN_PLASMA: Final = BloodClass(301, "新鲜冰冻血浆")
VIRUS_INACTIVATED_PLASMA: Final = BloodClass(302, "病毒灭活血浆")
FROZEN_PLASMA: Final = BloodClass(303, "普通冰冻血浆")
APHERESIS_PLATELETS: Final = BloodClass(401, "单采血小板")
IRRADIATED_PLATELETS: Final = BloodClass(402, "辐照单采血小板")
CRYOPRECIPITATE: Final = BloodClass(501, "冷沉淀凝血因子")
GRANULOCYTES: Final = BloodClass(601, "单采粒细胞", available=False)

BLOOD_SUB_TYPES: Final = (
    WHOLE_BLOOD,
    SUSPENDED_RBC,
    LEUKOREDUCED_RBC,
    WASHED_RBC,
    IRRADIATED_RBC,
    DEGLYCEROLISED_RBC,
    FRESH_FROZEN_PLASMA,
    VIRUS_INACTIVATED_PLASMA,
    FROZEN_PLASMA,
    APHERESIS_PLATELETS,
    IRRADIATED_PLATELETS,
    CRYOPRECIPITATE,
    GRANULOCYTES,
)


class Shelf(Enum):
    """What a product's expiry counts from (GB 18469-2012 storage periods)."""

    FROM_COLLECTION = "collection"
    FROM_PRODUCTION = "production"
    IRRADIATED = "irradiated"
    """Irradiated red cells: 14 days after irradiation, never past the original 35 days."""


class Keeping(NamedTuple):
    """How long a product keeps, and from when."""

    shelf: Shelf
    period: timedelta


_RBC_PERIOD: Final = timedelta(days=35)  # CPDA-1 / MAP additive solution
_RED_CELLS: Final = Keeping(Shelf.FROM_COLLECTION, _RBC_PERIOD)
_MADE_TO_ORDER: Final = Keeping(Shelf.FROM_PRODUCTION, timedelta(hours=24))
"""Washed (in saline) and deglycerolised red cells, granulocytes."""
_IRRADIATED: Final = Keeping(Shelf.IRRADIATED, timedelta(days=14))
_FROZEN: Final = Keeping(Shelf.FROM_COLLECTION, timedelta(days=365))
"""Fresh frozen and virus-inactivated plasma, cryoprecipitate, at -18 °C or below."""
_FROZEN_PLASMA: Final = Keeping(Shelf.FROM_COLLECTION, timedelta(days=4 * 365))
_PLATELETS: Final = Keeping(Shelf.FROM_COLLECTION, timedelta(days=5))

_TWO_PLACES: Final = Decimal("0.01")
_SOURCE: Final = {"1": "200", "1.5": "300", "2": "400"}
"""Whole-blood volume (mL) behind 1, 1.5 and 2 units."""


@dataclass(frozen=True, slots=True)
class Product:
    """A product of the dictionary and how long it keeps."""

    code: str
    full_name: str
    short_name: str
    sub_type: BloodClass
    capacity: Decimal
    unit: str
    conversion: Decimal
    keeping: Keeping
    available: bool = True

    @property
    def type_id(self) -> int:
        return self.sub_type.id // 100

    def expiry(self, collected: datetime, produced: datetime) -> datetime:
        shelf, period = self.keeping
        if shelf is Shelf.FROM_COLLECTION:
            return collected + period
        if shelf is Shelf.FROM_PRODUCTION:
            return produced + period
        return min(produced + period, collected + _RBC_PERIOD)


def _per_200ml(
    code: str, name: str, sub_type: BloodClass, units: str, keeping: Keeping = _RED_CELLS
) -> Product:
    """A product counted in U of 200 mL whole blood: `units` is "1", "1.5" or "2"."""
    conversion = Decimal(units).quantize(_TWO_PLACES)
    return Product(
        code=code,
        full_name=f"{name}（{_SOURCE[units]}mL全血制备）",
        short_name=f"{name}{units}U",
        sub_type=sub_type,
        capacity=(conversion * 200).quantize(_TWO_PLACES),
        unit="U",
        conversion=conversion,
        keeping=keeping,
    )


def _plasma(code: str, sub_type: BloodClass, millilitres: int, keeping: Keeping) -> Product:
    return Product(
        code=code,
        full_name=f"{sub_type.name}{millilitres}mL",
        short_name=f"{sub_type.name}{millilitres}mL",
        sub_type=sub_type,
        capacity=Decimal(millilitres).quantize(_TWO_PLACES),
        unit="mL",
        conversion=(Decimal(millilitres) / 100).quantize(_TWO_PLACES),
        keeping=keeping,
    )


def _platelets(code: str, sub_type: BloodClass, full_name: str) -> Product:
    return Product(
        code=code,
        full_name=full_name,
        short_name=f"{sub_type.name}1治疗量",
        sub_type=sub_type,
        capacity=Decimal("250.00"),
        unit="治疗量",
        conversion=Decimal("1.00"),
        keeping=_PLATELETS,
    )


PRODUCTS: Final[tuple[Product, ...]] = (
    _per_200ml("E0006V00", "全血", WHOLE_BLOOD, "1"),
    _per_200ml("E0007V00", "全血", WHOLE_BLOOD, "1.5"),
    _per_200ml("E0008V00", "全血", WHOLE_BLOOD, "2"),
    _per_200ml("E0161V00", "悬浮红细胞", SUSPENDED_RBC, "1"),
    _per_200ml("E0162V00", "悬浮红细胞", SUSPENDED_RBC, "1.5"),
    _per_200ml("E0163V00", "悬浮红细胞", SUSPENDED_RBC, "2"),
    _per_200ml("E0224V00", "去白细胞悬浮红细胞", LEUKOREDUCED_RBC, "1"),
    _per_200ml("E0225V00", "去白细胞悬浮红细胞", LEUKOREDUCED_RBC, "1.5"),
    _per_200ml("E0226V00", "去白细胞悬浮红细胞", LEUKOREDUCED_RBC, "2"),
    _per_200ml("E0307V00", "洗涤红细胞", WASHED_RBC, "1", _MADE_TO_ORDER),
    _per_200ml("E0308V00", "洗涤红细胞", WASHED_RBC, "2", _MADE_TO_ORDER),
    _per_200ml("E0396V00", "辐照去白细胞悬浮红细胞", IRRADIATED_RBC, "1", _IRRADIATED),
    _per_200ml("E0398V00", "辐照去白细胞悬浮红细胞", IRRADIATED_RBC, "2", _IRRADIATED),
    _per_200ml("E0521V00", "冰冻解冻去甘油红细胞", DEGLYCEROLISED_RBC, "1", _MADE_TO_ORDER),
    _plasma("E2634V00", FRESH_FROZEN_PLASMA, 100, _FROZEN),
    _plasma("E2635V00", FRESH_FROZEN_PLASMA, 150, _FROZEN),
    _plasma("E2636V00", FRESH_FROZEN_PLASMA, 200, _FROZEN),
    _plasma("E2871V00", VIRUS_INACTIVATED_PLASMA, 100, _FROZEN),
    _plasma("E2872V00", VIRUS_INACTIVATED_PLASMA, 150, _FROZEN),
    _plasma("E2873V00", VIRUS_INACTIVATED_PLASMA, 200, _FROZEN),
    _plasma("E2551V00", FROZEN_PLASMA, 100, _FROZEN_PLASMA),
    _plasma("E2553V00", FROZEN_PLASMA, 200, _FROZEN_PLASMA),
    _platelets("E3090V00", APHERESIS_PLATELETS, "单采血小板（去白细胞）"),
    _platelets("E3090VA0", APHERESIS_PLATELETS, "单采血小板（去白细胞，分装A袋）"),
    _platelets("E3090VB0", APHERESIS_PLATELETS, "单采血小板（去白细胞，分装B袋）"),
    _platelets("E3046V00", IRRADIATED_PLATELETS, "辐照单采血小板（去白细胞）"),
    _per_200ml("E5165V00", "冷沉淀凝血因子", CRYOPRECIPITATE, "1", _FROZEN),
    _per_200ml("E5166V00", "冷沉淀凝血因子", CRYOPRECIPITATE, "2", _FROZEN),
    Product(
        code="E4001V00",
        full_name="单采粒细胞",
        short_name="单采粒细胞",
        sub_type=GRANULOCYTES,
        capacity=Decimal("200.00"),
        unit="治疗量",
        conversion=Decimal("1.00"),
        keeping=_MADE_TO_ORDER,
        available=False,
    ),
)

PRODUCTS_BY_CODE: Final = {product.code: product for product in PRODUCTS}


def blood_type_rows() -> list[dict[str, Any]]:
    return [_class_row(row, order) for order, row in enumerate(BLOOD_TYPES, start=1)]


def blood_sub_type_rows() -> list[dict[str, Any]]:
    return [_class_row(row, order) for order, row in enumerate(BLOOD_SUB_TYPES, start=1)]


def blood_rows() -> list[dict[str, Any]]:
    """The product dictionary, wire-shaped (`Id` with the source's capital I)."""
    return [
        {
            "Id": product.code,
            "fullName": product.full_name,
            "shortName": product.short_name,
            "subType": product.sub_type.id,
            "type": product.type_id,
            "capacity": product.capacity,
            "unit": product.unit,
            "conversion": product.conversion,
            "available": product.available,
        }
        for product in PRODUCTS
    ]


def _class_row(row: BloodClass, order: int) -> dict[str, Any]:
    return {"id": row.id, "name": row.name, "uiOrder": order, "available": row.available}
