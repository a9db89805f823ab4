"""Partners set out as table rows: one record per row, with the subject the address names (#18)."""

from pathlib import Path

from partnermap.ingest.propose import propose
from partnermap.ingest.text import Document

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
        (tuple(p.locality_ids()), p.date.value, p.type.slug)
        for p in propose(Document(Path("page.txt"), _CHIAYI, "txt", "utf-8", "0" * 64))
    }
    assert found == {
        (("geonames:1678836", "geonames:5097441"), "1985-08-22", "sister_city"),
        (("geonames:1678836", "geonames:5140405"), "1995-11-16", "sister_city"),
        (("geonames:1678836", "geonames:1853992"), "2016-12-22", "friendship"),
    }
