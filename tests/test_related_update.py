"""An update of an earlier ranking gives what ranking from scratch gives: the lists, and every stage's rows.

The corpus is the benchmark's synthetic archive (bench/corpus.py), large
enough that common words' frequencies count in steps, rare terms cross the
finder's threshold and champion lists fill; each edit below is applied to the
result of the one before, so updates of updates are checked too.
"""

from __future__ import annotations

import copy
import sys
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import frontmatter
import numpy as np
import pytest
from scipy import sparse

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from corpus import bulletin_text

from buletin.config import Weights
from buletin.model import slugify
from buletin.related.choose import choose_one, choose_rows
from buletin.related.documents import Document
from buletin.related.ranking import RelatedIndex
from buletin.related.state import RankingState
from buletin.text.words import count_words

WEIGHTS = Weights()


def corpus(count: int) -> list[Document]:
    documents = []
    for number in range(count):
        path, text = bulletin_text(number)
        post = frontmatter.loads(text)
        document = Document(
            name=Path(path).stem,
            date=datetime.strptime(str(post["date"]), "%Y-%m-%d %H:%M").replace(tzinfo=ZoneInfo("Asia/Jakarta")),
            title=str(post["title"]), summary=str(post.get("summary", "")), body=post.content,
            keywords=tuple(slugify(str(tag)) for tag in post.get("tags", [])), region=str(post["region"]))
        documents.append(counted(document))
    return documents


def counted(document: Document) -> Document:
    return replace(document, words=count_words(document.title, document.summary, document.body, WEIGHTS.title_weight))


def edited(documents: list[Document], row: int, **changes: object) -> list[Document]:
    result = list(documents)
    result[row] = counted(replace(documents[row], **changes))
    return result


def rank(documents: list[Document], previous: RankingState | None = None) -> RelatedIndex:
    return RelatedIndex(documents, WEIGHTS, threads=2, chunk_rows=64, previous=previous)


def assert_same_ranking(fresh: RelatedIndex, updated: RelatedIndex) -> None:
    assert updated.all_related() == fresh.all_related()
    clean, kept = fresh.state, updated.state
    for kind, state in clean.kinds.items():
        assert kept.kinds[kind].vocabulary == state.vocabulary, kind
        assert (kept.kinds[kind].frequency == state.frequency).all(), kind
    for name in ("signals", "kept_frequency"):
        for signal, value in getattr(clean, name).items():
            other = getattr(kept, name)[signal]
            assert other.shape == value.shape and (other != value).sum() == 0, (name, signal)
    for name in ("finder", "champions", "candidates", "direct"):
        matrix, other = getattr(clean, name), getattr(kept, name)
        assert other.shape == matrix.shape and (other != matrix).nnz == 0, name
        assert (other.indices == matrix.indices).all() and (other.indptr == matrix.indptr).all(), name


@pytest.fixture(scope="module")
def ranked_archive() -> tuple[list[Document], RankingState]:
    documents = corpus(400)
    return documents, rank(documents).state


@pytest.fixture
def archive(ranked_archive) -> tuple[list[Document], RankingState]:
    """The archive and its ranking, a copy for each test: an update takes the state it starts from apart."""
    documents, state = ranked_archive
    return documents, copy.deepcopy(state)


EDITS = {
    "a sentence with a new word": lambda ds: edited(ds, 7, body=ds[7].body + "\nParagraf tambahan untuk uji."),
    "a sentence of common words": lambda ds: edited(
        ds, 9, body=ds[9].body + "\nwarga diminta menjaga kebersihan lingkungan rumah dan selokan setiap pekan."),
    "the title": lambda ds: edited(ds, 11, title="Judul yang diubah untuk uji"),
    "the tags": lambda ds: edited(ds, 13, keywords=(*ds[13].keywords[:1], "tag-baru")),
    "the region": lambda ds: edited(ds, 15, region="Wilayah Lain"),
    "pins and exclusions": lambda ds: edited(ds, 17, pinned=(ds[3].name,), excluded=(ds[4].name,)),
    "a campaign": lambda ds: edited(ds, 19, campaign="kampanye-uji"),
    "everything emptied": lambda ds: edited(ds, 21, body="", title="X", summary=""),
    "a new name": lambda ds: edited(ds, 23, body=ds[23].body + "\nMenurut Zulkarnaen Wibisono, warga setuju."),
    "two bulletins": lambda ds: edited(edited(ds, 2, body=ds[2].body + " banjir rob"), 30,
                                       title=ds[30].title + " Lagi"),
}


# Edits that reach so many rows on 400 bulletins that ranking from scratch is the faster way.
WIDE = {"everything emptied"}


def test_every_edit_updates_to_what_a_clean_ranking_gives(archive) -> None:
    documents, state = archive
    for label, edit in EDITS.items():
        changed = edit(documents)
        updated = rank(changed, previous=state)
        assert (updated.updated_rows is None) == (label in WIDE), label
        assert_same_ranking(rank(changed), updated)
        documents, state = changed, updated.state


def test_a_name_written_in_lowercase_changes_it_everywhere(archive) -> None:
    """A word written with a capital inside sentences is a name until some bulletin writes it in lowercase: then
    it is an ordinary word in every bulletin that has it, and the update finds them all."""
    documents, state = archive
    name = sorted(state.name_words)[len(state.name_words) // 2]
    written = [row for row, document in enumerate(documents) if name in document.words.capitalised.lower().split()]
    assert len(written) >= 2
    changed = edited(documents, written[0], body=documents[written[0]].body + f"\nada {name} di sini.")
    updated = rank(changed, previous=state)
    assert name not in updated.state.name_words
    assert_same_ranking(rank(changed), updated)


def test_nothing_changed_keeps_the_ranking(archive) -> None:
    documents, state = archive
    again = rank(list(documents), previous=state)
    assert again.unchanged and again.updated_rows == 0
    assert again.all_related() == dict(zip(state.names, state.lists, strict=True))


def test_other_documents_or_settings_rank_from_scratch(archive) -> None:
    documents, state = archive
    for changed in (documents[1:], [*documents, replace(documents[0], name="salinan")], documents[::-1]):
        ranking = rank(changed, previous=copy.deepcopy(state))
        assert ranking.updated_rows is None
        assert ranking.all_related() == rank(changed).all_related()
    other = RelatedIndex(documents, replace(WEIGHTS, count=3), previous=state)
    assert other.updated_rows is None


def test_the_vectorised_choice_of_lists_equals_its_plain_twin(ranked_archive) -> None:
    """choose_rows, which chooses a chunk of rows' lists at once, against choose_one, a row at a time: the same
    lists for every row, those that pin or exclude others among them."""
    documents, _state = ranked_archive
    documents = edited(edited(documents, 5, pinned=(documents[40].name,)), 6, excluded=(documents[41].name,))
    stages = rank(documents).stages
    rows = np.arange(len(documents), dtype=np.int64)
    direct, neighbours = stages.topical_rows(rows)
    combined = sparse.csr_matrix(direct + neighbours)
    vectorised = choose_rows(stages.corpus, rows, combined)
    plain = [choose_one(stages.corpus, row, combined.indices[combined.indptr[row]:combined.indptr[row + 1]]
                        .astype(np.int64), combined.data[combined.indptr[row]:combined.indptr[row + 1]])
             for row in rows.tolist()]
    assert vectorised == plain
    assert sum(len(names) for names in plain) > 3 * len(documents) and plain[5][0] == documents[40].name
