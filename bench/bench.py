"""The build's growth with the content, its overhead over plain ProperDocs, Zensical's time beside it, validation
and preview speed.

The real content is cloned 10× and 100× (every entity, ids renamed, every reference rewritten: the same graph
N times over). Each size is built by `handbook build` and, from the very same pre-rendered pages (one folder, see
generator/publish/project.py), by plain ProperDocs and by the pinned Zensical (from .venv-zensical, every run
without its cache), in turn so that all three see the same machine load. Prints each figure with its target and whether
it is met; asserts nothing. Run with `make bench` (or `.venv/bin/python bench/bench.py [--scales 1 10]`).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[0] = str(REPO)  # this folder is on the path as the script's own; `bench` must be the package

from bench.clone import clone_content  # noqa: E402
from bench.preview import error_shown, save_to_served  # noqa: E402
from generator.publish import project  # noqa: E402

ENV = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}
ZENSICAL = REPO / ".venv-zensical" / "bin" / "zensical"
for _name in ("HANDBOOK_REPO_URL", "HANDBOOK_SITE_URL", "HANDBOOK_CONTENT_DIR"):
    ENV.pop(_name, None)


@dataclass
class Run:
    """Wall time (s) and peak memory (MiB) of one command."""

    seconds: float
    peak_mib: float


@dataclass
class Size:
    """Figures for one size of the content."""

    scale: int
    pages: int = 0
    handbook: list[Run] = field(default_factory=list)
    plain: list[Run] = field(default_factory=list)
    zensical: list[Run] = field(default_factory=list)
    validate: list[float] = field(default_factory=list)
    bytes_per_page: float = 0.0
    preview: list[float] = field(default_factory=list)

    def build_seconds(self) -> float:
        return statistics.median(run.seconds for run in self.handbook)

    def overhead(self) -> float:
        """handbook build / plain ProperDocs, the median of the paired ratios."""
        return statistics.median(
            ours.seconds / theirs.seconds for ours, theirs in zip(self.handbook, self.plain, strict=True)
        )

    def zensical_ratio(self) -> float:
        """Zensical / plain ProperDocs on the same rendered pages, the median of the paired ratios."""
        return statistics.median(
            ours.seconds / theirs.seconds for ours, theirs in zip(self.zensical, self.plain, strict=True)
        )


def run(command: list[str], *, cwd: Path = REPO) -> Run:
    """Run a command to completion; its wall time and its own peak resident memory."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert process.stderr is not None
    errors = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{errors.decode()[-3000:]}")
    return Run(seconds, usage.ru_maxrss / 1024)


def handbook(*args: str) -> list[str]:
    return [sys.executable, "-m", "generator.cli", *args]


def measure(scale: int, work: Path, *, repeat: int, preview: bool) -> Size:
    size = Size(scale)
    content = work / "content"
    clone_content(REPO / "content", content, scale)
    config = project.write(content, REPO / "mkdocs.yml", work / "project")
    for _ in range(repeat):
        size.handbook.append(run(handbook("build", "--content", str(content), "--site-dir", str(work / "site"))))
        size.plain.append(
            run([sys.executable, "-m", "properdocs", "build", "--strict", "-f", str(config), "-d", str(work / "plain")])
        )
        size.zensical.append(run([str(ZENSICAL), "build", "--clean", "--config-file", str(config)], cwd=config.parent))
        size.validate.append(run(handbook("validate", "--strict", str(content))).seconds)
    pages = [path.stat().st_size for path in (work / "site").rglob("*.html")]
    size.pages, size.bytes_per_page = len(pages), sum(pages) / len(pages)
    if preview:
        size.preview = save_to_served(content)
    print(
        f"  {scale:>3}×: {size.pages} pages; handbook build {size.build_seconds():.1f} s, plain ProperDocs "
        f"{statistics.median(r.seconds for r in size.plain):.1f} s, Zensical "
        f"{statistics.median(r.seconds for r in size.zensical):.1f} s; validate {statistics.median(size.validate):.2f} s",
        flush=True,
    )
    return size


def verdict(value: float, target: float) -> str:
    return "met" if value <= target else "MISSED"


def report(sizes: dict[int, Size], *, error_in_browser: bool | None) -> None:
    rows: list[tuple[str, str, str, str]] = []
    one = sizes[1]
    for scale, target in ((10, 11.0), (100, 120.0)):
        if scale in sizes:
            ratio = sizes[scale].build_seconds() / one.build_seconds()
            rows.append((f"build time {scale}× / 1×", f"{ratio:.1f}", f"≤ {target:g}", verdict(ratio, target)))
    if 10 in sizes:
        ratio = sizes[10].bytes_per_page / one.bytes_per_page
        rows.append(
            (
                "HTML bytes per page 10× / 1×",
                f"{ratio:.2f} ({sizes[10].bytes_per_page / 1024:.1f} / {one.bytes_per_page / 1024:.1f} KiB)",
                "≤ 1.2",
                verdict(ratio, 1.2),
            )
        )
    for scale in (1, 10):
        if scale in sizes:
            ratio = sizes[scale].overhead()
            rows.append(
                (f"handbook build / plain ProperDocs, {scale}×", f"{ratio:.2f}", "≤ 1.10", verdict(ratio, 1.10))
            )
    for scale, size in sizes.items():
        seconds = f"{statistics.median(r.seconds for r in size.zensical):.1f} s"
        shown = f"{size.zensical_ratio():.2f} ({seconds})"
        rows.append((f"Zensical / plain ProperDocs, same pages, {scale}×", shown, "(reported)", ""))
    for scale, target in ((1, 0.3), (10, 1.0)):
        if scale in sizes:
            seconds = statistics.median(sizes[scale].validate)
            rows.append(
                (f"handbook validate, {scale}× (wall)", f"{seconds:.2f} s", f"≤ {target:g} s", verdict(seconds, target))
            )
    for scale, target in ((1, 1.0), (10, 3.0)):
        if scale in sizes and sizes[scale].preview:
            seconds = statistics.median(sizes[scale].preview)
            shown = ", ".join(f"{value:.2f}" for value in sizes[scale].preview)
            rows.append(
                (
                    f"preview save → served, {scale}×",
                    f"{seconds:.2f} s ({shown})",
                    f"≤ {target:g} s",
                    verdict(seconds, target),
                )
            )
    if error_in_browser is not None:
        rows.append(
            (
                "preview shows an invalid save's error",
                "yes" if error_in_browser else "no",
                "yes",
                "met" if error_in_browser else "MISSED",
            )
        )
    for scale, size in sizes.items():
        peak = max(r.peak_mib for r in size.handbook)
        rows.append((f"peak memory of handbook build, {scale}×", f"{peak:.0f} MiB", "(reported)", ""))
    width = [max(len(row[i]) for row in rows) for i in range(4)]
    print()
    for row in rows:
        print("  ".join(cell.ljust(width[i]) for i, cell in enumerate(row)).rstrip())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--scales", type=int, nargs="+", default=[1, 10, 100], help="content sizes to build (1 is required)"
    )
    parser.add_argument("--repeat", type=int, default=3, help="paired builds per size (5 at 1×, 1 at 100×)")
    args = parser.parse_args()
    scales = sorted(set(args.scales) | {1})
    started = time.perf_counter()
    sizes: dict[int, Size] = {}
    error_in_browser = None
    with tempfile.TemporaryDirectory(prefix="handbook-bench-") as tmp:
        for scale in scales:
            work = Path(tmp) / f"x{scale}"
            work.mkdir()
            repeat = {1: max(args.repeat, 5), 100: 1}.get(scale, args.repeat)  # the small build is the noisiest
            sizes[scale] = measure(scale, work, repeat=repeat, preview=scale <= 10)
            if scale == 1:
                error_in_browser = error_shown(work / "content")
            shutil.rmtree(work, ignore_errors=True)
    report(sizes, error_in_browser=error_in_browser)
    print(f"\n(bench took {(time.perf_counter() - started) / 60:.1f} min on {os.cpu_count()} cores)")


if __name__ == "__main__":
    main()
