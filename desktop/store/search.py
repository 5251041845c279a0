"""Search-as-you-type over the local dictionaries: diseases, facilities, products, departments.

A query is split on spaces into terms, and an entry must match every term
(`K92 出血`), as a substring of its name or code, ignoring ASCII case.

- A term of three characters or more goes to the table's FTS5 index with
  the trigram tokenizer, which finds any substring of a Chinese name or a
  code. It narrows the candidates to a few, which are then ranked: the exact
  code first, then codes starting with the first term (in code order), then
  names starting with it, then the rest; shorter names first within each.
- Trigrams cannot look up one or two characters (`胃`, `出血`, `K9`). Ranking
  every entry that contains `病` would read most of 50,000 diseases, so a
  query of short terms only is answered in two steps: entries whose name or
  code starts with the first term (by index, ranked as above), then, if the
  page is not full, entries that merely contain it, in the platform's order,
  reading only as far as needed.

`tests/bench/bench_dictionary_search.py` measures a keystroke over 50,000 diseases.
"""

from __future__ import annotations

import sqlite3
import unicodedata
from dataclasses import dataclass
from typing import Final, NamedTuple, TypeVar

from pydantic import BaseModel

from desktop.domain.models import Blood, Disease, Facility
from desktop.store.database import Store
from desktop.store.departments import Department
from desktop.store.dictionaries import model_from_row

M = TypeVar("M", bound=BaseModel)

DEFAULT_LIMIT: Final = 50
_TRIGRAM: Final = 3
_MAX_TERMS: Final = 6
_LAST_CHARACTER: Final = "\U0010ffff"


class _Sql(NamedTuple):
    """A piece of SQL and the values of its parameters."""

    sql: str
    parameters: list[object]


@dataclass(frozen=True)
class _Index:
    table: str
    fts: str
    rowid: str
    columns: tuple[str, ...]
    """What a result is read from (the model's field names)."""
    name: str
    code: str | None
    """The column an exact or leading match ranks first."""

    @property
    def searched(self) -> tuple[str, ...]:
        return (self.name,) if self.code is None else (self.name, self.code)


_DISEASES: Final = _Index(
    "disease", "disease_fts", "rid", ("id", "name", "code", "ui_order", "available"), "name", "code"
)
_FACILITIES: Final = _Index(
    "facility", "facility_fts", "id", ("id", "name", "type", "available"), "name", None
)
_BLOODS: Final = _Index(
    "blood",
    "blood_fts",
    "rid",
    (
        "id",
        "full_name",
        "short_name",
        "sub_type",
        "type",
        "capacity",
        "unit",
        "conversion",
        "available",
    ),
    "full_name",
    "id",
)
_DEPARTMENTS: Final = _Index(
    "department",
    "department_fts",
    "id",
    ("id", "name", "short_code", "available"),
    "name",
    "short_code",
)


def search_diseases(store: Store, text: str, limit: int = DEFAULT_LIMIT) -> list[Disease]:
    """Diseases whose name or ICD-10 code contains every term of `text`, best first."""
    return _search(store, _DISEASES, Disease, text, limit)


def search_facilities(store: Store, text: str, limit: int = DEFAULT_LIMIT) -> list[Facility]:
    return _search(store, _FACILITIES, Facility, text, limit)


def search_bloods(store: Store, text: str, limit: int = DEFAULT_LIMIT) -> list[Blood]:
    """Products by ISBT 128 product code or full name."""
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
    with store.read() as conn:
        if any(len(word) >= _TRIGRAM for word in words):
            rows = _ranked(conn, index, words, limit, _Sql("1", []))
        else:
            starts = _starts_with(index, words[0])
            rows = _ranked(conn, index, words, limit, starts)
            if len(rows) < limit:
                rows += _containing(conn, index, words, limit - len(rows), starts)
    return [model_from_row(model, index.columns, row) for row in rows]


def _ranked(
    conn: sqlite3.Connection,
    index: _Index,
    words: list[str],
    limit: int,
    within: _Sql,
) -> list[sqlite3.Row]:
    conditions, parameters = _matching(index, words)
    order = _order(index, words[0])
    sql = (
        f"SELECT {', '.join(index.columns)} FROM {index.table} "
        f"WHERE available AND ({within.sql}) AND {' AND '.join(conditions)} "
        f"ORDER BY {order.sql} LIMIT ?"
    )
    found: list[sqlite3.Row] = conn.execute(
        sql, [*within.parameters, *parameters, *order.parameters, limit]
    ).fetchall()
    return found


def _containing(
    conn: sqlite3.Connection,
    index: _Index,
    words: list[str],
    limit: int,
    starts: _Sql,
) -> list[sqlite3.Row]:
    # No ranking, so SQLite stops reading as soon as the page is full.
    conditions, parameters = _matching(index, words)
    sql = (
        f"SELECT {', '.join(index.columns)} FROM {index.table} "
        f"WHERE available AND NOT ({starts.sql}) AND {' AND '.join(conditions)} "
        f"ORDER BY {index.rowid} LIMIT ?"
    )
    found: list[sqlite3.Row] = conn.execute(
        sql, [*starts.parameters, *parameters, limit]
    ).fetchall()
    return found


def _matching(index: _Index, words: list[str]) -> tuple[list[str], list[object]]:
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


def _starts_with(index: _Index, word: str) -> _Sql:
    """Name or code starting with `word`, in a form an index on either column can answer."""
    # The first two characters are what the disease table indexes (a short term has at most two).
    start = f"substr({index.name}, 1, 2)"
    condition = f"({start} >= ? AND {start} < ?)"
    parameters: list[object] = [word, word + _LAST_CHARACTER]
    if index.code:
        condition = f"({condition} OR {index.code} LIKE ? ESCAPE '\\')"
        parameters.append(_like_escaped(word) + "%")
    return _Sql(condition, parameters)


def _order(index: _Index, word: str) -> _Sql:
    """The ranking described in the module docstring, for first term `word`."""
    prefix = _like_escaped(word) + "%"
    places = [f"{index.name} LIKE ? ESCAPE '\\'"]
    parameters: list[object] = [prefix]
    by_code = ""
    if index.code:
        places = [f"{index.code} = ? COLLATE NOCASE", f"{index.code} LIKE ? ESCAPE '\\'", *places]
        parameters = [word, prefix, *parameters, prefix]
        by_code = f"CASE WHEN {index.code} LIKE ? ESCAPE '\\' THEN {index.code} END, "
    cases = " ".join(f"WHEN {condition} THEN {place}" for place, condition in enumerate(places))
    return _Sql(
        f"CASE {cases} ELSE {len(places)} END, {by_code}length({index.name}), {index.name}",
        parameters,
    )


def _phrase(word: str) -> str:
    # One quoted FTS5 string: no operator or column filter in the clerk's text is obeyed.
    return '"' + word.replace('"', '""') + '"'


def _like_escaped(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
