"""The index stage: what is published in this build, and every list a page needs."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from ..config import SiteConfig
from ..model import (
    NEWS_WINDOW,
    Article,
    Campaign,
    CampaignEntry,
    MonthArchive,
    Neighbours,
    Problem,
    Site,
    Term,
    YearArchive,
    newest_first,
    slugify,
    urls,
)
from .checks import hidden_pins, unpublished_links


@dataclass
class IndexResult:
    site: Site | None
    problems: list[Problem]
    warnings: list[Problem]


def build_index(articles: Sequence[Article], config: SiteConfig, build_time: datetime,
                include_drafts: bool = False, include_future: bool = False,
                campaigns: Sequence[Campaign] = ()) -> IndexResult:
    """Index the published bulletins (checked by find_cross_file_problems first)."""
    published = [article for article in articles
                 if (include_drafts or not article.draft) and (include_future or article.date <= build_time)]
    published.sort(key=newest_first)
    problems = unpublished_links(published, articles)
    if problems:
        return IndexResult(None, problems, [])
    site = Site(
        config=config,
        build_time=build_time,
        articles=tuple(published),
        regions=group_terms("region", published, lambda a: (a.region,), urls.region_path),
        tags=group_terms("tag", published, lambda a: a.tags, urls.tag_path),
        reporters=group_terms("reporter", published, lambda a: a.reporters, urls.reporter_path),
        years=group_archive(published),
        neighbours=find_neighbours(published),
        by_content_path={article.content_path: article for article in published},
        campaigns=group_campaigns(campaigns, published, build_time),
        valid_until=next_change(articles, campaigns, build_time, config, include_drafts),
    )
    site.campaign_by_slug.update({entry.campaign.slug: entry for entry in site.campaigns})
    site.region_by_name.update(_term_lookup(site.regions, published, lambda a: (a.region,)))
    site.tag_by_name.update(_term_lookup(site.tags, published, lambda a: a.tags))
    site.reporter_by_name.update(_term_lookup(site.reporters, published, lambda a: a.reporters))
    return IndexResult(site, [], hidden_pins(published))


def next_change(articles: Sequence[Article], campaigns: Sequence[Campaign], build_time: datetime,
                config: SiteConfig, include_drafts: bool) -> datetime | None:
    """When time alone changes the site: a scheduled bulletin comes out, one leaves the news sitemap's
    two days, a campaign starts or ends. None if nothing ever will."""
    moments = []
    for article in articles:
        if article.draft and not include_drafts:
            continue
        moments += [article.date, article.date + NEWS_WINDOW]
    for campaign in campaigns:
        for day in (campaign.start, campaign.end + timedelta(days=1) if campaign.end else None):
            if day is not None:
                moments.append(datetime.combine(day, time(), tzinfo=config.zone))
    return min((moment for moment in moments if moment > build_time), default=None)


def group_campaigns(campaigns: Sequence[Campaign], articles: Sequence[Article],
                    build_time: datetime) -> tuple[CampaignEntry, ...]:
    today = build_time.date()
    order = {"active": 0, "upcoming": 1, "past": 2}
    entries = []
    for campaign in campaigns:
        status = "active" if campaign.is_active(today) else ("upcoming" if campaign.start > today else "past")
        members = tuple(article for article in articles if article.campaign == campaign.slug)
        entries.append(CampaignEntry(campaign, urls.campaign_path(campaign.slug), members, status))
    return tuple(sorted(entries, key=lambda e: (order[e.status], -e.campaign.start.toordinal(), e.campaign.slug)))


def group_terms(kind: str, articles: Sequence[Article], names_of, path_of) -> tuple[Term, ...]:
    """One Term per distinct slug; spellings that share a slug are merged under the commonest one."""
    members: dict[str, list[Article]] = defaultdict(list)
    spellings: dict[str, Counter] = defaultdict(Counter)
    for article in articles:  # already newest first
        for name in names_of(article):
            slug = slugify(name)
            members[slug].append(article)
            spellings[slug][name] += 1
    terms = []
    for slug, group in members.items():
        name = min(spellings[slug].items(), key=lambda item: (-item[1], item[0]))[0]
        terms.append(Term(kind, name, slug, path_of(slug), tuple(group)))
    return tuple(sorted(terms, key=lambda term: (term.name.casefold(), term.slug)))


def _term_lookup(terms: Iterable[Term], articles: Sequence[Article], names_of) -> dict[str, Term]:
    by_slug = {term.slug: term for term in terms}
    return {name: by_slug[slugify(name)] for article in articles for name in names_of(article)}


def group_archive(articles: Sequence[Article]) -> tuple[YearArchive, ...]:
    months: dict[tuple[int, int], list[Article]] = defaultdict(list)
    for article in articles:
        months[(article.date.year, article.date.month)].append(article)
    years: dict[int, list[MonthArchive]] = defaultdict(list)
    for (year, month), group in sorted(months.items(), reverse=True):
        years[year].append(MonthArchive(year, month, urls.archive_path(year, month), tuple(group)))
    return tuple(YearArchive(year, urls.archive_path(year), tuple(group))
                 for year, group in sorted(years.items(), reverse=True))


def find_neighbours(articles: Sequence[Article]) -> dict[str, Neighbours]:
    """Older and newer bulletin for each, in publication order."""
    neighbours = {}
    for position, article in enumerate(articles):
        newer = articles[position - 1] if position > 0 else None
        older = articles[position + 1] if position + 1 < len(articles) else None
        neighbours[article.slug] = Neighbours(older, newer)
    return neighbours
