"""How a bag's expiry band looks in any table: one palette for bills and stock alike."""

from __future__ import annotations

from typing import Final

from PySide6.QtGui import QColor

from desktop.domain.expiry import ExpiryClass
from desktop.ui.i18n import pick
from desktop.ui.models.table import (
    EXPIRED_BACKGROUND,
    EXPIRED_FOREGROUND,
    WITHIN_24H_BACKGROUND,
    WITHIN_72H_BACKGROUND,
)

_BACKGROUNDS: Final[dict[ExpiryClass, QColor]] = {
    ExpiryClass.EXPIRED: EXPIRED_BACKGROUND,
    ExpiryClass.WITHIN_24H: WITHIN_24H_BACKGROUND,
    ExpiryClass.WITHIN_72H: WITHIN_72H_BACKGROUND,
}

URGENCY: Final[dict[ExpiryClass, int]] = {band: rank for rank, band in enumerate(ExpiryClass)}
"""Most urgent first, as the enum lists the bands: a sort value."""


def expiry_background(band: ExpiryClass) -> QColor | None:
    return _BACKGROUNDS.get(band)


def expiry_foreground(band: ExpiryClass) -> QColor | None:
    return EXPIRED_FOREGROUND if band is ExpiryClass.EXPIRED else None


def expiry_label(band: ExpiryClass) -> str:
    return pick(band.label.zh, band.label.en)
