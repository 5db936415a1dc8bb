"""Progress bars on the terminal, for long builds."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager


@contextmanager
def progress_bar(enabled: bool, unit: str) -> Iterator[Callable[[int], None] | None]:
    """A tqdm bar on standard error that counts what it is told, or nothing when not wanted."""
    if not enabled:
        yield None
        return
    from tqdm import tqdm
    with tqdm(unit=f" {unit}", leave=False, file=sys.stderr, dynamic_ncols=True) as bar:
        yield bar.update
