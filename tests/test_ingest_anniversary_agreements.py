"""Issue 18, tenth session: agreements that belong with a partnership.

"两市市长签署了“结好40周年协议书”" tells two things: an agreement signed that day, and a
partnership founded forty years or so before. When the text also writes the founding year
("于1980年缔结为友好城市"), that year dates the founding, not the anniversary's count (the
fortieth is celebrated in 2021). An agreement signed "to that effect" is the founding it makes.
A site's list of hot searches is no part of the story.
Lines from the development part's pages, named beside each.
"""

from __future__ import annotations

from pathlib import Path

from partnermap.ingest.propose import propose
from partnermap.ingest.sentence_cues import sentence_cues
from partnermap.ingest.text import Document

HEFEI = "geonames:1808722"
KURUME = "geonames:1858088"

# n10, yexian114.com (a repost of China News Service's story of 2021-11-18)
_STORY = (
    "安徽合肥市与日本久留米市“云端”举行结好40周年庆典-\n\n"
    "   日期:2021-11-18 21:50:44     浏览:1    \n\n"
    "  中新网合肥11月18日电 (记者 张强)18日,安徽省合肥市与日本久留米市“云端”连线,"
    "举行缔结友好城市40周年庆典。活动中,两市市长签署了“结好40周年协议书”。\n\n"
    "  合肥市与久留米市于1980年缔结为友好城市,久留米市成为合肥市的第一个国际友好城市。\n"
)


def _records(text: str) -> list[tuple[str, str | None, list[str]]]:
    document = Document(Path("page.txt"), text, "txt", "utf-8", "0" * 64)
    return [(p.type.slug, p.date.value, sorted(p.locality_ids())) for p in propose(document)]


def test_an_agreement_signed_for_an_anniversary_is_a_cue_of_its_own():
    sentence = "活动中,两市市长签署了“结好40周年协议书”。"
    cues = [(c.slug, c.text) for c in sentence_cues(sentence, (0, len(sentence)))]
    assert ("other", "协议") in cues


def test_the_agreement_takes_the_day_and_the_founding_its_written_year():
    records = _records(_STORY)
    pair = sorted([HEFEI, KURUME])
    assert ("other", "2021-11-18", pair) in records
    assert [r for r in records if r[0] == "sister_city"] == [("sister_city", "1980", pair)]


def test_a_sites_hot_searches_name_no_party():
    # n10: the line above the headline
    text = (
        "推广 热搜:   App  青田  中国地震台网  质检  湖北黄冈  中方  助攻  习近平,发扬,  作者, \n\n"
        + _STORY
    )
    places = {i for _, _, ids in _records(text) for i in ids}
    assert places == {HEFEI, KURUME}


def test_an_agreement_to_that_effect_is_the_founding_it_makes():
    # n06, english.eastday.com (Xinhua); the page's stamp written as the benchmark writes one
    text = (
        "date 2008-09-18 The Mexican municipality of Tlalnepantla in the state of Mexico and the "
        "Chinese southeastern city of Maanshan have established a sister-city relationship to "
        "strengthen ties and exchanges, said an official statement yesterday.\n"
        "Authorities said Tlalnepantla Mayor Marco Antonio Rodriguez Hurtado and Maanshan's Vice "
        "Mayor Wang Xiaoyan signed an agreement to that effect on Sept. 15 at the opening ceremony "
        "of the Maanshan Garden in Tlalnepantla.\n"
    )
    assert _records(text) == [
        ("sister_city", "2008-09-15", sorted(["geonames:3515431", "geonames:1801620"]))
    ]


def test_a_founding_written_with_its_month_replaces_the_anniversarys_year():
    # r01, sznews.com (Shenzhen foreign affairs office, 2021-10-29)
    text = (
        "Source: http://www.sznews.com/news/content/2021-10/29/content_24688200.htm\n\n"
        "深圳与休斯敦结好35周年!郎朗为两座城送音乐祝福\n2021-10-29 14:12\n\n"
        "1986年4月,深圳与美国休斯敦市签署建立友好城市关系协议书,休斯敦成为深圳的第一个国际友城,"
        "两市正式开启长达35年友好往来的篇章。\n"
    )
    pair = sorted(["geonames:1795565", "geonames:4699066"])
    assert [r for r in _records(text) if r[2] == pair] == [("sister_city", "1986-04", pair)]


def test_a_pairs_founding_told_by_its_month_and_by_its_day_is_one_record():
    # r04, m.hbtv.com.cn (湖北广电's party-history page): the text, then a photo's caption
    text = (
        "1979年10月,湖北省与美国俄亥俄州在武汉签署了《中华人民共和国湖北省和美利坚合众国俄亥俄州建立"
        "友好省州关系的协议》,成为了中美两国正式建交后的第一对友好省州。\n\n"
        "图为:1979年10月31日,陈丕显和麦歇尔在建立湖北——俄亥俄友好省州关系协议书上签字。\n"
    )
    pair = sorted(["cn:420000", "US-OH"])
    assert [r for r in _records(text) if r[2] == pair] == [
        ("sister_state_province", "1979-10-31", pair)
    ]
