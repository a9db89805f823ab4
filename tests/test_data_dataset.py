"""dataset.yaml: a dataset's own title and summary, read by the loader, written by import-table."""

from __future__ import annotations

from pathlib import Path

import pytest

from partnermap.data import texts
from partnermap.data.dataset import FILE_NAME, Dataset, read_dataset, title_from_file_name
from partnermap.data.loader import load_corpus
from partnermap.data.table_import import import_table
from partnermap.exports.title import clean_title

TABLES = Path(__file__).parent / "fixtures" / "tables"


def _write(tmp_path: Path, text: str) -> Path:
    (tmp_path / FILE_NAME).write_text(text, encoding="utf-8")
    return tmp_path


def test_the_embedded_data_is_titled_us_china_in_both_languages() -> None:
    dataset = load_corpus().dataset
    assert dataset.title("en") == "US–China subnational partnerships"
    assert dataset.title("zh") == "中美地方合作伙伴关系"
    assert dataset.summary("en") and dataset.summary("zh")
    assert "MIT" in str(dataset.license)


def test_without_a_file_the_catalogue_title_is_neutral(tmp_path: Path) -> None:
    dataset, problems = read_dataset(tmp_path)
    assert (dataset, problems) == (Dataset(), [])
    for lang in texts.LANGUAGES:
        assert dataset.title(lang) == texts.ui("title", lang)
        assert not {"US", "China", "中美"} & set(dataset.title(lang).split())
        assert "中美" not in dataset.title(lang) and dataset.summary(lang) == ""


def test_a_language_without_its_own_title_takes_the_other(tmp_path: Path) -> None:
    dataset, problems = read_dataset(_write(tmp_path, "title_zh: 友好城市\nsummary_en: Pairs.\n"))
    assert problems == []
    assert (dataset.title("en"), dataset.title("zh")) == ("友好城市", "友好城市")
    assert (dataset.summary("en"), dataset.summary("zh")) == ("Pairs.", "Pairs.")


@pytest.mark.parametrize(
    ("text", "field", "message"),
    [
        ("title_en: [a, b]\n", "title_en", "expected a line of text"),
        ("title_en: '" + "x" * 301 + "'\n", "title_en", "at most 300 characters"),
        ('title_en: "a\\u0000b"\n', "title_en", "without control characters"),
        ("titel: Twin towns\n", "titel", "unknown field; valid: title_en"),
        ("- a list\n", "", "expected a mapping"),
        ("title_en: [unclosed\n", "", "not readable as YAML"),
    ],
)
def test_a_bad_value_is_reported_and_left_out(
    tmp_path: Path, text: str, field: str, message: str
) -> None:
    dataset, problems = read_dataset(_write(tmp_path, text))
    assert dataset.title_en is None
    assert [(f, m) for f, m in problems if message in m] == [(field, problems[0][1])]
    corpus = load_corpus(tmp_path)
    assert any(p.file.endswith(FILE_NAME) and message in p.message for p in corpus.problems)


def test_text_that_could_reorder_its_neighbours_is_isolated(tmp_path: Path) -> None:
    dataset, _ = read_dataset(_write(tmp_path, 'title_en: "\\u202eTwin towns"\n'))
    assert dataset.title("en") == "\u2068\u202eTwin towns\u2069"


def test_a_symbolic_link_out_of_the_data_directory_is_not_read(tmp_path: Path) -> None:
    outside = tmp_path / "outside.yaml"
    outside.write_text("title_en: Secret\n", encoding="utf-8")
    data = tmp_path / "data"
    data.mkdir()
    (data / FILE_NAME).symlink_to(outside)
    dataset, problems = read_dataset(data)
    assert dataset.title_en is None and problems


def test_import_table_titles_a_new_dataset_from_its_file_name_and_keeps_edits(
    tmp_path: Path,
) -> None:
    table = TABLES / "twin_towns_fr_de_jp.csv"
    report = import_table(table, tmp_path)
    assert any(change.startswith(FILE_NAME) for change in report.changes)
    corpus = load_corpus(tmp_path)
    assert corpus.dataset.title("en") == "Twin towns fr de jp"
    countries = {c: corpus.localities[c] for c in ("DE", "FR", "JP")}  # named on the map
    assert [(c.name_en, c.name_zh, c.level) for c in countries.values()] == [
        ("Germany", "德国", "country"),
        ("France", "法国", "country"),
        ("Japan", "日本", "country"),
    ]
    assert corpus.dataset.source == table.name
    (tmp_path / FILE_NAME).write_text("title_en: Städtepartnerschaften\n", encoding="utf-8")
    again = import_table(table, tmp_path)
    assert again.changes == []
    assert load_corpus(tmp_path).dataset.title("zh") == "Städtepartnerschaften"


def test_title_from_file_name() -> None:
    assert title_from_file_name("us_china_listed.csv") == "Us china listed"
    assert title_from_file_name("Partner--Städte 2024.xlsx") == "Partner Städte 2024"


def test_an_export_without_a_typed_title_takes_the_dataset_title() -> None:
    dataset = Dataset(title_en="Twin towns", title_zh="友好城市")
    assert clean_title(None, "zh", dataset) == ("友好城市", "")
    assert clean_title("  \x00 ", "en", dataset)[0] == "Twin towns"
    assert clean_title("Mine", "en", dataset) == ("Mine", "")
    assert clean_title(None, "en") == (None, "")


def test_the_page_shows_the_dataset_title_and_summary_in_both_languages() -> None:
    import plotly.graph_objects as go

    from partnermap.page import ids, layout

    dataset = Dataset(title_en="Twin towns", summary_en="Pairs.", summary_zh="结对。")
    page = layout.page(go.Figure(), go.Figure(), (1979, 2020), dataset)
    found = {}

    def walk(node: object) -> None:
        if getattr(node, "id", None) in (ids.TITLE, ids.DATASET_SUMMARY):
            found[node.id] = node.children
        children = getattr(node, "children", None)
        for child in children if isinstance(children, list) else [children]:
            if child is not None and not isinstance(child, str):
                walk(child)

    walk(page)
    assert found == {ids.TITLE: "Twin towns", ids.DATASET_SUMMARY: "Pairs."}
    zh = layout.translations("zh", dataset)
    assert (zh[ids.TITLE, "children"], zh[ids.DATASET_SUMMARY, "children"]) == (
        "Twin towns",
        "结对。",
    )
