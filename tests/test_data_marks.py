"""Marks: what a record is on the map, declared per type in the vocabulary."""

from __future__ import annotations

from fixture_views import DATA, LOS_ANGELES

from partnermap.data.loader import load_corpus
from partnermap.data.marks import mark
from partnermap.data.vocabulary import MARKS, TYPES


def _marks() -> dict:
    corpus = load_corpus(DATA)
    return {r.id: mark(r, corpus.localities) for r in corpus.records}


def test_every_type_declares_its_mark() -> None:
    assert set(MARKS) == set(TYPES)
    assert MARKS["sister_city"] == MARKS["mou"] == "link"
    assert MARKS["summit"] == MARKS["program"] == "hub"


def test_a_bilateral_agreement_is_one_link_between_its_two_parties() -> None:
    m = _marks()["zhenjiang-california-mou"]  # signed in Los Angeles: the site is not an end
    assert (m.kind, m.ends) == ("link", ("geonames:1784642", "US-CA"))


def test_a_summit_is_one_hub_at_its_host_with_its_participants() -> None:
    m = _marks()["climate-leaders-summit-2015"]
    assert (m.kind, m.venue, m.participants) == ("hub", LOS_ANGELES, 11)


def test_national_parties_are_not_a_mark() -> None:
    assert _marks()["mayors-training-program"].kind == "national"
    assert _marks()["sister-cities-conference-2014"].kind == "hub"  # held in a city
