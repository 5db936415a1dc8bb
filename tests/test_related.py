"""The first version of the Baca juga ranking: a pure function of documents."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from buletin.related import Document, Weights, rank_related, tokenize

START = datetime(2023, 1, 1, tzinfo=UTC)


def doc(name: str, days: int, tags: tuple[str, ...], region: str, text: str, pinned: tuple[str, ...] = ()) -> Document:
    return Document(name=name, date=START + timedelta(days=days), keywords=tags, region=region, text=text,
                    pinned=pinned)


CORPUS = [
    doc("tppo-1", 1, ("tppo",), "Barat", "perdagangan orang pekerja migran agen palsu korban"),
    doc("tppo-2", 2, ("tppo",), "Timur", "perdagangan orang korban agen palsu pekerja"),
    doc("tppo-3", 3, ("tppo", "sekolah"), "Barat", "perdagangan orang siswa sekolah korban"),
    doc("dbd-1", 4, ("dbd",), "Barat", "demam berdarah jentik nyamuk jumantik"),
    doc("dbd-2", 5, ("dbd",), "Timur", "demam berdarah nyamuk fogging jentik"),
    doc("pemilu", 6, ("pemilu",), "Selatan", "pemilih pemula kotak suara"),
]


def test_related_by_topic_not_by_region() -> None:
    ranked = rank_related(CORPUS, Weights(count=3))
    assert ranked["tppo-1"][0] == "tppo-2"
    assert set(ranked["tppo-1"]) == {"tppo-2", "tppo-3"}
    assert ranked["dbd-1"] == ("dbd-2",)


def test_unrelated_bulletins_are_never_listed_to_fill_the_list() -> None:
    ranked = rank_related(CORPUS, Weights(count=5))
    assert ranked["pemilu"] == ()
    assert all("pemilu" not in names for names in ranked.values())


def test_never_itself_and_pinned_first() -> None:
    corpus = [*CORPUS[:-1], doc("pemilu", 6, ("pemilu",), "Selatan", "pemilih", pinned=("dbd-2", "pemilu"))]
    ranked = rank_related(corpus, Weights(count=2))
    assert ranked["pemilu"] == ("dbd-2",)
    for name, names in ranked.items():
        assert name not in names


def test_pinned_beyond_the_count_are_all_kept() -> None:
    corpus = [*CORPUS[:-1], doc("pemilu", 6, (), "Selatan", "pemilih", pinned=("dbd-2", "tppo-1", "tppo-3"))]
    assert rank_related(corpus, Weights(count=2))["pemilu"] == ("dbd-2", "tppo-1", "tppo-3")


def test_ties_are_broken_by_newer_date_then_name() -> None:
    corpus = [
        doc("a", 1, ("x",), "R", "sama persis"),
        doc("c", 2, ("x",), "R", "sama persis"),
        doc("b", 2, ("x",), "R", "sama persis"),
        doc("d", 3, ("x",), "R", "sama persis"),
        doc("y", 4, ("y",), "R", "lain sekali"),
        doc("z", 5, ("z",), "R", "beda topik"),
    ]
    assert rank_related(corpus, Weights(count=3))["a"] == ("d", "b", "c")
    assert rank_related(list(reversed(corpus)), Weights(count=3))["a"] == ("d", "b", "c")


def test_same_region_is_only_a_small_bonus() -> None:
    ranked = rank_related(CORPUS, Weights(count=5))
    # tppo-3 shares the region of tppo-1 but dbd-1 (same region, other topic) is not related
    assert "dbd-1" not in ranked["tppo-1"]


def test_tokenize_drops_stopwords_numbers_and_short_words() -> None:
    assert tokenize("Dia dan 248 korban di Jakarta, kata Edi.") == ["korban", "jakarta", "edi"]
