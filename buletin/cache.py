"""The build cache in .cache/: earlier results, by the hash of what they were made from.

Parsed bulletins are kept by the bytes of their file, the related lists by
everything the ranking reads. Every entry also depends on the fingerprint of
the engine's code and of the configuration, so a change to either starts over.
A damaged or foreign cache file is ignored, never trusted: the build then
simply does all the work.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import time
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from . import collector
from .config import SiteConfig
from .content import FileOutcome
from .engine import engine_fingerprint


class BuildCache:
    """Cached outcomes of the load and related stages, read at the start of a build and saved at the end."""

    def __init__(self, folder: Path, config: SiteConfig, enabled: bool = True):
        """With enabled=False (--clean) nothing earlier is reused, but what this build makes is kept."""
        self.folder = folder
        self.enabled = enabled
        self.fingerprint = hashlib.sha256(f"{engine_fingerprint()}:{config!r}".encode()).hexdigest()
        self._articles: dict[str, FileOutcome] | None = None if enabled else {}  # read when first asked for
        self._stored_shards: dict[str, frozenset[str]] = {}  # keys in each shard file as read
        self._changed_shards: set[str] = set()  # shards given a new outcome in this build
        self._ranking: object | None = None  # the related lists' ranking state, read when first asked for
        self._ranking_changed = False
        self._used_articles: dict[str, FileOutcome] = {}
        self.hits = 0  # files whose parse was reused
        self.pages: dict[str, dict[str, tuple[str, int, int]]] = {}
        self._stems: dict[str, dict[str, str]] | None = None if enabled else {}
        self._stems_read = 0  # how many stems the file held
        self.last_build: dict = {}
        self.output_seen: dict[str, tuple[int, int]] = {}  # output files found as the last build left them
        # What the load stage read of each content file: its status and key, and when the reading began.
        self._started = time.time_ns()
        self._sources: dict = {}
        self._sources_now: dict[str, tuple[tuple[int, ...], str]] = {}
        self.sources_seen: dict[str, os.stat_result] = {}  # files this build looked at already, by path
        if enabled:
            self._sources = self._read("sources")
            self.pages = self._read("pages")
            self.last_build = self._read("last-build")

    @property
    def articles(self) -> dict[str, FileOutcome]:
        """Parsed bulletins of earlier builds, by key (a build with nothing changed never reads them)."""
        if self._articles is None:
            self._articles = self._read_articles()
        return self._articles

    # The load stage's LoadCache interface.
    def get(self, key: str) -> FileOutcome | None:
        outcome = self.articles.get(key)
        if outcome is not None:
            self._used_articles[key] = outcome
            self.hits += 1
        return outcome

    def put(self, key: str, outcome: FileOutcome) -> None:
        self._used_articles[key] = outcome
        self._changed_shards.add(_shard_of(key))

    def key_of(self, shown: str, status: os.stat_result) -> str | None:
        """The load stage's LoadCache.key_of: a file's key as the last build read it, when its size, times and
        inode are what they were and its last change came well before that build began (a file written
        in the same tick as it was read could have changed unseen; such files are read again, as git does)."""
        known = self._sources.get("files", {}).get(shown)
        if known is None or known[0] != _signature(status):
            return None
        if max(status.st_mtime_ns, status.st_ctime_ns) >= self._sources["started"] - UNSURE_NANOSECONDS:
            return None
        return known[1]

    def status_of(self, path: str) -> os.stat_result | None:
        """The load stage's LoadCache.status_of."""
        return self.sources_seen.get(path)

    def remember_key(self, shown: str, status: os.stat_result, key: str) -> None:
        self._sources_now[shown] = (_signature(status), key)

    def ranking_state(self) -> object | None:
        """The related lists' ranking of the last build (a RankingState), for this build to update; None when
        there is none. Kept whole, not by key: an edit changes it, and the update works from the old one."""
        if self._ranking is None and self.enabled:
            self._ranking = self._read("ranking").get("state")
        return None if self._ranking is _GONE else self._ranking

    def keep_ranking_state(self, state: object) -> None:
        if state is not self._ranking:
            self._ranking, self._ranking_changed = state, True

    def known_stems(self) -> dict[str, dict[str, str]]:
        """Stems of the words met by earlier builds, by stemmer; the related analysis adds to them.

        Kept apart from the related lists: an edit changes the lists, hardly
        ever the vocabulary, and stemming it again is the slow part.
        """
        if self._stems is None:
            self._stems = self._read("stems")
            self._stems_read = sum(len(stems) for stems in self._stems.values())
        return self._stems

    def keep_stems(self) -> None:
        if self._stems is not None and sum(len(stems) for stems in self._stems.values()) != self._stems_read:
            self._write("stems", self._stems)

    def reusable_pages(self, output: Path) -> dict[str, str]:
        """Output paths whose file is still the one the last build wrote there, with that page's key."""
        folder = str(output)
        reusable = {}
        for site_path, (key, size, modified) in self.pages.get(str(output.resolve()), {}).items():
            if file_status(folder, site_path) == (size, modified):
                reusable[site_path] = key
                self.output_seen[site_path] = (size, modified)
        return reusable

    def keep_pages(self, output: Path, keys: dict[str, str], status: dict[str, tuple[int, int] | None]) -> None:
        """Remember which inputs made each page now in `output` (by the file's size and time, from output_status)."""
        recorded = {}
        for site_path, key in keys.items():
            known = status.get(site_path)
            if known is not None:
                recorded[site_path] = (key, *known)
        self.pages = {str(output.resolve()): recorded}
        self._write("pages", self.pages)

    def is_up_to_date(self, inputs: str, output: Path, build_time: datetime) -> bool:
        """Whether the last build used these very inputs, left `output` as it is now, and no date has
        come since that would change the site (a scheduled bulletin, the news sitemap's window)."""
        record = self.last_build
        if record.get("inputs") != inputs or record.get("output") != str(output.resolve()):
            return False
        if not record["built_at"] <= build_time or (record["valid_until"] and build_time >= record["valid_until"]):
            return False
        folder = str(output)
        return all(file_status(folder, site_path) == known for site_path, known in record["files"].items())

    def keep_last_build(self, inputs: str, output: Path, build_time: datetime, valid_until: datetime | None,
                        status: dict[str, tuple[int, int] | None], articles: int, pages: int,
                        warnings: list) -> None:
        """Remember this build; `status` gives the size and time of each file in `output` (output_status)."""
        if None in status.values():
            return  # something changed under us: no record, so the next build does the work
        self.last_build = {"inputs": inputs, "output": str(output.resolve()), "built_at": build_time,
                           "valid_until": valid_until, "files": status, "articles": articles, "pages": pages,
                           "warnings": warnings}
        self._write("last-build", self.last_build)

    def save(self) -> None:
        """Write what this build used; entries of deleted or changed files are dropped.

        Parsed bulletins are kept in shards by key, and only shards whose
        entries changed are written again: an edit rewrites one small file,
        not the whole archive.
        """
        self.articles  # noqa: B018 (read the stored shards, to know which to rewrite or remove)
        shards: dict[str, dict[str, FileOutcome]] = {}
        for key, outcome in self._used_articles.items():
            shards.setdefault(_shard_of(key), {})[key] = outcome
        for shard in sorted(set(shards) | set(self._stored_shards)):
            entries = shards.get(shard, {})
            if shard not in self._changed_shards and self._stored_shards.get(shard) == frozenset(entries):
                continue
            if entries:
                self._write(f"articles/{shard}", entries)
            else:
                with contextlib.suppress(OSError):
                    self._path(f"articles/{shard}").unlink()
        self._stored_shards = {shard: frozenset(entries) for shard, entries in shards.items()}
        self._changed_shards.clear()
        with contextlib.suppress(OSError):
            self._path("articles").unlink()  # the single file of earlier versions
        if self._sources_now and self._sources.get("files") != self._sources_now:
            self._sources = {"started": self._started, "files": self._sources_now}
            self._write("sources", self._sources)
        if self._ranking_changed:
            self._write("ranking", {"state": self._ranking})
            self._ranking_changed = False
        self._ranking = _GONE  # hundreds of megabytes on a large archive, not needed once the lists are made
        with contextlib.suppress(OSError):
            self._path("related").unlink()  # the lists alone, as earlier versions kept them

    def _read_articles(self) -> dict[str, FileOutcome]:
        articles: dict[str, FileOutcome] = {}
        folder = self.folder / "articles"
        with collector.paused():  # unpickling makes many objects, all kept: no collection until all are read
            for path in sorted(folder.glob("*.pickle")) if folder.is_dir() else ():
                entries = self._read(f"articles/{path.stem}")
                if all(_shard_of(key) == path.stem for key in entries):
                    articles.update(entries)
                    self._stored_shards[path.stem] = frozenset(entries)
        return articles

    def _path(self, name: str) -> Path:
        return self.folder / f"{name}.pickle"

    def _read(self, name: str) -> dict:
        try:
            with self._path(name).open("rb") as handle:
                fingerprint, entries = pickle.load(handle)
        except Exception:  # any damaged cache file just means no cache
            return {}
        return entries if fingerprint == self.fingerprint and isinstance(entries, dict) else {}

    def _write(self, name: str, entries: dict) -> None:
        try:
            self._path(name).parent.mkdir(parents=True, exist_ok=True)
            temporary = self._path(name).with_suffix(f".{os.getpid()}.tmp")
            with temporary.open("wb") as handle:
                pickle.dump((self.fingerprint, entries), handle, protocol=pickle.HIGHEST_PROTOCOL)
            temporary.replace(self._path(name))
        except OSError:
            pass  # a cache that cannot be written only costs time next build


def output_status(output: Path, site_paths: Iterable[str],
                  known: dict[str, tuple[int, int]] | None = None) -> dict[str, tuple[int, int] | None]:
    """The size and time of each of these files in `output` (None for one that is not there), read once for
    both records a build keeps of its output; `known` gives those of files this build saw and left alone."""
    folder = str(output)
    known = known or {}
    return {site_path: known.get(site_path) or file_status(folder, site_path) for site_path in site_paths}


def file_status(folder: str, site_path: str) -> tuple[int, int] | None:
    """A file's size and modification time, or None when it is not there. On strings, not Path: for the
    17,000 files of a large site, joining Path objects took longer than the system calls."""
    try:
        status = os.stat(os.path.join(folder, site_path))
    except OSError:
        return None
    return status.st_size, status.st_mtime_ns


_GONE = object()  # the ranking state once saved and let go

# A file whose last change came less than this before a build began may have changed again in the same tick
# of a coarse file-system clock (two seconds on FAT) after the build read it.
UNSURE_NANOSECONDS = 2_000_000_000


def _signature(status: os.stat_result) -> tuple[int, ...]:
    return status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino, status.st_dev


def _shard_of(key: str) -> str:
    """The shard file of a parsed bulletin's key (a hex digest): 256 shards by its first two digits."""
    return hashlib.sha256(key.encode()).hexdigest()[:2]
