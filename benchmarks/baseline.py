"""The baseline: a map dashboard written the naive way, for the benchmark to compare against.

Every filter change filters the records in a Python loop and rebuilds the whole plotly figure:
one great-circle arc of ``ARC_POINTS`` vertices per agreement (each Chinese x US pair it names)
in one line trace, a marker per place, and a choropleth of states and provinces carrying its
GeoJSON inline, sent whole as JSON lists without compression. It has the dashboard's filter
controls, with the same ids and values, so one driver changes both; like the dashboard, it
serves plotly's basemap itself (no CDN).

Serve it with ``python -m partnermap.benchmarks.baseline --data DIR --port PORT``.
"""

from __future__ import annotations

import argparse
import logging
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import plotly.graph_objects as go
import yaml
from dash import Dash, Input, Output, dcc, html
from flask import Response, send_from_directory

from partnermap.data.filters import LEVEL_GROUPS, FilterState, select
from partnermap.data.schema import Locality, Record
from partnermap.data.vocabulary import SECTORS, TYPES
from partnermap.geo import basemap
from partnermap.geo.arcs import great_circles

ARC_POINTS = 16


def load(data_dir: Path) -> tuple[list[Record], dict[str, Locality]]:
    """Read a data directory with the C YAML parser and no per-line error reporting."""

    def rows(path: Path, key: str) -> list[dict]:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)[key]

    localities = {
        row["id"]: Locality.model_validate(row)
        for row in rows(data_dir / "localities.yaml", "localities")
    }
    records = [
        Record.model_validate(row)
        for path in sorted((data_dir / "records").glob("*.yaml"))
        for row in rows(path, "records")
    ]
    return records, localities


def naive_figure(
    records: Sequence[Record], localities: dict[str, Locality], admin1: dict
) -> go.Figure:
    """The whole map of ``records``: arcs, places and shaded states and provinces."""
    lat: list[float | None] = []
    lon: list[float | None] = []
    for record in records:
        places = [localities[ref.id] for ref in record.localities]
        for a in (p for p in places if p.country == "CN"):
            for b in (p for p in places if p.country == "US"):
                arc_lat, arc_lon = great_circles(
                    np.array([a.lat]),
                    np.array([a.lon]),
                    np.array([b.lat]),
                    np.array([b.lon]),
                    ARC_POINTS,
                )
                lat += [*arc_lat[0].tolist(), None]
                lon += [*arc_lon[0].tolist(), None]
    named = Counter(ref.id for record in records for ref in record.localities)
    regions = Counter(localities[pid].admin1 for pid in named.elements())
    points = [localities[pid] for pid in named]
    region_names = [f["properties"]["name_en"] for f in admin1["features"]]
    return go.Figure(
        data=[
            go.Choropleth(
                geojson=admin1,
                featureidkey="properties.name_en",
                locations=region_names,
                z=[regions.get(name, 0) for name in region_names],
                colorscale="Greens",
            ),
            go.Scattergeo(lat=lat, lon=lon, mode="lines", line={"width": 1}, hoverinfo="skip"),
            go.Scattergeo(
                lat=[p.lat for p in points],
                lon=[p.lon for p in points],
                text=[f"{p.name_en}: {named[p.id]}" for p in points],
                mode="markers",
                marker={"size": [4 + min(named[p.id], 30) for p in points]},
            ),
        ],
        layout={
            "height": 520,
            "margin": {"l": 0, "r": 0, "t": 0, "b": 0},
            "geo": {"projection": {"type": "natural earth"}, "showcountries": True},
            "showlegend": False,
        },
    )


def create_naive_app(data_dir: Path) -> Dash:
    """Return the naive dashboard over ``data_dir``."""
    records, localities = load(data_dir)
    admin1 = basemap.admin1_geojson()
    years = [r.year for r in records if r.year is not None]
    first, last = min(years), max(years)
    app = Dash(__name__, title="baseline", serve_locally=True)
    app.layout = html.Div(
        [
            dcc.Dropdown(id="filter-sector", options=list(SECTORS), value=[], multi=True),
            dcc.Dropdown(id="filter-type", options=list(TYPES), value=[], multi=True),
            dcc.RadioItems(id="filter-level", options=["", *LEVEL_GROUPS], value=""),
            dcc.RangeSlider(id="filter-years", min=first, max=last, value=[first, last]),
            dcc.Graph(id="map", config={"topojsonURL": "basemap/"}),
        ]
    )

    @app.server.route("/basemap/<path:name>")
    def basemap_file(name: str) -> Response:
        return send_from_directory(basemap.BASEMAP_DIR, name)

    @app.callback(
        Output("map", "figure"),
        Input("filter-sector", "value"),
        Input("filter-type", "value"),
        Input("filter-level", "value"),
        Input("filter-years", "value"),
    )
    def repaint(sectors: list[str], types: list[str], level: str, span: list[int]) -> go.Figure:
        state = FilterState(
            sectors=frozenset(sectors or ()),
            types=frozenset(types or ()),
            year_from=span[0] if span[0] > first else None,
            year_to=span[1] if span[1] < last else None,
            level=level or None,
        )
        return naive_figure(select(records, state, localities), localities, admin1)

    return app


def main(argv: Sequence[str] | None = None) -> int:
    """Serve the naive dashboard."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--port", type=int, default=8060)
    args = parser.parse_args(argv)
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    create_naive_app(args.data).run(host="127.0.0.1", port=args.port, debug=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
