"""`build.py related SLUG`: why each bulletin is (or is not) in a Baca juga list."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict

from ..model import BuildError, Problem, Site, did_you_mean
from ..pipeline import site_with_lists
from ..related.documents import Candidate
from ..related.stage import related_index
from .arguments import EXIT_OK, add_site_arguments, build_options

STATUS_TEXT = {
    "pinned": "pinned with related:",
    "listed": "listed",
    "full": "not listed: the list is full",
    "below minimum": "not listed: below min_score",
    "excluded": "not listed: excluded with not_related:",
}


def explain_related(site: Site, slug: str, limit: int, as_json: bool) -> str:
    """The candidates of one bulletin with their scores by signal, as a table or JSON."""
    by_slug = {article.slug: article for article in site.articles}
    if slug not in by_slug:
        guess = did_you_mean(slug, by_slug, cutoff=0.5)
        raise BuildError([Problem(slug, None, None, "no published bulletin has this slug",
                                  f'Did you mean "{guess}"?' if guess else "Give the file name without .md.")])
    index = related_index(site.articles, site.config)
    listed = set(index.related(slug))
    rows = [(candidate, _status(candidate, listed)) for candidate in index.explain(slug, limit)]
    article = by_slug[slug]
    if as_json:
        return json.dumps({
            "slug": slug,
            "title": article.title,
            "min_score": index.weights.min_score,
            "count": index.weights.count,
            "candidates": [{
                "slug": candidate.name,
                "title": by_slug[candidate.name].title,
                "status": status,
                "listed": candidate.name in listed,
                "score": round(candidate.score, 4),
                "signals": {key: round(value, 4) for key, value in asdict(candidate.signals).items()},
            } for candidate, status in rows],
        }, ensure_ascii=False, indent=2)
    lines = [f"Baca juga for {slug}: {article.title}",
             f"({index.weights.count} links at most; a bulletin needs a topical score of "
             f"{index.weights.min_score} or more)", ""]
    header = (f"{'#':>3}  {'score':>6} {'text':>6} {'acron':>6} {'tags':>6} {'names':>6} {'camp':>6} "
              f"{'neigh':>6} {'region':>6} {'time':>6}  ")
    lines.append(header + "status / bulletin")
    for number, (candidate, status) in enumerate(rows, 1):
        signals = candidate.signals
        values = (candidate.score, signals.text, signals.acronyms, signals.tags, signals.names, signals.campaign,
                  signals.neighbours, signals.region, signals.time)
        lines.append(f"{number:>3}  " + " ".join(f"{value:6.3f}" for value in values)
                     + f"  {STATUS_TEXT[status]}\n{'':>12}{candidate.name}: {by_slug[candidate.name].title}")
    if not rows:
        lines.append("  (no candidate shares any topic word, acronym or tag)")
    return "\n".join(lines)


def _status(candidate: Candidate, listed: set[str]) -> str:
    if candidate.reason == "ranked":
        return "listed" if candidate.name in listed else "full"
    return candidate.reason




def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("slug", help="the bulletin, by its slug (the file name without .md)")
    add_site_arguments(parser)
    parser.add_argument("--limit", type=int, default=15, metavar="N", help="show the best N candidates (default 15)")
    parser.add_argument("--json", action="store_true", help="print JSON, for tools")


def run(arguments: argparse.Namespace) -> int:
    site, _warnings = site_with_lists(build_options(arguments))
    print(explain_related(site, arguments.slug, arguments.limit, arguments.json))
    return EXIT_OK
