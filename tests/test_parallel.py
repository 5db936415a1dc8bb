"""Work spread over processes gives exactly what one process gives."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import PROJECT_ROOT, snapshot

from buletin.config import BuildOptions
from buletin.load import content
from buletin.model import BuildError
from buletin.pipeline import build
from buletin.render import jobs


def sample(tmp_path: Path, name: str) -> Path:
    site = tmp_path / name
    shutil.copytree(PROJECT_ROOT / "content", site / "content")
    shutil.copy(PROJECT_ROOT / "site.toml", site / "site.toml")
    return site


def options(site: Path) -> BuildOptions:
    return BuildOptions(content_dir=site / "content", output_dir=site / "output", config_file=site / "site.toml",
                        use_cache=False)


def test_parallel_load_and_render_equal_sequential(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sequential = sample(tmp_path, "one")
    monkeypatch.setattr(content, "PARALLEL_THRESHOLD", 10**9)
    monkeypatch.setattr(jobs, "PARALLEL_JOBS_FROM", 10**9)
    build(options(sequential))
    parallel = sample(tmp_path, "many")
    monkeypatch.setattr(content, "PARALLEL_THRESHOLD", 1)
    monkeypatch.setattr(jobs, "PARALLEL_JOBS_FROM", 1)
    monkeypatch.setattr("os.cpu_count", lambda: 2)
    build(options(parallel))
    assert snapshot(sequential / "output") == snapshot(parallel / "output")


def test_a_template_error_in_a_worker_is_reported_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = sample(tmp_path, "broken")
    (site / "templates").mkdir()
    (site / "templates" / "article.html").write_text("{% extends 'base.html' %}{% block main %}{{ nope.x }}"
                                                      "{% endblock %}\n")
    monkeypatch.setattr(jobs, "PARALLEL_JOBS_FROM", 1)
    monkeypatch.setattr("os.cpu_count", lambda: 2)
    with pytest.raises(BuildError) as raised:
        build(options(site))
    [problem] = raised.value.problems
    assert problem.file.endswith("templates/article.html") and problem.line == 1
    assert "'nope' is undefined" in problem.message
