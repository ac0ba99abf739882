"""`mkdocs serve --dirty` on a copy of the content: a save shows up, and an invalid save shows its located error."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bench.preview import error_shown, fetch, save_to_served
from tests.sitebuild import REPO

pytestmark = pytest.mark.slow


def test_a_saved_change_is_served(tmp_path: Path) -> None:
    shutil.copytree(REPO / "content", tmp_path / "content")
    times = save_to_served(tmp_path / "content", edits=1, timeout=60)
    assert times[0] < 60


def test_an_invalid_save_shows_its_error_on_the_last_valid_page(tmp_path: Path) -> None:
    shutil.copytree(REPO / "content", tmp_path / "content")
    assert error_shown(tmp_path / "content", timeout=60)


def test_fetch_of_a_closed_port_is_empty() -> None:
    assert fetch("http://127.0.0.1:9/") == ""
