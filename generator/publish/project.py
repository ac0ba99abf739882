"""A folder any MkDocs-style builder can build as it is: the rendered pages with the static assets, and a config.

`handbook build` hands the pages to ProperDocs through its hook; this folder needs no hook at all. ProperDocs
builds it into the same site (the search index and the tags list hold the same entries, ordered by file rather
than by page, and there are no edit links, which only the hook can point at the YAML files), and Zensical, which
has no hooks, builds it too. The benchmark and the Zensical parity check build from it.
"""

from __future__ import annotations

import shutil
from pathlib import Path


def write(content: Path, config: Path, out: Path) -> Path:
    """Render `content` into `out`/docs beside the static assets of `config`'s folder, and write `out`/mkdocs.yml
    (see `configure`), whose site goes to `out`/site; returns that config's path. The pages and the footer give the
    edition `handbook build` would give (the day of the last commit), with no offline copy or PDF attached."""
    from generator.content import report
    from generator.content.validate import validate
    from generator.publish import editions
    from generator.publish.build import source_date_epoch
    from generator.publish.render import attachments, render_pages

    content_model, issues = validate(content, display_root=str(content))
    if report.failed(issues, strict=True):
        raise ValueError("content is not valid:\n" + report.render(issues, strict=True))
    edition = editions.edition(source_date_epoch(config.parent), None)
    rendered, pages = render_pages(content_model, edition)
    docs = out / "docs"
    shutil.copytree(config.parent / "docs", docs, dirs_exist_ok=True)
    for relative, text in {**rendered, **attachments(pages)}.items():
        target = docs / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8", newline="\n")
    return configure(out, config, name="mkdocs.yml", site_dir="site", date=edition.date)


def configure(out: Path, config: Path, *, name: str, site_dir: str, date: str | None = None) -> Path:
    """Write `out`/`name`: `config` (the site's or the offline copy's) as it is, but for the folder, the hook and
    the edit links, building `out`/docs into `out`/`site_dir`; the footer gives the edition of `date`, if any."""
    project = out / name
    footer = f"extra:\n  handbook_edition:\n    date: '{date}'\n    files: []\n" if date else ""
    project.write_text(
        f"INHERIT: {config.resolve()}\n"
        "docs_dir: docs\n"
        f"site_dir: {site_dir}\n"
        "hooks: []\n"
        "watch: []\n"
        # Without the hook, an edit link would open the generated Markdown, which is not in the repository.
        "edit_uri: ''\n"
        f"theme:\n  name: material\n  custom_dir: {(config.parent / 'overrides').resolve()}\n" + footer,
        encoding="utf-8",
    )
    return project
