"""Load stage: read content/**/*.md into validated Article records.

This module parses and validates; it never writes a file.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import os
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from html import unescape
from pathlib import Path, PurePosixPath
from typing import Protocol
from urllib.parse import unquote, urlsplit
from xml.etree.ElementTree import Element

import markdown
import yaml
from babel import Locale, UnknownLocaleError
from frontmatter.default_handlers import YAMLHandler
from markdown.blockparser import BlockParser
from markdown.blockprocessors import BlockProcessor
from markdown.extensions import Extension
from markdown.treeprocessors import InlineProcessor, Treeprocessor

from . import collector
from .config import SiteConfig
from .problems import Problem, did_you_mean
from .related import Words, count_words
from .sanitize import REFERENCE_SCHEME, sanitize_html
from .typography import smarten
from .workers import worker_signals

#: Prefix of link targets that the render stage turns into real URLs.
REFERENCE_PREFIX = f"{REFERENCE_SCHEME}:"

SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

# English key -> the Indonesian keys writers may use instead.
FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "title": ("judul",),
    "date": ("tanggal",),
    "reporter": ("pewarta",),
    "editor": ("penyunting",),
    "region": ("wilayah",),
    "tags": ("topik", "tag"),
    "summary": ("ringkasan",),
    "campaign": ("kampanye",),
}
REQUIRED_FIELDS = ("title", "date", "reporter", "editor", "region")
OPTIONAL_FIELDS = ("tags", "summary", "slug", "image", "image_alt", "image_caption", "source",
                   "dateline", "related", "not_related", "draft", "updated", "lang", "campaign", "extra")
KNOWN_FIELDS = REQUIRED_FIELDS + OPTIONAL_FIELDS
CANONICAL_FIELD = {alias: name for name, aliases in FIELD_ALIASES.items() for alias in aliases}
CANONICAL_FIELD.update({name: name for name in KNOWN_FIELDS})

# Indonesian zone abbreviations writers put after a time.
ZONE_OFFSETS = {"WIB": "+07:00", "WITA": "+08:00", "WIT": "+09:00", "UTC": "+00:00"}


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


@dataclass
class LoadResult:
    articles: list[Article]
    problems: list[Problem]
    warnings: list[Problem]
    unloaded_slugs: list[str] = field(default_factory=list)  # of files that failed to load
    campaigns: list[Campaign] = field(default_factory=list)


CAMPAIGN_FOLDER = "campaigns"


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


CAMPAIGN_REQUIRED = ("title", "theme", "start")
CAMPAIGN_FIELDS = (*CAMPAIGN_REQUIRED, "slug", "end", "hashtag", "image", "image_alt", "contacts", "lead",
                   "contact_box")
CAMPAIGN_ALIASES = {"judul": "title", "tema": "theme", "mulai": "start", "selesai": "end", "kontak": "contacts"}


def load_campaigns(content_dir: Path, config: SiteConfig, display_root: Path | None = None) -> LoadResult:
    """Campaigns from content/campaigns/*.md; the result's `campaigns`, problems and warnings."""
    result = LoadResult([], [], [])
    folder = content_dir / CAMPAIGN_FOLDER
    if not folder.is_dir():
        return result
    renderer = MarkdownRenderer(content_dir, config.embed_hosts)
    for path in sorted(folder.glob("*.md")):
        if path.name.startswith("."):
            continue
        shown = _display_path(path, display_root)
        campaign = load_campaign(path, path.read_bytes(), content_dir, shown, config, renderer, result.problems)
        if campaign is not None:
            result.campaigns.append(campaign)
    return result


def load_campaign(path: Path, raw: bytes, content_dir: Path, shown: str, config: SiteConfig,
                  renderer: MarkdownRenderer, problems: list[Problem]) -> Campaign | None:
    def problem(line: int | None, field_name: str | None, message: str, suggestion: str | None = None) -> None:
        problems.append(Problem(shown, line, field_name, message, suggestion))

    parsed = read_front_matter(raw, problem, "title, theme, start")
    if parsed is None:
        return None
    data, key_lines, body, _, _ = parsed
    before = len(problems)
    fields: dict[str, object] = {}
    lines: dict[str, int] = {}
    for key, value in data.items():
        name = CAMPAIGN_ALIASES.get(str(key), str(key))
        if name not in CAMPAIGN_FIELDS:
            guess = did_you_mean(str(key), (*CAMPAIGN_FIELDS, *CAMPAIGN_ALIASES))
            problem(key_lines.get(str(key)), str(key), "unknown campaign field",
                    f'Did you mean "{guess}"?' if guess else "Known fields: " + ", ".join(CAMPAIGN_FIELDS) + ".")
            continue
        fields[name] = value
        lines[name] = key_lines.get(str(key))

    def line_of(name: str) -> int | None:
        return lines.get(name)

    for name in CAMPAIGN_REQUIRED:
        if fields.get(name) in (None, ""):
            problem(line_of(name), name, "required field is missing", f"Add a line '{name}: ...'.")
    title = _text(fields.get("title"), "title", line_of, problem) or ""
    theme = _text(fields.get("theme"), "theme", line_of, problem) or ""
    slug = _text(fields.get("slug"), "slug", line_of, problem) or slugify(path.stem)
    if not SLUG_PATTERN.match(slug):
        problem(line_of("slug"), "slug", f'"{slug}" is not a safe URL segment',
                f'Use lowercase letters, digits and hyphens, for example "{slugify(slug) or "kampanye"}".')
    start = _date(fields.get("start"), "start", config, line_of, problem)
    end = _date(fields.get("end"), "end", config, line_of, problem)
    if start and end and end[0] < start[0]:
        problem(line_of("end"), "end", "ends before it starts", "Check the start and end dates.")
    hashtag = (_text(fields.get("hashtag"), "hashtag", line_of, problem) or "").lstrip("#")
    lead = _text(fields.get("lead"), "lead", line_of, problem) or ""
    image_alt = _text(fields.get("image_alt"), "image_alt", line_of, problem) or ""
    contact_box = _flag(fields.get("contact_box", True), "contact_box", line_of, problem)
    image = None
    image_value = _text(fields.get("image"), "image", line_of, problem)
    if image_value:
        image = resolve_local_file(image_value, path, content_dir)
        if image is None:
            problem(line_of("image"), "image", f'image file "{image_value}" not found',
                    "The path is relative to this campaign's file; check the spelling and the folder.")
        elif not image_alt:
            problem(line_of("image"), "image_alt", "the image has no description for readers who cannot see it",
                    "Add 'image_alt: ...' describing what the image shows.")
    contacts = _contacts(fields.get("contacts"), line_of, problem)
    rendered = renderer.render(body, path)
    for reference in rendered.missing:
        problem(None, "body", f'linked file "{reference}" not found',
                "Paths in the body are relative to this campaign's file.")
    if len(problems) > before:
        return None
    return Campaign(
        source_path=shown, slug=slug, title=title, theme=theme, start=start[0].date(),
        end=end[0].date() if end else None, hashtag=hashtag, image=image, image_alt=image_alt,
        contacts=contacts, lead=lead, body_html=rendered.html, contact_box=contact_box,
        assets=tuple(dict.fromkeys([*([image] if image else []), *rendered.assets])),
        source_digest=hashlib.sha256(raw).hexdigest(),
    )


def _contacts(value: object, line_of: Callable[[str], int | None], problem: ProblemSink) -> tuple[Contact, ...]:
    if value in (None, ""):
        return ()
    example = "Write each as '- label: Hotline SAPA 129' with 'phone:', 'whatsapp:' or 'url:'."
    if not isinstance(value, list):
        problem(line_of("contacts"), "contacts", "must be a list of help lines", example)
        return ()
    contacts = []
    for item in value:
        if not isinstance(item, dict) or not isinstance(item.get("label"), str) or not item["label"].strip():
            problem(line_of("contacts"), "contacts", "each help line needs a 'label'", example)
            return ()
        unknown = sorted(set(map(str, item)) - {"label", "phone", "whatsapp", "url"})
        if unknown:
            problem(line_of("contacts"), "contacts", "unknown fields in a help line: " + ", ".join(unknown), example)
            return ()
        values = {key: str(item.get(key) or "").strip() for key in ("phone", "whatsapp", "url")}
        if not any(values.values()):
            problem(line_of("contacts"), "contacts", f'"{item["label"]}" has no phone, whatsapp or url', example)
            return ()
        if values["url"] and not values["url"].startswith(("https://", "http://", "mailto:")):
            problem(line_of("contacts"), "contacts", f'"{values["url"]}" is not a web address',
                    'Start it with "https://".')
            return ()
        contacts.append(Contact(" ".join(item["label"].split()), **values))
    return tuple(contacts)


class LoadCache(Protocol):
    """Earlier outcomes of loading a file, by its bytes (the pipeline's build cache)."""

    def get(self, key: str) -> FileOutcome | None: ...

    def put(self, key: str, outcome: FileOutcome) -> None: ...

    def key_of(self, shown: str, status: os.stat_result) -> str | None:
        """The key of the file's bytes as an earlier build read them, when the file cannot have changed since
        (the same size, times and inode, and not written just before that build looked): None, read it."""

    def remember_key(self, shown: str, status: os.stat_result, key: str) -> None:
        """The key of the file's bytes, read while the file had this status."""

    def status_of(self, path: str) -> os.stat_result | None:
        """The file's status as this build saw it already (None: look)."""


@dataclass(slots=True)
class FileOutcome:
    """What loading one file gave: a bulletin, or the problems that stop it."""

    article: Article | None
    problems: list[Problem]
    warnings: list[Problem]

    def __reduce__(self) -> tuple:
        return FileOutcome, (self.article, self.problems, self.warnings)  # see Article.__reduce__


# Parsing in worker processes pays off from about this many files (below it, starting them costs more).
PARALLEL_THRESHOLD = 400


def load_content(content_dir: Path, config: SiteConfig, display_root: Path | None = None,
                 cache: LoadCache | None = None, workers: int | None = None,
                 progress: Callable[[int], None] | None = None) -> LoadResult:
    """Read every bulletin under content_dir, collecting all problems.

    With a cache, a file whose bytes (and whose referenced files) did not
    change since the last build is not parsed again. Many files are parsed in
    worker processes (`workers`, default: one per core); the result is the
    same, in the same order, as parsing them one by one.
    """
    result = LoadResult([], [], [])
    if not content_dir.is_dir():
        result.problems.append(Problem(str(content_dir), None, None, "the content folder does not exist",
                                       "Create it, or point --content at the folder with the bulletins."))
        return result
    entries: list[tuple[str, str, str, FileOutcome | None]] = []  # path, shown, key, cached outcome
    to_parse: list[tuple[str, bytes, str, str]] = []
    shown_folder = _shown_folder(content_dir, display_root)
    folder = str(content_dir)
    for relative in bulletin_files_under(content_dir):
        path = os.path.join(folder, relative)  # a string: making 100,000 Path objects takes longer than reading
        shown = (_joined(shown_folder, relative) if shown_folder is not None
                 else _display_path(Path(path), display_root))
        try:
            # A file an earlier build read, unchanged since, is not read again: its key is known.
            status = (cache.status_of(path) if cache is not None else None) or os.stat(path)
            key = cache.key_of(shown, status) if cache is not None else None
            outcome = cache.get(key) if key is not None else None
            raw = None
            if outcome is None:
                raw = _read_bytes(path)
                key = f"{shown}\0{hashlib.sha256(raw).hexdigest()}"
                outcome = cache.get(key) if cache is not None else None
        except OSError as error:
            result.problems.append(Problem(shown, None, None, f"cannot read the file: {error.strerror}"))
            continue
        if cache is not None:
            cache.remember_key(shown, status, key)
        if outcome is not None and not _references_exist(outcome.article, folder, cache):
            outcome = None
        if outcome is None:
            if raw is None:
                try:
                    raw = _read_bytes(path)
                except OSError as error:
                    result.problems.append(Problem(shown, None, None, f"cannot read the file: {error.strerror}"))
                    continue
            to_parse.append((path, raw, shown, key))
        entries.append((path, shown, key, outcome))
    with collector.paused():  # many new objects, all kept
        parsed = dict(zip((item[3] for item in to_parse),
                          parse_files(to_parse, content_dir, config, workers, progress), strict=True))
    for path, _shown, key, outcome in entries:
        if outcome is None:
            outcome = parsed[key]
            if cache is not None:
                cache.put(key, outcome)
        result.problems += outcome.problems
        result.warnings += outcome.warnings
        if outcome.article is not None:
            result.articles.append(outcome.article)
        else:
            result.unloaded_slugs.append(slugify(_strip_date_prefix(Path(path).stem)))
    return result


def _read_bytes(path: str) -> bytes:
    with open(path, "rb") as handle:
        return handle.read()


def parse_files(items: list[tuple[str, bytes, str, str]], content_dir: Path, config: SiteConfig,
                workers: int | None = None, progress: Callable[[int], None] | None = None) -> list[FileOutcome]:
    """Parse (path, bytes, shown path, key) items, in worker processes when there are many;
    `progress` is told how many files each finished batch held."""
    workers = workers if workers is not None else (os.cpu_count() or 1)
    if workers <= 1 or len(items) < PARALLEL_THRESHOLD:
        outcomes = _parse_chunk(items, content_dir, config)
        if progress:
            progress(len(items))
        return outcomes
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    chunk_size = max(50, len(items) // (workers * 4))
    chunks = [items[start:start + chunk_size] for start in range(0, len(items), chunk_size)]
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context(method),
                             initializer=worker_signals) as pool:
        outcomes = []
        for chunk in pool.map(_parse_chunk, chunks, [content_dir] * len(chunks), [config] * len(chunks)):
            outcomes += chunk
            if progress:
                progress(len(chunk))
        return outcomes


def _parse_chunk(items: list[tuple[str, bytes, str, str]], content_dir: Path, config: SiteConfig) -> list[FileOutcome]:
    renderer = MarkdownRenderer(content_dir, config.embed_hosts)
    outcomes = []
    for path, raw, shown, key in items:
        outcome = FileOutcome(None, [], [])
        article = load_article(Path(path), raw, content_dir, shown, config, renderer,
                               outcome.problems, outcome.warnings)
        outcome.article = dataclasses.replace(article, source_digest=key) if article is not None else None
        outcomes.append(outcome)
    return outcomes


def _references_exist(article: Article | None, folder: str, cache: LoadCache) -> bool:
    """Whether the files a cached bulletin refers to are all still there (as this build saw them, if it did)."""
    if article is None:
        return True
    for name in (*article.assets, *article.linked_articles):
        path = os.path.join(folder, name)
        status = cache.status_of(path)
        if status is None and not os.path.isfile(path):
            return False
    return True


def find_bulletin_files(content_dir: Path) -> list[Path]:
    """Markdown files under content_dir, skipping hidden files and folders and the campaigns folder."""
    return [content_dir / relative for relative in bulletin_files_under(content_dir)]


def bulletin_files_under(content_dir: Path) -> list[str]:
    """find_bulletin_files as sorted paths relative to content_dir, with "/" between folders.

    Strings and scandir, not pathlib: on a large archive, making and comparing
    Path objects took longer than reading the folders.
    """
    found: list[str] = []

    def walk(folder: str, prefix: str) -> None:
        try:
            entries = list(os.scandir(folder))
        except OSError:
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            relative = prefix + entry.name
            if entry.is_dir(follow_symlinks=False):  # as rglob: symbolic links to folders are not followed
                if relative != CAMPAIGN_FOLDER:
                    walk(entry.path, relative + "/")
            elif entry.name.endswith(".md") and entry.is_file():
                found.append(relative)

    walk(str(content_dir), "")
    return sorted(found)


def _shown_folder(content_dir: Path, display_root: Path | None) -> str | None:
    """How _display_path shows content_dir, when every file below it shows as that and its relative path;
    None when the display root lies inside the content folder, so that only some files are below it."""
    if display_root is not None and display_root != content_dir and display_root.is_relative_to(content_dir):
        return None
    return _display_path(content_dir, display_root)


def _joined(folder: str, relative: str) -> str:
    """A path below a folder shown as `folder` (as _display_path shows it), with "/" between folders."""
    if folder == ".":
        return relative
    return folder + relative if folder.endswith("/") else f"{folder}/{relative}"


def _display_path(path: Path, display_root: Path | None) -> str:
    if display_root is not None:
        try:
            return path.relative_to(display_root).as_posix()
        except ValueError:
            pass
    return path.as_posix()


def _without_timestamps(loader: type) -> type:
    """Safe YAML that leaves dates as text, so that we parse them one way with clear errors."""
    loader.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    return loader


# libyaml when present (fast); the pure-Python parser words its error messages better, so it explains failures.
_FastFrontMatterLoader = _without_timestamps(type("_FastFrontMatterLoader",
                                                  (getattr(yaml, "CSafeLoader", yaml.SafeLoader),), {}))
_FrontMatterLoader = _without_timestamps(type("_FrontMatterLoader", (yaml.SafeLoader,), {}))


MAX_NESTING = 20


MAX_ITEMS = 200_000


def _too_deep(value: object) -> bool:
    """Whether lists and mappings nest deeper, or hold more, than any front-matter needs.

    Checked without recursion, and bounded, because YAML aliases can make a
    small file describe an enormous structure."""
    pending = [(value, 0)]
    seen = 0
    while pending:
        item, depth = pending.pop()
        seen += 1
        if seen > MAX_ITEMS:
            return True
        if isinstance(item, (list, dict)):
            if depth >= MAX_NESTING:
                return True
            pending += [(child, depth + 1) for child in (item.values() if isinstance(item, dict) else item)]
    return False


def _compose(front_text: str, loader_class: type) -> tuple[object, object]:
    loader = loader_class(front_text)
    try:
        node = loader.get_single_node()
        return node, (loader.construct_document(node) if node is not None else {})
    finally:
        loader.dispose()


@dataclass
class FrontMatter:
    data: dict
    key_lines: dict[str, int]
    body: str
    body_first_line: int
    text: str

    def __iter__(self):  # unpacks as (data, key_lines, body, body_first_line, text)
        return iter((self.data, self.key_lines, self.body, self.body_first_line, self.text))


def read_front_matter(raw: bytes, problem: Callable[..., None], required: str) -> FrontMatter | None:
    """The YAML front-matter (with the line of each key) and the body of a file, or None after a problem."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        problem(line, None, "the file is not valid UTF-8 text",
                "Save the file with UTF-8 encoding in your editor.")
        return None
    text = text.replace("\r\n", "\n").replace("\r", "\n")

    handler = YAMLHandler()
    if not handler.detect(text):
        problem(1, None, "the file does not start with front-matter",
                f"Start the file with a line '---', the fields ({required}), and another line '---'.")
        return None
    try:
        front_text, body = handler.split(text)
    except ValueError:
        problem(1, None, "the front-matter is not closed",
                "Add a line '---' after the last front-matter field.")
        return None
    body_first_line = front_text.count("\n") + 2

    try:
        try:
            node, data = _compose(front_text, _FastFrontMatterLoader)
        except yaml.YAMLError:
            node, data = _compose(front_text, _FrontMatterLoader)  # for its clearer message
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        what = getattr(error, "problem", None) or str(error)
        context, context_mark = getattr(error, "context", None), getattr(error, "context_mark", None)
        if context and context_mark is not None and context_mark.line + 1 != line:
            what += f" ({context} that starts on line {context_mark.line + 1})"
        problem(line, None, f"the front-matter is not valid YAML: {what}",
                'Check the brackets, indentation and quoting; a value with ":" or "#" needs quotes.')
        return None
    except RecursionError:
        problem(None, None, "the front-matter is nested too deeply", "Use simple fields.")
        return None
    if _too_deep(data):
        problem(None, None, "the front-matter is nested too deeply or is too large", "Use simple fields.")
        return None
    if data is None:
        data, node = {}, None
    if not isinstance(data, dict):
        problem(2, None, "the front-matter must be a list of 'field: value' lines")
        return None
    key_lines = {}
    if isinstance(node, yaml.MappingNode):
        key_lines = {str(key.value): key.start_mark.line + 1 for key, _ in node.value}

    return FrontMatter(data, key_lines, body, body_first_line, text)


def load_article(path: Path, raw: bytes, content_dir: Path, shown: str, config: SiteConfig,
                 renderer: MarkdownRenderer, problems: list[Problem],
                 warnings: list[Problem]) -> Article | None:
    """Parse and validate one file's bytes; problems are appended, None returned if it is unusable."""
    def problem(line: int | None, field_name: str | None, message: str, suggestion: str | None = None) -> None:
        problems.append(Problem(shown, line, field_name, message, suggestion))

    parsed = read_front_matter(raw, problem, "title, date, reporter, editor, region")
    if parsed is None:
        return None
    data, key_lines, body, body_first_line, text = parsed

    before = len(problems)
    fields: dict[str, object] = {}
    lines: dict[str, int] = {}
    for key, value in data.items():
        key_text = str(key)
        line = key_lines.get(key_text)
        name = CANONICAL_FIELD.get(key_text)
        if name is None:
            guess = did_you_mean(key_text, CANONICAL_FIELD)
            hint = f'Did you mean "{guess}"?' if guess else "Put your own fields under 'extra:'."
            problem(line, key_text, "unknown field", hint)
            continue
        if name in fields:
            problem(line, key_text, f"'{key_text}' repeats the field '{name}' given on line {lines[name]}",
                    "Keep only one of them.")
            continue
        fields[name] = value
        lines[name] = line

    def line_of(name: str) -> int | None:
        return lines.get(name)

    for name in REQUIRED_FIELDS:
        if name not in fields or fields[name] is None or not str(fields[name]).strip() or fields[name] == []:
            aliases = FIELD_ALIASES.get(name, ())
            also = f" (or '{aliases[0]}: ...')" if aliases else ""
            problem(line_of(name), name, "required field is missing" if name not in fields else "is empty",
                    f"Add a line '{name}: ...'{also} to the front-matter.")

    title = _text(fields.get("title"), "title", line_of, problem)
    reporters = _names(fields.get("reporter"), "reporter", line_of, problem)
    editors = _names(fields.get("editor"), "editor", line_of, problem)
    region = _text(fields.get("region"), "region", line_of, problem)
    if region and not slugify(region):
        problem(line_of("region"), "region", f'"{region}" is not a region name', "Write the region's name in letters.")
        region = None
    if region and config.regions and region not in config.regions:
        guess = did_you_mean(region, config.regions)
        hint = f'Did you mean "{guess}"?' if guess else "Known regions: " + ", ".join(config.regions) + "."
        problem(line_of("region"), "region", f'unknown region "{region}"',
                hint + " Regions are listed in the site configuration under 'regions'.")

    published, has_time = _date(fields.get("date"), "date", config, line_of, problem) or (None, False)
    updated = (_date(fields.get("updated"), "updated", config, line_of, problem) or (None, False))[0]
    if published and updated and updated < published:
        problem(line_of("updated"), "updated", "is earlier than the date of the bulletin",
                "The update time must be after the publication date.")

    if "slug" in fields:
        slug = _text(fields["slug"], "slug", line_of, problem) or ""
        if slug and not SLUG_PATTERN.match(slug):
            problem(line_of("slug"), "slug", f'"{slug}" is not a safe URL segment',
                    f'Use lowercase letters, digits and hyphens, for example "{slugify(slug) or "siaran-pers"}".')
    else:
        slug = slugify(_strip_date_prefix(path.stem))
        if not slug:
            problem(None, "slug", f'cannot make a URL from the file name "{path.name}"',
                    "Rename the file using letters and digits, or add a 'slug:' field.")

    tags = _tags(fields.get("tags"), line_of, problem)
    related = _slug_list(fields.get("related"), "related", line_of, problem)
    not_related = _slug_list(fields.get("not_related"), "not_related", line_of, problem)
    campaign = _text(fields.get("campaign"), "campaign", line_of, problem) or ""
    summary = _text(fields.get("summary"), "summary", line_of, problem) or ""
    source = _text(fields.get("source"), "source", line_of, problem) or ""
    dateline = _text(fields.get("dateline"), "dateline", line_of, problem) or ""
    image_alt = _text(fields.get("image_alt"), "image_alt", line_of, problem) or ""
    image_caption = _text(fields.get("image_caption"), "image_caption", line_of, problem) or ""
    draft = _flag(fields.get("draft"), "draft", line_of, problem)
    extra = fields.get("extra") or {}
    if not isinstance(extra, dict):
        problem(line_of("extra"), "extra", "must be a set of 'name: value' lines", None)
        extra = {}
    lang = _text(fields.get("lang"), "lang", line_of, problem)
    if lang:
        try:
            Locale.parse(lang.replace("-", "_"))
        except (ValueError, UnknownLocaleError):
            problem(line_of("lang"), "lang", f'unknown language "{lang}"', 'Use a code such as "id" or "en".')

    image = None
    assets: list[str] = []
    image_value = _text(fields.get("image"), "image", line_of, problem)
    if image_value:
        resolved = resolve_local_file(image_value, path, content_dir)
        if resolved is None and points_outside(image_value, path, content_dir):
            problem(line_of("image"), "image", f'"{image_value}" points outside the content folder',
                    "Put the picture inside content/ (for example content/images/) and refer to it from there.")
        elif resolved is None:
            problem(line_of("image"), "image", f'image file "{image_value}" not found',
                    "The path is relative to this bulletin's file; check the spelling and the folder.")
        else:
            image = resolved
            assets.append(resolved)
            if not image_alt:
                problem(line_of("image"), "image_alt", "the image has no description for readers who cannot see it",
                        "Add 'image_alt: ...' describing what the image shows.")

    rendered = renderer.render(body, path)
    for reference in rendered.missing:
        outside = points_outside(reference, path, content_dir)
        problem(_line_containing(text, reference, body_first_line), "body",
                f'linked file "{reference}" ' + ("points outside the content folder" if outside else "not found"),
                "Paths in the body are relative to this bulletin's file; check the spelling and the folder.")
    assets.extend(rendered.assets)

    if len(problems) > before:
        return None
    summary = summary or first_paragraph_text(rendered.html)
    body_text = html_to_text(rendered.html)
    return Article(
        source_path=shown,
        content_path=path.relative_to(content_dir).as_posix(),
        slug=slug,
        title=title,
        date=published,
        date_has_time=has_time,
        reporters=reporters,
        editors=editors,
        region=region,
        tags=tags,
        summary=summary,
        body_utf8=rendered.html.encode("utf-8"),
        body_words=len(body_text.split()),
        image=image,
        image_alt=image_alt,
        image_caption=image_caption,
        source=source,
        dateline=dateline,
        related=related,
        not_related=not_related,
        campaign=campaign,
        draft=draft,
        updated=updated,
        lang=lang,
        extra=extra,
        assets=tuple(dict.fromkeys(assets)),
        linked_articles=tuple(dict.fromkeys(rendered.linked_articles)),
        field_lines={name: line for name, line in lines.items() if line is not None},
        words=count_words(title, summary, body_text, config.related.title_weight),
    )


# --- field readers: each converts one value or reports why it cannot ---

ProblemSink = Callable[..., None]


def _text(value: object, name: str, line_of: Callable[[str], int | None], problem: ProblemSink) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        problem(line_of(name), name, f"must be text, not {_kind(value)}",
                'Write a single value; put quotes around it if it contains ":" or "#".')
        return None
    return " ".join(str(value).split())


def _names(value: object, name: str, line_of: Callable[[str], int | None], problem: ProblemSink) -> tuple[str, ...]:
    if value is None or value == "":
        return ()
    items = value if isinstance(value, list) else [value]
    names = []
    for item in items:
        if isinstance(item, bool) or not isinstance(item, (str, int, float)) or not str(item).strip():
            problem(line_of(name), name, "must be a name or a list of names",
                    f"Write '{name}: Nama Lengkap' or '{name}: [Nama Satu, Nama Dua]'.")
            return ()
        if not slugify(str(item)):
            problem(line_of(name), name, f'"{item}" is not a name', "Write the person's name in letters.")
            return ()
        names.append(" ".join(str(item).split()))
    return tuple(dict.fromkeys(names))


def _tags(value: object, line_of: Callable[[str], int | None], problem: ProblemSink) -> tuple[str, ...]:
    if value is None or value == "":
        return ()
    if isinstance(value, str):
        items: list = value.split(",")
    elif isinstance(value, list):
        items = value
    else:
        problem(line_of("tags"), "tags", f"must be a list of topics, not {_kind(value)}",
                "Write 'tags: [tppo, perlindungan anak]'.")
        return ()
    tags = []
    for item in items:
        if isinstance(item, bool) or not isinstance(item, (str, int, float)):
            problem(line_of("tags"), "tags", f"each topic must be text, not {_kind(item)}",
                    "Write 'tags: [tppo, perlindungan anak]'.")
            return ()
        tag = " ".join(str(item).split())
        if tag and not slugify(tag):
            problem(line_of("tags"), "tags", f'the topic "{tag}" has no letters or digits', "Remove it.")
            return ()
        if tag:
            tags.append(tag)
    return tuple(dict.fromkeys(tags))


def _slug_list(value: object, name: str, line_of: Callable[[str], int | None],
               problem: ProblemSink) -> tuple[str, ...]:
    if value is None or value == "":
        return ()
    items = value if isinstance(value, list) else [value]
    slugs = []
    for item in items:
        if not isinstance(item, str) or not item.strip():
            problem(line_of(name), name, "must be a list of bulletin slugs",
                    f"Write '{name}: [slug-berita-lain]'.")
            return ()
        slugs.append(item.strip().strip("/").split("/")[-1])
    return tuple(dict.fromkeys(slugs))


def _date(value: object, name: str, config: SiteConfig, line_of: Callable[[str], int | None],
          problem: ProblemSink) -> tuple[datetime, bool] | None:
    if value is None or value == "":
        return None
    parsed = parse_datetime(value, config)
    if parsed is None:
        problem(line_of(name), name, f'"{value}" is not a date',
                'Write it as YYYY-MM-DD or YYYY-MM-DD HH:MM, for example "2022-11-02 14:05".')
    return parsed


def _flag(value: object, name: str, line_of: Callable[[str], int | None], problem: ProblemSink) -> bool:
    if value is None:
        return False
    if not isinstance(value, bool):
        problem(line_of(name), name, f"must be true or false, not {value!r}",
                f"Write '{name}: true' or '{name}: false'.")
        return False
    return value


def _kind(value: object) -> str:
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a set of fields"
    if isinstance(value, bool):
        return "true/false"
    return type(value).__name__


def parse_datetime(value: object, config: SiteConfig) -> tuple[datetime, bool] | None:
    """An aware datetime and whether a time of day was given; None if it is not a date.

    A datetime without an offset is in the site's time zone.
    """
    if isinstance(value, datetime):
        moment, has_time = value, True
    elif isinstance(value, date):
        moment, has_time = datetime.combine(value, time()), False
    elif isinstance(value, str):
        text = " ".join(value.split())
        for abbreviation, offset in ZONE_OFFSETS.items():
            if text.upper().endswith(" " + abbreviation):
                text = text[: -len(abbreviation) - 1] + offset
                break
        if text.endswith("Z"):
            text = text[:-1] + "+00:00"
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            return None
        has_time = bool(re.search(r"\d[T ]\d", text))
    else:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=config.zone)
    return moment.astimezone(config.zone), has_time


@functools.lru_cache(maxsize=1 << 14)  # regions, tags and reporters come back on thousands of bulletins
def slugify(text: str) -> str:
    """A lowercase ASCII URL segment: "Jakarta Selatan" -> "jakarta-selatan"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def _strip_date_prefix(stem: str) -> str:
    return re.sub(r"^\d{4}-\d{2}-\d{2}-", "", stem)


def resolve_local_file(reference: str, document: Path, content_dir: Path) -> str | None:
    """The content-relative path of a file a bulletin refers to, or None if it is
    missing or outside the content folder. A leading "/" means the content folder."""
    reference = unquote(reference)
    base = content_dir if reference.startswith("/") else document.parent
    candidate = (base / reference.lstrip("/")).resolve()
    root = content_dir.resolve()
    if not candidate.is_relative_to(root) or not candidate.is_file():
        return None
    return candidate.relative_to(root).as_posix()


def points_outside(reference: str, document: Path, content_dir: Path) -> bool:
    """Whether a reference leads out of the content folder (by "..", an absolute path or a symbolic link)."""
    reference = unquote(reference)
    base = content_dir if reference.startswith("/") else document.parent
    candidate = (base / reference.lstrip("/")).resolve()
    return not candidate.is_relative_to(content_dir.resolve())


def _line_containing(text: str, needle: str, default: int) -> int:
    index = text.find(needle)
    return text.count("\n", 0, index) + 1 if index >= 0 else default


# --- Markdown ---

@dataclass
class RenderedBody:
    html: str
    assets: list[str]
    linked_articles: list[str]
    missing: list[str]


class MarkdownRenderer:
    """One Python-Markdown instance, reset between documents."""

    EXTENSIONS = ("extra", "sane_lists", "toc")  # quotes and dashes: typography.smarten, much cheaper than smarty

    def __init__(self, content_dir: Path, embed_hosts: tuple[str, ...] = ()):
        self.content_dir = content_dir
        self.embed_hosts = embed_hosts
        self.references = _LocalReferences(content_dir)
        self.markdown = markdown.Markdown(
            extensions=[*self.EXTENSIONS, self.references],
            extension_configs={"toc": {"permalink": False}},
            output_format="html",
        )
        self.markdown.treeprocessors.register(_PlainTextSkipped(self.markdown), "inline", 20)  # Markdown's own place
        self.toc = _HeadingsOnly(self.markdown.treeprocessors["toc"])
        self.markdown.treeprocessors.register(self.toc, "toc", 5)  # toc's own place
        blocks = self.markdown.parser.blockprocessors
        blocks.register(_PlainParagraph(self.markdown.parser, blocks["paragraph"]), "buletin_plain_paragraph", 200)

    def render(self, body: str, document: Path) -> RenderedBody:
        self.markdown.reset()
        self.references.start(document)
        self.toc.needed = bool(_MAY_HAVE_HEADING.search(body))
        html = sanitize_html(smarten(self.markdown.convert(body)), self.embed_hosts)
        found = self.references.found
        return RenderedBody(html, found.assets, found.linked_articles, found.missing)


# What every inline pattern of the Markdown above starts with: code, escapes, links and images (also
# footnotes), autolinks and raw HTML, entities, emphasis, and the two spaces of a line break.
_INLINE_START = re.compile(r"[`\\\[<&*_]|  \n")


class _PlainTextSkipped(InlineProcessor):
    """Python-Markdown's inline stage, without trying every pattern on text that none of them can match.

    Most paragraphs of a press release are plain text, and the inline stage
    tried each of its patterns on each of them: the larger part of converting
    a bulletin. The stage hands every piece of text to one (private) method,
    which leaves text that no pattern matches as it is; such text is given
    back at once. Should a version of Markdown rename the method, this only
    stops saving time (a test watches for it).
    """

    def _InlineProcessor__handleInline(self, data: str, patternIndex: int = 0) -> str:  # noqa: N802, N803
        if not _INLINE_START.search(data):
            return data
        return super()._InlineProcessor__handleInline(data, patternIndex)


# What a body with a heading (or a table of contents) has: a "#", a setext underline, or an HTML heading.
_MAY_HAVE_HEADING = re.compile(r"#|^ {0,3}(?:=+|-+)[ \t]*$|<[hH][1-6]|\[TOC\]", re.MULTILINE)


class _HeadingsOnly(Treeprocessor):
    """The toc extension's stage (ids for headings), run only on bodies that may have a heading: on the
    others it walks the whole tree twice to change nothing."""

    def __init__(self, toc: Treeprocessor):
        super().__init__(toc.md)
        self.toc = toc
        self.needed = True

    def run(self, root: Element) -> None:
        if self.needed:
            self.toc.run(root)


# A line that may open something other than paragraph text: every block processor of the Markdown
# above looks for a line opening with a space, digit, mark or sign (lists, headers, code, quotes, rules,
# references, footnotes, abbreviations, definitions), a "|" (tables) or a stashed HTML block.
_NOT_PLAIN_LINE = re.compile(r"^(?![^\W\d_]|[“‘\"'(])", re.MULTILINE)


class _PlainParagraph(BlockProcessor):
    """A block whose every line opens with a letter or an opening quote, straight to the paragraph processor.

    Markdown tries each of its block processors on each block, and for such a
    block all of them decline but the last, the paragraph; asking that one
    first gives the same tree in a fraction of the time.
    """

    def __init__(self, parser: BlockParser, paragraph: BlockProcessor):
        super().__init__(parser)
        self.paragraph = paragraph

    def test(self, parent: Element, block: str) -> bool:
        return "|" not in block and "\x02" not in block and not _NOT_PLAIN_LINE.search(block)

    def run(self, parent: Element, blocks: list[str]) -> bool | None:
        return self.paragraph.run(parent, blocks)


@dataclass
class _Found:
    assets: list[str] = field(default_factory=list)
    linked_articles: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)


class _LocalReferences(Extension):
    """Turns relative links and images into references the render stage resolves."""

    def __init__(self, content_dir: Path):
        super().__init__()
        self.content_dir = content_dir
        self.document = content_dir
        self.found = _Found()

    def start(self, document: Path) -> None:
        self.document = document
        self.found = _Found()

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Markdown's API)
        md.treeprocessors.register(_ReferenceRewriter(md, self), "buletin_references", 0)


HEADINGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))


class _ReferenceRewriter(Treeprocessor):
    def __init__(self, md: markdown.Markdown, owner: _LocalReferences):
        super().__init__(md)
        self.owner = owner

    def run(self, root: Element) -> None:
        self.demote_headings(root)
        for element in root.iter():
            attribute = {"img": "src", "a": "href"}.get(element.tag)
            if attribute and element.get(attribute):
                element.set(attribute, self.rewrite(element.get(attribute), element.tag == "img"))

    @staticmethod
    def demote_headings(root: Element) -> None:
        """The page's only h1 is the headline: body headings start at h2, their order kept."""
        levels = [int(element.tag[1]) for element in root.iter() if element.tag in HEADINGS]
        shift = 2 - min(levels) if levels and min(levels) < 2 else 0
        if shift:
            for element in root.iter():
                if element.tag in HEADINGS:
                    element.tag = f"h{min(6, int(element.tag[1]) + shift)}"

    def rewrite(self, url: str, is_image: bool) -> str:
        parts = urlsplit(url)
        if parts.scheme or parts.netloc or not parts.path or url.startswith("#"):
            return url
        owner = self.owner
        resolved = resolve_local_file(parts.path, owner.document, owner.content_dir)
        if resolved is None:
            # A picture, a bulletin or a file (a name with an extension) that is not there is a broken link;
            # other paths (such as "/wilayah/jakarta-selatan/") are pages of the site and left alone.
            if is_image or PurePosixPath(parts.path).suffix:
                owner.found.missing.append(parts.path)
            return url
        fragment = f"#{parts.fragment}" if parts.fragment else ""
        if resolved.endswith(".md"):
            owner.found.linked_articles.append(resolved)
            return f"{REFERENCE_PREFIX}article/{resolved}{fragment}"
        owner.found.assets.append(resolved)
        return f"{REFERENCE_PREFIX}asset/{resolved}{fragment}"


# --- plain text from HTML ---
# The HTML here is the sanitiser's output, well formed, so regular expressions read it reliably and fast.

_FOOTNOTE_MARKS = re.compile(r"<sup[^>]*>.*?</sup>", re.DOTALL)
_BLOCK_END = re.compile(r"</(?:p|li|h[1-6]|td|th|div|blockquote|figcaption|dd|dt)>|<br\s*/?>")
_ANY_TAG = re.compile(r"<[^>]*>")
_PARAGRAPH = re.compile(r"<p(?:\s[^>]*)?>(.*?)</p>", re.DOTALL)


def html_to_text(html: str) -> str:
    """The readable text of an HTML fragment, on one line (footnote marks left out)."""
    text = _ANY_TAG.sub("", _BLOCK_END.sub(" ", _FOOTNOTE_MARKS.sub("", html)))
    return " ".join(unescape(text).split())


def first_paragraph_text(html: str) -> str:
    """The text of the first paragraph that has any, for summaries."""
    for match in _PARAGRAPH.finditer(html):
        text = html_to_text(match.group(1))
        if text:
            return text
    return ""
