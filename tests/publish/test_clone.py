"""The bench's content cloner: N copies of the real graph, each valid on its own terms and linked only to itself."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from bench.clone import clone_content, clone_id, reference_paths
from generator.content.models.careers import Role
from generator.content.models.evidence import Term
from generator.content.rules.references import references
from generator.content.validate import validate
from tests.sitebuild import fixture_files, write_content


def test_clones_are_valid_and_refer_only_to_their_own_copy(tmp_path: Path) -> None:
    source = write_content(tmp_path / "source", fixture_files())
    written = clone_content(source, tmp_path / "clone", 3)
    # The scale's four levels and the retired ids are not cloned.
    shared = sum(1 for kind in ("scale", "retired") for _ in (source / kind).glob("*.yaml"))
    assert written == 3 * (sum(1 for _ in source.rglob("*.yaml")) - shared) + shared
    content, issues = validate(tmp_path / "clone")
    assert [str(issue) for issue in issues] == []
    for (kind, entity_id), doc in content.documents.items():
        for _, _, ref in references(kind, doc.data):
            assert _copy(ref) == _copy(entity_id), (kind, entity_id, ref)


def _copy(entity_id: str) -> str | None:
    found = re.search(r"-c([0-9]+)$", entity_id)
    return found.group(1) if found else None


def test_every_kind_of_reference_is_rewritten(tmp_path: Path) -> None:
    source = write_content(tmp_path / "source", fixture_files())
    clone_content(source, tmp_path / "clone", 2)
    content, _ = validate(tmp_path / "clone")
    role = content.entities["roles"][clone_id("ml-engineer", 1)]
    assert isinstance(role, Role)
    assert role.levels == ["junior-c1", "senior-c1"]
    assert [entry.skill for entry in role.skills] == ["python-c1"]
    assert {value.level for entry in role.skills for value in entry.proficiency} == {"junior-c1", "senior-c1"}
    comparison = yaml.safe_load(
        (tmp_path / "clone" / "comparisons" / "data-scientist-vs-ml-engineer-c1.yaml").read_text()
    )
    refs = [ref for row in comparison["dimensions"] for ref in row.get("left_refs", []) + row.get("right_refs", [])]
    assert refs and all(ref.endswith("-c1") for ref in refs)
    assert ("skills", "*", "proficiency", "*", "level") in reference_paths("roles")
    dispute = yaml.safe_load((tmp_path / "clone" / "disputes" / "who-cleans-data-c1.yaml").read_text())
    assert all(mention["id"].endswith("-c1") for mention in dispute["mentions"])
    faq = yaml.safe_load((tmp_path / "clone" / "faqs" / "what-is-it-c1.yaml").read_text())
    assert "{fact:typical-salary-c1}" in faq["answer"]


def test_abbreviations_are_numbered_per_copy(tmp_path: Path) -> None:
    source = write_content(tmp_path / "source", fixture_files())
    clone_content(source, tmp_path / "clone", 3)
    content, _ = validate(tmp_path / "clone")
    abbreviations = sorted(
        str(term.abbreviation) for term in content.entities["terms"].values() if isinstance(term, Term)
    )
    assert abbreviations == ["ML", "ML1", "ML2"]
