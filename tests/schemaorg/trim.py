"""Trim a schema.org release to the terms the handbook's JSON-LD can use, copying each node unchanged.

Usage: python tests/schemaorg/trim.py FULL.jsonld > tests/schemaorg/vocabulary.jsonld

Kept: the classes the generator writes and every class above them; every property whose domain includes one of
those classes; and the data types and classes named in those properties' ranges (so a value's type can be checked).
"""

from __future__ import annotations

import json
import sys
from typing import Any

USED = [
    "Occupation",
    "MonetaryAmount",
    "CategoryCode",
    "CategoryCodeSet",
    "CreativeWork",
    "Organization",
    "FAQPage",
    "Question",
    "Answer",
    "DefinedTerm",
    "DefinedTermSet",
]


def _ids(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value] if value else []
    return [item["@id"] for item in items]


def trim(full: dict[str, Any]) -> dict[str, Any]:
    """The release's context and the kept nodes, in the release's order."""
    nodes = {node["@id"]: node for node in full["@graph"]}
    classes: set[str] = set()
    pending = [f"schema:{name}" for name in USED]
    while pending:
        name = pending.pop()
        if name in classes or name not in nodes:
            continue
        classes.add(name)
        pending += _ids(nodes[name].get("rdfs:subClassOf"))
    properties = {
        node_id
        for node_id, node in nodes.items()
        if node["@type"] == "rdf:Property" and set(_ids(node.get("schema:domainIncludes"))) & classes
    }
    ranges = {target for name in properties for target in _ids(nodes[name].get("schema:rangeIncludes"))}
    kept = classes | properties | {name for name in ranges if name in nodes}
    pending = sorted(kept)  # a range class's own ancestors, for subclass checks
    while pending:
        for parent in _ids(nodes[pending.pop()].get("rdfs:subClassOf")):
            if parent in nodes and parent not in kept:
                kept.add(parent)
                pending.append(parent)
    return {"@context": full["@context"], "@graph": [node for node in full["@graph"] if node["@id"] in kept]}


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as handle:
        json.dump(trim(json.load(handle)), sys.stdout, indent=1, ensure_ascii=False)
    sys.stdout.write("\n")
