"""Worker processes: work shared out among forked processes, and work done aside in one while the build goes on.

Forked processes see everything the build had made when they started, so
nothing is sent to them but the bounds of their share; only results come back.
"""

from __future__ import annotations

import collections
import multiprocessing
import multiprocessing.connection
import signal
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from typing import Generic, TypeVar

Result = TypeVar("Result")


def worker_signals() -> None:
    """Workers leave interruptions to the main process, which cleans up and stops them."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


class Aside(Generic[Result]):
    """work() done in a forked process while this one goes on with something else; result() waits for it.

    The forked process sees everything this one had made (nothing is sent to
    it) and sends back only the result. Done here instead, at once, where
    fork is not available, when asked to (`inline`), and in a process that
    runs other threads (the live preview's server), which a fork could catch
    holding a lock. An exception of the work is raised again by result().
    """

    def __init__(self, work: Callable[[], Result], inline: bool = False):
        self.seconds = 0.0  # the work's own time
        self._process: multiprocessing.process.BaseProcess | None = None
        if inline or not fork_available() or threading.active_count() > 1:
            started = time.perf_counter()
            try:
                self._outcome: tuple[bool, object] = (True, work())
            except Exception as error:  # raised where the result is asked for, as from the other process
                self._outcome = (False, error)
            self.seconds = time.perf_counter() - started
            return
        context = multiprocessing.get_context("fork")
        self._receiver, sender = context.Pipe(duplex=False)
        self._process = context.Process(target=_work_aside, args=(work, sender), daemon=True)
        self._process.start()
        sender.close()

    def result(self) -> Result:
        if self._process is not None:
            try:
                ok, value, self.seconds = self._receiver.recv()
            except EOFError:
                raise RuntimeError("a worker process of the build stopped without a result") from None
            finally:
                self._receiver.close()
                self._process.join()
                self._process = None
            self._outcome = (ok, value)
        ok, value = self._outcome
        if not ok:
            raise value
        return value

    def cancel(self) -> None:
        """Stop the work if it is still going (the build failed or was interrupted)."""
        if self._process is not None:
            self._process.terminate()
            self._process.join()
            self._receiver.close()
            self._process = None


def _work_aside(work: Callable[[], object], sender: multiprocessing.connection.Connection) -> None:
    worker_signals()
    started = time.perf_counter()
    try:
        outcome = (True, work())
    except Exception as error:
        outcome = (False, error)
    sender.send((*outcome, time.perf_counter() - started))
    sender.close()


def fork_available() -> bool:
    """Whether work can go to forked processes on this system."""
    return "fork" in multiprocessing.get_all_start_methods()


def in_forks(work: Callable[[int, int], Result], ranges: Sequence[tuple[int, int]], workers: int,
             ahead: int = 2) -> Iterator[Result]:
    """work(start, end) for each range, in `workers` forked processes; the results in the order of the ranges.

    Each worker has at most `ahead` ranges at a time, so results made faster
    than they are taken do not pile up here. A worker that stops without a
    result is an error, not a wait without end; an exception of the work is
    raised here. Leaving the loop early (the caller stopped taking results)
    stops the workers.
    """
    context = multiprocessing.get_context("fork")
    pipes, processes = [], []
    try:
        for _ in range(max(1, min(workers, len(ranges)))):
            mine, theirs = context.Pipe()
            process = context.Process(target=_serve, args=(work, theirs), daemon=True)
            process.start()
            theirs.close()
            pipes.append(mine)
            processes.append(process)
        queued = iter(ranges)
        waiting: collections.deque = collections.deque()  # the pipe of each range sent, in the order of the ranges

        def send_next(pipe: multiprocessing.connection.Connection) -> None:
            bounds = next(queued, None)
            if bounds is not None:
                pipe.send(bounds)
                waiting.append(pipe)

        for _ in range(ahead):
            for pipe in pipes:
                send_next(pipe)
        while waiting:
            pipe = waiting.popleft()  # the oldest range's results come first from its worker
            try:
                ok, value = pipe.recv()
            except EOFError:
                raise RuntimeError("a worker process of the build stopped without a result") from None
            if not ok:
                raise value
            send_next(pipe)
            yield value
        for pipe in pipes:
            pipe.send(None)  # no more work: the workers leave on their own
        for process in processes:
            process.join()
    finally:
        for process in processes:
            if process.is_alive():
                process.terminate()
            process.join()
        for pipe in pipes:
            pipe.close()


def _serve(work: Callable[[int, int], object], pipe: multiprocessing.connection.Connection) -> None:
    worker_signals()
    while True:
        try:
            bounds = pipe.recv()
        except EOFError:
            return
        if bounds is None:
            return
        try:
            outcome: tuple[bool, object] = (True, work(*bounds))
        except Exception as error:  # raised again where the results are taken
            outcome = (False, error)
        pipe.send(outcome)
