"""Related bulletins for the "Baca juga" list, by meaning, for Indonesian and English text.

A pure module: documents in, ranked lists out. It does no I/O and knows
nothing of files, pages or URLs. The entry points are RelatedIndex (build it
once per build; ask it for lists or explanations) and rank_related().

How a candidate is scored:
- text: cosine similarity of TF-IDF vectors of word stems (Sastrawi for
  Indonesian, Snowball for English), title and summary weighted above the body;
- acronyms: shared topic acronyms (TPPO, KBGO, DBD), weighted by rarity;
- tags: shared tags weighted by rarity (a tag on most bulletins weighs nothing);
- names: shared names of people and places. They follow the region and the
  office more than the topic, so by default they weigh little;
- region and time: small bonuses that only reorder bulletins that are already
  related by the signals above, never make one related on their own.

Candidates come from an inverted index of each document's most distinctive
terms (a champion list per term), never from comparing every pair.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, fields
from datetime import datetime
from functools import cache

import numpy as np
from scipy import sparse


@dataclass(frozen=True)
class Document:
    """What the ranking needs to know of a bulletin."""

    name: str  # unique, e.g. the slug
    date: datetime
    title: str = ""
    summary: str = ""
    body: str = ""
    keywords: tuple[str, ...] = ()  # tags, already normalised
    region: str = ""
    campaign: str = ""  # bulletins of one campaign are somewhat related, never only they
    language: str = "id"
    pinned: tuple[str, ...] = ()  # always listed first, in this order
    excluded: tuple[str, ...] = ()  # never listed
    # The text's words counted in advance (count_words), e.g. in parallel or from a cache;
    # derived from title, summary and body, so not part of the document's identity.
    words: Words | None = field(default=None, repr=False, compare=False)


@dataclass(frozen=True)
class Weights:
    """How the signals combine; the site configuration can set each of them."""

    count: int = 5
    min_score: float = 0.14
    text_weight: float = 1.0
    title_weight: float = 2.0  # a word in the title or summary counts this many times
    acronym_weight: float = 0.1
    tag_weight: float = 0.05
    campaign_weight: float = 0.05
    name_weight: float = 0.0
    region_weight: float = 0.03
    time_weight: float = 0.03
    time_scale_days: float = 180.0
    smoothing: float = 0.5  # weight of neighbours shared with a candidate (second-order similarity)
    stemmer: str = "sastrawi"  # for Indonesian: "sastrawi", "snowball" or "none"


@dataclass(frozen=True)
class Signals:
    """A candidate's score, broken down by signal (each already weighted)."""

    text: float = 0.0
    acronyms: float = 0.0
    tags: float = 0.0
    names: float = 0.0
    campaign: float = 0.0
    neighbours: float = 0.0  # related through bulletins related to both
    region: float = 0.0
    time: float = 0.0

    @property
    def topical(self) -> float:
        """The part that says two bulletins share a topic."""
        return self.text + self.acronyms + self.tags + self.names + self.campaign + self.neighbours

    @property
    def total(self) -> float:
        return self.topical + self.region + self.time


@dataclass(frozen=True)
class Candidate:
    name: str
    signals: Signals
    reason: str  # "pinned", "ranked", "excluded" or "below minimum"

    @property
    def score(self) -> float:
        return self.signals.total


# --- text analysis ---

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9]{1,6}$")

# Words of the newsroom that say nothing about the topic.
_NEWSROOM_WORDS = frozenset("""
senin selasa rabu kamis jumat sabtu minggu januari februari maret april mei juni juli agustus september
oktober november desember ujar tutur imbuh pungkas tandas ucap ungkap jelas kata menurut tambah sebut
tahun persen pukul wib wita wit
""".split())  # noqa: SIM905 (a word list reads best as text)

_ENGLISH_STOPWORDS = frozenset("""
a about above after again against all am an and any are as at be because been before being below between
both but by can could did do does doing down during each few for from further had has have having he her
here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not
now of off on once only or other our ours ourselves out over own same she should so some such than that the
their theirs them themselves then there these they this those through to too under until up very was we were
what when where which while who whom why will with would you your yours yourself yourselves said says also
monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
september october november december percent year years
""".split())  # noqa: SIM905


@cache
def _indonesian_stopwords() -> frozenset[str]:
    from Sastrawi.StopWordRemover.StopWordRemoverFactory import StopWordRemoverFactory
    return frozenset(StopWordRemoverFactory().get_stop_words()) | _NEWSROOM_WORDS


def stemmer_name(language: str, choice: str) -> str:
    """Which stemmer a language gets, with the version of the library: the key of its stems in a memo."""
    if choice == "none":
        return "none"
    if language == "id" and choice == "sastrawi":
        return f"id:sastrawi:{_library_version('PySastrawi')}"
    return f"{language}:snowball:{_library_version('snowballstemmer')}"


@cache
def _library_version(distribution: str) -> str:
    from importlib.metadata import PackageNotFoundError, version
    try:
        return version(distribution)
    except PackageNotFoundError:
        return "?"


def _make_stemmer(language: str, choice: str, stems: dict[str, str]) -> Callable[[str], str]:
    """A function from a lowercase word to its stem, stemming each distinct word once.

    `stems` is the memo, which may come filled from earlier builds; the stemmer
    itself (Sastrawi loads a dictionary) is made only when a word is missing.
    """
    if choice == "none":
        return lambda word: word
    made: list[Callable[[str], str]] = []

    def stem_word(word: str) -> str:
        if not made:
            if language == "id" and choice == "sastrawi":
                from Sastrawi.Stemmer.StemmerFactory import StemmerFactory
                made.append(StemmerFactory().create_stemmer().stem)
            else:
                import snowballstemmer
                algorithm = {"id": "indonesian", "en": "english"}.get(language, "english")
                made.append(snowballstemmer.stemmer(algorithm).stemWord)
        return made[0](word) or word

    def stem(word: str) -> str:
        result = stems.get(word)
        if result is None:
            result = stems[word] = stem_word(word)
        return result
    return stem


@dataclass(frozen=True, slots=True)
class Words:
    """The words of one document's text, counted: all the ranking reads of title, summary and body.

    Compact on purpose (one string and one byte string per document), as it is
    kept for every bulletin in memory and in the build cache.
    """

    text: str  # the distinct words as written, separated by spaces
    counts: bytes  # float32 per word (whole and half numbers are exact in it): times it occurs, title and
    # summary counting title_weight times
    capitalised: str  # words written with a capital inside a sentence (candidate names)
    title_weight: float

    def count_array(self) -> np.ndarray:
        return np.frombuffer(self.counts, dtype=np.float32)


def words_in(text: str) -> list[str]:
    """The words of a text as written, in order: runs of letters, hyphenated words kept whole."""
    return _WORD.findall(text)


# A capitalised word after a word, comma or bracket and one space: inside a sentence. The space is
# matched first (the word is the group), so that the scan jumps from space to space instead of trying
# the look-behind at every character: three times faster, the same words.
_CAPITALISED_INSIDE = re.compile(r" (?<=[\w,)] )([A-Z][^\W\d_]*(?:-[^\W\d_]+)*)")


def count_words(title: str, summary: str, body: str, title_weight: float) -> Words:
    """Count a document's words; the part of the analysis that needs no other document."""
    heading = f"{title}\n{summary}"
    words = Counter(_WORD.findall(body))
    for word, count in Counter(_WORD.findall(heading)).items():
        words[word] += count * title_weight
    capitalised = dict.fromkeys(_CAPITALISED_INSIDE.findall(f"{heading}\n{body}"))
    return Words(" ".join(words), np.fromiter(words.values(), dtype=np.float32, count=len(words)).tobytes(),
                 " ".join(capitalised), title_weight)


@dataclass(frozen=True)
class WordCounts:
    """A corpus's words as written: a document-by-column matrix of counts, a column per (language, word)."""

    columns: list[tuple[str, str]]
    counts: sparse.csr_matrix
    capitalised: frozenset[str]  # words written with a capital inside a sentence, in any document


@dataclass
class Terms:
    """The corpus as three matrices of raw counts, one row per document: stems, acronyms, names."""

    stems: sparse.csr_matrix
    acronyms: sparse.csr_matrix
    names: sparse.csr_matrix
    vocabularies: tuple[list[str], list[str], list[str]]  # the term of each column, per matrix

    def counts(self, row: int, kind: str) -> Counter:
        """One document's terms of one kind with their counts (for tests and explanations)."""
        matrix = getattr(self, kind)
        vocabulary = self.vocabularies[("stems", "acronyms", "names").index(kind)]
        begin, end = matrix.indptr[row], matrix.indptr[row + 1]
        return Counter({vocabulary[column]: float(value)
                        for column, value in zip(matrix.indices[begin:end].tolist(),
                                                 matrix.data[begin:end].tolist(), strict=True)})


class Analyzer:
    """Splits text into stems, acronyms and names, for one set of weights.

    Names are recognised from the whole corpus: a word written with a capital
    inside a sentence and never in lowercase (Hendro, Kalijodo, Jakarta) is a
    name; a capitalised word also seen in lowercase somewhere (Perdagangan,
    Orang), or only seen opening sentences, is an ordinary word. Each distinct
    word is classified and stemmed once; documents become rows of a word-count
    matrix, which one sparse product per kind turns into term counts.
    """

    def __init__(self, weights: Weights, known_stems: dict[str, dict[str, str]] | None = None):
        """`known_stems`: stems by stemmer_name and word, a memo a caller may keep between builds
        (stemming is the slow part of analysing a large vocabulary); new stems are added to it."""
        self.weights = weights
        self.known_stems = known_stems if known_stems is not None else {}
        self._stemmers: dict[str, Callable[[str], str]] = {}
        self._last_counted: tuple[tuple, Sequence[Words], WordCounts] | None = None

    def stemmer(self, language: str) -> Callable[[str], str]:
        language = "en" if language.startswith("en") else "id"
        if language not in self._stemmers:
            memo = self.known_stems.setdefault(stemmer_name(language, self.weights.stemmer), {})
            self._stemmers[language] = _make_stemmer(language, self.weights.stemmer, memo)
        return self._stemmers[language]

    @staticmethod
    def stopwords(language: str) -> frozenset[str]:
        return _ENGLISH_STOPWORDS if language.startswith("en") else _indonesian_stopwords()

    def words_of(self, document: Document) -> Words:
        words = document.words
        if words is None:
            return count_words(document.title, document.summary, document.body, self.weights.title_weight)
        if words.title_weight != self.weights.title_weight:
            # A document counted in advance may leave its body out, so it cannot be counted again here.
            raise ValueError(f"{document.name}: words counted with title weight {words.title_weight}, "
                             f"ranked with {self.weights.title_weight}; count them with the ranking's weights")
        return words

    def word_counts(self, counted: Sequence[Words], languages: Sequence[str]) -> WordCounts:
        """The documents' words as a matrix of counts, a column per word and language.

        The last result is kept: the related lists and the search index of a
        build count the same words (the same Words objects, in the same order),
        and numbering the words of a large archive is a good part of the work.
        """
        key = (tuple(map(id, counted)), tuple(languages))
        if self._last_counted is not None and self._last_counted[0] == key:
            return self._last_counted[2]
        # A column per word and language (a word is stemmed by its document's language), numbered one
        # document at a time: the words of a whole archive as Python strings at once would take more
        # memory than everything else here.
        vocabularies: dict[str, dict[str, int]] = defaultdict(dict)
        columns: list[tuple[str, str]] = []  # (language, word) of each column
        id_arrays = []
        for language, words in zip(languages, counted, strict=True):
            vocabulary = vocabularies[language]
            split = words.text.split(" ") if words.text else []
            unseen = [word for word in split if word not in vocabulary]  # a document's words are distinct
            vocabulary.update(zip(unseen, range(len(columns), len(columns) + len(unseen)), strict=True))
            columns += [(language, word) for word in unseen]
            id_arrays.append(np.fromiter(map(vocabulary.__getitem__, split), dtype=np.int32, count=len(split)))
        word_ids = np.concatenate(id_arrays) if id_arrays else np.zeros(0, dtype=np.int32)
        pointers = np.concatenate(([0], np.cumsum([len(ids) for ids in id_arrays]))).astype(np.int64)
        del id_arrays
        # Single precision: the matrix is kept for the search index while the ranking runs (300 MB at
        # 100,000 bulletins in double), and counts times a title weight such as 2 or 1.5 stay exact.
        values = (np.concatenate([words.count_array() for words in counted]) if counted
                  else np.zeros(0, dtype=np.float32))
        matrix = sparse.csr_matrix((values, word_ids, pointers), shape=(len(counted), max(1, len(columns))))
        del word_ids, values
        capitalised = frozenset(itertools.chain.from_iterable(words.capitalised.split(" ")
                                                              for words in counted if words.capitalised))
        result = WordCounts(columns, matrix, capitalised)
        self._last_counted = (key, counted, result)  # the Words kept alive, so that their ids stay theirs
        return result

    def forget_word_counts(self) -> None:
        """Let the last counted words go (a large matrix), once no one will ask for them again."""
        self._last_counted = None

    def analyse(self, documents: Sequence[Document]) -> Terms:
        counted = [self.words_of(document) for document in documents]
        words = self.word_counts(counted, [document.language for document in documents])
        columns, word_counts = words.columns, words.counts
        name_words = ({word.lower() for word in words.capitalised}
                      - {word for _language, word in columns if word.islower()})
        term_ids: tuple[dict[str, int], ...] = ({}, {}, {})
        entries: tuple[list, list, list] = ([], [], [])  # per kind: (column, term id) pairs
        for column, (language, word) in enumerate(columns):
            kind, terms = self._classify(word, language, name_words)
            for term in terms:
                entries[kind].append((column, term_ids[kind].setdefault(term, len(term_ids[kind]))))
        matrices = []
        for kind in range(3):
            mapping = sparse.csr_matrix(
                (np.ones(len(entries[kind])), ([c for c, _t in entries[kind]], [t for _c, t in entries[kind]])),
                shape=(word_counts.shape[1], max(1, len(term_ids[kind]))))
            matrix = sparse.csr_matrix(word_counts @ mapping)
            matrix.sort_indices()
            matrix.eliminate_zeros()
            matrices.append(matrix)
        return Terms(*matrices, vocabularies=tuple(list(ids) for ids in term_ids))

    def _classify(self, word: str, language: str, name_words: set[str]) -> tuple[int, tuple[str, ...]]:
        """(0 stem / 1 acronym / 2 name, the terms the word stands for)."""
        if _ACRONYM.match(word):
            return 1, (word,)
        lower = word.lower()
        if lower in name_words and lower not in self.stopwords(language) and len(lower) >= 3:
            return 2, (lower,)
        return 0, self.stems_of(lower, language)

    def stems_of(self, lower: str, language: str, stopwords: frozenset[str] | None = None) -> tuple[str, ...]:
        """The stems a lowercase word stands for: none for stopwords (the ranking's, unless given) and words
        under three letters, one per piece of a hyphenated word ("pra-sejahtera"), one for a reduplication
        ("anak-anak")."""
        stopwords = self.stopwords(language) if stopwords is None else stopwords
        if lower in stopwords or len(lower) < 3:
            return ()
        stem = self.stemmer(language)
        return tuple(stem(piece) for piece in _split_reduplication(lower) if piece not in stopwords)


def _split_reduplication(word: str) -> list[str]:
    """ "anak-anak" -> ["anak"]; "pra-sejahtera" -> ["pra", "sejahtera"]."""
    if "-" not in word:
        return [word]
    pieces = [piece for piece in word.split("-") if piece]
    return pieces[:1] if len(set(pieces)) == 1 else pieces


# --- the index ---

def _count_matrix(counters: Sequence[Counter]) -> sparse.csr_matrix:
    """Rows of raw counts from one Counter per document (for the short lists: tags, campaigns)."""
    vocabulary: dict[str, int] = {}
    rows, columns, values = [], [], []
    for row, counter in enumerate(counters):
        for term, count in counter.items():
            rows.append(row)
            columns.append(vocabulary.setdefault(term, len(vocabulary)))
            values.append(count)
    shape = (len(counters), max(1, len(vocabulary)))
    matrix = sparse.csr_matrix((np.asarray(values, dtype=np.float64), (rows, columns)), shape=shape)
    matrix.sum_duplicates()
    return matrix


def _tfidf_matrix(counts: sparse.csr_matrix, keep: int | None = None) -> sparse.csr_matrix:
    """Rows of L2-normalised TF-IDF weights, (1 + log tf) * log(N / df), from rows of raw counts.

    With `keep`, each row keeps only its `keep` heaviest terms (the norm stays
    that of the whole row): the distinctive terms that find and score candidates.
    """
    matrix = sparse.csr_matrix(counts, dtype=np.float64, copy=True)
    matrix.eliminate_zeros()
    shape = matrix.shape
    frequency = np.bincount(matrix.indices, minlength=shape[1])
    # log(N/df): a term on every document weighs nothing.
    idf = np.log(shape[0] / np.maximum(frequency, 1))
    matrix.data = (1.0 + np.log(matrix.data)) * idf[matrix.indices]
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    matrix = sparse.csr_matrix(sparse.diags(1.0 / np.where(norms > 0, norms, 1.0)) @ matrix)
    if keep is not None:
        matrix = _keep_largest(matrix, keep)
    matrix.eliminate_zeros()
    return matrix


# Entries sorted at once by _keep_largest: rows are independent, and blocks of rows bound the
# memory the sorting takes (about 40 bytes an entry) on a large archive.
KEEP_LARGEST_BLOCK = 1_000_000


def _keep_largest(matrix: sparse.csr_matrix, keep: int, first_row: int | None = None) -> sparse.csr_matrix:
    """Each row's `keep` largest values (ties to the lower column, for determinism).

    With first_row, row r of the matrix is document first_row + r, and its own
    column is dropped (a document is not its own candidate).
    """
    matrix = sparse.csr_matrix(matrix)
    if matrix.nnz <= KEEP_LARGEST_BLOCK:
        return _keep_largest_of_rows(matrix, keep, first_row)
    # Row boundaries about KEEP_LARGEST_BLOCK entries apart (a longer row is a block of its own).
    ends = np.unique(np.searchsorted(matrix.indptr, np.arange(1, matrix.nnz // KEEP_LARGEST_BLOCK + 1)
                                     * KEEP_LARGEST_BLOCK, side="right") - 1)
    bounds = [0, *(int(end) for end in ends if 0 < end < matrix.shape[0]), matrix.shape[0]]
    return sparse.csr_matrix(sparse.vstack(
        [_keep_largest_of_rows(matrix[start:end], keep, None if first_row is None else first_row + start)
         for start, end in itertools.pairwise(bounds)], format="csr"))


def _keep_largest_of_rows(matrix: sparse.csr_matrix, keep: int, first_row: int | None) -> sparse.csr_matrix:
    if not matrix.has_sorted_indices:
        matrix = matrix.sorted_indices()
    data, indices, pointers = matrix.data, matrix.indices, matrix.indptr
    rows = np.repeat(np.arange(matrix.shape[0], dtype=np.int64), np.diff(pointers))
    usable = data > 0
    if first_row is not None:
        usable &= indices != rows + first_row
    # One sort for all rows: by row, then largest value, then lowest column. Entries of
    # a CSR matrix with sorted indices already run by row and column, so two stable sorts do it.
    candidates = _likely_largest(np.flatnonzero(usable), rows, data, keep)
    by_value = candidates[np.argsort(-data[candidates], kind="stable")]
    row_keys = rows[by_value]
    if matrix.shape[0] <= np.iinfo(np.uint16).max:
        row_keys = row_keys.astype(np.uint16)  # numpy sorts 16-bit keys by radix, in linear time
    order = by_value[np.argsort(row_keys, kind="stable")]
    sorted_rows = rows[order]
    row_starts = np.searchsorted(sorted_rows, np.arange(matrix.shape[0]), side="left")
    rank = np.arange(len(order)) - row_starts[sorted_rows]
    # Back into entry order, which is by row and then column (the indices are sorted): a mask, not a sort.
    chosen = np.zeros(len(data), dtype=bool)
    chosen[order[rank < keep]] = True
    chosen = np.flatnonzero(chosen)
    counts = np.bincount(rows[chosen], minlength=matrix.shape[0])
    new_pointers = np.concatenate(([0], np.cumsum(counts))).astype(np.int64)
    return sparse.csr_matrix((data[chosen], indices[chosen], new_pointers), shape=matrix.shape)


def _likely_largest(candidates: np.ndarray, rows: np.ndarray, data: np.ndarray, keep: int) -> np.ndarray:
    """The candidates (ascending entry numbers, so grouped by row) that can be among their row's `keep` largest.

    Sorting dominates, so first drop what cannot win. Each row's threshold is
    narrowed by bisection between 0 and its largest value: a threshold that at
    least `keep` of the row's entries reach lets go of the entries below it, as
    its `keep` largest (and every entry tied with the last of them) reach it too.
    Rows with fewer than `keep` entries keep everything.
    """
    row_count = int(rows.max(initial=0)) + 1
    if len(candidates) <= 4 * keep * row_count:
        return candidates  # too few per row to be worth it
    candidate_rows, values = rows[candidates], data[candidates]
    starts = np.flatnonzero(np.concatenate(([True], candidate_rows[1:] != candidate_rows[:-1])))
    lower, upper = np.zeros(row_count), np.zeros(row_count)
    upper[candidate_rows[starts]] = np.maximum.reduceat(values, starts)
    for _ in range(LARGEST_ROUNDS):
        middle = (lower + upper) / 2
        passing = values >= middle[candidate_rows]
        enough = np.bincount(candidate_rows[passing], minlength=row_count) >= keep
        lower, upper = np.where(enough, middle, lower), np.where(enough, upper, middle)
        kept = passing | ~enough[candidate_rows]
        candidates, candidate_rows, values = candidates[kept], candidate_rows[kept], values[kept]
    return candidates


# Bisection rounds of _likely_largest: each halves the range of values a row's threshold lies in.
LARGEST_ROUNDS = 8


def _rare_terms(matrix: sparse.csr_matrix, max_frequency: int, keep: int) -> sparse.csr_matrix:
    """The matrix with only terms on at most max_frequency documents, `keep` per row."""
    frequency = np.bincount(matrix.indices, minlength=matrix.shape[1])
    matrix = sparse.csr_matrix(matrix, copy=True)  # eliminate_zeros works in place
    matrix.data = np.where(frequency[matrix.indices] <= max_frequency, matrix.data, 0.0)
    matrix.eliminate_zeros()
    return _keep_largest(matrix, keep)


def _pair_dots(matrix: sparse.csr_matrix, rows: np.ndarray, columns: np.ndarray) -> np.ndarray:
    """The dot products of matrix rows rows[k] and columns[k], for every k."""
    if len(rows) == 0 or matrix.nnz == 0:
        return np.zeros(len(rows))
    return np.asarray(matrix[rows].multiply(matrix[columns]).sum(axis=1)).ravel()


@dataclass
class RelatedIndex:
    """Built once per build over every published bulletin; answers lists and explanations.

    Candidates are found through an inverted index of each bulletin's rarest
    distinctive terms, acronyms and tags (a sparse matrix product touches only
    pairs that share one), never by comparing every pair; then the best
    candidates are scored exactly, signal by signal.
    """

    documents: Sequence[Document]
    weights: Weights = field(default_factory=Weights)
    terms_per_document: int = 60  # a document's most distinctive stems, used for scoring
    finder_terms: int = 25  # of those, the ones that find candidates
    rare_share: float = 0.05  # a term on more than this share of documents finds no candidates
    champions_per_term: int = 100  # postings kept per term: the documents it weighs most in
    candidates_per_document: int = 30  # scored exactly
    chunk_rows: int = 500  # rows handled at once, bounding memory
    threads: int = 1  # chunks handled at once; numpy and scipy leave the interpreter lock while they work
    known_stems: dict[str, dict[str, str]] | None = field(default=None, repr=False)  # see Analyzer
    analyzer: Analyzer | None = field(default=None, repr=False)  # one the caller shares; else one of its own

    def _map_chunks(self, work: Callable[[int], object], starts: range) -> list:
        """work(start) for every chunk, in order; in threads when asked and there is more than one chunk."""
        if self.threads <= 1 or len(starts) <= 1:
            return [work(start) for start in starts]
        from concurrent.futures import ThreadPoolExecutor
        with ThreadPoolExecutor(max_workers=self.threads) as pool:
            return list(pool.map(work, starts))

    def __post_init__(self) -> None:
        self.names = [document.name for document in self.documents]
        self.position = {name: row for row, name in enumerate(self.names)}
        analyzer = self.analyzer or Analyzer(self.weights, self.known_stems)
        if analyzer.weights != self.weights:
            raise ValueError("the shared analyzer has other weights than the ranking")
        terms = analyzer.analyse(self.documents)
        self.matrices = {
            "text": _tfidf_matrix(terms.stems, keep=self.terms_per_document),
            "acronyms": _tfidf_matrix(terms.acronyms),
            "tags": _tfidf_matrix(_count_matrix([Counter(d.keywords) for d in self.documents])),
            "names": _tfidf_matrix(terms.names),
            "campaign": _tfidf_matrix(_count_matrix([Counter([d.campaign] if d.campaign else [])
                                                     for d in self.documents])),
        }
        self.signal_weights = {"text": self.weights.text_weight, "acronyms": self.weights.acronym_weight,
                               "tags": self.weights.tag_weight, "names": self.weights.name_weight,
                               "campaign": self.weights.campaign_weight}
        max_frequency = max(20, int(self.rare_share * len(self.names)))
        finders = [_rare_terms(self.matrices[signal], max_frequency, self.finder_terms) * math.sqrt(abs(weight))
                   for signal, weight in self.signal_weights.items() if weight and signal != "names"]
        finder = (sparse.csr_matrix(sparse.hstack(finders)) if finders
                  else sparse.csr_matrix((len(self.names), 1)))
        # The inverted index: for each term, the documents it weighs most in (its champion list).
        self.finder = finder
        self.champions = _keep_largest(sparse.csr_matrix(finder.T), self.champions_per_term)
        self.direct = self._direct_candidates()
        self._lists: dict[str, tuple[str, ...]] | None = None
        regions: dict[str, int] = {}
        self._region_ids = np.asarray([regions.setdefault(d.region, len(regions)) if d.region else -1 - row
                                       for row, d in enumerate(self.documents)], dtype=np.int64)
        self._timestamps = np.asarray([d.date.timestamp() for d in self.documents], dtype=np.float64)
        rank_of = {name: rank for rank, name in enumerate(sorted(self.names))}
        self._name_ranks = np.asarray([rank_of[name] for name in self.names], dtype=np.int64)

    # --- scoring ---

    def _direct_signals(self, rows: np.ndarray, columns: np.ndarray) -> dict[str, np.ndarray]:
        """Each weighted direct signal for the pairs (rows[k], columns[k])."""
        return {signal: _pair_dots(matrix, rows, columns) * self.signal_weights[signal]
                for signal, matrix in self.matrices.items() if self.signal_weights[signal]}

    def _direct_candidates(self) -> sparse.csr_matrix:
        """Each document's best candidates with their exact direct (topical) score."""
        count = len(self.names)

        def chunk(start: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
            rows = slice(start, min(count, start + self.chunk_rows))
            rough = _keep_largest(self.finder[rows] @ self.champions, self.candidates_per_document, first_row=start)
            rough = rough.tocoo()
            pair_rows, pair_columns = rough.row.astype(np.int64) + start, rough.col.astype(np.int64)
            values = sum(self._direct_signals(pair_rows, pair_columns).values(), np.zeros(len(pair_rows)))
            return pair_rows, pair_columns, values

        chunks = self._map_chunks(chunk, range(0, count, self.chunk_rows))
        all_rows, all_columns, all_values = (list(part) for part in zip(*chunks, strict=True)) if chunks \
            else ([], [], [])
        if not all_rows:
            return sparse.csr_matrix((count, count))
        pairs = (np.concatenate(all_rows), np.concatenate(all_columns))
        direct = sparse.csr_matrix((np.concatenate(all_values), pairs),
                                   shape=(count, count))
        direct.data = np.maximum(direct.data, 0.0)
        direct.eliminate_zeros()
        return direct

    def _topical_rows(self, rows: slice) -> tuple[sparse.csr_matrix, sparse.csr_matrix]:
        """Direct scores and neighbourhood scores (second order) of `rows`."""
        direct = self.direct[rows]
        strength = self.weights.smoothing
        if strength <= 0 or self.direct.nnz == 0:
            return direct, sparse.csr_matrix(direct.shape)
        neighbours = sparse.csr_matrix((direct @ self.direct) * strength)
        own = np.repeat(np.arange(neighbours.shape[0]), np.diff(neighbours.indptr)) + rows.start
        neighbours.data[neighbours.indices == own] = 0.0
        neighbours.eliminate_zeros()
        return direct, neighbours

    def _bonuses(self, row: int, columns: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Region and time bonuses of the candidates `columns` of document `row`."""
        weights = self.weights
        region = np.where(self._region_ids[columns] == self._region_ids[row], weights.region_weight, 0.0)
        if weights.time_scale_days <= 0:
            return region, np.zeros(len(columns))
        days = np.abs(self._timestamps[columns] - self._timestamps[row]) / 86400
        return region, weights.time_weight * np.exp(-days / weights.time_scale_days)

    def _choose(self, row: int, columns: np.ndarray, topical: np.ndarray) -> tuple[str, ...]:
        """Pinned first, then the best candidates above the minimum, at most `count`.

        Vectorised: the region and time bonuses of every candidate at once,
        then one sort by (score, newer date, name).
        """
        document = self.documents[row]
        pinned = [name for name in dict.fromkeys(document.pinned) if name in self.position and name != document.name]
        room = self.weights.count - len(pinned)
        if room <= 0 or len(columns) == 0:
            return tuple(pinned)
        keep = topical >= self.weights.min_score
        for name in (*pinned, *document.excluded):
            if name in self.position:
                keep &= columns != self.position[name]
        columns, topical = columns[keep], topical[keep]
        region, time = self._bonuses(row, columns)
        score = topical + region + time
        order = np.lexsort((self._name_ranks[columns], -self._timestamps[columns], -score))[:room]
        return (*pinned, *(self.names[column] for column in columns[order].tolist()))

    def all_related(self) -> dict[str, tuple[str, ...]]:
        """Every document's Baca juga list, computed in chunks."""
        if self._lists is None:
            def chunk_lists(start: int) -> list[tuple[str, ...]]:
                rows = slice(start, min(len(self.names), start + self.chunk_rows))
                direct, neighbours = self._topical_rows(rows)
                return self._choose_rows(rows, sparse.csr_matrix(direct + neighbours))

            starts = range(0, len(self.names), self.chunk_rows)
            chosen = itertools.chain.from_iterable(self._map_chunks(chunk_lists, starts))
            self._lists = dict(zip(self.names, chosen, strict=True))
        return self._lists

    def _choose_rows(self, rows: slice, combined: sparse.csr_matrix) -> list[tuple[str, ...]]:
        """_choose for each of `rows`, given their topical scores: for all of them at once, with the same
        arithmetic and order, except documents that pin or exclude others, which go through _choose."""
        weights = self.weights
        own = np.repeat(np.arange(rows.start, rows.stop, dtype=np.int64), np.diff(combined.indptr))
        columns, topical = combined.indices.astype(np.int64), combined.data
        special = np.asarray([bool(self.documents[row].pinned or self.documents[row].excluded)
                              for row in range(rows.start, rows.stop)], dtype=bool)
        keep = (topical >= weights.min_score) & ~special[own - rows.start]
        own, columns, topical = own[keep], columns[keep], topical[keep]
        region = np.where(self._region_ids[columns] == self._region_ids[own], weights.region_weight, 0.0)
        if weights.time_scale_days <= 0:
            time = np.zeros(len(columns))
        else:
            days = np.abs(self._timestamps[columns] - self._timestamps[own]) / 86400
            time = weights.time_weight * np.exp(-days / weights.time_scale_days)
        score = topical + region + time
        order = np.lexsort((self._name_ranks[columns], -self._timestamps[columns], -score, own))
        rank = np.arange(len(order)) - np.searchsorted(own[order], own[order], side="left")
        best = order[rank < weights.count]  # still by row, then best first
        ends = np.searchsorted(own[best], np.arange(rows.start, rows.stop), side="right")
        names = [self.names[column] for column in columns[best].tolist()]
        lists = []
        for offset, row in enumerate(range(rows.start, rows.stop)):
            if special[offset]:
                begin, end = combined.indptr[offset], combined.indptr[offset + 1]
                lists.append(self._choose(row, combined.indices[begin:end], combined.data[begin:end]))
            else:
                lists.append(tuple(names[ends[offset - 1] if offset else 0:ends[offset]]))
        return lists

    def related(self, name: str) -> tuple[str, ...]:
        """The Baca juga list: pinned first, then the best ranked, at most `count` unless more are pinned."""
        return self.all_related()[name]

    def explain(self, name: str, limit: int | None = None) -> list[Candidate]:
        """Pinned bulletins, then every candidate by score, each with its signals and why it is (not) listed."""
        row = self.position[name]
        document = self.documents[row]
        direct, neighbours = self._topical_rows(slice(row, row + 1))
        direct_columns = set(direct.indices.tolist())
        neighbour_values = dict(zip(neighbours.indices.tolist(), neighbours.data.tolist(), strict=True))
        pinned = [p for p in dict.fromkeys(document.pinned) if p in self.position and p != name]
        candidates = [self.position[p] for p in pinned]
        candidates += sorted((direct_columns | set(neighbour_values)) - set(candidates))
        columns = np.asarray([c for c in candidates if c in direct_columns], dtype=np.int64)
        dots = self._direct_signals(np.full(len(columns), row, dtype=np.int64), columns)
        breakdown = {column: {signal: float(values[k]) for signal, values in dots.items()}
                     for k, column in enumerate(columns.tolist())}
        result, scored = [], []
        for column in candidates:
            other = self.documents[column]
            direct_part = breakdown.get(column, {})
            topical = sum(direct_part.values()) + neighbour_values.get(column, 0.0)
            region, time = (float(b[0]) for b in self._bonuses(row, np.asarray([column]))) if topical > 0 else (0, 0)
            signals = Signals(neighbours=neighbour_values.get(column, 0.0), region=region, time=time, **direct_part)
            if other.name in pinned:
                result.append(Candidate(other.name, signals, "pinned"))
                continue
            if other.name in document.excluded:
                reason = "excluded"
            elif signals.topical < self.weights.min_score:
                reason = "below minimum"
            else:
                reason = "ranked"
            scored.append(Candidate(other.name, signals, reason))
        scored.sort(key=lambda c: (-c.score, -self.documents[self.position[c.name]].date.timestamp(), c.name))
        result += scored
        return result[:limit] if limit is not None else result

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


def weights_from(settings: object) -> Weights:
    """Weights from any object with attributes of the same names (the site configuration)."""
    return Weights(**{f.name: getattr(settings, f.name) for f in fields(Weights) if hasattr(settings, f.name)})
