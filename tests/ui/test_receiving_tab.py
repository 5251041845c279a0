"""The receiving tab driven like a clerk: a real desk, its store, and the training platform.

A bill (151) with a wrong bag, a duplicate, an expired bag and a missing one;
a transfer-in (1001) another hospital sent us; a department return (1006) of
a bag this hospital issued. Each ends on the platform exactly once.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from paperwork import takeout
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from receiving_scene import (
    WAIT_MS,
    answer_next_message_box,
    bill_with_expired_bag,
    delivered,
    receipts_named,
    scan,
    submitted,
)

from desktop.domain.codes import ReceiveType
from desktop.domain.isbt128 import encode_din_barcode
from desktop.store import bills, stock
from desktop.store.audit import Operator as StaffMember
from desktop.store.bills import BillState
from desktop.store.departments import Department, save_department
from desktop.store.dictionaries import Dictionary, replace_dictionary
from desktop.store.outbox import Outbox
from desktop.store.stock import Position
from desktop.store.times import shanghai_now
from desktop.training.seed import TRAINING_HOSPITAL_ID
from desktop.training.state import PlatformState
from desktop.ui.desk import Desk
from desktop.ui.models.receiving_models import RowState
from desktop.ui.operator import Operator
from desktop.ui.receiving.session import Outcome
from desktop.ui.receiving.sources import BillSession, ReturnSession, TransferSession
from desktop.ui.scan_feedback import FeedbackLevel
from desktop.ui.tabs.receiving import ReceivingTab

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

OTHER_HOSPITAL = 31010401  # 复旦大学附属中山医院
DEPARTMENT = 1203
CLERK = Operator("张三", "0123")


@pytest.fixture
def tab(desk: Desk, jobs: Any, qtbot: QtBot) -> Iterator[ReceivingTab]:
    bloods = jobs.net(lambda connection: connection.client.list_all_blood())
    facilities = jobs.net(lambda connection: connection.client.list_all_facilities())
    jobs.db(lambda store: replace_dictionary(store, Dictionary.BLOOD, bloods))
    jobs.db(lambda store: replace_dictionary(store, Dictionary.FACILITY, facilities))
    jobs.db(lambda store: save_department(store, Department(id=DEPARTMENT, name="消化内科")))
    desk.set_operator(CLERK)
    widget = ReceivingTab(desk)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitUntil(lambda: widget.form.facility.count() > 0, timeout=WAIT_MS)
    yield widget
    widget.close()


def test_a_bill_is_received_with_its_troubles_and_reaches_the_platform_once(
    tab: ReceivingTab, desk: Desk, jobs: Any, qtbot: QtBot, tmp_path: Path
) -> None:
    state = jobs.training()
    now = shanghai_now()
    bill = bill_with_expired_bag(state, now, usable=3)
    # The planted bag expired 3 hours ago; a short-lived product may have expired meanwhile too.
    out_of_date = [b for b in bill.blood_bags if b.expiration and b.expiration <= now]
    expired = out_of_date[-1]
    usable = [b for b in bill.blood_bags if b not in out_of_date]
    missing, paired, *rest = usable
    stranger = state.dispatch_new_bill(bag_count=1).blood_bags[0]

    scan(tab, bill.id)  # the bill's number; not kept locally yet: fetched and kept
    qtbot.waitUntil(lambda: isinstance(tab.session, BillSession), timeout=WAIT_MS)
    assert tab.scans.model.rowCount() == len(bill.blood_bags)

    for bag in rest:
        scan(tab, bag.blood_bag_id)
        assert tab.scans.feedback.level in (FeedbackLevel.OK, FeedbackLevel.WARNING)
    scan(tab, f"=<{paired.blood_id}")
    assert tab.scans.feedback.level is FeedbackLevel.WARNING  # waiting for the DIN
    scan(tab, encode_din_barcode(str(paired.serial_id)))
    assert tab.scans.feedback.level is FeedbackLevel.OK
    for refused in (stranger.blood_bag_id, rest[0].blood_bag_id, expired.blood_bag_id):
        scan(tab, refused)
        assert tab.scans.feedback.level is FeedbackLevel.REFUSED
    assert expired.blood_bag_id in tab.scans.feedback.detail()
    counts = tab.session.counts() if tab.session else None
    assert counts is not None
    assert (counts.received, counts.missing, counts.unexpected, counts.refused) == (
        len(rest) + 1,
        1 + len(out_of_date),
        1,
        1,
    )

    seen: list[str] = []
    answer_next_message_box(QMessageBox.StandardButton.Yes, seen)
    QTest.keyClick(tab.scans.scan_field, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: tab.delivery.tracker.item is not None, timeout=WAIT_MS)
    assert missing.blood_bag_id in seen[1]
    assert expired.blood_bag_id in seen[1]

    saved = tab.delivery.tracker.item
    assert saved is not None
    items = jobs.db(lambda store: Outbox(store, desk.settings.workstation).items())
    assert [i.number for i in items] == [saved.number]
    received_ids = {b.blood_bag_id for b in (paired, *rest)}
    positions = jobs.db(lambda store: _positions(store, [*received_ids, missing.blood_bag_id]))
    assert {bag for bag, where in positions.items() if where is Position.IN_STOCK} == received_ids

    item = delivered(tab, qtbot, None)
    assert item.seq == saved.seq
    documents = receipts_named(state, item.number)
    assert len(documents) == 1
    sent = documents[0]
    assert sent["type"] == 151
    assert sent["refId"] == bill.id
    assert sent["receiver"] == CLERK.staff_number
    assert {line["bloodBagId"] for line in sent["bloodBags"]} == received_ids
    assert missing.blood_bag_id in sent["description"]
    assert expired.blood_bag_id in sent["description"]

    pdf = tab.save_receipt_pdf(tmp_path / "receipt.pdf")
    assert pdf is not None
    assert pdf.read_bytes().startswith(b"%PDF")
    assert tab.session is None


def _positions(store: Any, bag_ids: list[str]) -> dict[str, Position | None]:
    with store.read() as conn:
        found = {bag_id: stock.bag(conn, bag_id) for bag_id in bag_ids}
    return {bag_id: bag.position if bag else None for bag_id, bag in found.items()}


def test_a_transfer_in_is_checked_with_the_platform(
    tab: ReceivingTab, jobs: Any, qtbot: QtBot
) -> None:
    state = jobs.training()
    bags = [bag.blood_bag_id for bag in state.dispatch_new_bill(OTHER_HOSPITAL, 3).blood_bags]
    at = shanghai_now() - timedelta(minutes=1)
    state.save_receive(OTHER_HOSPITAL, _receipt_for(state, bags, at))
    state.save_takeout(
        OTHER_HOSPITAL, takeout(bags, 1002, at, refId="DB-77", otherhosId=TRAINING_HOSPITAL_ID)
    )

    tab.form.choose_type(ReceiveType.TRANSFER_IN)
    assert isinstance(tab.session, TransferSession)
    assert tab.form.choose_facility(OTHER_HOSPITAL)
    tab.form.transfer_number.setText("DB-77")
    for bag in bags:
        scan(tab, bag)
    scan(tab, "NO-SUCH-BAG-000001")
    assert tab.scans.feedback.level is FeedbackLevel.WARNING  # checking with the platform
    qtbot.waitUntil(
        lambda: tab.session is not None and not tab.session.has_pending_checks(), timeout=WAIT_MS
    )
    session = tab.session
    assert session is not None
    assert [bag.bag_id for bag in session.accepted] == bags
    assert tab.scans.model.row_for("NO-SUCH-BAG-000001") is not None

    item = submitted(tab, qtbot)
    [sent] = receipts_named(state, item.number)
    assert (sent["type"], sent["refId"], sent["disOrganId"]) == (1001, "DB-77", OTHER_HOSPITAL)
    assert sorted(state.stock(TRAINING_HOSPITAL_ID)) == sorted(bags)


def _receipt_for(state: PlatformState, bags: list[str], at: Any) -> dict[str, Any]:
    return {
        "internalId": "ZS-RK-1",
        "type": 151,
        "refId": state.world.bag_bills[bags[0]],
        "receiver": "李四",
        "createTime": at,
        "receiveTime": at,
        "bloodBags": [{"bloodBagId": bag} for bag in bags],
    }


def test_a_department_returns_a_bag_this_hospital_issued(
    tab: ReceivingTab, desk: Desk, jobs: Any, qtbot: QtBot
) -> None:
    issued = _issue_a_bag(tab, desk, jobs, qtbot)

    tab.form.choose_type(ReceiveType.DEPARTMENT_RETURN)
    qtbot.waitUntil(lambda: isinstance(tab.session, ReturnSession), timeout=WAIT_MS)
    assert tab.form.choose_department(DEPARTMENT)
    scan(tab, issued)
    assert tab.scans.feedback.level is FeedbackLevel.OK

    item = submitted(tab, qtbot)
    [sent] = receipts_named(jobs.training(), item.number)
    assert (sent["type"], sent["depId"]) == (1006, DEPARTMENT)
    assert issued in jobs.training().stock(TRAINING_HOSPITAL_ID)
    assert jobs.db(lambda store: _positions(store, [issued]))[issued] is Position.IN_STOCK


def _issue_a_bag(tab: ReceivingTab, desk: Desk, jobs: Any, qtbot: QtBot) -> str:
    """Receive a one-bag bill through the tab, then issue the bag to a ward through the outbox."""
    bag = jobs.training().dispatch_new_bill(bag_count=1).blood_bags[0]
    tab.open_bill(jobs.training().world.bag_bills[bag.blood_bag_id])
    qtbot.waitUntil(lambda: isinstance(tab.session, BillSession), timeout=WAIT_MS)
    scan(tab, bag.blood_bag_id)
    submitted(tab, qtbot)
    at = shanghai_now() - timedelta(seconds=30)
    form = takeout([bag.blood_bag_id], 1005, at, depId=DEPARTMENT)
    clerk = StaffMember(CLERK.name, CLERK.staff_number)
    jobs.db(lambda store: Outbox(store, desk.settings.workstation).submit_takeout(form, clerk))
    desk.drain_now()
    qtbot.waitUntil(
        lambda: bag.blood_bag_id not in jobs.training().stock(TRAINING_HOSPITAL_ID), timeout=WAIT_MS
    )
    return bag.blood_bag_id


def test_scans_of_a_bill_survive_leaving_it_and_a_bag_can_be_taken_back(
    tab: ReceivingTab, jobs: Any, qtbot: QtBot
) -> None:
    state = jobs.training()
    first = state.dispatch_new_bill(bag_count=3)
    second = state.dispatch_new_bill(bag_count=1)
    tab.open_bill(first.id)
    qtbot.waitUntil(lambda: isinstance(tab.session, BillSession), timeout=WAIT_MS)
    for bag in first.blood_bags[:2]:
        scan(tab, bag.blood_bag_id)

    tab.open_bill(second.id)
    qtbot.waitUntil(
        lambda: isinstance(tab.session, BillSession) and tab.session.bill.id == second.id,
        timeout=WAIT_MS,
    )
    summaries = jobs.db(lambda store: {b.id: b.state for b in bills.bills(store)})
    assert summaries[first.id] is BillState.RECEIVING
    tab.open_bill(first.id)
    qtbot.waitUntil(
        lambda: isinstance(tab.session, BillSession) and tab.session.bill.id == first.id,
        timeout=WAIT_MS,
    )
    session = tab.session
    assert session is not None
    assert [bag.bag_id for bag in session.accepted] == [
        bag.blood_bag_id for bag in first.blood_bags[:2]
    ]

    taken_back = first.blood_bags[0].blood_bag_id
    tab.scans.reveal(taken_back)
    QTest.keyClick(tab.scans.view, Qt.Key.Key_Delete)
    assert [bag.bag_id for bag in session.accepted] == [first.blood_bags[1].blood_bag_id]
    row = tab.scans.model.row_for(taken_back)
    assert row is not None
    assert row.state is RowState.AWAITED


def test_nothing_is_judged_before_a_source_is_chosen(tab: ReceivingTab, qtbot: QtBot) -> None:
    scan(tab, encode_din_barcode("C310126000123"))
    assert tab.scans.feedback.level is FeedbackLevel.REFUSED
    scan(tab, "FX19990101-0001")  # read as a bill number: the platform knows no such bill
    qtbot.waitUntil(lambda: tab.scans.feedback.level is FeedbackLevel.REFUSED, timeout=WAIT_MS)
    assert "FX19990101-0001" in tab.scans.feedback.title()
    tab.submit()
    assert tab.scans.feedback.level is FeedbackLevel.REFUSED
    assert tab.save_receipt_pdf(Path("never.pdf")) is None


def test_submitting_needs_an_operator_and_the_party(
    tab: ReceivingTab, desk: Desk, jobs: Any, qtbot: QtBot
) -> None:
    bag = jobs.training().dispatch_new_bill(bag_count=2).blood_bags[0]
    tab.form.choose_type(ReceiveType.DEPARTMENT_RETURN)
    tab.form.choose_type(ReceiveType.TRANSFER_IN)
    scan(tab, bag.blood_bag_id)
    qtbot.waitUntil(lambda: tab.session is not None and bool(tab.session.accepted), timeout=WAIT_MS)

    desk.set_operator(None)
    tab.submit()
    assert tab.scans.feedback.level is FeedbackLevel.REFUSED
    desk.set_operator(CLERK)
    tab.submit()
    number_error = _error_under(tab, tab.form.transfer_number)
    tab.form.transfer_number.setText("DB-1")
    tab.submit()
    hospital_error = _error_under(tab, tab.form.facility)

    assert "必填" in number_error or "required" in number_error
    assert "调出医院" in hospital_error or "hospital" in hospital_error
    assert jobs.db(lambda store: Outbox(store, desk.settings.workstation).items()) == []


def _error_under(tab: ReceivingTab, field: QWidget) -> str:
    """The error texts shown on the form page of `field`."""
    cell = field.parentWidget()
    assert cell is not None
    labels = [
        label
        for label in cell.findChildren(QLabel)
        if label.objectName() == "fieldError" and label.isVisibleTo(tab)
    ]
    return "\n".join(label.text() for label in labels)


def test_the_scan_verdict_titles_cover_every_outcome(tab: ReceivingTab) -> None:
    assert set(tab.scans.titles) == set(Outcome)
