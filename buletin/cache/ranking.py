"""The related ranking of the last build, for this build to update, and the stems of every word met."""

from __future__ import annotations

from .store import Store

_GONE = object()  # the ranking state once saved and let go


class RankingCache:
    """The ranking state (kept whole: an edit changes it, and the update works from the old one) and the memo of
    stems (kept apart: an edit changes the lists, hardly ever the vocabulary, and stemming it is the slow part)."""

    def __init__(self, store: Store, enabled: bool):
        self.store = store
        self.enabled = enabled
        self._state: object | None = None  # read when first asked for
        self._changed = False
        self._stems: dict[str, dict[str, str]] | None = None if enabled else {}
        self._stems_read = 0  # how many stems the file held

    def state(self) -> object | None:
        """The last build's RankingState, or None when there is none."""
        if self._state is None and self.enabled:
            self._state = self.store.read("ranking").get("state")
        return None if self._state is _GONE else self._state

    def keep_state(self, state: object) -> None:
        if state is not self._state:
            self._state, self._changed = state, True

    def known_stems(self) -> dict[str, dict[str, str]]:
        """Stems of the words met by earlier builds, by stemmer; the analysis adds to them."""
        if self._stems is None:
            self._stems = self.store.read("stems")
            self._stems_read = sum(len(stems) for stems in self._stems.values())
        return self._stems

    def add_stems(self, stems: dict[str, dict[str, str]]) -> None:
        """Stems another process met (the search index's), added to the memo."""
        known = self.known_stems()
        for stemmer, words in stems.items():
            known.setdefault(stemmer, {}).update(words)

    def keep_stems(self) -> None:
        if self._stems is not None and sum(len(stems) for stems in self._stems.values()) != self._stems_read:
            self.store.write("stems", self._stems)

    def save(self) -> None:
        """Write the ranking if this build changed it, then let it go (hundreds of megabytes on a large
        archive, not needed once the lists are made)."""
        if self._changed:
            self.store.write("ranking", {"state": self._state})
            self._changed = False
        self._state = _GONE
        self.store.remove("related")  # the lists alone, as earlier versions kept them
