"""The rules of issue 18, each on short real sentences quoted from the labelled corpus
(benchmarks/ingest_corpus/, development part; each quote's page is named beside it).

Dates: datelines ("…讯", "(Xinhua) --") and a page's own date (its address, its stamp) anchor
days, weekdays, "last week", 上月, 明年, 去年 and anniversaries; a renewal or a celebration
dates no founding; a posting or seen date is no event's. Places: lists joined by 、; a state
named once; a possessive; pairs one per record at their own level; no pair, no record; a
dateline's city is no party; a person's name is no place.
"""

from __future__ import annotations

from pathlib import Path

from partnermap.ingest.anchors import climate_conferences, conference_mentions
from partnermap.ingest.dates import DateMention, document_dates
from partnermap.ingest.places import find_places
from partnermap.ingest.propose import propose
from partnermap.ingest.relative import resolve
from partnermap.ingest.simplify import simplified
from partnermap.ingest.text import Document

FUZHOU, HONOLULU = "geonames:1810821", "geonames:5856195"
SAN_FRANCISCO, SHANGHAI = "geonames:5391959", "geonames:1796236"
CHICAGO, SHENYANG = "geonames:4887398", "geonames:2034937"


def _document(text: str) -> Document:
    return Document(Path("page.txt"), text, "txt", "utf-8", "0" * 64)


def _records(text: str) -> list[tuple[str, str | None, list[str]]]:
    return [(p.type.slug, p.date.value, p.locality_ids()) for p in propose(_document(text))]


def _dates(text: str) -> dict[str, str | None]:
    return {m.text: m.value for m in document_dates(text)}


# Dates -------------------------------------------------------------------------------------


def test_a_day_counts_from_a_dateline_with_xun_and_the_page_stamp():
    # news.fznews.com.cn/dsxw/20211021/6171800e34ff0.shtml
    text = (
        "2021-10-21 22:58:22  来源:福州新闻网  作者:潘倩\n\n"
        "  福州新闻网10月21日讯(福州日报记者 潘倩)21日上午,福州市与美国檀香山市在线签署建立"
        "友好城市关系协议书。\n"
    )
    assert _records(text) == [("sister_city", "2021-10-21", [FUZHOU, HONOLULU])]


def test_a_weekday_counts_from_the_page_address_in_traditional_text():
    # www.ktsf.com/2024/05/22/shanghai-mayor-visits-sf/
    text = (
        "Source: https://www.ktsf.com/2024/05/22/shanghai-mayor-visits-sf/\n\n"
        "中國上海市長龔正到訪灣區,舊金山(三藩市)市長布里德週二在舊金山市府舉行招待會歡迎龔正,"
        "雙方並簽署重申雙方姊妹城市關係的備忘錄。\n"
    )
    assert ("mou", "2024-05-21", [SHANGHAI, SAN_FRANCISCO]) in _records(text)


def test_a_renewal_does_not_date_the_partnership_it_renews():
    # www.ktsf.com/2024/05/22/shanghai-mayor-visits-sf/
    text = (
        "Source: https://www.ktsf.com/2024/05/22/shanghai-mayor-visits-sf/\n\n"
        "布里德週二下午在市府舉辦招待會,歡迎上海市長龔正一行的到訪,舊金山市與上海市締結姊妹城市"
        "已經有45年的時間,這次上海市長龔正到訪,兩位市長簽署一份諒解備忘錄,重申45年前建立的"
        "姊妹市關係。\n"
    )
    records = _records(text)
    assert ("sister_city", "1979", [SHANGHAI, SAN_FRANCISCO]) in records
    assert not [r for r in records if r[0] == "sister_city" and r[1] == "2024-05-21"]


def test_a_xinhua_dateline_anchors_a_bare_weekday_and_an_anniversary():
    # en.people.cn/n3/2024/0425/c90000-20161265.html
    text = (
        "PHILADELPHIA, the United States, April 24 (Xinhua) -- Tianjin in north China and "
        "Philadelphia on the U.S. East Coast celebrated their 45-year sister city ties Tuesday, "
        "vowing to deepen cooperation and exchange in various fields.\n"
    )
    dates = _dates("date 2024-04-25\n\n" + text)
    assert dates["Tuesday"] == "2024-04-23"
    assert dates["45-year"] == "1979"
    records = _records("date 2024-04-25\n\n" + text)
    assert records == [("sister_city", "1979", ["geonames:1792947", "geonames:4560349"])]


def test_last_week_counts_from_the_page_address():
    # heysocal.com/2014/09/24/governor-brown-signs-sister-state-agreement-with-chinas-guangdong-province
    text = (
        "Source: https://heysocal.com/2014/09/24/governor-brown-signs-sister-state-agreement-"
        "with-chinas-guangdong-province\n\n"
        "Governor Edmund G. Brown Jr. last week signed an agreement to establish a sister "
        "state/province relationship between California and the Guangdong Province of China "
        "and pledged to strengthen ties with the province on trade, technological innovation, "
        "clean energy, low carbon development, education and tourism.\n"
    )
    assert _records(text) == [("sister_state_province", "2014-09", ["US-CA", "cn:440000"])]


def test_this_week_gives_the_month_when_the_week_lies_in_one():
    anchor = DateMention(0, 10, "February 15, 2012", 2012, 2, 15)
    week = DateMention(20, 29, "this week", None, basis="span:week:0")
    assert resolve(week, anchor).value == "2012-02"
    month_end = DateMention(0, 10, "2014-09-30", 2014, 9, 30)
    assert resolve(week, month_end).value is None  # Monday 29 September to Sunday 5 October


def test_last_month_next_year_and_last_year_count_from_the_document():
    # www.ktsf.com/2024/05/22/…: 上個月; www.wfwn.com.cn/…/2018/10/12/20652.shtml: 明年
    last_month = _dates(
        simplified(
            "Source: https://www.ktsf.com/2024/05/22/shanghai-mayor-visits-sf/\n\n"
            "上個月陪同布里德訪問中國的多位成員,以及華裔社區代表等也應邀出席見證。\n"
        )
    )
    assert last_month["上个月"] == "2024-04"
    next_year = _dates(
        "来源:万福万宁网   时间:2018-10-12 09:06\n\n"
        "目前,各项申报工作正在有序进行,预计明年年初双方将签署正式结\n"
    )
    assert next_year["明年"] == "2019"
    # kunming.baogaosu.com/…/38340594/: 去年11月 before a dated summit
    last_year = _dates(
        "为落实去年11月习近平主席和奥巴马总统共同发表的《中美气候变化联合声明》,推进中美应对"
        "气候变化合作,2015年9月15日-16日,第一届中美气候智慧型/低碳城市峰会在洛杉矶顺利召开。"
    )
    assert last_year["去年11月"] == "2014-11"


def test_an_anniversary_gives_the_founding_year_in_chinese():
    # m.news.shi-fen.com/world/201910/51-513342.html
    text = (
        "Source: https://m.news.shi-fen.com/world/201910/51-513342.html\n\n"
        "新华社纽约10月30日电(记者张墨成长远)中国江苏省和美国纽约州29日在纽约市举行活动,"
        "庆祝双方缔结友好关系30周年。\n"
    )
    assert _records(text) == [("sister_state_province", "1989", ["cn:320000", "US-NY"])]


def test_an_anniversary_of_diplomatic_ties_founds_no_partnership():
    # itaiwannews.cn/20190718/…: 建交40周年
    mentions = document_dates("本届大会的召开正值中美两国建交40周年,大会的主题为“展望下一个40年”")
    assert not [m for m in mentions if m.founding]


def test_that_year_is_the_year_named_before():
    # tianjin.baogaosu.com/…/38159958
    text = (
        "中美省州长论坛是根据中美两国元首共识于2011年1月成立的,当年7月15日,在美国犹他州盐湖城"
        "举行了首届中美省州长论坛。"
    )
    assert _dates(text)["当年7月15日"] == "2011-07-15"


def test_a_year_heading_dates_the_days_below_it():
    # newyorkinchinacenter.com/cn/partnership-development-cn
    text = (
        "2009\n常州-布法罗姐妹城市\n在纽约中心的推动下,浙江省人大表团在常州市委副秘书长李沛然的"
        "带领下于八月13-14日拜访纽约州布法罗市并与布法罗市市长Byron Brown 签订了友好城市协议。"
    )
    assert _dates(text)["八月13-14日"] == "2009-08-13"


def test_stamps_and_seen_dates_date_no_event():
    # big5.www.gov.cn/gate/big5/www.gov.cn/jrzg/2011-02/27/content_1811627.htm
    stamp = document_dates("中央政府門戶網站 www.gov.cn   2011年02月27日   來源:新華社\n")
    assert [m.kind for m in stamp if m.text == "2011年02月27日"] == ["posted"]
    seen = document_dates("Seen: 2026-11-30\n")
    assert [m.kind for m in seen] == ["seen"]


def test_a_repost_has_no_page_date_to_count_from():
    # the Fuzhou story again, as a page that says it is a copy
    text = (
        "2021-10-30 08:00:00  转载自:福州新闻网\n\n"
        "21日上午,福州市与美国檀香山市在线签署建立友好城市关系协议书。\n"
    )
    assert _records(text) == [("sister_city", None, [FUZHOU, HONOLULU])]


def test_the_words_of_an_address_tell_nothing():
    text = (
        "Source: https://heysocal.com/2014/09/24/governor-brown-signs-sister-state-agreement-"
        "with-chinas-guangdong-province\nSeen: 2026-11-30\n"
    )
    assert _records(text) == []


def test_climate_conferences_come_from_the_data_file_with_their_sources():
    rows = climate_conferences()
    assert [row.number for row in rows] == list(range(1, 31))
    assert [m.value for m in conference_mentions("COP23 in Bonn")] == ["2017-11"]
    # Marrakech hosted COP7 and COP22: its name alone dates nothing
    assert conference_mentions("the Marrakech climate conference") == []
    assert [m.value for m in conference_mentions("12月的巴黎气候大会")] == ["2015-11"]


# Places ------------------------------------------------------------------------------------


def test_provinces_in_a_series_joined_by_dun_hao():
    # the series of issue 18
    ids = [m.place.id for m in find_places("江苏、内蒙古、上海、山东、广东、重庆")]
    assert ids == [
        "cn:320000",
        "cn:150000",
        SHANGHAI,
        "cn:370000",
        "cn:440000",
        "geonames:1814906",
    ]


def test_attendees_listed_after_a_summit_are_its_places():
    # kunming.baogaosu.com/…/38340594/
    text = (
        "2015年9月15日-16日,第一届中美气候智慧型/低碳城市峰会在洛杉矶顺利召开。以及来自中国"
        "北京市、四川省、海南省、深圳市等省市的省、市领导,美国加利福尼亚州、休斯敦市、康涅狄格州"
        "等州市的州、市长参加会议。\n"
    )
    ((slug, date, ids),) = _records(text)
    assert (slug, date) == ("summit", "2015-09-15")
    assert {"cn:510000", "cn:460000", "geonames:1795565", "US-CT", "geonames:4699066"} <= set(ids)


def test_a_state_named_once_with_a_possessive_is_a_party():
    # eastvalleytimes.com/governor-brown-kicks-off-trip-china-california-sichuan-clean-energy-pact/
    text = (
        " date 2017-06-05 CHINA DAY 1\n\n"
        "CHENGDU, China – Moving to expand California’s regional climate partnerships in China, "
        "Governor Edmund G. Brown Jr. today met with top Sichuan Province officials in Chengdu "
        "and signed a new sister-state agreement focused on broadening cooperation on low-carbon "
        "technologies, environmental protection, and clean energy development.\n"
    )
    assert ("sister_state_province", "2017-06-05", ["US-CA", "cn:510000"]) in _records(text)


def test_two_pairs_in_one_sentence_are_two_records():
    # usa.chinadaily.com.cn/epaper/2015-10/26/content_22283301.htm
    text = (
        "Updated: 2015-10-26 11:04\n\n"
        "Tustin, California and Heyuan, Guangdong province, and Yorba Linda, California, and "
        "Tongchuan, Shaanxi province signed sister-city agreements on Oct 23 in Chicago, adding "
        "to the more than 200 US-China sister cities and 41 sister states and provinces.\n"
    )
    records = _records(text)
    assert ("sister_city", "2015-10-23", ["geonames:5404119", "geonames:1786112"]) in records
    assert ("sister_city", "2015-10-23", ["geonames:5410902", "geonames:7064006"]) in records


def test_a_partnership_named_without_its_level_takes_its_parties_level():
    # mongoltime.com/?p=462
    text = "In 1983, Hebei Province and Iowa State became sister provinces and states.\n"
    assert _records(text) == [("sister_state_province", "1983", ["cn:130000", "US-IA"])]


def test_sister_cities_without_a_pair_are_no_record():
    # mongoltime.com/?p=462
    text = (
        "China and the United States have formed 284 pairs of sister provinces, states and "
        "sister cities over a period of several decades, according to a video dialogue between "
        "China-U.S. sister cities on Thursday.\n"
    )
    assert not [r for r in _records(text) if r[0].startswith("sister")]


def test_a_person_is_no_place():
    # en.cpaffc.org.cn/content/details21-50371.html
    mentions = find_places("Mr. Liu Jianyang, Mayor of Nanchang Municipal People’s Government")
    assert [m.place.id for m in mentions] == ["geonames:1800163"]


def test_pairs_told_after_a_founding_take_its_year():
    # m.hcw9969.com/english/2019-03/15/c_137895542.htm
    text = (
        "Sister city ties between China and the United States began shortly after the two "
        "countries established diplomatic relationship in 1979. The Chinese province of Hubei "
        "and the U.S. state of Ohio became the first pair of sister province/state, while the "
        "Chinese city of Nanjing and the U.S. city of St. Louis became the first pair of sister "
        "cities.\n"
    )
    records = _records(text)
    assert ("sister_state_province", "1979", ["cn:420000", "US-OH"]) in records
    assert ("sister_city", "1979", ["geonames:1799962", "geonames:4407066"]) in records


def test_places_joined_by_dun_hao_are_a_list_not_a_place_and_its_qualifier():
    # www.bizasean1.com/zg/1647.html
    mentions = find_places(
        "美国加利福尼亚州、洛杉矶市、休斯敦市、康涅狄格州、西雅图等州市的州、市长参加会议"
    )
    assert [(m.place.id, m.strength) for m in mentions if m.place.id != "US"][:3] == [
        ("US-CA", "name"),
        ("geonames:5368361", "name"),
        ("geonames:4699066", "name"),
    ]


def test_at_the_meeting_continues_the_event_told_a_few_paragraphs_before():
    # news.fznews.com.cn/dsxw/20211021/6171800e34ff0.shtml
    text = (
        "2021-10-21 22:58:22  来源:福州新闻网  作者:潘倩\n\n"
        "  福州新闻网10月21日讯(福州日报记者 潘倩)21日上午,福州市与美国檀香山市在线签署建立"
        "友好城市关系协议书。\n\n"
        "  秦刚在贺信中指出,地方交流与合作是中美关系发展的重要驱动力。\n\n"
        "  会上,福州市文旅局和檀香山市文化与艺术局签署了关于开展友好交流合作的谅解备忘录、"
        "福州三中和伊奥拉尼学校签署发展\n"
    )
    assert ("mou", "2021-10-21", [FUZHOU, HONOLULU]) in _records(text)


def test_sessions_listed_respectively_are_one_gathering_each():
    # itaiwannews.cn/20190718/5ce58c62-2d16-5a92-2cf3-6ce8c8451da1.html
    text = (
        "此前,美中友城大会举行过三届,分别于2014年在美国华盛顿、2015年在美国芝加哥、2016年在"
        "中国南昌举行。"
    )
    records = [(slug, date, ids[-1]) for slug, date, ids in _records(text)]
    assert records == [
        ("conference", "2014", records[0][2]),
        ("conference", "2015", CHICAGO),
        ("conference", "2016", "geonames:1800163"),
    ]


def test_a_gathering_recalled_or_a_part_of_one_is_no_new_record():
    # tianjin.baogaosu.com/…/38159958; itaiwannews.cn/20190718/…
    recalled = "在中美之间,从2011年第一届中美省州长论坛举行以来,这个会议已经形成了机制化的成果。"
    assert [r[0] for r in _records(recalled)] == ["forum"]
    part = (
        "第四届美中友城大会17日在美国得克萨斯州休斯敦市举行,来自中美两国政府部门及民间社会的约"
        "200名代表与会,就如何加强中美友好城市合作与交流进行探讨。\n"
        "本届大会的召开正值中美两国建交40周年,大会的主题为“展望下一个40年:更强劲的友谊,更紧密的"
        "合作”,议程包括上海图片展、主旨演讲、中美建交40周年午餐会,以及围绕智慧城市、海上丝绸之路、"
        "大都市圈合作、教育交流以及增强中美姐妹城合作等议题的分论坛活动。\n"
    )
    assert [r[0] for r in _records(part)] == ["conference"]


def test_an_explicit_year_dates_a_founding_in_a_sentence_that_recalls_it():
    # m.tyhy56.com/a/202407/23/WS669f0747a31095c51c50f613.html
    text = (
        "In 1979, Hubei province and the state of Ohio became the first sister province/state, "
        "and Nanjing and St. Louis, Missouri, forged the first sister-city relationship, marking "
        "the start of friendly exchanges at the locality level.\n"
    )
    records = _records(text)
    assert ("sister_state_province", "1979", ["cn:420000", "US-OH"]) in records
    assert ("sister_city", "1979", ["geonames:1799962", "geonames:4407066"]) in records
