"""The pipeline: one build, stage after stage, and the steps between the stages.

Rules of this package: it is the only part of the engine that knows every
stage; the stages know only the model, the configuration, the languages and
text. build() is the list of the stages; timing is StageTimer's, and what the
cache keeps is decided here (mostly in steps.py), never inside a stage.

Its modules: build (build()), steps (what each stage is given and what the
cache keeps of it), report (stage times and the build's report), tally (the
files passing to the writer), progress (bars on the terminal).
"""

from .build import build
from .report import BuildReport
from .steps import read_sources, site_with_lists

__all__ = ["BuildReport", "build", "read_sources", "site_with_lists"]
