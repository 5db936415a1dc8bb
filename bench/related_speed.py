"""How long the Baca juga lists take, at 1,000, 10,000 and 20,000 bulletins.

    python bench/related_speed.py [--counts 1000 10000 20000] [--json FILE]

Bulletins come from the synthetic corpus (bench/corpus.py), read straight
from their text so that only the related stage is measured: building the
index (tokenising, stemming, TF-IDF, candidates) and every bulletin's list,
on one core. Prints seconds per stage, peak memory, and the growth from each
size to the next (doubling N should not much more than double the time).
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import frontmatter

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from corpus import bulletin_text  # noqa: E402

from buletin.content import slugify  # noqa: E402
from buletin.related import Document, RelatedIndex, Weights  # noqa: E402

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


def measure(count: int) -> dict[str, float]:
    corpus = documents(count)
    started = time.perf_counter()
    index = RelatedIndex(corpus, Weights())
    built = time.perf_counter()
    lists = index.all_related()
    finished = time.perf_counter()
    empty = sum(1 for names in lists.values() if not names)
    return {"bulletins": count, "index_s": built - started, "lists_s": finished - built,
            "total_s": finished - started, "without_list": empty,
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--counts", type=int, nargs="+", default=[1000, 10000, 20000])
    parser.add_argument("--json", type=Path, help="also write the figures here")
    arguments = parser.parse_args()
    rows = []
    print(f"{'bulletins':>9} {'index s':>8} {'lists s':>8} {'total s':>8} {'growth':>7} {'no list':>8} {'peak MB':>8}")
    for count in arguments.counts:
        row = measure(count)
        growth = f"{row['total_s'] / rows[-1]['total_s']:.2f}x" if rows else ""
        rows.append(row)
        print(f"{count:>9} {row['index_s']:8.2f} {row['lists_s']:8.2f} {row['total_s']:8.2f} {growth:>7} "
              f"{row['without_list']:>8} {row['peak_mb']:8.0f}")
    if arguments.json:
        arguments.json.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
