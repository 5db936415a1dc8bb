"""The front-matter fields of bulletins and campaigns, and the one reader of them both.

A FieldTable lists a kind of file's fields, which are required, and the
Indonesian names writers may use instead. Fields reads one file's front-matter
against its table: unknown keys, a field given twice under two names and
missing required fields are reported at once, and each typed reader (text,
names, tags, slugs, dates, flags, help lines) converts one value or says why it
cannot, with the line and a suggestion.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from functools import cached_property
from pathlib import Path

from ..config import SiteConfig
from ..model import Contact, Problem, did_you_mean, slugify
from .references import points_outside, resolve_local_file

ProblemSink = Callable[..., None]  # problem(line, field, message, suggestion=None)


def problem_sink(shown: str, problems: list[Problem]) -> ProblemSink:
    """problem(line, field, message, suggestion=None), adding a Problem of the file shown as `shown`."""
    def problem(line: int | None, field_name: str | None, message: str, suggestion: str | None = None) -> None:
        problems.append(Problem(shown, line, field_name, message, suggestion))
    return problem


@dataclass(frozen=True)
class FieldTable:
    """The fields of one kind of file, and the words its problems are told in."""

    required: tuple[str, ...]
    optional: tuple[str, ...]
    aliases: dict[str, tuple[str, ...]]  # English name -> the Indonesian names writers may use instead
    unknown: str  # what an unknown key is called
    unknown_hint: str | None  # the suggestion when no known name is close; None: the list of fields
    required_hint: str  # the suggestion for a missing field: {name}, and {also} for its Indonesian name

    @cached_property
    def names(self) -> tuple[str, ...]:
        return self.required + self.optional

    @cached_property
    def canonical(self) -> dict[str, str]:
        """Every name a key may have, English or Indonesian, with its field."""
        names = {alias: name for name, aliases in self.aliases.items() for alias in aliases}
        names.update({name: name for name in self.names})
        return names


BULLETIN_FIELDS = FieldTable(
    required=("title", "date", "reporter", "editor", "region"),
    optional=("tags", "summary", "slug", "image", "image_alt", "image_caption", "source", "dateline", "related",
              "not_related", "draft", "updated", "lang", "campaign", "extra"),
    aliases={"title": ("judul",), "date": ("tanggal",), "reporter": ("pewarta",), "editor": ("penyunting",),
             "region": ("wilayah",), "tags": ("topik", "tag"), "summary": ("ringkasan",), "campaign": ("kampanye",)},
    unknown="unknown field",
    unknown_hint="Put your own fields under 'extra:'.",
    required_hint="Add a line '{name}: ...'{also} to the front-matter.",
)

CAMPAIGN_FIELDS = FieldTable(
    required=("title", "theme", "start"),
    optional=("slug", "end", "hashtag", "image", "image_alt", "contacts", "lead", "contact_box"),
    aliases={"title": ("judul",), "theme": ("tema",), "start": ("mulai",), "end": ("selesai",),
             "contacts": ("kontak",)},
    unknown="unknown campaign field",
    unknown_hint=None,
    required_hint="Add a line '{name}: ...'.",
)

# Indonesian zone abbreviations writers put after a time.
ZONE_OFFSETS = {"WIB": "+07:00", "WITA": "+08:00", "WIT": "+09:00", "UTC": "+00:00"}


class Fields:
    """One file's front-matter read against its table; each reader converts one field or reports why not."""

    def __init__(self, table: FieldTable, data: dict, key_lines: dict[str, int], problem: ProblemSink,
                 config: SiteConfig):
        self.problem = problem
        self.config = config
        self.values: dict[str, object] = {}
        self.lines: dict[str, int | None] = {}
        canonical = table.canonical
        for key, value in data.items():
            key_text = str(key)
            line = key_lines.get(key_text)
            name = canonical.get(key_text)
            if name is None:
                guess = did_you_mean(key_text, canonical)
                hint = (f'Did you mean "{guess}"?' if guess
                        else table.unknown_hint or "Known fields: " + ", ".join(table.names) + ".")
                problem(line, key_text, table.unknown, hint)
                continue
            if name in self.values:
                problem(line, key_text, f"'{key_text}' repeats the field '{name}' given on line {self.lines[name]}",
                        "Keep only one of them.")
                continue
            self.values[name] = value
            self.lines[name] = line
        for name in table.required:
            value = self.values.get(name)
            if value is None or not str(value).strip() or value == []:
                aliases = table.aliases.get(name, ())
                also = f" (or '{aliases[0]}: ...')" if aliases else ""
                problem(self.line(name), name, "required field is missing" if name not in self.values else "is empty",
                        table.required_hint.format(name=name, also=also))

    def line(self, name: str) -> int | None:
        return self.lines.get(name)

    def has(self, name: str) -> bool:
        return name in self.values

    def raw(self, name: str, default: object = None) -> object:
        return self.values.get(name, default)

    def _problem(self, name: str, message: str, suggestion: str | None) -> None:
        self.problem(self.line(name), name, message, suggestion)

    def text(self, name: str) -> str | None:
        """A single value as text, its spaces collapsed; None when the field is not given."""
        value = self.values.get(name)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            self._problem(name, f"must be text, not {kind_of(value)}",
                          'Write a single value; put quotes around it if it contains ":" or "#".')
            return None
        return " ".join(str(value).split())

    def names(self, name: str) -> tuple[str, ...]:
        """One name or a list of them (reporters, editors)."""
        value = self.values.get(name)
        if value is None or value == "":
            return ()
        items = value if isinstance(value, list) else [value]
        names = []
        for item in items:
            if isinstance(item, bool) or not isinstance(item, (str, int, float)) or not str(item).strip():
                self._problem(name, "must be a name or a list of names",
                              f"Write '{name}: Nama Lengkap' or '{name}: [Nama Satu, Nama Dua]'.")
                return ()
            if not slugify(str(item)):
                self._problem(name, f'"{item}" is not a name', "Write the person's name in letters.")
                return ()
            names.append(" ".join(str(item).split()))
        return tuple(dict.fromkeys(names))

    def tags(self, name: str = "tags") -> tuple[str, ...]:
        """A list of topics, or one line of them separated by commas."""
        value = self.values.get(name)
        if value is None or value == "":
            return ()
        if isinstance(value, str):
            items: list = value.split(",")
        elif isinstance(value, list):
            items = value
        else:
            self._problem(name, f"must be a list of topics, not {kind_of(value)}",
                          "Write 'tags: [tppo, perlindungan anak]'.")
            return ()
        tags = []
        for item in items:
            if isinstance(item, bool) or not isinstance(item, (str, int, float)):
                self._problem(name, f"each topic must be text, not {kind_of(item)}",
                              "Write 'tags: [tppo, perlindungan anak]'.")
                return ()
            tag = " ".join(str(item).split())
            if tag and not slugify(tag):
                self._problem(name, f'the topic "{tag}" has no letters or digits', "Remove it.")
                return ()
            if tag:
                tags.append(tag)
        return tuple(dict.fromkeys(tags))

    def slugs(self, name: str) -> tuple[str, ...]:
        """Slugs of other bulletins (a pasted address keeps its last segment)."""
        value = self.values.get(name)
        if value is None or value == "":
            return ()
        items = value if isinstance(value, list) else [value]
        slugs = []
        for item in items:
            if not isinstance(item, str) or not item.strip():
                self._problem(name, "must be a list of bulletin slugs", f"Write '{name}: [slug-berita-lain]'.")
                return ()
            slugs.append(item.strip().strip("/").split("/")[-1])
        return tuple(dict.fromkeys(slugs))

    def date(self, name: str) -> tuple[datetime, bool] | None:
        """A moment in the site's time zone, and whether a time of day was given."""
        value = self.values.get(name)
        if value is None or value == "":
            return None
        parsed = parse_datetime(value, self.config)
        if parsed is None:
            self._problem(name, f'"{value}" is not a date',
                          'Write it as YYYY-MM-DD or YYYY-MM-DD HH:MM, for example "2022-11-02 14:05".')
        return parsed

    def flag(self, name: str, default: bool = False) -> bool:
        value = self.values.get(name, default)
        if value is None:
            return False
        if not isinstance(value, bool):
            self._problem(name, f"must be true or false, not {value!r}", f"Write '{name}: true' or '{name}: false'.")
            return False
        return value

    def picture(self, image_alt: str, document: Path, content_dir: Path, owner: str) -> str | None:
        """The content-relative path of the picture at the top of the page (the `image` field), which must be
        inside the content folder, there, and described (by `image_alt`, read already); `owner` is what
        the file is: "bulletin", "campaign"."""
        value = self.text("image")
        if not value:
            return None
        resolved = resolve_local_file(value, document, content_dir)
        if resolved is None and points_outside(value, document, content_dir):
            self._problem("image", f'"{value}" points outside the content folder',
                          "Put the picture inside content/ (for example content/images/) and refer to it from there.")
        elif resolved is None:
            self._problem("image", f'image file "{value}" not found',
                          f"The path is relative to this {owner}'s file; check the spelling and the folder.")
        elif not image_alt:
            self.problem(self.line("image"), "image_alt", "the image has no description for readers who cannot see it",
                         "Add 'image_alt: ...' describing what the image shows.")
        return resolved

    def contacts(self, name: str = "contacts") -> tuple[Contact, ...]:
        """A campaign's help lines: each a label with a phone, a WhatsApp number or an address."""
        value = self.values.get(name)
        if value in (None, ""):
            return ()
        example = "Write each as '- label: Hotline SAPA 129' with 'phone:', 'whatsapp:' or 'url:'."
        if not isinstance(value, list):
            self._problem(name, "must be a list of help lines", example)
            return ()
        contacts = []
        for item in value:
            if not isinstance(item, dict) or not isinstance(item.get("label"), str) or not item["label"].strip():
                self._problem(name, "each help line needs a 'label'", example)
                return ()
            unknown = sorted(set(map(str, item)) - {"label", "phone", "whatsapp", "url"})
            if unknown:
                self._problem(name, "unknown fields in a help line: " + ", ".join(unknown), example)
                return ()
            values = {key: str(item.get(key) or "").strip() for key in ("phone", "whatsapp", "url")}
            if not any(values.values()):
                self._problem(name, f'"{item["label"]}" has no phone, whatsapp or url', example)
                return ()
            if values["url"] and not values["url"].startswith(("https://", "http://", "mailto:")):
                self._problem(name, f'"{values["url"]}" is not a web address', 'Start it with "https://".')
                return ()
            contacts.append(Contact(" ".join(item["label"].split()), **values))
        return tuple(contacts)


def kind_of(value: object) -> str:
    """What a writer wrote, in words: "a list", "a set of fields", "true/false"."""
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a set of fields"
    if isinstance(value, bool):
        return "true/false"
    return type(value).__name__


def parse_datetime(value: object, config: SiteConfig) -> tuple[datetime, bool] | None:
    """An aware datetime and whether a time of day was given; None if it is not a date.

    A datetime without an offset is in the site's time zone.
    """
    if isinstance(value, datetime):
        moment, has_time = value, True
    elif isinstance(value, date):
        moment, has_time = datetime.combine(value, time()), False
    elif isinstance(value, str):
        text = " ".join(value.split())
        for abbreviation, offset in ZONE_OFFSETS.items():
            if text.upper().endswith(" " + abbreviation):
                text = text[: -len(abbreviation) - 1] + offset
                break
        if text.endswith("Z"):
            text = text[:-1] + "+00:00"
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            return None
        has_time = bool(re.search(r"\d[T ]\d", text))
    else:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=config.zone)
    return moment.astimezone(config.zone), has_time
