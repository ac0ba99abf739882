"""Content must be written in our own words: no 12-word run may be copied from a source article.

The source captures live outside the repository (by default `<repo>/../shared/sources`; HANDBOOK_SOURCES_DIR
points elsewhere). Where they are present the check compares the content with their text. Where they are
absent, as on GitHub, it compares with the committed fingerprint (tests/source-fingerprints.txt): one hash per
normalised 12-word run, which detects the same copied runs without holding the text. With neither, the check
skips, unless HANDBOOK_REQUIRE_SOURCES=1 (set by .ci/run and the GitHub workflow), in which case it fails.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from generator import originality
from generator.cli import main
from generator.originality import RUN_LENGTH, copied_runs, read_fingerprints, source_runs, words

REPO = Path(__file__).resolve().parents[1]
CONTENT = REPO / "content"
FINGERPRINTS = Path(__file__).with_name("source-fingerprints.txt")


def sources_dir() -> Path:
    """Where the source captures are: HANDBOOK_SOURCES_DIR, or the shared folder next to the repo."""
    override = os.environ.get("HANDBOOK_SOURCES_DIR")
    return Path(override) if override else REPO.parent / "shared" / "sources"


def _texts_present() -> bool:
    folder = sources_dir()
    return folder.is_dir() and bool(originality.source_texts(folder))


def _unavailable(message: str) -> None:
    if os.environ.get("HANDBOOK_REQUIRE_SOURCES") == "1":
        pytest.fail(message)
    pytest.skip(message)


def _report(hits: list[tuple[str, str]], against: str) -> str:
    lines = "\n".join(f"  {file}: {run!r}" for file, run in hits)
    return f"{len(hits)} run(s) of {RUN_LENGTH} words copied from the sources (checked against {against}):\n{lines}"


def test_content_has_no_run_of_twelve_words_from_a_source() -> None:
    assert CONTENT.is_dir(), f"no content folder at {CONTENT}"
    assert any(CONTENT.rglob("*.yaml")), "the content folder has no YAML files to check"
    if _texts_present():
        hits = copied_runs(CONTENT, texts=source_runs(sources_dir()))
        against = f"the texts in {sources_dir()}"
    elif FINGERPRINTS.is_file():
        hits = copied_runs(CONTENT, hashes=read_fingerprints(FINGERPRINTS))
        against = f"the fingerprint {FINGERPRINTS.relative_to(REPO)}"
    else:
        _unavailable(f"neither source captures at {sources_dir()} nor {FINGERPRINTS.name}; set HANDBOOK_SOURCES_DIR")
    assert not hits, _report(hits, against)


def test_committed_fingerprint_matches_the_source_texts() -> None:
    """Where the texts are present, the committed fingerprint must be the one they give (run `make fingerprints`)."""
    if not _texts_present():
        pytest.skip(f"source captures not found at {sources_dir()}; the fingerprint cannot be compared with them")
    assert FINGERPRINTS.is_file(), "tests/source-fingerprints.txt is missing; run `make fingerprints` and commit it"
    expected = originality.fingerprint_text(sources_dir())
    assert FINGERPRINTS.read_text(encoding="utf-8") == expected, "the fingerprint is stale; run `make fingerprints`"


def test_fingerprint_holds_no_source_text() -> None:
    if not FINGERPRINTS.is_file():
        _unavailable("tests/source-fingerprints.txt is missing; run `make fingerprints` and commit it")
    lines = [line for line in FINGERPRINTS.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    assert lines == sorted(set(lines)), "fingerprints must be unique and sorted"
    assert all(len(line) == 16 and set(line) <= set("0123456789abcdef") for line in lines)


SOURCE_TEXT = "Alpha bravo, charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa."


@pytest.fixture
def planted(tmp_path: Path) -> tuple[Path, Path]:
    """(sources folder with one capture, content folder with one clean role file)."""
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "000_planted.txt").write_text(SOURCE_TEXT, encoding="utf-8")
    content = tmp_path / "content"
    (content / "roles").mkdir(parents=True)
    (content / "roles" / "ml-engineer.yaml").write_text("title: Machine Learning Engineer\n", encoding="utf-8")
    return sources, content


def _plant(content: Path) -> None:
    """An 11-word run (upper case) and a 12-word one (other punctuation) from SOURCE_TEXT."""
    source_words = words(SOURCE_TEXT)
    with (content / "roles" / "ml-engineer.yaml").open("a", encoding="utf-8") as handle:
        handle.write(f"note: {' '.join(source_words[2:13]).upper()}!\n")
    twelve = "Charlie-delta, Echo " + " ".join(source_words[5:14])
    (content / "faqs").mkdir()
    (content / "faqs" / "planted.yaml").write_text(f"answer: '{twelve}.'\n", encoding="utf-8")


EXPECTED_HIT = [
    ("content/faqs/planted.yaml", "charlie delta echo foxtrot golf hotel india juliet kilo lima mike november")
]


def test_detector_catches_a_planted_run_and_ignores_a_shorter_one(planted: tuple[Path, Path]) -> None:
    sources, content = planted
    assert copied_runs(content, texts=source_runs(sources)) == []
    _plant(content)
    assert copied_runs(content, texts=source_runs(sources)) == EXPECTED_HIT


def test_fingerprint_alone_catches_a_planted_run(
    planted: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The GitHub path: the fingerprint is written by the documented command, then the texts are gone."""
    sources, content = planted
    fingerprint_file = tmp_path / "fingerprints.txt"
    assert main(["fingerprint", "--sources", str(sources), "--out", str(fingerprint_file)]) == 0
    assert "wrote 5 fingerprints of 1 source file(s)" in capsys.readouterr().out
    shutil.rmtree(sources)
    text = fingerprint_file.read_text(encoding="utf-8")
    assert not any(word in text for word in ("alpha", "charlie", "oscar"))

    hashes = read_fingerprints(fingerprint_file)
    assert copied_runs(content, hashes=hashes) == []
    _plant(content)
    assert copied_runs(content, hashes=hashes) == EXPECTED_HIT


def test_fingerprint_of_another_scheme_is_refused(tmp_path: Path) -> None:
    old = tmp_path / "old.txt"
    old.write_text("# scheme: sha1/12\n0123456789abcdef\n", encoding="utf-8")
    with pytest.raises(originality.FingerprintError, match="run `make fingerprints`"):
        read_fingerprints(old)


def test_fingerprint_command_refuses_a_folder_without_captures(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["fingerprint", "--sources", str(tmp_path), "--out", str(tmp_path / "out.txt")]) == 2
    assert "no *.txt source captures" in capsys.readouterr().err
    assert not (tmp_path / "out.txt").exists()


def test_words_normalises_case_punctuation_and_whitespace() -> None:
    assert words("Data-driven  DECISIONS,\n(ML's) “future”") == ["data", "driven", "decisions", "ml", "s", "future"]
