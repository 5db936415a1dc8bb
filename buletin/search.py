"""The static search index: Pagefind, run over the finished pages before they are published."""

from __future__ import annotations

import gzip
import hashlib
import json
import subprocess
import sys
from pathlib import Path

import cbor2

from .problems import BuildError, Problem
from .write import Finisher

BUNDLE_FOLDER = "pagefind"


def search_finisher(reuse_when_pages_changed: bool = False) -> Finisher:
    """The write stage's last step: index the finished site, or keep its index when no page changed.

    With reuse_when_pages_changed (the live preview), the index made at the
    start is kept while writing, so that a rebuild does not wait for Pagefind.
    """
    def run(site: Path, into: Path, changed: set[str]) -> bool:
        pages_changed = any(path.endswith(".html") for path in changed)
        if (site / BUNDLE_FOLDER / "pagefind-entry.json").is_file() and (reuse_when_pages_changed or not pages_changed):
            return False
        index_search(site, into / BUNDLE_FOLDER)
        return True
    return Finisher(f"{BUNDLE_FOLDER}/", run)


def index_search(site_folder: Path, bundle: Path) -> None:
    """Index the articles of a built site (those marked data-pagefind-body) into the folder `bundle`.

    Pagefind reads each page's <html lang>, so Indonesian pages get its
    Indonesian word handling and interface strings. A failure stops the build.
    """
    command = [sys.executable, "-m", "pagefind", "--site", str(site_folder), "--output-path", str(bundle.resolve()),
               "--silent"]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise BuildError([Problem("search index", None, None, f"Pagefind could not run: {error}",
                                  "Install the project's dependencies again (pip install -e .), "
                                  "or set search = false in site.toml.")]) from None
    if result.returncode != 0 or not (bundle / "pagefind.js").is_file():
        details = (result.stderr or result.stdout).strip().splitlines()
        raise BuildError([Problem("search index", None, None,
                                  "Pagefind failed to index the site" + (f": {details[-1]}" if details else ""),
                                  "The previous output was kept. Install the dependencies again "
                                  "(pip install -e .), or set search = false in site.toml.")])
    try:
        make_deterministic(bundle)
    except (OSError, ValueError, KeyError, TypeError, cbor2.CBORDecodeError) as error:
        raise BuildError([Problem("search index", None, None, f"cannot read Pagefind's index: {error}",
                                  "This version of Pagefind writes another format; install pagefind 1.5.")]) from None


# Pagefind writes its filter indexes from hash maps, so their order (and with it
# the file names) changes from run to run. Rewriting them in sorted order, named
# by their content, makes the bundle byte-identical for the same pages.
_FORMAT_PREFIX = b"pagefind_dcd"


def make_deterministic(bundle: Path) -> None:
    """Sort Pagefind's filter indexes and rename them (and the metadata that lists them) by content."""
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    renamed: dict[str, str] = {}
    for old in sorted((bundle / "filter").glob("*.pf_filter")):
        name, values = _read(old)
        data = _write([name, sorted(values, key=lambda pair: pair[0])])
        new_hash = _hash_name(old.stem, data, 7)
        renamed[old.stem] = new_hash
        old.unlink()
        (bundle / "filter" / f"{new_hash}.pf_filter").write_bytes(data)
    for language, details in entry["languages"].items():
        old = bundle / f"pagefind.{details['hash']}.pf_meta"
        meta = _replace_strings(_read(old), renamed)
        meta = _sort_filter_lists(meta, set(renamed.values()))
        data = _write(meta)
        details["hash"] = _hash_name(f"{language}_", data, 10)
        old.unlink()
        (bundle / f"pagefind.{details['hash']}.pf_meta").write_bytes(data)
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def _read(path: Path) -> list:
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(_FORMAT_PREFIX):
        raise ValueError(f"unknown Pagefind index format in {path.name}")
    return cbor2.loads(data[len(_FORMAT_PREFIX):])


def _write(value: object) -> bytes:
    return gzip.compress(_FORMAT_PREFIX + cbor2.dumps(value), mtime=0)


def _hash_name(old_name: str, data: bytes, length: int) -> str:
    language = old_name.split("_", 1)[0]
    return f"{language}_{hashlib.sha256(data).hexdigest()[:length]}"


def _replace_strings(value: object, renamed: dict[str, str]) -> object:
    if isinstance(value, str):
        return renamed.get(value, value)
    if isinstance(value, list):
        return [_replace_strings(item, renamed) for item in value]
    return value


def _sort_filter_lists(value: object, filter_hashes: set[str]) -> object:
    """Lists of [filter name, file hash] pairs, in name order."""
    if not isinstance(value, list):
        return value
    items = [_sort_filter_lists(item, filter_hashes) for item in value]
    if items and all(isinstance(item, list) and len(item) == 2 and isinstance(item[1], str)
                     and item[1] in filter_hashes for item in items):
        items.sort(key=lambda item: item[0])
    return items
