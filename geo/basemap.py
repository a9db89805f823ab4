"""The offline basemap: the TopoJSON plotly.js draws and the admin-1 shapes the map shades.

The files in ``data/basemap/`` are built by ``scripts/build_basemap.py``; sources, licenses and
the point of view are in ``data/README.md`` ("Boundaries and basemap").

Serve :data:`BASEMAP_DIR` at a URL and give it to the figure's config, so plotly.js never asks
its CDN: ``dcc.Graph(config={"topojsonURL": "/basemap/"})`` makes it fetch
``/basemap/world_110m.json`` for ``geo.scope="world"`` at the default ``resolution=110``.
That file is the only resolution and scope built.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

BASEMAP_DIR: Path = Path(__file__).resolve().parent.parent / "data" / "basemap"
ADMIN1_FILE = BASEMAP_DIR / "admin1.geojson"

ATTRIBUTION: dict[str, str] = {
    "en": (
        "Boundaries: Natural Earth (public domain); US states: US Census Bureau; "
        "Chinese provinces: Amap via DataV.GeoAtlas (geotool-cn). Not a statement on sovereignty."
    ),
    "zh": (
        "边界：Natural Earth（公有领域）；美国州界：美国人口普查局；"
        "中国省界：高德地图，经 DataV.GeoAtlas（geotool-cn）。不代表对主权的立场。"
    ),
}


@functools.cache
def admin1_geojson() -> dict:
    """Return the US states, DC and Chinese provinces as a GeoJSON FeatureCollection.

    Returns
    -------
    dict
        One Feature per area, ``id`` in the locality convention (``"US-CA"``,
        ``"cn:320000"``) and properties ``name_en``, ``name_zh`` and ``country`` (``"US"`` or
        ``"CN"``): the 50 states and DC, the 31 provinces, autonomous regions and
        municipalities of the mainland, and Hong Kong and Macau. Exterior rings run clockwise,
        as plotly.js's geo subplot needs for ``Choropleth(geojson=..., locationmode=
        "geojson-id")``. Shared between callers: treat it as read-only.
    """
    return json.loads(ADMIN1_FILE.read_text(encoding="utf-8"))


def admin1_shapes() -> dict:
    """The FeatureCollection the page's choropleth draws: each area's ``id`` and geometry.

    The names stay on the server, which writes them into the figure's hover text; the page
    need not download them (``admin1_geojson`` has them).
    """
    features = admin1_geojson()["features"]
    return {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "id": f["id"], "geometry": f["geometry"]} for f in features
        ],
    }
