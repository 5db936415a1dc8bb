"""Campaign pages: the message once, every bulletin of the campaign, banners and help lines on bulletins."""

from __future__ import annotations

from pathlib import Path

import feedparser
import pytest
from conftest import copy_site, read_html, run_build

BUILD_DAY = "1764637200"  # 2025-12-02 08:00 WIB: the 2025 campaign runs, the 2024 one is over
BASE = "https://kampanye.example.org/"


@pytest.fixture(scope="module")
def output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = copy_site("campaigns", tmp_path_factory.mktemp("campaigns"))
    result = run_build(site, env_extra={"SOURCE_DATE_EPOCH": BUILD_DAY})
    assert result.exit_code == 0, result.stderr
    return site / "output"


def titles(page) -> list[str]:
    return [a.get_text() for a in page.select(".card-title a")]


def test_campaign_page_states_the_message_and_lists_its_bulletins(output: Path) -> None:
    page = read_html(output / "kampanye" / "anti-tppo-2025" / "index.html")
    assert page.h1.get_text() == "Bulan Anti Perdagangan Orang 2025"
    assert page.select_one(".campaign-theme").get_text() == "“Rangkul Semua Korban, Tidak Ada yang Tertinggal”"
    assert page.select_one(".campaign-header .article-meta").get_text() == "1 November 2025 – 31 Desember 2025"
    assert "#StopTPPO" in page.select_one(".article-kicker").get_text()
    assert page.select_one(".campaign-lead").get_text().startswith("Sebulan penuh")
    assert page.select_one(".article-body strong").get_text() == "saling menjaga"
    contacts = page.select(".contact-box li")
    assert " ".join(contacts[0].get_text().split()) == "Layanan SAPA 129: Telepon 129 · WhatsApp 0811-1129-129"
    assert [a["href"] for a in contacts[0].find_all("a")] == ["tel:129", "https://wa.me/628111129129"]
    assert contacts[1].a["href"] == "https://kampanye.example.org/posko/"
    # newest first, paginated (two per page)
    assert titles(page) == ["Sekolah di Jakarta Timur belajar mengenali modus perdagangan orang",
                            "Korban perdagangan orang mendapat pendampingan hukum"]
    second = read_html(output / "kampanye" / "anti-tppo-2025" / "halaman" / "2" / "index.html")
    assert titles(second) == ["Warga Jakarta Barat diajak waspadai perekrutan pekerja migran ilegal"]
    assert second.select_one(".contact-box") is None  # the message is stated once, on the first page


def test_campaign_feed(output: Path) -> None:
    parsed = feedparser.parse((output / "kampanye" / "anti-tppo-2025" / "atom.xml").read_bytes())
    assert parsed.bozo == 0
    assert [entry.link.removeprefix(BASE + "berita/").strip("/") for entry in parsed.entries] == [
        "tppo-tiga", "tppo-dua", "tppo-satu"]
    page = read_html(output / "kampanye" / "anti-tppo-2025" / "index.html")
    assert "/kampanye/anti-tppo-2025/atom.xml" in {link["href"] for link in page.find_all("link", rel="alternate")}


def test_overview_lists_active_campaigns_first(output: Path) -> None:
    page = read_html(output / "kampanye" / "index.html")
    groups = [(section.h2.get_text(), [a.get_text() for a in section.select(".campaign-card a")])
              for section in page.select("section.campaign-group")]
    assert groups == [("Kampanye berjalan", ["Bulan Anti Perdagangan Orang 2025"]),
                      ("Kampanye selesai", ["Pemilih Cerdas 2024"])]
    assert "1 Oktober 2023 – 14 Februari 2024 · 1 berita" in page.select_one(".campaign-group-past").get_text()


def test_bulletins_carry_the_banner_and_the_help_lines(output: Path) -> None:
    page = read_html(output / "berita" / "tppo-dua" / "index.html")  # joined with the Indonesian key
    banner = page.select_one(".campaign-banner a")
    assert banner["href"] == "/kampanye/anti-tppo-2025/"
    assert "Rangkul Semua Korban, Tidak Ada yang Tertinggal" in banner.get_text()
    box = page.select_one(".contact-box")
    assert box.find_previous_sibling(class_="credits") is not None  # after the credits
    assert "Layanan SAPA 129" in box.get_text()
    # a campaign can turn the box off; a bulletin outside campaigns has neither
    pemilu = read_html(output / "berita" / "pemilu" / "index.html")
    assert pemilu.select_one(".campaign-banner a")["href"] == "/kampanye/pemilih-cerdas/"
    assert pemilu.select_one(".contact-box") is None
    banjir = read_html(output / "berita" / "banjir" / "index.html")
    assert banjir.select_one(".campaign-banner") is None and banjir.select_one(".contact-box") is None


def test_front_page_shows_active_campaigns_above_the_latest(output: Path) -> None:
    page = read_html(output / "index.html")
    block = page.select_one("section.campaign-group-active")
    assert [a.get_text() for a in block.select("a")] == ["Bulan Anti Perdagangan Orang 2025"]
    assert block.find_next(class_="cards") is not None
    assert read_html(output / "halaman" / "2" / "index.html").select_one("section.campaign-group-active") is None
    navigation = [a["href"] for a in page.select(".site-nav a")]
    assert "/kampanye/" in navigation


def test_same_campaign_is_a_signal_not_a_wall(output: Path) -> None:
    related = [a["href"] for a in read_html(output / "berita" / "tppo-dua" / "index.html").select("nav.related a")]
    assert set(related[:2]) == {"/berita/tppo-tiga/", "/berita/tppo-satu/"}
    assert "/berita/banjir/" not in related


def test_unknown_campaign_is_an_error_with_a_suggestion(tmp_path: Path) -> None:
    site = copy_site("campaigns", tmp_path)
    source = site / "content" / "2025" / "banjir.md"
    source.write_text(source.read_text().replace("tags: [banjir]\n", "tags: [banjir]\ncampaign: anti-tppo-205\n"))
    result = run_build(site)
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: 1 problem found; nothing was written.\n"
        "content/2025/banjir.md, line 8, field 'campaign': no campaign has the slug \"anti-tppo-205\"\n"
        "    Did you mean \"anti-tppo-2025\"?\n")


def test_campaign_file_problems(tmp_path: Path) -> None:
    site = copy_site("campaigns", tmp_path)
    (site / "content" / "campaigns" / "rusak.md").write_text(
        "---\ntitle: Kampanye rusak\nstart: 2025-13-01\ncontacts:\n  - label: Hotline\nwarna: merah\n---\nIsi.\n")
    result = run_build(site)
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: 4 problems found; nothing was written.\n"
        "content/campaigns/rusak.md, field 'theme': required field is missing\n"
        "    Add a line 'theme: ...'.\n"
        "content/campaigns/rusak.md, line 3, field 'start': \"2025-13-01\" is not a date\n"
        "    Write it as YYYY-MM-DD or YYYY-MM-DD HH:MM, for example \"2022-11-02 14:05\".\n"
        "content/campaigns/rusak.md, line 4, field 'contacts': \"Hotline\" has no phone, whatsapp or url\n"
        "    Write each as '- label: Hotline SAPA 129' with 'phone:', 'whatsapp:' or 'url:'.\n"
        "content/campaigns/rusak.md, line 6, field 'warna': unknown campaign field\n"
        "    Known fields: title, theme, start, slug, end, hashtag, image, image_alt, contacts, lead, contact_box.\n")


def test_a_campaign_field_given_twice_by_alias(tmp_path: Path) -> None:
    """Campaigns are read by the bulletins' field reader: a field given under both its names is a problem."""
    site = copy_site("campaigns", tmp_path)
    (site / "content" / "campaigns" / "kembar.md").write_text(
        "---\ntitle: Kampanye\njudul: Kampanye lain\ntheme: Tema\nstart: 2025-01-01\n---\nIsi.\n")
    result = run_build(site)
    assert result.exit_code == 1
    assert ("content/campaigns/kembar.md, line 3, field 'judul': 'judul' repeats the field 'title' given on line 2\n"
            "    Keep only one of them.\n") in result.stderr
