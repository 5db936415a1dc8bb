"""`build.py import`: plain-text press releases into Markdown bulletins.

parse_release() is pure: text in, an ImportedRelease (front-matter values,
body, and notes on what was found or is missing) out. import_releases()
decides where each goes and writes it, never over an existing file unless
forced, and never a file that lacks a date or region.
"""

from __future__ import annotations

import argparse
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from babel.dates import get_month_names

from ..config import SiteConfig, read_config
from ..load.fields import parse_datetime
from ..model import slugify
from .arguments import EXIT_OK, EXIT_PROBLEMS, add_folder_arguments, build_options, comma_list

# "Jakarta (ANTARA) - ...": place, then the agency in brackets.
DATELINE_AGENCY = re.compile(r"^(?P<place>[A-Z][\w.' -]{1,40}?)\s*\((?P<source>[^()]{2,60})\)\s*[-–—]+\s*")
# "koranmetronews.id, JAKARTA – ...": a web source, then the place.
DATELINE_WEBSITE = re.compile(r"^(?P<source>[\w-]+(?:\.[\w-]+)*\.(?:id|com|net|org|co|news|info)),\s*"
                              r"(?P<place>[A-Za-z][\w.' -]{1,40}?)\s*[-–—]+\s*")
READ_ALSO = re.compile(r"^\s*Baca juga\s*:\s*(?P<title>.+?)\s*$", re.IGNORECASE)
REPORTER = re.compile(r"^\s*(?:Pewarta|Reporter|Penulis)\s*:\s*(?P<name>.+?)\s*$", re.IGNORECASE)
EDITOR = re.compile(r"^\s*(?:Editor|Penyunting|Redaktur)\s*:\s*(?P<name>.+?)\s*$", re.IGNORECASE)
INITIALS = re.compile(r"^\s*\(\s*(?P<initials>[A-Za-z]{2,5}(?:\s*/\s*[A-Za-z]{2,5})*)\s*\)\s*$")
COPYRIGHT = re.compile(r"^\s*(?:Copyright|Hak cipta)?\s*(?:©|\(c\))\s*(?P<holder>.+?)\s+(?P<year>\d{4})\s*$",
                       re.IGNORECASE)
PUBLISHED = re.compile(r"^\s*(?:Tanggal|Diterbitkan|Dipublikasikan|Tanggal terbit)\s*:\s*(?P<date>.+?)\s*$",
                       re.IGNORECASE)
MARKDOWN_START = re.compile(r"^(\s*)([#>+*-]|\d+)([.)]?)(\s)")
TITLE_LIMIT = 160


@dataclass
class ImportedRelease:
    """What a plain-text release says, ready to become a bulletin."""

    source_file: str
    title: str = ""
    title_origin: str = ""  # "headline", "--title", "first sentence"
    date: str = ""
    date_origin: str = ""
    region: str = ""
    region_origin: str = ""
    dateline: str = ""
    source: str = ""
    copyright: str = ""
    reporters: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    related: list[str] = field(default_factory=list)
    unresolved_related: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # what stops the import, with the flag to add
    notes: list[str] = field(default_factory=list)  # what was decided, for the summary

    @property
    def front_matter(self) -> dict:
        data: dict = {"title": self.title, "date": self.date,
                      "reporter": self.reporters[0] if len(self.reporters) == 1 else self.reporters,
                      "editor": self.editors[0] if len(self.editors) == 1 else self.editors,
                      "region": self.region}
        if self.tags:
            data["tags"] = self.tags
        if self.source:
            data["source"] = self.source
        if self.dateline:
            data["dateline"] = self.dateline
        if self.related:
            data["related"] = self.related
        if self.copyright:
            data["extra"] = {"copyright": self.copyright}
        return data

    def markdown(self) -> str:
        front = yaml.safe_dump(self.front_matter, allow_unicode=True, sort_keys=False, width=1000)
        return "---\n" + front + "---\n\n" + "\n\n".join(self.paragraphs) + "\n"


@dataclass(frozen=True)
class ImportOptions:
    region: str = ""
    date: str = ""
    tags: tuple[str, ...] = ()
    title: str = ""
    title_from_first_sentence: bool = False
    reporter: str = ""
    editor: str = ""


def parse_release(text: str, source_file: str, options: ImportOptions, config: SiteConfig,
                  known_titles: dict[str, str]) -> ImportedRelease:
    """Read one plain-text release; `known_titles` maps normalised titles of existing bulletins to their slugs."""
    release = ImportedRelease(source_file=source_file, tags=list(options.tags))
    lines = [line.rstrip() for line in text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    lines = [line for line in lines if line.strip()]
    initials = ""
    body: list[str] = []
    for line in lines:
        if match := READ_ALSO.match(line):
            title = match.group("title")
            slug = known_titles.get(normalise_title(title))
            if slug:
                release.related.append(slug)
            else:
                release.unresolved_related.append(title)
        elif match := REPORTER.match(line):
            release.reporters += split_names(match.group("name"))
        elif match := EDITOR.match(line):
            release.editors += split_names(match.group("name"))
        elif match := COPYRIGHT.match(line):
            release.copyright = f"© {match.group('holder').strip()} {match.group('year')}"
            if not release.source:
                release.source = match.group("holder").strip()
        elif match := INITIALS.match(line):
            initials = match.group("initials").replace(" ", "")
        elif match := PUBLISHED.match(line):
            release.date = match.group("date")
            release.date_origin = "the text"
        else:
            body.append(line)

    _take_headline_and_dateline(release, body, options)
    release.paragraphs = [escape_markdown(line.strip()) for line in body]

    if not release.reporters and initials:
        release.reporters = [initials]
        release.notes.append(f"reporter taken from the closing initials ({initials})")
    for key, value in (("reporters", options.reporter), ("editors", options.editor)):
        if not getattr(release, key) and value:
            getattr(release, key).append(value)
    if not release.editors and config.default_editor:
        release.editors = [config.default_editor]
    if not release.reporters and config.default_reporter:
        release.reporters = [config.default_reporter]
    if not release.reporters:
        release.missing.append("no reporter: add --reporter NAME")
    if not release.editors:
        release.missing.append("no editor: add --editor NAME")

    _settle_date(release, options, config)
    _settle_region(release, options, config, "\n".join(lines))
    if release.unresolved_related:
        release.notes.append("'Baca juga' titles with no matching bulletin: " + "; ".join(release.unresolved_related))
    return release


def _take_headline_and_dateline(release: ImportedRelease, body: list[str], options: ImportOptions) -> None:
    """The headline (first line, unless the text starts with the dateline) and the dateline of the first paragraph."""
    if not body:
        release.missing.append("the file has no text")
        return
    starts_with_dateline = bool(_dateline(body[0]))
    if not starts_with_dateline:
        headline = body.pop(0)
        release.title, release.title_origin = sentence_case(headline), "headline"
    if body and (match := _dateline(body[0])):
        place = " ".join(match.group("place").split())
        release.dateline = place.title() if place.isupper() or place.islower() else place
        release.source = match.group("source").strip()  # the dateline names the source better than a copyright
        body[0] = body[0][match.end():].strip()
        body[0] = body[0][:1].upper() + body[0][1:]
    if options.title:
        release.title, release.title_origin = " ".join(options.title.split()), "--title"
    elif starts_with_dateline:
        if options.title_from_first_sentence and body:
            release.title, release.title_origin = first_sentence(body[0]), "first sentence"
        else:
            release.missing.append("the text starts with the dateline, so it has no headline: "
                                   "add --title \"...\" or --title-from-first-sentence")


def _dateline(line: str) -> re.Match | None:
    return DATELINE_AGENCY.match(line) or DATELINE_WEBSITE.match(line)


def _settle_date(release: ImportedRelease, options: ImportOptions, config: SiteConfig) -> None:
    if options.date:
        release.date, release.date_origin = options.date, "--date"
    if not release.date:
        release.missing.append("no publication date in the text: add --date YYYY-MM-DD [HH:MM]")
        return
    parsed = parse_datetime(_indonesian_date(release.date), config)
    if parsed is None:
        release.missing.append(f'"{release.date}" is not a date: add --date YYYY-MM-DD [HH:MM]')
        return
    moment, has_time = parsed
    release.date = moment.strftime("%Y-%m-%d %H:%M" if has_time else "%Y-%m-%d")


def _indonesian_date(text: str) -> str:
    """ "2 November 2022 14:05" (Indonesian month names) into ISO form; other text is returned as it is."""
    months = {name.casefold(): number for number, name in get_month_names("wide", locale="id").items()}
    match = re.fullmatch(r"(?:\w+,\s*)?(\d{1,2})\s+(\w+)\s+(\d{4})(?:\s+(\d{1,2})[:.](\d{2}))?(?:\s*(WIB|WITA|WIT))?",
                         text.strip())
    if not match or match.group(2).casefold() not in months:
        return text
    day, month, year = int(match.group(1)), months[match.group(2).casefold()], match.group(3)
    result = f"{year}-{month:02d}-{day:02d}"
    if match.group(4):
        result += f" {int(match.group(4)):02d}:{match.group(5)}"
        if match.group(6):
            result += f" {match.group(6)}"
    return result


def _settle_region(release: ImportedRelease, options: ImportOptions, config: SiteConfig, text: str) -> None:
    if options.region:
        release.region, release.region_origin = " ".join(options.region.split()), "--region"
        if config.regions and release.region not in config.regions:
            release.missing.append(f'unknown region "{release.region}": use one of ' + ", ".join(config.regions))
        return
    counts = {region: len(re.findall(rf"\b{re.escape(region)}\b", text, re.IGNORECASE)) for region in config.regions}
    ranked = sorted(counts.items(), key=lambda item: -item[1])
    if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        release.region, release.region_origin = ranked[0][0], f"the text ({ranked[0][1]} mentions)"
        release.notes.append(f"region {release.region} taken from the text ({ranked[0][1]} mentions)")
    else:
        release.missing.append("the text does not name one region clearly: add --region \"...\"")


def short_slug(title: str, limit: int = 80) -> str:
    """A file name from the headline, cut at a word so that addresses stay readable."""
    slug = slugify(title) or "siaran-pers"
    return slug if len(slug) <= limit else slug[:limit].rsplit("-", 1)[0]


def normalise_title(title: str) -> str:
    """For matching "Baca juga" titles: no accents, case, punctuation or extra spaces."""
    folded = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode().casefold()
    return " ".join(re.sub(r"[^\w\s]", " ", folded).split())


def split_names(text: str) -> list[str]:
    return [" ".join(name.split()) for name in re.split(r"\s*(?:,|;|\bdan\b|&)\s*", text) if name.strip()]


def sentence_case(text: str) -> str:
    text = " ".join(text.split())
    return text[:1].upper() + text[1:]


def first_sentence(paragraph: str) -> str:
    sentence = re.split(r"(?<=[.!?])\s+(?=[A-Z“\"])", paragraph.strip(), maxsplit=1)[0].rstrip(".")
    sentence = " ".join(sentence.split())
    if len(sentence) > TITLE_LIMIT:
        sentence = sentence[: TITLE_LIMIT - 1].rsplit(" ", 1)[0] + "…"
    return sentence_case(sentence)


def escape_markdown(line: str) -> str:
    """Plain text stays plain: characters Markdown would read as markup are escaped."""
    line = line.replace("\\", "\\\\").replace("`", "\\`").replace("*", "\\*").replace("_", "\\_")
    line = line.replace("[", "\\[").replace("]", "\\]").replace("<", "&lt;")
    def escape_start(match: re.Match) -> str:
        indent, marker, punctuation, space = match.groups()
        if marker.isdigit():  # "1. item" would become a numbered list: escape the full stop
            return f"{indent}{marker}\\{punctuation}{space}" if punctuation else match.group(0)
        return f"{indent}\\{marker}{punctuation}{space}"
    return MARKDOWN_START.sub(escape_start, line)


@dataclass
class ImportOutcome:
    release: ImportedRelease
    target: Path | None  # where it was (or would be) written
    written: bool
    problem: str = ""  # why nothing was written


def import_releases(files: Sequence[Path], content_dir: Path, options: ImportOptions, config: SiteConfig,
                    dry_run: bool = False, force: bool = False) -> list[ImportOutcome]:
    """Convert every file; a file with something missing, or whose target exists (without force), is skipped."""
    known_titles = existing_titles(content_dir, config)
    outcomes = []
    for path in files:
        try:
            text = path.read_bytes().decode("utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            release = ImportedRelease(source_file=str(path))
            outcomes.append(ImportOutcome(release, None, False, f"cannot read it as UTF-8 text: {error}"))
            continue
        release = parse_release(text, str(path), options, config, known_titles)
        if release.missing:
            outcomes.append(ImportOutcome(release, None, False, "; ".join(release.missing)))
            continue
        year = release.date[:4]
        target = content_dir / year / f"{short_slug(release.title)}.md"
        if target.exists() and not force:
            outcomes.append(ImportOutcome(release, target, False, "the file exists; add --force to replace it"))
            continue
        if not dry_run:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(release.markdown(), encoding="utf-8")
        known_titles[normalise_title(release.title)] = target.stem
        outcomes.append(ImportOutcome(release, target, not dry_run))
    return outcomes


def existing_titles(content_dir: Path, config: SiteConfig) -> dict[str, str]:
    """Normalised titles of the bulletins already in content/, to resolve "Baca juga" lines."""
    from ..load.content import load_content  # the whole loader, so titles are read exactly as the build reads them

    if not content_dir.is_dir():
        return {}
    loaded = load_content(content_dir, config)
    return {normalise_title(article.title): article.slug for article in loaded.articles}


def report(outcomes: Sequence[ImportOutcome], dry_run: bool) -> str:
    """What was imported, what needs attention, and where each file went."""
    lines = []
    for outcome in outcomes:
        release = outcome.release
        if outcome.problem:
            lines.append(f"NOT IMPORTED {release.source_file}: {outcome.problem}")
            continue
        verb = "would write" if dry_run else "wrote"
        lines.append(f"{release.source_file} -> {outcome.target} ({verb}; title from {release.title_origin}, "
                     f"date from {release.date_origin}, region from {release.region_origin})")
        for note in release.notes:
            lines.append(f"    note: {note}")
        if dry_run:
            front = yaml.safe_dump(release.front_matter, allow_unicode=True, sort_keys=False, width=1000)
            lines += ["    ---", *(f"    {line}" for line in front.rstrip("\n").split("\n")), "    ---"]
    imported = sum(1 for outcome in outcomes if not outcome.problem)
    lines.append(f"{imported} of {len(outcomes)} releases {'can be imported' if dry_run else 'imported'}, "
                 f"{len(outcomes) - imported} need attention.")
    return "\n".join(lines)




def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE", help="plain-text press releases")
    parser.add_argument("--region", default="", help="region of every file (else taken from the text)")
    parser.add_argument("--date", default="", help='publication date, "YYYY-MM-DD" or "YYYY-MM-DD HH:MM"')
    parser.add_argument("--tags", default="", help="topics for every file, separated by commas")
    parser.add_argument("--title", default="", help="headline, for a text that starts with its dateline")
    parser.add_argument("--title-from-first-sentence", action="store_true",
                        help="take the headline from the first sentence when the text has none")
    parser.add_argument("--reporter", default="", help="reporter when the text names none")
    parser.add_argument("--editor", default="", help="editor when the text names none")
    parser.add_argument("--dry-run", action="store_true", help="write nothing; print the front-matter")
    parser.add_argument("--force", action="store_true", help="replace bulletins that already exist")
    add_folder_arguments(parser)


def run(arguments: argparse.Namespace) -> int:
    """Exit 0 when every file was imported, 1 when any needs attention."""
    options = build_options(arguments)
    config = read_config(options)
    import_options = ImportOptions(
        region=arguments.region, date=arguments.date, title=arguments.title,
        title_from_first_sentence=arguments.title_from_first_sentence, reporter=arguments.reporter,
        editor=arguments.editor, tags=comma_list(arguments.tags))
    outcomes = import_releases(arguments.files, options.content_dir, import_options, config,
                               dry_run=arguments.dry_run, force=arguments.force)
    print(report(outcomes, arguments.dry_run))
    return EXIT_OK if all(not outcome.problem for outcome in outcomes) else EXIT_PROBLEMS
