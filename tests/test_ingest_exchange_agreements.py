"""Issue 18, ninth session: agreements on exchanges between partners.

An agreement "on strengthening exchanges between friendly cities" (关于加强友好城市间交流的协议书)
is an agreement of its own, not a founding; agreements signed "respectively" on two dates are
two agreements. Sentences from m01 (tyjgjz.com, a China News Service dateline on Hefei and
Wonju), with the sentence that names Korea before them.
"""

from __future__ import annotations

from pathlib import Path

from partnermap.ingest.propose import propose
from partnermap.ingest.text import Document

HEFEI, WONJU = "geonames:1808722", "geonames:1833105"
KOREA = "据了解,原州市位于韩国江原道西南部。\n"


def _records(text: str) -> list[tuple[str, str | None, set[str]]]:
    document = Document(Path("page.txt"), text, "txt", "utf-8", "0" * 64)
    return [(p.type.slug, p.date.value, set(p.locality_ids())) for p in propose(document)]


def test_an_agreement_on_exchanges_between_partners_is_no_founding():
    text = KOREA + (
        "2023年11月15日,罗云峰与元康修共同签署《中华人民共和国安徽省合肥市与大韩民国江原特别自治道"
        "原州市关于加强友好城市间交流的协议书》,并互赠纪念品。\n"
    )
    assert _records(text) == [("other", "2023-11-15", {HEFEI, WONJU})]


def test_agreements_signed_respectively_on_two_dates_are_two():
    text = KOREA + "原州市与合肥市分别于2007年11月28日和2012年11月28日签订加强交流协议。\n"
    assert _records(text) == [
        ("other", "2007-11-28", {HEFEI, WONJU}),
        ("other", "2012-11-28", {HEFEI, WONJU}),
    ]
