"""Issue 18, tenth session: a town abroad as Chinese writes it, and its partnership's kind.

Chinese leaves out the kana that link the kanji of a Japanese name: 金ケ崎町 is written 金崎町,
so the gazetteer knows both. A partnership told without its kind ("结好30周年") in a text that
names the pair's partnership by its kind ("缔结友好合作城市30周年") is that partnership, not a
sister partnership of its own. A town abroad written with other characters of the same sounds
("弗莱辛" for GeoNames' 弗赖辛, Freising) is that town, in a country the text names, and so is a
large town abroad whose English name the Chinese one sounds like, when no other town of its
country of those sounds comes near its size ("福塔莱萨": Fortaleza). Lines from the
development part's g02 (kantsuu.com, a repost of China News Service's story of 2018-08-01),
k03, r06 and n12.
"""

from __future__ import annotations

from pathlib import Path

from partnermap.ingest.kinds import type_cues
from partnermap.ingest.places import find_places
from partnermap.ingest.propose import propose
from partnermap.ingest.text import Document

CHANGCHUN = "geonames:2038180"
KANEGASAKI = "geonames:2112370"

_STORY = (
    "Source: http://you.kantsuu.com/201808/20180804203057_702666.shtml\n\n"
    "原标题:长春启动“中日交流周” 推动与日本友城多领域合作\n"
    "中新社长春8月1日电 (柴家权)长春市“中日交流周”系列活动8月1日正式开启。当天,长春市与友好合作"
    "城市日本金崎町共同签署了进一步推动两市町友好交流的框架协议。\n"
    "今年是《中日和平友好条约》缔结40周年,也是长春市与日本金崎町缔结友好合作城市30周年。\n"
    "7月31日开始,日本金崎町副町长小野寺正德、议长伊藤雅章率政府、经济和町民代表团应邀对长春市进行"
    "正式友好访问。访问期间,两市町共同启动了长春市“中日交流周”系列活动和长春市与金崎町结好30周年"
    "系列纪念活动。\n"
)


def test_a_japanese_town_without_its_linking_kana():
    found = find_places(
        "长春市与友好合作城市日本金崎町共同签署了进一步推动两市町友好交流的框架协议。"
    )
    assert KANEGASAKI in {m.place.id for m in found}


def test_a_partnership_told_without_its_kind_is_the_one_named_by_it():
    document = Document(Path("page.txt"), _STORY, "txt", "utf-8", "0" * 64)
    records = {(p.type.slug, p.date.value, frozenset(p.locality_ids())) for p in propose(document)}
    pair = frozenset({CHANGCHUN, KANEGASAKI})
    assert ("friendship", "1988", pair) in records
    assert not [r for r in records if r[0] == "sister_city"]


def test_a_town_abroad_written_with_other_characters_of_its_sounds():
    # k03 (traditional characters, read simplified): GeoNames writes Freising 弗赖辛
    found = find_places("在潍坊市众多的国际友城中,德国弗莱辛地区尤为引人注目。")
    assert "geonames:2925034" in {m.place.id for m in found if m.strength == "name"}
    # without a country abroad named, a name of those sounds is no town
    assert "geonames:2925034" not in {
        m.place.id for m in find_places("潍坊与弗莱辛建立友好城市关系")
    }


def test_a_large_town_abroad_known_by_its_sounds_in_its_whole_country():
    # r06 (a list of Xiamen's partners): the gazetteer writes Fortaleza 福塔雷萨
    found = find_places("5. 巴西福塔莱萨市:2022年5月12日,厦门市与巴西福塔莱萨市签署友好城市协议。")
    assert "geonames:3399415" in {m.place.id for m in found}  # Fortaleza
    # n12: Khmelnytskyi's sounds are closest to Marhanets', a town not many times larger than
    # the next: no town is read
    found = find_places("乌克兰赫梅利尼茨基市(1997年5月签备忘录)")
    assert [m.place.id for m in found] == ["UA"]
    assert found[0].holds_unknown == "赫梅利尼茨基市"


def test_sister_provinces_and_states_in_chinese_are_sister_states():
    # q06 (a forum's repost of 星岛日报): "continue the sister-province relationship"
    sentence = "与亚省省长施特默签订协议,继续维持姊妹省份的关系30年。"
    assert ("sister_state_province", "姊妹省份") in {(c.slug, c.text) for c in type_cues(sentence)}
