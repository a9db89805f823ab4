"""The audit: each rule fails its fixture and passes the clean one; the shipped data is clean."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from partnermap.cli import main
from partnermap.data.audit import RULES, audit_paths, count_by_rule
from partnermap.data.dates_in_text import date_mentions
from partnermap.data.evidence import evidence_level
from partnermap.data.loader import EMBEDDED_DATA_DIR, load_corpus
from partnermap.data.quote_search import SearchableText
from partnermap.data.schema import Record
from partnermap.data.vocabulary import CLAIMS, EVIDENCE, TYPES

FIXTURES = Path(__file__).parent / "fixtures" / "audit"
FAILING = FIXTURES / "failing"

# rule, [(line, field, fragment of the message)] the rule's failing fixture gives
CASES = [
    ("date", [(7, "date", "no quote states 1979"), (23, "date", "no quote states 2014-07")]),
    ("parties", [(8, "parties[0]", "no quote names 'Houston'")]),
    ("type", [(5, "type", "no quote uses a word of type 'mou'")]),
    ("implied", [(8, "implied", "implied lists 'date', but a quote states its date 2015-12-07")]),
    (
        "note",
        [
            (9, "date_note", "says 'gives no year', but sources[0].quote gives '20世纪80年代'"),
            (19, "summary", "says 'gives no year'"),
            (26, "note", "cites otherpage.com, which is not among the record's sources"),
        ],
    ),
    ("title_zh", [(5, "title_zh", "calls Houston 休斯敦; localities.yaml calls it 休斯顿")]),
]


def test_every_rule_has_a_failing_fixture() -> None:
    assert [rule for rule, _ in CASES] == list(RULES)
    assert {path.stem for path in FAILING.glob("*.yaml")} == set(RULES)


@pytest.mark.parametrize(("rule", "expected"), CASES)
def test_each_rule_fails_its_fixture_and_only_that_rule(rule: str, expected: list) -> None:
    findings, problems = audit_paths([FAILING / f"{rule}.yaml"])
    assert problems == []
    assert {finding.rule for finding in findings} == {rule}
    got = [(f.line, f.field) for f in findings]
    assert got == [(line, field) for line, field, _ in expected]
    for finding, (_, _, fragment) in zip(findings, expected, strict=True):
        assert fragment in finding.message
        assert finding.file.endswith(f"failing/{rule}.yaml")


def test_every_message_says_what_to_do() -> None:
    findings = [f for rule in RULES for f in audit_paths([FAILING / f"{rule}.yaml"])[0]]
    advice = ("quote the passage", "remove", "say what", "add it", "use that name")
    assert all(any(word in f.message for word in advice) for f in findings)


def test_the_clean_fixture_passes() -> None:
    assert audit_paths([FIXTURES]) == ([], [])


def test_the_shipped_data_audits_clean() -> None:
    findings, problems = audit_paths([EMBEDDED_DATA_DIR])
    assert [str(f) for f in findings] == [] and problems == []


def test_cli_audit_prints_file_line_field_and_counts(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["audit", str(FAILING / "date.yaml")]) == 1
    err = capsys.readouterr().err
    assert "failing/date.yaml:7: date: no quote states 1979" in err
    assert "2 finding(s): date 2" in err


def test_cli_audit_exits_0_when_clean(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["audit", str(FIXTURES)]) == 0
    assert capsys.readouterr().out.startswith("ok")


def test_cli_audit_fails_on_what_it_cannot_read(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["audit", str(FIXTURES / "missing.yaml")]) == 1
    assert "not audited" in capsys.readouterr().err


def test_validate_warns_but_passes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(FAILING / "type.yaml")]) == 0
    captured = capsys.readouterr()
    assert "warning: " in captured.err and "type.yaml:5: type: no quote uses" in captured.err
    assert "ok" in captured.out


def test_count_by_rule() -> None:
    findings = [f for rule in ("note", "date") for f in audit_paths([FAILING / f"{rule}.yaml"])[0]]
    assert count_by_rule(findings) == {"date": 2, "note": 3}


def test_cue_words_live_in_the_vocabulary_in_both_languages() -> None:
    for slug, term in TYPES.items():
        if slug == "other":
            assert term.cues == ()
            continue
        assert any(cue.isascii() for cue in term.cues), slug
        assert any(not cue.isascii() for cue in term.cues), slug


@pytest.mark.parametrize(
    ("text", "date", "stated"),
    [
        ("于二〇〇八年十二月四日在北京签订", "2008-12-04", True),
        ("根据双方 2015 年 9 月 15 日在", "2015-09-15", True),
        ("co-hosted ... in Washington, D.C., March 26-27, 2014.", "2014-03-26", True),
        ("In December of 1985, Mayor Zhu", "1985-12", True),
        ("Sister City since March 13th, 1987", "1987-03-13", True),
        ("| 波士顿 | 1982.05.01 |", "1982-05-01", True),
        ("on September 15 in Los Angeles", "2015-09", False),
        ("In 2014 they met", "2014-07", False),
        ("the 1980s", "1980", False),
    ],
)
def test_dates_in_text(text: str, date: str, stated: bool) -> None:
    assert any(m.states(date) for m in date_mentions(text)) is stated


def test_decades_are_mentions_but_not_years() -> None:
    assert [(m.year, m.decade) for m in date_mentions("早在20世纪80年代 and the 1990s")] == [
        (None, 1980),
        (None, 1990),
    ]


def _record(**changes: object) -> Record:
    fields = {
        "id": "r",
        "title": "t",
        "type": "sister_city",
        "date": "1986",
        "sectors": ["general"],
        "parties": ["Houston"],
        "localities": [{"id": "geonames:4699066", "role": "party"}],
        "sources": [{"url": "https://example.org/p", "accessed": "2026-11", "quote": "q"}],
        "summary": "s",
    }
    return Record.model_validate(fields | changes)


def test_evidence_levels() -> None:
    assert set(EVIDENCE) == {"stated", "implied", "listed"}
    assert evidence_level(_record()) == "stated"
    implied = _record(implied=["type"], note="The page names the kind.")
    assert evidence_level(implied) == "implied"
    # `confidence: listed` (compiled lists, issue 16) is set by another change; the level reads it.
    listed = _record().model_copy(update={"confidence": "listed"})
    assert evidence_level(listed) == "listed"


def test_every_shipped_record_has_an_evidence_level_with_labels() -> None:
    levels = {evidence_level(record) for record in load_corpus().records}
    assert levels == {"stated", "implied", "listed"}
    assert all(EVIDENCE[level].label("zh") for level in levels)


@pytest.mark.parametrize(
    ("changes", "fragment"),
    [
        ({"implied": ["year"]}, "unknown claim 'year'"),
        ({"implied": ["type", "type"], "note": "n"}, "a claim is listed twice"),
        ({"implied": ["date"]}, "implied lists the date"),
        ({"implied": ["parties"]}, "implied lists parties or type"),
    ],
)
def test_implied_claims_are_checked_by_the_schema(changes: dict, fragment: str) -> None:
    assert set(CLAIMS) == {"date", "parties", "type"}
    with pytest.raises(ValidationError, match=fragment):
        _record(**changes)


def test_chinese_between_latin_words_parts_them() -> None:
    text = SearchableText.of("Wisconsin威斯康星Heilongjiang，2017年", {})
    assert text.words == ("wisconsin", "heilongjiang", "2017")
    assert text.has_phrase("Heilongjiang", {}) and text.has_phrase("威斯康星", {})
