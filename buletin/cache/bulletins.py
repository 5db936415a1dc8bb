"""Parsed bulletins of earlier builds, by the bytes of their file, and the status each file had when it was read.

The load stage asks through its LoadCache interface. Parsed bulletins are kept
in 256 shards by key, and only shards whose entries changed are written again:
an edit rewrites one small file, not the whole archive. A file whose size,
times and inode are as the last build found them is not even read again,
unless it changed in the two seconds before that build began (as git does).
"""

from __future__ import annotations

import hashlib
import os
import time

from ..model import FileOutcome
from ..runtime import collector
from .store import Store

# A file whose last change came less than this before a build began may have changed again in the same tick
# of a coarse file-system clock (two seconds on FAT) after the build read it.
UNSURE_NANOSECONDS = 2_000_000_000


class BulletinCache:
    """The load stage's LoadCache: parsed bulletins by key, and the key of each file as last read."""

    def __init__(self, store: Store, enabled: bool):
        self.store = store
        self._articles: dict[str, FileOutcome] | None = None if enabled else {}  # read when first asked for
        self._stored_shards: dict[str, frozenset[str]] = {}  # keys in each shard file as read
        self._changed_shards: set[str] = set()  # shards given a new outcome in this build
        self._used_articles: dict[str, FileOutcome] = {}
        self.hits = 0  # files whose parse was reused
        # What the load stage read of each content file: its status and key, and when the reading began.
        self._started = time.time_ns()
        self._sources: dict = store.read("sources") if enabled else {}
        self._sources_now: dict[str, tuple[tuple[int, ...], str]] = {}
        self.sources_seen: dict[str, os.stat_result] = {}  # files this build looked at already, by path

    @property
    def articles(self) -> dict[str, FileOutcome]:
        """Parsed bulletins of earlier builds, by key (a build with nothing changed never reads them)."""
        if self._articles is None:
            self._articles = self._read_articles()
        return self._articles

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
        """A file's key as the last build read it, when its size, times and inode are what they were and its
        last change came well before that build began (a file written in the same tick as it was read could
        have changed unseen; such files are read again, as git does)."""
        known = self._sources.get("files", {}).get(shown)
        if known is None or known[0] != _signature(status):
            return None
        if max(status.st_mtime_ns, status.st_ctime_ns) >= self._sources["started"] - UNSURE_NANOSECONDS:
            return None
        return known[1]

    def status_of(self, path: str) -> os.stat_result | None:
        """The file's status as this build saw it already (None: look)."""
        return self.sources_seen.get(path)

    def remember_key(self, shown: str, status: os.stat_result, key: str) -> None:
        self._sources_now[shown] = (_signature(status), key)

    def save(self) -> None:
        """Write what this build used; entries of deleted or changed files are dropped."""
        self.articles  # noqa: B018 (read the stored shards, to know which to rewrite or remove)
        shards: dict[str, dict[str, FileOutcome]] = {}
        for key, outcome in self._used_articles.items():
            shards.setdefault(_shard_of(key), {})[key] = outcome
        for shard in sorted(set(shards) | set(self._stored_shards)):
            entries = shards.get(shard, {})
            if shard not in self._changed_shards and self._stored_shards.get(shard) == frozenset(entries):
                continue
            if entries:
                self.store.write(f"articles/{shard}", entries)
            else:
                self.store.remove(f"articles/{shard}")
        self._stored_shards = {shard: frozenset(entries) for shard, entries in shards.items()}
        self._changed_shards.clear()
        self.store.remove("articles")  # the single file of earlier versions
        if self._sources_now and self._sources.get("files") != self._sources_now:
            self._sources = {"started": self._started, "files": self._sources_now}
            self.store.write("sources", self._sources)

    def _read_articles(self) -> dict[str, FileOutcome]:
        articles: dict[str, FileOutcome] = {}
        folder = self.store.folder / "articles"
        with collector.paused():  # unpickling makes many objects, all kept: no collection until all are read
            for path in sorted(folder.glob("*.pickle")) if folder.is_dir() else ():
                entries = self.store.read(f"articles/{path.stem}")
                if all(_shard_of(key) == path.stem for key in entries):
                    articles.update(entries)
                    self._stored_shards[path.stem] = frozenset(entries)
        return articles


def _signature(status: os.stat_result) -> tuple[int, ...]:
    return status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino, status.st_dev


def _shard_of(key: str) -> str:
    """The shard file of a parsed bulletin's key (a hex digest): 256 shards by its first two digits."""
    return hashlib.sha256(key.encode()).hexdigest()[:2]
