"""Responsive pictures: smaller copies of every bulletin image, made once and kept in .cache/images/.

For each picture a bulletin shows, WebP and original-format copies are made
at the standard widths that are smaller than the original (480, 960, 1440 px),
so that phones on slow connections load a small file. The copies are named by
the original's content, so a changed picture gets new copies and an unchanged
one is never processed again.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .content import Article, Campaign
from .problems import Problem

WIDTHS = (480, 960, 1440)
RASTER_FORMATS = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP"}


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


def prepare_pictures(articles: Sequence[Article], content_dir: Path, cache_dir: Path,
                     campaigns: Sequence[Campaign] = ()) -> tuple[dict[str, Picture], list[Problem]]:
    """Pictures (by content-relative path) of every image the bulletins show, and the problems of unreadable ones."""
    from PIL import Image, ImageOps, UnidentifiedImageError  # loaded only for sites with images

    pictures: dict[str, Picture] = {}
    problems: list[Problem] = []
    users: dict[str, list[tuple[Article | Campaign, str]]] = {}
    for campaign in campaigns:
        for asset in campaign.assets:
            if PurePosixPath(asset).suffix.lower() in RASTER_FORMATS:
                users.setdefault(asset, []).append((campaign, "image" if asset == campaign.image else "body"))
    for article in articles:
        if article.image:
            users.setdefault(article.image, []).append((article, "image"))
        for asset in article.assets:
            if asset != article.image and PurePosixPath(asset).suffix.lower() in RASTER_FORMATS:
                users.setdefault(asset, []).append((article, "body"))
    for asset in sorted(users):
        suffix = PurePosixPath(asset).suffix.lower()
        if suffix not in RASTER_FORMATS:
            pictures[asset] = Picture(asset, None, None)
            continue
        data = (content_dir / asset).read_bytes()
        try:
            with Image.open(io.BytesIO(data)) as opened:
                image = ImageOps.exif_transpose(opened)
                image.load()
        except (UnidentifiedImageError, OSError, ValueError) as error:
            reason = ("it is not a picture in a known format" if isinstance(error, UnidentifiedImageError)
                      else f"it is damaged ({error})")
            for article, field_name in users[asset]:
                lines = getattr(article, "field_lines", {})
                problems.append(Problem(article.source_path, lines.get(field_name), field_name,
                                        f'the image "{asset}" cannot be read: {reason}',
                                        "Save it again as JPEG, PNG or WebP, or replace it."))
            continue
        digest = hashlib.sha256(data).hexdigest()[:16]
        stem = str(PurePosixPath(asset).with_suffix(""))
        variants = []
        for width in (w for w in WIDTHS if w < image.width):
            for file_format, extension, mime in (("WEBP", ".webp", "image/webp"),
                                                 (RASTER_FORMATS[suffix], suffix, _mime(suffix))):
                cached = cache_dir / f"{digest}-{width}{extension}"
                if not cached.is_file():
                    _save_resized(image, width, file_format, cached)
                variants.append(Variant(f"{stem}-{width}{extension}", width, mime, cached))
        pictures[asset] = Picture(asset, image.width, image.height, tuple(variants))
    return pictures, problems


def _mime(suffix: str) -> str:
    return {".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png", ".webp": "image/webp"}[suffix]


def _save_resized(image: object, width: int, file_format: str, target: Path) -> None:
    from PIL import Image

    height = max(1, round(image.height * width / image.width))
    resized = image.resize((width, height), Image.Resampling.LANCZOS)
    if file_format == "JPEG" and resized.mode not in ("RGB", "L"):
        resized = resized.convert("RGB")
    options = {"JPEG": {"quality": 82, "optimize": True, "progressive": True},
               "WEBP": {"quality": 80, "method": 6},
               "PNG": {"optimize": True}}[file_format]
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_suffix(target.suffix + ".tmp")
    resized.save(temporary, file_format, **options)
    temporary.replace(target)  # a half-written copy never looks finished
