"""The indexed site: everything the render stage needs, gathered before anything is written."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from .bulletin import Article, Campaign

if TYPE_CHECKING:
    from ..config import SiteConfig

# How long a bulletin stays in the news sitemap after it is published.
NEWS_WINDOW = timedelta(days=2)


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


def newest_first(article: Article) -> tuple:
    return (-article.date.timestamp(), article.slug)
