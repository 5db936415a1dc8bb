"""The sample site in a real browser: Playwright driving Debian's Chromium, axe-core for accessibility.

Needs /usr/bin/chromium and axe-core (tests/node_modules/axe-core, `npm install --prefix tests axe-core@4`);
.ci/run installs both. Screenshots go to test-artifacts/screenshots/.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import PROJECT_ROOT, run_build
from tools import require_tool

CHROMIUM = "/usr/bin/chromium"
AXE = Path(os.environ.get("AXE_CORE", Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"))
ARTIFACTS = PROJECT_ROOT / "test-artifacts" / "screenshots"
CHROMIUM_ARGUMENTS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                      "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def require_browser() -> None:
    if not Path(CHROMIUM).is_file():
        require_tool("chromium-not-installed", "apt-get install chromium; .ci/run does it")
    if not AXE.is_file():
        message = f"axe-core is not installed at {AXE} (npm install --prefix tests axe-core@4; .ci/run does it)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """A static host: files from the folder, its 404.html for anything missing."""

    def log_message(self, *arguments: object) -> None:
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code == 404 and page.is_file():
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().send_error(code, message, explain)


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    require_browser()
    site = tmp_path_factory.mktemp("browser")
    shutil.copytree(PROJECT_ROOT / "content", site / "content")
    config = (PROJECT_ROOT / "site.toml").read_text(encoding="utf-8")
    (site / "site.toml").write_text(config.replace("items_per_page = 10", "items_per_page = 3"), encoding="utf-8")
    result = run_build(site, "--base-url", "http://127.0.0.1/")  # host-relative links; the port is added below
    assert result.exit_code == 0, result.stderr
    handler = functools.partial(SiteHandler, directory=str(site / "output"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="module")
def browser(site_url: str) -> Iterator[object]:
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGUMENTS)
        yield instance
        instance.close()


def open_page(browser: object, scheme: str = "light", width: int = 1280) -> tuple[object, list[str]]:
    context = browser.new_context(color_scheme=scheme, viewport={"width": width, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda message: errors.append(f"{page.url}: {message.text}")
            if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(f"{page.url}: {error}"))
    return page, errors


def test_walk_through_the_site_without_errors(browser: object, site_url: str) -> None:
    page, errors = open_page(browser)
    page.goto(site_url + "/")
    assert page.locator("h1").inner_text() == "Berita terbaru"
    page.locator(".card-title a").first.click()
    page.wait_for_load_state()
    assert "/berita/" in page.url
    first_article = page.url
    related = page.locator("nav.related a, .related-inline a").first
    related.click()
    page.wait_for_load_state()
    assert "/berita/" in page.url and page.url != first_article
    page.locator(".article-kicker a").click()
    page.wait_for_load_state()
    assert "/wilayah/" in page.url
    region = page.url
    page.locator(".pagination a[rel=next]").click()
    page.wait_for_load_state()
    assert page.url == region + "halaman/2/"
    assert page.locator(".pagination [aria-current=page]").inner_text() == "Halaman 2 dari 2"
    page.goto(site_url + "/cari/")
    search_box = page.get_by_role("searchbox", name="Kata yang dicari")
    search_box.fill("perdagangan orang")
    result = page.locator(".search-result a").first
    result.wait_for(timeout=15_000)
    result.click()
    page.wait_for_load_state()
    assert "/berita/" in page.url
    assert page.locator("h1").count() == 1
    assert errors == []


def search_results(page: object, query: str) -> list[str]:
    """Type a query and wait for the status line to answer it; the result links."""
    page.get_by_role("searchbox", name="Kata yang dicari").fill(query)
    page.wait_for_function("q => document.getElementById('search-status').textContent.includes(q)",
                           arg=f"“{query}”", timeout=15_000)
    return page.locator(".search-result .card-title a").evaluate_all("links => links.map(a => a.pathname)")


def test_search_finds_word_forms_filters_pages_and_keeps_its_state(browser: object, site_url: str) -> None:
    page, errors = open_page(browser)
    page.goto(site_url + "/cari/")
    stems = search_results(page, "pencegahan")
    assert stems and stems == search_results(page, "mencegah") == search_results(page, "cegah")
    assert search_results(page, "jumanti") == search_results(page, "jumantik") != []  # the last word as a prefix
    assert search_results(page, "jumantik dari") == search_results(page, "jumantik")  # a stopword, not "daring"
    assert page.locator(".search-result mark").first.inner_text().lower().startswith("jumantik")
    assert search_results(page, "jumantik xyzzyqu") == []
    assert page.locator("#search-status").inner_text().startswith("Tidak ada berita dengan “jumantik xyzzyqu”")

    everything = search_results(page, "jakarta")
    assert len(everything) == 10 and page.locator("#search-more").is_visible()  # ten at a time
    page.locator("#search-more").click()
    assert page.locator(".search-result").count() > 10
    assert page.evaluate("document.activeElement.pathname") == page.locator(
        ".search-result .card-title a").nth(10).evaluate("a => a.pathname")  # focus on the first new result

    page.get_by_text("Saring hasil").click()
    page.get_by_role("checkbox", name="Jakarta Barat").check()
    page.wait_for_function("() => location.search.includes('region=Jakarta+Barat')")
    page.wait_for_function("() => [...document.querySelectorAll('.search-result .card-meta')]"
                           ".every(line => line.textContent.endsWith('Jakarta Barat'))")
    regions = page.locator(".search-result .card-meta").all_inner_texts()
    assert regions and all(line.endswith("· Jakarta Barat") for line in regions)
    filtered = page.url
    page.locator(".search-result .card-title a").first.click()
    page.wait_for_load_state()
    assert "/berita/" in page.url
    page.go_back()
    page.locator(".search-result").first.wait_for()
    assert page.url == filtered
    assert page.get_by_role("searchbox", name="Kata yang dicari").input_value() == "jakarta"
    assert page.get_by_role("checkbox", name="Jakarta Barat").is_checked()
    assert page.locator(".search-result .card-meta").all_inner_texts() == regions
    assert errors == []


PAGES = {"home": "/", "article": "/berita/jakbar-peringati-hari-dunia-anti-perdagangan-orang-di-rptra/",
         "list": "/topik/tppo/", "search": "/cari/", "not-found": "/tidak-ada/"}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_accessibility_violations(browser: object, site_url: str, scheme: str) -> None:
    axe = AXE.read_text(encoding="utf-8")
    page, errors = open_page(browser, scheme)
    for name, path in PAGES.items():
        page.goto(site_url + path)
        if name == "search":
            page.get_by_role("searchbox", name="Kata yang dicari").fill("jakarta")
            page.locator(".search-result").first.wait_for()
            page.get_by_text("Saring hasil").click()
        page.add_script_tag(content=axe)
        violations = page.evaluate("""async () => (await axe.run(document, {resultTypes: ["violations"]}))
            .violations.map(v => `${v.id} (${v.impact}): ${v.nodes.map(n => n.target.join(" ")).join(", ")}`)""")
        assert violations == [], (scheme, name)
    # the 404 page is answered with status 404 on purpose; nothing else may fail
    assert [error for error in errors if "404" not in error] == []


@pytest.mark.parametrize("width", [375, 1280])
def test_screenshots_and_no_horizontal_scrolling(browser: object, site_url: str, width: int) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for scheme in ("light", "dark"):
        page, _errors = open_page(browser, scheme, width)
        for name, path in PAGES.items():
            page.goto(site_url + path)
            page.screenshot(path=str(ARTIFACTS / f"{name}-{width}-{scheme}.png"), full_page=True)
            overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert overflow <= 0, (name, width, scheme)
    assert len(list(ARTIFACTS.glob(f"*-{width}-*.png"))) >= 10


def test_print_keeps_the_release_and_drops_the_navigation(browser: object, site_url: str) -> None:
    page, _errors = open_page(browser)
    page.goto(site_url + PAGES["article"])
    page.emulate_media(media="print")
    for hidden in (".site-nav", ".share", "nav.related", ".article-nav", ".site-footer"):
        assert page.locator(hidden).first.is_hidden(), hidden
    for shown in ("h1", ".article-meta time", ".article-body", ".credits"):
        assert page.locator(shown).first.is_visible(), shown


def test_keyboard_reaches_the_skip_link_first(browser: object, site_url: str) -> None:
    page, _errors = open_page(browser)
    page.goto(site_url + "/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert focused == "skip-link"
    assert page.locator(".skip-link").is_visible()
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    page.keyboard.press("Enter")
    assert page.url.endswith("#konten")
