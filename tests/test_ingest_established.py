"""Founding years (#18): a label "(Established: 1982)" beside a pair's name on a compiled page
dates that pair's founding; a first contact or official ties "since" a year date no agreement."""

from pathlib import Path

from partnermap.ingest.dates import find_dates
from partnermap.ingest.propose import propose
from partnermap.ingest.text import Document


def _document(text: str) -> Document:
    return Document(Path("page.txt"), text, "txt", "utf-8", "0" * 64)


def _dated(text: str) -> set[tuple[str, str | None]]:
    return {(p.type.slug, p.date.value) for p in propose(_document(text))}


# r09 (http://wachinawatchdigest.us/wachinawatchsisters.html, seen 2026-12-01): each pair's
# heading carries its founding year.
_WASHINGTON = (
    "Source: http://wachinawatchdigest.us/wachinawatchsisters.html\n"
    "Seen: 2026-12-01\n\n"
    "Washington's Sister Cities with China\n\n"
    "Washington-Sichuan Friendship State/Province (华盛顿-四川友好省州)- (Established: 1982)\n\n"
    "Seattle-Chongqing Sister Cities (西雅图-重庆友好城市)- (Established: 1983)\n"
)


def test_a_year_labelled_established_is_a_date():
    line = "Seattle-Chongqing Sister Cities (西雅图-重庆友好城市)- (Established: 1983)"
    assert [m.value for m in find_dates(line)] == ["1983"]


def test_a_pair_s_established_label_dates_its_founding():
    dated = _dated(_WASHINGTON)
    assert ("sister_state_province", "1982") in dated
    assert ("sister_city", "1983") in dated


def test_the_agreement_signed_in_the_labelled_year_gives_the_founding_its_month():
    text = _WASHINGTON.replace(
        "(Established: 1982)\n",
        "(Established: 1982)\n\nWA-SichuanThe agreement of the friendship relations between the "
        "State of Washington and the Province of Sichuan was signed in Chengdu in October 1982 "
        "by Governor John Spellman and Governor Lu Dadong.\n",
    )
    dated = _dated(text)
    assert ("sister_state_province", "1982-10") in dated
    assert not any(slug == "other" for slug, _ in dated)


# q06 (http://70.38.13.212/forum.php?mod=viewthread&tid=313970, seen 2026-12-01).
_HOKKAIDO = (
    "由日本北海道副知事高井修(Osamu Takai)率领的代表团,一行约40人周三抵达卡加利市,"
    "与亚省省长施特默签订协议,继续维持姊妹省份的关系30年。\n"
    "两地首次官方接触自1972年起,当时北海道的代表团出访亚省,了解加拿大及阿拉斯加商机及文化,"
    "其后有数次民间组织的接触,到1980年才正式签订姊姊省份的伙伴关系条文。\n"
)
# n11 (https://lu-xu.com/pet/2472577.html, seen 2026-11-30).
_NANNING = (
    "记者获悉,南宁市外事处11月22日顺利举行南宁市与日本秋田市友好城市视频签约仪式,"
    "两市市长/市场通过视频连接方式同时签署了两市友好关系协议。\n"
    "据悉,南宁市与秋田市自2011年起建立官方联系,十余年间,两地人文交流活跃。\n"
)


def test_a_first_contact_dates_no_founding_a_later_signing_does():
    dated = _dated(_HOKKAIDO)
    assert ("sister_state_province", "1980") in dated
    assert not any(value == "1972" for _, value in dated)


def test_official_ties_since_a_year_date_no_agreement():
    assert not any(value == "2011" for _, value in _dated(_NANNING))
