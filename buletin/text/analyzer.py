"""The analyzer shared by the related lists and the search index: documents' words as counts, and what each
word stands for (a stem, an acronym or a name)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy import sparse

from ..config import Weights
from .stemmers import make_stemmer, split_reduplication, stemmer_name
from .stemmers import stopwords as stopwords_of
from .words import Words

_ACRONYM = re.compile(r"^[A-Z][A-Z0-9]{1,6}$")


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
        """The matrix of these documents alone."""
        widened, rows = cls([], sparse.csr_matrix((0, 1), dtype=np.float32)).numbered(counted, languages)
        return WordMatrix(widened.forms, rows, widened._numbers)

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

    def numbered(self, counted: Sequence[Words], languages: Sequence[str]) -> tuple[WordMatrix, sparse.csr_matrix]:
        """These documents' words as rows of counts, the forms they add numbered after this matrix's: this
        matrix with the new forms (its rows as they were, as wide as the new rows), and the new rows."""
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
        widened = sparse.csr_matrix((self.counts.data, self.counts.indices, self.counts.indptr),
                                    shape=(self.counts.shape[0], width))
        return WordMatrix(forms, widened, numbers), new_rows


WORD_KINDS = ("stems", "acronyms", "names")  # what a word can stand for


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
            self._stemmers[language] = make_stemmer(language, self.weights.stemmer, memo)
        return self._stemmers[language]

    @staticmethod
    def stopwords(language: str) -> frozenset[str]:
        return stopwords_of(language)

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
        return tuple(stem(piece) for piece in split_reduplication(lower) if piece not in stopwords)
