"""The worst content the validator accepts still builds in bounded time and size.

Every limit is pushed to its maximum at once, with the characters that cost the most to escape and render:
a role with the most levels and skills allowed, every text at its longest and made of markup characters, and a
large glossary whose abbreviations all occur in running text.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from generator.content.models.base import LIST_MAX_ITEMS, NAME_MAX_LENGTH, TEXT_MAX_LENGTH
from generator.content.validate import validate
from tests.sitebuild import build, fixture_files, write_content

pytestmark = pytest.mark.slow

LEVELS = 10
SKILLS = LIST_MAX_ITEMS
TERMS = 300
BUILD_SECONDS = 300
"""A generous bound: today's real content builds in a few seconds on the same machine."""
# The role file is as large as a content file may be (loader.MAX_BYTES): its skills, at every level, fill it.
SITE_BYTES = 150 * 1024 * 1024
ESCAPED = "<&*_[|#`"


def _long(limit: int, word: str = "") -> str:
    """Text at its length limit, mostly characters that each become a character reference."""
    unit = f"{word} {ESCAPED * 4} ML AI "
    return (unit * (limit // len(unit) + 1))[: limit - 1].strip() + "x"


def _file(kind: str, data: dict[str, object]) -> str:
    return f"# yaml-language-server: $schema=../../schema/{kind}.schema.json\n{json.dumps(data)}\n"


def worst_case_files() -> dict[str, str]:
    files = fixture_files()
    level_ids = [f"level-{n:02}" for n in range(LEVELS)]
    for rank, level_id in enumerate(level_ids, start=1):
        files[f"levels/{level_id}.yaml"] = _file(
            "level",
            {
                "title": _long(NAME_MAX_LENGTH, level_id),
                "rank": rank,
                "rank_basis": "editorial",
                "also_called": [_long(NAME_MAX_LENGTH, f"{level_id}-{k}") for k in range(3)],
                "summary": _long(TEXT_MAX_LENGTH),
                "expectations": [_long(TEXT_MAX_LENGTH, str(k)) for k in range(5)],
                "responsibilities": ["build-models"],
                "sources": ["article"],
            },
        )
    skills = []
    for n in range(SKILLS):
        skill_id = f"skill-{n:03}"
        files[f"skills/{skill_id}.yaml"] = _file(
            "skill",
            {
                "name": _long(NAME_MAX_LENGTH, skill_id),
                "category": "programming",
                "description": _long(TEXT_MAX_LENGTH),
                "tools": ["pytorch"],
                "sources": ["article"],
            },
        )
        proficiency = [{"level": level_id, "value": "expert", "basis": "editorial"} for level_id in level_ids]
        skills.append(
            {
                "skill": skill_id,
                "importance": "essential",
                "importance_basis": "editorial",
                "proficiency": proficiency,
                "note": _long(30),
            }
        )
    files["roles/worst.yaml"] = _file(
        "role",
        {
            "title": _long(NAME_MAX_LENGTH, "worst"),
            "also_called": [_long(NAME_MAX_LENGTH, str(k)) for k in range(10)],
            "summary": _long(TEXT_MAX_LENGTH),
            "family": "machine-learning",
            "variant_of": "ml-engineer",
            "levels": level_ids,
            "responsibilities": ["build-models", "mentoring"],
            "skills": skills,
            "coverage": {"skills": "described", "responsibilities": "partial"},
            "compare_with": ["data-scientist"],
            "sources": ["article"],
        },
    )
    for n in range(TERMS):
        short = f"Q{n:03}X"
        files[f"terms/term-{n:03}.yaml"] = _file(
            "term",
            {
                "abbreviation": short,
                "expansion": _long(NAME_MAX_LENGTH, short),
                "definition": _long(TEXT_MAX_LENGTH, " ".join(f"Q{m:03}X" for m in range(n, min(n + 40, TERMS)))),
                "sources": ["article"],
            },
        )
    return files


def test_the_worst_valid_content_builds_within_bounds(tmp_path: Path) -> None:
    content = write_content(tmp_path, worst_case_files())
    _, issues = validate(content, display_root="content")
    assert [str(issue) for issue in issues] == []
    content_bytes = sum(path.stat().st_size for path in content.rglob("*.yaml"))
    started = time.monotonic()
    site = build(tmp_path / "site", content=content)
    seconds = time.monotonic() - started
    site_bytes = sum(path.stat().st_size for path in site.rglob("*") if path.is_file())
    print(f"content {content_bytes} bytes; build {seconds:.1f} s; site {site_bytes} bytes")
    assert seconds < BUILD_SECONDS
    assert site_bytes < SITE_BYTES
