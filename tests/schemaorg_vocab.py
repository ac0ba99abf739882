"""Checks JSON-LD against the schema.org vocabulary (a trimmed copy of a real release, tests/schemaorg/)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

VOCABULARY = Path(__file__).parent / "schemaorg" / "vocabulary.jsonld"

REQUIRED: dict[str, list[str]] = {
    "Occupation": ["name", "description"],
    "MonetaryAmount": ["name", "currency", "description", "subjectOf"],
    "CategoryCode": ["codeValue", "inCodeSet"],
    "FAQPage": ["mainEntity"],
    "Question": ["name", "acceptedAnswer"],
    "Answer": ["text"],
    "DefinedTermSet": ["name", "hasDefinedTerm"],
    "DefinedTerm": ["name", "description"],
    "CreativeWork": ["name"],
}
"""What the handbook promises each node it writes carries (schema.org itself requires nothing)."""

_TEXT_TYPES = {"schema:Text", "schema:URL", "schema:Date", "schema:DateTime", "schema:Time"}
_NUMBER_TYPES = {"schema:Number", "schema:Integer", "schema:Float"}


def _ids(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value] if value else []
    return [item["@id"] for item in items]


class Vocabulary:
    """The classes (with their parents) and properties (with domains and ranges) of the vocabulary."""

    def __init__(self, path: Path = VOCABULARY) -> None:
        graph = json.loads(path.read_text(encoding="utf-8"))["@graph"]
        self.parents: dict[str, list[str]] = {}
        self.properties: dict[str, tuple[list[str], list[str]]] = {}
        for node in graph:
            types = node["@type"] if isinstance(node["@type"], list) else [node["@type"]]
            if "rdf:Property" in types:
                domains, ranges = _ids(node.get("schema:domainIncludes")), _ids(node.get("schema:rangeIncludes"))
                self.properties[node["@id"]] = (domains, ranges)
            else:
                self.parents[node["@id"]] = _ids(node.get("rdfs:subClassOf"))

    def is_a(self, name: str, ancestor: str) -> bool:
        """Whether a class is the ancestor or below it."""
        pending, seen = [name], set()
        while pending:
            current = pending.pop()
            if current == ancestor:
                return True
            if current not in seen:
                seen.add(current)
                pending += self.parents.get(current, [])
        return False

    def check(self, node: Any, where: str = "$") -> list[str]:
        """Every problem of a JSON-LD node and the nodes inside it: unknown type or property, property outside its
        domain, value outside its range, a promised property missing."""
        if not isinstance(node, dict) or not isinstance(node.get("@type"), str):
            return [f"{where}: not a node with a single @type"]
        kind = "schema:" + node["@type"]
        if kind not in self.parents:
            return [f"{where}: unknown type {node['@type']}"]
        problems = [
            f"{where}: {node['@type']} lacks {name}" for name in REQUIRED.get(node["@type"], []) if name not in node
        ]
        for key, value in node.items():
            if key in ("@context", "@type", "@id"):
                continue
            name = "schema:" + key
            if name not in self.properties:
                problems.append(f"{where}.{key}: no such property")
                continue
            domains, ranges = self.properties[name]
            if not any(self.is_a(kind, domain) for domain in domains):
                problems.append(f"{where}.{key}: not a property of {node['@type']}")
            for index, item in enumerate(value if isinstance(value, list) else [value]):
                problems += self._value(item, ranges, f"{where}.{key}[{index}]")
        return problems

    def _value(self, item: Any, ranges: list[str], where: str) -> list[str]:
        if isinstance(item, dict):
            kind = "schema:" + str(item.get("@type"))
            if not any(self.is_a(kind, allowed) for allowed in ranges):
                return [f"{where}: {item.get('@type')} is not one of {ranges}", *self.check(item, where)]
            return self.check(item, where)
        if isinstance(item, bool):
            allowed = {"schema:Boolean"}
        elif isinstance(item, int | float):
            allowed = _NUMBER_TYPES
        elif isinstance(item, str):
            allowed = _TEXT_TYPES
        else:
            return [f"{where}: unexpected value {item!r}"]
        if not any(self.is_a(name, kind) for name in ranges for kind in allowed):
            return [f"{where}: a {type(item).__name__} is not one of {ranges}"]
        return []
