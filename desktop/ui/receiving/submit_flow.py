"""Submitting a receipt: operator, the domain's checks, the missing-bags question, the outbox.

`SubmitFlow.submit` refuses (with the reason on the result panel, and each
validation error next to its field) or saves the receipt on the db worker in
one outbox transaction; `saved` then says which session it closed, with the
outbox item and the receipt slip to print.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from functools import partial
from typing import Final

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.domain.scan_outcomes import BagRef
from desktop.domain.validation import FieldError
from desktop.store.outbox_items import InvalidDocument, OutboxItem
from desktop.store.times import shanghai_now
from desktop.ui.desk import Desk
from desktop.ui.i18n import pick
from desktop.ui.main_window import MainWindow
from desktop.ui.operator import Operator, describe
from desktop.ui.receiving import jobs
from desktop.ui.receiving.receipt import ReceiptSlip
from desktop.ui.receiving.scan_panel import ScanPanel
from desktop.ui.receiving.session import ProductDictionary, ReceivingSession
from desktop.ui.receiving.source_form import SourceForm
from desktop.ui.receiving.sources import BillSession, ReturnSession
from desktop.ui.receiving.submission import Party, form_errors, known_failure, receive_data
from desktop.ui.scan_feedback import FeedbackLevel

_MISSING_LISTED: Final = 30


class SubmitFlow(QObject):
    """Turns the session on screen into a receipt in the outbox, or says why not."""

    saved = Signal(object, object, object)
    """(the ReceivingSession submitted, its OutboxItem, its ReceiptSlip)."""
    busy_changed = Signal(bool)

    def __init__(
        self,
        desk: Desk,
        form: SourceForm,
        scans: ScanPanel,
        products: ProductDictionary,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._desk = desk
        self._form = form
        self._scans = scans
        self._products = products
        self._parent = parent
        self.hospital = desk.settings.workstation
        """Printed on the slip: the platform's name for this hospital, once dictionaries synced."""

    def submit(self, session: ReceivingSession | None) -> None:
        self._form.clear_errors()
        if session is None or not session.accepted:
            self._refuse(self.tr("Nothing to submit"), self.tr("Scan the bags first."))
            return
        if session.has_pending_checks():
            self._refuse(
                self.tr("Still checking with the platform"),
                self.tr("Wait until every bag has been checked, then submit."),
            )
            return
        operator = self._operator()
        if operator is None:
            return
        now = shanghai_now()
        data = receive_data(session, self._party(session), operator.staff_number, now)
        errors = form_errors(data)
        if errors:
            self._show_errors(errors)
            return
        if session.missing() and not self._confirm_missing(session.missing()):
            return
        self._save(session, operator, now, data)

    def _save(
        self, session: ReceivingSession, operator: Operator, now: datetime, data: dict[str, object]
    ) -> None:
        submission = jobs.Submission(
            self._desk.settings.workstation,
            data,
            session.bag_details(),
            operator,
            session.bill.id if isinstance(session, BillSession) else None,
        )
        slip = self._slip_for(session, operator, now)
        self.busy_changed.emit(True)
        self._desk.run_db(
            partial(jobs.submit_receipt, submission=submission),
            partial(self._submitted, session, slip),
            self._not_submitted,
        )

    def _operator(self) -> Operator | None:
        window = self._parent.window()
        if self._desk.operator is None and isinstance(window, MainWindow):
            window.choose_operator()
        if self._desk.operator is None:
            self._refuse(
                self.tr("No operator on duty"),
                self.tr("Choose the operator on duty (F2) before submitting."),
            )
        return self._desk.operator

    def _party(self, session: ReceivingSession) -> Party:
        if isinstance(session, BillSession):
            return Party(session.bill.id)
        if isinstance(session, ReturnSession):
            return Party(session.ref_id() or None, dep_id=self._form.department_id())
        number = self._form.transfer_number.text().strip() or None
        return Party(number, dis_organ_id=self._form.facility_id())

    def _show_errors(self, errors: list[FieldError]) -> None:
        first = self._form.show_errors(errors)
        if first is not None:
            first.setFocus()
        detail = pick(errors[0].message_zh, errors[0].message_en)
        self._refuse(self.tr("The receipt is not complete"), detail)

    def _confirm_missing(self, missing: tuple[BagRef, ...]) -> bool:
        ids = [bag.bag_id for bag in missing]
        listed = "\n".join(ids[:_MISSING_LISTED]) + ("\n…" if len(ids) > _MISSING_LISTED else "")
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Bags missing"),
            self.tr(
                "%1 bags of the bill were not received. Submit the receipt without them? "
                "They are recorded as missing in the receipt's description."
            ).replace("%1", str(len(ids))),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self._parent,
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setInformativeText(listed)
        box.setDetailedText("\n".join(ids))
        return box.exec() == QMessageBox.StandardButton.Yes

    def _slip_for(
        self, session: ReceivingSession, operator: Operator, now: datetime
    ) -> ReceiptSlip:
        if isinstance(session, BillSession):
            source = session.bill.id
        elif isinstance(session, ReturnSession):
            source = self._form.department_name()
        else:
            source = f"{self._form.facility_name()} · {self._form.transfer_number.text().strip()}"
        return ReceiptSlip(
            hospital=self.hospital,
            receive_type=session.receive_type,
            source=source,
            number="",
            operator=describe(operator),
            workstation=self._desk.settings.workstation,
            received_at=now,
            bags=session.accepted,
            product_names=dict(self._products.names),
            description=session.description(),
        )

    def _submitted(self, session: ReceivingSession, slip: ReceiptSlip, item: OutboxItem) -> None:
        self.busy_changed.emit(False)
        self.saved.emit(session, item, replace(slip, number=item.number))
        self._desk.stock_changed.emit()
        self._desk.drain_now()
        self._scans.show_message(
            FeedbackLevel.OK,
            self.tr("Receipt %1 saved").replace("%1", item.number),
            self.tr("It is sent to the platform from the outbox; print it with Ctrl+P."),
        )

    def _not_submitted(self, error: BaseException) -> None:
        self.busy_changed.emit(False)
        if isinstance(error, InvalidDocument):
            self._show_errors(error.errors)
            return
        explained = known_failure(error)
        if explained is None:
            self._desk.platform_failed(error)
            return
        self._refuse(self.tr("The receipt was not saved"), pick(*explained))

    def _refuse(self, title: str, detail: str) -> None:
        self._scans.show_message(FeedbackLevel.REFUSED, title, detail)
