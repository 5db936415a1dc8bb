"""What a build keeps of the rendered files passing to the writer: not their bytes, only their keys and counts."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from ..model import RenderedFile


@dataclass
class RenderTally:
    """The keys, counts and rendering time of the files passing from the render stage to the write stage."""

    keys: dict[str, str] = field(default_factory=dict)  # output path: the digest of the page's inputs
    files: int = 0
    pages: int = 0  # HTML pages among the files
    reused: int = 0  # files whose output was left as the previous build wrote it
    left_alone: list[str] = field(default_factory=list)  # their paths
    seconds: float = 0.0  # spent making the files, as the writer waited for them

    def passing(self, rendered: Iterator[RenderedFile],
                progress: Callable[[int], None] | None = None) -> Iterator[RenderedFile]:
        """The files as they come, counted; `progress` is told of each page."""
        while True:
            started = time.perf_counter()
            item = next(rendered, None)
            self.seconds += time.perf_counter() - started
            if item is None:
                return
            self.files += 1
            if item.site_path.endswith(".html"):
                self.pages += 1
                if progress:
                    progress(1)
            if item.data is None:
                self.reused += 1
                self.left_alone.append(item.site_path)
            if item.key:
                self.keys[item.site_path] = item.key
            yield item
