"""Pages at the addresses of retired entries, so that a link published before keeps leading somewhere useful.

A renamed or merged entry's old address sends the browser on to the entry that took its place (and says so, for a
browser that does not follow); a removed entry's old address says it was removed and points to the list of its kind.
Only kinds with pages of their own get these: a section of a shared page has no address of its own to keep.
"""

from __future__ import annotations

from collections.abc import Sequence

from generator.content.checker import Content
from generator.content.models import KIND_NAMES
from generator.content.models.evidence import Retired
from generator.content.retired import fates
from generator.pages.markdown import relative
from generator.pages.site import FOLDERS, LISTINGS, OWN_PAGES, Linker, Page, Ref

READER_NOUNS = {"transitions": "career move"}
"""What a reader calls an entry of a kind, where that is not the kind's own name."""


FORMER_PAGES = {"levels/index.md": ("ladder/index.md", "Career ladder")}
"""Where a page of the site's own was first published → where it is now, and its title."""


def former_pages(moved: Sequence[tuple[str, str, str]] = ()) -> list[Page]:
    """A page at each address the site's own pages had before (FORMER_PAGES, and `moved`: old page, new page,
    title), sending the browser on to where the page is now."""
    found = []
    for old, new, title in sorted([*((old, *rest) for old, rest in FORMER_PAGES.items()), *moved]):
        view = {
            "old": old.removesuffix("index.md").removesuffix(".md") + ("" if old.endswith("index.md") else "/"),
            "noun": "page",
            "becomes": "is now",
            "successor": Ref(title, relative(old, new)),
            "note": None,
            "listing": None,
        }
        found.append(Page(old, "moved.md.j2", f"Moved: {title}", view, retired=True, moved_to=new))
    return found


def moved_pages(content: Content, link: Linker) -> list[Page]:
    """One page for every retired id of a kind with pages of its own, in kind and id order."""
    found = []
    for kind, record in sorted(content.entities["retired"].items()):
        if kind not in OWN_PAGES or not isinstance(record, Retired):
            continue
        noun, (listing, listing_title) = READER_NOUNS.get(kind, KIND_NAMES[kind]), LISTINGS[FOLDERS.get(kind, kind)]
        notes = {entry.id: entry.note for entry in record.ids}
        for old, fate in sorted(fates(content, kind).items()):
            path = link.location(kind, old)[0]
            successor = link.ref(path, kind, fate.successor) if fate.successor else None
            view = {
                "old": old,
                "noun": noun,
                "becomes": "was merged into" if fate.reason == "merged" else "is now",
                "successor": successor,
                "note": notes.get(old),
                "listing": Ref(listing_title, relative(path, listing)),
            }
            title = f"Moved: {successor.text}" if successor else f"Removed {noun}"
            target = link.location(kind, fate.successor)[0] if fate.successor else None
            found.append(Page(path, "moved.md.j2", title, view, retired=True, moved_to=target))
    return found
