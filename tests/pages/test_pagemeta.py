"""A page's description for search engines is its opening paragraph as plain text."""

from __future__ import annotations

from generator.pages.evidence import mark
from generator.pages.pagemeta import description


def test_the_description_keeps_a_marks_symbol_and_drops_its_markup() -> None:
    text = f"# Title\n\nFrom [A](a.md) to [B](b.md): a pivot{mark('editorial')} move.\n"
    assert description(text) == "From A to B: a pivot ✎ move."


def test_the_description_is_the_opening_paragraph_not_a_block_of_markup() -> None:
    text = '# Title\n\nWhat the job is.\n{ .role-lead }\n\n<p class="role-ways" markdown>\n**Get there:** here.\n</p>\n'
    assert description(text) == "What the job is."
