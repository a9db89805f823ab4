"""The rules of issue 18's third round: broad rules, each on a short real sentence (each
page named beside it; most are the development part's v01-v10).

Dates: a record's date never rests on the page's posting, edition or address stamp alone,
whatever splitting into pairs happens (a word counted from the stamp, "today", "27日", is the
text's own evidence); dates in digits as people write them; a stamp whose source follows a
bullet. Events: founding words of any tense and a council's approval. Types: an annual
meeting is a conference; gatherings named as examples are none; an agreement told by a
bare word is the one the story names next.
Places: a place abroad with a division's suffix; a name with its designation; the one place
of the other side for a partnership told with one party; a country's name is the country; a
word read as a small town abroad, a place in a publication's name, are no places.
"""

from __future__ import annotations

from pathlib import Path

from partnermap.ingest.dates import EVENT_CUES, DateChoice, document_dates, only_stamped
from partnermap.ingest.kinds import Cue
from partnermap.ingest.known_pairs import known_partners
from partnermap.ingest.parties import sister_pairs, with_known_partner
from partnermap.ingest.places import find_places
from partnermap.ingest.propose import Proposal, propose
from partnermap.ingest.text import Document

CHICAGO, SHANGHAI, SHENYANG = "geonames:4887398", "geonames:1796236", "geonames:2034937"
ALAMEDA, JIANGYIN = "geonames:5322737", "cn:320281"
BURLINGTON_VT, HEILONGJIANG = "geonames:5234372", "cn:230000"
ANHUI, ANTALYA = "cn:340000", "adm1:TR.07"
SICHUAN, WAKAYAMA = "cn:510000", "adm1:JP.43"
FRESNO = "geonames:5350937"
SHANDONG, ISABEL = "cn:370000", "adm1:SB.07"
CHENGDU, NASHVILLE = "geonames:1815286", "geonames:4644585"
FORT_WORTH, GUIYANG = "geonames:4691930", "geonames:1809461"
FUZHOU, TACOMA = "geonames:1810821", "geonames:5812944"


def _document(text: str) -> Document:
    return Document(Path("page.txt"), text, "txt", "utf-8", "0" * 64)


def _records(text: str) -> list[tuple[str, str | None, list[str]]]:
    return [(p.type.slug, p.date.value, p.locality_ids()) for p in propose(_document(text))]


# Dates -------------------------------------------------------------------------------------


def test_a_repost_stamp_dates_no_pair_of_a_city_with_two_partners():
    # a copy of usa.chinadaily.com.cn/epaper/2015-10/26/content_22283301.htm, its stamp the
    # copy's own and the page's only date
    text = (
        "Sister cities mingle in the Windy City\n"
        "Updated: 2015-10-27 11:04\n\n"
        "The conference also celebrated Chicago's sister-city relationships with Shanghai "
        "and Shenyang.\n"
    )
    assert _records(text) == [
        ("sister_city", None, [CHICAGO, SHANGHAI]),
        ("sister_city", None, [CHICAGO, SHENYANG]),
    ]


def test_an_edition_stamp_dates_no_pair_told_without_a_date():
    # the same story as a newspaper's edition: 2015年10月27日 第03版, "日前" (recently)
    text = (
        "芝加哥与上海、沈阳\n2015年10月27日 第03版\n\n"
        "本报讯 日前,芝加哥市与上海市、沈阳市签署友好城市协议。\n"
    )
    assert [date for _, date, _ in _records(text)] == [None, None]


def test_a_date_resting_on_the_stamp_alone_is_no_records_date():
    stamp_line = "Updated: 2015-10-27 11:04\n\n"
    mentions = document_dates(stamp_line + "Chicago signed it today.\n")
    stamp = next(m for m in mentions if m.kind == "posted")
    today = next(m for m in mentions if m.text == "today")
    assert only_stamped(DateChoice(stamp.value, stamp, 0.9, ""), mentions)
    assert only_stamped(DateChoice(stamp.value, None, 0.9, ""), mentions)
    # "today" counted from the stamp is the text's word, and a date the stamp does not hold
    # is the text's
    assert not only_stamped(DateChoice(today.value, today, 0.9, ""), mentions)
    assert not only_stamped(DateChoice("2015-10-23", None, 0.9, ""), mentions)


def test_dates_in_digits_as_people_write_them_date_the_page():
    # archive.jsonline.com/business/103938934.html/ (American: month first)
    text = (
        "Governor Doyle signs trade accord with Chinese province\n\n"
        "Published on: 9/28/2010\n\n"
        "On his weeklong trade-promotion trip in China, Gov. Jim Doyle on Tuesday signed a "
        "memorandum of understanding with a province in the Chinese interior.\n"
    )
    assert {m.text: (m.kind, m.value) for m in document_dates(text)}["9/28/2010"] == (
        "posted",
        "2010-09-28",
    )
    assert ("mou", "2010-09-28") in [(slug, date) for slug, date, _ in _records(text)]
    # hefei.baogaosu.com/xinwen/…/70571747/ (day first)
    stamp = document_dates("安徽省与安塔利亚省建立友好省际关系\n\n29.10.2018  14:25\n")
    assert [(m.kind, m.value) for m in stamp] == [("posted", "2018-10-29")]


def test_a_stamp_with_its_source_after_a_bullet_is_a_stamp():
    # www.beijingreview.com.cn/2009news/todaynews/2012-08/01/content_472433.htm
    found = document_dates("中方代表出席美国新英格兰地区州长协会年会\n• 2012-08-01 • 来源:新华网\n")
    assert [(m.kind, m.value) for m in found] == [("posted", "2012-08-01")]


# Events ------------------------------------------------------------------------------------


def test_founding_words_of_any_tense_and_a_councils_approval_tell_an_event():
    # docs.alamedaca.gov … id=165910 (council minutes)
    text = (
        "MINUTES OF THE SPECIAL CITY COUNCIL MEETING\n"
        "THURSDAY- - OCTOBER 2, 2008- -6:00 P.M.\n\n"
        "(08 -410) Recommendation to approve Memorandum of Understanding\n"
        "(MOU) regarding the formation and implementation of Sister City\n"
        "Relations between Alameda, California, the United States of America\n"
        "and Jiangyin, the People's Republic of China.\n"
    )
    assert ("sister_city", [ALAMEDA, JIANGYIN]) in [(slug, ids) for slug, _, ids in _records(text)]
    # staff reports and resolutions: "to become sister cities", "approving a Sister City"
    assert EVENT_CUES.search("seized the opportunity to become sister cities")
    assert EVENT_CUES.search("A resolution approving a Sister City relationship with Chengdu")
    assert EVENT_CUES.search("建立友好省际关系协议书签字及文本交换仪式")


# Types -------------------------------------------------------------------------------------


def test_an_annual_meeting_is_a_conference():
    # www.beijingreview.com.cn/2009news/todaynews/2012-08/01/content_472433.htm
    text = (
        "• 2012-08-01 • 来源:新华网\n\n"
        "新华网华盛顿7月31日电 中国人民对外友好协会会长李小林和黑龙江省常务副省长刘国中29日至30日"
        "出席在美国佛蒙特州伯灵顿市举行的美国新英格兰地区州长协会年会,探讨中国与美国新英格兰地区"
        "各州在贸易、投资、农业、畜牧业、教育、旅游等领域的合作机会。\n"
    )
    records = _records(text)
    assert [(slug, date) for slug, date, _ in records] == [("conference", "2012-07-29")]
    assert {BURLINGTON_VT, HEILONGJIANG} <= set(records[0][2])


def test_gatherings_named_as_examples_of_a_kind_are_no_events():
    # glosyeuropyichin.com/hr/753.html: 惠灵顿与北京结为友好城市15周年
    text = (
        "时间:2021-02-01 22:36:22 来源: 欧中之声\n"
        "新华社惠灵顿2月1日电 惠灵顿市市长安迪·福斯特在致辞中表示,惠灵顿今年将与北京陆续举办一系列"
        "活动,如市长线上会议、“智慧城市”研讨会、企业圆桌会议等,以期进一步加深双方合作和交流。\n"
    )
    assert _records(text) == []


def test_an_agreement_told_by_a_bare_word_is_the_one_the_story_names_next():
    # archive.jsonline.com/business/103938934.html/
    text = (
        "Governor Doyle signs trade accord with Chinese province\n\n"
        "Published on: 9/28/2010\n\n"
        "On his weeklong trade-promotion trip in China, Gov. Jim Doyle on Tuesday signed a "
        "memorandum of understanding with a province in the Chinese interior, billing the "
        'document as a "collaborative trade agreement."\n'
    )
    assert [(slug, date) for slug, date, _ in _records(text)] == [("mou", "2010-09-28")]


# Places ------------------------------------------------------------------------------------


def test_a_place_abroad_with_a_divisions_suffix_is_that_division_and_names_its_country():
    # hefei.baogaosu.com/xinwen/…/70571747/ (Turkey is never named)
    text = (
        "29.10.2018  14:25\n\n"
        "10月23日,安徽省与安塔利亚省建立友好省际关系协议书签字及文本交换仪式在安塔利亚省政府举行。\n"
    )
    assert _records(text) == [("sister_state_province", "2018-10-23", [ANHUI, ANTALYA])]
    # www.cititic.com/news/mm/1685469-20220127.htm: a prefecture, not its capital city
    text = "四川省与日本和歌山县签署建立友好省县关系协议\n"
    assert [ids for _, _, ids in _records(text)] == [[SICHUAN, WAKAYAMA]]
    # sapt.news/2023/12/05/shandong-province-and-isabel-province-…/ (the Solomon Islands are
    # named only as "SI")
    text = (
        "ISABEL province has officially established sisterly ties with Shandong Province in "
        "China.\nOn December 4, 2023, the Vice Governor of Shandong Province of China and the "
        "Premier of Isabel Province formally signed the Agreement on the Establishment of "
        "Friendly and Cooperative Relations Between Shandong and Isabel.\n"
    )
    assert ("sister_state_province", "2023-12-04", [ISABEL, SHANDONG]) in _records(text)


def test_a_name_with_its_designation_is_a_place():
    # www.publicceo.com/2012/10/staff-report-of-the-week-fresno-and-taishan-city-…/
    text = (
        "Source: https://www.publicceo.com/2012/10/staff-report-of-the-week/\n\n"
        "Back in June of this year the city of Fresno and the Taishan City of the People’s "
        "Republic of China seized the opportunity to become sister cities.\n"
    )
    ((slug, date, ids),) = _records(text)
    assert (slug, date, ids[0]) == ("sister_city", "2012-06", FRESNO)
    # which Taishan (Guangdong's city or Shandong's district) is the geocoder's choice
    assert len(ids) == 2 and ids[1].startswith("cn:")


def test_a_partnership_told_with_one_party_pairs_with_the_texts_one_place_of_the_other_side():
    # nashville.gov/Metro-Clerk/Legislative/Resolutions/…/RS2019-1601.aspx
    title = (
        "A resolution approving a Sister City relationship with Chengdu, China and authorizing "
        "the Mayor to execute a Sister City charter.\n\n"
    )
    whereas = (
        "WHEREAS, to the Metropolitan Government (City of Nashville, Tennessee), through its "
        "Council, does recognize and endorse this program with the hope that it will lead to a "
        "lasting friendship between the people of Nashville, Tennessee, United States of "
        "America and Chengdu, China.\n"
    )
    assert _records(title + whereas) == [("sister_city", None, [CHENGDU, NASHVILLE])]
    # a text naming two places on the other side does not say which
    two = whereas.replace("(City of Nashville, Tennessee)", "(City of Memphis, Tennessee)")
    assert _records(title + two) == []


def test_a_countrys_name_is_the_country_beside_a_town_that_shares_it():
    # www.fwsistercities.org/fort-worth-to-become-sister-cities-with-guiyang-china/
    text = (
        "Mayor Li Zaiyong of Guiyang, China, along with seven other Guiyang officials, arrive "
        "in Fort Worth on Sunday to sign the official document to become Fort Worth’s eighth "
        "sister city.\n"
    )
    found = {m.text: m.place.id for m in find_places(text)}
    assert found["China"] == "CN"  # not China, Texas
    assert [ids for _, _, ids in _records(text)] == [[GUIYANG, FORT_WORTH]]


def test_a_word_read_as_a_small_town_abroad_is_no_place():
    # www.beijingreview.com.cn/…/content_472433.htm: a region, not New England, Texas (659)
    text = "探讨中国与美国新英格兰地区各州在贸易、投资、农业等领域的合作机会。"
    assert [m.place.id for m in find_places(text)] == ["CN", "US"]
    # chicago.china-consulate.org/gdtp/201808/t20180830_10363673.htm: a farm, not Kimberly
    text = "27日,代表团一行来到首府得梅因市访问,先后走访金伯利农场和海兰公司。"
    assert "金伯利" not in [m.text for m in find_places(text)]
    # a town that small is named with its suffix or after a word that introduces a place
    assert "金伯利市" in [m.text for m in find_places("代表团抵达金伯利市访问。")]


def test_a_place_in_a_publications_name_is_no_place_of_the_story():
    # www.beijingreview.com.cn/…/content_472433.htm (the Beijing Review's own page)
    text = "中方代表出席美国新英格兰地区州长协会年会_北京周报\n"
    assert "北京" not in [m.text for m in find_places(text)]
    # www.aigou888.cn/a/202310/31/WS654108eaa31090682a5ebbbc.html
    text = "according to a report by Hubei Daily."
    assert find_places(text) == []


# The partner of a known pair (issue 18, fourth round) ---------------------------------------


def _one_party_proposal(text: str, cue: str, party: str) -> Proposal:
    """The sister proposal a partnership told with one party gives: its cue and that party."""
    start = text.index(cue)
    named = [m for m in find_places(text) if m.text.startswith(party)]
    mention = min(named, key=lambda m: abs(m.start - start))
    return Proposal(
        Cue("sister_city", start, start + len(cue), cue),
        DateChoice(None, None, 0.0, "undated"),
        [mention],
        [],
        [(start, start + len(cue))],
        "",
    )


def test_a_partnership_named_with_one_party_takes_the_partner_the_records_know():
    # www.yuzhongnet.com/a/202312/01/WS65690e14a31090682a5f0d59.html (China Daily, "Fuzhou
    # and Tacoma's sister city bond"); the curated records pair Fuzhou with Tacoma.
    text = (
        "A pavilion called Fuzhou Ting in Tacoma stands as a testament to this. Located in a "
        "Chinese park, it was a gift from its sister city Fuzhou."
    )
    proposal = _one_party_proposal(text, "sister city", "Fuzhou")
    paired = with_known_partner(proposal, text, find_places(text), known_partners())
    assert [m.place.id for m in paired.places] == [FUZHOU, TACOMA]
    assert [p.locality_ids() for p in sister_pairs(paired, text)] == [[TACOMA, FUZHOU]]


def test_a_partnership_spoken_of_in_general_takes_no_known_partner():
    # itaiwannews.cn/20190718/… (z05): sister cities as a topic, Houston and Shanghai named
    # elsewhere (the records pair them); no partnership of Houston's is told.
    text = (
        "第四届美中友城大会17日在美国得克萨斯州休斯敦市举行。议程包括上海图片展,以及增强"
        "中美姐妹城合作等议题的分论坛活动。"
    )
    proposal = _one_party_proposal(text, "姐妹城", "休斯敦")
    assert with_known_partner(proposal, text, find_places(text), known_partners()) == proposal
