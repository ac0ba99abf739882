"""The only module that talks to MkDocs: validates the content and adds the generated pages to the build."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from generator import report
from generator.render import render_pages
from generator.validate import validate


def content_dir(config: MkDocsConfig) -> Path:
    """content/ beside the configuration file (HANDBOOK_CONTENT_DIR overrides it, for test builds)."""
    override = os.environ.get("HANDBOOK_CONTENT_DIR")
    return Path(override) if override else Path(config.config_file_path).parent / "content"


@event_priority(100)
def on_files(files: Files, config: MkDocsConfig, **_: Any) -> Files:
    """Validate the content, render every page and add it as a generated file with its edit link."""
    root = content_dir(config)
    content, issues = validate(root, display_root="content")
    if report.failed(issues, strict=True):
        raise PluginError("content is not valid:\n" + report.render(issues, strict=True))
    rendered, pages = render_pages(content)
    for page in pages:
        existing = files.get_file_from_path(page.path)
        if existing is not None:
            files.remove(existing)
        file = File.generated(config, page.path, content=rendered[page.path])
        file.edit_uri = page.source_file if config.repo_url else None
        files.append(file)
    return files
