"""`build.py` (or `build.py build`): the site built into the output folder."""

from __future__ import annotations

import argparse
import resource
import sys
from pathlib import Path

from ..pipeline import build
from .arguments import EXIT_OK, add_site_arguments, build_options


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_site_arguments(parser)
    parser.add_argument("--output", metavar="DIR", type=Path, default=None,
                        help="folder to write the site into (default: output/ beside the configuration)")
    parser.add_argument("--base-url", metavar="URL", default=None,
                        help="address the site will be served from, overriding the configuration "
                             "(e.g. for a staging copy)")
    parser.add_argument("--relative-urls", action="store_true", default=None,
                        help="make every link relative, so the site opens straight from disk")
    parser.add_argument("--clean", action="store_true",
                        help="ignore the cache of earlier builds in .cache/ and do all the work again")


def run(arguments: argparse.Namespace) -> int:
    options = build_options(arguments)
    report = build(options)
    if not arguments.quiet:
        for warning in report.warnings:
            print("Warning: " + warning.format(), file=sys.stderr)
        print(report.summary(options.output_dir))
        if arguments.verbose:
            print(f"  files: {report.write.written} written, {report.write.unchanged} unchanged, "
                  f"{report.write.removed} removed")
            print(f"  {report.cache_note}")
            for stage, seconds in report.stage_seconds.items():
                print(f"  {stage:<8} {seconds:6.3f} s")
            own, helpers = (resource.getrusage(who).ru_maxrss / 1024
                            for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
            print(f"  peak memory: {own:.0f} MB in this process, {helpers:.0f} MB in the largest helper "
                  "(a rendering worker)")
    return EXIT_OK
