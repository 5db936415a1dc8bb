"""`build.py check`: every validation of a build, without writing anything, plus the editorial rules of lint."""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass

from ..config import BuildOptions, check_logo
from ..load.discover import content_files
from ..model import BuildError
from ..pipeline.steps import index_sources, open_build, rank_lists, read_sources, site_pictures
from .arguments import EXIT_OK, EXIT_PROBLEMS, add_site_arguments, build_options
from .lint import Finding, lint


@dataclass
class CheckReport:
    errors: list[Finding]
    warnings: list[Finding]


def check(options: BuildOptions) -> CheckReport:
    """Every validation of a build, without writing output, plus the editorial rules of lint."""
    errors: list[Finding] = []
    warnings: list[Finding] = []
    try:
        run = open_build(options, writing=False)
        check_logo(run.config, run.theme)
    except BuildError as error:
        return CheckReport([Finding("configuration", problem) for problem in error.problems], [])
    sources = read_sources(run.options, run.config, run.cache)
    errors += [Finding("build", problem) for problem in sources.problems]
    warnings += [Finding("build", problem) for problem in sources.loaded.warnings]
    if not sources.problems:
        try:
            site, index_warnings = index_sources(run, sources)
            ranked = rank_lists(run, site)
            warnings += [Finding("build", problem) for problem in (*index_warnings, *ranked.warnings)]
            site_pictures(run, ranked.site)
        except BuildError as error:
            errors += [Finding("build", problem) for problem in error.problems]
    lint_errors, lint_warnings = lint(sources.loaded.articles, sources.campaigns.campaigns,
                                      content_files(run.options.content_dir))
    return CheckReport(errors + lint_errors, warnings + lint_warnings)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_site_arguments(parser)
    parser.add_argument("--strict", action="store_true", help="fail on warnings too")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="text (default) or json")


def run(arguments: argparse.Namespace) -> int:
    """Exit 0 when there is no error (and with --strict no warning), 1 otherwise."""
    report = check(build_options(arguments))
    failed = bool(report.errors) or (arguments.strict and bool(report.warnings))
    if arguments.format == "json":
        def entries(findings: list[Finding]) -> list[dict]:
            return [{"rule": f.rule, "file": f.problem.file, "line": f.problem.line, "field": f.problem.field,
                     "message": f.problem.message, "suggestion": f.problem.suggestion} for f in findings]
        print(json.dumps({"errors": entries(report.errors), "warnings": entries(report.warnings),
                          "ok": not failed}, ensure_ascii=False, indent=2))
        return EXIT_PROBLEMS if failed else EXIT_OK
    for label, findings in (("error", report.errors), ("warning", report.warnings)):
        for finding in findings:
            print(f"{label} [{finding.rule}] {finding.problem.format()}")
    if not arguments.quiet:
        print(f"{len(report.errors)} errors, {len(report.warnings)} warnings"
              + (" (warnings fail with --strict)" if arguments.strict and report.warnings else "") + ".")
    return EXIT_PROBLEMS if failed else EXIT_OK
