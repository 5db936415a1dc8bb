"""The stages of a ranking, for any rows: each works out rows from the corpus and the stages before it.

Every function here gives a row a result that depends on that row alone (and
on what all rows share: the terms, their frequencies, the champion lists), so
that the rows an update works out again equal the same rows of a ranking from
scratch. The stages, in order: terms (counts of stems, acronyms, names, tags
and the campaign), signals (their TF-IDF rows), the finder (each document's
rarest distinctive terms), champions (each finder term's documents), the
candidates with their direct scores, and the lists.
"""

from __future__ import annotations

import itertools
import math

import numpy as np
from scipy import sparse

from ..text.analyzer import WORD_KINDS
from . import sparse_rows
from .choose import choose_rows
from .corpus import Corpus
from .documents import SIGNAL_KIND, SIGNALS
from .state import RankingState
from .terms import LIST_KINDS, KindState, inverse_frequency, listed_rows, listed_terms, pair_dots, rows_of_kind, weigh


class Stages:
    """Any rows of each stage, from the corpus and the stages before it in `state`."""

    def __init__(self, corpus: Corpus, state: RankingState):
        self.corpus = corpus
        self.state = state

    def kind_rows(self, kind: str, rows: np.ndarray) -> sparse.csr_matrix:
        """Raw term counts of these documents, of one kind."""
        state = self.state.kinds[kind]
        if kind in WORD_KINDS:
            return rows_of_kind(self.state.words.counts[rows], state.mapping)
        if state.counts is not None:
            return state.counts[rows]
        column = {term: place for place, term in enumerate(state.vocabulary)}
        return listed_rows([listed_terms(self.corpus.documents[row], kind) for row in rows.tolist()], column,
                           len(state.vocabulary))

    def signal_rows(self, signal: str, rows: np.ndarray) -> sparse.csr_matrix:
        """TF-IDF rows of one signal."""
        kind = self.state.kinds[SIGNAL_KIND[signal]]
        idf = inverse_frequency(kind.frequency, len(self.corpus.names))
        keep = self.corpus.parameters.terms_per_document if signal == "text" else None
        return self.corpus.stacked(lambda chunk: weigh(self.kind_rows(SIGNAL_KIND[signal], chunk), idf, keep), rows,
                                   max(1, len(kind.vocabulary)))

    def finder_offsets(self, kinds: dict[str, KindState] | None = None) -> dict[str, int]:
        """Where each signal's block begins in the finder of these terms (default: this ranking's), and under
        "" the finder's width."""
        kinds = kinds if kinds is not None else self.state.kinds
        offsets, total = {}, 0
        for signal in self.corpus.finder_signals():
            offsets[signal] = total
            total += max(1, len(kinds[SIGNAL_KIND[signal]].vocabulary))
        offsets[""] = max(1, total)
        return offsets

    def finder_rows(self, rows: np.ndarray) -> sparse.csr_matrix:
        """Each document's rarest distinctive terms of every signal (a term on more than max_frequency
        documents finds no candidates), finder_terms per signal, weighted by the signal."""
        corpus, blocks = self.corpus, []
        for signal in corpus.finder_signals():
            matrix = self.state.signals[signal][rows]
            rare = self.state.kept_frequency[signal][matrix.indices] <= corpus.max_frequency
            matrix = sparse.csr_matrix((np.where(rare, matrix.data, 0.0), matrix.indices, matrix.indptr),
                                       shape=matrix.shape)
            matrix.eliminate_zeros()
            blocks.append(sparse_rows.keep_largest(matrix, corpus.parameters.finder_terms)
                          * math.sqrt(abs(corpus.signal_weights[signal])))
        if not blocks:
            return sparse.csr_matrix((len(rows), 1))
        # Side by side, each row's entries block after block: the finder's columns are the signals' terms.
        return sparse.csr_matrix(sparse.hstack(blocks, format="csr")) if len(blocks) > 1 else blocks[0]

    def champion_rows(self, finder_by_term: sparse.csc_matrix, terms: np.ndarray) -> sparse.csr_matrix:
        """Each of these finder terms' documents: the ones it weighs most in (its champion list)."""
        return sparse_rows.keep_largest(sparse.csr_matrix(finder_by_term[:, terms].T),
                                        self.corpus.parameters.champions_per_term)

    def candidate_rows(self, rows: np.ndarray) -> tuple[sparse.csr_matrix, sparse.csr_matrix]:
        """Each of these documents' best candidates as found, and with their exact direct (topical) score."""
        state, wanted = self.state, self.corpus.parameters.candidates_per_document

        def chunk(part: np.ndarray) -> tuple[sparse.csr_matrix, sparse.csr_matrix]:
            rough = sparse_rows.keep_largest(state.finder[part] @ state.champions, wanted, own_columns=part)
            owners = np.repeat(part, np.diff(rough.indptr))
            columns = rough.indices.astype(np.int64)
            values = sum(self.direct_signals(owners, columns).values(), np.zeros(len(owners)))
            found = sparse.csr_matrix((np.ones(len(columns), dtype=np.float32), rough.indices, rough.indptr),
                                      shape=rough.shape)
            direct = sparse.csr_matrix((np.maximum(values, 0.0), rough.indices, rough.indptr), shape=rough.shape)
            direct.eliminate_zeros()
            return found, direct

        parts = self.corpus.map_rows(chunk, rows)
        count = len(self.corpus.names)
        if not parts:
            return sparse.csr_matrix((0, count), dtype=np.float32), sparse.csr_matrix((0, count))
        return (sparse.csr_matrix(sparse.vstack([found for found, _direct in parts], format="csr")),
                sparse.csr_matrix(sparse.vstack([direct for _found, direct in parts], format="csr")))

    def direct_signals(self, rows: np.ndarray, columns: np.ndarray) -> dict[str, np.ndarray]:
        """Each weighted direct signal for the pairs (rows[k], columns[k])."""
        weights = self.corpus.signal_weights
        return {signal: pair_dots(self.state.signals[signal], rows, columns) * weights[signal]
                for signal in SIGNALS if weights[signal]}

    def topical_rows(self, rows: np.ndarray) -> tuple[sparse.csr_matrix, sparse.csr_matrix]:
        """Direct scores and neighbourhood scores (second order) of `rows`."""
        direct_all = self.state.direct
        direct = direct_all[rows]
        strength = self.corpus.weights.smoothing
        if strength <= 0 or direct_all.nnz == 0:
            return direct, sparse.csr_matrix(direct.shape)
        neighbours = sparse.csr_matrix((direct @ direct_all) * strength)
        own = np.repeat(rows, np.diff(neighbours.indptr))
        neighbours.data[neighbours.indices == own] = 0.0
        neighbours.eliminate_zeros()
        return direct, neighbours

    def list_rows(self, rows: np.ndarray) -> list[tuple[str, ...]]:
        """The Baca juga lists of these rows."""
        def chunk(part: np.ndarray) -> list[tuple[str, ...]]:
            direct, neighbours = self.topical_rows(part)
            return choose_rows(self.corpus, part, sparse.csr_matrix(direct + neighbours))
        return list(itertools.chain.from_iterable(self.corpus.map_rows(chunk, rows)))

    def all_lists(self) -> list[tuple[str, ...]]:
        """Every document's list, chosen when first asked for."""
        if self.state.lists is None:
            self.state.lists = self.list_rows(np.arange(len(self.corpus.names), dtype=np.int64))
        return self.state.lists

    def rows_with_terms(self, kind: str, terms: np.ndarray) -> np.ndarray:
        """The documents with any of these terms of one kind."""
        state = self.state.kinds[kind]
        if kind in LIST_KINDS:
            return sparse_rows.rows_having(state.counts, terms)
        return sparse_rows.rows_having(self.state.words.counts, sparse_rows.rows_having(state.mapping, terms))
