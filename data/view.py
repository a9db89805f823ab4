"""The map view: the filtered, aggregated frames that every dashboard layer reads.

``build_index`` turns a corpus into per-record arrays once, at start-up; ``build_view`` applies a
``FilterState`` to them with vectorised masks and counts, once per filter change. Layers only
read a ``MapView``; they never filter.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from operator import itemgetter
from pathlib import Path

import numpy as np
import pandas as pd
from numpy.typing import NDArray

from partnermap.data import records_cache, texts
from partnermap.data.counting import UNDATED, primary_sector, year_of
from partnermap.data.evidence import evidence_level
from partnermap.data.filters import EVIDENCE_GROUPS, LEVEL_GROUPS, FilterState
from partnermap.data.loader import Corpus
from partnermap.data.marks import NATIONAL_LEVEL, mark
from partnermap.data.place_names import historical_names, key
from partnermap.data.schema import Locality, Record
from partnermap.data.vocabulary import COUNTRIES, SECTORS, TYPES
from partnermap.geo.arcs import great_circles, midpoints

#: Columns of the regions table (US states and Chinese provinces) that choropleths shade.
REGION_COLUMNS = ["id", "name_en", "name_zh", "country"]
#: Above this many place-to-place arcs the view joins them by first-level division pair, and
#: above this many of those by country pair: ten thousand arcs are an unreadable hairball that
#: takes plotly seconds to draw. The map chooses its own level for what it shows
#: (``partnermap.layers.detail``); this is the level of the view as a whole.
MAX_PLACE_ARCS = 1_000
#: The levels of detail of the links, finest first: place pairs, first-level division pairs (a
#: US state, a Chinese province, or any country's first-level division; a place in none stays
#: itself), country pairs.
ARC_LEVELS = ("place", "region", "country")
#: A coarser level is worth showing only with at least this many links: one thick line from
#: China to the US says less than its busiest province pairs.
MIN_LEVEL_LINKS = 20
#: The two timeline facets, each with the vocabulary its categories come from.
FACETS = {"sector": list(SECTORS), "type": list(TYPES)}

IntArray = NDArray[np.int64]


@dataclass(frozen=True, eq=False)
class Grouping:
    """The links of a corpus joined at one level of detail (``ARC_LEVELS``).

    Attributes
    ----------
    ends
        One row per joined link: its two ends as positions in ``CorpusIndex.nodes``.
    refs
        The (record, link) incidences, unique.
    lat, lon
        The great-circle path of each link, shape ``(n, points)``.
    mid_lat, mid_lon
        The middle of each path, longitude in [-180, 180).
    """

    ends: IntArray
    refs: IntArray
    lat: NDArray[np.float32]
    lon: NDArray[np.float32]
    mid_lat: NDArray[np.float64]
    mid_lon: NDArray[np.float64]


@dataclass(frozen=True, eq=False)
class Arcs:
    """The kept links of a view at one level of detail.

    Attributes
    ----------
    level
        One of ``ARC_LEVELS``.
    nodes
        ``CorpusIndex.nodes``, which ``ends`` index.
    ends
        Each link's two ends as positions in ``nodes``.
    count
        The kept records each link counts.
    listed
        How many of them rest on a compiled list only (evidence "listed").
    kind
        The first type of its kept records, as a position in ``TYPES``.
    lat, lon
        The great-circle path of each link.
    mid_lat, mid_lon
        The middle of each path.
    """

    level: str
    nodes: pd.DataFrame
    ends: IntArray
    count: IntArray
    listed: IntArray
    kind: IntArray
    lat: NDArray[np.float32]
    lon: NDArray[np.float32]
    mid_lat: NDArray[np.float64]
    mid_lon: NDArray[np.float64]

    def __len__(self) -> int:
        return len(self.count)

    @functools.cached_property
    def table(self) -> pd.DataFrame:
        """One row per link: ``a`` and ``b`` ids and names, ``count``, ``listed``, ``type``,
        ``mid_lat``, ``mid_lon`` (the columns of ``MapView.arcs``); built when first read."""
        a = self.nodes.iloc[self.ends[:, 0]]
        b = self.nodes.iloc[self.ends[:, 1]]
        return pd.DataFrame(
            {
                "a": a.index,
                "a_name_en": a["name_en"].to_numpy(),
                "a_name_zh": a["name_zh"].to_numpy(),
                "b": b.index,
                "b_name_en": b["name_en"].to_numpy(),
                "b_name_zh": b["name_zh"].to_numpy(),
                "count": self.count,
                "listed": self.listed,
                "type": np.array(list(TYPES), dtype=object)[self.kind] if len(self) else [],
                "mid_lat": self.mid_lat,
                "mid_lon": self.mid_lon,
            }
        )


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
    name_order
        Each place's rank by English name (ties by position): the order of places with equal
        counts, sorted once.
    countries
        The countries of the places (``country_ranking``), most places first.
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
    evidence
        Each record's evidence level (``partnermap.data.evidence.evidence_level``).
    nodes
        The ends of joined arcs: every place (same positions as ``places``), then every region,
        every other first-level division (id ``adm1:CC:name``) and every country (id
        ``country:CC``): ``name_en``, ``name_zh``, ``lat``, ``lon`` (a region or a country lies
        at its own locality, else at the mean of its places).
    node_of
        Each place's node position at the coarser levels of ``ARC_LEVELS``.
    groupings
        The links joined at each level of ``ARC_LEVELS`` (the place level: ``pairs``).
    """

    records: tuple[Record, ...]
    places: pd.DataFrame
    name_order: IntArray
    countries: tuple[str, ...]
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
    evidence: NDArray[np.str_]
    nodes: pd.DataFrame
    node_of: Mapping[str, IntArray]
    groupings: Mapping[str, Grouping]

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
        One row per kept link record (``partnermap.data.marks``): its ``record`` id, its ends
        ``a`` (Chinese side, or the first country code) and ``b``, the places an arc joins, their
        divisions ``a_region``, ``b_region`` and countries ``a_country``, ``b_country`` (node
        ids, see ``CorpusIndex.nodes``) and ``arc``, its row in the place level of ``levels``;
        what an arc counts, and what selecting it lists (``link_mask``).
    arcs
        One row per partnered pair named together by kept records: ``a`` (Chinese side) and ``b``
        (US side) ids and names, ``count``, ``type`` (the first in ``TYPES`` order of its kept
        records' types) and the arc midpoint ``mid_lat``, ``mid_lon``. When
        more than ``MAX_PLACE_ARCS`` pairs are kept, one row per division pair instead
        (``arc_level`` "region"), and when those are more too, per country pair ("country",
        if it has ``MIN_LEVEL_LINKS``), counting the kept records joining the two.
    arc_level
        One of ``ARC_LEVELS``: what the ends of ``arcs`` are.
    arc_lat, arc_lon
        The great-circle path of each row of ``arcs``.
    levels
        The kept links at every level of ``ARC_LEVELS``.
    nodes
        Names and coordinates of every possible arc end, by id (``CorpusIndex.nodes``, each id
        once).
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
    countries
        The countries of ``places``, most places first (``country_ranking``): the same in
        every view, whatever is filtered.
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
    levels: Mapping[str, Arcs]
    nodes: pd.DataFrame
    regions: pd.DataFrame
    timeline: pd.DataFrame
    undated: int
    focus: pd.DataFrame
    places: pd.DataFrame
    countries: tuple[str, ...]
    year_bounds: tuple[int, int] | None
    years: tuple[int, int] | None

    @functools.cached_property
    def search_names(self) -> tuple[IntArray, list[str]]:
        """Every name a place below country level answers to in a search (``place_names.key``
        of its English, Chinese and historical names), and the position of its place among
        those places in ``points`` order; built when first read, once per view."""
        old = defaultdict(list)
        for historical, current in historical_names().items():
            old[key(current)].append(historical)
        places = self.points[~self.points["national"]]
        owners: list[int] = []
        names: list[str] = []
        pairs = zip(places["name_en"].tolist(), places["name_zh"].tolist(), strict=True)
        for i, (en, zh) in enumerate(pairs):
            for name in (en, zh, *old[key(en)]):
                if isinstance(name, str) and name:
                    owners.append(i)
                    names.append(key(name))
        return np.array(owners, dtype=np.int64), names


def node_name(view: MapView, node: str, lang: str) -> str:
    """Both names of a place, division or country of ``view`` (``MapView.nodes``), ``lang``'s
    first ("Zhenjiang · 镇江"); the id itself when the view has no such node."""
    if node not in view.nodes.index:
        return node
    return texts.bilingual(view.nodes.at[node, "name_en"], view.nodes.at[node, "name_zh"], lang)


def selected_records(view: MapView, selection: Sequence[str] | None) -> list[Record]:
    """The kept records behind a selection, as the details panel lists them.

    A place: the records naming it; a region (state or province): naming it or a place inside
    it; a pair, or a pair of regions or of countries: the links (``MapView.links``) between
    them, the records its arc counts.
    """
    if not selection:
        return []
    if selection[0] == "region":
        inside = inside_region(view, selection[1])
        return [r for r in view.records if not inside.isdisjoint(ref.id for ref in r.localities)]
    if selection[0] in ("pair", "regions", "countries"):  # what its arc counts: links only
        wanted = set(view.links.loc[link_mask(view, selection), "record"])
        return [r for r in view.records if r.id in wanted]
    wanted = set(selection[1:])
    return [r for r in view.records if wanted <= {ref.id for ref in r.localities}]


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


#: The folders whose code and vocabularies an index is built by: ``data/`` and ``geo/`` (arcs).
INDEX_CODE = (Path(__file__).resolve().parent, Path(__file__).resolve().parent.parent / "geo")


def cached_index(corpus: Corpus, regions: pd.DataFrame) -> CorpusIndex:
    """``build_index(corpus, regions)``, read back from the cache when it was built before.

    The entry is keyed on ``corpus.digest``, the regions and the code of ``INDEX_CODE``; a
    corpus without a digest is indexed anew. The records are not stored twice: the index
    read back takes the corpus's.
    """
    digest = ""
    if corpus.digest:
        shapes = pd.util.hash_pandas_object(regions.astype(str)).to_numpy().tobytes()
        code = records_cache.code_digest(*INDEX_CODE)
        digest = hashlib.sha256(f"{corpus.digest} {code}".encode() + shapes).hexdigest()
    stored = records_cache.derived(
        "index", digest, lambda: replace(build_index(corpus, regions), records=())
    )
    return replace(stored, records=corpus.records)


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
    places, admin1 = _places(corpus.localities.values(), regions)
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
    pair_refs = _unique_rows((r, pair_position[a, b]) for r, a, b in pair_refs_raw).reshape(-1, 2)
    place_region = places["region"].to_numpy()
    region_refs = _unique_rows(
        (r, int(place_region[p])) for r, p in refs.reshape(-1, 2) if place_region[p] >= 0
    )
    lat = places["lat"].to_numpy()
    lon = places["lon"].to_numpy()
    nodes, node_of = _nodes(places, regions, admin1, corpus.localities)
    country = places["country"].to_numpy()
    groupings = {"place": _joined(pair_table, pair_refs, np.column_stack([lat, lon]))}
    for level in ARC_LEVELS[1:]:
        groupings[level] = _grouping(
            node_of[level], country, pair_table, pair_refs, nodes[["lat", "lon"]].to_numpy()
        )
    return CorpusIndex(
        records=records,
        places=places,
        name_order=_ranks(places["name_en"].to_numpy()),
        countries=country_ranking(places),
        regions=regions,
        year=np.array([year_of(r) for r in records], dtype=np.int64),
        type_code=np.array([list(TYPES).index(r.type) for r in records], dtype=np.int64),
        primary=np.array([list(SECTORS).index(primary_sector(r)) for r in records], dtype=np.int64),
        sectors=_sector_matrix(records),
        levels=_level_groups(len(records), refs.reshape(-1, 2), places["level"].to_numpy()),
        refs=refs.reshape(-1, 2),
        pairs=pair_table,
        pair_refs=pair_refs,
        region_refs=region_refs.reshape(-1, 2),
        venue=np.array([position.get(m.venue, -1) for m in marks], dtype=np.int64),
        participants=np.array([m.participants for m in marks], dtype=np.int64),
        national=np.array([m.kind == "national" for m in marks], dtype=bool),
        evidence=np.array([evidence_level(r) for r in records], dtype=str),
        nodes=nodes,
        node_of=node_of,
        groupings=groupings,
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
    levels = {level: _level_arcs(index, kept, level) for level in ARC_LEVELS}
    partners = np.bincount(index.pairs[np.flatnonzero(pair_count)].ravel(), minlength=n_places)

    named = np.flatnonzero(point_count > 0)
    order = named[np.lexsort((index.name_order[named], -point_count[named]))]
    points = places.iloc[order].assign(
        count=point_count[order],
        partners=partners[order],
        national=(places["level"].to_numpy() == NATIONAL_LEVEL)[order],
    )
    shown = levels[
        choose_level({level: len(arcs) for level, arcs in levels.items()}, MAX_PLACE_ARCS)
    ]
    return MapView(
        state=state,
        records=_take(index.records, np.flatnonzero(kept)),
        points=points.reset_index(),
        hubs=_hubs(index, kept),
        spokes=_spokes(index, kept),
        national=_take(index.records, np.flatnonzero(kept & index.national)),
        links=_links(index, kept, pair_count),
        arcs=shown.table,
        arc_level=shown.level,
        arc_lat=shown.lat,
        arc_lon=shown.lon,
        levels=levels,
        nodes=index.nodes[~index.nodes.index.duplicated()],
        regions=index.regions.assign(count=region_count),
        timeline=_timeline(index, but_years),
        undated=int((but_years & (index.year == UNDATED)).sum()),
        focus=places.loc[places.index.isin(state.place)].reset_index(),
        places=places,
        countries=index.countries,
        year_bounds=index.year_bounds,
        years=_bounds(index.year[kept]),
    )


def choose_level(counts: Mapping[str, int], budget: int) -> str:
    """The finest level of ``ARC_LEVELS`` whose number of links fits ``budget``.

    A coarser level counts only with ``MIN_LEVEL_LINKS`` links or more; when no level fits,
    the coarsest that counts (its widest links are drawn).

    Parameters
    ----------
    counts
        The number of links at each level.
    budget
        The most links drawn.

    Examples
    --------
    >>> choose_level({"place": 800, "region": 300, "country": 1}, 500)
    'region'
    >>> choose_level({"place": 800, "region": 700, "country": 1}, 500)
    'region'
    >>> choose_level({"place": 80, "region": 30, "country": 25}, 500)
    'place'
    """
    usable = [
        level for i, level in enumerate(ARC_LEVELS) if i == 0 or counts[level] >= MIN_LEVEL_LINKS
    ]
    return next((level for level in usable if counts[level] <= budget), usable[-1])


def link_mask(view: MapView, selection: Sequence[str] | None) -> NDArray[np.bool_]:
    """Which rows of ``view.links`` a selection covers: every link of it, however many.

    A place: its links; a region: the links of a place in it (or of itself); a pair, a pair
    of regions or of countries (``("countries", "country:CN", "country:US")``): the links
    joining the two, either way round.

    Parameters
    ----------
    view
        The filtered view.
    selection
        ("place", id), ("region", id), ("pair", a, b), ("regions", a, b), ("countries", a, b)
        or None.
    """
    links = view.links
    if not selection:
        return np.zeros(len(links), dtype=bool)
    kind, *ids = selection
    if kind == "place":
        hit = links["a"].isin(ids) | links["b"].isin(ids)
    elif kind == "region":
        inside = inside_region(view, ids[0])
        hit = links["a"].isin(inside) | links["b"].isin(inside)
        hit |= links["a_region"].isin(ids) | links["b_region"].isin(ids)
    else:
        a, b = {"pair": ("a", "b"), "regions": ("a_region", "b_region")}.get(
            kind, ("a_country", "b_country")
        )
        hit = (links[a] == ids[0]) & (links[b] == ids[-1])
        hit |= (links[a] == ids[-1]) & (links[b] == ids[0])
    return hit.to_numpy()


def inside_region(view: MapView, region_id: str) -> set[str]:
    """A region's id (a state or province) and the ids of the places inside it."""
    position = np.flatnonzero((view.regions["id"] == region_id).to_numpy())
    places = view.places
    inside = places.index[places["region"].isin(position)] if position.size else []
    return {region_id, *inside}


def _bounds(years: IntArray) -> tuple[int, int] | None:
    dated = years[years != UNDATED]
    return (int(dated.min()), int(dated.max())) if dated.size else None


def _places(
    localities: Iterable[Locality], regions: pd.DataFrame
) -> tuple[pd.DataFrame, NDArray[np.object_]]:
    """The places table (see ``CorpusIndex.places``) and each place's first-level division name."""
    columns = ["id", "name_en", "name_zh", "country", "level", "admin1", "lat", "lon"]
    # Read as attributes: ``model_dump`` of each took a quarter of the start-up at 26k places.
    rows = [[getattr(loc, column) for column in columns] for loc in localities]
    places = pd.DataFrame(rows, columns=columns)
    # A place without a Chinese name keeps None (pandas' string columns would make it NaN,
    # which reads as a name).
    places["name_zh"] = places["name_zh"].astype(object).where(places["name_zh"].notna(), None)
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
            places["id"].tolist(),
            places["country"].tolist(),
            places["admin1"].tolist(),
            strict=True,
        )
    ]
    admin1 = places["admin1"].to_numpy(dtype=object)
    return places.drop(columns="admin1").set_index("id"), admin1


def _paths(
    lat: NDArray[np.float64], lon: NDArray[np.float64], ends: IntArray
) -> tuple[NDArray[np.float32], NDArray[np.float32]]:
    """The great-circle path between each row of ``ends`` (two positions into lat/lon)."""
    path_lat, path_lon = great_circles(
        lat[ends[:, 0]], lon[ends[:, 0]], lat[ends[:, 1]], lon[ends[:, 1]]
    )
    shape = (len(ends), -1)
    return path_lat.astype(np.float32).reshape(shape), path_lon.astype(np.float32).reshape(shape)


def _nodes(
    places: pd.DataFrame,
    regions: pd.DataFrame,
    admin1: NDArray[np.object_],
    localities: Mapping[str, Locality],
) -> tuple[pd.DataFrame, dict[str, IntArray]]:
    """Places, regions, other first-level divisions, then countries, as arc ends.

    Returns the nodes (see ``CorpusIndex.nodes``) and, per coarser level of ``ARC_LEVELS``,
    each place's node there: its region, else its first-level division, else itself; its
    country.
    """
    columns = ["name_en", "name_zh", "lat", "lon"]
    n_places = len(places)
    place_region = places["region"].to_numpy()
    country = places["country"].to_numpy(dtype=object)
    other = (place_region < 0) & pd.notna(admin1) & (places["level"] != NATIONAL_LEVEL).to_numpy()
    division_key = np.array(
        [
            f"adm1:{c}:{_slug(str(a))}" if o else ""
            for c, a, o in zip(country, admin1, other, strict=True)
        ],
        dtype=object,
    )
    divisions, division_of = np.unique(division_key[other], return_inverse=True)
    country_codes, country_of = np.unique(country, return_inverse=True)
    group = np.full(n_places, -1, dtype=np.int64)
    group[place_region >= 0] = place_region[place_region >= 0]
    group[other] = len(regions) + division_of
    n_groups = len(regions) + len(divisions)
    group_id = [*regions["id"], *divisions]
    group_name = list(zip(regions["name_en"], regions["name_zh"], strict=True))
    first = {key: i for i, key in reversed(list(enumerate(division_key))) if key}
    group_name += [(str(admin1[first[key]]), None) for key in divisions]
    country_id = [f"country:{code}" for code in country_codes]
    country_name = [_country_name(code, localities) for code in country_codes]
    at = pd.DataFrame(
        {
            "id": [*group_id, *country_id],
            "name_en": [n for n, _ in [*group_name, *country_name]],
            "name_zh": [z for _, z in [*group_name, *country_name]],
        }
    )
    lat, lon = places["lat"].to_numpy(), places["lon"].to_numpy()
    member = np.concatenate([group[group >= 0], n_groups + country_of])
    who = np.concatenate([np.flatnonzero(group >= 0), np.arange(n_places)])
    total = np.bincount(member, minlength=len(at)).astype(np.float64)
    turn = np.radians(lon[who])
    with np.errstate(invalid="ignore", divide="ignore"):
        at["lat"] = np.bincount(member, weights=lat[who], minlength=len(at)) / total
        # The mean direction, so that a country across the date line lies inside it.
        at["lon"] = np.degrees(
            np.arctan2(
                np.bincount(member, weights=np.sin(turn), minlength=len(at)),
                np.bincount(member, weights=np.cos(turn), minlength=len(at)),
            )
        )
    own = at["id"].isin(places.index) | at["id"].str.removeprefix("country:").isin(
        places.index[places["level"] == NATIONAL_LEVEL]
    )
    own_id = at.loc[own, "id"].str.removeprefix("country:")
    own_id = own_id.where(own_id.isin(places.index), at.loc[own, "id"])
    at.loc[own, ["lat", "lon"]] = places.loc[own_id, ["lat", "lon"]].to_numpy()
    nodes = pd.concat([places[columns], at.set_index("id")[columns]])
    nodes["name_zh"] = nodes["name_zh"].astype(object).where(nodes["name_zh"].notna(), None)
    positions = np.arange(n_places)
    node_of = {
        "region": np.where(group >= 0, n_places + group, positions),
        "country": n_places + n_groups + country_of.reshape(-1),
    }
    return nodes, node_of


def _slug(name: str) -> str:
    """A first-level division's name as an id part (letters, digits, '.', '-')."""
    return re.sub(r"[^\w.-]+", "-", name).strip("-")[:24] or "-"


def _country_name(code: str, localities: Mapping[str, Locality]) -> tuple[str, str | None]:
    """A country's names: its locality's, else the vocabulary's, else its code."""
    own = localities.get(code)
    if own is not None and own.level == NATIONAL_LEVEL:
        return own.name_en, own.name_zh
    if code in COUNTRIES:
        return COUNTRIES[code].label("en"), COUNTRIES[code].label("zh")
    return code, None


def _grouping(
    node_of: IntArray,
    country: NDArray[np.object_],
    pairs: IntArray,
    pair_refs: IntArray,
    node_lat_lon: NDArray[np.float64],
) -> Grouping:
    """The place pairs joined by the nodes ``node_of`` gives each place.

    Ends keep the pair's order (by country code); within one country, by node position, so
    that a link and its reverse are one.
    """
    ends = node_of[pairs] if pairs.size else np.zeros((0, 2), dtype=np.int64)
    same = country[pairs[:, 0]] == country[pairs[:, 1]] if pairs.size else np.zeros(0, bool)
    ends = np.where(same[:, None], np.sort(ends, axis=1), ends)
    groups, group_of_pair = np.unique(ends.reshape(-1, 2), axis=0, return_inverse=True)
    group_of_pair = group_of_pair.reshape(-1)
    refs = np.unique(
        np.column_stack([pair_refs[:, 0], group_of_pair[pair_refs[:, 1]]]), axis=0
    ).reshape(-1, 2)
    return _joined(groups.astype(np.int64), refs.astype(np.int64), node_lat_lon)


def _joined(ends: IntArray, refs: IntArray, node_lat_lon: NDArray[np.float64]) -> Grouping:
    """The grouping of links ``ends`` (node positions), with their paths and middles."""
    lat, lon = node_lat_lon[:, 0], node_lat_lon[:, 1]
    path_lat, path_lon = _paths(lat, lon, ends)
    mid_lat, mid_lon = midpoints(lat[ends[:, 0]], lon[ends[:, 0]], lat[ends[:, 1]], lon[ends[:, 1]])
    return Grouping(ends, refs, path_lat, path_lon, mid_lat, mid_lon)


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


def country_ranking(places: pd.DataFrame) -> tuple[str, ...]:
    """The countries of ``places`` (columns ``country``, ``level``), most places first, then
    by code. National parties (countries) are not places."""
    counts = places.loc[places["level"] != NATIONAL_LEVEL, "country"].value_counts()
    return tuple(sorted(counts.index, key=lambda code: (-int(counts[code]), code)))


def _ranks(values: NDArray[np.object_]) -> IntArray:
    """Each value's rank in sorted order, ties by position."""
    ranks = np.empty(len(values), dtype=np.int64)
    ranks[np.argsort(values, kind="stable")] = np.arange(len(values))
    return ranks


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
    if state.evidence is not None:
        mask &= np.isin(index.evidence, list(EVIDENCE_GROUPS[state.evidence]))
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


def _level_arcs(index: CorpusIndex, kept: NDArray[np.bool_], level: str) -> Arcs:
    """The kept links at ``level``: those with a kept record, counted."""
    grouping = index.groupings[level]
    count = np.bincount(grouping.refs[kept[grouping.refs[:, 0]], 1], minlength=len(grouping.ends))
    only_listed = kept & (index.evidence == "listed")
    listed = np.bincount(
        grouping.refs[only_listed[grouping.refs[:, 0]], 1], minlength=len(grouping.ends)
    )
    kinds = _first_type(index, kept, grouping.refs, len(grouping.ends))
    rows = np.flatnonzero(count)
    return Arcs(
        level,
        index.nodes,
        grouping.ends[rows],
        count[rows],
        listed[rows],
        kinds[rows],
        grouping.lat[rows],
        grouping.lon[rows],
        grouping.mid_lat[rows],
        grouping.mid_lon[rows],
    )


def _links(index: CorpusIndex, kept: NDArray[np.bool_], pair_count: IntArray) -> pd.DataFrame:
    refs = index.pair_refs[kept[index.pair_refs[:, 0]]]
    ends = index.pairs[refs[:, 1]]
    node_ids = index.nodes.index.to_numpy(dtype=object)
    arc = np.cumsum(pair_count > 0) - 1
    columns = {"record": [index.records[r].id for r in refs[:, 0]]}
    for side, end in (("a", ends[:, 0]), ("b", ends[:, 1])):
        columns[side] = node_ids[end]
        for level in ARC_LEVELS[1:]:
            columns[f"{side}_{level}"] = node_ids[index.node_of[level][end]]
    columns["arc"] = arc[refs[:, 1]]
    return pd.DataFrame(columns)


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
