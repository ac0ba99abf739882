"""The own-words rule: no run of twelve consecutive words of a source article may appear in the content.

The source articles are not part of the repository. Their fingerprint is: one short hash per normalised
12-word run, sorted. A hash cannot be turned back into its words, yet a copied run in the content hashes to a
value in the fingerprint, so the rule can be checked wherever the repository is, texts or not.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

RUN_LENGTH = 12
"""How many consecutive words of a source make a copied run."""

FINGERPRINT_SCHEME = "blake2b-64/mleh-own-words/12"
"""Hash, key and run length; written into the fingerprint file so a change of any of them is detected."""

_KEY = b"mleh-own-words"
_NON_WORD = re.compile(r"[^0-9a-z]+")


class FingerprintError(Exception):
    """A fingerprint file that cannot be read, or that was made by another scheme."""


def words(text: str) -> list[str]:
    """Lowercase, turn punctuation into spaces, and split into words."""
    return _NON_WORD.sub(" ", text.lower()).split()


def runs(word_list: list[str], size: int = RUN_LENGTH) -> Iterator[tuple[str, ...]]:
    """Every run of `size` consecutive words."""
    for start in range(len(word_list) - size + 1):
        yield tuple(word_list[start : start + size])


def fingerprint(run: Iterable[str]) -> str:
    """The hash of one normalised run: 16 hexadecimal digits (64 bits)."""
    return hashlib.blake2b(" ".join(run).encode("utf-8"), digest_size=8, key=_KEY).hexdigest()


def source_texts(folder: Path) -> list[Path]:
    """The plain-text captures of the source articles in `folder` (*.txt), in name order."""
    return sorted(folder.glob("*.txt"))


def source_runs(folder: Path, size: int = RUN_LENGTH) -> set[tuple[str, ...]]:
    """All `size`-word runs of every capture in `folder`."""
    found: set[tuple[str, ...]] = set()
    for path in source_texts(folder):
        found.update(runs(words(path.read_text(encoding="utf-8", errors="replace")), size))
    return found


def fingerprint_text(folder: Path) -> str:
    """The fingerprint file for the captures in `folder`: a header, then one sorted hash per line."""
    hashes = sorted({fingerprint(run) for run in source_runs(folder)})
    header = [
        "# Fingerprint of the source articles for the own-words check: one hash per normalised run of",
        f"# {RUN_LENGTH} words, which cannot be turned back into text. Regenerate with `make fingerprints`.",
        f"# scheme: {FINGERPRINT_SCHEME}",
        f"# sources: {len(source_texts(folder))}",
    ]
    return "\n".join([*header, *hashes]) + "\n"


MERGED_PREFIX = "# merged: "
"""Header line naming the captures whose runs were added to the fingerprint after it was last made in full."""


def merged_fingerprint_text(existing: Path, folder: Path) -> str:
    """`existing` with the runs of the captures in `folder` added: for new sources when the old texts are absent.

    Nothing is dropped. The `sources:` line keeps the count of the last full regeneration; a `merged:` line names
    every capture added since, so the header says what the hashes come from.
    """
    old = read_fingerprints(existing)
    lines = existing.read_text(encoding="utf-8").splitlines()
    header = [line for line in lines if line.startswith("#") and not line.startswith(MERGED_PREFIX)]
    merged = {name for line in lines if line.startswith(MERGED_PREFIX) for name in line[len(MERGED_PREFIX) :].split()}
    merged |= {path.stem for path in source_texts(folder)}
    hashes = sorted(old | {fingerprint(run) for run in source_runs(folder)})
    return "\n".join([*header, MERGED_PREFIX + " ".join(sorted(merged)), *hashes]) + "\n"


def is_merged(path: Path) -> bool:
    """Whether a fingerprint file had captures merged into it (so it holds more than the texts beside it give)."""
    return any(line.startswith(MERGED_PREFIX) for line in path.read_text(encoding="utf-8").splitlines())


def read_fingerprints(path: Path) -> set[str]:
    """The hashes of a fingerprint file; refuses a file made by another scheme."""
    lines = path.read_text(encoding="utf-8").splitlines()
    if f"# scheme: {FINGERPRINT_SCHEME}" not in lines:
        raise FingerprintError(f"{path} was not made with scheme {FINGERPRINT_SCHEME}; run `make fingerprints`")
    return {line for line in lines if line and not line.startswith("#")}


CITATION_FIELDS = ("title", "author", "publisher", "url")
"""Fields of a source or learning resource that record its own title, names and address exactly as published; they
are names, not prose, so the own-words check reads only the rest of the entry (its notes, its description)."""

CITING_KINDS = ("sources", "resources")
"""The folders whose entries carry citation fields."""


def checked_text(path: Path) -> str:
    """The text of a content file that must be in our own words: all of it, except the citation fields of a source
    or a learning resource."""
    text = path.read_text(encoding="utf-8")
    if path.parent.name not in CITING_KINDS:
        return text
    kept = []
    skipping = False
    for line in text.splitlines():
        if line and not line[0].isspace():
            skipping = line.split(":", 1)[0] in CITATION_FIELDS
        if not skipping:
            kept.append(line)
    return "\n".join(kept)


def copied_runs(
    content: Path, *, texts: set[tuple[str, ...]] | None = None, hashes: set[str] | None = None
) -> list[tuple[str, str]]:
    """(content file, run) for every run of a YAML file under `content` found in the source texts or hashes."""
    hits: list[tuple[str, str]] = []
    for path in sorted(content.rglob("*.yaml")):
        seen: set[tuple[str, ...]] = set()
        for run in runs(words(checked_text(path))):
            copied = (texts is not None and run in texts) or (hashes is not None and fingerprint(run) in hashes)
            if copied and run not in seen:
                seen.add(run)
                hits.append((str(path.relative_to(content.parent)), " ".join(run)))
    return hits
