"""The context totals shown beside the map."""

from partnermap.data.context import context_totals


def test_totals_are_sourced_and_include_2022() -> None:
    totals = context_totals()
    assert [t.year for t in totals] == sorted(t.year for t in totals)
    assert all(t.source for t in totals)
    [t2022] = [t for t in totals if t.year == 2022]
    assert t2022.pairs == 284
    assert "50 sister province/state" in (t2022.detail or "")
