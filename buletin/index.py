"""Index stage: choose what is published and build every list a page needs."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, time, timedelta

from . import related, search, urls
from .config import SiteConfig
from .content import Article, Campaign, slugify
from .i18n import format_list_date
from .problems import Problem, did_you_mean


@dataclass(frozen=True)
class Term:
    """A region, tag or reporter, with its bulletins newest first."""

    kind: str  # "region", "tag" or "reporter"
    name: str
    slug: str
    path: str
    articles: tuple[Article, ...]


@dataclass(frozen=True)
class MonthArchive:
    year: int
    month: int
    path: str
    articles: tuple[Article, ...]


@dataclass(frozen=True)
class YearArchive:
    year: int
    path: str
    months: tuple[MonthArchive, ...]  # newest first

    @property
    def count(self) -> int:
        return sum(len(month.articles) for month in self.months)


@dataclass(frozen=True)
class CampaignEntry:
    """A campaign with its published bulletins, newest first."""

    campaign: Campaign
    path: str
    articles: tuple[Article, ...]
    status: str  # "active", "upcoming" or "past", on the day of the build


@dataclass(frozen=True)
class Neighbours:
    older: Article | None
    newer: Article | None


@dataclass(frozen=True)
class Site:
    """Everything the render stage needs, gathered before anything is written."""

    config: SiteConfig
    build_time: datetime
    articles: tuple[Article, ...]  # published in this build, newest first
    regions: tuple[Term, ...]
    tags: tuple[Term, ...]
    reporters: tuple[Term, ...]
    years: tuple[YearArchive, ...]
    neighbours: dict[str, Neighbours] = field(default_factory=dict)
    related: dict[str, tuple[Article, ...]] = field(default_factory=dict)
    by_content_path: dict[str, Article] = field(default_factory=dict)
    campaigns: tuple[CampaignEntry, ...] = ()  # active first (newest start first), then upcoming, then past
    campaign_by_slug: dict[str, CampaignEntry] = field(default_factory=dict)
    valid_until: datetime | None = None  # the first moment the same content would give another site
    region_by_name: dict[str, Term] = field(default_factory=dict)
    tag_by_name: dict[str, Term] = field(default_factory=dict)
    reporter_by_name: dict[str, Term] = field(default_factory=dict)

    def is_future(self, article: Article) -> bool:
        return article.date > self.build_time


@dataclass
class IndexResult:
    site: Site | None
    problems: list[Problem]
    warnings: list[Problem]


def build_index(articles: Sequence[Article], config: SiteConfig, build_time: datetime,
                include_drafts: bool = False, include_future: bool = False,
                campaigns: Sequence[Campaign] = ()) -> IndexResult:
    """Index the published bulletins (checked by find_cross_file_problems first)."""
    problems: list[Problem] = []
    warnings: list[Problem] = []
    published = [article for article in articles
                 if (include_drafts or not article.draft) and (include_future or article.date <= build_time)]
    published.sort(key=newest_first)
    published_paths = {article.content_path for article in published}
    published_slugs = {article.slug for article in published}
    by_path = {article.content_path: article for article in articles}
    for article in published:
        for target in article.linked_articles:
            if target not in published_paths and target in by_path:
                problems.append(Problem(article.source_path, None, "body",
                                        f'links to "{by_path[target].source_path}", which is not published '
                                        f'in this build (a draft or dated in the future)',
                                        "Publish that bulletin first, or remove the link."))
    if problems:
        return IndexResult(None, problems, warnings)

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
    for article in published:
        hidden = [slug for slug in article.related if slug not in published_slugs]
        if hidden:
            warnings.append(Problem(article.source_path, article.field_lines.get("related"), "related",
                                    "pinned bulletins not published in this build are left out: " + ", ".join(hidden)))
    return IndexResult(site, [], warnings)


def newest_first(article: Article) -> tuple:
    return (-article.date.timestamp(), article.slug)


def next_change(articles: Sequence[Article], campaigns: Sequence[Campaign], build_time: datetime,
                config: SiteConfig, include_drafts: bool) -> datetime | None:
    """When time alone changes the site: a scheduled bulletin comes out, one leaves the news sitemap's
    two days, a campaign starts or ends. None if nothing ever will."""
    moments = []
    for article in articles:
        if article.draft and not include_drafts:
            continue
        moments += [article.date, article.date + feeds_news_window()]
    for campaign in campaigns:
        for day in (campaign.start, campaign.end + timedelta(days=1) if campaign.end else None):
            if day is not None:
                moments.append(datetime.combine(day, time(), tzinfo=config.zone))
    return min((moment for moment in moments if moment > build_time), default=None)


def feeds_news_window() -> timedelta:
    from .feeds import NEWS_WINDOW  # the render stage owns the window; the index only needs its length
    return NEWS_WINDOW


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


def find_campaign_problems(articles: Sequence[Article], campaigns: Sequence[Campaign]) -> list[Problem]:
    """Bulletins naming a campaign that does not exist, and campaigns sharing a slug."""
    problems = []
    slugs = [campaign.slug for campaign in campaigns]
    for campaign in campaigns:
        if slugs.count(campaign.slug) > 1:
            files = " and ".join(c.source_path for c in campaigns if c.slug == campaign.slug)
            problems.append(Problem(campaign.source_path, None, "slug", f'the campaign slug "{campaign.slug}" is '
                                    f"used by {files}", "Give one of them another slug or file name."))
    for article in articles:
        if article.campaign and article.campaign not in slugs:
            guess = did_you_mean(article.campaign, slugs, cutoff=0.6)
            hint = f'Did you mean "{guess}"?' if guess else (
                "Known campaigns: " + ", ".join(sorted(slugs)) + "." if slugs else
                "Add the campaign as a file in content/campaigns/ first.")
            problems.append(Problem(article.source_path, article.field_lines.get("campaign"), "campaign",
                                    f'no campaign has the slug "{article.campaign}"', hint))
    return problems


def find_cross_file_problems(articles: Sequence[Article], unloaded_slugs: Iterable[str] = ()) -> list[Problem]:
    """Duplicate slugs and pinned slugs that name no bulletin.

    unloaded_slugs are those of files that failed to load: pinning them is not
    reported again, their own problem says what is wrong.
    """
    unloaded = set(unloaded_slugs)
    problems = []
    by_slug: dict[str, list[Article]] = defaultdict(list)
    for article in articles:
        by_slug[article.slug].append(article)
    for slug, group in sorted(by_slug.items()):
        if len(group) > 1:
            files = " and ".join(a.source_path for a in group)
            for article in group:
                problems.append(Problem(article.source_path, article.field_lines.get("slug"), "slug",
                                        f'the slug "{slug}" is used by {files}',
                                        "Give one of them another slug (rename the file or set 'slug:')."))
    for article in articles:
        for field_name in ("related", "not_related"):
            for slug in getattr(article, field_name):
                line = article.field_lines.get(field_name)
                if slug not in by_slug and slug not in unloaded:
                    guess = did_you_mean(slug, by_slug, cutoff=0.8)
                    hint = (f'Did you mean "{guess}"?' if guess
                            else "Use the slug of an existing bulletin (its file name).")
                    problems.append(Problem(article.source_path, line, field_name,
                                            f'no bulletin has the slug "{slug}"', hint))
                elif slug == article.slug:
                    problems.append(Problem(article.source_path, line, field_name,
                                            "a bulletin cannot name itself here", f'Remove "{slug}".'))
            both = set(article.related) & set(article.not_related)
            if field_name == "not_related" and both:
                problems.append(Problem(article.source_path, article.field_lines.get("not_related"), "not_related",
                                        "pinned and excluded at once: " + ", ".join(sorted(both)),
                                        "Remove them from one of 'related' and 'not_related'."))
    return problems


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


def make_related_index(articles: Sequence[Article], config: SiteConfig) -> related.RelatedIndex:
    """The related-bulletins index over the published bulletins, built once per build."""
    return related.RelatedIndex(related_documents(articles, config), related.weights_from(config.related))


def related_documents(articles: Sequence[Article], config: SiteConfig) -> list[related.Document]:
    """What the ranking sees of each bulletin."""
    excluded = {slugify(tag) for tag in config.related.exclude_tags}
    return [
        related.Document(
            name=article.slug,
            date=article.date,
            title=article.title,
            summary=article.summary,  # the body's words are counted already (article.words)
            keywords=tuple(tag for tag in dict.fromkeys(map(slugify, article.tags)) if tag not in excluded),
            region=article.region,
            campaign=article.campaign,
            language=article.lang or config.language,
            pinned=article.related,
            excluded=article.not_related,
            words=article.words,
            key=article.source_digest,  # its file: the same file read with the same settings, the same document
        )
        for article in articles
    ]


def search_documents(site: Site) -> list[search.SearchDocument]:
    """What the search index sees of each published bulletin, newest first; dates as the site shows them."""
    language = site.config.language
    shown_dates: dict[object, str] = {}  # Babel is slow, and many bulletins share a day

    def shown(day: object) -> str:
        if day not in shown_dates:
            shown_dates[day] = format_list_date(day, language)
        return shown_dates[day]

    weight = site.config.related.title_weight
    return [
        search.SearchDocument(
            path=urls.article_path(article.slug),
            title=article.title,
            date=shown(article.date.date()),
            region=article.region,
            topics=tuple(dict.fromkeys(site.tag_by_name[tag].name for tag in article.tags)),
            year=str(article.date.year),
            summary=article.summary,
            language=article.lang or language,
            words=article.words or related.count_words(article.title, article.summary, "", weight),
            others=(article.region, *article.tags, *article.reporters),
            key=article.source_digest,
        )
        for article in site.articles
    ]


def add_related(site: Site, lists: dict[str, tuple[str, ...]]) -> tuple[Site, list[Problem]]:
    """The site with every bulletin's Baca juga list (names from the ranking), and a warning for each without one."""
    by_slug = {article.slug: article for article in site.articles}
    related_articles = {article.slug: tuple(by_slug[name] for name in lists[article.slug])
                        for article in site.articles}
    warnings = [Problem(article.source_path, None, "related", "no related bulletin found for Baca juga",
                        "Add tags, or pin bulletins with 'related: [slug]'.")
                for article in site.articles if not related_articles[article.slug] and len(site.articles) > 1]
    return replace(site, related=related_articles), warnings
