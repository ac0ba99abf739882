"""Content must be written in our own words: no 12-word run may be copied from a source capture.

The source captures live outside the repository (by default `<repo>/../shared/sources`); point
HANDBOOK_SOURCES_DIR elsewhere to use another folder. When the folder is missing the check is skipped,
unless HANDBOOK_REQUIRE_SOURCES=1, in which case it fails.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CONTENT = REPO / "content"
RUN_LENGTH = 12
_NON_WORD = re.compile(r"[^0-9a-z]+")


def sources_dir() -> Path:
    """Where the source captures are: HANDBOOK_SOURCES_DIR, or the shared folder next to the repo."""
    override = os.environ.get("HANDBOOK_SOURCES_DIR")
    return Path(override) if override else REPO.parent / "shared" / "sources"


def words(text: str) -> list[str]:
    """Lowercase, turn punctuation into spaces, and split into words."""
    return _NON_WORD.sub(" ", text.lower()).split()


def shingles(word_list: list[str], size: int = RUN_LENGTH) -> Iterable[tuple[str, ...]]:
    """Every run of `size` consecutive words."""
    for start in range(len(word_list) - size + 1):
        yield tuple(word_list[start : start + size])


def source_shingles(folder: Path, size: int = RUN_LENGTH) -> set[tuple[str, ...]]:
    """All `size`-word runs of every *.txt capture in `folder`."""
    found: set[tuple[str, ...]] = set()
    for path in sorted(folder.glob("*.txt")):
        found.update(shingles(words(path.read_text(encoding="utf-8", errors="replace")), size))
    return found


def copied_runs(content: Path, known: set[tuple[str, ...]], size: int = RUN_LENGTH) -> list[tuple[str, str]]:
    """(content file, copied run) for every YAML file under `content` that repeats a known run."""
    hits: list[tuple[str, str]] = []
    for path in sorted(content.rglob("*.yaml")):
        seen: set[tuple[str, ...]] = set()
        for run in shingles(words(path.read_text(encoding="utf-8")), size):
            if run in known and run not in seen:
                seen.add(run)
                hits.append((str(path.relative_to(content.parent)), " ".join(run)))
    return hits


def _require_sources() -> Path:
    folder = sources_dir()
    if not folder.is_dir() or not any(folder.glob("*.txt")):
        message = f"source captures not found at {folder}; set HANDBOOK_SOURCES_DIR"
        if os.environ.get("HANDBOOK_REQUIRE_SOURCES") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return folder


def test_content_has_no_run_of_twelve_words_from_a_source() -> None:
    folder = _require_sources()
    assert CONTENT.is_dir(), f"no content folder at {CONTENT}"
    assert any(CONTENT.rglob("*.yaml")), "the content folder has no YAML files to check"
    hits = copied_runs(CONTENT, source_shingles(folder))
    report = "\n".join(f"  {file}: {run!r}" for file, run in hits)
    assert not hits, f"{len(hits)} run(s) of {RUN_LENGTH} words copied from the sources:\n{report}"


def test_detector_catches_a_planted_run_and_ignores_a_shorter_one(tmp_path: Path) -> None:
    source_text = "Alpha bravo, charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa."
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "000_planted.txt").write_text(source_text, encoding="utf-8")
    known = source_shingles(sources)
    source_words = words(source_text)

    content = tmp_path / "content"
    (content / "roles").mkdir(parents=True)
    real = CONTENT / "roles" / "ml-engineer.yaml"
    copied = content / "roles" / "ml-engineer.yaml"
    if real.is_file():
        shutil.copyfile(real, copied)
    else:
        copied.write_text("title: Machine Learning Engineer\n", encoding="utf-8")
    assert copied_runs(content, known) == []

    eleven = " ".join(source_words[2:13])
    with copied.open("a", encoding="utf-8") as handle:
        handle.write(f"note: {eleven.upper()}!\n")
    assert copied_runs(content, known) == [], "an 11-word run must not count as copied"

    twelve = "Charlie-delta, Echo " + " ".join(source_words[5:14])
    planted = content / "faqs" / "planted.yaml"
    planted.parent.mkdir()
    planted.write_text(f"answer: '{twelve}.'\n", encoding="utf-8")
    hits = copied_runs(content, known)
    assert hits == [("content/faqs/planted.yaml", " ".join(source_words[2:14]))]


def test_words_normalises_case_punctuation_and_whitespace() -> None:
    assert words("Data-driven  DECISIONS,\n(ML's) “future”") == ["data", "driven", "decisions", "ml", "s", "future"]
