"""An article's body on its page: links resolved, pictures made responsive, the dateline and Baca juga lines set."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from html import unescape
from urllib.parse import quote

from markupsafe import Markup

from ..model import REFERENCE_PREFIX, Article, Site, urls

_BODY_IMAGE = re.compile(r'<img ([^>]*?)src="' + re.escape(REFERENCE_PREFIX) + r'asset/([^"#]+)"([^>]*)>')


PICTURE_SIZES = "(min-width: 48rem) 42rem, 100vw"


_REFERENCE = re.compile(r'(src|href)="' + re.escape(REFERENCE_PREFIX) + r'(asset|article)/([^"#]*)(#[^"]*)?"')


def share_links(title: str, address: str) -> list[tuple[str, str, str]]:
    """(network key, label, link) for sharing a page: plain links, no third-party script."""
    text = quote(f"{title} {address}")
    page, subject = quote(address, safe=""), quote(title)
    return [
        ("whatsapp", "WhatsApp", f"https://wa.me/?text={text}"),
        ("facebook", "Facebook", f"https://www.facebook.com/sharer/sharer.php?u={page}"),
        ("x", "X", f"https://x.com/intent/post?text={subject}&url={page}"),
        ("telegram", "Telegram", f"https://t.me/share/url?url={page}&text={subject}"),
        ("email", "", f"mailto:?subject={subject}&body={page}"),
    ]


def dateline_text(article: Article) -> str:
    """ "Jakarta (ANTARA) –": the opening of a press release, when it has a dateline."""
    if not article.dateline:
        return ""
    source = f" ({article.source})" if article.source else ""
    return f"{article.dateline}{source} –"


def place_inline_related(html: str, related: Sequence[Article], *, marker: str, after_paragraph: int,
                         min_paragraphs: int, render_line: Callable[[Article], str]) -> tuple[str, tuple[Article, ...]]:
    """Set "Baca juga: <title>" lines inside the body; returns the body and the links left for the end list.

    Each marker line a writer put between paragraphs takes the next related
    bulletin (a marker with none left disappears). Without markers, and when
    the site asks for it, one line goes after paragraph `after_paragraph` of
    articles with at least `min_paragraphs` paragraphs.
    """
    remaining = list(related)
    marker_line = re.compile(rf"^[ \t]*{re.escape(marker)}[ \t]*$", re.MULTILINE)
    if marker_line.search(html):
        html = marker_line.sub(lambda _match: render_line(remaining.pop(0)) if remaining else "", html)
    elif after_paragraph > 0 and remaining:
        paragraph_ends = [match.end() for match in re.finditer(r"</p>", html)]
        if len(paragraph_ends) >= max(min_paragraphs, after_paragraph + 1):
            position = paragraph_ends[after_paragraph - 1]
            html = html[:position] + "\n" + render_line(remaining.pop(0)) + html[position:]
    return html, tuple(remaining)


def insert_dateline(body_html: str, dateline: str) -> Markup:
    """Open the first paragraph with the dateline, as printed releases do."""
    if not dateline:
        return Markup(body_html)
    opening = Markup('<strong class="dateline">{}</strong> ').format(dateline)
    if body_html.startswith("<p>"):
        return Markup("<p>") + opening + Markup(body_html[3:])
    return Markup("<p>") + opening + Markup("</p>\n") + Markup(body_html)


def describe(text: str, limit: int = 160) -> str:
    """A meta description: the text cut at a word boundary."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",.;:")
    return cut + "…"


def resolve_references(html: str, site: Site, link: Callable[[str], str],
                       picture: Callable[[str, str, str], Markup] | None = None) -> str:
    """Turn the load stage's references to files and bulletins into links (`link` makes one from a site path);
    pictures in the body become what `picture(content path, alt, other attributes)` makes of them."""
    def responsive(match: re.Match) -> str:
        before, target, after = match.groups()
        attributes = before + after
        alt_match = re.search(r'\balt="([^"]*)"', attributes)
        alt = unescape(alt_match.group(1)) if alt_match else ""
        rest = re.sub(r'\s*\balt="[^"]*"', "", attributes).strip().rstrip("/").strip()
        return picture(target, alt, f" {rest}" if rest else "")

    if picture is not None:
        html = _BODY_IMAGE.sub(responsive, html)

    def replace(match: re.Match) -> str:
        attribute, kind, target, fragment = match.groups()
        site_path = target if kind == "asset" else urls.article_path(site.by_content_path[target].slug)
        return f'{attribute}="{link(site_path)}{fragment or ""}"'
    return _REFERENCE.sub(replace, html)
