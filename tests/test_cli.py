"""The command line: help on every command, the default command, and the module entry point."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib

from conftest import PROJECT_ROOT, copy_site, run_build

from buletin.cli import COMMANDS, make_parser


def run(*arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *arguments], cwd=PROJECT_ROOT, capture_output=True, text=True,
                          timeout=60)


def test_help_on_the_program_and_every_command() -> None:
    main_help = run("build.py", "--help")
    assert main_help.returncode == 0
    assert "Build a static bulletin site" in main_help.stdout
    for command in COMMANDS:
        assert command in main_help.stdout
        result = run("build.py", command, "--help")
        assert result.returncode == 0, command
        assert "--help" in result.stdout
    build_help = run("build.py", "build", "--help").stdout
    for option in ("--content", "--output", "--config", "--base-url", "--drafts", "--future", "--quiet",
                   "--verbose"):
        assert option in build_help


def test_module_entry_point_and_console_script() -> None:
    result = run("-m", "buletin", "--help")
    assert result.returncode == 0
    assert "build" in result.stdout
    project = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text())
    assert project["project"]["scripts"]["buletin"] == "buletin.cli:run"


def test_unknown_option_is_a_usage_error() -> None:
    result = run("build.py", "--outptu", "x")
    assert result.returncode == 2
    assert "unrecognized arguments: --outptu" in result.stderr


def test_quiet_prints_nothing_and_verbose_prints_stages(tmp_path) -> None:
    site = copy_site("basic", tmp_path)
    quiet = run_build(site, "--quiet")
    assert quiet.exit_code == 0 and quiet.stdout == "" and quiet.stderr == ""
    verbose = run_build(site, "build", "--verbose", "--clean")
    assert verbose.exit_code == 0
    assert re.match(r"4 buletin, 27 halaman dalam \d+,\d dtk; \d+ berubah → output/\n", verbose.stdout)
    for stage in ("load", "index", "related", "render", "write", "search"):
        assert f"  {stage} " in verbose.stdout
    again = run_build(site, "--verbose")  # nothing changed: nothing to do
    assert "nothing changed since the last build: the output is up to date" in again.stdout
    assert re.match(r"4 buletin, 27 halaman dalam \d+,\d dtk; 0 berubah → output/\n", again.stdout)


def test_parser_knows_the_build_command() -> None:
    arguments = make_parser().parse_args(["build", "--drafts", "--base-url", "/buletin/"])
    assert arguments.drafts and arguments.base_url == "/buletin/"


def test_related_command_explains_the_list(tmp_path) -> None:
    import json
    site = copy_site("basic", tmp_path)
    text = run_build(site, "related", "dbd-jaksel")
    assert text.exit_code == 0, text.stderr
    lines = text.stdout.splitlines()
    assert lines[0] == "Baca juga for dbd-jaksel: Kasus demam berdarah di Jakarta Selatan turun berkat jumantik"
    assert "pinned with related:" in lines[4] and "dbd-jaktim" in lines[5]
    assert any("not listed: excluded with not_related:" in line for line in lines)
    data = json.loads(run_build(site, "related", "dbd-jaksel", "--json").stdout)
    assert data["slug"] == "dbd-jaksel" and data["count"] == 3
    first = data["candidates"][0]
    assert (first["slug"], first["status"], first["listed"]) == ("dbd-jaktim", "pinned", True)
    assert set(first["signals"]) == {"text", "acronyms", "tags", "names", "campaign", "neighbours", "region", "time"}
    assert abs(sum(first["signals"].values()) - first["score"]) < 0.001
    excluded = next(c for c in data["candidates"] if c["slug"] == "tppo-jaksel")
    assert (excluded["status"], excluded["listed"]) == ("excluded", False)


def test_related_command_with_an_unknown_slug(tmp_path) -> None:
    site = copy_site("basic", tmp_path)
    result = run_build(site, "related", "dbd-jaksl")
    assert result.exit_code == 1
    assert result.stderr == ("Error: 1 problem found; nothing was written.\n"
                             "dbd-jaksl: no published bulletin has this slug\n"
                             '    Did you mean "dbd-jaksel"?\n')


def test_new_creates_a_draft_that_builds_and_never_overwrites(tmp_path) -> None:
    site = copy_site("basic", tmp_path)
    result = run_build(site, "new", "Pemkot ajak warga: cegah TPPO!", "--region", "Jakarta Selatan",
                       "--tags", "tppo, perlindungan anak", "--reporter", "Rina Oktaviani", "--editor", "Sari")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "content/2025/pemkot-ajak-warga-cegah-tppo.md\n"  # the year of the build time
    created = site / "content" / "2025" / "pemkot-ajak-warga-cegah-tppo.md"
    import frontmatter
    post = frontmatter.load(created)
    assert post["title"] == "Pemkot ajak warga: cegah TPPO!"
    assert post["date"] == "2025-11-22 09:00"  # now, in the site's time zone (WIB)
    assert (post["reporter"], post["editor"], post["region"]) == ("Rina Oktaviani", "Sari", "Jakarta Selatan")
    assert post["tags"] == ["tppo", "perlindungan anak"]
    assert post["draft"] is True
    built = run_build(site, "--drafts", "--quiet")
    assert built.exit_code == 0, built.stderr
    assert (site / "output" / "berita" / "pemkot-ajak-warga-cegah-tppo" / "index.html").is_file()
    assert run_build(site, "--quiet").exit_code == 0
    assert not (site / "output" / "berita" / "pemkot-ajak-warga-cegah-tppo").exists()  # drafts stay out

    before = created.read_bytes()
    again = run_build(site, "new", "Pemkot ajak warga: cegah TPPO!", "--region", "Jakarta Selaten")
    assert again.exit_code == 1
    assert again.stderr == (
        "Error: 4 problems found; nothing was written.\n"
        "--editor: no editor given\n    Add --editor NAME, or set default_editor in site.toml.\n"
        "--region: unknown region \"Jakarta Selaten\"\n    Did you mean \"Jakarta Selatan\"?\n"
        "--reporter: no reporter given\n    Add --reporter NAME, or set default_reporter in site.toml.\n"
        "content/2025/pemkot-ajak-warga-cegah-tppo.md: this file already exists and is left as it is\n"
        "    Choose another title, or edit the existing file.\n")
    assert created.read_bytes() == before


def test_new_takes_reporter_and_editor_from_the_configuration(tmp_path) -> None:
    site = copy_site("basic", tmp_path)
    (site / "site.toml").write_text('default_reporter = "Tim Humas"\ndefault_editor = "Redaksi"\n'
                                    + (site / "site.toml").read_text(), encoding="utf-8")
    result = run_build(site, "new", "Jumantik cilik beraksi", "--region", "Jakarta Timur")
    assert result.exit_code == 0, result.stderr
    import frontmatter
    post = frontmatter.load(site / result.stdout.strip())
    assert (post["reporter"], post["editor"]) == ("Tim Humas", "Redaksi")
