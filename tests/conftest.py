"""Shared fixtures: content folders built from golden case files, and the --update-golden flag."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

CASES = Path(__file__).parent / "cases"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite golden expectations from current output")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


def base_files() -> dict[str, str]:
    """The small valid content set that cases start from."""
    return yaml.safe_load((CASES / "base.yaml").read_text(encoding="utf-8"))


@pytest.fixture
def make_content(tmp_path: Path) -> Callable[..., Path]:
    """Factory: write {relative path: text} (None removes a base file) into tmp_path/content."""

    def make(files: dict[str, str | None], *, base: bool = True) -> Path:
        merged: dict[str, str | None] = {**(base_files() if base else {}), **files}
        root = tmp_path / "content"
        for relative, text in merged.items():
            if text is None:
                continue
            path = root / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(text.encode("utf-8"))
        return root

    return make
