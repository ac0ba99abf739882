"""The only module that talks to the site builder: ProperDocs, the maintained continuation of MkDocs 1.x.

It validates the content and hands the generated pages to the build. Material for MkDocs imports `mkdocs.*`;
ProperDocs' `replacement` module, imported first, makes those names mean ProperDocs in this process (its own
command line does the same), so the theme and its plugins run unchanged.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
import jinja2.bccache
import properdocs.replacement  # noqa: F401 - before any theme loads: its `mkdocs` imports now mean ProperDocs
from properdocs.commands import build as properdocs_build
from properdocs.config import load_config
from properdocs.config.defaults import ProperDocsConfig
from properdocs.exceptions import PluginError, ProperDocsException
from properdocs.plugins import event_priority
from properdocs.structure.files import File, Files
from properdocs.structure.pages import Page

from generator.content import report
from generator.publish import editions, prepared
from generator.publish.preview import CompiledTemplates, Preview, error_page, mark_site, nav_paths, without_pages

if TYPE_CHECKING:  # the live-reload server (and its file watcher) is only loaded by `properdocs serve`
    from properdocs.livereload import LiveReloadServer


def content_dir(config: ProperDocsConfig) -> Path:
    """content/ beside the configuration file (HANDBOOK_CONTENT_DIR overrides it, for test builds)."""
    override = os.environ.get("HANDBOOK_CONTENT_DIR")
    return Path(override) if override else Path(config.config_file_path).parent / "content"


class _Generated(File):
    """A generated page whose HTML from the previous preview build is still right: a dirty rebuild skips it."""

    def is_modified(self) -> bool:
        return False


_preview = Preview()
_compiled = CompiledTemplates()
_serving = False


def _not_the_dirty_warning(record: logging.LogRecord) -> bool:
    return not record.getMessage().startswith("A 'dirty' build is being performed")


def on_startup(command: str, dirty: bool, **_: Any) -> None:
    """Remember whether this process serves the preview (where invalid content must not stop the server).

    `serve --dirty` is how the preview rebuilds only changed pages; ProperDocs warns about it on every build, and
    in strict mode that warning alone would abort the build, so the preview drops it.
    """
    global _serving
    _serving = command == "serve"
    if _serving and dirty:
        logging.getLogger("properdocs.commands.build").addFilter(_not_the_dirty_warning)


LINEAR_MARKDOWN = "generator.publish.linear_markdown"
"""Reads escaped text a run of references at a time, so a page's build time grows linearly with its text."""


def on_config(config: ProperDocsConfig, **_: Any) -> ProperDocsConfig:
    """Add the linear reading of escaped text here rather than in mkdocs.yml: a builder that cannot import the
    generator (Zensical, the hook-free folder) reads the same config, and the extension changes speed, not output."""
    if LINEAR_MARKDOWN not in config.markdown_extensions:
        config.markdown_extensions.append(LINEAR_MARKDOWN)
    return config


def on_serve(server: LiveReloadServer, config: ProperDocsConfig, **_: Any) -> LiveReloadServer:
    """Watch the content folder actually built from (it may be HANDBOOK_CONTENT_DIR, not content/)."""
    server.watch(str(content_dir(config)))
    return server


@event_priority(100)
def on_files(files: Files, config: ProperDocsConfig, **_: Any) -> Files:
    """Validate the content, render every page and add it as a generated file with its edit link.

    In the preview, invalid content keeps the last valid pages (the errors are added to them after the build),
    and a page whose Markdown is the same as in the previous build is marked unmodified, so that
    `properdocs serve --dirty` rebuilds only the pages a save changed.
    """
    site = prepared.take(content_dir(config), reuse=_serving)
    if report.failed(site.issues, strict=True):
        errors = report.render(site.issues, strict=True)
        if not _serving:
            raise PluginError("content is not valid:\n" + errors)
        _preview.errors = errors
        print(errors, file=sys.stderr)
        if _preview.last_good is None:  # nothing valid yet: every page of the navigation shows the errors
            paths = ["index.md", *nav_paths(config.nav)]
            site = prepared.Prepared(site.issues, dict.fromkeys(paths, error_page(errors)), dict.fromkeys(paths))
        else:
            site = _preview.last_good
    else:
        _preview.errors = None
        _preview.last_good = site
    _unread.clear()
    if _serving:
        _preview.start(site.pages)
    for path in site.pages:
        existing = files.get_file_from_path(path)
        if existing is not None:
            files.remove(existing)
        if _serving:
            text = site.pages[path]
            file = (_Generated if _preview.unchanged(path, text) else File).generated(config, path, content=text)
        elif not path.endswith(".md"):  # a download, copied as it is: the background process sends those first
            file = File.generated(config, path, content=site.pages[path])
        else:  # the Markdown may still be on its way from the background process: read it when the page is
            file = File.generated(config, path, content="")
            _unread[path] = site.pages
        file.edit_uri = site.sources.get(path) if config.repo_url else None
        files.append(file)
    _add_edition(files, config)
    return files


def _add_edition(files: Files, config: ProperDocsConfig) -> None:
    """Publish the edition's offline copy and PDF, copied as they are, and give the footer what it says of them."""
    edition = editions.from_environment()
    for reason in edition.left_out:
        print(f"handbook: {reason}", file=sys.stderr)
    for item in edition.downloads:
        files.append(File.generated(config, item.path, abs_src_path=str(item.source)))
    config.extra["handbook_edition"] = {
        "date": edition.date,
        "files": [{"text": item.label, "path": item.path} for item in edition.downloads],
    }


_unread: dict[str, Mapping[str, str]] = {}
"""Page path → where its Markdown will be found, for generated pages whose text is filled in just in time."""


@event_priority(100)
def on_pre_page(page: Page, **_: Any) -> Page:
    """Give a generated page its Markdown just before ProperDocs reads it."""
    source = _unread.pop(page.file.src_uri, None)
    if source is not None:
        page.file.content_string = source[page.file.src_uri]
    return page


def on_env(env: jinja2.Environment, **_: Any) -> jinja2.Environment:
    """In the preview, reuse the theme's compiled templates from one rebuild to the next (keyed by their source)."""
    if _serving:
        env.bytecode_cache = _compiled
    return env


@event_priority(100)  # before the search plugin writes its index
def on_post_build(config: ProperDocsConfig, **_: Any) -> None:
    """In the preview: remember what was built, and show the content's errors on every page (or clear them)."""
    if not _serving:
        return
    _forget_rebuilt_pages_in_search(config)
    _preview.finish(succeeded=True)
    if _preview.errors is not None or _preview.bannered:
        mark_site(Path(config.site_dir), _preview.errors)
        _preview.bannered = _preview.errors is not None


def _forget_rebuilt_pages_in_search(config: ProperDocsConfig) -> None:
    """Drop every page rebuilt now from the search index kept from the last build, before the theme adds them anew.

    The theme's search keeps its index between preview builds and, assuming one page changes per save, replaces
    only the first rebuilt page's entries: a save that changes several pages (an entry and the lists that show it)
    would leave their old entries in, once more with every save.
    """
    search = config.plugins.get("material/search")
    kept, now = getattr(search, "search_index_prev", None), getattr(search, "search_index", None)
    if kept is None or now is None:
        return
    kept.entries = without_pages(kept.entries, now.entries)


def on_build_error(error: Exception, **_: Any) -> None:
    """A failed build leaves the site folder in an unknown state: the next preview build rebuilds every page."""
    _preview.finish(succeeded=False)


def build(config_file: Path, site_dir: Path) -> bool:
    """`properdocs build --strict` in this process (no second interpreter); problems go to stderr; False on failure.

    Only warnings and errors are shown, and every warning fails the build, as strict mode intends. Material logs
    under the old `mkdocs` name; as ProperDocs' command line does, that logger reports through ProperDocs' own, so
    the theme's warnings count in strict mode too.
    """
    logging.getLogger("mkdocs").parent = logging.getLogger("properdocs")
    logger = logging.getLogger("properdocs")
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
            properdocs_build.build(config)
        finally:
            config.plugins.on_shutdown()
    except ProperDocsException as exc:
        print(f"\n{exc}", file=sys.stderr)
        return False
    finally:
        logger.removeHandler(handler)
        logger.setLevel(saved[0])
        logger.propagate = saved[1]
    return True
