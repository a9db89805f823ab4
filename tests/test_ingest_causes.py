"""Issue 18, eighth round: fixes by cause, each general and tested on a short real sentence of
the page named beside it (sets dev and fresh-6).

- A place named in an official's title ("台北市长", "Mayor of Taipei") is a local government's
  place: its country counts as named, so the place is found even when the text never names
  its country.
- An anniversary counts back from the event it is celebrated at, never from a founding date
  told after it.
- An agreement signed in a gathering's own clause ("双城论坛…再签4项合作备忘录") is the
  record, the gathering only its venue; a count alone ("再签4项备忘录") sums up; agreements a
  sentence lists and counts ("签署A、B、C、D等4项交流合作备忘录") are one record each.
- A gathering told as a series ("此后逐年举行") is no event; what happened "现场" (on the
  spot) continues the event just told.
- A sentence's subject is the place right before its first "与", not a word of a heading run
  into it ("友协和友城工作").
- A partnership's word that begins the name of an award or a match ("中日友好城市初中生乒乓球
  友谊比赛") founds no partnership.
- An agreement told with no local party takes the local places of the sentence that recalls
  it next ("The agreement … with the province of Shaanxi").
- A partnership told with one party after "与" and its country ("与美国威斯康星州举行结好30周年")
  takes the text's one party on the other side.
- A place inside an organisation's name ending in "中心" ("纽约中心") only locates it.
- A place in a former official's title ("Former Mayor of Santa Barbara") is no party.
- A bare agreement word with a determiner after a named agreement of the same parties
  ("signed a sister-city pact…", then "signed the memorandum of agreement") tells it again.
"""

from __future__ import annotations

from pathlib import Path

from partnermap.ingest.places import find_places
from partnermap.ingest.propose import Proposal, propose
from partnermap.ingest.text import Document

TAIPEI, SHANGHAI = "geonames:1668341", "geonames:1796236"


def _proposals(text: str) -> list[Proposal]:
    return propose(Document(Path("page.txt"), text, "txt", "utf-8", "0" * 64))


def test_a_place_in_an_officials_title_is_found_though_its_country_is_not_named():
    # bj.crntt.com, the 2017 Taipei - Shanghai twin-city forum (fresh-6, f10).
    text = "现场由台北市长柯文哲和上海市长应勇现场见证,双方代表签署4项交流合作备忘录。"
    assert {m.place.id for m in find_places(text)} == {TAIPEI, SHANGHAI}
    # The same in English.
    text = "Mayor of Taipei Ko Wen-je and Shanghai Mayor Ying Yong witnessed the signing."
    assert TAIPEI in {m.place.id for m in find_places(text)}


def test_an_anniversary_counts_from_its_event_never_from_a_founding_told_after_it():
    # wiiot.cn, Hohhot - Ulaanbaatar's 30th anniversary on an undated page (fresh-6, f08).
    text = (
        "中国呼和浩特市与蒙古国乌兰巴托市缔结国际友城30周年纪念活动举行\n"
        "12月10日,中国呼和浩特市与蒙古国乌兰巴托市缔结国际友城30周年纪念活动以视频交流形式举行。"
        "王浩雷在致辞中说,1991年12月10日,呼和浩特市与乌兰巴托市正式缔结为国际友好城市。"
    )
    founded = [p.date.value for p in _proposals(text) if p.type.slug == "sister_city"]
    assert founded == ["1991-12-10"]


FORUM_PAGE = (
    "2017双城论坛台北上海再签4项合作备忘录\nhttp://www.CRNTT.com   2017-07-02 11:11:17\n\n"
    "中评社上海7月2日电 台北市长柯文哲1日率百人团赴上海,参加为期3天的台北上海双城论坛交流,"
    "重头戏主论坛于2日上午登场;台北、上海过去已签订26项交流合作协议,今年再签4项备忘录。\n\n"
    "台北、上海双城论坛是由两市前市长2010年合力促成,此后逐年举行。\n\n"
    "现场由台北市长柯文哲和上海市长应勇现场见证,双方代表签署台北市立大学与上海大学学术交流、"
    "台北市内湖区与上海市浦东新区、两市推广篮球运动、消费者权益保护等4项交流合作备忘录。"
)


def test_an_agreement_signed_in_a_gatherings_clause_is_the_record_not_the_gathering():
    # bj.crntt.com, the headline of the 2017 Taipei - Shanghai twin-city forum (f10).
    # Its forum is where they were signed, and "4项" only sums up the four told below.
    proposals = _proposals(FORUM_PAGE)
    assert not [p for p in proposals if p.head and p.type.slug == "forum"]
    assert sorted(p.type.slug for p in proposals) == ["forum", "mou", "mou", "mou", "mou"]


def test_agreements_a_sentence_lists_and_counts_are_one_record_each():
    mous = [p for p in _proposals(FORUM_PAGE) if p.type.slug == "mou" and not p.head]
    assert len(mous) == 4
    assert "cn:310115" in mous[1].locality_ids()  # 上海市浦东新区, its own item's party


def test_a_series_is_no_event_and_what_happened_on_the_spot_continues_the_event():
    proposals = _proposals(FORUM_PAGE)
    assert [p.date.value for p in proposals if p.type.slug == "forum"] == ["2017-07-02"]
    mous = [p for p in proposals if p.type.slug == "mou" and not p.head]
    assert {p.date.value for p in mous} == {"2017-07-02"}


def test_the_subject_of_each_part_is_the_place_before_its_first_with_not_a_headings_and():
    # hljszw.org.cn, Heilongjiang's yearbook for 2012, under its heading (fresh-6, f06).
    text = (
        "友协和友城工作\n2012年,经全国友协批准,黑龙江省与以色列希弗谷区、保加利亚洛维奇州正式缔结"
        "友好关系,与奥地利萨尔茨堡州正式签署《友好省州关系协议书》。"
    )
    pairs = [set(p.locality_ids()) for p in _proposals(text)]
    assert {"cn:230000", "adm1:AT.05"} in pairs  # Heilongjiang - Salzburg
    assert {"cn:230000", "adm1:BG.46"} in pairs  # Heilongjiang - Lovech


def test_a_partnership_word_in_the_name_of_a_match_or_an_award_founds_nothing():
    # hljszw.org.cn, Heilongjiang's yearbook for 2012 (fresh-6, f06).
    text = (
        "2012年,加强与日本新潟县议会交往,与日本北海道、新潟县共同组队参加全国友协主办的"
        "中日友好城市初中生乒乓球友谊比赛,与韩国忠清北道合作举行黑龙江省与忠清北道公务员"
        "乒乓球友谊赛。"
    )
    foundings = {"sister_city", "sister_state_province", "friendship"}
    assert not [p for p in _proposals(text) if p.type.slug in foundings]


def test_an_agreement_told_with_no_local_party_takes_those_of_the_sentence_recalling_it():
    # archive.jsonline.com, "Governor Doyle signs trade accord with Chinese province" (v03).
    text = (
        "On his weeklong trade-promotion trip in China, Gov. Jim Doyle on Tuesday, September "
        "28, 2010 signed a memorandum of understanding with a province in the Chinese "
        "interior.\n\nThe agreement lacks concrete trade deals but has the potential to "
        "strengthen bilateral cooperation with the province of Shaanxi, Doyle's office said."
    )
    mous = [p for p in _proposals(text) if p.type.slug == "mou"]
    assert len(mous) == 1
    assert "cn:610000" in mous[0].locality_ids()  # Shaanxi


def test_a_place_in_a_former_officials_title_is_no_party():
    # cpaffc.org.cn, the 4th U.S.-China Sister Cities Mayors' Summit (e03).
    text = (
        "On July 17th, the 4th U.S.-China Sister Cities Mayors' Summit was held in Houston, "
        "Texas. Mr. Ron Nirenberg, Mayor of San Antonio, Ms. Helene Schneider, Former Mayor "
        "of Santa Barbara, Mr. Anise Parker, Former Mayor of Houston, attended the summit."
    )
    summits = [p for p in _proposals(text) if p.type.slug == "summit"]
    assert "geonames:4726206" in summits[0].locality_ids()  # San Antonio
    assert "geonames:5392952" not in summits[0].locality_ids()  # Santa Barbara


def test_a_bare_agreement_after_a_named_one_of_the_same_parties_tells_it_again():
    # sunstar.com.ph, Mandaue - Mosul (fresh-6, f03).
    text = (
        "CEBU, Philippines - Both Mandaue City and Mosul City in Iraq signed a sister-city pact "
        "on December 9, 2011 during a simple ceremony.\n\n"
        "Mandaue City Mayor Jonas Cortes signed the memorandum of agreement on behalf of "
        "Mandaue while Governor Athil Abdulazeez Mohammed Alnajafie signed on behalf of Mosul "
        "City."
    )
    assert [p.type.slug for p in _proposals(text)] == ["sister_city"]


def test_a_place_inside_a_centres_name_only_locates_it():
    # the China Center New York's page on its partnerships (z06).
    text = "2017年7月17日,在纽约中心的推动下纽约布朗克斯区和上海松江区之间签订了友好协议。"
    ids = [p.locality_ids() for p in _proposals(text)]
    assert ids == [["geonames:5110266", "cn:310117"]]  # The Bronx, Songjiang District


def test_a_partnership_told_with_one_party_after_with_and_its_country_takes_the_other():
    # hljszw.org.cn, Heilongjiang's yearbook for 2012 (fresh-6, f06).
    text = (
        "截至2012年末,黑龙江省已与31个国家和地区建立友城关系79对。与美国威斯康星州举行结好30周年"
        "庆祝系列活动,两省州各部门开展畜牧、环保、教育等领域的对口交流活动。"
    )
    pairs = [set(p.locality_ids()) for p in _proposals(text)]
    assert {"cn:230000", "US-WI"} in pairs  # Heilongjiang - Wisconsin
