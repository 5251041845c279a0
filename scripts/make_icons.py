"""Draw the blood-desk icon (a blood drop on a counter-blue tile) as PNG sizes and a Windows ICO.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/make_icons.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPainterPath

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    scale = size / 256
    painter.setBrush(QColor("#1565c0"))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawRoundedRect(
        QRectF(8 * scale, 8 * scale, 240 * scale, 240 * scale), 40 * scale, 40 * scale
    )
    drop = QPainterPath()
    drop.moveTo(QPointF(128 * scale, 36 * scale))
    drop.cubicTo(QPointF(128 * scale, 36 * scale), QPointF(60 * scale, 120 * scale),
                 QPointF(60 * scale, 160 * scale))
    drop.cubicTo(QPointF(60 * scale, 200 * scale), QPointF(92 * scale, 224 * scale),
                 QPointF(128 * scale, 224 * scale))
    drop.cubicTo(QPointF(164 * scale, 224 * scale), QPointF(196 * scale, 200 * scale),
                 QPointF(196 * scale, 160 * scale))
    drop.cubicTo(QPointF(196 * scale, 120 * scale), QPointF(128 * scale, 36 * scale),
                 QPointF(128 * scale, 36 * scale))
    painter.setBrush(QColor("#e53935"))
    painter.drawPath(drop)
    painter.setBrush(QColor(255, 255, 255, 170))
    painter.drawEllipse(QRectF(92 * scale, 150 * scale, 26 * scale, 40 * scale))
    painter.end()
    return image


def main() -> None:
    app = QGuiApplication(sys.argv)
    ICONS.mkdir(parents=True, exist_ok=True)
    for size in SIZES:
        draw(size).save(str(ICONS / f"blood-desk-{size}.png"))
    draw(256).save(str(ICONS / "blood-desk.ico"))
    app.quit()


if __name__ == "__main__":
    main()
