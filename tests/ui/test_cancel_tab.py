"""The cancel tab against a real desk and the training platform: find, tick, give the reason.

The takeout to cancel is issued first (three bags to a patient) and sent to
the training platform; the clerk then cancels one of its bags, and the
platform must hold the takeout and the cancellation exactly once each.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import pytest
from cancel_scene import find, submit, tick_only
from desk_jobs import DeskJobs
from paperwork import takeout
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from takeout_scene import (
    CLERK,
    RED_CELLS,
    drain,
    find_bags,
    fresh,
    receive,
    sync_dictionaries,
    type_text,
)

from desktop.domain.codes import Abo, Rh
from desktop.domain.dates import SHANGHAI
from desktop.domain.delivery import DeliveryState
from desktop.store.outbox import Outbox
from desktop.store.stock import Position, bag
from desktop.training.seed import TRAINING_HOSPITAL_ID
from desktop.ui.desk import Desk
from desktop.ui.models.cancel_models import CancelColumn
from desktop.ui.operator import Operator
from desktop.ui.tabs.cancel import CancelTab

REASON = "患者病情变化，未输注"

# What the offscreen platform cannot do for popups and dialogs; harmless in tests.
OFFSCREEN_LIMITS = "This plugin does not support (propagateSizeHints|raise|grabbing the keyboard)"
pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_LIMITS)


@dataclass(frozen=True)
class Issued:
    tab: CancelTab
    ref_id: str
    bag_ids: list[str]


@pytest.fixture
def issued(qtbot: QtBot, desk: Desk, jobs: DeskJobs) -> Issued:
    sync_dictionaries(jobs)
    bags = find_bags(
        jobs,
        [
            fresh(RED_CELLS, Abo.A, Rh.POSITIVE),
            fresh(RED_CELLS, Abo.O, Rh.POSITIVE),
            fresh(RED_CELLS, Abo.A, Rh.POSITIVE),
        ],
    )
    receive(jobs, bags)
    bag_ids = [bag.blood_bag_id for bag in bags]
    form = takeout(bag_ids, at=datetime.now(SHANGHAI))
    workstation = desk.settings.workstation
    item = jobs.db(lambda store: Outbox(store, workstation).submit_takeout(form, CLERK))
    assert not drain(jobs).needs_attention
    desk.set_operator(Operator(CLERK.name, CLERK.staff_number))
    tab = CancelTab(desk)
    qtbot.addWidget(tab)
    tab.show()
    return Issued(tab, item.number, bag_ids)


def test_one_bag_of_a_takeout_is_cancelled_exactly_once(
    qtbot: QtBot, issued: Issued, jobs: DeskJobs
) -> None:
    tab = issued.tab
    find(qtbot, tab, "王五")
    assert tab.found.rowCount() == 1
    assert tab.found.row(0).record.ref_id == issued.ref_id
    assert tab.bags.checked_bag_ids() == []  # nothing ticked until the clerk says
    tick_only(qtbot, tab, 1)
    assert tab.bags.checked_bag_ids() == [issued.bag_ids[1]]
    type_text(qtbot, tab.reason, REASON)
    submit(qtbot, tab)
    qtbot.waitUntil(lambda: issued.ref_id in tab.delivery.text(), timeout=10_000)
    cancelled = jobs.db(lambda store: bag(store.conn, issued.bag_ids[1]))
    assert cancelled is not None
    assert cancelled.position is Position.IN_STOCK
    assert not drain(jobs).needs_attention
    snapshot = jobs.training().snapshot()
    takeouts = [t for t in snapshot["takeouts"] if t["hospital"] == TRAINING_HOSPITAL_ID]
    cancels = [c for c in snapshot["cancels"] if c["hospital"] == TRAINING_HOSPITAL_ID]
    assert [t["document"]["outStock"]["refId"] for t in takeouts] == [issued.ref_id]
    assert takeouts[0]["cancelledBags"] == [issued.bag_ids[1]]
    assert len(cancels) == 1
    document = cancels[0]["document"]
    assert (document["refId"], document["reason"], document["user"]) == (
        issued.ref_id,
        REASON,
        CLERK.staff_number,
    )
    assert document["bloodBagIds"] == [issued.bag_ids[1]]
    assert issued.bag_ids[1] in jobs.training().stock(TRAINING_HOSPITAL_ID)
    qtbot.waitUntil(lambda: DeliveryState.ACKNOWLEDGED.label.zh in tab.delivery.text())


def test_a_cancelled_bag_cannot_be_ticked_again(qtbot: QtBot, issued: Issued) -> None:
    tab = issued.tab
    find(qtbot, tab, issued.ref_id)
    tick_only(qtbot, tab, 0)
    type_text(qtbot, tab.reason, REASON)
    submit(qtbot, tab)
    qtbot.waitUntil(lambda: [row.cancellable for row in tab.bags.rows()] == [False, True, True])
    tab.bags.check_all(True)
    assert tab.bags.checked_bag_ids() == issued.bag_ids[1:]
    assert REASON in tab.bags.index(0, CancelColumn.STATE).data()


def test_the_reason_and_a_bag_are_required(qtbot: QtBot, issued: Issued) -> None:
    tab = issued.tab
    find(qtbot, tab, issued.ref_id)
    qtbot.mouseClick(tab.all_button, Qt.MouseButton.LeftButton)
    submit(qtbot, tab)
    assert tab.errors.message("reason") == "必填项：取消出库原因不能为空，请填写。"
    assert QApplication.focusWidget() is tab.reason
    qtbot.mouseClick(tab.none_button, Qt.MouseButton.LeftButton)
    type_text(qtbot, tab.reason, REASON)
    submit(qtbot, tab)
    assert "取消出库的血袋" in tab.errors.message("bloodBagIds")
    assert tab.errors.message("reason") == ""
    assert tab.delivery.text() == ""


def test_an_unknown_search_finds_nothing(qtbot: QtBot, issued: Issued) -> None:
    tab = issued.tab
    find(qtbot, tab, issued.ref_id)
    tab.search.clear()
    type_text(qtbot, tab.search, "no such patient")
    qtbot.waitUntil(lambda: tab.found.rowCount() == 0)
    assert tab.bags.rowCount() == 0


def test_ticks_survive_a_stock_change_elsewhere(qtbot: QtBot, issued: Issued, desk: Desk) -> None:
    tab = issued.tab
    find(qtbot, tab, issued.ref_id)
    tick_only(qtbot, tab, 2)
    with qtbot.waitSignal(tab.bags.modelReset):
        desk.stock_changed.emit()  # another tab received or issued bags
    qtbot.waitUntil(lambda: tab.bags.rowCount() == len(issued.bag_ids))
    assert tab.bags.checked_bag_ids() == [issued.bag_ids[2]]
