"""Every stage of one ranking, row by row: what the next build needs to update the lists."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from scipy import sparse

from ..text.analyzer import WordMatrix
from .terms import KindState


@dataclass
class RankingState:
    """The stages of a ranking, each filled by the one before it (rank_from_scratch, or update_ranking)."""

    settings: tuple  # the weights and the index's parameters
    names: tuple[str, ...]
    keys: list[str]  # what each document was made from
    words: WordMatrix | None = None
    name_words: frozenset[str] = frozenset()
    kinds: dict[str, KindState] = field(default_factory=dict)
    signals: dict[str, sparse.csr_matrix] = field(default_factory=dict)  # TF-IDF rows per signal
    kept_frequency: dict[str, np.ndarray] = field(default_factory=dict)  # per signal: documents whose kept
    # terms include each term
    finder: sparse.csr_matrix | None = None  # each document's rarest distinctive terms, the finder's columns by signal
    champions: sparse.csr_matrix | None = None  # each finder term's documents, the ones it weighs most in
    candidates: sparse.csr_matrix | None = None  # each document's candidates, as found (their exact scores may be 0)
    direct: sparse.csr_matrix | None = None  # each document's candidates with their exact direct score
    lists: list[tuple[str, ...]] | None = None  # each document's Baca juga, once chosen
