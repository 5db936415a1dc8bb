"""Rebuilds that reuse .cache/ give exactly what a clean build gives, edit after edit."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from conftest import copy_site, run_build, snapshot


def clean_build(site: Path, scratch: Path) -> dict[str, bytes]:
    """The same site built from nothing, in a separate copy (so it shares no cache)."""
    if scratch.exists():
        shutil.rmtree(scratch)
    shutil.copytree(site, scratch, ignore=shutil.ignore_patterns(".cache", "output"))
    result = run_build(scratch, "--clean")
    assert result.exit_code == 0, result.stderr
    return snapshot(scratch / "output")


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_incremental_equals_clean_over_a_sequence_of_edits(tmp_path: Path) -> None:
    site = copy_site("basic", tmp_path)
    content = site / "content" / "2023"
    first = run_build(site, "--verbose")
    assert first.exit_code == 0, first.stderr
    assert "cache: 0 of 6 files reused" in first.stdout

    steps = [
        ("add", lambda: (content / "banjir.md").write_text(
            "---\ntitle: Warga Jakarta Timur siaga banjir dan jentik nyamuk\ndate: 2023-11-02 09:00\n"
            "reporter: Dimas Prasetyo\neditor: Sari Wulandari\nregion: Jakarta Timur\ntags: [dbd, banjir]\n---\n"
            "Genangan air sisa banjir menjadi sarang jentik nyamuk demam berdarah, kata petugas jumantik.\n",
            encoding="utf-8")),
        ("edit title", lambda: edit(content / "tppo-jakbar.md", "judul: Gugus tugas TPPO Jakarta Barat",
                                    "judul: Satgas TPPO Jakarta Barat")),
        ("change region", lambda: edit(content / "dbd-jaktim.md", "region: Jakarta Timur",
                                       "region: Jakarta Barat")),
        ("delete", lambda: (content / "banjir.md").unlink()),
        ("rename", lambda: (content / "dbd-jaksel.md").rename(content / "dbd-jakarta-selatan.md")),
        ("template", lambda: (site / "templates").mkdir() or (site / "templates" / "404.html").write_text(
            "{% extends 'base.html' %}{% block main %}<h1>Tidak ada</h1>{% endblock %}\n", encoding="utf-8")),
        ("add a campaign", lambda: (site / "content" / "campaigns").mkdir() or (
            site / "content" / "campaigns" / "siaga-dbd.md").write_text(
            "---\ntitle: Siaga DBD\ntheme: Jentik tak punya tempat\nstart: 2023-09-01\n---\nPSN 3M Plus.\n",
            encoding="utf-8")),
        ("join it", lambda: edit(content / "dbd-jaktim.md", "tags: [dbd, jumantik, sosialisasi]",
                                 "tags: [dbd, jumantik, sosialisasi]\ncampaign: siaga-dbd")),
        ("link another", lambda: (content / "tppo-jaksel.md").write_text(
            (content / "tppo-jaksel.md").read_text(encoding="utf-8")
            + "\nLihat juga [kerja satgas](tppo-jakbar.md).\n", encoding="utf-8")),
        ("give the linked one a slug", lambda: edit(content / "tppo-jakbar.md", "wilayah: Jakarta Barat",
                                                    "wilayah: Jakarta Barat\nslug: satgas-tppo")),
    ]
    for number, (name, change) in enumerate(steps):
        change()
        result = run_build(site, "--verbose")
        assert result.exit_code == 0, (name, result.stderr)
        incremental = snapshot(site / "output")
        clean = clean_build(site, tmp_path / f"clean-{number}")
        assert incremental.keys() == clean.keys(), name
        assert [path for path in incremental if incremental[path] != clean[path]] == [], name

    # the renamed bulletin moved; the others were not parsed again
    assert (site / "output" / "berita" / "dbd-jakarta-selatan" / "index.html").is_file()
    linking = (site / "output" / "berita" / "tppo-jaksel" / "index.html").read_text(encoding="utf-8")
    assert "/berita/satgas-tppo/" in linking and "/berita/tppo-jakbar/" not in linking
    assert not (site / "output" / "berita" / "dbd-jaksel").exists()
    assert "nothing changed since the last build" in run_build(site, "--verbose").stdout
    touched = content / "tppo-jakbar.md"  # same bytes, new time: parsed bulletins and lists come from the cache
    os.utime(touched, ns=(touched.stat().st_atime_ns, touched.stat().st_mtime_ns + 1_000_000_000))
    assert "cache: 6 of 6 files reused, related lists reused" in run_build(site, "--verbose").stdout
    assert (site / "output" / "kampanye" / "siaga-dbd" / "index.html").is_file()


def test_a_deleted_image_is_noticed_through_the_cache(tmp_path: Path) -> None:
    site = copy_site("basic", tmp_path)
    assert run_build(site).exit_code == 0
    (site / "content" / "images" / "panduan.txt").unlink()
    result = run_build(site)
    assert result.exit_code == 1
    assert 'content/2023/tppo-jaksel.md, line 20, field \'body\': linked file "../images/panduan.txt" not found' \
        in result.stderr


def test_clean_ignores_a_damaged_cache(tmp_path: Path) -> None:
    site = copy_site("basic", tmp_path)
    assert run_build(site).exit_code == 0
    for cache_file in (site / ".cache").rglob("*.pickle"):
        cache_file.write_bytes(b"not a pickle")
    result = run_build(site, "--verbose")
    assert result.exit_code == 0, result.stderr
    assert "cache: 0 of 6 files reused" in result.stdout


def test_a_scheduled_bulletin_appears_when_its_time_comes(tmp_path: Path) -> None:
    site = copy_site("basic", tmp_path)
    (site / "content" / "2023" / "terjadwal.md").write_text(
        "---\ntitle: Siaran terjadwal tentang jumantik\ndate: 2025-11-23 08:00\nreporter: Rina Oktaviani\n"
        "editor: Sari\nregion: Jakarta Timur\ntags: [dbd]\n---\nJumantik memeriksa jentik.\n", encoding="utf-8")
    assert run_build(site).exit_code == 0  # the fixed build time is 2025-11-22 09:00 WIB
    assert not (site / "output" / "berita" / "terjadwal").exists()
    assert "nothing changed" in run_build(site, "--verbose").stdout
    later = run_build(site, "--verbose", env_extra={"SOURCE_DATE_EPOCH": "1763866800"})  # a day later
    assert "nothing changed" not in later.stdout
    assert (site / "output" / "berita" / "terjadwal" / "index.html").is_file()
