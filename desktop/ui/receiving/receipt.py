"""The receipt slip (入库单) a clerk prints or files as PDF after submitting a receipt.

The slip is an HTML `QTextDocument`, so the printer and the PDF writer lay it
out the same way; it says what the platform record says, plus the hospital,
the operator and the discrepancy, for the paper trail kept at the counter.
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QMarginsF, QObject
from PySide6.QtGui import QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from desktop.domain.codes import ReceiveType
from desktop.domain.scan_outcomes import BagRef
from desktop.ui.i18n import pick
from desktop.ui.models.table import time_text


@dataclass(frozen=True)
class ReceiptSlip:
    """Everything printed on one receipt."""

    hospital: str
    receive_type: ReceiveType
    source: str
    """The bill number, the sending hospital and its transfer-out number, or the department."""
    number: str
    """The receipt's internalId."""
    operator: str
    workstation: str
    received_at: datetime
    bags: tuple[BagRef, ...]
    product_names: Mapping[str, str]
    description: str | None = None


def _cell(text: str) -> str:
    return f"<td>{html.escape(text)}</td>"


def _group(bag: BagRef) -> str:
    return f"{pick(bag.abo.label_zh, bag.abo.label_en)} {pick(bag.rh.label_zh, bag.rh.label_en)}"


class ReceiptPrinter(QObject):
    """Lays out a `ReceiptSlip` and sends it to a printer or a PDF file."""

    def html(self, slip: ReceiptSlip) -> str:
        kind = pick(slip.receive_type.label_zh, slip.receive_type.label_en)
        heads = [
            (self.tr("Hospital"), slip.hospital),
            (self.tr("Receipt type"), f"{kind} ({int(slip.receive_type)})"),
            (self.tr("From"), slip.source),
            (self.tr("Receipt number"), slip.number),
            (self.tr("Operator"), slip.operator),
            (self.tr("Workstation"), slip.workstation),
            (self.tr("Received at"), time_text(slip.received_at)),
        ]
        title = html.escape(self.tr("Blood receipt"))
        parts = [
            f"<h2>{title}</h2>",
            "<table cellspacing='0' cellpadding='2'>",
            *(f"<tr><th align='left'>{html.escape(k)}</th>{_cell(v)}</tr>" for k, v in heads),
            "</table>",
            self._bag_table(slip),
            self._totals(slip),
        ]
        if slip.description:
            note = html.escape(self.tr("Discrepancy"))
            parts.append(f"<p><b>{note}:</b> {html.escape(slip.description)}</p>")
        signature = html.escape(self.tr("Received by (signature):"))
        parts.append(f"<p><br/>{signature} ____________________</p>")
        return "\n".join(parts)

    def _bag_table(self, slip: ReceiptSlip) -> str:
        heads = ("#", self.tr("Bag id"), self.tr("Product"), self.tr("ABO / Rh"), self.tr("Expiry"))
        rows = [
            "<tr>"
            + _cell(str(number))
            + _cell(bag.bag_id)
            + _cell(self._product(slip, bag.product_code))
            + _cell(_group(bag))
            + _cell(time_text(bag.expiration))
            + "</tr>"
            for number, bag in enumerate(slip.bags, start=1)
        ]
        header = "".join(f"<th align='left'>{html.escape(head)}</th>" for head in heads)
        return (
            "<table border='1' cellspacing='0' cellpadding='3' width='100%'>"
            f"<tr>{header}</tr>{''.join(rows)}</table>"
        )

    def _totals(self, slip: ReceiptSlip) -> str:
        counted = Counter((self._product(slip, bag.product_code), _group(bag)) for bag in slip.bags)
        lines = "".join(
            f"<tr>{_cell(product)}{_cell(group)}{_cell(str(count))}</tr>"
            for (product, group), count in sorted(counted.items())
        )
        total = self.tr("Total: %1 bags").replace("%1", str(len(slip.bags)))
        return (
            f"<p><b>{html.escape(total)}</b></p>"
            f"<table cellspacing='0' cellpadding='2'>{lines}</table>"
        )

    @staticmethod
    def _product(slip: ReceiptSlip, code: str | None) -> str:
        name = slip.product_names.get(code or "")
        return f"{name}（{code}）" if name else code or ""

    def document(self, slip: ReceiptSlip) -> QTextDocument:
        document = QTextDocument(self)
        document.setHtml(self.html(slip))
        return document

    def save_pdf(self, slip: ReceiptSlip, path: Path) -> None:
        printer = _a4_printer(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(path))
        self._print_on(slip, printer)

    def print_with_dialog(self, slip: ReceiptSlip, parent: QWidget | None) -> bool:
        """Ask for a printer and print; False if the clerk cancelled."""
        printer = _a4_printer(QPrinter.OutputFormat.NativeFormat)
        dialog = QPrintDialog(printer, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        self._print_on(slip, printer)
        return True

    def _print_on(self, slip: ReceiptSlip, printer: QPrinter) -> None:
        document = self.document(slip)
        document.print_(printer)
        document.deleteLater()


def _a4_printer(output: QPrinter.OutputFormat) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(output)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
    return printer
