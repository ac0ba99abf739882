"""The real content, validated and rendered once for the page tests that read it."""

from __future__ import annotations

import pytest

from generator.content.checker import Content
from generator.content.validate import validate
from generator.publish.render import render_pages
from tests.sitebuild import REPO


@pytest.fixture(scope="session")
def content() -> Content:
    checked, _ = validate(REPO / "content")
    return checked


@pytest.fixture(scope="session")
def rendered(content: Content) -> dict[str, str]:
    pages, _ = render_pages(content)
    return pages


def pay_block(page: str) -> str:
    """The Markdown of a role page's "What it pays" block, up to the end of its part of the at-a-glance box."""
    return page.split("{ #at-a-glance-pay }", 1)[1].split("</div>", 1)[0]
