"""The pictures bulletins and campaigns show: read, checked, and given smaller copies.

For each picture a published bulletin shows, WebP and original-format copies
are made at the standard widths that are smaller than the original (480, 960,
1440 px), so that phones on slow connections load a small file. The copies are
named by the original's content and kept by the build cache (PictureCopies),
so a changed picture gets new copies and an unchanged one is never processed
again.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable, Sequence
from pathlib import Path, PurePosixPath
from typing import Protocol

from ..model import Article, Campaign, Picture, Problem, Variant

WIDTHS = (480, 960, 1440)
RASTER_FORMATS = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP"}
MIME_TYPES = {".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png", ".webp": "image/webp"}
SAVE_OPTIONS = {"JPEG": {"quality": 82, "optimize": True, "progressive": True},
                "WEBP": {"quality": 80, "method": 6},
                "PNG": {"optimize": True}}


class PictureCopies(Protocol):
    """Where the smaller copies are kept between builds (the build cache)."""

    def keep(self, name: str, make: Callable[[], bytes]) -> Path:
        """The kept copy of this name, made first (by `make`) when there is none."""


def read_pictures(articles: Sequence[Article], content_dir: Path, copies: PictureCopies,
                  campaigns: Sequence[Campaign] = ()) -> tuple[dict[str, Picture], list[Problem]]:
    """Pictures (by content-relative path) of every image these bulletins and campaigns show, and the problems
    of those that cannot be read."""
    from PIL import Image, ImageOps, UnidentifiedImageError  # loaded only for sites with images

    pictures: dict[str, Picture] = {}
    problems: list[Problem] = []
    users = _users(articles, campaigns)
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
            for user, field_name in users[asset]:
                lines = getattr(user, "field_lines", {})
                problems.append(Problem(user.source_path, lines.get(field_name), field_name,
                                        f'the image "{asset}" cannot be read: {reason}',
                                        "Save it again as JPEG, PNG or WebP, or replace it."))
            continue
        digest = hashlib.sha256(data).hexdigest()[:16]
        stem = str(PurePosixPath(asset).with_suffix(""))
        variants = []
        for width in (w for w in WIDTHS if w < image.width):
            for file_format, extension, mime in (("WEBP", ".webp", "image/webp"),
                                                 (RASTER_FORMATS[suffix], suffix, MIME_TYPES[suffix])):
                kept = copies.keep(f"{digest}-{width}{extension}",
                                   lambda image=image, width=width, file_format=file_format:
                                   _resized(image, width, file_format))
                variants.append(Variant(f"{stem}-{width}{extension}", width, mime, kept))
        pictures[asset] = Picture(asset, image.width, image.height, tuple(variants))
    return pictures, problems


def _users(articles: Sequence[Article], campaigns: Sequence[Campaign]) -> dict[str, list[tuple[object, str]]]:
    """Each picture, with the bulletins and campaigns that show it and in which field."""
    users: dict[str, list[tuple[object, str]]] = {}
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
    return users


def _resized(image: object, width: int, file_format: str) -> bytes:
    from PIL import Image

    height = max(1, round(image.height * width / image.width))
    resized = image.resize((width, height), Image.Resampling.LANCZOS)
    if file_format == "JPEG" and resized.mode not in ("RGB", "L"):
        resized = resized.convert("RGB")
    encoded = io.BytesIO()
    resized.save(encoded, file_format, **SAVE_OPTIONS[file_format])
    return encoded.getvalue()
