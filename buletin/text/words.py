"""A document's words, counted: the part of the analysis that needs no other document."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

import numpy as np

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


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
