"""What every worker process of a build shares, and work done aside in one while the build goes on."""

from __future__ import annotations

import multiprocessing
import signal
import threading
import time
from collections.abc import Callable
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
        if inline or "fork" not in multiprocessing.get_all_start_methods() or threading.active_count() > 1:
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
