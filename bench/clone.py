"""Grow the real content N times over: every entity cloned with a renamed id and every reference rewritten.

Copy 0 is the content itself; copy k renames each id to `<id>-c<k>` and points every reference of the copy
at the other entities of the same copy, so the clones form the same graph as the original, N times over.
Abbreviations get the copy number too (`ML` → `ML3`), so the glossary grows with the content as it would.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from generator.content.models import KINDS
from generator.content.rules.prose import FACT_REFERENCE
from generator.content.rules.references import REFERENCES

# Ids that the cross-reference table does not list because other rules check them.
EXTRA_REFERENCES: dict[str, list[tuple[str, ...]]] = {
    "roles": [("skills", "*", "proficiency", "*", "level")],
    "comparisons": [("dimensions", "*", "left_refs", "*"), ("dimensions", "*", "right_refs", "*")],
    "disputes": [("mentions", "*", "id")],
}
SHARED_KINDS = ("scale", "retired")
"""Kinds that exist once whatever the size of the content: the four levels of the proficiency scale, and the
retired ids (one file per kind, naming ids of the original content)."""


def clone_id(entity_id: str, copy: int) -> str:
    """The id of an entity in copy `copy` (copy 0 keeps the original id)."""
    return entity_id if copy == 0 else f"{entity_id}-c{copy}"


def reference_paths(kind: str) -> list[tuple[str, ...]]:
    """Every path inside an entity of `kind` that holds an id."""
    return [pattern for pattern, _ in REFERENCES.get(kind, [])] + EXTRA_REFERENCES.get(kind, [])


def _slots(data: Any, pattern: tuple[str, ...]) -> Iterator[tuple[Any, Any]]:
    """(container, key) of each id the pattern reaches, so it can be replaced in place."""
    step, rest = pattern[0], pattern[1:]
    if step == "*":
        keys: list[Any] = list(range(len(data))) if isinstance(data, list) else []
    else:
        keys = [step] if isinstance(data, dict) and data.get(step) is not None else []
    for key in keys:
        if rest:
            yield from _slots(data[key], rest)
        elif isinstance(data[key], str):
            yield data, key


def clone_entity(kind: str, data: dict[str, Any], copy: int) -> dict[str, Any]:
    """One entity's data in copy `copy`: every id it refers to renamed, its abbreviation numbered."""
    cloned: dict[str, Any] = yaml.safe_load(yaml.safe_dump(data))
    for pattern in reference_paths(kind):
        for container, key in _slots(cloned, pattern):
            container[key] = clone_id(container[key], copy)
    if copy and kind == "terms" and cloned.get("abbreviation"):
        cloned["abbreviation"] = f"{cloned['abbreviation']}{copy}"
    return _with_fact_references(cloned, copy)


def _with_fact_references(data: Any, copy: int) -> Any:
    """Prose quotes facts as {fact:ID}: point each quote at the fact of the same copy."""
    if isinstance(data, str):
        return FACT_REFERENCE.sub(lambda match: "{fact:" + clone_id(match.group(1), copy) + "}", data)
    if isinstance(data, list):
        return [_with_fact_references(item, copy) for item in data]
    if isinstance(data, dict):
        return {key: _with_fact_references(value, copy) for key, value in data.items()}
    return data


def clone_content(source: Path, target: Path, copies: int) -> int:
    """Write `copies` copies of the content under `source` into `target`; returns the number of files written."""
    shutil.rmtree(target, ignore_errors=True)
    written = 0
    for kind in KINDS:
        folder = source / kind
        if not folder.is_dir():
            continue
        (target / kind).mkdir(parents=True)
        for path in sorted(folder.glob("*.yaml")):
            text = path.read_text(encoding="utf-8")
            modeline = text.splitlines()[0] + "\n" if text.startswith("#") else ""
            data = yaml.safe_load(text)
            for copy in range(1 if kind in SHARED_KINDS else copies):
                out = target / kind / f"{clone_id(path.stem, copy)}.yaml"
                if copy == 0:
                    out.write_text(text, encoding="utf-8")
                else:
                    body = yaml.safe_dump(
                        clone_entity(kind, data, copy), sort_keys=False, allow_unicode=True, width=120
                    )
                    out.write_text(modeline + body, encoding="utf-8")
                written += 1
    return written
