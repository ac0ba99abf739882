"""Speed and size figures: validation, rendering, site and offline builds, and how page size scales.

Prints figures; asserts nothing. Run with `make bench` (or `.venv/bin/python bench/bench.py [--scale N]`).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from generator.render import render_pages  # noqa: E402
from generator.validate import validate  # noqa: E402


def timed(function, repeat: int = 5) -> tuple[float, object]:  # type: ignore[no-untyped-def]
    """Best of `repeat` runs, in seconds, and the last result."""
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        best = min(best, time.perf_counter() - start)
    return best, result


def build(content: Path, site: Path, config: str = "mkdocs.yml") -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000"}
    start = time.perf_counter()
    args = ["build", "--config", str(REPO / config), "--content", str(content), "--site-dir", str(site)]
    subprocess.run([sys.executable, "-m", "generator.cli", *args], check=True, env=env, cwd=REPO)
    return time.perf_counter() - start


def page_sizes(site: Path) -> list[int]:
    return [path.stat().st_size for path in site.rglob("*.html")]


def synthetic(content: Path, count: int) -> None:
    """Copy the real content and add `count` extra skills, listed by extra roles of 100 skills each."""
    shutil.copytree(REPO / "content", content)
    source = "sources: [shankar-2024-how-to-become-ml-engineer]\n"
    for index in range(count):
        (content / "skills" / f"bench-skill-{index}.yaml").write_text(
            "# yaml-language-server: $schema=../../schema/skill.schema.json\n"
            f"name: Bench skill {index}\ncategory: ml-and-data\ndescription: A generated skill.\n{source}",
            encoding="utf-8",
        )
    for first in range(0, count, 100):
        entries = "".join(
            f"  - {{skill: bench-skill-{index}, importance: optional, proficiency: [{{value: working, basis: editorial}}]}}\n"
            for index in range(first, min(first + 100, count))
        )
        (content / "roles" / f"bench-role-{first}.yaml").write_text(
            "# yaml-language-server: $schema=../../schema/role.schema.json\n"
            f"title: Bench role {first}\nsummary: A generated role.\nfamily: data\nskills:\n{entries}{source}",
            encoding="utf-8",
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=int, default=1000, help="extra skills for the scaling run")
    args = parser.parse_args()
    content = REPO / "content"
    files = sum(1 for _ in content.rglob("*.yaml"))

    seconds, result = timed(lambda: validate(content, display_root="content"))
    parsed, issues = result  # type: ignore[misc]
    print(f"validate: {files} files in {seconds * 1000:.0f} ms (best of 5), {len(issues)} issues")
    seconds, result = timed(lambda: render_pages(parsed))
    pages = result[0]  # type: ignore[index]
    print(f"render:   {len(pages)} pages in {seconds * 1000:.0f} ms (best of 5)")

    with tempfile.TemporaryDirectory() as work:
        site = Path(work) / "site"
        seconds = build(content, site)
        sizes = page_sizes(site)
        total = sum(path.stat().st_size for path in site.rglob("*") if path.is_file())
        print(
            f"site:     built in {seconds:.1f} s; {len(sizes)} HTML pages, median {statistics.median(sizes) / 1024:.0f} KiB, "
            f"largest {max(sizes) / 1024:.0f} KiB; {total / 1024 / 1024:.1f} MiB in all"
        )

        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000"}
        zip_path = Path(work) / "offline.zip"
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "generator.cli", "offline", "--zip", str(zip_path)], check=True, env=env, cwd=REPO
        )
        print(
            f"offline:  built and zipped in {time.perf_counter() - start:.1f} s; zip {zip_path.stat().st_size / 1024 / 1024:.2f} MiB"
        )

        big_content = Path(work) / "big" / "content"
        synthetic(big_content, args.scale)
        seconds = build(big_content, Path(work) / "big-site")
        big_sizes = page_sizes(Path(work) / "big-site")
        skill_page = (Path(work) / "big-site" / "skills" / "bench-skill-0" / "index.html").stat().st_size
        small_skill = (site / "skills" / "programming" / "index.html").stat().st_size
        print(
            f"scale:    +{args.scale} skills, +{(args.scale + 99) // 100} roles built in {seconds:.1f} s; {len(big_sizes)} pages, median "
            f"{statistics.median(big_sizes) / 1024:.0f} KiB; a skill page is {skill_page / 1024:.0f} KiB "
            f"(vs {small_skill / 1024:.0f} KiB for a real skill page at normal size)"
        )


if __name__ == "__main__":
    main()
