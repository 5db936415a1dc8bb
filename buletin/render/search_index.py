"""The static search index: the bulletins' words as small JSON files, searched in the reader's browser.

A pure module: documents in, files (name and bytes) out. static/search.js
reads the files; nothing runs on a server. The browser loads meta.json, then
only the few files a query needs, so a phone fetches tens of kilobytes for a
search even on an archive of 100,000 bulletins.

The files, in the index folder:
- meta.json: the number of documents, which file holds which range of words
  and terms, the document files in order, and the filters with their values;
- words (w-*.json): every word of the archive, lowercase, with the terms it
  stands for; stemming happens here, so the browser needs no stemmer
  ("vaksinasi" and "divaksin" both stand for "vaksin"). A stopword stands for
  nothing, so a query ignores it;
- terms (t-*.json): each term's postings, [gap, weight, gap, weight, ...]: the
  documents that have it (each number the step from the previous document) and
  its BM25 weight in each, times ten, rounded;
- documents (d-*.json): DOCUMENTS_PER_FILE documents each, in the site's order
  (newest first): [path, title, date as shown, region, excerpt];
- filters (f-*.json): for each filter and value, its documents as gaps.

Word and term files hold ranges of keys sorted as JavaScript sorts strings
(by UTF-16 code units); every file but meta.json is named by a digest of its
bytes, so browsers may keep them, and meta.json, which names them, is
revalidated. Term and document files also have a key, a digest of what they are
made from (and of the code that makes them): a caller that still has the file
of a key, from an earlier build, gets its name without the file being made again.
"""

from __future__ import annotations

import hashlib
import itertools
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from ..text.analyzer import Analyzer
from ..text.words import Words, words_in

FORMAT_VERSION = 1
META_NAME = "meta.json"
DOCUMENTS_PER_FILE = 100
FILE_TARGET_BYTES = 48_000  # a word or term file grows to about this size (a term with many postings, beyond)
EXCERPT_CHARACTERS = 220
FILTERS = ("region", "topic", "year")  # the names static/search.js and the search page use
# Words a query ignores: only the commonest function words, as a reader may well search for words the
# ranking of related bulletins leaves out ("kerja", "kasus").
STOPWORDS = {
    "id": frozenset("""
ada adalah agar akan aku anda apa atau bagi bahwa bila dalam dan dari dengan di dia ia ini itu juga ka kami
kamu karena ke kita mereka nya oleh pada para saja sang se seperti serta sudah telah tersebut untuk yaitu
yakni yang
""".split()),  # noqa: SIM905 (a word list reads best as text)
    "en": frozenset("""
a an and are as at be but by for from has have he her his in is it its of on or she that the their they this
to was were which who will with
""".split()),  # noqa: SIM905
}
# BM25, as most search engines rank by default.
BM25_K1 = 1.2
BM25_B = 0.75


@dataclass(frozen=True, slots=True)
class SearchDocument:
    """What the search index knows of a bulletin."""

    path: str  # site path, e.g. "berita/slug/"
    title: str
    date: str  # as shown in results
    region: str
    topics: tuple[str, ...]
    year: str
    summary: str
    language: str
    words: Words  # title, summary and body, counted (the title and summary weigh more)
    others: tuple[str, ...] = ()  # more to find the bulletin by, each counted once: region, tags, reporters
    # What the document was made from, when the caller knows it cheaply (a digest of its file): index_key
    # takes it instead of the words. Its other fields that do not come from there (date, topics) still count.
    key: str = ""


@dataclass(frozen=True)
class IndexFile:
    """One file of the index: its bytes, and what it was made from."""

    data: bytes | None  # None: the caller has this file already (`known` gave its name)
    key: str = ""  # a digest of what it is made from (and of the code that makes it), or its name


def index_files(documents: Sequence[SearchDocument], analyzer: Analyzer,
                known: Callable[[str], str | None] | None = None, version: str = "") -> dict[str, IndexFile]:
    """The index files by name; meta.json names all the others.

    The key of a term or document file, a digest of what it holds and of
    `version` (the code that writes it), is worked out before its JSON is:
    when `known` gives the name of a file of that key that the caller has
    (from an earlier build), the file comes under that name with no data,
    neither made again nor to be written. Every other file is made and named
    by its bytes, so the same bytes always have the same name.
    """
    def _digest(*parts: str | bytes) -> str:
        return _inputs_digest(version, *parts)
    word_table, postings = _words_and_postings(documents, analyzer)
    files: dict[str, IndexFile] = {}
    values, members = _filters(documents)
    meta = {
        "version": FORMAT_VERSION,
        "documents": len(documents),
        "documents_per_file": DOCUMENTS_PER_FILE,
        "words": _ranges(word_table, lambda part: _json({word: word_table[word] for word in part}),
                         lambda word: _word_size(word, word_table[word]), files, "w"),
        "terms": _ranges(postings.spans, postings.json_of, postings.size, files, "t",
                         lambda terms: _digest(*postings.inputs_of(terms)), known),
        "pages": [_add_keyed(files, "d", _digest(repr([_shown_inputs(d) for d in documents[start:end]])),
                             lambda start=start, end=end: _json([_shown(d) for d in documents[start:end]]), known)
                  for start, end in _blocks(len(documents), DOCUMENTS_PER_FILE)],
        "filters": values,
        "filter_file": _add(files, "f", _json(members)),
    }
    files[META_NAME] = IndexFile(_json(meta))
    return files


def index_key(documents: Sequence[SearchDocument], settings: object) -> str:
    """A digest of everything the index is made from (documents and settings), to know when to make it again."""
    digest = hashlib.sha256(f"{FORMAT_VERSION}\0{settings!r}\0".encode())
    for document in documents:
        shown = (document.date, document.topics, document.year, document.language)
        if document.key:
            digest.update(repr((document.key, *shown)).encode())
            continue
        words = document.words
        digest.update(repr((document.path, document.title, document.region, document.summary, document.others,
                            *shown, words.text, words.capitalised, words.title_weight)).encode())
        digest.update(words.counts)
    return digest.hexdigest()


@dataclass
class _Counted:
    """The words of the documents: as written (the analyzer's matrix, a column per form) and the other
    text's words (a column per form, the written ones first), each form's lowercase column, and the names."""

    written: sparse.csr_matrix
    others: sparse.csr_matrix
    lower_of: np.ndarray  # the lowercase column of each form (-1: a form no document has)
    columns: list[tuple[str, str]]  # (language, lowercase word) of each lowercase column
    names: set[str]


def _word_counts(documents: Sequence[SearchDocument], analyzer: Analyzer) -> _Counted:
    """The documents' words, counted.

    The words as written come from the analyzer (the related lists of the
    same build have counted them already), with the other text's words added;
    the distinct forms are lowercased, far fewer calls than lowercasing every
    word of every document. Names are words written with a capital inside a
    sentence or in the names of regions and reporters, and never in lowercase
    (Dimas, Kalideres)."""
    written = analyzer.word_counts([document.words for document in documents],
                                   [document.language for document in documents])
    live = written.live().tolist()  # a matrix kept from build to build has forms no document has any more
    forms = list(written.forms)
    numbers: dict[tuple[str, str], int] = {form: number for number, form in enumerate(forms)}
    capitalised: set[str] = set()
    for document in documents:
        if document.words.capitalised:
            capitalised.update(document.words.capitalised.split(" "))
    extra_ids, extra_lengths = [], [0]
    # Regions, tags and reporters are few and shared: each piece's forms are numbered once.
    piece_forms: dict[tuple[str, str], list[int]] = {}
    for document in documents:
        before = len(extra_ids)
        for piece in document.others:
            known = piece_forms.get((document.language, piece))
            if known is None:
                known = piece_forms[(document.language, piece)] = []
                for word in words_in(piece):
                    form = (document.language, word)
                    if form not in numbers:
                        numbers[form] = len(forms)
                        forms.append(form)
                        live.append(True)
                    live[numbers[form]] = True
                    known.append(numbers[form])
                    if word[:1].isupper():
                        capitalised.add(word)
            extra_ids += known
        extra_lengths.append(len(extra_ids) - before)
    lowercase: dict[tuple[str, str], int] = {}
    lower_of = np.fromiter((lowercase.setdefault((language, form.lower()), len(lowercase)) if alive else -1
                            for (language, form), alive in zip(forms, live, strict=True)),
                           dtype=np.int32, count=len(forms))
    names = ({word.lower() for word in capitalised}
             - {form for (_language, form), alive in zip(forms, live, strict=True) if alive and form.islower()})
    others = sparse.csr_matrix((np.ones(len(extra_ids), dtype=np.float32), np.asarray(extra_ids, dtype=np.int32),
                                np.cumsum(extra_lengths, dtype=np.int64)), shape=(len(documents), max(1, len(forms))))
    return _Counted(written.counts, others, lower_of, list(lowercase), names)


def _terms_of_words(columns: Sequence[tuple[str, str]], names: set[str],
                    analyzer: Analyzer) -> tuple[list[tuple[int, ...]], list[str]]:
    """The terms each column's word stands for (as numbers), and the list of all terms.

    A name stands for itself: a stemmer would cut "Dimas" to "mas"."""
    term_ids: dict[str, int] = {}
    terms_of_columns = []
    for language, word in columns:
        stopwords = STOPWORDS["en" if language.startswith("en") else "id"]
        if word in names:
            stems = () if word in stopwords else (word,)
        else:
            stems = tuple(dict.fromkeys(analyzer.stems_of(word, language, stopwords)))
        terms_of_columns.append(tuple(term_ids.setdefault(stem, len(term_ids)) for stem in stems))
    return terms_of_columns, list(term_ids)


def _words_and_postings(documents: Sequence[SearchDocument],
                        analyzer: Analyzer) -> tuple[dict[str, list[str]], _Postings]:
    """The terms of every word, and the postings of every term.

    The counts of words as written go straight to counts of terms (a word's
    forms, "Banjir" and "banjir", add up there), and each large matrix is let
    go as soon as the next is made from it: at 100,000 bulletins each takes a
    few hundred megabytes."""
    counted = _word_counts(documents, analyzer)
    terms_of_columns, terms = _terms_of_words(counted.columns, counted.names, analyzer)
    word_table: dict[str, list[str]] = {}
    for (_language, word), term_ids in zip(counted.columns, terms_of_columns, strict=True):
        entry = word_table.setdefault(word, [])
        entry += [terms[term] for term in term_ids if terms[term] not in entry]
    for entry in word_table.values():
        entry.sort()  # a word of two languages: its terms in one order, whichever language came first
    pairs = [(column, term) for column, term_ids in enumerate(terms_of_columns) for term in term_ids]
    if not pairs:
        analyzer.forget_word_counts()
        return word_table, _Postings(sparse.csc_matrix((len(documents), len(terms)), dtype=np.int32), terms)
    # Single precision throughout: the counts are whole or half numbers, exact in it, at half the memory.
    lower_to_terms = sparse.csr_matrix((np.ones(len(pairs), dtype=np.float32), ([column for column, _ in pairs],
                                                              [term for _, term in pairs])),
                                       shape=(len(counted.columns), len(terms)))
    live = np.flatnonzero(counted.lower_of >= 0)  # forms no document has stand for nothing
    form_to_lower = sparse.csr_matrix((np.ones(len(live), dtype=np.float32), (live, counted.lower_of[live])),
                                      shape=(counted.others.shape[1], len(counted.columns)))
    form_to_terms = sparse.csr_matrix(form_to_lower @ lower_to_terms)
    lengths = (np.asarray(counted.written.sum(axis=1), dtype=np.float64).ravel()
               + np.asarray(counted.others.sum(axis=1), dtype=np.float64).ravel())
    frequencies = sparse.csr_matrix(counted.written @ form_to_terms[:counted.written.shape[1]])
    counted.written = None
    analyzer.forget_word_counts()
    frequencies = sparse.csr_matrix(frequencies + counted.others @ form_to_terms)
    frequencies.eliminate_zeros()
    frequencies.sort_indices()
    _bm25_in_place(frequencies, lengths)
    weights = frequencies.tocsc()
    del frequencies
    return word_table, _Postings(weights, terms)


BM25_BLOCK = 1 << 20  # postings weighed at once, bounding the temporary arrays


def _bm25_in_place(frequencies: sparse.csr_matrix, lengths: np.ndarray) -> None:
    """Turn a document-by-term matrix of counts into BM25 weights times ten, rounded (at least 1)."""
    documents, term_count = frequencies.shape
    documents_with = np.bincount(frequencies.indices, minlength=term_count)
    idf = np.log(1 + (documents - documents_with + 0.5) / (documents_with + 0.5))
    average = lengths.mean() if len(lengths) else 1.0
    length_part = BM25_K1 * (1 - BM25_B + BM25_B * lengths / (average or 1.0))
    weights = np.empty(frequencies.nnz, dtype=np.int32)
    row_of_entry = np.repeat(np.arange(documents, dtype=np.int32), np.diff(frequencies.indptr))
    for start in range(0, frequencies.nnz, BM25_BLOCK):
        stop = min(frequencies.nnz, start + BM25_BLOCK)
        tf = frequencies.data[start:stop].astype(np.float64)
        score = idf[frequencies.indices[start:stop]] * tf * (BM25_K1 + 1) / (tf + length_part[row_of_entry[start:stop]])
        weights[start:stop] = np.maximum(1, np.rint(score * 10))
    frequencies.data = weights


class _Postings:
    """Each term's [gap, weight, ...] list, documents in order, made from the arrays one term at a time
    when its file is written (as Python lists, the postings of a large archive would take gigabytes)."""

    def __init__(self, weights: sparse.csc_matrix, terms: Sequence[str]):
        weights.sort_indices()
        documents = weights.indices.astype(np.int32, copy=False)
        self.pairs = np.empty(2 * len(documents), dtype=np.int32)
        gaps = self.pairs[0::2]
        gaps[:] = documents
        gaps[1:] -= documents[:-1]
        starts = weights.indptr[:-1]
        filled = starts[np.diff(weights.indptr) > 0]
        gaps[filled] = documents[filled]  # a term's first document is given as it is
        self.pairs[1::2] = weights.data
        pointers = weights.indptr.tolist()
        self.spans = {term: (2 * pointers[number], 2 * pointers[number + 1]) for number, term in enumerate(terms)
                      if pointers[number + 1] > pointers[number]}

    def value(self, term: str) -> list[int]:
        start, end = self.spans[term]
        return self.pairs[start:end].tolist()

    def json_of(self, terms: Sequence[str]) -> bytes:
        """{"term": [gap, weight, ...], ...} for these terms."""
        return _json({term: self.value(term) for term in terms})

    def inputs_of(self, terms: Sequence[str]) -> list[str | bytes]:
        """What json_of writes of these terms, as it is held: to name their file without writing it."""
        return [part for term in terms for part in (term, self.pairs[slice(*self.spans[term])].tobytes())]

    def size(self, term: str) -> int:
        start, end = self.spans[term]
        return len(term.encode()) + 4 + 4 * (end - start)


def _javascript_order(key: str) -> bytes:
    return key.encode("utf-16-be")


def _ranges(keys: Iterable[str], serialise: Callable[[list[str]], bytes], size: Callable[[str], int],
            files: dict[str, IndexFile], prefix: str, digest: Callable[[list[str]], str] | None = None,
            known: Callable[[str], str | None] | None = None) -> list[list[str]]:
    """Split a table into files of consecutive keys, each about FILE_TARGET_BYTES (`size` estimates a key's
    share; `serialise` writes the table of some keys); [first key, file name] of each, in order. With
    `digest`, each file's key is the digest of its keys' values, and a file `known` by it is not made."""
    ranges = []
    part: list[str] = []
    total = 0

    def close() -> None:
        if digest is None:
            ranges.append([part[0], _add(files, prefix, serialise(part))])
        else:
            keys = list(part)
            ranges.append([part[0], _add_keyed(files, prefix, digest(keys), lambda: serialise(keys), known)])

    for key in sorted(keys, key=_javascript_order):
        share = size(key)
        if part and total + share > FILE_TARGET_BYTES:
            close()
            part, total = [], 0
        part.append(key)
        total += share
    if part:
        close()
    return ranges


def _word_size(word: str, terms: list[str]) -> int:
    """About the bytes of `"word":["term",...],` in JSON."""
    return len(word.encode()) + 4 + sum(len(term.encode()) + 3 for term in terms)


def _shown(document: SearchDocument) -> list[str]:
    return [document.path, document.title, document.date, document.region, excerpt(document.summary)]


def excerpt(text: str, limit: int = EXCERPT_CHARACTERS) -> str:
    """The text, or its beginning cut at a word with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:.")
    return f"{cut}…"


def _filters(documents: Sequence[SearchDocument]) -> tuple[dict[str, list[list]], dict[str, dict[str, list[int]]]]:
    """Each filter's values with their number of documents (for meta.json), and their documents as gaps."""
    values: dict[str, list[list]] = {}
    members: dict[str, dict[str, list[int]]] = {}
    for name in FILTERS:
        groups: dict[str, list[int]] = {}
        for number, document in enumerate(documents):
            for value in _values_of(document, name):
                groups.setdefault(value, []).append(number)
        order = sorted(groups, reverse=True) if name == "year" else sorted(groups, key=str.casefold)
        values[name] = [[value, len(groups[value])] for value in order]
        members[name] = {value: _gaps(groups[value]) for value in order}
    return values, members


def _values_of(document: SearchDocument, name: str) -> Iterable[str]:
    if name == "region":
        return (document.region,) if document.region else ()
    if name == "topic":
        return dict.fromkeys(document.topics)
    return (document.year,)


def _gaps(numbers: Sequence[int]) -> list[int]:
    return [numbers[0], *(later - earlier for earlier, later in itertools.pairwise(numbers))]


def _blocks(count: int, size: int) -> list[tuple[int, int]]:
    return [(start, min(start + size, count)) for start in range(0, count, size)]


def _json(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _add(files: dict[str, IndexFile], prefix: str, data: bytes, key: str = "") -> str:
    """A file named by the digest of its bytes; without a key of its inputs, its name is its key."""
    name = f"{prefix}-{hashlib.sha256(data).hexdigest()[:16]}.json"
    files[name] = IndexFile(data, key or name)
    return name


def _add_keyed(files: dict[str, IndexFile], prefix: str, key: str, make: Callable[[], bytes],
               known: Callable[[str], str | None] | None) -> str:
    """A file with a key, the digest of what it is made from: made only when the caller has none of that key."""
    name = known(key) if known is not None else None
    if name is not None and name.startswith(f"{prefix}-"):
        files[name] = IndexFile(None, key)
        return name
    return _add(files, prefix, make(), key)


def _inputs_digest(version: str, *parts: str | bytes) -> str:
    """A digest of a file's inputs, the format and the code that writes them: the same inputs, the same bytes."""
    digest = hashlib.sha256(f"{FORMAT_VERSION}\0{version}\0".encode())
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "little") + data)
    return digest.hexdigest()


def _shown_inputs(document: SearchDocument) -> tuple[str, ...]:
    return document.path, document.title, document.date, document.region, document.summary
