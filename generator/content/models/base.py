"""Field types every kind shares: ids, text, dates, addresses, the proficiency scale and the basis of a judgement."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal, get_args

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints
from pydantic_core import PydanticCustomError

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"


ID_MAX_LENGTH = 64


# Characters that text may not hold: C0 and C1 controls other than tab and newline, DEL, and the invisible
# marks that reorder or hide text (bidirectional controls and isolates, zero-width characters, BOM).
HIDDEN = "\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u2064\\u2066-\\u2069\\ufeff"


TEXT_PATTERN = f"^[^{HIDDEN}]*[^\\s{HIDDEN}][^{HIDDEN}]*$"
"""Text that is not blank and holds no control or invisible formatting character."""


NAME_MAX_LENGTH = 200


TEXT_MAX_LENGTH = 2000


LIST_MAX_ITEMS = 300
"""Limits that keep every page, and so every build, bounded; the real content uses well under half of each."""
TERMS_MAX = 500
"""The most glossary terms: the glossary page holds them all. Five hundred terms with every text at its longest,
each definition naming hundreds of abbreviations between markup characters, build in a few times the time of the
real content (tests/content/test_limits.py); a thousand such terms took about nine times."""


Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=ID_MAX_LENGTH)]


Name = Annotated[str, StringConstraints(pattern=TEXT_PATTERN, max_length=NAME_MAX_LENGTH)]
"""A short text shown in headings, links and table cells: a title, a name, a question."""


Text = Annotated[str, StringConstraints(pattern=TEXT_PATTERN, max_length=TEXT_MAX_LENGTH)]
"""A paragraph of prose."""


Sources = Annotated[
    list[Id], Field(min_length=1, max_length=50, description="Ids of the sources this entry is based on.")
]


URL_PATTERN = r"^https://[A-Za-z0-9.-]+(:[0-9]+)?([/?#][!#$%&()*+,./0-9:;=?@A-Z_a-z~-]*)?$"
"""An https address in plain ASCII (an international domain name is written in its xn-- form), so no lookalike
letter, space, quote or angle bracket can hide in it."""


_PLACEHOLDER = re.compile(r"\$\{|\{\{|\}\}|%7[BbDd]|%24%7[Bb]")
"""A template placeholder left unfilled in an address: ${...}, {{...}}, or their percent-encoded braces."""
TRACKING_PARAMETERS = frozenset(
    {"gclid", "gbraid", "wbraid", "dclid", "fbclid", "msclkid", "yclid", "igshid", "mc_cid", "mc_eid", "_ga", "_gl"}
    | {"gdpr", "gdpr_consent", "ref_src"}
)
"""Query parameters that say how a reader arrived (ads, mailings, consent banners), not which page; so do utm_*."""


def _canonical_address(value: str) -> str:
    """Refuse an address that carries a template placeholder or a tracking parameter: record the page's own."""
    placeholder = _PLACEHOLDER.search(value)
    if placeholder:
        raise ValueError(
            f"{value!r} holds the template placeholder {placeholder.group()!r}; record the page's own address, "
            "without the unfilled parameter"
        )
    query = value.partition("?")[2].partition("#")[0]
    for pair in filter(None, query.split("&")):
        name = pair.partition("=")[0].lower()
        if name.startswith("utm_") or name in TRACKING_PARAMETERS:
            raise ValueError(
                f"{value!r} carries the tracking parameter '{name}'; record the page's own address without it"
            )
    return value


Url = Annotated[
    str, StringConstraints(pattern=URL_PATTERN, max_length=NAME_MAX_LENGTH * 2), AfterValidator(_canonical_address)
]


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _date_text(value: object) -> object:
    """Read a quoted YYYY-MM-DD as the date it names, as the schema's `format: date` (and so every editor) does."""
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError as exc:
            raise PydanticCustomError("date_invalid", "not a real date: {reason}", {"reason": str(exc)}) from None
    return value


Date = Annotated[dt.date, BeforeValidator(_date_text)] | Literal["unknown"]


SourceDate = Annotated[dt.date, BeforeValidator(_date_text)] | Literal["not stated"]
"""A source's publication date, or 'not stated' when the source prints none."""


ReadDate = Annotated[dt.date, BeforeValidator(_date_text)]


Ids = Annotated[list[Id], Field(max_length=LIST_MAX_ITEMS)]


Names = Annotated[list[Name], Field(max_length=50)]


Keywords = Annotated[
    list[Annotated[str, StringConstraints(pattern=TEXT_PATTERN, max_length=60)]],
    Field(
        max_length=20,
        description="Words readers search for that the text itself may not use, e.g. 'salary' for a question "
        "about earnings; the page lists them as related terms, so site search finds it.",
    ),
]


Number = Annotated[float, Field(allow_inf_nan=False)]
"""A finite number: NaN and infinity are refused."""


ABBREVIATION_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9+/&.-]{0,15}$"


Abbreviation = Annotated[str, StringConstraints(pattern=ABBREVIATION_PATTERN)]
"""A short form as it appears in running text, e.g. 'ML' or 'A/B'; it must hold two capitals or digits."""


class Entity(BaseModel):
    """Common settings: unknown keys are rejected and no value is coerced from another type."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


Family = Literal["machine-learning", "data", "software", "education"]
"""Which field a role belongs to; 'education' is a starting point before the first job, such as a student."""


Importance = Literal["essential", "optional"]
"""How much a role depends on a skill."""


Proficiency = Literal["awareness", "working", "practitioner", "expert"]
"""The one proficiency scale, from least to most."""


PROFICIENCY_ORDER: tuple[str, ...] = get_args(Proficiency)


Basis = Literal["stated", "derived", "editorial"]
"""Where a judgement comes from: 'stated' when a cited source says it in words; 'derived' when it is read from a
cited source's wording, which `locator` quotes in at most eight words; 'editorial' for the handbook's own."""


LOCATOR_MAX_WORDS = 8


Locator = Annotated[
    str,
    StringConstraints(pattern=TEXT_PATTERN, max_length=120),
    Field(description="The source's words a derived value is read from: at most eight, quoted exactly."),
]


GlossBasis = Literal["sourced", "editorial"]
"""Whether a definition or description says what a cited source says, or is the handbook's own explanation of
a term the source only mentions."""
