"""The identity of the generator's own code: whatever it made before is stale once this changes."""

from __future__ import annotations

import hashlib
import sys
from functools import cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
CACHE_VERSION = 1


@cache
def engine_fingerprint() -> str:
    """Changes whenever the engine's code or the Python version does (read once per process)."""
    digest = hashlib.sha256(f"{CACHE_VERSION}:{sys.version}".encode())
    for source in sorted(PACKAGE.glob("*.py")):
        digest.update(source.name.encode() + b"\0" + source.read_bytes())
    return digest.hexdigest()
