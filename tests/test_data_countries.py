"""Country names for any dataset: every ISO code has an English and a Chinese name."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import SimpleNamespace

import yaml

from partnermap.data import texts
from partnermap.data.vocabulary import COUNTRIES, COUNTRIES_FILE
from partnermap.exports.describe import count_summary

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "build_countries.py"


def test_the_names_file_is_what_the_script_writes() -> None:
    spec = importlib.util.spec_from_file_location("build_countries", SCRIPT)
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    assert script.country_names() == yaml.safe_load(COUNTRIES_FILE.read_text(encoding="utf-8"))


def test_every_country_of_a_world_table_has_both_names() -> None:
    for code in ("CN", "US", "FR", "DE", "JP", "IE", "BR", "NZ", "YT", "RE"):
        assert COUNTRIES[code].en and COUNTRIES[code].zh
    assert len(COUNTRIES) >= 250
    assert (texts.country("KR", "en"), texts.country("KR", "zh")) == ("South Korea", "韩国")


def test_an_export_counts_places_in_any_country() -> None:
    localities = {
        "geonames:1": SimpleNamespace(country="FR"),
        "geonames:2": SimpleNamespace(country="DE"),
        "geonames:3": SimpleNamespace(country="DE"),
    }
    record = SimpleNamespace(localities=[SimpleNamespace(id=i) for i in localities])
    assert count_summary([record], localities, "en") == (
        "1 records · 3 places · 2 in Germany, 1 in France"
    )
    assert count_summary([record], localities, "zh") == "1 条记录 · 3 个地点 · 德国 2 个，法国 1 个"
