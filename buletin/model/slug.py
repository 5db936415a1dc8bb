"""Slugs: the URL segments of bulletins, regions, tags, reporters and campaigns."""

from __future__ import annotations

import functools
import re
import unicodedata

SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@functools.lru_cache(maxsize=1 << 14)  # regions, tags and reporters come back on thousands of bulletins
def slugify(text: str) -> str:
    """A lowercase ASCII URL segment: "Jakarta Selatan" -> "jakarta-selatan"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def strip_date_prefix(stem: str) -> str:
    """A file name without the date writers may put in front: "2024-07-30-judul" -> "judul"."""
    return re.sub(r"^\d{4}-\d{2}-\d{2}-", "", stem)
