"""Evaluate the Baca juga ranking on the labeled corpus in tests/related-corpus/.

    python bench/evaluate_related.py [CORPUS_FOLDER]

Each folder under the corpus's content/ is one topic cluster. For every
bulletin the ranking's list is compared with the cluster it belongs to:
precision@1 and @3 (share of listed links that stay in the cluster) and recall
(share of the cluster found in the list of 5). The default ranking is printed
beside a tags-only baseline (shared tags, as Pelican and Hugo's default do)
and beside variants that answer the design questions: which stemmer, whether
names of people and places help, whether smoothing through the neighbourhood
(second-order similarity) helps, and what each signal adds.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from buletin.config import Weights, load_config  # noqa: E402
from buletin.load.content import load_content  # noqa: E402
from buletin.related.documents import Document  # noqa: E402
from buletin.related.ranking import RelatedIndex  # noqa: E402
from buletin.related.stage import related_documents  # noqa: E402

DEFAULT_CORPUS = ROOT / "tests" / "related-corpus"
LIST_LENGTH = 5

Ranker = Callable[[Sequence[Document]], dict[str, tuple[str, ...]]]


@dataclass(frozen=True)
class Scores:
    precision_at_1: float
    precision_at_3: float
    recall: float
    coverage: float  # share of bulletins with at least one link


def load_corpus(folder: Path = DEFAULT_CORPUS) -> tuple[list[Document], dict[str, str], Weights]:
    """The corpus's documents, the cluster of each, and the site's weights."""
    config = load_config(folder / "site.toml")
    loaded = load_content(folder / "content", config)
    if loaded.problems:
        raise SystemExit("\n".join(problem.format() for problem in loaded.problems))
    articles = sorted(loaded.articles, key=lambda a: a.slug)
    clusters = {article.slug: article.content_path.split("/")[0] for article in articles}
    return related_documents(articles, config), clusters, config.related.weights


def score(lists: dict[str, tuple[str, ...]], clusters: dict[str, str]) -> Scores:
    first_hits = first_total = hits_3 = total_3 = found = findable = covered = 0
    for name, listed in lists.items():
        same = [clusters[other] == clusters[name] for other in listed]
        if same:
            covered += 1
            first_total += 1
            first_hits += same[0]
        hits_3 += sum(same[:3])
        total_3 += len(same[:3])
        cluster_size = sum(1 for other in clusters if clusters[other] == clusters[name]) - 1
        found += sum(same[:LIST_LENGTH])
        findable += min(LIST_LENGTH, cluster_size)
    return Scores(first_hits / max(1, first_total), hits_3 / max(1, total_3), found / max(1, findable),
                  covered / max(1, len(lists)))


def ours(weights: Weights) -> Ranker:
    def rank(documents: Sequence[Document]) -> dict[str, tuple[str, ...]]:
        index = RelatedIndex(documents, replace(weights, count=LIST_LENGTH))
        return {document.name: index.related(document.name) for document in documents}
    return rank


def tags_only(documents: Sequence[Document]) -> dict[str, tuple[str, ...]]:
    """The baseline: the most shared tags first, then the newest."""
    result = {}
    for document in documents:
        shared = [(len(set(document.keywords) & set(other.keywords)), other) for other in documents
                  if other.name != document.name]
        shared = [(count, other) for count, other in shared if count > 0]
        shared.sort(key=lambda pair: (-pair[0], -pair[1].date.timestamp(), pair[1].name))
        result[document.name] = tuple(other.name for _, other in shared[:LIST_LENGTH])
    return result


def variants(weights: Weights) -> list[tuple[str, Ranker]]:
    return [
        ("ours (defaults)", ours(weights)),
        ("tags only (baseline)", tags_only),
        ("ours, no stemming", ours(replace(weights, stemmer="none"))),
        ("ours, Snowball stemmer", ours(replace(weights, stemmer="snowball"))),
        ("ours, Sastrawi stemmer", ours(replace(weights, stemmer="sastrawi"))),
        ("ours, names weighted 0.3", ours(replace(weights, name_weight=0.3))),
        ("ours, names weighted as text", ours(replace(weights, name_weight=weights.text_weight))),
        ("ours, text only", ours(replace(weights, acronym_weight=0, tag_weight=0, region_weight=0, time_weight=0))),
        ("ours, no acronyms", ours(replace(weights, acronym_weight=0))),
        ("ours, no tags", ours(replace(weights, tag_weight=0))),
        ("ours, no neighbourhood smoothing", ours(replace(weights, smoothing=0))),
        ("ours, smoothing doubled", ours(replace(weights, smoothing=2 * weights.smoothing))),
    ]


def evaluate(folder: Path = DEFAULT_CORPUS) -> dict[str, Scores]:
    documents, clusters, weights = load_corpus(folder)
    return {label: score(rank(documents), clusters) for label, rank in variants(weights)}


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_CORPUS
    results = evaluate(folder)
    documents, clusters, _ = load_corpus(folder)
    print(f"{len(documents)} bulletins in {len(set(clusters.values()))} clusters, lists of {LIST_LENGTH}\n")
    print(f"{'ranking':<36} {'P@1':>6} {'P@3':>6} {'recall':>7} {'coverage':>9}")
    for label, scores in results.items():
        print(f"{label:<36} {scores.precision_at_1:6.3f} {scores.precision_at_3:6.3f} {scores.recall:7.3f} "
              f"{scores.coverage:9.3f}")


if __name__ == "__main__":
    main()
