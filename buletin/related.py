"""Related bulletins for the "Baca juga" list.

A pure module with one entry point, rank_related(): documents in, lists of
names out. It does no I/O and knows nothing of files, pages or URLs, so the
ranking can be replaced without touching the rest of the pipeline.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Document:
    """What the ranking needs to know of a bulletin."""

    name: str  # unique, e.g. the slug
    date: datetime
    keywords: tuple[str, ...]  # tags, already normalised
    region: str
    text: str  # title and summary first, then the body
    pinned: tuple[str, ...] = ()  # names always listed first, in this order


@dataclass(frozen=True)
class Weights:
    count: int = 5
    min_score: float = 0.15
    tag_weight: float = 1.0
    region_weight: float = 0.15
    text_weight: float = 1.0


# Frequent Indonesian and English function words; they say nothing about the topic.
STOPWORDS = frozenset("""
ada adalah agar akan aku anda antara apa apabila atas atau bagi bahwa baik banyak bagaimana
beberapa begitu belum berbagai bersama beserta bisa bukan cara dalam dan dapat dari daripada di
dia dengan demikian hal hanya harus hingga ia ini itu jadi jika juga kalau kami kata kami kamu
karena ke kepada ketika kini kita lagi lain lalu lebih maka mana masih mereka meski mungkin
namun oleh pada para pun saat saja sampai sangat satu saya se sebagai sebelum sedang sehingga
sejak selain selama semua sendiri seperti serta setelah sudah supaya tak tanpa telah tentang
tersebut tetapi tidak untuk waktu yaitu yakni yang ujar ucap ungkap katanya menurut juga
tersebut the a an and or of to in on for with is are was were be by as at from that this it its
has have had not but which who will would can
""".split())  # noqa: SIM905 (a word list reads best as text)

_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def tokenize(text: str) -> list[str]:
    """Lowercase words of three letters or more, without stopwords."""
    return [word for word in _WORD.findall(text.casefold())
            if len(word) > 2 and word not in STOPWORDS and not word.isdigit()]


def rank_related(documents: Sequence[Document], weights: Weights) -> dict[str, tuple[str, ...]]:
    """For every document, the names of the most related others, best first.

    Pinned names come first (when they are among the documents); then others
    by score, ties broken by newer date, then name. A document never lists
    itself, and nothing scoring below weights.min_score is listed.
    """
    names = {document.name for document in documents}
    vectors = _tfidf_vectors(documents)
    tag_idf = _idf([set(document.keywords) for document in documents])
    order = sorted(documents, key=lambda d: (-d.date.timestamp(), d.name))
    result: dict[str, tuple[str, ...]] = {}
    for document in documents:
        chosen = [name for name in document.pinned if name in names and name != document.name]
        scored = []
        for other in order:
            if other.name == document.name or other.name in chosen:
                continue
            score = _score(document, other, vectors, tag_idf, weights)
            if score >= weights.min_score:
                scored.append((score, other))
        scored.sort(key=lambda pair: (-pair[0], -pair[1].date.timestamp(), pair[1].name))
        chosen += [other.name for _, other in scored]
        result[document.name] = tuple(chosen[: max(weights.count, len(document.pinned))])
    return result


def _score(document: Document, other: Document, vectors: dict[str, dict[str, float]],
           tag_idf: dict[str, float], weights: Weights) -> float:
    shared_tags = set(document.keywords) & set(other.keywords)
    tag_score = sum(tag_idf[tag] for tag in shared_tags)
    tag_norm = math.sqrt(sum(tag_idf[t] ** 2 for t in document.keywords) *
                         sum(tag_idf[t] ** 2 for t in other.keywords)) or 1.0
    text_score = _cosine(vectors[document.name], vectors[other.name])
    relatedness = weights.tag_weight * tag_score / tag_norm + weights.text_weight * text_score
    if relatedness <= 0:
        return 0.0
    region_bonus = weights.region_weight if document.region == other.region else 0.0
    return relatedness + region_bonus


def _idf(collections: Sequence[set[str]]) -> dict[str, float]:
    frequency = Counter(item for items in collections for item in items)
    total = len(collections)
    # Plain log(N/df): a keyword on every document weighs nothing.
    return {item: math.log(total / count) for item, count in frequency.items()}


def _tfidf_vectors(documents: Sequence[Document]) -> dict[str, dict[str, float]]:
    counts = {document.name: Counter(tokenize(document.text)) for document in documents}
    idf = _idf([set(words) for words in counts.values()])
    vectors = {}
    for name, words in counts.items():
        weighted = {word: (1 + math.log(count)) * idf[word] for word, count in words.items()}
        norm = math.sqrt(sum(value * value for value in weighted.values())) or 1.0
        vectors[name] = {word: value / norm for word, value in weighted.items()}
    return vectors


def _cosine(first: dict[str, float], second: dict[str, float]) -> float:
    if len(first) > len(second):
        first, second = second, first
    return sum(value * second.get(word, 0.0) for word, value in first.items())
