"""The edition a build makes: its date, and the offline copy and PDF of the same edition published with the site.

The date is the day of the commit the site is built from (SOURCE_DATE_EPOCH, which `handbook build` sets). The two
files are built before the site, into a folder (`handbook build --downloads DIR`); the site publishes each one whose
own record shows it is of this edition, at `downloads/<name>`, and states the size it measured. A file that is
missing, or is of another edition, is left out, and the pages say where to get it instead: nothing claims a size or
a date the build did not read from the file itself.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.pages.markdown import relative

OFFLINE_ZIP = "ml-engineering-handbook-offline.zip"
PDF = "ml-engineering-handbook.pdf"
FOLDER = "downloads"
"""Where the site publishes them, from its root."""
FOLDER_VARIABLE = "HANDBOOK_DOWNLOADS_DIR"
"""The folder `handbook build --downloads` names, handed to the generator and the MkDocs hook."""
SITE_URL_VARIABLE = "HANDBOOK_SITE_URL"
PDF_TITLE = "ML Engineering Handbook, edition of {date}"
"""The PDF's title (Chromium writes the page's title into the file), which records its edition."""
_TITLE_DATE = re.compile(r"edition of (\d{4}-\d{2}-\d{2})$")


@dataclass(frozen=True)
class Download:
    """A file of the edition: what it is, its name, where the site publishes it and its measured size."""

    kind: str
    name: str
    about: str
    source: Path
    size: str

    @property
    def label(self) -> str:
        """How a link to it reads: what it is, its format where the name does not say it, and its size."""
        return f"{self.kind} ({self.size})" if self.name.endswith(".pdf") else f"{self.kind} (zip, {self.size})"

    @property
    def path(self) -> str:
        """Its address from the site's root."""
        return f"{FOLDER}/{self.name}"


@dataclass(frozen=True)
class Edition:
    """What a build states about its edition."""

    date: str | None
    """YYYY-MM-DD, or None when the build was not given a date (the live preview)."""
    downloads: list[Download] = field(default_factory=list)
    left_out: list[str] = field(default_factory=list)
    """Why a file in the downloads folder was not published, one sentence each."""
    site_url: str | None = None


def date_of(epoch: int) -> str:
    """The edition's date: the day of `epoch` in UTC."""
    return dt.datetime.fromtimestamp(epoch, dt.UTC).date().isoformat()


def size(byte_count: int) -> str:
    """A file's size as the Data page gives sizes (1024 to the kilobyte)."""
    if byte_count >= 1024 * 1024:
        return f"{byte_count / 1024 / 1024:.1f} MB"
    return f"{byte_count / 1024:.0f} KB" if byte_count >= 1024 else f"{byte_count} bytes"


def zip_date(path: Path) -> str | None:
    """The edition a zip is of: the date every entry carries (`build.write_zip` stamps them with the commit's time)."""
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
    except (OSError, zipfile.BadZipFile):
        return None
    return dt.date(*entries[0].date_time[:3]).isoformat() if entries else None


def pdf_date(path: Path) -> str | None:
    """The edition a PDF is of, from its title (see PDF_TITLE); None if it has no such title or cannot be read."""
    try:
        from pypdf import PdfReader

        metadata = PdfReader(path).metadata
        title = metadata.get("/Title") if metadata is not None else None
    except Exception:  # not installed, not a PDF, damaged: in every case its edition is unknown
        return None
    found = _TITLE_DATE.search(str(title or ""))
    return found.group(1) if found else None


_FILES = (
    (OFFLINE_ZIP, "Offline copy", "the whole site in a zip that works from your disk, search included", zip_date),
    (PDF, "PDF", "the whole handbook in one document, with a contents list, to print or read anywhere", pdf_date),
)


def edition(epoch: int | None, folder: Path | None, site_url: str | None = None) -> Edition:
    """The edition of `epoch`, with the files in `folder` that are of the same edition."""
    date = date_of(epoch) if epoch is not None else None
    downloads, left_out = [], []
    for name, kind, about, read_date in _FILES:
        path = folder / name if folder is not None else None
        if path is None or date is None or not path.is_file():
            continue
        found = read_date(path)
        if found != date:
            left_out.append(f"{path}: left out, it is of the edition of {found or 'an unknown date'}, not of {date}")
            continue
        downloads.append(Download(kind, name, about, path, size(path.stat().st_size)))
    return Edition(date, downloads, left_out, site_url or None)


def from_environment() -> Edition:
    """The edition as `handbook build` describes it to the generator and the hook through the environment."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    folder = os.environ.get(FOLDER_VARIABLE)
    return edition(
        int(epoch) if epoch.isdigit() else None, Path(folder) if folder else None, os.environ.get(SITE_URL_VARIABLE)
    )


def view(found: Edition, page: str) -> dict[str, Any]:
    """What a page shows of the edition: the date and each file linked from `page`, or where to find them."""
    online = f"{found.site_url.rstrip('/')}/data/#the-whole-handbook" if found.site_url else None
    return {
        "date": found.date,
        "files": [
            {"kind": item.kind, "about": item.about, "href": relative(page, item.path), "label": item.label}
            for item in found.downloads
        ],
        "online": online,
    }
