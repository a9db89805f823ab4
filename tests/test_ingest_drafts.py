"""The drafts workflow on a scratch copy of the data: ingest, list, accept, reject."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from partnermap.cli import main
from partnermap.data.loader import EMBEDDED_DATA_DIR, load_corpus
from partnermap.ingest.drafts import (
    DraftError,
    accept,
    drafts_dir,
    ingest,
    list_drafts,
    load_drafts,
    reject,
)

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
SEED_000 = EMBEDDED_DATA_DIR / "sources" / "000_80f17e6f35c162c6.txt"


@pytest.fixture
def data_dir(tmp_path):
    target = tmp_path / "data"
    target.mkdir()
    shutil.copy(EMBEDDED_DATA_DIR / "localities.yaml", target)
    shutil.copytree(EMBEDDED_DATA_DIR / "sources", target / "sources")
    shutil.copytree(EMBEDDED_DATA_DIR / "records", target / "records")
    return target


def test_ingest_writes_drafts_once(data_dir):
    # Three agreements; the headline's "signed at sub-national forum" names no fourth record.
    first = ingest(FIXTURES / "en_signing_ceremony.html", data_dir)
    assert first.error is None
    assert len(first.written) == 3
    again = ingest(FIXTURES / "en_signing_ceremony.html", data_dir)
    assert again.written == []
    assert sorted(again.already) == sorted(first.written)
    assert len(list_drafts(data_dir)) == 3


def test_drafts_carry_confidence_spans_and_sha(data_dir):
    report = ingest(FIXTURES / "zh_summit_dateline.txt", data_dir)
    meta = yaml.safe_load((drafts_dir(data_dir) / f"{report.written[-1]}.meta.yaml").read_text())
    assert len(meta["sha256"]) == 64
    assert meta["spans"]["date"]["text"] == "15日"
    assert set(meta["confidence"]) == {"type", "date", "sectors", "localities"}
    # The parties, and Los Angeles: signed "会上", at the summit there.
    assert {row["id"] for row in meta["localities"]} == {"cn:510000", "US-CA", "geonames:5368361"}
    record = yaml.safe_load((drafts_dir(data_dir) / f"{report.written[-1]}.yaml").read_text())
    roles = {ref["id"]: ref["role"] for ref in record["records"][0]["localities"]}
    assert roles == {"cn:510000": "party", "US-CA": "party", "geonames:5368361": "site"}


def test_seed_already_in_the_data_is_reported_not_copied(data_dir):
    report = ingest(SEED_000, data_dir)
    matched = {record_id for _, record_id in report.matches}
    assert "zhenjiang-california-low-carbon-mou" in matched
    assert "zhenjiang-california-low-carbon-action-plan" in matched


def test_accept_moves_a_draft_into_valid_data(data_dir):
    report = ingest(FIXTURES / "zh_sister_city_gb18030.txt", data_dir)
    (draft_id,) = report.written
    before = len(load_corpus(data_dir).records)
    record_id = accept(data_dir, draft_id)
    corpus = load_corpus(data_dir)
    assert corpus.problems == ()
    assert len(corpus.records) == before + 1
    record = next(r for r in corpus.records if r.id == record_id)
    assert record.date == "2013-10"
    assert {ref.id for ref in record.localities} == {"geonames:1791247", "geonames:5206379"}
    assert "geonames:5206379" in corpus.localities
    assert list_drafts(data_dir) == []


def test_accept_refuses_what_validate_would_reject(data_dir):
    report = ingest(FIXTURES / "zh_news_repost.html", data_dir)
    (draft_id,) = report.written
    path = drafts_dir(data_dir) / f"{draft_id}.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("type: sister_state_province", "type: pact")
    )
    localities_before = (data_dir / "localities.yaml").read_text()
    with pytest.raises(DraftError, match="unknown type 'pact'"):
        accept(data_dir, draft_id)
    assert (data_dir / "localities.yaml").read_text() == localities_before
    assert not list((data_dir / "records").glob("ingested_*"))


def test_reject_and_load_drafts(data_dir):
    report = ingest(FIXTURES / "en_signing_ceremony.html", data_dir)
    assert len(load_drafts(data_dir)) == 3
    reject(data_dir, report.written[0])
    assert len(load_drafts(data_dir)) == 2
    with pytest.raises(DraftError, match="no draft"):
        reject(data_dir, "nosuch")


def test_cli_round(data_dir, capsys):
    assert main(["ingest", str(FIXTURES / "en_mou_text_layer.pdf"), "--data", str(data_dir)]) == 0
    draft_id = capsys.readouterr().out.split("new draft ")[1].split()[0]
    assert main(["drafts", "--data", str(data_dir)]) == 0
    assert draft_id in capsys.readouterr().out
    assert main(["accept", draft_id, "--data", str(data_dir)]) == 0
    assert main(["validate", str(data_dir)]) == 0
