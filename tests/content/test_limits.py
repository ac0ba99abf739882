"""The worst content the validator accepts still builds in bounded time and size, spread out or on one page.

Every limit is pushed to its maximum at once, with the characters that cost the most to escape and render:
a role with the most levels and skills allowed, every text at its longest and made of markup characters, and a
large glossary whose abbreviations all occur in running text. Then the same worst text concentrated on one page:
a level file as large as a file may be, all of it on the career ladder; and the glossary at its limit of terms,
the page with the most entries. Each builds in a few times the processor time of the real content, and
four times the text on that page costs about four times the time, not sixteen.
"""

from __future__ import annotations

import json
import resource
import time
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from generator.content.loader import MAX_BYTES
from generator.content.models.base import LIST_MAX_ITEMS, NAME_MAX_LENGTH, TERMS_MAX, TEXT_MAX_LENGTH
from generator.content.validate import validate
from generator.publish.render import render_pages
from tests.sitebuild import build, converter, fixture_files, write_content

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


FEW_TIMES = 6
"""A page holding the worst valid content builds in at most this many times the real content's processor time."""


def ladder_files(share: float = 1.0) -> dict[str, str]:
    """One level file as large as a file may be (`share` of it), every expectation at its longest: every other one
    a run of '<' (each a character reference), the rest mixed markup. All of it lands on the career ladder."""
    files = fixture_files()
    level = yaml.safe_load(files["levels/junior.yaml"])
    level["expectations"] = []
    while True:
        k = len(level["expectations"])
        text = f"{k:03d}" + "<" * (TEXT_MAX_LENGTH - 3) if k % 2 == 0 else _long(TEXT_MAX_LENGTH, f"{k:03d}")
        if len(_file("level", {**level, "expectations": [*level["expectations"], text]})) > MAX_BYTES * share:
            break
        level["expectations"].append(text)
    files["levels/junior.yaml"] = _file("level", level)
    return files


def glossary_files(terms: int = TERMS_MAX) -> dict[str, str]:
    """The glossary at its limit of terms, every text at its longest: each definition names abbreviations between
    markup characters, each term has its twenty keywords. All of them land on the glossary page."""
    files = fixture_files()
    shorts = [f"Q{n:04}X" for n in range(terms - sum(path.startswith("terms/") for path in files))]
    for n, short in enumerate(shorts):
        names = " ".join(f"{shorts[(n + k) % len(shorts)]} {ESCAPED[k % len(ESCAPED)]}" for k in range(400))
        files[f"terms/term-{n:04}.yaml"] = _file(
            "term",
            {
                "abbreviation": short,
                "expansion": _long(NAME_MAX_LENGTH, short),
                "definition": names[: TEXT_MAX_LENGTH - 1] + "x",
                "keywords": [_long(60, f"k{short}{k}") for k in range(20)],
                "sources": ["article"],
            },
        )
    return files


CONCENTRATED: dict[str, tuple[Callable[[], dict[str, str]], Callable[[], dict[str, str]], str]] = {
    "ladder": (ladder_files, lambda: ladder_files(0.25), "ladder/index.md"),
    "glossary": (glossary_files, lambda: glossary_files(TERMS_MAX // 4), "glossary.md"),
}


def _processor_seconds(run: Callable[[], object]) -> float:
    """Processor time of the child processes `run` starts: other work on the machine does not count."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    run()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _build_seconds(root: Path, files: dict[str, str]) -> float:
    content = write_content(root, files)
    _, issues = validate(content, display_root="content")
    assert [str(issue) for issue in issues] == []
    return _processor_seconds(lambda: build(root / "site", content=content))


@pytest.fixture(scope="module")
def normal_seconds(tmp_path_factory: pytest.TempPathFactory) -> float:
    """The processor time of building the real content."""
    return _processor_seconds(lambda: build(tmp_path_factory.mktemp("normal") / "site"))


@pytest.mark.parametrize("case", CONCENTRATED)
def test_the_worst_valid_content_on_one_page_builds_in_a_few_times_a_normal_build(
    case: str, normal_seconds: float, tmp_path: Path
) -> None:
    seconds = _build_seconds(tmp_path, CONCENTRATED[case][0]())
    print(f"{case}: {seconds:.1f} s of processor time; the real content {normal_seconds:.1f} s")
    assert seconds < FEW_TIMES * normal_seconds


def _page_seconds(files: dict[str, str], page: str, root: Path) -> tuple[int, float]:
    content, _ = validate(write_content(root, files))
    text = render_pages(content)[0][page]
    convert = converter(linear=True)
    times = []
    for _ in range(3):
        started = time.process_time()
        convert(text)
        times.append(time.process_time() - started)
    return len(text), min(times)


@pytest.mark.parametrize("case", CONCENTRATED)
def test_the_page_that_holds_it_costs_time_in_proportion_to_its_text(case: str, tmp_path: Path) -> None:
    full, quarter, page = CONCENTRATED[case]
    small_size, small_seconds = _page_seconds(quarter(), page, tmp_path / "quarter")
    size, seconds = _page_seconds(full(), page, tmp_path / "full")
    growth = (seconds / small_seconds) / (size / small_size)
    print(f"{case}: {size / small_size:.1f}× the text, {seconds / small_seconds:.1f}× the time")
    assert growth < 1.75  # in proportion: about 1; the square of the text: about 4
