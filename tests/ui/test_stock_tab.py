"""The stock tab against a real desk: bags received through the outbox show up counted,
charted and coloured by expiry, and the filters narrow them."""

from __future__ import annotations

from collections import Counter

import pytest
from desk_jobs import CLERK, DeskJobs, receive_whole_bill
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.domain.codes import Abo, Rh
from desktop.domain.expiry import ExpiryClass, expiry_class
from desktop.domain.models import HandoverInfo
from desktop.store import bills, dictionaries
from desktop.store.database import Store
from desktop.store.outbox import Outbox
from desktop.ui.desk import Desk
from desktop.ui.models.expiry_style import expiry_background
from desktop.ui.models.stock_models import BagColumn, SummaryColumn
from desktop.ui.models.table import SORT_ROLE
from desktop.ui.tabs.stock import StockFilter, StockTab

NEAR_EXPIRY_REMARK = "近效期"
"""The training platform plants a bill with expired and nearly expired bags; its remark says so."""

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def received(jobs: DeskJobs) -> HandoverInfo:
    """The near-expiry bill of the training platform, polled at start-up and received whole."""
    jobs.settle()
    kept = jobs.db(bills.bills)
    wanted = next(summary.id for summary in kept if NEAR_EXPIRY_REMARK in (summary.remark or ""))
    info = jobs.db(lambda store: bills.bill(store, wanted))
    assert info is not None
    jobs.db(lambda store: receive_whole_bill(store, info))
    return info


@pytest.fixture
def tab(qtbot: QtBot, desk: Desk, received: HandoverInfo) -> StockTab:
    widget = StockTab(desk)
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.refreshed) as refreshed:
        widget.show()
    assert refreshed.args == [len(received.blood_bags)]
    return widget


def test_a_hidden_tab_reloads_when_shown_not_on_every_change(
    qtbot: QtBot, desk: Desk, received: HandoverInfo
) -> None:
    widget = StockTab(desk)
    qtbot.addWidget(widget)
    with qtbot.assertNotEmitted(widget.refreshed, wait=500):
        desk.stock_changed.emit()
    with qtbot.waitSignal(widget.refreshed) as refreshed:
        widget.show()
    assert refreshed.args == [len(received.blood_bags)]
    with qtbot.waitSignal(widget.refreshed):
        desk.stock_changed.emit()


def test_received_bags_are_counted_and_charted(
    tab: StockTab, received: HandoverInfo, jobs: DeskJobs
) -> None:
    groups = Counter((bag.blood_group, bag.rh_blood_group) for bag in received.blood_bags)
    counted = Counter[tuple[Abo, Rh]]()
    for row in tab.summary.rows():
        counted[row.abo, row.rh] += row.count
    assert counted == groups
    for (abo, rh), count in groups.items():
        if abo is not Abo.UNKNOWN:
            assert tab.chart.bag_count(abo, rh) == count
    products = {blood.id: blood for blood in jobs.db(dictionaries.bloods)}
    for position, row in enumerate(tab.summary.rows()):
        conversion = products[row.product or ""].conversion
        assert conversion is not None
        units = tab.summary.data(tab.summary.index(position, SummaryColumn.UNITS), SORT_ROLE)
        assert units == float(conversion * row.count)
    assert tab.bags.rowCount() == len(received.blood_bags)
    assert f"{len(received.blood_bags)} bags" in tab.totals.text()


def test_bags_are_highlighted_by_expiry(tab: StockTab) -> None:
    bands = Counter[ExpiryClass]()
    for position, bag in enumerate(tab.bags.rows()):
        band = expiry_class(bag.expiration, tab.bags.now)
        bands[band] += 1
        shown = tab.bags.data(tab.bags.index(position, 0), Qt.ItemDataRole.BackgroundRole)
        assert shown == expiry_background(band)
    assert bands[ExpiryClass.EXPIRED]
    assert bands[ExpiryClass.WITHIN_24H]
    assert bands[ExpiryClass.WITHIN_72H]
    assert "color: #b71c1c" in tab.totals.styleSheet(), "expired bags on the shelf are red"
    first = tab.bag_view.model().index(0, BagColumn.EXPIRY_BAND).data()
    assert first == "已过期", "the list starts with the first to expire"


def test_filters_narrow_the_bags_summary_and_chart(tab: StockTab) -> None:
    soon = {ExpiryClass.EXPIRED, ExpiryClass.WITHIN_24H, ExpiryClass.WITHIN_72H}
    tab.set_filter(StockFilter(expiring_only=True))
    expected = [bag for bag in tab.bags.rows() if tab.bags.band(bag) in soon]
    assert tab.bag_view.model().rowCount() == len(expected)
    some = tab.bags.row(0)
    tab.set_filter(StockFilter(product=some.product, abo=some.abo, rh=some.rh))
    assert tab.current_filter == StockFilter(some.product, some.abo, some.rh)
    narrowed = [
        bag
        for bag in tab.bags.rows()
        if (bag.product, bag.abo, bag.rh) == (some.product, some.abo, some.rh)
    ]
    assert tab.bag_view.model().rowCount() == len(narrowed)
    assert tab.summary_view.model().rowCount() == 1
    tab.set_filter(StockFilter())
    assert tab.bag_view.model().rowCount() == tab.bags.rowCount()


def test_a_takeout_refreshes_only_what_changed(
    qtbot: QtBot, desk: Desk, tab: StockTab, jobs: DeskJobs
) -> None:
    gone = tab.bags.row(0)
    removed: list[int] = []
    tab.bags.rowsRemoved.connect(lambda _parent, first, _last: removed.append(first))

    def take_out(store: Store) -> None:
        now = store.now()
        Outbox(store, "counter-1").submit_takeout(
            {
                "outStock": {
                    "type": 1007,
                    "createTime": now,
                    "commitTime": now,
                    "optId": CLERK.staff_number,
                    "details": [{"bloodBagId": gone.bag_id}],
                }
            },
            CLERK,
        )

    jobs.db(take_out)
    with qtbot.assertNotEmitted(tab.bags.modelReset), qtbot.waitSignal(tab.refreshed):
        desk.stock_changed.emit()
    assert removed == [0]
    assert gone.bag_id not in {bag.bag_id for bag in tab.bags.rows()}


def test_the_tab_renders_with_chinese_text(tab: StockTab) -> None:
    tab.resize(1200, 800)
    assert not tab.grab().isNull()
    assert not tab.chart.grab().isNull()
