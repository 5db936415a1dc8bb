"""Dates as readers of each language write them, from Babel."""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache

from babel.dates import format_date, format_datetime


def format_article_datetime(moment: datetime, language: str) -> str:
    """ "Rabu, 2 November 2022 14:05 WIB": weekday, date, time and zone abbreviation."""
    text = format_datetime(moment, "EEEE, d MMMM y HH:mm", locale=language)
    return f"{text} {zone_abbreviation(moment)}"


def format_list_date(day: date | datetime, language: str) -> str:
    """ "2 November 2022" for lists."""
    return _list_date(day.date() if isinstance(day, datetime) else day, language)


@lru_cache(maxsize=1 << 14)  # a list page shows twenty dates, and an archive has a few thousand days
def _list_date(day: date, language: str) -> str:
    return format_date(day, "d MMMM y", locale=language)


def format_month(year: int, month: int, language: str) -> str:
    """ "November 2022" for archives."""
    return format_date(date(year, month, 1), "LLLL y", locale=language)


def zone_abbreviation(moment: datetime) -> str:
    """The zone's own abbreviation (WIB, WITA, WIT), or its UTC offset when it has none."""
    name = moment.tzname() or ""
    if name and not name.startswith(("+", "-")):
        return name
    offset = moment.strftime("%z")
    return f"UTC{offset[:3]}:{offset[3:]}" if offset else "UTC"
