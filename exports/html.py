"""The standalone HTML export: a Leaflet map (via folium) that opens with no network at all.

Leaflet's JS and CSS and jQuery (which folium's popups call) are inlined from folium-offline's
packaged copies; folium's Bootstrap and icon fonts are dropped, and there are no tiles: the
basemap is our own boundary data. The page draws the dashboard's own layer output, the trace
dicts of ``layers.figure.map_traces``: their geometry, colours, widths, sizes, label positions and
hover text; it adds only popups listing each mark's records with their verbatim quotes. Its links
are those the dashboard's map draws at the extent the person left (``exports.extent``), and a
selection is drawn whole over them.

Everything is drawn in one Pacific-centred frame, longitudes in [-25, 335), so that an arc from
China to the US is one line and its ends sit on the points.

Record text reaches the page only through ``escape``: folium puts popup HTML inside JavaScript
template literals, so besides HTML markup, ``$`` (``${...}`` interpolation), backticks and
backslashes are escaped too.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import itertools
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import folium
import numpy as np
import pyogrio
import shapely
from shapely.geometry import mapping, shape

from partnermap.data import texts
from partnermap.data.citations import cite
from partnermap.data.schema import Locality, Record
from partnermap.data.view import MapView
from partnermap.exports import describe, extent
from partnermap.exports.request import ExportRequest
from partnermap.geo.arcs import great_circles
from partnermap.geo.basemap import ATTRIBUTION, BASEMAP_DIR, admin1_geojson
from partnermap.layers import arcs, hubs, placenames, points, projection, regions
from partnermap.layers.figure import drawn_note, map_traces

#: Longitudes west of this are moved east by 360 degrees (the Americas, to the right of Asia).
FRAME_WEST = -25.0
#: Records listed in one popup; the rest are counted.
POPUP_RECORDS = 8
_HOME_BOUNDS = [[15.0, 70.0], [55.0, 295.0]]

# folium-offline embeds each asset under the address of the copy it replaces; these are the
# ends of those addresses. Nothing is fetched: the page carries the embedded text.
_INLINE_JS = ("/leaflet@1.9.3/dist/leaflet.js", "/jquery-3.7.1.min.js")
_INLINE_CSS = ("/leaflet@1.9.3/dist/leaflet.css",)
_EAST = np.array([360.0, 0.0])
_TEMPLATE_LITERAL = str.maketrans({"$": "&#36;", "`": "&#96;", "\\": "&#92;"})
#: What plotly's escaping leaves for a template literal ("$" is already an entity), and quotes,
#: as ``escape`` does.
_TEMPLATE_LITERAL_REST = str.maketrans({"`": "&#96;", "\\": "&#92;", '"': "&quot;", "'": "&#x27;"})

_PAGE_CSS = """
html, body {height: 100%; margin: 0; font-family: "Noto Sans CJK SC", "Noto Sans", sans-serif;}
.leaflet-container {background: #f4f8fb;}
.pm-header {position: absolute; z-index: 1000; top: 10px; left: 54px; max-width: 60%;
  background: rgba(255,255,255,0.92); padding: 8px 12px; border-radius: 4px;
  box-shadow: 0 1px 4px rgba(0,0,0,0.3);}
.pm-header h1 {font-size: 20px; margin: 0 0 4px;}
.pm-header p {margin: 2px 0; font-size: 13px; color: #333;}
.pm-header details {font-size: 12px; color: #333;}
.pm-legend {position: absolute; z-index: 1000; bottom: 24px; right: 10px; font-size: 12px;
  background: rgba(255,255,255,0.92); padding: 8px 10px; border-radius: 4px;
  box-shadow: 0 1px 4px rgba(0,0,0,0.3); line-height: 18px;}
.pm-legend i {display: inline-block; vertical-align: middle; margin-right: 6px;}
.pm-popup ul {padding-left: 16px; margin: 4px 0;}
.pm-popup small {color: #555;}
.pm-popup blockquote {margin: 2px 0; padding: 2px 6px; border-left: 3px solid #5e3c99;
  background: #f3f0f8; white-space: pre-wrap;}
.leaflet-tooltip.pm-label {background: transparent; border: none; box-shadow: none;
  padding: 0; font-size: 11px; color: #222;
  text-shadow: 1px 1px 1px #fff, -1px -1px 1px #fff, 1px -1px 1px #fff, -1px 1px 1px #fff;}
.leaflet-tooltip.pm-label::before {display: none;}
.pm-hub {transform: rotate(45deg); border: 1px solid #fff;}
.pm-footer {position: absolute; z-index: 1000; bottom: 0; left: 0; right: 0; font-size: 11px;
  background: rgba(255,255,255,0.85); padding: 2px 8px; color: #444;}
"""


def escape(text: object) -> str:
    """Escape ``text`` for HTML that folium embeds in a JavaScript template literal.

    Examples
    --------
    >>> escape("<b>${x}</b> `a` \\\\ & 'q'")
    '&lt;b&gt;&#36;{x}&lt;/b&gt; &#96;a&#96; &#92; &amp; &#x27;q&#x27;'
    """
    return html.escape("" if text is None else str(text)).translate(_TEMPLATE_LITERAL)


def map_page(
    view: MapView,
    request: ExportRequest,
    localities: Mapping[str, Locality],
    today: dt.date | None = None,
) -> str:
    """Return the whole standalone page for ``view``.

    Parameters
    ----------
    view
        The filtered view, as the dashboard builds it.
    request
        Title, language, the map extent to open on and the selection to draw whole (the page
        size does not apply to a page).
    localities
        The locality table, by id, for the filter line.
    today
        The export date (defaults to today).

    Returns
    -------
    str
        One HTML document with every script, style and shape inlined.
    """
    lang = request.lang
    page = _OfflineMap(location=[35, 180], zoom_start=2, tiles=None, prefer_canvas=False)
    root = page.get_root()
    for i, asset in enumerate(_INLINE_JS):
        root.header.add_child(folium.Element(f"<script>{_vendored(asset)}</script>"), f"js{i}")
    for i, asset in enumerate(_INLINE_CSS):
        root.header.add_child(folium.Element(f"<style>{_vendored(asset)}</style>"), f"css{i}")
    root.header.add_child(folium.Element(f"<style>{_PAGE_CSS}</style>"), "pm-css")
    title = request.title or describe.default_title(lang)
    root.header.add_child(folium.Element(f"<title>{html.escape(title)}</title>"), "pm-title")

    view = extent.shown(view, request)
    traces = map_traces(view, lang, request.selection)
    by_place = _records_by_place(view.records)
    _basemap().add_to(page)
    for trace in traces:
        _draw(trace, by_place, lang).add_to(page)

    root.html.add_child(folium.Element(_header(view, request, localities, lang)), "pm-header")
    root.html.add_child(folium.Element(_legend(view, lang)), "pm-legend")
    footer = f"{describe.export_date(lang, today)} · {ATTRIBUTION[lang]}"
    root.html.add_child(folium.Element(f'<div class="pm-footer">{escape(footer)}</div>'), "pm-ft")
    page.fit_bounds(_bounds(traces, extent.frame(request.geo)))
    return root.render()


class _OfflineMap(folium.Map):
    """A folium map that links no CDN: the scripts it needs are inlined by ``map_page``."""

    default_js: list[tuple[str, str]] = []  # noqa: RUF012 (folium's own class attribute)
    default_css: list[tuple[str, str]] = []  # noqa: RUF012


@functools.cache
def _vendored(address_end: str) -> str:
    """The text folium-offline embeds for the asset whose address ends with ``address_end``."""
    from offlinefolium.elements import _res  # 3.5 MB of embedded assets: load on first use

    [text] = [text for address, text in _res.items() if address.endswith(address_end)]
    return text


@functools.cache
def _countries() -> dict[str, Any]:
    """The world's countries from our TopoJSON, twice: as is and 360 degrees east."""
    frame = pyogrio.read_dataframe(BASEMAP_DIR / "world_110m.json", layer="countries")
    frame = frame[frame["id"] != "ATA"]
    # Two decimals (about 1 km) are plenty at the zooms a briefing map is read at.
    geometries = shapely.transform(frame.geometry.to_numpy(), lambda xy: xy.round(2))
    shifted = shapely.transform(geometries, lambda xy: xy + _EAST)
    features = [
        {"type": "Feature", "properties": {}, "geometry": mapping(geometry)}
        for geometry in (*geometries, *shifted)
        if not geometry.is_empty
    ]
    return {"type": "FeatureCollection", "features": features}


def _basemap() -> folium.GeoJson:
    return folium.GeoJson(
        _countries(),
        name="basemap",
        style_function=lambda _: {
            "fillColor": "#efeee8",
            "fillOpacity": 1,
            "color": "#b8b8b0",
            "weight": 0.6,
        },
        interactive=False,
        control=False,
    )


@functools.cache
def _admin1_in_frame() -> tuple[dict[str, Any], ...]:
    features = []
    for feature in admin1_geojson()["features"]:
        geometry = shapely.transform(
            shape(feature["geometry"]),
            lambda xy: np.where(xy[:, :1] < FRAME_WEST, xy + _EAST, xy),
        )
        features.append({**feature, "geometry": mapping(geometry)})
    return tuple(features)


def _draw(
    trace: Mapping[str, Any], by_place: Mapping[str, Sequence[Record]], lang: str
) -> folium.FeatureGroup:
    """One layer trace as Leaflet shapes: its geometry, colours, sizes and hover text as the
    dashboard draws them; popups add each record's quote."""
    group = folium.FeatureGroup(name=trace["uid"], control=False)
    if trace["type"] == "choropleth":
        _shaded(trace, group)
    elif trace["mode"] == "lines":
        _lines(trace, group)
    elif trace["mode"] == "markers+text":
        _labels(trace, group)
    else:
        _markers(trace, by_place, lang, group)
    return group


def _shaded(trace: Mapping[str, Any], group: folium.FeatureGroup) -> None:
    shades = dict(zip(trace["locations"], np.asarray(trace["z"]).tolist(), strict=True))
    tips = dict(zip(trace["locations"], trace["text"], strict=True))
    top = max(1, trace["zmax"])
    for feature in _admin1_in_frame():
        if feature["id"] not in shades:
            continue
        color = _colorscale(shades[feature["id"]] / top, trace["colorscale"])
        folium.GeoJson(
            {"type": "FeatureCollection", "features": [feature]},
            style_function=lambda _, c=color: {
                "fillColor": c,
                "fillOpacity": 0.85,
                "color": "#ffffff",
                "weight": 0.5,
            },
            tooltip=folium.Tooltip(_from_plotly(tips[feature["id"]])),
            control=False,
        ).add_to(group)


def _lines(trace: Mapping[str, Any], group: folium.FeatureGroup) -> None:
    lat = np.asarray(trace["lat"], dtype=float)
    lon = np.asarray(trace["lon"], dtype=float)
    line = trace["line"]
    for path_lat, path_lon in _paths(lat, lon):
        folium.PolyLine(
            list(zip(path_lat.round(4), path_lon.round(4), strict=True)),
            color=line["color"],
            weight=line["width"],
            dash_array=_DASHES.get(line.get("dash", "solid")),
            opacity=trace.get("opacity", 1.0),
            interactive=False,
            class_name=f"pm-line pm-{trace['uid']}",
        ).add_to(group)


#: Leaflet's dash patterns of plotly's line dashes (none: solid).
_DASHES = {"dot": "2 4", "dash": "6 4"}


def _labels(trace: Mapping[str, Any], group: folium.FeatureGroup) -> None:
    """The place names where the layer put them: off their place by its marker's size, as
    permanent tooltips (whose text folium writes as given, already escaped)."""
    sizes = np.asarray(trace["marker"]["size"], dtype=float)
    for lat, lon, text, position, size in zip(
        trace["lat"], trace["lon"], trace["text"], trace["textposition"], sizes, strict=True
    ):
        off = size / 1.6 + 1
        direction, offset = _LABEL_SIDES[position](off)
        folium.CircleMarker(
            [float(lat), _in_frame(float(lon))], radius=0, opacity=0, fill=False
        ).add_child(
            folium.Tooltip(
                _from_plotly(text),
                permanent=True,
                direction=direction,
                offset=offset,
                class_name="pm-label",
            )
        ).add_to(group)


#: A label's plotly position -> Leaflet's tooltip direction and offset (pixels) off its place.
_LABEL_SIDES = {
    "top center": lambda off: ("top", (0, -off)),
    "bottom center": lambda off: ("bottom", (0, off)),
    "middle right": lambda off: ("right", (off, 0)),
    "middle left": lambda off: ("left", (-off, 0)),
}


#: The marker of a trace that draws nothing (mode "none": the links' middles): in Leaflet an
#: invisible circle, a target to hover and click as in the dashboard.
_TARGET = {"size": 9, "color": "rgba(0, 0, 0, 0)"}


def _markers(
    trace: Mapping[str, Any],
    by_place: Mapping[str, Sequence[Record]],
    lang: str,
    group: folium.FeatureGroup,
) -> None:
    marker = trace.get("marker", _TARGET)
    n = len(trace["lat"])
    sizes = np.broadcast_to(np.asarray(marker.get("size", 6), dtype=float), (n,))
    for i, (lat, lon, data, text) in enumerate(
        zip(trace["lat"], trace["lon"], trace["customdata"], trace["text"], strict=True)
    ):
        heading = _from_plotly(text.split("<br>")[0])
        records = _records_of(data, by_place)
        popup = folium.Popup(_popup(heading, records, lang), max_width=440)
        where = [float(lat), _in_frame(float(lon))]
        size = float(sizes[i])
        shade = trace.get("opacity", 1.0)  # dimmed behind a selection
        if marker.get("symbol") == "diamond":
            box = size * 0.72
            folium.Marker(
                where,
                icon=folium.DivIcon(
                    html=f'<div class="pm-hub" style="width:{box:.1f}px;height:{box:.1f}px;'
                    f"margin:{-box / 2:.1f}px 0 0 {-box / 2:.1f}px;background:{marker['color']};"
                    f'opacity:{shade}">'
                    "</div>",
                    icon_size=(0, 0),
                ),
                popup=popup,
                tooltip=folium.Tooltip(_from_plotly(text)),
            ).add_to(group)
            continue
        visible = marker["color"] != "rgba(0, 0, 0, 0)"
        ring = marker.get("symbol") == "circle-open"  # a selected place: a ring round it
        folium.CircleMarker(
            location=where,
            radius=size / 2,
            color=marker.get("line", {}).get("color", "#ffffff") if visible else "transparent",
            weight=marker.get("line", {}).get("width", 1),
            opacity=shade,
            fill=True,
            fill_color=marker["color"],
            fill_opacity=marker.get("opacity", 1.0) * shade if visible and not ring else 0.0,
            popup=popup,
            tooltip=folium.Tooltip(_from_plotly(text)),
            class_name=f"pm-{trace['uid']}",
        ).add_to(group)


def _records_of(data: Sequence[str], by_place: Mapping[str, Sequence[Record]]) -> list[Record]:
    """The records behind a mark's click data: a place's, or those naming both ends of a link."""
    kind, *ids = data
    if kind == "place":
        return list(by_place.get(ids[0], ()))
    both = {r.id for r in by_place.get(ids[-1], ())}
    return [r for r in by_place.get(ids[0], ()) if r.id in both]


def _paths(lat: np.ndarray, lon: np.ndarray) -> list[tuple[np.ndarray, np.ndarray]]:
    """The NaN-separated paths of a line trace as plotly draws them, each continuous in the
    Pacific frame: plotly joins a trace's points by great circles, Leaflet by straight lines,
    so each step is filled in along its great circle."""
    paths = []
    breaks = np.flatnonzero(np.isnan(lat))
    for part_lat, part_lon in zip(np.split(lat, breaks), np.split(lon, breaks), strict=True):
        keep = ~np.isnan(part_lat)
        if keep.sum() < 2:
            continue
        ends_lat, ends_lon = part_lat[keep], part_lon[keep]
        step_lat, step_lon = great_circles(
            ends_lat[:-1], ends_lon[:-1], ends_lat[1:], ends_lon[1:], _STEP_POINTS
        )
        path_lat = np.concatenate([step_lat[:, :-1].ravel(), ends_lat[-1:]])
        path_lon = np.concatenate([step_lon[:, :-1].ravel(), ends_lon[-1:]])
        path_lon = np.degrees(np.unwrap(np.radians(path_lon)))
        path_lon += _in_frame(path_lon[0]) - path_lon[0]
        paths.append((path_lat, path_lon))
    return paths


#: Points per great-circle step of a line in the HTML map.
_STEP_POINTS = 12


def _from_plotly(text: str) -> str:
    """Hover text of a layer (``layers.text.plotly_text``: markup characters already entities,
    lines joined by ``<br>``) made safe inside folium's JavaScript template literals."""
    return text.translate(_TEMPLATE_LITERAL_REST)


def _popup(heading: str, records: Sequence[Record], lang: str) -> str:
    items = "".join(_record_item(record, lang) for record in records[:POPUP_RECORDS])
    more = len(records) - POPUP_RECORDS
    if more > 0:
        items += f"<li>{escape(texts.ui('more', lang).format(n=more))}</li>"
    return (
        f'<div class="pm-popup"><b>{heading}</b><br>'
        f"{escape(texts.agreements(len(records), lang))}<ul>{items}</ul></div>"
    )


def _record_item(record: Record, lang: str) -> str:
    title = (record.title_zh if lang == "zh" else None) or record.title
    date = record.date or texts.ui("undated", lang)
    kind = texts.agreement_type(record.type, lang)
    quotes = "".join(
        f"<blockquote>{escape(source.quote)}</blockquote>" for source in record.sources
    )
    sources = "; ".join(str(cite(source)) for source in record.sources)
    return (
        f"<li>{escape(date)} · {escape(kind)} · {escape(title)}{quotes}"
        f"<small>{escape(texts.ui('source', lang))}: {escape(sources)}</small></li>"
    )


def _header(
    view: MapView, request: ExportRequest, localities: Mapping[str, Locality], lang: str
) -> str:
    title = request.title or describe.default_title(lang)
    documents = describe.source_list(view.records, 50, lang)
    lines = [
        describe.filter_summary(view.state, localities, lang),
        describe.selection_line(view, request.selection, lang),
    ]
    notes = [drawn_note(view, lang), describe.selection_note(view, request.selection, lang)]
    return (
        '<div class="pm-header">'
        f"<h1>{escape(title)}</h1>"
        + "".join(f"<p>{escape(line)}</p>" for line in lines if line)
        + f"<p><b>{escape(describe.count_summary(view.records, localities, lang))}</b></p>"
        + "".join(f"<p>{escape(note)}</p>" for note in notes if note)
        + f"<details><summary>{escape(texts.ui('sources', lang))}</summary>"
        f"{'<br>'.join(escape(d) for d in documents)}</details>"
        "</div>"
    )


def _legend(view: MapView, lang: str) -> str:
    """The dashboard's legend entries (the layers' own), with the shading's range in view."""
    rows = [
        f'<i style="width:12px;height:12px;border-radius:6px;background:{e["color"]}"></i>'
        f"{escape(e['label'])}"
        for e in points.legend_entries(view, lang)
    ]
    rows += [
        f'<i style="width:10px;height:10px;transform:rotate(45deg);background:{e["color"]}"></i>'
        f"{escape(e['label'])}"
        for e in hubs.legend_entries(lang)
    ]
    kinds = arcs.legend_entries(lang)[: len(arcs.KINDS)]
    rows += [
        f'<i style="width:24px;border-top:2px {"dotted" if e["dash"] == "dot" else "solid"} '
        f'{e["color"]}"></i>{escape(e["label"])}'
        for e in kinds
    ]
    top = max(1, int(view.regions["count"].to_numpy().max(initial=0)))
    gradient = ", ".join(_colorscale(f, regions.COLORSCALE) for f in (0.01, 0.35, 1.0))
    rows.append(
        f'<i style="width:60px;height:10px;background:linear-gradient(to right, {gradient})"></i>'
        f"{escape(texts.ui('col_count', lang))}: 1–{top}"
    )
    return '<div class="pm-legend">' + "<br>".join(rows) + "</div>"


def _records_by_place(records: Iterable[Record]) -> dict[str, list[Record]]:
    by_place: dict[str, list[Record]] = defaultdict(list)
    for record in records:
        for place in dict.fromkeys(ref.id for ref in record.localities):
            by_place[place].append(record)
    return by_place


def _bounds(
    traces: Sequence[Mapping[str, Any]], frame: Mapping[str, Any] | None
) -> list[list[float]]:
    """What the map opens on: the marks and link vertices inside the extent the person left
    (``frame``), else what the dashboard frames: a selection's places and links, or every drawn
    mark and link vertex; the home view when there are none."""
    marks = [t for t in traces if t["type"] == "scattergeo" and t["uid"] != "place-names"]
    selected = [t for t in marks if t["uid"].startswith("selected-")]
    lat_all, lon_all = _vertices(marks)
    if frame is not None:
        x, y = projection.pixels(lon_all, lat_all, frame, *placenames.BOX)
        inside = (x >= 0) & (x <= placenames.BOX[0]) & (y >= 0) & (y <= placenames.BOX[1])
        if inside.any():
            lat_all, lon_all = lat_all[inside], lon_all[inside]
    elif np.isfinite(_vertices(selected)[0]).any():
        lat_all, lon_all = _vertices(selected)
    keep = ~np.isnan(lat_all)
    if not keep.any():
        return _HOME_BOUNDS
    lat_all = lat_all[keep]
    lon_all = np.array([_in_frame(x) for x in lon_all[keep]])
    pad = 2.0
    return [[lat_all.min() - pad, lon_all.min() - pad], [lat_all.max() + pad, lon_all.max() + pad]]


def _vertices(traces: Sequence[Mapping[str, Any]]) -> tuple[np.ndarray, np.ndarray]:
    """Latitudes and longitudes of every point of ``traces``, NaN gaps included."""
    lat = [np.asarray(t["lat"], dtype=float) for t in traces]
    lon = [np.asarray(t["lon"], dtype=float) for t in traces]
    return np.concatenate([np.zeros(0), *lat]), np.concatenate([np.zeros(0), *lon])


def _in_frame(lon: float) -> float:
    """``lon`` in the page's frame, [FRAME_WEST, FRAME_WEST + 360): a link's path may run past
    either side (``layers.arcs.paths`` keeps its longitudes continuous)."""
    return (lon - FRAME_WEST) % 360.0 + FRAME_WEST


def _colorscale(fraction: float, scale: Sequence[Sequence[Any]]) -> str:
    """The colour at ``fraction`` of a plotly colour scale, linearly interpolated in RGB."""
    fraction = min(1.0, max(0.0, fraction))
    for (low, low_color), (high, high_color) in itertools.pairwise(scale):
        if fraction <= high:
            t = 0.0 if high == low else (fraction - low) / (high - low)
            a, b = _rgb(low_color), _rgb(high_color)
            return "#" + "".join(f"{round(x + (y - x) * t):02x}" for x, y in zip(a, b, strict=True))
    return scale[-1][1]


def _rgb(color: str) -> tuple[int, int, int]:
    return int(color[1:3], 16), int(color[3:5], 16), int(color[5:7], 16)
