"""What every worker process of a build shares."""

from __future__ import annotations

import signal


def worker_signals() -> None:
    """Workers leave interruptions to the main process, which cleans up and stops them."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
