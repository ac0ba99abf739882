"""`properdocs serve --dirty` on a copy of the content: a save shows up, and an invalid save shows its located error."""

from __future__ import annotations

import json
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from bench.preview import error_shown, fetch, save_to_served, serve, wait_for
from tests.sitebuild import REPO

pytestmark = pytest.mark.slow


def test_a_saved_change_is_served(tmp_path: Path) -> None:
    shutil.copytree(REPO / "content", tmp_path / "content")
    times = save_to_served(tmp_path / "content", edits=1, timeout=60)
    assert times[0] < 60


def test_an_invalid_save_shows_its_error_on_the_last_valid_page(tmp_path: Path) -> None:
    shutil.copytree(REPO / "content", tmp_path / "content")
    assert error_shown(tmp_path / "content", timeout=60)


def test_fetch_of_a_closed_port_is_empty() -> None:
    assert fetch("http://127.0.0.1:9/") == ""


def test_site_search_holds_each_page_once_however_many_saves(tmp_path: Path) -> None:
    """A save changes an entry's page and the lists that show it; the preview's search has each page once, as saved."""
    content = tmp_path / "content"
    shutil.copytree(REPO / "content", content)
    server, url = serve(content, subprocess.DEVNULL)
    index_url = url.split("/skills/")[0] + "/search/search_index.json"
    skill = content / "skills" / "programming.yaml"
    original = skill.read_text(encoding="utf-8")
    try:
        assert wait_for(url, "Programming", timeout=300) is not None
        before = json.loads(fetch(index_url))["docs"]
        for save in range(3):
            time.sleep(1.0)
            token = f"Searchtoken{save}"
            skill.write_text(original.replace("description: ", f"description: {token} ", 1), encoding="utf-8")
            assert wait_for(url, token, timeout=60) is not None
            assert wait_for(index_url, token, timeout=60) is not None
        docs = json.loads(fetch(index_url))["docs"]
    finally:
        skill.write_text(original, encoding="utf-8")
        server.terminate()
        server.wait(timeout=30)
    assert sorted(doc["location"] for doc in docs) == sorted(doc["location"] for doc in before), "no page twice"
    texts = " ".join(doc["title"] + " " + doc["text"] for doc in docs)
    assert "Searchtoken2" in texts and "Searchtoken0" not in texts and "Searchtoken1" not in texts, "no old text"
