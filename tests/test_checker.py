"""Per-file checks: arbitrary bytes never crash validation, and schema messages are plain language."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.checker import id_problem
from generator.validate import validate

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
