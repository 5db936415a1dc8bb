"""The documents of one ranking, and what every stage reads of them, row by row."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from ..config import Weights
from ..text.analyzer import Analyzer
from ..text.stemmers import stemmer_name
from ..text.words import Words
from .documents import SIGNALS, Document, words_of
from .terms import IDF_EXACT_UP_TO, IDF_STEPS_PER_DOUBLING


@dataclass(frozen=True)
class Parameters:
    """How the candidate finder and the stages work, beside the weights."""

    terms_per_document: int = 60  # a document's most distinctive stems, used for scoring
    finder_terms: int = 25  # of those, the ones that find candidates
    rare_share: float = 0.05  # a term on more than this share of documents finds no candidates
    champions_per_term: int = 100  # postings kept per term: the documents it weighs most in
    candidates_per_document: int = 30  # scored exactly
    chunk_rows: int = 500  # rows handled at once, bounding memory
    threads: int = 1  # chunks handled at once; numpy and scipy leave the interpreter lock while they work


# An update reworks at most this share of the documents' words; an edit of more goes faster from scratch.
UPDATE_SHARE = 0.2


class Corpus:
    """The documents of one ranking, with their words counted and their order, dates and regions as arrays."""

    def __init__(self, documents: Sequence[Document], weights: Weights, parameters: Parameters, analyzer: Analyzer):
        if analyzer.weights != weights:
            raise ValueError("the shared analyzer has other weights than the ranking")
        self.documents = documents
        self.weights = weights
        self.parameters = parameters
        self.analyzer = analyzer
        self.names = [document.name for document in documents]
        self.position = {name: row for row, name in enumerate(self.names)}
        self.signal_weights = {"text": weights.text_weight, "acronyms": weights.acronym_weight,
                               "tags": weights.tag_weight, "names": weights.name_weight,
                               "campaign": weights.campaign_weight}
        self.max_frequency = max(20, int(parameters.rare_share * len(self.names)))
        regions: dict[str, int] = {}
        self.region_ids = np.asarray([regions.setdefault(d.region, len(regions)) if d.region else -1 - row
                                      for row, d in enumerate(documents)], dtype=np.int64)
        self.timestamps = np.asarray([d.date.timestamp() for d in documents], dtype=np.float64)
        rank_of = {name: rank for rank, name in enumerate(sorted(self.names))}
        self.name_ranks = np.asarray([rank_of[name] for name in self.names], dtype=np.int64)
        self.special = np.asarray([bool(d.pinned or d.excluded) for d in documents], dtype=bool)
        self.counted = [words_of(document, weights) for document in documents]
        self.languages = [document.language for document in documents]
        self.keys = [_key_of(document, words) for document, words in zip(documents, self.counted, strict=True)]

    def settings(self) -> tuple:
        """What a ranking is made with besides the documents; an earlier ranking is updated only when they agree
        (the stemmers with their versions: another Sastrawi may stem the same word otherwise)."""
        stemmers = tuple(stemmer_name(language, self.weights.stemmer) for language in sorted(set(self.languages)))
        p = self.parameters
        return (self.weights, p.terms_per_document, p.finder_terms, p.rare_share, p.champions_per_term,
                p.candidates_per_document, IDF_EXACT_UP_TO, IDF_STEPS_PER_DOUBLING, stemmers)

    def finder_signals(self) -> list[str]:
        """The signals that find candidates: those with a weight, names excepted."""
        return [signal for signal in SIGNALS if self.signal_weights[signal] and signal != "names"]

    def weighed_signals(self) -> list[str]:
        """The signals scored: those with a weight (and the text, which finds candidates)."""
        return [signal for signal in SIGNALS if self.signal_weights[signal] or signal == "text"]

    def too_many(self, rows: np.ndarray) -> bool:
        """Whether an update reaching these rows would be slower than ranking from scratch."""
        return len(rows) > max(20, UPDATE_SHARE * len(self.names))

    def map_rows(self, work: Callable[[np.ndarray], object], rows: np.ndarray) -> list:
        """work(chunk) for chunks of these rows, in order; in threads when asked and there is more than one."""
        size = self.parameters.chunk_rows
        chunks = [rows[start:start + size] for start in range(0, len(rows), size)]
        if self.parameters.threads <= 1 or len(chunks) <= 1:
            return [work(chunk) for chunk in chunks]
        from concurrent.futures import ThreadPoolExecutor
        with ThreadPoolExecutor(max_workers=self.parameters.threads) as pool:
            return list(pool.map(work, chunks))

    def stacked(self, work: Callable[[np.ndarray], sparse.csr_matrix], rows: np.ndarray,
                width: int) -> sparse.csr_matrix:
        """The rows work() gives for chunks of these rows, stacked in order."""
        parts = self.map_rows(work, rows)
        if not parts:
            return sparse.csr_matrix((0, width))
        return sparse.csr_matrix(sparse.vstack(parts, format="csr"))


def _key_of(document: Document, words: Words) -> str:
    """What a document was made from: its own key, or a digest of its fields and words."""
    if document.key:
        return document.key
    digest = hashlib.sha256(repr(document).encode())
    digest.update(f"\0{words.text}\0{words.capitalised}\0{words.title_weight}\0".encode() + words.counts)
    return digest.hexdigest()
