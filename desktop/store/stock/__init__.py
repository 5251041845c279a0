"""The hospital's own stock, derived from its receipts, takeouts and cancellations.

`movements` changes it (inside the caller's transaction), `queries` reads it.
"""

from desktop.store.stock.movements import BagDetails, apply_cancel, apply_receive, apply_takeout
from desktop.store.stock.positions import TAKEOUT_POSITIONS, Position, StockConflict
from desktop.store.stock.queries import (
    IssuedBag,
    StockBag,
    StockCount,
    TakeoutBag,
    TakeoutRecord,
    bag,
    expiring,
    issued_history,
    on_shelf,
    stock_summary,
    takeout,
    takeouts,
)

__all__ = [
    "TAKEOUT_POSITIONS",
    "BagDetails",
    "IssuedBag",
    "Position",
    "StockBag",
    "StockConflict",
    "StockCount",
    "TakeoutBag",
    "TakeoutRecord",
    "apply_cancel",
    "apply_receive",
    "apply_takeout",
    "bag",
    "expiring",
    "issued_history",
    "on_shelf",
    "stock_summary",
    "takeout",
    "takeouts",
]
