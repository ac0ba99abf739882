"""Rendered Markdown for a small fixture content set matches the reviewed golden files, page for page."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from generator.content.validate import validate
from generator.publish.render import render_pages

CASE = Path(__file__).parents[1] / "cases" / "render"
EXPECTED = CASE / "expected"


@pytest.fixture
def rendered(make_content: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    monkeypatch.delenv("HANDBOOK_REPO_URL", raising=False)  # the history links depend on it
    for name in ("SOURCE_DATE_EPOCH", "HANDBOOK_DOWNLOADS_DIR", "HANDBOOK_SITE_URL"):  # and the edition on these
        monkeypatch.delenv(name, raising=False)
    root = make_content(yaml.safe_load((CASE / "content.yaml").read_text(encoding="utf-8")))
    content, issues = validate(root, display_root="content")
    assert [str(issue) for issue in issues] == []
    return render_pages(content)[0]


def test_rendered_markdown_matches_golden(rendered: dict[str, str], update_golden: bool) -> None:
    if update_golden:
        for old in EXPECTED.rglob("*.md"):
            old.unlink()
        for path, text in rendered.items():
            target = EXPECTED / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
    expected = {
        path.relative_to(EXPECTED).as_posix(): path.read_text(encoding="utf-8") for path in EXPECTED.rglob("*.md")
    }
    assert sorted(rendered) == sorted(expected)
    for path, text in rendered.items():
        assert text == expected[path], f"{path} differs from tests/cases/render/expected/{path}"


def test_every_entity_has_a_page_or_section(rendered: dict[str, str]) -> None:
    from generator.pages.site import PAGELESS, Linker

    content_files = yaml.safe_load((CASE / "content.yaml").read_text(encoding="utf-8"))
    base = yaml.safe_load((CASE.parent / "base.yaml").read_text(encoding="utf-8"))
    for relative in {**base, **content_files}:
        kind, name = relative.split("/")
        if kind in PAGELESS:
            continue  # a retired id names an entry that is gone; search words are read by search alone
        page, anchor = Linker.location(kind, name.removesuffix(".yaml"))
        assert page in rendered, relative
        if anchor:
            assert f"#{anchor}" in rendered[page] or f'id="{anchor}"' in rendered[page], relative


def test_a_page_defines_an_abbreviation_only_when_it_uses_it(rendered: dict[str, str]) -> None:
    for path, text in rendered.items():
        body, _, footer = text.partition("\n*[ML]: ")
        assert footer in ("", "Machine learning\n"), path
        shown = re.sub(r"<script\b.*?</script>", "", body, flags=re.S)  # a script's text is never shown
        assert bool(footer) == bool(re.search(r"\bML\b", shown)), path


def test_render_command_writes_the_same_pages_without_mkdocs(
    make_content: Callable[..., Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from generator.cli import main

    root = make_content(yaml.safe_load((CASE / "content.yaml").read_text(encoding="utf-8")))
    assert main(["render", "--content", str(root), "--out", str(tmp_path / "out")]) == 0
    written = {path.relative_to(tmp_path / "out").as_posix() for path in (tmp_path / "out").rglob("*.md")}
    assert written == {path.relative_to(EXPECTED).as_posix() for path in EXPECTED.rglob("*.md")}


def test_generator_never_imports_the_site_builder_outside_its_adapter() -> None:
    package = Path(__file__).resolve().parents[2] / "generator"
    builder = re.compile(r"^\s*(import|from) (mkdocs|properdocs|material|zensical)\b", re.MULTILINE)
    importers = sorted(
        path.relative_to(package).as_posix() for path in package.rglob("*.py") if builder.search(path.read_text())
    )
    assert importers == ["publish/mkdocs_hooks.py"]


def test_the_adapter_makes_materials_mkdocs_imports_mean_properdocs() -> None:
    """Material imports `mkdocs`; once the adapter is loaded, that name is ProperDocs, even where MkDocs is installed."""
    check = (
        "import generator.publish.mkdocs_hooks, mkdocs.plugins, properdocs.plugins, material.plugins.search.plugin as s;"
        "assert mkdocs.plugins is properdocs.plugins;"
        "assert issubclass(s.SearchPlugin, properdocs.plugins.BasePlugin)"
    )
    result = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


def test_a_skills_matrix_too_big_to_read_becomes_the_roles_of_each_skill(
    make_content: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    from bs4 import BeautifulSoup
    from markdown import markdown

    from generator.pages import overviews

    root = make_content(yaml.safe_load((CASE / "content.yaml").read_text(encoding="utf-8")))
    monkeypatch.setattr(overviews, "MATRIX_CELLS", 0)
    text = render_pages(validate(root, display_root="content")[0])[0]["skills/index.md"]
    table = BeautifulSoup(markdown(text, extensions=["tables", "md_in_html"]), "html.parser").find_all("table")[-1]
    assert [th.get_text() for th in table.find_all("th")] == ["Skill", "Essential for", "Optional for"]
    rows = {
        tr.find("td").get_text(): [td.get_text() for td in tr.find_all("td")[1:]] for tr in table.find_all("tr")[1:]
    }
    assert rows["Python"][0] != "" and "Machine learning engineer" in rows["Python"][0]
