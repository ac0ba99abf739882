"""What readers type into site search: groups of everyday words and the words the handbook's pages use for them."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints

from generator.content.models.base import Entity, Name, Text

WORD_PATTERN = r"^[a-z0-9][a-z0-9+#.-]*( [a-z0-9][a-z0-9+#.-]*){0,2}$"
"""A word or a phrase of up to three words, in lower case, as a reader types it."""
Word = Annotated[str, StringConstraints(pattern=WORD_PATTERN, max_length=40)]
_PAGE = r"([a-z0-9-]+/)*(#[a-z0-9-]+)?"
PAGES_PATTERN = rf"^{_PAGE}( {_PAGE})*$"
"""Pages of the site as their addresses read from the site's root, separated by spaces ('faq/#how-much facts/')."""


class SearchQuery(Entity):
    """A question a reader types, and the pages any one of which should be among its first three results."""

    query: Name
    finds: Annotated[str, StringConstraints(pattern=PAGES_PATTERN, max_length=600)] = Field(
        description="The pages, from the site's root and separated by spaces: 'faq/#how-much-… facts/#salaries'."
    )


class Synonyms(Entity):
    """Everyday words for one thing: when a reader types one of `words`, site search also looks for `pages_say`."""

    words: Annotated[
        list[Word],
        Field(min_length=1, max_length=40, description="What readers type, in lower case: words or short phrases."),
    ]
    pages_say: Annotated[
        list[Word],
        Field(min_length=1, max_length=12, description="The words the handbook's pages use for the same thing."),
    ]
    note: Text | None = None
    queries: Annotated[list[SearchQuery], Field(max_length=40)] = Field(
        default=[], description="Searches that must find a page in their first three results (checked in the tests)."
    )
