"""The cancel tab's db jobs: find a takeout by its number or its patient, read its bags, cancel.

A takeout number is matched in the stock's takeout records. The patient is
only in the takeout's outbox payload, encrypted: the search decrypts the
payloads of the takeouts within the retention period (older ones no longer
hold a name) on the db worker and compares there, so no patient data is ever
written anywhere in clear.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final

from desktop.domain.delivery import DocumentKind
from desktop.store import stock
from desktop.store.audit import Operator
from desktop.store.database import Store
from desktop.store.outbox import Outbox
from desktop.store.outbox_items import OutboxItem
from desktop.store.retention import DEFAULT_RETENTION
from desktop.store.stock import TAKEOUT_POSITIONS, TakeoutRecord
from desktop.ui.models.cancel_models import CancelBag, FoundTakeout

FOUND_SHOWN: Final = 200
_PATIENT_KEYS: Final = ("name", "cardno", "opEmHpNo", "originalId")


def find_takeouts(store: Store, workstation: str, text: str, now: datetime) -> list[FoundTakeout]:
    """Takeouts numbered `text`, else the recent ones whose number or patient contains it."""
    wanted = text.strip().casefold()
    with store.read() as conn:
        exact = stock.takeout(conn, text.strip()) if wanted else None
        records = [exact] if exact else stock.takeouts(conn, since=now - DEFAULT_RETENTION)
    outbox = Outbox(store, workstation)
    items = {item.number: item for item in outbox.items() if item.kind is DocumentKind.TAKEOUT}
    found: list[FoundTakeout] = []
    for record in records:
        item = items.get(record.ref_id)
        patient = _patient(outbox, item)
        if exact or _matches(wanted, record, patient):
            name = patient.get("name") if patient else None
            found.append(FoundTakeout(record, item.state if item else None, _text(name)))
        if len(found) >= FOUND_SHOWN:
            break
    return found


def _patient(outbox: Outbox, item: OutboxItem | None) -> Mapping[str, Any] | None:
    if item is None:
        return None
    request = outbox.stored_wire(item.seq).get("transfusionApply")
    record = request.get("medicalRecord") if isinstance(request, Mapping) else None
    return record if isinstance(record, Mapping) else None


def _matches(wanted: str, record: TakeoutRecord, patient: Mapping[str, Any] | None) -> bool:
    if not wanted or wanted in record.ref_id.casefold():
        return True
    values = [str(patient.get(key) or "") for key in _PATIENT_KEYS] if patient else []
    return any(wanted in value.casefold() for value in values)


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def cancel_bags(store: Store, ref_id: str) -> list[CancelBag]:
    """The bags of takeout `ref_id`; those still where it put them may be cancelled."""
    with store.read() as conn:
        record = stock.takeout(conn, ref_id)
        if record is None:
            return []
        moved_to = TAKEOUT_POSITIONS[record.type]
        rows = []
        for line in record.bags:
            bag = stock.bag(conn, line.bag_id)
            still_out = (
                bag is not None
                and line.cancelled_at is None
                and bag.position is moved_to
                and bag.takeout_ref == ref_id
            )
            rows.append(CancelBag(line, bag, still_out))
    return rows


@dataclass(frozen=True)
class CancelSubmission:
    workstation: str
    data: Mapping[str, Any]
    operator: Operator


def submit_cancel(store: Store, submission: CancelSubmission) -> OutboxItem:
    """Save the cancellation: outbox row, bags back on the shelf, audit entry, together."""
    return Outbox(store, submission.workstation).submit_cancel(submission.data, submission.operator)
