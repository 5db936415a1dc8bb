"""The machine-readable files of a site as pages of it: Atom and RSS feeds, sitemaps, the news sitemap, robots.txt.

feeds.py writes them; here they get their keys, so that a feed or sitemap whose
inputs did not change is left as the last build wrote it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from datetime import datetime

from ..model import Article, RenderedFile, Site, urls
from . import feeds
from .body import resolve_references
from .pages import Renderer


def site_feeds(site: Site) -> list[feeds.Feed]:
    """The Atom feeds: the whole site first, then each region, tag and campaign."""
    listed = [feeds.Feed(urls.atom_path(""), site.config.title, "", site.articles)]
    listed += [feeds.Feed(urls.atom_path(term.path), f"{term.name} | {site.config.title}", term.path,
                          term.articles) for term in (*site.regions, *site.tags)]
    listed += [feeds.Feed(urls.atom_path(entry.path), f"{entry.campaign.title} | {site.config.title}",
                          entry.path, entry.articles) for entry in site.campaigns]
    return listed


def render_feed(renderer: Renderer, feed: feeds.Feed, reused_only: bool = False) -> list[RenderedFile] | None:
    """An Atom feed; with reused_only, None unless it is as the previous build left it."""
    site = renderer.site
    # What the feed shows: its newest entries (with the slugs their full content links to),
    # and the newest change of all its bulletins. An unchanged feed is not made again.
    entries = tuple(feed.articles[:site.config.feed_items])
    body = feed_body(renderer)
    key = renderer.keys.page_key("feed", feed.path, (feed.title, feed.page_path, entries,
                                                     feeds.feed_updated(feed, site),
                                                     renderer.linked_slugs(entries) if body else []))
    if renderer.reusable.get(feed.path) == key:
        return [RenderedFile(feed.path, None, f"feed {feed.path}", key=key)]
    if reused_only:
        return None
    data = feeds.atom_feed(feed, site, renderer.urls, body)
    return [RenderedFile(feed.path, data, f"feed {feed.path}", key=key)]


def machine_files(renderer: Renderer, in_sitemap: Sequence[tuple[str, datetime | None]],
                  site_feed: feeds.Feed) -> list[RenderedFile]:
    """The RSS feed (of the site's feed), sitemaps and robots.txt; `in_sitemap` gives the output path
    and last change of each page the sitemaps list."""
    site, address = renderer.site, renderer.urls
    files = [RenderedFile(urls.RSS_PATH, feeds.rss_feed(site_feed, site, address, feed_body(renderer)), "RSS feed")]
    site_changed = feeds.site_last_change(site)
    entries = [(site_path.removesuffix("index.html"), lastmod or site_changed) for site_path, lastmod in in_sitemap]
    files += _sitemaps(renderer, entries)
    files.append(RenderedFile(urls.NEWS_SITEMAP_PATH, feeds.news_sitemap(site, address), "news sitemap"))
    files.append(RenderedFile(urls.ROBOTS_PATH, feeds.robots_txt(address), "robots.txt"))
    return files


def _sitemaps(renderer: Renderer, entries: Sequence[tuple[str, datetime]]) -> list[RenderedFile]:
    """The sitemaps of these pages; the previous build's files when they listed the very same pages and dates
    (an edit seldom changes either, and the sitemaps of a large site take long to serialise)."""
    inputs = hashlib.sha256("".join(f"{path}\0{moment.isoformat()}\n" for path, moment in entries).encode())
    keys = {path: renderer.keys.page_key("sitemap", path, inputs.hexdigest())
            for path in feeds.sitemap_paths(len(entries))}
    if all(renderer.reusable.get(path) == key for path, key in keys.items()):
        return [RenderedFile(path, None, "sitemap", key=key) for path, key in keys.items()]
    return [RenderedFile(path, data, "sitemap", key=keys[path])
            for path, data in feeds.sitemaps(entries, renderer.urls)]


def feed_body(renderer: Renderer) -> Callable[[Article], str] | None:
    """What gives feeds an article's body, with absolute links: the full content when the site wants it."""
    if not renderer.site.config.feed_full_content:
        return None
    return lambda article: resolve_references(article.body_html, renderer.site, renderer.urls.absolute)
