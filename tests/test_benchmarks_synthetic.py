"""The synthetic corpora of the benchmarks: deterministic, valid, realistic in their mix; and
the view joining the arcs of such a corpus by state and province."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from partnermap.benchmarks.synthetic import generate, write_dataset
from partnermap.data.filters import FilterState
from partnermap.data.loader import load_corpus
from partnermap.data.view import build_index, build_view, regions_from_geojson, selected_records
from partnermap.geo.basemap import admin1_geojson
from partnermap.geo.gazetteer import load_gazetteer


def test_same_seed_same_rows_other_seed_other_rows() -> None:
    assert generate(200, seed=3) == generate(200, seed=3)
    assert generate(200, seed=3) != generate(200, seed=4)


def test_written_dataset_loads_without_a_problem(tmp_path: Path) -> None:
    write_dataset(tmp_path, 500, seed=1, per_file=120)
    corpus = load_corpus(tmp_path)
    assert corpus.problems == ()
    assert len(corpus.records) == 500
    assert len(list((tmp_path / "records").glob("*.yaml"))) == 5  # 120 per file


def test_places_are_the_gazetteers_with_its_coordinates() -> None:
    localities, records = generate(300, seed=5)
    places = load_gazetteer().places
    for row in localities:
        place = places[row["id"]]
        assert (row["lat"], row["lon"], row["level"]) == (place.lat, place.lon, place.level)
    named = {ref["id"] for record in records for ref in record["localities"]}
    assert named == {row["id"] for row in localities}


def test_every_record_joins_both_countries() -> None:
    localities, records = generate(300, seed=6)
    country = {row["id"]: row["country"] for row in localities}
    for record in records:
        assert {country[ref["id"]] for ref in record["localities"]} == {"CN", "US"}


def test_mix_is_mostly_sister_cities_with_no_stated_sector() -> None:
    _, records = generate(2_000, seed=7)
    types = Counter(record["type"] for record in records)
    assert types.most_common(1)[0][0] == "sister_city"
    assert len(types) >= 10
    general = sum(record["sectors"] == ["general"] for record in records)
    assert 0.3 < general / len(records) < 0.6
    years = Counter(int(record["date"][:4]) for record in records if record["date"])
    assert years[2012] > years[1990] > years[1980]


def test_a_large_view_joins_arcs_by_state_and_province(tmp_path: Path) -> None:
    corpus = load_corpus(write_dataset(tmp_path, 1_500, seed=8))
    index = build_index(corpus, regions_from_geojson(admin1_geojson()))
    view = build_view(index, FilterState())
    assert view.arc_level == "region"
    assert len(view.arcs) < len(index.pairs)
    # Each arc counts the records naming a place in each of its two regions.
    row = view.arcs.sort_values("count").iloc[-1]
    selection = ("regions", row["a"], row["b"])
    assert len(selected_records(view, selection)) == row["count"]
    narrow = build_view(index, FilterState(types=frozenset({"framework"})))
    assert narrow.arc_level == "place"


def test_the_world_corpus_joins_towns_of_many_countries_and_loads_clean(tmp_path: Path) -> None:
    data = write_dataset(tmp_path / "world", 400, world=True)
    corpus = load_corpus(data)
    assert len(corpus.records) == 400 and corpus.problems == ()
    countries = {corpus.localities[ref.id].country for r in corpus.records for ref in r.localities}
    assert len(countries) >= 30
    assert all(len({ref.id for ref in r.localities}) == 2 for r in corpus.records)
