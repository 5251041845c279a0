"""Validate a form or a platform object, and say what is wrong next to the field, in Chinese.

`validate(Receive, data)` never raises: it returns either the model or a list
of `FieldError`s, each with the field's wire path (`outStock.details[1].bloodBagId`,
what the form binds to) and a message saying what was wrong and what to do.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import Enum
from typing import Any, Generic, TypeVar

from pydantic import AliasChoices, BaseModel, ValidationError
from pydantic.fields import FieldInfo
from pydantic_core import ErrorDetails

from desktop.domain.codes import Label, label_of
from desktop.domain.errors import DomainValueError
from desktop.domain.field_labels import DOCUMENT_LABELS, FIELD_LABELS, field_label

__all__ = ["FIELD_LABELS", "FieldError", "ValidationResult", "validate"]

M = TypeVar("M", bound=BaseModel)

Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class FieldError:
    """One problem, at `path` (wire names; empty for the document as a whole)."""

    path: str
    message_zh: str
    message_en: str


@dataclass(frozen=True)
class ValidationResult(Generic[M]):
    """Either `value` (the valid model) or the `errors` that kept it from being one."""

    value: M | None = None
    errors: list[FieldError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.value is not None


def validate(model_cls: type[M], data: object) -> ValidationResult[M]:
    """`data` as a `model_cls`, or what is wrong with it; never raises."""
    try:
        return ValidationResult(value=model_cls.model_validate(data))
    except ValidationError as exc:
        return ValidationResult(errors=[_field_error(model_cls, error) for error in exc.errors()])


# Templates take the field's label ({zh}, and {En} capitalised) and pydantic's error context.
_TEMPLATES: Mapping[str, tuple[str, str]] = {
    "missing": ("必填项：请填写{zh}。", "{En}: required; fill it in."),
    "blank": ("必填项：{zh}不能为空，请填写。", "{En}: required; it cannot be blank."),
    "string_type": ("{zh}应为文字，请重新填写。", "{En}: must be text; enter it again."),
    "string_too_short": (
        "{zh}至少 {min_length} 个字符，请补全。",
        "{En}: needs at least {min_length} characters; complete it.",
    ),
    "string_too_long": (
        "{zh}最多 {max_length} 个字符（现有 {length} 个），请删减。",
        "{En}: at most {max_length} characters (it has {length}); shorten it.",
    ),
    "int_type": ("{zh}应为整数，请填写数字。", "{En}: must be a whole number; enter a number."),
    "greater_than_equal": (
        "{zh}不能小于 {ge}，请重新填写。",
        "{En}: cannot be less than {ge}; correct it.",
    ),
    "less_than_equal": (
        "{zh}不能大于 {le}，请重新填写。",
        "{En}: cannot be more than {le}; correct it.",
    ),
    "decimal_type": (
        "{zh}应为数字（最多两位小数），请重新填写。",
        "{En}: must be a number with at most two decimals; enter it again.",
    ),
    "decimal_max_places": (
        "{zh}最多保留 {decimal_places} 位小数，请修改。",
        "{En}: at most {decimal_places} decimal places; round it.",
    ),
    "decimal_max_digits": (
        "{zh}数字过长（最多 {max_digits} 位），请检查。",
        "{En}: too many digits (at most {max_digits}); check it.",
    ),
    "decimal_whole_digits": (
        "{zh}数字过大（整数部分最多 {whole_digits} 位），请检查。",
        "{En}: too large (at most {whole_digits} digits before the point); check it.",
    ),
    "finite_number": (
        "{zh}应为有效的数字，请重新填写。",
        "{En}: must be a real number; enter it again.",
    ),
    "bool_type": ("{zh}应为“是”或“否”，请选择。", "{En}: must be yes or no; choose one."),
    "enum": (
        "{zh}的值无效，可选：{options_zh}，请从列表中选择。",
        "{En}: not a valid choice; pick one of {options_en}.",
    ),
    "list_type": ("{zh}应为列表，请逐项添加。", "{En}: must be a list; add its entries."),
    "empty_list": ("{zh}不能为空，请至少添加一项。", "{En}: empty; add at least one entry."),
    "too_short": (
        "{zh}至少需要 {min_length} 项，请添加。",
        "{En}: needs at least {min_length} entries; add them.",
    ),
    "model_type": (
        "{zh}内容无效，请重新填写{zh}。",
        "{En}: not filled in properly; fill it in again.",
    ),
    "extra_forbidden": (
        "{zh}不是此单据的字段，请删除。",
        "{En} is not a field of this document; remove it.",
    ),
}

# Pydantic error types that mean the same to a person as one of the templates.
_SAME_AS: Mapping[str, str] = {
    "int_parsing": "int_type",
    "int_from_float": "int_type",
    "int_parsing_size": "int_type",
    "decimal_parsing": "decimal_type",
    "bool_parsing": "bool_type",
}

_GENERIC = (
    "{zh}填写有误（{detail}），请检查后重新填写。",
    "{En}: not valid ({detail}); check it and enter it again.",
)


def _field_error(model_cls: type[BaseModel], error: ErrorDetails) -> FieldError:
    loc: Loc = tuple(error["loc"])
    cause = error.get("ctx", {}).get("error")
    if isinstance(cause, DomainValueError):
        loc = (*loc, *cause.loc)
    place = _resolve(model_cls, loc)
    if place.wire is None:
        label = DOCUMENT_LABELS.get(model_cls.__name__, Label("表单", "form"))
    else:
        label = field_label(place.owner, place.wire)
    if isinstance(cause, DomainValueError):
        return _domain_error(place.path, label, cause)
    zh, en = _message(error, label, place.info)
    return FieldError(place.path, zh, en)


def _domain_error(path: str, label: Label, cause: DomainValueError) -> FieldError:
    if not path:
        return FieldError(path, cause.message_zh, cause.message_en)
    return FieldError(
        path,
        f"{label.zh}：{cause.message_zh}",
        f"{_capitalised(label.en)}: {_uncapitalised(cause.message_en)}",
    )


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _uncapitalised(text: str) -> str:
    # The rule's own message becomes the second half of "Label: message".
    return text[:1].lower() + text[1:]


def _message(error: ErrorDetails, label: Label, info: FieldInfo | None) -> tuple[str, str]:
    kind = _SAME_AS.get(error["type"], error["type"])
    context: dict[str, Any] = {**error.get("ctx", {}), "zh": label.zh, "En": _capitalised(label.en)}
    if context.get("min_length") == 1:
        kind = {"string_too_short": "blank", "too_short": "empty_list"}.get(kind, kind)
    if kind == "string_too_long":
        # Incoming objects take numbers as text, so the input may be the number itself.
        context["length"] = len(str(error["input"]))
    if kind == "enum":
        context.update(_options(info, context.get("expected")))
    zh, en = _TEMPLATES.get(kind, _GENERIC)
    context.setdefault("detail", f"{error['type']}: {error['msg']}")
    return zh.format_map(_Missing(context)), en.format_map(_Missing(context))


class _Missing(dict[str, Any]):
    """Formats a key pydantic's context lacks as `?` rather than raising."""

    def __missing__(self, key: str) -> str:
        return "?"


def _options(info: FieldInfo | None, expected: object) -> dict[str, str]:
    codes = _find_type(info.annotation, Enum) if info is not None else None
    if codes is None:
        return {"options_zh": str(expected), "options_en": str(expected)}
    labelled = [(code.value, label_of(code)) for code in codes]
    return {
        "options_zh": "、".join(f"{value}（{label.zh}）" for value, label in labelled),
        "options_en": ", ".join(f"{value} ({label.en})" for value, label in labelled),
    }


@dataclass(frozen=True)
class _Place:
    path: str
    """The wire path of the error."""
    owner: str | None
    """The name of the model that owns the last field of the path, if known."""
    info: FieldInfo | None
    """That field, if known."""
    wire: str | None
    """Its wire name; None when the error is about the whole document."""


def _resolve(root: type[BaseModel], loc: Loc) -> _Place:
    """Where `loc` points, walking the model classes along it.

    The walk is what makes the path use wire names whether the input used
    aliases or attribute names, and what finds the object owning the field
    (whose label may differ from the same wire name elsewhere).
    """
    model: type[BaseModel] | None = root
    place = _Place("", root.__name__, None, None)
    for part in loc:
        if isinstance(part, int):
            place = replace(place, path=f"{place.path}[{part}]")
            continue
        info = _field_named(model, part) if model is not None else None
        wire = _wire_name(info, part)
        path = f"{place.path}.{wire}" if place.path else wire
        place = _Place(path, model.__name__ if model is not None else None, info, wire)
        model = _find_type(info.annotation, BaseModel) if info is not None else None
    return place


def _field_named(model: type[BaseModel], name: str) -> FieldInfo | None:
    for attribute, info in model.model_fields.items():
        if name == attribute or name in _aliases(info):
            return info
    return None


def _aliases(info: FieldInfo) -> list[str]:
    names = [info.alias, info.serialization_alias]
    if isinstance(info.validation_alias, str):
        names.append(info.validation_alias)
    elif isinstance(info.validation_alias, AliasChoices):
        names.extend(choice for choice in info.validation_alias.choices if isinstance(choice, str))
    return [name for name in names if name]


_UNKNOWN_KEY_CHARS = 40


def _wire_name(info: FieldInfo | None, part: str) -> str:
    if info is not None:
        return info.serialization_alias or info.alias or part
    # A key the model does not know: quoted back as sent, cut to keep the message one line.
    return part if len(part) <= _UNKNOWN_KEY_CHARS else f"{part[: _UNKNOWN_KEY_CHARS - 1]}…"


_T = TypeVar("_T")


def _find_type(annotation: object, base: type[_T]) -> type[_T] | None:
    """The first subclass of `base` inside `annotation` (through `X | None`, `list[X]`, …)."""
    if isinstance(annotation, type) and issubclass(annotation, base):
        return annotation
    if typing.get_origin(annotation) is None and not isinstance(annotation, types.UnionType):
        return None
    for argument in typing.get_args(annotation):
        found = _find_type(argument, base)
        if found is not None:
            return found
    return None
