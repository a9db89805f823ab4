"""Hostile record text stays inert text on every surface: figures, panels, table and exports.

The record and localities of ``tests/fixtures/hostile`` carry script tags, ``<img onerror>``,
``javascript:`` links, plotly pseudo-HTML and TeX (``$\\href{javascript:...}{x}$``), an RTL
override, spreadsheet formulas and a 10,000-character party name. Their scripts would set
``window.__pwned``; the browser side is checked in ``tests/browser/test_csp.py``.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from partnermap.app import create_app
from partnermap.data.filters import FilterState
from partnermap.data.loader import load_corpus
from partnermap.exports.build import corpus_index, export
from partnermap.exports.render import Renderer
from partnermap.exports.request import ExportRequest
from partnermap.geo.basemap import BASEMAP_DIR

HOSTILE = Path(__file__).resolve().parent / "fixtures" / "hostile"
CALLBACK = "/_dash-update-component"
#: What plotly would read as markup, a link or TeX if it reached a figure unescaped.
MARKUP = re.compile(r"[<$]")
#: Markup that only the layers themselves write into figure text and hover templates.
OWN_TAGS = re.compile(r"<br>|</?b>|</?extra>")
SELECTION = ["pair", "geonames:1784642", "US-CA"]
HOSTILE_TITLE = '<b>x</b> <a href="javascript:alert(1)">y</a> $\\href{javascript:alert(1)}{z}$'


@pytest.fixture(scope="module")
def corpus():  # type: ignore[no-untyped-def]
    return load_corpus(HOSTILE)


@pytest.fixture(scope="module")
def client():  # type: ignore[no-untyped-def]
    return create_app(HOSTILE).server.test_client()


def strings(value: Any) -> Iterator[str]:
    """Every string inside a JSON value."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def components(value: Any) -> Iterator[dict[str, Any]]:
    """Every Dash component inside a callback's JSON answer."""
    if isinstance(value, dict):
        if "namespace" in value and "type" in value:
            yield value
        for item in value.values():
            yield from components(item)
    elif isinstance(value, list):
        for item in value:
            yield from components(item)


def callback(client, output: str, lang: str = "en", extra: tuple[Any, ...] = ()) -> Any:  # type: ignore[no-untyped-def]
    """The answer of the callback writing ``output`` ("id.property") for the whole corpus.

    The map's callback takes the controls as inputs; the others take ``extra`` (id, property,
    value) as inputs after the map's answer, and the controls as state.
    """
    controls = [("filter-sector", "value", []), ("filter-type", "value", []),
                ("filter-level", "value", ""), ("filter-years", "value", None),
                ("place-search", "value", ""), ("lang-toggle", "value", lang),
                ("filter-evidence", "value", "")]  # fmt: skip
    outputs = {"map.figure": ["map.figure", "summary.children"]}.get(output, [output])
    specs = [dict(zip(("id", "property"), o.split("."), strict=True)) for o in outputs]
    inputs, state = (
        ([(cid, "data", None) for cid in ("selection", "map-extent", "map-box")] + controls, [])
        if output == "map.figure"
        else ([("map-answered", "data", 1), *extra], controls)
    )
    body = {
        "output": ".." + "...".join(outputs) + ".." if len(outputs) > 1 else output,
        "outputs": specs if len(outputs) > 1 else specs[0],
        "inputs": [{"id": i, "property": p, "value": v} for i, p, v in inputs],
        "state": [{"id": i, "property": p, "value": v} for i, p, v in state],
        "changedPropIds": [f"{inputs[0][0]}.{inputs[0][1]}"],
    }
    response = client.post(CALLBACK, json=body)
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    cid, prop = output.split(".")
    return response.get_json()["response"][cid][prop]


def test_every_text_field_is_hostile_and_loads(corpus) -> None:  # type: ignore[no-untyped-def]
    assert corpus.problems == ()
    (record,) = corpus.records
    texts = [record.title, record.title_zh, record.note, record.summary, *record.parties]
    texts += [source.quote for source in record.sources]
    texts += [t for loc in corpus.localities.values() for t in (loc.name_en, loc.name_zh)]
    for text in texts:
        assert re.search(r"[<$=+@-]", text[:2] + text), text[:80]
    assert max(len(party) for party in record.parties) == 10_000
    assert any("\u202e" in text for text in texts)


def test_too_long_text_is_rejected_where_it_is_written(tmp_path: Path) -> None:
    shutil.copytree(HOSTILE, tmp_path, dirs_exist_ok=True)
    records = tmp_path / "records" / "hostile.yaml"
    text = records.read_text(encoding="utf-8")
    records.write_text(text.replace("    title: ", f'    title: "{"<" * 10_000}" #', 1))
    places = tmp_path / "localities.yaml"
    text = places.read_text(encoding="utf-8")
    places.write_text(text.replace("    name_en: ", f'    name_en: "{"<" * 10_000}" #', 1))
    problems = {(Path(p.file).name, p.line, p.field) for p in load_corpus(tmp_path).problems}
    assert ("hostile.yaml", 7, "title") in problems
    assert ("localities.yaml", 4, "name_en") in problems


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_figure_text_is_escaped_for_plotly(client, lang: str) -> None:  # type: ignore[no-untyped-def]
    figures = [
        callback(client, "map.figure", lang),
        callback(client, "timeline.figure", lang, (("timeline-facet", "value", "sector"),)),
    ]
    texts = [s for figure in figures for s in strings(figure)]
    for text in texts:
        assert not MARKUP.search(OWN_TAGS.sub("", text)), text[:200]
    shown = "\n".join(texts)
    assert "&lt;script&gt;window.__pwned" in shown  # the names are there, as text
    assert "&#36;\\href{javascript:" in shown and "\u202e" in shown


def test_panels_carry_text_never_markup(client) -> None:  # type: ignore[no-untyped-def]
    details = callback(client, "details.children", extra=(("selection", "data", SELECTION),))
    # The table travels as JSON data that assets/table.js sets as text: no component in it.
    table = json.loads(
        callback(client, "data-table.data-places", extra=(("table-sort", "data", {}),))
    )
    assert list(components(table)) == []
    assert any("<script>window.__pwned" in row["name"] for row in table["rows"])
    found = list(components(details))
    assert {c["namespace"] for c in found} == {"dash_html_components"}
    for component in found:
        props = component["props"]
        assert not any(key.startswith("on") or "dangerously" in key for key in props)
        href = props.get("href")
        assert href is None or re.match(r"^(sources/[^:]*|https://)", href), href
    text = "\n".join(strings(details))
    assert "<script>window.__pwned" in text and "$\\href{javascript:" in text
    assert "<script>window.__pwned='long'</script>" * 100 in text  # the 10,000-char party


def test_csv_cells_cannot_start_a_formula(corpus, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    request = ExportRequest("csv", FilterState(), "en", HOSTILE_TITLE, "slide")
    content = export(request, corpus.localities, corpus_index(corpus)).content
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    cells = [cell for row in rows[1:] for cell in row]
    numbers = re.compile(r"^-?\d+(\.\d+)?$")  # lat and lon stay numbers
    assert all(not cell.startswith(("=", "+", "-", "@")) or numbers.match(cell) for cell in cells)
    assert '\'=cmd|"/c calc"!A1 <a href="javascript:window.__pwned=\'a\'">click</a>' in cells
    assert "'+<img src=x onerror=\"window.__pwned='img'\">" in cells


def test_folium_html_holds_no_record_markup(corpus) -> None:  # type: ignore[no-untyped-def]
    request = ExportRequest("html", FilterState(), "en", HOSTILE_TITLE, "slide")
    page = export(request, corpus.localities, corpus_index(corpus)).content.decode()
    for raw in ("<script>window.__pwned", "<img src=x", 'href="javascript:', "<b>x</b>"):
        assert raw not in page
    assert "&lt;script&gt;window.__pwned" in page and "&lt;b&gt;x&lt;/b&gt;" in page
    assert "window.__pwned" not in re.sub(r"&lt;script&gt;window.__pwned|onerror=&quot;window.__pwned|javascript:window.__pwned", "", page)  # fmt: skip


@pytest.fixture(scope="module")
def renderer() -> Iterator[Renderer]:
    with Renderer(BASEMAP_DIR) as warm:
        yield warm


def test_svg_draws_record_text_as_text(corpus, renderer: Renderer) -> None:  # type: ignore[no-untyped-def]
    request = ExportRequest("svg", FilterState(), "en", HOSTILE_TITLE, "slide")
    svg = export(request, corpus.localities, corpus_index(corpus), renderer).content
    root = ET.fromstring(svg)  # well-formed: no text broke out of its element
    tags = {element.tag.rsplit("}", 1)[-1] for element in root.iter()}
    assert not tags & {"script", "foreignObject", "a", "iframe", "img"}
    for element in root.iter():
        assert not any(name.startswith("on") for name in element.attrib)
        assert not any("javascript:" in value for value in element.attrib.values())
    text = " ".join("".join(element.itertext()) for element in root.iter() if element.tag.endswith("text"))  # fmt: skip
    assert '<b>x</b> <a href="javascript:alert(1)">y</a>' in text
    assert "$\\href{javascript:alert(1)}{z}$" in text


def test_pdf_has_no_script_or_link_actions(corpus, renderer: Renderer) -> None:  # type: ignore[no-untyped-def]
    request = ExportRequest("pdf", FilterState(), "en", HOSTILE_TITLE, "slide")
    pdf = export(request, corpus.localities, corpus_index(corpus), renderer).content
    assert pdf.startswith(b"%PDF")
    for action in (b"/JavaScript", b"/JS ", b"/URI", b"/Launch", b"/OpenAction"):
        assert action not in pdf


def test_geojson_keeps_text_as_json_strings(corpus) -> None:  # type: ignore[no-untyped-def]
    request = ExportRequest("geojson", FilterState(), "en", None, "slide")
    collection = json.loads(export(request, corpus.localities, corpus_index(corpus)).content)
    names = {f["properties"]["name_en"] for f in collection["features"]}
    assert any(name.startswith("<script>window.__pwned") for name in names)
