"""The cache of corpus indexes: a warm start reads back what a cold one built, never a stale one."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from partnermap.data import records_cache, view
from partnermap.data.loader import load_corpus
from partnermap.data.view import REGION_COLUMNS, CorpusIndex, build_index, cached_index
from partnermap.ingest.drafts import corpus_with_drafts

FIXTURES = Path(__file__).resolve().parent / "fixtures"
REGIONS = pd.DataFrame(
    [("US-CA", "California", "加利福尼亚州", "US"), ("cn:320000", "Jiangsu", "江苏省", "CN")],
    columns=REGION_COLUMNS,
)


@pytest.fixture
def derived(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache" / "partnermap" / "derived"


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many records each index built (not read back from the cache) held."""
    seen: list[int] = []

    def counted(corpus, regions):  # type: ignore[no-untyped-def]
        seen.append(len(corpus.records))
        return build_index(corpus, regions)

    monkeypatch.setattr(view, "build_index", counted)
    return seen


def _data(tmp_path: Path, name: str = "dashboard") -> Path:
    return Path(shutil.copytree(FIXTURES / name, tmp_path / name))


def _assert_same(one: CorpusIndex, other: CorpusIndex) -> None:
    for field in dataclasses.fields(CorpusIndex):
        a, b = getattr(one, field.name), getattr(other, field.name)
        if isinstance(a, pd.DataFrame):
            pd.testing.assert_frame_equal(a, b)
        elif isinstance(a, np.ndarray):
            np.testing.assert_array_equal(a, b)
        elif field.name == "groupings":
            assert a.keys() == b.keys()
            for level in a:
                for part in dataclasses.fields(a[level]):
                    np.testing.assert_array_equal(
                        getattr(a[level], part.name), getattr(b[level], part.name)
                    )
        elif field.name == "node_of":
            assert a.keys() == b.keys() and all(np.array_equal(a[k], b[k]) for k in a)
        else:
            assert a == b, field.name


def test_a_warm_start_reads_back_the_index_a_cold_one_built(
    tmp_path: Path, derived: Path, builds: list[int]
) -> None:
    data = _data(tmp_path)
    cold = cached_index(load_corpus(data), REGIONS)
    assert builds and list(derived.glob("index-*.pickle"))
    builds.clear()
    corpus = load_corpus(data)
    warm = cached_index(corpus, REGIONS)
    assert builds == []
    assert warm.records is corpus.records  # the records are the corpus's, not a second copy
    _assert_same(warm, cold)
    _assert_same(warm, build_index(corpus, REGIONS))


def test_a_changed_records_file_indexes_again(
    tmp_path: Path, derived: Path, builds: list[int]
) -> None:
    data = _data(tmp_path)
    cached_index(load_corpus(data), REGIONS)
    changed = sorted((data / "records").glob("*.yaml"))[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    builds.clear()
    cached_index(load_corpus(data), REGIONS)
    assert len(builds) == 1


def test_other_regions_or_code_index_again(
    tmp_path: Path, derived: Path, builds: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = load_corpus(_data(tmp_path))
    cached_index(corpus, REGIONS)
    cached_index(corpus, REGIONS.iloc[:1])
    code = tmp_path / "code"
    code.mkdir()
    (code / "arcs.py").write_text("POINTS = 24\n", encoding="utf-8")
    monkeypatch.setattr(view, "INDEX_CODE", (code,))
    cached_index(corpus, REGIONS)
    (code / "arcs.py").write_text("POINTS = 12\n", encoding="utf-8")
    cached_index(corpus, REGIONS)
    assert len(builds) == 4


def test_a_corpus_with_drafts_is_never_cached(
    tmp_path: Path, derived: Path, builds: list[int]
) -> None:
    corpus, _ = corpus_with_drafts(load_corpus(_data(tmp_path)))
    assert corpus.digest == ""
    cached_index(corpus, REGIONS)
    cached_index(corpus, REGIONS)
    assert len(builds) == 2
    assert not derived.exists()


def test_an_unreadable_entry_indexes_again(
    tmp_path: Path, derived: Path, builds: list[int]
) -> None:
    corpus = load_corpus(_data(tmp_path))
    cold = cached_index(corpus, REGIONS)
    for entry in derived.glob("*.pickle"):
        entry.write_bytes(b"not a pickle")
    _assert_same(cached_index(corpus, REGIONS), cold)
    assert len(builds) == 2


def test_only_a_few_indexes_are_kept(
    tmp_path: Path, derived: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(records_cache, "KEEP_DERIVED", 2)
    corpus = load_corpus(_data(tmp_path))
    for rows in range(1, 4):
        cached_index(corpus, REGIONS.iloc[:rows])
    assert len(list(derived.glob("index-*.pickle"))) == 2
