"""Why a bulletin is, or is not, in another's list: every candidate's score, signal by signal."""

from __future__ import annotations

import numpy as np

from .choose import bonuses
from .documents import Candidate, Signals
from .stages import Stages


def explain(stages: Stages, name: str, limit: int | None = None) -> list[Candidate]:
    """Pinned bulletins, then every candidate by score, each with its signals and why it is (not) listed."""
    corpus = stages.corpus
    row = corpus.position[name]
    document = corpus.documents[row]
    direct, neighbours = stages.topical_rows(np.asarray([row], dtype=np.int64))
    direct_columns = set(direct.indices.tolist())
    neighbour_values = dict(zip(neighbours.indices.tolist(), neighbours.data.tolist(), strict=True))
    pinned = [p for p in dict.fromkeys(document.pinned) if p in corpus.position and p != name]
    candidates = [corpus.position[p] for p in pinned]
    candidates += sorted((direct_columns | set(neighbour_values)) - set(candidates))
    columns = np.asarray([c for c in candidates if c in direct_columns], dtype=np.int64)
    dots = stages.direct_signals(np.full(len(columns), row, dtype=np.int64), columns)
    breakdown = {column: {signal: float(values[k]) for signal, values in dots.items()}
                 for k, column in enumerate(columns.tolist())}
    result, scored = [], []
    for column in candidates:
        other = corpus.documents[column]
        direct_part = breakdown.get(column, {})
        topical = sum(direct_part.values()) + neighbour_values.get(column, 0.0)
        region, time = ((float(b[0]) for b in bonuses(corpus, row, np.asarray([column]))) if topical > 0
                        else (0, 0))
        signals = Signals(neighbours=neighbour_values.get(column, 0.0), region=region, time=time, **direct_part)
        if other.name in pinned:
            result.append(Candidate(other.name, signals, "pinned"))
            continue
        if other.name in document.excluded:
            reason = "excluded"
        elif signals.topical < corpus.weights.min_score:
            reason = "below minimum"
        else:
            reason = "ranked"
        scored.append(Candidate(other.name, signals, reason))
    scored.sort(key=lambda c: (-c.score, -corpus.documents[corpus.position[c.name]].date.timestamp(), c.name))
    result += scored
    return result[:limit] if limit is not None else result
