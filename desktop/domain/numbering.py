"""The desk's own document numbers: receipt `internalId`, takeout `refId`, cancellation key.

Format: `<prefix><yyyymmdd>-<workstation code>-<counter>`, e.g.
`RK20261128-XKGT1-0001` (RK 入库 receipt, CK 出库 takeout, QX 取消 cancellation).

- Unique per hospital: the workstation code tells the counters of one hospital
  apart, and the counter (kept in the store, per prefix, day and workstation,
  advanced in the same transaction that saves the document) never goes back.
- Readable: the kind, the day and the counter can be read off a printed slip.
- Safe on the wire: ASCII capitals, digits and `-` only, at most 32 characters
  (the counter has four digits and grows past 9999 if it must).

The workstation code is the first ASCII letters and digits of the workstation
name (in capitals, up to 4) plus a 4-character hash of the whole name and of
the installation (the store's install id), e.g. `XKGT7Q3M`. The hash keeps
apart names that differ only in what was dropped (`输血科1`, `血库1`), and the
install id keeps apart two installations of one workstation: a desk set up
again on a new data directory starts its counters from 1, and without it would
reuse numbers the platform already holds for other documents. Without an
install id, a name that already is at most 8 ASCII letters and digits is used
as it is.

The cancellation key is local: the platform identifies a cancellation by the
takeout's `refId` and its bags, so the key only names the item on the counter.
"""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Final

from desktop.domain.delivery import DocumentKind

MAX_NUMBER_LENGTH: Final = 32
WORKSTATION_CODE_LENGTH: Final = 8
_HASH_LENGTH: Final = 4
_COUNTER_DIGITS: Final = 4
_ALPHABET: Final = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"

PREFIXES: Final = {
    DocumentKind.RECEIVE: "RK",
    DocumentKind.TAKEOUT: "CK",
    DocumentKind.CANCEL: "QX",
}


def workstation_code(name: str, install_id: str = "") -> str:
    """The part of a number that tells this workstation and installation apart (module doc)."""
    upper = name.strip().upper()
    kept = "".join(char for char in upper if char.isascii() and char.isalnum())
    if not install_id and kept == upper and 0 < len(kept) <= WORKSTATION_CODE_LENGTH:
        return kept
    source = f"{name.strip()}\0{install_id}".encode()
    digest = int.from_bytes(hashlib.sha256(source).digest()[:8], "big")
    suffix = ""
    for _ in range(_HASH_LENGTH):
        digest, index = divmod(digest, len(_ALPHABET))
        suffix += _ALPHABET[index]
    return kept[: WORKSTATION_CODE_LENGTH - _HASH_LENGTH] + suffix


def document_number(kind: DocumentKind, day: date, code: str, counter: int) -> str:
    """The `counter`-th number of `kind` on `day` at workstation `code` (counters start at 1)."""
    if counter < 1:
        raise ValueError(f"document counters start at 1, not {counter}")
    number = f"{PREFIXES[kind]}{day:%Y%m%d}-{code}-{counter:0{_COUNTER_DIGITS}d}"
    if len(number) > MAX_NUMBER_LENGTH:
        raise ValueError(f"document number {number} is longer than {MAX_NUMBER_LENGTH} characters")
    return number
