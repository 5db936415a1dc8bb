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

Every stage works row by row (sparse_rows), and terms are numbered in the
order of their spelling, so a row worked out alone equals the same row of the
whole archive. A RankingState keeps each stage's rows; the next build, given
it, works out again only the rows an edit reaches and gives the lists a clean
ranking would.
"""

from __future__ import annotations

import hashlib
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

from . import sparse_rows


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
    # What the document was made from, when the caller knows it cheaply (a digest of its file): an update of
    # the lists takes a document with the same key as unchanged. Empty: its fields and words are compared.
    key: str = field(default="", repr=False, compare=False)


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

    def __reduce__(self) -> tuple:
        # The constructor's arguments: faster to read back than a slotted dataclass's generated state.
        return Words, (self.text, self.counts, self.capitalised, self.title_weight)


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


@dataclass
class WordMatrix:
    """Documents' words as written, counted: a row per document, a column per form (language, word).

    Kept from build to build: the rows of changed documents are replaced and
    their new forms become new columns. So the columns follow no order, and some
    are forms no document has any more (`live` tells); nothing depends on either,
    as every result sums counts over forms, which is exact.
    """

    forms: list[tuple[str, str]]
    counts: sparse.csr_matrix  # float32: whole and half numbers, exact in it
    _numbers: dict[str, dict[str, int]] | None = field(default=None, repr=False, compare=False)

    def __getstate__(self) -> dict:
        return {"forms": self.forms, "counts": self.counts}  # the numbers are made again when needed

    def __setstate__(self, state: dict) -> None:
        self.forms, self.counts, self._numbers = state["forms"], state["counts"], None

    @classmethod
    def of(cls, counted: Sequence[Words], languages: Sequence[str]) -> WordMatrix:
        return cls([], sparse.csr_matrix((0, 1), dtype=np.float32)).with_rows(None, counted, languages)

    def numbers(self) -> dict[str, dict[str, int]]:
        """The column of each form, by language and word."""
        if self._numbers is None:
            self._numbers = defaultdict(dict)
            for number, (language, word) in enumerate(self.forms):
                self._numbers[language][word] = number
        return self._numbers

    def live(self) -> np.ndarray:
        """Whether each form is in some document."""
        return np.bincount(self.counts.indices, minlength=len(self.forms)) > 0

    def with_rows(self, rows: np.ndarray | None, counted: Sequence[Words], languages: Sequence[str]) -> WordMatrix:
        """A matrix with these rows counted anew (rows=None: a matrix of these documents alone)."""
        forms = list(self.forms)
        numbers: dict[str, dict[str, int]] = defaultdict(dict, {language: dict(words)
                                                               for language, words in self.numbers().items()})
        # Numbered one document at a time: the words of a whole archive as Python strings at once would
        # take more memory than everything else here.
        id_arrays = []
        for language, words in zip(languages, counted, strict=True):
            vocabulary = numbers[language]
            split = words.text.split(" ") if words.text else []
            unseen = [word for word in split if word not in vocabulary]  # a document's words are distinct
            vocabulary.update(zip(unseen, range(len(forms), len(forms) + len(unseen)), strict=True))
            forms += [(language, word) for word in unseen]
            id_arrays.append(np.fromiter(map(vocabulary.__getitem__, split), dtype=np.int32, count=len(split)))
        word_ids = np.concatenate(id_arrays) if id_arrays else np.zeros(0, dtype=np.int32)
        pointers = np.concatenate(([0], np.cumsum([len(ids) for ids in id_arrays]))).astype(np.int64)
        del id_arrays
        values = (np.concatenate([words.count_array() for words in counted]) if counted
                  else np.zeros(0, dtype=np.float32))
        width = max(1, len(forms))
        new_rows = sparse.csr_matrix((values, word_ids, pointers), shape=(len(counted), width))
        if rows is None:
            counts = new_rows
        else:
            old = sparse.csr_matrix((self.counts.data, self.counts.indices, self.counts.indptr),
                                    shape=(self.counts.shape[0], width))
            counts = sparse_rows.replace_rows(old, rows, new_rows)
        return WordMatrix(forms, counts, numbers)


@dataclass
class Terms:
    """The corpus as three matrices of raw counts, one row per document: stems, acronyms, names."""

    stems: sparse.csr_matrix
    acronyms: sparse.csr_matrix
    names: sparse.csr_matrix
    vocabularies: tuple[list[str], list[str], list[str]]  # the term of each column, per matrix (sorted)

    def counts(self, row: int, kind: str) -> Counter:
        """One document's terms of one kind with their counts (for tests and explanations)."""
        matrix = getattr(self, kind)
        vocabulary = self.vocabularies[WORD_KINDS.index(kind)]
        begin, end = matrix.indptr[row], matrix.indptr[row + 1]
        return Counter({vocabulary[column]: float(value)
                        for column, value in zip(matrix.indices[begin:end].tolist(),
                                                 matrix.data[begin:end].tolist(), strict=True)})


WORD_KINDS = ("stems", "acronyms", "names")  # what a word can stand for
LIST_KINDS = ("tags", "campaign")  # terms a document lists itself
SIGNALS = ("text", "acronyms", "tags", "names", "campaign")
SIGNAL_KIND = {"text": "stems", "acronyms": "acronyms", "tags": "tags", "names": "names", "campaign": "campaign"}


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
        self._last_counted: tuple[tuple, Sequence[Words], WordMatrix] | None = None

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

    def word_counts(self, counted: Sequence[Words], languages: Sequence[str]) -> WordMatrix:
        """The documents' words as a matrix of counts, a column per word and language.

        The last result is kept: the related lists and the search index of a
        build count the same words (the same Words objects, in the same order),
        and numbering the words of a large archive is a good part of the work.
        """
        key = (tuple(map(id, counted)), tuple(languages))
        if self._last_counted is not None and self._last_counted[0] == key:
            return self._last_counted[2]
        matrix = WordMatrix.of(counted, languages)
        self.remember_word_counts(counted, languages, matrix)
        return matrix

    def remember_word_counts(self, counted: Sequence[Words], languages: Sequence[str], matrix: WordMatrix) -> None:
        """Give word_counts of these words this matrix (one a ranking updated from an earlier build's)."""
        # The Words are kept alive, so that their ids stay theirs.
        self._last_counted = ((tuple(map(id, counted)), tuple(languages)), counted, matrix)

    def forget_word_counts(self) -> None:
        """Let the last counted words go (a large matrix), once no one will ask for them again."""
        self._last_counted = None

    def name_words(self, counted: Sequence[Words], matrix: WordMatrix) -> frozenset[str]:
        """Lowercase words written with a capital inside a sentence somewhere and in lowercase nowhere."""
        capitalised: set[str] = set()
        for words in counted:
            if words.capitalised:
                capitalised.update(words.capitalised.lower().split(" "))
        numbers, live = matrix.numbers(), matrix.live()

        def in_lowercase(word: str) -> bool:
            return any(live[words[word]] for words in numbers.values() if word in words)
        return frozenset(word for word in capitalised if not in_lowercase(word))

    def form_terms(self, forms: Sequence[tuple[str, str]], name_words: frozenset[str]) -> list[tuple[int, tuple]]:
        """What each form (language, word as written) stands for: (kind number in WORD_KINDS, its terms)."""
        return [self._classify(word, language, name_words) for language, word in forms]

    def analyse(self, documents: Sequence[Document]) -> Terms:
        counted = [self.words_of(document) for document in documents]
        words = self.word_counts(counted, [document.language for document in documents])
        name_words = self.name_words(counted, words)
        kinds = _word_kinds(words, range(len(words.forms)), self.form_terms(words.forms, name_words))
        matrices = [_rows_of_kind(words.counts, kinds[kind].mapping) for kind in WORD_KINDS]
        return Terms(*matrices, vocabularies=tuple(kinds[kind].vocabulary for kind in WORD_KINDS))

    def _classify(self, word: str, language: str, name_words: frozenset[str]) -> tuple[int, tuple[str, ...]]:
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


# --- terms ---

@dataclass
class KindState:
    """The terms of one kind: their spellings in order, and on how many documents each is."""

    vocabulary: list[str]  # sorted: a term's column is its place in this list
    frequency: np.ndarray  # documents with each term
    mapping: sparse.csr_matrix | None = None  # word kinds: how often each form stands for each term
    counts: sparse.csr_matrix | None = None  # tags and campaign: each document's terms


def _word_kinds(words: WordMatrix, forms: Sequence[int], classified: Sequence[tuple[int, tuple]],
                previous: dict[str, KindState] | None = None) -> dict[str, KindState]:
    """The mapping of forms to terms, per word kind: the previous one with these forms classified anew, or
    (without previous) one of just these forms. Frequencies are left for the caller."""
    entries: list[list[tuple[int, str]]] = [[], [], []]
    for form, (kind, terms) in zip(forms, classified, strict=True):
        entries[kind] += [(form, term) for term in terms]
    result = {}
    for number, kind in enumerate(WORD_KINDS):
        old = previous[kind] if previous is not None else None
        new_terms = {term for _form, term in entries[number]}
        vocabulary = sorted(new_terms.union(old.vocabulary)) if old is not None else sorted(new_terms)
        column = {term: place for place, term in enumerate(vocabulary)}
        pairs = entries[number]
        new_rows = np.asarray([form for form, _term in pairs], dtype=np.int64)
        mapping = sparse.csr_matrix(
            (np.ones(len(pairs)), (new_rows, np.asarray([column[term] for _form, term in pairs], dtype=np.int64))),
            shape=(len(words.forms), max(1, len(vocabulary))))
        mapping.sum_duplicates()  # a hyphenated word may stand for one stem twice
        if old is not None:
            renumbered = np.fromiter((column[term] for term in old.vocabulary), dtype=np.int64,
                                     count=len(old.vocabulary))
            kept = sparse_rows.renumber_columns(old.mapping, renumbered, max(1, len(vocabulary)))
            kept = sparse_rows.renumber_rows(kept, np.arange(kept.shape[0]), len(words.forms))
            reclassified = np.asarray(sorted(set(forms)), dtype=np.int64)
            mapping = sparse_rows.replace_rows(kept, reclassified, mapping[reclassified])
        result[kind] = KindState(vocabulary, np.zeros(len(vocabulary), dtype=np.int64), mapping=mapping)
    return result


def _rows_of_kind(counts: sparse.csr_matrix, mapping: sparse.csr_matrix) -> sparse.csr_matrix:
    """Term counts of documents from their word counts (any rows of the word matrix)."""
    matrix = sparse.csr_matrix(counts @ mapping, dtype=np.float64)
    matrix.sort_indices()
    matrix.eliminate_zeros()
    return matrix


def _listed_rows(lists: Sequence[Sequence[str]], column: dict[str, int], width: int) -> sparse.csr_matrix:
    """Rows of counts of terms documents list themselves (tags, a campaign), columns sorted."""
    pointers, indices, values = [0], [], []
    for listed in lists:
        places = sorted(column[term] for term in listed)
        if len(set(places)) < len(places):
            counted = sorted(Counter(places).items())
            places, counts = [place for place, _count in counted], [count for _place, count in counted]
        else:
            counts = [1] * len(places)
        indices += places
        values += counts
        pointers.append(len(indices))
    return sparse.csr_matrix((np.asarray(values, dtype=np.float64), np.asarray(indices, dtype=np.int32),
                              np.asarray(pointers, dtype=np.int64)), shape=(len(lists), max(1, width)))


def _listed_terms(document: Document, kind: str) -> tuple[str, ...]:
    if kind == "tags":
        return document.keywords
    return (document.campaign,) if document.campaign else ()


# A term's document frequency above IDF_EXACT_UP_TO counts in steps of 2^(1/IDF_STEPS_PER_DOUBLING), about 4%:
# the weight of a common word then stays put when one bulletin more or less has it, so an edit changes the
# weights of the bulletins it touches, not of every bulletin that shares a common word with them.
IDF_EXACT_UP_TO = 32
IDF_STEPS_PER_DOUBLING = 16


def _inverse_frequency(frequency: np.ndarray, documents: int) -> np.ndarray:
    """log(N / df) per term (never below 0: a term on every document weighs nothing), df in steps."""
    counted = np.maximum(frequency, 1).astype(np.float64)
    stepped = np.exp2(np.round(np.log2(counted) * IDF_STEPS_PER_DOUBLING) / IDF_STEPS_PER_DOUBLING)
    return np.maximum(0.0, np.log(documents / np.where(counted <= IDF_EXACT_UP_TO, counted, stepped)))


def _weigh(counts: sparse.csr_matrix, idf: np.ndarray, keep: int | None) -> sparse.csr_matrix:
    """Rows of L2-normalised TF-IDF weights, (1 + log tf) * idf, from rows of raw counts.

    With `keep`, each row keeps only its `keep` heaviest terms (the norm stays
    that of the whole row): the distinctive terms that find and score candidates.
    """
    matrix = sparse.csr_matrix(counts, dtype=np.float64, copy=True)
    matrix.eliminate_zeros()
    matrix.data = (1.0 + np.log(matrix.data)) * idf[matrix.indices]
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    matrix = sparse.csr_matrix(sparse.diags(1.0 / np.where(norms > 0, norms, 1.0)) @ matrix)
    if keep is not None:
        matrix = sparse_rows.keep_largest(matrix, keep)
    matrix.eliminate_zeros()
    return matrix


def _pair_dots(matrix: sparse.csr_matrix, rows: np.ndarray, columns: np.ndarray) -> np.ndarray:
    """The dot products of matrix rows rows[k] and columns[k], for every k."""
    if len(rows) == 0 or matrix.nnz == 0:
        return np.zeros(len(rows))
    return np.asarray(matrix[rows].multiply(matrix[columns]).sum(axis=1)).ravel()


@dataclass
class RankingState:
    """Every stage of one ranking, row by row: what the next build needs to update the lists."""

    settings: tuple  # the weights and the index's parameters
    names: tuple[str, ...]
    keys: list[str]  # what each document was made from
    words: WordMatrix
    name_words: frozenset[str]
    kinds: dict[str, KindState]
    signals: dict[str, sparse.csr_matrix]  # TF-IDF rows per signal
    kept_frequency: dict[str, np.ndarray]  # per signal: documents whose kept terms include each term
    finder: sparse.csr_matrix  # each document's rarest distinctive terms, the finder's columns by signal
    champions: sparse.csr_matrix  # each finder term's documents, the ones it weighs most in
    candidates: sparse.csr_matrix  # each document's candidates, as found (their exact scores may be 0)
    direct: sparse.csr_matrix  # each document's candidates with their exact direct score
    lists: list[tuple[str, ...]]


# An update reworks at most this share of the documents' words; an edit of more goes faster from scratch.
UPDATE_SHARE = 0.2


@dataclass
class _TermChanges:
    """What the terms stage of an update hands on, per kind."""

    renumbered: dict[str, np.ndarray]  # old column -> new column (-1: a term no document has any more)
    counts: dict[str, np.ndarray]  # rows whose term counts changed
    terms: dict[str, np.ndarray]  # terms whose weight changed (their frequency moved to another step)


@dataclass
class RelatedIndex:
    """Built once per build over every published bulletin; answers lists and explanations.

    Candidates are found through an inverted index of each bulletin's rarest
    distinctive terms, acronyms and tags (a sparse matrix product touches only
    pairs that share one), never by comparing every pair; then the best
    candidates are scored exactly, signal by signal. Given the state of an
    earlier ranking of the same bulletins, it works out again only the rows
    whose inputs changed, stage by stage.
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
    # An earlier ranking to update; an update takes it apart as it goes (keep a copy to use it again).
    previous: RankingState | None = field(default=None, repr=False)
    # After an update: how many lists were worked out again (0: none, the earlier ranking stands); None after
    # a ranking from scratch.
    updated_rows: int | None = field(default=None, init=False)
    unchanged: bool = field(default=False, init=False)  # the earlier ranking stands as it was

    def __post_init__(self) -> None:
        self.names = [document.name for document in self.documents]
        self.position = {name: row for row, name in enumerate(self.names)}
        self._analyzer = self.analyzer or Analyzer(self.weights, self.known_stems)
        if self._analyzer.weights != self.weights:
            raise ValueError("the shared analyzer has other weights than the ranking")
        self.signal_weights = {"text": self.weights.text_weight, "acronyms": self.weights.acronym_weight,
                               "tags": self.weights.tag_weight, "names": self.weights.name_weight,
                               "campaign": self.weights.campaign_weight}
        self.max_frequency = max(20, int(self.rare_share * len(self.names)))
        regions: dict[str, int] = {}
        self._region_ids = np.asarray([regions.setdefault(d.region, len(regions)) if d.region else -1 - row
                                       for row, d in enumerate(self.documents)], dtype=np.int64)
        self._timestamps = np.asarray([d.date.timestamp() for d in self.documents], dtype=np.float64)
        rank_of = {name: rank for rank, name in enumerate(sorted(self.names))}
        self._name_ranks = np.asarray([rank_of[name] for name in self.names], dtype=np.int64)
        self._special = np.asarray([bool(d.pinned or d.excluded) for d in self.documents], dtype=bool)
        self._lists: list[tuple[str, ...]] | None = None
        self._counted = [self._analyzer.words_of(document) for document in self.documents]
        self._languages = [document.language for document in self.documents]
        self._keys = [self._key_of(document, words) for document, words in zip(self.documents, self._counted,
                                                                              strict=True)]
        if self.previous is None or not self._update(self.previous):
            self._rank()
        self._analyzer.remember_word_counts(self._counted, self._languages, self.words)

    # --- the stages, row by row ---

    def _settings(self) -> tuple:
        """What a ranking is made with besides the documents; an earlier ranking is updated only when they agree
        (the stemmers with their versions: another Sastrawi may stem the same word otherwise)."""
        stemmers = tuple(stemmer_name(language, self.weights.stemmer) for language in sorted(set(self._languages)))
        return (self.weights, self.terms_per_document, self.finder_terms, self.rare_share, self.champions_per_term,
                self.candidates_per_document, IDF_EXACT_UP_TO, IDF_STEPS_PER_DOUBLING, stemmers)

    @staticmethod
    def _key_of(document: Document, words: Words) -> str:
        if document.key:
            return document.key
        digest = hashlib.sha256(repr(document).encode())
        digest.update(f"\0{words.text}\0{words.capitalised}\0{words.title_weight}\0".encode() + words.counts)
        return digest.hexdigest()

    def _map_rows(self, work: Callable[[np.ndarray], object], rows: np.ndarray) -> list:
        """work(chunk) for chunks of these rows, in order; in threads when asked and there is more than one."""
        chunks = [rows[start:start + self.chunk_rows] for start in range(0, len(rows), self.chunk_rows)]
        if self.threads <= 1 or len(chunks) <= 1:
            return [work(chunk) for chunk in chunks]
        from concurrent.futures import ThreadPoolExecutor
        with ThreadPoolExecutor(max_workers=self.threads) as pool:
            return list(pool.map(work, chunks))

    def _stacked(self, work: Callable[[np.ndarray], sparse.csr_matrix], rows: np.ndarray,
                 width: int) -> sparse.csr_matrix:
        parts = self._map_rows(work, rows)
        if not parts:
            return sparse.csr_matrix((0, width))
        return sparse.csr_matrix(sparse.vstack(parts, format="csr"))

    def _kind_rows(self, kind: str, rows: np.ndarray) -> sparse.csr_matrix:
        """Raw term counts of these documents, of one kind."""
        state = self.kinds[kind]
        if kind in WORD_KINDS:
            return _rows_of_kind(self.words.counts[rows], state.mapping)
        if state.counts is not None:
            return state.counts[rows]
        column = {term: place for place, term in enumerate(state.vocabulary)}
        return _listed_rows([_listed_terms(self.documents[row], kind) for row in rows.tolist()], column,
                            len(state.vocabulary))

    def _signal_rows(self, signal: str, rows: np.ndarray) -> sparse.csr_matrix:
        kind = self.kinds[SIGNAL_KIND[signal]]
        idf = _inverse_frequency(kind.frequency, len(self.names))
        keep = self.terms_per_document if signal == "text" else None
        return self._stacked(lambda chunk: _weigh(self._kind_rows(SIGNAL_KIND[signal], chunk), idf, keep), rows,
                             max(1, len(kind.vocabulary)))

    def _finder_signals(self) -> list[str]:
        return [signal for signal in SIGNALS if self.signal_weights[signal] and signal != "names"]

    def _finder_offsets(self, kinds: dict[str, KindState] | None = None) -> dict[str, int]:
        """Where each signal's block begins in the finder of these terms (default: this ranking's), and under
        "" the finder's width."""
        kinds = kinds if kinds is not None else self.kinds
        offsets, total = {}, 0
        for signal in self._finder_signals():
            offsets[signal] = total
            total += max(1, len(kinds[SIGNAL_KIND[signal]].vocabulary))
        offsets[""] = max(1, total)
        return offsets

    def _finder_rows(self, rows: np.ndarray) -> sparse.csr_matrix:
        """Each document's rarest distinctive terms of every signal (a term on more than max_frequency
        documents finds no candidates), finder_terms per signal, weighted by the signal."""
        blocks = []
        for signal in self._finder_signals():
            matrix = self.matrices[signal][rows]
            rare = self.kept_frequency[signal][matrix.indices] <= self.max_frequency
            matrix = sparse.csr_matrix((np.where(rare, matrix.data, 0.0), matrix.indices, matrix.indptr),
                                       shape=matrix.shape)
            matrix.eliminate_zeros()
            blocks.append(sparse_rows.keep_largest(matrix, self.finder_terms)
                          * math.sqrt(abs(self.signal_weights[signal])))
        if not blocks:
            return sparse.csr_matrix((len(rows), 1))
        # Side by side, each row's entries block after block: the finder's columns are the signals' terms.
        return sparse.csr_matrix(sparse.hstack(blocks, format="csr")) if len(blocks) > 1 else blocks[0]

    def _champion_rows(self, finder_by_term: sparse.csc_matrix, terms: np.ndarray) -> sparse.csr_matrix:
        """Each of these finder terms' documents: the ones it weighs most in (its champion list)."""
        return sparse_rows.keep_largest(sparse.csr_matrix(finder_by_term[:, terms].T), self.champions_per_term)

    def _candidate_rows(self, rows: np.ndarray) -> tuple[sparse.csr_matrix, sparse.csr_matrix]:
        """Each of these documents' best candidates as found, and with their exact direct (topical) score."""
        def chunk(part: np.ndarray) -> tuple[sparse.csr_matrix, sparse.csr_matrix]:
            rough = sparse_rows.keep_largest(self.finder[part] @ self.champions, self.candidates_per_document,
                                             own_columns=part)
            owners = np.repeat(part, np.diff(rough.indptr))
            columns = rough.indices.astype(np.int64)
            values = sum(self._direct_signals(owners, columns).values(), np.zeros(len(owners)))
            found = sparse.csr_matrix((np.ones(len(columns), dtype=np.float32), rough.indices, rough.indptr),
                                      shape=rough.shape)
            direct = sparse.csr_matrix((np.maximum(values, 0.0), rough.indices, rough.indptr), shape=rough.shape)
            direct.eliminate_zeros()
            return found, direct

        parts = self._map_rows(chunk, rows)
        count = len(self.names)
        if not parts:
            return sparse.csr_matrix((0, count), dtype=np.float32), sparse.csr_matrix((0, count))
        return (sparse.csr_matrix(sparse.vstack([found for found, _direct in parts], format="csr")),
                sparse.csr_matrix(sparse.vstack([direct for _found, direct in parts], format="csr")))

    def _list_rows(self, rows: np.ndarray) -> list[tuple[str, ...]]:
        def chunk(part: np.ndarray) -> list[tuple[str, ...]]:
            direct, neighbours = self._topical_rows(part)
            return self._choose_rows(part, sparse.csr_matrix(direct + neighbours))
        return list(itertools.chain.from_iterable(self._map_rows(chunk, rows)))

    # --- ranking from scratch ---

    def _rank(self) -> None:
        everyone = np.arange(len(self.names), dtype=np.int64)
        self.words = self._analyzer.word_counts(self._counted, self._languages)
        self.name_words = self._analyzer.name_words(self._counted, self.words)
        forms = range(len(self.words.forms))
        self.kinds = _word_kinds(self.words, forms, self._analyzer.form_terms(self.words.forms, self.name_words))
        for kind in LIST_KINDS:
            vocabulary = sorted({term for d in self.documents for term in _listed_terms(d, kind)})
            self.kinds[kind] = KindState(vocabulary, np.zeros(len(vocabulary), dtype=np.int64))
        for kind in LIST_KINDS:
            self.kinds[kind].counts = self._kind_rows(kind, everyone)
        for kind in (*WORD_KINDS, *LIST_KINDS):
            # A chunk of rows at a time: the term counts of a whole large archive would take gigabytes.
            width = len(self.kinds[kind].vocabulary)
            self.kinds[kind].frequency = sum(
                self._map_rows(lambda chunk, kind=kind, width=width:
                               np.bincount(self._kind_rows(kind, chunk).indices, minlength=width), everyone),
                np.zeros(width, dtype=np.int64))
        self.matrices = {signal: self._signal_rows(signal, everyone) for signal in self._weighed_signals()}
        self.kept_frequency = {signal: np.bincount(matrix.indices, minlength=matrix.shape[1])
                               for signal, matrix in self.matrices.items()}
        self.finder = self._stacked(self._finder_rows, everyone, self._finder_offsets()[""])
        width = self.finder.shape[1]
        self.champions = self._champion_rows(self.finder.tocsc(), np.arange(width, dtype=np.int64))
        self.candidates, self.direct = self._candidate_rows(everyone)

    def _weighed_signals(self) -> list[str]:
        """The signals scored: those with a weight (and the text, which finds candidates)."""
        return [signal for signal in SIGNALS if self.signal_weights[signal] or signal == "text"]

    # --- updating an earlier ranking ---

    def _update(self, previous: RankingState) -> bool:
        """Bring an earlier ranking of the same documents, in the same order, up to date: False when it cannot
        be (other documents, other settings) or an update would not be faster than ranking from scratch.

        Each stage works out again the rows whose inputs changed, compares them with the rows it had, and
        hands on only the rows that did change: most of an edit's reach stops at the first stages. The
        earlier state is taken apart as the stages replace it (on a large archive it is hundreds of MB)."""
        if previous.settings != self._settings() or previous.names != tuple(self.names):
            return False
        edited = np.asarray([row for row, (key, known) in enumerate(zip(self._keys, previous.keys, strict=True))
                             if key != known], dtype=np.int64)
        if self._too_many(edited):
            return False
        if len(edited) == 0:
            self._adopt(previous)
            self._lists = list(previous.lists)
            self.updated_rows, self.unchanged = 0, True
            return True
        reached = self._update_words(previous, edited)
        if reached is None:
            return False
        changes = self._update_terms(previous, edited, reached)
        changed_signals = self._update_signals(previous, changes)
        if changed_signals is None:
            return False
        changed_finder, to_finder = self._update_finder(previous, changed_signals, changes.renumbered)
        changed_champions = self._update_champions(previous, changed_finder, to_finder)
        changed_direct = self._update_candidates(previous, changed_finder, changed_signals, changed_champions)
        self._update_lists(previous, edited, changed_direct)
        return True

    def _too_many(self, rows: np.ndarray) -> bool:
        return len(rows) > max(20, UPDATE_SHARE * len(self.names))

    def _update_words(self, previous: RankingState, edited: np.ndarray) -> np.ndarray | None:
        """The edited documents' words, and the forms whose meaning changed (a word that became a name, or
        stopped being one, in every document that has it): the documents whose term counts may change."""
        self.words = previous.words.with_rows(edited, [self._counted[row] for row in edited.tolist()],
                                              [self._languages[row] for row in edited.tolist()])
        live_before = np.zeros(len(self.words.forms), dtype=bool)
        live_before[:len(previous.words.forms)] = previous.words.live()
        live = self.words.live()
        self.name_words = self._analyzer.name_words(self._counted, self.words)
        flipped = self.name_words ^ previous.name_words
        reclassified = np.flatnonzero(live & ~live_before)
        if flipped:
            reclassified = np.union1d(reclassified, [number for number, (_language, word) in enumerate(self.words.forms)
                                                     if live[number] and word.lower() in flipped])
        reached = np.union1d(edited, sparse_rows.rows_having(self.words.counts,
                                                             np.intersect1d(reclassified, np.flatnonzero(live_before))))
        if self._too_many(reached):
            return None
        forms = reclassified.tolist()
        classified = self._analyzer.form_terms([self.words.forms[number] for number in forms], self.name_words)
        self.kinds = _word_kinds(self.words, forms, classified, previous.kinds)
        return reached

    def _update_terms(self, previous: RankingState, edited: np.ndarray, reached: np.ndarray) -> _TermChanges:
        """Term counts of the reached rows, then each kind's frequencies; terms no document has any more go."""
        count = len(self.names)
        old_words = sparse.csr_matrix((previous.words.counts.data, previous.words.counts.indices,
                                       previous.words.counts.indptr), shape=(count, len(self.words.forms)))
        previous.words = None
        changes = _TermChanges({}, {}, {})
        for kind in (*WORD_KINDS, *LIST_KINDS):
            old = previous.kinds[kind]
            if kind in LIST_KINDS:
                vocabulary = sorted(set(old.vocabulary).union(
                    term for row in edited.tolist() for term in _listed_terms(self.documents[row], kind)))
                self.kinds[kind] = KindState(vocabulary, np.zeros(0, dtype=np.int64))
            state = self.kinds[kind]
            column = {term: place for place, term in enumerate(state.vocabulary)}
            to_new = np.fromiter((column[term] for term in old.vocabulary), dtype=np.int64, count=len(old.vocabulary))
            width = max(1, len(state.vocabulary))
            rows = edited if kind in LIST_KINDS else reached
            if kind in WORD_KINDS:
                old_mapping = sparse_rows.renumber_rows(sparse_rows.renumber_columns(old.mapping, to_new, width),
                                                        np.arange(old.mapping.shape[0]), len(self.words.forms))
                before = _rows_of_kind(old_words[rows], old_mapping)
            else:
                before = sparse_rows.renumber_columns(old.counts[rows], to_new, width)
                state.counts = sparse_rows.replace_rows(sparse_rows.renumber_columns(old.counts, to_new, width),
                                                        rows, self._kind_rows(kind, rows))
            after = self._kind_rows(kind, rows)
            old_frequency = np.zeros(len(state.vocabulary), dtype=np.int64)
            old_frequency[to_new] = old.frequency
            frequency = (old_frequency - np.bincount(before.indices, minlength=len(old_frequency))
                         + np.bincount(after.indices, minlength=len(old_frequency)))
            changes.counts[kind] = rows[sparse_rows.changed_rows(before, after)]
            weighs_anew = _inverse_frequency(old_frequency, count) != _inverse_frequency(frequency, count)
            live_terms = frequency > 0
            final = np.cumsum(live_terms) - 1
            final[~live_terms] = -1
            if not live_terms.all():
                state.vocabulary = [term for term, alive in zip(state.vocabulary, live_terms.tolist(), strict=True)
                                    if alive]
                width = max(1, len(state.vocabulary))
                if kind in WORD_KINDS:
                    state.mapping = sparse_rows.renumber_columns(state.mapping, final, width)
                else:
                    state.counts = sparse_rows.renumber_columns(state.counts, final, width)
            state.frequency = frequency[live_terms]
            changes.terms[kind] = final[np.flatnonzero(weighs_anew & live_terms)]
            changes.renumbered[kind] = np.where(to_new >= 0, final[to_new], -1)
        return changes

    def _update_signals(self, previous: RankingState, changes: _TermChanges) -> np.ndarray | None:
        """TF-IDF rows: those whose counts changed, and those with a term whose weight changed."""
        changed = np.zeros(0, dtype=np.int64)
        self.matrices, self.kept_frequency = {}, {}
        for signal in self._weighed_signals():
            kind = SIGNAL_KIND[signal]
            width = max(1, len(self.kinds[kind].vocabulary))
            kept = sparse_rows.renumber_columns(previous.signals.pop(signal), changes.renumbered[kind], width)
            rows = changes.counts[kind]
            if len(changes.terms[kind]):
                rows = np.union1d(rows, self._rows_with_terms(kind, changes.terms[kind]))
            if self._too_many(rows):
                return None
            new_rows = self._signal_rows(signal, rows)
            changed = np.union1d(changed, rows[sparse_rows.changed_rows(kept[rows], new_rows)])
            self.matrices[signal] = sparse_rows.replace_rows(kept, rows, new_rows)
            self.kept_frequency[signal] = np.bincount(self.matrices[signal].indices, minlength=width)
        return changed

    def _update_finder(self, previous: RankingState, changed_signals: np.ndarray,
                       renumbered: dict[str, np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
        """Finder rows: those whose weights changed, and those with a term that became rare or stopped being.
        Returns the rows that changed, and where each column of the previous finder went."""
        offsets = self._finder_offsets()
        old_offsets = self._finder_offsets(previous.kinds)
        to_finder = np.full(previous.finder.shape[1], -1, dtype=np.int64)
        reach = changed_signals
        for signal in self._finder_signals():
            start = old_offsets[signal]
            moved = renumbered[SIGNAL_KIND[signal]]
            to_finder[start:start + len(moved)] = np.where(moved >= 0, moved + offsets[signal], -1)
            old_kept = np.zeros(len(self.kinds[SIGNAL_KIND[signal]].vocabulary), dtype=np.int64)
            old_kept[moved[moved >= 0]] = previous.kept_frequency[signal][:len(moved)][moved >= 0]
            flips = np.flatnonzero((old_kept <= self.max_frequency)
                                   != (self.kept_frequency[signal] <= self.max_frequency))
            if len(flips):
                reach = np.union1d(reach, sparse_rows.rows_having(self.matrices[signal], flips))
        old_finder = sparse_rows.renumber_columns(previous.finder, to_finder, offsets[""])
        previous.finder = None
        new_rows = self._finder_rows(reach)
        changed = reach[sparse_rows.changed_rows(old_finder[reach], new_rows)]
        self._old_finder_rows = old_finder[changed]
        self.finder = sparse_rows.replace_rows(old_finder, reach, new_rows)
        return changed, to_finder

    def _update_champions(self, previous: RankingState, changed_finder: np.ndarray,
                          to_finder: np.ndarray) -> np.ndarray:
        """The champion lists of the terms in the changed finder rows, before and after: those that changed."""
        touched = np.union1d(self._old_finder_rows.indices, self.finder[changed_finder].indices).astype(np.int64)
        del self._old_finder_rows
        old = sparse_rows.renumber_rows(previous.champions, to_finder, self.finder.shape[1])
        previous.champions = None
        new_rows = self._champion_rows(sparse.csc_matrix(self.finder), touched)
        changed = touched[sparse_rows.changed_rows(old[touched], new_rows)]
        self.champions = sparse_rows.replace_rows(old, touched, new_rows)
        return changed

    def _update_candidates(self, previous: RankingState, changed_finder: np.ndarray, changed_signals: np.ndarray,
                           changed_champions: np.ndarray) -> np.ndarray:
        """Candidates and direct scores of the rows whose finder row or champions changed, whose weights
        changed, or with a candidate whose weights changed: the rows whose direct scores changed."""
        reach = np.union1d(changed_finder, changed_signals)
        reach = np.union1d(reach, sparse_rows.rows_having(self.finder, changed_champions))
        reach = np.union1d(reach, sparse_rows.rows_having(previous.candidates, changed_signals))
        found, direct = self._candidate_rows(reach)
        changed = reach[sparse_rows.changed_rows(previous.direct[reach], direct)]
        self.candidates = sparse_rows.replace_rows(previous.candidates, reach, found)
        self.direct = sparse_rows.replace_rows(previous.direct, reach, direct)
        previous.candidates = previous.direct = None
        return changed

    def _update_lists(self, previous: RankingState, edited: np.ndarray, changed_direct: np.ndarray) -> None:
        """Lists of the rows whose direct scores changed or that reach, through one candidate, a row that did;
        and of rows with an edited document among their candidates or theirs (its region or date may have
        changed the bonuses), and the edited ones themselves (their pins and exclusions)."""
        once = sparse_rows.rows_having(self.direct, edited)
        reach = np.union1d(changed_direct, sparse_rows.rows_having(self.direct, changed_direct))
        reach = np.union1d(reach, np.union1d(edited, once))
        reach = np.union1d(reach, sparse_rows.rows_having(self.direct, once))
        lists = list(previous.lists)
        for row, names in zip(reach.tolist(), self._list_rows(reach), strict=True):
            lists[row] = names
        self._lists = lists
        self.updated_rows = len(reach)

    def _adopt(self, previous: RankingState) -> None:
        self.words, self.name_words, self.kinds = previous.words, previous.name_words, previous.kinds
        self.matrices, self.kept_frequency = previous.signals, previous.kept_frequency
        self.finder, self.champions = previous.finder, previous.champions
        self.candidates, self.direct = previous.candidates, previous.direct

    def _rows_with_terms(self, kind: str, terms: np.ndarray) -> np.ndarray:
        """The documents with any of these terms of one kind."""
        state = self.kinds[kind]
        if kind in LIST_KINDS:
            return sparse_rows.rows_having(state.counts, terms)
        return sparse_rows.rows_having(self.words.counts, sparse_rows.rows_having(state.mapping, terms))

    @property
    def state(self) -> RankingState:
        """This ranking, for the next build to update."""
        return RankingState(self._settings(), tuple(self.names), list(self._keys), self.words, self.name_words,
                            self.kinds, self.matrices, self.kept_frequency, self.finder, self.champions,
                            self.candidates, self.direct, list(self._all_lists()))

    # --- scoring ---

    def _direct_signals(self, rows: np.ndarray, columns: np.ndarray) -> dict[str, np.ndarray]:
        """Each weighted direct signal for the pairs (rows[k], columns[k])."""
        return {signal: _pair_dots(self.matrices[signal], rows, columns) * self.signal_weights[signal]
                for signal in SIGNALS if self.signal_weights[signal]}

    def _topical_rows(self, rows: np.ndarray) -> tuple[sparse.csr_matrix, sparse.csr_matrix]:
        """Direct scores and neighbourhood scores (second order) of `rows`."""
        direct = self.direct[rows]
        strength = self.weights.smoothing
        if strength <= 0 or self.direct.nnz == 0:
            return direct, sparse.csr_matrix(direct.shape)
        neighbours = sparse.csr_matrix((direct @ self.direct) * strength)
        own = np.repeat(rows, np.diff(neighbours.indptr))
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
        """Every document's Baca juga list."""
        return dict(zip(self.names, self._all_lists(), strict=True))

    def _all_lists(self) -> list[tuple[str, ...]]:
        if self._lists is None:
            self._lists = self._list_rows(np.arange(len(self.names), dtype=np.int64))
        return self._lists

    def _choose_rows(self, rows: np.ndarray, combined: sparse.csr_matrix) -> list[tuple[str, ...]]:
        """_choose for each of `rows`, given their topical scores: for all of them at once, with the same
        arithmetic and order, except documents that pin or exclude others, which go through _choose."""
        weights = self.weights
        positions = np.repeat(np.arange(len(rows), dtype=np.int64), np.diff(combined.indptr))
        own = rows[positions]
        columns, topical = combined.indices.astype(np.int64), combined.data
        special = self._special[rows]
        keep = (topical >= weights.min_score) & ~special[positions]
        positions, own, columns, topical = positions[keep], own[keep], columns[keep], topical[keep]
        region = np.where(self._region_ids[columns] == self._region_ids[own], weights.region_weight, 0.0)
        if weights.time_scale_days <= 0:
            time = np.zeros(len(columns))
        else:
            days = np.abs(self._timestamps[columns] - self._timestamps[own]) / 86400
            time = weights.time_weight * np.exp(-days / weights.time_scale_days)
        score = topical + region + time
        # Only what can be among a row's `count` best goes into the sort (every entry tied with the last of
        # them too): the sort by four keys was most of choosing.
        likely = sparse_rows.likely_largest(np.arange(len(score)), positions, score, weights.count)
        positions, columns, score = positions[likely], columns[likely], score[likely]
        order = np.lexsort((self._name_ranks[columns], -self._timestamps[columns], -score, positions))
        rank = np.arange(len(order)) - np.searchsorted(positions[order], positions[order], side="left")
        best = order[rank < weights.count]  # still by row, then best first
        ends = np.searchsorted(positions[best], np.arange(len(rows)), side="right")
        names = [self.names[column] for column in columns[best].tolist()]
        lists = []
        for offset, row in enumerate(rows.tolist()):
            if special[offset]:
                begin, end = combined.indptr[offset], combined.indptr[offset + 1]
                lists.append(self._choose(row, combined.indices[begin:end].astype(np.int64),
                                          combined.data[begin:end]))
            else:
                lists.append(tuple(names[ends[offset - 1] if offset else 0:ends[offset]]))
        return lists

    def related(self, name: str) -> tuple[str, ...]:
        """The Baca juga list: pinned first, then the best ranked, at most `count` unless more are pinned."""
        return self._all_lists()[self.position[name]]

    def explain(self, name: str, limit: int | None = None) -> list[Candidate]:
        """Pinned bulletins, then every candidate by score, each with its signals and why it is (not) listed."""
        row = self.position[name]
        document = self.documents[row]
        direct, neighbours = self._topical_rows(np.asarray([row], dtype=np.int64))
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
