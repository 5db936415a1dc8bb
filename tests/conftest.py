"""Helpers shared by the tests: build real sites into temporary folders and parse what comes out."""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SITES = Path(__file__).resolve().parent / "sites"
# A fixed build time, so that "future" and "draft" are decided the same way on every run.
BUILD_EPOCH = "1763776800"  # 2025-11-22 09:00 WIB


@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str


def run_build(site: Path, *arguments: str, env_extra: dict | None = None) -> Run:
    """Run `python build.py` as a user would, in the site's folder."""
    import os
    env = {**os.environ, "SOURCE_DATE_EPOCH": BUILD_EPOCH, **(env_extra or {})}
    completed = subprocess.run(
        [sys.executable, str(PROJECT_ROOT / "build.py"), *arguments],
        cwd=site, capture_output=True, text=True, env=env, timeout=300,
    )
    return Run(completed.returncode, completed.stdout, completed.stderr)


def copy_site(name: str, destination: Path) -> Path:
    """A fresh copy of a fixture site, so tests can edit it."""
    target = destination / name
    shutil.copytree(SITES / name, target)
    return target


def read_html(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under folder with its bytes, hidden files included."""
    return {path.relative_to(folder).as_posix(): path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file()}


@pytest.fixture(scope="session")
def basic_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The basic fixture site, built once; returns its output folder."""
    site = copy_site("basic", tmp_path_factory.mktemp("basic"))
    result = run_build(site)
    assert result.exit_code == 0, result.stderr
    return site / "output"
