"""Glossary terms: every expansion the validator accepts becomes a tooltip, and the number of terms is limited."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import markdown as md
import pytest
from bs4 import BeautifulSoup

from generator.content.rules import prose
from generator.content.validate import validate
from generator.pages.markdown import abbreviations

EXPANSIONS = [
    '""',
    "''",
    '" "',
    "' '",
    '"" ',
    " ''",
    "''''",
    "“”",
    "« »",
    "‘ ’",
    "'\"'",
    '"ML"',
    "'x'",
    "Machine learning",
    "-",
]


def _term(short: str, expansion: str) -> str:
    return (
        "# yaml-language-server: $schema=../../schema/term.schema.json\n"
        f"abbreviation: {short}\nexpansion: {json.dumps(expansion)}\ndefinition: A term.\nsources: [article]\n"
    )


@pytest.mark.parametrize("expansion", EXPANSIONS)
def test_an_accepted_expansion_is_never_read_as_removing_the_abbreviation(
    expansion: str, make_content: Callable[..., Path]
) -> None:
    _, issues = validate(make_content({"terms/qq.yaml": _term("QQ", expansion)}), display_root="content")
    refused = [str(issue) for issue in issues if issue.file == "content/terms/qq.yaml"]
    if refused:
        assert refused == [
            f"content/terms/qq.yaml:3:12: expansion: {expansion!r} has no letter or digit; write out "
            "the term in words (quotes alone would remove its tooltip)"
        ]
        return
    html = md.markdown("A QQ here.\n" + abbreviations([("QQ", expansion)]), extensions=["abbr"])
    assert [abbr.get_text() for abbr in BeautifulSoup(html, "html.parser").find_all("abbr")] == ["QQ"]


def test_quotes_alone_are_refused() -> None:
    assert {'""', "''", "“”", "' '"} <= {e for e in EXPANSIONS if not any(char.isalnum() for char in e)}


def test_the_first_term_past_the_limit_is_named(
    make_content: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(prose, "TERMS_MAX", 2)
    files = {f"terms/t{n}.yaml": _term(f"T{n}X", f"Term {n}") for n in range(3)}
    _, issues = validate(make_content(files), display_root="content")
    over = [str(issue) for issue in issues if "glossary holds" in issue.message]
    assert over == [
        "content/terms/t2.yaml:1:1: the glossary holds at most 2 terms and there are 3; this is the first past the "
        "limit (by id): merge or remove terms"
    ]
