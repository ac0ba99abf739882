"""`make screenshots`: PNGs of the key pages of the built site, at desktop and phone width, light and dark."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from audit.run import PAGES
from audit.serve import Server

CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
VIEWS = {"desktop": (1366, 900), "phone": (390, 844)}
SCHEMES = ("light", "dark")
EXTRA_PAGES = {"skills": "skills/", "ladder": "ladder/", "faq": "faq/", "glossary": "glossary/"}


def main() -> int:
    """Write <page>-<view>-<scheme>.png for every key page into the folder given (full-page screenshots)."""
    site, out = Path(sys.argv[1]), Path(sys.argv[2])
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    server = Server(site)
    written = 0
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            for view, (width, height) in VIEWS.items():
                for scheme in SCHEMES:
                    context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme)
                    page = context.new_page()
                    for name, path in {**PAGES, **EXTRA_PAGES}.items():
                        page.goto(server.url + path, wait_until="load")
                        page.wait_for_function("() => document.documentElement.hasAttribute('data-tables-ready')")
                        target = out / f"{name.replace(' ', '-')}-{view}-{scheme}.png"
                        page.screenshot(path=str(target), full_page=True)
                        written += 1
                    context.close()
            browser.close()
    finally:
        server.close()
    print(f"{written} screenshots in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
