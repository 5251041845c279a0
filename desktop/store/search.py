"""Search-as-you-type over the local dictionaries: diseases, facilities, products, departments.

A query is split on spaces into terms, and an entry must match every term
(`K92 出血`). A term of three characters or more goes to the table's FTS5
index with the trigram tokenizer, which finds any substring of a Chinese name
or a code, case-insensitively. Trigrams cannot look up one or two characters
(`胃`, `出血`, `K9`), so a short term is a LIKE over the table instead: a
scan, which over 50,000 diseases still takes a few milliseconds (see
`tests/bench/bench_dictionary_search.py`).

Results rank an exact code first, then codes and then names starting with
the first term, then shorter names, which is what a clerk typing a code or
the start of a name expects to see on top.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Final, TypeVar

from pydantic import BaseModel

from desktop.domain.models import Blood, Disease, Facility
from desktop.store.database import Store
from desktop.store.departments import Department
from desktop.store.dictionaries import model_from_row

M = TypeVar("M", bound=BaseModel)

DEFAULT_LIMIT: Final = 50
_TRIGRAM: Final = 3
_MAX_TERMS: Final = 6


@dataclass(frozen=True)
class _Index:
    table: str
    fts: str
    rowid: str
    columns: tuple[str, ...]
    """What a result is read from (the model's field names)."""
    searched: tuple[str, ...]
    """The columns a short term is looked for in."""
    code: str | None
    """The column an exact or leading match ranks first."""
    name: str


_DISEASES: Final = _Index(
    "disease", "disease_fts", "rid", ("id", "name", "code", "ui_order", "available"),
    ("name", "code"), "code", "name",
)  # fmt: skip
_FACILITIES: Final = _Index(
    "facility", "facility_fts", "id", ("id", "name", "type", "available"), ("name",), None, "name"
)
_BLOODS: Final = _Index(
    "blood", "blood_fts", "rid",
    ("id", "full_name", "short_name", "sub_type", "type", "capacity", "unit", "conversion",
     "available"),
    ("id", "full_name", "short_name"), "id", "full_name",
)  # fmt: skip
_DEPARTMENTS: Final = _Index(
    "department", "department_fts", "id", ("id", "name", "short_code", "available"),
    ("name", "short_code"), "short_code", "name",
)  # fmt: skip


def search_diseases(store: Store, text: str, limit: int = DEFAULT_LIMIT) -> list[Disease]:
    """Diseases whose name or ICD-10 code contains every term of `text`, best first."""
    return _search(store, _DISEASES, Disease, text, limit)


def search_facilities(store: Store, text: str, limit: int = DEFAULT_LIMIT) -> list[Facility]:
    return _search(store, _FACILITIES, Facility, text, limit)


def search_bloods(store: Store, text: str, limit: int = DEFAULT_LIMIT) -> list[Blood]:
    """Products by product code or full or short name."""
    return _search(store, _BLOODS, Blood, text, limit)


def search_departments(store: Store, text: str, limit: int = DEFAULT_LIMIT) -> list[Department]:
    """Departments by name or pinyin short code."""
    return _search(store, _DEPARTMENTS, Department, text, limit)


def terms(text: str) -> list[str]:
    """The terms of a query: full-width letters and digits made plain (`Ｋ９２` → `K92`)."""
    return unicodedata.normalize("NFKC", text).split()[:_MAX_TERMS]


def _search(store: Store, index: _Index, model: type[M], text: str, limit: int) -> list[M]:
    words = terms(text)
    if not words or limit <= 0:
        return []
    conditions, parameters = _conditions(index, words)
    first = _like_escaped(words[0])
    rank = [f"{index.name} LIKE ? ESCAPE '\\'"]
    rank_parameters = [first + "%"]
    if index.code:
        rank = [f"{index.code} = ? COLLATE NOCASE", f"{index.code} LIKE ? ESCAPE '\\'", *rank]
        rank_parameters = [words[0], first + "%", *rank_parameters]
    order = " ".join(f"WHEN {condition} THEN {place}" for place, condition in enumerate(rank))
    sql = (
        f"SELECT {', '.join(index.columns)} FROM {index.table} "
        f"WHERE available AND {' AND '.join(conditions)} "
        f"ORDER BY CASE {order} ELSE {len(rank)} END, length({index.name}), {index.name} "
        "LIMIT ?"
    )
    with store.read() as conn:
        cursor = conn.execute(sql, [*parameters, *rank_parameters, limit])
        return [model_from_row(model, cursor, row) for row in cursor]


def _conditions(index: _Index, words: list[str]) -> tuple[list[str], list[object]]:
    conditions: list[str] = []
    parameters: list[object] = []
    for word in words:
        if len(word) >= _TRIGRAM:
            conditions.append(
                f"{index.rowid} IN (SELECT rowid FROM {index.fts} WHERE {index.fts} MATCH ?)"
            )
            parameters.append(_phrase(word))
        else:
            likes = [f"{column} LIKE ? ESCAPE '\\'" for column in index.searched]
            conditions.append(f"({' OR '.join(likes)})")
            parameters.extend(f"%{_like_escaped(word)}%" for _ in index.searched)
    return conditions, parameters


def _phrase(word: str) -> str:
    # One quoted FTS5 string: no operator or column filter in the clerk's text is obeyed.
    return '"' + word.replace('"', '""') + '"'


def _like_escaped(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
