"""The site's languages: its interface words and its dates.

Rules of this package: tables and formatting only, no input or output; every stage may use it.
"""

from .dates import format_article_datetime, format_list_date, format_month, zone_abbreviation
from .words import SUPPORTED_LANGUAGES, UI_WORDS, ui_words

__all__ = ["SUPPORTED_LANGUAGES", "UI_WORDS", "format_article_datetime", "format_list_date", "format_month",
           "ui_words", "zone_abbreviation"]
