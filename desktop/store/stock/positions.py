"""Where a bag of this hospital can be, and the refusal of a movement that cannot happen."""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from typing import Final

from desktop.domain.codes import TakeoutType

_LISTED_BAGS: Final = 5


class Position(StrEnum):
    """A bag's place, as the stock ledger leaves it."""

    IN_STOCK = "in_stock"
    ISSUED = "issued"
    """To a clinical department (1005)."""
    TRANSFERRED_OUT = "transferred_out"
    """To another hospital (1002)."""
    SCRAPPED = "scrapped"
    """报废 (1007)."""
    RETURNED_TO_STATION = "returned_to_station"
    """To the blood station (252)."""


TAKEOUT_POSITIONS: Final = {
    TakeoutType.CLINICAL_USE: Position.ISSUED,
    TakeoutType.TRANSFER_OUT: Position.TRANSFERRED_OUT,
    TakeoutType.SCRAPPED: Position.SCRAPPED,
    TakeoutType.RETURN_TO_STATION: Position.RETURNED_TO_STATION,
}


class StockConflict(Exception):  # noqa: N818 - a refusal of the clerk's document, not a fault
    """A document the local stock refuses because a bag is not where it would have to be.

    Nothing of the document was written. `bag_ids` are the bags to blame
    (empty when the document number itself is the problem).
    """

    def __init__(self, message_zh: str, message_en: str, bag_ids: Sequence[str] = ()) -> None:
        super().__init__(f"{message_zh}\n{message_en}")
        self.message_zh = message_zh
        self.message_en = message_en
        self.bag_ids = tuple(bag_ids)


def refuse_bags(bad: Sequence[str], reason_zh: str, reason_en: str) -> None:
    """Raise StockConflict naming `bad` bags, if there are any."""
    if not bad:
        return
    shown = "、".join(bad[:_LISTED_BAGS])
    more_zh = f" 等 {len(bad)} 袋" if len(bad) > _LISTED_BAGS else ""
    more_en = f" and {len(bad) - _LISTED_BAGS} more" if len(bad) > _LISTED_BAGS else ""
    raise StockConflict(
        f"血袋 {shown}{more_zh}{reason_zh}。本单未保存，请核对血袋。",
        f"Bags {', '.join(bad[:_LISTED_BAGS])}{more_en} {reason_en}. "
        "The document was not saved; check the bags.",
        bad,
    )
