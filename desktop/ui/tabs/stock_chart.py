"""The stock chart: bags on the shelf per ABO group, one bar per Rh(D) group.

Built once; a refresh replaces the bar values in place, so the chart does not
flicker or lose its layout each time a bag comes in or goes out. An Rh group
with no bag on the shelf (usually 不详) shows no bars rather than a legend
entry for nothing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Final

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QValueAxis,
)
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QWidget

from desktop.domain.codes import Abo, Rh
from desktop.store.stock import StockCount
from desktop.ui.models.stock_models import abo_text, rh_text

GROUPS: Final = (Abo.A, Abo.B, Abo.O, Abo.AB)
_RH_COLOURS: Final = {
    Rh.POSITIVE: QColor("#c62828"),
    Rh.NEGATIVE: QColor("#1565c0"),
    Rh.UNKNOWN: QColor("#9e9e9e"),
}


_TICKS: Final = 5


def _whole_step(highest: int) -> int:
    """A tick step of 1, 2 or 5 × 10ⁿ bags that fits `highest` within `_TICKS` steps."""
    scale = 1
    while True:
        for step in (scale, 2 * scale, 5 * scale):
            if step * _TICKS >= highest:
                return step
        scale *= 10


class StockChart(QChartView):
    """A bar chart of `StockCount`s summed per ABO and Rh(D) group."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(220)
        chart = QChart()
        chart.setTitle(self.tr("Bags on the shelf by blood group"))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self._series = QBarSeries()
        self.bar_sets: dict[Rh, QBarSet] = {}
        for rh in (Rh.NEGATIVE, Rh.POSITIVE, Rh.UNKNOWN):
            bars = QBarSet(rh_text(rh))
            bars.setColor(_RH_COLOURS[rh])
            bars.append([0.0] * len(GROUPS))
            self.bar_sets[rh] = bars
            self._series.append(bars)
        self._series.setLabelsVisible(True)
        chart.addSeries(self._series)
        groups = QBarCategoryAxis()
        groups.append([abo_text(group) for group in GROUPS])
        chart.addAxis(groups, Qt.AlignmentFlag.AlignBottom)
        self._series.attachAxis(groups)
        self._counts = QValueAxis()
        self._counts.setLabelFormat("%d")
        self._counts.setTickType(QValueAxis.TickType.TicksDynamic)
        self._counts.setTickAnchor(0)
        self._counts.setTitleText(self.tr("Bags"))
        chart.addAxis(self._counts, Qt.AlignmentFlag.AlignLeft)
        self._series.attachAxis(self._counts)
        self.setChart(chart)
        self.show_counts([])

    def show_counts(self, counts: Iterable[StockCount]) -> None:
        """Sum `counts` per group and show them; bags of unknown ABO are not charted."""
        totals: Counter[tuple[Abo, Rh]] = Counter()
        for count in counts:
            totals[count.abo, count.rh] += count.count
        for rh, bars in self.bar_sets.items():
            for position, group in enumerate(GROUPS):
                bars.replace(position, float(totals[group, rh]))
            self._series_visible(bars, any(totals[group, rh] for group in GROUPS))
        highest = max(totals.values(), default=0)
        step = _whole_step(highest)
        self._counts.setTickInterval(step)
        self._counts.setRange(0, step * max(1, -(-highest // step)))

    def bag_count(self, abo: Abo, rh: Rh) -> int:
        return int(self.bar_sets[rh].at(GROUPS.index(abo)))

    def _series_visible(self, bars: QBarSet, visible: bool) -> None:
        # A QBarSet cannot be hidden by itself: an empty set gives up its legend entry.
        marker = self.chart().legend().markers(self._series)[self._series.barSets().index(bars)]
        marker.setVisible(visible)
