"""Plain text from the sanitised HTML of a body.

The HTML here is the sanitiser's output, well formed, so regular expressions read it reliably and fast.
"""

from __future__ import annotations

import re
from html import unescape

_FOOTNOTE_MARKS = re.compile(r"<sup[^>]*>.*?</sup>", re.DOTALL)


_BLOCK_END = re.compile(r"</(?:p|li|h[1-6]|td|th|div|blockquote|figcaption|dd|dt)>|<br\s*/?>")


_ANY_TAG = re.compile(r"<[^>]*>")
_PARAGRAPH = re.compile(r"<p(?:\s[^>]*)?>(.*?)</p>", re.DOTALL)


def html_to_text(html: str) -> str:
    """The readable text of an HTML fragment, on one line (footnote marks left out)."""
    text = _ANY_TAG.sub("", _BLOCK_END.sub(" ", _FOOTNOTE_MARKS.sub("", html)))
    return " ".join(unescape(text).split())


def first_paragraph_text(html: str) -> str:
    """The text of the first paragraph that has any, for summaries."""
    for match in _PARAGRAPH.finditer(html):
        text = html_to_text(match.group(1))
        if text:
            return text
    return ""
