"""RelatedIndex: the related lists of one build's bulletins, ranked from scratch or updated from the last build's."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..config import Weights
from ..text.analyzer import Analyzer
from .corpus import Corpus, Parameters
from .documents import Candidate, Document, Signals
from .explain import explain
from .scratch import rank_from_scratch
from .stages import Stages
from .state import RankingState
from .update import update_ranking


class RelatedIndex:
    """Built once per build over every published bulletin; answers lists and explanations.

    Candidates are found through an inverted index of each bulletin's rarest
    distinctive terms, acronyms and tags (a sparse matrix product touches only
    pairs that share one), never by comparing every pair; then the best
    candidates are scored exactly, signal by signal. Given the state of an
    earlier ranking of the same bulletins (`previous`, which the update takes
    apart as it goes: keep a copy to use it again), it works out again only the
    rows whose inputs changed, stage by stage.
    """

    def __init__(self, documents: Sequence[Document], weights: Weights | None = None, *,
                 parameters: Parameters | None = None, threads: int | None = None, chunk_rows: int | None = None,
                 known_stems: dict[str, dict[str, str]] | None = None, analyzer: Analyzer | None = None,
                 previous: RankingState | None = None):
        """`known_stems` is the memo of stems (see Analyzer); `analyzer` one the caller shares (the search index
        counts the same words), else one of the ranking's own."""
        weights = weights or Weights()
        given = {name: value for name, value in (("threads", threads), ("chunk_rows", chunk_rows)) if value}
        parameters = replace(parameters or Parameters(), **given)
        corpus = Corpus(documents, weights, parameters, analyzer or Analyzer(weights, known_stems))
        updated = update_ranking(corpus, previous) if previous is not None else None
        # After an update: how many lists were worked out again (0: none, the earlier ranking stands); None
        # after a ranking from scratch.
        self.updated_rows: int | None = None
        if updated is None:
            self.stages = Stages(corpus, RankingState(corpus.settings(), tuple(corpus.names), list(corpus.keys)))
            rank_from_scratch(self.stages)
        else:
            self.stages, self.updated_rows = updated
        self.unchanged = self.updated_rows == 0  # the earlier ranking stands as it was
        corpus.analyzer.remember_word_counts(corpus.counted, corpus.languages, self.stages.state.words)

    @property
    def weights(self) -> Weights:
        return self.stages.corpus.weights

    @property
    def state(self) -> RankingState:
        """This ranking, for the next build to update."""
        self.stages.all_lists()
        return self.stages.state

    def all_related(self) -> dict[str, tuple[str, ...]]:
        """Every document's Baca juga list."""
        return dict(zip(self.stages.corpus.names, self.stages.all_lists(), strict=True))

    def related(self, name: str) -> tuple[str, ...]:
        """The Baca juga list: pinned first, then the best ranked, at most `count` unless more are pinned."""
        return self.stages.all_lists()[self.stages.corpus.position[name]]

    def explain(self, name: str, limit: int | None = None) -> list[Candidate]:
        """Pinned bulletins, then every candidate by score, each with its signals and why it is (not) listed."""
        return explain(self.stages, name, limit)

    def signals(self, name: str, other: str) -> Signals:
        """The score of `other` as a related bulletin of `name`, by signal (zero if not a candidate)."""
        for candidate in self.explain(name):
            if candidate.name == other:
                return candidate.signals
        return Signals()


def rank_related(documents: Sequence[Document], weights: Weights | None = None) -> dict[str, tuple[str, ...]]:
    """For every document, the names of the most related others, best first.

    Pinned names come first; then others by score, ties broken by newer date,
    then name. A document never lists itself or one it excludes, and nothing
    whose topical score is below weights.min_score is listed.
    """
    return RelatedIndex(documents, weights or Weights()).all_related()
