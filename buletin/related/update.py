"""An earlier ranking brought up to date, stage by stage, working out again only the rows an edit reaches.

Each stage works out again the rows whose inputs changed, compares them with
the rows it had, and hands on only the rows that did change: most of an edit's
reach stops at the first stages. The result equals a ranking from scratch, row
for row (test_related_update checks every stage after every kind of edit).
The earlier state is taken apart as the stages replace it: on a large archive
it is hundreds of megabytes.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import sparse

from ..text.analyzer import WORD_KINDS, WordMatrix
from . import sparse_rows
from .corpus import Corpus
from .documents import SIGNAL_KIND
from .stages import Stages
from .state import RankingState
from .terms import LIST_KINDS, KindState, inverse_frequency, listed_terms, rows_of_kind, word_kinds


@dataclass
class _TermChanges:
    """What the terms stage of an update hands on, per kind."""

    renumbered: dict[str, np.ndarray]  # old column -> new column (-1: a term no document has any more)
    counts: dict[str, np.ndarray]  # rows whose term counts changed
    terms: dict[str, np.ndarray]  # terms whose weight changed (their frequency moved to another step)


def update_ranking(corpus: Corpus, previous: RankingState) -> tuple[Stages, int] | None:
    """The stages of an earlier ranking of the same documents, in the same order, brought up to date, and how
    many lists were worked out again (0: none, the earlier ranking stands as it was); None when it cannot be
    (other documents, other settings) or an update would not be faster than ranking from scratch."""
    if previous.settings != corpus.settings() or previous.names != tuple(corpus.names):
        return None
    edited = np.asarray([row for row, (key, known) in enumerate(zip(corpus.keys, previous.keys, strict=True))
                         if key != known], dtype=np.int64)
    if corpus.too_many(edited):
        return None
    if len(edited) == 0:
        return Stages(corpus, previous), 0
    stages = Stages(corpus, RankingState(corpus.settings(), tuple(corpus.names), list(corpus.keys)))
    reached = _words(stages, previous, edited)
    if reached is None:
        return None
    changes = _terms(stages, previous, edited, reached)
    changed_signals = _signals(stages, previous, changes)
    if changed_signals is None:
        return None
    changed_finder, to_finder, old_finder_rows = _finder(stages, previous, changed_signals, changes.renumbered)
    changed_champions = _champions(stages, previous, changed_finder, to_finder, old_finder_rows)
    changed_direct = _candidates(stages, previous, changed_finder, changed_signals, changed_champions)
    return stages, _lists(stages, previous, edited, changed_direct)


def _words(stages: Stages, previous: RankingState, edited: np.ndarray) -> np.ndarray | None:
    """The edited documents' words, and the forms whose meaning changed (a word that became a name, or
    stopped being one, in every document that has it): the documents whose term counts may change."""
    corpus, state = stages.corpus, stages.state
    widened, new_rows = previous.words.numbered([corpus.counted[row] for row in edited.tolist()],
                                                [corpus.languages[row] for row in edited.tolist()])
    state.words = WordMatrix(widened.forms, sparse_rows.replace_rows(widened.counts, edited, new_rows),
                             widened.numbers())
    live_before = np.zeros(len(state.words.forms), dtype=bool)
    live_before[:len(previous.words.forms)] = previous.words.live()
    live = state.words.live()
    state.name_words = corpus.analyzer.name_words(corpus.counted, state.words)
    flipped = state.name_words ^ previous.name_words
    reclassified = np.flatnonzero(live & ~live_before)
    if flipped:
        reclassified = np.union1d(reclassified, [number for number, (_language, word) in enumerate(state.words.forms)
                                                 if live[number] and word.lower() in flipped])
    reached = np.union1d(edited, sparse_rows.rows_having(state.words.counts,
                                                         np.intersect1d(reclassified, np.flatnonzero(live_before))))
    if corpus.too_many(reached):
        return None
    forms = reclassified.tolist()
    classified = corpus.analyzer.form_terms([state.words.forms[number] for number in forms], state.name_words)
    state.kinds = word_kinds(state.words, forms, classified, previous.kinds)
    return reached


def _terms(stages: Stages, previous: RankingState, edited: np.ndarray, reached: np.ndarray) -> _TermChanges:
    """Term counts of the reached rows, then each kind's frequencies; terms no document has any more go."""
    corpus, state = stages.corpus, stages.state
    count = len(corpus.names)
    old_words = sparse.csr_matrix((previous.words.counts.data, previous.words.counts.indices,
                                   previous.words.counts.indptr), shape=(count, len(state.words.forms)))
    previous.words = None
    changes = _TermChanges({}, {}, {})
    for kind in (*WORD_KINDS, *LIST_KINDS):
        old = previous.kinds[kind]
        if kind in LIST_KINDS:
            vocabulary = sorted(set(old.vocabulary).union(
                term for row in edited.tolist() for term in listed_terms(corpus.documents[row], kind)))
            state.kinds[kind] = KindState(vocabulary, np.zeros(0, dtype=np.int64))
        kind_state = state.kinds[kind]
        column = {term: place for place, term in enumerate(kind_state.vocabulary)}
        to_new = np.fromiter((column[term] for term in old.vocabulary), dtype=np.int64, count=len(old.vocabulary))
        width = max(1, len(kind_state.vocabulary))
        rows = edited if kind in LIST_KINDS else reached
        if kind in WORD_KINDS:
            old_mapping = sparse_rows.renumber_rows(sparse_rows.renumber_columns(old.mapping, to_new, width),
                                                    np.arange(old.mapping.shape[0]), len(state.words.forms))
            before = rows_of_kind(old_words[rows], old_mapping)
        else:
            before = sparse_rows.renumber_columns(old.counts[rows], to_new, width)
            kind_state.counts = sparse_rows.replace_rows(sparse_rows.renumber_columns(old.counts, to_new, width),
                                                    rows, stages.kind_rows(kind, rows))
        after = stages.kind_rows(kind, rows)
        old_frequency = np.zeros(len(kind_state.vocabulary), dtype=np.int64)
        old_frequency[to_new] = old.frequency
        frequency = (old_frequency - np.bincount(before.indices, minlength=len(old_frequency))
                     + np.bincount(after.indices, minlength=len(old_frequency)))
        changes.counts[kind] = rows[sparse_rows.changed_rows(before, after)]
        weighs_anew = inverse_frequency(old_frequency, count) != inverse_frequency(frequency, count)
        live_terms = frequency > 0
        final = np.cumsum(live_terms) - 1
        final[~live_terms] = -1
        if not live_terms.all():
            kind_state.vocabulary = [term for term, alive in zip(kind_state.vocabulary, live_terms.tolist(),
                                                                 strict=True) if alive]
            width = max(1, len(kind_state.vocabulary))
            if kind in WORD_KINDS:
                kind_state.mapping = sparse_rows.renumber_columns(kind_state.mapping, final, width)
            else:
                kind_state.counts = sparse_rows.renumber_columns(kind_state.counts, final, width)
        kind_state.frequency = frequency[live_terms]
        changes.terms[kind] = final[np.flatnonzero(weighs_anew & live_terms)]
        changes.renumbered[kind] = np.where(to_new >= 0, final[to_new], -1)
    return changes


def _signals(stages: Stages, previous: RankingState, changes: _TermChanges) -> np.ndarray | None:
    """TF-IDF rows: those whose counts changed, and those with a term whose weight changed."""
    corpus, state = stages.corpus, stages.state
    changed = np.zeros(0, dtype=np.int64)
    state.signals, state.kept_frequency = {}, {}
    for signal in corpus.weighed_signals():
        kind = SIGNAL_KIND[signal]
        width = max(1, len(state.kinds[kind].vocabulary))
        kept = sparse_rows.renumber_columns(previous.signals.pop(signal), changes.renumbered[kind], width)
        rows = changes.counts[kind]
        if len(changes.terms[kind]):
            rows = np.union1d(rows, stages.rows_with_terms(kind, changes.terms[kind]))
        if corpus.too_many(rows):
            return None
        new_rows = stages.signal_rows(signal, rows)
        changed = np.union1d(changed, rows[sparse_rows.changed_rows(kept[rows], new_rows)])
        state.signals[signal] = sparse_rows.replace_rows(kept, rows, new_rows)
        state.kept_frequency[signal] = np.bincount(state.signals[signal].indices, minlength=width)
    return changed


def _finder(stages: Stages, previous: RankingState, changed_signals: np.ndarray,
            renumbered: dict[str, np.ndarray]) -> tuple[np.ndarray, np.ndarray, sparse.csr_matrix]:
    """Finder rows: those whose weights changed, and those with a term that became rare or stopped being.
    Returns the rows that changed, where each column of the previous finder went, and the changed rows as
    they were."""
    corpus, state = stages.corpus, stages.state
    offsets = stages.finder_offsets()
    old_offsets = stages.finder_offsets(previous.kinds)
    to_finder = np.full(previous.finder.shape[1], -1, dtype=np.int64)
    reach = changed_signals
    for signal in corpus.finder_signals():
        start = old_offsets[signal]
        moved = renumbered[SIGNAL_KIND[signal]]
        to_finder[start:start + len(moved)] = np.where(moved >= 0, moved + offsets[signal], -1)
        old_kept = np.zeros(len(state.kinds[SIGNAL_KIND[signal]].vocabulary), dtype=np.int64)
        old_kept[moved[moved >= 0]] = previous.kept_frequency[signal][:len(moved)][moved >= 0]
        flips = np.flatnonzero((old_kept <= corpus.max_frequency)
                               != (state.kept_frequency[signal] <= corpus.max_frequency))
        if len(flips):
            reach = np.union1d(reach, sparse_rows.rows_having(state.signals[signal], flips))
    old_finder = sparse_rows.renumber_columns(previous.finder, to_finder, offsets[""])
    previous.finder = None
    new_rows = stages.finder_rows(reach)
    changed = reach[sparse_rows.changed_rows(old_finder[reach], new_rows)]
    state.finder = sparse_rows.replace_rows(old_finder, reach, new_rows)
    return changed, to_finder, old_finder[changed]


def _champions(stages: Stages, previous: RankingState, changed_finder: np.ndarray, to_finder: np.ndarray,
               old_finder_rows: sparse.csr_matrix) -> np.ndarray:
    """The champion lists of the terms in the changed finder rows, before and after: those that changed."""
    state = stages.state
    touched = np.union1d(old_finder_rows.indices, state.finder[changed_finder].indices).astype(np.int64)
    old = sparse_rows.renumber_rows(previous.champions, to_finder, state.finder.shape[1])
    previous.champions = None
    new_rows = stages.champion_rows(sparse.csc_matrix(state.finder), touched)
    changed = touched[sparse_rows.changed_rows(old[touched], new_rows)]
    state.champions = sparse_rows.replace_rows(old, touched, new_rows)
    return changed


def _candidates(stages: Stages, previous: RankingState, changed_finder: np.ndarray, changed_signals: np.ndarray,
                changed_champions: np.ndarray) -> np.ndarray:
    """Candidates and direct scores of the rows whose finder row or champions changed, whose weights
    changed, or with a candidate whose weights changed: the rows whose direct scores changed."""
    state = stages.state
    reach = np.union1d(changed_finder, changed_signals)
    reach = np.union1d(reach, sparse_rows.rows_having(state.finder, changed_champions))
    reach = np.union1d(reach, sparse_rows.rows_having(previous.candidates, changed_signals))
    found, direct = stages.candidate_rows(reach)
    changed = reach[sparse_rows.changed_rows(previous.direct[reach], direct)]
    state.candidates = sparse_rows.replace_rows(previous.candidates, reach, found)
    state.direct = sparse_rows.replace_rows(previous.direct, reach, direct)
    previous.candidates = previous.direct = None
    return changed


def _lists(stages: Stages, previous: RankingState, edited: np.ndarray, changed_direct: np.ndarray) -> int:
    """Lists of the rows whose direct scores changed or that reach, through one candidate, a row that did;
    and of rows with an edited document among their candidates or theirs (its region or date may have
    changed the bonuses), and the edited ones themselves (their pins and exclusions)."""
    state = stages.state
    once = sparse_rows.rows_having(state.direct, edited)
    reach = np.union1d(changed_direct, sparse_rows.rows_having(state.direct, changed_direct))
    reach = np.union1d(reach, np.union1d(edited, once))
    reach = np.union1d(reach, sparse_rows.rows_having(state.direct, once))
    lists = list(previous.lists)
    for row, names in zip(reach.tolist(), stages.list_rows(reach), strict=True):
        lists[row] = names
    state.lists = lists
    return len(reach)
