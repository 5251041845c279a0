"""The disease dictionary, expanded deterministically from the real ICD-10 categories.

Three levels, in the shape Chinese hospital dictionaries use:

- the category (`C16 胃恶性肿瘤`), real;
- the fourth character (`C16.0 胃恶性肿瘤，贲门`), real where `icd10.SUBCODES` has it,
  otherwise synthesised from a qualifier list fitting the chapter;
- a two-digit extension in the style of the national insurance edition
  (`C16.001 胃恶性肿瘤，贲门（伴出血）`), synthesised, only as many as are
  needed to reach the requested size.

The small world holds the first two levels whole; a larger one adds extensions
round-robin over every subcode, so growth is spread over all chapters.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from typing import Any, Final

from desktop.training.seed.icd10 import CATEGORIES, SUBCODES

# Qualifiers of subdivisions .0 to .9 for a category without real ones here, by chapter.
_NEOPLASM: Final = (
    *("原发", "局部复发", "伴区域淋巴结转移", "伴远处转移", "术后"),
    *("放化疗后", "晚期", "早期", "交搭跨越的损害", "未特指"),
)
_INJURY: Final = (
    *("开放性", "闭合性", "伴出血", "伴休克", "多发性"),
    *("单发性", "轻度", "重度", "其他特指的", "未特指的"),
)
_OBSTETRIC: Final = (
    *("妊娠早期", "妊娠中期", "妊娠晚期", "分娩期", "产褥期"),
    *("伴出血", "伴休克", "伴感染", "其他特指的", "未特指的"),
)
_PERINATAL: Final = (
    *("早产儿", "足月儿", "过期产儿", "低出生体重儿", "极低出生体重儿"),
    *("伴贫血", "伴休克", "伴感染", "其他特指的", "未特指的"),
)
_GENERAL: Final = (
    *("急性", "亚急性", "慢性", "复发性", "继发性"),
    *("伴并发症", "不伴并发症", "重度", "其他特指的", "未特指的"),
)
_EXTENSIONS: Final = (
    *("伴出血", "伴贫血", "伴感染", "伴休克", "伴凝血功能障碍", "术后", "术前"),
    *("妊娠期", "儿童", "老年", "复发", "初发", "急性加重", "稳定期"),
    *("重度", "中度", "轻度", "伴多器官功能障碍", "化疗后", "放疗后"),
)

_UNAVAILABLE_SHARE: Final = 0.01
"""Retired entries a dictionary keeps; the desk must not offer them."""


def _qualifiers(code: str) -> Mapping[int, str]:
    if code in SUBCODES:
        return SUBCODES[code]
    chapter = code[0]
    if chapter == "C" or (chapter == "D" and int(code[1:3]) < 50):
        return dict(enumerate(_NEOPLASM))
    if chapter in "ST":
        return dict(enumerate(_INJURY))
    return dict(enumerate({"O": _OBSTETRIC, "P": _PERINATAL}.get(chapter, _GENERAL)))


def _two_levels() -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    categories: list[tuple[str, str]] = []
    subcodes: list[tuple[str, str]] = []
    for code, name in CATEGORIES:
        categories.append((code, name))
        for digit, qualifier in sorted(_qualifiers(code).items()):
            subcodes.append((f"{code}.{digit}", f"{name}，{qualifier}"))
    return categories, subcodes


def small_disease_count() -> int:
    """How many diseases the small world has: every category and fourth-character subcode."""
    categories, subcodes = _two_levels()
    return len(categories) + len(subcodes)


def disease_rows(count: int | None, rng: random.Random) -> list[dict[str, Any]]:
    """The disease dictionary, wire-shaped, in code order: `count` entries, or the two levels.

    Raises ValueError when `count` is below the two levels or beyond what the
    extensions can reach.
    """
    categories, subcodes = _two_levels()
    entries = categories + subcodes
    target = len(entries) if count is None else count
    extra = target - len(entries)
    if extra < 0 or extra > len(subcodes) * len(_EXTENSIONS):
        raise ValueError(f"cannot build a disease dictionary of {target} entries")
    for index in range(extra):
        level, position = divmod(index, len(subcodes))
        code, name = subcodes[position]
        entries.append((f"{code}{level + 1:02d}", f"{name}（{_EXTENSIONS[level]}）"))
    entries.sort()
    return [
        {
            "id": str(order),
            "name": name,
            "code": code,
            "uiOrder": order,
            "available": rng.random() >= _UNAVAILABLE_SHARE,
        }
        for order, (code, name) in enumerate(entries, start=1)
    ]
