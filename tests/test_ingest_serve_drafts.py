"""`serve --include-drafts`: drafts join the view, and the details panel marks them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from partnermap.app import create_app
from partnermap.data.filters import FilterState
from partnermap.data.loader import EMBEDDED_DATA_DIR, load_corpus
from partnermap.data.view import build_index, build_view, regions_from_geojson
from partnermap.geo.basemap import admin1_geojson
from partnermap.ingest.drafts import corpus_with_drafts, ingest
from partnermap.page import details

SIGNING = Path(__file__).parent / "fixtures" / "ingest" / "en_signing_ceremony.html"


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("drafts") / "data"
    target.mkdir()
    shutil.copy(EMBEDDED_DATA_DIR / "localities.yaml", target)
    shutil.copytree(EMBEDDED_DATA_DIR / "sources", target / "sources")
    shutil.copytree(EMBEDDED_DATA_DIR / "records", target / "records")
    assert len(ingest(SIGNING, target).written) == 3
    return target


def test_drafts_join_the_corpus_with_their_places(data_dir: Path) -> None:
    corpus = load_corpus(data_dir)
    with_drafts, draft_ids = corpus_with_drafts(corpus)
    assert len(draft_ids) == 3
    assert len(with_drafts.records) == len(corpus.records) + 3
    named = {ref.id for r in with_drafts.records if r.id in draft_ids for ref in r.localities}
    assert named <= with_drafts.localities.keys()


def test_details_mark_drafts(data_dir: Path) -> None:
    corpus, draft_ids = corpus_with_drafts(load_corpus(data_dir))
    index = build_index(corpus, regions_from_geojson(admin1_geojson()))
    view = build_view(index, FilterState())
    draft = next(r for r in corpus.records if r.id in draft_ids)
    place = draft.localities[0].id
    children = details.panel(view, ("place", place), "en", draft_ids)
    items = children[1].children
    marked = [li.children for li in items if "draft" in li.children.className]
    assert marked and all(
        a.children[0].children.startswith("Draft — not yet reviewed") for a in marked
    )
    unmarked = details.panel(view, ("place", place), "en")[1].children
    assert all(li.children.className == "record" for li in unmarked)


def test_the_app_serves_with_drafts(data_dir: Path) -> None:
    app = create_app(data_dir, include_drafts=True)
    response = app.server.test_client().get("/")
    assert response.status_code == 200
