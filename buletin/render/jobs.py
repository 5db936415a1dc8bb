"""Render jobs shared out among forked worker processes, their files given back in the order of the jobs.

Articles, list pages and feeds, the bulk of a large site, are rendered in one
worker process per core: `python bench/speed_tricks.py` at 2,000 bulletins
on two cores, 0.24 ms a file in two workers against 0.31 to 0.32 ms in one
process (×1.3 to ×1.4). The files come in the same order, with the same
bytes, as from rendering them one by one, which test_parallel checks.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Sequence

from ..model import Article, RenderedFile
from ..runtime.workers import fork_available, in_forks

Job = Callable[..., "list[RenderedFile] | None"]  # a job's files; with reused_only=True, None unless all are reused

# Rendering in workers pays off from about this many jobs (below it, starting them costs more).
PARALLEL_JOBS_FROM = 2000

# Pages of a list rendered by one job.
LIST_PAGES_PER_JOB = 40


def one_page(render: Callable[..., RenderedFile | None], article: Article,
             reused_only: bool = False) -> list[RenderedFile] | None:
    """The job of one article's page."""
    page = render(article, reused_only)
    return None if page is None else [page]


# Jobs per chunk sent to a worker, by weight: enough to make the round trip worth it, few enough that
# the pages a chunk holds until they are written stay a few megabytes.
CHUNK_WEIGHT = 400


def balanced_ranges(weights: Sequence[int], parts: int) -> list[tuple[int, int]]:
    """Consecutive ranges of jobs of about equal total weight, so that no worker is left with all the heavy ones."""
    target = max(1, sum(weights) // parts)
    ranges, start, total = [], 0, 0
    for number, weight in enumerate(weights):
        total += weight
        if total >= target:
            ranges.append((start, number + 1))
            start, total = number + 1, 0
    if start < len(weights):
        ranges.append((start, len(weights)))
    return ranges


def job_results(jobs: Sequence[Job], workers: int, weights: Sequence[int]) -> Iterator[list[RenderedFile]]:
    """Each job's files, in the order of the jobs, as they are done; in forked worker processes when there
    are many and fork is available. `weights` says about what each job costs, to share them out evenly."""
    if workers <= 1 or len(jobs) < PARALLEL_JOBS_FROM or not fork_available():
        yield from (job() for job in jobs)
        return
    ranges = balanced_ranges(weights, parts=max(workers * 8, math.ceil(sum(weights) / CHUNK_WEIGHT)))
    # The workers are forked with the jobs, so only the files they make travel between processes.
    for chunk in in_forks(lambda start, end: [job() for job in jobs[start:end]], ranges, workers):
        chunk.reverse()
        while chunk:  # let each job's pages go once they are taken
            yield chunk.pop()
