"""Issue 18, tenth session: a council resolution's recitals.

Each "WHEREAS" clause of a resolution is a sentence of its own, so each partnership it recalls
keeps its own partner and year ("…with Mito, Japan in 1978; and WHEREAS, … in 1988 with …
Vitoria - Gasteiz, Spain"). A place's other spelling counts when its country follows it, and a
partnership that only could be made ("partnerships can be established") or is only wished for
("希望与福州缔结为友好城市") is no record. Lines from the development part's pages, named beside
each.
"""

from __future__ import annotations

from pathlib import Path

from partnermap.ingest.places import find_places
from partnermap.ingest.propose import propose
from partnermap.ingest.text import Document

ANAHEIM = "geonames:5323810"
MITO = "geonames:2111901"
VITORIA = "geonames:3104499"


def _records(text: str) -> list[tuple[str, str | None, list[str]]]:
    document = Document(Path("page.txt"), text, "txt", "utf-8", "0" * 64)
    return [(p.type.slug, p.date.value, sorted(p.locality_ids())) for p in propose(document)]


def test_each_recital_is_a_sentence_with_its_own_partner_and_year():
    # n03, records.anaheim.net (Resolution 2013-068)
    text = (
        "WHEREAS, the City of Anaheim has continuously participated in the Sister City program "
        "for the past 37 years with the formation of an official relationship with Mito, Japan "
        "in 1978; and WHEREAS, the City of Anaheim entered into a second Sister City "
        "relationship in 1988 with the formation of formal agreement with Vitoria - Gasteiz, "
        "Spain; and WHEREAS, the Anaheim City Council established the Anaheim Sister City "
        "Commission (ASCC) in 2009 in order to manage the existing Sister City relationships\n"
    )
    records = _records(text)
    assert ("sister_city", "1978", sorted([ANAHEIM, MITO])) in records
    assert ("sister_city", "1988", sorted([ANAHEIM, VITORIA])) in records


def test_another_spelling_counts_with_its_country_after_it():
    # n03: "Vitoria - Gasteiz, Spain"
    found = find_places("with the formation of formal agreement with Vitoria-Gasteiz, Spain;")
    assert VITORIA in {m.place.id for m in found}


def test_a_partnership_that_only_could_be_made_is_no_record():
    # f01, Cupertino's resolution for Bhubaneswar
    text = (
        "WHEREAS, the Cupertino City Council is dedicated to pursuing regional, national and "
        "international relations which produce broad community benefit; and WHEREAS, the "
        "Cupertino City Council is interested in fostering an environment in which "
        "community partnerships can be established in order to creatively learn, work and solve "
        "problems together; and\n"
    )
    assert _records(text) == []


def test_a_partnership_only_wished_for_is_no_record():
    # r03, zzhaoz.com (a repost of CCTV's recollection of Tacoma and Fuzhou)
    text = (
        "1993年10月,培根在福州参加一次博览会期间,向福州市政府转交了时任塔科马市市长卡伦·韦尔勒的"
        "信件,希望与福州缔结为友好城市。\n"
    )
    assert _records(text) == []
