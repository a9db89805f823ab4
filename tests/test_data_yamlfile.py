"""Reading YAML with lines: libyaml's parser gives exactly what the pure-Python one gave."""

from __future__ import annotations

import datetime
import gc
from pathlib import Path

import pytest
import yaml

from partnermap.data import yamlfile
from partnermap.data.loader import load_corpus
from partnermap.data.validate import validate_paths
from partnermap.data.yamlfile import LinedDocument, YamlFileError, read_lined_yaml

BROKEN = Path(__file__).parent / "fixtures" / "broken" / "records"
needs_libyaml = pytest.mark.skipif(not yaml.__with_libyaml__, reason="PyYAML without libyaml")

# Every kind of scalar YAML 1.1 resolves, in the places data files put them.
EVERY_KIND = """\
records:
  - id: a
    date: 2015-12-07
    year: 2015
    month: '2015-11'
    unquoted_month: 2015-11
    when: 2015-12-07 10:30:00
    yes_word: yes
    on_word: on
    true_word: True
    nothing: ~
    empty:
    null_word: null
    float: 1.5e+3
    no_sign_exponent: 1.5e3
    octal: 010
    hex: 0x1F
    sexagesimal: 1:30
    infinity: .inf
    quoted_int: "42"
    text: |
      two
      lines
    folded: >
      one
      line
    chinese: 镇江市
    flow: {a: 1, b: [x, 'y']}
  - 42
  - &anchor {id: b}
  - *anchor
"""


@pytest.fixture
def pure_python(monkeypatch: pytest.MonkeyPatch) -> None:
    """Read as PyYAML without libyaml would."""
    monkeypatch.setattr(yamlfile, "_C_LOADER", None)


def _read(tmp_path: Path, text: str) -> LinedDocument:
    path = tmp_path / "doc.yaml"
    path.write_text(text, encoding="utf-8")
    return read_lined_yaml(path)


def _read_both(
    tmp_path: Path, text: str, monkeypatch: pytest.MonkeyPatch
) -> tuple[tuple[object, ...], tuple[object, ...]]:
    """The outcome of reading ``text`` as it is read, then as without libyaml."""
    as_read = _outcome(tmp_path, text)
    monkeypatch.setattr(yamlfile, "_C_LOADER", None)
    return as_read, _outcome(tmp_path, text)


def _outcome(tmp_path: Path, text: str) -> tuple[object, ...]:
    try:
        doc = _read(tmp_path, text)
    except YamlFileError as err:
        return ("error", str(err), err.line)
    return ("ok", _typed(doc.value), doc.lines)


def _typed(value: object) -> object:
    """The value with each scalar's type beside it: ``1 == True`` must not hide a difference."""
    if isinstance(value, dict):
        return {_typed(k): _typed(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_typed(v) for v in value]
    return (type(value).__name__, value)


@needs_libyaml
@pytest.mark.parametrize(
    "text",
    [
        EVERY_KIND,
        EVERY_KIND.replace("\n", "\r\n"),
        "records:\n  - id: a\n    id: b\n",  # duplicate key
        "records:\n  - &a {id: x}\n  - <<: *a\n",  # merge key
        "records:\n\t- id: a\n",  # a tab libyaml words differently
        "records: [a, b: c]\n  - x\n",  # bad syntax libyaml words differently
        "records:\n  - title: 'unterminated\n",
        "records:\n  - {id: a}\n---\nrecords: []\n",  # two documents
        "records:\n  - title: \x85\x07bell\n",  # a control character
        "records:\n  - ? [a, b]\n    : c\n",  # a key that is not a plain value
        "",
        "# only a comment\n",
    ],
)
def test_libyaml_reads_exactly_what_the_pure_python_parser_reads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    with_libyaml, pure = _read_both(tmp_path, text, monkeypatch)
    assert with_libyaml == pure


def test_scalars_keep_yaml_1_1_meanings(tmp_path: Path) -> None:
    record = _read(tmp_path, EVERY_KIND).value["records"][0]
    assert record["date"] == datetime.date(2015, 12, 7)
    assert record["when"] == datetime.datetime(2015, 12, 7, 10, 30)
    assert (record["year"], record["octal"], record["hex"], record["sexagesimal"]) == (
        2015,
        8,
        31,
        90,
    )
    assert (record["month"], record["unquoted_month"], record["quoted_int"]) == (
        "2015-11",
        "2015-11",
        "42",
    )
    assert [record[k] for k in ("yes_word", "on_word", "true_word")] == [True, True, True]
    assert [record[k] for k in ("nothing", "empty", "null_word")] == [None, None, None]
    assert (record["float"], record["infinity"]) == (1500.0, float("inf"))
    assert record["no_sign_exponent"] == "1.5e3"  # YAML 1.1 wants the sign
    assert (record["text"], record["folded"]) == ("two\nlines\n", "one line\n")


def test_every_key_and_item_has_its_line(tmp_path: Path) -> None:
    doc = _read(tmp_path, EVERY_KIND)
    assert doc.lines[("records", 0, "date")] == 3
    assert doc.lines[("records", 0, "text")] == 21
    assert doc.lines[("records", 0, "flow", "b", 1)] == 28
    assert doc.lines[("records", 1)] == 29
    assert doc.lines[("records", 3, "id")] == 30  # an alias is located at its anchor


@needs_libyaml
def test_a_valid_file_is_parsed_once_by_libyaml(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    loaders = []
    compose = yaml.compose
    monkeypatch.setattr(
        yaml, "compose", lambda text, Loader: loaders.append(Loader) or compose(text, Loader)
    )
    _read(tmp_path, EVERY_KIND)
    assert loaders == [yaml.CSafeLoader]
    with pytest.raises(YamlFileError, match="found character '\\\\t'"):
        _read(tmp_path, "records:\n\t- id: a\n")
    assert loaders == [yaml.CSafeLoader, yaml.CSafeLoader, yaml.SafeLoader]


@pytest.mark.usefixtures("pure_python")
@pytest.mark.parametrize(
    ("name", "line", "fragment"),
    [
        ("duplicate_key", 3, "duplicate key 'id'"),
        ("merge_key", 4, "merge keys (<<) are not supported"),
        ("tab_indented", 2, "found character '\\t'"),
        ("unknown_type", 4, "unknown type 'treaty'"),
    ],
)
def test_without_libyaml_problems_are_still_located(name: str, line: int, fragment: str) -> None:
    problems = validate_paths([BROKEN / f"{name}.yaml"])
    assert any(p.line == line and fragment in p.message for p in problems), problems


def test_the_garbage_collector_is_resumed(tmp_path: Path) -> None:
    assert gc.isenabled()
    _read(tmp_path, "records:\n  - id: a\n")
    assert gc.isenabled()
    with pytest.raises(YamlFileError):
        _read(tmp_path, "records: [\n")
    assert gc.isenabled()


def test_a_paused_garbage_collector_stays_paused(tmp_path: Path) -> None:
    gc.disable()
    try:
        _read(tmp_path, "records:\n  - id: a\n")
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_loading_a_corpus_with_problems_resumes_the_collector() -> None:
    corpus = load_corpus(BROKEN.parent)
    assert corpus.problems and corpus.records
    assert gc.isenabled()
