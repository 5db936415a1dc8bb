"""How long each stage of a build took, and what the build reports when it is done."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from babel.numbers import format_decimal

from ..i18n import ui_words
from ..model import Problem, WriteReport

Result = TypeVar("Result")


class StageTimer:
    """The time of each stage of a build, as the stages run through it."""

    def __init__(self) -> None:
        self.began = time.perf_counter()
        self.seconds: dict[str, float] = {}

    def run(self, stage: str, step: Callable[..., Result], *arguments: object) -> Result:
        """step(*arguments), its time added to the stage's."""
        started = time.perf_counter()
        try:
            return step(*arguments)
        finally:
            self.seconds[stage] = self.seconds.get(stage, 0.0) + time.perf_counter() - started

    def moved(self, seconds: float, from_stage: str, to_stage: str) -> None:
        """Time spent in one stage on another's work (the writer waiting for pages as they are rendered)."""
        self.seconds[from_stage] -= seconds
        self.seconds[to_stage] = self.seconds.get(to_stage, 0.0) + seconds

    @property
    def elapsed(self) -> float:
        return time.perf_counter() - self.began


@dataclass
class BuildReport:
    articles: int
    pages: int
    write: WriteReport
    warnings: list[Problem]
    stage_seconds: dict[str, float] = field(default_factory=dict)  # the search index's beside the pages'
    cache_note: str = ""
    language: str = "id"
    seconds: float | None = None  # the whole build (stages may overlap); None: the sum of the stages

    def summary(self, output: Path) -> str:
        """ "1.234 buletin, 1.876 halaman dalam 3,2 dtk; 12 berubah → output/", in the site's language."""
        def number(value: float, pattern: str = "#,##0") -> str:
            return format_decimal(value, format=pattern, locale=self.language)
        return ui_words(self.language)["build_summary"].format(
            bulletins=number(self.articles), pages=number(self.pages),
            seconds=number(self.seconds if self.seconds is not None else sum(self.stage_seconds.values()), "#,##0.0"),
            changed=number(self.write.written + self.write.removed), output=f"{output}/")
