"""A ranking from scratch: every stage worked out for every row, in order."""

from __future__ import annotations

import numpy as np

from ..text.analyzer import WORD_KINDS
from .stages import Stages
from .terms import LIST_KINDS, KindState, listed_terms, word_kinds


def rank_from_scratch(stages: Stages) -> None:
    """Fill every stage of `stages.state` but the lists (chosen when first asked for)."""
    corpus, state = stages.corpus, stages.state
    everyone = np.arange(len(corpus.names), dtype=np.int64)
    state.words = corpus.analyzer.word_counts(corpus.counted, corpus.languages)
    state.name_words = corpus.analyzer.name_words(corpus.counted, state.words)
    forms = range(len(state.words.forms))
    state.kinds = word_kinds(state.words, forms, corpus.analyzer.form_terms(state.words.forms, state.name_words))
    for kind in LIST_KINDS:
        vocabulary = sorted({term for d in corpus.documents for term in listed_terms(d, kind)})
        state.kinds[kind] = KindState(vocabulary, np.zeros(len(vocabulary), dtype=np.int64))
    for kind in LIST_KINDS:
        state.kinds[kind].counts = stages.kind_rows(kind, everyone)
    for kind in (*WORD_KINDS, *LIST_KINDS):
        # A chunk of rows at a time: the term counts of a whole large archive would take gigabytes.
        width = len(state.kinds[kind].vocabulary)
        state.kinds[kind].frequency = sum(
            corpus.map_rows(lambda chunk, kind=kind, width=width:
                            np.bincount(stages.kind_rows(kind, chunk).indices, minlength=width), everyone),
            np.zeros(width, dtype=np.int64))
    state.signals = {signal: stages.signal_rows(signal, everyone) for signal in corpus.weighed_signals()}
    state.kept_frequency = {signal: np.bincount(matrix.indices, minlength=matrix.shape[1])
                            for signal, matrix in state.signals.items()}
    state.finder = corpus.stacked(stages.finder_rows, everyone, stages.finder_offsets()[""])
    width = state.finder.shape[1]
    state.champions = stages.champion_rows(state.finder.tocsc(), np.arange(width, dtype=np.int64))
    state.candidates, state.direct = stages.candidate_rows(everyone)
