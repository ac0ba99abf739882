"""The only module that talks to MkDocs: validates the content and adds the generated pages to the build."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import Any

from mkdocs.commands import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException, PluginError
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


def build(config_file: Path, site_dir: Path) -> bool:
    """`mkdocs build --strict` in this process (no second interpreter); problems go to stderr; False on failure.

    Only warnings and errors are shown, and every warning fails the build, as strict mode intends.
    """
    logger = logging.getLogger("mkdocs")
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-8s-  %(message)s"))
    handler.setLevel(logging.WARNING)
    saved = (logger.level, logger.propagate)
    logger.setLevel(logging.WARNING)
    logger.propagate = False
    logger.addHandler(handler)
    try:
        config = load_config(str(config_file), site_dir=str(site_dir), strict=True)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            mkdocs_build.build(config)
        finally:
            config.plugins.on_shutdown()
    except MkDocsException as exc:
        print(f"\n{exc}", file=sys.stderr)
        return False
    finally:
        logger.removeHandler(handler)
        logger.setLevel(saved[0])
        logger.propagate = saved[1]
    return True
