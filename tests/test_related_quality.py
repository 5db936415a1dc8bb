"""The Baca juga ranking on the labeled corpus: precise, and far better than tags alone."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from evaluate_related import DEFAULT_CORPUS, evaluate, load_corpus


@pytest.fixture(scope="module")
def results():
    return evaluate(DEFAULT_CORPUS)


def test_corpus_has_the_promised_shape() -> None:
    documents, clusters, _weights = load_corpus(DEFAULT_CORPUS)
    sizes = {cluster: list(clusters.values()).count(cluster) for cluster in set(clusters.values())}
    assert len(sizes) >= 8 and min(sizes.values()) >= 5
    assert len(documents) == len(clusters)


def test_precision_at_3_is_at_least_0_9(results) -> None:
    ours = results["ours (defaults)"]
    assert ours.precision_at_3 >= 0.9
    assert ours.precision_at_1 >= 0.9
    assert ours.coverage == 1.0  # every bulletin gets a list


def test_beats_tags_only_by_a_clear_margin(results) -> None:
    ours, tags = results["ours (defaults)"], results["tags only (baseline)"]
    assert ours.precision_at_3 - tags.precision_at_3 >= 0.3
    assert ours.recall - tags.recall >= 0.3


def test_stemming_and_smoothing_earn_their_place(results) -> None:
    ours = results["ours (defaults)"]
    assert ours.recall > results["ours, no stemming"].recall
    assert ours.recall > results["ours, no neighbourhood smoothing"].recall


def test_names_mislead_and_are_weighed_down(results) -> None:
    assert results["ours, names weighted as text"].precision_at_3 < results["ours (defaults)"].precision_at_3 - 0.3


def test_threads_chunks_and_counted_words_change_nothing() -> None:
    """The faster paths (words counted while parsing, chunks in threads, pruned sorting) give the same lists."""
    from dataclasses import replace

    from buletin.config import load_config
    from buletin.load.content import load_content
    from buletin.related.ranking import RelatedIndex
    from buletin.text.html import html_to_text
    from buletin.text.words import count_words

    documents, _clusters, weights = load_corpus(DEFAULT_CORPUS)  # words counted while parsing, no text
    assert all(d.words is not None and d.body == "" for d in documents)
    articles = {article.slug: article for article in
                load_content(DEFAULT_CORPUS / "content", load_config(DEFAULT_CORPUS / "site.toml")).articles}
    with_text = [replace(d, body=html_to_text(articles[d.name].body_html), words=None) for d in documents]
    plain = RelatedIndex(with_text, weights).all_related()
    assert RelatedIndex(documents, weights).all_related() == plain
    counted = [replace(d, words=count_words(d.title, d.summary, d.body, weights.title_weight)) for d in with_text]
    assert RelatedIndex(counted, weights, threads=2, chunk_rows=7).all_related() == plain
    stale = [replace(d, words=count_words(d.title, d.summary, d.body, weights.title_weight + 1)) for d in with_text]
    with pytest.raises(ValueError, match="counted with title weight"):
        RelatedIndex([replace(d, body="") for d in stale], weights)
