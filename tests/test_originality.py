"""Content must be written in our own words: no 12-word run may be copied from a source.

The source texts live outside the repository, in two folders: the four original articles (by default
`<repo>/../shared/sources`; HANDBOOK_SOURCES_DIR points elsewhere) and the pages read for the official, framework,
primary and documentation sources (by default `<repo>/../evidence-texts`; HANDBOOK_EVIDENCE_DIR points elsewhere).
Each folder has a committed fingerprint: one hash per normalised 12-word run, which detects the same copied runs
without holding the text (tests/source-fingerprints.txt and tests/fingerprints/evidence.txt).

The content is always compared with every committed fingerprint, and also with the texts of each folder that is
present. A missing fingerprint skips, unless HANDBOOK_REQUIRE_SOURCES=1 (set by .ci/run and the GitHub workflow), in
which case it fails.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator import originality
from generator.cli import main
from generator.originality import RUN_LENGTH, copied_runs, read_fingerprints, source_runs, words

REPO = Path(__file__).resolve().parents[1]
CONTENT = REPO / "content"
FINGERPRINTS = Path(__file__).with_name("source-fingerprints.txt")
EVIDENCE_FINGERPRINTS = Path(__file__).parent / "fingerprints" / "evidence.txt"


@dataclass(frozen=True)
class Corpus:
    """One folder of source texts and the committed fingerprint made from it."""

    name: str
    variable: str
    default: Path
    fingerprint: Path

    @property
    def folder(self) -> Path:
        override = os.environ.get(self.variable)
        return Path(override) if override else self.default

    def texts_present(self) -> bool:
        return self.folder.is_dir() and bool(originality.source_texts(self.folder))


ARTICLES = Corpus("the source articles", "HANDBOOK_SOURCES_DIR", REPO.parent / "shared" / "sources", FINGERPRINTS)
EVIDENCE = Corpus("the evidence pages", "HANDBOOK_EVIDENCE_DIR", REPO.parent / "evidence-texts", EVIDENCE_FINGERPRINTS)
CORPORA = [ARTICLES, EVIDENCE]


def sources_dir() -> Path:
    """Where the source articles are: HANDBOOK_SOURCES_DIR, or the shared folder next to the repo."""
    return ARTICLES.folder


def _unavailable(message: str) -> None:
    if os.environ.get("HANDBOOK_REQUIRE_SOURCES") == "1":
        pytest.fail(message)
    pytest.skip(message)


def _report(hits: list[tuple[str, str]], against: str) -> str:
    lines = "\n".join(f"  {file}: {run!r}" for file, run in hits)
    return f"{len(hits)} run(s) of {RUN_LENGTH} words copied from the sources (checked against {against}):\n{lines}"


def _relative(path: Path) -> str:
    return str(path.relative_to(REPO))


@pytest.mark.parametrize("corpus", CORPORA, ids=["articles", "evidence"])
def test_content_has_no_run_of_twelve_words_from_a_source(corpus: Corpus) -> None:
    """Against the committed fingerprint always, and against the texts too where they are present."""
    assert CONTENT.is_dir(), f"no content folder at {CONTENT}"
    assert any(CONTENT.rglob("*.yaml")), "the content folder has no YAML files to check"
    if not corpus.fingerprint.is_file():
        _unavailable(f"{_relative(corpus.fingerprint)} is missing; run `make fingerprints` and commit it")
    hits = copied_runs(CONTENT, hashes=read_fingerprints(corpus.fingerprint))
    assert not hits, _report(hits, f"the fingerprint {_relative(corpus.fingerprint)}")
    if corpus.texts_present():
        hits = copied_runs(CONTENT, texts=source_runs(corpus.folder))
        assert not hits, _report(hits, f"the texts in {corpus.folder}")


@pytest.mark.parametrize("corpus", CORPORA, ids=["articles", "evidence"])
def test_committed_fingerprint_matches_the_source_texts(corpus: Corpus) -> None:
    """Where the texts are present, the committed fingerprint must be the one they give (run `make fingerprints`)."""
    if not corpus.texts_present():
        pytest.skip(f"{corpus.name} not found at {corpus.folder}; the fingerprint cannot be compared with them")
    assert corpus.fingerprint.is_file(), f"{_relative(corpus.fingerprint)} is missing; run `make fingerprints`"
    if originality.is_merged(corpus.fingerprint):
        # Merged in from new texts while older ones were absent: it must hold every run of the texts that are here.
        missing = {originality.fingerprint(run) for run in source_runs(corpus.folder)} - read_fingerprints(
            corpus.fingerprint
        )
        assert not missing, f"{len(missing)} runs of the texts are not in the fingerprint; run `make fingerprints`"
        return
    expected = originality.fingerprint_text(corpus.folder)
    assert corpus.fingerprint.read_text(encoding="utf-8") == expected, "stale fingerprint; run `make fingerprints`"


@pytest.mark.parametrize("corpus", CORPORA, ids=["articles", "evidence"])
def test_fingerprint_holds_no_source_text(corpus: Corpus) -> None:
    if not corpus.fingerprint.is_file():
        _unavailable(f"{_relative(corpus.fingerprint)} is missing; run `make fingerprints` and commit it")
    lines = [line for line in corpus.fingerprint.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    assert lines, "a fingerprint with no hashes checks nothing"
    assert lines == sorted(set(lines)), "fingerprints must be unique and sorted"
    assert all(len(line) == 16 and set(line) <= set("0123456789abcdef") for line in lines)


def test_no_source_text_is_committed() -> None:
    """The texts read for the sources stay outside the repository; only their fingerprints are committed."""
    texts = [path for path in (REPO / "tests").rglob("*.txt") if path.parent.name != "cases"]
    assert sorted(_relative(path) for path in texts) == sorted(_relative(corpus.fingerprint) for corpus in CORPORA), (
        "only fingerprint files may be committed as .txt under tests/"
    )


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


def test_merge_adds_new_texts_and_keeps_every_old_hash(
    planted: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """New sources are fingerprinted where the older texts are gone: nothing old may be dropped."""
    sources, content = planted
    fingerprint_file = tmp_path / "fingerprints.txt"
    assert main(["fingerprint", "--sources", str(sources), "--out", str(fingerprint_file)]) == 0
    old = read_fingerprints(fingerprint_file)
    shutil.rmtree(sources)
    newer = tmp_path / "newer"
    newer.mkdir()
    (newer / "new-source.txt").write_text("one two three four five six seven eight nine ten eleven twelve thirteen")
    capsys.readouterr()
    assert main(["fingerprint", "--merge", "--sources", str(newer), "--out", str(fingerprint_file)]) == 0
    assert "wrote 7 fingerprints of 1 source file(s)" in capsys.readouterr().out
    merged = read_fingerprints(fingerprint_file)
    assert old < merged and len(merged) == len(old) + 2
    lines = fingerprint_file.read_text(encoding="utf-8").splitlines()
    assert "# sources: 1" in lines and "# merged: new-source" in lines
    assert originality.is_merged(fingerprint_file)
    hashes = [line for line in lines if not line.startswith("#")]
    assert hashes == sorted(set(hashes))
    _plant(content)
    assert copied_runs(content, hashes=merged) == EXPECTED_HIT


def test_merge_needs_an_existing_fingerprint(planted: tuple[Path, Path], tmp_path: Path) -> None:
    sources, _ = planted
    assert main(["fingerprint", "--merge", "--sources", str(sources), "--out", str(tmp_path / "none.txt")]) == 2
    assert not (tmp_path / "none.txt").exists()


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


def test_a_sources_title_and_names_may_be_copied_but_not_its_notes(planted: tuple[Path, Path]) -> None:
    """A source entry records its title and authors as published; only its notes must be in our own words."""
    sources, content = planted
    twelve = " ".join(words(SOURCE_TEXT)[0:12])
    (content / "sources").mkdir()
    entry = content / "sources" / "planted.yaml"
    entry.write_text(f"title: {twelve}\nauthor: {twelve}\ndate: not stated\n", encoding="utf-8")
    assert copied_runs(content, texts=source_runs(sources)) == []
    entry.write_text(entry.read_text(encoding="utf-8") + f"notes: Says {twelve}.\n", encoding="utf-8")
    assert [file for file, _ in copied_runs(content, texts=source_runs(sources))] == ["content/sources/planted.yaml"]
