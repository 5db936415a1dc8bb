"""The pages of a site: each rendered from its template, or left as the last build wrote it when its key is the same."""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime

import jinja2
from babel.numbers import format_decimal
from markupsafe import Markup

from ..config import ThemeFolders
from ..i18n import format_article_datetime, format_list_date, format_month, ui_words
from ..model import Article, BuildError, Campaign, Picture, RenderedFile, Site, urls
from . import metadata
from .body import (
    PICTURE_SIZES,
    dateline_text,
    describe,
    insert_dateline,
    place_inline_related,
    resolve_references,
    share_links,
)
from .jobs import LIST_PAGES_PER_JOB
from .keys import PageKeys, tokens
from .lists import ListTerm, NavigationItem, newest, paginate
from .templates import make_environment, template_problem


class Renderer:
    """Renders every page of a Site with one compiled Jinja environment."""

    def __init__(self, site: Site, theme: ThemeFolders, address: urls.Urls, preview: bool = False,
                 reusable: dict[str, str] | None = None, pictures: dict[str, Picture] | None = None,
                 compiled: jinja2.BytecodeCache | None = None):
        """`reusable` maps output paths to the keys of the pages the previous build left there intact;
        `pictures` the responsive copies of every image, by content-relative path; `compiled` keeps the
        compiled templates for later builds (by their source)."""
        self.site = site
        self.pictures = pictures or {}
        self.preview = preview
        self.reusable = reusable or {}
        self.urls = address
        self.words = ui_words(site.config.language)
        self.environment = make_environment(theme, compiled)
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
        self.keys = PageKeys(site, theme, (repr(self.urls), preview, sorted(self.words.items()),
                                           sorted(self.pictures.items())))

    def render_article(self, article: Article, reused_only: bool = False) -> RenderedFile | None:
        """An article's page; with reused_only, None unless it is as the previous build left it."""
        path = urls.article_path(article.slug)
        neighbours = self.site.neighbours[article.slug]
        related = self.site.related[article.slug]
        campaign = self.site.campaign_by_slug.get(article.campaign)
        lastmod = article.updated or article.date
        # Everything the page is made from beyond what all pages share, known before the costly
        # part (links, metadata) is worked out: an unchanged page is not even prepared again.
        key = self.keys.page_key("article.html", path, ((article, neighbours.older, neighbours.newer), related,
                                                        self.site.is_future(article), campaign,
                                                        self.linked_slugs([article])))
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

    def list_jobs(self, template: str, first_path: str, articles: Sequence[Article],
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
        list_inputs = self.keys.digest((first_path, heading, kind, term, description, trail, own_feed,
                                        sorted(extra.items())))
        for page in paginate(articles, first_path, self.site.config.items_per_page, numbers):
            key = self.keys.flat_key(template, page.path, list_inputs,
                                     f"{page.number}/{page.total}/{page.count}".encode(), tokens(page.items))
            lastmod = newest(page.items) if page.items else None
            if self.reusable.get(urls.output_file(page.path)) == key:
                pages.append(self._reused(page.path, key, lastmod))
                continue
            if reused_only:
                return None
            numbered = self.words["page_n_of_m"].format(n=page.number, m=page.total)
            title = heading if page.number == 1 else f"{heading} · {numbered}"
            crumbs = self.trail([*trail, (heading, first_path)]) if first_path else None
            pages.append(self.render_page(
                template, page.path, pagination=page, heading=heading, kind=kind, term=term,
                description=description, lastmod=lastmod, breadcrumbs=crumbs,
                feed=(self.words["feed_of"].format(name=heading if term is None else term.name),
                      urls.atom_path(first_path)) if own_feed else None,
                page_title=title, key=key, **extra))
        return pages

    def _reused(self, path: str, key: str, lastmod: datetime | None) -> RenderedFile:
        """A page of the sitemap that stays as the previous build wrote it."""
        return RenderedFile(urls.output_file(path), None, f"page {path or '/'}", lastmod=lastmod, in_sitemap=True,
                            key=key)

    def render_page(self, template_name: str, path: str, **context: object) -> RenderedFile:
        """A page from its template and context, with what every page has (title, description, canonical
        address, metadata) filled in; its key is the context's unless the caller knows better."""
        served_anywhere = bool(context.pop("served_anywhere", False))
        in_sitemap = bool(context.pop("in_sitemap", not served_anywhere))
        lastmod = context.pop("lastmod", None)
        key = context.pop("key", None)  # given by pages that know their inputs better than their context
        from_path = None if served_anywhere else path

        def link(site_path: str) -> str:
            return self.urls.link(site_path, from_path)

        self._fill_context(context, path, served_anywhere)
        site_path = urls.output_file(path)
        if key is None:
            key = self.keys.page_key(template_name, path, (served_anywhere, sorted(context.items())))
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

    def _fill_context(self, context: dict[str, object], path: str, served_anywhere: bool) -> None:
        """What every page's template reads, where the page did not give it."""
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

    def linked_slugs(self, articles: Iterable[Article]) -> list[str | None]:
        """The slugs of the bulletins these bodies link to (a page's links change when one is renamed)."""
        by_path = self.site.by_content_path
        return [by_path[target].slug if target in by_path else None
                for article in articles for target in article.linked_articles]

    def picture_html(self, content_path: str, alt: str, link: Callable[[str], str], eager: bool = False,
                     attributes: str = "") -> Markup:
        """A <picture> with WebP and original-format sizes, width and height set (no layout shift)."""
        picture = self.pictures.get(content_path) or Picture(content_path, None, None)
        original = [f"{link(v.site_path)} {v.width}w" for v in picture.variants if v.mime != "image/webp"]
        fallback = ", ".join([*original, f"{link(picture.site_path)} {picture.width}w"]) if original else ""
        template = self.environment.get_template("partials/picture.html")
        return Markup(template.render(picture=picture, alt=alt, url=link, eager=eager, sizes=PICTURE_SIZES,
                                      fallback_srcset=fallback, attributes=Markup(attributes)).strip())

    def trail(self, trail: Sequence[tuple[str, str]]) -> dict:
        """Breadcrumbs from the front page down to this page: visible links and their JSON-LD."""
        full = [(self.words["home"], ""), *trail]
        return {"links": full, "data": metadata.breadcrumbs(full, self.urls.absolute)}

    def resolve_references(self, html: str, page_path: str) -> str:
        """The body's references to files and bulletins as links from this page; its pictures responsive,
        loaded lazily."""
        def link(site_path: str) -> str:
            return self.urls.link(site_path, page_path)
        return resolve_references(html, self.site, link,
                                  lambda target, alt, attributes: self.picture_html(target, alt, link,
                                                                                    attributes=attributes))

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
