"""The identity of the generator's own code: whatever it made before is stale once this changes."""

from __future__ import annotations

import hashlib
import sys
from functools import cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent
CACHE_VERSION = 1
CODE_SUFFIXES = (".py", ".js")  # the engine's code, and the scripts it puts into pages


@cache
def engine_fingerprint() -> str:
    """Changes whenever the engine's code or the Python version does (read once per process)."""
    digest = hashlib.sha256(f"{CACHE_VERSION}:{sys.version}".encode())
    for source in sorted(PACKAGE.rglob("*")):
        if source.suffix in CODE_SUFFIXES and "__pycache__" not in source.parts and source.is_file():
            digest.update(source.relative_to(PACKAGE).as_posix().encode() + b"\0" + source.read_bytes())
    return digest.hexdigest()
