"""The stock tab (库存): what is on the shelf, by product and blood group, and what expires soon.

Three views of one reading of the shelf: the counts per product × ABO ×
Rh(D) with their units, a bar chart per blood group, and the bags, first to
expire first, expired ones red, those expiring within 24 h orange and within
72 h yellow. The filters narrow all three (the chart follows the product
filter, since its bars are the groups). The shelf is read again whenever the
stock changes (`Desk.stock_changed`), the dictionaries change, or the tab is
shown; a minute timer re-bands the bags, which cross into "within 24 h"
while the desk stays open.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.codes import Abo, Rh
from desktop.domain.expiry import ExpiryClass, expiry_counts
from desktop.domain.models import Blood
from desktop.store import dictionaries
from desktop.store.stock import StockBag, StockCount, on_shelf, stock_summary
from desktop.store.times import shanghai_now
from desktop.ui.desk import Desk
from desktop.ui.models.stock_models import (
    BagColumn,
    StockBagModel,
    StockSummaryModel,
    abo_text,
    rh_text,
)
from desktop.ui.models.table import ObjectFilterProxy
from desktop.ui.tabs.problems import show_problem
from desktop.ui.tabs.stock_chart import StockChart
from desktop.ui.tabs.tables import read_only_table

if TYPE_CHECKING:
    from desktop.store.database import Store

EXPIRY_REFRESH_MS: Final = 60_000
_SOON: Final = frozenset({ExpiryClass.EXPIRED, ExpiryClass.WITHIN_24H, ExpiryClass.WITHIN_72H})


@dataclass(frozen=True)
class _Shelf:
    bags: list[StockBag]
    counts: list[StockCount]
    products: dict[str, Blood]
    at: datetime


def _read_shelf(store: Store) -> _Shelf:
    with store.read() as conn:
        bags = on_shelf(conn)
        counts = stock_summary(conn)
    products = {blood.id: blood for blood in dictionaries.bloods(store, include_unavailable=True)}
    return _Shelf(bags, counts, products, store.now())


@dataclass(frozen=True)
class StockFilter:
    """What the clerk narrowed the stock to; None means any."""

    product: str | None = None
    abo: Abo | None = None
    rh: Rh | None = None
    expiring_only: bool = False

    def groups_match(self, product: str | None, abo: Abo, rh: Rh) -> bool:
        return (
            (self.product is None or product == self.product)
            and (self.abo is None or abo is self.abo)
            and (self.rh is None or rh is self.rh)
        )


class StockTab(QWidget):
    """The shelf: counts, chart, bags; filtered by product, ABO, Rh(D) and nearness of expiry."""

    refreshed = Signal(int)
    """The shelf was read again: how many bags are on it."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self._counts: list[StockCount] = []
        self.summary = StockSummaryModel(self)
        self.bags = StockBagModel(shanghai_now(), self)
        self._summary_proxy: ObjectFilterProxy[StockCount] = ObjectFilterProxy(self.summary, self)
        self._bag_proxy: ObjectFilterProxy[StockBag] = ObjectFilterProxy(self.bags, self)
        self.product_filter = QComboBox()
        # Codes, not enum members: a combo hands back a str subclass as a plain str.
        self.abo_filter = _choices([(self.tr("All"), None)] + [(abo_text(a), a.value) for a in Abo])
        self.rh_filter = _choices([(self.tr("All"), None)] + [(rh_text(r), r.value) for r in Rh])
        self.expiring_only = QCheckBox(self.tr("E&xpiring within 72 h only"))
        self.totals = QLabel()
        self.chart = StockChart()
        self.summary_view = read_only_table(self._summary_proxy)
        self.bag_view = read_only_table(self._bag_proxy, BagColumn.EXPIRY)
        self._lay_out()
        self._fill_products({})
        for combo in (self.product_filter, self.abo_filter, self.rh_filter):
            combo.currentIndexChanged.connect(self._apply_filter)
        self.expiring_only.toggled.connect(self._apply_filter)
        self._timer = QTimer(self)
        self._timer.setInterval(EXPIRY_REFRESH_MS)
        self._timer.timeout.connect(lambda: self._rebanded(shanghai_now()))
        self._timer.start()
        desk.stock_changed.connect(self._refresh_if_shown)
        desk.dictionaries_changed.connect(self._refresh_if_shown)

    def _lay_out(self) -> None:
        filters = QHBoxLayout()
        for text, widget in (
            (self.tr("&Product:"), self.product_filter),
            (self.tr("AB&O:"), self.abo_filter),
            (self.tr("Rh(D) &group:"), self.rh_filter),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            filters.addWidget(label)
            filters.addWidget(widget)
        filters.addWidget(self.expiring_only)
        filters.addStretch()
        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(self.summary_view)
        left.addWidget(self.chart)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(self.bag_view)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.totals)
        layout.addWidget(split, 1)

    # -- reading the shelf ----------------------------------------------------------------

    def refresh(self) -> None:
        self._desk.run_db(_read_shelf, self._show_shelf, self._failed)

    def _refresh_if_shown(self) -> None:
        # A hidden tab reloads when shown (showEvent): laying out a thousand bags the
        # clerk cannot see would stall the window on every save during a busy sync.
        if self.isVisible():
            self.refresh()

    def _show_shelf(self, shelf: _Shelf) -> None:
        self._counts = shelf.counts
        self.bags.set_now(shelf.at)
        self.summary.set_products(shelf.products)
        self.bags.set_products(shelf.products)
        self.summary.merge_rows(shelf.counts, key=lambda row: (row.product, row.abo, row.rh))
        self.bags.merge_rows(shelf.bags, key=lambda bag: bag.bag_id)
        self._fill_products(
            {count.product: self.summary.product_name(count.product) for count in shelf.counts}
        )
        self._apply_filter()
        self.refreshed.emit(len(shelf.bags))

    def _rebanded(self, now: datetime) -> None:
        self.bags.set_now(now)
        self._apply_filter()

    def _failed(self, error: BaseException) -> None:
        message = show_problem(self._desk, error)
        if message is not None:
            self.totals.setText(message)

    # -- filters --------------------------------------------------------------------------

    @property
    def current_filter(self) -> StockFilter:
        abo, rh = self.abo_filter.currentData(), self.rh_filter.currentData()
        return StockFilter(
            self.product_filter.currentData(),
            None if abo is None else Abo(abo),
            None if rh is None else Rh(rh),
            self.expiring_only.isChecked(),
        )

    def set_filter(self, chosen: StockFilter) -> None:
        """Choose the filters as a clerk would (the combos follow)."""
        for combo, value in (
            (self.product_filter, chosen.product),
            (self.abo_filter, None if chosen.abo is None else chosen.abo.value),
            (self.rh_filter, None if chosen.rh is None else chosen.rh.value),
        ):
            combo.setCurrentIndex(max(0, combo.findData(value)))
        self.expiring_only.setChecked(chosen.expiring_only)
        self._apply_filter()

    def _apply_filter(self) -> None:
        chosen = self.current_filter
        band = self.bags.band
        self._summary_proxy.set_filter(
            lambda row: chosen.groups_match(row.product, row.abo, row.rh)
        )
        self._bag_proxy.set_filter(
            lambda bag: (
                chosen.groups_match(bag.product, bag.abo, bag.rh)
                and (not chosen.expiring_only or band(bag) in _SOON)
            )
        )
        self.chart.show_counts(
            count
            for count in self._counts
            if chosen.product is None or count.product == chosen.product
        )
        self._show_totals()

    def _show_totals(self) -> None:
        shelf = self.bags.rows()
        bands = expiry_counts((bag.expiration for bag in shelf), self.bags.now)
        self.totals.setText(
            self.tr("On the shelf: %1 bags · %2 expired · %3 expire within 24 h · %4 within 72 h")
            .replace("%1", str(len(shelf)))
            .replace("%2", str(bands[ExpiryClass.EXPIRED]))
            .replace("%3", str(bands[ExpiryClass.WITHIN_24H]))
            .replace("%4", str(bands[ExpiryClass.WITHIN_72H]))
        )
        expired = bands[ExpiryClass.EXPIRED] > 0
        self.totals.setStyleSheet("color: #b71c1c; font-weight: bold;" if expired else "")

    def _fill_products(self, names: dict[str | None, str]) -> None:
        chosen = self.product_filter.currentData()
        self.product_filter.blockSignals(True)
        try:
            self.product_filter.clear()
            self.product_filter.addItem(self.tr("All products"), None)
            for code, name in sorted(names.items(), key=lambda item: item[0] or ""):
                if code is not None:
                    self.product_filter.addItem(f"{name}（{code}）" if name else code, code)
            self.product_filter.setCurrentIndex(max(0, self.product_filter.findData(chosen)))
        finally:
            self.product_filter.blockSignals(False)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.refresh()
        self.bag_view.setFocus(Qt.FocusReason.OtherFocusReason)


def _choices(items: list[tuple[str, object]]) -> QComboBox:
    combo = QComboBox()
    for text, value in items:
        combo.addItem(text, value)
    return combo
