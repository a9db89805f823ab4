"""The rules of issue 18's second round, each on short real sentences quoted from the labelled
corpus (benchmarks/ingest_corpus/w*.txt, development part; each quote's page is named beside it).

Places: a place abroad counts when the text names its country, and is read there; a place
right after its country's name is read in that country; a Chinese list of pairs pairs item by
item. Dates: a year written in a gathering's name or in the same sentence completes a
month-day; a dateline without a year takes it from a date written before it or from its
sentence; a newspaper's edition date is a posting stamp; "One day earlier", "次日" count from the day
told before. Types: "sisterhood", "sisterly ties".
"""

from __future__ import annotations

from pathlib import Path

from partnermap.ingest.dates import document_dates, find_dates
from partnermap.ingest.kinds import type_cues
from partnermap.ingest.places import find_places
from partnermap.ingest.propose import propose
from partnermap.ingest.simplify import simplified
from partnermap.ingest.text import Document

BEIJING, WELLINGTON_NZ, WELLINGTON_FL = "geonames:1816670", "geonames:2179537", "geonames:4177703"
WUHAN, BANGKOK, WUHAI, DARHAN = (
    "geonames:1791247",
    "geonames:1609350",
    "geonames:1791249",
    "geonames:2031964",
)
SICHUAN, VICTORIA = "cn:510000", "adm1:AU.07"
BIJIE, KANDY = "geonames:1816373", "geonames:1241622"
WANRONG_SHANXI = "cn:140822"


def _document(text: str) -> Document:
    return Document(Path("page.txt"), text, "txt", "utf-8", "0" * 64)


def _records(text: str) -> list[tuple[str, str | None, list[str]]]:
    return [(p.type.slug, p.date.value, p.locality_ids()) for p in propose(_document(text))]


def _ids(text: str) -> list[str]:
    return [m.place.id for m in find_places(simplified(text))]


# Places ------------------------------------------------------------------------------------


def test_a_city_abroad_is_read_in_the_country_the_text_names():
    # glosyeuropyichin.com/hr/753.html
    text = (
        "时间:2021-02-01 22:36:22人气:5970来源: 欧中之声\n"
        "新华社惠灵顿2月1日电(记者卢怀谦 郭磊)2月1日晚,新西兰首都惠灵顿与北京结为友好城市15周年"
        "庆祝活动在惠灵顿的新西兰国家博物馆举行。\n"
    )
    records = _records(text)
    assert ("sister_city", "2006", [WELLINGTON_NZ, BEIJING]) in records
    assert not any(WELLINGTON_FL in ids for _, _, ids in records)


def test_a_province_abroad_named_with_its_country_in_english():
    # www.sc.gov.cn/10462/10758/10760/10765/2016/9/27/10397388.shtml
    text = (
        "One day earlier, Sichuan and Victoria of Australia had officially established sister "
        "province relationship.\n"
    )
    assert [(slug, ids) for slug, _, ids in _records(text)] == [
        ("sister_state_province", [SICHUAN, VICTORIA])
    ]


def test_a_short_name_after_its_country_is_a_place():
    # sarang-pc.or.kr/pds/show5.php?0=CuheC.html
    text = "贵州省毕节市和斯里兰卡康提市建立友好城市关系意向书。"
    assert _ids(text)[-2:] == ["LK", KANDY]
    assert BIJIE in _ids(text)


def test_a_place_after_its_country_is_never_a_namesake_at_home():
    # blog.huaqistech.com/blog/S3aacSxC7ue6T7-387.html: 万荣县 of Laos, not of Shanxi
    text = "云南省玉溪市元江县与老挝万象省万荣县等签署建立友好城市关系协议书。"
    assert WANRONG_SHANXI not in _ids(text)


def test_a_chinese_list_of_pairs_pairs_each_item_and_keeps_them_apart():
    # m.shzx.org/a/27-31072-0.html
    text = (
        "11月16日,2018中国国际友好城市大会在武汉闭幕。在当日举行的友好城市缔结签字仪式上,"
        "我国新增5对国际友好城市(省州)。\n此次新缔结的5对友好城市(省州)分别为"
        "湖北省武汉市与泰国曼谷市、内蒙古自治区乌海市与蒙古国达尔汗乌拉省。\n"
    )
    records = _records(text)
    assert ("sister_city", "2018-11-16", [WUHAN, BANGKOK]) in records
    # 达尔汗乌拉省 is Darhan-Uul Province, which the gazetteer does not know: not the city of
    # Darhan it holds; the pair names the party it knows
    assert ("sister_city", "2018-11-16", [WUHAI]) in records
    assert DARHAN not in {i for _, _, ids in records for i in ids}


# Dates -------------------------------------------------------------------------------------


def test_a_year_in_a_gatherings_name_completes_the_day_before_it():
    # m.shzx.org/a/27-31072-0.html
    dates = {
        m.text: m.value for m in document_dates("11月16日,2018中国国际友好城市大会在武汉闭幕。")
    }
    assert dates["11月16日"] == "2018-11-16"


def test_a_dateline_without_a_year_takes_the_year_its_sentence_writes():
    # blog.huaqistech.com/blog/S3aacSxC7ue6T7-387.html (a re-post without a date)
    text = (
        "中新社昆明11月19日电 (时文枝 韩帅南)19日,在云南昆明举行的2024中国国际友好城市大会上,"
        "内蒙古自治区兴安盟与蒙古国东方省等中外地方政府共签署8份建立友好城市关系协议书。\n"
    )
    dateline = next(m for m in document_dates(text) if m.kind == "dateline")
    assert dateline.value == "2024-11-19"


def test_a_dateline_without_a_year_takes_it_from_the_edition_date_before_it():
    # www.sengpou.com/news_detail.php?news_id=5570&element_index=7 (traditional characters)
    text = simplified(
        "當前報章2018年11月16日\n友城大會在武漢開幕\n"
        "   【中新社武漢11月15日電】(記者 張芹)2018中國國際友好城市大會(以下簡稱友城大會)15日在"
        "湖北武漢開幕,來自世界60多個國家的800多名中外嘉賓參會。\n"
    )
    kinds = {m.text: (m.kind, m.value) for m in document_dates(text)}
    assert kinds["2018年11月16日"] == ("posted", "2018-11-16")
    assert kinds["11月15日"] == ("dateline", "2018-11-15")
    assert ("conference", "2018-11-15", [WUHAN]) in _records(text)


def test_an_edition_date_is_a_posting_stamp():
    found = find_dates(simplified("當前報章2018年11月16日\n"))
    assert [(m.kind, m.value) for m in found] == [("posted", "2018-11-16")]


# Types -------------------------------------------------------------------------------------


def test_sisterhood_and_sisterly_ties_name_a_partnership():
    # gyeonggido-korea.com/2024/06/…, sapt.news/2023/12/05/…
    for sentence in (
        "they signed the sisterhood agreement",
        "ISABEL province has officially established sisterly ties with Shandong Province",
    ):
        assert [c.slug for c in type_cues(sentence)] == ["sister_city"]


def test_one_day_earlier_counts_from_the_day_told_before():
    # www.sc.gov.cn/10462/10758/10760/10765/2016/9/27/10397388.shtml
    text = (
        "Source: https://www.sc.gov.cn/10462/10758/10760/10765/2016/9/27/10397388.shtml\n\n"
        "  On the morning of September 24th, Mr. Wang Dongming, Secretary of Sichuan Provincial "
        "Committee of the CPC, in Chengdu met Mr. Deniel Andrews, Premier of Victoria of "
        "Australia. One day earlier, Sichuan and Victoria of Australia had officially "
        "established sister province relationship.\n"
    )
    dates = {m.text: m.value for m in document_dates(text)}
    assert dates["One day earlier"] == "2016-09-23"
    assert ("sister_state_province", "2016-09-23", [SICHUAN, VICTORIA]) in _records(text)


def test_washington_dc_written_without_commas_is_the_capital():
    # ccgp-fushun.com/archive/2004-10/20/content_1109899.htm; Chicago named elsewhere once made
    # it Washington, Illinois
    text = (
        "The mayor of Washington DC, Anthony Williams, said on Tuesday that his city wants to "
        "improve economic and trade cooperation with Beijing. Chicago and Shanghai."
    )
    assert _ids(text)[:2] == ["geonames:4140963", BEIJING]


def test_a_province_that_holds_the_partner_city_and_an_agreement_on_the_relationship_add_nothing():
    # www.aigou888.cn/a/202310/31/WS654108eaa31090682a5ebbbc.html
    text = (
        "Source: http://www.aigou888.cn/a/202310/31/WS654108eaa31090682a5ebbbc.html\n\n"
        "Xiangyang city in Central China's Hubei province established a sister city relationship "
        "with Carmel, Indiana of the United States on Tuesday, aiming to further consolidate and "
        "develop the friendly cooperation between the two cities, according to a report by Hubei "
        "Daily.\nAn agreement on the relationship was signed by the cities' top officials during "
        "a roundtable in Wuhan, the province's capital city.\n"
    )
    assert _records(text) == [
        ("sister_city", "2023-10-31", ["geonames:1790587", "geonames:4255466"])
    ]


def test_one_city_with_two_partners_is_two_partnerships():
    # usa.chinadaily.com.cn/epaper/2015-10/26/content_22283301.htm
    text = (
        "Source: http://usa.chinadaily.com.cn/epaper/2015-10/26/content_22283301.htm\n\n"
        "The agreements were signed at the second US-China Sister Cities Conference from Oct "
        "22-23. The conference also celebrated the 30th anniversary of Chicago's sister-city "
        "relationships with Shanghai and Shenyang.\n"
    )
    records = _records(text)
    assert ("sister_city", "1985", ["geonames:4887398", "geonames:1796236"]) in records
    assert ("sister_city", "1985", ["geonames:4887398", "geonames:2034937"]) in records


def test_the_province_a_delegation_comes_from_is_no_party():
    # newyorkinchinacenter.com/cn/partnership-development-cn
    text = (
        "在纽约中心的推动下,浙江省人大表团在常州市委副秘书长李沛然的带领下"
        "于八月13-14日拜访纽约州布法罗市并与布法罗市市长Byron Brown 签订了友好城市协议。\n"
    )
    assert not any("cn:330000" in ids for _, _, ids in _records(text))


def test_a_partnership_told_as_standing_is_a_record_between_the_places_of_its_clause():
    # www.singtaousa.com/2024-07-24/…/4936271 (traditional characters)
    text = (
        "三藩市廣州 簽友好城市合作備忘錄\n\n"
        "三藩市與中國上海市有長達數十年的友好城市關係,繼三藩市市長布里德最近訪問廣州後,"
        "雙方都決定要建立友好城市關係。\n"
    )
    records = _records(text)
    assert ("sister_city", None, ["geonames:5391959", "geonames:1796236"]) in records
    assert not any("geonames:1809858" in ids for slug, _, ids in records if slug == "sister_city")


def test_a_sister_city_named_like_a_state_is_the_city():
    # ccgp-fushun.com/archive/2004-10/20/content_1109899.htm tells of "the establishment of ties
    # between the Chinese and US capitals"; Washington alone is first the state
    text = "Beijing and Washington became sister cities in 1984."
    assert _records(text) == [("sister_city", "1984", [BEIJING, "geonames:4140963"])]


def test_the_province_that_hosts_a_gathering_takes_part_in_it():
    # s7ldz.uetie.com/25036781.html
    text = (
        "中新社武汉10月29日电 (梁婷 祁琳)长江—密西西比河流域对话会29日在武汉举行。来自中美双方地方政府、"
        "机构、企业、高校的代表,围绕航运物流、文化旅游、友城交往、教育和青少年等领域开展对话交流。\n"
        "此次对话会由中国人民对外友好协会、湖北省政府共同主办。\n"
    )
    (record,) = [r for r in _records(text) if r[0] == "conference"]
    assert "cn:420000" in record[2] and WUHAN in record[2]


def test_the_new_partnership_is_the_one_just_told():
    # eastvalleytimes.com/governor-brown-kicks-off-trip-china-california-sichuan-clean-energy-pact/
    text = (
        "CHENGDU, China – Governor Edmund G. Brown Jr. today met with top Sichuan Province "
        "officials in Chengdu and signed a new sister-state agreement.\n\n"
        "This builds on the agreements California and Sichuan signed at the U.S.-China Governors "
        "Forum in Seattle in 2015 and existing trade, education, tourism and cultural exchanges "
        "will also be broadened under the new sister-state partnership.\n"
    )
    assert not [r for r in _records(text) if r[0] == "sister_state_province" and r[1] == "2015"]


def test_an_undated_signing_takes_the_day_told_before_it_and_a_year_month_address():
    # gyeonggido-korea.com/2024/06/from-friendship-to-sisterhood-gyeonggi.html
    text = (
        "Source: https://gyeonggido-korea.com/2024/06/from-friendship-to-sisterhood-gyeonggi.html"
        "\n\nOn May 19, Gyeonggi Province Governor Dong-yeon Kim and Jiangsu Party Secretary Xin "
        "Changxing met at Dodamso, the historic former gubernatorial residence of Gyeonggi "
        "Province. During this meeting, they signed the sisterhood agreement and explored avenues "
        "for future collaboration.\nGyeonggi Province and Jiangsu Province first forged a friendly "
        "relationship in 2011 when Party Secretary Xin Changxing visited Korea.\n"
    )
    records = {(slug, date) for slug, date, _ in _records(text)}
    assert records == {("sister_state_province", "2024-05-19"), ("friendship", "2011")}


def test_a_short_name_introduced_as_where_something_happened_is_a_place():
    # www.shizuishan.gov.cn/xwzx/zwxx/szfxx/202410/t20241028_4709033.html
    text = "10月27日上午,第十一届中国—中亚合作论坛闭幕式暨项目签约仪式在银川举行。"
    assert "geonames:1786657" in _ids(text)


def test_a_renewal_gives_no_founding_date_unless_the_founding_is_told():
    # the words of issue 18 ("renewed in 2019", 续签): no page of the corpus renews with a date
    for text in (
        "Guangdong and California renewed their sister-state agreement in 2019.",
        "2019年,广东省与加利福尼亚州续签友好省州协议。",
    ):
        # The renewal of 2019 is the record (fresh-12's round), not an undated founding.
        assert _records(text) == [("other", "2019", ["cn:440000", "US-CA"])]
    text = "Guangdong and California renewed their sister-state agreement, first signed in 1987."
    assert _records(text) == [("sister_state_province", "1987", ["cn:440000", "US-CA"])]


def test_a_division_written_as_one_stays_one_in_a_list_of_friendship_cities():
    # w10 (m.shzx.org/a/27-31072-0.html): "友好城市(省州)" names cities and provinces alike; Mombasa
    # County (郡) is the county, not the city of Mombasa.
    text = "此次新缔结的5对友好城市(省州)分别为山西省与蒙古国中戈壁省、山西省与肯尼亚蒙巴萨郡、湖北省武汉市与泰国曼谷市。"
    assert ("sister_state_province", None, ["cn:140000", "adm1:KE.37"]) in _records(text)
