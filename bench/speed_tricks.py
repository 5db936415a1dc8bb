"""Each speed trick of the engine beside the plain way it replaces, on the benchmark corpus, with the same results.

    python bench/speed_tricks.py [--count 2000] [--ranking-count 10000] [--repeat 3]

- markdown: converting bodies with the fast paths of buletin/load/markdown_fast.py, and with Python-Markdown
  as it comes (same extensions); the HTML must be the same;
- list page keys: the keys of every list page as buletin/render/keys.py makes them (what a list's pages share
  digested once, each page's bulletins as tokens hashed in one call), and by walking each page's inputs as
  values (PageKeys.page_key, as other pages are keyed);
- choosing lists: every bulletin's Baca juga list chosen a chunk at once (buletin/related/choose.py,
  choose_rows) and a bulletin at a time (choose_one); the lists must be the same;
- render jobs: every page of the site rendered in one process and in one worker process per core
  (buletin/render/jobs.py); the files must be the same.

Prints the median of --repeat runs of each, and the ratio. The machine is noisy: compare the two columns of
one run, not figures of different runs.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import markdown  # noqa: E402
import numpy as np  # noqa: E402
from corpus import bulletin_text, generate_corpus  # noqa: E402
from related_speed import documents as documents_of  # noqa: E402
from scipy import sparse  # noqa: E402

from buletin.config import BuildOptions, Weights, read_config, theme_folders  # noqa: E402
from buletin.load.frontmatter import read_front_matter  # noqa: E402
from buletin.load.markdown import MarkdownRenderer  # noqa: E402
from buletin.model import urls  # noqa: E402
from buletin.pipeline import site_with_lists  # noqa: E402
from buletin.related.choose import choose_one, choose_rows  # noqa: E402
from buletin.related.ranking import RelatedIndex  # noqa: E402
from buletin.render import jobs  # noqa: E402
from buletin.render.keys import tokens  # noqa: E402
from buletin.render.lists import ListTerm, paginate  # noqa: E402
from buletin.render.pages import Renderer  # noqa: E402
from buletin.render.plan import render_site  # noqa: E402


def timed(work, repeat: int) -> tuple[float, object]:
    """The median seconds of `repeat` runs of work(), and its last result."""
    seconds, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = work()
        seconds.append(time.perf_counter() - started)
    return statistics.median(seconds), result


def show(name: str, unit: str, count: int, trick: float, plain: float, same: bool) -> None:
    print(f"{name:<14} {trick / count * 1e3:9.3f} ms {plain / count * 1e3:9.3f} ms   ×{plain / trick:5.2f} faster"
          f"   per {unit}, {count} of them; results {'the same' if same else 'DIFFER'}", flush=True)



def markdown_bodies(count: int, repeat: int) -> None:
    bodies = []
    for number in range(count):
        parsed = read_front_matter(bulletin_text(number)[1].encode(), lambda *_args: None, "")
        bodies.append(parsed.body)
    folder = Path(tempfile.mkdtemp())
    ours = MarkdownRenderer(folder).markdown
    plain = markdown.Markdown(extensions=[*MarkdownRenderer.EXTENSIONS],
                              extension_configs={"toc": {"permalink": False}}, output_format="html")

    def convert(converter: markdown.Markdown) -> list[str]:
        html = []
        for body in bodies:
            converter.reset()
            html.append(converter.convert(body))
        return html
    trick, fast = timed(lambda: convert(ours), repeat)
    slow, slow_html = timed(lambda: convert(plain), repeat)
    show("markdown", "bulletin", count, trick, slow, fast == slow_html)


def page_keys(renderer: Renderer, repeat: int) -> None:
    site, keys = renderer.site, renderer.keys
    lists = [(term, list(paginate(term.articles, term.path, site.config.items_per_page)))
             for term in (*site.regions, *site.tags, *site.reporters)]
    count = sum(len(numbered) for _term, numbered in lists)

    def list_settings(term: object) -> tuple:
        return (term.path, term.name, term.kind, ListTerm.of(term), "description", [("Indeks", "indeks/")], True, [])

    def encoded_lists() -> list[str]:
        found = []
        for term, numbered in lists:
            shared = keys.digest(list_settings(term))
            found += [keys.flat_key("list.html", page.path, shared, f"{page.number}/{page.total}/{page.count}".encode(),
                                    tokens(page.items)) for page in numbered]
        return found

    def walked_lists() -> list[str]:
        return [keys.page_key("list.html", page.path, (list_settings(term), page.number, page.total, page.count,
                                                       page.items))
                for term, numbered in lists for page in numbered]
    trick, flat = timed(encoded_lists, repeat)
    plain, values = timed(walked_lists, repeat)
    show("list keys", "page", count, trick, plain, len(set(flat)) == len(set(values)) == count)


def choosing(count: int, repeat: int) -> None:
    index = RelatedIndex(documents_of(count), Weights(), threads=1)
    stages = index.stages
    rows = np.arange(count, dtype=np.int64)
    direct, neighbours = stages.topical_rows(rows)
    combined = sparse.csr_matrix(direct + neighbours)
    size = stages.corpus.parameters.chunk_rows

    def by_chunks() -> list:
        lists = []
        for start in range(0, count, size):
            part = rows[start:start + size]
            lists += choose_rows(stages.corpus, part, combined[part])
        return lists

    def one_by_one() -> list:
        pointers = combined.indptr
        return [choose_one(stages.corpus, row, combined.indices[pointers[row]:pointers[row + 1]].astype(np.int64),
                           combined.data[pointers[row]:pointers[row + 1]]) for row in rows.tolist()]
    trick, vectorised = timed(by_chunks, repeat)
    plain, plain_lists = timed(one_by_one, repeat)
    show("choosing", "list", count, trick, plain, vectorised == plain_lists)


def rendering(renderer: Renderer, repeat: int) -> None:
    workers = os.cpu_count() or 1
    saved = jobs.PARALLEL_JOBS_FROM
    jobs.PARALLEL_JOBS_FROM = 1  # the trick itself, whatever the size

    def render(count: int) -> list:
        return [(file.site_path, file.data) for file in render_site(renderer, workers=count)]
    try:
        trick, parallel = timed(lambda: render(workers), repeat)
        plain, sequential = timed(lambda: render(1), repeat)
    finally:
        jobs.PARALLEL_JOBS_FROM = saved
    show(f"render ×{workers}", "file", len(parallel), trick, plain, parallel == sequential)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=2000, help="bulletins of the site (default 2000)")
    parser.add_argument("--ranking-count", type=int, default=10000, help="bulletins ranked (default 10000)")
    parser.add_argument("--repeat", type=int, default=3)
    arguments = parser.parse_args()
    print(f"{'':<14} {'the trick':>12} {'plain':>12}")
    markdown_bodies(arguments.count, arguments.repeat)
    folder = Path(tempfile.mkdtemp(prefix="speed-tricks-"))
    generate_corpus(arguments.count, folder)
    os.chdir(folder)
    options = BuildOptions(folder / "content", folder / "output", folder / "site.toml", use_cache=False)
    site, _warnings = site_with_lists(options)
    config = read_config(options)
    renderer = Renderer(site, theme_folders(folder, config), urls.Urls(config.base_url))
    page_keys(renderer, arguments.repeat)
    rendering(renderer, arguments.repeat)
    choosing(arguments.ranking_count, arguments.repeat)


if __name__ == "__main__":
    main()
