"""The bags of a takeout: scanned from this hospital's stock, checked, listed.

The candidates are the bags on the shelf (`stock.on_shelf`), read on the db
worker whenever the stock changes; a scan resolves among them only, so a bag
that is not in stock is refused whatever its label says. Each bag found is
assessed (`issue_check`) for the takeout's type and patient: refused (red,
sound, reason), asked about (`IssueDialog`), or added. Delete removes the
selected bags from the list.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from desktop.domain.codes import TakeoutType
from desktop.domain.compatibility import CompatibilityLevel, ProductClassifier
from desktop.domain.dates import SHANGHAI
from desktop.domain.isbt128 import Bilingual
from desktop.domain.scan_outcomes import (
    AlreadyScanned,
    Ambiguous,
    BagRef,
    DoNotUse,
    Expired,
    LabelChecked,
    Pending,
    ProductMismatch,
    Resolution,
    Resolved,
    ResolverScope,
)
from desktop.domain.scan_resolver import ScanResolver
from desktop.store import dictionaries, stock
from desktop.store.database import Store
from desktop.ui.desk import Desk
from desktop.ui.i18n import pick
from desktop.ui.models.table import SortProxy
from desktop.ui.models.takeout_models import TakeoutBagsModel
from desktop.ui.scan_feedback import FeedbackLevel, FeedbackSounds, ScanFeedback
from desktop.ui.scanner import ScanField, ScanRouter
from desktop.ui.takeout.form_fields import FieldErrors
from desktop.ui.takeout.issue_check import BagFacts, IssueLine, PatientGroups, assess
from desktop.ui.takeout.issue_dialog import IssueDialog

BAGS_PATH = "outStock.details"


@dataclass(frozen=True)
class Shelf:
    """The bags in stock and what is needed to check them, read on the db worker."""

    bags: list[BagRef]
    classifier: ProductClassifier
    product_names: dict[str, str]


def read_shelf(store: Store) -> Shelf:
    with store.read() as conn:
        shelf = stock.on_shelf(conn)
    # Withdrawn products still name bags on the shelf, so they are classified too.
    bloods = dictionaries.bloods(store, include_unavailable=True)
    classifier = ProductClassifier(
        bloods,
        dictionaries.blood_sub_types(store, include_unavailable=True),
        dictionaries.blood_types(store, include_unavailable=True),
    )
    bags = [
        BagRef(bag.bag_id, bag.serial_id, bag.product, bag.abo, bag.rh, bag.expiration)
        for bag in shelf
    ]
    return Shelf(bags, classifier, {row.id: row.full_name for row in bloods})


def _now() -> datetime:
    return datetime.now(SHANGHAI)


class TakeoutBagsPanel(QWidget):
    """Scan field, result panel, and the list of bags going out."""

    def __init__(self, desk: Desk, errors: FieldErrors, scan_area: QWidget) -> None:
        super().__init__()
        self._desk = desk
        self._kind = TakeoutType.CLINICAL_USE
        self._patient: PatientGroups | None = None
        self._shelf: Shelf | None = None
        self._resolver: ScanResolver | None = None
        self._asking: IssueDialog | None = None
        self.model = TakeoutBagsModel(self)
        self.scan_field = ScanField()
        self.scan_field.setPlaceholderText(self.tr("Scan a bag (DIN and product code, or bag id)"))
        self.feedback = ScanFeedback()
        self.sounds = FeedbackSounds(self)
        self.table = QTableView()
        self.table.setModel(SortProxy(self.model, self))
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setResizeContentsPrecision(0)  # rows on screen only: see tabs/tables.py
        header.setStretchLastSection(True)
        remove = QShortcut(QKeySequence.StandardKey.Delete, self.table)
        remove.setContext(Qt.ShortcutContext.WidgetShortcut)
        remove.activated.connect(self.remove_selected)
        self.router = ScanRouter(scan_area)
        for source in (self.scan_field.scanned, self.router.scanned):
            source.connect(self.handle_scan)
        caption = QLabel(self.tr("Ba&gs going out (Delete removes the selected ones)"))
        caption.setBuddy(self.table)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scan_field)
        layout.addWidget(self.feedback)
        layout.addWidget(caption)
        layout.addWidget(self.table, stretch=1)
        layout.addWidget(errors.add(BAGS_PATH, self.table))
        desk.stock_changed.connect(self.reload_stock)
        desk.dictionaries_changed.connect(self.reload_stock)
        self.reload_stock()

    # -- stock ---------------------------------------------------------------------------

    def reload_stock(self) -> None:
        self._desk.run_db(read_shelf, self._use_shelf)

    def _use_shelf(self, shelf: Shelf) -> None:
        self._shelf = shelf
        listed = self.model.bag_ids()
        self._resolver = ScanResolver(shelf.bags, scope=ResolverScope.STOCK, scanned=listed)
        self.model.set_context(shelf.product_names, _now())

    @property
    def asking(self) -> IssueDialog | None:
        """The question open about a doubtful bag, if one is."""
        return self._asking

    @property
    def ready(self) -> bool:
        """Whether the stock has been read, so that scans can be resolved."""
        return self._resolver is not None

    # -- context ---------------------------------------------------------------------------

    def set_context(self, kind: TakeoutType, patient: PatientGroups | None) -> None:
        """The takeout's type and patient changed: every listed bag is assessed again."""
        self._kind, self._patient = kind, patient
        for position, line in enumerate(self.model.rows()):
            fresh = line.reassessed(kind, patient)
            if fresh != line:
                self.model.replace_row(position, fresh)

    def lines(self) -> list[IssueLine]:
        return list(self.model.rows())

    def clear(self) -> None:
        self.model.set_rows([])
        if self._shelf is not None:
            self._use_shelf(self._shelf)
        self.feedback.reset()

    def remove_selected(self) -> None:
        proxy = self.table.model()
        assert isinstance(proxy, SortProxy)
        selected = self.table.selectionModel().selectedRows()
        for row in sorted({proxy.mapToSource(index).row() for index in selected}, reverse=True):
            self.remove(row)

    def remove(self, position: int) -> None:
        line = self.model.remove(position)
        if self._resolver is not None:
            self._resolver.unmark_scanned(line.facts.bag)

    # -- scans -------------------------------------------------------------------------------

    def handle_scan(self, text: str) -> None:
        if self._asking is not None:
            self._say(FeedbackLevel.WARNING, _ANSWER_FIRST)
            return
        if self._resolver is None or self._shelf is None:
            self._say(FeedbackLevel.WARNING, _STOCK_LOADING)
            return
        self._resolved(self._resolver.resolve(text, now=_now()), self._shelf)

    def _resolved(self, resolution: Resolution, shelf: Shelf) -> None:
        if isinstance(resolution, Resolved):
            self._consider(self._facts(resolution.bag, shelf, warnings=resolution.warnings))
        elif isinstance(resolution, Expired):
            self._reconsider(self._facts(resolution.bag, shelf, expired=resolution.expired_at))
        elif isinstance(resolution, DoNotUse) and resolution.bag is not None:
            self._reconsider(self._facts(resolution.bag, shelf, do_not_use=resolution.reasons))
        elif isinstance(resolution, LabelChecked) and resolution.warnings:
            self._reconsider(self._facts(resolution.bag, shelf, warnings=resolution.warnings))
        else:
            self._say(_level_of(resolution), resolution.message)

    def _facts(
        self,
        bag: BagRef,
        shelf: Shelf,
        *,
        expired: datetime | None = None,
        do_not_use: tuple[Bilingual, ...] = (),
        warnings: tuple[Bilingual, ...] = (),
    ) -> BagFacts:
        """What is known of `bag` now: this scan's findings added to those of earlier scans."""
        listed = self._listed(bag.bag_id)
        before = listed.facts if listed is not None else None
        return BagFacts(
            bag,
            shelf.classifier.classify_code(bag.product_code),
            expired or (before.expired_at if before else None),
            tuple(dict.fromkeys((*(before.do_not_use if before else ()), *do_not_use))),
            tuple(dict.fromkeys((*(before.label_warnings if before else ()), *warnings))),
        )

    def _listed(self, bag_id: str) -> IssueLine | None:
        position = self.model.position_of(lambda line: line.bag_id == bag_id)
        return None if position is None else self.model.row(position)

    def _reconsider(self, facts: BagFacts) -> None:
        """A later bar code of a listed bag's label says more: the bag is judged again."""
        position = self.model.position_of(lambda line: line.bag_id == facts.bag.bag_id)
        if position is not None:
            self.remove(position)
        self._consider(facts)

    def _consider(self, facts: BagFacts) -> None:
        line = IssueLine(facts, assess(facts, self._kind, self._patient))
        level = line.assessment.level
        if level is CompatibilityLevel.REFUSED:
            self._refuse(line.assessment.reason, facts.bag.bag_id)
        elif level is CompatibilityLevel.OK:
            self._add(line)
        else:
            self._ask(line)

    def _refuse(self, reason: Bilingual, bag_id: str) -> None:
        # Forget the refused bag, or its label's next bar code would read as "agrees with it".
        if self._resolver is not None:
            self._resolver.reset()
        self._say(FeedbackLevel.REFUSED, reason, bag_id)

    def _ask(self, line: IssueLine) -> None:
        self._say(FeedbackLevel.WARNING, line.assessment.reason, line.bag_id)
        dialog = IssueDialog(line, self)
        self._asking = dialog
        dialog.finished.connect(lambda result: self._answered(dialog, result))
        dialog.open()

    def _answered(self, dialog: IssueDialog, result: int) -> None:
        self._asking = None
        dialog.deleteLater()
        if result == QDialog.DialogCode.Accepted:
            self._add(dialog.line())
        else:
            self._refuse(_NOT_ISSUED, dialog.line().bag_id)
        self.scan_field.setFocus()

    def _add(self, line: IssueLine) -> None:
        assert self._resolver is not None
        self._resolver.mark_scanned(line.facts.bag)
        self.model.append(line)
        self._say(FeedbackLevel.OK, line.assessment.reason, line.bag_id)

    def _say(self, level: FeedbackLevel, message: Bilingual, title: str | None = None) -> None:
        text = pick(message.zh, message.en)
        self.feedback.show_result(level, title or text, text if title else "")
        self.sounds.play(level)


def _level_of(resolution: Resolution) -> FeedbackLevel:
    """How a scan that added no bag looks: waiting for the other half, a doubt, or a refusal."""
    if isinstance(resolution, LabelChecked):
        return FeedbackLevel.OK
    if isinstance(resolution, Pending) or (
        isinstance(resolution, Ambiguous) and resolution.awaiting is not None
    ):
        return FeedbackLevel.IDLE
    if isinstance(resolution, AlreadyScanned | ProductMismatch):
        return FeedbackLevel.WARNING
    return FeedbackLevel.REFUSED


_ANSWER_FIRST = Bilingual(
    zh="请先回答弹出的问题（发出或不发出），再扫描下一袋。",
    en="Answer the open question (issue or not) before scanning the next bag.",
)
_STOCK_LOADING = Bilingual(
    zh="正在读取库存，请稍后重新扫描。", en="The stock is still being read; scan again in a moment."
)
_NOT_ISSUED = Bilingual(zh="未发出：此袋未加入出库单。", en="Not issued: the bag was not added.")
