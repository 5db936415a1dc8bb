"""UI words and localized dates, one table per language."""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache

from babel.dates import format_date, format_datetime

UI_WORDS: dict[str, dict[str, str]] = {
    "id": {
        "read_also": "Baca juga",
        "reporter": "Pewarta",
        "editor": "Editor",
        "region": "Wilayah",
        "regions": "Wilayah",
        "tags": "Topik",
        "tag": "Topik",
        "reporters": "Pewarta",
        "archive": "Arsip",
        "overview": "Indeks",
        "latest": "Berita terbaru",
        "home": "Beranda",
        "previous_article": "Sebelumnya",
        "next_article": "Berikutnya",
        "previous_page": "Halaman sebelumnya",
        "next_page": "Halaman berikutnya",
        "page_n_of_m": "Halaman {n} dari {m}",
        "pagination": "Navigasi halaman",
        "article_navigation": "Berita sebelumnya dan berikutnya",
        "main_navigation": "Navigasi utama",
        "skip_to_content": "Langsung ke konten",
        "bulletins_in": "Berita di {name}",
        "bulletins_tagged": "Topik: {name}",
        "bulletins_by": "Berita oleh {name}",
        "bulletin_count": "{count} berita",
        "archive_month": "Arsip {name}",
        "archive_year": "Arsip {name}",
        "not_found_title": "Halaman tidak ditemukan",
        "not_found_text": "Maaf, halaman yang Anda cari tidak ada atau sudah dipindahkan.",
        "back_home": "Kembali ke beranda",
        "draft": "DRAF",
        "scheduled": "TERJADWAL",
        "all_rights": "Hak cipta",
        "no_bulletins": "Belum ada berita.",
        "source": "Sumber",
        "search": "Cari",
        "search_title": "Cari berita",
        "search_needs_script": "Pencarian memerlukan JavaScript. Tanpa itu, telusuri berita lewat indeks dan arsip.",
        "search_label": "Kata yang dicari",
        "search_filters": "Saring hasil",
        "search_more": "Tampilkan lebih banyak",
        "search_results": "{count} hasil untuk “{query}”",
        "search_listed": "{count} berita",
        "search_none": "Tidak ada berita dengan “{query}”. Coba kata lain, atau kurangi saringan.",
        "search_failed": "Pencarian tidak dapat dimuat. Telusuri berita lewat indeks dan arsip.",
        "share": "Bagikan",
        "share_email": "Surel",
        "copy_link": "Salin tautan",
        "link_copied": "Tautan disalin",
        "year": "Tahun",
        "breadcrumb": "Lokasi halaman",
        "feed": "Umpan berita",
        "feed_of": "Umpan berita {name}",
        "description_region": "Berita dan siaran pers terbaru dari {name}.",
        "description_tag": "Berita dan siaran pers tentang {name}.",
        "description_reporter": "Berita yang ditulis oleh {name}.",
        "description_archive": "Arsip berita {name}.",
        "description_overview": "Semua wilayah, topik dan pewarta beserta jumlah beritanya.",
        "campaign": "Kampanye",
        "campaigns": "Kampanye",
        "active_campaigns": "Kampanye berjalan",
        "upcoming_campaigns": "Kampanye mendatang",
        "past_campaigns": "Kampanye selesai",
        "need_help": "Butuh bantuan?",
        "period_range": "{start} – {end}",
        "period_since": "Sejak {start}",
        "campaign_bulletins": "Berita kampanye ini",
        "phone": "Telepon",
        "website": "Situs",
        "description_campaigns": "Kampanye layanan publik, pesannya dan berita-beritanya.",
        "build_summary": "{bulletins} buletin, {pages} halaman dalam {seconds} dtk; {changed} berubah → {output}",
    },
    "en": {
        "read_also": "Read also",
        "reporter": "Reporter",
        "editor": "Editor",
        "region": "Region",
        "regions": "Regions",
        "tags": "Topics",
        "tag": "Topic",
        "reporters": "Reporters",
        "archive": "Archive",
        "overview": "Index",
        "latest": "Latest news",
        "home": "Home",
        "previous_article": "Previous",
        "next_article": "Next",
        "previous_page": "Previous page",
        "next_page": "Next page",
        "page_n_of_m": "Page {n} of {m}",
        "pagination": "Pagination",
        "article_navigation": "Previous and next bulletin",
        "main_navigation": "Main navigation",
        "skip_to_content": "Skip to content",
        "bulletins_in": "News from {name}",
        "bulletins_tagged": "Topic: {name}",
        "bulletins_by": "News by {name}",
        "bulletin_count": "{count} bulletins",
        "archive_month": "Archive {name}",
        "archive_year": "Archive {name}",
        "not_found_title": "Page not found",
        "not_found_text": "Sorry, the page you are looking for does not exist or has moved.",
        "back_home": "Back to the front page",
        "draft": "DRAFT",
        "scheduled": "SCHEDULED",
        "all_rights": "Copyright",
        "no_bulletins": "No bulletins yet.",
        "source": "Source",
        "search": "Search",
        "search_title": "Search the news",
        "search_needs_script": "Search needs JavaScript. Without it, browse the news through the index and archive.",
        "search_label": "Words to search for",
        "search_filters": "Filter results",
        "search_more": "Show more",
        "search_results": "{count} results for “{query}”",
        "search_listed": "{count} bulletins",
        "search_none": "No bulletins with “{query}”. Try other words, or fewer filters.",
        "search_failed": "Search could not be loaded. Browse the news through the index and archive.",
        "share": "Share",
        "share_email": "E-mail",
        "copy_link": "Copy link",
        "link_copied": "Link copied",
        "year": "Year",
        "breadcrumb": "Breadcrumb",
        "feed": "News feed",
        "feed_of": "News feed of {name}",
        "description_region": "The latest news and press releases from {name}.",
        "description_tag": "News and press releases about {name}.",
        "description_reporter": "News written by {name}.",
        "description_archive": "News archive of {name}.",
        "description_overview": "Every region, topic and reporter with their number of bulletins.",
        "campaign": "Campaign",
        "campaigns": "Campaigns",
        "active_campaigns": "Current campaigns",
        "upcoming_campaigns": "Upcoming campaigns",
        "past_campaigns": "Past campaigns",
        "need_help": "Need help?",
        "period_range": "{start} – {end}",
        "period_since": "Since {start}",
        "campaign_bulletins": "News of this campaign",
        "phone": "Phone",
        "website": "Website",
        "description_campaigns": "Public-service campaigns, their message and their news.",
        "build_summary": "{bulletins} bulletins, {pages} pages in {seconds} s; {changed} changed → {output}",
    },
}

SUPPORTED_LANGUAGES = frozenset(UI_WORDS)


def ui_words(language: str) -> dict[str, str]:
    """The UI table for a language, falling back to Indonesian."""
    return UI_WORDS.get(language, UI_WORDS["id"])


def format_article_datetime(moment: datetime, language: str) -> str:
    """ "Rabu, 2 November 2022 14:05 WIB": weekday, date, time and zone abbreviation."""
    text = format_datetime(moment, "EEEE, d MMMM y HH:mm", locale=language)
    return f"{text} {zone_abbreviation(moment)}"


def format_list_date(day: date | datetime, language: str) -> str:
    """ "2 November 2022" for lists."""
    return _list_date(day.date() if isinstance(day, datetime) else day, language)


@lru_cache(maxsize=1 << 14)  # a list page shows twenty dates, and an archive has a few thousand days
def _list_date(day: date, language: str) -> str:
    return format_date(day, "d MMMM y", locale=language)


def format_month(year: int, month: int, language: str) -> str:
    """ "November 2022" for archives."""
    return format_date(date(year, month, 1), "LLLL y", locale=language)


def zone_abbreviation(moment: datetime) -> str:
    """The zone's own abbreviation (WIB, WITA, WIT), or its UTC offset when it has none."""
    name = moment.tzname() or ""
    if name and not name.startswith(("+", "-")):
        return name
    offset = moment.strftime("%z")
    return f"UTC{offset[:3]}:{offset[3:]}" if offset else "UTC"
