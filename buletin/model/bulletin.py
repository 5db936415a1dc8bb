"""A bulletin, a campaign, and what loading a file gave."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING

from .problem import Problem

if TYPE_CHECKING:
    from ..text.words import Words

# Links in a body that the render stage turns into real URLs: "buletin-ref:asset/images/x.jpg".
REFERENCE_SCHEME = "buletin-ref"
#: Prefix of link targets that the render stage turns into real URLs.
REFERENCE_PREFIX = f"{REFERENCE_SCHEME}:"


@dataclass(frozen=True, slots=True)  # slots: an archive keeps 100,000 of them in memory
class Article:
    """One bulletin, validated, with its body rendered to HTML."""

    source_path: str  # as shown to writers, e.g. "content/2023/x.md"
    content_path: str  # relative to the content folder, e.g. "2023/x.md"
    slug: str
    title: str
    date: datetime
    date_has_time: bool
    reporters: tuple[str, ...]
    editors: tuple[str, ...]
    region: str
    tags: tuple[str, ...]
    summary: str
    # The body as HTML, in UTF-8: half the memory of a str once typographic quotes make that two bytes
    # a character (see body_html).
    body_utf8: bytes
    body_words: int  # words of the body's text (0: an empty body)
    image: str | None = None  # content-relative path
    image_alt: str = ""
    image_caption: str = ""
    source: str = ""
    dateline: str = ""
    related: tuple[str, ...] = ()
    not_related: tuple[str, ...] = ()
    campaign: str = ""  # the slug of the campaign the bulletin belongs to
    draft: bool = False
    updated: datetime | None = None
    lang: str | None = None
    extra: dict = field(default_factory=dict)
    assets: tuple[str, ...] = ()  # content-relative files the page needs copied
    linked_articles: tuple[str, ...] = ()  # content paths of bulletins the body links to
    field_lines: dict[str, int] = field(default_factory=dict)
    source_digest: str = ""  # identifies the file's bytes and path: what the article was made from
    # The text's words counted for the related lists: done here, in the parsing workers and cached with
    # the article, because it is the costly part of ranking that needs no other bulletin.
    words: Words | None = field(default=None, repr=False, compare=False)

    @property
    def body_html(self) -> str:
        """The body as HTML."""
        return self.body_utf8.decode("utf-8")

    def __reduce__(self) -> tuple:
        # Pickled as the arguments of the constructor: a build reads back every cached bulletin, and the
        # generated state functions of a slotted dataclass set field after field in Python, five times slower.
        return Article, tuple(getattr(self, name) for name in _ARTICLE_FIELDS)


_ARTICLE_FIELDS = tuple(item.name for item in dataclasses.fields(Article))


@dataclass(frozen=True)
class Contact:
    """A help line or office a campaign points readers to."""

    label: str
    phone: str = ""
    whatsapp: str = ""
    url: str = ""

    @property
    def phone_link(self) -> str:
        return "tel:" + re.sub(r"[^\d+]", "", self.phone) if self.phone else ""

    @property
    def whatsapp_link(self) -> str:
        """wa.me wants the number in international form: 0812… becomes 62812…."""
        digits = re.sub(r"\D", "", self.whatsapp)
        if digits.startswith("0"):
            digits = "62" + digits[1:]
        return f"https://wa.me/{digits}" if digits else ""


@dataclass(frozen=True)
class Campaign:
    """A campaign: its message once, and (after indexing) every bulletin that carries it."""

    source_path: str
    slug: str
    title: str
    theme: str  # the slogan
    start: date
    end: date | None
    hashtag: str = ""
    image: str | None = None
    image_alt: str = ""
    contacts: tuple[Contact, ...] = ()
    lead: str = ""
    body_html: str = ""
    contact_box: bool = True  # show the contacts after the credits of its bulletins
    assets: tuple[str, ...] = ()
    source_digest: str = ""

    def is_active(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


@dataclass(slots=True)
class FileOutcome:
    """What loading one file gave: a bulletin, or the problems that stop it."""

    article: Article | None
    problems: list[Problem]
    warnings: list[Problem]

    def __reduce__(self) -> tuple:
        return FileOutcome, (self.article, self.problems, self.warnings)  # see Article.__reduce__


@dataclass
class LoadResult:
    articles: list[Article]
    problems: list[Problem]
    warnings: list[Problem]
    unloaded_slugs: list[str] = field(default_factory=list)  # of files that failed to load
    campaigns: list[Campaign] = field(default_factory=list)
