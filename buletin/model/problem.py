"""Problems found in the input, reported all at once with their context."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in a file: where, what, and how to fix it."""

    file: str
    line: int | None
    field: str | None
    message: str
    suggestion: str | None = None

    def format(self) -> str:
        where = self.file
        if self.line is not None:
            where += f", line {self.line}"
        if self.field:
            where += f", field '{self.field}'"
        text = f"{where}: {self.message}"
        if self.suggestion:
            text += f"\n    {self.suggestion}"
        return text


class BuildError(Exception):
    """The input has problems; nothing was written."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = sorted(problems, key=_sort_key)
        super().__init__(self.report())

    def __reduce__(self) -> tuple:
        return (BuildError, (self.problems,))  # so that a worker process can hand it back whole

    def report(self) -> str:
        count = len(self.problems)
        heading = "1 problem" if count == 1 else f"{count} problems"
        lines = [f"Error: {heading} found; nothing was written."]
        lines += [problem.format() for problem in self.problems]
        return "\n".join(lines)


def _sort_key(problem: Problem) -> tuple:
    return (problem.file, problem.line or 0, problem.field or "", problem.message)


def shown_path(path: str | Path) -> str:
    """A path as writers see it: relative to the current folder when it lies below it."""
    try:
        return Path(path).resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return Path(path).as_posix()


def did_you_mean(value: str, choices: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The closest known value to a mistyped one, compared without case."""
    by_folded = {choice.casefold(): choice for choice in choices}
    close = difflib.get_close_matches(value.casefold(), list(by_folded), n=1, cutoff=cutoff)
    return by_folded[close[0]] if close else None
