"""Partners set out as table rows or as a run of pairs: one record per item (#18)."""

from pathlib import Path

from partnermap.ingest.places import find_places
from partnermap.ingest.propose import propose
from partnermap.ingest.text import Document


def _document(text: str) -> Document:
    return Document(Path("page.txt"), text, "txt", "utf-8", "0" * 64)


# Rows of https://www.chiayi.gov.tw/en/cp.aspx?n=1287 (seen 2026-11-30): the page's subject,
# Chiayi City, is named only by its address.
_CHIAYI = """Source: https://www.chiayi.gov.tw/en/cp.aspx?n=1287

Item Nation Signing City/State Category Signing Date
2 United States East Orange City, New Jersey State Sister City 1985.8.22
6 United States Syracuse City, New York State Sister City 1995.11.16
10 Japan Onomichi City , Hiroshima Prefecture Friendship City 2016.12.22
"""


def test_each_row_is_a_record_with_the_address_subject_and_its_own_date():
    found = {
        (tuple(p.locality_ids()), p.date.value, p.type.slug) for p in propose(_document(_CHIAYI))
    }
    assert found == {
        (("geonames:1678836", "geonames:5097441"), "1985-08-22", "sister_city"),
        (("geonames:1678836", "geonames:5140405"), "1995-11-16", "sister_city"),
        (("geonames:1678836", "geonames:1853992"), "2016-12-22", "friendship"),
    }


# v04 (http://usachina.org/english/previous/m040217030.htm): seven pairs of cities, each
# city told with its state or province after "of".
_PAIRS = (
    "On November 4, 2003, seven pairs of US and Chinese cities signed business cooperation "
    "agreement at the 2003 US-China City Business Cooperation Forum as the first group of US "
    "and Chinese cities to set up cooperation relationships with the program. They are: "
    "Sunnyvale of California vs. Anqing of Anhui, Dublin of California vs. Jiaojiang of "
    "Zhejiang Taizhou, Lauderhill of Florida vs. Guangrao of Shandong, Norwood of "
    "Massachusetts vs. Wucheng of Shandong, Augusta of Georgia vs. Lanxi of Zhejiang.\n"
)


def test_a_city_told_of_its_state_is_found_in_it_and_the_state_only_locates_it():
    found = [(m.place.id, m.strength) for m in find_places(_PAIRS.split("They are: ")[1])]
    assert ("geonames:5344157", "name") in found  # Dublin, California, not Dublin, Ireland
    assert ("US-CA", "qualifier") in found
    assert ("cn:331002", "name") in found  # Jiaojiang, a county named with its province
    # The one of its name in the province after "of": Shandong's Wucheng, Zhejiang's Lanxi.
    assert ("cn:371428", "name") in found
    assert ("cn:330781", "name") in found
    # "of" alone makes no place: "the Temple of Justice" is no Temple, Texas.
    assert find_places("officials are welcoming the visitors at the Temple of Justice") == []


def test_a_run_of_pairs_gives_one_record_per_pair_with_the_paragraphs_agreement_and_date():
    found = {
        (frozenset(p.locality_ids()), p.date.value, p.type.slug)
        for p in propose(_document(_PAIRS))
        if p.type.slug != "forum"
    }
    assert found == {
        (frozenset({"geonames:5400075", "geonames:1817993"}), "2003-11-04", "other"),
        (frozenset({"geonames:5344157", "cn:331002"}), "2003-11-04", "other"),
        (frozenset({"geonames:4161625", "cn:370523"}), "2003-11-04", "other"),
        (frozenset({"geonames:4945952", "cn:371428"}), "2003-11-04", "other"),
        (frozenset({"geonames:4180531", "cn:330781"}), "2003-11-04", "other"),
    }


# Lines of http://jackiebigford.blogspot.com/2010/10/comprehensive-list-of-sister-cities-of.html
# (seen 2026-11-30): each line a pair and the day it was signed.
_PAIR_LINES = """Sister State and Sister City Relations Between the U.S. and Northern Japan
Japanese Prefectures & Cities U.S. Counterparts Date Signed

Sapporo City Portland, Oregon November 17, 1959
Muroran City Knoxville, Tennessee January 16, 1991
Ebetsu City Gresham, Oregon May 20, 1977
"""


def test_each_line_of_pairs_is_a_record_dated_by_its_own_date():
    found = {
        (frozenset(p.locality_ids()), p.date.value, p.type.slug)
        for p in propose(_document(_PAIR_LINES))
    }
    assert found == {
        (frozenset({"geonames:2128295", "geonames:5746545"}), "1959-11-17", "sister_city"),
        (frozenset({"geonames:2129101", "geonames:4634946"}), "1991-01-16", "sister_city"),
        (frozenset({"geonames:2130404", "geonames:5729485"}), "1977-05-20", "sister_city"),
    }


# w02 (https://www.jeonbuk.go.kr/eng/…, seen 2026-11-30): bullets under a heading, the subject,
# a Korean province, named only by the site's host.
_JEONBUK = """Source: https://www.jeonbuk.go.kr/eng/index.jeonbuk?menuCd=DOM_000001001001006000

Sisterhood relationships : 3 cities in 2 countries
 • Cities
  • Jiangsu of China (27th October, 1994)
  • Washington State (17th May, 1996)
Partnerships : 4 cities in 2 countries
 • Cities
  • Kagoshima Prefecture (30th October, 1989)
"""


def test_a_province_abroad_named_by_the_sites_host_is_the_lists_subject():
    found = {(frozenset(p.locality_ids()), p.date.value) for p in propose(_document(_JEONBUK))}
    assert found == {
        (frozenset({"adm1:KR.03", "cn:320000"}), "1994-10-27"),
        (frozenset({"adm1:KR.03", "US-WA"}), "1996-05-17"),
        (frozenset({"adm1:KR.03", "adm1:JP.18"}), "1989-10-30"),
    }


# m07 (https://www.metro.us/local/boston-and-northern-ireland-s-belfast-are-now-sister-cities-
# metro/…, seen 2026-11-30): a city's earlier partners, each with its year in brackets, in one
# sentence.
_INLINE = (
    "Boston’s Sister City program operates independently and relies on volunteers.\n\n"
    "Since 1959, Boston has signed similar agreements with other cities, including Kyoto, "
    "Japan (1959);Strasbourg, France (1960);Barcelona (1980);Hangzhou, China (1982);Padua, "
    "Italy (1983); andSekondi-Takoradi, Ghana (2001).\n"
)


def test_items_told_with_their_years_in_a_sentence_are_records_with_its_subject():
    found = {
        (tuple(p.locality_ids()), p.date.value, p.type.slug) for p in propose(_document(_INLINE))
    }
    boston = "geonames:4930956"
    assert {
        ((boston, "geonames:1857910"), "1959", "sister_city"),
        ((boston, "geonames:2973783"), "1960", "sister_city"),
        ((boston, "geonames:1808926"), "1982", "sister_city"),
        ((boston, "geonames:3171728"), "1983", "sister_city"),
        ((boston, "geonames:2295458"), "2001", "sister_city"),
    } <= found


# m11 (https://www.la.us.emb-japan.go.jp/e_web/2017_SisterCities60thCelebration.htm, seen
# 2026-11-30): pairs joined by hyphens, in the title and again in a sentence of their 60th
# anniversaries.
_HYPHEN_PAIRS = (
    "Celebration for Sister Cities Honoring Three 60th Anniversaries: Consul General's "
    "Commendations Presented to Riverside-Sendai, San Diego-Yokohama, and Pasadena-Mishima |\n"
    "Nov. 20, 2017 |\n"
    "On Oct. 25, Consul General Akira Chiba and a full room of guests celebrated Southern "
    "California’s Japan-affiliated sister cities and marked the 60th anniversaries of three "
    "among them. Consul General Chiba praised the efforts of those involved, specifically "
    "congratulating the Riverside-Sendai Sister City Committee; Pasadena Sister Cities "
    "Committee, Mishima; and San Diego-Yokohama Sister City Society for reaching the "
    "milestone.\n"
    "From Japan, the mayor of Mishima in Shizuoka Prefecture attended.\n"
)


def test_hyphen_joined_pairs_are_records_dated_by_their_anniversary_and_told_once():
    found = [
        (tuple(p.locality_ids()), p.date.value, p.type.slug)
        for p in propose(_document(_HYPHEN_PAIRS))
    ]
    riverside_sendai = ("geonames:5387877", "geonames:2111149")
    san_diego_yokohama = ("geonames:5391811", "geonames:1848354")
    assert (riverside_sendai, "1957", "sister_city") in found
    assert (san_diego_yokohama, "1957", "sister_city") in found
    assert [ids for ids, _, _ in found].count(riverside_sendai) == 1


# m09 (https://twincities.world/en/publication/building-sustainable-relationships-1.html, seen
# 2026-11-30): a town's partners as bullets, each a sentence or two; the town named bare before
# them and as "the town of Bingen" only after them.
_BULLETS = (
    "After all, Bingen maintains active partnerships with six towns:\n\n"
    "  • With the English town of Hitchin since 1958. Hitchin has a population of around "
    "33,000.\n"
    "  • With the small French town of Nuits-Saint Georges near Dijon since 1960. Nuits-Saint "
    "Georges has a population of around 6,000.\n"
    "  • With the Turkish town of Anamur since 2011. Anamur has a population of around 63,000.\n"
    "\n\nWith just under 26,000 inhabitants, the town of Bingen is not the biggest place in the "
    "world.\n"
)


def test_bullets_of_sentences_are_items_of_the_town_the_text_introduces():
    found = {
        (ids[-1], date)
        for ids, date in ((p.locality_ids(), p.date.value) for p in propose(_document(_BULLETS)))
        if len(ids) == 2 and ids[0].startswith("geonames:") and ids[0] != ids[-1]
    }
    assert {
        ("geonames:2646826", "1958"),  # Hitchin
        ("geonames:2989837", "1960"),  # Nuits-Saint-Georges, not Dijon near it
        ("geonames:323828", "2011"),  # Anamur
    } <= found
    subjects = {p.locality_ids()[0] for p in propose(_document(_BULLETS))}
    assert len(subjects) == 1 and find_places("Bingen, Germany")[0].place.id in subjects


# Shanghai's Japanese partners with their years as m02's table gives them
# (hbzqbyyxgs.com/news/633122.html), laid out as city pages list them: a country's label
# before the items of a line.
_LABELLED = "上海市友好城市:\n日本:横滨市(1973年)、大阪市(1974年)\n"


def test_labelled_lines_of_items_take_the_heading_subject():
    shanghai, yokohama, osaka = "geonames:1796236", "geonames:1848354", "geonames:1853909"
    labelled = {(tuple(p.locality_ids()), p.date.value) for p in propose(_document(_LABELLED))}
    assert labelled == {((shanghai, yokohama), "1973"), ((shanghai, osaka), "1974")}


def test_partnerships_set_beside_sister_cities_are_friendships():
    types = {frozenset(p.locality_ids()): p.type.slug for p in propose(_document(_JEONBUK))}
    assert types[frozenset({"adm1:KR.03", "adm1:JP.18"})] == "friendship"
    assert types[frozenset({"adm1:KR.03", "cn:320000"})] == "sister_state_province"


def test_a_page_of_twinning_partnerships_lists_sister_cities():
    # m09: the page's title calls its partnerships twinning
    text = "Strengthening Active Citizenship with Twinning Partnerships.\n\n" + _BULLETS
    types = {p.type.slug for p in propose(_document(text)) if len(p.locality_ids()) == 2}
    assert types == {"sister_city"}


def test_partners_a_sentence_lists_without_dates_are_each_a_partnership():
    # q11, health.ntpc.gov.tw (New Taipei City and Cincinnati)
    text = (
        "Cincinnati originally signed the sister city agreement with Taipei County back in "
        "September 12, 1994. Currently, it has 8 sister cities, which includes New Taipei City "
        "in Taiwan, Liuzhou in China, Nancy in France, Munich in Germany, Gifu in Japan, "
        "Kharkiv in Ukraine, and Mysore in India. Representatives from all sister cities were "
        "present at today's re-signing ceremony.\n"
    )
    found = {frozenset(p.locality_ids()) for p in propose(_document(text)) if p.date.value is None}
    cincinnati = "geonames:4508722"
    for partner in ("geonames:1803300", "geonames:2990999", "geonames:2867714"):
        assert frozenset({cincinnati, partner}) in found  # Liuzhou, Nancy, Munich
