"""What a clerk does in the receiving tab: scan, answer the missing-bags question, submit; and
what the training platform recorded of it."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.domain.delivery import DeliveryState
from desktop.domain.models import HandoverInfo
from desktop.store.outbox_items import OutboxItem
from desktop.training.seed import TRAINING_HOSPITAL_ID
from desktop.training.seed.bills import NEAR_EXPIRY_REMARK
from desktop.training.state import PlatformState
from desktop.ui.tabs.receiving import ReceivingTab

WAIT_MS = 20_000


def scan(tab: ReceivingTab, text: str) -> None:
    """What a keyboard-wedge scanner does: the characters, then Enter."""
    field = tab.scans.scan_field
    field.setFocus()
    QTest.keyClicks(field, text)
    QTest.keyClick(field, Qt.Key.Key_Return)


def answer_next_message_box(button: QMessageBox.StandardButton, seen: list[str]) -> None:
    """Press `button` on the next modal message box, noting its texts."""

    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, press)
            return
        seen.extend([box.text(), box.informativeText()])
        box.button(button).click()

    QTimer.singleShot(0, press)


def submitted(tab: ReceivingTab, qtbot: QtBot) -> OutboxItem:
    """Submit (Ctrl+Enter); the receipt saved, then sent by the outbox, as the tab shows it."""
    before = tab.delivery.tracker.item
    QTest.keyClick(tab.scans.scan_field, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    return delivered(tab, qtbot, before)


def saved(tab: ReceivingTab, qtbot: QtBot, before: OutboxItem | None) -> OutboxItem:
    """The receipt the tab follows (another than `before`) once it is saved, sent or not."""

    def shown() -> OutboxItem | None:
        item = tab.delivery.tracker.item
        return None if item is None or (before is not None and item.seq == before.seq) else item

    qtbot.waitUntil(lambda: shown() is not None, timeout=WAIT_MS)
    item = shown()
    assert item is not None
    return item


def delivered(tab: ReceivingTab, qtbot: QtBot, before: OutboxItem | None) -> OutboxItem:
    """The receipt the tab follows (another than `before`), once the platform acknowledged it."""

    def shown() -> OutboxItem | None:
        item = tab.delivery.tracker.item
        if item is None or (before is not None and item.seq == before.seq):
            return None
        return item if item.state is DeliveryState.ACKNOWLEDGED else None

    qtbot.waitUntil(lambda: shown() is not None, timeout=WAIT_MS)
    item = shown()
    assert item is not None
    return item


def receipts_named(state: PlatformState, number: str) -> list[dict[str, Any]]:
    """The receipts the training platform accepted under `internalId` `number`."""
    return [
        r["document"] for r in state.snapshot()["receipts"] if r["document"]["internalId"] == number
    ]


def near_expiry_bill(state: PlatformState) -> HandoverInfo:
    """The training hospital's seeded bill with an expired bag and two about to expire."""
    bill = next(
        bill
        for bill in state.world.bills.values()
        if bill.hospital_id == TRAINING_HOSPITAL_ID and bill.wire["remark"] == NEAR_EXPIRY_REMARK
    )
    return state.world.bill_info(bill.id)


def bill_with_expired_bag(state: PlatformState, now: datetime, usable: int) -> HandoverInfo:
    """A bill of the training hospital with an expired bag and at least `usable` others.

    The seeded near-expiry bill first; which of its short-lived bags have expired depends
    on the time of day, so when it has too few usable ones an older bill is taken.
    """
    bills = [near_expiry_bill(state)] + [
        state.world.bill_info(bill.id)
        for bill in state.world.bills.values()
        if bill.hospital_id == TRAINING_HOSPITAL_ID
    ]
    for bill in bills:
        expired = [bag for bag in bill.blood_bags if bag.expiration and bag.expiration <= now]
        if expired and len(bill.blood_bags) - len(expired) >= usable:
            return bill
    raise AssertionError("the training world has no bill with an expired bag and enough others")
