"""Row-wise operations on sparse matrices, for the related lists.

Every function here gives each row a result that depends on that row alone
(and on arguments shared by all rows), so that rows worked out again after an
edit equal, bit for bit, the same rows of the whole matrix worked out at once.
That is what lets a build update the lists of the rows an edit reaches instead
of ranking the archive again.
"""

from __future__ import annotations

import itertools

import numpy as np
from scipy import sparse

# Entries sorted at once by keep_largest: rows are independent, and blocks of rows bound the
# memory the sorting takes (about 40 bytes an entry) on a large archive.
KEEP_LARGEST_BLOCK = 1_000_000

# Bisection rounds of likely_largest: each halves the range of values a row's threshold lies in.
LARGEST_ROUNDS = 8


def keep_largest(matrix: sparse.csr_matrix, keep: int, own_columns: np.ndarray | None = None) -> sparse.csr_matrix:
    """Each row's `keep` largest positive values (ties to the lower column, for determinism).

    With own_columns, row r drops the entry in column own_columns[r] (a
    document is not its own candidate).
    """
    matrix = sparse.csr_matrix(matrix)
    if matrix.nnz <= KEEP_LARGEST_BLOCK:
        return _keep_largest_of_rows(matrix, keep, own_columns)
    # Row boundaries about KEEP_LARGEST_BLOCK entries apart (a longer row is a block of its own).
    ends = np.unique(np.searchsorted(matrix.indptr, np.arange(1, matrix.nnz // KEEP_LARGEST_BLOCK + 1)
                                     * KEEP_LARGEST_BLOCK, side="right") - 1)
    bounds = [0, *(int(end) for end in ends if 0 < end < matrix.shape[0]), matrix.shape[0]]
    return sparse.csr_matrix(sparse.vstack(
        [_keep_largest_of_rows(matrix[start:end], keep, None if own_columns is None else own_columns[start:end])
         for start, end in itertools.pairwise(bounds)], format="csr"))


def _keep_largest_of_rows(matrix: sparse.csr_matrix, keep: int, own_columns: np.ndarray | None) -> sparse.csr_matrix:
    if not matrix.has_sorted_indices:
        matrix = matrix.sorted_indices()
    data, indices, pointers = matrix.data, matrix.indices, matrix.indptr
    rows = np.repeat(np.arange(matrix.shape[0], dtype=np.int64), np.diff(pointers))
    usable = data > 0
    if own_columns is not None:
        usable &= indices != np.asarray(own_columns, dtype=np.int64)[rows]
    # One sort for all rows: by row, then largest value, then lowest column. Entries of
    # a CSR matrix with sorted indices already run by row and column, so two stable sorts do it.
    candidates = likely_largest(np.flatnonzero(usable), rows, data, keep)
    by_value = candidates[np.argsort(-data[candidates], kind="stable")]
    row_keys = rows[by_value]
    if matrix.shape[0] <= np.iinfo(np.uint16).max:
        row_keys = row_keys.astype(np.uint16)  # numpy sorts 16-bit keys by radix, in linear time
    order = by_value[np.argsort(row_keys, kind="stable")]
    sorted_rows = rows[order]
    row_starts = np.searchsorted(sorted_rows, np.arange(matrix.shape[0]), side="left")
    rank = np.arange(len(order)) - row_starts[sorted_rows]
    # Back into entry order, which is by row and then column (the indices are sorted): a mask, not a sort.
    chosen = np.zeros(len(data), dtype=bool)
    chosen[order[rank < keep]] = True
    chosen = np.flatnonzero(chosen)
    counts = np.bincount(rows[chosen], minlength=matrix.shape[0])
    new_pointers = np.concatenate(([0], np.cumsum(counts))).astype(np.int64)
    return sparse.csr_matrix((data[chosen], indices[chosen], new_pointers), shape=matrix.shape)


def likely_largest(candidates: np.ndarray, rows: np.ndarray, data: np.ndarray, keep: int) -> np.ndarray:
    """The candidates (ascending entry numbers, so grouped by row) that can be among their row's `keep` largest.

    Sorting dominates, so first drop what cannot win. Each row's threshold is
    narrowed by bisection between 0 and its largest value: a threshold that at
    least `keep` of the row's entries reach lets go of the entries below it, as
    its `keep` largest (and every entry tied with the last of them) reach it too.
    Rows with fewer than `keep` entries keep everything.
    """
    row_count = int(rows.max(initial=0)) + 1
    if len(candidates) <= 4 * keep * row_count:
        return candidates  # too few per row to be worth it
    candidate_rows, values = rows[candidates], data[candidates]
    starts = np.flatnonzero(np.concatenate(([True], candidate_rows[1:] != candidate_rows[:-1])))
    lower, upper = np.zeros(row_count), np.zeros(row_count)
    upper[candidate_rows[starts]] = np.maximum.reduceat(values, starts)
    for _ in range(LARGEST_ROUNDS):
        middle = (lower + upper) / 2
        passing = values >= middle[candidate_rows]
        enough = np.bincount(candidate_rows[passing], minlength=row_count) >= keep
        lower, upper = np.where(enough, middle, lower), np.where(enough, upper, middle)
        kept = passing | ~enough[candidate_rows]
        candidates, candidate_rows, values = candidates[kept], candidate_rows[kept], values[kept]
    return candidates


def replace_rows(matrix: sparse.csr_matrix, rows: np.ndarray, replacement: sparse.csr_matrix) -> sparse.csr_matrix:
    """The matrix with rows[k] replaced by row k of `replacement` (rows ascending, distinct)."""
    rows = np.asarray(rows, dtype=np.int64)
    if len(rows) == 0:
        return matrix
    lengths = np.diff(matrix.indptr)
    lengths[rows] = np.diff(replacement.indptr)
    pointers = np.concatenate(([0], np.cumsum(lengths))).astype(np.int64)
    # The stretches of old rows between replaced ones, and the new rows, in order.
    old_starts = np.concatenate(([0], rows + 1))
    old_ends = np.concatenate((rows, [matrix.shape[0]]))
    index_parts, data_parts = [], []
    for number, (start, end) in enumerate(zip(old_starts.tolist(), old_ends.tolist(), strict=True)):
        begin, finish = matrix.indptr[start], matrix.indptr[end]
        index_parts.append(matrix.indices[begin:finish])
        data_parts.append(matrix.data[begin:finish])
        if number < len(rows):
            begin, finish = replacement.indptr[number], replacement.indptr[number + 1]
            index_parts.append(replacement.indices[begin:finish])
            data_parts.append(replacement.data[begin:finish])
    indices = np.concatenate(index_parts).astype(matrix.indices.dtype, copy=False)
    data = np.concatenate(data_parts).astype(matrix.dtype, copy=False)
    return sparse.csr_matrix((data, indices, pointers), shape=(matrix.shape[0], replacement.shape[1]))


def renumber_columns(matrix: sparse.csr_matrix, new_number: np.ndarray, columns: int) -> sparse.csr_matrix:
    """The matrix with column c moved to new_number[c] (an increasing map, so rows stay sorted), `columns`
    wide; entries of columns mapped to -1 are dropped."""
    keep = new_number[matrix.indices] >= 0
    if keep.all():
        return sparse.csr_matrix((matrix.data, new_number[matrix.indices].astype(np.int32), matrix.indptr),
                                 shape=(matrix.shape[0], columns))
    rows = np.repeat(np.arange(matrix.shape[0]), np.diff(matrix.indptr))[keep]
    pointers = np.concatenate(([0], np.cumsum(np.bincount(rows, minlength=matrix.shape[0])))).astype(np.int64)
    return sparse.csr_matrix((matrix.data[keep], new_number[matrix.indices[keep]].astype(np.int32), pointers),
                             shape=(matrix.shape[0], columns))


def renumber_rows(matrix: sparse.csr_matrix, new_number: np.ndarray, rows: int) -> sparse.csr_matrix:
    """The matrix with row r moved to new_number[r] (an increasing map), `rows` high; rows mapped to -1 are
    dropped, rows nothing maps to are empty."""
    lengths = np.zeros(rows, dtype=np.int64)
    kept = new_number >= 0
    lengths[new_number[kept]] = np.diff(matrix.indptr)[kept]
    entry_kept = np.repeat(kept, np.diff(matrix.indptr))
    pointers = np.concatenate(([0], np.cumsum(lengths))).astype(np.int64)
    return sparse.csr_matrix((matrix.data[entry_kept], matrix.indices[entry_kept], pointers),
                             shape=(rows, matrix.shape[1]))


def rows_having(matrix: sparse.csr_matrix, columns: np.ndarray) -> np.ndarray:
    """The rows (ascending) with an entry in any of these columns: one pass over the entries, without the
    transposed copy a CSC form would take (on a large archive, hundreds of megabytes)."""
    columns = np.asarray(columns, dtype=np.int64)
    if len(columns) == 0 or matrix.nnz == 0:
        return np.zeros(0, dtype=np.int64)
    wanted = np.zeros(matrix.shape[1], dtype=bool)
    wanted[columns] = True
    hits = np.flatnonzero(wanted[matrix.indices])
    return np.unique(np.searchsorted(matrix.indptr, hits, side="right") - 1).astype(np.int64)


def changed_rows(old: sparse.csr_matrix, new: sparse.csr_matrix) -> np.ndarray:
    """Positions of the rows (of two matrices of equal height) whose entries differ, in columns or values."""
    old_lengths, new_lengths = np.diff(old.indptr), np.diff(new.indptr)
    changed = old_lengths != new_lengths
    same = np.flatnonzero(~changed)
    if len(same):
        # Rows of equal length: compare entry by entry, all at once.
        old_entries = np.repeat(old.indptr[same], old_lengths[same]) + _ranks_within(old_lengths[same])
        new_entries = np.repeat(new.indptr[same], new_lengths[same]) + _ranks_within(new_lengths[same])
        differs = ((old.indices[old_entries] != new.indices[new_entries])
                   | (old.data[old_entries] != new.data[new_entries]))
        owners = np.repeat(same, old_lengths[same])
        changed[owners[differs]] = True
    return np.flatnonzero(changed).astype(np.int64)


def _ranks_within(lengths: np.ndarray) -> np.ndarray:
    """0, 1, ... within each of consecutive groups of these lengths."""
    total = int(lengths.sum())
    starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
    return np.arange(total) - np.repeat(starts, lengths)
