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


def test_a_letter_of_intent_is_an_mou_and_told_again_is_the_same_one():
    # g04, 秦皇岛 and Naumburg: the vocabulary's MOU holds letters of intent (意向书)
    text = (
        "6月3日,秦皇岛市与德国萨克森-安哈尔特州瑙姆堡市签署《建立友好交流城市关系意向书》。\n\n"
        "瑙姆堡市位于德国萨克森-安哈尔特州南部。根据意向书,双方将在旅游、经贸、文化、教育等领域开展"
        "多层次交流与合作。\n\n"
        "石磊说,希望双方以此次签署友好交流城市关系意向书为新起点,进一步增进彼此友谊,加强山海关区、"
        "北戴河区与瑙姆堡的务实合作。\n"
    )
    assert [(slug, ids) for slug, _, ids in _records(text)] == [
        ("mou", {"geonames:1797595", "geonames:2866906"})
    ]
    english = (
        "Adopt Resolution approving Letter of Intent with Jinhua City, China, on June 3, 2006."
    )
    assert [slug for slug, _, _ in _records(english)] == ["mou"]
