"""Stems and stopwords: Sastrawi for Indonesian, Snowball for English.

Stemmers are made only when a word is missing from the memo of stems, which
a build keeps from earlier builds: stemming a large vocabulary is slow.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

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


def make_stemmer(language: str, choice: str, stems: dict[str, str]) -> Callable[[str], str]:
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


def split_reduplication(word: str) -> list[str]:
    """ "anak-anak" -> ["anak"]; "pra-sejahtera" -> ["pra", "sejahtera"]."""
    if "-" not in word:
        return [word]
    pieces = [piece for piece in word.split("-") if piece]
    return pieces[:1] if len(set(pieces)) == 1 else pieces


def stopwords(language: str) -> frozenset[str]:
    """The words the related lists leave out: function words and the newsroom's (days, months, "kata")."""
    return _ENGLISH_STOPWORDS if language.startswith("en") else _indonesian_stopwords()
