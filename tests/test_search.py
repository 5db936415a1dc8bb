"""The search index: the pure module on hand-made documents, and the index files of real builds."""

from __future__ import annotations

import hashlib
import itertools
import json
from pathlib import Path

import pytest
from conftest import copy_site, read_html, run_build

from buletin.config import Weights
from buletin.render import search_index as search
from buletin.text.analyzer import Analyzer
from buletin.text.words import count_words


def document(number: int, title: str, body: str, *, region: str = "Jakarta Pusat", topics: tuple[str, ...] = (),
             year: str = "2024", language: str = "id", other: str = "") -> search.SearchDocument:
    return search.SearchDocument(
        path=f"berita/{number}/", title=title, date=f"{number} Januari {year}", region=region, topics=topics,
        year=year, summary=body.split(".")[0], language=language,
        words=count_words(title, "", body, title_weight=2.0), others=(other,) if other else ())


def build(documents: list[search.SearchDocument]) -> dict[str, object]:
    files = search.index_files(documents, Analyzer(Weights()))
    return {name: json.loads(file.data) for name, file in files.items()}


def postings(index: dict[str, object], term: str) -> dict[int, int]:
    """A term's documents with their weights, decoded from the gaps."""
    for first, name in reversed(index["meta.json"]["terms"]):
        if first.encode("utf-16-be") <= term.encode("utf-16-be"):
            numbers = index[name].get(term, [])
            break
    else:
        return {}
    documents = itertools.accumulate(numbers[0::2])
    return dict(zip(documents, numbers[1::2], strict=True))


def words_of(index: dict[str, object]) -> dict[str, list[str]]:
    return {word: terms for _first, name in index["meta.json"]["words"] for word, terms in index[name].items()}


CORPUS = [
    document(0, "Vaksinasi anak di Jakarta Pusat", "Petugas memvaksin anak-anak di sekolah. Vaksin gratis."),
    document(1, "Banjir rendam permukiman", "Warga mengungsi karena banjir. Petugas membagikan makanan.",
             region="Jakarta Utara", topics=("banjir",), year="2023", other="Jakarta Utara banjir Rina Oktaviani"),
    document(2, "Kerja bakti bersihkan saluran", "Warga bekerja bakti membersihkan saluran agar tidak banjir.",
             topics=("banjir", "kerja bakti"), year="2023"),
]


def test_word_forms_stand_for_one_stem_and_stopwords_for_nothing() -> None:
    index = build(CORPUS)
    words = words_of(index)
    assert words["memvaksin"] == words["vaksin"] == ["vaksin"]
    assert words["anak-anak"] == ["anak"]  # a reduplication is its word
    assert words["di"] == [] and words["agar"] == []  # function words a query skips
    assert words["kerja"] == ["kerja"] and words["bekerja"] == ["kerja"]  # not a stopword for search
    assert words["rina"] == ["rina"]  # from the reporter's name, found though not in the text
    assert set(postings(index, "vaksin")) == {0}
    assert set(postings(index, "banjir")) == {1, 2}
    assert set(postings(index, "oktaviani")) == {1}


def test_weights_favour_the_title_and_rare_terms() -> None:
    index = build(CORPUS)
    flood = postings(index, "banjir")
    assert flood[1] > flood[2]  # in the title (and the tags) of 1, once in the body of 2
    assert postings(index, "vaksin")[0] > postings(index, "warga")[1]  # rarer and more frequent
    assert all(weight >= 1 for weight in flood.values())


def test_documents_filters_and_meta() -> None:
    index = build(CORPUS)
    meta = index["meta.json"]
    assert meta["version"] == search.FORMAT_VERSION and meta["documents"] == 3
    assert index[meta["pages"][0]][1] == ["berita/1/", "Banjir rendam permukiman", "1 Januari 2023", "Jakarta Utara",
                                          "Warga mengungsi karena banjir"]
    assert meta["filters"] == {"region": [["Jakarta Pusat", 2], ["Jakarta Utara", 1]],
                               "topic": [["banjir", 2], ["kerja bakti", 1]],
                               "year": [["2024", 1], ["2023", 2]]}  # newest year first
    members = index[meta["filter_file"]]
    assert list(itertools.accumulate(members["region"]["Jakarta Pusat"])) == [0, 2]
    assert list(itertools.accumulate(members["topic"]["banjir"])) == [1, 2]


def test_files_are_named_by_what_they_hold_and_made_alike_twice() -> None:
    first = search.index_files(CORPUS, Analyzer(Weights()))
    second = search.index_files(CORPUS, Analyzer(Weights()))
    assert first == second
    for name, file in first.items():  # every file but meta.json by its bytes
        if name != search.META_NAME:
            assert name.split("-", 1)[1] == hashlib.sha256(file.data).hexdigest()[:16] + ".json"
    # Another version of the generator: the same bytes keep their names, but no term or document file of the
    # earlier version is taken for one of its own (its key covers the code that made it).
    other = search.index_files(CORPUS, Analyzer(Weights()), version="another version of the generator")
    keyed = {file.key for name, file in first.items() if name[:2] in ("t-", "d-")}
    assert keyed and keyed.isdisjoint(file.key for file in other.values())
    again = search.index_files(CORPUS, Analyzer(Weights()), version="another version of the generator",
                               known={file.key: name for name, file in first.items()}.get)
    assert all(file.data is not None for file in again.values()) and set(again) == set(first)


def test_files_the_caller_has_are_not_made_again(monkeypatch: pytest.MonkeyPatch) -> None:
    """After an edit, the term and document files that hold the same as before keep their names and are not
    made again; the edited bulletin's terms and its document file are new."""
    monkeypatch.setattr(search, "FILE_TARGET_BYTES", 40)  # a few terms a file
    monkeypatch.setattr(search, "DOCUMENTS_PER_FILE", 1)
    first = search.index_files(CORPUS, Analyzer(Weights()))
    edited = [*CORPUS[:-1], document(3, CORPUS[-1].title, "Pemilih pemula diajak mengecek daftar pemilih banjir.",
                                     topics=("pemilu",))]
    again = search.index_files(edited, Analyzer(Weights()), known={file.key: name for name, file in first.items()}.get)
    reused = [name for name, file in again.items() if file.data is None]
    assert reused and all(name[:2] in ("t-", "d-") and name in first for name in reused)
    made = {name for name, file in again.items() if file.data is not None and name[:2] in ("t-", "d-")}
    assert made and made.isdisjoint(first)
    fresh = search.index_files(edited, Analyzer(Weights()))
    assert set(again) == set(fresh) and all(again[name].data == fresh[name].data for name in made)


def test_large_tables_split_into_ranges_in_javascript_order(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search, "FILE_TARGET_BYTES", 60)
    words = ["zebra", "Äpfel", "apel", "ápa", "𝒜lpha", "\uff41bc", "mangga", "nanas"]
    index = build([document(0, " ".join(words), " ".join(words)), *CORPUS])
    ranges = index["meta.json"]["words"]
    assert len(ranges) > 3
    firsts = [first for first, _name in ranges]
    assert firsts == sorted(firsts, key=lambda key: key.encode("utf-16-be"))
    for (first, name), following in itertools.zip_longest(ranges, firsts[1:]):
        keys = list(index[name])
        assert keys[0] == first and keys == sorted(keys, key=lambda key: key.encode("utf-16-be"))
        assert following is None or keys[-1].encode("utf-16-be") < following.encode("utf-16-be")
    assert {word.lower() for word in words} <= set(words_of(index))


def test_english_documents_get_english_stems_and_stopwords() -> None:
    index = build([document(0, "Cleaning the rivers", "Volunteers cleaned the river banks.", language="en")])
    words = words_of(index)
    assert words["cleaning"] == words["cleaned"] == ["clean"]
    assert words["the"] == []


def test_excerpts_end_at_a_word() -> None:
    assert search.excerpt("Pendek saja.") == "Pendek saja."
    long = "Kata " * 100
    cut = search.excerpt(long, limit=23)
    assert cut == "Kata Kata Kata Kata…"


def test_an_empty_site_has_an_empty_index() -> None:
    index = build([])
    meta = index["meta.json"]
    assert meta["documents"] == 0 and meta["words"] == [] and meta["terms"] == [] and meta["pages"] == []


# --- the index of a real build ---

def index_files_of(output: Path) -> dict[str, int]:
    """The index files with their modification times."""
    return {path.name: path.stat().st_mtime_ns for path in (output / "cari" / "indeks").iterdir()}


def test_an_unchanged_index_is_kept_and_a_changed_one_replaces_it(tmp_path: Path) -> None:
    site = copy_site("basic", tmp_path)
    assert run_build(site).exit_code == 0
    output = site / "output"
    first = index_files_of(output)
    template = site / "templates" / "partials" / "footer.html"
    template.parent.mkdir(parents=True)
    template.write_text("<footer>Kaki baru</footer>\n", encoding="utf-8")
    assert run_build(site).exit_code == 0
    assert index_files_of(output) == first  # pages changed, the bulletins did not: not written again

    (output / "cari" / "indeks" / next(name for name in first if name.startswith("t-"))).unlink()
    assert run_build(site).exit_code == 0
    assert index_files_of(output).keys() == first.keys()  # a missing file is noticed and made again

    source = site / "content" / "2023" / "dbd-jaktim.md"
    source.write_text(source.read_text(encoding="utf-8") + "\nFogging digelar di Cipayung.\n", encoding="utf-8")
    assert run_build(site).exit_code == 0
    after = index_files_of(output)
    assert after.keys() != first.keys()
    words = {word for name in after if name.startswith("w-")
             for word in json.loads((output / "cari" / "indeks" / name).read_text(encoding="utf-8"))}
    assert {"fogging", "digelar", "cipayung"} <= words
    manifest = json.loads((output / ".buletin-manifest.json").read_text(encoding="utf-8"))["files"]
    assert {name for name in manifest if name.startswith("cari/indeks/")} == {f"cari/indeks/{name}" for name in after}


def test_the_index_follows_the_site_language(tmp_path: Path) -> None:
    site = copy_site("basic", tmp_path)
    config = site / "site.toml"
    config.write_text('language = "en"\n' + config.read_text(encoding="utf-8"), encoding="utf-8")
    assert run_build(site).exit_code == 0
    meta = json.loads((site / "output" / "cari" / "indeks" / "meta.json").read_text(encoding="utf-8"))
    documents = json.loads((site / "output" / "cari" / "indeks" / meta["pages"][0]).read_text(encoding="utf-8"))
    assert documents[0][2] == "1 October 2023"
    page = read_html(site / "output" / "cari" / "index.html")
    assert page.find("label", attrs={"for": "search-input"}).get_text() == "Words to search for"
    assert json.loads(page.find("script", id="search-words").string)["results"] == "{count} results for “{query}”"
