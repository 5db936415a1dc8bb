"""The smaller copies of pictures, in .cache/images/, named by the original's content and the copy's size."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path


class PictureCopyStore:
    """The load stage's PictureCopies: a copy is made once, and kept."""

    def __init__(self, folder: Path):
        self.folder = folder

    def keep(self, name: str, make: Callable[[], bytes]) -> Path:
        """The kept copy of this name, made first (by `make`) when there is none; a half-written copy never
        looks finished."""
        target = self.folder / name
        if not target.is_file():
            target.parent.mkdir(parents=True, exist_ok=True)
            temporary = target.with_suffix(f"{target.suffix}.{os.getpid()}.tmp")
            temporary.write_bytes(make())
            temporary.replace(target)
        return target
