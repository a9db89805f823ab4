"""The standalone HTML export: a Leaflet map (via folium) that opens with no network at all.

Leaflet's JS and CSS and jQuery (which folium's popups call) are inlined from folium-offline's
packaged copies; folium's Bootstrap and icon fonts are dropped, and there are no tiles: the
basemap is our own boundary data. The layers mirror the dashboard's (shaded states and
provinces, arcs in the same width bands, points in the same colours and sizes) and read the
same ``MapView``.

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
from partnermap.data.schema import Locality, Record
from partnermap.data.view import MapView
from partnermap.exports import describe
from partnermap.exports.request import ExportRequest
from partnermap.exports.tables import source_names
from partnermap.geo.basemap import ATTRIBUTION, BASEMAP_DIR, admin1_geojson
from partnermap.layers import arcs, points, regions
from partnermap.layers.figure import drawn_note

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
        Title and language (the page size does not apply to a page).
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

    _basemap().add_to(page)
    _regions_layer(view, lang).add_to(page)
    by_place = _records_by_place(view.records)
    _arcs_layer(view, by_place, lang).add_to(page)
    _points_layer(view, by_place, lang).add_to(page)

    root.html.add_child(folium.Element(_header(view, request, localities, lang)), "pm-header")
    root.html.add_child(folium.Element(_legend(view, lang)), "pm-legend")
    footer = f"{describe.export_date(lang, today)} · {ATTRIBUTION[lang]}"
    root.html.add_child(folium.Element(f'<div class="pm-footer">{escape(footer)}</div>'), "pm-ft")
    page.fit_bounds(_bounds(view))
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


def _regions_layer(view: MapView, lang: str) -> folium.FeatureGroup:
    group = folium.FeatureGroup(name="regions", control=False)
    counts = dict(zip(view.regions["id"], view.regions["count"], strict=True))
    top = max(1, max(counts.values(), default=0))
    for feature in _admin1_in_frame():
        count = int(counts.get(feature["id"], 0))
        props = feature["properties"]
        color = _colorscale(count / top, regions.COLORSCALE)
        tip = f"{escape(texts.bilingual(props['name_en'], props.get('name_zh')))}"
        tip += f"<br>{escape(texts.agreements(count, lang))}"
        folium.GeoJson(
            {"type": "FeatureCollection", "features": [feature]},
            style_function=lambda _, c=color: {
                "fillColor": c,
                "fillOpacity": 0.85,
                "color": "#ffffff",
                "weight": 0.5,
            },
            tooltip=folium.Tooltip(tip),
            control=False,
        ).add_to(group)
    return group


def _arcs_layer(
    view: MapView, by_place: Mapping[str, Sequence[Record]], lang: str
) -> folium.FeatureGroup:
    group = folium.FeatureGroup(name="arcs", control=False)
    drawn = arcs.drawn_rows(view)  # as the dashboard draws them
    table = view.arcs.iloc[drawn]
    for row, lat, lon in zip(
        table.itertuples(index=False), view.arc_lat[drawn], view.arc_lon[drawn], strict=True
    ):
        lon = np.asarray(lon, dtype=float)
        if lon[0] < FRAME_WEST:
            lon = lon + 360.0
        band = next(
            b for b in arcs.BANDS if row.count >= b.low and (b.high is None or row.count <= b.high)
        )
        other = {record.id for record in by_place[row.b]}
        shared = [record for record in by_place[row.a] if record.id in other]
        heading = (
            f"{texts.bilingual(row.a_name_en, row.a_name_zh)} — "
            f"{texts.bilingual(row.b_name_en, row.b_name_zh)}"
        )
        folium.PolyLine(
            list(zip(np.asarray(lat, dtype=float).round(4), lon.round(4), strict=True)),
            color=arcs.ARC_COLOR,
            weight=band.width,
            popup=folium.Popup(_popup(heading, int(row.count), shared, lang), max_width=420),
            class_name="pm-arc",
        ).add_to(group)
    return group


def _points_layer(
    view: MapView, by_place: Mapping[str, Sequence[Record]], lang: str
) -> folium.FeatureGroup:
    group = folium.FeatureGroup(name="points", control=False)
    table = points.drawn(view)  # as the dashboard draws them
    largest = max(1, int(table["count"].to_numpy().max(initial=0)))
    diameters = points.sizes(table["count"].to_numpy(), largest)
    for row, diameter in zip(table.itertuples(index=False), diameters, strict=True):
        heading = texts.bilingual(row.name_en, row.name_zh)
        folium.CircleMarker(
            location=[row.lat, _in_frame(row.lon)],
            radius=float(diameter) / 2,
            color="#ffffff",
            weight=1,
            fill=True,
            fill_color=points.COLORS[row.country],
            fill_opacity=0.85,
            popup=folium.Popup(
                _popup(heading, int(row.count), by_place[row.id], lang), max_width=420
            ),
            tooltip=folium.Tooltip(escape(texts.name(row.name_en, row.name_zh, lang))),
            class_name=f"pm-point pm-point-{row.country.lower()}",
        ).add_to(group)
    return group


def _popup(heading: str, count: int, records: Sequence[Record], lang: str) -> str:
    items = "".join(_record_item(record, lang) for record in records[:POPUP_RECORDS])
    more = len(records) - POPUP_RECORDS
    if more > 0:
        items += f"<li>{escape(texts.ui('more', lang).format(n=more))}</li>"
    return (
        f'<div class="pm-popup"><b>{escape(heading)}</b><br>'
        f"{escape(texts.agreements(count, lang))}<ul>{items}</ul></div>"
    )


def _record_item(record: Record, lang: str) -> str:
    title = (record.title_zh if lang == "zh" else None) or record.title
    date = record.date or texts.ui("undated", lang)
    kind = texts.agreement_type(record.type, lang)
    sources = "; ".join(source_names(record.sources))
    return (
        f"<li>{escape(date)} · {escape(kind)} · {escape(title)}"
        f"<br><small>{escape(texts.ui('source', lang))}: {escape(sources)}</small></li>"
    )


def _header(
    view: MapView, request: ExportRequest, localities: Mapping[str, Locality], lang: str
) -> str:
    title = request.title or describe.default_title(lang)
    documents = describe.source_list(view.records, 50, lang)
    note = drawn_note(view, lang)
    return (
        '<div class="pm-header">'
        f"<h1>{escape(title)}</h1>"
        f"<p>{escape(describe.filter_summary(view.state, localities, lang))}</p>"
        f"<p><b>{escape(describe.count_summary(view.records, localities, lang))}</b></p>"
        + (f"<p>{escape(note)}</p>" if note else "")
        + f"<details><summary>{escape(texts.ui('sources', lang))}</summary>"
        f"{'<br>'.join(escape(d) for d in documents)}</details>"
        "</div>"
    )


def _legend(view: MapView, lang: str) -> str:
    rows = [
        f'<i style="width:12px;height:12px;border-radius:6px;background:{e["color"]}"></i>'
        f"{escape(e['label'])}"
        for e in points.legend_entries(lang)
    ]
    present = set(view.arcs["count"].iloc[arcs.drawn_rows(view)])
    rows += [
        f'<i style="width:24px;height:{e["width"]}px;background:{e["color"]}"></i>'
        f"{escape(e['label'])}"
        for band, e in zip(arcs.BANDS, arcs.legend_entries(lang), strict=True)
        if any(band.low <= n and (band.high is None or n <= band.high) for n in present)
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


def _bounds(view: MapView) -> list[list[float]]:
    """The points in view, or the home frame (China to the US east coast) when there are none."""
    if view.points.empty:
        return _HOME_BOUNDS
    lat = view.points["lat"].to_numpy()
    lon = np.array([_in_frame(x) for x in view.points["lon"]])
    pad = 2.0
    return [[lat.min() - pad, lon.min() - pad], [lat.max() + pad, lon.max() + pad]]


def _in_frame(lon: float) -> float:
    return lon + 360.0 if lon < FRAME_WEST else lon


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
