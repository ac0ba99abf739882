"""The preview's memory between rebuilds, and the error banner it puts on the last valid pages."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from generator.publish.preview import Preview, error_page, mark_site, with_banner, without_banner, without_pages

PAGE = '<html><body><div><article class="md-content__inner md-typeset"><h1>Python</h1></article></div></body></html>'
REPORT = (
    "content/skills/python.yaml:3:11: category: expected one of 'a', got '<b>x</b>'\nAborted with 1 error in 1 file."
)


def test_only_pages_whose_markdown_changed_are_rebuilt() -> None:
    preview = Preview()
    preview.start({"a.md": "one", "b.md": "two"})
    assert not preview.unchanged("a.md", "one")  # nothing is built until the first build completes
    preview.finish(succeeded=True)
    assert preview.unchanged("a.md", "one")
    assert not preview.unchanged("b.md", "changed")
    assert not preview.unchanged("c.md", "new page")


def test_a_failed_build_forgets_what_was_built() -> None:
    preview = Preview()
    preview.start({"a.md": "one"})
    preview.finish(succeeded=True)
    preview.start({"a.md": "one"})
    preview.finish(succeeded=False)
    assert not preview.unchanged("a.md", "one")


def test_the_banner_shows_the_located_errors_as_text_at_the_top_of_the_article() -> None:
    article = BeautifulSoup(with_banner(PAGE, REPORT), "html.parser").find("article")
    assert article is not None
    first = article.find(True)
    assert first is not None and "failure" in first.get("class", [])
    assert first.find("pre").get_text() == REPORT
    assert article.find("b") is None


def test_the_banner_is_replaced_not_repeated_and_can_be_taken_away() -> None:
    twice = with_banner(with_banner(PAGE, "old"), REPORT)
    assert twice.count("admonition failure") == 1 and "old" not in twice
    assert without_banner(twice) == PAGE


def test_marking_the_site_adds_and_removes_the_banner_on_every_page(tmp_path: Path) -> None:
    for name in ("index.html", "skills/python/index.html"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(PAGE, encoding="utf-8")
    mark_site(tmp_path, REPORT)
    assert all("admonition failure" in path.read_text() for path in tmp_path.rglob("*.html"))
    mark_site(tmp_path, None)
    assert all(path.read_text() == PAGE for path in tmp_path.rglob("*.html"))


def test_before_any_valid_build_the_page_is_the_errors_as_code() -> None:
    html = BeautifulSoup(__import__("markdown").markdown(error_page(REPORT)), "html.parser")
    assert html.find("code").get_text().strip() == REPORT
    assert html.find("b") is None


def test_a_rebuilt_page_leaves_the_kept_search_entries_with_all_its_sections() -> None:
    kept = [
        {"location": "skills/"},
        {"location": "skills/#programming"},
        {"location": "skills/python/"},
        {"location": ""},
    ]
    rebuilt = [{"location": "skills/"}, {"location": ""}]
    assert without_pages(kept, rebuilt) == [{"location": "skills/python/"}]
    assert without_pages(kept, []) == kept
