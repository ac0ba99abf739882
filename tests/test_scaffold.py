"""`handbook new` and the CONTRIBUTING walkthrough: scaffold, list what is empty, fill in, catch a typo."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.cli import main
from generator.models import KIND_NAMES
from generator.scaffold import scaffold_text
from tests.sitebuild import REPO


@pytest.fixture
def repo_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(REPO / "content", tmp_path / "content")
    monkeypatch.chdir(tmp_path)
    return tmp_path


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
        "Aborted with 4 errors in 1 file; nothing was written.",
    ]

    text = path.read_text(encoding="utf-8")
    for stub, value in [
        ("name:", "name: Feature stores"),
        ("category:", "category: infrastructure"),
        ("description:", "description: Keeping features in one managed place."),
        ("sources: []", "sources: [shankar-2024-how-to-become-ml-engineer]"),
    ]:
        text = text.replace(f"\n{stub} ", f"\n{value} ", 1)
    path.write_text(text, encoding="utf-8")
    role = repo_copy / "content" / "roles" / "ml-engineer.yaml"
    entry = (
        "skills:\n  - skill: feature-stores\n    importance: optional\n    proficiency:\n"
        "      - level: junior\n        value: awareness\n        basis: editorial\n"
        "      - level: senior\n        value: working\n        basis: editorial\n"
        "      - level: principal\n        value: practitioner\n        basis: editorial\n"
    )
    role.write_text(role.read_text(encoding="utf-8").replace("skills:\n", entry, 1), encoding="utf-8")
    assert main(["validate", "--strict"]) == 0, capsys.readouterr().out
    capsys.readouterr()

    role.write_text(
        role.read_text(encoding="utf-8").replace("skill: feature-stores", "skill: feature-store"), encoding="utf-8"
    )
    assert main(["validate"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "content/roles/ml-engineer.yaml:36:12: skills[0].skill: unknown skill 'feature-store'; did you mean 'feature-stores'?",
        "content/skills/feature-stores.yaml:1:1: skill 'feature-stores' is not used by any entry [warning]",
        "Aborted with 1 error and 1 warning in 2 files; nothing was written.",
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["new", "skill", "programming"], "already exists"),
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
    assert main(["new", KIND_NAMES[folder], "brand-new"]) == 0
    capsys.readouterr()
    assert main(["validate"]) == 1
    lines = capsys.readouterr().out.splitlines()[:-1]
    assert lines and all(f"content/{folder}/brand-new.yaml:" in line for line in lines)
    assert all("still empty" in line or "needs at least one entry" in line for line in lines), lines
