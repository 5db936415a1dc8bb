"""The whole build, as the list of its stages: config -> load -> index -> related -> render (with the search
index beside it) -> write."""

from __future__ import annotations

from ..config import BuildOptions
from ..model import Problem, Site, WriteReport
from ..runtime import collector
from ..text.analyzer import Analyzer
from .report import BuildReport, StageTimer
from .steps import (
    Build,
    Sources,
    Written,
    index_sources,
    load_sources,
    open_build,
    rank_lists,
    render_and_write,
    site_pictures,
)


def build(options: BuildOptions) -> BuildReport:
    """Build the site; raises BuildError, leaving the output folder untouched, on bad input."""
    with collector.settled():
        timer = StageTimer()
        run = timer.run("start", open_build, options)
        if run.up_to_date():
            return unchanged(run, timer)
        # One analyzer for the related lists and the search index: they count the same words.
        analyzer = Analyzer(run.config.related.weights, known_stems=run.cache.ranking.known_stems())
        sources = timer.run("load", load_sources, run)
        site, index_warnings = timer.run("index", index_sources, run, sources)
        ranked = timer.run("related", rank_lists, run, site, analyzer)
        pictures = timer.run("render", site_pictures, run, ranked.site)
        written = timer.run("write", render_and_write, run, ranked.site, pictures, analyzer)
        return finished(run, timer, sources, [*index_warnings, *ranked.warnings], ranked.site, ranked.note, written)


def unchanged(run: Build, timer: StageTimer) -> BuildReport:
    """The report of a build that found nothing to do: the output is the last build's."""
    record = run.cache.pages.last_build
    return BuildReport(record["articles"], record["pages"], WriteReport(0, len(record["files"]), 0),
                       list(record["warnings"]), timer.seconds,
                       "nothing changed since the last build: the output is up to date", run.config.language)


def finished(run: Build, timer: StageTimer, sources: Sources, warnings: list[Problem], site: Site, note: str,
             written: Written) -> BuildReport:
    """The report of a build that wrote its output, kept by the cache for the next build to compare with."""
    warnings = [*sources.loaded.warnings, *warnings]
    if not run.config.has_absolute_base_url:
        warnings.append(Problem("site.toml", None, "base_url",
                                "is not a full address, so feeds, sitemaps and share links use bare paths",
                                'Set base_url to the address the site is published at, e.g. "https://example.org/".'))
    tally = written.tally
    timer.moved(tally.seconds, "write", "render")  # the writer waited while the pages were rendered
    if written.search_seconds is not None:
        timer.seconds["search"] = written.search_seconds
    loaded = sources.loaded
    cache_note = (f"cache: {run.cache.bulletins.hits} of {len(loaded.articles) + len(loaded.unloaded_slugs)} files "
                  f"reused, {note}, {tally.reused} of {tally.files} pages unchanged and not rendered again")
    run.cache.pages.keep_last_build(run.inputs, run.options.output_dir, run.build_time, site.valid_until,
                                    written.status, articles=len(site.articles), pages=tally.pages, warnings=warnings)
    return BuildReport(len(site.articles), tally.pages, written.report, warnings, timer.seconds, cache_note,
                       run.config.language, seconds=timer.elapsed)
