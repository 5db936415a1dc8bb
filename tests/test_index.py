"""Index stage: what is published at a given build time, and the lists built from it."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from buletin.config import SiteConfig, Weights
from buletin.index.checks import find_cross_file_problems
from buletin.index.site import build_index
from buletin.load.content import load_content
from buletin.related.ranking import RelatedIndex
from buletin.related.stage import add_related, related_documents

JAKARTA = ZoneInfo("Asia/Jakarta")
CONFIG = SiteConfig()


def write(folder: Path, name: str, date: str, extra: str = "", tags: str = "[tppo]") -> None:
    (folder / f"{name}.md").write_text(
        f"---\ntitle: Berita {name}\ndate: {date}\nreporter: Rina\neditor: Sari\nregion: Jakarta Barat\n"
        f"tags: {tags}\n{extra}---\nPerdagangan orang {name}.\n", encoding="utf-8")


def articles(tmp_path: Path):
    content = tmp_path / "content"
    content.mkdir()
    write(content, "lama", "2023-01-01 08:00")
    write(content, "baru", "2023-03-01 08:00", tags="[tppo, Sosialisasi]")
    write(content, "draf", "2023-02-01 08:00", "draft: true\n")
    write(content, "besok", "2023-03-02 08:00")
    return load_content(content, CONFIG).articles


def test_drafts_and_future_are_left_out_unless_asked(tmp_path: Path) -> None:
    loaded = articles(tmp_path)
    build_time = datetime(2023, 3, 1, 12, 0, tzinfo=JAKARTA)
    indexed = build_index(loaded, CONFIG, build_time).site
    lists = RelatedIndex(related_documents(indexed.articles, CONFIG), Weights()).all_related()
    site, _warnings = add_related(indexed, lists)
    assert [a.slug for a in site.articles] == ["baru", "lama"]
    assert set(site.related) == {"baru", "lama"}
    assert all(a.slug in {"baru", "lama"} for related in site.related.values() for a in related)
    everything = build_index(loaded, CONFIG, build_time, include_drafts=True, include_future=True).site
    assert [a.slug for a in everything.articles] == ["besok", "baru", "draf", "lama"]
    assert everything.is_future(everything.articles[0])
    later = build_index(loaded, CONFIG, datetime(2023, 3, 2, 8, 0, tzinfo=JAKARTA)).site
    assert [a.slug for a in later.articles] == ["besok", "baru", "lama"]  # published at its time, not before


def test_terms_archive_and_neighbours(tmp_path: Path) -> None:
    site = build_index(articles(tmp_path), CONFIG, datetime(2024, 1, 1, tzinfo=JAKARTA)).site
    assert [(t.name, t.path, len(t.articles)) for t in site.tags] == [
        ("Sosialisasi", "topik/sosialisasi/", 1), ("tppo", "topik/tppo/", 3)]
    assert [(y.year, [(m.month, len(m.articles)) for m in y.months]) for y in site.years] == [
        (2023, [(3, 2), (1, 1)])]
    assert site.neighbours["baru"].older.slug == "lama"
    assert site.neighbours["baru"].newer.slug == "besok"
    assert site.neighbours["besok"].newer is None


def test_tags_spelled_differently_share_one_page(tmp_path: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    write(content, "a", "2023-01-01", tags="[TPPO]")
    write(content, "b", "2023-01-02", tags="[tppo]")
    write(content, "c", "2023-01-03", tags="[tppo]")
    site = build_index(load_content(content, CONFIG).articles, CONFIG, datetime(2024, 1, 1, tzinfo=JAKARTA)).site
    assert [(t.name, t.slug, len(t.articles)) for t in site.tags] == [("tppo", "tppo", 3)]
    assert site.tag_by_name["TPPO"] is site.tag_by_name["tppo"]


def test_pinning_a_file_that_failed_to_load_is_not_reported_twice(tmp_path: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    write(content, "a", "2023-01-01", "related: [rusak, hilang]\n")
    loaded = load_content(content, CONFIG).articles
    problems = find_cross_file_problems(loaded, unloaded_slugs=["rusak"])
    assert [p.message for p in problems] == ['no bulletin has the slug "hilang"']
