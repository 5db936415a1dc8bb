"""Row-wise sparse operations: each row's result is that of the row alone, whatever rows come with it."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import sparse

from buletin.related import sparse_rows


def random_matrix(seed: int, shape: tuple[int, int], density: float) -> sparse.csr_matrix:
    generator = np.random.default_rng(seed)
    values = np.round(generator.random(shape), 2)  # rounded: many ties
    values[generator.random(shape) > density] = 0
    return sparse.csr_matrix(values)


@pytest.mark.parametrize("block", [1_000_000, 700, 1])  # whole, in blocks of rows, a row at a time
def test_keeping_the_largest_per_row_matches_a_plain_sort(block: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each row's largest values, ties to the lower column, also when most entries are pruned before sorting
    and when the rows are sorted a block at a time."""
    monkeypatch.setattr(sparse_rows, "KEEP_LARGEST_BLOCK", block)
    for density, keep in ((0.9, 3), (0.3, 5), (0.02, 4)):
        values = random_matrix(3, (40, 300), density).toarray()
        values[7] = 0  # an empty row
        kept = sparse_rows.keep_largest(sparse.csr_matrix(values), keep, own_columns=np.arange(40)).toarray()
        assert kept.shape == values.shape
        for row in range(values.shape[0]):
            entries = [(-values[row, column], column) for column in range(values.shape[1])
                       if values[row, column] > 0 and column != row]
            expected = sorted(column for _value, column in sorted(entries)[:keep])
            assert np.flatnonzero(kept[row]).tolist() == expected


def test_any_rows_kept_alone_equal_the_same_rows_kept_together() -> None:
    matrix = random_matrix(5, (60, 80), 0.5)
    whole = sparse_rows.keep_largest(matrix, 6, own_columns=np.arange(60))
    rows = np.asarray([3, 17, 18, 59])
    alone = sparse_rows.keep_largest(matrix[rows], 6, own_columns=rows)
    assert (alone != whole[rows]).nnz == 0


def test_replacing_rows() -> None:
    matrix = random_matrix(1, (10, 12), 0.4)
    replacement = random_matrix(2, (3, 12), 0.6)
    rows = np.asarray([0, 4, 9])
    result = sparse_rows.replace_rows(matrix, rows, replacement).toarray()
    expected = matrix.toarray()
    expected[rows] = replacement.toarray()
    assert (result == expected).all()
    assert sparse_rows.replace_rows(matrix, np.zeros(0, dtype=np.int64), replacement[:0]) is matrix


def test_renumbering_columns_and_rows_keeps_order_and_drops_the_gone() -> None:
    matrix = random_matrix(4, (5, 6), 0.7)
    new_number = np.asarray([0, 2, -1, 3, 5, 6])  # column 2 goes, the others spread over 7 columns
    moved = sparse_rows.renumber_columns(matrix, new_number, 7)
    dense, result = matrix.toarray(), moved.toarray()
    for old, new in enumerate(new_number):
        if new >= 0:
            assert (result[:, new] == dense[:, old]).all()
    assert moved.nnz == matrix.nnz - np.count_nonzero(dense[:, 2]) and moved.has_sorted_indices
    rows = sparse_rows.renumber_rows(matrix, np.asarray([1, -1, 2, 4, 5]), 7).toarray()
    assert (rows[1] == dense[0]).all() and (rows[5] == dense[4]).all() and not rows[0].any() and not rows[6].any()


def test_rows_having_columns_and_changed_rows() -> None:
    matrix = random_matrix(6, (30, 20), 0.1)
    dense = matrix.toarray()
    columns = np.asarray([2, 5, 11])
    expected = sorted({row for row in range(30) for column in columns if dense[row, column]})
    assert sparse_rows.rows_having(matrix, columns).tolist() == expected
    assert sparse_rows.rows_having(matrix, np.zeros(0, dtype=np.int64)).tolist() == []
    changed = dense.copy()
    changed[3, 4] += 1  # a value
    changed[8] = 0  # a row emptied
    changed[20, :] = np.roll(changed[20, :], 1)  # entries moved
    other = sparse.csr_matrix(changed)
    expected = [row for row in range(30) if (dense[row] != changed[row]).any()]
    assert sparse_rows.changed_rows(matrix, other).tolist() == expected
