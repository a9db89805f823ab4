"""Citations: every seed document described beside it, cited "Publisher — Title (date)"."""

from __future__ import annotations

from partnermap.data.citations import METADATA_FILE, citations, cite, metadata
from partnermap.data.loader import EMBEDDED_DATA_DIR, load_corpus
from partnermap.data.schema import Source


def test_every_document_in_the_folder_has_its_metadata() -> None:
    documents = {p.name for p in METADATA_FILE.parent.iterdir() if p.name != METADATA_FILE.name}
    assert documents == set(metadata())
    for about in metadata().values():
        assert set(about) == {"title", "publisher", "date", "url"}
        assert all(str(value).strip() for value in about.values())


def test_a_seed_document_is_cited_by_publisher_title_and_date() -> None:
    citation = cite(Source(quote="q", document="000_80f17e6f35c162c6.txt", lines="12"))
    assert str(citation) == (
        "Zhenjiang Municipal People's Government and State Government of California — "
        "Plan of Actions on Low Carbon Cooperation (关于加强低碳发展合作的行动计划) (2015-12-07)"
    )
    assert citation.url == "document supplied"


def test_no_citation_is_a_file_name() -> None:
    cited = citations(load_corpus(EMBEDDED_DATA_DIR).records)
    assert cited and not any(str(c).endswith((".txt", ".csv")) for c in cited)
    assert len({str(c) for c in cited}) == len(cited)
