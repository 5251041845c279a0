"""The outbox list: a refused record shows the platform's message, is corrected and resent, or withdrawn."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from desk_jobs import CLERK, DeskJobs, receive_whole_bill
from pytestqt.qtbot import QtBot

from desktop.domain.delivery import DeliveryState
from desktop.store.database import Store
from desktop.store.outbox import Outbox
from desktop.store.stock import Position
from desktop.store.stock import bag as stock_bag
from desktop.training.seed import TRAINING_HOSPITAL_ID
from desktop.ui.desk import Desk
from desktop.ui.models.outbox_models import OutboxColumn
from desktop.ui.operator import Operator
from desktop.ui.outbox_dialog import OutboxDialog

WORKSTATION_TIMEOUT_MS = 30_000


def refused_receipt(jobs: DeskJobs, desk: Desk) -> tuple[int, list[str]]:
    """A receipt dated a day ahead: the platform refuses an actual time in the future."""
    bill = jobs.training().dispatch_new_bill(TRAINING_HOSPITAL_ID, 2)
    bag_ids = [bag.blood_bag_id for bag in bill.blood_bags]

    def submit(store: Store) -> int:
        ahead = store.now() + timedelta(days=1)
        receive = {
            "type": 151,
            "refId": bill.id,
            "receiver": CLERK.staff_number,
            "createTime": ahead,
            "receiveTime": ahead,
            "bloodBags": [{"bloodBagId": bag_id} for bag_id in bag_ids],
        }
        workstation = desk.settings.workstation
        return Outbox(store, workstation).submit_receive(receive, bill.blood_bags, CLERK).seq

    seq = jobs.db(submit)
    desk.drain_now()
    return seq, bag_ids


def state_of(jobs: DeskJobs, desk: Desk, seq: int) -> DeliveryState:
    workstation = desk.settings.workstation
    return jobs.db(lambda store: Outbox(store, workstation).item(seq).state)


def test_a_refused_record_is_corrected_and_resent(qtbot: QtBot, desk: Desk, jobs: DeskJobs) -> None:
    jobs.settle()
    desk.set_operator(Operator("张三", "zhangsan"))
    seq, _bags = refused_receipt(jobs, desk)
    qtbot.waitUntil(
        lambda: state_of(jobs, desk, seq) == DeliveryState.NEEDS_ATTENTION,
        timeout=WORKSTATION_TIMEOUT_MS,
    )
    dialog = OutboxDialog(desk)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() >= 1, timeout=WORKSTATION_TIMEOUT_MS)
    dialog.select(seq)
    qtbot.waitUntil(lambda: bool(dialog.document.toPlainText()), timeout=WORKSTATION_TIMEOUT_MS)
    row = dialog.model.position_of(lambda item: item.seq == seq)
    assert row is not None
    message = dialog.model.index(row, OutboxColumn.MESSAGE).data()
    assert message, "the platform's message is shown"
    assert dialog.resend.isEnabled()

    wire = json.loads(dialog.document.toPlainText())
    now = jobs.db(lambda store: store.now())
    wire["createTime"] = wire["receiveTime"] = now.strftime("%Y-%m-%d %H:%M:%S")
    dialog.document.setPlainText(json.dumps(wire, ensure_ascii=False))
    dialog.resend.click()
    qtbot.waitUntil(
        lambda: state_of(jobs, desk, seq) == DeliveryState.ACKNOWLEDGED,
        timeout=WORKSTATION_TIMEOUT_MS,
    )
    receipts = jobs.training().snapshot()["receipts"]
    assert sum(1 for receipt in receipts if receipt["document"]["refId"] == wire["refId"]) == 1


def refused_takeout(jobs: DeskJobs, desk: Desk) -> tuple[int, list[str]]:
    """Bags received and delivered, then a return to the station dated a day ahead: refused."""
    bill = jobs.training().dispatch_new_bill(TRAINING_HOSPITAL_ID, 2)
    jobs.db(lambda store: receive_whole_bill(store, bill))
    bag_ids = [bag.blood_bag_id for bag in bill.blood_bags]

    def submit(store: Store) -> int:
        ahead = store.now() + timedelta(days=1)
        form = {
            "outStock": {
                "type": 252,
                "createTime": ahead,
                "commitTime": ahead,
                "optId": CLERK.staff_number,
                "details": [{"bloodBagId": bag_id} for bag_id in bag_ids],
            }
        }
        workstation = desk.settings.workstation
        return Outbox(store, workstation).submit_takeout(form, CLERK).seq

    seq = jobs.db(submit)
    desk.drain_now()
    return seq, bag_ids


def test_a_refused_takeout_is_withdrawn_and_its_bags_are_back_in_stock(
    qtbot: QtBot, desk: Desk, jobs: DeskJobs, monkeypatch: pytest.MonkeyPatch
) -> None:
    jobs.settle()
    desk.set_operator(Operator("张三", "zhangsan"))
    seq, bag_ids = refused_takeout(jobs, desk)
    qtbot.waitUntil(
        lambda: state_of(jobs, desk, seq) == DeliveryState.NEEDS_ATTENTION,
        timeout=WORKSTATION_TIMEOUT_MS,
    )
    dialog = OutboxDialog(desk)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() >= 1, timeout=WORKSTATION_TIMEOUT_MS)
    dialog.select(seq)
    assert dialog.withdraw_button.isEnabled()
    monkeypatch.setattr(
        "desktop.ui.outbox_dialog.QInputDialog.getText",
        lambda *_args, **_kwargs: ("日期填错，撤回", True),
    )
    dialog.withdraw()
    qtbot.waitUntil(
        lambda: state_of(jobs, desk, seq) == DeliveryState.WITHDRAWN, timeout=WORKSTATION_TIMEOUT_MS
    )
    bags = jobs.db(lambda store: [stock_bag(store.conn, bag_id) for bag_id in bag_ids])
    assert all(bag is not None and bag.position == Position.IN_STOCK for bag in bags)
