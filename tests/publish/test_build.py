"""Builds are reproducible (same SOURCE_DATE_EPOCH, same bytes) and atomic (a failed build changes nothing)."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from generator.publish.build import write_zip
from tests.sitebuild import REPO, build, fixture_files, handbook, write_content

pytestmark = pytest.mark.slow

EPOCH = {"SOURCE_DATE_EPOCH": "1700000000"}


def digest_tree(root: Path) -> dict[str, str]:
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def test_two_site_builds_are_byte_identical(tmp_path: Path) -> None:
    first = build(tmp_path / "one", env=EPOCH)
    second = build(tmp_path / "two", env=EPOCH)
    assert digest_tree(first) == digest_tree(second)


def test_two_offline_zips_are_byte_identical(tmp_path: Path) -> None:
    zips = []
    for name in ("one.zip", "two.zip"):
        result = handbook(
            "offline", "--config", str(REPO / "mkdocs.offline.yml"), "--zip", str(tmp_path / name), env=EPOCH
        )
        assert result.returncode == 0, result.stderr
        zips.append((tmp_path / name).read_bytes())
    assert zips[0] == zips[1]
    with zipfile.ZipFile(tmp_path / "one.zip") as archive:
        names = archive.namelist()
        assert names == sorted(names)
        assert all(info.date_time == (2023, 11, 14, 22, 13, 20) for info in archive.infolist())
        assert "ml-engineering-handbook/index.html" in names
        assert "ml-engineering-handbook/search/search_index.js" in names


def test_zip_is_sorted_and_stamped_whatever_the_file_order(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "b").mkdir(parents=True)
    (site / "b" / "z.txt").write_text("z")
    (site / "a.txt").write_text("a")
    write_zip(site, tmp_path / "out.zip", epoch=0)
    with zipfile.ZipFile(tmp_path / "out.zip") as archive:
        assert archive.namelist() == ["ml-engineering-handbook/a.txt", "ml-engineering-handbook/b/z.txt"]
        assert archive.infolist()[0].date_time == (1980, 1, 1, 0, 0, 0)


def test_invalid_content_leaves_the_previous_site_and_zip_untouched(tmp_path: Path) -> None:
    content = write_content(tmp_path, fixture_files())
    site = build(tmp_path / "site", content=content)
    zip_path = tmp_path / "offline.zip"
    offline = [
        "offline",
        "--config",
        str(REPO / "mkdocs.offline.yml"),
        "--content",
        str(content),
        "--zip",
        str(zip_path),
    ]
    assert handbook(*offline).returncode == 0
    before_site, before_zip = digest_tree(site), zip_path.read_bytes()

    (content / "skills" / "python.yaml").write_text("name: [unclosed\n", encoding="utf-8")
    result = handbook("build", "--config", str(REPO / "mkdocs.yml"), "--content", str(content), "--site-dir", str(site))
    assert result.returncode == 1
    assert "python.yaml:2:1: YAML syntax error" in result.stderr
    assert "Aborted with 1 error in 1 file." in result.stderr
    assert "was left as it was" in result.stderr
    assert handbook(*offline).returncode == 1

    assert digest_tree(site) == before_site
    assert zip_path.read_bytes() == before_zip
    assert sorted(path.name for path in tmp_path.iterdir()) == ["content", "offline.zip", "site"]


def test_a_failing_mkdocs_build_also_leaves_the_site_untouched(tmp_path: Path) -> None:
    content = write_content(tmp_path, fixture_files())
    site = build(tmp_path / "site", content=content)
    before = digest_tree(site)
    broken = tmp_path / "broken.yml"
    broken.write_text(f"INHERIT: {REPO / 'mkdocs.yml'}\nnav:\n  - Missing: missing-page.md\n", encoding="utf-8")
    result = handbook("build", "--config", str(broken), "--content", str(content), "--site-dir", str(site))
    assert result.returncode == 1
    assert "was left as it was" in result.stderr
    assert digest_tree(site) == before


def test_a_killed_build_leaves_nothing_behind_after_the_next_build(tmp_path: Path) -> None:
    content = write_content(tmp_path, fixture_files())
    command = [sys.executable, "-m", "generator.cli", "build", "--config", str(REPO / "mkdocs.yml")]
    command += ["--content", str(content), "--site-dir", str(tmp_path / "site")]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    killed = subprocess.Popen(command, cwd=REPO, env=env, start_new_session=True)
    deadline = time.monotonic() + 60
    while not list(tmp_path.glob(".site.*")) and time.monotonic() < deadline:
        time.sleep(0.05)
    os.killpg(killed.pid, signal.SIGKILL)  # the whole build, as a cancelled CI job would
    killed.wait()
    assert list(tmp_path.glob(".site.*")), "the build should have been killed while staging"
    build(tmp_path / "site", content=content)
    assert [path.name for path in tmp_path.iterdir() if path.name.startswith(".")] == []
    assert (tmp_path / "site" / "index.html").is_file()


def test_an_mkdocs_warning_fails_the_strict_build(tmp_path: Path) -> None:
    config = tmp_path / "warns.yml"
    config.write_text(
        f"INHERIT: {REPO / 'mkdocs.yml'}\ndocs_dir: {REPO / 'docs'}\n"
        f"theme:\n  name: material\n  custom_dir: {REPO / 'overrides'}\n"
        f"hooks:\n  - {REPO / 'generator' / 'publish' / 'mkdocs_hooks.py'}\n"
        "watch: []\nnav:\n  - Home: index.md\n  - Missing: missing-page.md\n",
        encoding="utf-8",
    )
    result = handbook("build", "--config", str(config), "--site-dir", str(tmp_path / "site"))
    assert result.returncode == 1
    assert "'missing-page.md' is included in the 'nav' configuration" in result.stderr
    assert "warnings in strict mode!" in result.stderr
    assert not (tmp_path / "site").exists()
