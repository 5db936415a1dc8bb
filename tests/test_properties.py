"""Property test: whatever a writer types into front-matter or body, the loader answers with a bulletin
or with clear problems naming the file and the field, never with an uncaught exception."""

from __future__ import annotations

import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from buletin.config import SiteConfig
from buletin.load.content import load_content
from buletin.load.fields import BULLETIN_FIELDS

CONFIG = SiteConfig(regions=("Jakarta Selatan", "Jakarta Barat"))
FIELDS = [*BULLETIN_FIELDS.names, "judul", "tanggal", "pewarta", "wilayah", "topik", "kampanye", "ngawur"]

scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
                    st.text(max_size=40), st.sampled_from(["2024-01-31", "2024-02-30", "kemarin", "Jakarta Selatan",
                                                           "2024-01-31 25:00", "../../etc/passwd", "-"]))
values = st.recursive(scalars, lambda children: st.one_of(st.lists(children, max_size=4),
                                                          st.dictionaries(st.text(max_size=8), children, max_size=4)),
                      max_leaves=12)
front_matters = st.dictionaries(st.sampled_from(FIELDS), values, max_size=len(FIELDS))
bodies = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300) | st.sampled_from(
    ["# Judul\n\n| a | b |\n|---|---|\n| 1 | 2 |\n", "<script>x</script>[^1]\n\n[^1]: catatan",
     "![gambar](tidak-ada.jpg)", "[tautan](lain.md)", "<!-- baca-juga -->", "***\n- - -\n1. a\n   * b"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(front_matter=front_matters, body=bodies)
def test_loader_returns_a_bulletin_or_named_problems(front_matter: dict, body: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        content = Path(folder) / "content"
        content.mkdir()
        text = "---\n" + yaml.safe_dump(front_matter, allow_unicode=True) + "---\n" + body
        (content / "acak.md").write_text(text, encoding="utf-8")
        result = load_content(content, CONFIG, display_root=Path(folder))
        if result.articles:
            assert not result.problems
            article = result.articles[0]
            assert article.title and article.reporters and article.editors and article.region
            assert article.date.tzinfo is not None
        else:
            assert result.problems
            for problem in result.problems:
                assert problem.file == "content/acak.md"
                assert problem.message
                assert problem.field is not None or problem.line is not None


@settings(max_examples=100, deadline=None)
@given(raw=st.binary(max_size=400))
def test_loader_survives_any_bytes(raw: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        content = Path(folder) / "content"
        content.mkdir()
        (content / "acak.md").write_bytes(raw)
        result = load_content(content, CONFIG, display_root=Path(folder))
        assert result.articles or all(problem.file == "content/acak.md" for problem in result.problems)
        assert result.articles or result.problems
