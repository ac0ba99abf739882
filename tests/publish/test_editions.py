"""The site states an edition's date, and the size of its offline copy and PDF only when they are of that edition."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfWriter

from generator.publish.build import write_zip
from generator.publish.editions import OFFLINE_ZIP, PDF, PDF_TITLE, date_of, edition, pdf_date, size, view, zip_date
from tests.sitebuild import handbook

EPOCH = 1_764_806_400  # 2025-12-04 00:00 UTC
DAY = "2025-12-04"


def make_zip(folder: Path, epoch: int) -> Path:
    site = folder / "zipped-site"
    site.mkdir(parents=True, exist_ok=True)
    (site / "index.html").write_text("<p>hello</p>" * 500, encoding="utf-8")
    write_zip(site, folder / OFFLINE_ZIP, epoch=epoch)
    return folder / OFFLINE_ZIP


def make_pdf(folder: Path, title: str | None) -> Path:
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    if title is not None:
        writer.add_metadata({"/Title": title})
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / PDF).open("wb") as out:
        writer.write(out)
    return folder / PDF


def test_the_date_is_the_day_of_the_commit_in_utc() -> None:
    assert date_of(EPOCH) == DAY and date_of(EPOCH - 1) == "2025-12-03"


@pytest.mark.parametrize(
    ("byte_count", "shown"), [(900, "900 bytes"), (2048, "2 KB"), (2_297_642, "2.2 MB"), (9_357_014, "8.9 MB")]
)
def test_sizes_read_as_the_data_page_gives_them(byte_count: int, shown: str) -> None:
    assert size(byte_count) == shown


def test_files_of_the_same_edition_are_published_with_their_measured_size(tmp_path: Path) -> None:
    zipped = make_zip(tmp_path, EPOCH + 3600)  # the same day, later: still that day's edition
    printed = make_pdf(tmp_path, PDF_TITLE.format(date=DAY))
    found = edition(EPOCH, tmp_path)
    assert found.date == DAY and found.left_out == []
    assert [(item.name, item.size) for item in found.downloads] == [
        (OFFLINE_ZIP, size(zipped.stat().st_size)),
        (PDF, size(printed.stat().st_size)),
    ]
    assert [item.label for item in found.downloads] == [
        f"Offline copy (zip, {size(zipped.stat().st_size)})",
        f"PDF ({size(printed.stat().st_size)})",
    ]


def test_files_of_another_edition_or_of_none_are_left_out_with_the_reason(tmp_path: Path) -> None:
    make_zip(tmp_path, EPOCH - 86_400)
    make_pdf(tmp_path, "ML Engineering Handbook")
    found = edition(EPOCH, tmp_path)
    assert found.downloads == []
    assert found.left_out == [
        f"{tmp_path / OFFLINE_ZIP}: left out, it is of the edition of 2025-12-03, not of {DAY}",
        f"{tmp_path / PDF}: left out, it is of the edition of an unknown date, not of {DAY}",
    ]
    assert zip_date(tmp_path / "missing.zip") is None and pdf_date(tmp_path / "missing.pdf") is None


def test_without_a_date_or_a_folder_nothing_is_published(tmp_path: Path) -> None:
    make_zip(tmp_path, EPOCH)
    assert edition(None, tmp_path).downloads == []
    assert edition(EPOCH, None).downloads == [] and edition(EPOCH, None).date == DAY


def test_a_page_links_the_files_from_where_it_is(tmp_path: Path) -> None:
    make_zip(tmp_path, EPOCH)
    found = view(edition(EPOCH, tmp_path, "https://example.org/handbook/"), "data/index.md")
    assert [item["href"] for item in found["files"]] == [f"../downloads/{OFFLINE_ZIP}"]
    assert found["online"] == "https://example.org/handbook/data/#the-whole-handbook"


@pytest.mark.slow
def test_the_built_site_publishes_the_files_and_links_them_from_home_data_and_footer(tmp_path: Path) -> None:
    folder = tmp_path / "dist"
    zipped = make_zip(folder, EPOCH)
    printed = make_pdf(folder, PDF_TITLE.format(date=DAY))
    site = tmp_path / "site"
    result = handbook(
        "build", "--site-dir", str(site), "--downloads", str(folder), env={"SOURCE_DATE_EPOCH": str(EPOCH)}
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert (site / "downloads" / OFFLINE_ZIP).read_bytes() == zipped.read_bytes()
    assert (site / "downloads" / PDF).read_bytes() == printed.read_bytes()
    labels = {
        f"Offline copy (zip, {size(zipped.stat().st_size)})": f"downloads/{OFFLINE_ZIP}",
        f"PDF ({size(printed.stat().st_size)})": f"downloads/{PDF}",
    }
    for page, prefix in (("index.html", ""), ("data/index.html", "../")):
        soup = BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")
        for part in ("article", "footer"):
            links = {a.get_text(strip=True): a["href"] for a in soup.select(f"{part} a[href*='downloads/']")}
            assert links == {text: prefix + path for text, path in labels.items()}, (page, part)
        assert f"edition of {DAY}" in soup.select_one("article").get_text()
        assert f"Edition of {DAY}." in soup.select_one("footer").get_text(" ", strip=True)
