"""The load stage: every bulletin of the content folder, read, parsed and checked.

This package is the only reader of content/. A file an earlier build read and
that has not changed since is taken from the build cache without being read
again; the others are parsed in worker processes when there are many.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from ..config import SiteConfig
from ..model import Article, FileOutcome, LoadResult, Problem, slugify, strip_date_prefix
from ..runtime import collector
from ..runtime.workers import fork_available, in_forks
from .bulletin import load_article
from .discover import bulletin_files_under, display_path, joined, shown_folder
from .markdown import MarkdownRenderer


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
    shown_folder_ = shown_folder(content_dir, display_root)
    folder = str(content_dir)
    for relative in bulletin_files_under(content_dir):
        path = os.path.join(folder, relative)  # a string: making 100,000 Path objects takes longer than reading
        shown = (joined(shown_folder_, relative) if shown_folder_ is not None
                 else display_path(Path(path), display_root))
        try:
            key, outcome, raw = _known_outcome(path, shown, folder, cache)
        except OSError as error:
            result.problems.append(Problem(shown, None, None, f"cannot read the file: {error.strerror}"))
            continue
        if outcome is None:
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
            result.unloaded_slugs.append(slugify(strip_date_prefix(Path(path).stem)))
    return result


def _known_outcome(path: str, shown: str, folder: str,
                   cache: LoadCache | None) -> tuple[str, FileOutcome | None, bytes | None]:
    """A file's key, and its outcome when an earlier build parsed the same bytes (and the files they refer to
    are still there); else its bytes, to parse. A file an earlier build read, unchanged since, is not read
    again: its key is known."""
    status = (cache.status_of(path) if cache is not None else None) or os.stat(path)
    key = cache.key_of(shown, status) if cache is not None else None
    outcome = cache.get(key) if key is not None else None
    raw = None
    if outcome is None:
        raw = _read_bytes(path)
        key = f"{shown}\0{hashlib.sha256(raw).hexdigest()}"
        outcome = cache.get(key) if cache is not None else None
    if cache is not None:
        cache.remember_key(shown, status, key)
    if outcome is not None and not _references_exist(outcome.article, folder, cache):
        outcome = None
    if outcome is None and raw is None:
        raw = _read_bytes(path)
    return key, outcome, raw


def _read_bytes(path: str) -> bytes:
    with open(path, "rb") as handle:
        return handle.read()


def parse_files(items: list[tuple[str, bytes, str, str]], content_dir: Path, config: SiteConfig,
                workers: int | None = None, progress: Callable[[int], None] | None = None) -> list[FileOutcome]:
    """Parse (path, bytes, shown path, key) items, in worker processes when there are many;
    `progress` is told how many files each finished batch held."""
    workers = workers if workers is not None else (os.cpu_count() or 1)
    if workers <= 1 or len(items) < PARALLEL_THRESHOLD or not fork_available():
        outcomes = _parse_chunk(items, content_dir, config)
        if progress:
            progress(len(items))
        return outcomes
    chunk_size = max(50, len(items) // (workers * 4))
    ranges = [(start, min(len(items), start + chunk_size)) for start in range(0, len(items), chunk_size)]
    outcomes = []
    # The workers are forked with the items, so only the parsed outcomes travel between processes.
    for chunk in in_forks(lambda start, end: _parse_chunk(items[start:end], content_dir, config), ranges, workers):
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
