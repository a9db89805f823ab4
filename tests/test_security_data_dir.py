"""The data directory: every broken file is a problem with file and line, nothing leaves it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from partnermap.app import create_app
from partnermap.cli import main
from partnermap.data.loader import load_corpus

FIXTURES = Path(__file__).resolve().parent / "fixtures"
BROKEN = FIXTURES / "broken"
ATTACKS = FIXTURES / "loader_attacks"
VALID = (BROKEN / "records" / "valid.yaml").read_text(encoding="utf-8")


def data_dir(root: Path) -> Path:
    """A data directory holding one good record, ``other-plan``, quoting ``plan.txt``."""
    root.mkdir(exist_ok=True)
    shutil.copy(BROKEN / "localities.yaml", root / "localities.yaml")
    shutil.copytree(BROKEN / "sources", root / "sources")
    (root / "records").mkdir()
    other = VALID.replace("id: zhenjiang-california-plan", "id: other-plan")
    (root / "records" / "good.yaml").write_text(other, encoding="utf-8")
    return root


#: Each attack file -> the line and the words of its problem.
ATTACK_PROBLEMS = {
    "impossible_unquoted_date.yaml": (5, "not a calendar date"),
    "unknown_tag.yaml": (16, "unknown tag '!foo'"),
    "python_name_tag.yaml": (16, "unknown tag 'tag:yaml.org,2002:python/name:os.system'"),
    "python_object_mapping.yaml": (11, "unknown tag"),
    "int_tag_on_text.yaml": (16, "'abc' is not a whole number"),
    "bool_tag_on_text.yaml": (16, "'maybe' is not true or false"),
    "huge_integer.yaml": (16, "is not a whole number of at most 4,300 digits"),
}


@pytest.mark.parametrize("name", sorted(ATTACK_PROBLEMS))
def test_a_bad_value_is_a_problem_with_its_line_and_the_rest_loads(
    tmp_path: Path, name: str
) -> None:
    root = data_dir(tmp_path)
    shutil.copy(ATTACKS / name, root / "records" / name)
    corpus = load_corpus(root)
    assert [r.id for r in corpus.records] == ["other-plan"]
    line, words = ATTACK_PROBLEMS[name]
    found = [p for p in corpus.problems if Path(p.file).name == name]
    assert len(found) == 1 and found[0].line == line and words in found[0].message, found


def test_a_directory_named_like_a_records_file_is_a_problem(tmp_path: Path) -> None:
    root = data_dir(tmp_path)
    (root / "records" / "x.yaml").mkdir()
    corpus = load_corpus(root)
    assert [r.id for r in corpus.records] == ["other-plan"]
    (problem,) = corpus.problems
    assert Path(problem.file).name == "x.yaml" and "a directory, not a file" in problem.message


def test_a_source_document_that_is_not_utf8_is_a_problem_on_the_record(tmp_path: Path) -> None:
    root = data_dir(tmp_path)
    (root / "sources" / "gb.txt").write_bytes("第一行\n镇江市\n".encode("gb18030"))
    quoting = VALID.replace("document: plan.txt", "document: gb.txt")
    (root / "records" / "gb.yaml").write_text(quoting, encoding="utf-8")
    corpus = load_corpus(root)
    assert [r.id for r in corpus.records] == ["other-plan"]
    (problem,) = corpus.problems
    assert (Path(problem.file).name, problem.line, problem.field) == (
        "gb.yaml",
        13,
        "sources[0].document",
    )
    assert "'gb.txt' is not UTF-8 text (line 1); convert it to UTF-8" in problem.message


def test_validate_list_and_serve_go_on_past_every_broken_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = data_dir(tmp_path)
    for name in ATTACK_PROBLEMS:
        shutil.copy(ATTACKS / name, root / "records" / name)
    (root / "records" / "dir.yaml").mkdir()
    assert main(["validate", str(root)]) == 1
    errors = capsys.readouterr().err
    assert f"{len(ATTACK_PROBLEMS) + 1} problem(s) found" in errors and "Traceback" not in errors
    assert main(["list", "--data", str(root)]) == 0
    assert "other-plan" in capsys.readouterr().out
    client = create_app(root).server.test_client()
    assert client.get("/").status_code == 200


def test_a_records_file_linked_from_outside_is_not_read(tmp_path: Path) -> None:
    root = data_dir(tmp_path / "data")
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text(VALID, encoding="utf-8")
    (root / "records" / "linked.yaml").symlink_to(outside)
    corpus = load_corpus(root)
    assert [r.id for r in corpus.records] == ["other-plan"]
    (problem,) = corpus.problems
    assert Path(problem.file).name == "linked.yaml" and "symbolic link" in problem.message


def test_a_localities_table_linked_from_outside_is_not_read(tmp_path: Path) -> None:
    root = data_dir(tmp_path / "data")
    moved = tmp_path / "localities.yaml"
    shutil.move(root / "localities.yaml", moved)
    (root / "localities.yaml").symlink_to(moved)
    corpus = load_corpus(root)
    assert corpus.localities == {} and corpus.records == ()
    assert any("symbolic link" in p.message and p.file.endswith("localities.yaml") for p in corpus.problems)  # fmt: skip


def test_a_source_linked_out_of_the_data_is_neither_quoted_nor_served(tmp_path: Path) -> None:
    root = data_dir(tmp_path / "data")
    secret = tmp_path / "secret.txt"
    shutil.copy(root / "sources" / "plan.txt", secret)
    (root / "sources" / "x.txt").symlink_to(secret)
    quoting = VALID.replace("document: plan.txt", "document: x.txt").replace(
        "id: zhenjiang-california-plan", "id: linked-plan"
    )
    (root / "records" / "linked.yaml").write_text(quoting, encoding="utf-8")
    corpus = load_corpus(root)
    assert [r.id for r in corpus.records] == ["other-plan"]
    (problem,) = corpus.problems
    assert problem.field == "sources[0].document" and "symbolic link" in problem.message
    client = create_app(root).server.test_client()
    assert client.get("/sources/x.txt").status_code == 404
    assert client.get("/sources/plan.txt").status_code == 200


def test_only_cited_documents_are_served(tmp_path: Path) -> None:
    root = data_dir(tmp_path)
    (root / "sources" / "uncited.txt").write_text("not quoted by any record\n", encoding="utf-8")
    client = create_app(root).server.test_client()
    assert client.get("/sources/uncited.txt").status_code == 404
    assert client.get("/sources/plan.txt").get_data(as_text=True).startswith("Plan of Actions")


def test_an_id_in_two_files_is_reported_on_both_and_served_from_the_first(tmp_path: Path) -> None:
    root = data_dir(tmp_path)
    rogue = VALID.replace("id: zhenjiang-california-plan", "id: other-plan").replace(
        "title: Plan of Actions", "title: Rogue plan of Actions"
    )
    (root / "records" / "aaa_rogue.yaml").write_text(rogue, encoding="utf-8")
    corpus = load_corpus(root)
    ((record),) = corpus.records
    assert record.title.startswith("Rogue")  # the file first in name order, as the rule says
    reported = {Path(p.file).name: p.message for p in corpus.problems}
    assert set(reported) == {"aaa_rogue.yaml", "good.yaml"}
    assert "served from here" in reported["aaa_rogue.yaml"]
    assert "served from" in reported["good.yaml"] and "aaa_rogue.yaml" in reported["good.yaml"]
