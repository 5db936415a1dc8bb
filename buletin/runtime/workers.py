"""Worker processes: work shared out among forked processes, and work done aside in one while the build goes on.

Forked processes see everything the build had made when they started, so
nothing is sent to them but the bounds of their share; only results come back.
"""

from __future__ import annotations

import collections
import contextlib
import multiprocessing
import signal
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Generic, TypeVar

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

Result = TypeVar("Result")


def worker_signals() -> None:
    """Workers leave interruptions to the main process, which cleans up and stops them."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


STOPPED = "a worker process of the build stopped without a result"


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
            self._outcome = _outcome(work)
            self.seconds = time.perf_counter() - started
            return
        context = multiprocessing.get_context("fork")
        self._receiver, sender = context.Pipe(duplex=False)
        self._process = context.Process(target=_work_aside, args=(work, sender, self._receiver), daemon=True)
        self._process.start()
        sender.close()

    def result(self) -> Result:
        if self._process is not None:
            try:
                ok, value, self.seconds = self._receiver.recv()
            except (EOFError, OSError):  # the worker is gone
                raise RuntimeError(STOPPED) from None
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


def _work_aside(work: Callable[[], object], sender: Connection, receiver: Connection) -> None:
    worker_signals()
    receiver.close()  # the main process's end, inherited
    started = time.perf_counter()
    outcome = _outcome(work)
    _send(sender, (*outcome, time.perf_counter() - started))
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
    raised here. When the caller stops taking results (closing this
    generator, as leaving a for loop over it does) the workers are stopped;
    a worker whose main process is gone finds its pipe closed and leaves.
    """
    context = multiprocessing.get_context("fork")
    pipes: list[Connection] = []
    processes: list[multiprocessing.process.BaseProcess] = []
    finished = False
    try:
        _start_workers(context, work, max(1, min(workers, len(ranges))), pipes, processes)
        queued = iter(ranges)
        waiting: collections.deque[Connection] = collections.deque()  # the pipe of each range sent, in order

        def send_next(pipe: Connection) -> None:
            bounds = next(queued, None)
            if bounds is not None:
                try:
                    pipe.send(bounds)
                except OSError:  # the worker is gone
                    raise RuntimeError(STOPPED) from None
                waiting.append(pipe)

        for _ in range(ahead):
            for pipe in pipes:
                send_next(pipe)
        while waiting:
            pipe = waiting.popleft()  # the oldest range's results come first from its worker
            try:
                ok, value = pipe.recv()
            except (EOFError, OSError):  # the worker is gone
                raise RuntimeError(STOPPED) from None
            if not ok:
                raise value
            send_next(pipe)
            yield value
        for pipe in pipes:
            with contextlib.suppress(OSError):  # a worker that left already needs no word
                pipe.send(None)  # no more work: the workers leave on their own
        finished = True
    finally:
        for process in processes:
            if process.pid is None:
                continue  # never started
            if not finished:
                process.terminate()
            process.join()
        for pipe in pipes:
            pipe.close()


def _start_workers(context: multiprocessing.context.BaseContext, work: Callable[[int, int], object], count: int,
                   pipes: list[Connection], processes: list[multiprocessing.process.BaseProcess]) -> None:
    """Fork `count` workers, each noted in `pipes` and `processes` before it starts (so that the caller stops
    every one that did, whatever happens)."""
    for _ in range(count):
        mine, theirs = context.Pipe()
        process = context.Process(target=_serve, args=(work, theirs, [*pipes, mine]), daemon=True)
        pipes.append(mine)
        processes.append(process)
        process.start()
        theirs.close()


def _serve(work: Callable[[int, int], object], pipe: Connection, inherited: list[Connection]) -> None:
    worker_signals()
    for other in inherited:  # the main process's ends, inherited: closed, so that its going away is seen
        other.close()
    while True:
        try:
            bounds = pipe.recv()
        except EOFError:
            return
        if bounds is None:
            return
        if not _send(pipe, _outcome(lambda bounds=bounds: work(*bounds))):
            return


def _outcome(work: Callable[[], object]) -> tuple[bool, object]:
    """(True, what work() gave) or (False, the exception it raised), to raise again where the result is taken."""
    try:
        return True, work()
    except Exception as error:
        return False, error


def _send(pipe: Connection, outcome: tuple) -> bool:
    """Send an outcome back; one that cannot be sent (a value that does not pickle) goes as an error saying
    so. False when the main process is gone."""
    try:
        pipe.send(outcome)
    except OSError:
        return False
    except Exception as error:
        with contextlib.suppress(OSError):
            pipe.send((False, RuntimeError(f"a worker could not send back its result: {error!r}"),
                       *outcome[2:]))
        return True
    return True
