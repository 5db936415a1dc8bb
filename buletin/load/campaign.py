"""Campaigns: content/campaigns/*.md, each its message once and the help lines readers can call."""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..config import SiteConfig
from ..model import SLUG_PATTERN, Campaign, LoadResult, Problem, slugify
from .discover import CAMPAIGN_FOLDER, display_path
from .fields import CAMPAIGN_FIELDS, Fields, problem_sink
from .frontmatter import read_front_matter
from .markdown import MarkdownRenderer


def load_campaigns(content_dir: Path, config: SiteConfig, display_root: Path | None = None) -> LoadResult:
    """Campaigns from content/campaigns/*.md; the result's `campaigns`, problems and warnings."""
    result = LoadResult([], [], [])
    folder = content_dir / CAMPAIGN_FOLDER
    if not folder.is_dir():
        return result
    renderer = MarkdownRenderer(content_dir, config.embed_hosts)
    for path in sorted(folder.glob("*.md")):
        if path.name.startswith("."):
            continue
        shown = display_path(path, display_root)
        campaign = load_campaign(path, path.read_bytes(), content_dir, shown, config, renderer, result.problems)
        if campaign is not None:
            result.campaigns.append(campaign)
    return result


def load_campaign(path: Path, raw: bytes, content_dir: Path, shown: str, config: SiteConfig,
                  renderer: MarkdownRenderer, problems: list[Problem]) -> Campaign | None:
    """Parse and validate one campaign's file; problems are appended, None returned if it is unusable."""
    problem = problem_sink(shown, problems)
    parsed = read_front_matter(raw, problem, "title, theme, start")
    if parsed is None:
        return None
    before = len(problems)
    fields = Fields(CAMPAIGN_FIELDS, parsed.data, parsed.key_lines, problem, config)
    title = fields.text("title") or ""
    theme = fields.text("theme") or ""
    slug = fields.text("slug") or slugify(path.stem)
    if not SLUG_PATTERN.match(slug):
        problem(fields.line("slug"), "slug", f'"{slug}" is not a safe URL segment',
                f'Use lowercase letters, digits and hyphens, for example "{slugify(slug) or "kampanye"}".')
    start = fields.date("start")
    end = fields.date("end")
    if start and end and end[0] < start[0]:
        problem(fields.line("end"), "end", "ends before it starts", "Check the start and end dates.")
    hashtag = (fields.text("hashtag") or "").lstrip("#")
    lead = fields.text("lead") or ""
    image_alt = fields.text("image_alt") or ""
    contact_box = fields.flag("contact_box", default=True)
    image = fields.picture(image_alt, path, content_dir, "campaign")
    contacts = fields.contacts()
    rendered = renderer.render(parsed.body, path)
    for reference in rendered.missing:
        problem(None, "body", f'linked file "{reference}" not found',
                "Paths in the body are relative to this campaign's file.")
    if len(problems) > before:
        return None
    return Campaign(
        source_path=shown, slug=slug, title=title, theme=theme, start=start[0].date(),
        end=end[0].date() if end else None, hashtag=hashtag, image=image, image_alt=image_alt,
        contacts=contacts, lead=lead, body_html=rendered.html, contact_box=contact_box,
        assets=tuple(dict.fromkeys([*([image] if image else []), *rendered.assets])),
        source_digest=hashlib.sha256(raw).hexdigest(),
    )
