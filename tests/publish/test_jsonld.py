"""schema.org structured data: every block parses, uses only the vocabulary, and content cannot break out of it."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup

from generator.content.models.careers import Role
from generator.content.models.evidence import Fact
from generator.content.validate import validate
from generator.pages.site import Linker
from generator.publish import jsonld
from generator.publish.render import Renderer, pages
from tests.schemaorg_vocab import Vocabulary

REPO = Path(__file__).resolve().parents[2]
HOSTILE = '</script><script>alert("x")</script> <!-- & \u2028 "quoted" \\ back'


@pytest.fixture(scope="module")
def vocabulary() -> Vocabulary:
    return Vocabulary()


@pytest.fixture(scope="module")
def content() -> Any:
    found, issues = validate(REPO / "content")
    assert not [issue for issue in issues if issue.severity == "error"]
    return found


def test_script_text_escapes_every_character_that_could_end_the_element() -> None:
    text = jsonld.script_text({"name": HOSTILE, "nested": [{"x": "<b>&amp;</b>"}]})
    assert not set(text) & {"<", ">", "&"}
    assert text.isascii() and "\n" not in text
    assert json.loads(text) == {"name": HOSTILE, "nested": [{"x": "<b>&amp;</b>"}]}


def test_front_matter_carries_the_json_ld_back_unchanged(content: Any) -> None:
    renderer = Renderer(content)
    for page in pages(content):
        if not page.jsonld:
            continue
        front = renderer.render(page).split("---\n")[1]
        meta = yaml.safe_load(front)
        assert meta["jsonld"] == page.jsonld, page.path


def test_every_role_is_an_occupation_that_passes_the_vocabulary(content: Any, vocabulary: Vocabulary) -> None:
    link = Linker(content)
    for role_id, role in content.entities["roles"].items():
        data = jsonld.occupation(content, link, role_id, role)
        assert vocabulary.check(data) == [], role_id
        assert data["name"] == role.title and data["description"] == role.summary


def test_salaries_carry_currency_period_and_source_and_codes_their_set(content: Any) -> None:
    link = Linker(content)
    role = content.entities["roles"]["ml-engineer"]
    assert isinstance(role, Role)
    data = jsonld.occupation(content, link, "ml-engineer", role)
    salaries = [
        fact
        for fact in content.entities["facts"].values()
        if isinstance(fact, Fact) and fact.role == "ml-engineer" and fact.metric == "salary" and fact.currency
    ]
    assert len(data["estimatedSalary"]) == len(salaries) > 0
    for amount in data["estimatedSalary"]:
        assert amount["currency"] in {"USD", "INR"}
        assert "period: " in amount["description"] and amount["subjectOf"]["name"]
    assert any("minValue" in amount for amount in data["estimatedSalary"]), "a range keeps both ends"
    assert data["educationRequirements"] and data["skills"] and data["responsibilities"]
    scientist = jsonld.occupation(content, link, "data-scientist", content.entities["roles"]["data-scientist"])
    category = scientist["occupationalCategory"][0]
    assert category["codeValue"] == "15-2051.00" and category["inCodeSet"]["name"] == "O*NET-SOC"
    dated = [amount for amount in scientist["estimatedSalary"] if "validFrom" in amount]
    assert dated and all(amount["validFrom"].endswith("-01-01") for amount in dated)


def test_faq_and_glossary_pass_the_vocabulary(content: Any, vocabulary: Vocabulary) -> None:
    faq = jsonld.faq_page(content)
    assert vocabulary.check(faq) == []
    assert len(faq["mainEntity"]) == len(content.entities["faqs"])
    assert not any("{fact:" in item["acceptedAnswer"]["text"] for item in faq["mainEntity"])
    terms = jsonld.glossary(content, Linker(content))
    assert vocabulary.check(terms) == []
    assert len(terms["hasDefinedTerm"]) == len(content.entities["terms"])


def test_the_vocabulary_check_catches_invented_properties_and_wrong_types(vocabulary: Vocabulary) -> None:
    bad = {
        "@type": "Occupation",
        "name": "x",
        "description": "y",
        "salary": 5,
        "estimatedSalary": {"@type": "Question", "name": "q", "acceptedAnswer": {"@type": "Answer", "text": "a"}},
        "occupationalCategory": 3,
        "acceptedAnswer": {"@type": "Answer", "text": "a"},
    }
    problems = vocabulary.check(bad)
    assert any(".salary: no such property" in problem for problem in problems)
    assert any("estimatedSalary[0]: Question is not one of" in problem for problem in problems)
    assert any("occupationalCategory[0]: a int is not one of" in problem for problem in problems)
    assert any(".acceptedAnswer: not a property of Occupation" in problem for problem in problems)
    assert vocabulary.check({"@type": "Occupation", "name": "x"}) == ["$: Occupation lacks description"]
    assert vocabulary.check({"@type": "JobRole"}) == ["$: unknown type JobRole"]


def _blocks(path: Path) -> list[Any]:
    page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    return [json.loads(script.string or "") for script in page.find_all("script", type="application/ld+json")]


@pytest.mark.slow
def test_every_built_role_page_faq_and_glossary_carry_valid_blocks(built_site: Path, vocabulary: Vocabulary) -> None:
    roles = sorted(path.parent.name for path in (built_site / "roles").glob("*/index.html"))
    assert "ml-engineer" in roles
    for role in roles:
        blocks = _blocks(built_site / "roles" / role / "index.html")
        assert [block["@type"] for block in blocks] == ["Occupation"], role
        assert vocabulary.check(blocks[0]) == [], role
        assert "{fact:" not in json.dumps(blocks[0]), f"{role}: a figure is quoted by its reference, not its value"
    for page, kind in (("faq", "FAQPage"), ("glossary", "DefinedTermSet")):
        blocks = _blocks(built_site / page / "index.html")
        assert [block["@type"] for block in blocks] == [kind]
        assert vocabulary.check(blocks[0]) == []
    assert _blocks(built_site / "roles" / "index.html") == [] and _blocks(built_site / "index.html") == []
    raw = (built_site / "roles" / "ml-engineer" / "index.html").read_text(encoding="utf-8")
    script = re.search(r'<script type="application/ld\+json">(.*?)</script>', raw, re.S)
    assert script is not None and not set(script.group(1)) & {"<", ">", "&"}
