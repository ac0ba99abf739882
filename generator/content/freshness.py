"""What is due for review: figures whose data have aged, and addressed sources not read again for a while.

Ages are counted from a given day: today on the command line, and on the site the day a source was last read, so
that the same content always builds the same page.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from generator.content.checker import Content
from generator.content.issues import Issue
from generator.content.models.evidence import Fact
from generator.content.models.sources import Source

FIGURE_MAX_YEARS = 2
"""A figure is due for review when the newest year its period names (or, with no period, the year its source
appeared) is more than this many years before the day counted from."""
SOURCE_MAX_DAYS = 365
"""An addressed source is due to be read again when it was last read more than this many days before."""

_YEAR = re.compile(r"(?<![0-9])(19[0-9]{2}|20[0-9]{2})(?![0-9])")


@dataclass(frozen=True)
class Due:
    """One entry due for review: which, why, and where its date is written."""

    kind: str
    id: str
    reason: str
    issue: Issue


def data_year(fact: Fact, source: Source | None, today: dt.date) -> tuple[int | None, str]:
    """The year a figure's data are from, and what that year was read from.

    The newest year its period names; but a period reaching past `today` is a projection, which is as old as the
    year it starts from.
    """
    years = [int(year) for year in _YEAR.findall(fact.period)]
    if years and not fact.period.startswith("not stated"):
        year = min(years) if max(years) > today.year else max(years)
        return year, f"its period, {fact.period!r}"
    if source is not None and not isinstance(source.date, str):
        return source.date.year, f"its source's date ({source.date}), the period not being stated"
    return None, "neither its period nor its source's date"


def last_read(content: Content) -> dt.date | None:
    """The most recent day an addressed source was read: the day the site's review page counts from."""
    dates = [
        source.accessed
        for source in content.entities["sources"].values()
        if isinstance(source, Source) and source.accessed is not None
    ]
    return max(dates) if dates else None


def due(content: Content, today: dt.date) -> list[Due]:
    """Every figure and source due for review on `today`, each as a located warning, in file order."""
    found: list[Due] = []
    sources = content.entities["sources"]
    for fact_id, fact in sorted(content.entities["facts"].items()):
        assert isinstance(fact, Fact)
        source = sources.get(fact.source)
        year, basis = data_year(fact, source if isinstance(source, Source) else None, today)
        if year is not None and today.year - year <= FIGURE_MAX_YEARS:
            continue
        age = f"{today.year - year} years old" if year is not None else "of unknown age"
        reason = f"the data are {age}, judged by {basis}; look for a newer edition at the publisher"
        found.append(Due("facts", fact_id, reason, _warning(content, "facts", fact_id, "period", reason)))
    for source_id, source in sorted(sources.items()):
        assert isinstance(source, Source)
        if source.accessed is None or (today - source.accessed).days <= SOURCE_MAX_DAYS:
            continue
        days = (today - source.accessed).days
        reason = f"last read {days} days ago, on {source.accessed}; read the page again and update accessed"
        found.append(Due("sources", source_id, reason, _warning(content, "sources", source_id, "accessed", reason)))
    return found


def _warning(content: Content, kind: str, entity_id: str, field: str, reason: str) -> Issue:
    doc = content.document(kind, entity_id)
    line, col = doc.position((field,))
    return Issue(doc.path, line, col, f"{field}: due for review: {reason}", "warning")
