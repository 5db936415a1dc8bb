"""Pickled files in .cache/, each stamped with the fingerprint of the engine and the configuration.

A file made by other code or settings, damaged or foreign, is ignored, never
trusted: the build then simply does the work again. A file that cannot be
written only costs time next build.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
from pathlib import Path

from ..config import SiteConfig
from ..runtime.engine import engine_fingerprint


class Store:
    """Named pickles in one folder, valid only for the code and configuration that wrote them."""

    def __init__(self, folder: Path, config: SiteConfig):
        self.folder = folder
        self.fingerprint = hashlib.sha256(f"{engine_fingerprint()}:{config!r}".encode()).hexdigest()

    def path(self, name: str) -> Path:
        return self.folder / f"{name}.pickle"

    def read(self, name: str) -> dict:
        """What was kept under this name, or {} when there is nothing valid."""
        try:
            with self.path(name).open("rb") as handle:
                fingerprint, entries = pickle.load(handle)
        except Exception:  # any damaged cache file just means no cache
            return {}
        return entries if fingerprint == self.fingerprint and isinstance(entries, dict) else {}

    def write(self, name: str, entries: dict) -> None:
        """Keep `entries` under this name, replacing what was there at once (never a half-written file)."""
        try:
            self.path(name).parent.mkdir(parents=True, exist_ok=True)
            temporary = self.path(name).with_suffix(f".{os.getpid()}.tmp")
            with temporary.open("wb") as handle:
                pickle.dump((self.fingerprint, entries), handle, protocol=pickle.HIGHEST_PROTOCOL)
            temporary.replace(self.path(name))
        except OSError:
            pass  # a cache that cannot be written only costs time next build

    def remove(self, name: str) -> None:
        with contextlib.suppress(OSError):
            self.path(name).unlink()
