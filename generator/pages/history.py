"""When each content file last changed, read from git in one pass, and where its history can be seen.

A copy without the repository's history (a tarball, a zip, a shallow clone) says so rather than guessing: a date
is given only for a file whose last change is a commit this copy holds in full.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from generator.content.models.base import URL_PATTERN
from generator.pages.site import Ref

REPO_URL_VARIABLE = "HANDBOOK_REPO_URL"
"""The repository's address (https://github.com/owner/name), as mkdocs.yml reads it for its edit links."""
BRANCH = "main"
_COMMIT = "\x01"


@dataclass
class History:
    """Content path (skills/python.yaml) → the date of the last commit that changed it."""

    changed: dict[str, dt.date] = field(default_factory=dict)
    cut_off: set[str] = field(default_factory=set)
    """Files whose newest commit in a shallow copy is where the copy was cut off: their last change is unknown."""
    available: bool = False
    """Whether git and the repository's history were there to read; when not, no file has a date."""
    repo_url: str | None = None

    def of(self, source_file: str) -> dict[str, object]:
        """What a page says about the history of its content file (`content/skills/python.yaml`)."""
        relative = source_file.removeprefix("content/")
        date = self.changed.get(relative)
        link = Ref("history", f"{self.repo_url}/commits/{BRANCH}/{source_file}") if self.repo_url else None
        if date is not None:
            return {"date": date.isoformat(), "link": link, "note": ""}
        if not self.available:
            note = "When this entry last changed is not known: this copy was built without the repository's history."
        elif relative in self.cut_off:
            note = "When this entry last changed is not known: this copy holds only the latest part of the history."
        else:
            note = "This entry is new: it has not been committed yet."
        return {"date": "", "link": link, "note": note}


def read(content_root: Path, *, repo_url: str | None = None) -> History:
    """The last change of every file under `content_root`, from one `git log`; empty when git or history is absent."""
    url = repo_url if repo_url is not None else os.environ.get(REPO_URL_VARIABLE)
    safe = url.rstrip("/") if url and re.fullmatch(URL_PATTERN, url) else None
    git = ["git", "-c", "core.quotePath=false", "-C", str(content_root)]
    try:
        shallow = _run([*git, "rev-parse", "--is-shallow-repository"]).strip() == "true"
        log = _run([*git, "log", f"--format={_COMMIT}%ct %P", "--name-only", "--no-renames", "--relative", "--", "."])
    except (OSError, subprocess.SubprocessError):
        return History(repo_url=safe)
    changed, cut_off = _last_changes(log, shallow=shallow)
    return History(changed, cut_off, available=True, repo_url=safe)


def _run(command: list[str]) -> str:
    environment = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"}
    return subprocess.run(command, capture_output=True, text=True, check=True, timeout=60, env=environment).stdout


def _last_changes(log: str, *, shallow: bool) -> tuple[dict[str, dt.date], set[str]]:
    """Path → date of its newest commit; and the paths whose newest commit is where a shallow copy was cut off.

    In a shallow copy, a commit without parents is the cut: it may stand for any number of older changes.
    """
    changed: dict[str, dt.date] = {}
    unknown: set[str] = set()
    date: dt.date | None = None
    for line in log.splitlines():
        if line.startswith(_COMMIT):
            stamp, *parents = line[1:].split(" ")
            cut_off = shallow and not [parent for parent in parents if parent]
            date = None if cut_off else dt.datetime.fromtimestamp(int(stamp), dt.UTC).date()
        elif line and line not in changed and line not in unknown:
            if date is None:
                unknown.add(line)
            else:
                changed[line] = date
    return changed, unknown
