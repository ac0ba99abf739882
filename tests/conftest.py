"""Shared fixtures: content folders built from golden case files, and the --update-golden flag."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.sitebuild import build, fixture_files, write_content

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


# ---------------------------------------------------------------------------------------------------------------
# Session fixtures for the whole-site tests (test_links.py, test_browser.py): the real content is built once per
# session, online like the deploy job does it and as the offline zip, which is unpacked for file:// use.
# ---------------------------------------------------------------------------------------------------------------

REPO_ROOT = Path(__file__).resolve().parents[1]
OFFLINE_ZIP_ROOT = "ml-engineering-handbook"
# Built as the deploy job does it with HANDBOOK_REPO_URL (edit links, repository widget), but without
# HANDBOOK_SITE_URL (which the deploy job reads from the Pages configuration), as on a contributor's machine.
BUILD_REPO_URL = "https://github.com/example-org/ml-engineering-handbook"


def _run_handbook(*args: str) -> None:
    import os
    import subprocess
    import sys

    env = {key: value for key, value in os.environ.items() if key not in ("HANDBOOK_SITE_URL", "HANDBOOK_REPO_URL")}
    env |= {"NO_MKDOCS_2_WARNING": "1", "HANDBOOK_REPO_URL": BUILD_REPO_URL}
    command = [sys.executable, "-m", "generator.cli", *args, "--content", str(REPO_ROOT / "content")]
    result = subprocess.run(command, cwd=REPO_ROOT, env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0, f"handbook {args[0]} failed:\n{result.stdout}\n{result.stderr}"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The online site (directory URLs), built with `handbook build` from the real content."""
    site = tmp_path_factory.mktemp("online") / "site"
    _run_handbook("build", "--config", str(REPO_ROOT / "mkdocs.yml"), "--site-dir", str(site))
    assert (site / "index.html").is_file()
    return site


@pytest.fixture(scope="session")
def offline_zip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The offline copy as the zip `handbook offline` writes."""
    archive = tmp_path_factory.mktemp("offline") / "handbook-offline.zip"
    _run_handbook("offline", "--config", str(REPO_ROOT / "mkdocs.offline.yml"), "--zip", str(archive))
    return archive


@pytest.fixture(scope="session")
def offline_site(offline_zip: Path) -> Path:
    """The offline copy unpacked; returns its single top folder (open index.html in it over file://)."""
    import zipfile

    target = offline_zip.parent / "unpacked"
    with zipfile.ZipFile(offline_zip) as archive:
        archive.extractall(target)
    root = target / OFFLINE_ZIP_ROOT
    assert (root / "index.html").is_file()
    return root


# ---------------------------------------------------------------------------------------------------------------
# A real Chromium for the browser tests: Debian's package (or HANDBOOK_CHROMIUM), never a downloaded browser.
# ---------------------------------------------------------------------------------------------------------------

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def find_chromium() -> str | None:
    """HANDBOOK_CHROMIUM if set (it must be executable), else chromium on PATH."""
    import os
    import shutil

    configured = os.environ.get("HANDBOOK_CHROMIUM")
    if configured:
        if not (os.path.isfile(configured) and os.access(configured, os.X_OK)):
            pytest.fail(f"HANDBOOK_CHROMIUM={configured!r} is not an executable file")
        return configured
    return shutil.which("chromium") or shutil.which("chromium-headless-shell")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """A headless Chromium; skipped when none is installed, unless HANDBOOK_REQUIRE_BROWSER=1."""
    import os

    from playwright.sync_api import sync_playwright

    executable = find_chromium()
    if executable is None:
        message = "Chromium not found; install Debian's chromium to run browser tests"
        if os.environ.get("HANDBOOK_REQUIRE_BROWSER") == "1":
            pytest.fail(message + " (HANDBOOK_REQUIRE_BROWSER=1)")
        pytest.skip(message)
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


# ---------------------------------------------------------------------------------------------------------------
# Content that changed between two builds: the planner carries assessments over, old addresses lead on.
# ---------------------------------------------------------------------------------------------------------------

RENAMED = """\
# yaml-language-server: $schema=../../schema/retired.schema.json
ids:
  - id: python
    reason: renamed
    replaced_by: python-language
  - id: python-programming
    reason: renamed
    replaced_by: python
  - id: perl
    reason: removed
"""


@pytest.fixture(scope="session")
def before_and_after(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Two offline builds of the fixture content: as it was, and after the skill 'python' was renamed (and the
    retired 'python-programming' with it) and 'perl' removed."""
    root = tmp_path_factory.mktemp("renamed")
    files = fixture_files()
    before = build(root / "before", content=write_content(root / "old", files), config="mkdocs.offline.yml")
    after_files = {
        path.replace("skills/python.yaml", "skills/python-language.yaml"): re.sub(
            r"(?<![\w-])python(?![\w-])", "python-language", text
        ).replace("name: Python\n", "name: Python language\n")
        for path, text in files.items()
    }
    after_files["retired/skills.yaml"] = RENAMED
    after = build(root / "after", content=write_content(root / "new", after_files), config="mkdocs.offline.yml")
    return before, after
