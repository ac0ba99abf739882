"""Helpers for tests that build a real site with `handbook build` / `handbook offline` (MkDocs in a subprocess)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import markdown as md
import yaml
from mkdocs.utils.meta import get_data

REPO = Path(__file__).resolve().parents[1]


def handbook(*args: str, env: dict[str, str] | None = None, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    """Run the handbook command with this interpreter; output is captured for assertions."""
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    command = [sys.executable, "-m", "generator.cli", *args]
    return subprocess.run(command, cwd=cwd, env=full_env, capture_output=True, text=True, check=False)


def build(
    site_dir: Path, *, content: Path = REPO / "content", config: str = "mkdocs.yml", env: dict[str, str] | None = None
) -> Path:
    """Build a site strictly and fail the test with MkDocs' output if the build fails."""
    result = handbook(
        "build", "--config", str(REPO / config), "--content", str(content), "--site-dir", str(site_dir), env=env
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return site_dir


def write_content(root: Path, files: dict[str, str]) -> Path:
    """Write {relative path: text} under root/content."""
    for relative, text in files.items():
        path = root / "content" / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root / "content"


def fixture_files() -> dict[str, str]:
    """The base test content set plus the render fixture's extra files."""
    cases = Path(__file__).parent / "cases"
    base = yaml.safe_load((cases / "base.yaml").read_text(encoding="utf-8"))
    extra = yaml.safe_load((cases / "render" / "content.yaml").read_text(encoding="utf-8"))
    return {**base, **extra}


def site_extensions() -> list[object]:
    """The `markdown_extensions` of mkdocs.yml, as MkDocs hands them to Python-Markdown."""
    loader = type("Loader", (yaml.SafeLoader,), {})
    loader.add_multi_constructor("!", lambda *_: None)
    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=loader)
    return [*config["markdown_extensions"], "generator.publish.linear_markdown"]  # the build's hook adds it


def converter(*, linear: bool) -> Callable[[str], str]:
    """Markdown → HTML with the site's extensions, with or without this project's linear one."""
    names, configs = [], {}
    for entry in site_extensions():
        name, config = next(iter(entry.items())) if isinstance(entry, dict) else (entry, {})
        if name != "generator.publish.linear_markdown" or linear:
            names.append(name)
            configs[name] = config
    # MkDocs takes the front matter off a page before Markdown sees it.
    return lambda text: md.Markdown(extensions=names, extension_configs=configs).convert(get_data(text)[0])
