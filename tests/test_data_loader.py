"""The forgiving loader: bad records are reported and skipped, good ones are all kept."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from partnermap.data.loader import load_corpus, normalise_whitespace
from partnermap.data.yamlfile import read_lined_yaml

BROKEN = Path(__file__).parent / "fixtures" / "broken"


@pytest.fixture
def mixed_dir(tmp_path: Path) -> Path:
    """A data dir holding the valid fixture plus several broken files."""
    shutil.copy(BROKEN / "localities.yaml", tmp_path / "localities.yaml")
    shutil.copytree(BROKEN / "sources", tmp_path / "sources")
    (tmp_path / "records").mkdir()
    for name in ("valid", "unknown_type", "bad_syntax", "binary", "quote_not_in_source"):
        shutil.copy(BROKEN / "records" / f"{name}.yaml", tmp_path / "records" / f"{name}.yaml")
    return tmp_path


def test_good_record_is_served_and_each_bad_file_reported(mixed_dir: Path) -> None:
    corpus = load_corpus(mixed_dir)
    assert [r.id for r in corpus.records] == ["zhenjiang-california-plan"]
    reported = {Path(p.file).name for p in corpus.problems}
    assert reported == {
        "unknown_type.yaml",
        "bad_syntax.yaml",
        "binary.yaml",
        "quote_not_in_source.yaml",
    }


def test_same_id_in_two_files_keeps_the_first(mixed_dir: Path) -> None:
    shutil.copy(BROKEN / "records" / "valid.yaml", mixed_dir / "records" / "zz_again.yaml")
    corpus = load_corpus(mixed_dir)
    assert len(corpus.records) == 1
    assert any("duplicate record id" in p.message and "zz_again" in p.file for p in corpus.problems)


def test_missing_localities_table_is_reported(tmp_path: Path) -> None:
    corpus = load_corpus(tmp_path)
    assert corpus.records == ()
    assert [p.message for p in corpus.problems] == ["file not found"]


def test_byte_order_mark_and_crlf_are_accepted(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_bytes(b"\xef\xbb\xbfrecords:\r\n  - id: a\r\n    date: 2015-12-07\r\n")
    doc = read_lined_yaml(path)
    assert doc.value == {"records": [{"id": "a", "date": __import__("datetime").date(2015, 12, 7)}]}
    assert doc.line_of(("records", 0, "date")) == 3


def test_non_utf8_file_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "gb.yaml"
    path.write_bytes("records:\n  - title: 镇江\n".encode("gb18030"))
    shutil.copy(BROKEN / "localities.yaml", tmp_path / "localities.yaml")
    (tmp_path / "records").mkdir()
    shutil.move(path, tmp_path / "records" / "gb.yaml")
    problems = load_corpus(tmp_path).problems
    assert len(problems) == 1
    assert problems[0].line == 2
    assert "not UTF-8" in problems[0].message


def test_oversized_file_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_text("records:\n" + "#" * 20_000_001)
    with pytest.raises(ValueError, match="data files must be under"):
        read_lined_yaml(path)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a \n\n b", "a b"),
        ("2015 年 9 月 15 日", "2015年9月15日"),
        ("合作\n\n事项", "合作事项"),
        ("People's  Government", "People's Government"),
    ],
)
def test_normalise_whitespace(text: str, expected: str) -> None:
    assert normalise_whitespace(text) == expected


def test_unknown_related_record_is_located(tmp_path: Path) -> None:
    shutil.copy(BROKEN / "localities.yaml", tmp_path / "localities.yaml")
    shutil.copytree(BROKEN / "sources", tmp_path / "sources")
    (tmp_path / "records").mkdir()
    text = (BROKEN / "records" / "valid.yaml").read_text()
    text = text.replace(
        "    summary: A plan.", "    related: [no-such-record]\n    summary: A plan."
    )
    (tmp_path / "records" / "a.yaml").write_text(text)
    corpus = load_corpus(tmp_path)
    assert len(corpus.records) == 1
    [problem] = corpus.problems
    assert (problem.line, problem.field) == (16, "related[0]")
    assert problem.message == "unknown record 'no-such-record'"
