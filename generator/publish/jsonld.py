"""schema.org structured data (JSON-LD) for search engines: an Occupation per role, the FAQ and the glossary.

Every value comes from the validated content as the sources state it; nothing is added. The text placed in the
page is escaped so that no character of the content can end the script element it sits in.
"""

from __future__ import annotations

import json
import re
from typing import Any

from generator.content.checker import Content
from generator.content.models.careers import Role
from generator.content.models.evidence import Fact, Faq, Term
from generator.content.models.sources import CODE_SCHEME_NAMES, Source
from generator.content.rules.prose import FACT_REFERENCE
from generator.pages.evidence import age, context, figure
from generator.pages.site import Linker, Page

CONTEXT = "https://schema.org"
OCCUPATION_SCHEMES = ("onet-soc", "isco-08", "esco-occupation", "ifate-standard")
"""Classifications of occupations: their codes are a role's occupational category."""

_UNSAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"}
_YEAR = re.compile(r"[0-9]{4}")


def script_text(data: dict[str, Any]) -> str:
    """JSON for a <script type="application/ld+json"> element: one line of ASCII without <, > or &.

    HTML ends a script element at the first `</script`, whatever JSON thinks of it, so the three characters that
    could start a tag or an entity are written as JSON escapes, which mean the same character to a JSON reader.
    """
    text = json.dumps(data, ensure_ascii=True, separators=(",", ":"))
    return re.sub("[<>&]", lambda match: _UNSAFE[match.group(0)], text)


def plain(content: Content, text: str) -> str:
    """Prose with each {fact:ID} reference replaced by the figure it quotes, with its region and period."""

    def quoted(match: re.Match[str]) -> str:
        fact = content.entities["facts"][match.group(1)]
        assert isinstance(fact, Fact)
        source = content.entities["sources"][fact.source]
        assert isinstance(source, Source)
        return f"{figure(fact)} ({context(fact.region, fact.period, source)})"

    return FACT_REFERENCE.sub(quoted, text)


def _source(content: Content, source_id: str) -> dict[str, Any]:
    source = content.entities["sources"][source_id]
    assert isinstance(source, Source)
    work: dict[str, Any] = {"@type": "CreativeWork", "name": source.title}
    if source.url:
        work["url"] = source.url
    if source.publisher:
        work["publisher"] = {"@type": "Organization", "name": source.publisher}
    if source.date != "not stated":
        work["datePublished"] = str(source.date)
    return work


def salary(content: Content, fact: Fact) -> dict[str, Any]:
    """A salary fact as a MonetaryAmount: the figure, its currency, what it measures, period, region and source."""
    amount: dict[str, Any] = {"@type": "MonetaryAmount", "name": fact.statement, "currency": fact.currency}
    if isinstance(fact.value, int | float):
        amount["value"] = fact.value
    else:
        amount |= {"minValue": fact.value.min, "maxValue": fact.value.max}
    source = content.entities["sources"][fact.source]
    assert isinstance(source, Source)
    described = [fact.unit, f"region: {fact.region}", f"period: {age(fact.period, source)}"]
    amount["description"] = "; ".join(described + ([fact.attribution] if fact.attribution else []))
    if _YEAR.fullmatch(fact.period):
        amount |= {"validFrom": f"{fact.period}-01-01", "validThrough": f"{fact.period}-12-31"}
    amount["subjectOf"] = _source(content, fact.source)
    return amount


def occupation(content: Content, link: Linker, role_id: str, role: Role) -> dict[str, Any]:
    """A role as a schema.org Occupation."""
    facts = [
        fact for _, fact in sorted(content.entities["facts"].items()) if isinstance(fact, Fact) and fact.role == role_id
    ]
    data: dict[str, Any] = {"@context": CONTEXT, "@type": "Occupation", "name": role.title}
    if role.also_called:
        data["alternateName"] = list(role.also_called)
    data["description"] = plain(content, role.summary)
    optional: dict[str, Any] = {
        "skills": [link.title("skills", entry.skill) for entry in role.skills],
        "responsibilities": [link.title("responsibilities", item) for item in role.responsibilities],
        "educationRequirements": [plain(content, item.text) for item in role.education],
        "experienceRequirements": [
            f"{fact.statement}: {figure(fact)}"
            for fact in facts
            if fact.metric == "background" and "experience" in fact.unit.lower()
        ],
        "occupationalCategory": [
            {
                "@type": "CategoryCode",
                "codeValue": code.code,
                "name": code.title,
                "inCodeSet": {"@type": "CategoryCodeSet", "name": CODE_SCHEME_NAMES[code.scheme]},
                "subjectOf": _source(content, code.source),
            }
            for code in role.codes
            if code.scheme in OCCUPATION_SCHEMES
        ],
        "estimatedSalary": [salary(content, fact) for fact in facts if fact.metric == "salary" and fact.currency],
    }
    data |= {name: value for name, value in optional.items() if value}
    return data


def faq_page(content: Content) -> dict[str, Any]:
    """The FAQ as a schema.org FAQPage: each question with its answer as plain text."""
    questions = [
        {
            "@type": "Question",
            "name": faq.question,
            "acceptedAnswer": {"@type": "Answer", "text": plain(content, faq.answer)},
        }
        for _, faq in sorted(content.entities["faqs"].items())
        if isinstance(faq, Faq)
    ]
    return {"@context": CONTEXT, "@type": "FAQPage", "name": "Frequently asked questions", "mainEntity": questions}


def glossary(content: Content, link: Linker) -> dict[str, Any]:
    """The glossary as a schema.org DefinedTermSet; an abbreviation is the term's alternate name and code."""
    terms = []
    for term_id in link.sorted_ids("terms"):
        term = link.entity("terms", term_id)
        assert isinstance(term, Term)
        defined: dict[str, Any] = {"@type": "DefinedTerm", "name": term.expansion}
        if term.abbreviation:
            defined |= {"alternateName": term.abbreviation, "termCode": term.abbreviation}
        defined["description"] = plain(content, term.definition)
        terms.append(defined)
    return {"@context": CONTEXT, "@type": "DefinedTermSet", "name": "Glossary", "hasDefinedTerm": terms}


def attach(content: Content, pages: list[Page]) -> None:
    """Give each role page, the FAQ and the glossary their structured data."""
    link = Linker(content)
    for page in pages:
        if page.path.startswith("roles/") and page.path != "roles/index.md":
            role_id = page.path.removeprefix("roles/").removesuffix(".md")
            role = content.entities["roles"][role_id]
            assert isinstance(role, Role)
            page.jsonld = script_text(occupation(content, link, role_id, role))
        elif page.path == "faq.md":
            page.jsonld = script_text(faq_page(content))
        elif page.path == "glossary.md":
            page.jsonld = script_text(glossary(content, link))
