"""The WSDL the training platform serves at `?wsdl`, as shipped or as another JAX-WS service would.

The shipped WSDL names the wrapper children after the specification's parameters
(`listId`, `receive`, …). A platform built from bare Java interfaces without
`@WebParam` publishes the JAX-WS defaults `arg0`, `arg1`, … instead, under its own
namespace. The desk calls operations by name and passes parameters by position, so
it must work against both; the variant lets the training platform prove that.
"""

from __future__ import annotations

from typing import cast

from lxml import etree

VARIANT_NAMESPACE = "http://ws.platform.example.org/"

_NS = {
    "wsdl": "http://schemas.xmlsoap.org/wsdl/",
    "soap": "http://schemas.xmlsoap.org/wsdl/soap/",
    "xs": "http://www.w3.org/2001/XMLSchema",
}


def with_address(wsdl: str | bytes, address: str) -> str:
    """The WSDL with its soap:address pointing at `address`, as a service serves `?wsdl`."""
    tree = _parse(wsdl)
    for node in _addresses(tree.getroot()):
        node.set("location", address)
    return _serialise(tree)


def jaxws_variant(wsdl: str | bytes, namespace: str = VARIANT_NAMESPACE) -> str:
    """The same service as a JAX-WS platform without `@WebParam` names would publish it."""
    root = _parse(wsdl).getroot()
    root = _rebind_namespace(root, root.get("targetNamespace", ""), namespace)
    for wrapper in _request_wrapper_names(root):
        for index, child in enumerate(_wrapper_children(root, wrapper)):
            child.set("name", f"arg{index}")
    return _serialise(etree.ElementTree(root))


def _parse(wsdl: str | bytes) -> etree._ElementTree:
    # lxml refuses str input that carries an encoding declaration, as ours does.
    data = wsdl.encode("utf-8") if isinstance(wsdl, str) else wsdl
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    return etree.ElementTree(etree.fromstring(data, parser))


def _serialise(tree: etree._ElementTree) -> str:
    # Keep the declaration a service puts on `?wsdl`: the text is served as UTF-8.
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8").decode("utf-8")


def _addresses(root: etree._Element) -> list[etree._Element]:
    addresses = root.findall("wsdl:service/wsdl:port/soap:address", _NS)
    if not addresses:
        raise ValueError("WSDL has no soap:address to point at the training platform")
    return addresses


def _rebind_namespace(root: etree._Element, old: str, new: str) -> etree._Element:
    """Move every declaration and targetNamespace of `old` to `new`; returns the new root.

    The WSDL refers to its own definitions through prefixed QNames in attribute
    values (`type="tns:blood"`), so rebinding the prefix moves all of them at once.
    """
    new_root = root
    for element in list(root.iter(etree.Element)):
        if element.get("targetNamespace") == old:
            element.set("targetNamespace", new)
        if old in element.nsmap.values():
            replacement = _redeclared(element, old, new)
            if element is root:
                new_root = replacement
    return new_root


def _redeclared(element: etree._Element, old: str, new: str) -> etree._Element:
    # lxml's nsmap is read-only: a declaration changes only by rebuilding the element
    # and moving its children over (descendants then inherit the new binding).
    nsmap: dict[str | None, str] = {
        prefix: new if uri == old else uri for prefix, uri in element.nsmap.items()
    }
    # lxml takes the None key (a default namespace) that lxml-stubs leave out.
    replacement = etree.Element(element.tag, nsmap=cast("dict[str, str]", nsmap))
    for name, value in element.items():
        replacement.set(name, value)
    replacement.text, replacement.tail = element.text, element.tail
    replacement.extend(list(element))
    parent = element.getparent()
    if parent is not None:
        parent.replace(element, replacement)
    return replacement


def _request_wrapper_names(root: etree._Element) -> list[str]:
    """The local names of the global elements that wrap each operation's request."""
    names = []
    for operation in root.iterfind("wsdl:portType/wsdl:operation", _NS):
        message = _local_name(_child(operation, "wsdl:input").get("message", ""))
        part = _child(_named(root, "wsdl:message", message), "wsdl:part")
        names.append(_local_name(part.get("element", "")))
    return names


def _wrapper_children(root: etree._Element, wrapper: str) -> list[etree._Element]:
    element = _named(root, "wsdl:types/xs:schema/xs:element", wrapper)
    type_name = _local_name(element.get("type", ""))
    complex_type = _named(root, "wsdl:types/xs:schema/xs:complexType", type_name)
    return list(complex_type.iterfind("xs:sequence/xs:element", _NS))


def _child(parent: etree._Element, path: str) -> etree._Element:
    node = parent.find(path, _NS)
    if node is None:
        raise ValueError(f"WSDL element {parent.get('name')!r} has no {path}")
    return node


def _named(parent: etree._Element, path: str, name: str) -> etree._Element:
    for node in parent.iterfind(path, _NS):
        if node.get("name") == name:
            return node
    raise ValueError(f"WSDL has no {path} named {name!r}")


def _local_name(prefixed: str) -> str:
    return prefixed.rpartition(":")[2]
