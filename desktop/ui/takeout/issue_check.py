"""May this scanned bag leave stock on this takeout? Expiry, the label, and the patient's groups.

No Qt here: the takeout tab asks `assess` for every bag it scans, and again for
every bag on the list whenever the takeout type or the patient's blood groups
change, since a confirmation given for one patient means nothing for another.

What is refused and what is asked, strictest first:

- A bag whose label says "do not use", or that has expired, is refused, except
  on a scrapping (1007): those are the bags one scraps.
- For clinical use (1005) the patient's ABO and RhD must be entered before the
  first bag, and each bag is checked with the component's rule
  (`desktop.domain.compatibility`): refused, override with a written reason
  (audited), confirm, or fine.
- A label that contradicts the platform's record (the resolver's warnings) is
  shown and must be confirmed.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from desktop.domain.codes import Abo, Rh, TakeoutType
from desktop.domain.compatibility import (
    CompatibilityLevel,
    ComponentClass,
    check_compatibility,
)
from desktop.domain.isbt128 import Bilingual
from desktop.domain.scan_outcomes import BagRef


@dataclass(frozen=True, slots=True)
class PatientGroups:
    """The patient's ABO and RhD as entered on the patient record."""

    abo: Abo
    rh: Rh


@dataclass(frozen=True, slots=True)
class BagFacts:
    """What the scan and the stock said about a bag, whatever the takeout."""

    bag: BagRef
    component: ComponentClass
    expired_at: datetime | None = None
    do_not_use: tuple[Bilingual, ...] = ()
    label_warnings: tuple[Bilingual, ...] = ()


@dataclass(frozen=True, slots=True)
class Assessment:
    """How far the bag may go on this takeout, and why."""

    level: CompatibilityLevel
    reasons: tuple[Bilingual, ...]

    @property
    def reason(self) -> Bilingual:
        return Bilingual(
            zh="".join(reason.zh for reason in self.reasons),
            en=" ".join(reason.en for reason in self.reasons),
        )


@dataclass(frozen=True, slots=True)
class IssueLine:
    """A bag on the takeout list: its facts, the assessment, and what the clerk did about it."""

    facts: BagFacts
    assessment: Assessment
    confirmed: bool = False
    override_reason: str | None = None

    @property
    def bag_id(self) -> str:
        return self.facts.bag.bag_id

    @property
    def issuable(self) -> bool:
        level = self.assessment.level
        if level is CompatibilityLevel.REFUSED:
            return False
        if level is CompatibilityLevel.NEEDS_OVERRIDE:
            return bool(self.override_reason and self.override_reason.strip())
        return level is CompatibilityLevel.OK or self.confirmed

    def reassessed(self, kind: TakeoutType, patient: PatientGroups | None) -> IssueLine:
        """The line under a new type or patient; what the clerk accepted holds only if the
        assessment is unchanged."""
        fresh = assess(self.facts, kind, patient)
        if fresh == self.assessment:
            return self
        return replace(self, assessment=fresh, confirmed=False, override_reason=None)


def assess(facts: BagFacts, kind: TakeoutType, patient: PatientGroups | None) -> Assessment:
    """The verdict on one bag for a takeout of `kind` (for clinical use, to `patient`)."""
    scrapping = kind is TakeoutType.SCRAPPED
    if facts.do_not_use and not scrapping:
        return Assessment(CompatibilityLevel.REFUSED, (_do_not_use(facts),))
    if facts.expired_at is not None and not scrapping:
        return Assessment(CompatibilityLevel.REFUSED, (_expired(facts, facts.expired_at),))
    if kind is TakeoutType.CLINICAL_USE:
        return _clinical(facts, patient)
    if facts.label_warnings:
        return Assessment(CompatibilityLevel.WARNING, facts.label_warnings)
    return Assessment(CompatibilityLevel.OK, ())


def _clinical(facts: BagFacts, patient: PatientGroups | None) -> Assessment:
    if patient is None:
        return Assessment(CompatibilityLevel.REFUSED, (_NO_PATIENT_GROUPS,))
    bag = facts.bag
    verdict = check_compatibility(patient.abo, patient.rh, bag.abo, bag.rh, facts.component)
    reasons = (Bilingual(zh=verdict.reason_zh, en=verdict.reason_en), *facts.label_warnings)
    level = verdict.level
    if facts.label_warnings and level is CompatibilityLevel.OK:
        level = CompatibilityLevel.WARNING
    return Assessment(level, reasons)


_NO_PATIENT_GROUPS = Bilingual(
    zh="请先在病案信息中填写患者的ABO血型和Rh血型，再扫描血袋。",
    en="Enter the patient's ABO and Rh groups on the patient record before scanning bags.",
)


def _do_not_use(facts: BagFacts) -> Bilingual:
    return Bilingual(
        zh=f"血袋标签注明不得使用（{'；'.join(r.zh for r in facts.do_not_use)}），"
        "只能报废：请隔离此袋。",
        en=f"The bag's label says it must not be used ({'; '.join(r.en for r in facts.do_not_use)}); "
        "it can only be scrapped: set it aside.",
    )


def _expired(facts: BagFacts, expired_at: datetime) -> Bilingual:
    when = expired_at.strftime("%Y-%m-%d %H:%M")
    return Bilingual(
        zh=f"血袋 {facts.bag.bag_id} 已于 {when} 过期，不得发出，只能报废：请隔离此袋。",
        en=f"Bag {facts.bag.bag_id} expired at {when}: do not issue it; it can only be "
        "scrapped. Set it aside.",
    )
