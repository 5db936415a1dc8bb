"""Page keys: a digest of everything a page is made from, so that a page whose inputs did not change is not
rendered again.

A key covers what every page shares (the engine's code, the configuration,
the templates, the site-wide names: PageKeys.global_key) and the page's own
inputs, encoded as bytes and hashed: bulletins as the digest of their source
file, the commonest types told apart by their exact type first, a dataclass
met on many pages (a region with thousands of bulletins) hashed once.

The speed trick here is for list pages, of which a large site has thousands:
what the pages of a list share is digested once for the list, and each page's
bulletins go in as tokens hashed in one call (flat_key). `python
bench/speed_tricks.py` at 2,000 bulletins: 0.004 ms a list page's key,
against 0.010 ms walking the same inputs as values as page_key does; for
article pages the two measure the same, so articles take page_key.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path

from ..config import ThemeFolders
from ..model import Article, Site
from ..runtime.engine import engine_fingerprint


class PageKeys:
    """The keys of one build's pages: what they all share, digested once, and each page's own inputs."""

    def __init__(self, site: Site, theme: ThemeFolders, shared: object):
        """`shared` is what every page reads beyond the site's names (the address style, the interface words,
        the pictures): any value encode() can take."""
        self.memo: dict[int, tuple[object, bytes]] = {}  # page inputs met on many pages, hashed once
        self.global_key = _global_key(site, theme, shared)

    def page_key(self, template_name: str, path: str, inputs: object) -> str:
        """The digest of what a page is made from: what every page shares, its template, path and inputs."""
        hasher = hashlib.sha256(self.global_key)
        digest_into(hasher, (template_name, path, inputs), self.memo)
        return hasher.hexdigest()

    def flat_key(self, template_name: str, path: str, *encoded: bytes) -> str:
        """page_key of inputs encoded already: list pages, of which a site has thousands and whose inputs are
        mostly bulletins, hashed in one call without walking them as values."""
        return hashlib.sha256(b"".join((self.global_key, b"flat\0", template_name.encode(), b"\0", path.encode(),
                                        b"\0", *encoded))).hexdigest()

    def digest(self, value: object) -> bytes:
        """The digest of a value alone, for inputs many pages share (the settings of a list)."""
        hasher = hashlib.sha256()
        digest_into(hasher, value, self.memo)
        return hasher.digest()


def _global_key(site: Site, theme: ThemeFolders, shared: object) -> bytes:
    """What every page depends on beyond its own context: code, configuration, templates, site-wide names."""
    hasher = hashlib.sha256(engine_fingerprint().encode())
    for folder in theme.templates:
        for template in sorted(folder.rglob("*")) if folder.is_dir() else ():
            if template.is_file():
                hasher.update(template.relative_to(folder).as_posix().encode() + b"\0" + template.read_bytes())
    digest_into(hasher, (repr(site.config), shared,
                         # regions (navigation) and the spelling of tags shown on pages; reporters'
                         # pages follow from their names alone
                         [(term.kind, term.name, term.path) for term in (*site.regions, *site.tags)],
                         sorted(article.slug for article in site.articles if site.is_future(article)),
                         [(entry.campaign.slug, entry.status) for entry in site.campaigns]))
    return hasher.digest()


def tokens(articles: Iterable[Article | None]) -> bytes:
    """Bulletins as page inputs, each by the digest of its source file (as encode gives them)."""
    return b"".join(b"N" if article is None else b"A" + article.source_digest.encode() + b"\0"
                    for article in articles)


def digest_into(hasher: hashlib._Hash, value: object, memo: dict[int, tuple[object, bytes]] | None = None) -> None:
    """Feed a page's inputs into a hash, by value: articles by the digest of their source file.

    With `memo`, a dataclass met again (a region with thousands of bulletins, on
    each of its pages) is hashed once, by identity, while the memo keeps it alive.
    """
    parts: list[bytes] = []
    _encode(value, parts, memo)
    hasher.update(b"".join(parts))  # one call for the whole value, not one per piece of it


def _encode(value: object, parts: list[bytes], memo: dict[int, tuple[object, bytes]] | None) -> None:
    """The bytes digest_into hashes for a value, added to `parts`; the commonest types are told apart by
    their exact type first (a list page's inputs are some 200 small values, on 17,000 pages)."""
    kind = type(value)
    if kind is str:
        parts.append(b"S" + value.encode() + b"\0")
    elif kind is tuple or kind is list:
        parts.append(b"[")
        for item in value:
            # The commonest items (a list page's bulletins, names) inline: a call per item costs more.
            item_kind = type(item)
            if item_kind is Article:
                parts.append(b"A" + item.source_digest.encode() + b"\0")
            elif item_kind is str:
                parts.append(b"S" + item.encode() + b"\0")
            else:
                _encode(item, parts, memo)
        parts.append(b"]")
    elif kind is Article:
        parts.append(b"A" + value.source_digest.encode() + b"\0")
    elif value is None or kind is bool or kind is int:
        parts.append(b"V" + repr(value).encode() + b"\0")
    else:
        _encode_other(value, parts, memo)


def _encode_other(value: object, parts: list[bytes], memo: dict[int, tuple[object, bytes]] | None) -> None:
    if isinstance(value, Article):
        parts.append(b"A" + value.source_digest.encode() + b"\0")
    elif isinstance(value, (str, Path)):
        parts.append(b"S" + str(value).encode() + b"\0")
    elif value is None or isinstance(value, (bool, int, float)):
        parts.append(b"V" + repr(value).encode() + b"\0")
    elif isinstance(value, (datetime, date)):
        parts.append(b"D" + value.isoformat().encode() + b"\0")
    elif isinstance(value, (list, tuple)):
        parts.append(b"[")
        for item in value:
            _encode(item, parts, memo)
        parts.append(b"]")
    elif isinstance(value, dict):
        _encode(sorted(value.items()), parts, memo)
    elif dataclasses.is_dataclass(value):
        known = memo.get(id(value)) if memo is not None else None
        if known is None:
            inner = hashlib.sha256(b"C" + type(value).__name__.encode())
            digest_into(inner, [getattr(value, item.name) for item in dataclasses.fields(value)], memo)
            known = (value, inner.digest())
            if memo is not None:
                memo[id(value)] = known
        parts.append(b"c" + known[1])
    else:
        raise TypeError(f"cannot tell whether a page input of type {type(value).__name__} changed")
