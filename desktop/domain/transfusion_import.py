"""Import a transfusion request (输血申请单) a HIS exported as a JSON file.

The file holds the spec's wire shape: a `TransfusionApply` object, or a
`TakeoutListForm`-like object whose `transfusionApply` is one. Chinese HIS
exports come in UTF-8 (often with a BOM, as Windows tools write it), in
UTF-16 with a BOM (Notepad's "Unicode") or in GBK; GB18030 is GBK's superset,
so a file that is not UTF-8 is read as GB18030.

`import_transfusion_apply` never raises: it returns the request, or errors in
Chinese and English in the shape `validation.validate` gives them, and the
parsed object whenever there was one, so the form can still show what the
file said beside the errors.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from desktop.domain.models import TransfusionApply
from desktop.domain.validation import FieldError, validate

_APPLY_KEY = "transfusionApply"
_TAKEOUT_KEY = "outStock"
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


@dataclass(frozen=True)
class TransfusionImport:
    """The imported request, or why it could not be; see the module docstring."""

    apply: TransfusionApply | None = None
    errors: tuple[FieldError, ...] = ()
    """Field errors point into the request (`medicalRecord.bloodGroup`) even when the file
    was a takeout form; an error about the file itself has the empty path."""
    data: Mapping[str, Any] | None = None
    """The request as the file held it, when the file held one (valid or not)."""
    encoding: str | None = None
    """How the file was read: `utf-8`, `utf-16` or `gb18030`."""

    @property
    def ok(self) -> bool:
        return self.apply is not None


def import_transfusion_apply(content: bytes) -> TransfusionImport:
    """The transfusion request in the file `content`, or what is wrong with the file."""
    decoded = _decode(content)
    if decoded is None:
        return _failed(
            "无法读取文件：它不是 UTF-8 或 GBK 编码的文字。请确认选择的是 HIS 导出的 JSON 文件。",
            "Cannot read the file: it is not text in UTF-8 or GBK. Check that it is the JSON "
            "file the HIS exported.",
        )
    text, encoding = decoded
    if not text.strip():
        return _failed(
            "文件是空的：请从 HIS 重新导出输血申请单后再导入。",
            "The file is empty: export the transfusion request from the HIS again and import it.",
        )
    parsed = _parse_json(text)
    if isinstance(parsed, FieldError):
        return TransfusionImport(errors=(parsed,), encoding=encoding)
    request = _request_in(parsed)
    if isinstance(request, FieldError):
        return TransfusionImport(errors=(request,), encoding=encoding)
    result = validate(TransfusionApply, request)
    return TransfusionImport(
        apply=result.value, errors=tuple(result.errors), data=request, encoding=encoding
    )


def _failed(zh: str, en: str) -> TransfusionImport:
    return TransfusionImport(errors=(FieldError("", zh, en),))


def _decode(content: bytes) -> tuple[str, str] | None:
    if content.startswith(_UTF16_BOMS):
        return _try(content, "utf-16")
    # utf-8-sig reads plain UTF-8 too, and drops the BOM Windows tools put first.
    return _try(content, "utf-8-sig") or _try(content, "gb18030")


def _try(content: bytes, codec: str) -> tuple[str, str] | None:
    try:
        text = content.decode(codec)
    except UnicodeDecodeError:
        return None
    return text, "utf-8" if codec == "utf-8-sig" else codec


def _parse_json(text: str) -> object:
    """The JSON value `text` holds, or a FieldError (never a JSON value) saying why none."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        return FieldError(
            "",
            f"文件不是有效的 JSON（第 {exc.lineno} 行第 {exc.colno} 列附近有误）："
            "请确认选择的是 HIS 导出的输血申请单 JSON 文件。",
            f"The file is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg}): "
            "check that it is the transfusion request the HIS exported as JSON.",
        )
    except (ValueError, RecursionError):
        # Numbers too long for Python to read, or nesting deeper than the parser goes.
        return FieldError(
            "",
            "文件内容无法按 JSON 读取（数字过长或层级过深）：请确认是 HIS 导出的输血申请单。",
            "The file cannot be read as JSON (a number too long or nesting too deep): check "
            "that it is the transfusion request the HIS exported.",
        )


def _request_in(parsed: object) -> Mapping[str, Any] | FieldError:
    """The request object: the file's top-level object, or its `transfusionApply`."""
    if not isinstance(parsed, dict):
        return FieldError(
            "",
            "文件内容应为一个输血申请单对象（{…}），请确认导出格式。",
            "The file should hold one transfusion request object ({…}); check the export format.",
        )
    if _APPLY_KEY not in parsed and _TAKEOUT_KEY not in parsed:
        return parsed
    request = parsed.get(_APPLY_KEY)
    if not isinstance(request, dict):
        return FieldError(
            "",
            "文件是出库单，但未附输血申请单（transfusionApply）：请从 HIS 导出输血申请单。",
            "The file is a takeout without a transfusion request (transfusionApply): export "
            "the transfusion request from the HIS.",
        )
    return request
