"""The rendered folder needs no hook: ProperDocs builds it into the site `handbook build` makes through the hook."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.publish import project
from tests.publish.test_build import digest_tree
from tests.sitebuild import REPO, fixture_files, write_content

pytestmark = pytest.mark.slow

ORDERED_BY_FILE = ("search/search_index.json", "search/search_index.js", "tags.json")
"""Listings whose entries follow the order the builder met the pages in: the hook's build adds them in the site's
page order, a folder's build in the order of the file names (the offline copy's search index is also a script).
The entries themselves are the same."""


def run(*command: str, cwd: Path) -> None:
    env = {key: value for key, value in os.environ.items() if key not in ("HANDBOOK_SITE_URL", "HANDBOOK_REPO_URL")}
    env["SOURCE_DATE_EPOCH"] = "1700000000"
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def entries(path: Path) -> list[str]:
    data = json.loads(path.read_text(encoding="utf-8").removeprefix("var __index = ").removesuffix(";"))
    items = data["docs"] if "docs" in data else data.get("mappings", data)
    return sorted(json.dumps(item, sort_keys=True) for item in items)


@pytest.mark.parametrize("config", ["mkdocs.yml", "mkdocs.offline.yml"])
def test_the_folder_builds_into_the_same_site_without_the_hook(
    tmp_path: Path, config: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # the folder gives the same edition as the build
    content = write_content(tmp_path, fixture_files())
    run(sys.executable, "-m", "generator.cli", "build", "--config", str(REPO / config), "--content", str(content),
        "--site-dir", str(tmp_path / "hooked"), cwd=REPO)  # fmt: skip
    folder = project.write(content, REPO / config, tmp_path / "folder")
    run(sys.executable, "-m", "properdocs", "build", "--strict", "-f", str(folder), cwd=folder.parent)
    hooked, plain = digest_tree(tmp_path / "hooked"), digest_tree(tmp_path / "folder" / "site")
    assert sorted(hooked) == sorted(plain)
    assert [path for path in hooked if hooked[path] != plain[path] and path not in ORDERED_BY_FILE] == []
    for path in (path for path in ORDERED_BY_FILE if path in hooked):
        assert entries(tmp_path / "hooked" / path) == entries(tmp_path / "folder" / "site" / path), path


def test_the_folder_config_inherits_the_site_config_without_hook_or_edit_links(tmp_path: Path) -> None:
    config = project.configure(tmp_path, REPO / "mkdocs.yml", name="plain.yml", site_dir="out")
    text = config.read_text(encoding="utf-8")
    assert text.startswith(f"INHERIT: {REPO / 'mkdocs.yml'}\n")
    for line in ("docs_dir: docs", "site_dir: out", "hooks: []", "edit_uri: ''", f"custom_dir: {REPO / 'overrides'}"):
        assert line in text.splitlines() or f"  {line}" in text.splitlines(), line
