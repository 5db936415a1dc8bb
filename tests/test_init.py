"""`init`: a new site folder that builds as it is, whose site.toml explains every setting, and that is never
written over."""

from __future__ import annotations

import dataclasses
import tomllib
from pathlib import Path

from conftest import read_html, run_build, snapshot

from buletin.config import SiteConfig, load_config
from buletin.config.schema import SETTINGS_HELP


def schema_keys() -> set[str]:
    keys = set()
    for item in dataclasses.fields(SiteConfig):
        keys.add(item.name)
        default = getattr(SiteConfig(), item.name)
        if dataclasses.is_dataclass(default):
            keys |= {f"{item.name}.{inner.name}" for inner in dataclasses.fields(default)}
    return keys


def test_every_setting_of_the_schema_is_explained() -> None:
    assert set(SETTINGS_HELP) == schema_keys()


def test_a_new_site_builds_as_it_is(tmp_path: Path) -> None:
    result = run_build(tmp_path, "init", "warta-kelurahan")
    assert result.exit_code == 0, result.stderr
    site = tmp_path / "warta-kelurahan"
    names = {path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file()}
    assert {"site.toml", ".gitignore", ".github/workflows/pages.yml",
            "content/campaigns/kenali-layanan-112.md"} <= names
    assert any(name.startswith("content/") and name.endswith("/sosialisasi-layanan-112.md") for name in names)
    text = (site / "site.toml").read_text(encoding="utf-8")
    config = load_config(site / "site.toml")
    assert config.title == "Warta Kelurahan" and config.language == "id"
    # Every setting is there, each under its line of explanation; uncommented, the whole file still loads.
    for key in schema_keys():
        assert f"# {SETTINGS_HELP[key]}" in text, key
        is_table = dataclasses.is_dataclass(getattr(SiteConfig(), key, None))
        assert (f"[{key}]" if is_table else f"{key.split('.')[-1]} = ") in text, key
    uncommented = "\n".join(line.removeprefix("# ") if " = " in line else line for line in text.splitlines())
    assert tomllib.loads(uncommented)["related"]["count"] == 5
    (site / "site.toml").write_text(uncommented, encoding="utf-8")
    assert load_config(site / "site.toml") == SiteConfig(title="Warta Kelurahan")
    (site / "site.toml").write_text(text, encoding="utf-8")

    built = run_build(site)
    assert built.exit_code == 0, built.stderr
    article = next((site / "output" / "berita").glob("*/index.html"))
    page = read_html(article)
    assert page.find("h1").get_text(strip=True).startswith("Pemkot ajak warga")
    assert page.select_one("a[href$='/kampanye/kenali-layanan-112/']") is not None
    workflow = (site / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8")
    assert "upload-pages-artifact" in workflow and "buletin --base-url" in workflow


def test_init_never_writes_over_a_file(tmp_path: Path) -> None:
    site = tmp_path / "situs"
    site.mkdir()
    (site / "site.toml").write_text('title = "Milik saya"\n', encoding="utf-8")
    before = snapshot(site)
    result = run_build(tmp_path, "init", "situs")
    assert result.exit_code == 1
    assert "situs/site.toml: is there already" in result.stderr
    assert snapshot(site) == before  # nothing else was written either
