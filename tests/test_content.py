"""Loading and validating single bulletins: values, defaults and the exact problem messages."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from buletin.config import SiteConfig
from buletin.load.content import load_content
from buletin.load.fields import parse_datetime
from buletin.model import slugify
from buletin.text.html import first_paragraph_text

REGIONS = SiteConfig(regions=("Jakarta Selatan", "Jakarta Barat"))
VALID = """---
title: Judul berita
date: 2022-11-02 14:05
reporter: Luthfia Putri
editor: Ganet Dirgantara
region: Jakarta Selatan
---
Paragraf *pertama* dengan [tautan](https://example.org) dan catatan.

Paragraf kedua.
"""


def load(tmp_path: Path, text: str | bytes, name: str = "berita.md", config: SiteConfig = REGIONS):
    path = tmp_path / "content" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return load_content(tmp_path / "content", config, display_root=tmp_path)


def messages(result) -> list[str]:
    return [problem.format() for problem in result.problems]


def test_valid_bulletin_values(tmp_path: Path) -> None:
    result = load(tmp_path, VALID, "2022-11-02-judul-berita.md")
    assert result.problems == []
    article = result.articles[0]
    assert article.slug == "judul-berita"  # a leading date is not part of the slug
    assert article.title == "Judul berita"
    assert article.date.isoformat() == "2022-11-02T14:05:00+07:00"
    assert article.date_has_time
    assert article.reporters == ("Luthfia Putri",)
    assert article.editors == ("Ganet Dirgantara",)
    assert article.summary == "Paragraf pertama dengan tautan dan catatan."
    assert article.body_html.startswith("<p>Paragraf <em>pertama</em>")
    assert article.field_lines["region"] == 6


def test_indonesian_keys_and_lists(tmp_path: Path) -> None:
    text = ("---\njudul: Judul\ntanggal: 2023-01-05\npewarta: [A, B]\npenyunting: C\nwilayah: Jakarta Barat\n"
            "topik: tppo, Perlindungan Anak\nringkasan: Ringkasan singkat.\n---\nIsi.\n")
    article = load(tmp_path, text).articles[0]
    assert (article.title, article.reporters, article.editors, article.region) == ("Judul", ("A", "B"), ("C",),
                                                                                  "Jakarta Barat")
    assert article.tags == ("tppo", "Perlindungan Anak")
    assert article.summary == "Ringkasan singkat."
    assert not article.date_has_time


def test_a_field_given_twice_by_alias(tmp_path: Path) -> None:
    result = load(tmp_path, VALID.replace("title: Judul berita\n", "title: Judul\njudul: Judul lain\n"))
    assert messages(result) == [
        "content/berita.md, line 3, field 'judul': 'judul' repeats the field 'title' given on line 2\n"
        "    Keep only one of them."]


def test_unknown_field_suggests_the_known_one(tmp_path: Path) -> None:
    result = load(tmp_path, VALID.replace("reporter:", "reportr:"))
    assert messages(result) == [
        "content/berita.md, line 4, field 'reportr': unknown field\n    Did you mean \"reporter\"?",
        "content/berita.md, field 'reporter': required field is missing\n"
        "    Add a line 'reporter: ...' (or 'pewarta: ...') to the front-matter.",
    ]


@pytest.mark.parametrize(("value", "expected", "has_time"), [
    ("2022-11-02", "2022-11-02T00:00:00+07:00", False),
    ("2022-11-02 14:05", "2022-11-02T14:05:00+07:00", True),
    ("2022-11-02T14:05:30", "2022-11-02T14:05:30+07:00", True),
    ("2022-11-02 14:05 WITA", "2022-11-02T13:05:00+07:00", True),
    ("2022-11-02T07:05:00Z", "2022-11-02T14:05:00+07:00", True),
    ("2022-11-02T14:05:00+09:00", "2022-11-02T12:05:00+07:00", True),
])
def test_dates_are_read_in_the_site_time_zone(value: str, expected: str, has_time: bool) -> None:
    moment, with_time = parse_datetime(value, SiteConfig())
    assert moment.isoformat() == expected
    assert with_time is has_time


@pytest.mark.parametrize("value", ["kemarin", "2022-02-30", "02/11/2022", 2022, None, ["2022-11-02"]])
def test_not_dates(value: object) -> None:
    assert parse_datetime(value, SiteConfig()) is None


def test_site_time_zone_is_used_for_naive_times() -> None:
    moment, _ = parse_datetime("2022-11-02 14:05", SiteConfig(timezone="Asia/Jayapura"))
    assert moment.utcoffset() == timedelta(hours=9)


def test_nonsense_types_are_named(tmp_path: Path) -> None:
    text = ("---\ntitle: [satu, dua]\ndate: 2022-11-02\nreporter: {nama: A}\neditor: B\nregion: Jakarta Barat\n"
            "tags: 5\ndraft: ya\n---\nIsi.\n")
    assert messages(load(tmp_path, text)) == [
        "content/berita.md, line 2, field 'title': must be text, not a list\n"
        "    Write a single value; put quotes around it if it contains \":\" or \"#\".",
        "content/berita.md, line 4, field 'reporter': must be a name or a list of names\n"
        "    Write 'reporter: Nama Lengkap' or 'reporter: [Nama Satu, Nama Dua]'.",
        "content/berita.md, line 7, field 'tags': must be a list of topics, not int\n"
        "    Write 'tags: [tppo, perlindungan anak]'.",
        "content/berita.md, line 8, field 'draft': must be true or false, not 'ya'\n"
        "    Write 'draft: true' or 'draft: false'.",
    ]


def test_missing_front_matter_and_unclosed_front_matter(tmp_path: Path) -> None:
    assert messages(load(tmp_path, "Hanya teks.\n", "a.md")) == [
        "content/a.md, line 1: the file does not start with front-matter\n"
        "    Start the file with a line '---', the fields (title, date, reporter, editor, region), "
        "and another line '---'."]
    result = load(tmp_path, "---\ntitle: x\n", "b.md")
    assert "content/b.md, line 1: the front-matter is not closed" in messages(result)[1]


def test_front_matter_that_is_not_a_mapping(tmp_path: Path) -> None:
    assert messages(load(tmp_path, "---\n- satu\n- dua\n---\nIsi.\n")) == [
        "content/berita.md, line 2: the front-matter must be a list of 'field: value' lines"]


def test_yaml_tags_do_not_construct_objects(tmp_path: Path) -> None:
    result = load(tmp_path, "---\ntitle: !!python/object/apply:os.system ['echo hacked']\n---\nIsi.\n")
    assert result.articles == []
    assert "could not determine a constructor" in messages(result)[0]


def test_bom_and_crlf_are_accepted(tmp_path: Path) -> None:
    result = load(tmp_path, b"\xef\xbb\xbf" + VALID.replace("\n", "\r\n").encode("utf-8"))
    assert result.problems == []
    assert result.articles[0].title == "Judul berita"


def test_invalid_utf8_names_the_line(tmp_path: Path) -> None:
    data = VALID.encode("utf-8").replace(b"Paragraf kedua", b"Paragraf \xff kedua")
    assert messages(load(tmp_path, data)) == [
        "content/berita.md, line 10: the file is not valid UTF-8 text\n"
        "    Save the file with UTF-8 encoding in your editor."]


def test_missing_image_and_body_link(tmp_path: Path) -> None:
    text = VALID.replace("region: Jakarta Selatan\n", "region: Jakarta Selatan\nimage: foto/tidak-ada.jpg\n")
    text += "\n![Foto](hilang.png) dan [berita lain](lain.md)\n"
    assert messages(load(tmp_path, text)) == [
        "content/berita.md, line 7, field 'image': image file \"foto/tidak-ada.jpg\" not found\n"
        "    The path is relative to this bulletin's file; check the spelling and the folder.",
        "content/berita.md, line 13, field 'body': linked file \"hilang.png\" not found\n"
        "    Paths in the body are relative to this bulletin's file; check the spelling and the folder.",
        "content/berita.md, line 13, field 'body': linked file \"lain.md\" not found\n"
        "    Paths in the body are relative to this bulletin's file; check the spelling and the folder.",
    ]


def test_image_outside_the_content_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "rahasia.jpg").write_bytes(b"x")
    text = VALID.replace("region: Jakarta Selatan\n", "region: Jakarta Selatan\nimage: ../rahasia.jpg\n")
    assert messages(load(tmp_path, text)) == [
        "content/berita.md, line 7, field 'image': \"../rahasia.jpg\" points outside the content folder\n"
        "    Put the picture inside content/ (for example content/images/) and refer to it from there."]


def test_image_without_description_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "foto.jpg").write_bytes(b"x")
    result = load(tmp_path, VALID.replace("region: Jakarta Selatan\n", "region: Jakarta Selatan\nimage: foto.jpg\n"))
    assert result.articles == []
    assert messages(result) == [
        "content/berita.md, line 7, field 'image_alt': the image has no description for readers who cannot see it\n"
        "    Add 'image_alt: ...' describing what the image shows."]


def test_body_headings_start_below_the_headline(tmp_path: Path) -> None:
    result = load(tmp_path, VALID + "\n# Latar\n\nTeks.\n\n## Rincian\n\nTeks.\n")
    html = result.articles[0].body_html
    assert '<h2 id="latar">Latar</h2>' in html and '<h3 id="rincian">Rincian</h3>' in html
    assert "<h1" not in html


def test_updated_before_date(tmp_path: Path) -> None:
    text = VALID.replace("region: Jakarta Selatan\n", "region: Jakarta Selatan\nupdated: 2022-11-01\n")
    assert messages(load(tmp_path, text)) == [
        "content/berita.md, line 7, field 'updated': is earlier than the date of the bulletin\n"
        "    The update time must be after the publication date."]


def test_empty_body_and_summary(tmp_path: Path) -> None:
    article = load(tmp_path, VALID.split("---\nParagraf")[0] + "---\n").articles[0]
    assert article.summary == ""
    assert article.body_html == ""


def test_hidden_files_are_skipped(tmp_path: Path) -> None:
    load(tmp_path, VALID, ".#berita.md")
    result = load(tmp_path, "bukan berita", ".draft/x.md")
    assert result.articles == [] and result.problems == []


def test_first_paragraph_text_skips_image_only_paragraphs() -> None:
    html = '<p><img alt="x" src="a.jpg"></p>\n<p>Teks <strong>utama</strong> &amp; lain<sup>1</sup>.</p><p>Dua</p>'
    assert first_paragraph_text(html) == "Teks utama & lain."


@pytest.mark.parametrize(("text", "slug"), [
    ("Jakarta Selatan", "jakarta-selatan"),
    ("Perlindungan Anak & Perempuan", "perlindungan-anak-perempuan"),
    ("Pemilu 2024", "pemilu-2024"),
    ("  Café  ", "cafe"),
    ("!!!", ""),
])
def test_slugify(text: str, slug: str) -> None:
    assert slugify(text) == slug


def test_dates_keep_their_zone_after_conversion() -> None:
    moment, _ = parse_datetime("2022-11-02 14:05", SiteConfig())
    assert isinstance(moment, datetime) and str(moment.tzinfo) == "Asia/Jakarta"


def test_blank_values_and_names_without_letters(tmp_path: Path) -> None:
    text = VALID.replace("title: Judul berita", 'title: "   "').replace("reporter: Luthfia Putri", "reporter: '—'")
    text = text.replace("region: Jakarta Selatan", "region: '?'")
    assert messages(load(tmp_path, text, config=SiteConfig())) == [
        "content/berita.md, line 2, field 'title': is empty\n"
        "    Add a line 'title: ...' (or 'judul: ...') to the front-matter.",
        "content/berita.md, line 4, field 'reporter': \"—\" is not a name\n"
        "    Write the person's name in letters.",
        "content/berita.md, line 6, field 'region': \"?\" is not a region name\n"
        "    Write the region's name in letters.",
    ]


def test_plain_text_skips_the_inline_patterns_through_markdowns_own_method() -> None:
    # load.markdown_fast.PlainTextSkipped overrides this private method of Python-Markdown; if a new version renames
    # it, the override would stop saving time without anyone noticing.
    from markdown.treeprocessors import InlineProcessor
    assert callable(getattr(InlineProcessor, "_InlineProcessor__handleInline", None))


def test_plain_and_marked_up_text_and_blocks_convert_as_markdown_does(tmp_path: Path) -> None:
    import markdown

    from buletin.load.markdown import MarkdownRenderer
    body = ("Plain paragraph, nothing to do.\n\nSome *em*, **strong**, `code`, \\*escaped\\*, &amp; and "
            "<b>html</b>.  \nA line break, [a link](https://example.org) and <https://example.org>.\n\n"
            "*[ABC]: Alpha Beta\n\nABC in plain text.\n\n- a list\n- of two\nand a lazy line\n\n"
            "> quoted\nlazy\n\nTerm\n: definition\n\nA | B\n--|--\n1 | 2\n\nHeading\n---\n\n1. one\n\n"
            "    more of one\n\n“Quoted” and (bracketed) paragraph lines.\n")
    plain = markdown.Markdown(extensions=[*MarkdownRenderer.EXTENSIONS],
                              extension_configs={"toc": {"permalink": False}}, output_format="html")
    renderer = MarkdownRenderer(tmp_path)
    assert renderer.markdown.convert(body) == plain.convert(body)
