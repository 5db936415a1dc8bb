"""Terms and their weights: what each document's words stand for, counted, and weighed by TF-IDF.

Terms are numbered in the order of their spelling, so that a row worked out
alone equals the same row of the whole archive.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from ..text.analyzer import WORD_KINDS, Analyzer, WordMatrix
from . import sparse_rows
from .documents import Document, words_of


@dataclass
class Terms:
    """The corpus as three matrices of raw counts, one row per document: stems, acronyms, names."""

    stems: sparse.csr_matrix
    acronyms: sparse.csr_matrix
    names: sparse.csr_matrix
    vocabularies: tuple[list[str], list[str], list[str]]  # the term of each column, per matrix (sorted)

    def counts(self, row: int, kind: str) -> Counter:
        """One document's terms of one kind with their counts (for tests and explanations)."""
        matrix = getattr(self, kind)
        vocabulary = self.vocabularies[WORD_KINDS.index(kind)]
        begin, end = matrix.indptr[row], matrix.indptr[row + 1]
        return Counter({vocabulary[column]: float(value)
                        for column, value in zip(matrix.indices[begin:end].tolist(),
                                                 matrix.data[begin:end].tolist(), strict=True)})


LIST_KINDS = ("tags", "campaign")  # terms a document lists itself


@dataclass
class KindState:
    """The terms of one kind: their spellings in order, and on how many documents each is."""

    vocabulary: list[str]  # sorted: a term's column is its place in this list
    frequency: np.ndarray  # documents with each term
    mapping: sparse.csr_matrix | None = None  # word kinds: how often each form stands for each term
    counts: sparse.csr_matrix | None = None  # tags and campaign: each document's terms


def word_kinds(words: WordMatrix, forms: Sequence[int], classified: Sequence[tuple[int, tuple]],
                previous: dict[str, KindState] | None = None) -> dict[str, KindState]:
    """The mapping of forms to terms, per word kind: the previous one with these forms classified anew, or
    (without previous) one of just these forms. Frequencies are left for the caller."""
    entries: list[list[tuple[int, str]]] = [[], [], []]
    for form, (kind, terms) in zip(forms, classified, strict=True):
        entries[kind] += [(form, term) for term in terms]
    result = {}
    for number, kind in enumerate(WORD_KINDS):
        old = previous[kind] if previous is not None else None
        new_terms = {term for _form, term in entries[number]}
        vocabulary = sorted(new_terms.union(old.vocabulary)) if old is not None else sorted(new_terms)
        column = {term: place for place, term in enumerate(vocabulary)}
        pairs = entries[number]
        new_rows = np.asarray([form for form, _term in pairs], dtype=np.int64)
        mapping = sparse.csr_matrix(
            (np.ones(len(pairs)), (new_rows, np.asarray([column[term] for _form, term in pairs], dtype=np.int64))),
            shape=(len(words.forms), max(1, len(vocabulary))))
        mapping.sum_duplicates()  # a hyphenated word may stand for one stem twice
        if old is not None:
            renumbered = np.fromiter((column[term] for term in old.vocabulary), dtype=np.int64,
                                     count=len(old.vocabulary))
            kept = sparse_rows.renumber_columns(old.mapping, renumbered, max(1, len(vocabulary)))
            kept = sparse_rows.renumber_rows(kept, np.arange(kept.shape[0]), len(words.forms))
            reclassified = np.asarray(sorted(set(forms)), dtype=np.int64)
            mapping = sparse_rows.replace_rows(kept, reclassified, mapping[reclassified])
        result[kind] = KindState(vocabulary, np.zeros(len(vocabulary), dtype=np.int64), mapping=mapping)
    return result


def rows_of_kind(counts: sparse.csr_matrix, mapping: sparse.csr_matrix) -> sparse.csr_matrix:
    """Term counts of documents from their word counts (any rows of the word matrix)."""
    matrix = sparse.csr_matrix(counts @ mapping, dtype=np.float64)
    matrix.sort_indices()
    matrix.eliminate_zeros()
    return matrix


def listed_rows(lists: Sequence[Sequence[str]], column: dict[str, int], width: int) -> sparse.csr_matrix:
    """Rows of counts of terms documents list themselves (tags, a campaign), columns sorted."""
    pointers, indices, values = [0], [], []
    for listed in lists:
        places = sorted(column[term] for term in listed)
        if len(set(places)) < len(places):
            counted = sorted(Counter(places).items())
            places, counts = [place for place, _count in counted], [count for _place, count in counted]
        else:
            counts = [1] * len(places)
        indices += places
        values += counts
        pointers.append(len(indices))
    return sparse.csr_matrix((np.asarray(values, dtype=np.float64), np.asarray(indices, dtype=np.int32),
                              np.asarray(pointers, dtype=np.int64)), shape=(len(lists), max(1, width)))


def listed_terms(document: Document, kind: str) -> tuple[str, ...]:
    if kind == "tags":
        return document.keywords
    return (document.campaign,) if document.campaign else ()


# A term's document frequency above IDF_EXACT_UP_TO counts in steps of 2^(1/IDF_STEPS_PER_DOUBLING), about 4%:
# the weight of a common word then stays put when one bulletin more or less has it, so an edit changes the
# weights of the bulletins it touches, not of every bulletin that shares a common word with them.


IDF_EXACT_UP_TO = 32
IDF_STEPS_PER_DOUBLING = 16


def inverse_frequency(frequency: np.ndarray, documents: int) -> np.ndarray:
    """log(N / df) per term (never below 0: a term on every document weighs nothing), df in steps."""
    counted = np.maximum(frequency, 1).astype(np.float64)
    stepped = np.exp2(np.round(np.log2(counted) * IDF_STEPS_PER_DOUBLING) / IDF_STEPS_PER_DOUBLING)
    return np.maximum(0.0, np.log(documents / np.where(counted <= IDF_EXACT_UP_TO, counted, stepped)))


def weigh(counts: sparse.csr_matrix, idf: np.ndarray, keep: int | None) -> sparse.csr_matrix:
    """Rows of L2-normalised TF-IDF weights, (1 + log tf) * idf, from rows of raw counts.

    With `keep`, each row keeps only its `keep` heaviest terms (the norm stays
    that of the whole row): the distinctive terms that find and score candidates.
    """
    matrix = sparse.csr_matrix(counts, dtype=np.float64, copy=True)
    matrix.eliminate_zeros()
    matrix.data = (1.0 + np.log(matrix.data)) * idf[matrix.indices]
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    matrix = sparse.csr_matrix(sparse.diags(1.0 / np.where(norms > 0, norms, 1.0)) @ matrix)
    if keep is not None:
        matrix = sparse_rows.keep_largest(matrix, keep)
    matrix.eliminate_zeros()
    return matrix


def pair_dots(matrix: sparse.csr_matrix, rows: np.ndarray, columns: np.ndarray) -> np.ndarray:
    """The dot products of matrix rows rows[k] and columns[k], for every k."""
    if len(rows) == 0 or matrix.nnz == 0:
        return np.zeros(len(rows))
    return np.asarray(matrix[rows].multiply(matrix[columns]).sum(axis=1)).ravel()


def analyse(analyzer: Analyzer, documents: Sequence[Document]) -> Terms:
    """The documents' terms of each word kind, counted (for tests and explanations; the ranking keeps its own)."""
    counted = [words_of(document, analyzer.weights) for document in documents]
    words = analyzer.word_counts(counted, [document.language for document in documents])
    name_words = analyzer.name_words(counted, words)
    kinds = word_kinds(words, range(len(words.forms)), analyzer.form_terms(words.forms, name_words))
    matrices = [rows_of_kind(words.counts, kinds[kind].mapping) for kind in WORD_KINDS]
    return Terms(*matrices, vocabularies=tuple(kinds[kind].vocabulary for kind in WORD_KINDS))
