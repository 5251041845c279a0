"""Reading SOAP answers: the body's wrapper element, SOAP faults, and values shaped by our models.

Answers are read by local element names, not namespaces, so a platform whose
WSDL uses another namespace is read the same way. Values are converted to the
wire-shaped dicts the domain models validate; which children repeat (lists) and
which nest (objects) comes from the models themselves, so there is one source
of truth for the shape of every object.
"""

from __future__ import annotations

import types
import typing
from functools import cache
from typing import Any, Union

from lxml import etree
from pydantic import BaseModel

from desktop.platform.errors import MalformedAnswer, Refused, ServerError

_XSI_NIL = "{http://www.w3.org/2001/XMLSchema-instance}nil"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)


def _local(tag: object) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def _malformed(detail_zh: str, detail_en: str) -> MalformedAnswer:
    return MalformedAnswer(
        f"平台的应答无法读取：{detail_zh}", f"the platform's answer is unreadable: {detail_en}"
    )


def body_wrapper(content: bytes) -> etree._Element:
    """The first element inside the envelope's Body; a SOAP Fault is raised as an error."""
    try:
        root = etree.fromstring(content, _PARSER)
    except etree.XMLSyntaxError as error:
        raise _malformed(f"不是合法的 XML（{error}）", f"not well-formed XML ({error})") from None
    if _local(root.tag) != "Envelope":
        raise _malformed("不是 SOAP 信封", "not a SOAP envelope")
    body = next((child for child in root if _local(child.tag) == "Body"), None)
    if body is None:
        raise _malformed("SOAP 信封中没有 Body", "the SOAP envelope has no Body")
    wrapper = next((child for child in body if isinstance(child.tag, str)), None)
    if wrapper is None:
        raise _malformed("SOAP Body 为空", "the SOAP Body is empty")
    if _local(wrapper.tag) == "Fault":
        raise fault_error(wrapper)
    return wrapper


def fault_error(fault: etree._Element) -> Refused | ServerError:
    """A SOAP 1.1 (or 1.2) Fault as the error the caller must act on."""
    code = ""
    message = ""
    for child in fault.iter():
        name = _local(child.tag)
        if name in ("faultcode", "Value") and not code:
            code = (child.text or "").strip()
        elif name in ("faultstring", "Text") and not message:
            message = (child.text or "").strip()
    code_name = code.rsplit(":", 1)[-1]
    if code_name in ("Client", "Sender"):
        reason = message or "未给出原因 / no reason given"
        return Refused(
            f"平台拒收：{reason}。请按提示改正后重新提交",
            f"the platform refused the data: {reason}. Correct it and send again",
            platform_message=message,
        )
    return ServerError(
        f"平台内部错误：{message or '未给出原因'}，稍后会自动重试",
        f"platform server error: {message or 'no reason given'}; it will be retried",
    )


def return_elements(wrapper: etree._Element) -> list[etree._Element]:
    return [child for child in wrapper if _local(child.tag) == "return"]


def return_text(wrapper: etree._Element) -> str | None:
    returned = return_elements(wrapper)
    if not returned:
        return None
    return (returned[0].text or "").strip()


@cache
def _shape(model: type[BaseModel]) -> dict[str, tuple[bool, type[BaseModel] | None]]:
    """Wire name → (repeats?, nested model) for the fields of `model` that are not plain values."""
    shape: dict[str, tuple[bool, type[BaseModel] | None]] = {}
    for name, field in model.model_fields.items():
        repeated, nested = _describe(field.annotation)
        if not repeated and nested is None:
            continue
        wire_names = {field.alias or name, name}
        if field.validation_alias is not None and hasattr(field.validation_alias, "choices"):
            wire_names.update(str(choice) for choice in field.validation_alias.choices)
        for wire in wire_names:
            shape[wire] = (repeated, nested)
    return shape


def _describe(annotation: Any) -> tuple[bool, type[BaseModel] | None]:
    origin = typing.get_origin(annotation)
    if origin in (Union, types.UnionType):
        described = [_describe(arg) for arg in typing.get_args(annotation) if arg is not type(None)]
        return described[0] if described else (False, None)
    if origin is typing.Annotated:
        return _describe(typing.get_args(annotation)[0])
    if origin in (list, tuple):
        args = typing.get_args(annotation)
        return True, _describe(args[0])[1] if args else None
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return False, annotation
    return False, None


def _nil(element: etree._Element) -> bool:
    return element.get(_XSI_NIL) in ("true", "1")


def element_to_wire(element: etree._Element, model: type[BaseModel]) -> dict[str, Any]:
    """`element`'s children as a wire-shaped dict for `model`; unknown children are kept as text.

    This runs once per row of the largest answers (50,000 diseases), so it avoids
    per-child objects: tags are split by hand and plain values take the short path.
    """
    shape = _shape(model)
    wire: dict[str, Any] = {}
    for child in element:
        tag = child.tag
        if not isinstance(tag, str):  # comments and processing instructions
            continue
        if tag[0] == "{":
            tag = tag[tag.index("}") + 1 :]
        structure = shape.get(tag)
        if structure is None:
            text = child.text
            if text is None:
                # Empty and nil both mean "not given" for the models: leave the field out.
                continue
            wire[tag] = text
            continue
        if _nil(child):
            continue
        repeated, nested = structure
        value = element_to_wire(child, nested) if nested is not None else child.text or ""
        if repeated:
            wire.setdefault(tag, []).append(value)
        else:
            wire[tag] = value
    return wire
