"""Per-file checks: arbitrary bytes never crash validation, and schema messages are plain language."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.content import checker
from generator.content.checker import id_problem
from generator.content.validate import validate

_TOKENS = [*"ab:- \n[]{}&*!'\"#|>%@`0\t\r,?", "no", "1.10", "é", "\ufeff", "title", "skills", "levels", "  "]
_YAMLISH = st.lists(st.sampled_from(_TOKENS), max_size=80).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=st.one_of(st.binary(max_size=400), _YAMLISH.map(lambda text: text.encode("utf-8"))))
def test_validate_never_raises_on_arbitrary_bytes(make_content: Callable[..., Path], raw: bytes) -> None:
    root = make_content({})
    (root / "roles" / "ml-engineer.yaml").write_bytes(raw)
    content, issues = validate(root, display_root="content")
    assert all(issue.file.startswith("content/") and issue.line >= 1 and issue.col >= 1 for issue in issues)
    if "ml-engineer" not in content.entities["roles"]:
        assert any(issue.file == "content/roles/ml-engineer.yaml" for issue in issues)


def test_id_rules() -> None:
    assert id_problem("ml-engineer") is None
    assert id_problem("a" * 65) == f"id '{'a' * 65}' is longer than 64 characters"
    for bad in ("ML-engineer", "ml--engineer", "-ml", "ml_engineer", "ml engineer", "ｍｌ", "../etc", "ml-"):
        assert id_problem(bad) is not None, bad


def test_a_linked_kind_folder_is_refused_and_not_read(make_content: Callable[..., Path], tmp_path: Path) -> None:
    root = make_content({})
    elsewhere = tmp_path / "elsewhere"
    (root / "terms").mkdir(exist_ok=True)
    (root / "terms").rename(elsewhere)
    (elsewhere / "secret.yaml").write_text("abbreviation: XX\nexpansion: Outside\ndefinition: Read from outside.\n")
    (root / "terms").symlink_to(elsewhere, target_is_directory=True)
    content, issues = validate(root, display_root="content")
    assert [str(issue) for issue in issues if issue.severity == "error"] == [
        "content/terms:1:1: content folders must be real folders, not links"
    ]
    assert content.entities["terms"] == {}


def test_pipes_and_other_special_files_are_reported_without_reading_them(make_content: Callable[..., Path]) -> None:
    root = make_content({})
    os.mkfifo(root / "skills" / "pipe.yaml")  # opening it for reading would block forever
    _, issues = validate(root, display_root="content")
    assert "content/skills/pipe.yaml:1:1: content files must be regular files, not pipes, sockets or devices" in [
        str(issue) for issue in issues
    ]


@pytest.mark.parametrize("locale", ["C", "C.UTF-8", "en_US.UTF-8", "POSIX"])
def test_a_file_name_that_is_not_utf8_is_reported_under_any_locale(
    make_content: Callable[..., Path], locale: str
) -> None:
    root = make_content({})
    (root / "skills" / os.fsdecode(b"caf\xe9.yaml")).write_text("name: x\n")
    env = {key: value for key, value in os.environ.items() if not key.startswith("LC_")}
    env |= {"LANG": locale, "LC_ALL": locale, "PYTHONIOENCODING": "", "PYTHONUTF8": "0"}
    result = subprocess.run(
        [sys.executable, "-m", "generator.cli", "validate", "content"],
        cwd=root.parent,
        env=env,
        capture_output=True,
        check=False,
    )
    assert result.returncode == 1, result.stderr
    assert b"Traceback" not in result.stderr
    assert b"content/skills/caf\\xe9.yaml:1:1: file name is not valid UTF-8; rename the file" in result.stdout


def test_the_content_set_as_a_whole_is_bounded(
    make_content: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_content({})
    monkeypatch.setattr(checker, "MAX_FILES", 5)
    _, issues = validate(root, display_root="content")
    assert [str(issue) for issue in issues] == [
        f"content:1:1: the content holds {len(list(root.glob('*/*')))} files; the limit is 5"
    ]


def test_each_kind_is_bounded_where_its_index_page_lists_it_all(
    make_content: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_content({})
    size, kind = max((sum(path.stat().st_size for path in folder.iterdir()), folder.name) for folder in root.iterdir())
    monkeypatch.setattr(checker, "MAX_KIND_BYTES", size - 1)
    _, issues = validate(root, display_root="content")
    assert [str(issue) for issue in issues] == [
        f"content/{kind}:1:1: the {kind} files hold {size} bytes; one kind may hold {size - 1}, as its index page "
        "lists them all"
    ]


def test_reuse_parses_only_files_whose_bytes_changed(make_content: Callable[..., Path]) -> None:
    root = make_content({})
    first, _ = validate(root, display_root="content", reuse=True)
    skill = root / "skills" / "python.yaml"
    skill.write_text(skill.read_text(encoding="utf-8").replace("name: Python", "name: Pithon"), encoding="utf-8")
    second, issues = validate(root, display_root="content", reuse=True)  # same size, other bytes
    assert issues == []
    assert second.entities["skills"]["python"].name == "Pithon"
    assert second.documents[("tools", "pytorch")] is first.documents[("tools", "pytorch")]
    third, _ = validate(root, display_root="content")  # a one-off validation parses everything
    assert third.documents[("tools", "pytorch")] is not first.documents[("tools", "pytorch")]
