"""One bulletin's file, read and checked: its front-matter fields and its Markdown body."""

from __future__ import annotations

from pathlib import Path

from babel import Locale, UnknownLocaleError

from ..config import SiteConfig
from ..model import SLUG_PATTERN, Article, Problem, did_you_mean, slugify, strip_date_prefix
from ..text.html import first_paragraph_text, html_to_text
from ..text.words import count_words
from .fields import BULLETIN_FIELDS, Fields, ProblemSink, problem_sink
from .frontmatter import read_front_matter
from .markdown import MarkdownRenderer
from .references import points_outside


def load_article(path: Path, raw: bytes, content_dir: Path, shown: str, config: SiteConfig,
                 renderer: MarkdownRenderer, problems: list[Problem],
                 warnings: list[Problem]) -> Article | None:
    """Parse and validate one file's bytes; problems are appended, None returned if it is unusable."""
    problem = problem_sink(shown, problems)
    parsed = read_front_matter(raw, problem, "title, date, reporter, editor, region")
    if parsed is None:
        return None
    before = len(problems)
    fields = Fields(BULLETIN_FIELDS, parsed.data, parsed.key_lines, problem, config)
    values = _field_values(fields, path, content_dir, config)
    rendered = renderer.render(parsed.body, path)
    for reference in rendered.missing:
        outside = points_outside(reference, path, content_dir)
        problem(_line_containing(parsed.text, reference, parsed.body_first_line), "body",
                f'linked file "{reference}" ' + ("points outside the content folder" if outside else "not found"),
                "Paths in the body are relative to this bulletin's file; check the spelling and the folder.")
    if len(problems) > before:
        return None
    summary = values.pop("summary") or first_paragraph_text(rendered.html)
    body_text = html_to_text(rendered.html)
    image = values["image"]
    return Article(
        source_path=shown,
        content_path=path.relative_to(content_dir).as_posix(),
        summary=summary,
        body_utf8=rendered.html.encode("utf-8"),
        body_words=len(body_text.split()),
        assets=tuple(dict.fromkeys([*([image] if image else []), *rendered.assets])),
        linked_articles=tuple(dict.fromkeys(rendered.linked_articles)),
        field_lines={name: line for name, line in fields.lines.items() if line is not None},
        words=count_words(values["title"], summary, body_text, config.related.title_weight),
        **values,
    )


def _field_values(fields: Fields, path: Path, content_dir: Path, config: SiteConfig) -> dict[str, object]:
    """The bulletin's fields read from its front-matter, by the names of Article's fields, in the order their
    problems are reported."""
    values: dict[str, object] = {
        "title": fields.text("title"),
        "reporters": fields.names("reporter"),
        "editors": fields.names("editor"),
        "region": _region(fields, config),
    }
    values["date"], values["date_has_time"] = fields.date("date") or (None, False)
    values["updated"] = (fields.date("updated") or (None, False))[0]
    if values["date"] and values["updated"] and values["updated"] < values["date"]:
        fields.problem(fields.line("updated"), "updated", "is earlier than the date of the bulletin",
                       "The update time must be after the publication date.")
    values["slug"] = _slug(fields, path, fields.problem)
    values["tags"] = fields.tags()
    values["related"] = fields.slugs("related")
    values["not_related"] = fields.slugs("not_related")
    for name in ("campaign", "summary", "source", "dateline", "image_alt", "image_caption"):
        values[name] = fields.text(name) or ""
    values["draft"] = fields.flag("draft")
    values["extra"] = _extra(fields)
    values["lang"] = _language(fields)
    values["image"] = fields.picture(values["image_alt"], path, content_dir, "bulletin")
    return values


def _region(fields: Fields, config: SiteConfig) -> str | None:
    """The region, one of the site's when it lists them."""
    region = fields.text("region")
    if region and not slugify(region):
        fields.problem(fields.line("region"), "region", f'"{region}" is not a region name',
                       "Write the region's name in letters.")
        return None
    if region and config.regions and region not in config.regions:
        guess = did_you_mean(region, config.regions)
        hint = f'Did you mean "{guess}"?' if guess else "Known regions: " + ", ".join(config.regions) + "."
        fields.problem(fields.line("region"), "region", f'unknown region "{region}"',
                       hint + " Regions are listed in the site configuration under 'regions'.")
    return region


def _slug(fields: Fields, path: Path, problem: ProblemSink) -> str:
    """The page address: the slug field, or the file name without a leading date."""
    if fields.has("slug"):
        slug = fields.text("slug") or ""
        if slug and not SLUG_PATTERN.match(slug):
            problem(fields.line("slug"), "slug", f'"{slug}" is not a safe URL segment',
                    f'Use lowercase letters, digits and hyphens, for example "{slugify(slug) or "siaran-pers"}".')
        return slug
    slug = slugify(strip_date_prefix(path.stem))
    if not slug:
        problem(None, "slug", f'cannot make a URL from the file name "{path.name}"',
                "Rename the file using letters and digits, or add a 'slug:' field.")
    return slug


def _extra(fields: Fields) -> dict:
    extra = fields.raw("extra") or {}
    if not isinstance(extra, dict):
        fields.problem(fields.line("extra"), "extra", "must be a set of 'name: value' lines", None)
        return {}
    return extra


def _language(fields: Fields) -> str | None:
    lang = fields.text("lang")
    if lang:
        try:
            Locale.parse(lang.replace("-", "_"))
        except (ValueError, UnknownLocaleError):
            fields.problem(fields.line("lang"), "lang", f'unknown language "{lang}"',
                           'Use a code such as "id" or "en".')
    return lang


def _line_containing(text: str, needle: str, default: int) -> int:
    index = text.find(needle)
    return text.count("\n", 0, index) + 1 if index >= 0 else default
