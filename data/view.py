"""The map view: the filtered, aggregated frames that every dashboard layer reads.

``build_index`` turns a corpus into per-record arrays once, at start-up; ``build_view`` applies a
``FilterState`` to them with vectorised masks and counts, once per filter change. Layers only
read a ``MapView``; they never filter.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from operator import itemgetter

import numpy as np
import pandas as pd
from numpy.typing import NDArray

from partnermap.data.counting import UNDATED, primary_sector, year_of
from partnermap.data.filters import LEVEL_GROUPS, FilterState
from partnermap.data.loader import Corpus
from partnermap.data.marks import NATIONAL_LEVEL, mark
from partnermap.data.schema import Locality, Record
from partnermap.data.vocabulary import SECTORS, TYPES
from partnermap.geo.arcs import great_circles, midpoints

#: Columns of the regions table (US states and Chinese provinces) that choropleths shade.
REGION_COLUMNS = ["id", "name_en", "name_zh", "country"]
#: Above this many place-to-place arcs the map joins them by state-and-province pair: ten
#: thousand arcs are an unreadable hairball that takes plotly seconds to draw.
MAX_PLACE_ARCS = 1_000
#: The two timeline facets, each with the vocabulary its categories come from.
FACETS = {"sector": list(SECTORS), "type": list(TYPES)}

IntArray = NDArray[np.int64]


@dataclass(frozen=True, eq=False)
class CorpusIndex:
    """Per-record and per-locality arrays of a corpus, computed once.

    Attributes
    ----------
    records
        The records, in corpus order; every array below indexes them by position.
    places
        One row per locality (``id`` is the index): names, country, level, lat, lon, and
        ``region``, the position in ``regions`` of its state or province (-1 for none).
    regions
        The states and provinces, columns ``REGION_COLUMNS``.
    year
        Each record's year, ``UNDATED`` (-1) when undated.
    type_code
        Each record's type as a position in ``TYPES``.
    primary
        Each record's primary sector (``counting.primary_sector``) as a position in ``SECTORS``.
    sectors, levels
        Boolean matrices: record x sector (``SECTORS`` order), record x level group
        (``LEVEL_GROUPS`` order).
    refs, pair_refs, region_refs
        (record, locality), (record, pair) and (record, region) incidences, each unique; only
        links (``partnermap.data.marks``) join a pair.
    pairs
        One row per partnered locality pair (Chinese side, US side), as place positions.
    venue
        Each hub record's venue as a place position, -1 for links and national records.
    participants
        Each record's number of participating places (``Mark.participants``).
    national
        Whether each record is national (no mark on the map).
    arc_lat, arc_lon
        The great-circle path of each pair, shape ``(n_pairs, points)``.
    nodes
        The ends of joined arcs: every place, then every region (``name_en``, ``name_zh``,
        ``lat``, ``lon``; a region lies at its own locality, else at the mean of its places).
    groups
        Each pair's state-and-province pair as node positions (pairs with a side outside every
        region keep their places); ``group_refs`` are the (record, group) incidences and
        ``group_arc_lat``, ``group_arc_lon`` their paths.
    """

    records: tuple[Record, ...]
    places: pd.DataFrame
    regions: pd.DataFrame
    year: IntArray
    type_code: IntArray
    primary: IntArray
    sectors: NDArray[np.bool_]
    levels: NDArray[np.bool_]
    refs: IntArray
    pairs: IntArray
    pair_refs: IntArray
    region_refs: IntArray
    venue: IntArray
    participants: IntArray
    national: NDArray[np.bool_]
    arc_lat: NDArray[np.float32]
    arc_lon: NDArray[np.float32]
    nodes: pd.DataFrame
    groups: IntArray
    group_refs: IntArray
    group_arc_lat: NDArray[np.float32]
    group_arc_lon: NDArray[np.float32]

    @property
    def year_bounds(self) -> tuple[int, int] | None:
        """The first and last year of the dated records, None when none is dated."""
        return _bounds(self.year)


@dataclass(frozen=True, eq=False)
class MapView:
    """What the dashboard shows for one filter state.

    Attributes
    ----------
    state
        The filter state the view was built for.
    records
        The records it keeps, in corpus order.
    points
        One row per locality named by a kept record: ``id``, names, ``country``, ``level``,
        ``lat``, ``lon``, ``count`` (kept records naming it), ``partners`` (localities it is
        joined to by an arc) and ``national`` (a country: counted, never drawn); most records
        first.
    hubs
        One row per kept hub record (a summit, a program...): ``record`` id, ``title``,
        ``title_zh``, ``year`` (-1 undated), ``participants``, and its venue's ``id``, names,
        ``lat`` and ``lon``.
    spokes
        One row per kept hub record and other place below country level it names: ``record``,
        ``venue`` and ``place`` ids and the ends ``venue_lat``, ``venue_lon``, ``lat``, ``lon``.
    national
        The kept national records: no mark on the map, listed beside it.
    links
        One row per kept link record (``partnermap.data.marks``): its ``record`` id and its
        ends ``a`` (Chinese side) and ``b`` (US side), the places an arc joins; what an arc
        counts, and what selecting it lists.
    arcs
        One row per partnered pair named together by kept records: ``a`` (Chinese side) and ``b``
        (US side) ids and names, ``count``, ``type`` (the first in ``TYPES`` order of its kept
        records' types) and the arc midpoint ``mid_lat``, ``mid_lon``. When
        more than ``MAX_PLACE_ARCS`` pairs are kept, one row per state-and-province pair
        instead (``arc_level`` "region"), counting the kept records joining the two.
    arc_level
        "place" or "region": what the ends of ``arcs`` are.
    arc_lat, arc_lon
        The great-circle path of each row of ``arcs``.
    regions
        Every state and province with ``count``, the kept records naming it or a place in it.
    timeline
        Kept records per year, ignoring the year filter (so a brush can widen it): columns
        ``facet`` ("sector" or "type"), ``year``, ``category`` (a slug), ``count``. Each record
        counts once per facet: under its type, and under its primary sector.
    undated
        The records the filters other than years keep that have no year: kept as long as no
        year is set, and shown beside the timeline's years.
    focus
        The localities of the place filter (same columns as ``places``), for zooming.
    places
        Every locality of the corpus, by id.
    year_bounds
        First and last year of the whole corpus (None when nothing is dated).
    years
        First and last year of the kept records (None when none is dated).
    """

    state: FilterState
    records: tuple[Record, ...]
    points: pd.DataFrame
    hubs: pd.DataFrame
    spokes: pd.DataFrame
    national: tuple[Record, ...]
    links: pd.DataFrame
    arcs: pd.DataFrame
    arc_level: str
    arc_lat: NDArray[np.float32]
    arc_lon: NDArray[np.float32]
    regions: pd.DataFrame
    timeline: pd.DataFrame
    undated: int
    focus: pd.DataFrame
    places: pd.DataFrame
    year_bounds: tuple[int, int] | None
    years: tuple[int, int] | None


def regions_from_geojson(collection: Mapping) -> pd.DataFrame:
    """Return the regions table from a FeatureCollection of states and provinces.

    Parameters
    ----------
    collection
        GeoJSON whose features carry the locality id as ``id`` and ``name_en``, ``name_zh``,
        ``country`` properties (``partnermap.geo.basemap.admin1_geojson()``).

    Returns
    -------
    pandas.DataFrame
        Columns ``REGION_COLUMNS``, one row per feature.
    """
    rows = [
        {"id": feature["id"], **{key: feature["properties"].get(key) for key in REGION_COLUMNS[1:]}}
        for feature in collection["features"]
    ]
    return pd.DataFrame(rows, columns=REGION_COLUMNS)


def build_index(corpus: Corpus, regions: pd.DataFrame) -> CorpusIndex:
    """Compute the per-record arrays of ``corpus`` once.

    Parameters
    ----------
    corpus
        The loaded records and localities.
    regions
        The states and provinces that choropleths shade (``regions_from_geojson``).

    Returns
    -------
    CorpusIndex
    """
    regions = regions.reset_index(drop=True)
    places = _places(corpus.localities.values(), regions)
    position = {lid: i for i, lid in enumerate(places.index)}
    records = corpus.records
    refs = _unique_rows(
        (r, position[ref.id]) for r, record in enumerate(records) for ref in record.localities
    )
    marks = [mark(record, corpus.localities) for record in records]
    pair_refs_raw = [
        (r, position[m.ends[0]], position[m.ends[1]]) for r, m in enumerate(marks) if m.ends
    ]
    pair_table = _unique_rows((a, b) for _, a, b in pair_refs_raw).reshape(-1, 2)
    pair_position = {(int(a), int(b)): i for i, (a, b) in enumerate(pair_table)}
    pair_refs = _unique_rows((r, pair_position[a, b]) for r, a, b in pair_refs_raw)
    place_region = places["region"].to_numpy()
    region_refs = _unique_rows(
        (r, int(place_region[p])) for r, p in refs.reshape(-1, 2) if place_region[p] >= 0
    )
    lat = places["lat"].to_numpy()
    lon = places["lon"].to_numpy()
    arc_lat, arc_lon = _paths(lat, lon, pair_table)
    nodes = _nodes(places, regions)
    groups, group_of_pair = _region_pairs(place_region, len(places), pair_table)
    group_refs = np.unique(
        np.column_stack(
            [pair_refs.reshape(-1, 2)[:, 0], group_of_pair[pair_refs.reshape(-1, 2)[:, 1]]]
        ),
        axis=0,
    )
    group_lat, group_lon = _paths(nodes["lat"].to_numpy(), nodes["lon"].to_numpy(), groups)
    return CorpusIndex(
        records=records,
        places=places,
        regions=regions,
        year=np.array([year_of(r) for r in records], dtype=np.int64),
        type_code=np.array([list(TYPES).index(r.type) for r in records], dtype=np.int64),
        primary=np.array([list(SECTORS).index(primary_sector(r)) for r in records], dtype=np.int64),
        sectors=_sector_matrix(records),
        levels=_level_groups(len(records), refs.reshape(-1, 2), places["level"].to_numpy()),
        refs=refs.reshape(-1, 2),
        pairs=pair_table,
        pair_refs=pair_refs.reshape(-1, 2),
        region_refs=region_refs.reshape(-1, 2),
        venue=np.array([position.get(m.venue, -1) for m in marks], dtype=np.int64),
        participants=np.array([m.participants for m in marks], dtype=np.int64),
        national=np.array([m.kind == "national" for m in marks], dtype=bool),
        arc_lat=arc_lat,
        arc_lon=arc_lon,
        nodes=nodes,
        groups=groups,
        group_refs=group_refs,
        group_arc_lat=group_lat,
        group_arc_lon=group_lon,
    )


def build_view(index: CorpusIndex, state: FilterState) -> MapView:
    """Apply ``state`` to ``index`` and aggregate what each layer shows.

    Parameters
    ----------
    index
        The corpus arrays from ``build_index``.
    state
        What to keep; the same rules as ``FilterState.keeps``.

    Returns
    -------
    MapView
    """
    but_years = _mask_but_years(index, state)
    kept = but_years & _year_mask(index, state)
    places = index.places
    n_places = len(places)

    point_count = np.bincount(index.refs[kept[index.refs[:, 0]], 1], minlength=n_places)
    pair_count = np.bincount(
        index.pair_refs[kept[index.pair_refs[:, 0]], 1], minlength=len(index.pairs)
    )
    region_count = np.bincount(
        index.region_refs[kept[index.region_refs[:, 0]], 1], minlength=len(index.regions)
    )
    pair_type = _first_type(index, kept, index.pair_refs, len(index.pairs))
    arc_rows = np.flatnonzero(pair_count)
    arc_pairs = index.pairs[arc_rows]
    partners = np.bincount(arc_pairs.ravel(), minlength=n_places)

    points = places.assign(
        count=point_count, partners=partners, national=places["level"] == NATIONAL_LEVEL
    )[point_count > 0]
    points = points.reset_index().sort_values(["count", "name_en"], ascending=[False, True])
    arc_level, nodes, ends, arc_count, arc_type, arc_lat, arc_lon = (
        "place",
        places,
        arc_pairs,
        pair_count[arc_rows],
        pair_type[arc_rows],
        index.arc_lat[arc_rows],
        index.arc_lon[arc_rows],
    )
    if arc_rows.size > MAX_PLACE_ARCS:
        group_count = np.bincount(
            index.group_refs[kept[index.group_refs[:, 0]], 1], minlength=len(index.groups)
        )
        rows = np.flatnonzero(group_count)
        group_type = _first_type(index, kept, index.group_refs, len(index.groups))
        arc_level, nodes, ends, arc_count, arc_type, arc_lat, arc_lon = (
            "region",
            index.nodes,
            index.groups[rows],
            group_count[rows],
            group_type[rows],
            index.group_arc_lat[rows],
            index.group_arc_lon[rows],
        )
    return MapView(
        state=state,
        records=_take(index.records, np.flatnonzero(kept)),
        points=points.reset_index(drop=True),
        hubs=_hubs(index, kept),
        spokes=_spokes(index, kept),
        national=_take(index.records, np.flatnonzero(kept & index.national)),
        links=_links(index, kept),
        arcs=_arcs(nodes, ends, arc_count, arc_type),
        arc_level=arc_level,
        arc_lat=arc_lat,
        arc_lon=arc_lon,
        regions=index.regions.assign(count=region_count),
        timeline=_timeline(index, but_years),
        undated=int((but_years & (index.year == UNDATED)).sum()),
        focus=places.loc[places.index.isin(state.place)].reset_index(),
        places=places,
        year_bounds=index.year_bounds,
        years=_bounds(index.year[kept]),
    )


def _bounds(years: IntArray) -> tuple[int, int] | None:
    dated = years[years != UNDATED]
    return (int(dated.min()), int(dated.max())) if dated.size else None


def _places(localities: Iterable[Locality], regions: pd.DataFrame) -> pd.DataFrame:
    rows = [loc.model_dump() for loc in localities]
    columns = ["id", "name_en", "name_zh", "country", "level", "admin1", "lat", "lon"]
    places = pd.DataFrame(rows, columns=[*columns, "gazetteer"])[columns]
    by_id = {rid: i for i, rid in enumerate(regions["id"])}
    by_name = {
        (country, str(name).casefold()): i
        for i, (country, en, zh) in enumerate(
            zip(regions["country"], regions["name_en"], regions["name_zh"], strict=True)
        )
        for name in (en, zh)
        if name
    }
    places["region"] = [
        by_id.get(lid, by_name.get((country, str(admin1).casefold()), -1))
        for lid, country, admin1 in zip(
            places["id"], places["country"], places["admin1"], strict=True
        )
    ]
    return places.drop(columns="admin1").set_index("id")


def _paths(
    lat: NDArray[np.float64], lon: NDArray[np.float64], ends: IntArray
) -> tuple[NDArray[np.float32], NDArray[np.float32]]:
    """The great-circle path between each row of ``ends`` (two positions into lat/lon)."""
    path_lat, path_lon = great_circles(
        lat[ends[:, 0]], lon[ends[:, 0]], lat[ends[:, 1]], lon[ends[:, 1]]
    )
    shape = (len(ends), -1)
    return path_lat.astype(np.float32).reshape(shape), path_lon.astype(np.float32).reshape(shape)


def _nodes(places: pd.DataFrame, regions: pd.DataFrame) -> pd.DataFrame:
    """Places, then regions, as arc ends: a region at its own locality, else its places' mean."""
    columns = ["name_en", "name_zh", "lat", "lon"]
    inside = places.groupby("region")[["lat", "lon"]].mean()
    at = regions[["id", "name_en", "name_zh"]].assign(
        lat=inside["lat"].reindex(regions.index).to_numpy(),
        lon=inside["lon"].reindex(regions.index).to_numpy(),
    )
    own = at["id"].isin(places.index)
    at.loc[own, ["lat", "lon"]] = places.loc[at.loc[own, "id"], ["lat", "lon"]].to_numpy()
    return pd.concat([places[columns], at.set_index("id")[columns]])


def _region_pairs(
    place_region: IntArray, n_places: int, pairs: IntArray
) -> tuple[IntArray, IntArray]:
    """Each pair's (Chinese region, US region) as node positions, and each pair's group.

    Returns the unique groups, shape ``(n_groups, 2)``, and the group of every pair.
    """
    region = place_region[pairs] if pairs.size else np.zeros((0, 2), dtype=np.int64)
    ends = np.where((region >= 0).all(axis=1, keepdims=True), region + n_places, pairs)
    groups, group_of_pair = np.unique(ends.reshape(-1, 2), axis=0, return_inverse=True)
    return groups.astype(np.int64), group_of_pair.reshape(-1).astype(np.int64)


def _level_groups(
    n_records: int, refs: IntArray, place_level: NDArray[np.str_]
) -> NDArray[np.bool_]:
    """Record x level group: does the record name a place of a level in the group?"""
    matrix = np.zeros((n_records, len(LEVEL_GROUPS)), dtype=bool)
    for g, levels in enumerate(LEVEL_GROUPS.values()):
        matrix[refs[np.isin(place_level[refs[:, 1]], list(levels)), 0], g] = True
    return matrix


def _sector_matrix(records: tuple[Record, ...]) -> NDArray[np.bool_]:
    column = {slug: i for i, slug in enumerate(SECTORS)}
    matrix = np.zeros((len(records), len(column)), dtype=bool)
    for r, record in enumerate(records):
        matrix[r, [column[s] for s in record.sectors]] = True
    return matrix


def _unique_rows(rows: Iterable[tuple[int, ...]]) -> IntArray:
    array = np.array(list(dict.fromkeys(rows)), dtype=np.int64)
    return array if array.size else np.zeros((0, 2), dtype=np.int64)


def _mask_but_years(index: CorpusIndex, state: FilterState) -> NDArray[np.bool_]:
    mask = np.ones(len(index.records), dtype=bool)
    if state.sectors:
        mask &= index.sectors[:, [list(SECTORS).index(s) for s in state.sectors]].any(axis=1)
    if state.types:
        mask &= np.isin(index.type_code, [list(TYPES).index(t) for t in state.types])
    if state.level is not None:
        mask &= index.levels[:, list(LEVEL_GROUPS).index(state.level)]
    if state.place:
        in_place = index.places.index.isin(state.place)
        named = np.zeros(len(index.records), dtype=bool)
        named[index.refs[in_place[index.refs[:, 1]], 0]] = True
        mask &= named
    return mask


def _year_mask(index: CorpusIndex, state: FilterState) -> NDArray[np.bool_]:
    if state.year_from is None and state.year_to is None:
        return np.ones(len(index.records), dtype=bool)
    low = state.year_from if state.year_from is not None else -np.inf
    high = state.year_to if state.year_to is not None else np.inf
    return (index.year != UNDATED) & (index.year >= low) & (index.year <= high)


def _take(records: tuple[Record, ...], rows: IntArray) -> tuple[Record, ...]:
    if rows.size == 0:
        return ()
    taken = itemgetter(*rows)(records)
    return taken if rows.size > 1 else (taken,)


def _first_type(index: CorpusIndex, kept: NDArray[np.bool_], refs: IntArray, n: int) -> IntArray:
    """Per pair, the smallest ``TYPES`` position among its kept records' types."""
    first = np.full(n, len(TYPES), dtype=np.int64)
    rows = refs[kept[refs[:, 0]]]
    np.minimum.at(first, rows[:, 1], index.type_code[rows[:, 0]])
    return first


def _arcs(places: pd.DataFrame, pairs: IntArray, count: IntArray, kind: IntArray) -> pd.DataFrame:
    a = places.iloc[pairs[:, 0]]
    b = places.iloc[pairs[:, 1]]
    mid_lat, mid_lon = midpoints(a["lat"], a["lon"], b["lat"], b["lon"])
    return pd.DataFrame(
        {
            "a": a.index,
            "a_name_en": a["name_en"].to_numpy(),
            "a_name_zh": a["name_zh"].to_numpy(),
            "b": b.index,
            "b_name_en": b["name_en"].to_numpy(),
            "b_name_zh": b["name_zh"].to_numpy(),
            "count": count,
            "type": np.array(list(TYPES), dtype=object)[kind] if kind.size else [],
            "mid_lat": mid_lat,
            "mid_lon": mid_lon,
        }
    )


def _links(index: CorpusIndex, kept: NDArray[np.bool_]) -> pd.DataFrame:
    refs = index.pair_refs[kept[index.pair_refs[:, 0]]]
    ends = index.pairs[refs[:, 1]]
    ids = index.places.index
    return pd.DataFrame(
        {
            "record": [index.records[r].id for r in refs[:, 0]],
            "a": ids[ends[:, 0]] if len(ends) else [],
            "b": ids[ends[:, 1]] if len(ends) else [],
        }
    )


def _hubs(index: CorpusIndex, kept: NDArray[np.bool_]) -> pd.DataFrame:
    rows = np.flatnonzero(kept & (index.venue >= 0))
    venue = index.places.iloc[index.venue[rows]]
    records = _take(index.records, rows)
    return pd.DataFrame(
        {
            "record": [r.id for r in records],
            "title": [r.title for r in records],
            "title_zh": [r.title_zh for r in records],
            "year": index.year[rows],
            "participants": index.participants[rows],
            "id": venue.index,
            "name_en": venue["name_en"].to_numpy(),
            "name_zh": venue["name_zh"].to_numpy(),
            "lat": venue["lat"].to_numpy(),
            "lon": venue["lon"].to_numpy(),
        }
    )


def _spokes(index: CorpusIndex, kept: NDArray[np.bool_]) -> pd.DataFrame:
    record, place = index.refs[:, 0], index.refs[:, 1]
    venue = index.venue[record]
    local = (index.places["level"] != NATIONAL_LEVEL).to_numpy()[place]
    rows = kept[record] & (venue >= 0) & (place != venue) & local
    places = index.places
    ends, hubs = places.iloc[place[rows]], places.iloc[venue[rows]]
    return pd.DataFrame(
        {
            "record": [index.records[r].id for r in record[rows]],
            "venue": hubs.index,
            "place": ends.index,
            "venue_lat": hubs["lat"].to_numpy(),
            "venue_lon": hubs["lon"].to_numpy(),
            "lat": ends["lat"].to_numpy(),
            "lon": ends["lon"].to_numpy(),
        }
    )


def _timeline(index: CorpusIndex, kept: NDArray[np.bool_]) -> pd.DataFrame:
    dated = kept & (index.year != UNDATED)
    first = int(index.year[dated].min()) if dated.any() else 0
    year = index.year[dated] - first
    n_years = int(year.max()) + 1 if year.size else 0
    category = {"sector": index.primary[dated], "type": index.type_code[dated]}
    frames = []
    for facet, cols in category.items():
        categories = FACETS[facet]
        grid = np.bincount(
            year * len(categories) + cols, minlength=n_years * len(categories)
        ).reshape(n_years, len(categories))
        y, c = np.nonzero(grid)
        frames.append(
            pd.DataFrame(
                {
                    "facet": facet,
                    "year": y + first,
                    "category": np.array(categories, dtype=object)[c],
                    "count": grid[y, c],
                }
            )
        )
    return pd.concat(frames, ignore_index=True)
