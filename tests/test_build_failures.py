"""Bad input: all problems at once, a non-zero exit, and the previous output untouched."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from conftest import SITES, copy_site, run_build, snapshot

INVALID_SITE_REPORT = """\
Error: 8 problems found; nothing was written.
content/baik.md, line 7, field 'related': no bulletin has the slug "berita-hilang"
    Use the slug of an existing bulletin (its file name).
content/kembar-dua.md, line 7, field 'slug': the slug "berita-kembar" is used by content/kembar-dua.md \
and content/kembar-satu.md
    Give one of them another slug (rename the file or set 'slug:').
content/kembar-satu.md, line 3, field 'slug': the slug "berita-kembar" is used by content/kembar-dua.md \
and content/kembar-satu.md
    Give one of them another slug (rename the file or set 'slug:').
content/slug-buruk.md, line 7, field 'slug': "Berita Baru!" is not a safe URL segment
    Use lowercase letters, digits and hyphens, for example "berita-baru".
content/tanggal-salah.md, line 3, field 'date': "2023-13-45" is not a date
    Write it as YYYY-MM-DD or YYYY-MM-DD HH:MM, for example "2022-11-02 14:05".
content/tanggal-salah.md, line 6, field 'region': unknown region "Jakarta Selaten"
    Did you mean "Jakarta Selatan"? Regions are listed in the site configuration under 'regions'.
content/tanpa-editor.md, field 'editor': required field is missing
    Add a line 'editor: ...' (or 'penyunting: ...') to the front-matter.
content/yaml-rusak.md, line 5: the front-matter is not valid YAML: expected ',' or ']', but got ':' \
(while parsing a flow sequence that starts on line 4)
    Check the brackets, indentation and quoting; a value with ":" or "#" needs quotes.
"""


def test_invalid_site_reports_every_problem_at_once(tmp_path: Path) -> None:
    site = copy_site("invalid", tmp_path)
    result = run_build(site)
    assert result.exit_code == 1
    assert result.stderr == INVALID_SITE_REPORT
    assert result.stdout == ""
    assert not (site / "output").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["invalid"]  # no staging folder left behind


def test_failed_build_leaves_previous_output_byte_for_byte(tmp_path: Path) -> None:
    site = copy_site("basic", tmp_path)
    assert run_build(site).exit_code == 0
    before = snapshot(site / "output")
    times = {path: path.stat().st_mtime_ns for path in (site / "output").rglob("*")}
    (site / "content" / "2023" / "dbd-jaktim.md").write_text(
        "---\ntitle: Judul baru\ndate: kemarin\nreporter: A\neditor: B\nregion: Jakarta Selaten\n---\nIsi.\n",
        encoding="utf-8")
    result = run_build(site)
    assert result.exit_code == 1
    assert 'content/2023/dbd-jaktim.md, line 3, field \'date\': "kemarin" is not a date' in result.stderr
    assert 'content/2023/dbd-jaktim.md, line 6, field \'region\': unknown region "Jakarta Selaten"' in result.stderr
    assert snapshot(site / "output") == before
    assert {path: path.stat().st_mtime_ns for path in (site / "output").rglob("*")} == times
    assert sorted(p.name for p in site.iterdir()) == [".cache", "content", "output", "site.toml"]


def test_template_error_is_reported_and_output_kept(tmp_path: Path) -> None:
    site = copy_site("basic", tmp_path)
    assert run_build(site).exit_code == 0
    before = snapshot(site / "output")
    (site / "templates").mkdir()
    (site / "templates" / "article.html").write_text(
        "{% extends 'base.html' %}\n{% block main %}{{ article.no_such_field }}{% endblock %}\n")
    result = run_build(site)
    assert result.exit_code == 1
    assert "templates/article.html, line 2: template error:" in result.stderr
    assert "no_such_field" in result.stderr
    assert snapshot(site / "output") == before


def test_site_templates_override_the_default_theme(tmp_path: Path) -> None:
    site = copy_site("basic", tmp_path)
    (site / "templates" / "partials").mkdir(parents=True)
    (site / "templates" / "partials" / "footer.html").write_text("<footer>Kaki khusus</footer>\n")
    assert run_build(site).exit_code == 0
    page = (site / "output" / "berita" / "dbd-jaktim" / "index.html").read_text()
    assert "<footer>Kaki khusus</footer>" in page
    assert 'class="related"' in page  # the rest still comes from the default theme


def test_refuses_an_output_folder_it_did_not_create(tmp_path: Path) -> None:
    site = copy_site("basic", tmp_path)
    someone = tmp_path / "dokumen"
    someone.mkdir()
    (someone / "laporan.docx").write_bytes(b"penting")
    result = run_build(site, "--output", str(someone))
    assert result.exit_code == 1
    assert "this folder has files that were not made by this generator" in result.stderr
    assert snapshot(someone) == {"laporan.docx": b"penting"}


def test_refuses_output_on_content_or_project_root(tmp_path: Path) -> None:
    site = copy_site("basic", tmp_path)
    before = snapshot(site)
    for target, message in [("content", "the output folder overlaps content"),
                            ("content/keluaran", "the output folder overlaps content"),
                            (".", "the output folder would contain"),
                            ("..", "the output folder would contain")]:
        result = run_build(site, "--output", target)
        assert result.exit_code == 1, target
        assert message in result.stderr, (target, result.stderr)
    assert snapshot(site) == before


def test_rebuild_keeps_foreign_files_and_removes_only_its_own(tmp_path: Path) -> None:
    site = copy_site("basic", tmp_path)
    output = site / "output"
    assert run_build(site).exit_code == 0
    (output / "CNAME").write_text("warta.example.go.id\n")
    (output / "berita" / "catatan.txt").write_text("catatan tim\n")
    (site / "content" / "2023" / "dbd-jaksel.md").unlink()
    result = run_build(site)
    assert result.exit_code == 0, result.stderr
    assert (output / "CNAME").read_text() == "warta.example.go.id\n"
    assert (output / "berita" / "catatan.txt").read_text() == "catatan tim\n"
    assert not (output / "berita" / "dbd-jaksel").exists()
    assert not (output / "topik" / "kesehatan").exists()
    assert (output / "topik" / "dbd" / "index.html").is_file()


def test_a_foreign_file_on_a_generated_path_stops_the_build(tmp_path: Path) -> None:
    site = copy_site("basic", tmp_path)
    output = site / "output"
    assert run_build(site).exit_code == 0
    (output / "berita" / "dbd-jaktim" / "index.html").unlink()
    manifest = output / ".buletin-manifest.json"
    assert run_build(site).exit_code == 0  # a file we made, deleted by hand, is simply made again
    (output / "berita" / "dbd-jaktim" / "index.html").unlink()
    manifest.write_text(manifest.read_text().replace('"berita/dbd-jaktim/index.html",\n', ""))
    (output / "berita" / "dbd-jaktim" / "index.html").write_text("tulisan tangan")
    result = run_build(site)
    assert result.exit_code == 1
    assert "the build would replace a file it did not create" in result.stderr
    assert (output / "berita" / "dbd-jaktim" / "index.html").read_text() == "tulisan tangan"


def test_unchanged_files_keep_their_modification_time(tmp_path: Path) -> None:
    site = copy_site("basic", tmp_path)
    output = site / "output"
    assert run_build(site).exit_code == 0
    old_page = output / "berita" / "tppo-jakbar" / "index.html"
    changed_page = output / "berita" / "dbd-jaktim" / "index.html"
    os.utime(old_page, ns=(1_000_000_000, 1_000_000_000))
    os.utime(changed_page, ns=(1_000_000_000, 1_000_000_000))
    source = site / "content" / "2023" / "dbd-jaktim.md"
    source.write_text(source.read_text().replace("Warga diminta", "Warga sekali lagi diminta"))
    result = run_build(site)
    assert result.exit_code == 0
    assert old_page.stat().st_mtime_ns == 1_000_000_000
    assert changed_page.stat().st_mtime_ns != 1_000_000_000
    assert "Warga sekali lagi diminta" in changed_page.read_text()


def test_same_content_gives_byte_identical_output(tmp_path: Path) -> None:
    site = copy_site("basic", tmp_path)
    assert run_build(site, "--output", "satu").exit_code == 0
    assert run_build(site, "--output", "dua").exit_code == 0
    assert snapshot(site / "satu") == snapshot(site / "dua")


def test_a_build_killed_while_changing_the_output_is_rolled_back(tmp_path: Path) -> None:
    """A build killed midway leaves a journal; the next build first puts every file back from it."""
    from buletin.write.journal import Journal, recover_interrupted_write

    site = copy_site("basic", tmp_path)
    assert run_build(site).exit_code == 0
    output = site / "output"
    before = snapshot(output)
    # What a killed build leaves: one page replaced, one removed (its folder gone), one added, the plan on disk.
    pending = site / ".output.building-99999"
    (pending / "berita" / "tppo-jakbar").mkdir(parents=True)
    (pending / "berita" / "tppo-jakbar" / "index.html").write_text("setengah jadi", encoding="utf-8")
    (pending / "berita" / "baru").mkdir(parents=True)
    (pending / "berita" / "baru" / "index.html").write_text("baru", encoding="utf-8")
    journal = Journal(output, site / ".output.journal-99999")
    journal.commit(pending, ["berita/tppo-jakbar/index.html", "berita/baru/index.html"],
                   ["berita/dbd-jaktim/index.html"])
    assert snapshot(output) != before and not (output / "berita" / "dbd-jaktim").exists()

    recover_interrupted_write(output)
    assert snapshot(output) == before
    assert not (output / "berita" / "baru").exists()
    assert sorted(p.name for p in site.iterdir()) == [".cache", "content", "output", "site.toml"]
    assert run_build(site).exit_code == 0 and snapshot(output) == before


def test_configuration_problems_are_reported_together(tmp_path: Path) -> None:
    site = copy_site("basic", tmp_path)
    (site / "site.toml").write_text(
        'title = "Uji"\nitem_per_page = 5\nlanguage = "fr"\nrelative_urls = "ya"\n'
        'base_url = "example.org"\ntimezone = "Asia/Jakarte"\n\n[related]\ncount = "lima"\n',
        encoding="utf-8")
    result = run_build(site)
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: 6 problems found; nothing was written.\n"
        "site.toml, line 2, field 'item_per_page': unknown configuration key\n"
        '    Did you mean "items_per_page"?\n'
        "site.toml, line 3, field 'language': unsupported language \"fr\"\n"
        "    Use one of: en, id.\n"
        "site.toml, line 4, field 'relative_urls': must be true or false, not str 'ya'\n"
        "site.toml, line 5, field 'base_url': \"example.org\" is not a usable base URL\n"
        '    Use the address the site will live at, such as "https://example.org/" or '
        '"https://example.org/buletin/", or a path such as "/buletin/".\n'
        "site.toml, line 6, field 'timezone': unknown time zone \"Asia/Jakarte\"\n"
        '    Use an IANA name such as "Asia/Jakarta", "Asia/Makassar" or "Asia/Jayapura".\n'
        "site.toml, line 9, field 'related.count': must be a whole number, not str 'lima'\n"
    )


def test_invalid_toml_names_the_line(tmp_path: Path) -> None:
    site = copy_site("basic", tmp_path)
    (site / "site.toml").write_text('title = "Uji"\ntagline = Buletin uji\n', encoding="utf-8")
    result = run_build(site)
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: 1 problem found; nothing was written.\nsite.toml, line 2: this is not "
                                    "valid TOML: Invalid value (at line 2, column 11)\n")


def test_empty_configuration_builds_with_any_region(tmp_path: Path) -> None:
    site = tmp_path / "kosong"
    (site / "content").mkdir(parents=True)
    (site / "site.toml").write_text("", encoding="utf-8")
    (site / "content" / "satu.md").write_text(
        "---\ntitle: Satu\ndate: 2024-01-05\nreporter: A\neditor: B\nregion: Kota Mana Saja\n---\nIsi satu.\n",
        encoding="utf-8")
    result = run_build(site)
    assert result.exit_code == 0, result.stderr
    assert (site / "output" / "wilayah" / "kota-mana-saja" / "index.html").is_file()
    assert '<html lang="id">' in (site / "output" / "berita" / "satu" / "index.html").read_text()


def test_missing_content_folder_is_a_clear_error(tmp_path: Path) -> None:
    result = run_build(tmp_path, "--content", "tidak-ada")
    assert result.exit_code == 1
    assert "tidak-ada: the content folder does not exist" in result.stderr


def test_fixture_sites_are_untouched_by_the_tests() -> None:
    assert not (SITES / "basic" / "output").exists()
    assert not (SITES / "invalid" / "output").exists()


def test_related_settings_are_checked(tmp_path: Path) -> None:
    site = copy_site("basic", tmp_path)
    (site / "site.toml").write_text('[related]\nstemmer = "porter"\ncount = -1\ninline_marker = " "\ncont = 3\n',
                                    encoding="utf-8")
    result = run_build(site)
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: 4 problems found; nothing was written.\n"
        "site.toml, line 2, field 'related.stemmer': unknown stemmer \"porter\"\n"
        "    Use one of: sastrawi, snowball, none.\n"
        "site.toml, line 3, field 'related.count': must not be negative\n"
        "site.toml, line 4, field 'related.inline_marker': must not be empty\n"
        '    The default is "<!-- baca-juga -->".\n'
        "site.toml, line 5, field 'related.cont': unknown configuration key\n"
        '    Did you mean "count"?\n'
    )


def test_a_bulletin_without_related_ones_is_a_warning(tmp_path: Path) -> None:
    site = copy_site("basic", tmp_path)
    (site / "content" / "2023" / "pemilu.md").write_text(
        "---\ntitle: Pemilih pemula diajak cek DPT\ndate: 2023-10-05\nreporter: Rina Oktaviani\neditor: Sari\n"
        "region: Jakarta Barat\n---\nPemilih pemula diminta mengecek daftar pemilih tetap sebelum hari pencoblosan.\n",
        encoding="utf-8")
    result = run_build(site)
    assert result.exit_code == 0
    assert ("Warning: content/2023/pemilu.md, field 'related': no related bulletin found for Baca juga\n"
            "    Add tags, or pin bulletins with 'related: [slug]'.\n") in result.stderr
    assert (site / "output" / "berita" / "pemilu" / "index.html").is_file()


def test_a_failing_last_step_puts_back_the_pages_already_moved_in(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """The pages move into output first, the manifest last; when that fails, the old pages come back."""
    from buletin.model import RenderedFile
    from buletin.write import output as write

    output = tmp_path / "output"
    first = [RenderedFile("index.html", b"lama", "front page"), RenderedFile("berita/a/index.html", b"a", "a")]
    write.write_site(output, first, [])
    before = snapshot(output)

    def failing(folder: Path, paths: set[str]) -> None:
        assert (output / "berita" / "b" / "index.html").read_bytes() == b"b"  # the new pages are in place
        assert not (output / "berita" / "a").exists()
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(write, "_write_manifest", failing)
    second = [RenderedFile("index.html", b"baru", "front page"), RenderedFile("berita/b/index.html", b"b", "b")]
    with pytest.raises(OSError):
        write.write_site(output, second, [])
    assert snapshot(output) == before
    assert sorted(path.name for path in tmp_path.iterdir()) == ["output"]


def test_two_outputs_on_one_path_are_all_reported_and_nothing_is_written(tmp_path: Path) -> None:
    """Pages go to the writer as they are rendered; a clash found midway still leaves no trace."""
    site = copy_site("basic", tmp_path)
    static = site / "static"
    (static / "Berita" / "dbd-jaktim").mkdir(parents=True)
    (static / "Berita" / "dbd-jaktim" / "index.html").write_text("salinan lama")
    (static / "404.html").write_text("halaman lain")
    result = run_build(site)
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: 2 problems found; nothing was written.\n"
        "404.html: two outputs on one path: page 404.html and static file static/404.html\n"
        "    Rename one of them (a slug, a file name or a static file).\n"
        "Berita/dbd-jaktim/index.html: two outputs on one path: page berita/dbd-jaktim/ and static file "
        "static/Berita/dbd-jaktim/index.html\n"
        "    Rename one of them (a slug, a file name or a static file).\n")
    assert sorted(path.name for path in site.iterdir()) == [".cache", "content", "site.toml", "static"]

    (static / "404.html").unlink()
    shutil.rmtree(static / "Berita")
    assert run_build(site).exit_code == 0
    before = snapshot(site / "output")
    (static / "404.html").write_text("halaman lain")
    (site / "content" / "2023" / "dbd-jaksel.md").write_text(
        (site / "content" / "2023" / "dbd-jaksel.md").read_text().replace("title: ", "title: Baru ", 1))
    result = run_build(site)
    assert result.exit_code == 1
    assert "two outputs on one path: page 404.html and static file" in result.stderr
    assert snapshot(site / "output") == before
    assert sorted(path.name for path in site.iterdir()) == [".cache", "content", "output", "site.toml", "static"]
