"""`build.py check`: every build validation without output, and the editorial rules one by one."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import copy_site, run_build

ERROR_LINK = ("error [broken-bulletin-link] content/2024/tautan-rusak.md, field 'body': links to the bulletin "
              "\"laporan-yang-tidak-ada\", which does not exist\n")


def findings(result) -> dict[str, list[dict]]:
    data = json.loads(result.stdout)
    return {kind: [(f["rule"], f["file"], f["line"], f["field"]) for f in data[kind]]
            for kind in ("errors", "warnings")}


def test_each_rule_is_reported(tmp_path: Path) -> None:
    site = copy_site("lint", tmp_path)
    result = run_build(site, "check")
    assert result.exit_code == 1  # one error
    assert ERROR_LINK in result.stdout
    lines = result.stdout
    assert ("warning [no-tags] content/2024/tanpa-topik.md, field 'tags': the bulletin has no tags\n" in lines)
    assert ("warning [long-summary] content/2024/ringkasan-panjang.md, line 8, field 'summary': the summary has "
            "358 characters (more than 300)\n" in lines)
    assert "warning [empty-body] content/2024/isi-kosong.md, field 'body': the body is empty\n" in lines
    assert ("warning [name-variants] content/2024/tanpa-topik.md, line 4, field 'reporter': \"Luthfia M. Putri\" "
            "looks like \"Luthfia Miranda Putri\" spelled another way (in content/2024/tanpa-topik.md)\n" in lines)
    assert "warning [unused-image] content/images/yatim.png: no bulletin or campaign uses this image\n" in lines
    assert "content/images/dipakai.png" not in lines
    assert lines.endswith("1 errors, 8 warnings.\n")
    assert not (site / "output").exists()  # nothing is written


def test_json_format_and_exit_codes(tmp_path: Path) -> None:
    site = copy_site("lint", tmp_path)
    result = run_build(site, "check", "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["ok"] is False
    assert findings(result)["errors"] == [("broken-bulletin-link", "content/2024/tautan-rusak.md", None, "body")]
    rules = sorted({rule for rule, *_ in findings(result)["warnings"]})
    assert rules == ["build", "empty-body", "long-summary", "name-variants", "no-tags", "unused-image"]
    # fixed: warnings alone pass, unless --strict
    (site / "content" / "2024" / "tautan-rusak.md").unlink()
    relaxed = run_build(site, "check", "--format", "json")
    assert relaxed.exit_code == 0 and json.loads(relaxed.stdout)["ok"] is True
    strict = run_build(site, "check", "--strict")
    assert strict.exit_code == 1
    assert strict.stdout.endswith("0 errors, 7 warnings (warnings fail with --strict).\n")


def test_build_errors_are_check_errors(tmp_path: Path) -> None:
    site = copy_site("lint", tmp_path)
    source = site / "content" / "2024" / "lengkap.md"
    source.write_text(source.read_text().replace("../images/dipakai.png", "../images/hilang.png")
                      .replace("region: Jakarta Selatan", "region: Jakarta Selaten"))
    result = run_build(site, "check")
    assert result.exit_code == 1
    assert ("error [build] content/2024/lengkap.md, line 6, field 'region': unknown region \"Jakarta Selaten\"\n"
            in result.stdout)
    assert ("error [build] content/2024/lengkap.md, line 8, field 'image': image file \"../images/hilang.png\" "
            "not found\n" in result.stdout)
    assert "warning [unused-image] content/images/dipakai.png" in result.stdout  # now referenced nowhere


def test_the_sample_site_is_clean(tmp_path: Path) -> None:
    import shutil

    from conftest import PROJECT_ROOT
    site = tmp_path / "sample"
    shutil.copytree(PROJECT_ROOT / "content", site / "content")
    shutil.copy(PROJECT_ROOT / "site.toml", site / "site.toml")
    result = run_build(site, "check", "--strict")
    assert result.exit_code == 0, result.stdout
    assert result.stdout == "0 errors, 0 warnings.\n"
