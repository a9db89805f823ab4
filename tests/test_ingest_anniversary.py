"""Issue 18, ninth round: anniversaries that give a partnership's founding year.

An anniversary counts back from the event it is told at: the year its sentence tells that
event in, else the page's own date, else a date told before it; never from a founding date
written after it. "40 YEARS OF SISTER STATE RELATIONSHIP" is one as "the 40th anniversary"
is; a treaty's, a country's ties' or a city's own founding ("建市100周年") is none. The
sentences are real: fresh-8 (g02, g11), f06 (a provincial yearbook), a Wuhan daily's page.
"""

from __future__ import annotations

from partnermap.ingest.dates import document_dates


def _founding(text: str, written: str) -> str | None:
    mentions = [m for m in document_dates(text) if m.text == written]
    assert mentions, f"{written!r} is not read as a date"
    return next((m.value for m in mentions if m.founding), None)


def test_years_of_a_partnership_in_a_headline_count_back_from_the_pages_date():
    text = (
        "NSW CELEBRATES 40 YEARS OF SISTER STATE RELATIONSHIP WITH GUANGDONG\n\n"
        "SYDNEY\n2019-10-28 16:47\n"
    )
    assert _founding(text, "40 YEARS OF") == "1979"


def test_a_stretch_of_years_is_no_anniversary():
    text = (
        "Date: 2019-10-28\n"
        "Our partnership has evolved rapidly over the past 40 years of sister state ties.\n"
    )
    assert not [m for m in document_dates(text) if m.founding]


def test_a_treatys_anniversary_founds_no_partnership_beside_the_cities_own():
    text = (
        "中新社长春2018年8月1日电 今年是《中日和平友好条约》缔结40周年,"
        "也是长春市与日本金崎町缔结友好合作城市30周年。\n"
    )
    assert _founding(text, "30周年") == "1988"
    assert not [m for m in document_dates(text) if m.text == "40周年"]


def test_a_citys_own_founding_is_no_partnerships_anniversary():
    text = "2011年11月3日\n上月28日,我市首个国际友城——日本大分市迎来建市100周年。\n"
    assert not [m for m in document_dates(text) if m.founding]


def test_an_undated_page_counts_back_from_the_year_its_event_is_told_in():
    text = (
        "2012年,经全国友协批准,黑龙江省与以色列希弗谷区、保加利亚洛维奇州正式缔结友好关系。"
        "截至2012年末,黑龙江省已与31个国家和地区建立友城关系79对。"
        "与美国威斯康星州举行结好30周年庆祝系列活动,增进了解和友谊。\n"
    )
    assert _founding(text, "30周年") == "1982"


def test_the_year_the_event_is_told_in_wins_over_the_pages_date():
    text = (
        "Updated: 2024-05-22\n"
        "In 2019, Hebei and Iowa celebrated the 35th anniversary of their sister-state "
        "relationship.\n"
    )
    assert _founding(text, "35th anniversary") == "1984"


def test_a_founding_year_before_it_is_no_year_to_count_from():
    text = (
        "1991年12月10日,呼和浩特市与乌兰巴托市正式缔结为国际友好城市。"
        "今年两市举行缔结国际友城30周年纪念活动。\n"
    )
    assert _founding(text, "30周年") is None


def test_a_founding_year_told_in_its_sentence_is_no_year_to_count_from():
    text = (
        '"For Guangdong and Massachusetts, we made our special friendship official in 1983," '
        "Massachusetts Lieutenant Governor Karyn Polito said in a speech at the "
        "Guangdong-Massachusetts 35-year Celebration of Sister Relationship.\n"
    )
    assert _founding(text, "35-year") is None
    assert (
        _founding("Source: http://en.silkroad.news.cn/2018/0517/964.html\n" + text, "35-year")
        == "1983"
    )
