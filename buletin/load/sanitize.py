"""What a bulletin's HTML may contain: markup, never script.

Writers may paste HTML into Markdown. Everything is passed through nh3 (the
Rust sanitiser ammonia): scripts, styles, event handlers, forms and
`javascript:` addresses are removed; tables, figures and the markup Markdown
makes stay. An iframe stays only when the site allows its host (a YouTube or
Google Maps embed, say, through `embed_hosts` in site.toml).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urlsplit

import nh3

from ..model import REFERENCE_SCHEME

TAGS = frozenset(nh3.ALLOWED_TAGS) | {"iframe", "picture", "source"}
ATTRIBUTES = {
    **{tag: set(values) for tag, values in nh3.ALLOWED_ATTRIBUTES.items()},
    "*": {"id", "class", "title", "lang", "dir"},
    "a": {"href", "hreflang", "rel"},
    "img": {"src", "alt", "width", "height", "loading"},
    "iframe": {"src", "width", "height", "title", "allow", "allowfullscreen", "loading", "referrerpolicy"},
    "abbr": {"title"},
    "ol": {"start", "type"},
}
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel", REFERENCE_SCHEME})
_EMPTY_IFRAME = re.compile(r"<iframe(?![^>]*\ssrc=)[^>]*>.*?</iframe>", re.DOTALL | re.IGNORECASE)
_EMPTY_IMAGE = re.compile(r"<img(?![^>]*\ssrc=)[^>]*>", re.IGNORECASE)


def sanitize_html(html: str, embed_hosts: Iterable[str] = ()) -> str:
    """The HTML with only safe markup left; iframes only from the allowed hosts, and only over https."""
    allowed = frozenset(host.casefold() for host in embed_hosts)

    def keep(tag: str, attribute: str, value: str) -> str | None:
        if tag == "iframe" and attribute == "src":
            address = urlsplit(value)
            return value if address.scheme == "https" and (address.hostname or "").casefold() in allowed else None
        return value

    cleaned = nh3.clean(html, tags=set(TAGS), attributes=ATTRIBUTES, attribute_filter=keep, strip_comments=False,
                        link_rel=None, url_schemes=set(URL_SCHEMES))
    return _EMPTY_IMAGE.sub("", _EMPTY_IFRAME.sub("", cleaned))
