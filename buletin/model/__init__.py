"""The shared model: the records every stage passes on.

Rules of this package:
- records only: frozen dataclasses (but FileOutcome and LoadResult, which a loader fills as it goes), and
  the few helpers that describe them, such as slugs and site paths;
- no input or output: nothing here reads or writes a file;
- no numpy, no scipy, no Jinja, no Markdown: any stage may import the model without paying for another's tools;
- it imports nothing else of the engine (the configuration and the counted words appear as type hints only).
"""

from .bulletin import REFERENCE_PREFIX, REFERENCE_SCHEME, Article, Campaign, Contact, FileOutcome, LoadResult
from .output import CopiedFile, RenderedFile, WriteReport
from .picture import Picture, Variant
from .problem import BuildError, Problem, did_you_mean, shown_path
from .site import NEWS_WINDOW, CampaignEntry, MonthArchive, Neighbours, Site, Term, YearArchive, newest_first
from .slug import SLUG_PATTERN, slugify, strip_date_prefix

__all__ = [
    "NEWS_WINDOW", "REFERENCE_PREFIX", "REFERENCE_SCHEME", "SLUG_PATTERN", "Article", "BuildError", "Campaign",
    "CampaignEntry", "Contact", "CopiedFile", "FileOutcome", "LoadResult", "MonthArchive", "Neighbours", "Picture",
    "Problem", "RenderedFile", "Site", "Term", "Variant", "WriteReport", "YearArchive", "did_you_mean",
    "newest_first", "shown_path", "slugify", "strip_date_prefix",
]
