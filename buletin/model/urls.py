"""Where every page lives, and how one page links to another.

Site paths are relative to the site root, without a leading slash: "" is the
front page, "berita/<slug>/" an article, "style.css" a file.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from functools import cached_property, lru_cache
from urllib.parse import quote, urlsplit

ARTICLE_SECTION = "berita"
REGION_SECTION = "wilayah"
TAG_SECTION = "topik"
REPORTER_SECTION = "pewarta"
ARCHIVE_SECTION = "arsip"
OVERVIEW_PATH = "indeks/"
PAGE_SEGMENT = "halaman"
NOT_FOUND_PATH = "404.html"


def article_path(slug: str) -> str:
    return f"{ARTICLE_SECTION}/{slug}/"


def region_path(slug: str) -> str:
    return f"{REGION_SECTION}/{slug}/"


def tag_path(slug: str) -> str:
    return f"{TAG_SECTION}/{slug}/"


def reporter_path(slug: str) -> str:
    return f"{REPORTER_SECTION}/{slug}/"


def archive_path(year: int | None = None, month: int | None = None) -> str:
    if year is None:
        return f"{ARCHIVE_SECTION}/"
    if month is None:
        return f"{ARCHIVE_SECTION}/{year}/"
    return f"{ARCHIVE_SECTION}/{year}/{month:02d}/"


def paginated_path(first_page_path: str, page_number: int) -> str:
    """Page 1 lives at the list's own path, page n at <path>halaman/n/."""
    if page_number <= 1:
        return first_page_path
    return f"{first_page_path}{PAGE_SEGMENT}/{page_number}/"


def output_file(site_path: str) -> str:
    """The file that serves a site path: directories get an index.html."""
    return site_path + "index.html" if site_path == "" or site_path.endswith("/") else site_path


@dataclass(frozen=True)
class Urls:
    """Turns site paths into links, for one base URL and link style."""

    base_url: str  # ends with "/": "https://example.org/buletin/" or "/buletin/"
    relative: bool = False

    @cached_property
    def base_path(self) -> str:
        return urlsplit(self.base_url).path or "/"

    def absolute(self, site_path: str) -> str:
        """The full address, for canonical links, feeds and sharing."""
        return self.base_url + _quoted(site_path)

    def link(self, site_path: str, from_path: str | None) -> str:
        """A link from the page at from_path to site_path.

        With relative URLs (for opening the site from disk) links are relative
        and point at index.html files; otherwise they start at the base path.
        Pages served at unknown addresses (the 404 page) pass from_path=None.
        """
        target, _, fragment = site_path.partition("#")
        suffix = f"#{fragment}" if fragment else ""
        if not self.relative or from_path is None:
            return self.base_path + _quoted(target) + suffix
        here = posixpath.dirname(output_file(from_path))
        relative = posixpath.relpath(output_file(target), here or ".")
        return _quoted(relative) + suffix


# Every page links to the same few dozen places (navigation, regions, feeds): quote each once.
_quoted = lru_cache(maxsize=1 << 16)(quote)


SEARCH_PATH = "cari/"
SEARCH_INDEX_PATH = "cari/indeks/"  # the search index, read by static/search.js
CAMPAIGN_SECTION = "kampanye"
ATOM_FILE = "atom.xml"
RSS_PATH = "rss.xml"
SITEMAP_PATH = "sitemap.xml"
NEWS_SITEMAP_PATH = "news-sitemap.xml"
ROBOTS_PATH = "robots.txt"


def campaign_path(slug: str | None = None) -> str:
    return f"{CAMPAIGN_SECTION}/{slug}/" if slug else f"{CAMPAIGN_SECTION}/"


def atom_path(page_path: str) -> str:
    """The Atom feed of a list page: "atom.xml", "wilayah/x/atom.xml"."""
    return page_path + ATOM_FILE
