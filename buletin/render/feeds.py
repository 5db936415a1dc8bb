"""Feeds, sitemaps and robots.txt: the machine-readable files of the render stage.

Built with ElementTree, which escapes every value; no timestamps of the build
go in, only the dates of the bulletins, so the same content gives the same bytes.
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from email.utils import format_datetime

from ..model import NEWS_WINDOW, Article, Site, urls

ATOM = "http://www.w3.org/2005/Atom"
DUBLIN_CORE = "http://purl.org/dc/elements/1.1/"
SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
NEWS = "http://www.google.com/schemas/sitemap-news/0.9"
SITEMAP_LIMIT = 50_000  # URLs in one sitemap file, by the protocol

# Namespaces are declared as attributes and prefixes written into tag names, so that
# no global namespace registry of ElementTree is touched.


@dataclass(frozen=True)
class Feed:
    """One feed: where it goes, what it is called, the page it belongs to, and its bulletins."""

    path: str
    title: str
    page_path: str
    articles: Sequence[Article]


def _sub(parent: ElementTree.Element, tag: str, text: str | None = None, **attributes: str) -> ElementTree.Element:
    element = ElementTree.SubElement(parent, tag, attributes)
    if text is not None:
        element.text = text
    return element


def _serialise(root: ElementTree.Element) -> bytes:
    ElementTree.indent(root)
    return ElementTree.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def last_change(article: Article) -> datetime:
    return article.updated or article.date


def site_last_change(site: Site) -> datetime:
    """The newest change of any bulletin: the date of things with no bulletin of their own.
    Never the build time, so that the same content gives the same bytes."""
    return max((last_change(article) for article in site.articles),
               default=datetime(1970, 1, 1, tzinfo=site.config.zone))


def feed_updated(feed: Feed, site: Site) -> datetime:
    """When a feed last changed: its newest bulletin's change, or the site's when it has none."""
    return max((last_change(article) for article in feed.articles), default=None) or site_last_change(site)


def atom_feed(feed: Feed, site: Site, address: urls.Urls, content: Callable[[Article], str] | None) -> bytes:
    """An Atom 1.0 feed; `content` gives an article's full HTML when the site wants full content."""
    config = site.config
    root = ElementTree.Element("feed", {"xmlns": ATOM, "xml:lang": config.language})
    _sub(root, "title", feed.title)
    if config.tagline:
        _sub(root, "subtitle", config.tagline)
    _sub(root, "id", address.absolute(feed.page_path))
    _sub(root, "link", rel="alternate", type="text/html", href=address.absolute(feed.page_path))
    _sub(root, "link", rel="self", type="application/atom+xml", href=address.absolute(feed.path))
    newest = feed_updated(feed, site)
    _sub(root, "updated", newest.isoformat())
    if config.copyright:
        _sub(root, "rights", f"© {config.copyright}")
    _sub(_sub(root, "author"), "name", config.publisher)
    for article in feed.articles[: config.feed_items]:
        entry = _sub(root, "entry")
        link = address.absolute(urls.article_path(article.slug))
        _sub(entry, "title", article.title)
        _sub(entry, "link", rel="alternate", type="text/html", href=link)
        _sub(entry, "id", link)
        _sub(entry, "published", article.date.isoformat())
        _sub(entry, "updated", last_change(article).isoformat())
        for reporter in article.reporters:
            _sub(_sub(entry, "author"), "name", reporter)
        _sub(entry, "category", term=article.region, label=article.region)
        for tag in article.tags:
            _sub(entry, "category", term=tag, label=tag)
        if article.summary:
            _sub(entry, "summary", article.summary, type="text")
        if content is not None:
            _sub(entry, "content", content(article), type="html")
    return _serialise(root)


def rss_feed(feed: Feed, site: Site, address: urls.Urls, content: Callable[[Article], str] | None) -> bytes:
    """An RSS 2.0 feed of the same bulletins, for readers that only know RSS."""
    config = site.config
    root = ElementTree.Element("rss", {"version": "2.0", "xmlns:atom": ATOM, "xmlns:dc": DUBLIN_CORE})
    channel = _sub(root, "channel")
    _sub(channel, "title", feed.title)
    _sub(channel, "link", address.absolute(feed.page_path))
    _sub(channel, "description", config.tagline or feed.title)
    _sub(channel, "language", config.language)
    if config.copyright:
        _sub(channel, "copyright", f"© {config.copyright}")
    _sub(channel, "atom:link", rel="self", type="application/rss+xml", href=address.absolute(feed.path))
    newest = feed_updated(feed, site)
    _sub(channel, "lastBuildDate", format_datetime(newest))
    for article in feed.articles[: config.feed_items]:
        item = _sub(channel, "item")
        link = address.absolute(urls.article_path(article.slug))
        _sub(item, "title", article.title)
        _sub(item, "link", link)
        _sub(item, "guid", link, isPermaLink="true")
        _sub(item, "pubDate", format_datetime(article.date))
        for reporter in article.reporters:
            _sub(item, "dc:creator", reporter)
        for category in (article.region, *article.tags):
            _sub(item, "category", category)
        description = content(article) if content is not None else article.summary
        if description:
            _sub(item, "description", description)
    return _serialise(root)


def sitemaps(pages: Sequence[tuple[str, datetime]], address: urls.Urls,
             limit: int = SITEMAP_LIMIT) -> list[tuple[str, bytes]]:
    """sitemap.xml for every page with its last change; an index of numbered sitemaps past `limit` URLs."""
    chunks = [pages[start:start + limit] for start in range(0, max(1, len(pages)), limit)]
    files = [(urls.SITEMAP_PATH if len(chunks) == 1 else f"sitemap-{number}.xml", _urlset(chunk, address))
             for number, chunk in enumerate(chunks, 1)]
    if len(chunks) > 1:
        index = ElementTree.Element("sitemapindex", {"xmlns": SITEMAP})
        for (path, _data), chunk in zip(files, chunks, strict=True):
            entry = _sub(index, "sitemap")
            _sub(entry, "loc", address.absolute(path))
            _sub(entry, "lastmod", max(moment for _, moment in chunk).isoformat())
        files.append((urls.SITEMAP_PATH, _serialise(index)))
    return files


def sitemap_paths(count: int, limit: int = SITEMAP_LIMIT) -> list[str]:
    """The files sitemaps() makes for `count` pages, in the same order."""
    chunks = max(1, math.ceil(count / limit))
    if chunks == 1:
        return [urls.SITEMAP_PATH]
    return [*(f"sitemap-{number}.xml" for number in range(1, chunks + 1)), urls.SITEMAP_PATH]


def _urlset(pages: Sequence[tuple[str, datetime]], address: urls.Urls) -> bytes:
    root = ElementTree.Element("urlset", {"xmlns": SITEMAP})
    for path, moment in pages:
        entry = _sub(root, "url")
        _sub(entry, "loc", address.absolute(path))
        _sub(entry, "lastmod", moment.isoformat())
    return _serialise(root)


def news_sitemap(site: Site, address: urls.Urls) -> bytes:
    """The Google News sitemap: bulletins of the two days before the build (empty is valid)."""
    root = ElementTree.Element("urlset", {"xmlns": SITEMAP, "xmlns:news": NEWS})
    earliest = site.build_time - NEWS_WINDOW
    for article in site.articles:
        if not earliest <= article.date <= site.build_time:
            continue
        entry = _sub(root, "url")
        _sub(entry, "loc", address.absolute(urls.article_path(article.slug)))
        news = _sub(entry, "news:news")
        publication = _sub(news, "news:publication")
        _sub(publication, "news:name", site.config.publisher)
        _sub(publication, "news:language", article.lang or site.config.language)
        _sub(news, "news:publication_date", article.date.isoformat())
        _sub(news, "news:title", article.title)
    return _serialise(root)


def robots_txt(address: urls.Urls) -> bytes:
    lines = ["User-agent: *", "Allow: /", "",
             f"Sitemap: {address.absolute(urls.SITEMAP_PATH)}",
             f"Sitemap: {address.absolute(urls.NEWS_SITEMAP_PATH)}"]
    return ("\n".join(lines) + "\n").encode("utf-8")
