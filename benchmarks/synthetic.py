"""Synthetic agreement corpora for benchmarks, in the format of ``data/``.

Places are real: US and Chinese cities, counties, states and provinces from the offline
gazetteer, with its ids and coordinates. Bigger cities take part in more agreements (weights
grow with population), as in the national sister-city registries. Types, sectors and years
follow the mix of the curated records: mostly sister and friendship cities with no stated
sector, then MOUs, plans and programs on one to three themes; agreements per year grow from
1979 to a peak in the mid-2010s and fall after 2017.

The world corpus (``generate_world``) is a twinning registry at the scale of the largest public
lists: pairs of towns between any two countries, countries drawn with a long tail (a few very
active, most with a handful of pairs), small towns as often as big cities.
"""

from __future__ import annotations

import random
import shutil
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from partnermap.data.locality_rows import locality_of
from partnermap.data.schema import COUNTRY_BOUNDS
from partnermap.geo.gazetteer import Place, load_gazetteer

#: Where ``dataset`` keeps generated corpora (gitignored).
DATA_ROOT = Path(__file__).resolve().parent / ".data"
#: Records per file: the loader refuses files over 20 MB.
PER_FILE = 2_000
FIRST_YEAR, LAST_YEAR = 1979, 2025


@dataclass(frozen=True)
class Kind:
    """An agreement type: how common it is and which levels of place sign it."""

    type: str
    weight: float
    cn_levels: tuple[str, ...]
    us_levels: tuple[str, ...]
    #: Whether its sources usually state sectors (sister cities mostly do not).
    themed: bool


KINDS = (
    Kind("sister_city", 40, ("city", "city", "city", "county"), ("city", "city", "city", "county"), False),
    Kind("friendship", 12, ("city", "county"), ("city",), False),
    Kind("sister_state_province", 4, ("province",), ("state",), False),
    Kind("mou", 16, ("city", "province"), ("city", "state"), True),
    Kind("action_plan", 3, ("city", "province"), ("state", "city"), True),
    Kind("framework", 2, ("province",), ("state",), True),
    Kind("program", 5, ("city", "province"), ("city", "state"), True),
    Kind("conference", 4, ("city", "province"), ("city", "state"), True),
    Kind("forum", 4, ("city", "province"), ("city", "state"), True),
    Kind("summit", 2, ("province",), ("state", "city"), True),
    Kind("workshop", 3, ("city",), ("city", "state"), True),
    Kind("training", 2, ("city", "county"), ("city", "county"), True),
    Kind("project", 3, ("city", "county"), ("city", "county"), True),
)  # fmt: skip

#: Themes of the themed agreements, weighted like the curated records' sectors.
THEMES = {
    "trade-investment": 10,
    "education-youth": 9,
    "culture": 8,
    "clean-air": 3,
    "renewable-energy": 5,
    "energy-efficiency": 4,
    "low-carbon-planning": 4,
    "climate-policy": 4,
    "electric-vehicles-transport": 3,
    "science-technology": 5,
    "agriculture": 4,
    "public-health": 3,
    "clean-water": 2,
    "green-building": 2,
    "ecosystems": 2,
    "training-capacity": 3,
    "fossil-energy": 1,
    "nuclear-energy": 1,
    "nuclear-security": 1,
}
#: Pool sizes: the most populous places of each kind that agreements are drawn from.
POOL = {("CN", "city"): 340, ("CN", "county"): 600, ("US", "city"): 3_000, ("US", "county"): 600}


def generate(n: int, seed: int = 2026) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Return ``n`` synthetic records and the localities they name, as data-file rows.

    Parameters
    ----------
    n
        How many records.
    seed
        The same seed gives the same rows.

    Returns
    -------
    tuple of list of dict
        ``(localities, records)``: rows of ``localities.yaml`` (only the places named, ordered
        by id) and of ``records:`` lists, in the schema of ``partnermap.data.schema``.
    """
    rng = random.Random(seed)
    pools = _pools()
    kinds = rng.choices(KINDS, weights=[k.weight for k in KINDS], k=n)
    years = list(range(FIRST_YEAR, LAST_YEAR + 1))
    year_weights = [_year_weight(y) for y in years]
    themes, theme_weights = list(THEMES), list(THEMES.values())
    used: dict[str, Place] = {}
    records = []
    for i, kind in enumerate(kinds):
        cn = _draw(rng, pools, "CN", rng.choice(kind.cn_levels))
        us = _draw(rng, pools, "US", rng.choice(kind.us_levels))
        places = [cn, us]
        if kind.themed and rng.random() < 0.15:  # multilateral: a third party joins
            extra = _draw(rng, pools, rng.choice(("CN", "US")), "city")
            places += [extra] if extra not in places else []
        used.update((p.id, p) for p in places)
        year = rng.choices(years, weights=year_weights)[0]
        records.append(_record(i, kind, places, year, rng, themes, theme_weights))
    localities = [_locality(used[pid]) for pid in sorted(used)]
    return localities, records


#: The world corpus's agreement types: twinning, mostly.
WORLD_KINDS = (
    Kind("sister_city", 70, (), (), False),
    Kind("friendship", 20, (), (), False),
    Kind("mou", 10, (), (), True),
)
#: Countries with fewer cities in the gazetteer take no part in the world corpus.
WORLD_MIN_CITIES = 20


def generate_world(n: int, seed: int = 2026) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Return ``n`` synthetic twinning records between towns of any countries, and their places.

    Countries are ranked by how many towns the gazetteer holds and drawn with Zipf weights
    (rank to the power -1.1), so the registry has a long tail of countries; a town's weight
    grows with its population only to the power 0.3, so small towns take part as they do in
    the European registries. Returns ``(localities, records)`` as ``generate`` does.
    """
    rng = random.Random(seed)
    towns = _world_towns()
    ranked = sorted(towns, key=lambda country: (-len(towns[country][0]), country))
    country_weights = [(rank + 1) ** -1.1 for rank in range(len(ranked))]
    kinds = rng.choices(WORLD_KINDS, weights=[k.weight for k in WORLD_KINDS], k=n)
    years = list(range(1950, LAST_YEAR + 1))
    themes, theme_weights = list(THEMES), list(THEMES.values())
    used: dict[str, Place] = {}
    records = []
    for i, kind in enumerate(kinds):
        places: list[Place] = []
        while len(places) < 2:
            country = rng.choices(ranked, weights=country_weights)[0]
            town = rng.choices(towns[country][0], weights=towns[country][1])[0]
            places += [town] if town not in places else []
        used.update((p.id, p) for p in places)
        records.append(_record(i, kind, places, rng.choice(years), rng, themes, theme_weights))
    localities = [_locality(used[pid]) for pid in sorted(used)]
    return localities, records


def write_dataset(
    directory: Path, n: int, seed: int = 2026, per_file: int = PER_FILE, world: bool = False
) -> Path:
    """Write a data directory of ``n`` synthetic records, ``per_file`` records per file.

    Parameters
    ----------
    directory
        Created (or emptied) and filled with ``localities.yaml``, ``records/`` and ``sources/``.
    n, seed
        As in ``generate``.
    per_file
        Records per ``records/synthetic_NNN.yaml`` file.
    world
        Twinning between any countries (``generate_world``) rather than US–China agreements.

    Returns
    -------
    pathlib.Path
        ``directory``.
    """
    localities, records = (generate_world if world else generate)(n, seed)
    shutil.rmtree(directory, ignore_errors=True)
    (directory / "records").mkdir(parents=True)
    (directory / "sources").mkdir()
    _dump(directory / "localities.yaml", {"localities": localities})
    for start in range(0, len(records), per_file):
        shard = directory / "records" / f"synthetic_{start // per_file:03d}.yaml"
        _dump(shard, {"records": records[start : start + per_file]})
    return directory


def dataset(n: int, seed: int = 2026, root: Path = DATA_ROOT, world: bool = False) -> Path:
    """Return the data directory of ``n`` synthetic records, writing it on first use."""
    directory = root / f"{'world-' if world else ''}{n}-{seed}"
    done = directory / ".complete"
    if not done.exists():
        write_dataset(directory, n, seed, world=world)
        done.touch()
    return directory


def _dump(path: Path, content: Mapping[str, Any]) -> None:
    text = yaml.dump(content, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False)
    path.write_text(text, encoding="utf-8")


@cache
def _pools() -> dict[tuple[str, str], tuple[tuple[Place, ...], tuple[float, ...]]]:
    """The places agreements are drawn from, by (country, level), with their draw weights."""
    grouped: dict[tuple[str, str], list[Place]] = {}
    for place in load_gazetteer().places.values():
        if place.country not in COUNTRY_BOUNDS:  # the gazetteer holds the world; these are US–China
            continue
        lat_min, lat_max, lon_min, lon_max = COUNTRY_BOUNDS[place.country]
        if lat_min <= place.lat <= lat_max and lon_min <= place.lon <= lon_max:
            grouped.setdefault((place.country, place.level), []).append(place)
    pools = {}
    for key, places in grouped.items():
        places.sort(key=lambda p: (-p.population, p.id))
        chosen = tuple(places[: POOL.get(key, len(places))])
        # Population to the power 0.6: big cities sign more, but not in proportion.
        pools[key] = (chosen, tuple(max(p.population, 20_000) ** 0.6 for p in chosen))
    return pools


@cache
def _world_towns() -> dict[str, tuple[tuple[Place, ...], tuple[float, ...]]]:
    """The towns of each country with enough of them, and their draw weights."""
    grouped: dict[str, list[Place]] = {}
    for place in load_gazetteer().places.values():
        if place.level == "city":
            grouped.setdefault(place.country, []).append(place)
    return {
        country: (tuple(places), tuple(max(p.population, 1_000) ** 0.3 for p in places))
        for country, places in sorted(grouped.items())
        if len(places) >= WORLD_MIN_CITIES
    }


def _draw(rng: random.Random, pools: Mapping, country: str, level: str) -> Place:
    places, weights = pools[country, level]
    return rng.choices(places, weights=weights)[0]


def _year_weight(year: int) -> float:
    """Agreements per year: growing to a peak in 2015, fewer after 2017."""
    return (1 + (year - FIRST_YEAR) ** 1.5) * (0.35 if year > 2017 else 1.0)


def _record(
    i: int,
    kind: Kind,
    places: Sequence[Place],
    year: int,
    rng: random.Random,
    themes: list[str],
    theme_weights: list[int],
) -> dict[str, Any]:
    if kind.themed or rng.random() < 0.2:
        sectors = sorted(set(rng.choices(themes, weights=theme_weights, k=rng.randint(1, 3))))
    else:
        sectors = ["general"]
    dated = rng.random() > 0.03
    date = None
    if dated:
        date = str(year) if not kind.themed else f"{year}-{rng.randint(1, 12):02d}"
    names = " – ".join(p.name_en for p in places)
    row: dict[str, Any] = {
        "id": f"synthetic-{i:06d}",
        "title": f"{names}: {kind.type.replace('_', ' ')}",
        "type": kind.type,
        "date": date,
        "sectors": sectors,
        "parties": [p.name_en for p in places],
        "localities": [{"id": p.id, "role": "party"} for p in places],
        "status": rng.choice(("active", "unknown")),
        "sources": [
            {
                "url": f"https://registry.example.org/agreements/{i}",
                "accessed": "2026-11",
                "quote": f"{names}: {kind.type.replace('_', ' ')} since {year}",
            }
        ],
        "summary": f"Synthetic {kind.type.replace('_', ' ')} for benchmarks: {names}.",
    }
    if date is None:
        row["date_note"] = "The synthetic registry entry gives no year."
    return row


def _locality(place: Place) -> dict[str, Any]:
    return locality_of(place).model_dump(mode="json")
