"""`handbook new` and the CONTRIBUTING walkthrough: scaffold, list what is empty, fill in, catch a typo.

Every test here runs on the fixture content set (tests/cases/base.yaml), so content edits never break them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from generator.cli import main
from generator.content.models import KIND_NAMES
from generator.content.scaffold import scaffold_text
from tests.conftest import base_files
from tests.sitebuild import REPO

PRINCIPAL = """\
# yaml-language-server: $schema=../../schema/level.schema.json
title: Principal
rank: 3
rank_basis: editorial
summary: Sets direction.
expectations: [Sets technical direction.]
sources: [article]
"""


@pytest.fixture
def repo_copy(make_content: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder holding content/ made from the fixture set, with the three levels CONTRIBUTING's snippet uses.

    The walkthrough runs on this fixed set, never on the live content, so that following CONTRIBUTING (which adds
    `feature-stores`) or editing the real role files cannot break it.
    """
    role = base_files()["roles/ml-engineer.yaml"].replace(
        "levels: [junior, senior]", "levels: [junior, senior, principal]"
    )
    content = make_content({"levels/principal.yaml": PRINCIPAL, "roles/ml-engineer.yaml": role})
    monkeypatch.chdir(content.parent)
    return content.parent


def position(path: Path, needle: str) -> tuple[int, int]:
    """1-based line and column of the first occurrence of `needle` in a file."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number, line.index(needle) + 1
    raise AssertionError(f"{needle!r} not in {path}")


def test_walkthrough_from_contributing(repo_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "skill", "feature-stores"]) == 0
    path = repo_copy / "content" / "skills" / "feature-stores.yaml"
    assert path.read_text(encoding="utf-8") == scaffold_text("skills")
    capsys.readouterr()

    assert main(["validate"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "content/skills/feature-stores.yaml:4:6: name: is still empty; fill it in",
        "content/skills/feature-stores.yaml:5:10: category: is still empty; fill it in",
        "content/skills/feature-stores.yaml:6:13: description: is still empty; fill it in",
        "content/skills/feature-stores.yaml:7:10: sources: needs at least one entry",
        "Aborted with 4 errors in 1 file.",
    ]

    text = path.read_text(encoding="utf-8")
    for stub, value in [
        ("name:", "name: Feature stores"),
        ("category:", "category: infrastructure"),
        ("description:", "description: Keeping features in one managed place."),
        ("sources: []", "sources: [article]"),
    ]:
        text = text.replace(f"\n{stub} ", f"\n{value} ", 1)
    path.write_text(text, encoding="utf-8")
    role = repo_copy / "content" / "roles" / "ml-engineer.yaml"
    entry = (
        "skills:\n  - skill: feature-stores\n    importance: optional\n    importance_basis: editorial\n    proficiency:\n"
        "      - level: junior\n        value: awareness\n        basis: editorial\n"
        "      - level: senior\n        value: working\n        basis: editorial\n"
        "      - level: principal\n        value: practitioner\n        basis: editorial\n"
    )
    role.write_text(role.read_text(encoding="utf-8").replace("skills:\n", entry, 1), encoding="utf-8")
    assert main(["validate", "--strict"]) == 0, capsys.readouterr().out
    capsys.readouterr()

    text = role.read_text(encoding="utf-8").replace("skill: feature-stores", "skill: feature-store")
    role.write_text(text, encoding="utf-8")
    line, col = position(role, "feature-store")
    assert main(["validate"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        f"content/roles/ml-engineer.yaml:{line}:{col}: skills[0].skill: unknown skill 'feature-store'; did you mean 'feature-stores'?",
        "content/skills/feature-stores.yaml:1:1: skill 'feature-stores' is not used by any entry [warning]",
        "Aborted with 1 error and 1 warning in 2 files.",
    ]


def test_contributing_shows_the_walkthrough_the_test_follows() -> None:
    """The messages and snippets CONTRIBUTING prints are the ones the walkthrough test checks."""
    guide = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for expected in [
        ".venv/bin/handbook new skill feature-stores",
        "content/skills/feature-stores.yaml:4:6: name: is still empty; fill it in",
        "content/skills/feature-stores.yaml:7:10: sources: needs at least one entry",
        "Aborted with 4 errors in 1 file.",
        "  - skill: feature-stores\n       importance: optional\n       importance_basis: editorial\n       proficiency:\n         - level: junior",
        "skills[0].skill: unknown skill 'feature-store'; did you mean 'feature-stores'?",
        "Aborted with 1 error and 1 warning in 2 files.",
    ]:
        assert expected in guide, expected


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["new", "skill", "python"], "already exists"),
        (["new", "skill", "Feature_Stores"], "must be lowercase letters and digits"),
        (["new", "skill", "../../etc/passwd"], "must be lowercase letters and digits"),
        (["new", "widget", "x"], "unknown kind 'widget'"),
    ],
)
def test_new_refuses_existing_invalid_or_unknown(
    repo_copy: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    before = sorted(str(p) for p in (repo_copy / "content").rglob("*"))
    assert main(args) == 2
    assert message in capsys.readouterr().err
    assert sorted(str(p) for p in (repo_copy / "content").rglob("*")) == before


@pytest.mark.parametrize("folder", list(KIND_NAMES))
def test_every_kind_scaffolds_to_a_file_that_only_lacks_its_values(
    repo_copy: Path, capsys: pytest.CaptureFixture[str], folder: str
) -> None:
    new_id = "brand-new"
    if folder == "scale":  # the scale has exactly its four levels: scaffold one of them anew
        new_id = "expert"
        (repo_copy / "content" / "scale" / "expert.yaml").unlink()
    assert main(["new", KIND_NAMES[folder], new_id]) == 0
    capsys.readouterr()
    assert main(["validate"]) == 1
    lines = capsys.readouterr().out.splitlines()[:-1]
    assert lines and all(f"content/{folder}/{new_id}.yaml:" in line for line in lines)
    assert all("still empty" in line or "needs at least one entry" in line for line in lines), lines
