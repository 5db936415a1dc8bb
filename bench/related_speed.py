"""How long the Baca juga lists take, at 1,000, 10,000 and 20,000 bulletins.

    python bench/related_speed.py [--counts 1000 10000 20000] [--json FILE]

Bulletins come from the synthetic corpus (bench/corpus.py), read straight
from their text so that only the related stage is measured: building the
index (stemming, TF-IDF, candidates) and every bulletin's list, with one
thread per core as a build does. Counting each bulletin's words, which a
build does while parsing (in its worker processes, cached with the
bulletin), is shown apart and not in the total. Then one bulletin gets a
sentence more and the ranking is updated, as a rebuild does. Prints seconds
per stage, the update's, peak memory, and the growth from each size to the next
(doubling N should not much more than double the time).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import frontmatter

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from corpus import bulletin_text  # noqa: E402

from buletin.config import Weights  # noqa: E402
from buletin.model import slugify  # noqa: E402
from buletin.related.documents import Document  # noqa: E402
from buletin.related.ranking import RelatedIndex  # noqa: E402
from buletin.text.words import count_words  # noqa: E402

JAKARTA = ZoneInfo("Asia/Jakarta")


def documents(count: int) -> list[Document]:
    result = []
    for index in range(count):
        _path, text = bulletin_text(index)
        post = frontmatter.loads(text)
        result.append(Document(
            name=Path(_path).stem,
            date=datetime.strptime(str(post["date"]), "%Y-%m-%d %H:%M").replace(tzinfo=JAKARTA),
            title=str(post["title"]),
            summary=str(post.get("summary", "")),
            body=post.content,
            keywords=tuple(slugify(str(tag)) for tag in post.get("tags", [])),
            region=str(post["region"]),
        ))
    return result


def measure(count: int, threads: int) -> dict[str, float]:
    corpus = documents(count)
    weights = Weights()
    started = time.perf_counter()
    # Done while parsing in a build (in the parsing workers, cached with each bulletin).
    corpus = [replace(d, words=count_words(d.title, d.summary, d.body, weights.title_weight)) for d in corpus]
    counted = time.perf_counter()
    index = RelatedIndex(corpus, weights, threads=threads)
    built = time.perf_counter()
    lists = index.all_related()
    finished = time.perf_counter()
    empty = sum(1 for names in lists.values() if not names)
    # What a rebuild after one edit does: the earlier ranking updated (a sentence added to one bulletin).
    state = index.state
    edited = replace(corpus[7], body=corpus[7].body + "\nParagraf tambahan untuk uji.")
    changed = [*corpus[:7], replace(edited, words=count_words(edited.title, edited.summary, edited.body,
                                                               weights.title_weight)), *corpus[8:]]
    update_started = time.perf_counter()
    updated = RelatedIndex(changed, weights, threads=threads, previous=state)
    updated.all_related()
    update_s = time.perf_counter() - update_started
    return {"bulletins": count, "count_words_s": counted - started, "index_s": built - counted,
            "lists_s": finished - built, "total_s": finished - counted, "without_list": empty,
            "update_s": update_s, "updated_lists": updated.updated_rows,
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--counts", type=int, nargs="+", default=[1000, 10000, 20000])
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--threads", type=int, default=os.cpu_count() or 1,
                        help="threads for ranking (default: one per core, as a build uses)")
    arguments = parser.parse_args()
    rows = []
    print(f"{'bulletins':>9} {'words s':>8} {'index s':>8} {'lists s':>8} {'total s':>8} {'growth':>7} "
          f"{'no list':>8} {'update s':>9} {'peak MB':>8}")
    for count in arguments.counts:
        row = measure(count, arguments.threads)
        growth = f"{row['total_s'] / rows[-1]['total_s']:.2f}x" if rows else ""
        rows.append(row)
        print(f"{count:>9} {row['count_words_s']:8.2f} {row['index_s']:8.2f} {row['lists_s']:8.2f} "
              f"{row['total_s']:8.2f} {growth:>7} {row['without_list']:>8} {row['update_s']:9.2f} "
              f"{row['peak_mb']:8.0f}")
    if arguments.json:
        arguments.json.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
