"""From the takeout tab to a `TakeoutListForm` in the outbox, and the db jobs around it.

`takeout_data` builds the wire data (the outbox numbers it: `refId` is left
out), `form_errors` runs the domain's validation on it so that each error shows
next to its field before anything is saved. `submit_takeout` saves the takeout
(outbox row, stock effect, audit entry) and, in the same transaction, one audit
entry per override the clerk gave; the overrides also go into the takeout's
description, so the platform's record says why as well.

The jobs are plain functions of a `Store`: they run on the db worker and
touch no widget.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Final

from desktop.domain.codes import TakeoutType
from desktop.domain.models import TakeoutListForm
from desktop.domain.transfusion_import import TransfusionImport, import_transfusion_apply
from desktop.domain.validation import FieldError, validate
from desktop.store import audit, drafts
from desktop.store.audit import Operator
from desktop.store.database import Store
from desktop.store.outbox import Outbox
from desktop.store.outbox_items import OutboxItem
from desktop.ui.takeout.issue_check import IssueLine, PatientGroups

DRAFT_FORM: Final = "takeout"
DRAFT_KEY: Final = "current"
"""One takeout is in progress at a workstation; the key never names the patient."""
OVERRIDE_ACTION: Final = "takeout.override"
_NUMBER_PLACEHOLDER: Final = "CK-PENDING"
_NUMBER_PATH: Final = "outStock.refId"


@dataclass(frozen=True)
class Header:
    """The takeout's own fields, as the tab's header holds them."""

    kind: TakeoutType
    department: str | None = None
    hospital: str | None = None
    remark: str | None = None


@dataclass(frozen=True)
class OverrideRecord:
    """One override, as the audit log keeps it: the bag, the groups, the verdict, the reason."""

    bag_id: str
    product: str | None
    bag_groups: str
    patient_groups: str
    verdict: str
    reason: str

    def audit_detail(self) -> str:
        return json.dumps(
            {
                "bag": self.bag_id,
                "product": self.product,
                "bagGroups": self.bag_groups,
                "patientGroups": self.patient_groups,
                "verdict": self.verdict,
                "reason": self.reason,
            },
            ensure_ascii=False,
            sort_keys=True,
        )


def overrides_of(lines: Sequence[IssueLine], patient: PatientGroups | None) -> list[OverrideRecord]:
    patient_text = "" if patient is None else f"{patient.abo.value}/{patient.rh.value}"
    return [
        OverrideRecord(
            bag_id=line.bag_id,
            product=line.facts.bag.product_code,
            bag_groups=f"{line.facts.bag.abo.value}/{line.facts.bag.rh.value}",
            patient_groups=patient_text,
            verdict=line.assessment.reason.zh,
            reason=line.override_reason,
        )
        for line in lines
        if line.override_reason
    ]


def description(remark: str | None, overrides: Sequence[OverrideRecord], operator: Operator) -> str:
    """The takeout's description: the clerk's remark, then every override and who gave it."""
    who = f"{operator.name}（{operator.staff_number}）"
    notes = [
        f"特殊发血：血袋 {item.bag_id}，{item.verdict}原因：{item.reason}；操作员：{who}"
        for item in overrides
    ]
    return "；".join(part for part in (remark, *notes) if part)


def takeout_data(
    header: Header,
    apply: Mapping[str, object] | None,
    bag_ids: Sequence[str],
    *,
    operator: Operator,
    notes: str,
    now: datetime,
) -> dict[str, Any]:
    """The takeout's wire data, all but its number; `now` is both created and taken-out time."""
    out_stock: dict[str, Any] = {
        "type": int(header.kind),
        "createTime": now,
        "commitTime": now,
        "optId": operator.staff_number,
        "details": [{"bloodBagId": bag_id} for bag_id in bag_ids],
    }
    party = {"depId": header.department, "otherhosId": header.hospital, "description": notes}
    out_stock.update({key: value for key, value in party.items() if value})
    data: dict[str, Any] = {"outStock": out_stock}
    if apply is not None:
        data["transfusionApply"] = {**apply, "optName": operator.name, "optDatetime": now}
    return data


def form_errors(data: Mapping[str, Any]) -> list[FieldError]:
    """The domain's objections to `data`, field by field (none about the number to come)."""
    numbered = {**data, "outStock": {**data["outStock"], "refId": _NUMBER_PLACEHOLDER}}
    result = validate(TakeoutListForm, numbered)
    return [error for error in result.errors if error.path != _NUMBER_PATH]


@dataclass(frozen=True)
class Submission:
    """A takeout ready for the outbox, and the overrides to audit with it."""

    workstation: str
    data: Mapping[str, Any]
    operator: Operator
    overrides: tuple[OverrideRecord, ...]


def submit_takeout(store: Store, submission: Submission) -> OutboxItem:
    """Save the takeout and its override audit entries together; then drop the draft."""
    outbox = Outbox(store, submission.workstation)
    with store.transaction() as conn:
        item = outbox.submit_takeout(submission.data, submission.operator)
        for override in submission.overrides:
            audit.record(
                conn,
                submission.operator,
                submission.workstation,
                OVERRIDE_ACTION,
                item.number,
                override.audit_detail(),
                at=store.now(),
            )
    drafts.delete_draft(store, DRAFT_FORM, DRAFT_KEY)
    return item


def save_draft(store: Store, payload: Mapping[str, Any]) -> None:
    drafts.save_draft(store, DRAFT_FORM, DRAFT_KEY, dict(payload))


def load_draft(store: Store) -> Mapping[str, Any] | None:
    draft = drafts.load_draft(store, DRAFT_FORM, DRAFT_KEY)
    return draft if isinstance(draft, Mapping) else None


def drop_draft(store: Store) -> None:
    drafts.delete_draft(store, DRAFT_FORM, DRAFT_KEY)


def read_request_file(_store: Store, path: Path) -> TransfusionImport:
    """A HIS export read off the UI thread (a network share can be slow)."""
    return import_transfusion_apply(path.read_bytes())
