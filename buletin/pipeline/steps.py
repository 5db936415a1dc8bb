"""The steps of a build between the stages: what each stage is given, what the cache keeps of it, and what
stops the build.

Each stage package is pure or owns one folder; here they meet the build cache
and each other. A stage's problems stop the build with a BuildError, before
anything is written.
"""

from __future__ import annotations

import hashlib
import itertools
import os
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from ..cache.folder import BuildCache
from ..cache.pages import output_status
from ..config import (
    ENGINE_FOLDER,
    BuildOptions,
    SiteConfig,
    ThemeFolders,
    check_logo,
    default_build_time,
    read_config,
    site_root_of,
    theme_folders,
)
from ..index.checks import find_campaign_problems, find_cross_file_problems
from ..index.site import build_index
from ..load.campaign import load_campaigns
from ..load.content import load_content
from ..load.pictures import read_pictures
from ..model import BuildError, CopiedFile, LoadResult, Picture, Problem, RenderedFile, Site, WriteReport
from ..model.urls import Urls
from ..related.stage import RankedSite, rank_site
from ..render.pages import Renderer
from ..render.plan import render_site
from ..render.search import search_index_aside
from ..render.static_files import theme_files
from ..runtime import collector
from ..runtime.engine import engine_fingerprint
from ..runtime.workers import Aside
from ..text.analyzer import Analyzer
from ..write.output import check_output_folder, read_manifest, write_site
from .progress import progress_bar
from .tally import RenderTally


@dataclass(frozen=True)
class Build:
    """One build: what it was asked to do, the site's settings and theme, its cache, and what it reads."""

    options: BuildOptions  # a build's with the build time set; a reader's without
    config: SiteConfig
    theme: ThemeFolders
    cache: BuildCache
    inputs: str  # a digest of everything the build reads, cheaply (inputs_fingerprint)

    @property
    def build_time(self) -> datetime:
        return self.options.build_time or default_build_time(self.config)

    def up_to_date(self) -> bool:
        """Whether the last build read these very inputs and left the output as it is now."""
        return self.cache.enabled and self.cache.pages.is_up_to_date(self.inputs, self.options.output_dir,
                                                                     self.build_time)


@dataclass(frozen=True)
class Sources:
    """Everything read from the content folder, with the problems found across files."""

    loaded: LoadResult
    campaigns: LoadResult
    problems: list[Problem]


@dataclass(frozen=True)
class Written:
    """What the render and write stages did."""

    report: WriteReport
    tally: RenderTally
    status: dict[str, tuple[int, int] | None]  # the size and time of every file now in the output
    search_seconds: float | None  # the search index's own time, beside rendering (None: no index)


def open_build(options: BuildOptions, writing: bool = True) -> Build:
    """The configuration and theme read, the cache opened; for a build that writes (`writing`), the output
    folder and the logo checked, the build time set and the inputs fingerprinted too."""
    config = read_config(options)
    site_root = site_root_of(options)
    theme = theme_folders(site_root, config)
    cache = open_cache(options, config)
    if not writing:
        return Build(options, config, theme, cache, "")
    check_output_folder(options.output_dir, separate=[options.content_dir, *theme.templates, *theme.static,
                                                      ENGINE_FOLDER], outside=[site_root])
    check_logo(config, theme)
    build_time = options.build_time or default_build_time(config)
    inputs = inputs_fingerprint(options, config, theme, seen=cache.bulletins.sources_seen)
    return Build(replace(options, build_time=build_time), config, theme, cache, inputs)


def open_cache(options: BuildOptions, config: SiteConfig) -> BuildCache:
    return BuildCache(options.cache_dir or site_root_of(options) / ".cache", config, enabled=options.use_cache)


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


def read_sources(options: BuildOptions, config: SiteConfig, cache: BuildCache) -> Sources:
    """The bulletins and campaigns, and every problem of them, in one file or across files."""
    with progress_bar(options.show_progress, "buletin") as tick:
        loaded = load_content(options.content_dir, config, display_root=Path.cwd(), cache=cache.bulletins,
                              progress=tick)
    campaigns = load_campaigns(options.content_dir, config, display_root=Path.cwd())
    problems = (loaded.problems + campaigns.problems + find_cross_file_problems(loaded.articles, loaded.unloaded_slugs)
                + find_campaign_problems(loaded.articles, campaigns.campaigns))
    return Sources(loaded, campaigns, problems)


def load_sources(build: Build) -> Sources:
    """The load stage: read_sources, which stops the build on any problem."""
    sources = read_sources(build.options, build.config, build.cache)
    if sources.problems:
        build.cache.save()
        raise BuildError(sources.problems)
    collector.settle()  # the loaded bulletins live as long as the build
    return sources


def index_sources(build: Build, sources: Sources) -> tuple[Site, list[Problem]]:
    """The index stage: the published bulletins and their lists, and the warnings of indexing."""
    options = build.options
    indexed = build_index(sources.loaded.articles, build.config, build.build_time,
                          include_drafts=options.include_drafts, include_future=options.include_future,
                          campaigns=sources.campaigns.campaigns)
    if indexed.problems:
        raise BuildError(indexed.problems)
    return indexed.site, indexed.warnings


def rank_lists(build: Build, site: Site, analyzer: Analyzer | None = None) -> RankedSite:
    """The related stage, updating the last build's ranking when it can; the ranking and the parsed bulletins
    go to the cache."""
    ranking = build.cache.ranking
    ranked = rank_site(site, ranking.state(), threads=os.cpu_count() or 1, analyzer=analyzer,
                       known_stems=ranking.known_stems())
    if ranked.state is not None:
        ranking.keep_state(ranked.state)
        ranking.keep_stems()
    build.cache.save()
    return replace(ranked, state=None)  # saved: the build need not hold hundreds of megabytes while it renders


def site_pictures(build: Build, site: Site) -> dict[str, Picture]:
    """The pictures the published bulletins and campaigns show, with their smaller copies."""
    pictures, problems = read_pictures(site.articles, build.options.content_dir, build.cache.pictures,
                                       [entry.campaign for entry in site.campaigns])
    if problems:
        raise BuildError(problems)
    return pictures


def render_and_write(build: Build, site: Site, pictures: dict[str, Picture], analyzer: Analyzer) -> Written:
    """The render stage streaming into the write stage, with the search index made beside them; the keys and
    status of what is now in the output go to the cache."""
    options, cache = build.options, build.cache
    reusable = cache.pages.reusable_pages(options.output_dir) if options.output_dir.is_dir() else {}
    copied = copied_files(build, site, pictures)
    # The search index is made in another process while this one renders the pages; its files come last.
    index = search_index_aside(site, analyzer, reusable) if build.config.search else None
    analyzer.forget_word_counts()  # the search index's process has them; here they would only take memory
    tally = RenderTally()
    try:
        with progress_bar(options.show_progress and len(site.articles) >= PROGRESS_FROM, "halaman") as tick:
            renderer = Renderer(site, build.theme, Urls(build.config.base_url, build.config.relative_urls),
                                preview=options.preview, reusable=reusable, pictures=pictures,
                                compiled=cache.compiled_templates())
            rendered = itertools.chain(render_site(renderer, workers=os.cpu_count() or 1),
                                       search_index_output(index, cache))
            report = write_site(options.output_dir, tally.passing(rendered, tick), copied)
    finally:
        if index is not None:
            index.cancel()
    # Files the build left as the last one wrote them are as they were seen before writing.
    seen = cache.pages.output_seen
    status = output_status(options.output_dir, read_manifest(options.output_dir) or [],
                           known={path: seen[path] for path in tally.left_alone if path in seen})
    cache.pages.keep_pages(options.output_dir, tally.keys, status)
    return Written(report, tally, status, index.seconds if index is not None else None)


PROGRESS_FROM = 500  # smaller sites build before a bar would be worth drawing


def copied_files(build: Build, site: Site, pictures: dict[str, Picture]) -> list[CopiedFile]:
    """The theme's static files, the files the bulletins refer to, and the pictures' smaller copies."""
    assets = [asset for item in (*site.articles, *(entry.campaign for entry in site.campaigns))
              for asset in item.assets]
    copied = theme_files(build.theme, assets, build.options.content_dir)
    copied += [CopiedFile(variant.site_path, variant.source, f"smaller copy of {picture.site_path}")
               for picture in pictures.values() for variant in picture.variants]
    return copied


def search_index_output(index: Aside | None, cache: BuildCache) -> Iterator[RenderedFile]:
    """The search index's files once made, each dropped as it is given out (at 100,000 bulletins they are a
    hundred megabytes); the stems its analysis added go to the cache."""
    if index is None:
        return
    files, stems = index.result()
    if stems is not None:
        cache.ranking.add_stems(stems)
    cache.ranking.keep_stems()
    files.reverse()
    while files:
        yield files.pop()


def site_with_lists(options: BuildOptions) -> tuple[Site, list[Problem]]:
    """Load, check, index and rank: the site as the render stage would get it, for commands that read it."""
    run = open_build(options, writing=False)
    sources = load_sources(run)
    site, warnings = index_sources(run, sources)
    ranked = rank_lists(run, site)
    return ranked.site, [*sources.loaded.warnings, *warnings, *ranked.warnings]
