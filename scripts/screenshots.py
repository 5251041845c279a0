"""Screenshots of the desk for the README: the real window, headless, with real data.

    .venv/bin/python scripts/screenshots.py [--out docs/screenshots]

The window is built as the program builds it (Chinese, the translations in
`resources/i18n`, built by `scripts/build_translations.py`) in a temporary
data directory, against the training platform; the desk syncs, receives a few
of the training hospital's bills, issues bags to a patient, and is left in the
middle of the day's work: a bill being received by scanning (green, amber and
red rows), a takeout being filled in, a cancellation being prepared, a bill
just arrived. Then each tab is grabbed at 1280×800 into `<nn>-<tab>.png`, and
the outbox list, with the platform stopped so that records wait in it.
Needs a CJK font (`fonts-wqy-microhei`), or Chinese comes out as boxes.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # headless, whatever the machine has

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from desktop.config.settings import load_settings
from desktop.domain.codes import Abo, ReceiveType, Rh
from desktop.domain.models import HandoverInfo
from desktop.store import bills as stored_bills
from desktop.store import stock
from desktop.store.audit import Operator as StaffMember
from desktop.store.database import Store
from desktop.store.departments import Department
from desktop.store.outbox import Outbox
from desktop.store.times import shanghai_now
from desktop.training.platform import TrainingPlatform
from desktop.training.seed.bills import NEAR_EXPIRY_REMARK
from desktop.ui.app import DeskOptions, build_window
from desktop.ui.crash import CrashReporter
from desktop.ui.desk import ConnectionState, Desk
from desktop.ui.garbage import UiThreadGarbageCollector
from desktop.ui.main_window import MainWindow
from desktop.ui.operator import Operator
from desktop.ui.outbox_dialog import OutboxDialog
from desktop.ui.receiving.sources import BillSession
from desktop.ui.tabs.bills import BillsTab
from desktop.ui.tabs.cancel import CancelTab
from desktop.ui.tabs.dictionaries import DictionariesTab
from desktop.ui.tabs.receiving import ReceivingTab
from desktop.ui.tabs.stock import StockTab
from desktop.ui.tabs.takeout import TakeoutTab

ROOT = Path(__file__).resolve().parents[1]
WAIT_S = 60.0
SIZE = (1280, 800)
CLERK = Operator("张三", "0123")
DEPARTMENTS = (
    Department(id=1203, name="消化内科", short_code="XHNK"),
    Department(id=1204, name="心血管内科", short_code="XXGNK"),
    Department(id=1301, name="普外科", short_code="PWK"),
    Department(id=1401, name="重症医学科", short_code="ICU"),
)
BILLS_IN_STOCK = 5
"""The training hospital's latest routine bills, received whole before the screenshots."""
RED_CELLS = "E0226V00"
TAB_FILES = ("01-dictionaries", "02-bills", "03-receiving", "04-takeout", "05-cancel", "06-stock")

T = TypeVar("T")
PageT = TypeVar("PageT", bound=QWidget)


def _page(window: MainWindow, index: int, kind: type[PageT]) -> PageT:
    page = window.tabs.widget(index)
    assert isinstance(page, kind), f"tab {index + 1} is {page!r}, not a {kind.__name__}"
    return page


class _Crashes(CrashReporter):
    """Keeps what the window reports instead of showing a dialog nobody can click."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.errors: list[BaseException] = []

    def report(self, error: BaseException) -> None:
        traceback.print_exception(error)
        self.errors.append(error)


class Scene:
    """The window and the means to wait for it without blocking its event loop."""

    def __init__(self, app: QApplication, window: MainWindow) -> None:
        self.app = app
        self.window = window
        self.desk: Desk = window.desk
        self.dictionaries = _page(window, 0, DictionariesTab)
        self.bills = _page(window, 1, BillsTab)
        self.receiving = _page(window, 2, ReceivingTab)
        self.takeout = _page(window, 3, TakeoutTab)
        self.cancel = _page(window, 4, CancelTab)
        self.stock = _page(window, 5, StockTab)

    def pump(self, ms: int = 20) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def wait_until(self, condition: Callable[[], bool], what: str) -> None:
        deadline = time.monotonic() + WAIT_S
        while not condition():
            if time.monotonic() > deadline:
                raise TimeoutError(f"waited {WAIT_S:.0f} s for {what}")
            self.pump()

    def settle(self) -> None:
        self.wait_until(lambda: not self.desk.db.busy and not self.desk.net.busy, "the workers")
        self.pump(50)

    def db(self, work: Callable[[Store], T]) -> T:
        return self._run(self.desk.run_db, work)

    def net(self, work: Callable[[Any], T]) -> T:
        return self._run(self.desk.run_net, work)

    def _run(self, submit: Callable[..., None], work: Callable[[Any], T]) -> T:
        outcome: list[tuple[bool, Any]] = []
        submit(
            work, lambda value: outcome.append((True, value)), lambda e: outcome.append((False, e))
        )
        self.wait_until(lambda: bool(outcome), "a job")
        ok, value = outcome[0]
        if not ok:
            raise value
        return value  # type: ignore[no-any-return]

    def show(self, page: QWidget) -> None:
        self.window.tabs.setCurrentWidget(page)
        self.settle()

    def grab(self, widget: QWidget, path: Path) -> None:
        self.pump(100)
        self.settle()
        pixmap = widget.grab()
        if not pixmap.save(str(path)):
            raise OSError(f"could not write {path}")
        print(f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")


def _receive(store: Store, info: HandoverInfo, workstation: str) -> None:
    """Receive the bill's bags still in date, as the receiving tab saves a receipt."""
    now = store.now()
    bags = [bag for bag in info.blood_bags if bag.expiration is None or bag.expiration > now]
    receipt = {
        "type": int(ReceiveType.FROM_BLOOD_STATION),
        "refId": info.id,
        "receiver": CLERK.staff_number,
        "createTime": now,
        "receiveTime": now,
        "bloodBags": [{"bloodBagId": bag.blood_bag_id} for bag in bags],
    }
    if len(bags) < len(info.blood_bags):
        receipt["description"] = f"{len(info.blood_bags) - len(bags)} 袋已过期，未接收"
    Outbox(store, workstation).submit_receive(
        receipt, bags, StaffMember(CLERK.name, CLERK.staff_number)
    )


def _his_request(name: str, sex: str, abo: Abo, record_no: str) -> dict[str, Any]:
    """A HIS export of a transfusion request (what Ctrl+I imports)."""
    return {
        "transfusionApply": {
            "originalId": f"SQ{record_no}",
            "medicalRecord": {
                "originalId": f"BA{record_no}",
                "cardtype": "01",
                "cardno": "310101198001011234",
                "name": name,
                "sex": sex,
                "age": 58,
                "ageType": "0",
                "opEmHpMark": "3",
                "opEmHpNo": f"ZY{record_no}",
                "disCode": "K92.2",
                "disName": "胃肠出血",
                "diagnose": "上消化道出血",
                "bloodGroup": abo.value,
                "rhBloodGroup": "阳性",
            },
            "transReason": "0",
            "property": 2,
            "interoperativeTrans": False,
            "disName": "胃肠出血",
            "dptId": 1203,
            "ward": 12,
            "bedno": "12-3",
            "transfusionApplyBloods": [
                {
                    "bloodSubType": 202,
                    "bloodGroup": abo.value,
                    "rhBloodGroup": "2",
                    "bloodVolume": 2,
                    "bloodUnit": "U",
                    "mlVolume": 400,
                }
            ],
        }
    }


def _on_shelf(abo: Abo) -> Callable[[Store], list[str]]:
    def work(store: Store) -> list[str]:
        with store.read() as conn:
            shelf = stock.on_shelf(conn, product=RED_CELLS, abo=abo, rh=Rh.POSITIVE)
        soon = shanghai_now()
        return [bag.bag_id for bag in shelf if (bag.expiration or soon) > soon]

    return work


def make_scene(scene: Scene, scratch: Path) -> None:
    """The day so far: synced, wards kept, a shelf, a patient served; work left in progress."""
    scene.settle()
    scene.wait_until(lambda: scene.desk.connection_state == ConnectionState.ONLINE, "the platform")
    state = scene.net(lambda connection: connection.training.state)
    kept = scene.db(stored_bills.bills)
    near_expiry = next(bill for bill in kept if bill.remark == NEAR_EXPIRY_REMARK)
    routine = [bill.id for bill in kept if bill.id != near_expiry.id][:BILLS_IN_STOCK]
    keep_wards_and_sync(scene)
    fill_the_shelf(scene, routine)
    serve_a_patient(scene, scratch)
    receive_by_scanning(
        scene, state.world.bill_info(near_expiry.id), state.world.bill_info(routine[-1])
    )
    fill_the_next_takeout(scene)
    prepare_a_cancellation(scene)
    bills_arrive(scene, state)
    scene.dictionaries.show_view("products")
    scene.settle()


def keep_wards_and_sync(scene: Scene) -> None:
    """The hospital's wards, then a sync (F5), so that every tab knows them."""
    actions = scene.dictionaries.department_actions
    assert actions is not None
    for department in DEPARTMENTS:
        actions.add(department)
    scene.settle()
    scene.desk.sync_now()
    scene.settle()


def fill_the_shelf(scene: Scene, bill_ids: list[str]) -> None:
    """The latest routine bills received whole and sent to the platform."""
    workstation = scene.desk.settings.workstation
    for bill_id in bill_ids:
        info = scene.db(partial(stored_bills.bill, bill_id=bill_id))
        assert info is not None
        scene.db(partial(_receive, info=info, workstation=workstation))
    scene.desk.stock_changed.emit()
    scene.desk.drain_now()
    scene.settle()


def serve_a_patient(scene: Scene, scratch: Path) -> None:
    """A request imported from the HIS (Ctrl+I), two A+ red-cell bags issued and sent."""
    takeout = scene.takeout
    scene.show(takeout)
    request = scratch / "his-request.json"
    request.write_text(
        json.dumps(_his_request("王建国", "1", Abo.A, "2026001234"), ensure_ascii=False),
        encoding="utf-8",
    )
    takeout.import_request(request)
    scene.settle()
    scene.wait_until(lambda: "消化内科" in takeout.request.department.text(), "the department")
    for bag_id in scene.db(_on_shelf(Abo.A))[:2]:
        takeout.bags.handle_scan(bag_id)
    takeout.submit()
    scene.settle()
    scene.wait_until(lambda: takeout.delivery.tracker.item is not None, "the takeout saved")
    scene.desk.drain_now()
    scene.settle()


def receive_by_scanning(scene: Scene, bill: HandoverInfo, other: HandoverInfo) -> None:
    """The seeded bill with expired bags, mid-way: most bags received (green, the two near
    expiry with a note), three not scanned yet, the expired ones refused (red), a bag of
    another bill among them (amber). The table is shown from its end, where all of these are
    (the bill's planted bags come last), with no row selected to hide its colour."""
    receiving = scene.receiving
    scene.show(receiving)
    receiving.open_bill(bill.id)
    scene.wait_until(lambda: isinstance(receiving.session, BillSession), "the bill opened")
    now = shanghai_now()
    fresh = [bag for bag in bill.blood_bags if bag.expiration and bag.expiration > now]
    stale = [bag for bag in bill.blood_bags if bag.expiration and bag.expiration <= now]
    *mixed, near_24h, near_72h = fresh  # the two planted near-expiry bags end the bill
    for bag in [*mixed[:-3], near_24h, near_72h]:
        receiving.handle_scan(bag.blood_bag_id)
    receiving.handle_scan(other.blood_bags[-1].blood_bag_id)
    for bag in stale:
        receiving.handle_scan(bag.blood_bag_id)
    scene.settle()
    scene.pump(200)  # the table catches up after the burst of scans
    view = receiving.scans.view
    view.clearSelection()
    view.scrollToBottom()


def fill_the_next_takeout(scene: Scene) -> None:
    """The next patient's request on screen, a bag listed, an incompatible one refused."""
    takeout = scene.takeout
    scene.show(takeout)
    takeout.request.load(_his_request("李秀英", "2", Abo.B, "2026005678")["transfusionApply"])
    scene.wait_until(lambda: "消化内科" in takeout.request.department.text(), "the department")
    b_bags, a_bags = scene.db(_on_shelf(Abo.B)), scene.db(_on_shelf(Abo.A))
    for bag_id in b_bags[:2]:
        takeout.bags.handle_scan(bag_id)
    if a_bags:
        takeout.bags.handle_scan(a_bags[0])  # A red cells for a B patient: refused, red
    scene.settle()


def prepare_a_cancellation(scene: Scene) -> None:
    """The first patient's takeout found by name, one bag ticked, the reason typed."""
    cancel = scene.cancel
    scene.show(cancel)
    cancel.search.setText("王建国")
    scene.wait_until(lambda: cancel.bags.rowCount() > 0, "the takeout found")
    cancel.bags.check([cancel.bags.row(0).line.bag_id])
    cancel.reason.setText("患者病情变化，未输注")


def bills_arrive(scene: Scene, state: Any) -> None:
    """Two bills just arrived; the clerk has opened the older one."""
    bills = scene.bills
    scene.show(bills)
    bills.banner.dismiss()
    arrived = [state.dispatch_new_bill(bag_count=count) for count in (12, 6)]
    scene.desk.poll_now()
    scene.wait_until(bills.banner.isVisible, "the arrival noticed")
    bills.open_bill(arrived[0].id)
    scene.wait_until(lambda: bills.open_bill_id == arrived[0].id, "the bill opened")


def take_screenshots(scene: Scene, out: Path) -> None:
    window = scene.window
    window.resize(*SIZE)
    pages = (scene.dictionaries, scene.bills, scene.receiving, scene.takeout, scene.cancel)
    for page, name in zip((*pages, scene.stock), TAB_FILES, strict=True):
        scene.show(page)
        scene.grab(window, out / f"{name}.png")


def outbox_screenshot(scene: Scene, out: Path, platform: TrainingPlatform) -> None:
    """The platform down; the cancellation prepared above saved and waiting in the outbox."""
    platform.stop()
    scene.show(scene.cancel)
    scene.cancel.submit()
    scene.wait_until(
        lambda: scene.desk.connection_state == ConnectionState.OFFLINE, "the desk offline"
    )
    scene.window.show_outbox()
    dialog = scene.window.findChild(OutboxDialog)
    assert isinstance(dialog, OutboxDialog)
    dialog.show_all.setChecked(True)
    scene.wait_until(lambda: dialog.model.rowCount() > BILLS_IN_STOCK, "the outbox listed")
    dialog.table.selectRow(0)
    scene.grab(dialog, out / "07-outbox.png")
    dialog.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    out: Path = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication([sys.argv[0]])
    collector = UiThreadGarbageCollector(app)
    crashes = _Crashes(app)
    with tempfile.TemporaryDirectory(prefix="blood-desk-screenshots-") as folder:
        settings = load_settings({"data_dir": Path(folder) / "data"}, environ={})
        window = build_window(app, DeskOptions(settings, CLERK), crashes)
        window.resize(*SIZE)
        window.show()
        scene = Scene(app, window)
        window.desk.start()
        try:
            make_scene(scene, Path(folder))
            take_screenshots(scene, out)
            platform = scene.net(lambda connection: connection.training)
            outbox_screenshot(scene, out, platform)
        finally:
            window.close()
            collector.stop()
    if crashes.errors:
        print(f"the window reported {len(crashes.errors)} error(s)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    started = datetime.now()
    code = main()
    print(f"done in {(datetime.now() - started).total_seconds():.0f} s")
    sys.exit(code)
