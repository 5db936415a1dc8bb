"""The code stays `ruff check` clean."""

from __future__ import annotations

import subprocess
import sys

from conftest import PROJECT_ROOT


def test_ruff_check_is_clean() -> None:
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "."], cwd=PROJECT_ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
