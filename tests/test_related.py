"""The Baca juga ranking: a pure function of documents, tested on small hand-made cases."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from buletin.config import Weights
from buletin.related.documents import Document
from buletin.related.ranking import RelatedIndex, rank_related
from buletin.related.terms import analyse
from buletin.text.analyzer import Analyzer

START = datetime(2023, 1, 1, tzinfo=UTC)


def doc(name: str, days: int, text: str, tags: tuple[str, ...] = (), region: str = "Barat", **more) -> Document:
    return Document(name=name, date=START + timedelta(days=days), title=name, body=text, keywords=tags,
                    region=region, **more)


CORPUS = [
    doc("tppo-1", 1, "Warga diminta mewaspadai perdagangan orang oleh agen pekerja migran palsu.", ("tppo",)),
    doc("tppo-2", 2, "Korban diperdagangkan agen palsu ke luar negeri; polisi memperdagangkan kasus.", ("tppo",),
        "Timur"),
    doc("tppo-3", 300, "Sosialisasi TPPO: perdagangan orang lewat agen palsu menyasar siswa.", ("sekolah",)),
    doc("dbd-1", 4, "Demam berdarah meningkat, jumantik memeriksa jentik nyamuk.", ("dbd",)),
    doc("dbd-2", 5, "Fogging nyamuk demam berdarah di permukiman; jentik diberantas.", ("dbd",), "Timur"),
    doc("pemilu", 6, "Pemilih pemula diajak mengecek daftar pemilih tetap sebelum pencoblosan.", ("pemilu",),
        "Selatan"),
]


def test_stems_join_inflected_forms() -> None:
    terms = analyse(Analyzer(Weights()), CORPUS)
    row = {document.name: number for number, document in enumerate(CORPUS)}
    assert terms.counts(row["tppo-2"], "stems")["dagang"] == 2  # diperdagangkan, memperdagangkan
    assert terms.counts(row["tppo-1"], "stems")["dagang"] == 1  # perdagangan
    assert "TPPO" in terms.counts(row["tppo-3"], "acronyms")
    assert "orang" not in terms.counts(row["tppo-1"], "stems")  # a stopword


def test_known_stems_are_used_and_new_ones_kept() -> None:
    """A memo of stems from earlier builds spares the stemmer; words it lacks are stemmed and added."""
    from buletin.text.stemmers import stemmer_name

    name = stemmer_name("id", "sastrawi")
    assert name.startswith("id:sastrawi:") and stemmer_name("en", "sastrawi").startswith("en:snowball:")
    memo = {name: {"perdagangan": "niaga"}}
    terms = analyse(Analyzer(Weights(), memo), CORPUS)
    assert terms.counts(0, "stems")["niaga"] == 1  # tppo-1 says "perdagangan": the memo's stem, not the stemmer's
    assert terms.counts(1, "stems")["dagang"] == 2
    assert memo[name]["diperdagangkan"] == "dagang" and memo[name]["perdagangan"] == "niaga"
    assert analyse(Analyzer(Weights(), memo), CORPUS).counts(2, "stems") == terms.counts(2, "stems")


def test_names_are_words_never_written_in_lowercase() -> None:
    documents = [doc("a", 1, "Wali Kota Hendro Saputra meminta warga menjaga Kali Angke. Perdagangan orang."),
                 doc("b", 2, "Kali ini warga bersih-bersih; perdagangan orang dicegah.")]
    terms = analyse(Analyzer(Weights()), documents)
    assert {"hendro", "saputra", "angke"} <= set(terms.counts(0, "names"))
    assert "kali" not in terms.counts(0, "names") and "perdagangan" not in terms.counts(0, "names")


def test_related_by_topic_not_by_region_or_tag() -> None:
    ranked = rank_related(CORPUS, Weights(count=3))
    assert ranked["tppo-1"][:2] == ("tppo-2", "tppo-3")
    assert ranked["dbd-1"] == ("dbd-2",)


def test_unrelated_bulletins_never_fill_the_list() -> None:
    ranked = rank_related(CORPUS, Weights(count=5))
    assert ranked["pemilu"] == ()
    assert all("pemilu" not in names for names in ranked.values())


def test_pinned_first_always_and_excluded_never() -> None:
    corpus = [*CORPUS[:-1], doc("pemilu", 6, "Pemilih pemula.", pinned=("dbd-2", "pemilu", "hilang"))]
    corpus[0] = doc("tppo-1", 1, CORPUS[0].body, ("tppo",), excluded=("tppo-2",))
    ranked = rank_related(corpus, Weights(count=2))
    assert ranked["pemilu"] == ("dbd-2",)
    assert "tppo-2" not in ranked["tppo-1"]
    for name, names in ranked.items():
        assert name not in names


def test_pinned_beyond_the_count_are_all_kept() -> None:
    corpus = [*CORPUS[:-1], doc("pemilu", 6, "Pemilih.", pinned=("dbd-2", "tppo-1", "tppo-3"))]
    assert rank_related(corpus, Weights(count=2))["pemilu"] == ("dbd-2", "tppo-1", "tppo-3")


def test_ties_are_broken_by_newer_date_then_name() -> None:
    corpus = [doc(name, days, "jentik nyamuk demam", ("dbd",)) for name, days in
              (("a", 1), ("c", 2), ("b", 2), ("d", 3))]
    corpus += [doc("y", 4, "pemilih pemula surat suara", ("pemilu",)), doc("z", 5, "banjir pompa tanggul")]
    expected = ("d", "b", "c")
    assert rank_related(corpus, Weights(count=3, time_weight=0))["a"] == expected
    assert rank_related(list(reversed(corpus)), Weights(count=3, time_weight=0))["a"] == expected


def test_a_tag_on_every_bulletin_says_nothing() -> None:
    corpus = [doc(n, i, text, ("sosialisasi",)) for i, (n, text) in enumerate(
        [("a", "banjir pompa"), ("b", "pemilih pemula"), ("c", "jentik nyamuk"), ("d", "sampah daur ulang")])]
    assert rank_related(corpus, Weights()) == {"a": (), "b": (), "c": (), "d": ()}


def test_region_and_time_only_reorder_related_bulletins() -> None:
    corpus = [doc("a", 0, "jentik nyamuk demam berdarah", region="X"),
              doc("b", 1, "jentik nyamuk demam berdarah", region="X"),
              doc("c", 2, "jentik nyamuk demam berdarah", region="Y"),
              doc("d", 0, "pemilih pemula surat suara", region="X"),
              doc("e", 0, "banjir pompa tanggul", region="X")]
    index = RelatedIndex(corpus, Weights(time_weight=0))
    assert index.related("a")[0] == "b"  # same region wins the tie with the newer c
    signals = index.signals("a", "d")
    assert signals.region == 0 and signals.total == 0  # same region alone makes nothing related


def test_explain_gives_every_signal_and_reason() -> None:
    corpus = [*CORPUS[:3], doc("dbd-1", 4, CORPUS[3].body, ("dbd",), pinned=("tppo-1",), excluded=("dbd-2",)),
              *CORPUS[4:]]
    explained = {c.name: c for c in RelatedIndex(corpus, Weights()).explain("dbd-1")}
    assert explained["tppo-1"].reason == "pinned"
    assert explained["dbd-2"].reason == "excluded"
    assert explained["dbd-2"].signals.text > 0
    assert explained["dbd-2"].score == explained["dbd-2"].signals.total


def test_english_bulletins_use_an_english_stemmer() -> None:
    corpus = [doc("a", 1, "Victims of trafficking were rescued.", language="en"),
              doc("b", 2, "Traffickers trafficked workers; the victim speaks.", language="en"),
              doc("c", 3, "Voters check the register.", language="en")]
    assert RelatedIndex(corpus, Weights()).related("a") == ("b",)


def test_inline_placement_after_a_paragraph() -> None:
    from buletin.render.body import place_inline_related

    body = "".join(f"<p>Paragraf {n}.</p>\n" for n in range(1, 9))
    related = ["satu", "dua"]

    def line(item: str) -> str:
        return f'<p class="related-inline">{item}</p>'

    placed, rest = place_inline_related(body, related, marker="<!-- baca-juga -->", after_paragraph=2,
                                        min_paragraphs=8, render_line=line)
    assert placed.startswith('<p>Paragraf 1.</p>\n<p>Paragraf 2.</p>\n<p class="related-inline">satu</p>\n')
    assert rest == ("dua",)
    short, rest = place_inline_related(body, related, marker="<!-- baca-juga -->", after_paragraph=2,
                                       min_paragraphs=9, render_line=line)
    assert short == body and rest == ("satu", "dua")
    marked = "<p>A</p>\n<!-- baca-juga -->\n<p>B</p>\n<!-- baca-juga -->\n<p>C</p>\n<!-- baca-juga -->\n"
    placed, rest = place_inline_related(marked, related, marker="<!-- baca-juga -->", after_paragraph=0,
                                        min_paragraphs=8, render_line=line)
    assert placed == ('<p>A</p>\n<p class="related-inline">satu</p>\n<p>B</p>\n'
                      '<p class="related-inline">dua</p>\n<p>C</p>\n\n')
    assert rest == ()


def test_a_mixed_archive_stems_each_bulletin_in_its_own_language() -> None:
    corpus = [doc("id-1", 1, "Pelaku diperdagangkan ke luar negeri."),
              doc("en-1", 2, "Victims of trafficking were rescued.", language="en"),
              doc("id-2", 3, "Perdagangan orang dicegah bersama."),
              doc("en-2", 4, "Traffickers trafficked workers.", language="en")]
    terms = analyse(Analyzer(Weights()), corpus)
    assert terms.counts(0, "stems")["dagang"] == 1 and terms.counts(2, "stems")["dagang"] == 1
    assert terms.counts(1, "stems")["traffick"] == 1 and terms.counts(3, "stems")["traffick"] == 2
    assert "dagang" not in terms.counts(1, "stems") and "traffick" not in terms.counts(0, "stems")
