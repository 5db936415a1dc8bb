"""Feeds, sitemaps, robots.txt, page metadata, sharing and search, read by real parsers."""

from __future__ import annotations

import bisect
import itertools
import json
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import feedparser
import pytest
from conftest import copy_site, read_html, run_build
from lxml import etree

from buletin.model import urls
from buletin.render import feeds

SCHEMAS = Path(__file__).resolve().parent / "schemas"
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "n": "http://www.google.com/schemas/sitemap-news/0.9"}
BASE = "https://uji.example.org/"
NEWEST_FIRST = ["dbd-jaksel", "dbd-jaktim", "tppo-jakbar", "tppo-jaksel"]


@pytest.fixture
def built(basic_site: Path) -> Path:
    """The basic fixture site, built once for the session (conftest)."""
    return basic_site


def entry_slugs(parsed) -> list[str]:
    return [entry.link.removeprefix(BASE + "berita/").strip("/") for entry in parsed.entries]


# --- feeds ---

def test_site_atom_feed_parses_with_entries_newest_first(built: Path) -> None:
    parsed = feedparser.parse((built / "atom.xml").read_bytes())
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert parsed.feed.title == "Buletin Uji"
    assert parsed.feed.link == BASE
    assert entry_slugs(parsed) == NEWEST_FIRST
    first = parsed.entries[0]
    assert first.id == BASE + "berita/dbd-jaksel/"
    assert first.published == "2023-10-01T10:00:00+07:00"
    assert first.updated == "2023-10-01T10:00:00+07:00"
    assert [tag.term for tag in first.tags] == ["Jakarta Selatan", "dbd", "kesehatan"]
    assert first.summary.startswith("Kasus demam berdarah dengue di Jakarta Selatan turun")
    assert "content" not in first  # full content is an option, off by default
    two_reporters = parsed.entries[2]
    assert [author.name for author in two_reporters.authors] == ["Rina Oktaviani", "Dimas Prasetyo"]


def test_rss_feed_parses(built: Path) -> None:
    parsed = feedparser.parse((built / "rss.xml").read_bytes())
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.version == "rss20"
    assert entry_slugs(parsed) == NEWEST_FIRST
    assert parsed.entries[0].published == "Sun, 01 Oct 2023 10:00:00 +0700"
    assert parsed.entries[0].author == "Rina Oktaviani"


def test_region_and_tag_feeds_are_linked_from_their_pages(built: Path) -> None:
    region = feedparser.parse((built / "wilayah" / "jakarta-selatan" / "atom.xml").read_bytes())
    assert region.bozo == 0
    assert entry_slugs(region) == ["dbd-jaksel", "tppo-jaksel"]
    tag = feedparser.parse((built / "topik" / "tppo" / "atom.xml").read_bytes())
    assert entry_slugs(tag) == ["tppo-jakbar", "tppo-jaksel"]
    page = read_html(built / "wilayah" / "jakarta-selatan" / "index.html")
    alternates = {link["href"] for link in page.find_all("link", rel="alternate")}
    assert alternates == {"/atom.xml", "/rss.xml", "/wilayah/jakarta-selatan/atom.xml"}
    assert not (built / "pewarta" / "rina-oktaviani" / "atom.xml").exists()


def test_feed_length_and_full_content_are_options(tmp_path: Path) -> None:
    site = copy_site("basic", tmp_path)
    with (site / "site.toml").open("r+", encoding="utf-8") as config:
        text = config.read()
        config.seek(0)
        config.write("feed_items = 2\nfeed_full_content = true\n" + text)
    assert run_build(site).exit_code == 0
    parsed = feedparser.parse((site / "output" / "atom.xml").read_bytes())
    assert parsed.bozo == 0
    assert entry_slugs(parsed) == NEWEST_FIRST[:2]
    content = parsed.entries[1].content[0].value
    assert '<img alt="Jumantik memeriksa bak air" src="https://uji.example.org/images/rptra.png"' in content
    rss = feedparser.parse((site / "output" / "rss.xml").read_bytes())
    assert "https://uji.example.org/images/rptra.png" in rss.entries[1].description


# --- sitemaps and robots ---

def test_sitemap_lists_every_page_and_validates(built: Path) -> None:
    document = etree.parse(str(built / "sitemap.xml"))
    etree.XMLSchema(etree.parse(str(SCHEMAS / "sitemap.xsd"))).assertValid(document)
    listed = {loc.text: lastmod.text for loc, lastmod in zip(
        document.iterfind("s:url/s:loc", SITEMAP_NS), document.iterfind("s:url/s:lastmod", SITEMAP_NS), strict=True)}
    pages = {BASE + path.relative_to(built).as_posix().removesuffix("index.html")
             for path in built.rglob("*.html") if path.name != "404.html"}
    pages.discard(BASE + urls.SEARCH_PATH)
    assert set(listed) == pages
    assert listed[BASE + "berita/tppo-jakbar/"] == "2023-08-02T00:00:00+07:00"
    assert listed[BASE] == "2023-10-01T10:00:00+07:00"  # the newest bulletin it shows
    assert listed[BASE + "halaman/2/"] == "2023-08-02T00:00:00+07:00"


def test_sitemap_paths_name_the_files_sitemaps_makes() -> None:
    address = urls.Urls(BASE)
    for count in (0, 1, 3, 4, 7):
        pages = [(f"berita/b{number}/", datetime(2024, 1, 1)) for number in range(count)]
        assert feeds.sitemap_paths(count, limit=3) == [path for path, _data in feeds.sitemaps(pages, address, limit=3)]


def test_sitemap_index_past_the_limit() -> None:
    address = urls.Urls(BASE)
    moment = datetime(2024, 1, 1)
    pages = [(f"berita/b{number}/", moment + timedelta(days=number)) for number in range(7)]
    files = dict(feeds.sitemaps(pages, address, limit=3))
    assert sorted(files) == ["sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml", "sitemap.xml"]
    index = etree.fromstring(files["sitemap.xml"])
    etree.XMLSchema(etree.parse(str(SCHEMAS / "siteindex.xsd"))).assertValid(index)
    assert index.xpath("s:sitemap/s:loc/text()", namespaces=SITEMAP_NS) == [
        BASE + "sitemap-1.xml", BASE + "sitemap-2.xml", BASE + "sitemap-3.xml"]
    assert index.xpath("s:sitemap/s:lastmod/text()", namespaces=SITEMAP_NS)[2] == "2024-01-07T00:00:00"
    schema = etree.XMLSchema(etree.parse(str(SCHEMAS / "sitemap.xsd")))
    counts = []
    for name in ("sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml"):
        part = etree.fromstring(files[name])
        schema.assertValid(part)
        counts.append(len(part.xpath("s:url", namespaces=SITEMAP_NS)))
    assert counts == [3, 3, 1]


def test_news_sitemap_holds_the_last_two_days(tmp_path: Path) -> None:
    site = copy_site("basic", tmp_path)
    build_moment = "1696222800"  # 2023-10-02 12:00 WIB: one bulletin in the two days before
    assert run_build(site, env_extra={"SOURCE_DATE_EPOCH": build_moment}).exit_code == 0
    document = etree.parse(str(site / "output" / "news-sitemap.xml"))
    urls_found = document.xpath("//s:url", namespaces=SITEMAP_NS)
    assert len(urls_found) == 1
    entry = urls_found[0]
    assert entry.xpath("s:loc/text()", namespaces=SITEMAP_NS) == [BASE + "berita/dbd-jaksel/"]
    assert entry.xpath("n:news/n:publication/n:name/text()", namespaces=SITEMAP_NS) == ["Buletin Uji"]
    assert entry.xpath("n:news/n:publication/n:language/text()", namespaces=SITEMAP_NS) == ["id"]
    assert entry.xpath("n:news/n:publication_date/text()", namespaces=SITEMAP_NS) == ["2023-10-01T10:00:00+07:00"]
    assert entry.xpath("n:news/n:title/text()", namespaces=SITEMAP_NS) == [
        "Kasus demam berdarah di Jakarta Selatan turun berkat jumantik"]


def test_empty_news_sitemap_is_valid(built: Path) -> None:
    document = etree.parse(str(built / "news-sitemap.xml"))
    assert document.getroot().tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}urlset"
    assert document.getroot().nsmap["news"] == SITEMAP_NS["n"]
    assert len(document.getroot()) == 0


def test_robots_txt_points_at_both_sitemaps(built: Path) -> None:
    assert (built / "robots.txt").read_text().splitlines() == [
        "User-agent: *", "Allow: /", "", f"Sitemap: {BASE}sitemap.xml", f"Sitemap: {BASE}news-sitemap.xml"]


# --- page metadata ---

def json_ld(page) -> list[dict]:
    return [json.loads(script.string) for script in page.find_all("script", type="application/ld+json")]


def meta(page, attribute: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for tag in page.find_all("meta", attrs={attribute: True}):
        found.setdefault(tag[attribute], []).append(tag["content"])
    return found


def test_every_page_has_language_title_description_and_canonical(built: Path) -> None:
    for path in built.rglob("*.html"):
        page = read_html(path)
        assert page.html["lang"] == "id", path
        assert page.title.get_text().strip(), path
        if path.name != "404.html":
            assert page.find("meta", attrs={"name": "description"})["content"], path
            canonical = page.find("link", rel="canonical")["href"]
            assert canonical == BASE + path.relative_to(built).as_posix().removesuffix("index.html"), path


def test_article_open_graph_and_x_card(built: Path) -> None:
    page = read_html(built / "berita" / "tppo-jakbar" / "index.html")
    og = meta(page, "property")
    assert og["og:type"] == ["article"]
    assert og["og:title"] == ["Gugus tugas TPPO Jakarta Barat perkuat pencegahan perdagangan orang"]
    assert og["og:url"] == [BASE + "berita/tppo-jakbar/"]
    assert og["og:description"] == [
        "Gugus tugas TPPO Jakarta Barat memperkuat pencegahan perdagangan orang di tingkat kelurahan."]
    assert og["article:published_time"] == ["2023-08-02T00:00:00+07:00"]
    assert og["article:modified_time"] == ["2023-08-02T00:00:00+07:00"]
    assert og["article:author"] == ["Rina Oktaviani", "Dimas Prasetyo"]
    assert og["article:section"] == ["Jakarta Barat"]
    assert og["article:tag"] == ["tppo", "perdagangan orang"]
    with_image = meta(read_html(built / "berita" / "tppo-jaksel" / "index.html"), "property")
    assert with_image["og:image"] == [BASE + "images/rptra.png"]
    card = meta(read_html(built / "berita" / "tppo-jaksel" / "index.html"), "name")
    assert card["twitter:card"] == ["summary_large_image"]
    assert card["twitter:image"] == [BASE + "images/rptra.png"]


def test_article_news_article_json_ld(built: Path) -> None:
    [data] = json_ld(read_html(built / "berita" / "tppo-jaksel" / "index.html"))
    assert data["@context"] == "https://schema.org" and data["@type"] == "NewsArticle"
    assert data["headline"] == "Pemkot Jakarta Selatan ajak warga cegah perdagangan orang"
    assert data["description"].startswith("Pemerintah Kota Jakarta Selatan mengajak warga")
    assert data["datePublished"] == data["dateModified"] == "2023-07-30T09:30:00+07:00"
    assert data["author"] == [{"@type": "Person", "name": "Rina Oktaviani", "url": BASE + "pewarta/rina-oktaviani/"}]
    assert data["editor"] == [{"@type": "Person", "name": "Bambang Surya"}]
    assert data["publisher"] == {"@type": "Organization", "name": "Buletin Uji", "url": BASE}
    assert data["image"] == [BASE + "images/rptra.png"]
    assert data["articleSection"] == "Jakarta Selatan"
    assert data["keywords"] == ["tppo", "perdagangan orang", "sosialisasi"]
    assert data["inLanguage"] == "id"
    assert data["mainEntityOfPage"] == {"@type": "WebPage", "@id": BASE + "berita/tppo-jaksel/"}


def test_list_pages_have_breadcrumbs(built: Path) -> None:
    [data] = json_ld(read_html(built / "pewarta" / "rina-oktaviani" / "halaman" / "2" / "index.html"))
    assert data["@type"] == "BreadcrumbList"
    assert [(item["position"], item["name"], item["item"]) for item in data["itemListElement"]] == [
        (1, "Beranda", BASE), (2, "Indeks", BASE + "indeks/"),
        (3, "Berita oleh Rina Oktaviani", BASE + "pewarta/rina-oktaviani/")]
    [month] = json_ld(read_html(built / "arsip" / "2023" / "07" / "index.html"))
    assert [item["name"] for item in month["itemListElement"]] == ["Beranda", "Arsip", "2023", "Arsip Juli 2023"]


def test_script_in_a_title_cannot_end_the_json_ld_block(tmp_path: Path) -> None:
    site = copy_site("basic", tmp_path)
    source = site / "content" / "2023" / "dbd-jaktim.md"
    source.write_text(source.read_text().replace(
        "title: Jumantik Jakarta Timur gencarkan pemberantasan sarang nyamuk",
        "title: \"Awas </script><script>alert(1)</script> & jentik\""), encoding="utf-8")
    assert run_build(site).exit_code == 0
    html = (site / "output" / "berita" / "dbd-jaktim" / "index.html").read_text()
    assert "<script>alert(1)" not in html
    [data] = json_ld(read_html(site / "output" / "berita" / "dbd-jaktim" / "index.html"))
    assert data["headline"] == "Awas </script><script>alert(1)</script> & jentik"
    parsed = feedparser.parse((site / "output" / "atom.xml").read_bytes())
    assert parsed.bozo == 0
    assert parsed.entries[1].title == "Awas </script><script>alert(1)</script> & jentik"


# --- sharing ---

def test_share_links_are_plain_links(built: Path) -> None:
    page = read_html(built / "berita" / "tppo-jaksel" / "index.html")
    share = page.select_one(".share")
    links = {a["class"][0].removeprefix("share-"): a["href"] for a in share.find_all("a")}
    address = BASE + "berita/tppo-jaksel/"
    title = "Pemkot Jakarta Selatan ajak warga cegah perdagangan orang"
    assert parse_qs(urlsplit(links["whatsapp"]).query)["text"] == [f"{title} {address}"]
    assert parse_qs(urlsplit(links["facebook"]).query)["u"] == [address]
    assert parse_qs(urlsplit(links["x"]).query) == {"text": [title], "url": [address]}
    assert parse_qs(urlsplit(links["telegram"]).query) == {"url": [address], "text": [title]}
    assert links["email"].startswith("mailto:?")
    assert parse_qs(urlsplit(links["email"]).query) == {"subject": [title], "body": [address]}
    button = share.find("button", class_="copy-link")
    assert button["data-url"] == address and button.has_attr("hidden")
    scripts = [script["src"] for script in page.find_all("script", src=True)]
    assert scripts == ["/share.js"]  # the only script, and our own


# --- search ---

def test_search_page_and_index_of_articles_only(built: Path) -> None:
    page = read_html(built / "cari" / "index.html")
    assert [s["src"] for s in page.find_all("script", src=True)] == ["/search.js"]
    form = page.find("form", id="search-form")
    assert form["role"] == "search" and form["data-index"] == "/cari/indeks/" and form["data-root"] == "/"
    field = form.find("input", attrs={"name": "q"})
    assert form.find("label", attrs={"for": field["id"]}).get_text() == "Kata yang dicari"
    interface = json.loads(page.find("script", id="search-words").string)
    assert interface["region"] == "Wilayah" and interface["results"] == "{count} hasil untuk “{query}”"
    index = built / "cari" / "indeks"
    meta = json.loads((index / "meta.json").read_text(encoding="utf-8"))
    assert meta["documents"] == 4  # the four published articles, no draft, no list pages
    assert meta["filters"] == {
        "region": [["Jakarta Barat", 1], ["Jakarta Selatan", 2], ["Jakarta Timur", 1]],
        "topic": [["dbd", 2], ["jumantik", 1], ["kesehatan", 1], ["perdagangan orang", 2], ["sosialisasi", 2],
                  ["tppo", 2]],
        "year": [["2023", 4]],
    }
    named = {name for _first, name in meta["words"] + meta["terms"]} | set(meta["pages"]) | {meta["filter_file"]}
    assert named | {"meta.json"} == {path.name for path in index.iterdir()}  # nothing unnamed, nothing missing
    documents = [entry for name in meta["pages"] for entry in json.loads((index / name).read_text(encoding="utf-8"))]
    assert [path for path, *_rest in documents] == [f"berita/{slug}/" for slug in NEWEST_FIRST]
    assert documents[0][1:4] == ["Kasus demam berdarah di Jakarta Selatan turun berkat jumantik", "1 Oktober 2023",
                                 "Jakarta Selatan"]


def test_the_search_index_finds_word_forms_names_and_tags(built: Path) -> None:
    index = SearchReader(built / "cari" / "indeks")
    assert index.terms_of("pencegahan") == index.terms_of("cegah") == ["cegah"]  # one stem
    assert index.terms_of("dimas") == ["dimas"]  # a reporter's name, not stemmed to "mas"
    assert index.terms_of("di") == []  # a stopword: ignored by a query
    assert index.search("di jakarta timur") == index.search("jakarta timur") != []
    assert index.search("menggencarkan") == index.search("gencarkan") == ["berita/dbd-jaktim/"]
    assert set(index.search("perdagangan orang")) == {"berita/tppo-jakbar/", "berita/tppo-jaksel/"}
    assert set(index.search("Dimas Prasetyo")) == {"berita/tppo-jakbar/", "berita/dbd-jaktim/"}
    assert index.search("jumantik nyamuk tidakadakata") == []  # every word must be found
    assert set(index.search("jakarta selatan", region="Jakarta Selatan")) == {"berita/dbd-jaksel/",
                                                                               "berita/tppo-jaksel/"}
    # a word in the title weighs more than the same word in the body
    title_hit = index.search("jumantik")
    assert title_hit[0] in ("berita/dbd-jaksel/", "berita/dbd-jaktim/")


class SearchReader:
    """What static/search.js does with the index files, in Python: exact words, all words of a query."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.meta = self.read("meta.json")

    def read(self, name: str) -> object:
        return json.loads((self.folder / name).read_text(encoding="utf-8"))

    def file_for(self, ranges: list[list[str]], key: str) -> str | None:
        order = [first.encode("utf-16-be") for first, _name in ranges]
        at = bisect.bisect_right(order, key.encode("utf-16-be")) - 1
        return ranges[at][1] if at >= 0 else None

    def terms_of(self, word: str) -> list[str] | None:
        name = self.file_for(self.meta["words"], word)
        return self.read(name).get(word) if name else None

    def postings(self, term: str) -> dict[int, int]:
        numbers = self.read(self.file_for(self.meta["terms"], term))[term]
        found, document = {}, 0
        for position in range(0, len(numbers), 2):
            document = numbers[position] if position == 0 else document + numbers[position]
            found[document] = numbers[position + 1]
        return found

    def search(self, query: str, region: str | None = None) -> list[str]:
        scores: dict[int, int] | None = None
        for word in dict.fromkeys(query.lower().split()):
            terms = self.terms_of(word)
            if terms is None:
                return []
            if not terms:
                continue
            best: dict[int, int] = {}
            for term in terms:
                for document, weight in self.postings(term).items():
                    best[document] = max(best.get(document, 0), weight)
            scores = best if scores is None else {d: s + best[d] for d, s in scores.items() if d in best}
        if region is not None:
            gaps = self.read(self.meta["filter_file"])["region"][region]
            members = set(itertools.accumulate(gaps))
            scores = {document: score for document, score in (scores or {}).items() if document in members}
        order = sorted((scores or {}).items(), key=lambda item: (-item[1], item[0]))
        paths = [entry[0] for name in self.meta["pages"] for entry in self.read(name)]
        return [paths[document] for document, _score in order]


def test_search_can_be_turned_off(tmp_path: Path) -> None:
    site = copy_site("basic", tmp_path)
    (site / "site.toml").write_text("search = false\n" + (site / "site.toml").read_text(), encoding="utf-8")
    assert run_build(site).exit_code == 0
    assert not (site / "output" / "cari").exists()
    assert "/cari/" not in (site / "output" / "index.html").read_text()
