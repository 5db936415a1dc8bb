"""Compiled templates kept between builds, in .cache/templates/ (Jinja checks each against its source)."""

from __future__ import annotations

import contextlib
from pathlib import Path

import jinja2
import jinja2.bccache


class CompiledTemplates(jinja2.FileSystemBytecodeCache):
    """Compiled templates kept between builds (Jinja checks each against its source); a folder that cannot be
    written only means compiling again next time."""

    def __init__(self, folder: Path):
        with contextlib.suppress(OSError):
            folder.mkdir(parents=True, exist_ok=True)
        super().__init__(str(folder))

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)
