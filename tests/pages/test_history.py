"""When each content file last changed, from one `git log`; and what a copy without the history says instead."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

import pytest

from generator.pages import history

DAY = 86_400
START = 1_700_000_000  # 2023-11-14 22:13:20 UTC


def git(repo: Path, *args: str, when: int = START) -> None:
    environment = {
        **os.environ,
        "GIT_AUTHOR_NAME": "A",
        "GIT_AUTHOR_EMAIL": "a@example.org",
        "GIT_COMMITTER_NAME": "A",
        "GIT_COMMITTER_EMAIL": "a@example.org",
        "GIT_AUTHOR_DATE": f"{when} +0000",
        "GIT_COMMITTER_DATE": f"{when} +0000",
    }
    command = ["git", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", "-C", str(repo), *args]
    subprocess.run(command, env=environment, check=True, capture_output=True)


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    """A repository whose content/ changed on three days: a.yaml on days 0 and 2, b.yaml on day 1."""
    repo = tmp_path / "repo"
    (repo / "content" / "skills").mkdir(parents=True)
    git(repo, "init", "-q")
    for day, name in ((0, "a"), (1, "b"), (2, "a")):
        (repo / "content" / "skills" / f"{name}.yaml").write_text(f"day {day}\n", encoding="utf-8")
        git(repo, "add", "-A")
        git(repo, "commit", "-q", "-m", f"day {day}", when=START + day * DAY)
    return repo


def test_each_file_has_the_date_of_its_last_commit(repository: Path) -> None:
    found = history.read(repository / "content", repo_url="https://github.com/o/r/")
    assert found.available
    assert found.changed == {"skills/a.yaml": dt.date(2023, 11, 16), "skills/b.yaml": dt.date(2023, 11, 15)}
    shown = found.of("content/skills/a.yaml")
    assert shown["date"] == "2023-11-16"
    assert getattr(shown["link"], "href", None) == "https://github.com/o/r/commits/main/content/skills/a.yaml"


def test_a_file_not_committed_yet_says_so(repository: Path) -> None:
    (repository / "content" / "skills" / "c.yaml").write_text("new\n", encoding="utf-8")
    shown = history.read(repository / "content", repo_url="").of("content/skills/c.yaml")
    assert shown == {"date": "", "link": None, "note": "This entry is new: it has not been committed yet."}


def test_a_shallow_clone_dates_only_what_it_holds_in_full(repository: Path, tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "2", repository.as_uri(), str(clone)], check=True, capture_output=True
    )
    found = history.read(clone / "content", repo_url="")
    assert found.changed == {"skills/a.yaml": dt.date(2023, 11, 16)}  # day 2 has its parent in the clone
    assert found.cut_off == {"skills/b.yaml"}  # day 1 is where the clone stops: b may have changed before
    assert "only the latest part of the history" in str(found.of("content/skills/b.yaml")["note"])


def test_without_git_history_no_date_is_invented(tmp_path: Path) -> None:
    found = history.read(tmp_path, repo_url="https://github.com/o/r")
    assert not found.available and found.changed == {}
    shown = found.of("content/skills/a.yaml")
    assert shown["date"] == ""
    assert shown["note"] == (
        "When this entry last changed is not known: this copy was built without the repository's history."
    )
    assert getattr(shown["link"], "href", None) == "https://github.com/o/r/commits/main/content/skills/a.yaml"


@pytest.mark.parametrize("address", ["http://github.com/o/r", "javascript:alert(1)", "", "https://exa mple.org/"])
def test_only_a_safe_https_address_gets_a_history_link(tmp_path: Path, address: str) -> None:
    assert history.read(tmp_path, repo_url=address).of("content/skills/a.yaml")["link"] is None


def test_the_address_comes_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HANDBOOK_REPO_URL", "https://github.com/o/r")
    assert history.read(tmp_path).repo_url == "https://github.com/o/r"
    monkeypatch.delenv("HANDBOOK_REPO_URL")
    assert history.read(tmp_path).repo_url is None
