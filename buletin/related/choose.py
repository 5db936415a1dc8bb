"""Choosing each document's list from its candidates' topical scores: pinned first, then the best, at most `count`.

Two ways to the same lists. choose_one is the plain one, a document at a time:
the bonuses of its candidates, a sort by (score, newer date, name). choose_rows
does the same arithmetic for a whole chunk of rows at once, with numpy:
`python bench/speed_tricks.py` at 10,000 bulletins, 0.006 ms a list a chunk
at once against 0.019 to 0.020 ms one by one (×3). choose_one stays for
documents that pin or exclude others, and as the reference that
test_related_update checks choose_rows against.
"""

from __future__ import annotations

import numpy as np
from scipy import sparse

from . import sparse_rows
from .corpus import Corpus


def bonuses(corpus: Corpus, row: int, columns: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Region and time bonuses of the candidates `columns` of document `row`."""
    weights = corpus.weights
    region = np.where(corpus.region_ids[columns] == corpus.region_ids[row], weights.region_weight, 0.0)
    if weights.time_scale_days <= 0:
        return region, np.zeros(len(columns))
    days = np.abs(corpus.timestamps[columns] - corpus.timestamps[row]) / 86400
    return region, weights.time_weight * np.exp(-days / weights.time_scale_days)


def choose_one(corpus: Corpus, row: int, columns: np.ndarray, topical: np.ndarray) -> tuple[str, ...]:
    """Pinned first, then the best candidates above the minimum, at most `count`.

    The region and time bonuses of every candidate at once, then one sort by
    (score, newer date, name).
    """
    document = corpus.documents[row]
    position = corpus.position
    pinned = [name for name in dict.fromkeys(document.pinned) if name in position and name != document.name]
    room = corpus.weights.count - len(pinned)
    if room <= 0 or len(columns) == 0:
        return tuple(pinned)
    keep = topical >= corpus.weights.min_score
    for name in (*pinned, *document.excluded):
        if name in position:
            keep &= columns != position[name]
    columns, topical = columns[keep], topical[keep]
    region, time = bonuses(corpus, row, columns)
    score = topical + region + time
    order = np.lexsort((corpus.name_ranks[columns], -corpus.timestamps[columns], -score))[:room]
    return (*pinned, *(corpus.names[column] for column in columns[order].tolist()))


def choose_rows(corpus: Corpus, rows: np.ndarray, combined: sparse.csr_matrix) -> list[tuple[str, ...]]:
    """choose_one for each of `rows`, given their topical scores: for all of them at once, with the same
    arithmetic and order, except documents that pin or exclude others, which go through choose_one."""
    weights = corpus.weights
    positions = np.repeat(np.arange(len(rows), dtype=np.int64), np.diff(combined.indptr))
    own = rows[positions]
    columns, topical = combined.indices.astype(np.int64), combined.data
    special = corpus.special[rows]
    keep = (topical >= weights.min_score) & ~special[positions]
    positions, own, columns, topical = positions[keep], own[keep], columns[keep], topical[keep]
    region = np.where(corpus.region_ids[columns] == corpus.region_ids[own], weights.region_weight, 0.0)
    if weights.time_scale_days <= 0:
        time = np.zeros(len(columns))
    else:
        days = np.abs(corpus.timestamps[columns] - corpus.timestamps[own]) / 86400
        time = weights.time_weight * np.exp(-days / weights.time_scale_days)
    score = topical + region + time
    # Only what can be among a row's `count` best goes into the sort (every entry tied with the last of
    # them too): the sort by four keys was most of choosing.
    likely = sparse_rows.likely_largest(np.arange(len(score)), positions, score, weights.count)
    positions, columns, score = positions[likely], columns[likely], score[likely]
    order = np.lexsort((corpus.name_ranks[columns], -corpus.timestamps[columns], -score, positions))
    rank = np.arange(len(order)) - np.searchsorted(positions[order], positions[order], side="left")
    best = order[rank < weights.count]  # still by row, then best first
    ends = np.searchsorted(positions[best], np.arange(len(rows)), side="right")
    names = [corpus.names[column] for column in columns[best].tolist()]
    lists = []
    for offset, row in enumerate(rows.tolist()):
        if special[offset]:
            begin, end = combined.indptr[offset], combined.indptr[offset + 1]
            lists.append(choose_one(corpus, row, combined.indices[begin:end].astype(np.int64),
                                    combined.data[begin:end]))
        else:
            lists.append(tuple(names[ends[offset - 1] if offset else 0:ends[offset]]))
    return lists
