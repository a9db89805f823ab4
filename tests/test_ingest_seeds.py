"""Round trip: ingesting each seed document proposes the curated records it holds.

A proposal covers a curated record when it has the same type and date and shares enough
places (the rule ``ingest`` uses to say "matches the existing record"). The counts are floors
measured when the ingester was last improved: seed 002 dates its undated outcomes by the
dialogue it reports on, and seed 003 (a 2021 re-post) dates its summit's "9月16日" by the
Paris climate conference it names.
"""

from __future__ import annotations

import pytest

from partnermap.data.loader import EMBEDDED_DATA_DIR, load_corpus
from partnermap.ingest.propose import propose
from partnermap.ingest.repeats import matching_records
from partnermap.ingest.text import read_document

COVERED = {
    "000_80f17e6f35c162c6.txt": (
        8,
        {"zhenjiang-california-low-carbon-action-plan", "zhenjiang-california-low-carbon-mou"},
    ),
    "001_d2e0c8d448e0b2b7.txt": (
        2,
        {"ecopartnerships-framework", "ten-year-framework-energy-environment"},
    ),
    "002_8082145b65dafa6a.txt": (
        25,
        {
            "china-us-sister-cities-conference-2014",
            "ev-industrial-energy-efficiency-mou-2014",
            "ecopartnerships-signing-ceremony-sed-vi",
            "ecopartnerships-workshop-2014",
            "unconventional-gas-regulatory-workshop-2014",
            "punt-joint-committee-beijing-2015",
        },
    ),
    "003_292e3b7b9c98d1d7.txt": (
        4,
        {
            "us-china-climate-leaders-summit-los-angeles",
            "us-china-joint-statement-climate-change-2014",
            "energy-foundation-wuhan-mou",
        },
    ),
    "004_16b5918d0ef1f912.txt": (
        2,
        {
            "epa-sepa-clean-air-clean-energy-strategy",
            "epa-sepa-environmental-science-technology-mou",
        },
    ),
}


@pytest.mark.parametrize("document", sorted(COVERED))
def test_seed_round_trip(document):
    corpus = load_corpus(EMBEDDED_DATA_DIR)
    curated = {r.id for r in corpus.records if any(s.document == document for s in r.sources)}
    proposals = propose(read_document(EMBEDDED_DATA_DIR / "sources" / document))
    covered = {rid for p in proposals for rid in matching_records(p, corpus.records)} & curated
    floor, must = COVERED[document]
    assert must <= covered
    assert len(covered) >= floor
