"""扫码入库 — receiving bags into stock by scanning: from a bill (151), a hospital (1001), a ward (1006).

The clerk picks where the bags come from, scans them (scan field, a keyboard
wedge aimed anywhere in the tab, or a serial scanner), and submits with
Ctrl+Enter. Each scan is judged in memory by a receiving session
(`desktop.ui.receiving`) and answered at once; only the transfer-in lookup
(`getBloodBags`), the loading of bills and lists, and the submission go to
the desk's workers. After submitting, the tab shows the receipt's delivery
state as the outbox sends it, and can print the receipt or save it as PDF.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QMessageBox, QPushButton, QVBoxLayout, QWidget

from desktop.connection import Connection
from desktop.domain.codes import ReceiveType
from desktop.domain.isbt128 import Bilingual, ScanKind, parse_scan
from desktop.domain.models import BloodBagInfo, HandoverInfo
from desktop.store.outbox_items import OutboxItem
from desktop.store.stock import IssuedBag
from desktop.store.times import shanghai_now
from desktop.ui.desk import Desk, NoticeLevel
from desktop.ui.i18n import pick
from desktop.ui.receiving import jobs
from desktop.ui.receiving.delivery_view import DeliveryView
from desktop.ui.receiving.receipt import ReceiptSlip
from desktop.ui.receiving.scan_panel import ScanPanel
from desktop.ui.receiving.session import Outcome, ProductDictionary, ReceivingSession, ScanVerdict
from desktop.ui.receiving.source_form import SourceForm
from desktop.ui.receiving.sources import BillSession, ReturnSession, TransferSession
from desktop.ui.receiving.submission import known_failure
from desktop.ui.receiving.submit_flow import SubmitFlow
from desktop.ui.scan_feedback import FeedbackLevel, FeedbackSounds
from desktop.ui.scanner import ScanRouter, SerialScanner

LOOKUP_BATCH_MS = 150
"""A burst of transfer-in scans goes to the platform as one `getBloodBags` call."""
DRAFT_DELAY_MS = 1000


class ReceivingTab(QWidget):
    """The receiving tab; `open_bill(bill_id)` lets the bills tab hand a bill over."""

    receipt_saved = Signal(object)
    """An OutboxItem: a receipt was saved in the outbox."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self._session: ReceivingSession | None = None
        self._products = ProductDictionary()
        self._wanted_bill: str | None = None
        self._lookups: list[str] = []
        self.form = SourceForm()
        self.scans = ScanPanel(FeedbackSounds(self))
        self.delivery = DeliveryView(desk, self)
        self._flow = SubmitFlow(desk, self.form, self.scans, self._products, self)
        self._lookup_timer = _single_shot(self, LOOKUP_BATCH_MS, self._send_lookups)
        self._draft_timer = _single_shot(self, DRAFT_DELAY_MS, self._save_draft)
        self._build()
        self._connect()
        self.load_reference()
        self._load_bills()

    def _build(self) -> None:
        self.submit_button = QPushButton(self.tr("Submit the receipt (Ctrl+Enter)"))
        self.submit_button.clicked.connect(self.submit)
        actions = QHBoxLayout()
        actions.addWidget(self.submit_button)
        actions.addWidget(self.delivery, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.scans, 1)
        layout.addLayout(actions)
        for keys, slot in (
            ("Ctrl+Return", self.submit),
            ("Ctrl+Enter", self.submit),
            ("Ctrl+P", self.print_receipt),
            ("Ctrl+Shift+S", self.save_receipt_pdf),
        ):
            shortcut = QShortcut(QKeySequence(keys), self, slot)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def _connect(self) -> None:
        desk = self._desk
        desk.dictionaries_changed.connect(self.load_reference)
        desk.bills_changed.connect(self._load_bills)
        desk.stock_changed.connect(self._load_bills)
        self.form.type_changed.connect(self._type_chosen)
        self.form.bill_requested.connect(self.open_bill)
        self.scans.scan_field.scanned.connect(self.handle_scan)
        self.scans.remove_requested.connect(self._remove)
        self._router = ScanRouter(self)
        self._router.scanned.connect(self.handle_scan)
        self._flow.saved.connect(self._submitted)
        self._flow.busy_changed.connect(self.submit_button.setDisabled)

    # -- what other parts of the window call ------------------------------------------------

    def open_bill(self, bill_id: str) -> None:
        """Start receiving bill `bill_id` (fetched from the platform if it is not kept here)."""
        bill_id = bill_id.strip()
        if not bill_id or not self._may_discard(self._session):
            return
        self._end_session()
        self.form.choose_bill(bill_id)
        self._wanted_bill = bill_id
        self.scans.show_message(
            FeedbackLevel.IDLE, self.tr("Opening bill %1…").replace("%1", bill_id), ""
        )
        self._desk.run_db(
            partial(jobs.load_bill, bill_id=bill_id), partial(self._bill_loaded, bill_id)
        )

    def connect_scanner(self, scanner: SerialScanner) -> None:
        """Take scans from a serial scanner too."""
        scanner.scanned.connect(self.handle_scan)
        scanner.error.connect(partial(self._desk.show_notice, NoticeLevel.ERROR))

    def load_reference(self) -> None:
        self._desk.run_db(jobs.load_reference, self._reference_loaded, self._store_failed)

    @property
    def session(self) -> ReceivingSession | None:
        return self._session

    # -- scanning ----------------------------------------------------------------------------

    def handle_scan(self, text: str) -> None:
        """Every scan, from wherever it came: judged in memory and answered at once."""
        session = self._session
        if self._is_bill_number(text):
            self.open_bill(text)
            return
        if session is None:
            self.scans.show_message(
                FeedbackLevel.REFUSED,
                self.tr("Choose where the bags come from first"),
                self.tr("Pick the bill, the hospital or the department above, then scan."),
            )
            return
        self._show(session.scan(text))

    def _is_bill_number(self, text: str) -> bool:
        """A scan meant for the bill: aimed at its number field, or before any bill is open."""
        if self.form.receive_type() is not ReceiveType.FROM_BLOOD_STATION:
            return False
        if self.form.bill_number.hasFocus():
            return True
        # A bag's ISBT 128 bar codes never name a bill; anything else may be the bill's number.
        return self._session is None and parse_scan(text).kind is ScanKind.PLAIN_ID

    def _show(self, verdict: ScanVerdict) -> None:
        self.scans.show_verdict(verdict, self._title(verdict.outcome))
        if verdict.lookup is not None:
            self._lookups.append(verdict.lookup)
            self._lookup_timer.start()
        self._show_counts()
        if isinstance(self._session, BillSession):
            self._draft_timer.start()

    def _title(self, outcome: Outcome) -> str:
        if outcome is Outcome.NOT_EXPECTED and not isinstance(self._session, BillSession):
            return self.tr("Cannot be received here")
        return self.scans.titles[outcome]

    def _show_counts(self) -> None:
        if self._session is not None:
            self.scans.show_counts(self._session.counts())

    def _remove(self, key: str) -> None:
        session = self._session
        if session is None:
            return
        row = session.remove(key)
        if row is None:
            self.scans.model.remove_key(key)
        else:
            self.scans.model.put_row(row)
        self._show_counts()
        if isinstance(session, BillSession):
            self._draft_timer.start()

    # -- sessions ------------------------------------------------------------------------------

    def _start(self, session: ReceivingSession) -> None:
        self._session = session
        self.scans.load(session.rows(), self._products.names)
        self._show_counts()
        self.scans.scan_field.setFocus()

    def _end_session(self) -> None:
        self._flush_draft()
        self._session = None
        self._wanted_bill = None
        self._lookups.clear()
        self.scans.load([], self._products.names)
        self.scans.counts.clear()

    def _type_chosen(self, receive_type: ReceiveType) -> None:
        current = self._session
        if current is not None and current.receive_type is receive_type:
            return
        if not self._may_discard(current):
            self.form.choose_type(current.receive_type if current else receive_type)
            return
        self._end_session()
        if receive_type is ReceiveType.TRANSFER_IN:
            self._start(TransferSession(self._products, shanghai_now))
        elif receive_type is ReceiveType.DEPARTMENT_RETURN:
            self._desk.run_db(jobs.load_issued, self._issued_loaded, self._store_failed)

    def _may_discard(self, session: ReceivingSession | None) -> bool:
        # A bill's scans are kept as a draft; the others live only on screen.
        if session is None or isinstance(session, BillSession) or not session.accepted:
            return True
        answer = QMessageBox.question(
            self,
            self.tr("Discard the scans?"),
            self.tr("%1 scanned bags have not been submitted. Discard them?").replace(
                "%1", str(len(session.accepted))
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _issued_loaded(self, issued: list[IssuedBag]) -> None:
        if self.form.receive_type() is ReceiveType.DEPARTMENT_RETURN and self._session is None:
            self._start(ReturnSession(issued, self._products, shanghai_now))

    def _bill_loaded(self, bill_id: str, stored: jobs.StoredBill | None) -> None:
        if bill_id != self._wanted_bill:
            return
        if stored is None:
            self._desk.run_net(
                partial(_fetch_bill, bill_id=bill_id),
                partial(self._bill_fetched, bill_id),
                partial(self._bill_not_fetched, bill_id),
            )
            return
        session = BillSession(stored.info, stored.received_before, self._products, shanghai_now)
        restored = session.restore(stored.draft)
        self._start(session)
        if not session.rows():
            self.scans.show_message(
                FeedbackLevel.WARNING,
                self.tr("Bill %1 is fully received").replace("%1", bill_id),
                self.tr("Every bag of this bill is in stock already."),
            )
        elif restored:
            self.scans.show_message(
                FeedbackLevel.IDLE,
                self.tr("Bill %1: %2 scans kept from before")
                .replace("%1", bill_id)
                .replace("%2", str(restored)),
                self.tr("Go on scanning the bags still to come."),
            )

    def _bill_fetched(self, bill_id: str, info: HandoverInfo) -> None:
        kept = partial(self._bill_loaded, bill_id)
        self._desk.run_db(partial(jobs.keep_bill, info=info), kept, self._store_failed)
        self._load_bills()

    def _bill_not_fetched(self, bill_id: str, error: BaseException) -> None:
        if bill_id == self._wanted_bill:
            explained = known_failure(error)
            detail = pick(*explained) if explained else str(error)
            title = self.tr("Bill %1 could not be opened").replace("%1", bill_id)
            self.scans.show_message(FeedbackLevel.REFUSED, title, detail)
        self._desk.platform_failed(error)

    # -- transfer-in lookups --------------------------------------------------------------------

    def _send_lookups(self) -> None:
        asked, self._lookups = self._lookups, []
        session = self._session
        if not asked or not isinstance(session, TransferSession):
            return
        self._desk.run_net(
            partial(_get_bags, ids=asked),
            partial(self._looked_up, session, asked),
            partial(self._lookup_failed, session, asked),
        )

    def _looked_up(
        self, session: TransferSession, asked: list[str], found: list[BloodBagInfo]
    ) -> None:
        if session is self._session:
            for verdict in session.answered(asked, found):
                self._show(verdict)

    def _lookup_failed(
        self, session: TransferSession, asked: list[str], error: BaseException
    ) -> None:
        if session is self._session:
            explained = known_failure(error) or ("平台查询失败。", "The platform lookup failed.")
            reason = Bilingual(
                zh=f"无法向平台核实：{explained[0]}请稍后重新扫描。",
                en=f"Could not check with the platform: {explained[1]} Scan it again later.",
            )
            for verdict in session.not_answered(asked, reason):
                self._show(verdict)
        self._desk.platform_failed(error)

    # -- submitting and the receipt ---------------------------------------------------------------

    def submit(self) -> None:
        """Check, confirm, and save the receipt in the outbox (Ctrl+Enter)."""
        # The scans so far are kept first: the receipt may still be refused or cancelled.
        self._flush_draft()
        self._flow.submit(self._session)

    def _submitted(self, session: ReceivingSession, item: OutboxItem, slip: ReceiptSlip) -> None:
        self.delivery.show_receipt(item, slip)
        self.receipt_saved.emit(item)
        if session is not self._session:
            return
        # The receipt took the bill's scans with it: no draft is to be kept for them now.
        self._draft_timer.stop()
        self._end_session()
        if isinstance(session, TransferSession):
            self.form.transfer_number.clear()
            self._start(TransferSession(self._products, shanghai_now))
        elif isinstance(session, ReturnSession):
            self._desk.run_db(jobs.load_issued, self._issued_loaded, self._store_failed)

    def print_receipt(self) -> bool:
        """Print the last receipt (Ctrl+P); False if there is none or the clerk cancelled."""
        if self.delivery.slip is None:
            self._no_receipt()
            return False
        return self.delivery.print_receipt()

    def save_receipt_pdf(self, path: Path | None = None) -> Path | None:
        """Save the last receipt as PDF, at `path` or where the clerk chooses (Ctrl+Shift+S)."""
        if self.delivery.slip is None:
            self._no_receipt()
            return None
        return self.delivery.save_pdf(path)

    def _no_receipt(self) -> None:
        self.scans.show_message(
            FeedbackLevel.REFUSED, self.tr("No receipt yet"), self.tr("Submit a receipt first.")
        )

    # -- loading and keeping ----------------------------------------------------------------------

    def _reference_loaded(self, reference: jobs.ReferenceData) -> None:
        self._products.update(reference.bloods)
        own = reference.own_facility
        if own is not None:
            self._flow.hospital = own.name
        others = [f for f in reference.facilities if own is None or f.id != own.id]
        self.form.set_facilities(others)
        self.form.set_departments(reference.departments)
        self.scans.model.set_product_names(self._products.names)

    def _load_bills(self) -> None:
        self._desk.run_db(jobs.load_bills, self.form.set_bills, self._store_failed)

    def _save_draft(self) -> None:
        session = self._session
        if isinstance(session, BillSession):
            bag_ids = [bag.bag_id for bag in session.accepted]
            work = partial(jobs.save_bill_draft, bill_id=session.bill.id, bag_ids=bag_ids)
            self._desk.run_db(work, None, self._store_failed)

    def _flush_draft(self) -> None:
        if self._draft_timer.isActive():
            self._draft_timer.stop()
            self._save_draft()

    def _store_failed(self, error: BaseException) -> None:
        explained = known_failure(error)
        if explained is None:
            self._desk.platform_failed(error)
        else:
            self._desk.show_notice(NoticeLevel.ERROR, *explained)


def _single_shot(parent: QWidget, interval_ms: int, slot: Callable[[], object]) -> QTimer:
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(interval_ms)
    timer.timeout.connect(slot)
    return timer


def _fetch_bill(connection: Connection, bill_id: str) -> HandoverInfo:
    return connection.client.list_bill_detail(bill_id)


def _get_bags(connection: Connection, ids: list[str]) -> list[BloodBagInfo]:
    return connection.client.get_blood_bags(ids)
