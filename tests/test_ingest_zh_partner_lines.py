"""Chinese lists of partners told one per line, "日本 长野市(1981年4月19日缔结)" (#18)."""

from pathlib import Path

from partnermap.ingest.propose import propose
from partnermap.ingest.text import Document

_SHIJIAZHUANG = "geonames:1795270"


def _document(text: str) -> Document:
    return Document(Path("page.txt"), text, "txt", "utf-8", "0" * 64)


def _found(text: str) -> set[tuple]:
    return {
        (tuple(p.locality_ids()), tuple(p.unknown_parties()), p.date.value, p.type.slug)
        for p in propose(_document(text))
    }


# Lines of http://www.sjzok.net/forum.php?mod=viewthread&tid=10398 (seen 2026-11-30), with the
# scraped page's noise between and around them; the subject is named only by the introduction.
_LIST = """石家庄市国际友城工作始于上世纪80年代初,到2005年共有正式国际友好城市和友好关系城市20个:
9 Q) S. M& p' p" T- V8 [* n 第一类 正式国际友好城市(共9个): : ~( n" s7 p" i. j% A) o
日本 长野市(1981年4月19日缔结)
美国 得梅因市(1985年8月8日缔结). e( C+ \\9 I/ z# b' X7 y
意大利 帕尔玛市(1987年9月22日缔结)
瑞典 法尔肯贝里市(2002年8月签定协议)
第二类 友好关系城市(共11个):
& n& B$ c) P1 K; s, i# {6 ^. f3 P 美国爱迪生市(1996年11月签备忘录)
; v3 R$ u9 q, }' v 加拿大列治文山市(1999年3月草签协议)4 F, u0 D- ^7 ~# w
& d W1 P a' G$ m; M1 d) \\ 巴西 戈亚尼亚市(2002年8月正式商定建立友好关系)
"""


def test_each_line_is_a_partner_of_the_introductions_city_typed_by_its_bracket_or_heading():
    assert _found(_LIST) == {
        ((_SHIJIAZHUANG, "geonames:1856215"), (), "1981-04-19", "sister_city"),  # Nagano
        ((_SHIJIAZHUANG, "geonames:4853828"), (), "1985-08-08", "sister_city"),  # Des Moines
        # A place the gazetteer lacks is told by its country, and still makes the record.
        ((_SHIJIAZHUANG,), ("帕尔玛市",), "1987-09-22", "sister_city"),
        # An agreement under the heading of formal friendship cities founds one.
        ((_SHIJIAZHUANG, "geonames:2715573"), (), "2002-08", "sister_city"),  # Falkenberg
        ((_SHIJIAZHUANG, "geonames:5097529"), (), "1996-11", "mou"),  # Edison
        # Under the heading of cities of friendly relations, an agreement makes those.
        ((_SHIJIAZHUANG, "geonames:6122091"), (), "1999-03", "friendship"),  # Richmond Hill
        ((_SHIJIAZHUANG, "geonames:3462377"), (), "2002-08", "friendship"),  # Goiânia
    }


# The same page's sentence between its two groups: two county-level cities under Shijiazhuang,
# each with a partner of its own, respectively.
_RESPECTIVELY = """石家庄市国际友城工作始于上世纪80年代初,到2005年共有正式国际友好城市和友好关系城市20个:
第一类 正式国际友好城市(共9个):
日本 长野市(1981年4月19日缔结)
( l: d4 \\' }+ {8 _. r 越南 南定市(2004年12月签订协议)* Y* P% z: _7 K, }, I. ~4 L
另外石家庄市所辖新乐市、辛集市也分别与日本香川县绫南町(1995年5月23日)、意大利索劳伏拉市(1997年8月19日)正式缔结为友好城市。! G( ] F. l3 ?: ~9 [# {
"""


def test_places_in_a_series_before_respectively_each_take_one_partner_in_order():
    found = _found(_RESPECTIVELY)
    assert (("cn:130184",), ("绫南町",), "1995-05-23", "sister_city") in found  # Xinle
    assert (("cn:130181",), ("索劳伏拉市",), "1997-08-19", "sister_city") in found  # Xinji
    assert ((_SHIJIAZHUANG,), ("南定市",), "2004-12", "sister_city") in found
    assert len(found) == 4


# The end of the list as http://www.sjzok.net/forum.php?mod=viewthread&ordertype=1&tid=10398
# (seen 2026-12-01) holds it, its last line cut: that bracket dates the start of exchanges.
_CUT = """0 o6 L. l* J1 G 石家庄市国际友城工作始于上世纪80年代初,到2005年共有正式国际友好城市和友好关系城市20个:" W, C# k0 C6 u$ b
第二类 友好关系城市(共11个):+ b, W& Z1 p5 b- w) D) l0 m9 r
比利时 根特市(2005年4月正式商定建立友好关系)$ U1 ~/ p8 K- r U
印度 绍拉普尔市(2005年12月签订协议)
$ I' s o _0 i7 K; H" a 日本喜多方市(1980年开始与我市交
"""


def test_a_bracket_dates_its_item_only_when_it_tells_an_act():
    assert _found(_CUT) == {
        ((_SHIJIAZHUANG, "geonames:2797656"), (), "2005-04", "friendship"),  # Ghent
        ((_SHIJIAZHUANG,), ("绍拉普尔市",), "2005-12", "friendship"),
        ((_SHIJIAZHUANG, "geonames:1859319"), (), None, "friendship"),  # Kitakata
    }
