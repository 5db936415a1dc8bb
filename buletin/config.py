"""The site configuration: a typed, validated view of site.toml."""

from __future__ import annotations

import dataclasses
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .i18n import SUPPORTED_LANGUAGES
from .problems import BuildError, Problem, did_you_mean
from .related import Weights

CONFIG_FILE_NAME = "site.toml"


@dataclass(frozen=True)
class RelatedConfig:
    """How the "Baca juga" list is chosen and placed; the weights are explained in related.py."""

    count: int = Weights.count
    min_score: float = Weights.min_score
    text_weight: float = Weights.text_weight
    title_weight: float = Weights.title_weight
    acronym_weight: float = Weights.acronym_weight
    tag_weight: float = Weights.tag_weight
    campaign_weight: float = Weights.campaign_weight
    name_weight: float = Weights.name_weight
    region_weight: float = Weights.region_weight
    time_weight: float = Weights.time_weight
    time_scale_days: float = Weights.time_scale_days
    smoothing: float = Weights.smoothing
    stemmer: str = Weights.stemmer
    exclude_tags: tuple[str, ...] = ()
    inline_marker: str = "<!-- baca-juga -->"
    inline_after_paragraph: int = 0  # 0: only where a writer puts the marker
    inline_min_paragraphs: int = 8  # automatic placement only in articles at least this long


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


def load_config(path: Path | None, display_name: str | None = None) -> SiteConfig:
    """Read and validate a configuration file; a missing path gives the defaults.

    Every problem in the file is collected before the BuildError is raised.
    """
    if path is None:
        return SiteConfig()
    name = display_name or str(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise BuildError([Problem(name, None, None, "the configuration file does not exist",
                                  "Create it, or point --config at an existing file.")]) from None
    except (OSError, UnicodeDecodeError) as error:
        raise BuildError([Problem(name, None, None, f"cannot read the configuration file: {error}",
                                  "Save it as UTF-8 text.")]) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        line = _line_from_toml_error(str(error), text)
        raise BuildError([Problem(name, line, None, f"this is not valid TOML: {error}",
                                  'Check quotes and brackets; strings need "double quotes".')]) from None
    problems: list[Problem] = []
    values = _read_table(data, SiteConfig, "", name, text, problems)
    for section, cls in (("related", RelatedConfig), ("theme", ThemeConfig)):
        if section in data and isinstance(data[section], dict):
            values[section] = cls(**_read_table(data[section], cls, section, name, text, problems))
        elif section in data:
            problems.append(Problem(name, _line_of(text, section), section,
                                    "must be a table", f"Write it as a [{section}] section."))
    problems += _check_values(values, name, text)
    if problems:
        raise BuildError(problems)
    if "base_url" in values:
        values["base_url"] = _with_trailing_slash(values["base_url"])
    return SiteConfig(**values)


_SCALAR_TYPES = {"str": str, "int": int, "float": (int, float), "bool": bool}
_TYPE_NAMES = {"str": "a string", "int": "a whole number", "float": "a number",
               "bool": "true or false", "tuple[str, ...]": "a list of strings"}


def _read_table(data: dict, cls: type, section: str, name: str, text: str,
                problems: list[Problem]) -> dict:
    """Check the keys and value types of one TOML table against a dataclass."""
    fields = {f.name: f for f in dataclasses.fields(cls)}
    values: dict = {}
    for key, value in data.items():
        label = f"{section}.{key}" if section else key
        line = _line_of(text, key)
        if key not in fields:
            guess = did_you_mean(key, fields)
            hint = f'Did you mean "{guess}"?' if guess else "Known keys: " + ", ".join(sorted(fields)) + "."
            problems.append(Problem(name, line, label, "unknown configuration key", hint))
            continue
        type_name = str(fields[key].type)
        if type_name in ("RelatedConfig", "ThemeConfig"):
            continue
        if type_name == "tuple[str, ...]":
            if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
                problems.append(Problem(name, line, label, f"must be {_TYPE_NAMES[type_name]}",
                                        f'Write it as {key} = ["...", "..."].'))
                continue
            values[key] = tuple(value)
            continue
        expected = _SCALAR_TYPES[type_name]
        if (isinstance(value, bool) and type_name != "bool") or not isinstance(value, expected):
            problems.append(Problem(name, line, label, f"must be {_TYPE_NAMES[type_name]}, "
                                    f"not {type(value).__name__} {value!r}", None))
            continue
        values[key] = float(value) if type_name == "float" else value
    return values


def _check_values(values: dict, name: str, text: str) -> list[Problem]:
    problems = []
    if "base_url" in values:
        problem = _check_base_url(values["base_url"])
        if problem:
            problems.append(Problem(name, _line_of(text, "base_url"), "base_url", *problem))
    if "timezone" in values:
        try:
            ZoneInfo(values["timezone"])
        except (ZoneInfoNotFoundError, ValueError):
            problems.append(Problem(name, _line_of(text, "timezone"), "timezone",
                                    f'unknown time zone "{values["timezone"]}"',
                                    'Use an IANA name such as "Asia/Jakarta", "Asia/Makassar" or "Asia/Jayapura".'))
    if "language" in values and values["language"] not in SUPPORTED_LANGUAGES:
        problems.append(Problem(name, _line_of(text, "language"), "language",
                                f'unsupported language "{values["language"]}"',
                                "Use one of: " + ", ".join(sorted(SUPPORTED_LANGUAGES)) + "."))
    for key in ("items_per_page", "feed_items"):
        if key in values and values[key] < 1:
            problems.append(Problem(name, _line_of(text, key), key, "must be at least 1", None))
    related = values.get("related")
    if related is not None:
        problems += _check_related(related, name, text)
    theme = values.get("theme")
    for key, colour in (theme.colours.items() if theme else ()):
        if not re.fullmatch(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})", colour):
            problems.append(Problem(name, _line_of(text, key), f"theme.{key}", f'"{colour}" is not a colour',
                                    'Write it as "#rrggbb", for example "#9b1c1c".'))
    regions = values.get("regions", ())
    duplicates = sorted({r for r in regions if regions.count(r) > 1})
    if duplicates:
        problems.append(Problem(name, _line_of(text, "regions"), "regions",
                                "regions listed twice: " + ", ".join(duplicates), "List each region once."))
    return problems


def _check_related(related: RelatedConfig, name: str, text: str) -> list[Problem]:
    problems = []
    if related.stemmer not in STEMMERS:
        problems.append(Problem(name, _line_of(text, "stemmer"), "related.stemmer",
                                f'unknown stemmer "{related.stemmer}"', "Use one of: " + ", ".join(STEMMERS) + "."))
    if related.count < 0:
        problems.append(Problem(name, _line_of(text, "count"), "related.count", "must not be negative", None))
    for key in ("inline_after_paragraph", "inline_min_paragraphs"):
        if getattr(related, key) < 0:
            problems.append(Problem(name, _line_of(text, key), f"related.{key}", "must not be negative", None))
    if not related.inline_marker.strip():
        problems.append(Problem(name, _line_of(text, "inline_marker"), "related.inline_marker", "must not be empty",
                                'The default is "<!-- baca-juga -->".'))
    return problems


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


def _line_of(text: str, key: str) -> int | None:
    match = re.search(rf"^\s*{re.escape(key)}\s*=|^\s*\[{re.escape(key)}\]", text, re.MULTILINE)
    return text.count("\n", 0, match.start()) + 1 if match else None


def _line_from_toml_error(message: str, text: str) -> int | None:
    match = re.search(r"line (\d+)", message)
    if match:
        return int(match.group(1))
    return text.rstrip("\n").count("\n") + 1 if "end of document" in message else None
