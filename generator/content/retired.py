"""Retired ids: what became of every id that was published and is gone, and the list of every id ever published.

content/retired/<kind>.yaml records, for one kind, each id that went out of use: renamed or merged (then
`replaced_by` names its successor) or removed. content/published-ids.txt lists every id ever published, one
`kind/id` a line; an id listed there keeps its file or is retired, so no published id disappears unaccounted for.
The planner uses the same records to carry a saved assessment's old ids over to their successors.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from generator.content.checker import Content, id_problem
from generator.content.issues import Issue
from generator.content.models import KIND_NAMES, KINDS
from generator.content.models.evidence import Retired
from generator.content.rules.reserved import reserved

MANIFEST = "published-ids.txt"
RETIRABLE = tuple(kind for kind in KINDS if kind != "retired")
_HEADER = (
    "# Every id the handbook has published, one kind/id a line; `handbook ids` and `handbook new` add new ones.\n"
    "# Never delete a line: an id listed here keeps its file or is recorded in content/retired/<kind>.yaml.\n"
)


@dataclass(frozen=True)
class Fate:
    """What became of a retired id: why it went, and the live id that now stands for it (None when removed)."""

    reason: str
    successor: str | None


def retired_ids(content: Content, kind: str) -> dict[str, tuple[int, str, str | None]]:
    """A kind's retired ids → (index in its file, reason, replaced_by as written)."""
    record = content.entities["retired"].get(kind)
    if not isinstance(record, Retired):
        return {}
    found: dict[str, tuple[int, str, str | None]] = {}
    for index, entry in enumerate(record.ids):
        found.setdefault(entry.id, (index, entry.reason, entry.replaced_by))
    return found


def fates(content: Content, kind: str) -> dict[str, Fate]:
    """Every retired id of a kind with its final successor, following renames of renames to a live id."""
    retired = retired_ids(content, kind)
    live = content.entities[kind]
    result = {}
    for old in retired:
        chain = list(_chain(retired, old))
        last = chain[-1]
        successor = last if last in live and last != old else None
        result[old] = Fate(_overall(retired, chain), successor)
    return result


def _overall(retired: dict[str, tuple[int, str, str | None]], chain: list[str]) -> str:
    """Renamed twice is renamed; a merge anywhere on the way makes it merged; a removal at the end, removed."""
    reasons = {retired[step][1] for step in chain if step in retired}
    return "removed" if "removed" in reasons else "merged" if "merged" in reasons else "renamed"


def _chain(retired: dict[str, tuple[int, str, str | None]], start: str) -> Iterator[str]:
    """start, its replacement, that one's replacement … until a live or unknown id, a removal or a repeat."""
    seen = [start]
    yield start
    current = start
    while current in retired:
        _, reason, replaced_by = retired[current]
        if reason == "removed" or replaced_by is None:
            return
        yield replaced_by
        if replaced_by in seen:
            return
        seen.append(replaced_by)
        current = replaced_by


def check_retired(content: Content, prefix: str) -> list[Issue]:
    """The retired files' own rules, then the published-ids list against the content (when the list exists)."""
    issues: list[Issue] = []
    for kind, record in sorted(content.entities["retired"].items()):
        doc = content.document("retired", kind)
        if kind not in RETIRABLE:
            expected = ", ".join(RETIRABLE)
            message = f"file name: name the file after the folder of the ids it retires, one of {expected}"
            issues.append(Issue(doc.path, 1, 1, message))
            continue
        assert isinstance(record, Retired)
        retired = retired_ids(content, kind)
        for index, entry in enumerate(record.ids):
            for field, message in _entry_problems(content, kind, retired, index, entry.id):
                line, col = doc.position(("ids", index, field) if field else ("ids", index))
                where = f"ids[{index}]" + (f".{field}" if field else "")
                issues.append(Issue(doc.path, line, col, f"{where}: {message}"))
    return issues + _manifest_issues(content, prefix)


def _entry_problems(
    content: Content, kind: str, retired: dict[str, tuple[int, str, str | None]], index: int, old: str
) -> Iterator[tuple[str, str]]:
    name = KIND_NAMES[kind]
    first, reason, replaced_by = retired[old]
    if first != index:
        yield "id", f"'{old}' is already retired in ids[{first}]"
        return
    if (kind, old) in content.present:
        yield "id", f"{name} '{old}' still has its file ({content.shown[(kind, old)]}); a retired id is not in use"
    elif (problem := reserved(kind, old)) is not None:  # its address is kept, so it must not take another page's
        yield "id", problem
    if reason == "removed" and replaced_by is not None:
        yield "replaced_by", f"a removed {name} has no replacement; say reason: renamed or merged instead"
    elif reason != "removed" and replaced_by is None:
        yield "", f"a {reason} {name} needs replaced_by: the id that took its place (or reason: removed)"
    elif replaced_by is not None and (kind, replaced_by) not in content.present and replaced_by not in retired:
        known = [entity_id for present_kind, entity_id in content.present if present_kind == kind]
        hint = difflib.get_close_matches(replaced_by, sorted(known), n=1)
        suffix = f"; did you mean '{hint[0]}'?" if hint else ""
        yield "replaced_by", f"unknown {name} '{replaced_by}'{suffix}"
    else:
        chain = list(_chain(retired, old))
        if len(chain) > 1 and chain[-1] in chain[:-1]:
            yield "replaced_by", f"the replacements go round in a circle: {' → '.join(chain)}"


def read_manifest(root: Path) -> list[tuple[int, str]] | None:
    """(line number, text) of each listed id in content/published-ids.txt, or None when there is no such file."""
    path = root / MANIFEST
    if not path.is_file():
        return None
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    return [(number, line.strip()) for number, line in enumerate(lines, 1) if line.strip()[:1] not in ("", "#")]


def _manifest_issues(content: Content, prefix: str) -> list[Issue]:
    listed = read_manifest(content.root)
    if listed is None:
        return []
    shown = f"{prefix}/{MANIFEST}"
    issues: list[Issue] = []
    seen: set[tuple[str, str]] = set()
    for number, text in listed:
        kind, _, entity_id = text.partition("/")
        if kind not in RETIRABLE or id_problem(entity_id):
            message = f"'{text}' is not kind/id, e.g. skills/python (kinds: {', '.join(RETIRABLE)})"
            issues.append(Issue(shown, number, 1, message))
        elif (kind, entity_id) in seen:
            issues.append(Issue(shown, number, 1, f"'{text}' is listed twice"))
        elif (kind, entity_id) not in content.present and entity_id not in retired_ids(content, kind):
            name = KIND_NAMES[kind]
            message = (
                f"{name} '{entity_id}' was published, but {prefix}/{kind}/{entity_id}.yaml is gone: record it in "
                f"{prefix}/retired/{kind}.yaml (replaced_by, or reason: removed); if it was never published, "
                "delete this line"
            )
            issues.append(Issue(shown, number, 1, message))
        seen.add((kind, entity_id))
    for kind, entity_id in sorted(content.present - seen):
        if kind != "retired":
            message = f"{KIND_NAMES[kind]} '{entity_id}' is not listed in {shown}; run `handbook ids` to add it"
            issues.append(Issue(content.shown[(kind, entity_id)], 1, 1, message, "warning"))
    return issues


def update_manifest(root: Path) -> int:
    """Add every id that has a file under `root` to its published-ids list (created if missing); returns how many."""
    path = root / MANIFEST
    listed = {text for _, text in read_manifest(root) or []}
    present = {
        f"{folder.name}/{file.stem}"
        for folder in root.iterdir()
        if folder.name in RETIRABLE and folder.is_dir()
        for file in folder.glob("*.y*ml")
        if not id_problem(file.stem)
    }
    added = present - listed
    if added or not path.is_file():
        path.write_text(_HEADER + "".join(f"{line}\n" for line in sorted(listed | present)), encoding="utf-8")
    return len(added)
