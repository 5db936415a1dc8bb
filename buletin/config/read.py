"""Reading site.toml: every key checked against the schema, every problem reported at once."""

from __future__ import annotations

import dataclasses
import re
import tomllib
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ..i18n import SUPPORTED_LANGUAGES
from ..model import BuildError, Problem, did_you_mean
from .schema import STEMMERS, RelatedConfig, SiteConfig, ThemeConfig, _check_base_url, _with_trailing_slash


def load_config(path: Path | None, display_name: str | None = None) -> SiteConfig:
    """Read and validate a configuration file; a missing path gives the defaults.

    Every problem in the file is collected before the BuildError is raised.
    """
    if path is None:
        return SiteConfig()
    name = display_name or str(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise BuildError([Problem(name, None, None, "the configuration file does not exist",
                                  "Create it, or point --config at an existing file.")]) from None
    except (OSError, UnicodeDecodeError) as error:
        raise BuildError([Problem(name, None, None, f"cannot read the configuration file: {error}",
                                  "Save it as UTF-8 text.")]) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        line = _line_from_toml_error(str(error), text)
        raise BuildError([Problem(name, line, None, f"this is not valid TOML: {error}",
                                  'Check quotes and brackets; strings need "double quotes".')]) from None
    problems: list[Problem] = []
    values = _read_table(data, SiteConfig, "", name, text, problems)
    for section, cls in (("related", RelatedConfig), ("theme", ThemeConfig)):
        if section in data and isinstance(data[section], dict):
            values[section] = cls(**_read_table(data[section], cls, section, name, text, problems))
        elif section in data:
            problems.append(Problem(name, _line_of(text, section), section,
                                    "must be a table", f"Write it as a [{section}] section."))
    problems += _check_values(values, name, text)
    if problems:
        raise BuildError(problems)
    if "base_url" in values:
        values["base_url"] = _with_trailing_slash(values["base_url"])
    return SiteConfig(**values)


_SCALAR_TYPES = {"str": str, "int": int, "float": (int, float), "bool": bool}
_TYPE_NAMES = {"str": "a string", "int": "a whole number", "float": "a number",
               "bool": "true or false", "tuple[str, ...]": "a list of strings"}


def _read_table(data: dict, cls: type, section: str, name: str, text: str,
                problems: list[Problem]) -> dict:
    """Check the keys and value types of one TOML table against a dataclass."""
    fields = {f.name: f for f in dataclasses.fields(cls)}
    values: dict = {}
    for key, value in data.items():
        label = f"{section}.{key}" if section else key
        line = _line_of(text, key)
        if key not in fields:
            guess = did_you_mean(key, fields)
            hint = f'Did you mean "{guess}"?' if guess else "Known keys: " + ", ".join(sorted(fields)) + "."
            problems.append(Problem(name, line, label, "unknown configuration key", hint))
            continue
        type_name = str(fields[key].type)
        if type_name in ("RelatedConfig", "ThemeConfig"):
            continue
        if type_name == "tuple[str, ...]":
            if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
                problems.append(Problem(name, line, label, f"must be {_TYPE_NAMES[type_name]}",
                                        f'Write it as {key} = ["...", "..."].'))
                continue
            values[key] = tuple(value)
            continue
        expected = _SCALAR_TYPES[type_name]
        if (isinstance(value, bool) and type_name != "bool") or not isinstance(value, expected):
            problems.append(Problem(name, line, label, f"must be {_TYPE_NAMES[type_name]}, "
                                    f"not {type(value).__name__} {value!r}", None))
            continue
        values[key] = float(value) if type_name == "float" else value
    return values


def _check_values(values: dict, name: str, text: str) -> list[Problem]:
    problems = []
    if "base_url" in values:
        problem = _check_base_url(values["base_url"])
        if problem:
            problems.append(Problem(name, _line_of(text, "base_url"), "base_url", *problem))
    if "timezone" in values:
        try:
            ZoneInfo(values["timezone"])
        except (ZoneInfoNotFoundError, ValueError):
            problems.append(Problem(name, _line_of(text, "timezone"), "timezone",
                                    f'unknown time zone "{values["timezone"]}"',
                                    'Use an IANA name such as "Asia/Jakarta", "Asia/Makassar" or "Asia/Jayapura".'))
    if "language" in values and values["language"] not in SUPPORTED_LANGUAGES:
        problems.append(Problem(name, _line_of(text, "language"), "language",
                                f'unsupported language "{values["language"]}"',
                                "Use one of: " + ", ".join(sorted(SUPPORTED_LANGUAGES)) + "."))
    for key in ("items_per_page", "feed_items"):
        if key in values and values[key] < 1:
            problems.append(Problem(name, _line_of(text, key), key, "must be at least 1", None))
    related = values.get("related")
    if related is not None:
        problems += _check_related(related, name, text)
    theme = values.get("theme")
    for key, colour in (theme.colours.items() if theme else ()):
        if not re.fullmatch(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})", colour):
            problems.append(Problem(name, _line_of(text, key), f"theme.{key}", f'"{colour}" is not a colour',
                                    'Write it as "#rrggbb", for example "#9b1c1c".'))
    regions = values.get("regions", ())
    duplicates = sorted({r for r in regions if regions.count(r) > 1})
    if duplicates:
        problems.append(Problem(name, _line_of(text, "regions"), "regions",
                                "regions listed twice: " + ", ".join(duplicates), "List each region once."))
    return problems


def _check_related(related: RelatedConfig, name: str, text: str) -> list[Problem]:
    problems = []
    if related.stemmer not in STEMMERS:
        problems.append(Problem(name, _line_of(text, "stemmer"), "related.stemmer",
                                f'unknown stemmer "{related.stemmer}"', "Use one of: " + ", ".join(STEMMERS) + "."))
    if related.count < 0:
        problems.append(Problem(name, _line_of(text, "count"), "related.count", "must not be negative", None))
    for key in ("inline_after_paragraph", "inline_min_paragraphs"):
        if getattr(related, key) < 0:
            problems.append(Problem(name, _line_of(text, key), f"related.{key}", "must not be negative", None))
    if not related.inline_marker.strip():
        problems.append(Problem(name, _line_of(text, "inline_marker"), "related.inline_marker", "must not be empty",
                                'The default is "<!-- baca-juga -->".'))
    return problems


def _line_of(text: str, key: str) -> int | None:
    match = re.search(rf"^\s*{re.escape(key)}\s*=|^\s*\[{re.escape(key)}\]", text, re.MULTILINE)
    return text.count("\n", 0, match.start()) + 1 if match else None


def _line_from_toml_error(message: str, text: str) -> int | None:
    match = re.search(r"line (\d+)", message)
    if match:
        return int(match.group(1))
    return text.rstrip("\n").count("\n") + 1 if "end of document" in message else None
