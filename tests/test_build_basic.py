"""End-to-end: build the basic fixture site and read the pages as a reader's browser would."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import PROJECT_ROOT, copy_site, read_html, run_build
from linkcheck import broken_links


def article(output: Path, slug: str):
    return read_html(output / "berita" / slug / "index.html")


def listed_titles(page) -> list[str]:
    return [a.get_text(strip=True) for a in page.select(".card-title a")]


def test_article_page_shows_headline_date_dateline_and_credits(basic_site: Path) -> None:
    page = article(basic_site, "tppo-jaksel")
    assert page.find("html")["lang"] == "id"
    assert page.h1.get_text(strip=True) == "Pemkot Jakarta Selatan ajak warga cegah perdagangan orang"
    assert page.title.get_text() == "Pemkot Jakarta Selatan ajak warga cegah perdagangan orang | Buletin Uji"
    time = page.select_one(".article-meta time")
    assert time.get_text() == "Minggu, 30 Juli 2023 09:30 WIB"
    assert time["datetime"] == "2023-07-30T09:30:00+07:00"
    first_paragraph = page.select_one(".article-body p")
    assert first_paragraph.get_text().startswith("Jakarta (ANTARA) – Pemerintah Kota Jakarta Selatan")
    assert first_paragraph.strong.get_text() == "Jakarta (ANTARA) –"
    # smart quotes in the body
    body = page.select_one(".article-body").get_text()
    assert "“Jangan mudah percaya pada tawaran kerja ke luar negeri,” kata" in body
    credits = page.select_one(".credits")
    assert " ".join(credits.get_text().split()) == "Pewarta: Rina Oktaviani · Editor: Bambang Surya"
    assert credits.a["href"] == "/pewarta/rina-oktaviani/"
    assert page.select_one(".article-kicker a")["href"] == "/wilayah/jakarta-selatan/"
    assert [(a.get_text(), a["href"]) for a in page.select(".tags a")] == [
        ("tppo", "/topik/tppo/"),
        ("perdagangan orang", "/topik/perdagangan-orang/"),
        ("sosialisasi", "/topik/sosialisasi/"),
    ]
    assert page.find("link", rel="canonical")["href"] == "https://uji.example.org/berita/tppo-jaksel/"


def test_article_image_with_caption_is_copied(basic_site: Path) -> None:
    page = article(basic_site, "tppo-jaksel")
    figure = page.select_one("figure.article-image")
    assert figure.img["src"] == "/images/rptra.png"
    assert figure.img["alt"] == "Warga mengikuti sosialisasi di RPTRA"
    assert figure.figcaption.get_text() == "Sosialisasi pencegahan TPPO di RPTRA. (Foto: Humas)"
    assert (basic_site / "images" / "rptra.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_body_links_to_bulletins_and_files_are_resolved(basic_site: Path) -> None:
    page = article(basic_site, "tppo-jaksel")
    links = {a.get_text(): a["href"] for a in page.select(".article-body a")}
    assert links["laporan gugus tugas"] == "/berita/tppo-jakbar/#angka"
    assert links["unduh panduan"] == "/images/panduan.txt"
    assert (basic_site / "images" / "panduan.txt").is_file()
    body_image = article(basic_site, "dbd-jaktim").select_one(".article-body img")
    assert body_image["src"] == "/images/rptra.png"
    assert body_image["alt"] == "Jumantik memeriksa bak air"


def test_markdown_extensions_for_press_releases(basic_site: Path) -> None:
    page = article(basic_site, "tppo-jakbar")
    body = page.select_one(".article-body")
    assert body.find("h2", id="angka").get_text() == "Angka"
    rows = [[cell.get_text() for cell in row.find_all(["th", "td"])] for row in body.table.find_all("tr")]
    assert rows == [["Kecamatan", "Kasus"], ["Tambora", "3"], ["Kalideres", "2"]]
    assert body.select_one(".footnote li").get_text(strip=True).startswith("Data Sudin PPAPP.")


def test_indonesian_keys_are_aliases(basic_site: Path) -> None:
    page = article(basic_site, "tppo-jakbar")
    assert page.h1.get_text() == "Gugus tugas TPPO Jakarta Barat perkuat pencegahan perdagangan orang"
    assert page.select_one(".article-meta time").get_text() == "2 Agustus 2023"
    assert [a.get_text() for a in page.select(".credits a")] == ["Rina Oktaviani", "Dimas Prasetyo"]
    assert [a.get_text() for a in page.select(".tags a")] == ["tppo", "perdagangan orang"]
    assert page.find("meta", attrs={"name": "description"})["content"] == (
        "Gugus tugas TPPO Jakarta Barat memperkuat pencegahan perdagangan orang di tingkat kelurahan.")


def test_summary_defaults_to_first_paragraph_as_plain_text(basic_site: Path) -> None:
    page = article(basic_site, "dbd-jaktim")
    assert page.find("meta", attrs={"name": "description"})["content"] == (
        "Juru pemantau jentik (jumantik) di Jakarta Timur menggencarkan pemberantasan sarang nyamuk "
        "demam berdarah dengue (DBD).")


def test_baca_juga_is_a_nav_of_plain_links_with_pinned_first(basic_site: Path) -> None:
    page = article(basic_site, "dbd-jaksel")
    nav = page.find("nav", class_="related")
    assert nav["aria-label"] == "Baca juga"
    hrefs = [a["href"] for a in nav.find_all("a")]
    assert hrefs[0] == "/berita/dbd-jaktim/"  # pinned with related:
    assert "/berita/dbd-jaksel/" not in hrefs
    assert len(hrefs) == len(set(hrefs)) <= 3  # related.count = 3 in this site
    assert "/berita/tppo-jaksel/" not in hrefs  # excluded with not_related:


def test_baca_juga_line_where_the_writer_put_the_marker(basic_site: Path) -> None:
    page = article(basic_site, "tppo-jaksel")
    paragraphs = page.select(".article-body > p")
    assert paragraphs[1]["class"] == ["related-inline"]
    assert " ".join(paragraphs[1].get_text().split()) == (
        "Baca juga: Gugus tugas TPPO Jakarta Barat perkuat pencegahan perdagangan orang")
    assert paragraphs[1].a["href"] == "/berita/tppo-jakbar/"
    assert "baca-juga" not in str(page.select_one(".article-body"))
    # the link set in the body is not repeated at the end; nothing else is related enough
    assert page.find("nav", class_="related") is None


def test_previous_and_next_bulletin(basic_site: Path) -> None:
    nav = article(basic_site, "tppo-jakbar").find("nav", class_="article-nav")
    assert nav.find("a", rel="prev")["href"] == "/berita/tppo-jaksel/"
    assert nav.find("a", rel="next")["href"] == "/berita/dbd-jaktim/"
    newest = article(basic_site, "dbd-jaksel").find("nav", class_="article-nav")
    assert newest.find("a", rel="next") is None


def test_front_page_is_paginated_newest_first(basic_site: Path) -> None:
    first = read_html(basic_site / "index.html")
    second = read_html(basic_site / "halaman" / "2" / "index.html")
    assert listed_titles(first) == [
        "Kasus demam berdarah di Jakarta Selatan turun berkat jumantik",
        "Jumantik Jakarta Timur gencarkan pemberantasan sarang nyamuk",
    ]
    assert listed_titles(second) == [
        "Gugus tugas TPPO Jakarta Barat perkuat pencegahan perdagangan orang",
        "Pemkot Jakarta Selatan ajak warga cegah perdagangan orang",
    ]
    assert first.select_one(".pagination a[rel=next]")["href"] == "/halaman/2/"
    assert first.select_one(".pagination a[rel=prev]") is None
    assert second.select_one(".pagination a[rel=prev]")["href"] == "/"
    assert second.select_one(".pagination [aria-current=page]").get_text() == "Halaman 2 dari 2"
    card = first.select_one(".card")
    assert card.select_one("time").get_text() == "1 Oktober 2023"
    assert card.select_one(".card-meta a").get_text() == "Jakarta Selatan"
    assert card.select_one(".card-summary").get_text().startswith("Kasus demam berdarah dengue")
    assert not (basic_site / "halaman" / "3").exists()


def test_region_tag_and_reporter_pages(basic_site: Path) -> None:
    region = read_html(basic_site / "wilayah" / "jakarta-selatan" / "index.html")
    assert region.h1.get_text() == "Berita di Jakarta Selatan"
    assert listed_titles(region) == [
        "Kasus demam berdarah di Jakarta Selatan turun berkat jumantik",
        "Pemkot Jakarta Selatan ajak warga cegah perdagangan orang",
    ]
    tag = read_html(basic_site / "topik" / "tppo" / "index.html")
    assert tag.h1.get_text() == "Topik: tppo"
    assert listed_titles(tag) == [
        "Gugus tugas TPPO Jakarta Barat perkuat pencegahan perdagangan orang",
        "Pemkot Jakarta Selatan ajak warga cegah perdagangan orang",
    ]
    reporter = read_html(basic_site / "pewarta" / "rina-oktaviani" / "index.html")
    reporter_two = read_html(basic_site / "pewarta" / "rina-oktaviani" / "halaman" / "2" / "index.html")
    assert reporter.h1.get_text() == "Berita oleh Rina Oktaviani"
    assert listed_titles(reporter) + listed_titles(reporter_two) == [
        "Kasus demam berdarah di Jakarta Selatan turun berkat jumantik",
        "Gugus tugas TPPO Jakarta Barat perkuat pencegahan perdagangan orang",
        "Pemkot Jakarta Selatan ajak warga cegah perdagangan orang",
    ]
    navigation = [a["href"] for a in region.select(".site-nav a")]
    assert navigation == ["/", "/wilayah/jakarta-barat/", "/wilayah/jakarta-selatan/", "/wilayah/jakarta-timur/",
                          "/indeks/", "/arsip/", "/cari/"]


def test_archive_by_year_and_month(basic_site: Path) -> None:
    archive = read_html(basic_site / "arsip" / "index.html")
    months = [(a.get_text(), a["href"]) for a in archive.select(".archive-months a")]
    assert months == [("Oktober 2023", "/arsip/2023/10/"), ("September 2023", "/arsip/2023/09/"),
                      ("Agustus 2023", "/arsip/2023/08/"), ("Juli 2023", "/arsip/2023/07/")]
    assert archive.select_one(".archive-year h2").get_text(" ", strip=True) == "2023 (4)"
    july = read_html(basic_site / "arsip" / "2023" / "07" / "index.html")
    assert july.h1.get_text() == "Arsip Juli 2023"
    assert listed_titles(july) == ["Pemkot Jakarta Selatan ajak warga cegah perdagangan orang"]
    assert (basic_site / "arsip" / "2023" / "index.html").is_file()


def test_overview_counts_regions_tags_and_reporters(basic_site: Path) -> None:
    overview = read_html(basic_site / "indeks" / "index.html")
    sections = {section.h2.get_text(): {li.a.get_text(): li.select_one(".count").get_text()
                                         for li in section.find_all("li")}
                for section in overview.select("section.overview")}
    assert sections["Wilayah"] == {"Jakarta Barat": "(1)", "Jakarta Selatan": "(2)", "Jakarta Timur": "(1)"}
    assert sections["Topik"]["tppo"] == "(2)"
    assert sections["Topik"]["sosialisasi"] == "(2)"
    assert sections["Pewarta"] == {"Dimas Prasetyo": "(2)", "Rina Oktaviani": "(3)"}


def test_drafts_and_future_bulletins_are_left_out_everywhere(basic_site: Path) -> None:
    assert not (basic_site / "berita" / "draf-tppo").exists()
    assert not (basic_site / "berita" / "masa-depan").exists()
    for page in basic_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "Draf berita" not in text and "terjadwal" not in text, page


def test_drafts_and_future_with_flags_are_labelled(tmp_path: Path) -> None:
    site = copy_site("basic", tmp_path)
    result = run_build(site, "--drafts", "--future")
    assert result.exit_code == 0, result.stderr
    draft = article(site / "output", "draf-tppo")
    assert draft.select_one(".label-draft").get_text() == "DRAF"
    future = article(site / "output", "masa-depan")
    assert future.select_one(".label-scheduled").get_text() == "TERJADWAL"
    assert "Draf berita perdagangan orang yang belum terbit" in (site / "output" / "index.html").read_text()


def test_not_found_page_uses_links_from_the_site_root(basic_site: Path) -> None:
    page = read_html(basic_site / "404.html")
    assert page.h1.get_text() == "Halaman tidak ditemukan"
    assert page.find("link", rel="stylesheet")["href"] == "/style.css"
    assert page.find("link", rel="canonical") is None


def test_no_broken_links_and_nothing_external(basic_site: Path) -> None:
    assert broken_links(basic_site) == []
    for page in basic_site.rglob("*.html"):
        soup = read_html(page)
        for tag in soup.find_all(["script", "link", "img"]):
            reference = tag.get("src") or tag.get("href") or ""
            if "canonical" not in (tag.get("rel") or []):
                assert not reference.startswith(("http:", "https:", "//")), (page, reference)
    assert (basic_site / "style.css").is_file()
    for page in basic_site.rglob("*.html"):  # the live preview's scripts never reach a normal build
        text = page.read_text(encoding="utf-8")
        assert "livereload" not in text and "__buletin__" not in text, page
    assert not (basic_site / "__buletin__").exists()


def test_sub_path_base_url_and_relative_links(tmp_path: Path) -> None:
    site = copy_site("basic", tmp_path)
    result = run_build(site, "--base-url", "https://contoh.go.id/buletin")
    assert result.exit_code == 0, result.stderr
    output = site / "output"
    page = article(output, "tppo-jaksel")
    assert page.find("link", rel="canonical")["href"] == "https://contoh.go.id/buletin/berita/tppo-jaksel/"
    assert page.select_one(".credits a")["href"] == "/buletin/pewarta/rina-oktaviani/"
    assert page.select_one("figure img")["src"] == "/buletin/images/rptra.png"
    assert broken_links(output, base_path="/buletin/") == []

    result = run_build(site, "--relative-urls", "--output", "from-disk")
    assert result.exit_code == 0, result.stderr
    output = site / "from-disk"
    page = article(output, "tppo-jaksel")
    assert page.select_one(".credits a")["href"] == "../../pewarta/rina-oktaviani/index.html"
    assert page.find("link", rel="stylesheet")["href"] == "../../style.css"
    assert read_html(output / "index.html").select_one(".card-title a")["href"] == "berita/dbd-jaksel/index.html"
    assert broken_links(output, relative=True) == []


def test_every_page_of_a_list_counts_all_its_bulletins_and_a_body_edit_leaves_other_pages_alone(
        tmp_path: Path) -> None:
    site = copy_site("basic", tmp_path)
    config = site / "site.toml"
    config.write_text(re.sub(r"(?m)^items_per_page = \d+$", "items_per_page = 1", config.read_text(encoding="utf-8")),
                      encoding="utf-8")
    # The site's list template says when it was made: a page made again has other bytes.
    (site / "templates").mkdir()
    default = (PROJECT_ROOT / "templates" / "list.html").read_text(encoding="utf-8")
    (site / "templates" / "list.html").write_text(
        default.replace("{% endblock %}", "<!-- {{ range(10 ** 9) | random }} -->\n{% endblock %}", 1),
        encoding="utf-8")
    assert run_build(site).exit_code == 0
    output = site / "output"
    for path in ("topik/tppo/index.html", "topik/tppo/halaman/2/index.html", "arsip/2023/10/index.html",
                 "topik/dbd/halaman/2/index.html"):
        count = read_html(output / path).select_one(".list-count").get_text()
        expected = "1 berita" if "/10/" in path else "2 berita"
        assert count.startswith(expected), (path, count)
    # The second page of a tag shows one bulletin; editing the body of the other leaves it as it was made.
    second = output / "topik" / "tppo" / "halaman" / "2" / "index.html"
    shown = read_html(second).select_one(".card-title a")["href"]
    other = next(name for name in ("tppo-jakbar", "tppo-jaksel") if f"/berita/{name}/" != shown)
    source = site / "content" / "2023" / f"{other}.md"
    source.write_text(source.read_text(encoding="utf-8") + "\nParagraf penutup yang baru.\n", encoding="utf-8")
    before = second.stat().st_mtime_ns
    result = run_build(site, "--verbose")
    assert result.exit_code == 0
    assert second.stat().st_mtime_ns == before
    assert (output / "topik" / "tppo" / "index.html").stat().st_mtime_ns != before  # the page with the edited one
    assert "Paragraf penutup yang baru." in (output / "berita" / other / "index.html").read_text(encoding="utf-8")
