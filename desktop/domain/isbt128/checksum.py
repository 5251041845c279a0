"""ISO/IEC 7064 MOD 37-2, the check character ICCBBA prints beside every DIN.

ISBT 128 (ST-001, appendix) also carries the check value inside the DIN's flag
characters: flags 60–96 encode it as `60 + value`.
"""

from __future__ import annotations

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ*"
_MODULUS = 37
_VALUES = {char: index for index, char in enumerate(ALPHABET)}
FLAG_CHECK_BASE = 60


def check_value(data: str) -> int | None:
    """The MOD 37-2 check value (0–36) of `data`, or None if it holds a foreign character."""
    total = 0
    for char in data.upper():
        value = _VALUES.get(char)
        if value is None or char == "*":
            return None
        total = ((total + value) * 2) % _MODULUS
    return (_MODULUS + 1 - total) % _MODULUS


def check_character(data: str) -> str | None:
    """The printed check character of `data` (e.g. a 13-character DIN); None if not computable."""
    value = check_value(data)
    return None if value is None else ALPHABET[value]


def flag_for_check(data: str) -> str | None:
    """The two flag characters that carry the check value (60 + value), as ISBT 128 encodes them."""
    value = check_value(data)
    return None if value is None else f"{FLAG_CHECK_BASE + value:02d}"
