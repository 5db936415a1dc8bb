"""`build.py import`: the seed releases and one fixture per rule, into a copy of the basic site."""

from __future__ import annotations

import shutil
from pathlib import Path

import frontmatter
import pytest
from conftest import copy_site, read_html, run_build

RELEASES = Path(__file__).resolve().parent / "import"


@pytest.fixture
def site(tmp_path: Path) -> Path:
    site = copy_site("basic", tmp_path)
    shutil.copytree(RELEASES, tmp_path / "releases")
    return site


def release(site: Path, name: str) -> str:
    return str(site.parent / "releases" / name)


def test_antara_seed_with_headline_dateline_credits_and_copyright(site: Path) -> None:
    result = run_build(site, "import", release(site, "seed-antara.txt"), "--date", "2022-11-02 14:05")
    assert result.exit_code == 0, result.stdout + result.stderr
    target = site / "content" / "2022" / "tidak-ada-satu-orang-pun-yang-berhak-mendapatkan-kekerasan-di-media-sosial.md"
    assert f"-> content/2022/{target.name} (wrote; title from headline, date from --date, region from the text" \
        in result.stdout
    post = frontmatter.load(target)
    assert post["title"] == "Tidak ada satu orang pun yang berhak mendapatkan kekerasan di media sosial"
    assert (post["dateline"], post["source"]) == ("Jakarta", "ANTARA")
    assert (post["reporter"], post["editor"]) == ("Luthfia Miranda Putri", "Ganet Dirgantara")
    assert post["region"] == "Jakarta Selatan"  # named five times in the text
    assert post["extra"] == {"copyright": "© ANTARA 2022"}
    assert "related" not in post.metadata  # none of its "Baca juga" titles is in this archive
    assert "'Baca juga' titles with no matching bulletin: Pemkot Jakbar dan Polda Metro" in result.stdout
    body = post.content
    assert body.startswith("Pemerintah Kota Administrasi Jakarta Selatan mengimbau warga")  # dateline removed
    for gone in ("Baca juga", "Pewarta:", "Editor:", "Copyright", "(ANTARA) -"):
        assert gone not in body
    assert body.count("\n\n") == 12  # thirteen paragraphs kept
    assert "“Kita ingatkan kepada anak-anak" in body  # quotes as written
    built = run_build(site)
    assert built.exit_code == 0, built.stderr
    page = read_html(site / "output" / "berita" / target.stem / "index.html")
    assert page.select_one(".article-body p strong").get_text() == "Jakarta (ANTARA) –"


def test_a_text_starting_with_its_dateline_needs_a_title(site: Path) -> None:
    result = run_build(site, "import", release(site, "seed-koranmetronews.txt"), "--date", "2023-07-31",
                       "--editor", "Redaksi")
    assert result.exit_code == 1
    assert ("NOT IMPORTED " + release(site, "seed-koranmetronews.txt") + ": the text starts with the dateline, "
            "so it has no headline: add --title \"...\" or --title-from-first-sentence") in result.stdout
    assert not list((site / "content" / "2023").glob("dihari*"))

    result = run_build(site, "import", release(site, "seed-koranmetronews.txt"), "--date", "2023-07-31",
                       "--editor", "Redaksi", "--title-from-first-sentence")
    assert result.exit_code == 0, result.stdout
    assert "title from first sentence" in result.stdout
    assert "note: reporter taken from the closing initials (MAR)" in result.stdout
    [target] = (site / "content" / "2023").glob("dihari-*.md")
    post = frontmatter.load(target)
    assert post["title"].startswith("Dihari Anti Perdagangan orang sedunia 30 Juli 2023")
    assert (post["source"], post["dateline"], post["reporter"]) == ("koranmetronews.id", "Jakarta", "MAR")
    assert post["region"] == "Jakarta Barat"
    assert "( MAR )" not in post.content and "koranmetronews.id" not in post.content

    titled = run_build(site, "import", release(site, "seed-koranmetronews.txt"), "--date", "2023-07-31",
                       "--editor", "Redaksi", "--title", "Wali Kota Jakarta Barat ajak warga cegah TPPO")
    assert titled.exit_code == 0
    post = frontmatter.load(site / "content" / "2023" / "wali-kota-jakarta-barat-ajak-warga-cegah-tppo.md")
    assert post["title"] == "Wali Kota Jakarta Barat ajak warga cegah TPPO"


def test_missing_date_and_unclear_region_write_nothing(site: Path) -> None:
    before = sorted(path.name for path in (site / "content").rglob("*"))
    result = run_build(site, "import", release(site, "tanpa-wilayah.txt"), release(site, "seed-antara.txt"))
    assert result.exit_code == 1
    assert ("NOT IMPORTED " + release(site, "tanpa-wilayah.txt") +
            ": the text does not name one region clearly: add --region \"...\"") in result.stdout
    assert ("NOT IMPORTED " + release(site, "seed-antara.txt") +
            ": no publication date in the text: add --date YYYY-MM-DD [HH:MM]") in result.stdout
    assert "0 of 2 releases imported, 2 need attention." in result.stdout
    assert sorted(path.name for path in (site / "content").rglob("*")) == before


def test_bom_crlf_and_a_date_in_the_text(site: Path) -> None:
    result = run_build(site, "import", release(site, "crlf-bom-date.txt"), "--region", "Jakarta Timur",
                       "--tags", "imunisasi, posyandu")
    assert result.exit_code == 0, result.stdout
    post = frontmatter.load(site / "content" / "2022" / "posyandu-jakarta-timur-buka-layanan-imunisasi-kejar.md")
    assert post["date"] == "2022-11-02 14:05"
    assert post["tags"] == ["imunisasi", "posyandu"]
    assert post["source"] == "Humas Pemkot Jakarta Timur"
    assert "\r" not in post.content and "\ufeff" not in post.content
    assert "Tanggal:" not in post.content


def test_markdown_characters_stay_plain_text(site: Path) -> None:
    result = run_build(site, "import", release(site, "markdown-characters.txt"), "--date", "2024-03-01")
    assert result.exit_code == 0, result.stdout
    assert run_build(site).exit_code == 0
    [target] = (site / "content" / "2024").glob("*.md")
    page = read_html(site / "output" / "berita" / target.stem / "index.html")
    assert page.h1.get_text() == "Warga diminta waspada: modus *kerja* cepat di luar negeri"
    paragraphs = [p.get_text() for p in page.select(".article-body > p")]
    assert paragraphs[1:4] == ["- gaji sangat besar tanpa pengalaman", "1. berangkat dalam tiga hari",
                               "# Tanda bahaya lain: [dokumen] ditahan, kontrak_tidak_jelas, <b>biaya</b> di muka"]
    body = page.select_one(".article-body")
    assert not body.find(["ul", "ol", "h2", "b", "em"])


def test_baca_juga_titles_become_pinned_related_bulletins(site: Path) -> None:
    result = run_build(site, "import", release(site, "baca-juga-middle.txt"), "--date", "2023-08-05 10:00")
    assert result.exit_code == 0, result.stdout
    assert "'Baca juga' titles with no matching bulletin: Judul yang tidak ada di arsip" in result.stdout
    [target] = (site / "content" / "2023").glob("gugus-tugas-perkuat-*.md")
    post = frontmatter.load(target)
    assert post["related"] == ["tppo-jakbar"]  # matched without case and punctuation
    assert post["reporter"] == ["Rina Oktaviani", "Dimas Prasetyo"]
    assert "Baca juga" not in post.content
    assert post.content.split("\n\n") == [
        "Gugus tugas pencegahan perdagangan orang Jakarta Barat memperkuat pendampingan korban.",
        "Pendampingan meliputi layanan hukum dan psikologis di Jakarta Barat."]


def test_existing_files_are_kept_unless_forced_and_dry_run_writes_nothing(site: Path) -> None:
    arguments = ("import", release(site, "baca-juga-middle.txt"), "--date", "2023-08-05")
    dry = run_build(site, *arguments, "--dry-run")
    assert dry.exit_code == 0
    assert "(would write;" in dry.stdout and "    title: Gugus tugas perkuat pendampingan" in dry.stdout
    assert not list((site / "content" / "2023").glob("gugus-tugas-perkuat-*.md"))
    assert run_build(site, *arguments).exit_code == 0
    [target] = (site / "content" / "2023").glob("gugus-tugas-perkuat-*.md")
    target.write_text(target.read_text() + "\nDisunting tangan.\n")
    again = run_build(site, *arguments)
    assert again.exit_code == 1
    assert "the file exists; add --force to replace it" in again.stdout
    assert target.read_text().endswith("Disunting tangan.\n")
    assert run_build(site, *arguments, "--force").exit_code == 0
    assert "Disunting tangan." not in target.read_text()


def test_a_file_that_is_not_utf8(site: Path) -> None:
    result = run_build(site, "import", release(site, "invalid-utf8.txt"), "--date", "2024-01-01")
    assert result.exit_code == 1
    assert "NOT IMPORTED " + release(site, "invalid-utf8.txt") + ": cannot read it as UTF-8 text" in result.stdout
