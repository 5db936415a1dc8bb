"""The command line: `buletin [COMMAND] [options]`, also `python build.py` and `python -m buletin`.

Commands are verbs, each a module of commands/ with its HELP, add_arguments()
and run(); `build` is the default.
"""

from __future__ import annotations

import argparse
import importlib
import os
import signal
import sys
from collections.abc import Sequence
from typing import NoReturn

from .commands.arguments import EXIT_INTERRUPTED, EXIT_PROBLEMS
from .model import BuildError

# name -> (the module of commands/ that runs it, what it does). Only the module of the command being run is
# loaded, so that a command pays for no other's imports.
COMMANDS: dict[str, tuple[str, str]] = {
    "build": ("build", "build the site into the output folder (the default command)"),
    "serve": ("serve", "preview the site in the browser, rebuilding and reloading on every change"),
    "new": ("new", "start a new bulletin as a draft, with its front-matter filled in"),
    "check": ("check", "check every bulletin as a build would, plus editorial rules, without writing anything"),
    "import": ("importer", "turn plain-text press releases into bulletins"),
    "related": ("related", "explain the Baca juga list of one bulletin: every candidate's score by signal"),
    "init": ("init", "start a new site folder: site.toml with every setting explained, a sample bulletin and "
                     "campaign"),
}


def command_module(name: str):
    return importlib.import_module(f".commands.{COMMANDS[name][0]}", __package__)


def make_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser of every command, or only of `command` (the others listed with their help; "": none)."""
    parser = argparse.ArgumentParser(
        prog="build.py",
        description="Build a static bulletin site from Markdown press releases. "
                    "Without a command, builds the site. Add --debug to any command to see tracebacks.")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (_module, help_text) in COMMANDS.items():
        subparser = commands.add_parser(name, help=help_text, description=help_text)
        if command is None or name == command:
            command_module(name).add_arguments(subparser)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments_list = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in arguments_list  # tracebacks for developers; writers get messages
    arguments_list = [argument for argument in arguments_list if argument != "--debug"]
    if not arguments_list or (arguments_list[0] not in COMMANDS and arguments_list[0] not in ("-h", "--help")):
        arguments_list.insert(0, "build")
    chosen = arguments_list[0] if arguments_list[0] in COMMANDS else ""  # "": the program's help, no command's
    arguments = make_parser(chosen).parse_args(arguments_list)
    run = command_module(arguments.command).run
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
