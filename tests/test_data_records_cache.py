"""The cache of checked records files: a warm load equals a cold one, and a change re-checks."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from partnermap.data import loader, records_cache
from partnermap.data.loader import load_corpus

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache" / "partnermap" / "records"


@pytest.fixture
def checks(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the records files the loader parses and checks (cache misses)."""
    seen: list[str] = []
    check = loader.load_records_file

    def counted(path: Path, *args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(path.name)
        return check(path, *args, **kwargs)

    monkeypatch.setattr(loader, "load_records_file", counted)
    return seen


def _data(tmp_path: Path, name: str) -> Path:
    return Path(shutil.copytree(FIXTURES / name, tmp_path / name))


def _outcome(data_dir: Path) -> tuple[list[str], list[str], list[str]]:
    corpus = load_corpus(data_dir)
    return (
        [record.model_dump_json() for record in corpus.records],
        sorted(corpus.localities),
        [str(problem) for problem in corpus.problems],
    )


def test_a_warm_load_gives_what_a_cold_one_gave(
    tmp_path: Path, cache: Path, checks: list[str]
) -> None:
    data = _data(tmp_path, "broken")  # bad records: problems with their lines, read back too
    cold = _outcome(data)
    assert checks and list(cache.glob("*.pickle"))
    checks.clear()
    warm = _outcome(data)
    assert checks == []
    assert warm == cold
    assert cold[2], "the fixture has problems to compare"


def test_a_changed_file_alone_is_checked_again(
    tmp_path: Path, cache: Path, checks: list[str]
) -> None:
    data = _data(tmp_path, "broken")
    files = sorted(path.name for path in (data / "records").glob("*.yaml"))
    assert len(files) >= 2
    _outcome(data)
    changed = data / "records" / files[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    checks.clear()
    _outcome(data)
    assert checks == [files[0]]


def test_a_changed_localities_table_checks_every_file_again(
    tmp_path: Path, cache: Path, checks: list[str]
) -> None:
    data = _data(tmp_path, "dashboard")
    _outcome(data)
    table = data / "localities.yaml"
    table.write_text(table.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    checks.clear()
    _outcome(data)
    assert sorted(checks) == sorted(p.name for p in (data / "records").glob("*.yaml"))


def test_checks_across_files_run_on_every_load(tmp_path: Path, cache: Path) -> None:
    data = _data(tmp_path, "dashboard")
    first = sorted((data / "records").glob("*.yaml"))[0]
    _outcome(data)
    shutil.copy(first, data / "records" / "zz_copy.yaml")  # every id now held twice
    _, _, problems = _outcome(data)
    _, _, again = _outcome(data)
    assert any("duplicate record id" in p and "zz_copy.yaml" in p for p in problems)
    assert again == problems


def test_an_unreadable_entry_is_checked_again(
    tmp_path: Path, cache: Path, checks: list[str]
) -> None:
    data = _data(tmp_path, "dashboard")
    cold = _outcome(data)
    for entry in cache.glob("*.pickle"):
        entry.write_bytes(b"not a pickle")
    checks.clear()
    assert _outcome(data) == cold
    assert checks


def test_only_the_entries_used_last_are_kept(tmp_path: Path, cache: Path) -> None:
    data = _data(tmp_path, "broken")
    _outcome(data)
    entries = sorted(cache.glob("*.pickle"))
    records_cache._prune(cache, keep=1)
    assert len(list(cache.glob("*.pickle"))) == 1 < len(entries)


def test_an_unchanged_localities_table_is_read_back(
    tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = _data(tmp_path, "dashboard")
    loads: list[Path] = []
    load = loader.load_localities
    monkeypatch.setattr(loader, "load_localities", lambda path: loads.append(path) or load(path))
    cold = _outcome(data)
    assert _outcome(data) == cold
    assert loads == [data / "localities.yaml"]


def test_a_cold_load_keeps_only_what_a_warm_one_reads(tmp_path: Path, cache: Path) -> None:
    """The whole line map of a file is dropped once it is checked, not only in the cache."""
    data = _data(tmp_path, "broken")
    key = records_cache.inputs_key(data / "localities.yaml", data / "sources")

    def check(p: Path) -> loader.RecordsFile:
        return loader.load_records_file(
            p, loader.load_localities(data / "localities.yaml")[0], data / "sources"
        )

    path = max((data / "records").glob("*.yaml"), key=lambda p: len(check(p).document.lines))
    full = check(path)
    cold = records_cache.records_file(path, key, check)
    warm = records_cache.records_file(path, key, check)
    assert cold.document.lines == warm.document.lines
    assert len(cold.document.lines) < len(full.document.lines)
