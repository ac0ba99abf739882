"""Hostile content comes out as visible text: no script, event handler, attribute or unsafe URL reaches the site."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.sitebuild import build, fixture_files, handbook, write_content

pytestmark = pytest.mark.slow

MARK = "PWNED"
HOSTILE = f'<script>alert("{MARK}")</script> <img src=x onerror=alert(1)> {{: onclick="alert(1)" }} | a | [x](javascript:alert(1)) &lt;b&gt; *{MARK}*'


def _hostile_files() -> dict[str, str]:
    files = fixture_files()
    quoted = json.dumps(HOSTILE)  # a JSON string is a valid YAML double-quoted scalar
    files["roles/data-scientist.yaml"] = (
        files["roles/data-scientist.yaml"]
        .replace("title: Data scientist", f"title: {quoted}")
        .replace("summary: Answers questions with data.", f"summary: {quoted}")
    )
    files["skills/python.yaml"] = files["skills/python.yaml"].replace("name: Python", f"name: {quoted}")
    files["terms/ml.yaml"] = files["terms/ml.yaml"].replace(
        "expansion: Machine learning", f"expansion: {json.dumps(chr(34) + '><script>alert(1)</script>')}"
    )
    files["terms/xss.yaml"] = (
        "# yaml-language-server: $schema=../../schema/term.schema.json\n"
        f"abbreviation: XSS\nexpansion: {quoted}\ndefinition: {quoted}\nsources: [article]\n"
    )
    files["faqs/what-is-it.yaml"] = files["faqs/what-is-it.yaml"].replace(
        "question: What does an ML engineer do?", f"question: {quoted}"
    )
    files["comparisons/data-scientist-vs-ml-engineer.yaml"] = files[
        "comparisons/data-scientist-vs-ml-engineer.yaml"
    ].replace("left: Rarely builds them.", f"left: {quoted}")
    files["sources/article.yaml"] += f"notes: {quoted}\n"
    files["facts/typical-salary.yaml"] = files["facts/typical-salary.yaml"].replace(
        "region: United States", f"region: {quoted}"
    )
    return files


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    content = write_content(root, _hostile_files())
    return build(root / "site", content=content)


def _unsafe(value: str) -> bool:
    return value.strip().lower().replace("\t", "").replace("\n", "").startswith(("javascript:", "data:", "vbscript:"))


def test_no_script_handler_or_unsafe_url_in_any_page(hostile_site: Path) -> None:
    problems = []
    for path in sorted(hostile_site.rglob("*.html")):
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for script in page.find_all("script"):
            if script.get("type") == "application/json":  # data, never run: it may hold the text, but no markup
                if "<" in script.get_text() or json.loads(script.get_text()) is None:
                    problems.append(f"{path}: data script {script.get('id')} holds markup")
                continue
            if script.get("type") == "application/ld+json" and not set(script.get_text()) & {"<", ">", "&"}:
                continue  # data, not code; test_structured_data_keeps_hostile_text_inside_its_script checks it
            if MARK in script.get_text() or "alert" in script.get_text() or MARK in str(script.get("src", "")):
                problems.append(f"{path}: script {script}")
        for element in page.find_all(True):
            for name, value in element.attrs.items():
                if name.lower().startswith("on"):
                    problems.append(f"{path}: <{element.name} {name}=...>")
                if name in ("href", "src", "action", "formaction", "xlink:href") and _unsafe(str(value)):
                    problems.append(f"{path}: <{element.name} {name}={value!r}>")
            if element.name in ("img", "iframe", "object", "embed", "b"):
                problems.append(f"{path}: injected <{element.name}>") if MARK in str(element) or "alert" in str(
                    element
                ) else None
    assert problems == []


def test_the_planner_data_holds_the_hostile_text_exactly(hostile_site: Path) -> None:
    page = BeautifulSoup((hostile_site / "planner" / "index.html").read_text(encoding="utf-8"), "html.parser")
    script = page.find("script", id="planner-data")
    assert script is not None and script.get("type") == "application/json"
    data = json.loads(script.get_text())
    assert data["skills"]["python"]["name"] == HOSTILE
    assert HOSTILE in [role["title"] for role in data["roles"]]


def test_hostile_text_is_shown_as_text(hostile_site: Path) -> None:
    page = BeautifulSoup(
        (hostile_site / "roles" / "data-scientist" / "index.html").read_text(encoding="utf-8"), "html.parser"
    )
    heading = page.select_one("article h1")
    assert heading is not None
    for permalink in heading.select("a.headerlink"):
        permalink.decompose()
    assert heading.get_text() == HOSTILE
    title = page.find("title")
    assert title is not None and "<script>" in title.get_text() and title.find("script") is None


def test_search_index_holds_text_not_markup(hostile_site: Path) -> None:
    index = json.loads((hostile_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    for doc in index["docs"]:
        for field in ("title", "text"):
            assert "<script" not in doc[field] and "onerror" not in doc[field].replace("onerror=alert", ""), doc[
                "location"
            ]


def test_markup_as_an_abbreviation_is_refused(tmp_path: Path) -> None:
    files = fixture_files()
    files["terms/ml.yaml"] = files["terms/ml.yaml"].replace(
        "abbreviation: ML", 'abbreviation: "<b onmouseover=alert(1)>"'
    )
    result = handbook("validate", str(write_content(tmp_path, files)))
    assert result.returncode == 1
    assert "abbreviation: '<b onmouseover=alert(1)>' is not an abbreviation" in result.stdout


def _json_ld(path: Path) -> list[str]:
    page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    return [script.get_text() for script in page.find_all("script", type="application/ld+json")]


def test_structured_data_keeps_hostile_text_inside_its_script(hostile_site: Path) -> None:
    """The JSON-LD holds the hostile text as data: the element is whole, parses, and gives the text back."""
    role = hostile_site / "roles" / "data-scientist" / "index.html"
    [occupation] = _json_ld(role)
    assert not set(occupation) & {"<", ">", "&"}
    data = json.loads(occupation)
    assert data["name"] == HOSTILE and data["description"] == HOSTILE
    [faq] = _json_ld(hostile_site / "faq" / "index.html")
    assert HOSTILE in [question["name"] for question in json.loads(faq)["mainEntity"]]
    [glossary] = _json_ld(hostile_site / "glossary" / "index.html")
    terms = json.loads(glossary)["hasDefinedTerm"]
    assert any(term["name"] == HOSTILE and term["description"] == HOSTILE for term in terms)
    head = BeautifulSoup(role.read_text(encoding="utf-8"), "html.parser").head
    assert head is not None and len(head.find_all("script", type="application/ld+json")) == 1
