"""A picture a page shows, with its smaller copies."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Variant:
    site_path: str  # "images/foto-480.webp"
    width: int
    mime: str
    source: Path  # the file in the cache


@dataclass(frozen=True)
class Picture:
    """A picture with its size and its smaller copies (none for formats Pillow should not touch, like SVG)."""

    site_path: str
    width: int | None
    height: int | None
    variants: tuple[Variant, ...] = ()

    def srcset(self, mime: str, link: object) -> str:
        return ", ".join(f"{link(v.site_path)} {v.width}w" for v in self.variants if v.mime == mime)
