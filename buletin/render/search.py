"""The search index as files of the site: made beside the pages, from the bulletins the site publishes.

search_index.py is the pure format; here it gets what it reads of each
bulletin, and its files get their keys, so that after an edit the files the
output holds already are neither made again nor written.
"""

from __future__ import annotations

import hashlib

from ..i18n import format_list_date
from ..model import RenderedFile, Site, urls
from ..runtime.engine import engine_fingerprint
from ..runtime.workers import Aside
from ..text.analyzer import Analyzer
from ..text.words import count_words
from . import search_index


def search_index_aside(site: Site, analyzer: Analyzer, reusable: dict[str, str]) -> Aside:
    """search_index_files, in a process of its own while this one renders the pages; with the stems its
    analysis added (None if none), for the cache to keep."""
    stems_before = sum(len(stems) for stems in analyzer.known_stems.values())

    def work() -> tuple[list[RenderedFile], dict | None]:
        files = search_index_files(site, analyzer, reusable)
        grown = sum(len(stems) for stems in analyzer.known_stems.values()) != stems_before
        return files, analyzer.known_stems if grown else None
    return Aside(work)


def search_index_files(site: Site, analyzer: Analyzer, reusable: dict[str, str]) -> list[RenderedFile]:
    """The search index's files, or, when its inputs are those of the files in the output, those files kept.

    meta.json's key is the index's and those of all the other files, so that a
    file missing from the output is noticed. After an edit most term and
    document files are the output's already (search_index.index_files knows them by
    their keys), and are neither made again nor written.
    """
    documents = search_documents(site)
    key = search_index.index_key(documents, (engine_fingerprint(), site.config.language, analyzer.weights.stemmer))
    folder = urls.SEARCH_INDEX_PATH
    meta_path = folder + search_index.META_NAME
    kept = {path: kept_key for path, kept_key in reusable.items() if path.startswith(folder) and path != meta_path}
    if reusable.get(meta_path) == _index_key(key, kept):
        return [RenderedFile(path, None, "search index", key=reusable[path]) for path in (*sorted(kept), meta_path)]
    names = {kept_key: path[len(folder):] for path, kept_key in sorted(kept.items()) if kept_key}
    files = search_index.index_files(documents, analyzer, known=names.get, version=engine_fingerprint())
    keys = {folder + name: file.key for name, file in files.items() if name != search_index.META_NAME}
    return [RenderedFile(folder + name, file.data, "search index",
                         key=_index_key(key, keys) if name == search_index.META_NAME else file.key)
            for name, file in sorted(files.items())]


def _index_key(key: str, files: dict[str, str]) -> str:
    """The key of meta.json: the index's, and the path and key of every other file."""
    listed = "\n".join(f"{path}\0{file_key}" for path, file_key in sorted(files.items()))
    return f"{key}+" + hashlib.sha256(listed.encode()).hexdigest()


def search_documents(site: Site) -> list[search_index.SearchDocument]:
    """What the search index sees of each published bulletin, newest first; dates as the site shows them."""
    language = site.config.language
    shown_dates: dict[object, str] = {}  # Babel is slow, and many bulletins share a day

    def shown(day: object) -> str:
        if day not in shown_dates:
            shown_dates[day] = format_list_date(day, language)
        return shown_dates[day]

    weight = site.config.related.title_weight
    return [
        search_index.SearchDocument(
            path=urls.article_path(article.slug),
            title=article.title,
            date=shown(article.date.date()),
            region=article.region,
            topics=tuple(dict.fromkeys(site.tag_by_name[tag].name for tag in article.tags)),
            year=str(article.date.year),
            summary=article.summary,
            language=article.lang or language,
            words=article.words or count_words(article.title, article.summary, "", weight),
            others=(article.region, *article.tags, *article.reporters),
            key=article.source_digest,
        )
        for article in site.articles
    ]
