"""What the ranking knows of a bulletin, and what it says of a candidate."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from ..config import Weights
from ..text.words import Words, count_words


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


SIGNALS = ("text", "acronyms", "tags", "names", "campaign")
SIGNAL_KIND = {"text": "stems", "acronyms": "acronyms", "tags": "tags", "names": "names", "campaign": "campaign"}


def words_of(document: Document, weights: Weights) -> Words:
    """The document's words, counted in advance or now."""
    words = document.words
    if words is None:
        return count_words(document.title, document.summary, document.body, weights.title_weight)
    if words.title_weight != weights.title_weight:
        # A document counted in advance may leave its body out, so it cannot be counted again here.
        raise ValueError(f"{document.name}: words counted with title weight {words.title_weight}, "
                         f"ranked with {weights.title_weight}; count them with the ranking's weights")
    return words
