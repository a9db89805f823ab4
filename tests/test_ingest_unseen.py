"""Issue 18, sixth round: two rules drawn from texts ingest had never seen (set fresh-6).

Each is general by construction and tested on a short real sentence of its page (named beside
it): a run of function words is no place, whatever its case ("AND A" in a resolution written in
capitals is not Anda, Daqing); a year written in Chinese numerals with the white circle as its
zero ("二○○三年", as official documents often print 〇) is a year.
"""

from __future__ import annotations

from partnermap.ingest.dates import document_dates
from partnermap.ingest.places import find_places

CUPERTINO, BHUBANESWAR, INDIA = "geonames:5341145", "geonames:1275817", "IN"


def test_a_run_of_function_words_is_no_place_whatever_its_case():
    # records.cupertino.org, Resolution No. 11-138 (set fresh-6, f01).
    text = (
        "A RESOLUTION OF THE CITY COUNCIL OF THE CITY OF CUPERTINO ESTABLISHING SISTER CITY "
        "RELATIONSHIP BETWEEN BHUBANESWAR, INDIA AND THE CITY OF CUPERTINO AND A SISTER CITY "
        "COMMITTEE"
    )
    found = {m.place.id for m in find_places(text)}
    assert found <= {CUPERTINO, BHUBANESWAR, INDIA}
    assert BHUBANESWAR in found


def test_a_year_in_chinese_numerals_may_take_the_white_circle_for_its_zero():
    # jtw.sh.gov.cn, the Shanghai - New York/New Jersey sister port memorandum (fresh-6, f09).
    text = "本备忘录于二○○三年十月六日在纽约签署,一式两份。"
    assert [m.value for m in document_dates(text)] == ["2003-10-06"]
