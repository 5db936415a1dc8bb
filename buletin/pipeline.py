"""The whole build, top to bottom: load -> index -> render -> write."""

from __future__ import annotations

import hashlib
import itertools
import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from babel.numbers import format_decimal

from . import collector, related, search, urls
from .cache import BuildCache, output_status
from .config import SiteConfig, load_config
from .content import LoadResult, load_campaigns, load_content
from .engine import engine_fingerprint
from .i18n import ui_words
from .images import prepare_pictures
from .index import (
    Site,
    add_related,
    build_index,
    find_campaign_problems,
    find_cross_file_problems,
    related_documents,
    search_documents,
)
from .lint import Finding, lint
from .problems import BuildError, Problem, shown_path
from .render import CopiedFile, RenderedFile, Renderer, ThemeFolders, theme_files
from .urls import Urls
from .workers import Aside
from .write import WriteReport, check_output_folder, read_manifest, write_site

ENGINE_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class BuildOptions:
    content_dir: Path
    output_dir: Path
    config_file: Path | None
    base_url: str | None = None
    include_drafts: bool = False
    include_future: bool = False
    relative_urls: bool | None = None
    build_time: datetime | None = None
    use_cache: bool = True  # False: --clean, ignore what earlier builds left in .cache/
    cache_dir: Path | None = None  # default: .cache/ beside the configuration
    preview: bool = False  # pages for `serve`: status overlay script, drafts and future shown
    show_progress: bool = False  # progress bars on the terminal, for long builds


@dataclass
class BuildReport:
    articles: int
    pages: int
    write: WriteReport
    warnings: list[Problem]
    stage_seconds: dict[str, float] = field(default_factory=dict)  # the search index's beside the pages'
    cache_note: str = ""
    language: str = "id"
    seconds: float | None = None  # the whole build (stages may overlap); None: the sum of the stages

    def summary(self, output: Path) -> str:
        """ "1.234 buletin, 1.876 halaman dalam 3,2 dtk; 12 berubah → output/", in the site's language."""
        def number(value: float, pattern: str = "#,##0") -> str:
            return format_decimal(value, format=pattern, locale=self.language)
        return ui_words(self.language)["build_summary"].format(
            bulletins=number(self.articles), pages=number(self.pages),
            seconds=number(self.seconds if self.seconds is not None else sum(self.stage_seconds.values()), "#,##0.0"),
            changed=number(self.write.written + self.write.removed), output=f"{output}/")


def build(options: BuildOptions) -> BuildReport:
    """Build the site; raises BuildError, leaving the output folder untouched, on bad input."""
    with collector.settled():
        return _build(options)


def _build(options: BuildOptions) -> BuildReport:
    timer = StageTimer()
    config = read_config(options)
    site_root = site_root_of(options)
    theme = theme_folders(site_root, config)
    check_output_folder(options.output_dir,
                        separate=[options.content_dir, *theme.templates, *theme.static, ENGINE_ROOT / "buletin"],
                        outside=[site_root])
    check_logo(config, theme)
    cache = open_cache(options, config)
    build_time = options.build_time or default_build_time(config)
    inputs = inputs_fingerprint(options, config, theme, seen=cache.sources_seen)
    if cache.enabled and cache.is_up_to_date(inputs, options.output_dir, build_time):
        record = cache.last_build
        timer.lap("check")
        return BuildReport(record["articles"], record["pages"], WriteReport(0, len(record["files"]), 0),
                           list(record["warnings"]), timer.seconds,
                           "nothing changed since the last build: the output is up to date", config.language)
    options = replace(options, build_time=build_time)
    # One analyzer for the related lists and the search index: they count the same words.
    analyzer = related.Analyzer(related.weights_from(config.related), known_stems=cache.known_stems())
    site, warnings, cache_note = load_site(options, config, timer, cache, analyzer)
    if not config.has_absolute_base_url:
        warnings.append(Problem("site.toml", None, "base_url",
                                "is not a full address, so feeds, sitemaps and share links use bare paths",
                                'Set base_url to the address the site is published at, e.g. "https://example.org/".'))

    pictures, problems = site_pictures(site, options, cache)
    if problems:
        raise BuildError(problems)
    reusable = cache.reusable_pages(options.output_dir) if options.output_dir.is_dir() else {}
    assets = [asset for item in (*site.articles, *(entry.campaign for entry in site.campaigns))
              for asset in item.assets]
    copied = theme_files(theme, assets, options.content_dir)
    copied += [CopiedFile(variant.site_path, variant.source, f"smaller copy of {picture.site_path}")
               for picture in pictures.values() for variant in picture.variants]
    timer.lap("render")  # the pictures; the pages are rendered while they are written
    # The search index is made in another process while this one renders the pages; its files come last.
    index = search_index_aside(site, analyzer, reusable) if config.search else None
    del analyzer

    # Pages go to the writer as they are rendered, so that the site is never held in memory whole.
    tally = RenderTally()
    try:
        with progress_bar(options.show_progress and len(site.articles) >= PROGRESS_FROM, "halaman") as tick:
            renderer = Renderer(site, theme, Urls(config.base_url, config.relative_urls), preview=options.preview,
                                reusable=reusable, pictures=pictures, progress=tick,
                                compiled_folder=cache.folder / "templates")
            rendered = itertools.chain(renderer.render_all(workers=os.cpu_count() or 1), index_files(index, cache))
            written = write_site(options.output_dir, tally.passing(rendered), copied)
    finally:
        if index is not None:
            index.cancel()
    # Files the build left as the last one wrote them are as they were seen before writing.
    seen = cache.output_seen
    status = output_status(options.output_dir, read_manifest(options.output_dir) or [],
                           known={path: seen[path] for path in tally.left_alone if path in seen})
    cache.keep_pages(options.output_dir, tally.keys, status)
    timer.lap("write")
    timer.seconds["render"] += tally.seconds
    timer.seconds["write"] -= tally.seconds
    if index is not None:
        timer.seconds["search"] = index.seconds
    cache_note += f", {tally.reused} of {tally.files} pages unchanged and not rendered again"
    pages = tally.pages
    cache.keep_last_build(inputs, options.output_dir, build_time, site.valid_until, status,
                          articles=len(site.articles), pages=pages, warnings=warnings)
    return BuildReport(len(site.articles), pages, written, warnings, timer.seconds, cache_note, config.language,
                       seconds=time.perf_counter() - timer.began)


def search_index_aside(site: Site, analyzer: related.Analyzer, reusable: dict[str, str]) -> Aside:
    """search_index_files, in a process of its own; with the stems it added, for the cache to keep."""
    stems_before = sum(len(stems) for stems in analyzer.known_stems.values())

    def work() -> tuple[list[RenderedFile], dict | None]:
        files = search_index_files(site, analyzer, reusable)
        grown = sum(len(stems) for stems in analyzer.known_stems.values()) != stems_before
        return files, analyzer.known_stems if grown else None
    return Aside(work)


def index_files(index: Aside | None, cache: BuildCache) -> Iterator[RenderedFile]:
    """The search index's files once made, each dropped as it is given out (at 100,000 bulletins they are a
    hundred megabytes); the stems its analysis added go to the cache."""
    if index is None:
        return
    files, stems = index.result()
    if stems is not None:
        known = cache.known_stems()
        for stemmer, words in stems.items():
            known.setdefault(stemmer, {}).update(words)
    cache.keep_stems()
    files.reverse()
    while files:
        yield files.pop()


def search_index_files(site: Site, analyzer: related.Analyzer, reusable: dict[str, str]) -> list[RenderedFile]:
    """The search index's files, or, when its inputs are those of the files in the output, those files kept.

    meta.json's key is the index's and those of all the other files, so that a
    file missing from the output is noticed. After an edit most term and
    document files are the output's already (search.index_files knows them by
    their keys), and are neither made again nor written.
    """
    documents = search_documents(site)
    key = search.index_key(documents, (engine_fingerprint(), site.config.language, analyzer.weights.stemmer))
    folder = urls.SEARCH_INDEX_PATH
    meta_path = folder + search.META_NAME
    kept = {path: kept_key for path, kept_key in reusable.items() if path.startswith(folder) and path != meta_path}
    if reusable.get(meta_path) == _index_key(key, kept):
        return [RenderedFile(path, None, "search index", key=reusable[path]) for path in (*sorted(kept), meta_path)]
    names = {kept_key: path[len(folder):] for path, kept_key in sorted(kept.items()) if kept_key}
    files = search.index_files(documents, analyzer, known=names.get, version=engine_fingerprint())
    keys = {folder + name: file.key for name, file in files.items() if name != search.META_NAME}
    return [RenderedFile(folder + name, file.data, "search index",
                         key=_index_key(key, keys) if name == search.META_NAME else file.key)
            for name, file in sorted(files.items())]


def _index_key(key: str, files: dict[str, str]) -> str:
    """The key of meta.json: the index's, and the path and key of every other file."""
    listed = "\n".join(f"{path}\0{file_key}" for path, file_key in sorted(files.items()))
    return f"{key}+" + hashlib.sha256(listed.encode()).hexdigest()


def inputs_fingerprint(options: BuildOptions, config: SiteConfig, theme: ThemeFolders,
                       seen: dict[str, os.stat_result] | None = None) -> str:
    """Everything a build reads, cheaply: the code, the settings, and the size and time of every source file
    (whose status goes into `seen`, by path, so that the load stage need not look again)."""
    digest = hashlib.sha256(engine_fingerprint().encode())
    settings = replace(options, build_time=None, show_progress=False, use_cache=True)
    digest.update(f"{settings!r}\0{config!r}\0{sorted(os.environ.get(name, '') for name in ('TZ',))}".encode())
    for folder in (options.content_dir, *theme.templates, *theme.static):
        if not folder.is_dir():
            continue
        for root, folders, files in os.walk(folder):
            folders.sort()
            for name in sorted(files):
                path = os.path.join(root, name)
                try:
                    status = os.stat(path)
                except OSError:
                    continue
                if seen is not None:
                    seen[path] = status
                digest.update(f"{path}\0{status.st_size}\0{status.st_mtime_ns}\n".encode())
    return digest.hexdigest()


@dataclass
class RenderTally:
    """What the build keeps of the rendered files passing to the writer (not their bytes), and the time
    spent making them."""

    keys: dict[str, str] = field(default_factory=dict)  # output path: the digest of the page's inputs
    files: int = 0
    pages: int = 0  # HTML pages among the files
    reused: int = 0  # files whose output was left as the previous build wrote it
    left_alone: list[str] = field(default_factory=list)  # their paths
    seconds: float = 0.0

    def passing(self, rendered: Iterator[RenderedFile]) -> Iterator[RenderedFile]:
        while True:
            started = time.perf_counter()
            item = next(rendered, None)
            self.seconds += time.perf_counter() - started
            if item is None:
                return
            self.files += 1
            self.pages += item.site_path.endswith(".html")
            if item.data is None:
                self.reused += 1
                self.left_alone.append(item.site_path)
            if item.key:
                self.keys[item.site_path] = item.key
            yield item


PROGRESS_FROM = 500  # smaller sites build before a bar would be worth drawing


@contextmanager
def progress_bar(enabled: bool, unit: str) -> Iterator[Callable[[int], None] | None]:
    """A tqdm bar on standard error that counts what it is told, or nothing when not wanted."""
    if not enabled:
        yield None
        return
    from tqdm import tqdm
    with tqdm(unit=f" {unit}", leave=False, file=sys.stderr, dynamic_ncols=True) as bar:
        yield bar.update


def open_cache(options: BuildOptions, config: SiteConfig) -> BuildCache:
    return BuildCache(options.cache_dir or site_root_of(options) / ".cache", config, enabled=options.use_cache)


@dataclass
class Sources:
    """Everything read from the content folder, with the problems found across files."""

    loaded: LoadResult
    campaigns: LoadResult
    problems: list[Problem]


def read_sources(options: BuildOptions, config: SiteConfig, cache: BuildCache) -> Sources:
    with progress_bar(options.show_progress, "buletin") as tick:
        loaded = load_content(options.content_dir, config, display_root=Path.cwd(), cache=cache, progress=tick)
    campaigns = load_campaigns(options.content_dir, config, display_root=Path.cwd())
    problems = (loaded.problems + campaigns.problems + find_cross_file_problems(loaded.articles, loaded.unloaded_slugs)
                + find_campaign_problems(loaded.articles, campaigns.campaigns))
    return Sources(loaded, campaigns, problems)


def load_site(options: BuildOptions, config: SiteConfig, timer: StageTimer | None = None,
              cache: BuildCache | None = None,
              analyzer: related.Analyzer | None = None) -> tuple[Site, list[Problem], str]:
    """Load, check and index the content, with the related lists: everything before rendering.

    Returns the site, the warnings, and a line saying what the cache saved.
    `analyzer` counts the words for the related lists, for a caller that uses
    it again (it keeps what it counted last).
    """
    timer = timer or StageTimer()
    cache = cache or open_cache(options, config)
    sources = read_sources(options, config, cache)
    if sources.problems:
        cache.save()
        raise BuildError(sources.problems)
    collector.settle()  # the loaded bulletins live as long as the build
    timer.lap("load")
    site, warnings, note = index_sources(options, config, sources, cache, timer, analyzer)
    return site, sources.loaded.warnings + warnings, note


def index_sources(options: BuildOptions, config: SiteConfig, sources: Sources, cache: BuildCache,
                  timer: StageTimer, analyzer: related.Analyzer | None = None) -> tuple[Site, list[Problem], str]:
    """Index checked sources and add the related lists; the warnings of these stages and the cache's note."""
    loaded = sources.loaded
    build_time = options.build_time or default_build_time(config)
    indexed = build_index(loaded.articles, config, build_time, include_drafts=options.include_drafts,
                          include_future=options.include_future, campaigns=sources.campaigns.campaigns)
    if indexed.problems:
        raise BuildError(indexed.problems)
    timer.lap("index")

    documents = related_documents(indexed.site.articles, config)
    previous = cache.ranking_state()
    ranking = related.RelatedIndex(documents, related.weights_from(config.related), threads=os.cpu_count() or 1,
                                   known_stems=cache.known_stems(), analyzer=analyzer,
                                   previous=previous if isinstance(previous, related.RankingState) else None)
    lists = ranking.all_related()
    if not ranking.unchanged:
        cache.keep_ranking_state(ranking.state)
        cache.keep_stems()
    site, related_warnings = add_related(indexed.site, lists)
    cache.save()
    timer.lap("related")
    if ranking.updated_rows is None:
        lists_note = "related lists computed"
    elif ranking.updated_rows == 0:
        lists_note = "related lists reused"
    else:
        lists_note = f"related lists updated ({ranking.updated_rows} worked out again)"
    note = (f"cache: {cache.hits} of {len(loaded.articles) + len(loaded.unloaded_slugs)} files reused, "
            f"{lists_note}")
    return site, indexed.warnings + related_warnings, note


def site_pictures(site: Site, options: BuildOptions, cache: BuildCache) -> tuple[dict, list[Problem]]:
    """The responsive copies of every picture the bulletins and campaigns show."""
    return prepare_pictures(site.articles, options.content_dir, cache.folder / "images",
                            [entry.campaign for entry in site.campaigns])


@dataclass
class CheckReport:
    errors: list[Finding]
    warnings: list[Finding]


def check(options: BuildOptions) -> CheckReport:
    """Every validation of a build, without writing output, plus the editorial rules of lint."""
    errors: list[Finding] = []
    warnings: list[Finding] = []
    try:
        config = read_config(options)
        theme = theme_folders(site_root_of(options), config)
        check_logo(config, theme)
    except BuildError as error:
        return CheckReport([Finding("configuration", problem) for problem in error.problems], [])
    cache = open_cache(options, config)
    sources = read_sources(options, config, cache)
    errors += [Finding("build", problem) for problem in sources.problems]
    warnings += [Finding("build", problem) for problem in sources.loaded.warnings]
    if not sources.problems:
        try:
            site, site_warnings, _note = index_sources(options, config, sources, cache, StageTimer())
            warnings += [Finding("build", problem) for problem in site_warnings]
            _pictures, picture_problems = site_pictures(site, options, cache)
            errors += [Finding("build", problem) for problem in picture_problems]
        except BuildError as error:
            errors += [Finding("build", problem) for problem in error.problems]
    content_files = {path.relative_to(options.content_dir).as_posix(): shown_path(path)
                     for path in options.content_dir.rglob("*") if path.is_file()} \
        if options.content_dir.is_dir() else {}
    lint_errors, lint_warnings = lint(sources.loaded.articles, sources.campaigns.campaigns, content_files)
    return CheckReport(errors + lint_errors, warnings + lint_warnings)


def check_logo(config: SiteConfig, theme: ThemeFolders) -> None:
    if config.logo and not any((folder / config.logo).is_file() for folder in theme.static):
        raise BuildError([Problem("site.toml", None, "logo", f'the logo "{config.logo}" is not in a static folder',
                                  "Put the file into static/ and give its name relative to that folder.")])


def site_root_of(options: BuildOptions) -> Path:
    return options.config_file.parent if options.config_file else options.content_dir.parent


def read_config(options: BuildOptions) -> SiteConfig:
    shown = shown_path(options.config_file) if options.config_file is not None else None
    config = load_config(options.config_file, shown)
    if options.base_url is not None:
        config = config.with_base_url(options.base_url)
    if options.relative_urls is not None:
        config = replace(config, relative_urls=options.relative_urls)
    return config


def theme_folders(site_root: Path, config: SiteConfig) -> ThemeFolders:
    """The site's own templates and static files first, then the default theme's."""
    def unique(*folders: Path) -> tuple[Path, ...]:
        return tuple(dict.fromkeys(folder.resolve() for folder in folders))
    return ThemeFolders(
        templates=unique(site_root / config.theme.templates_dir, ENGINE_ROOT / "templates"),
        static=unique(site_root / config.theme.static_dir, ENGINE_ROOT / "static"),
    )


def default_build_time(config: SiteConfig) -> datetime:
    """Now, or SOURCE_DATE_EPOCH when set, so that builds can be reproduced."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return datetime.fromtimestamp(int(epoch), tz=UTC).astimezone(config.zone)
        except ValueError:
            raise BuildError([Problem("SOURCE_DATE_EPOCH", None, None, f'"{epoch}" is not a number of seconds',
                                      "Unset it or give a Unix time.")]) from None
    return datetime.now(config.zone)


class StageTimer:
    def __init__(self) -> None:
        self.began = self.started = time.perf_counter()
        self.seconds: dict[str, float] = {}

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.seconds[stage] = now - self.started
        self.started = now
