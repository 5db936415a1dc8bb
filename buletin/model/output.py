"""The files a build hands to the write stage."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path


@dataclass(frozen=True)
class RenderedFile:
    """One output file: where it goes and its bytes."""

    site_path: str  # "berita/x/index.html"
    data: bytes | None  # None: made from the same inputs as the file the previous build wrote; reuse it
    origin: str  # what made it, for error messages
    lastmod: datetime | None = None  # when what the page shows last changed
    in_sitemap: bool = False
    key: str = ""  # digest of everything the page is made from


@dataclass(frozen=True)
class CopiedFile:
    """A file copied as it is (CSS, images)."""

    site_path: str
    source: Path
    origin: str


@dataclass(frozen=True)
class WriteReport:
    written: int  # new or changed files
    unchanged: int
    removed: int  # files of the previous build that are gone
