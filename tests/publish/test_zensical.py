"""The way off Material for MkDocs: Zensical builds `handbook render` output into a page for every Markdown file.

Skipped where Zensical cannot be installed: it is not in the lock, because its pinned user-interface package
(zensical-ui) is not always available from the package index this project installs from.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import main

REPO = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow


def _html_for(page: str) -> str:
    """Where a builder with directory URLs writes a Markdown page: 'a/b.md' → 'a/b/index.html'."""
    stem = page.removesuffix(".md")
    return f"{stem}.html" if stem == "index" or stem.endswith("/index") else f"{stem}/index.html"


def test_html_for_maps_pages_as_directory_urls_do() -> None:
    assert [_html_for(p) for p in ("index.md", "roles/index.md", "faq.md", "roles/ml-engineer.md")] == [
        "index.html",
        "roles/index.html",
        "faq/index.html",
        "roles/ml-engineer/index.html",
    ]


def test_zensical_builds_every_rendered_page(tmp_path: Path) -> None:
    pytest.importorskip("zensical", reason="Zensical is not installed here (pip install zensical to run this test)")
    docs = tmp_path / "docs"
    assert main(["render", "--content", str(REPO / "content"), "--out", str(docs)]) == 0
    (tmp_path / "zensical.toml").write_text(
        '[project]\nsite_name = "ML Engineering Handbook"\ndocs_dir = "docs"\nsite_dir = "site"\n', encoding="utf-8"
    )
    result = subprocess.run(
        [sys.executable, "-m", "zensical", "build", "--config-file", "zensical.toml"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    pages = sorted(path.relative_to(docs).as_posix() for path in docs.rglob("*.md"))
    assert len(pages) > 100
    missing = [page for page in pages if not (tmp_path / "site" / _html_for(page)).is_file()]
    assert missing == []
    assert (tmp_path / "site" / "data" / "datapackage.json").is_file(), "the downloads are copied as they are"
