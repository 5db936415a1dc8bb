"""The sample site in content/ builds cleanly and every link in it resolves."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import PROJECT_ROOT, read_html, run_build
from linkcheck import broken_links


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("sample")
    shutil.copytree(PROJECT_ROOT / "content", site / "content")
    shutil.copy(PROJECT_ROOT / "site.toml", site / "site.toml")
    return site


def test_sample_site_builds_without_warnings(sample: Path) -> None:
    result = run_build(sample, "--output", "root")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    output = sample / "root"
    articles = list((output / "berita").glob("*/index.html"))
    assert len(articles) >= 24
    regions = [path for path in (output / "wilayah").iterdir() if path.is_dir()]
    assert len(regions) >= 5
    reporters = [path for path in (output / "pewarta").iterdir() if path.is_dir()]
    assert len(reporters) >= 3
    images = [image for page in articles for image in read_html(page).select("figure.article-image img")]
    assert len(images) >= 3
    pinned = [page for page in articles if read_html(page).select("nav.related a")]
    assert len(pinned) >= len(articles) - 2  # nearly every bulletin has a Baca juga list


def test_every_internal_link_resolves_at_the_root(sample: Path) -> None:
    result = run_build(sample, "--output", "root")
    assert result.exit_code == 0, result.stderr
    assert broken_links(sample / "root") == []


def test_every_internal_link_resolves_under_a_sub_path(sample: Path) -> None:
    result = run_build(sample, "--output", "sub", "--base-url", "https://contoh.go.id/buletin/")
    assert result.exit_code == 0, result.stderr
    assert broken_links(sample / "sub", base_path="/buletin/") == []


def test_every_internal_link_resolves_from_disk(sample: Path) -> None:
    result = run_build(sample, "--output", "disk", "--relative-urls")
    assert result.exit_code == 0, result.stderr
    assert broken_links(sample / "disk", relative=True) == []
