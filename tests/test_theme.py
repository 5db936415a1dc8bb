"""The default theme: responsive pictures, the site's colours, languages, accessibility rules, page weight."""

from __future__ import annotations

import itertools
import re
import shutil
from pathlib import Path

import pytest
from conftest import PROJECT_ROOT, copy_site, read_html, run_build
from PIL import Image


def add_photo(site: Path, width: int = 1600, height: int = 900) -> None:
    """A large photo on one bulletin, and a smaller one in the body of another."""
    Image.new("RGB", (width, height), (30, 90, 160)).save(site / "content" / "images" / "besar.jpg", quality=90)
    Image.new("RGB", (800, 600), (200, 60, 60)).save(site / "content" / "images" / "sedang.png")
    source = site / "content" / "2023" / "dbd-jaksel.md"
    text = source.read_text(encoding="utf-8").replace(
        "tags: [dbd, kesehatan]\n", "tags: [dbd, kesehatan]\nimage: ../images/besar.jpg\n"
        "image_alt: Petugas jumantik memeriksa bak mandi warga\n")
    source.write_text(text + "\n![Grafik kasus DBD per bulan](../images/sedang.png)\n", encoding="utf-8")


def test_pictures_get_smaller_copies_with_sizes_and_dimensions(tmp_path: Path) -> None:
    site = copy_site("basic", tmp_path)
    add_photo(site)
    assert run_build(site).exit_code == 0
    output = site / "output"
    page = read_html(output / "berita" / "dbd-jaksel" / "index.html")
    hero = page.select_one("figure.article-image picture")
    webp = hero.find("source", type="image/webp")
    assert webp["srcset"] == "/images/besar-480.webp 480w, /images/besar-960.webp 960w, /images/besar-1440.webp 1440w"
    image = hero.img
    assert image["src"] == "/images/besar.jpg"
    assert image["srcset"] == ("/images/besar-480.jpg 480w, /images/besar-960.jpg 960w, /images/besar-1440.jpg 1440w, "
                               "/images/besar.jpg 1600w")
    assert image["sizes"] == webp["sizes"] == "(min-width: 48rem) 42rem, 100vw"
    assert (image["width"], image["height"]) == ("1600", "900")
    assert image["fetchpriority"] == "high" and not image.has_attr("loading")  # the first picture loads at once
    for width in (480, 960, 1440):
        for extension in ("webp", "jpg"):
            with Image.open(output / "images" / f"besar-{width}.{extension}") as copy:
                assert copy.size == (width, round(900 * width / 1600))
                assert copy.format == {"webp": "WEBP", "jpg": "JPEG"}[extension]
    body = page.select_one(".article-body picture img")
    assert body["alt"] == "Grafik kasus DBD per bulan"
    assert body["loading"] == "lazy" and (body["width"], body["height"]) == ("800", "600")
    assert body["srcset"] == "/images/sedang-480.png 480w, /images/sedang.png 800w"
    # the copies are kept between builds, not made again
    cached = sorted((site / ".cache" / "images").iterdir())
    times = [path.stat().st_mtime_ns for path in cached]
    assert run_build(site, "--base-url", "https://lain.example.org/").exit_code == 0
    assert [path.stat().st_mtime_ns for path in sorted((site / ".cache" / "images").iterdir())] == times


def test_an_unreadable_picture_is_an_error_naming_the_bulletin(tmp_path: Path) -> None:
    site = copy_site("basic", tmp_path)
    add_photo(site)
    (site / "content" / "images" / "besar.jpg").write_bytes(b"bukan gambar")
    result = run_build(site)
    assert result.exit_code == 1
    assert ("content/2023/dbd-jaksel.md, line 8, field 'image': the image \"images/besar.jpg\" cannot be read: "
            "it is not a picture in a known format\n" in result.stderr)
    assert "Save it again as JPEG, PNG or WebP, or replace it." in result.stderr


def test_site_colours_logo_and_templates_folder_come_from_the_configuration(tmp_path: Path) -> None:
    site = copy_site("basic", tmp_path)
    (site / "tampilan" / "partials").mkdir(parents=True)
    (site / "tampilan" / "partials" / "footer.html").write_text("<footer>Kaki dari tampilan/</footer>\n")
    (site / "aset").mkdir()
    Image.new("RGB", (64, 64), (0, 120, 60)).save(site / "aset" / "lambang.png")
    (site / "site.toml").write_text('logo = "lambang.png"\n' + (site / "site.toml").read_text() +
                                    '\n[theme]\naccent = "#0b6e4f"\nlink_dark = "#8fd3ff"\n'
                                    'templates_dir = "tampilan"\nstatic_dir = "aset"\n', encoding="utf-8")
    assert run_build(site).exit_code == 0
    page = read_html(site / "output" / "index.html")
    style = page.head.style.get_text()
    assert "--accent: #0b6e4f;" in style and "--link: #8fd3ff;" in style
    assert page.select_one(".site-title img")["src"] == "/lambang.png"
    assert (site / "output" / "lambang.png").is_file()
    assert page.footer.get_text() == "Kaki dari tampilan/"


def test_partials_are_shared_only_where_their_variables_agree(tmp_path: Path) -> None:
    """{% partial %} keeps a partial's output for the values it reads: a site header that marks the current
    page (it reads `path`), a footer that includes another template, and cards at two depths of relative
    links all come out as an include would give them."""
    site = copy_site("basic", tmp_path)
    partials = site / "tampilan" / "partials"
    partials.mkdir(parents=True)
    (partials / "header.html").write_text('<header><a href="{{ url(path) }}" data-here="{{ path }}">'
                                          '{{ site.title }}</a></header>\n')
    (partials / "footer.html").write_text('<footer>{% include "partials/footer-line.html" %}</footer>\n')
    (partials / "footer-line.html").write_text("<span>{{ path }}</span>")
    (site / "site.toml").write_text((site / "site.toml").read_text() + '\n[theme]\ntemplates_dir = "tampilan"\n',
                                    encoding="utf-8")
    assert run_build(site, "--relative-urls").exit_code == 0
    for page_path, path in (("index.html", ""), ("indeks/index.html", "indeks/"), ("arsip/index.html", "arsip/"),
                            ("wilayah/jakarta-selatan/index.html", "wilayah/jakarta-selatan/"),
                            ("wilayah/jakarta-barat/index.html", "wilayah/jakarta-barat/")):
        page = read_html(site / "output" / page_path)  # pages two by two at one depth, whose links agree
        assert page.header.a["data-here"] == path and page.header.a["href"] == "index.html"
        assert page.footer.span.get_text() == path
    home, region = (read_html(site / "output" / name) for name in ("index.html", "wilayah/jakarta-selatan/index.html"))
    slug = region.select_one(".card-title a")["href"].split("/")[-2]
    assert home.select_one(f'.card-title a[href="berita/{slug}/index.html"]') is not None
    assert region.select_one(".card-title a")["href"] == f"../../berita/{slug}/index.html"


def test_a_colour_that_is_not_one(tmp_path: Path) -> None:
    site = copy_site("basic", tmp_path)
    (site / "site.toml").write_text((site / "site.toml").read_text() + '\n[theme]\naccent = "merah"\n')
    result = run_build(site)
    assert result.exit_code == 1
    assert "site.toml, line 12, field 'theme.accent': \"merah\" is not a colour" in result.stderr


def test_english_site_and_a_bulletin_in_another_language(tmp_path: Path) -> None:
    site = copy_site("basic", tmp_path)
    (site / "site.toml").write_text('language = "en"\n' + (site / "site.toml").read_text(), encoding="utf-8")
    source = site / "content" / "2023" / "tppo-jakbar.md"
    source.write_text(source.read_text().replace("tanggal: 2023-08-02", "tanggal: 2023-08-02\nlang: id"))
    assert run_build(site).exit_code == 0
    output = site / "output"
    page = read_html(output / "berita" / "tppo-jaksel" / "index.html")
    assert page.html["lang"] == "en"
    assert page.select_one(".article-meta time").get_text() == "Sunday, 30 July 2023 09:30 WIB"
    credits = " ".join(page.select_one(".credits").get_text().split())
    assert credits == "Reporter: Rina Oktaviani · Editor: Bambang Surya"
    assert page.select_one(".share-title").get_text() == "Share"
    assert read_html(output / "berita" / "dbd-jaksel" / "index.html").find("nav", class_="related")[
        "aria-label"] == "Read also"
    indonesian = read_html(output / "berita" / "tppo-jakbar" / "index.html")
    assert indonesian.html["lang"] == "id"
    assert indonesian.select_one(".article-meta time").get_text() == "2 Agustus 2023"
    assert read_html(output / "index.html").h1.get_text() == "Latest news"


@pytest.fixture(scope="module")
def sample_output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("theme-sample")
    shutil.copytree(PROJECT_ROOT / "content", site / "content")
    shutil.copy(PROJECT_ROOT / "site.toml", site / "site.toml")
    assert run_build(site).exit_code == 0
    return site / "output"


def test_accessible_structure_on_every_page(sample_output: Path) -> None:
    for path in sample_output.rglob("*.html"):
        page = read_html(path)
        assert len(page.find_all("h1")) == 1, path
        levels = [int(tag.name[1]) for tag in page.find_all(re.compile(r"^h[1-6]$"))]
        assert all(later - earlier <= 1 for earlier, later in itertools.pairwise(levels)), (path, levels)
        assert page.find("main", id="konten") and page.find("a", class_="skip-link")["href"] == "#konten", path
        assert page.find("header") and page.find("footer"), path
        for nav in page.find_all("nav"):
            assert nav.get("aria-label"), (path, nav.get("class"))
        for image in page.find_all("img"):
            assert image.has_attr("alt"), (path, image)
        for picture_image in page.select("picture img"):
            assert picture_image.has_attr("width") and picture_image.has_attr("height"), path


def test_an_article_page_with_its_css_is_light(sample_output: Path) -> None:
    css = (sample_output / "style.css").stat().st_size
    for page in (sample_output / "berita").glob("*/index.html"):
        html = page.read_text(encoding="utf-8")
        scripts = [src for src in re.findall(r'<script src="([^"]+)"', html)]
        script_bytes = sum((sample_output / src.lstrip("/")).stat().st_size for src in scripts)
        assert page.stat().st_size + css + script_bytes < 50_000, page
        assert scripts == ["/share.js"]  # reading needs no script; copying the link uses a small one
