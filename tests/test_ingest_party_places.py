"""Issue 18, eleventh round: place precision, no place proposed that is not a party; each rule
general, tested on a short real sentence of the page named beside it.

- A name abroad written with a division's word ("Ishikawa Prefecture", "Fukuoka Prefectural
  Government") is the division, not the city that shares its name, and so is the same name
  told bare in the same text.
- A country or province that names a gathering's edition ("第十一届中国—中亚合作论坛",
  "2024贵州省国际友好城市交流合作会议") is the series' host, no party: the gathering's place is
  the city it is held in. Two countries at once ("中美") still name the gathering's sides.
- In an agreement of local governments, a country that holds one of them only locates it
  ("Jinan Municipal People's Republic of China"), unless it is named as a national body's
  ("Ministry of Foreign Affairs, China", "美国全国州长协会"), which is a party; so in a
  programme or a project of theirs ("Maryland and Japan share many connections … with
  Kanagawa"); a gathering keeps the countries it names.
- A partnership of one pair told undated again and again, however far apart (a dateline's
  story, then its title between paragraphs), is one record.
- A Japanese town the gazetteer lacks in Chinese ("日本金崎町") is a party of its own: its
  country only locates it, as before a name with another administrative suffix.
- A name the segmenter cuts in two ("圣若泽" + "多斯坎波斯市") is the one place the gazetteer
  has by the whole name, not the town of its first part locating an unknown party. A part of
  a place written right after it with its suffix ("玉溪市元江县", "台北市内湖区"), which
  the segmenter cuts apart, is that part when the gazetteer has it in the place (or beside
  it in its division); a name it has only elsewhere ("万象省万荣县": Wanrong is in Shanxi) is
  still a party the gazetteer lacks. A verb or "两市" after a party ("叶卡捷琳堡举行两市…") is
  no name it locates.
- A gathering told again with a year or month that holds the day it is told with elsewhere,
  sharing a place, is that gathering, dated by the day.
- A state named as where something happened ("在华盛顿签署", "在纽约签署") is the large city of
  its name; one named with its word ("华盛顿州州长") stays the state.
- A foreign person's name in Chinese, its parts joined by a dot ("安德森•法里亚斯"), is no
  place, whatever town a part spells.
"""

from __future__ import annotations

from pathlib import Path

from partnermap.ingest.places import find_places
from partnermap.ingest.propose import Proposal, propose
from partnermap.ingest.text import Document


def _proposals(text: str) -> list[Proposal]:
    return propose(Document(Path("page.txt"), text, "txt", "utf-8", "0" * 64))


def _ids(text: str) -> list[str]:
    return [m.place.id for m in find_places(text) if m.strength == "name"]


# tribuneindia.com, Delhi - Fukuoka friendship agreement extended (fresh-9, k11).
DELHI = (
    "The Delhi Government on Monday extended the Friendship Agreement with Japan's Fukuoka "
    "Prefectural Government (FPG) for three years.\n\n"
    'Kejriwal said: "Delhi and Fukuoka have had a Friendship Agreement since March 5, 2007 and I '
    'am delighted that the same is now being extended."'
)


def test_a_prefectural_government_is_the_prefecture_not_its_capital() -> None:
    """(k11) "Fukuoka Prefectural Government" is Fukuoka Prefecture, and "Delhi and Fukuoka"
    later in the text is the same prefecture: the city of Fukuoka is no party."""
    assert "adm1:JP.07" in _ids(DELHI)
    assert "geonames:1863967" not in _ids(DELHI)
    ids = {i for p in _proposals(DELHI) for i in p.locality_ids()}
    assert "adm1:JP.07" in ids
    assert "geonames:1863967" not in ids


def test_a_prefecture_in_a_list_of_partners_is_the_prefecture() -> None:
    """(w02) Jeonbuk's partners listed as "Ishikawa Prefecture (10th September, 2001)": the
    prefecture, not the city of Ishikawa."""
    ids = _ids("  • Ishikawa Prefecture (10th September, 2001) of Japan")
    assert ids[0] == "adm1:JP.15"


# nx.people.com.cn / Shizuishan news, Shizuishan - Nurabad (w06).
SHIZUISHAN = "10月27日上午,第十一届中国—中亚合作论坛闭幕式暨项目签约仪式在银川举行。"
# chinanews.com repost, Guizhou's friendship-cities meeting (w07).
GUIZHOU = (
    "中新网 贵阳9月10日电 (周燕玲)2024贵州省国际友好城市交流合作会议9日在贵阳举行。会上,"
    "贵州省与白俄罗斯维捷布斯克州签署深化友好省州交流合作协议书。"
)


def test_a_country_or_province_naming_a_gatherings_edition_is_no_party() -> None:
    """(w06, w07) China names the forum's series, Guizhou the meeting's: the forum is
    Yinchuan's, the meeting Guiyang's."""
    assert _ids(SHIZUISHAN) == ["geonames:1786657"]
    assert "cn:520000" not in _ids(GUIZHOU.split("会上")[0])
    [meeting] = [p for p in _proposals(GUIZHOU) if p.type.slug == "conference"]
    assert meeting.locality_ids() == ["geonames:1809461"]
    # Guizhou's own agreement at the meeting keeps it as a party.
    assert any("cn:520000" in p.locality_ids() for p in _proposals(GUIZHOU))
    # Both countries of a China-US gathering are its sides, not one country's series.
    assert {m.place.id for m in find_places("第四届中美友好城市大会")} == {"CN", "US"}


# nagpurtoday.in, Nagpur - Jinan MoU (fresh-6, f02).
NAGPUR = (
    "Nagpur: The Jinan Municipal People’s Republic of China and Nagpur Municipal Corporation on "
    "Monday signed a Memorandum of Understanding (MoU) on sister city relations establishment."
)
NAGPUR_MINISTRIES = (
    "The signing of the MoU between NMC and Jinan Municipal People’s Republic of China was result "
    "of an agreement signed between the Ministry of External Affairs, India and Ministry of "
    "Foreign Affairs, China in New Delhi on May 20, 2013."
)


def test_a_country_that_holds_a_local_party_is_no_party_of_its_agreement() -> None:
    """(f02) Jinan's MoU names Jinan, not China; the ministries' agreement the next sentence
    tells names India and China for their ministries."""
    [mou] = _proposals(NAGPUR)
    assert "geonames:1805753" in mou.locality_ids()
    assert "CN" not in mou.locality_ids()
    ids = {i for p in _proposals(NAGPUR_MINISTRIES) for i in p.locality_ids()}
    assert {"IN", "CN"} <= ids
    [us] = [
        m for m in find_places("李小林与美国全国州长协会主席、华盛顿州州长") if m.place.id == "US"
    ]
    assert us.party == "美国全国州长协会"


# longtansi.com.cn repost of a Xinhua dateline, Cologne - Beijing 30 years (fresh-9, k01).
COLOGNE = "\n\n".join(
    [
        "新华社德国科隆8月27日电(记者沈忠浩、胡)德国科隆市25日至27日举行了第三届“中国节”系列活动,"
        "庆祝与北京建立友好城市30周年。",
        "在挤满游客的科隆大教堂广场,几十个红色灯笼形状的气球漂浮在空上空。",
        "同时,具有中国文化特色的书法、脸谱等传统技艺也吸引了许多当地人驻足体验和观赏。",
        "在“中国节”期间,还举办了“魅力北京”旅游图片展和文化互动活动。",
        "科隆庆祝与北京缔结友好城市30周年",
    ]
)


def test_one_pairs_partnership_told_undated_far_apart_is_one_record() -> None:
    """(k01) The dateline's "庆祝与北京建立友好城市30周年" and the title repeated four paragraphs
    later are one sister-city record of Cologne and Beijing."""
    cities = [p for p in _proposals(COLOGNE) if p.type.slug == "sister_city"]
    assert len(cities) == 1
    assert set(cities[0].locality_ids()) == {"geonames:2886242", "geonames:1816670"}


def test_a_persons_name_joined_by_a_dot_is_no_place() -> None:
    """(g05, jiangmen.gov.cn) "安德森" is the mayor's given name, not Anderson, Indiana."""
    text = "圣若泽多斯坎波斯市市长安德森•法里亚斯表示,两市有着相似的地理经济特征。"
    assert "geonames:4569298" not in {m.place.id for m in find_places(text)}
    # (z05) the mayor's city before his title stays a place; his name is none.
    ids = {m.place.id for m in find_places("得克萨斯州圣安东尼奥市市长罗恩·尼伦伯格说")}
    assert "geonames:4726206" in ids


# wrde.com, Maryland - Kanagawa 40th anniversary (fresh-9, k10).
MARYLAND = (
    '"Maryland and Japan share many connections that are perhaps most apparent through our sister '
    'state-prefecture relationship with Kanagawa," said Governor Hogan.\n'
    "The Office says that the Sister State relationship, which was established in 1981, was "
    "initially inspired by the two regions' common geographic features. The Office says that "
    "since the partnership was established, they have built strong ties through business "
    "cooperation and academic exchange."
)


def test_a_country_that_holds_a_local_party_is_no_party_of_its_programme() -> None:
    """(k10) The exchanges of Maryland and Kanagawa are theirs, not Japan's."""
    [programme] = [p for p in _proposals(MARYLAND) if p.type.slug == "program"]
    assert {"US-MD", "adm1:JP.19"} <= set(programme.locality_ids())
    assert "JP" not in programme.locality_ids()


def test_a_japanese_town_the_gazetteer_lacks_is_held_by_the_place_before_it() -> None:
    """(n12, sjzok.net) Ayanan is the partner of Xinle, not Kagawa or Japan: the prefecture
    stands for the town's side and the draft names "绫南町". (g02's 金崎町 was this rule's
    example until the gazetteer learnt Japanese names without their linking kana: see
    test_ingest_japanese_towns.py; the framework agreement is now Changchun's and
    Kanegasaki's.)"""
    text = (
        "另外石家庄市所辖新乐市、辛集市也分别与日本香川县绫南町(1995年5月23日)正式缔结为友好城市。"
    )
    [kagawa] = [m for m in find_places(text) if m.place.name_en == "Kagawa"]
    assert kagawa.holds_unknown == "绫南町"
    assert "JP" not in {p for r in _proposals(text) for p in r.locality_ids()}
    assert "绫南町" in _proposals(text)[0].unknown_parties()
    kanegasaki = "当天,长春市与友好合作城市日本金崎町共同签署了进一步推动两市町友好交流的框架协议。"
    [framework] = _proposals(kanegasaki)
    assert framework.locality_ids() == ["geonames:2038180", "geonames:2112370"]


def test_a_part_written_after_its_place_is_found_in_it() -> None:
    """(w08, kunming.cn; f10, taipei.gov.tw) Yuanjiang county of Yuxi and Neihu of Taipei are
    the parties; Laos's 万荣县 is no Wanrong County of Shanxi."""
    text = "云南省玉溪市元江县与老挝万象省万荣县等签署建立友好城市关系协议书。"
    mentions = {m.text: m for m in find_places(text)}
    assert mentions["元江县"].place.id == "cn:530428"
    assert mentions["玉溪市"].strength == "qualifier"
    assert mentions["万象省"].holds_unknown == "万荣县"
    assert "cn:140822" not in {m.place.id for m in mentions.values()}
    neihu = find_places("台北市长柯文哲见证签署台北市内湖区与上海市浦东新区交流合作备忘录。")
    assert "geonames:1671467" in {m.place.id for m in neihu if m.strength == "name"}


def test_a_verb_after_a_party_is_no_name_it_locates() -> None:
    """(k04, chinanews repost) Yekaterinburg is Chengdu's partner, not the locator of a
    place called "举行两市"."""
    text = (
        "俄罗斯当地时间2024年9月12日下午,成都与叶卡捷琳堡举行两市建立国际友好城市关系协议书"
        "签署仪式。"
    )
    [city] = [m for m in find_places(text) if m.place.id == "geonames:1486209"]
    assert (city.strength, city.holds_unknown) == ("name", "")
    [record] = _proposals(text)
    assert set(record.locality_ids()) == {"geonames:1815286", "geonames:1486209"}


def test_a_name_cut_in_two_is_the_place_of_the_whole_name() -> None:
    """(g05, jiangmen.gov.cn in traditional script) Taishan's partner is São José dos Campos;
    São Paulo state only locates it."""
    text = (
        "2月17日,中国台山市与巴西圣保罗州圣若泽多斯坎波斯市友好合作关系备忘录签约仪式在线上举行。"
    )
    [mou] = _proposals(text)
    assert set(mou.locality_ids()) == {"cn:440781", "geonames:3448636"}


# baogaosu.com repost, the third China-US governors forum (z11).
GOVERNORS = (
    "中美省州长论坛达成20多项合作 金额约30亿美元\n"
    "第三届中美省州长论坛在美国西雅图举行,会议受到当地的欢迎。在中美之间,从2011年第一届中美"
    "省州长论坛举行以来,这个会议已经形成了机制化的成果。\n"
    "中美省州长论坛是根据中美两国元首共识于2011年1月成立的,当年7月15日,在美国犹他州盐湖城举行"
    "了首届中美省州长论坛。当时中国浙江省、安徽省、云南省和青海省与美方30多位州长出席了论坛。"
)


def test_a_gathering_told_again_within_its_year_is_one_record() -> None:
    """(z11) "从2011年第一届中美省州长论坛举行以来" tells the first forum that the next paragraph
    dates 2011-07-15: one record, dated by the day."""
    forums = [p for p in _proposals(GOVERNORS) if p.type.slug == "forum"]
    assert [p.date.value for p in forums] == ["2011-07-15"]


def test_a_state_named_as_a_site_is_the_city_of_its_name() -> None:
    """(z07, gov.cn; f09, the ports' memorandum) The forum's agreement was signed in
    Washington, D.C., the ports' memorandum in New York City; the governor's title names the
    state."""
    z07 = {
        m.text: m.place.id
        for m in find_places("华盛顿州州长克里斯·格雷瓜尔26日在华盛顿签署了协议。")
    }
    assert z07 == {"华盛顿州": "US-WA", "华盛顿": "geonames:4140963"}
    f09 = find_places("本备忘录于二○○三年十月六日在纽约签署,一式两份。")
    assert [m.place.id for m in f09] == ["geonames:5128581"]
