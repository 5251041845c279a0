"""The three documents the outbox carries, seen alike: their number, bags, day and patient data.

A receipt is numbered by its `internalId`, a takeout by `outStock.refId`; a
cancellation has no number of its own on the wire (the platform knows it by
the takeout's `refId` and its bags), so the outbox gives it a local key.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final

from desktop.domain.delivery import DocumentKind
from desktop.domain.models import CancelTakeout, Receive, TakeoutListForm, to_wire
from desktop.domain.validation import ValidationResult, validate

Document = Receive | TakeoutListForm | CancelTakeout


@dataclass(frozen=True)
class _Shape:
    model: type[Document]
    number_path: tuple[str, ...] | None
    """Where the document carries the desk's number, in wire names; None for a cancellation."""


_SHAPES: Final = {
    DocumentKind.RECEIVE: _Shape(Receive, ("internalId",)),
    DocumentKind.TAKEOUT: _Shape(TakeoutListForm, ("outStock", "refId")),
    DocumentKind.CANCEL: _Shape(CancelTakeout, None),
}

# What names or reaches a patient, dropped from acknowledged payloads after the
# retention period; what is left (age, sex, diagnosis, products) stays for the
# hospital's statistics and cannot be traced back to a person.
_PATIENT_FIELDS: Final = {
    ("transfusionApply", "medicalRecord"): (
        "originalId",
        "cardno",
        "name",
        "birthday",
        "contact",
        "country",
        "company",
        "opEmHpNo",
    ),
    ("transfusionApply",): ("bedno",),
}


def kind_of(document: Document) -> DocumentKind:
    if isinstance(document, Receive):
        return DocumentKind.RECEIVE
    if isinstance(document, TakeoutListForm):
        return DocumentKind.TAKEOUT
    return DocumentKind.CANCEL


def number_given(kind: DocumentKind, data: Document | Mapping[str, Any]) -> str | None:
    """The number the caller put on the document, or None when it is left to the outbox."""
    if not isinstance(data, Mapping):
        return own_number(data)
    path = _SHAPES[kind].number_path
    value: Any = data
    for key in path or ():
        value = value.get(key) if isinstance(value, Mapping) else None
    return value.strip() if isinstance(value, str) and value.strip() else None


def with_number(kind: DocumentKind, data: Mapping[str, Any], number: str) -> dict[str, Any]:
    """A copy of wire data `data` carrying `number` (a cancellation is returned unchanged)."""
    copied = dict(data)
    path = _SHAPES[kind].number_path
    if path is None:
        return copied
    inner = copied
    for key in path[:-1]:
        nested = inner.get(key)
        inner[key] = dict(nested) if isinstance(nested, Mapping) else {}
        inner = inner[key]
    inner[path[-1]] = number
    return copied


def parse(kind: DocumentKind, data: Document | Mapping[str, Any]) -> ValidationResult[Any]:
    """`data` as the kind's model by the domain's rules (a model is checked again as data)."""
    model = _SHAPES[kind].model
    if isinstance(data, model):
        return ValidationResult(value=data)
    raw = to_wire(data) if not isinstance(data, Mapping) else data
    return validate(model, raw)


def load(kind: DocumentKind, wire: Mapping[str, Any]) -> Document:
    """A stored payload back as its model (it was valid when stored)."""
    return _SHAPES[kind].model.model_validate(wire)


def own_number(document: Document) -> str | None:
    """The desk's number as the platform sees it: None for a cancellation."""
    if isinstance(document, Receive):
        return document.internal_id
    if isinstance(document, TakeoutListForm):
        return document.out_stock.ref_id
    return None


def ref_of(document: Document) -> str:
    """The number ordering chains on: the receipt's own, or the takeout's `refId`."""
    if isinstance(document, Receive):
        return document.internal_id
    if isinstance(document, TakeoutListForm):
        return document.out_stock.ref_id
    return document.ref_id


def bag_ids(document: Document) -> list[str]:
    if isinstance(document, Receive):
        return [line.blood_bag_id for line in document.blood_bags]
    if isinstance(document, TakeoutListForm):
        return [line.blood_bag_id for line in document.out_stock.details]
    return list(document.blood_bag_ids)


def actual_time(document: Document) -> datetime:
    """When it happened, which decides the business day of the midnight rule."""
    if isinstance(document, Receive):
        return document.receive_time
    if isinstance(document, TakeoutListForm):
        return document.out_stock.commit_time
    return document.time


def without_patient_data(wire: Mapping[str, Any]) -> dict[str, Any]:
    """A copy of a stored payload with the fields that identify a patient removed."""
    copied: dict[str, Any] = dict(wire)
    for path, fields in _PATIENT_FIELDS.items():
        holder = copied
        for key in path:
            nested = holder.get(key)
            if not isinstance(nested, Mapping):
                break
            holder[key] = dict(nested)
            holder = holder[key]
        else:
            for name in fields:
                holder.pop(name, None)
    return copied


def changed_paths(old: Mapping[str, Any], new: Mapping[str, Any], prefix: str = "") -> list[str]:
    """The wire paths whose values differ: what a correction changed, without the values."""
    changed: list[str] = []
    for key in sorted(set(old) | set(new)):
        path = f"{prefix}.{key}" if prefix else key
        before, after = old.get(key), new.get(key)
        if isinstance(before, Mapping) and isinstance(after, Mapping):
            changed += changed_paths(before, after, path)
        elif before != after:
            changed.append(path)
    return changed
