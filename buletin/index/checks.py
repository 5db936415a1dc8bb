"""Checks across files: what no single file can tell is wrong."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from ..model import Article, Campaign, Problem, did_you_mean


def find_campaign_problems(articles: Sequence[Article], campaigns: Sequence[Campaign]) -> list[Problem]:
    """Bulletins naming a campaign that does not exist, and campaigns sharing a slug."""
    problems = []
    slugs = [campaign.slug for campaign in campaigns]
    for campaign in campaigns:
        if slugs.count(campaign.slug) > 1:
            files = " and ".join(c.source_path for c in campaigns if c.slug == campaign.slug)
            problems.append(Problem(campaign.source_path, None, "slug", f'the campaign slug "{campaign.slug}" is '
                                    f"used by {files}", "Give one of them another slug or file name."))
    for article in articles:
        if article.campaign and article.campaign not in slugs:
            guess = did_you_mean(article.campaign, slugs, cutoff=0.6)
            hint = f'Did you mean "{guess}"?' if guess else (
                "Known campaigns: " + ", ".join(sorted(slugs)) + "." if slugs else
                "Add the campaign as a file in content/campaigns/ first.")
            problems.append(Problem(article.source_path, article.field_lines.get("campaign"), "campaign",
                                    f'no campaign has the slug "{article.campaign}"', hint))
    return problems


def find_cross_file_problems(articles: Sequence[Article], unloaded_slugs: Iterable[str] = ()) -> list[Problem]:
    """Duplicate slugs and pinned slugs that name no bulletin.

    unloaded_slugs are those of files that failed to load: pinning them is not
    reported again, their own problem says what is wrong.
    """
    unloaded = set(unloaded_slugs)
    problems = []
    by_slug: dict[str, list[Article]] = defaultdict(list)
    for article in articles:
        by_slug[article.slug].append(article)
    for slug, group in sorted(by_slug.items()):
        if len(group) > 1:
            files = " and ".join(a.source_path for a in group)
            for article in group:
                problems.append(Problem(article.source_path, article.field_lines.get("slug"), "slug",
                                        f'the slug "{slug}" is used by {files}',
                                        "Give one of them another slug (rename the file or set 'slug:')."))
    for article in articles:
        for field_name in ("related", "not_related"):
            for slug in getattr(article, field_name):
                line = article.field_lines.get(field_name)
                if slug not in by_slug and slug not in unloaded:
                    guess = did_you_mean(slug, by_slug, cutoff=0.8)
                    hint = (f'Did you mean "{guess}"?' if guess
                            else "Use the slug of an existing bulletin (its file name).")
                    problems.append(Problem(article.source_path, line, field_name,
                                            f'no bulletin has the slug "{slug}"', hint))
                elif slug == article.slug:
                    problems.append(Problem(article.source_path, line, field_name,
                                            "a bulletin cannot name itself here", f'Remove "{slug}".'))
            both = set(article.related) & set(article.not_related)
            if field_name == "not_related" and both:
                problems.append(Problem(article.source_path, article.field_lines.get("not_related"), "not_related",
                                        "pinned and excluded at once: " + ", ".join(sorted(both)),
                                        "Remove them from one of 'related' and 'not_related'."))
    return problems


def unpublished_links(published: Sequence[Article], articles: Sequence[Article]) -> list[Problem]:
    """Published bulletins whose bodies link to a bulletin this build does not publish (a draft, a future one)."""
    published_paths = {article.content_path for article in published}
    by_path = {article.content_path: article for article in articles}
    problems = []
    for article in published:
        for target in article.linked_articles:
            if target not in published_paths and target in by_path:
                problems.append(Problem(article.source_path, None, "body",
                                        f'links to "{by_path[target].source_path}", which is not published '
                                        f'in this build (a draft or dated in the future)',
                                        "Publish that bulletin first, or remove the link."))
    return problems


def hidden_pins(published: Sequence[Article]) -> list[Problem]:
    """Warnings for pinned bulletins that this build does not publish: they are left out of Baca juga."""
    published_slugs = {article.slug for article in published}
    warnings = []
    for article in published:
        hidden = [slug for slug in article.related if slug not in published_slugs]
        if hidden:
            warnings.append(Problem(article.source_path, article.field_lines.get("related"), "related",
                                    "pinned bulletins not published in this build are left out: " + ", ".join(hidden)))
    return warnings
