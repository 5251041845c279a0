"""Fault injection for the training platform: what can go wrong on a real network, on demand.

Faults apply to business calls (SOAP and the dispatch list), never to the WSDL,
the token endpoint's own rules or the admin path. Draws come from a seeded
random generator so that a fault schedule is reproducible.
"""

from __future__ import annotations

import random
import threading
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field


class Fault(StrEnum):
    NONE = "none"
    SERVER_ERROR = "error"  # HTTP 500 without an envelope, before processing
    FORBIDDEN = "forbidden"  # HTTP 403: the token is fine but this call is not allowed
    UNAVAILABLE = "unavailable"  # HTTP 503 with Retry-After, before processing
    DROP = "drop"  # connection closed before processing: nothing recorded
    CUT = "cut"  # processed, then the answer is cut short
    INVALID_XML = "invalid-xml"  # processed, then a body that is not XML
    TIMEOUT = "timeout"  # processed, then no answer until the client gives up


_RATE_FIELDS: dict[Fault, str] = {
    Fault.SERVER_ERROR: "error",
    Fault.FORBIDDEN: "forbidden",
    Fault.UNAVAILABLE: "unavailable",
    Fault.DROP: "drop",
    Fault.CUT: "cut",
    Fault.INVALID_XML: "invalid_xml",
    Fault.TIMEOUT: "timeout",
}


class FaultSettings(BaseModel):
    """Shares (0–1) of business calls that meet each fault, plus latency and token rules."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    latency_ms: float = Field(0.0, ge=0, alias="latency")
    error: float = Field(0.0, ge=0, le=1)
    forbidden: float = Field(0.0, ge=0, le=1)
    unavailable: float = Field(0.0, ge=0, le=1)
    drop: float = Field(0.0, ge=0, le=1)
    cut: float = Field(0.0, ge=0, le=1)
    invalid_xml: float = Field(0.0, ge=0, le=1, alias="invalid-xml")
    timeout: float = Field(0.0, ge=0, le=1)
    hang_s: float = Field(30.0, ge=0, alias="hang")
    retry_after_s: float = Field(1.0, ge=0, alias="retry-after")
    token_expiry_s: float | None = Field(None, gt=0, alias="token-expiry")
    wrong_credentials: bool = Field(False, alias="wrong-credentials")
    seed: int = 0

    @classmethod
    def parse(cls, text: str) -> FaultSettings:
        """`latency=200,error=0.1,timeout=0.05,wrong-credentials` → settings (ValueError if bad)."""
        values: dict[str, object] = {}
        for item in filter(None, (part.strip() for part in text.split(","))):
            key, _, value = item.partition("=")
            values[key.strip()] = value.strip() if value else True
        return cls.model_validate(values)


class FaultPlan:
    """Draws the fault for each business call from the current settings (thread-safe)."""

    def __init__(self, settings: FaultSettings | None = None) -> None:
        self._lock = threading.Lock()
        self.settings = settings or FaultSettings()

    @property
    def settings(self) -> FaultSettings:
        return self._settings

    @settings.setter
    def settings(self, value: FaultSettings) -> None:
        with self._lock:
            self._settings = value
            self._random = random.Random(value.seed)

    def draw(self) -> Fault:
        with self._lock:
            roll = self._random.random()
            for fault, field in _RATE_FIELDS.items():
                share = float(getattr(self._settings, field))
                if roll < share:
                    return fault
                roll -= share
            return Fault.NONE
