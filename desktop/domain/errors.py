"""The one exception the domain raises for a value it refuses.

It carries the message twice: in Chinese for the counter (the form shows it
beside the field) and in English for logs and support. Pydantic turns it into a
field error; `validation.py` reads both messages back from it.
"""

from __future__ import annotations


class DomainValueError(ValueError):
    """A value the domain refuses, with what was wrong and what to do, in Chinese and English.

    `loc` points below the place pydantic reports the error, in wire names and
    list indexes, so that a rule checked on a whole document (say, a duplicate
    bag in `details`) can still name the field the user must fix.
    """

    def __init__(self, message_zh: str, message_en: str, loc: tuple[str | int, ...] = ()) -> None:
        super().__init__(f"{message_zh} / {message_en}")
        self.message_zh = message_zh
        self.message_en = message_en
        self.loc = loc


_SHOWN_CHARS = 40


def shown(value: object) -> str:
    """`value` as a message quotes it: the repr of a short scalar, else the type's name.

    Keeps messages one line long whatever a scanner or the platform sends.
    """
    if isinstance(value, str | int | float):
        text = repr(value)
        return text if len(text) <= _SHOWN_CHARS else f"{text[: _SHOWN_CHARS - 1]}…"
    return type(value).__name__
