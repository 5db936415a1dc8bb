"""Python's cycle collector, held off where a build makes millions of long-lived objects.

Each full collection walks every live object; while a large archive is
parsed or read back from the cache, collections come again and again and
find nothing to free (a third of the time of reading 100,000 cached
bulletins went to them).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """No automatic cycle collection inside the block (objects freed by reference counting still are)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@contextmanager
def settled() -> Iterator[None]:
    """Inside the block, call settle() once the long-lived objects are made: later collections skip them.

    They are handed back to the collector when the block ends, so that a
    process that builds again and again (the live preview) frees them.
    """
    try:
        yield
    finally:
        gc.unfreeze()


def settle() -> None:
    """Leave every object made so far out of later collections (until a settled() block ends; a
    one-off command may simply exit)."""
    gc.freeze()
