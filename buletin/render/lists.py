"""What list pages show: their term, their page of bulletins, and the links between pages."""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime

from ..model import Article, Term, urls


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
class NavigationItem:
    """A region in the site's navigation: what every page shows of it."""

    name: str
    path: str


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


def newest(articles: Iterable[Article]) -> datetime | None:
    """The latest change of these bulletins (None for none): a list page's last change."""
    return max((article.updated or article.date for article in articles), default=None)
