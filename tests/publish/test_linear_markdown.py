"""The site's Markdown extension gives the HTML Python-Markdown gives, in time linear in the text of a page."""

from __future__ import annotations

import time
import types
from collections.abc import Callable

import markdown as md
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.pages.markdown import abbreviations, escape
from generator.publish import linear_markdown, mkdocs_hooks
from tests.sitebuild import converter


def test_the_site_build_adds_the_extension() -> None:
    config = types.SimpleNamespace(markdown_extensions=["toc"])
    mkdocs_hooks.on_config(config)  # type: ignore[arg-type]
    mkdocs_hooks.on_config(config)  # type: ignore[arg-type]
    assert config.markdown_extensions == ["toc", "generator.publish.linear_markdown"]


GLOSSARY = [
    ("ML", "Machine learning"),
    ("MLOps", "ML operations"),
    ("AI", "Artificial intelligence"),
    ("C++", "C plus plus"),
    ("R&D", "Research and development"),
    ("CI/CD", "Continuous integration and delivery"),
    ("A/B", "Split test"),
    ("NLP", "Natural language processing"),
    ("Q1", '" quoted "'),
]
_FRAGMENTS = [
    *(short for short, _ in GLOSSARY),
    "HTML",
    "MLP",
    " ",
    "-",
    "_",
    "*",
    "**",
    ",",
    "x",
    "é",
    "&#42;",
    "&#60;",
    "&amp;",
    "&",
    "&#",
    "\n",
    "\n\n",
    "`",
    "[",
    "]",
    "](<a.md>)",
    "<br>",
    "| ",
    "{: #x }",
    "# ",
    "C&#43;&#43;&#95;",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_FRAGMENTS), max_size=30).map(lambda parts: "".join(parts).rstrip() + "\n"))
def test_the_html_is_python_markdowns(text: str) -> None:
    page = text + abbreviations(GLOSSARY)
    assert converter(linear=True)(page) == converter(linear=False)(page)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_FRAGMENTS), max_size=30).map("".join))
def test_escaped_text_gives_python_markdowns_html(text: str) -> None:
    page = f"| a | b |\n|---|---|\n| {escape(text)} | *{escape(text)}* |\n\n{escape(text)}\n" + abbreviations(GLOSSARY)
    assert converter(linear=True)(page) == converter(linear=False)(page)


def _seconds(convert: Callable[[str], str], text: str) -> float:
    """The least processor time of three conversions: the machine's other work adds, it never subtracts."""
    times = []
    for _ in range(3):
        started = time.process_time()
        convert(text)
        times.append(time.process_time() - started)
    return min(times)


def _cell(size: int) -> str:
    """A table cell of `size` characters that each become a character reference, in runs as fields make them."""
    field = "a" + "<" * 1999
    return "| x |\n|---|\n| " + " <br>• ".join(escape(field) for _ in range(size // 2000)) + " |\n"


def test_four_times_the_references_cost_about_four_times_the_time() -> None:
    convert = converter(linear=True)
    ratio = _seconds(convert, _cell(80_000)) / _seconds(convert, _cell(20_000))
    assert ratio < 7, f"{ratio:.1f}× the time for 4× the text"  # linear: about 4; quadratic: about 16


def test_a_run_of_references_is_one_match() -> None:
    processor = linear_markdown._Run(linear_markdown.RUN, md.Markdown())
    text = escape("<" * 2000 + " and " + "*" * 2000)
    match = processor.compiled_re.search(text)
    assert match is not None and match.span() == (0, len(text))
