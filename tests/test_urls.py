"""Links between pages at a domain root, under a sub-path and opened from disk."""

from __future__ import annotations

import pytest

from buletin.model import urls
from buletin.model.urls import Urls


def test_paths_of_pages() -> None:
    assert urls.article_path("cegah-tppo") == "berita/cegah-tppo/"
    assert urls.region_path("jakarta-selatan") == "wilayah/jakarta-selatan/"
    assert urls.tag_path("tppo") == "topik/tppo/"
    assert urls.reporter_path("rina") == "pewarta/rina/"
    assert urls.archive_path() == "arsip/"
    assert urls.archive_path(2023) == "arsip/2023/"
    assert urls.archive_path(2023, 7) == "arsip/2023/07/"
    assert urls.paginated_path("", 1) == ""
    assert urls.paginated_path("", 2) == "halaman/2/"
    assert urls.paginated_path("topik/tppo/", 3) == "topik/tppo/halaman/3/"
    assert urls.output_file("") == "index.html"
    assert urls.output_file("berita/x/") == "berita/x/index.html"
    assert urls.output_file("style.css") == "style.css"


@pytest.mark.parametrize(("base_url", "link", "absolute"), [
    ("https://example.org/", "/berita/x/", "https://example.org/berita/x/"),
    ("https://example.org/buletin/", "/buletin/berita/x/", "https://example.org/buletin/berita/x/"),
    ("/buletin/", "/buletin/berita/x/", "/buletin/berita/x/"),
    ("/", "/berita/x/", "/berita/x/"),
])
def test_links_follow_the_base_url(base_url: str, link: str, absolute: str) -> None:
    site = Urls(base_url)
    assert site.link("berita/x/", from_path="wilayah/a/") == link
    assert site.absolute("berita/x/") == absolute


def test_relative_links_open_from_disk() -> None:
    site = Urls("https://example.org/buletin/", relative=True)
    assert site.link("berita/x/", from_path="") == "berita/x/index.html"
    assert site.link("", from_path="berita/x/") == "../../index.html"
    assert site.link("style.css", from_path="topik/tppo/halaman/2/") == "../../../../style.css"
    assert site.link("berita/x/#angka", from_path="berita/y/") == "../x/index.html#angka"
    assert site.link("images/foto 1.jpg", from_path="berita/y/") == "../../images/foto%201.jpg"
    # pages served at any address (404) keep links from the base path
    assert site.link("style.css", from_path=None) == "/buletin/style.css"
    # canonical addresses stay absolute
    assert site.absolute("berita/x/") == "https://example.org/buletin/berita/x/"
