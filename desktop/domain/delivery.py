"""The words of the outbox: what kind of document an item carries, and how far it has got.

Shared by the pure rules (ordering, deadline, numbering) and the store's
`Outbox`, so that the UI, the CLI and the docs say the same thing.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Final

from desktop.domain.codes import Label


class DocumentKind(StrEnum):
    """What an outbox item sends: a receipt (入库), a takeout (出库) or a cancellation."""

    RECEIVE = "receive"
    TAKEOUT = "takeout"
    CANCEL = "cancel"

    @property
    def label(self) -> Label:
        return _KIND_LABELS[self]


class DeliveryState(StrEnum):
    """Where an item stands with the platform.

    `pending` waits for its turn (first send or a retry after a network
    failure); `in_doubt` went out without a clear answer and is resent under
    the same number; `needs_attention` was refused and waits for the clerk;
    `acknowledged` is on the platform; `withdrawn` was taken back by the clerk.
    """

    PENDING = "pending"
    IN_DOUBT = "in_doubt"
    NEEDS_ATTENTION = "needs_attention"
    ACKNOWLEDGED = "acknowledged"
    WITHDRAWN = "withdrawn"

    @property
    def label(self) -> Label:
        return _STATE_LABELS[self]

    @property
    def unacknowledged(self) -> bool:
        """Still owed to the platform: it holds back later items on its bags."""
        return self in UNACKNOWLEDGED

    @property
    def sendable(self) -> bool:
        """The sender may (re)send it without the clerk."""
        return self in (DeliveryState.PENDING, DeliveryState.IN_DOUBT)


UNACKNOWLEDGED: Final = frozenset(
    {DeliveryState.PENDING, DeliveryState.IN_DOUBT, DeliveryState.NEEDS_ATTENTION}
)

OUTFLOW_KINDS: Final = frozenset({DocumentKind.TAKEOUT, DocumentKind.CANCEL})
"""What the midnight rule counts: the day's outflow (出库数据), see `deadline`."""

_KIND_LABELS: Final = {
    DocumentKind.RECEIVE: Label("入库", "receipt"),
    DocumentKind.TAKEOUT: Label("出库", "takeout"),
    DocumentKind.CANCEL: Label("取消出库", "cancellation"),
}

_STATE_LABELS: Final = {
    DeliveryState.PENDING: Label("等待上传", "waiting"),
    DeliveryState.IN_DOUBT: Label("待核实（将用原单号重发）", "in doubt (resent under its number)"),
    DeliveryState.NEEDS_ATTENTION: Label("被平台拒收，需处理", "refused, needs attention"),
    DeliveryState.ACKNOWLEDGED: Label("已上传", "acknowledged"),
    DeliveryState.WITHDRAWN: Label("已撤回", "withdrawn"),
}
