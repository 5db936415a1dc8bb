"""The command line: `buletin [COMMAND] [options]`, also `python build.py` and `python -m buletin`.

Commands are verbs, each a module of commands/ with its HELP, add_arguments()
and run(); `build` is the default.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from collections.abc import Sequence
from types import ModuleType
from typing import NoReturn

from .commands import build, check, importer, init, new, related, serve
from .commands.arguments import EXIT_INTERRUPTED, EXIT_PROBLEMS
from .model import BuildError

COMMANDS: dict[str, ModuleType] = {
    "build": build,
    "serve": serve,
    "new": new,
    "check": check,
    "import": importer,
    "related": related,
    "init": init,
}


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="build.py",
        description="Build a static bulletin site from Markdown press releases. "
                    "Without a command, builds the site. Add --debug to any command to see tracebacks.")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, command in COMMANDS.items():
        command.add_arguments(commands.add_parser(name, help=command.HELP, description=command.HELP))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments_list = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in arguments_list  # tracebacks for developers; writers get messages
    arguments_list = [argument for argument in arguments_list if argument != "--debug"]
    if not arguments_list or (arguments_list[0] not in COMMANDS and arguments_list[0] not in ("-h", "--help")):
        arguments_list.insert(0, "build")
    arguments = make_parser().parse_args(arguments_list)
    run = COMMANDS[arguments.command].run
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
