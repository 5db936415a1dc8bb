"""What a site can set in site.toml: every setting with its type and default.

Records only: reading and checking the file is read.py's.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from ..model import BuildError, Problem

CONFIG_FILE_NAME = "site.toml"


@dataclass(frozen=True)
class Weights:
    """How the related lists' signals combine (explained in buletin/related); site.toml's [related] sets them."""

    count: int = 5
    min_score: float = 0.14
    text_weight: float = 1.0
    title_weight: float = 2.0  # a word in the title or summary counts this many times
    acronym_weight: float = 0.1
    tag_weight: float = 0.05
    campaign_weight: float = 0.05
    name_weight: float = 0.0
    region_weight: float = 0.03
    time_weight: float = 0.03
    time_scale_days: float = 180.0
    smoothing: float = 0.5  # weight of neighbours shared with a candidate (second-order similarity)
    stemmer: str = "sastrawi"  # for Indonesian: "sastrawi", "snowball" or "none"


@dataclass(frozen=True)
class RelatedConfig(Weights):
    """How the "Baca juga" list is chosen (the ranking's weights) and placed."""

    exclude_tags: tuple[str, ...] = ()
    inline_marker: str = "<!-- baca-juga -->"
    inline_after_paragraph: int = 0  # 0: only where a writer puts the marker
    inline_min_paragraphs: int = 8  # automatic placement only in articles at least this long

    @property
    def weights(self) -> Weights:
        """The ranking's part of these settings."""
        return Weights(**{item.name: getattr(self, item.name) for item in dataclasses.fields(Weights)})


STEMMERS = ("sastrawi", "snowball", "none")


@dataclass(frozen=True)
class ThemeConfig:
    """The site's own look without editing templates: colours as #rrggbb, empty for the theme's own."""

    accent: str = ""
    link: str = ""
    accent_dark: str = ""  # in the dark scheme
    link_dark: str = ""
    templates_dir: str = "templates"  # the site's templates, overriding the theme's file by file
    static_dir: str = "static"

    @property
    def colours(self) -> dict[str, str]:
        return {key: getattr(self, key) for key in ("accent", "link", "accent_dark", "link_dark") if getattr(self, key)}


@dataclass(frozen=True)
class SiteConfig:
    """Everything a site sets in site.toml, with defaults for all of it."""

    title: str = "Buletin"
    tagline: str = ""
    base_url: str = "/"
    language: str = "id"
    timezone: str = "Asia/Jakarta"
    regions: tuple[str, ...] = ()
    items_per_page: int = 10
    copyright: str = ""
    relative_urls: bool = False
    publication_name: str = ""  # for news sitemaps and the publisher in metadata; default: title
    logo: str = ""  # a static file, e.g. "logo.png": the publisher's logo and the fallback share image
    feed_items: int = 20
    feed_full_content: bool = False
    search: bool = True
    twitter_site: str = ""  # the site's X account, e.g. "@humasjakarta"
    embed_hosts: tuple[str, ...] = ()  # iframes allowed in bulletins, by host: "www.youtube-nocookie.com"
    default_reporter: str = ""  # filled in by `build.py new` when --reporter is not given
    default_editor: str = ""
    related: RelatedConfig = field(default_factory=RelatedConfig)
    theme: ThemeConfig = field(default_factory=ThemeConfig)

    @property
    def publisher(self) -> str:
        return self.publication_name or self.title

    @property
    def has_absolute_base_url(self) -> bool:
        return self.base_url.startswith(("http://", "https://"))

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def with_base_url(self, base_url: str) -> SiteConfig:
        """A copy with another base URL, checked like the one in the file."""
        problem = _check_base_url(base_url)
        if problem:
            raise BuildError([Problem("--base-url", None, None, problem[0], problem[1])])
        return dataclasses.replace(self, base_url=_with_trailing_slash(base_url))


def _check_base_url(base_url: str) -> tuple[str, str] | None:
    parts = urlsplit(base_url)
    if base_url.startswith("/") and not parts.netloc:
        return None
    if parts.scheme in ("http", "https") and parts.netloc and not parts.query and not parts.fragment:
        return None
    return (f'"{base_url}" is not a usable base URL',
            'Use the address the site will live at, such as "https://example.org/" or '
            '"https://example.org/buletin/", or a path such as "/buletin/".')


def _with_trailing_slash(url: str) -> str:
    return url if url.endswith("/") else url + "/"


# What each setting is for, in a line: `init` writes them into a new site.toml, and a test checks that every
# setting of the schema has one.
SETTINGS_HELP: dict[str, str] = {
    "title": "the site's name, in the header and in every page's title",
    "tagline": "a line under the name, and the description of the front page",
    "base_url": 'the address the site is published at ("https://example.org/" or "https://example.org/buletin/")',
    "language": '"id" (Bahasa Indonesia) or "en": the interface words and the dates',
    "timezone": "times written without an offset are in this zone",
    "regions": "a bulletin's region must be one of these (leave the list empty to accept any)",
    "items_per_page": "bulletins on each page of a list",
    "copyright": "the holder of the copyright, in the footer and the feeds",
    "relative_urls": "true: links work when output/ is opened from disk",
    "publication_name": "the publisher named to news aggregators (default: the title)",
    "logo": "a file in static/: the publisher's logo and the picture shared when a page has none",
    "feed_items": "bulletins in each Atom and RSS feed",
    "feed_full_content": "true: feeds carry the whole text, not only the summary",
    "search": "the search page and its index (cari/indeks/)",
    "twitter_site": 'the site\'s X account, for X cards ("@humasjakarta")',
    "embed_hosts": 'hosts whose iframes bulletins may embed, over https ("www.youtube-nocookie.com")',
    "default_reporter": "the reporter `new` fills in when --reporter is not given",
    "default_editor": "the editor `new` fills in when --editor is not given",
    "related": "how the Baca juga list of related bulletins is chosen and placed",
    "related.count": "bulletins the list shows at most",
    "related.min_score": "a bulletin needs at least this topical score to be listed",
    "related.text_weight": "weight of shared words (their stems)",
    "related.title_weight": "a word in the title or summary counts this many times",
    "related.acronym_weight": "weight of shared acronyms (TPPO, DBD)",
    "related.tag_weight": "weight of shared tags",
    "related.campaign_weight": "weight of belonging to the same campaign",
    "related.name_weight": "weight of shared names of people and places",
    "related.region_weight": "a small bonus for the same region (it only reorders related bulletins)",
    "related.time_weight": "a small bonus for bulletins close in time (it only reorders)",
    "related.time_scale_days": "how fast that bonus fades, in days",
    "related.smoothing": "weight of bulletins related to both (second-order similarity)",
    "related.stemmer": 'for Indonesian: "sastrawi", "snowball" or "none"',
    "related.exclude_tags": "tags too common to say anything about the topic",
    "related.inline_marker": "a line in a body that takes the next related bulletin as a Baca juga line",
    "related.inline_after_paragraph": "without markers, one Baca juga line after this paragraph (0: none)",
    "related.inline_min_paragraphs": "the automatic line only in bulletins of at least this many paragraphs",
    "theme": "the look of the default theme, without editing templates",
    "theme.accent": 'the accent colour, "#rrggbb" (empty: the theme\'s own)',
    "theme.link": "the colour of links",
    "theme.accent_dark": "the accent colour in the dark scheme",
    "theme.link_dark": "the colour of links in the dark scheme",
    "theme.templates_dir": "the site's own templates, overriding the theme's file by file",
    "theme.static_dir": "the site's own static files (CSS, pictures), beside the theme's",
}
