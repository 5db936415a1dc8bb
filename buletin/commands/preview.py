"""The live preview behind `build.py serve`: a build of its own, served with livereload.

The site is built, with drafts and future bulletins, into its own folder
(.cache/preview/site), never into output/, and served with livereload. A
builder closure is handed to livereload's watcher: every change to the
content, the templates, the static files or the configuration rebuilds, and
open pages reload. A build that fails keeps the last good pages and writes its
problems to a status file that a small preview script shows on top of every
page until they are fixed. Nothing a writer does can stop the server.
"""

from __future__ import annotations

import errno
import os
import socket
import sys
import traceback
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from livereload import Server
from livereload.handlers import StaticFileHandler
from tornado import web

from ..config import BuildOptions, read_config, site_root_of, theme_folders
from ..model import BuildError, Problem
from ..pipeline import build
from ..write.status import write_status


def preview_options(options: BuildOptions, host: str, port: int) -> BuildOptions:
    """What `serve` builds: everything, including drafts and future bulletins, in a folder of its own."""
    preview_root = site_root_of(options) / ".cache" / "preview"
    return replace(options, output_dir=preview_root / "site", cache_dir=preview_root / "cache",
                   base_url=f"http://{host}:{port}/", relative_urls=False,
                   include_drafts=True, include_future=True, preview=True)


def make_builder(options: BuildOptions, report: Callable[[str], None]) -> Callable[[], None]:
    """The builder closure livereload calls on every change: it never raises."""
    def rebuild() -> None:
        try:
            result = build(options)
            write_status(options.output_dir, [])
            report(f"Rebuilt: {result.articles} bulletins, {result.write.written} files changed.")
        except BuildError as error:
            write_status(options.output_dir, error.problems)
            report(error.report().replace("nothing was written", "the last good pages are still served"))
        except Exception as error:  # a writer's change must never stop the server
            write_status(options.output_dir, [Problem("build", None, None, f"unexpected error: {error}",
                                                      "The last good pages are still served.")])
            report("".join(traceback.format_exception(error)))
    return rebuild


class SiteFileHandler(StaticFileHandler):
    """Serves only files inside the site folder: anything else, symbolic links pointing out included, is 404."""

    @classmethod
    def get_absolute_path(cls, root: str, path: str) -> str:
        try:
            return super().get_absolute_path(root, path)
        except web.HTTPError as error:
            if error.status_code == 403:  # outside the folder: as if it did not exist
                raise web.HTTPError(404) from error
            raise

    def validate_absolute_path(self, root: str, absolute_path: str) -> str | None:
        real_root = os.path.realpath(root)
        real_path = os.path.realpath(absolute_path)
        if real_path != real_root and not real_path.startswith(real_root + os.sep):
            raise web.HTTPError(404)
        try:
            return super().validate_absolute_path(root, absolute_path)
        except web.HTTPError as error:
            if error.status_code == 403:
                raise web.HTTPError(404) from error
            raise

    def write_error(self, status_code: int, **kwargs: object) -> None:
        """The site's own 404 page, or while there is no site yet, a page that shows the build's problems."""
        self.set_header("Content-Type", "text/html; charset=UTF-8")
        page = Path(self.root) / "404.html"
        if status_code == 404 and page.is_file():
            self.finish(page.read_bytes())
            return
        self.finish(f'<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>{status_code}</title>'
                    f'<script src="/__buletin__/preview.js" defer></script></head>'
                    f"<body><h1>{status_code}</h1></body></html>")


def port_is_free(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        try:
            probe.bind((host, port))
        except OSError:
            return False
    return True


def port_taken_message(host: str, port: int) -> str:
    return (f"Error: port {port} on {host} is already in use. Stop the other server or choose another port, "
            f"for example: python build.py serve --port {port + 1}")


def serve(options: BuildOptions, host: str, port: int) -> int:
    """Build, then serve with live reload until interrupted; 1 if the port cannot be used."""
    preview = preview_options(options, host, port)
    config_file = options.config_file
    if not port_is_free(host, port):
        print(port_taken_message(host, port), file=sys.stderr)
        return 1
    config = read_config(preview)  # a broken configuration is reported before anything starts
    rebuild = make_builder(preview, lambda text: print(text, file=sys.stderr, flush=True))
    rebuild()

    server = Server()
    server.SFH = SiteFileHandler
    theme = theme_folders(site_root_of(options), config)
    watched = [options.content_dir, *theme.templates, *theme.static]
    if config_file is not None:
        watched.append(config_file)
    for path in dict.fromkeys(watched):
        if path.exists():
            server.watch(str(path), rebuild, delay=0)
    print(f"Serving the preview on http://{host}:{port}/ (drafts and scheduled bulletins included). "
          "Press Ctrl+C to stop.", file=sys.stderr, flush=True)
    try:
        server.serve(host=host, port=port, root=str(preview.output_dir), restart_delay=0)
    except OSError as error:
        if error.errno == errno.EADDRINUSE:
            print(port_taken_message(host, port), file=sys.stderr)
            return 1
        raise
    return 0
