"""The command line: `python build.py [build] [options]`.

Commands are verbs; `build` is the default. Later commands (serve, new,
check, import, related) register themselves the same way in COMMANDS.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import signal
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn

from .config import CONFIG_FILE_NAME
from .explain import explain_related
from .importer import ImportOptions, import_releases
from .importer import report as import_report
from .lint import Finding
from .new import NewBulletin, create_bulletin
from .pipeline import BuildOptions, build, check, default_build_time, load_site, read_config
from .problems import BuildError

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


def add_folder_arguments(parser: argparse.ArgumentParser) -> None:
    """Where the site is: every command that reads it has these."""
    parser.add_argument("--content", metavar="DIR", type=Path, default=None,
                        help="folder with the bulletins (default: content/ beside the configuration)")
    parser.add_argument("--config", metavar="FILE", type=Path, default=None,
                        help=f"site configuration (default: ./{CONFIG_FILE_NAME}, if it exists)")


def add_site_arguments(parser: argparse.ArgumentParser) -> None:
    """Options every command that builds or checks the site shares."""
    add_folder_arguments(parser)
    parser.add_argument("--drafts", action="store_true", help="include bulletins marked draft: true")
    parser.add_argument("--future", action="store_true", help="include bulletins dated in the future")
    loudness = parser.add_mutually_exclusive_group()
    loudness.add_argument("-q", "--quiet", action="store_true", help="print only errors")
    loudness.add_argument("-v", "--verbose", action="store_true", help="print warnings in full and stage times")


def add_build_arguments(parser: argparse.ArgumentParser) -> None:
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


def run_build(arguments: argparse.Namespace) -> int:
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


def build_options(arguments: argparse.Namespace) -> BuildOptions:
    config_file = arguments.config
    if config_file is None and Path(CONFIG_FILE_NAME).is_file():
        config_file = Path(CONFIG_FILE_NAME)
    root = config_file.parent if config_file is not None else Path(".")
    return BuildOptions(
        content_dir=arguments.content if arguments.content is not None else root / "content",
        output_dir=getattr(arguments, "output", None) or root / "output",
        config_file=config_file,
        base_url=getattr(arguments, "base_url", None),
        include_drafts=getattr(arguments, "drafts", False),
        include_future=getattr(arguments, "future", False),
        relative_urls=getattr(arguments, "relative_urls", None),
        use_cache=not getattr(arguments, "clean", False),
        show_progress=(not getattr(arguments, "quiet", True) and sys.stderr.isatty()
                       and os.environ.get("CI", "").lower() != "true"),
    )


def add_related_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("slug", help="the bulletin, by its slug (the file name without .md)")
    add_site_arguments(parser)
    parser.add_argument("--limit", type=int, default=15, metavar="N", help="show the best N candidates (default 15)")
    parser.add_argument("--json", action="store_true", help="print JSON, for tools")


def run_related(arguments: argparse.Namespace) -> int:
    options = build_options(arguments)
    site, _warnings, _cache_note = load_site(options, read_config(options))
    print(explain_related(site, arguments.slug, arguments.limit, arguments.json))
    return EXIT_OK


def add_serve_arguments(parser: argparse.ArgumentParser) -> None:
    add_site_arguments(parser)
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="port to listen on (default 8000)")


def run_serve(arguments: argparse.Namespace) -> int:
    from .serve import serve  # the web server is only loaded for this command
    return serve(build_options(arguments), arguments.host, arguments.port)


def comma_list(text: str) -> tuple[str, ...]:
    """ "tppo, perlindungan anak" -> ("tppo", "perlindungan anak")."""
    return tuple(item.strip() for item in text.split(",") if item.strip())


def add_new_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("title", help='the headline, in quotes: "Pemkot ajak warga cegah TPPO"')
    parser.add_argument("--region", required=True, help="the region, as listed in site.toml")
    parser.add_argument("--tags", default="", help="topics, separated by commas: tppo,perlindungan anak")
    parser.add_argument("--reporter", default="", help="the reporter (default: default_reporter in site.toml)")
    parser.add_argument("--editor", default="", help="the editor (default: default_editor in site.toml)")
    add_folder_arguments(parser)


def run_new(arguments: argparse.Namespace) -> int:
    options = build_options(arguments)
    config = read_config(options)
    request = NewBulletin(title=arguments.title, region=arguments.region, reporter=arguments.reporter,
                          editor=arguments.editor,
                          tags=comma_list(arguments.tags))
    path = create_bulletin(request, options.content_dir, config, default_build_time(config))
    print(path)
    return EXIT_OK


def add_check_arguments(parser: argparse.ArgumentParser) -> None:
    add_site_arguments(parser)
    parser.add_argument("--strict", action="store_true", help="fail on warnings too")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="text (default) or json")


def run_check(arguments: argparse.Namespace) -> int:
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


def add_import_arguments(parser: argparse.ArgumentParser) -> None:
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


def run_import(arguments: argparse.Namespace) -> int:
    """Exit 0 when every file was imported, 1 when any needs attention."""
    options = build_options(arguments)
    config = read_config(options)
    import_options = ImportOptions(
        region=arguments.region, date=arguments.date, title=arguments.title,
        title_from_first_sentence=arguments.title_from_first_sentence, reporter=arguments.reporter,
        editor=arguments.editor, tags=comma_list(arguments.tags))
    outcomes = import_releases(arguments.files, options.content_dir, import_options, config,
                               dry_run=arguments.dry_run, force=arguments.force)
    print(import_report(outcomes, arguments.dry_run))
    return EXIT_OK if all(not outcome.problem for outcome in outcomes) else EXIT_PROBLEMS


# name -> (help, add arguments, run)
COMMANDS: dict[str, tuple[str, Callable[[argparse.ArgumentParser], None],
                          Callable[[argparse.Namespace], int]]] = {
    "build": ("build the site into the output folder (the default command)", add_build_arguments, run_build),
    "serve": ("preview the site in the browser, rebuilding and reloading on every change",
              add_serve_arguments, run_serve),
    "new": ("start a new bulletin as a draft, with its front-matter filled in", add_new_arguments, run_new),
    "check": ("check every bulletin as a build would, plus editorial rules, without writing anything",
              add_check_arguments, run_check),
    "import": ("turn plain-text press releases into bulletins", add_import_arguments, run_import),
    "related": ("explain the Baca juga list of one bulletin: every candidate's score by signal",
                add_related_arguments, run_related),
}


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="build.py",
        description="Build a static bulletin site from Markdown press releases. "
                    "Without a command, builds the site. Add --debug to any command to see tracebacks.")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (help_text, add_arguments, _run) in COMMANDS.items():
        add_arguments(commands.add_parser(name, help=help_text, description=help_text))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments_list = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in arguments_list  # tracebacks for developers; writers get messages
    arguments_list = [argument for argument in arguments_list if argument != "--debug"]
    if not arguments_list or (arguments_list[0] not in COMMANDS and arguments_list[0] not in ("-h", "--help")):
        arguments_list.insert(0, "build")
    arguments = make_parser().parse_args(arguments_list)
    _, _, run = COMMANDS[arguments.command]
    previous_handler = signal.signal(signal.SIGTERM, _interrupt)
    try:
        return run(arguments)
    except BuildError as error:
        print(error.report(), file=sys.stderr)
        return EXIT_PROBLEMS
    except OSError as error:
        print(f"Error: {error}. The output folder was left as it was.", file=sys.stderr)
        return EXIT_PROBLEMS
    except KeyboardInterrupt:
        print("Interrupted; the output folder was left as it was.", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as error:  # the last line of defence: a message, never a traceback
        if debug:
            raise
        print(f"Error: something unexpected went wrong ({type(error).__name__}: {error}). "
              "The output folder was left as it was. Run the command again with --debug for the details, "
              "and report them.", file=sys.stderr)
        return EXIT_PROBLEMS
    finally:
        signal.signal(signal.SIGTERM, previous_handler)


def run() -> NoReturn:
    """main() as a command: exits once the work is done and its output flushed, without taking apart everything
    the build held (freeing a large archive object by object takes a tenth of a second or more)."""
    code = main()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except OSError:  # a closed pipe: nothing more can be said
        code = code or EXIT_PROBLEMS
    os._exit(code)


def _interrupt(_signal: int, _frame: object) -> None:
    raise KeyboardInterrupt
