"""`build.py serve`: the site previewed in the browser, rebuilt and reloaded on every change."""

from __future__ import annotations

import argparse

from .arguments import add_site_arguments, build_options


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_site_arguments(parser)
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="port to listen on (default 8000)")


def run(arguments: argparse.Namespace) -> int:
    from .preview import serve  # the web server is only loaded for this command
    return serve(build_options(arguments), arguments.host, arguments.port)
