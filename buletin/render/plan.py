"""The page plan: every page, feed and sitemap of a site, in the order their files go to the writer.

The bulk of a site (articles, list pages, feeds) is made by jobs that may go
to worker processes; the few pages that gather the whole site (the archive by
year, the overview, search, 404) are made here between them, and the
sitemaps last, from every page made before.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from importlib.resources import files

from ..i18n import format_month
from ..model import RenderedFile, urls
from . import feeds
from .jobs import Job, job_results, one_page
from .lists import ListTerm, newest
from .machine import machine_files, render_feed, site_feeds
from .pages import Renderer

PREVIEW_SCRIPT = "__buletin__/preview.js"  # shown only in `serve`: the last build's problems, on every page


@dataclass(frozen=True)
class PagePlan:
    """The jobs of a site in order, with what each costs, and how many of them each part of the order takes."""

    jobs: list[Job]
    weights: list[int]  # about what each job costs: a page per article, the pages of a list, a feed as a few
    lists: int  # the first jobs: articles, the front page, campaigns, regions, tags and reporters
    months: list[int]  # then, after each year's archive page, the jobs of its months
    feeds: list[feeds.Feed]  # the last jobs, one per feed: the site's first


def render_site(renderer: Renderer, workers: int = 1) -> Iterator[RenderedFile]:
    """Every page, feed and sitemap, each given out as soon as it is made and not kept here.

    Articles, lists and feeds, the bulk of a large site, are rendered in
    `workers` forked processes when there are many; the files come in the
    same order, with the same bytes, as from rendering them one by one.
    """
    site, words = renderer.site, renderer.words
    plan = plan_jobs(renderer)
    done = _job_files(renderer, plan, workers)
    in_sitemap: list[tuple[str, datetime | None]] = []

    def passing(files: Iterable[RenderedFile]) -> Iterator[RenderedFile]:
        for file in files:
            if file.in_sitemap:
                in_sitemap.append((file.site_path, file.lastmod))
            yield file

    def next_jobs(count: int) -> Iterator[RenderedFile]:
        for _ in range(count):
            yield from passing(next(done))

    yield from next_jobs(plan.lists)
    if site.campaigns:
        yield from passing([renderer.render_page(
            "campaigns.html", urls.campaign_path(), heading=words["campaigns"],
            description=words["description_campaigns"], campaigns=site.campaigns,
            breadcrumbs=renderer.trail([(words["campaigns"], urls.campaign_path())]))])
    archive_trail = [(words["archive"], urls.archive_path())]
    for year, year_jobs in zip(site.years, plan.months, strict=True):
        yield from passing([renderer.render_page(
            "archive.html", year.path, years=(year,), heading=words["archive_year"].format(name=year.year),
            description=words["description_archive"].format(name=year.year),
            lastmod=newest(a for month in year.months for a in month.articles),
            breadcrumbs=renderer.trail([*archive_trail, (str(year.year), year.path)]))])
        yield from next_jobs(year_jobs)
    yield from passing([
        renderer.render_page("archive.html", urls.archive_path(), years=site.years, heading=words["archive"],
                             breadcrumbs=renderer.trail(archive_trail), lastmod=newest(site.articles)),
        renderer.render_page("overview.html", urls.OVERVIEW_PATH, heading=words["overview"],
                             description=words["description_overview"], lastmod=newest(site.articles),
                             breadcrumbs=renderer.trail([(words["overview"], urls.OVERVIEW_PATH)]),
                             region_terms=site.regions, tag_terms=site.tags, reporter_terms=site.reporters)])
    if site.config.search:
        yield renderer.render_page("search.html", urls.SEARCH_PATH, heading=words["search_title"],
                                   breadcrumbs=renderer.trail([(words["search"], urls.SEARCH_PATH)]),
                                   in_sitemap=False)
    yield renderer.render_page("404.html", urls.NOT_FOUND_PATH, heading=words["not_found_title"],
                               served_anywhere=True)
    yield from next_jobs(len(plan.feeds))
    yield from machine_files(renderer, in_sitemap, site_feed=plan.feeds[0])
    if renderer.preview:
        yield RenderedFile(PREVIEW_SCRIPT, files(__package__).joinpath("preview.js").read_bytes(), "preview script")


def plan_jobs(renderer: Renderer) -> PagePlan:
    """The jobs of every article, list page and feed, in the order their files go out."""
    site, words = renderer.site, renderer.words
    jobs: list[Job] = [functools.partial(one_page, renderer.render_article, article) for article in site.articles]
    jobs += renderer.list_jobs(
        "index.html", "", site.articles, heading=site.config.title, kind="home",
        term=None, description=site.config.tagline, trail=[],
        active_campaigns=tuple(e for e in site.campaigns if e.status == "active"))
    for entry in site.campaigns:
        jobs += renderer.list_jobs(
            "campaign.html", entry.path, entry.articles, heading=entry.campaign.title,
            kind="campaign", term=None, description=entry.campaign.theme,
            trail=[(words["campaigns"], urls.campaign_path())], own_feed=True, campaign=entry)
    descriptions = {"region": "description_region", "tag": "description_tag", "reporter": "description_reporter"}
    headings = {"region": "bulletins_in", "tag": "bulletins_tagged", "reporter": "bulletins_by"}
    for term in (*site.regions, *site.tags, *site.reporters):
        jobs += renderer.list_jobs(
            "list.html", term.path, term.articles,
            heading=words[headings[term.kind]].format(name=term.name), kind=term.kind, term=ListTerm.of(term),
            description=words[descriptions[term.kind]].format(name=term.name),
            trail=[(words["overview"], urls.OVERVIEW_PATH)], own_feed=term.kind in ("region", "tag"))
    lists = len(jobs)
    archive_trail = [(words["archive"], urls.archive_path())]
    months = []
    for year in site.years:
        before = len(jobs)
        for month in year.months:
            name = format_month(month.year, month.month, site.config.language)
            jobs += renderer.list_jobs(
                "list.html", month.path, month.articles,
                heading=words["archive_month"].format(name=name), kind="month", term=None,
                description=words["description_archive"].format(name=name),
                trail=[*archive_trail, (str(year.year), year.path)])
        months.append(len(jobs) - before)
    listed = site_feeds(site)
    feeds_from = len(jobs)
    jobs += [functools.partial(render_feed, renderer, feed) for feed in listed]
    weights = [1 if number < len(site.articles) else 5 if number >= feeds_from
               else len(job.keywords["numbers"]) for number, job in enumerate(jobs)]
    return PagePlan(jobs, weights, lists, months, listed)


def _job_files(renderer: Renderer, plan: PagePlan, workers: int) -> Iterator[list[RenderedFile]]:
    """Each job's files, in order. Jobs whose files all stay as the previous build left them are settled here,
    so that only the others go to the workers (forking and sending pages back cost more than checking a key)."""
    settled = [job(reused_only=True) for job in plan.jobs] if renderer.reusable else [None] * len(plan.jobs)
    pending = [number for number, made in enumerate(settled) if made is None]
    made = job_results([plan.jobs[number] for number in pending], workers, [plan.weights[number] for number in pending])
    return (files if files is not None else next(made) for files in settled)
