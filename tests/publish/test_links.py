"""Every link, anchor and resource reference in the built HTML resolves, and nothing is loaded from another host.

The checker is a set of plain functions (`check_site(root) -> list[str]`) run on the real online build, on the
unpacked offline copy, and on tiny hand-made sites that prove it catches each kind of mistake.
"""

from __future__ import annotations

import functools
import json
import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup, Tag

# Attributes that hold one URL, on any element (html.parser lowercases names; `xlink:href` keeps its prefix).
URL_ATTRIBUTES = ("href", "src", "poster", "data", "action", "formaction", "cite", "background", "xlink:href")
# Attributes that hold a comma-separated list of "URL descriptor" candidates.
SRCSET_ATTRIBUTES = ("srcset", "imagesrcset")
# <a>/<area>/<form> and these <link rel> values navigate (or merely name a URL); every other use loads a resource.
NAVIGATING_TAGS = {"a", "area", "form", "blockquote", "q", "ins", "del"}
NAVIGATING_ATTRIBUTES = {"cite"}
NAVIGATING_LINK_RELS = {"next", "prev", "previous", "canonical", "alternate", "author", "license", "help", "edit"}
# Schemes a navigation link to another site may use. Everything else (http:, javascript:, data:, vbscript:, file:,
# ...) fails.
NAVIGATION_SCHEMES = {"https", "mailto", "tel"}
# Inline resources need no network; data: is still refused for scripts and frames, where it would run code.
INLINE_LOAD_SCHEMES = {"data"}
CODE_LOADING_TAGS = {"script", "iframe", "frame", "object", "embed"}
# Presentation attributes (SVG) and style values that may reference an element of the page with url(#id).
ID_URL_ATTRIBUTES = ("fill", "stroke", "marker-start", "marker-mid", "marker-end", "clip-path", "mask", "filter")
# Attributes that name ids of the same page.
ID_LIST_ATTRIBUTES = ("aria-labelledby", "aria-describedby", "aria-controls", "aria-owns", "aria-details")
ID_ATTRIBUTES = ("for", "aria-activedescendant", "aria-errormessage", "list", "form")
# Fragments that point at nothing by design:
#   "" (href="#")  - conventionally "this page" / "top"; browsers scroll to the top.
#   "top"          - HTML defines #top as the top of the document even without such an id.
# Material for MkDocs emits no link to a JS-created target in our pages (its skip link points at the page's first
# heading id, and its "back to top" is a <button>), so no "#__..." fragment is exempt: each must exist.
FRAGMENTS_WITHOUT_TARGET = {"", "top"}
# Material's partials/toc.html always titles the table of contents with <label for="__toc">; the checkbox it names
# is only rendered in the navigation for pages listed in `nav`, so pages outside it (entity pages) have none. The
# label is then inert (clicking it does nothing) - a theme quirk, not a broken link.
KNOWN_DANGLING_ID_REFERENCES = {("label", "for", "__toc")}
# Pages a web server answers for any missing URL; MkDocs gives them root-relative links on purpose.
ERROR_PAGES = {"404.html"}

_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_CSS_URL = re.compile(r"""url\(\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|([^"')\s]*))\s*\)""", re.I)
_CSS_IMPORT_STRING = re.compile(r"""@import\s+(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')""", re.I)
_REFRESH_URL = re.compile(r"""^\s*\d+\s*[;,]\s*url\s*=\s*['"]?([^'"]*)""", re.I)


@dataclass
class Page:
    """One parsed HTML page: its ids and the parsed tree."""

    path: str  # relative to the site root, POSIX
    soup: BeautifulSoup
    ids: set[str] = field(default_factory=set)


def css_urls(text: str) -> list[str]:
    """Every url(...) and @import "..." in a style sheet or style attribute, comments removed."""
    text = _CSS_COMMENT.sub("", text)
    found = [next(group for group in match.groups() if group is not None) for match in _CSS_URL.finditer(text)]
    found += [
        next(group for group in match.groups() if group is not None) for match in _CSS_IMPORT_STRING.finditer(text)
    ]
    return [url.strip() for url in found]


def srcset_urls(value: str) -> list[str]:
    """The URLs of a srcset: comma-separated candidates, each a URL optionally followed by a descriptor."""
    urls = []
    for candidate in value.split(","):
        parts = candidate.split()
        if parts:
            urls.append(parts[0])
    return urls


@functools.lru_cache(maxsize=4)
def load_pages(root: Path) -> dict[str, Page]:
    """Every .html file under root, parsed (cached: the real builds are read by more than one test)."""
    pages: dict[str, Page] = {}
    for file in sorted(root.rglob("*.html")):
        relative = file.relative_to(root).as_posix()
        soup = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
        page = Page(relative, soup)
        for element in soup.find_all(True):
            if element.get("id"):
                page.ids.add(str(element["id"]))
            if element.name == "a" and element.get("name"):
                page.ids.add(str(element["name"]))
        pages[relative] = page
    return pages


class SiteChecker:
    """Resolves every reference of a built site against its files; collects "page: attribute value: reason"."""

    def __init__(self, root: Path, *, directory_urls: bool, unreachable: frozenset[str] = frozenset()) -> None:
        self.root = root
        self.directory_urls = directory_urls
        self.unreachable = unreachable
        self.pages = load_pages(root)
        self.failures: list[str] = []

    def fail(self, where: str, what: str, value: str, reason: str) -> None:
        self.failures.append(f"{where}: {what}={value!r}: {reason}")

    # -- resolving ---------------------------------------------------------------------------------------------

    def target_file(self, base_dir: str, path: str) -> tuple[str | None, str | None]:
        """(site-relative file, None) for a relative URL path, or (None, reason) when it does not resolve."""
        decoded = unquote(path)
        joined = posixpath.normpath(posixpath.join(base_dir, decoded)) if decoded else base_dir
        if joined == ".." or joined.startswith("../"):
            return None, "points outside the site"
        joined = "" if joined == "." else joined
        on_disk = self.root / joined
        if decoded.endswith("/") or on_disk.is_dir():
            if not self.directory_urls:
                return None, "directory link: file:// shows a folder listing, not index.html"
            index = posixpath.join(joined, "index.html") if joined else "index.html"
            if not (self.root / index).is_file():
                return None, f"directory has no index.html ({index})"
            return index, None
        if not on_disk.is_file():
            return None, f"no such file in the build ({joined})"
        return joined, None

    def check_fragment(self, where: str, what: str, value: str, target: str, fragment: str) -> None:
        fragment = unquote(fragment)
        if fragment in FRAGMENTS_WITHOUT_TARGET or not target.endswith(".html"):
            return
        page = self.pages.get(target)
        if page is None or fragment not in page.ids:
            self.fail(where, what, value, f"no element with id {fragment!r} in {target}")

    def check_url(self, page: Page, what: str, value: str, *, loads: bool, code: bool = False) -> None:
        """One URL found on a page (or in a style sheet when page.path is a .css file)."""
        where = page.path
        raw = value.strip()
        if not raw:
            return
        parts = urlsplit(raw)
        scheme = parts.scheme.lower()
        if scheme or parts.netloc:
            if loads:
                if parts.netloc:
                    self.fail(where, what, value, "loads a resource from another host (must be a file in the build)")
                elif scheme not in INLINE_LOAD_SCHEMES or code:
                    self.fail(where, what, value, f"loads a {scheme}: URL (must be a file in the build)")
            elif scheme not in NAVIGATION_SCHEMES:
                reason = "protocol-relative link" if not scheme else f"{scheme}: link"
                self.fail(where, what, value, f"{reason}; links to other sites must use https:")
            elif scheme == "https" and not parts.netloc:
                self.fail(where, what, value, "https: link without a host")
            return
        base_dir = posixpath.dirname(where)
        path = parts.path
        if path.startswith("/"):
            if where not in ERROR_PAGES:
                self.fail(where, what, value, "root-relative link: breaks under a sub-path and from file://")
                return
            path, base_dir = path.lstrip("/") or ".", ""
        if not path:  # same page: "#frag" or "?query"
            if parts.fragment is not None:
                self.check_fragment(where, what, value, where, parts.fragment)
            return
        target, reason = self.target_file(base_dir, path)
        if target is None:
            self.fail(where, what, value, reason or "does not resolve")
            return
        if target in self.unreachable and not loads:
            self.fail(where, what, value, f"links to {target}, which does not work in this copy")
        if parts.fragment:
            self.check_fragment(where, what, value, target, parts.fragment)

    def check_css(self, page: Page, what: str, text: str) -> None:
        for url in css_urls(text):
            if url.startswith("#"):
                if page.path.endswith(".css"):
                    continue  # refers to whichever document uses the style sheet
                self.check_fragment(page.path, what, url, page.path, url[1:])
            else:
                self.check_url(page, what, url, loads=True)

    # -- walking -----------------------------------------------------------------------------------------------

    def loads(self, element: Tag, attribute: str) -> bool:
        if element.name in NAVIGATING_TAGS or attribute in NAVIGATING_ATTRIBUTES:
            return False
        if element.name == "link":
            rels = {rel.lower() for rel in element.get_attribute_list("rel") if rel}
            return not rels or not rels <= NAVIGATING_LINK_RELS
        return element.name != "meta"

    def check_page(self, page: Page) -> None:
        here = page.path
        for element in page.soup.find_all(True):
            code = element.name in CODE_LOADING_TAGS
            for attribute in URL_ATTRIBUTES:
                value = element.get(attribute)
                if isinstance(value, str):
                    what = f"{element.name} {attribute}"
                    self.check_url(page, what, value, loads=self.loads(element, attribute), code=code)
            for attribute in SRCSET_ATTRIBUTES:
                value = element.get(attribute)
                if isinstance(value, str):
                    for url in srcset_urls(value):
                        self.check_url(page, f"{element.name} {attribute}", url, loads=True)
            if element.name == "meta" and str(element.get("http-equiv", "")).lower() == "refresh":
                match = _REFRESH_URL.match(str(element.get("content", "")))
                if match:
                    self.check_url(page, "meta refresh", match.group(1), loads=False)
            style = element.get("style")
            if isinstance(style, str):
                self.check_css(page, f"{element.name} style", style)
            if element.name == "style":
                self.check_css(page, "style", element.get_text())
            for attribute in ID_URL_ATTRIBUTES:
                value = element.get(attribute)
                if isinstance(value, str) and "url(" in value:
                    self.check_css(page, f"{element.name} {attribute}", value)
            for attribute in (*ID_ATTRIBUTES, *ID_LIST_ATTRIBUTES):
                value = element.get(attribute)
                if value is None or (attribute == "form" and element.name == "link"):
                    continue
                names = value if isinstance(value, list) else str(value).split()
                for name in names:
                    if name not in page.ids and (element.name, attribute, name) not in KNOWN_DANGLING_ID_REFERENCES:
                        self.fail(here, f"{element.name} {attribute}", name, "no element with this id on the page")
            if element.name == "script" and element.get("id") == "__config":
                self.check_material_config(page, element.get_text())

    def check_material_config(self, page: Page, text: str) -> None:
        """Material's JSON config names its search worker (relative to the page); it must be in the build."""
        worker = json.loads(text).get("search")
        if worker:
            self.check_url(page, "__config search", worker, loads=True)

    def check_stylesheet(self, file: Path) -> None:
        relative = file.relative_to(self.root).as_posix()
        page = Page(relative, BeautifulSoup("", "html.parser"))
        self.check_css(page, "url", file.read_text(encoding="utf-8"))

    def run(self) -> list[str]:
        for page in self.pages.values():
            self.check_page(page)
        for file in sorted(self.root.rglob("*.css")):
            self.check_stylesheet(file)
        return sorted(set(self.failures))


def check_site(root: Path, *, directory_urls: bool = True, unreachable: frozenset[str] = frozenset()) -> list[str]:
    """Every problem with the site's links and resources, as "page: attribute value: reason" lines."""
    return SiteChecker(root, directory_urls=directory_urls, unreachable=unreachable).run()


def report(failures: list[str]) -> str:
    return f"{len(failures)} link problem(s):\n" + "\n".join(failures)


# -- the real site ---------------------------------------------------------------------------------------------


@pytest.mark.slow
def test_online_site_links_and_resources(built_site: Path) -> None:
    failures = check_site(built_site, directory_urls=True)
    assert not failures, report(failures)


@pytest.mark.slow
def test_offline_copy_links_and_resources(offline_site: Path) -> None:
    # From file:// a folder link opens a directory listing, so every link must name its .html file. 404.html is
    # only ever shown by a web server; no page of the offline copy may link to it.
    failures = check_site(offline_site, directory_urls=False, unreachable=frozenset(ERROR_PAGES))
    assert not failures, report(failures)


@pytest.mark.slow
def test_offline_zip_has_one_top_folder_and_the_offline_search(offline_zip: Path, offline_site: Path) -> None:
    with zipfile.ZipFile(offline_zip) as archive:
        names = archive.namelist()
    outside = [name for name in names if not name.startswith("ml-engineering-handbook/")]
    assert not outside, outside
    assert (offline_site / "search" / "search_index.js").is_file()
    home = BeautifulSoup((offline_site / "index.html").read_text(encoding="utf-8"), "html.parser")
    scripts = [script.get("src") for script in home.find_all("script") if script.get("src")]
    assert "assets/javascripts/vendor/iframe-worker/shim.js" in scripts, scripts


@pytest.mark.slow
@pytest.mark.parametrize("site", ["built_site", "offline_site"])
def test_real_site_is_checked_at_all(request: pytest.FixtureRequest, site: str) -> None:
    """Guard against a vacuous pass: the checker sees every page, many links, and the curated pages."""
    pages = load_pages(request.getfixturevalue(site))
    assert len(pages) > 100
    assert sum(len(page.soup.find_all("a", href=True)) for page in pages.values()) > 1000
    assert any(path.startswith("comparisons/data-scientist-vs-ml-engineer") for path in pages)


# -- the checker catches mistakes ------------------------------------------------------------------------------

HEAD = '<meta charset="utf-8"><link rel="stylesheet" href="assets/site.css"><title>t</title>'


def write_site(root: Path, pages: dict[str, str], css: str = "body { color: black; }") -> Path:
    for relative, body in pages.items():
        depth = relative.count("/")
        head = HEAD.replace('href="assets/', f'href="{"../" * depth}assets/')
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"<!doctype html><html><head>{head}</head><body>{body}</body></html>", encoding="utf-8")
    (root / "assets").mkdir(parents=True, exist_ok=True)
    (root / "assets" / "site.css").write_text(css, encoding="utf-8")
    (root / "assets" / "logo.png").write_bytes(b"\x89PNG\r\n")
    return root


CLEAN_PAGES = {
    "index.html": (
        '<h1 id="top-heading">Home</h1><a href="#top-heading">self</a> <a href="#">top</a>'
        '<a href="roles/">roles</a> <a href="roles/ml%20engineer.html#skills">ml</a>'
        '<a href="https://example.org/x">elsewhere</a> <a href="mailto:a@example.org">mail</a>'
        '<img src="assets/logo.png?v=1" srcset="assets/logo.png 1x, assets/logo.png 2x" alt="">'
        '<svg><defs><marker id="arrow"></marker></defs><line marker-end="url(#arrow)"/>'
        '<use xlink:href="#arrow"/></svg>'
        '<label for="q">q</label><input id="q" aria-describedby="top-heading">'
        '<style>.a { background: url(assets/logo.png) } .b { background: url("data:image/svg+xml,<svg '
        "xmlns='http://www.w3.org/2000/svg'/>\") }</style>"
        "<div style=\"background-image: url('assets/logo.png')\"></div>"
    ),
    "roles/index.html": '<a href="../index.html#top-heading">home</a> <a href="..">home</a><a name="legacy"></a>',
    "roles/ml engineer.html": '<h2 id="skills">Skills</h2><a name="legacy"></a><a href="index.html#legacy">x</a>',
}


def test_checker_passes_a_clean_site(tmp_path: Path) -> None:
    root = write_site(tmp_path, CLEAN_PAGES)
    assert check_site(root) == []


def only(failures: list[str], *needles: str) -> None:
    """Exactly one failure, and it names every needle."""
    assert len(failures) == 1, failures
    for needle in needles:
        assert needle in failures[0], failures


def test_checker_catches_a_broken_link_in_raw_html(tmp_path: Path) -> None:
    root = write_site(tmp_path, {"index.html": '<div markdown><p>See <a href="roles/missing.html">it</a></p></div>'})
    only(check_site(root), "index.html: a href='roles/missing.html': no such file in the build (roles/missing.html)")


def test_checker_catches_a_missing_anchor(tmp_path: Path) -> None:
    root = write_site(
        tmp_path,
        {"index.html": '<a href="other.html#nope">x</a>', "other.html": '<h2 id="yes">Yes</h2>'},
    )
    only(check_site(root), "index.html: a href='other.html#nope': no element with id 'nope' in other.html")


def test_checker_catches_a_missing_same_page_anchor_and_marker(tmp_path: Path) -> None:
    root = write_site(tmp_path, {"index.html": '<a href="#gone">x</a><svg><line marker-end="url(#arrow)"/></svg>'})
    failures = check_site(root)
    assert failures == [
        "index.html: a href='#gone': no element with id 'gone' in index.html",
        "index.html: line marker-end='#arrow': no element with id 'arrow' in index.html",
    ]


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ('<script src="https://cdn.example.com/a.js"></script>', "script src='https://cdn.example.com/a.js'"),
        ('<script src="//cdn.example.com/a.js"></script>', "script src='//cdn.example.com/a.js'"),
        ('<link rel="stylesheet" href="https://fonts.example.com/css">', "link href='https://fonts.example.com/css'"),
        ('<link rel="preload" as="font" href="http://x.example/f.woff2">', "link href='http://x.example/f.woff2'"),
        ('<link rel="icon" href="https://x.example/favicon.ico">', "link href='https://x.example/favicon.ico'"),
        ('<img src="https://x.example/p.png" alt="">', "img src='https://x.example/p.png'"),
        ('<img srcset="a.png 1x, https://x.example/p.png 2x" alt="">', "img srcset='https://x.example/p.png'"),
        ('<iframe src="https://x.example/embed"></iframe>', "iframe src='https://x.example/embed'"),
        ('<video poster="https://x.example/p.jpg"></video>', "video poster='https://x.example/p.jpg'"),
        ('<svg><use href="https://x.example/s.svg#i"/></svg>', "use href='https://x.example/s.svg#i'"),
        ("<style>@import 'https://x.example/a.css';</style>", "style='https://x.example/a.css'"),
        ('<style>body { background: url("https://x.example/bg.png") }</style>', "style='https://x.example/bg.png'"),
        ('<p style="background:url(https://x.example/bg.png)">x</p>', "p style='https://x.example/bg.png'"),
        ('<script src="data:text/javascript,alert(1)"></script>', "script src='data:text/javascript,alert(1)'"),
    ],
)
def test_checker_catches_external_resource_loads(tmp_path: Path, markup: str, expected: str) -> None:
    root = write_site(tmp_path, {"index.html": markup})
    (root / "a.png").write_bytes(b"")
    only(check_site(root), f"index.html: {expected}: loads a ", "(must be a file in the build)")


def test_checker_catches_external_urls_in_css_files(tmp_path: Path) -> None:
    css = (
        '/* url(https://commented.example/out.png) */ @import url("https://x.example/a.css");\n'
        "@font-face { src: url(https://fonts.example.com/f.woff2) format('woff2'); }\n"
        ".ok { background: url(\"data:image/svg+xml;charset=utf-8,<svg xmlns='http://www.w3.org/2000/svg'/>\") }\n"
        ".missing { background: url(../img/missing.png) }"
    )
    failures = check_site(write_site(tmp_path, {"index.html": "<p>x</p>"}, css=css))
    assert failures == [
        "assets/site.css: url='../img/missing.png': no such file in the build (img/missing.png)",
        "assets/site.css: url='https://fonts.example.com/f.woff2': loads a resource from another host "
        "(must be a file in the build)",
        "assets/site.css: url='https://x.example/a.css': loads a resource from another host "
        "(must be a file in the build)",
    ]


@pytest.mark.parametrize(
    ("href", "reason"),
    [
        ("http://example.org/", "http: link; links to other sites must use https:"),
        ("javascript:alert(1)", "javascript: link"),
        ("data:text/html,hi", "data: link"),
        ("vbscript:msgbox", "vbscript: link"),
        ("//example.org/", "protocol-relative link"),
        ("/roles/", "root-relative link"),
        ("../outside.html", "points outside the site"),
    ],
)
def test_checker_refuses_unsafe_or_unportable_navigation(tmp_path: Path, href: str, reason: str) -> None:
    root = write_site(tmp_path, {"index.html": f'<a href="{href}">x</a>'})
    only(check_site(root), f"index.html: a href={href!r}: {reason}")


def test_checker_refuses_directory_links_offline_and_links_to_unreachable_pages(tmp_path: Path) -> None:
    root = write_site(
        tmp_path,
        {"index.html": '<a href="roles/">r</a><a href="404.html">e</a>', "roles/index.html": "", "404.html": ""},
    )
    assert check_site(root, directory_urls=True) == []
    assert check_site(root, directory_urls=False, unreachable=frozenset(ERROR_PAGES)) == [
        "index.html: a href='404.html': links to 404.html, which does not work in this copy",
        "index.html: a href='roles/': directory link: file:// shows a folder listing, not index.html",
    ]


def test_checker_catches_broken_id_references_and_config_worker(tmp_path: Path) -> None:
    config = '{"base": ".", "search": "assets/javascripts/workers/search.min.js"}'
    root = write_site(
        tmp_path,
        {"index.html": f'<label for="nope">x</label><script id="__config" type="application/json">{config}</script>'},
    )
    assert check_site(root) == [
        "index.html: __config search='assets/javascripts/workers/search.min.js': no such file in the build "
        "(assets/javascripts/workers/search.min.js)",
        "index.html: label for='nope': no element with this id on the page",
    ]


def test_error_page_root_relative_links_resolve_from_the_site_root(tmp_path: Path) -> None:
    root = write_site(
        tmp_path, {"404.html": '<a href="/roles/">r</a><a href="/gone.html">g</a>', "roles/index.html": ""}
    )
    assert check_site(root) == ["404.html: a href='/gone.html': no such file in the build (gone.html)"]
