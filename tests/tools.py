"""External tools some tests need: present, or a failure on CI and a skip elsewhere."""

from __future__ import annotations

import os
import shutil

import pytest


def require_tool(name: str, install_hint: str) -> str:
    """The path of a command-line tool; on CI (CI=true) a missing tool fails the test instead of skipping it."""
    path = shutil.which(name)
    if path is None:
        message = f"{name} is not installed ({install_hint})"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    return path
