"""Exports draw what the view shows: a selection's links all, the rest at the level of detail of
the extent the person left (#17)."""

from __future__ import annotations

import base64
import dataclasses
import functools
import re
from pathlib import Path

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest
import yaml
from record_factory import make_record

from partnermap.app import create_app
from partnermap.benchmarks.synthetic import write_dataset
from partnermap.cli import main
from partnermap.data.filters import FilterState
from partnermap.data.loader import Corpus, load_corpus
from partnermap.data.view import MapView, build_view
from partnermap.exports.build import corpus_index
from partnermap.exports.figure import briefing_figure
from partnermap.exports.html import map_page
from partnermap.exports.request import ExportRequest
from partnermap.layers import arcs, placenames
from partnermap.layers.detail import at_extent

FIXTURE_DATA = Path(__file__).resolve().parent / "fixtures" / "dashboard"
#: Partners of the hub town: more links than the level of detail draws (``arcs.MAX_DRAWN``).
HUB_PARTNERS = arcs.MAX_DRAWN + 20


@functools.cache
def _world(tmp: str) -> tuple[Corpus, MapView, str]:
    """A synthetic world registry with one town twinned ``HUB_PARTNERS`` times, its whole view
    and the town's id."""
    data = write_dataset(Path(tmp) / "world", 1_500, seed=11, world=True)
    places = yaml.safe_load((data / "localities.yaml").read_text(encoding="utf-8"))["localities"]
    hub, *others = places
    records = [
        make_record(
            f"hub-{i:04d}",
            title=f"{hub['name_en']} – {other['name_en']}: sister city",
            type="sister_city",
            sectors=["general"],
            parties=[hub["name_en"], other["name_en"]],
            localities=[{"id": hub["id"], "role": "party"}, {"id": other["id"], "role": "party"}],
        ).model_dump(mode="json", exclude_none=True)
        for i, other in enumerate(others[:HUB_PARTNERS])
    ]
    text = yaml.safe_dump({"records": records}, allow_unicode=True, sort_keys=False)
    (data / "records" / "hub.yaml").write_text(text, encoding="utf-8")
    corpus = load_corpus(data)
    return corpus, build_view(corpus_index(corpus), FilterState()), hub["id"]


@pytest.fixture
def world(tmp_path_factory: pytest.TempPathFactory) -> tuple[Corpus, MapView, str]:
    return _world(str(tmp_path_factory.getbasetemp()))


def _hub_links(view: MapView, hub: str) -> set[frozenset[str]]:
    """The hub's place-to-place links, from the data."""
    links = view.links[(view.links["a"] == hub) | (view.links["b"] == hub)]
    return {frozenset(ends) for ends in zip(links["a"], links["b"], strict=True)}


def _drawn(page: str, uid: str) -> int:
    """Leaflet shapes of a layer trace in an HTML export: markers, or one line per link."""
    return page.count(f'"className": "pm-{uid}"') + page.count(f'"className": "pm-line pm-{uid}')


def _figure(view: MapView, corpus: Corpus, **request: object) -> dict[str, dict]:
    figure = briefing_figure(view, ExportRequest("png", **request), corpus.localities)
    return {trace.uid: trace.to_plotly_json() for trace in figure.data}


def test_an_image_export_of_a_selected_place_draws_every_one_of_its_links(
    world: tuple[Corpus, MapView, str],
) -> None:
    corpus, view, hub = world
    expected = _hub_links(view, hub)
    assert len(expected) >= HUB_PARTNERS > arcs.MAX_DRAWN
    traces = _figure(view, corpus, selection=("place", hub))
    assert np.isnan(traces["selected-links"]["lat"]).sum() == len(expected)
    rings = {c[1] for c in traces["selected-places"]["customdata"]}
    assert set().union(*expected) <= rings
    # Without the selection the map draws the country pairs only, within its budget.
    traces = _figure(view, corpus)
    assert len(traces["selected-links"]["lat"]) == 0
    assert len(traces["arc-midpoints"]["lat"]) <= arcs.MAX_DRAWN < len(expected)
    assert all(c[0] == "countries" for c in traces["arc-midpoints"]["customdata"])


def test_an_image_export_of_a_selected_country_pair_draws_all_it_stands_for(
    world: tuple[Corpus, MapView, str],
) -> None:
    corpus, view, _ = world
    widest = view.levels["country"].table.sort_values("count").iloc[-1]
    chosen = ("countries", widest["a"], widest["b"])
    # The place links between the two countries, from the places' own countries.
    country = view.places["country"]
    wanted = {widest["a"].removeprefix("country:"), widest["b"].removeprefix("country:")}
    expected = {
        frozenset((a, b))
        for a, b in zip(view.links["a"], view.links["b"], strict=True)
        if {country[a], country[b]} == wanted
    }
    assert len(expected) > 1
    traces = _figure(view, corpus, selection=chosen)
    assert np.isnan(traces["selected-links"]["lat"]).sum() == len(expected)
    assert len(_figure(view, corpus)["selected-links"]["lat"]) == 0


def test_an_html_export_of_a_selected_place_draws_every_one_of_its_links(
    world: tuple[Corpus, MapView, str],
) -> None:
    corpus, view, hub = world
    expected = _hub_links(view, hub)
    page = map_page(view, ExportRequest("html", selection=("place", hub)), corpus.localities)
    assert _drawn(page, "selected-links") == len(expected)
    assert _drawn(page, "selected-places") == len(set().union(*expected))
    page = map_page(view, ExportRequest("html"), corpus.localities)
    assert _drawn(page, "selected-links") == 0


def test_the_html_export_draws_the_level_of_detail_of_its_extent(
    world: tuple[Corpus, MapView, str],
) -> None:
    corpus, view, hub = world
    whole = map_page(view, ExportRequest("html"), corpus.localities)
    assert _drawn(whole, "arc-midpoints") == len(arcs.drawn_rows(at_extent(view)))
    assert _drawn(whole, "arc-midpoints") <= arcs.MAX_DRAWN
    assert "links joined by pair of countries" in whole
    # Zoomed in on the hub, the page draws the finer links inside the extent, all of them.
    place = view.places.loc[hub]
    geo = {"center": {"lon": place["lon"], "lat": place["lat"]}, "projection": {"scale": 40}}
    frame = {"center": geo["center"], "projection": geo["projection"]}
    zoomed = at_extent(view, frame, placenames.BOX)
    assert zoomed.arc_level != "country" and 0 < len(zoomed.arcs) <= arcs.MAX_DRAWN
    page = map_page(view, ExportRequest("html", geo=geo), corpus.localities)
    assert _drawn(page, "arc-midpoints") == len(zoomed.arcs)
    assert "links joined by pair of countries" not in page


def test_the_cli_exports_a_selection(tmp_path: Path) -> None:
    corpus = load_corpus(FIXTURE_DATA)
    view = build_view(corpus_index(corpus), FilterState())
    place = view.points.sort_values("partners").iloc[-1]["id"]
    out = tmp_path / "map.html"
    flags = ["--data", str(FIXTURE_DATA), "--select", f"place,{place}"]
    assert main(["export", "--format", "html", "--out", str(out), *flags]) == 0
    assert _drawn(out.read_text(encoding="utf-8"), "selected-links") == len(_hub_links(view, place))
    assert len(_hub_links(view, place)) > 1


def _dashboard_html_export(query: str, extent: dict | None = None) -> str:
    """The HTML page the dashboard's export button downloads for the URL ``query`` and the map
    extent the page reported (``map-extent``)."""
    client = create_app(FIXTURE_DATA).server.test_client()
    state = {
        "url": ("search", query),
        "export-title": ("value", ""),
        "export-size": ("value", "slide"),
        "map-extent": ("data", extent),
        "export-notes": ("value", ""),
        "export-sources": ("value", ""),
        "export-print": ("value", "screen"),
        "export-layers": ("value", []),
    }
    body = {
        "output": "..export-download.data...export-status.children..",
        "outputs": [
            {"id": "export-download", "property": "data"},
            {"id": "export-status", "property": "children"},
        ],
        "inputs": [
            [
                {
                    "id": {"type": "export-format", "format": "html"},
                    "property": "n_clicks",
                    "value": 1,
                }
            ]
        ],
        "state": [{"id": i, "property": p, "value": v} for i, (p, v) in state.items()],
        "changedPropIds": ['{"format":"html","type":"export-format"}.n_clicks'],
    }
    response = client.post("/_dash-update-component", json=body)
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    answer = response.get_json()["response"]
    return base64.b64decode(answer["export-download"]["data"]["content"]).decode()


def test_the_dashboard_exports_the_selection_in_its_url() -> None:
    corpus = load_corpus(FIXTURE_DATA)
    view = build_view(corpus_index(corpus), FilterState())
    place = view.points.sort_values("partners").iloc[-1]["id"]
    page = _dashboard_html_export(f"?select=place,{place}")
    assert _drawn(page, "selected-links") == len(_hub_links(view, place)) > 1


def _fitted(page: str) -> tuple[float, float, float, float]:
    """South, west, north, east of the bounds the HTML page opens on (its own ``fitBounds``
    call, the last in the page: the vendored Leaflet has one too)."""
    number = r"\s*([-\d.e]+)\s*"
    call = rf"\.fitBounds\(\s*\[\[{number},{number}\],\s*\[{number},{number}\]\]"
    found = re.findall(call, page)
    assert found, "the page fits its bounds"
    return tuple(float(v) for v in found[-1])  # type: ignore[return-value]


def test_a_zoom_made_before_the_selection_does_not_frame_its_export() -> None:
    corpus = load_corpus(FIXTURE_DATA)
    view = build_view(corpus_index(corpus), FilterState())
    place = view.points.sort_values("partners").iloc[-1]
    lat, lon = float(place["lat"]), float(place["lon"])
    # A close zoom on the place farthest from it, as the page reports it.
    far = view.points.loc[
        ((view.points["lat"] - lat) ** 2 + (view.points["lon"] - lon) ** 2).idxmax()
    ]
    zoom = {"lon": float(far["lon"]), "lat": float(far["lat"]), "scale": 40}
    query = f"?select=place,{place['id']}"
    # The page's longitudes run on past 180° so that links across the Pacific stay whole.
    inside = lambda b: b[0] <= lat <= b[2] and any(b[1] <= x <= b[3] for x in (lon, lon + 360))  # noqa: E731

    before = _fitted(_dashboard_html_export(query, {**zoom, "revision": "home"}))
    assert inside(before), "a zoom made before the selection gives way to the selection"
    after = _fitted(_dashboard_html_export(query, {**zoom, "revision": f"place|{place['id']}"}))
    assert not inside(after), "a zoom made after the selection frames the export"


@pytest.mark.parametrize("value", ["place", "place,a,b", "planet,earth", "place,<b>"])
def test_the_cli_refuses_a_selection_the_url_would_not_take(
    value: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "map.html"
    with pytest.raises(SystemExit) as exited:
        main(["export", "--format", "html", "--out", str(out), "--select", value])
    assert exited.value.code == 2
    assert "KIND,ID[,ID]" in capsys.readouterr().err and not out.exists()


def test_a_request_checks_its_selection() -> None:
    assert ExportRequest("png", selection=("pair", "a", "b")).selection == ("pair", "a", "b")
    for wrong in (("pair", "a"), ("planet", "earth"), ()):
        with pytest.raises(ValueError, match="selection"):
            ExportRequest("png", selection=wrong)


def _legend(figure: go.Figure) -> list[tuple[str, float, dict, dict]]:
    """What the legend shows, item by item: name, trace opacity, marker and line (numeric
    arrays, e.g. per-point sizes, left out)."""
    items = []
    for trace in figure.data:
        if trace.showlegend is False or trace.visible is False:
            continue
        style = trace.to_plotly_json()
        marker, line = style.get("marker", {}), style.get("line", {})
        scalar = lambda d: {k: v for k, v in d.items() if not isinstance(v, np.ndarray)}  # noqa: E731
        opacity = style.get("opacity", 1.0)
        items.append((trace.name, opacity, scalar(marker), scalar(line)))
    return items


def test_the_legend_of_an_image_export_with_a_selection_reads_at_full_strength() -> None:
    corpus = load_corpus(FIXTURE_DATA)
    view = build_view(corpus_index(corpus), FilterState())
    place = view.points.sort_values("partners").iloc[-1]["id"]
    plain = briefing_figure(view, ExportRequest("png"), corpus.localities)
    chosen = briefing_figure(
        view, ExportRequest("png", selection=("place", place)), corpus.localities
    )
    dimmed = [t for t in chosen.data if t.to_plotly_json().get("opacity", 1.0) < 1]
    assert dimmed, "the selection dims the rest of the map"
    legend = _legend(chosen)
    assert len(legend) > 2 and all(opacity == 1.0 for _, opacity, *_ in legend)
    assert legend == _legend(plain)
    # The map itself is drawn as before: the legend's twins draw nothing.
    drawn = [t for t in chosen.data if not t.uid.endswith("-legend")]
    assert [t.uid for t in drawn] == [t.uid for t in plain.data]
    twins = [t for t in chosen.data if t.uid.endswith("-legend")]
    assert twins and all(pd.isna(list(t.lat)).all() for t in twins)


ZHENJIANG = "geonames:1784642"


def _words(view: MapView, corpus: Corpus, selection: tuple[str, ...], lang: str) -> str:
    """The subtitle and the side column of an image export, and the header of an HTML one."""
    request = ExportRequest("png", lang=lang, selection=selection)
    words = [a.text for a in briefing_figure(view, request, corpus.localities).layout.annotations]
    request = ExportRequest("html", lang=lang, selection=selection)
    page = map_page(view, request, corpus.localities)
    header = page[page.index('<div class="pm-header">') :]
    return "\n".join([*words, header]).replace("<br>", " ")  # wrapped lines read as one


@pytest.mark.parametrize(
    ("selection", "lang", "said"),
    [
        (("place", ZHENJIANG), "en", "Selected: Zhenjiang · 镇江"),
        (("place", ZHENJIANG), "zh", "已选择：镇江 · Zhenjiang"),
        (("region", "US-CA"), "en", "Selected: California · 加利福尼亚州"),
        (
            ("pair", ZHENJIANG, "US-CA"),
            "en",
            "Selected: Zhenjiang · 镇江 — California · 加利福尼亚州",
        ),
        (
            ("countries", "country:CN", "country:US"),
            "zh",
            "已选择：中国 · China — 美国 · United States",
        ),
    ],
)
def test_an_export_of_a_selection_names_it(
    selection: tuple[str, ...], lang: str, said: str
) -> None:
    corpus = load_corpus(FIXTURE_DATA)
    view = build_view(corpus_index(corpus), FilterState())
    words = _words(view, corpus, selection, lang)
    assert words.count(said) == 2  # the image's subtitle and the page's header
    assert "Selected" not in _words(view, corpus, None, "en")  # type: ignore[arg-type]


def test_a_selected_name_is_text_not_markup() -> None:
    corpus = load_corpus(FIXTURE_DATA)
    view = build_view(corpus_index(corpus), FilterState())
    nodes = view.nodes.copy()
    nodes.loc[ZHENJIANG, "name_en"] = "<i>Zhen</i>jiang & $x$"
    words = _words(dataclasses.replace(view, nodes=nodes), corpus, ("place", ZHENJIANG), "en")
    assert "<i>Zhen" not in words and words.count("&lt;i&gt;Zhen&lt;/i&gt;jiang &amp;") == 2


def test_an_export_says_when_the_filters_keep_nothing_of_its_selection() -> None:
    corpus = load_corpus(FIXTURE_DATA)
    index = corpus_index(corpus)
    kept = build_view(index, FilterState(types=frozenset({"sister_city"})))
    assert kept.records and ZHENJIANG not in set(kept.points["id"])
    empty = "The filters keep no agreement of the selection (Zhenjiang · 镇江)."
    assert _words(kept, corpus, ("place", ZHENJIANG), "en").count(empty) == 2
    assert "所选内容（镇江 · Zhenjiang）没有协议" in _words(
        kept, corpus, ("place", ZHENJIANG), "zh"
    )
    whole = build_view(index, FilterState())
    for chosen in [
        ("place", ZHENJIANG),
        ("region", "US-CA"),
        ("countries", "country:CN", "country:US"),
    ]:
        assert "keep no agreement" not in _words(whole, corpus, chosen, "en")
    assert "keep no agreement" in _words(kept, corpus, ("pair", ZHENJIANG, "US-CA"), "en")


@pytest.mark.parametrize(
    ("value", "said"),
    [
        ("place,NOPE", "'NOPE' is not a known id for a 'place' selection; no known id or name"),
        ("place,Zhenjang", "did you mean geonames:1784642 (Zhenjiang · 镇江)?"),
        (f"pair,{ZHENJIANG},geonames:5368362", "'geonames:5368362' is not a known id"),
        ("region,US-CAL", "did you mean US-CA (California · 加利福尼亚州)"),
        ("countries,country:CN,US", "did you mean country:US (United States · 美国)?"),
    ],
)
def test_the_cli_refuses_a_selection_of_unknown_ids_and_writes_nothing(
    value: str, said: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "map.html"
    flags = ["--data", str(FIXTURE_DATA), "--select", value]
    with pytest.raises(SystemExit) as exited:
        main(["export", "--format", "html", "--out", str(out), *flags])
    assert exited.value.code == 2
    assert said in capsys.readouterr().err and not out.exists()


def test_the_cli_exports_a_known_selection_the_filters_leave_empty(tmp_path: Path) -> None:
    out = tmp_path / "map.html"
    flags = ["--data", str(FIXTURE_DATA), "--select", f"place,{ZHENJIANG}", "--type", "sister_city"]
    assert main(["export", "--format", "html", "--out", str(out), *flags]) == 0
    assert "The filters keep no agreement of the selection" in out.read_text(encoding="utf-8")
