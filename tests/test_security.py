"""Careless or hostile input: no script gets into the site, no path leads out, nothing crashes."""

from __future__ import annotations

import json
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import feedparser
import pytest
from bs4 import BeautifulSoup
from conftest import PROJECT_ROOT, copy_site, read_html, run_build, snapshot

OUR_SCRIPTS = {"/share.js", "/search.js"}
PAYLOAD = '"><script>alert(1)</script><img src=x onerror=alert(2)>'
HOSTILE_BODY = """
Paragraf biasa dengan <b>tebal</b> dan tabel:

<table><tr><td onclick="alert(3)">sel</td></tr></table>

<script>alert("script")</script>
<style>body { display: none }</style>
<img src="x" onerror="alert('img')">
<a href="javascript:alert('a')">tautan</a> <a href=" JaVaScRiPt:alert('b')">tautan dua</a>
<a href="&#106;avascript:alert('c')">tautan tiga</a>
<form action="https://jahat.example/"><input name="sandi"><button>Kirim</button></form>
<iframe src="https://jahat.example/"></iframe>
<iframe src="https://www.youtube-nocookie.com/embed/abc" title="Video sosialisasi"></iframe>
<object data="x.swf"></object><embed src="x.swf"><base href="https://jahat.example/">
<svg onload="alert('svg')"><circle r="1"/></svg>
<math><mtext><table><mglyph><style><img src=x onerror=alert('mxss')></style></mglyph></table></mtext></math>
<div style="background:url(javascript:alert(1))" onmouseover="alert('div')">div</div>
[markdown](javascript:alert('md')) dan ![gambar](javascript:alert('mdimg'))

<figure><img src="https://example.org/foto.jpg" alt="foto luar"><figcaption>Keterangan</figcaption></figure>
"""


def write_hostile_site(site: Path) -> None:
    (site / "site.toml").write_text(
        'title = "Uji </title><script>alert(\\"judul\\")</script>"\nbase_url = "https://uji.example.org/"\n'
        'embed_hosts = ["www.youtube-nocookie.com"]\n', encoding="utf-8")
    (site / "content" / "2024").mkdir(parents=True, exist_ok=True)
    (site / "content" / "campaigns").mkdir(exist_ok=True)
    fields = {
        "title": PAYLOAD, "reporter": PAYLOAD, "editor": "javascript:alert(1)", "region": "</script><b>x",
        "summary": "</title></head><script>alert('ringkasan')</script>", "source": PAYLOAD, "dateline": PAYLOAD,
    }
    front = "\n".join(f"{key}: {json.dumps(value)}" for key, value in fields.items())
    (site / "content" / "2024" / "jahat.md").write_text(
        f"---\n{front}\ndate: 2024-05-01 10:00\ntags: [{json.dumps(PAYLOAD)}, \"<svg onload=alert(1)>\"]\n"
        f"campaign: jahat\nextra: {{x: {json.dumps(PAYLOAD)}}}\n---\n{HOSTILE_BODY}", encoding="utf-8")
    (site / "content" / "2024" / "biasa.md").write_text(
        "---\ntitle: Berita biasa\ndate: 2024-05-02\nreporter: Rina\neditor: Sari\nregion: Jakarta\n"
        "tags: [tppo]\n---\nIsi biasa tentang perdagangan orang.\n", encoding="utf-8")
    (site / "content" / "campaigns" / "jahat.md").write_text(
        f"---\ntitle: {json.dumps(PAYLOAD)}\ntheme: {json.dumps(PAYLOAD)}\nstart: 2024-01-01\n"
        f"contacts:\n  - label: {json.dumps(PAYLOAD)}\n    phone: {json.dumps(PAYLOAD)}\n---\n{HOSTILE_BODY}",
        encoding="utf-8")


def dangerous(value: str) -> bool:
    cleaned = re.sub(r"[\x00-\x20]", "", value).lower()
    return cleaned.startswith(("javascript:", "vbscript:", "data:text"))


def assert_no_executable_injection(output: Path) -> None:
    pages = list(output.rglob("*.html"))
    assert pages
    for path in pages:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for script in soup.find_all("script"):
            if script.get("type") in ("application/ld+json", "application/json"):
                json.loads(script.string)  # the block was not cut short by a "</script>" in the data
            else:
                assert script.get("src") in OUR_SCRIPTS, (path, str(script)[:200])
        for tag in soup.find_all(True):
            for attribute, value in tag.attrs.items():
                assert not attribute.lower().startswith("on"), (path, tag.name, attribute)
                if attribute in ("href", "src", "action", "formaction", "data", "srcset"):
                    assert not dangerous(str(value)), (path, tag.name, value)
            forbidden = ("form", "object", "embed", "base", "input", "svg", "math", "style")
            ours = path.parent.name == "cari" and tag.get("id") in ("search-form", "search-input")  # the search box
            assert tag.name not in forbidden or ours, (path, tag.name)
            if tag.name == "iframe":
                assert tag["src"].startswith("https://www.youtube-nocookie.com/"), path
            if tag.name == "meta":
                assert tag.get("http-equiv") is None, path
        scripts = [str(script) for script in soup.find_all("script")
                   if script.get("type") not in ("application/ld+json", "application/json")]
        assert "alert(" not in " ".join(scripts)


def test_hostile_fields_and_bodies_inject_nothing(tmp_path: Path) -> None:
    site = tmp_path / "jahat"
    (site / "content").mkdir(parents=True)
    write_hostile_site(site)
    result = run_build(site)
    assert result.exit_code == 0, result.stderr
    output = site / "output"
    assert_no_executable_injection(output)
    article = next((output / "berita").glob("script*/index.html"), None) or next(
        path for path in (output / "berita").glob("*/index.html") if "biasa" not in str(path))
    page = read_html(article)
    assert page.h1.get_text() == PAYLOAD  # shown as text, exactly as written
    assert page.select_one(".article-body table td").get_text() == "sel"  # harmless markup stays
    assert page.select_one(".article-body figure figcaption").get_text() == "Keterangan"
    assert page.select(".article-body iframe")[0]["title"] == "Video sosialisasi"  # the allowed embed
    for feed in ("atom.xml", "rss.xml"):
        parsed = feedparser.parse((output / feed).read_bytes())
        assert parsed.bozo == 0
        assert PAYLOAD in [entry.title for entry in parsed.entries]
    campaign = read_html(next((output / "kampanye").glob("*/index.html")))
    assert campaign.h1.get_text() == PAYLOAD
    # The search index holds the payload as data; the script that shows it builds text nodes, never HTML.
    index = output / "cari" / "indeks"
    meta = json.loads((index / "meta.json").read_text(encoding="utf-8"))
    titles = [entry[1] for name in meta["pages"] for entry in json.loads((index / name).read_text(encoding="utf-8"))]
    assert PAYLOAD in titles
    script = (PROJECT_ROOT / "static" / "search.js").read_text(encoding="utf-8")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        assert sink not in script, sink


def test_paths_that_lead_out_are_errors_naming_the_bulletin(tmp_path: Path) -> None:
    site = copy_site("basic", tmp_path)
    (site / "content" / "images" / "tautan.png").symlink_to("/etc/hosts")
    source = site / "content" / "2023" / "dbd-jaktim.md"
    text = source.read_text()
    cases = [("image: ../../../../../../etc/passwd\nimage_alt: x\n", '"../../../../../../etc/passwd" points outside'),
             ("image: ../images/tautan.png\nimage_alt: x\n", '"../images/tautan.png" points outside'),
             ("slug: ../../jahat\n", '"../../jahat" is not a safe URL segment')]
    for extra, message in cases:
        source.write_text(text.replace("tags: [dbd, jumantik, sosialisasi]\n",
                                       "tags: [dbd, jumantik, sosialisasi]\n" + extra), encoding="utf-8")
        result = run_build(site)
        assert result.exit_code == 1, extra
        assert "content/2023/dbd-jaktim.md, line 8" in result.stderr and message in result.stderr, result.stderr
    source.write_text(text + "\n![rahasia](../../../../../../etc/passwd)\n", encoding="utf-8")
    result = run_build(site)
    assert result.exit_code == 1
    assert 'linked file "../../../../../../etc/passwd" points outside the content folder' in result.stderr


@pytest.mark.parametrize(("name", "data"), [
    ("huge front-matter", b"---\ntitle: Besar\ntags: [" + b", ".join(b"t%d" % i for i in range(50_000)) + b"]\n"
     b"date: 2024-01-01\nreporter: A\neditor: B\nregion: Jakarta\n---\nIsi.\n"),
    ("deep nesting", b"---\ntitle: " + b"[" * 5000 + b"]" * 5000 + b"\n---\nIsi.\n"),
    ("deep mapping", b"---\ntitle: x\nextra: " + b"{a: " * 3000 + b"1" + b"}" * 3000 + b"\n---\nIsi.\n"),
    ("invalid UTF-8", b"---\ntitle: \xff\xfe\n---\nIsi.\n"),
    ("python object tag", b"---\ntitle: !!python/object/apply:os.system ['touch /tmp/buletin-pwned']\n---\n"),
    ("anchors bomb", b"---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
     b"c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
     b"title: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n---\n"),
    ("billion laughs", b"---\n" + b"".join(b"l%d: &l%d [" % (i, i) + b", ".join([b"*l%d" % (i - 1)] * 9) + b"]\n"
                                         for i in range(1, 12)).replace(b"*l0", b"x") + b"title: *l11\n---\n"),
    ("nulls and numbers", b"---\ntitle: null\ndate: 12345\nreporter: [1, null]\neditor: {}\nregion: 7\n---\n"),
    ("binary junk", bytes(range(256)) * 40),
])
def test_nonsense_files_give_a_message_not_a_crash(tmp_path: Path, name: str, data: bytes) -> None:
    site = copy_site("basic", tmp_path)
    (site / "content" / "2023" / "aneh.md").write_bytes(data)
    result = run_build(site)
    assert "Traceback" not in result.stderr, name
    assert result.exit_code in (0, 1), name
    if result.exit_code == 1:
        assert result.stderr.startswith("Error: "), (name, result.stderr[:300])
        assert "content/2023/aneh.md" in result.stderr, name
    assert not Path("/tmp/buletin-pwned").exists()


def test_a_ten_megabyte_body_builds(tmp_path: Path) -> None:
    site = copy_site("basic", tmp_path)
    paragraph = "Perdagangan orang dicegah bersama warga dan petugas di tingkat kelurahan. " * 20 + "\n\n"
    body = paragraph * (10_000_000 // len(paragraph))
    (site / "content" / "2023" / "panjang.md").write_text(
        "---\ntitle: Sangat panjang\ndate: 2023-10-03\nreporter: Rina Oktaviani\neditor: Sari\n"
        "region: Jakarta Timur\ntags: [tppo]\n---\n" + body, encoding="utf-8")
    result = run_build(site)
    assert result.exit_code == 0, result.stderr
    assert (site / "output" / "berita" / "panjang" / "index.html").stat().st_size > 10_000_000


def test_output_folders_that_would_destroy_files_are_refused(tmp_path: Path) -> None:
    site = copy_site("basic", tmp_path)
    for target in ("/", str(Path.home()), str(site), str(site / "content")):
        result = run_build(site, "--output", target)
        assert result.exit_code == 1, target
        assert result.stderr.startswith("Error: "), target


def test_unexpected_errors_are_messages_unless_debugging(tmp_path: Path) -> None:
    site = copy_site("basic", tmp_path)
    (site / "templates").mkdir()
    (site / "templates" / "article.html").write_text("{% extends 'base.html' %}{% block main %}"
                                                      "{{ article.title | int(default=1) // 0 }}{% endblock %}")
    result = run_build(site)
    assert result.exit_code == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("Error: something unexpected went wrong (ZeroDivisionError")
    assert "--debug" in result.stderr
    debug = run_build(site, "--debug")
    assert debug.exit_code == 1 and "Traceback" in debug.stderr


@pytest.mark.parametrize("signal_number", [signal.SIGTERM, signal.SIGINT])
def test_an_interrupted_build_leaves_the_previous_output_complete(tmp_path: Path, signal_number: int) -> None:
    site = copy_site("basic", tmp_path)
    for number in range(300):
        (site / "content" / "2023" / f"tambahan-{number}.md").write_text(
            f"---\ntitle: Berita tambahan {number} tentang jumantik\ndate: 2023-06-{1 + number % 28:02d}\n"
            f"reporter: Dimas Prasetyo\neditor: Sari\nregion: Jakarta Timur\ntags: [dbd, t{number % 40}]\n---\n"
            f"Jumantik memeriksa jentik di rumah nomor {number}. Demam berdarah dicegah bersama.\n",
            encoding="utf-8")
    assert run_build(site).exit_code == 0

    def edit_all(old: str, new: str) -> None:
        for number in range(300):
            path = site / "content" / "2023" / f"tambahan-{number}.md"
            path.write_text(path.read_text().replace(old, new), encoding="utf-8")

    def start_build() -> subprocess.Popen:
        # As from a terminal: a test run started in the background (`cmd &` in a script) passes on an
        # ignored SIGINT, and Python then keeps ignoring it.
        return subprocess.Popen([sys.executable, str(PROJECT_ROOT / "build.py"), "--clean"], cwd=site,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))

    def assembling() -> bool:
        return any(path.name.startswith(".output.building-") for path in site.iterdir())

    # Interrupt while the new site is being assembled beside the old one: the generator itself must stop,
    # put nothing in place and say so. The signal counts only if the build was still assembling after it
    # was sent; on a busy machine the build may finish first, and then it is tried again.
    phrases = ["rumah nomor", "rumah warga nomor"]
    for attempt in range(6):
        before = snapshot(site / "output")
        edit_all(phrases[attempt % 2], phrases[(attempt + 1) % 2])
        process = start_build()
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and process.poll() is None and not assembling():
            time.sleep(0.005)
        process.send_signal(signal_number)
        caught = assembling()
        _out, error = process.communicate(timeout=120)
        if caught:
            break
        assert process.returncode == 0, error  # finished before the signal: the new site, complete
        after = snapshot(site / "output")
        assert all(phrases[(attempt + 1) % 2] in after[f"berita/tambahan-{n}/index.html"].decode() for n in range(300))
    assert caught, "the build never stayed long enough to be interrupted"
    assert process.returncode == 130, error
    assert "Traceback" not in error
    assert "Interrupted; the output folder was left as it was." in error
    assert snapshot(site / "output") == before
    assert [path.name for path in site.iterdir() if path.name.startswith(".output")] == []

    # Interrupt as early as possible: before writing, or (if the machine is fast) after the swap.
    before = snapshot(site / "output")
    edit_all(phrases[(attempt + 1) % 2], phrases[attempt % 2])
    process = start_build()
    time.sleep(1.0)
    process.send_signal(signal_number)
    _out, error = process.communicate(timeout=120)
    after = snapshot(site / "output")
    if process.returncode == 0:  # the signal came after the swap: the new site, complete
        assert all(phrases[attempt % 2] in after[f"berita/tambahan-{n}/index.html"].decode() for n in range(300))
    else:
        assert after == before
        assert "Traceback" not in error
    assert [path.name for path in site.iterdir() if path.name.startswith(".output")] == []
