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

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, fields
from datetime import datetime
from functools import cache


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
    language: str = "id"
    pinned: tuple[str, ...] = ()  # always listed first, in this order
    excluded: tuple[str, ...] = ()  # never listed


@dataclass(frozen=True)
class Weights:
    """How the signals combine; the site configuration can set each of them."""

    count: int = 5
    min_score: float = 0.12
    text_weight: float = 1.0
    title_weight: float = 2.0  # a word in the title or summary counts this many times
    acronym_weight: float = 0.3
    tag_weight: float = 0.3
    name_weight: float = 0.0
    region_weight: float = 0.03
    time_weight: float = 0.03
    time_scale_days: float = 180.0
    stemmer: str = "sastrawi"  # for Indonesian: "sastrawi", "snowball" or "none"


@dataclass(frozen=True)
class Signals:
    """A candidate's score, broken down by signal (each already weighted)."""

    text: float = 0.0
    acronyms: float = 0.0
    tags: float = 0.0
    names: float = 0.0
    region: float = 0.0
    time: float = 0.0

    @property
    def topical(self) -> float:
        """The part that says two bulletins share a topic."""
        return self.text + self.acronyms + self.tags + self.names

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
_SENTENCE_OPENERS = frozenset(".!?:;\"“”'‘(—–-")

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


def _make_stemmer(language: str, choice: str) -> Callable[[str], str]:
    """A function from a lowercase word to its stem, caching each distinct word once."""
    if language == "id" and choice == "sastrawi":
        from Sastrawi.Stemmer.StemmerFactory import StemmerFactory
        stem_word = StemmerFactory().create_stemmer().stem
    elif choice == "none":
        return lambda word: word
    else:
        import snowballstemmer
        algorithm = {"id": "indonesian", "en": "english"}.get(language, "english")
        stem_word = snowballstemmer.stemmer(algorithm).stemWord
    stems: dict[str, str] = {}

    def stem(word: str) -> str:
        result = stems.get(word)
        if result is None:
            result = stems[word] = stem_word(word) or word
        return result
    return stem


@dataclass
class _Analysis:
    """The terms of one document, before weighting."""

    stems: Counter  # stem -> weighted count (title and summary count title_weight times)
    acronyms: Counter
    names: Counter


class Analyzer:
    """Splits text into stems, acronyms and names, for one set of weights.

    Names are recognised from the whole corpus: a word written with a capital
    inside a sentence and never in lowercase (Hendro, Kalijodo, Jakarta) is a
    name; a capitalised word also seen in lowercase somewhere (Perdagangan,
    Orang), or only seen opening sentences, is an ordinary word.
    """

    def __init__(self, weights: Weights):
        self.weights = weights
        self._stemmers: dict[str, Callable[[str], str]] = {}

    def stemmer(self, language: str) -> Callable[[str], str]:
        language = "en" if language.startswith("en") else "id"
        if language not in self._stemmers:
            self._stemmers[language] = _make_stemmer(language, self.weights.stemmer)
        return self._stemmers[language]

    @staticmethod
    def stopwords(language: str) -> frozenset[str]:
        return _ENGLISH_STOPWORDS if language.startswith("en") else _indonesian_stopwords()

    @staticmethod
    def words(text: str) -> list[tuple[str, bool]]:
        """The words of a text, each with whether it opens a sentence (where a capital says nothing)."""
        result = []
        for match in _WORD.finditer(text):
            start = match.start()
            before = text[max(0, start - 3):start].rstrip()
            result.append((match.group(), not before or before[-1] in _SENTENCE_OPENERS))
        return result

    def analyse(self, documents: Sequence[Document]) -> dict[str, _Analysis]:
        tokenised = {}
        lowercase: set[str] = set()
        capitalised_inside: set[str] = set()
        for document in documents:
            parts = [(self.words(document.title), self.weights.title_weight),
                     (self.words(document.summary), self.weights.title_weight),
                     (self.words(document.body), 1.0)]
            tokenised[document.name] = parts
            for words, _ in parts:
                for word, opens_sentence in words:
                    if word.islower():
                        lowercase.add(word)
                    elif not opens_sentence:
                        capitalised_inside.add(word.lower())
        names = capitalised_inside - lowercase
        return {document.name: self._terms(document, tokenised[document.name], names) for document in documents}

    def _terms(self, document: Document, parts: list, name_words: set[str]) -> _Analysis:
        stopwords = self.stopwords(document.language)
        stem = self.stemmer(document.language)
        stems: Counter = Counter()
        acronyms: Counter = Counter()
        names: Counter = Counter()
        for words, weight in parts:
            for word, _opens_sentence in words:
                if _ACRONYM.match(word):
                    acronyms[word] += weight
                    continue
                lower = word.lower()
                if lower in stopwords or len(lower) < 3:
                    continue
                if lower in name_words:
                    names[lower] += weight
                    continue
                for piece in _split_reduplication(lower):
                    if piece not in stopwords:
                        stems[stem(piece)] += weight
        return _Analysis(stems, acronyms, names)


def _split_reduplication(word: str) -> list[str]:
    """ "anak-anak" -> ["anak"]; "pra-sejahtera" -> ["pra", "sejahtera"]."""
    if "-" not in word:
        return [word]
    pieces = [piece for piece in word.split("-") if piece]
    return pieces[:1] if len(set(pieces)) == 1 else pieces


# --- the index ---

def _idf(collections: Iterable[Iterable[str]], total: int) -> dict[str, float]:
    frequency = Counter(item for items in collections for item in set(items))
    # log(N/df): a term on every document weighs nothing.
    return {item: math.log(total / count) for item, count in frequency.items()}


def _tfidf(counts: Counter, idf: dict[str, float]) -> dict[str, float]:
    weighted = {term: (1 + math.log(count)) * idf[term] for term, count in counts.items() if idf[term] > 0}
    norm = math.sqrt(sum(value * value for value in weighted.values()))
    return {term: value / norm for term, value in weighted.items()} if norm else {}


def _dot(first: dict[str, float], second: dict[str, float]) -> float:
    if len(first) > len(second):
        first, second = second, first
    return sum(value * second.get(term, 0.0) for term, value in first.items())


@dataclass
class RelatedIndex:
    """Built once per build over every published bulletin; answers lists and explanations."""

    documents: Sequence[Document]
    weights: Weights = field(default_factory=Weights)
    terms_per_document: int = 40  # a document's most distinctive terms enter the inverted index
    champions_per_term: int = 300  # a term's postings keep only the documents it weighs most in

    def __post_init__(self) -> None:
        self.by_name = {document.name: document for document in self.documents}
        total = max(1, len(self.documents))
        analyses = Analyzer(self.weights).analyse(self.documents)
        idf_stems = _idf((a.stems for a in analyses.values()), total)
        idf_acronyms = _idf((a.acronyms for a in analyses.values()), total)
        idf_names = _idf((a.names for a in analyses.values()), total)
        self.tag_idf = _idf((d.keywords for d in self.documents), total)
        self.text = {name: _tfidf(a.stems, idf_stems) for name, a in analyses.items()}
        self.acronyms = {name: _tfidf(a.acronyms, idf_acronyms) for name, a in analyses.items()}
        self.names = {name: _tfidf(a.names, idf_names) for name, a in analyses.items()}
        self.tags = {d.name: _tfidf(Counter(d.keywords), self.tag_idf) for d in self.documents}
        self.postings = self._build_postings()

    def _build_postings(self) -> dict[str, list[str]]:
        """Inverted index over each document's most distinctive terms, tags and acronyms."""
        postings: dict[str, list[tuple[float, str]]] = defaultdict(list)
        for document in self.documents:
            name = document.name
            top = sorted(self.text[name].items(), key=lambda item: (-item[1], item[0]))[: self.terms_per_document]
            for term, weight in top:
                postings["w:" + term].append((weight, name))
            for prefix, vector in (("a:", self.acronyms[name]), ("t:", self.tags[name])):
                for term, weight in vector.items():
                    postings[prefix + term].append((weight, name))
        return {key: [name for _, name in sorted(entries, key=lambda e: (-e[0], e[1]))[: self.champions_per_term]]
                for key, entries in postings.items()}

    def _candidate_names(self, name: str) -> set[str]:
        found: set[str] = set()
        keys = ["w:" + term for term in self.text[name]] + ["a:" + t for t in self.acronyms[name]]
        keys += ["t:" + t for t in self.tags[name]]
        for key in keys:
            found.update(self.postings.get(key, ()))
        found.discard(name)
        return found

    def signals(self, name: str, other: str) -> Signals:
        """The score of `other` as a related bulletin of `name`, by signal."""
        weights = self.weights
        first, second = self.by_name[name], self.by_name[other]
        text = weights.text_weight * _dot(self.text[name], self.text[other])
        acronyms = weights.acronym_weight * _dot(self.acronyms[name], self.acronyms[other])
        tags = weights.tag_weight * _dot(self.tags[name], self.tags[other])
        names = weights.name_weight * _dot(self.names[name], self.names[other])
        if text + acronyms + tags + names <= 0:
            return Signals(text, acronyms, tags, names)
        region = weights.region_weight if first.region and first.region == second.region else 0.0
        days = abs((first.date - second.date).total_seconds()) / 86400
        time = weights.time_weight * math.exp(-days / weights.time_scale_days) if weights.time_scale_days > 0 else 0.0
        return Signals(text, acronyms, tags, names, region, time)

    def explain(self, name: str, limit: int | None = None) -> list[Candidate]:
        """Pinned bulletins, then every candidate by score, each with its signals and why it is (not) listed."""
        document = self.by_name[name]
        pinned = [p for p in dict.fromkeys(document.pinned) if p in self.by_name and p != name]
        excluded = set(document.excluded)
        result = [Candidate(p, self.signals(name, p), "pinned") for p in pinned]
        scored = []
        for other in self._candidate_names(name) - set(pinned):
            signals = self.signals(name, other)
            if signals.topical <= 0:
                continue
            if other in excluded:
                reason = "excluded"
            elif signals.topical < self.weights.min_score:
                reason = "below minimum"
            else:
                reason = "ranked"
            scored.append(Candidate(other, signals, reason))
        scored.sort(key=lambda c: (-c.score, -self.by_name[c.name].date.timestamp(), c.name))
        result += scored
        return result[:limit] if limit is not None else result

    def related(self, name: str) -> tuple[str, ...]:
        """The Baca juga list: pinned first, then the best ranked, at most `count` unless more are pinned."""
        chosen = []
        for candidate in self.explain(name):
            if candidate.reason == "pinned" or (candidate.reason == "ranked" and len(chosen) < self.weights.count):
                chosen.append(candidate.name)
        return tuple(chosen)


def rank_related(documents: Sequence[Document], weights: Weights | None = None) -> dict[str, tuple[str, ...]]:
    """For every document, the names of the most related others, best first.

    Pinned names come first; then others by score, ties broken by newer date,
    then name. A document never lists itself or one it excludes, and nothing
    whose topical score is below weights.min_score is listed.
    """
    index = RelatedIndex(documents, weights or Weights())
    return {document.name: index.related(document.name) for document in documents}


def weights_from(settings: object) -> Weights:
    """Weights from any object with attributes of the same names (the site configuration)."""
    return Weights(**{f.name: getattr(settings, f.name) for f in fields(Weights) if hasattr(settings, f.name)})
