"""The `handbook` command: validate content, write schemas, render pages, scaffold entities."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from generator import report, schema
from generator.validate import validate


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="handbook", description="Tools for the ML Engineering Handbook content.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser("validate", help="check the content and report every problem with file:line:col")
    check.add_argument("content", nargs="?", default="content", metavar="CONTENT_DIR")
    check.add_argument("--strict", action="store_true", help="fail on warnings too")
    check.add_argument("--format", choices=report.FORMATS, default="text", dest="fmt")
    check.add_argument("--timing", action="store_true", help="print how long validation took")

    make_schema = commands.add_parser("schema", help="write the JSON Schema of every kind for editors")
    make_schema.add_argument("--out", default="schema", metavar="DIR")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the exit status (0 ok, 1 content problems, 2 usage error)."""
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    if args.command == "validate":
        return _validate(args)
    if args.command == "schema":
        for path in schema.write(Path(args.out)):
            print(path)
        return 0
    return 2


def _validate(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    _, issues = validate(Path(args.content), display_root=args.content)
    elapsed = time.perf_counter() - started
    print(report.render(issues, fmt=args.fmt, strict=args.strict))
    if args.timing:
        print(f"validated in {elapsed * 1000:.0f} ms", file=sys.stderr)
    return 1 if report.failed(issues, strict=args.strict) else 0


if __name__ == "__main__":
    raise SystemExit(main())
