"""Escaping, the URL allow-list and relative links: the small functions every page relies on for safety."""

from __future__ import annotations

import markdown as md
import pytest
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.pages.markdown import Abbreviations, abbreviations, escape, link, relative, safe_url

EXTENSIONS = ["abbr", "attr_list", "md_in_html", "tables", "toc"]


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        '{: onclick="alert(1)" }',
        "a | b",
        "1. not a list",
        "# not a heading",
        "- not a bullet",
        "*not emphasis* and _not_ either",
        "[not](javascript:alert(1)) a link",
        "&lt;already escaped&gt;",
        "`not code`",
        "plain text, with a full stop.",
    ],
)
def test_escaped_text_renders_as_exactly_that_text(text: str) -> None:
    page = BeautifulSoup(md.markdown(escape(text), extensions=EXTENSIONS), "html.parser")
    paragraph = page.find("p")
    assert paragraph is not None and paragraph.attrs == {}
    assert paragraph.find(True) is None  # no element inside: only text
    assert paragraph.get_text() == text


def test_escaped_text_stays_in_its_table_cell() -> None:
    page = BeautifulSoup(
        md.markdown(f"| a | b |\n|---|---|\n| {escape('x | y')} | z |", extensions=EXTENSIONS), "html.parser"
    )
    assert [cell.get_text() for cell in page.find_all("td")] == ["x | y", "z"]


def test_whitespace_is_folded_so_text_cannot_start_a_block() -> None:
    assert escape("line one\n\n# two\n- three") == "line one &#35; two - three"


@pytest.mark.parametrize(
    "text",
    [
        '!!! danger "Your account is locked"',
        '!!! note ".md-dialog"',
        "??? note",
        "C#",
        "F# and C# ##",
        "Heading {#custom-id}",
    ],
)
def test_structural_markdown_in_text_reads_as_written(text: str) -> None:
    extensions = [*EXTENSIONS, "admonition"]
    for template in ("TEXT", "## TEXT", "## Title: TEXT { #anchor }", "| TEXT |\n|---|"):
        html = md.markdown(template.replace("TEXT", escape(text)), extensions=extensions)
        page = BeautifulSoup(html, "html.parser")
        assert page.select(".admonition, details") == [], html
        element = page.find(["p", "h2", "td", "th"])
        assert element is not None and text in element.get_text(), html


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.org/a?b=c#d", "https://example.org/a?b=c#d"),
        ("../roles/ml-engineer.md", "../roles/ml-engineer.md"),
        ("javascript:alert(1)", None),
        ("JaVaScRiPt:alert(1)", None),
        ("data:text/html,<script>", None),
        ("http://example.org", None),
        ("//evil.example/x", None),
        ("/absolute/path", None),
        ("https://", None),
        ("https://example.org/a b", "https://example.org/a%20b"),
        ("", None),
    ],
)
def test_url_allow_list(url: str, expected: str | None) -> None:
    assert safe_url(url) == expected


def test_link_drops_a_refused_url_but_keeps_the_text() -> None:
    assert link("Click <me>", "javascript:alert(1)") == "Click &#60;me&#62;"
    assert link("Roles", "../roles/index.md") == "[Roles](<../roles/index.md>)"


@pytest.mark.parametrize(
    ("start", "target", "anchor", "expected"),
    [
        ("roles/a.md", "skills/b.md", None, "../skills/b.md"),
        ("index.md", "roles/index.md", None, "roles/index.md"),
        ("roles/a.md", "roles/b.md", "x", "b.md#x"),
        ("levels/index.md", "levels/index.md", "junior", "#junior"),
    ],
)
def test_relative_links(start: str, target: str, anchor: str | None, expected: str) -> None:
    assert relative(start, target, anchor) == expected


def test_abbreviations_skip_anything_that_is_not_a_plain_token() -> None:
    footer = abbreviations([("ML", "Machine\nlearning"), ("<b>", "x"), ("C++", "C plus plus")])
    assert footer == "\n*[C++]: C plus plus\n\n*[ML]: Machine learning\n"


GLOSSARY = [
    ("ML", "Machine learning"),
    ("MLOps", "ML operations"),
    ("AI", "Artificial intelligence"),
    ("C++", "C plus plus"),
    ("R&D", "Research and development"),
    ("CI/CD", "Continuous integration and delivery"),
    ("NLP", "Natural language processing"),
]


@pytest.mark.parametrize(
    ("text", "used"),
    [
        ("An ML engineer.", ["ML"]),
        ("HTML and XML are not it; nor is MLP.", []),
        ("MLOps, not ML.", ["MLOps", "ML"]),
        ("Only MLOps here.", ["MLOps"]),
        ("ml in lower case is not the abbreviation.", []),
        ("**ML** and _AI_ keep their word boundaries.", ["AI", "ML"]),
        ("Escaped &#42;ML&#42; is still ML in the text.", ["ML"]),
        ("R&#38;D as the escaping writes it.", ["R&D"]),
        ("CI/CD pipelines.", ["CI/CD"]),
        ("C++ at the end of a word never matches, as in the abbr extension.", []),
        ("C++_x: a word character after the plus signs makes the boundary.", ["C++"]),
        ("C&#43;&#43;&#95;x written with entities.", ["C++"]),
        ("A link [NLP](<../terms/nlp.md>) counts.", ["NLP"]),
        ("", []),
    ],
)
def test_a_page_gets_the_definitions_of_the_abbreviations_it_uses(text: str, used: list[str]) -> None:
    assert Abbreviations(GLOSSARY).used_in(text) == used


def test_the_footer_of_a_page_lists_its_definitions_longest_first() -> None:
    assert abbreviations(GLOSSARY, "ML and MLOps") == "\n*[MLOps]: ML operations\n\n*[ML]: Machine learning\n"
    assert abbreviations(GLOSSARY, "nothing to expand") == ""


_FRAGMENTS = [
    "ML",
    "MLOps",
    "AI",
    "C++",
    "R&#38;D",
    "CI/CD",
    "NLP",
    "HTML",
    " ",
    "-",
    "_",
    "*",
    ",",
    "x",
    "&#42;",
    "\n\n",
    "`",
    "[",
    "](<a.md>)",
]


@settings(max_examples=500, deadline=None)
# Rendered pages end with a line of text and a newline, so the footer always starts a block of its own.
@given(st.lists(st.sampled_from(_FRAGMENTS), max_size=25).map(lambda parts: "".join(parts).rstrip() + "\n"))
def test_trimming_the_definitions_never_changes_the_html(text: str) -> None:
    everything = md.markdown(text + abbreviations(GLOSSARY), extensions=EXTENSIONS)
    trimmed = md.markdown(text + abbreviations(GLOSSARY, text), extensions=EXTENSIONS)
    assert trimmed == everything
