"""出库: bags leave this hospital's stock, to a patient, another hospital, the bin or the station.

The clerk picks the type (Alt+T), fills what it needs (for clinical use the
transfusion request and patient record, typed or imported from the HIS's JSON
export with Ctrl+I; for a transfer the receiving hospital; for a scrapping
the reason), scans the bags, and submits with Ctrl+Enter. Validation is the
domain's, shown next to each field; the takeout goes to the outbox on the db
worker and its delivery is followed below the buttons. What was typed is kept
as an encrypted draft, so a restart loses nothing; the bags are scanned again.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.codes import TakeoutType
from desktop.domain.dates import SHANGHAI
from desktop.domain.transfusion_import import TransfusionImport
from desktop.domain.validation import FieldError
from desktop.store.audit import Operator
from desktop.store.outbox_items import OutboxItem
from desktop.ui.desk import Desk, NoticeLevel
from desktop.ui.i18n import pick
from desktop.ui.takeout.bag_scan import BAGS_PATH, TakeoutBagsPanel
from desktop.ui.takeout.counter import DeliveryLine, ask_operator, show_failure
from desktop.ui.takeout.form_fields import FieldErrors, TextField
from desktop.ui.takeout.pickers import hospital_picker
from desktop.ui.takeout.submission import (
    Header,
    Submission,
    description,
    drop_draft,
    form_errors,
    load_draft,
    overrides_of,
    read_request_file,
    save_draft,
    submit_takeout,
    takeout_data,
)
from desktop.ui.takeout.transfusion_form import APPLY_PATH, TransfusionApplyForm

DRAFT_DELAY_MS = 800
_HOSPITAL_PATH = "outStock.otherhosId"
_REMARK_PATH = "outStock.description"


_FILLED_AT_SUBMIT = frozenset({"optName", "optDatetime"})


class TakeoutTab(QWidget):
    """The takeout form, the bags, and what became of the last takeout saved."""

    def __init__(self, desk: Desk) -> None:
        super().__init__()
        self._desk = desk
        self._busy = False
        general = QLabel()
        self.errors = FieldErrors(general)
        self.kind = QComboBox()
        for kind in TakeoutType:
            self.kind.addItem(f"{kind.value} {pick(kind.label_zh, kind.label_en)}", kind)
        self.hospital = hospital_picker(desk)
        self.remark = TextField(200)
        # The header's fields come first when the clerk is sent to the first error.
        self.errors.add(_HOSPITAL_PATH, self.hospital)
        self.errors.add(_REMARK_PATH, self.remark)
        self.request = TransfusionApplyForm(desk, self.errors)
        self.bags = TakeoutBagsPanel(desk, self.errors, scan_area=self)
        self.delivery = DeliveryLine(desk, self.tr("Last takeout: %1"))
        self.import_status = QLabel()
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self._save_draft)
        self._layout(general)
        self._connect()
        self._kind_changed()
        desk.run_db(load_draft, self._restore, self._failed)

    # -- building ------------------------------------------------------------------------

    def _layout(self, general: QLabel) -> None:
        header = QHBoxLayout()
        kind_label = QLabel(self.tr("T&ype"))
        kind_label.setBuddy(self.kind)
        self.hospital_label = QLabel(self.tr("Receiving hos&pital"))
        self.hospital_label.setBuddy(self.hospital)
        self.remark_label = QLabel()
        self.remark_label.setBuddy(self.remark)
        widgets: list[QWidget] = [kind_label, self.kind, self.hospital_label, self.hospital]
        widgets.append(self.errors.add(_HOSPITAL_PATH, self.hospital))
        widgets += [self.remark_label, self.remark, self.errors.add(_REMARK_PATH, self.remark)]
        for widget in widgets:
            header.addWidget(widget)
        self.request_area = QScrollArea()
        self.request_area.setWidgetResizable(True)
        self.request_area.setWidget(self.request)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.request_area)
        splitter.addWidget(self.bags)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(general)
        layout.addWidget(splitter, stretch=1)
        layout.addLayout(self._buttons())
        layout.addWidget(self.import_status)
        layout.addWidget(self.delivery)

    def _buttons(self) -> QHBoxLayout:
        self.import_button = QPushButton(self.tr("&Import HIS request… (Ctrl+I)"))
        self.new_button = QPushButton(self.tr("&New takeout"))
        self.submit_button = QPushButton(self.tr("S&ubmit takeout (Ctrl+Enter)"))
        self.import_button.clicked.connect(self.choose_request_file)
        self.new_button.clicked.connect(self.start_over)
        self.submit_button.clicked.connect(self.submit)
        row = QHBoxLayout()
        for button in (self.import_button, self.new_button):
            row.addWidget(button)
        row.addStretch()
        row.addWidget(self.submit_button)
        for keys, slot in (
            ("Ctrl+Return", self.submit),
            ("Ctrl+Enter", self.submit),
            ("Ctrl+I", self.choose_request_file),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        return row

    def _connect(self) -> None:
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.request.record.groups_changed.connect(self._context_changed)
        for edited in (self.request.edited, self.hospital.edited, self.remark.edited):
            edited.connect(self._draft_timer.start)
        self.kind.activated.connect(self._draft_timer.start)

    # -- type and patient --------------------------------------------------------------------

    def takeout_type(self) -> TakeoutType:
        return TakeoutType(self.kind.currentData())

    def set_takeout_type(self, kind: TakeoutType) -> None:
        self.kind.setCurrentIndex(self.kind.findData(kind))

    def _kind_changed(self) -> None:
        kind = self.takeout_type()
        clinical, transfer = kind is TakeoutType.CLINICAL_USE, kind is TakeoutType.TRANSFER_OUT
        self.request_area.setVisible(clinical)
        self.import_button.setEnabled(clinical)
        for widget in (self.hospital_label, self.hospital):
            widget.setVisible(transfer)
        scrap = kind is TakeoutType.SCRAPPED
        self.remark_label.setText(self.tr("Scrap reas&on") if scrap else self.tr("Re&mark"))
        self._context_changed()

    def _context_changed(self) -> None:
        patient = self.request.record.patient_groups()
        self.bags.set_context(self.takeout_type(), patient)

    # -- submitting --------------------------------------------------------------------------

    def submit(self) -> None:
        """Validate and save the takeout (asking who is at the counter first, if nobody is)."""
        if self._busy:
            return
        operator = self._desk.operator
        if operator is None:
            ask_operator(self._desk, self, self.submit)
            return
        self.errors.clear()
        submission = self._submission(operator, datetime.now(SHANGHAI))
        errors = self._blocking_problems() + form_errors(submission.data)
        if errors:
            self._show_errors(errors)
            return
        self._set_busy(True)
        self._desk.run_db(partial(submit_takeout, submission=submission), self._saved, self._failed)

    def _submission(self, operator: Operator, now: datetime) -> Submission:
        kind = self.takeout_type()
        clinical = kind is TakeoutType.CLINICAL_USE
        patient = self.request.record.patient_groups()
        overrides = overrides_of(self.bags.lines(), patient) if clinical else []
        hospital = self.hospital.choice()
        header = Header(
            kind,
            department=self.request.department_id() if clinical else None,
            hospital=hospital.key if hospital and kind is TakeoutType.TRANSFER_OUT else None,
        )
        notes = description(self.remark.text().strip() or None, overrides, operator)
        bag_ids = [line.bag_id for line in self.bags.lines()]
        apply = self.request.wire() if clinical else None
        data = takeout_data(header, apply, bag_ids, operator=operator, notes=notes, now=now)
        return Submission(self._desk.settings.workstation, data, operator, tuple(overrides))

    def _blocking_problems(self) -> list[FieldError]:
        problems = []
        blocked = [line.bag_id for line in self.bags.lines() if not line.issuable]
        if blocked:
            ids = "、".join(blocked)
            problems.append(
                FieldError(
                    BAGS_PATH,
                    f"血袋 {ids} 不能按当前的出库类型或患者血型发出：请删除后重新扫描核对。",
                    f"Bags {', '.join(blocked)} cannot go out under the present type or patient "
                    "groups: remove them and scan them again.",
                )
            )
        if self.takeout_type() is TakeoutType.SCRAPPED and not self.remark.text().strip():
            problems.append(
                FieldError(
                    _REMARK_PATH,
                    "报废须填写报废原因（如过期、破袋、溶血）。",
                    "A scrapping needs its reason (expired, broken bag, haemolysed, …).",
                )
            )
        return problems

    def _show_errors(self, errors: Sequence[FieldError]) -> None:
        first = self.errors.show(errors)
        if first is not None:
            self.request_area.ensureWidgetVisible(first)
            first.setFocus()

    def _saved(self, item: OutboxItem) -> None:
        self._set_busy(False)
        self.delivery.track(item)
        kind = item.kind.label
        self._desk.show_notice(
            NoticeLevel.INFO,
            f"{kind.zh}单 {item.number} 已保存，等待上传平台。",
            f"{kind.en.capitalize()} {item.number} saved; it will be sent to the platform.",
        )
        self._reset_form()
        self._desk.stock_changed.emit()
        self._desk.drain_now()

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        show_failure(self._desk, self.errors, error)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.submit_button.setEnabled(not busy)

    # -- starting over, drafts, import ---------------------------------------------------------

    def start_over(self) -> None:
        """Clear the form and the bags, and forget the draft."""
        self._reset_form()
        self._desk.run_db(drop_draft, None, self._failed)

    def _reset_form(self) -> None:
        self.errors.clear()
        self.request.load({})
        self.hospital.set_choice(None)
        self.remark.clear()
        self.import_status.clear()
        self.bags.clear()
        self._draft_timer.stop()

    def _draft(self) -> dict[str, Any]:
        hospital = self.hospital.choice()
        return {
            "type": int(self.takeout_type()),
            "hospital": None if hospital is None else hospital.key,
            "remark": self.remark.text(),
            "request": self.request.wire(),
        }

    def _save_draft(self) -> None:
        self._desk.run_db(partial(save_draft, payload=self._draft()), None, self._failed)

    def _restore(self, draft: Mapping[str, Any] | None) -> None:
        if not draft or "type" not in draft:
            return
        self.set_takeout_type(TakeoutType(draft["type"]))
        self.hospital.show_key(draft.get("hospital"))
        self.remark.setText(str(draft.get("remark") or ""))
        request = draft.get("request")
        self.request.load(request if isinstance(request, Mapping) else {})
        self.import_status.setText(self.tr("The takeout in progress was restored; scan its bags."))

    def choose_request_file(self) -> None:
        if self.takeout_type() is not TakeoutType.CLINICAL_USE:
            return
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Import a transfusion request"), "", self.tr("JSON files (*.json)")
        )
        if path:
            self.import_request(Path(path))

    def import_request(self, path: Path) -> None:
        """Fill the request from a HIS's JSON export at `path` (read on the db worker)."""
        self.set_takeout_type(TakeoutType.CLINICAL_USE)
        self._desk.run_db(partial(read_request_file, path=path), self._imported, self._failed)

    def _imported(self, result: TransfusionImport) -> None:
        self.errors.clear()
        if result.data is not None:
            self.request.load(result.data)
            self._draft_timer.start()
        # The operator and the time of the request are the desk's to fill at submit.
        errors = [error for error in result.errors if error.path not in _FILLED_AT_SUBMIT]
        self.errors.show(errors, prefix=APPLY_PATH)
        if not errors:
            self.import_status.setText(self.tr("Request imported: check it, then scan the bags."))
        else:
            count = str(len(errors))
            self.import_status.setText(
                self.tr("Request not imported cleanly: %1 problem(s), shown in red.").replace(
                    "%1", count
                )
            )
