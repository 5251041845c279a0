"""Text the counter shows in Chinese and support reads in English, kept together."""

from __future__ import annotations

from typing import NamedTuple

from pydantic import BaseModel, ConfigDict


class Bilingual(BaseModel):
    """One message in Chinese (shown at the counter) and English (logs, support, IT)."""

    model_config = ConfigDict(frozen=True)

    zh: str
    en: str

    def __str__(self) -> str:
        return f"{self.zh} / {self.en}"


def bi(zh: str, en: str) -> Bilingual:
    """Shorthand for the long tables of codes and meanings."""
    return Bilingual(zh=zh, en=en)


class Row(NamedTuple):
    """One printed line of a decoded structure: what the field is, its raw value, what it means."""

    label_zh: str
    label_en: str
    value: str
    meaning_zh: str
    meaning_en: str


def row(label: Bilingual, value: str, meaning: Bilingual) -> Row:
    return Row(label.zh, label.en, value, meaning.zh, meaning.en)
