"""The related stage of a build: the site's bulletins ranked, and each given its Baca juga list."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..config import SiteConfig
from ..model import Article, Problem, Site, slugify
from ..text.analyzer import Analyzer
from .documents import Document
from .ranking import RelatedIndex
from .state import RankingState


@dataclass(frozen=True)
class RankedSite:
    """The site with its lists, the ranking for the next build to update, and what was done."""

    site: Site
    warnings: list[Problem]
    state: RankingState | None  # None: the earlier ranking stands as it was
    note: str  # "related lists computed", "reused" or "updated (N worked out again)"


def rank_site(site: Site, previous: object, threads: int, analyzer: Analyzer | None = None,
              known_stems: dict[str, dict[str, str]] | None = None) -> RankedSite:
    """Every published bulletin's Baca juga list, updated from `previous` (a RankingState of the last build)
    when it can be; `analyzer` is one the search index will use again."""
    ranking = RelatedIndex(related_documents(site.articles, site.config), site.config.related.weights,
                           threads=threads, known_stems=known_stems, analyzer=analyzer,
                           previous=previous if isinstance(previous, RankingState) else None)
    with_lists, warnings = add_related(site, ranking.all_related())
    if ranking.updated_rows is None:
        note = "related lists computed"
    elif ranking.updated_rows == 0:
        note = "related lists reused"
    else:
        note = f"related lists updated ({ranking.updated_rows} worked out again)"
    return RankedSite(with_lists, warnings, None if ranking.unchanged else ranking.state, note)


def related_index(articles: Sequence[Article], config: SiteConfig) -> RelatedIndex:
    """The related-bulletins index over the published bulletins, for explanations."""
    return RelatedIndex(related_documents(articles, config), config.related.weights)


def related_documents(articles: Sequence[Article], config: SiteConfig) -> list[Document]:
    """What the ranking sees of each bulletin."""
    excluded = {slugify(tag) for tag in config.related.exclude_tags}
    return [
        Document(
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


def add_related(site: Site, lists: dict[str, tuple[str, ...]]) -> tuple[Site, list[Problem]]:
    """The site with every bulletin's Baca juga list (names from the ranking), and a warning for each without one."""
    by_slug = {article.slug: article for article in site.articles}
    related_articles = {article.slug: tuple(by_slug[name] for name in lists[article.slug])
                        for article in site.articles}
    warnings = [Problem(article.source_path, None, "related", "no related bulletin found for Baca juga",
                        "Add tags, or pin bulletins with 'related: [slug]'.")
                for article in site.articles if not related_articles[article.slug] and len(site.articles) > 1]
    return replace(site, related=related_articles), warnings
