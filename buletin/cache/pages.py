"""What the last build left in the output folder: each page's key, and the record of the whole build.

A page whose file is still as the last build wrote it (the same size and
modification time) and whose key is the same is not rendered again. The record
of the whole build says when nothing at all needs doing.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from .store import Store


class PageCache:
    """The keys of the pages in an output folder, and the last build's record."""

    def __init__(self, store: Store, enabled: bool):
        self.store = store
        self.pages: dict[str, dict[str, tuple[str, int, int]]] = store.read("pages") if enabled else {}
        self.last_build: dict = store.read("last-build") if enabled else {}
        self.output_seen: dict[str, tuple[int, int]] = {}  # output files found as the last build left them

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
        self.store.write("pages", self.pages)

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
        self.store.write("last-build", self.last_build)


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
