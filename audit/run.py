"""`make audit`: Lighthouse (from npm, with Debian's Chromium) and axe on key pages of the built site, compressed.

Prints one row per page with the four Lighthouse scores, the total blocking time and the axe violations, then
whether every target is met; exits 1 when one is not. Each page is measured AUDIT_RUNS times (default 3) and the
median run by performance score is reported, as Lighthouse's own guidance on variability advises.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from audit.serve import Server

REPO = Path(__file__).resolve().parents[1]
LIGHTHOUSE = REPO / "audit" / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
PAGES = {
    "home": "",
    "ML engineer": "roles/ml-engineer/",
    "comparison": "comparisons/data-scientist-vs-ml-engineer/",
    "computed comparison": "compare/data-scientist-vs-ml-engineer/",
    "career paths": "career-paths/",
    "facts": "facts/",
}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100}
AXE_VIEWS = {"desktop light": (1366, "light"), "desktop dark": (1366, "dark"), "phone light": (390, "light")}


@dataclass
class Result:
    """One page's scores (0-100), total blocking time, failed audits and axe violations."""

    scores: dict[str, int] = field(default_factory=dict)
    blocking_ms: float = 0.0
    failed: list[str] = field(default_factory=list)
    axe: list[str] = field(default_factory=list)

    def misses(self) -> list[str]:
        """Every target this page does not meet, in words."""
        missed = [
            f"{name} {self.scores.get(name)} < {goal}"
            for name, goal in TARGETS.items()
            if self.scores.get(name, 0) < goal
        ]
        return missed + [f"axe: {violation}" for violation in self.axe]


def lighthouse(url: str, out: Path) -> dict[str, Any]:
    """One Lighthouse run (mobile, simulated throttling: its defaults) → the parsed report."""
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={out}",
        f"--only-categories={','.join(CATEGORIES)}",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
    ]
    subprocess.run(command, check=True, env={**os.environ, "CHROME_PATH": CHROMIUM})
    return json.loads(out.read_text(encoding="utf-8"))


def measure(url: str, runs: int, scratch: Path) -> Result:
    """The median of `runs` Lighthouse runs of one page, by performance score."""
    reports = [lighthouse(url, scratch / f"run-{index}.json") for index in range(runs)]
    reports.sort(key=lambda report: report["categories"]["performance"]["score"] or 0)
    report = reports[len(reports) // 2]
    result = Result()
    for name in CATEGORIES:
        result.scores[name] = round((report["categories"][name]["score"] or 0) * 100)
    result.blocking_ms = report["audits"]["total-blocking-time"]["numericValue"]
    for name in CATEGORIES[1:]:
        for ref in report["categories"][name]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                result.failed.append(f"{name}: {ref['id']}")
    result.scores["performance runs"] = [  # type: ignore[assignment]
        round((r["categories"]["performance"]["score"] or 0) * 100) for r in reports
    ]
    return result


def axe(urls: dict[str, str]) -> dict[str, list[str]]:
    """axe-core (every default rule) on each page at desktop and phone widths, light and dark → its violations."""
    from axe_playwright_python.sync_playwright import Axe
    from playwright.sync_api import sync_playwright

    found: dict[str, list[str]] = {name: [] for name in urls}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        for view, (width, scheme) in AXE_VIEWS.items():
            context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
            page = context.new_page()
            for name, url in urls.items():
                page.goto(url, wait_until="load")
                page.wait_for_timeout(300)
                response = Axe().run(page, options={"resultTypes": ["violations"]}).response
                found[name] += [
                    f"{violation['id']} ({violation['impact']}, {view}, {len(violation['nodes'])} nodes)"
                    for violation in response["violations"]
                ]
            context.close()
        browser.close()
    return found


def table(results: dict[str, Result]) -> str:
    """The results as a Markdown table."""
    lines = [
        "| page | performance (runs) | accessibility | best practices | SEO | blocking time | axe violations |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, r in results.items():
        runs = "/".join(map(str, r.scores["performance runs"]))  # type: ignore[arg-type]
        lines.append(
            f"| {name} | {r.scores['performance']} ({runs}) | {r.scores['accessibility']} | "
            f"{r.scores['best-practices']} | {r.scores['seo']} | {r.blocking_ms:.0f} ms | {len(r.axe)} |"
        )
    return "\n".join(lines)


def main() -> int:
    """Serve site/ compressed, audit every page, print the table and what is missed; 1 when a target is missed."""
    site = Path(sys.argv[1] if len(sys.argv) > 1 else REPO / "site")
    runs = int(os.environ.get("AUDIT_RUNS", "3"))
    if not (site / "index.html").is_file():
        print(f"{site} holds no built site: run `make site` first", file=sys.stderr)
        return 2
    if not LIGHTHOUSE.is_file():
        print("Lighthouse is not installed: run `npm ci` in audit/ (make audit does)", file=sys.stderr)
        return 2
    server = Server(site)
    try:
        urls = {name: server.url + path for name, path in PAGES.items()}
        results: dict[str, Result] = {}
        with tempfile.TemporaryDirectory() as scratch:
            for name, url in urls.items():
                print(f"Lighthouse: {name} ({url}), {runs} run(s)", file=sys.stderr)
                results[name] = measure(url, runs, Path(scratch))
        for name, violations in axe(urls).items():
            results[name].axe = violations
    finally:
        server.close()
    print(table(results))
    missed = {name: r.misses() for name, r in results.items() if r.misses()}
    for name, r in results.items():
        for audit in r.failed:
            print(f"  {name}: failed {audit}")
    if missed:
        for name, misses in missed.items():
            print(f"{name}: " + "; ".join(misses))
        print(f"Targets missed on {len(missed)} of {len(results)} pages.")
        return 1
    mean_tbt = statistics.mean(r.blocking_ms for r in results.values())
    print(f"All targets met on {len(results)} pages (mean total blocking time {mean_tbt:.0f} ms).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
