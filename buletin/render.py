"""Render stage: turn the indexed Site into page files, handed on one by one as they are made.

Nothing here touches output/; the write stage does that, taking each file as
it comes, so that a large site is never held in memory whole.
"""

from __future__ import annotations

import collections
import contextlib
import dataclasses
import functools
import hashlib
import math
import re
import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from html import unescape
from pathlib import Path
from typing import ClassVar
from urllib.parse import quote

import jinja2
import jinja2.bccache
import jinja2.ext
import jinja2.meta
import jinja2.nodes
import jinja2.parser
import jinja2.runtime
from babel.numbers import format_decimal
from markupsafe import Markup

from . import feeds, metadata, urls
from .content import REFERENCE_PREFIX, Article, Campaign
from .engine import engine_fingerprint
from .i18n import format_article_datetime, format_list_date, format_month, ui_words
from .images import Picture
from .index import Site, Term
from .problems import BuildError, Problem, shown_path
from .workers import worker_signals


@dataclass(frozen=True)
class RenderedFile:
    """One output file: where it goes and its bytes."""

    site_path: str  # "berita/x/index.html"
    data: bytes | None  # None: made from the same inputs as the file the previous build wrote; reuse it
    origin: str  # what made it, for error messages
    lastmod: datetime | None = None  # when what the page shows last changed
    in_sitemap: bool = False
    key: str = ""  # digest of everything the page is made from


@dataclass(frozen=True)
class CopiedFile:
    """A file copied as it is (CSS, images)."""

    site_path: str
    source: Path
    origin: str


@dataclass(frozen=True)
class ListTerm:
    """What a list page shows of its region, tag or reporter: not its bulletins, only their number.

    A page's key covers its context, so a page that could read every bulletin
    of a tag would be made again (all 500 pages of a large tag) whenever any of
    them changed; the page's own bulletins come in `pagination`.
    """

    kind: str
    name: str
    slug: str
    path: str
    count: int

    @classmethod
    def of(cls, term: Term) -> ListTerm:
        return cls(term.kind, term.name, term.slug, term.path, len(term.articles))


@dataclass(frozen=True)
class Pagination:
    number: int
    total: int
    items: tuple[Article, ...]
    count: int  # the bulletins of all pages
    path: str
    previous_path: str | None
    next_path: str | None


@dataclass(frozen=True)
class ThemeFolders:
    """Where templates and static files come from; earlier folders win."""

    templates: tuple[Path, ...]
    static: tuple[Path, ...]


PREVIEW_SCRIPT = "__buletin__/preview.js"
# Shown only in `serve`: the problems of the last build, on top of the page, until they are fixed.
PREVIEW_SCRIPT_SOURCE = """(async () => {
  let status;
  try {
    const response = await fetch("/__buletin__/status.json", { cache: "no-store" });
    if (!response.ok) return;
    status = await response.json();
  } catch (error) { return; }
  if (!status.problems || status.problems.length === 0) return;
  const box = document.createElement("div");
  box.id = "buletin-problems";
  box.setAttribute("role", "alert");
  box.style.cssText = "position:fixed;top:0;left:0;right:0;z-index:2147483647;max-height:70vh;overflow:auto;" +
    "background:#7f1d1d;color:#fff;font:15px/1.5 system-ui,sans-serif;padding:12px 16px;" +
    "box-shadow:0 2px 10px rgba(0,0,0,.5);white-space:pre-wrap";
  const heading = document.createElement("strong");
  heading.textContent = "Build gagal / build failed (" + status.problems.length + "). " +
    "Halaman terakhir yang benar tetap ditampilkan.";
  box.append(heading);
  for (const problem of status.problems) {
    const item = document.createElement("div");
    item.style.marginTop = "8px";
    item.textContent = problem.text;
    box.append(item);
  }
  document.body.prepend(box);
})();
"""

_BODY_IMAGE = re.compile(r'<img ([^>]*?)src="' + re.escape(REFERENCE_PREFIX) + r'asset/([^"#]+)"([^>]*)>')
PICTURE_SIZES = "(min-width: 48rem) 42rem, 100vw"

_REFERENCE = re.compile(r'(src|href)="' + re.escape(REFERENCE_PREFIX) + r'(asset|article)/([^"#]*)(#[^"]*)?"')


class PartialExtension(jinja2.ext.Extension):
    """{% partial "name" %}: an include whose output is kept for the values of the variables it reads.

    Most of a page is the same on thousands of pages (the header with the
    regions, the footer) or on every list a bulletin is in (its card). A
    partial reads a few variables; its output is rendered once for each
    distinct set of their values and reused: links are told apart by where
    url("") points (pages at one depth link alike), texts, numbers and None
    by value, other objects by identity (a build changes none of them while
    rendering). A partial that includes other templates is rendered each time,
    as `include` would.
    """

    tags: ClassVar[set[str]] = {"partial"}

    def __init__(self, environment: jinja2.Environment):
        super().__init__(environment)
        self.reads: dict[str, tuple[str, ...] | None] = {}  # per template: its free variables (None: not kept)
        self.kept: dict[tuple, Markup] = {}
        self.alive: list[list] = []  # the values in the keys by identity, kept alive so that no other takes an id

    def parse(self, parser: jinja2.parser.Parser) -> jinja2.nodes.Node:
        line = next(parser.stream).lineno
        name = parser.parse_expression()
        return jinja2.nodes.Output(
            [self.call_method("_render", [name, jinja2.nodes.DerivedContextReference()], lineno=line)], lineno=line)

    def _render(self, name: str, context: jinja2.runtime.Context) -> Markup:
        template = self.environment.get_template(name)
        reads = self._reads(template)
        if reads is None:
            return Markup(template.render(context.get_all()))
        key = (name, *(_partial_key(variable, context.get(variable, _MISSING)) for variable in reads))
        kept = self.kept.get(key)
        if kept is None:
            if len(self.kept) >= PARTIALS_KEPT:
                self.kept.clear()
                self.alive.clear()
            kept = self.kept[key] = Markup(template.render(context.get_all()))
            self.alive.append([context.get(variable) for variable in reads])
        return kept

    def _reads(self, template: jinja2.Template) -> tuple[str, ...] | None:
        if template.name not in self.reads:
            source, _filename, _uptodate = self.environment.loader.get_source(self.environment, template.name)
            tree = self.environment.parse(source)
            includes = any(tree.find_all((jinja2.nodes.Include, jinja2.nodes.Import, jinja2.nodes.FromImport,
                                          jinja2.nodes.Extends, jinja2.nodes.ExtensionAttribute)))
            self.reads[template.name] = None if includes else tuple(sorted(jinja2.meta.find_undeclared_variables(tree)))
        return self.reads[template.name]


class CompiledTemplates(jinja2.FileSystemBytecodeCache):
    """Compiled templates kept between builds (Jinja checks each against its source); a folder that cannot be
    written only means compiling again next time."""

    def __init__(self, folder: Path):
        with contextlib.suppress(OSError):
            folder.mkdir(parents=True, exist_ok=True)
        super().__init__(str(folder))

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


PARTIALS_KEPT = 60_000  # outputs kept at once by {% partial %} (a card is half a kilobyte)
_MISSING = object()


def _partial_key(variable: str, value: object) -> object:
    if variable == "url" and callable(value):
        return ("url", value(""))
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return ("id", id(value))


class Renderer:
    """Renders every page of a Site with one compiled Jinja environment."""

    def __init__(self, site: Site, theme: ThemeFolders, urls_: urls.Urls, preview: bool = False,
                 reusable: dict[str, str] | None = None, pictures: dict[str, Picture] | None = None,
                 progress: Callable[[int], None] | None = None, compiled_folder: Path | None = None):
        """`reusable` maps output paths to the keys of the pages the previous build left there intact;
        `pictures` the responsive copies of every image, by content-relative path; `compiled_folder` keeps
        the compiled templates for later builds (by their source)."""
        self.site = site
        self.progress = progress
        self.pictures = pictures or {}
        self.preview = preview
        self.reusable = reusable or {}
        self.urls = urls_
        self.words = ui_words(site.config.language)
        self.environment = jinja2.Environment(
            loader=jinja2.ChoiceLoader([jinja2.FileSystemLoader(str(folder)) for folder in theme.templates]),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            auto_reload=False,  # templates do not change during a build; checking costs a stat per include
            extensions=[PartialExtension],
            bytecode_cache=CompiledTemplates(compiled_folder) if compiled_folder is not None else None,
        )
        self.environment.globals.update(
            site=site.config,
            t=self.words,
            regions=tuple(NavigationItem(term.name, term.path) for term in site.regions),
            article_path=urls.article_path,
            absolute_url=self.urls.absolute,
            preview=preview,
            is_future=site.is_future,
            picture=self.picture_html,
            has_campaigns=bool(site.campaigns),
        )
        self.environment.filters.update(
            article_datetime=self._article_datetime,
            list_date=self._list_date,
            month_name=lambda month: format_month(month.year, month.month, site.config.language),
            region_term=lambda article: site.region_by_name[article.region],
            tag_term=lambda name: site.tag_by_name[name],
            reporter_term=lambda name: site.reporter_by_name[name],
            describe=describe,
            number=lambda value: format_decimal(value, locale=site.config.language),
            campaign_period=self._campaign_period,
        )
        self._digests: dict[int, tuple[object, bytes]] = {}  # page inputs met on many pages, hashed once
        self.global_key = self._global_key(theme)

    # --- pages ---

    def render_all(self, workers: int = 1) -> Iterator[RenderedFile]:
        """Every page, feed and sitemap, each given out as soon as it is made and not kept here.

        Articles, lists and feeds, the bulk of a large site, are rendered in
        `workers` forked processes when there are many; the files come in the
        same order, with the same bytes, as from rendering them one by one.
        """
        site, words = self.site, self.words
        jobs: list[Callable[[], list[RenderedFile]]] = [functools.partial(_one, self.render_article, article)
                                                        for article in site.articles]
        jobs += self._list_jobs(
            "index.html", "", site.articles, heading=site.config.title, kind="home",
            term=None, description=site.config.tagline, trail=[],
            active_campaigns=tuple(e for e in site.campaigns if e.status == "active"))
        for entry in site.campaigns:
            jobs += self._list_jobs(
                "campaign.html", entry.path, entry.articles, heading=entry.campaign.title,
                kind="campaign", term=None, description=entry.campaign.theme,
                trail=[(words["campaigns"], urls.campaign_path())], own_feed=True, campaign=entry)
        descriptions = {"region": "description_region", "tag": "description_tag", "reporter": "description_reporter"}
        headings = {"region": "bulletins_in", "tag": "bulletins_tagged", "reporter": "bulletins_by"}
        for term in (*site.regions, *site.tags, *site.reporters):
            jobs += self._list_jobs(
                "list.html", term.path, term.articles,
                heading=words[headings[term.kind]].format(name=term.name), kind=term.kind, term=ListTerm.of(term),
                description=words[descriptions[term.kind]].format(name=term.name),
                trail=[(words["overview"], urls.OVERVIEW_PATH)], own_feed=term.kind in ("region", "tag"))
        archive_trail = [(words["archive"], urls.archive_path())]
        lists_end = len(jobs)
        month_jobs = []  # how many jobs the months of each year make
        for year in site.years:
            before = len(jobs)
            for month in year.months:
                name = format_month(month.year, month.month, site.config.language)
                jobs += self._list_jobs(
                    "list.html", month.path, month.articles,
                    heading=words["archive_month"].format(name=name), kind="month", term=None,
                    description=words["description_archive"].format(name=name),
                    trail=[*archive_trail, (str(year.year), year.path)])
            month_jobs.append(len(jobs) - before)
        listed = self.feeds()
        jobs += [functools.partial(self.render_feed, feed) for feed in listed]
        # What each job costs, about: a page per article, the pages of each list, a feed counts as a few.
        feeds_from = len(jobs) - len(listed)
        weights = [1 if number < len(site.articles) else 5 if number >= feeds_from
                   else len(job.keywords["numbers"]) for number, job in enumerate(jobs)]
        # Jobs whose files all stay as the previous build left them are settled here, so that only the
        # others go to the workers (forking and sending pages back cost more than checking a key).
        settled = [job(reused_only=True) for job in jobs] if self.reusable else [None] * len(jobs)
        pending = [number for number, files in enumerate(settled) if files is None]
        made = job_results([jobs[number] for number in pending], workers, self, [weights[number] for number in pending])
        done = (files if files is not None else next(made) for files in settled)  # each job's files, in order
        in_sitemap: list[tuple[str, datetime | None]] = []

        def passing(files: Iterable[RenderedFile]) -> Iterator[RenderedFile]:
            for file in files:
                if file.in_sitemap:
                    in_sitemap.append((file.site_path, file.lastmod))
                yield file

        def next_jobs(count: int) -> Iterator[RenderedFile]:
            for _ in range(count):
                yield from passing(next(done))

        yield from next_jobs(lists_end)
        if site.campaigns:
            yield from passing([self.render_page(
                "campaigns.html", urls.campaign_path(), heading=words["campaigns"],
                description=words["description_campaigns"], campaigns=site.campaigns,
                breadcrumbs=self._trail([(words["campaigns"], urls.campaign_path())]))])
        for year, year_jobs in zip(site.years, month_jobs, strict=True):
            heading = words["archive_year"].format(name=year.year)
            yield from passing([self.render_page(
                "archive.html", year.path, years=(year,), heading=heading,
                description=words["description_archive"].format(name=year.year),
                lastmod=_newest(a for month in year.months for a in month.articles),
                breadcrumbs=self._trail([*archive_trail, (str(year.year), year.path)]))])
            yield from next_jobs(year_jobs)
        yield from passing([
            self.render_page("archive.html", urls.archive_path(), years=site.years, heading=words["archive"],
                             breadcrumbs=self._trail(archive_trail), lastmod=_newest(site.articles)),
            self.render_page("overview.html", urls.OVERVIEW_PATH, heading=words["overview"],
                             description=words["description_overview"], lastmod=_newest(site.articles),
                             breadcrumbs=self._trail([(words["overview"], urls.OVERVIEW_PATH)]),
                             region_terms=site.regions, tag_terms=site.tags, reporter_terms=site.reporters)])
        if site.config.search:
            yield self.render_page("search.html", urls.SEARCH_PATH, heading=words["search_title"],
                                   breadcrumbs=self._trail([(words["search"], urls.SEARCH_PATH)]),
                                   in_sitemap=False)
        yield self.render_page("404.html", urls.NOT_FOUND_PATH, heading=words["not_found_title"],
                               served_anywhere=True)
        yield from next_jobs(len(listed))
        yield from self.render_machine_files(in_sitemap, site_feed=listed[0])
        if self.preview:
            yield RenderedFile(PREVIEW_SCRIPT, PREVIEW_SCRIPT_SOURCE.encode("utf-8"), "preview script")

    def feeds(self) -> list[feeds.Feed]:
        """The Atom feeds: the whole site first, then each region, tag and campaign."""
        site = self.site
        listed = [feeds.Feed(urls.atom_path(""), site.config.title, "", site.articles)]
        listed += [feeds.Feed(urls.atom_path(term.path), f"{term.name} | {site.config.title}", term.path,
                              term.articles) for term in (*site.regions, *site.tags)]
        listed += [feeds.Feed(urls.atom_path(entry.path), f"{entry.campaign.title} | {site.config.title}",
                              entry.path, entry.articles) for entry in site.campaigns]
        return listed

    def render_feed(self, feed: feeds.Feed, reused_only: bool = False) -> list[RenderedFile] | None:
        site = self.site
        # What the feed shows: its newest entries (with the slugs their full content links to),
        # and the newest change of all its bulletins. An unchanged feed is not made again.
        entries = tuple(feed.articles[:site.config.feed_items])
        body = self._feed_body()
        key = self.page_key("feed", feed.path, (feed.title, feed.page_path, entries, feeds.feed_updated(feed, site),
                                                self._linked_slugs(entries) if body else []))
        if self.reusable.get(feed.path) == key:
            return [RenderedFile(feed.path, None, f"feed {feed.path}", key=key)]
        if reused_only:
            return None
        data = feeds.atom_feed(feed, site, self.urls, body)
        return [RenderedFile(feed.path, data, f"feed {feed.path}", key=key)]

    def render_machine_files(self, in_sitemap: Sequence[tuple[str, datetime | None]],
                             site_feed: feeds.Feed) -> list[RenderedFile]:
        """The RSS feed (of the site's feed), sitemaps and robots.txt; `in_sitemap` gives the output path
        and last change of each page the sitemaps list."""
        site, address = self.site, self.urls
        files = [RenderedFile(urls.RSS_PATH, feeds.rss_feed(site_feed, site, address, self._feed_body()), "RSS feed")]
        site_changed = feeds.site_last_change(site)
        entries = [(site_path.removesuffix("index.html"), lastmod or site_changed) for site_path, lastmod in in_sitemap]
        files += self._sitemaps(entries)
        files.append(RenderedFile(urls.NEWS_SITEMAP_PATH, feeds.news_sitemap(site, address), "news sitemap"))
        files.append(RenderedFile(urls.ROBOTS_PATH, feeds.robots_txt(address), "robots.txt"))
        return files

    def _sitemaps(self, entries: Sequence[tuple[str, datetime]]) -> list[RenderedFile]:
        """The sitemaps of these pages; the previous build's files when they listed the very same pages and dates
        (an edit seldom changes either, and the sitemaps of a large site take long to serialise)."""
        inputs = hashlib.sha256("".join(f"{path}\0{moment.isoformat()}\n" for path, moment in entries).encode())
        keys = {path: self.page_key("sitemap", path, inputs.hexdigest()) for path in feeds.sitemap_paths(len(entries))}
        if all(self.reusable.get(path) == key for path, key in keys.items()):
            return [RenderedFile(path, None, "sitemap", key=key) for path, key in keys.items()]
        return [RenderedFile(path, data, "sitemap", key=keys[path])
                for path, data in feeds.sitemaps(entries, self.urls)]

    def _feed_body(self) -> Callable[[Article], str] | None:
        """What gives feeds an article's body: the full content when the site wants it, else nothing."""
        return self.feed_content if self.site.config.feed_full_content else None

    def feed_content(self, article: Article) -> str:
        """An article's body for feeds, with absolute links."""
        def replace(match: re.Match) -> str:
            attribute, kind, target, fragment = match.groups()
            site_path = target if kind == "asset" else urls.article_path(self.site.by_content_path[target].slug)
            return f'{attribute}="{self.urls.absolute(site_path)}{fragment or ""}"'
        return _REFERENCE.sub(replace, article.body_html)

    def render_article(self, article: Article, reused_only: bool = False) -> RenderedFile | None:
        """An article's page; with reused_only, None unless it is as the previous build left it."""
        path = urls.article_path(article.slug)
        neighbours = self.site.neighbours[article.slug]
        related = self.site.related[article.slug]
        campaign = self.site.campaign_by_slug.get(article.campaign)
        lastmod = article.updated or article.date
        # Everything the page is made from beyond what all pages share, known before the costly
        # part (links, metadata) is worked out: an unchanged page is not even prepared again.
        key = self._flat_key("article.html", path, _tokens((article, neighbours.older, neighbours.newer)),
                             b"[", _tokens(related), b"]", b"F" if self.site.is_future(article) else b"P",
                             self._encoded((campaign, self._linked_slugs([article]))))
        if self.reusable.get(urls.output_file(path)) == key:
            return self._reused(path, key, lastmod)
        if reused_only:
            return None
        config = self.site.config
        settings = config.related
        inline_template = self.environment.get_template("partials/related-inline.html")

        def inline_line(item: Article) -> str:
            return inline_template.render(item=item, url=lambda target: self.urls.link(target, path)).strip()

        body, end_list = place_inline_related(
            self.resolve_references(article.body_html, path), related,
            marker=settings.inline_marker, after_paragraph=settings.inline_after_paragraph,
            min_paragraphs=settings.inline_min_paragraphs, render_line=inline_line)
        description = describe(article.summary)
        absolute = self.urls.absolute
        return self.render_page(
            "article.html", path,
            article=article,
            body=insert_dateline(body, dateline_text(article)),
            related=end_list,
            older=neighbours.older,
            newer=neighbours.newer,
            is_future=self.site.is_future(article),
            lang=article.lang or config.language,
            description=description,
            heading=article.title,
            lastmod=lastmod,
            key=key,
            open_graph=metadata.open_graph(article, article.title, description, absolute(path), config, absolute),
            twitter=metadata.twitter_card(article, article.title, description, config, absolute),
            structured_data=metadata.news_article(
                article, config, absolute, lambda name: self.site.reporter_by_name[name].path),
            share=share_links(article.title, absolute(path)),
            campaign=campaign,
        )

    def _list_jobs(self, template: str, first_path: str, articles: Sequence[Article],
                   **settings: object) -> list[functools.partial]:
        """render_list for the pages of a list, a few pages a job: the pages of a large list (a tag on half
        the archive) are then shared by the workers instead of keeping one of them busy to the end."""
        total = max(1, math.ceil(len(articles) / self.site.config.items_per_page))
        return [functools.partial(self.render_list, template, first_path, articles,
                                  numbers=range(first, min(total, first + LIST_PAGES_PER_JOB - 1) + 1), **settings)
                for first in range(1, total + 1, LIST_PAGES_PER_JOB)]

    def render_list(self, template: str, first_path: str, articles: Sequence[Article], *, heading: str, kind: str,
                    term: ListTerm | None, description: str, trail: list[tuple[str, str]],
                    own_feed: bool = False, numbers: range | None = None, reused_only: bool = False,
                    **extra: object) -> list[RenderedFile] | None:
        """The pages of a list (those of `numbers` only, when given); with reused_only, None unless every one
        of them is as the previous build left it."""
        pages = []
        # Everything a page is made from, known before its context is worked out: what all pages of the list
        # share, digested once, and its own bulletins. An unchanged page of a long list costs a few microseconds.
        shared = hashlib.sha256()
        _digest_into(shared, (first_path, heading, kind, term, description, trail, own_feed, sorted(extra.items())),
                     self._digests)
        list_inputs = shared.digest()
        for page in paginate(articles, first_path, self.site.config.items_per_page, numbers):
            key = self._flat_key(template, page.path, list_inputs, f"{page.number}/{page.total}/{page.count}".encode(),
                                 _tokens(page.items))
            lastmod = _newest(page.items) if page.items else None
            if self.reusable.get(urls.output_file(page.path)) == key:
                pages.append(self._reused(page.path, key, lastmod))
                continue
            if reused_only:
                return None
            numbered = self.words["page_n_of_m"].format(n=page.number, m=page.total)
            title = heading if page.number == 1 else f"{heading} · {numbered}"
            crumbs = self._trail([*trail, (heading, first_path)]) if first_path else None
            pages.append(self.render_page(
                template, page.path, pagination=page, heading=heading, kind=kind, term=term,
                description=description, lastmod=lastmod, breadcrumbs=crumbs,
                feed=(self.words["feed_of"].format(name=heading if term is None else term.name),
                      urls.atom_path(first_path)) if own_feed else None,
                page_title=title, key=key, **extra))
        return pages

    def _reused(self, path: str, key: str, lastmod: datetime | None) -> RenderedFile:
        """A page of the sitemap that stays as the previous build wrote it."""
        if self.progress:
            self.progress(1)
        return RenderedFile(urls.output_file(path), None, f"page {path or '/'}", lastmod=lastmod, in_sitemap=True,
                            key=key)

    def render_page(self, template_name: str, path: str, **context: object) -> RenderedFile:
        served_anywhere = bool(context.pop("served_anywhere", False))
        in_sitemap = bool(context.pop("in_sitemap", not served_anywhere))
        lastmod = context.pop("lastmod", None)
        key = context.pop("key", None)  # given by pages that know their inputs better than their context
        from_path = None if served_anywhere else path

        def link(site_path: str) -> str:
            return self.urls.link(site_path, from_path)

        config = self.site.config
        heading = str(context.get("heading", config.title))
        context.setdefault("lang", config.language)
        context.setdefault("description", config.tagline)
        context.setdefault("canonical", None if served_anywhere else self.urls.absolute(path))
        context.setdefault("page_title", heading)
        context.setdefault("feed", None)
        context.setdefault("breadcrumbs", None)
        context.setdefault("structured_data", context["breadcrumbs"]["data"] if context["breadcrumbs"] else None)
        if "open_graph" not in context and not served_anywhere:
            absolute = self.urls.absolute
            description = str(context["description"])
            context["open_graph"] = metadata.open_graph(None, heading, description, absolute(path), config, absolute)
            context["twitter"] = metadata.twitter_card(None, heading, description, config, absolute)
        context.setdefault("open_graph", [])
        context.setdefault("twitter", [])
        site_path = urls.output_file(path)
        if self.progress:
            self.progress(1)
        if key is None:
            key = self.page_key(template_name, path, (served_anywhere, sorted(context.items())))
        if self.reusable.get(site_path) == key:
            return RenderedFile(site_path, None, f"page {path or '/'}", lastmod=lastmod, in_sitemap=in_sitemap,
                                key=key)
        try:
            template = self.environment.get_template(template_name)
            html = template.render(url=link, path=path, **context)
        except jinja2.TemplateError as error:
            raise BuildError([template_problem(error, template_name)]) from None
        return RenderedFile(site_path, html.encode("utf-8"), f"page {path or '/'}",
                            lastmod=lastmod, in_sitemap=in_sitemap, key=key)

    def _linked_slugs(self, articles: Iterable[Article]) -> list[str | None]:
        """The slugs of the bulletins these bodies link to (a page's links change when one is renamed)."""
        by_path = self.site.by_content_path
        return [by_path[target].slug if target in by_path else None
                for article in articles for target in article.linked_articles]

    def page_key(self, template_name: str, path: str, inputs: object) -> str:
        """The digest of what a page is made from: what every page shares, its template, path and inputs."""
        hasher = hashlib.sha256(self.global_key)
        _digest_into(hasher, (template_name, path, inputs), self._digests)
        return hasher.hexdigest()

    def _flat_key(self, template_name: str, path: str, *encoded: bytes) -> str:
        """page_key of inputs encoded already: the pages there are thousands of (articles and lists), whose
        inputs are mostly bulletins, hashed in one call without walking them as values."""
        return hashlib.sha256(b"".join((self.global_key, b"flat\0", template_name.encode(), b"\0", path.encode(),
                                        b"\0", *encoded))).hexdigest()

    def _encoded(self, value: object) -> bytes:
        parts: list[bytes] = []
        _encode(value, parts, self._digests)
        return b"".join(parts)

    def picture_html(self, content_path: str, alt: str, link: Callable[[str], str], eager: bool = False,
                     attributes: str = "") -> Markup:
        """A <picture> with WebP and original-format sizes, width and height set (no layout shift)."""
        picture = self.pictures.get(content_path) or Picture(content_path, None, None)
        original = [f"{link(v.site_path)} {v.width}w" for v in picture.variants if v.mime != "image/webp"]
        fallback = ", ".join([*original, f"{link(picture.site_path)} {picture.width}w"]) if original else ""
        template = self.environment.get_template("partials/picture.html")
        return Markup(template.render(picture=picture, alt=alt, url=link, eager=eager, sizes=PICTURE_SIZES,
                                      fallback_srcset=fallback, attributes=Markup(attributes)).strip())

    def _global_key(self, theme: ThemeFolders) -> bytes:
        """What every page depends on beyond its own context: code, configuration, templates, site-wide names."""
        site = self.site
        hasher = hashlib.sha256(engine_fingerprint().encode())
        for folder in theme.templates:
            for template in sorted(folder.rglob("*")) if folder.is_dir() else ():
                if template.is_file():
                    hasher.update(template.relative_to(folder).as_posix().encode() + b"\0" + template.read_bytes())
        _digest_into(hasher, (repr(site.config), repr(self.urls), self.preview, sorted(self.words.items()),
                              # regions (navigation) and the spelling of tags shown on pages; reporters'
                              # pages follow from their names alone
                              [(term.kind, term.name, term.path) for term in (*site.regions, *site.tags)],
                              sorted(article.slug for article in site.articles if site.is_future(article)),
                              sorted(self.pictures.items()),
                              [(entry.campaign.slug, entry.status) for entry in site.campaigns]))
        return hasher.digest()

    def _trail(self, trail: Sequence[tuple[str, str]]) -> dict:
        """Breadcrumbs from the front page down to this page: visible links and their JSON-LD."""
        full = [(self.words["home"], ""), *trail]
        return {"links": full, "data": metadata.breadcrumbs(full, self.urls.absolute)}

    # --- helpers ---

    def resolve_references(self, html: str, page_path: str) -> str:
        """Turn the load stage's references to files and bulletins into links from this page;
        pictures in the body become responsive pictures, loaded lazily."""
        def link(site_path: str) -> str:
            return self.urls.link(site_path, page_path)

        def picture(match: re.Match) -> str:
            before, target, after = match.groups()
            attributes = before + after
            alt_match = re.search(r'\balt="([^"]*)"', attributes)
            alt = unescape(alt_match.group(1)) if alt_match else ""
            rest = re.sub(r'\s*\balt="[^"]*"', "", attributes).strip().rstrip("/").strip()
            return self.picture_html(target, alt, link, attributes=f" {rest}" if rest else "")

        html = _BODY_IMAGE.sub(picture, html)

        def replace(match: re.Match) -> str:
            attribute, kind, target, fragment = match.groups()
            site_path = target if kind == "asset" else urls.article_path(self.site.by_content_path[target].slug)
            return f'{attribute}="{self.urls.link(site_path, page_path)}{fragment or ""}"'
        return _REFERENCE.sub(replace, html)

    def _article_datetime(self, article: Article) -> str:
        language = article.lang or self.site.config.language
        if article.date_has_time:
            return format_article_datetime(article.date, language)
        return format_list_date(article.date, language)

    def _campaign_period(self, campaign: Campaign) -> str:
        language = self.site.config.language
        start = format_list_date(campaign.start, language)
        if campaign.end is None:
            return self.words["period_since"].format(start=start)
        return self.words["period_range"].format(start=start, end=format_list_date(campaign.end, language))

    def _list_date(self, article: Article) -> str:
        return format_list_date(article.date, self.site.config.language)


# Pages of a list rendered by one job.
LIST_PAGES_PER_JOB = 40

# Rendering in forked workers: the jobs are handed over by inheritance, not by pickling, which a
# process-local variable set just before forking makes possible.
PARALLEL_JOBS_FROM = 2000
_FORKED_JOBS: list[Callable[[], list[RenderedFile]]] = []


def _one(render: Callable[..., RenderedFile | None], article: Article,
         reused_only: bool = False) -> list[RenderedFile] | None:
    page = render(article, reused_only)
    return None if page is None else [page]


def _run_job_range(bounds: tuple[int, int]) -> list[list[RenderedFile]]:
    return [job() for job in _FORKED_JOBS[bounds[0]:bounds[1]]]


# Jobs per chunk sent to a worker, by weight: enough to make the round trip worth it, few enough that
# the pages a chunk holds until they are written stay a few megabytes.
CHUNK_WEIGHT = 400


def job_results(jobs: list[Callable[[], list[RenderedFile]]], workers: int, renderer: Renderer,
                weights: Sequence[int] | None = None) -> Iterator[list[RenderedFile]]:
    """Each render job's files, in the order of the jobs, as they are done; in forked worker processes
    when there are many and fork is available."""
    import multiprocessing
    if workers <= 1 or len(jobs) < PARALLEL_JOBS_FROM or "fork" not in multiprocessing.get_all_start_methods():
        yield from (job() for job in jobs)
        return
    global _FORKED_JOBS
    progress, renderer.progress = renderer.progress, None  # the bar lives in this process
    _FORKED_JOBS = jobs
    weights = weights or [1] * len(jobs)
    ranges = _balanced_ranges(weights, parts=max(workers * 8, math.ceil(sum(weights) / CHUNK_WEIGHT)))
    pool = multiprocessing.get_context("fork").Pool(workers, initializer=worker_signals)
    try:
        # A few chunks ahead of the one being taken, not all: pages made faster than they are written
        # would otherwise pile up here.
        queued, waiting = iter(ranges), collections.deque()

        def send_next() -> None:
            bounds = next(queued, None)
            if bounds is not None:
                waiting.append(pool.apply_async(_run_job_range, (bounds,)))

        for _ in range(workers * 2):
            send_next()
        while waiting:
            chunk = waiting.popleft().get()
            send_next()
            if progress:
                progress(sum(len(job_files) for job_files in chunk))
            chunk.reverse()
            while chunk:  # let each job's pages go once they are taken
                yield chunk.pop()
        pool.close()  # let the workers finish and leave on their own
    except BaseException:  # also GeneratorExit: the writer stopped taking pages
        pool.terminate()
        raise
    finally:
        pool.join()
        _FORKED_JOBS = []
        renderer.progress = progress


def _balanced_ranges(weights: Sequence[int], parts: int) -> list[tuple[int, int]]:
    """Consecutive ranges of jobs of about equal total weight, so that no worker is left with all the heavy ones."""
    target = max(1, sum(weights) // parts)
    ranges, start, total = [], 0, 0
    for number, weight in enumerate(weights):
        total += weight
        if total >= target:
            ranges.append((start, number + 1))
            start, total = number + 1, 0
    if start < len(weights):
        ranges.append((start, len(weights)))
    return ranges


@dataclass(frozen=True)
class NavigationItem:
    """A region in the site's navigation: what every page shows of it."""

    name: str
    path: str


def _tokens(articles: Iterable[Article | None]) -> bytes:
    """Bulletins as page inputs, each by the digest of its source file (as _encode gives them)."""
    return b"".join(b"N" if article is None else b"A" + article.source_digest.encode() + b"\0"
                    for article in articles)


def _digest_into(hasher: hashlib._Hash, value: object, memo: dict[int, tuple[object, bytes]] | None = None) -> None:
    """Feed a page's inputs into a hash, by value: articles by the digest of their source file.

    With `memo`, a dataclass met again (a region with thousands of bulletins, on
    each of its pages) is hashed once, by identity, while the memo keeps it alive.
    """
    parts: list[bytes] = []
    _encode(value, parts, memo)
    hasher.update(b"".join(parts))  # one call for the whole value, not one per piece of it


def _encode(value: object, parts: list[bytes], memo: dict[int, tuple[object, bytes]] | None) -> None:
    """The bytes _digest_into hashes for a value, added to `parts`; the commonest types are told apart by
    their exact type first (a list page's inputs are some 200 small values, on 17,000 pages)."""
    kind = type(value)
    if kind is str:
        parts.append(b"S" + value.encode() + b"\0")
    elif kind is tuple or kind is list:
        parts.append(b"[")
        for item in value:
            # The commonest items (a list page's bulletins, names) inline: a call per item costs more.
            item_kind = type(item)
            if item_kind is Article:
                parts.append(b"A" + item.source_digest.encode() + b"\0")
            elif item_kind is str:
                parts.append(b"S" + item.encode() + b"\0")
            else:
                _encode(item, parts, memo)
        parts.append(b"]")
    elif kind is Article:
        parts.append(b"A" + value.source_digest.encode() + b"\0")
    elif value is None or kind is bool or kind is int:
        parts.append(b"V" + repr(value).encode() + b"\0")
    else:
        _encode_other(value, parts, memo)


def _encode_other(value: object, parts: list[bytes], memo: dict[int, tuple[object, bytes]] | None) -> None:
    if isinstance(value, Article):
        parts.append(b"A" + value.source_digest.encode() + b"\0")
    elif isinstance(value, (str, Path)):
        parts.append(b"S" + str(value).encode() + b"\0")
    elif value is None or isinstance(value, (bool, int, float)):
        parts.append(b"V" + repr(value).encode() + b"\0")
    elif isinstance(value, (datetime, date)):
        parts.append(b"D" + value.isoformat().encode() + b"\0")
    elif isinstance(value, (list, tuple)):
        parts.append(b"[")
        for item in value:
            _encode(item, parts, memo)
        parts.append(b"]")
    elif isinstance(value, dict):
        _encode(sorted(value.items()), parts, memo)
    elif dataclasses.is_dataclass(value):
        known = memo.get(id(value)) if memo is not None else None
        if known is None:
            inner = hashlib.sha256(b"C" + type(value).__name__.encode())
            _digest_into(inner, [getattr(value, item.name) for item in dataclasses.fields(value)], memo)
            known = (value, inner.digest())
            if memo is not None:
                memo[id(value)] = known
        parts.append(b"c" + known[1])
    else:
        raise TypeError(f"cannot tell whether a page input of type {type(value).__name__} changed")


def paginate(articles: Sequence[Article], first_path: str, per_page: int,
             numbers: range | None = None) -> Iterator[Pagination]:
    """Pages of a list (those of `numbers` only, when given); an empty list still has one (empty) page."""
    total = max(1, math.ceil(len(articles) / per_page))
    for number in numbers if numbers is not None else range(1, total + 1):
        yield Pagination(
            number=number,
            total=total,
            items=tuple(articles[(number - 1) * per_page: number * per_page]),
            count=len(articles),
            path=urls.paginated_path(first_path, number),
            previous_path=urls.paginated_path(first_path, number - 1) if number > 1 else None,
            next_path=urls.paginated_path(first_path, number + 1) if number < total else None,
        )


def _newest(articles: Iterable[Article]) -> datetime | None:
    return max((article.updated or article.date for article in articles), default=None)


def share_links(title: str, address: str) -> list[tuple[str, str, str]]:
    """(network key, label, link) for sharing a page: plain links, no third-party script."""
    text = quote(f"{title} {address}")
    page, subject = quote(address, safe=""), quote(title)
    return [
        ("whatsapp", "WhatsApp", f"https://wa.me/?text={text}"),
        ("facebook", "Facebook", f"https://www.facebook.com/sharer/sharer.php?u={page}"),
        ("x", "X", f"https://x.com/intent/post?text={subject}&url={page}"),
        ("telegram", "Telegram", f"https://t.me/share/url?url={page}&text={subject}"),
        ("email", "", f"mailto:?subject={subject}&body={page}"),
    ]


def dateline_text(article: Article) -> str:
    """ "Jakarta (ANTARA) –": the opening of a press release, when it has a dateline."""
    if not article.dateline:
        return ""
    source = f" ({article.source})" if article.source else ""
    return f"{article.dateline}{source} –"


def place_inline_related(html: str, related: Sequence[Article], *, marker: str, after_paragraph: int,
                         min_paragraphs: int, render_line: Callable[[Article], str]) -> tuple[str, tuple[Article, ...]]:
    """Set "Baca juga: <title>" lines inside the body; returns the body and the links left for the end list.

    Each marker line a writer put between paragraphs takes the next related
    bulletin (a marker with none left disappears). Without markers, and when
    the site asks for it, one line goes after paragraph `after_paragraph` of
    articles with at least `min_paragraphs` paragraphs.
    """
    remaining = list(related)
    marker_line = re.compile(rf"^[ \t]*{re.escape(marker)}[ \t]*$", re.MULTILINE)
    if marker_line.search(html):
        html = marker_line.sub(lambda _match: render_line(remaining.pop(0)) if remaining else "", html)
    elif after_paragraph > 0 and remaining:
        paragraph_ends = [match.end() for match in re.finditer(r"</p>", html)]
        if len(paragraph_ends) >= max(min_paragraphs, after_paragraph + 1):
            position = paragraph_ends[after_paragraph - 1]
            html = html[:position] + "\n" + render_line(remaining.pop(0)) + html[position:]
    return html, tuple(remaining)


def insert_dateline(body_html: str, dateline: str) -> Markup:
    """Open the first paragraph with the dateline, as printed releases do."""
    if not dateline:
        return Markup(body_html)
    opening = Markup('<strong class="dateline">{}</strong> ').format(dateline)
    if body_html.startswith("<p>"):
        return Markup("<p>") + opening + Markup(body_html[3:])
    return Markup("<p>") + opening + Markup("</p>\n") + Markup(body_html)


def describe(text: str, limit: int = 160) -> str:
    """A meta description: the text cut at a word boundary."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",.;:")
    return cut + "…"


def template_problem(error: jinja2.TemplateError, template_name: str) -> Problem:
    """Where in which template it went wrong: Jinja puts template lines into the traceback."""
    name = getattr(error, "filename", None) or getattr(error, "name", None)
    line = getattr(error, "lineno", None)
    if line is None:
        for frame in reversed(traceback.extract_tb(error.__traceback__)):
            if frame.filename.endswith((".html", ".xml", ".txt")):
                name, line = frame.filename, frame.lineno
                break
    return Problem(shown_path(name or template_name), line, None, f"template error: {error.message or error}",
                   "Check the template near this line.")


def theme_files(theme: ThemeFolders, assets: Sequence[str], content_dir: Path) -> list[CopiedFile]:
    """Static files of the theme (site folders win) and the content files pages refer to."""
    chosen: dict[str, CopiedFile] = {}
    for folder in reversed(theme.static):
        if not folder.is_dir():
            continue
        for source in sorted(folder.rglob("*")):
            relative = source.relative_to(folder)
            if source.is_file() and not any(part.startswith(".") for part in relative.parts):
                name = relative.as_posix()
                chosen[name] = CopiedFile(name, source, f"static file {shown_path(source)}")
    copied = list(chosen.values())
    for asset in sorted(set(assets)):
        copied.append(CopiedFile(asset, content_dir / asset, f"content file {asset}"))
    return copied
