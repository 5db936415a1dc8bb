"""The engine as installed from its wheel, without the repository: the default theme ships inside it.

The wheel is built from the project (`pip wheel`) and installed, without -e,
into a new virtual environment outside the repository; the packages it
depends on come from the test environment's own site-packages, so the test
needs no network once the build tools are at hand. A site folder with only
content/ and site.toml then builds with the default theme, and `buletin
--help` and `buletin init` work there.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest
from conftest import BUILD_EPOCH, PROJECT_ROOT, read_html


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bin folder of a virtual environment with the engine installed from its wheel."""
    work = tmp_path_factory.mktemp("wheel")
    source = work / "source"  # a copy, so that building leaves nothing in the repository
    for name in ("buletin", "templates", "static"):
        shutil.copytree(PROJECT_ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(PROJECT_ROOT / name, source / name)
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", str(work),
                    str(source)], check=True, capture_output=True, timeout=600)
    wheel = next(work.glob("buletin-*.whl"))
    environment = work / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(environment)], check=True, timeout=120)
    python = environment / "bin" / "python"
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", "--no-deps",
                    str(wheel)], check=True, capture_output=True, timeout=600)
    # The engine's dependencies, from the test environment (a path, not its .pth files: the project's own
    # editable install stays out).
    target = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                            check=True, capture_output=True, text=True).stdout.strip()
    Path(target, "test-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    return environment / "bin"


def run(command: list[str], folder: Path) -> subprocess.CompletedProcess:
    environment = {name: value for name, value in os.environ.items() if name not in ("PYTHONPATH",)}
    return subprocess.run(command, cwd=folder, capture_output=True, text=True, timeout=300,
                          env={**environment, "SOURCE_DATE_EPOCH": BUILD_EPOCH})


def test_the_installed_engine_is_the_wheel_not_the_repository(installed: Path, tmp_path: Path) -> None:
    result = run([str(installed / "python"), "-c", "import buletin; print(buletin.__file__)"], tmp_path)
    assert result.returncode == 0, result.stderr
    engine = Path(result.stdout.strip())
    assert not engine.is_relative_to(PROJECT_ROOT) and (engine.parent / "theme" / "templates").is_dir()


def test_a_site_with_only_content_and_settings_builds_with_the_default_theme(installed: Path,
                                                                             tmp_path: Path) -> None:
    site = tmp_path / "situs"
    shutil.copytree(PROJECT_ROOT / "tests" / "sites" / "basic" / "content", site / "content")
    shutil.copy(PROJECT_ROOT / "tests" / "sites" / "basic" / "site.toml", site / "site.toml")
    assert not (site / "templates").exists() and not (site / "static").exists()
    result = run([str(installed / "buletin")], site)
    assert result.returncode == 0, result.stderr
    output = site / "output"
    assert (output / "style.css").read_bytes() == (PROJECT_ROOT / "static" / "style.css").read_bytes()
    page = read_html(next((output / "berita").glob("*/index.html")))
    assert page.select_one("link[rel=stylesheet]") is not None and page.find("h1") is not None


def test_help_and_init_from_the_installed_command(installed: Path, tmp_path: Path) -> None:
    help_text = run([str(installed / "buletin"), "--help"], tmp_path)
    assert help_text.returncode == 0 and "init" in help_text.stdout and "serve" in help_text.stdout
    created = run([str(installed / "buletin"), "init", "baru"], tmp_path)
    assert created.returncode == 0, created.stderr
    built = run([str(installed / "buletin"), "--quiet"], tmp_path / "baru")
    assert built.returncode == 0, built.stderr
    assert (tmp_path / "baru" / "output" / "kampanye" / "kenali-layanan-112" / "index.html").is_file()
