"""The cross-reference pass never crashes: any wrong shape in any field of any kind gives located errors."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.content.models import KINDS
from generator.content.validate import validate
from tests.conftest import base_files
from tests.sitebuild import fixture_files

FILES = {**base_files(), **fixture_files()}

_SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=8), st.just("ml-engineer")
)
_SHAPES = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(st.sampled_from(["id", "level", "value", "min", "x"]), inner, max_size=3),
    ),
    max_leaves=6,
)


def _paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value inside parsed YAML, the containers included."""
    found = [prefix] if prefix else []
    if isinstance(data, dict):
        for key, value in data.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _paths(value, (*prefix, index))
    return found


def _targets(name: str, text: str) -> list[tuple[str, tuple[Any, ...]]]:
    """Every value in the file, and every field of its kind, present or not."""
    fields = KINDS[name.split("/")[0]].model_fields
    paths = dict.fromkeys([*_paths(yaml.safe_load(text)), *((field,) for field in fields)])
    return [(name, path) for path in paths]


TARGETS = [target for name, text in sorted(FILES.items()) for target in _targets(name, text)]


def _replace(data: Any, path: tuple[Any, ...], value: Any) -> Any:
    if len(path) == 1:
        data[path[0]] = value
        return data
    data[path[0]] = _replace(data[path[0]], path[1:], value)
    return data


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(target=st.sampled_from(TARGETS), value=_SHAPES)
def test_any_wrong_shape_anywhere_gives_located_errors(
    make_content: Callable[..., Path], target: tuple[str, tuple[Any, ...]], value: Any
) -> None:
    name, path = target
    data = _replace(yaml.safe_load(FILES[name]), path, value)
    root = make_content({**FILES, name: yaml.safe_dump(data, allow_unicode=True)})
    content, issues = validate(root, display_root="content")  # must not raise
    assert all(issue.file.startswith("content/") and issue.line >= 1 and issue.col >= 1 for issue in issues)
    kind, stem = name.removesuffix(".yaml").split("/")
    if stem not in content.entities[kind]:
        assert any(issue.file == f"content/{name}" and issue.severity == "error" for issue in issues)
