"""Editorial checks for `build.py check`: what is not wrong enough to stop a build, but should be looked at.

Pure functions over loaded bulletins; each finding is a Problem with its rule.
"""

from __future__ import annotations

import difflib
import itertools
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from ..model import Article, Campaign, Problem, urls

SUMMARY_LIMIT = 300
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".gif", ".svg", ".avif")


@dataclass(frozen=True)
class Finding:
    rule: str
    problem: Problem


def lint(articles: Sequence[Article], campaigns: Sequence[Campaign], content_files: dict[str, str]) -> tuple[
        list[Finding], list[Finding]]:
    """(errors, warnings) of the editorial rules; content_files maps each file's content-relative path
    to the path shown to writers."""
    errors: list[Finding] = []
    warnings: list[Finding] = []
    slugs = {article.slug for article in articles}
    for article in articles:
        if not article.tags:
            warnings.append(Finding("no-tags", Problem(article.source_path, None, "tags", "the bulletin has no tags",
                                                       "Add 'tags: [...]' so readers find it by topic.")))
        summary_line = article.field_lines.get("summary")
        if summary_line is not None and len(article.summary) > SUMMARY_LIMIT:
            warnings.append(Finding("long-summary", Problem(
                article.source_path, summary_line, "summary",
                f"the summary has {len(article.summary)} characters (more than {SUMMARY_LIMIT})",
                "Keep it to one or two sentences; search engines cut it at about 160 characters.")))
        if article.body_words == 0:
            warnings.append(Finding("empty-body", Problem(article.source_path, None, "body", "the body is empty",
                                                          "Write the text of the release below the front-matter.")))
        for slug in _linked_bulletin_slugs(article.body_html):
            if slug not in slugs:
                errors.append(Finding("broken-bulletin-link", Problem(
                    article.source_path, None, "body", f'links to the bulletin "{slug}", which does not exist',
                    "Check the address, or link to the bulletin's file (e.g. [judul](../2024/nama-file.md)).")))
    warnings += _near_duplicate_names(articles)
    referenced = {asset for item in (*articles, *campaigns) for asset in item.assets}
    for path, shown in sorted(content_files.items()):
        if path.lower().endswith(IMAGE_SUFFIXES) and path not in referenced:
            warnings.append(Finding("unused-image", Problem(shown, None, None,
                                                            "no bulletin or campaign uses this image",
                                                            "Use it in a bulletin, or remove it.")))
    return errors, warnings


_HREF = re.compile(r'href="([^"]*)"')


def _linked_bulletin_slugs(html: str) -> list[str]:
    """Slugs of bulletins the body links to by their site address, such as "/berita/<slug>/"
    (links to bulletin files are checked when loading; links to other sites are not ours to check)."""
    slugs = []
    for href in _HREF.findall(html):
        parts = urlsplit(href)
        if parts.scheme or parts.netloc:
            continue
        segments = [segment for segment in parts.path.split("/") if segment not in ("", ".", "..")]
        if len(segments) == 2 and segments[0] == urls.ARTICLE_SECTION:
            slugs.append(segments[1])
    return slugs


def _near_duplicate_names(articles: Sequence[Article]) -> list[Finding]:
    """Reporter names that are probably one person spelled two ways."""
    files: dict[str, list[Article]] = defaultdict(list)
    for article in articles:
        for name in article.reporters:
            files[name].append(article)
    findings = []
    for first, second in itertools.combinations(sorted(files), 2):
        if _same_person(first, second):
            fewer, more = sorted((first, second), key=lambda name: (len(files[name]), name))
            shown = ", ".join(sorted({a.source_path for a in files[fewer]})[:3])
            findings.append(Finding("name-variants", Problem(
                files[fewer][0].source_path, files[fewer][0].field_lines.get("reporter"), "reporter",
                f'"{fewer}" looks like "{more}" spelled another way (in {shown})',
                f'Write the name one way everywhere, e.g. "{more}", so one reporter page lists all.')))
    return findings


def _same_person(first: str, second: str) -> bool:
    a, b = _name_parts(first), _name_parts(second)
    if a == b:
        return True
    if a and b and a[0] == b[0] and a[-1] == b[-1] and len(a) != 1 and len(b) != 1:
        middle_a, middle_b = a[1:-1], b[1:-1]
        if not middle_a or not middle_b:
            return True
        if len(middle_a) == len(middle_b) and all(x[0] == y[0] and (len(x) == 1 or len(y) == 1 or x == y)
                                                  for x, y in zip(middle_a, middle_b, strict=True)):
            return True
    return difflib.SequenceMatcher(None, " ".join(a), " ".join(b)).ratio() >= 0.9


def _name_parts(name: str) -> list[str]:
    return re.sub(r"[^\w\s]", " ", name.casefold()).split()
