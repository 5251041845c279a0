"""Real ICD-10 categories with their Chinese names (ICD-10 中文版), the disease dictionary's root.

A representative selection, weighted to what a transfusion service sees
(neoplasms, anaemias, bleeding and coagulation disorders, obstetric
haemorrhage, trauma). `SUBCODES` holds the real fourth-character subdivisions
of the categories a blood bank meets most; `diseases.py` synthesises the rest.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from desktop.training.seed.icd10 import chapters_1_to_9, chapters_10_to_21, subcodes


def _rows(text: str) -> list[tuple[str, str]]:
    return [
        (code, name) for code, name in (line.split(" ", 1) for line in text.strip().splitlines())
    ]


def _subdivisions(text: str) -> dict[str, dict[int, str]]:
    found: dict[str, dict[int, str]] = {}
    for code, qualifier in _rows(text):
        category, digit = code.split(".")
        found.setdefault(category, {})[int(digit)] = qualifier
    for ulcer in ("K26", "K27", "K28"):
        found[ulcer] = found["K25"]
    return found


CATEGORIES: Final = tuple(_rows(chapters_1_to_9.TEXT) + _rows(chapters_10_to_21.TEXT))
"""(code, name) of each category, in code order."""
SUBCODES: Final[Mapping[str, Mapping[int, str]]] = _subdivisions(subcodes.TEXT)
"""Category code → {fourth character: qualifier}, for the categories with real ones here."""
