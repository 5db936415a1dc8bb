"""The paths of the files passing to the writer: two outputs on one path are refused."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..model import BuildError, CopiedFile, Problem, RenderedFile

MANIFEST_NAME = ".buletin-manifest.json"

class PathCheck:
    """Notes the path of each file passing to the writer: two things may not be written to one path,
    even one differing only in case, and the manifest's name is the generator's."""

    def __init__(self) -> None:
        self.seen: dict[str, tuple[str, str]] = {}  # casefolded path: (path, origin)
        self.problems: list[Problem] = []

    def passing(self, items: Iterable[RenderedFile | CopiedFile]) -> Iterator[RenderedFile | CopiedFile]:
        for item in items:
            self.note(item.site_path, item.origin)
            yield item

    def note(self, site_path: str, origin: str) -> None:
        key = site_path.casefold()
        if key in self.seen:
            self.problems.append(Problem(site_path, None, None,
                                         f"two outputs on one path: {self.seen[key][1]} and {origin}",
                                         "Rename one of them (a slug, a file name or a static file)."))
        else:
            self.seen[key] = (site_path, origin)
        if key == MANIFEST_NAME.casefold():
            self.problems.append(Problem(site_path, None, None, "this name is reserved by the generator",
                                         "Rename the file."))

    @property
    def seen_paths(self) -> Iterator[str]:
        return (site_path for site_path, _origin in self.seen.values())

    def raise_problems(self) -> None:
        if self.problems:
            raise BuildError(self.problems)
