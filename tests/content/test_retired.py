"""Retired ids and the list of every published id: successors, the list kept up to date, the real content's list."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.cli import main
from generator.content.retired import MANIFEST, Fate, fates, read_manifest, update_manifest
from generator.content.scaffold import new_entity
from generator.content.validate import validate
from tests.sitebuild import REPO

RETIRED = """\
# yaml-language-server: $schema=../../schema/retired.schema.json
ids:
  - id: py
    reason: renamed
    replaced_by: python-3
  - id: python-3
    reason: renamed
    replaced_by: python
  - id: scripting
    reason: merged
    replaced_by: py
  - id: perl
    reason: removed
  - id: perl-6
    reason: renamed
    replaced_by: perl
"""


def test_a_renamed_id_leads_to_the_live_end_of_its_chain(make_content: Callable[..., Path]) -> None:
    content, issues = validate(make_content({"retired/skills.yaml": RETIRED}))
    assert [str(issue) for issue in issues] == []
    assert fates(content, "skills") == {
        "py": Fate("renamed", "python"),
        "python-3": Fate("renamed", "python"),
        "scripting": Fate("merged", "python"),
        "perl": Fate("removed", None),
        "perl-6": Fate("removed", None),
    }
    assert fates(content, "roles") == {}


def test_the_list_gains_every_id_with_a_file_and_keeps_the_old_ones(make_content: Callable[..., Path]) -> None:
    root = make_content({MANIFEST: "# header\nskills/gone\nskills/python\n", "retired/skills.yaml": RETIRED})
    assert update_manifest(root) == 15  # the base set's 16 ids, less skills/python already listed
    listed = [text for _, text in read_manifest(root) or []]
    assert listed == sorted(listed) and len(listed) == len(set(listed))
    assert {"skills/gone", "skills/python", "roles/ml-engineer", "scale/expert"} <= set(listed)
    assert not any(text.startswith("retired/") for text in listed)
    assert update_manifest(root) == 0
    _, issues = validate(root)
    line = next(number for number, text in read_manifest(root) or [] if text == "skills/gone")
    assert [str(issue) for issue in issues] == [
        f"{root}/{MANIFEST}:{line}:1: skill 'gone' was published, but {root}/skills/gone.yaml is gone: record it in "
        f"{root}/retired/skills.yaml (replaced_by, or reason: removed); if it was never published, delete this line"
    ]


def test_the_ids_command_writes_the_list(make_content: Callable[..., Path], capsys: pytest.CaptureFixture[str]) -> None:
    root = make_content({})
    assert main(["ids", str(root)]) == 0
    assert capsys.readouterr().out == f"added 16 id(s) to {root / MANIFEST}\n"
    assert validate(root)[1] == []


def test_the_ids_command_needs_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ids", str(tmp_path / "missing")]) == 2
    assert "is not a folder" in capsys.readouterr().err


def test_a_new_entity_is_listed_when_the_content_keeps_a_list(make_content: Callable[..., Path]) -> None:
    root = make_content({})
    new_entity(root, "skill", "feature-stores")
    assert not (root / MANIFEST).exists()  # no list, no check: fixture content sets stay as they are
    update_manifest(root)
    new_entity(root, "tool", "feast")
    assert "tools/feast" in {text for _, text in read_manifest(root) or []}


def test_the_real_content_keeps_its_list() -> None:
    _, issues = validate(REPO / "content", display_root="content")
    assert read_manifest(REPO / "content") is not None, (
        "content/published-ids.txt must exist: it is what the check reads"
    )
    assert not [issue for issue in issues if MANIFEST in issue.file or "published-ids" in issue.message]


def _git(*args: str) -> str:
    return subprocess.run(["git", "-C", str(REPO), *args], capture_output=True, text=True, check=True).stdout


def test_every_content_file_ever_committed_is_on_the_list() -> None:
    """The list only grows: a line deleted along with its file would hide a removal from the validator."""
    try:
        if _git("rev-parse", "--is-shallow-repository").strip() != "false":
            pytest.skip("a shallow clone does not hold every content file ever committed")
        paths = _git("log", "--no-renames", "--name-only", "--format=", "--", "content/").split()
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("no git history here (an archive of the repository)")
    ever = {
        path.removeprefix("content/").removesuffix(".yaml")
        for path in paths
        if path.endswith(".yaml") and not path.startswith("content/retired/")
    }
    listed = {text for _, text in read_manifest(REPO / "content") or []}
    assert ever - listed == set()
