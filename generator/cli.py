"""The `handbook` command: validate content, write schemas, render pages, scaffold entities."""

from __future__ import annotations

import argparse
import io
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from generator.content import report
from generator.content.models import KIND_NAMES

# Each command imports what it needs when it runs: `validate` never loads Jinja or MkDocs, `build` never loads
# the generator before MkDocs asks for it.


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="handbook", description="Tools for the ML Engineering Handbook content.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser("validate", help="check the content and report every problem with file:line:col")
    check.add_argument("content", nargs="?", default="content", metavar="CONTENT_DIR")
    check.add_argument("--strict", action="store_true", help="fail on warnings too")
    check.add_argument("--format", choices=report.FORMATS, default="text", dest="fmt")
    check.add_argument("--timing", action="store_true", help="print how long validation took")

    fresh = commands.add_parser(
        "freshness",
        help="list the figures whose data have aged and the sources not read for a year, as located warnings",
    )
    fresh.add_argument("content", nargs="?", default="content", metavar="CONTENT_DIR")
    fresh.add_argument("--format", choices=report.FORMATS, default="text", dest="fmt")
    fresh.add_argument("--today", metavar="YYYY-MM-DD", help="count ages from this day instead of today")

    make_schema = commands.add_parser("schema", help="write the JSON Schema of every kind for editors")
    make_schema.add_argument("--out", default="schema", metavar="DIR")

    render = commands.add_parser("render", help="write the generated Markdown pages to a folder, for any builder")
    render.add_argument("--content", default="content", metavar="CONTENT_DIR")
    render.add_argument("--out", required=True, metavar="DIR")

    export = commands.add_parser(
        "export", help="write the content as open data: JSON, CSV and a Frictionless datapackage.json"
    )
    export.add_argument("--content", default="content", metavar="CONTENT_DIR")
    export.add_argument("--out", required=True, metavar="DIR")

    build = commands.add_parser(
        "build", help="build the site with MkDocs (strict), replacing the old one only on success"
    )
    build.add_argument("--config", default="mkdocs.yml")
    build.add_argument("--content", default="content", metavar="CONTENT_DIR")
    build.add_argument("--site-dir", default="site", metavar="DIR")
    build.add_argument(
        "--downloads", default=None, metavar="DIR", help="publish the offline zip and the PDF of this edition from DIR"
    )

    offline = commands.add_parser("offline", help="build the offline copy as one deterministic zip")
    offline.add_argument("--config", default="mkdocs.offline.yml")
    offline.add_argument("--content", default="content", metavar="CONTENT_DIR")
    offline.add_argument("--zip", default="dist/ml-engineering-handbook-offline.zip", metavar="FILE")

    pdf = commands.add_parser("pdf", help="build the site and print the whole handbook to one PDF in Chromium")
    pdf.add_argument("--config", default="mkdocs.yml")
    pdf.add_argument("--content", default="content", metavar="CONTENT_DIR")
    pdf.add_argument("--out", default="dist/ml-engineering-handbook.pdf", metavar="FILE")

    new = commands.add_parser(
        "new",
        help="create a new entity file with every required field stubbed",
        description=f"Create content/<kind>/<id>.yaml. Kinds: {', '.join(KIND_NAMES.values())}.",
    )
    new.add_argument("kind", help="one of: " + ", ".join(KIND_NAMES.values()))
    new.add_argument("id", help="the new id, e.g. feature-stores")
    new.add_argument("--content", default="content", metavar="CONTENT_DIR")

    ids = commands.add_parser(
        "ids", help="add every id that has a file to content/published-ids.txt, the list of ids ever published"
    )
    ids.add_argument("content", nargs="?", default="content", metavar="CONTENT_DIR")

    prints = commands.add_parser(
        "fingerprint", help="write the hashes of the source articles' 12-word runs, for the own-words check"
    )
    prints.add_argument("--sources", required=True, metavar="DIR", help="the folder of *.txt source captures")
    prints.add_argument("--out", required=True, metavar="FILE")
    prints.add_argument(
        "--merge",
        action="store_true",
        help="add these captures' hashes to the existing FILE, dropping none (when older texts are absent)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the exit status (0 ok, 1 content problems, 2 usage error)."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):  # whatever the locale, a character it cannot encode is escaped
            stream.reconfigure(errors="backslashreplace")
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    if args.command == "validate":
        return _validate(args)
    if args.command == "freshness":
        return _freshness(args)
    if args.command == "schema":
        from generator.content import schema

        for path in schema.write(Path(args.out)):
            print(path)
        return 0
    if args.command == "render":
        return _render(Path(args.content), Path(args.out))
    if args.command == "export":
        return _export(Path(args.content), Path(args.out))
    if args.command == "build":
        from generator.publish.build import build_site

        downloads = Path(args.downloads) if args.downloads else None
        built = build_site(Path(args.config), Path(args.site_dir), content=Path(args.content), downloads=downloads)
        return 0 if built else 1
    if args.command == "offline":
        from generator.publish.build import build_offline

        return 0 if build_offline(Path(args.config), Path(args.zip), content=Path(args.content)) else 1
    if args.command == "pdf":
        from generator.publish.printbook import build_pdf

        return 0 if build_pdf(Path(args.config), Path(args.out), content=Path(args.content)) else 1
    if args.command == "new":
        return _new(Path(args.content), args.kind, args.id)
    if args.command == "ids":
        from generator.content.retired import MANIFEST, update_manifest

        if not Path(args.content).is_dir():
            print(f"handbook ids: {args.content} is not a folder", file=sys.stderr)
            return 2
        added = update_manifest(Path(args.content))
        print(f"added {added} id(s) to {Path(args.content) / MANIFEST}")
        return 0
    if args.command == "fingerprint":
        return _fingerprint(Path(args.sources), Path(args.out), merge=args.merge)
    return 2


def _freshness(args: argparse.Namespace) -> int:
    """Warnings only: an aged figure is still what its source published, so this never fails a build."""
    import datetime as dt

    from generator.content.freshness import due
    from generator.content.validate import validate

    try:
        today = dt.date.fromisoformat(args.today) if args.today else dt.date.today()
    except ValueError:
        print(f"handbook freshness: --today must be a date (YYYY-MM-DD), got {args.today!r}", file=sys.stderr)
        return 2
    content, issues = validate(Path(args.content), display_root=args.content)
    if report.failed(issues):
        print(report.render(issues, fmt=args.fmt), file=sys.stderr)
        return 1
    warnings = [item.issue for item in due(content, today)]
    if args.fmt == "text" and not warnings:
        print(f"Nothing is due for review on {today}.")
        return 0
    if args.fmt == "text":
        files = len({issue.file for issue in warnings})
        print("\n".join([*map(str, warnings), f"Due for review on {today}: {len(warnings)} in {files} files."]))
    else:
        print(report.render(warnings, fmt=args.fmt))
    return 0


def _fingerprint(sources: Path, out: Path, *, merge: bool = False) -> int:
    from generator.content import originality

    texts = originality.source_texts(sources)
    if not texts:
        print(f"handbook fingerprint: no *.txt source captures in {sources}", file=sys.stderr)
        return 2
    if merge and not out.is_file():
        print(f"handbook fingerprint: --merge needs an existing fingerprint at {out}", file=sys.stderr)
        return 2
    try:
        text = originality.merged_fingerprint_text(out, sources) if merge else originality.fingerprint_text(sources)
    except originality.FingerprintError as exc:
        print(f"handbook fingerprint: {exc}", file=sys.stderr)
        return 2
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    count = sum(1 for line in text.splitlines() if not line.startswith("#"))
    print(f"wrote {count} fingerprints of {len(texts)} source file(s) to {out}")
    return 0


def _render(content_dir: Path, out: Path) -> int:
    from generator.content.validate import validate
    from generator.publish.render import attachments, render_pages

    content, issues = validate(content_dir, display_root=str(content_dir))
    if report.failed(issues, strict=True):
        print(report.render(issues, strict=True), file=sys.stderr)
        return 1
    rendered, pages = render_pages(content)
    files = attachments(pages)
    _write(out, {**rendered, **files})
    print(f"wrote {len(rendered)} pages and {len(files)} data files to {out}")
    return 0


def _export(content_dir: Path, out: Path) -> int:
    from generator.content.validate import validate
    from generator.publish import export

    content, issues = validate(content_dir, display_root=str(content_dir))
    if report.failed(issues, strict=True):
        print(report.render(issues, strict=True), file=sys.stderr)
        return 1
    files = export.files(content)
    _write(out, files)
    print(f"wrote {len(files)} data files to {out}")
    return 0


def _write(out: Path, files: dict[str, str]) -> None:
    for relative, text in files.items():
        target = out / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8", newline="\n")


def _new(content_dir: Path, kind: str, entity_id: str) -> int:
    from generator.content.scaffold import ScaffoldError, new_entity

    try:
        path = new_entity(content_dir, kind, entity_id)
    except ScaffoldError as exc:
        print(f"handbook new: {exc}", file=sys.stderr)
        return 2
    print(f"created {path}; fill in the empty values, then run `make validate`")
    return 0


def _validate(args: argparse.Namespace) -> int:
    from generator.content.validate import validate

    started = time.perf_counter()
    _, issues = validate(Path(args.content), display_root=args.content)
    elapsed = time.perf_counter() - started
    print(report.render(issues, fmt=args.fmt, strict=args.strict))
    if args.timing:
        print(f"validated in {elapsed * 1000:.0f} ms", file=sys.stderr)
    return 1 if report.failed(issues, strict=args.strict) else 0


if __name__ == "__main__":
    raise SystemExit(main())
