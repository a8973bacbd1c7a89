"""Acceptance: the article the project started from, coded end to end from the raw page text.

Every statement of one actor toward another is coded with the right actors and root; the
negated condemnation and the speculative veto are never plain facts; boilerplate codes nothing.
"""
from pathlib import Path

import pytest

from onevoice.documents import Document, read_paths

SAMPLE = Path(__file__).resolve().parents[1] / "examples" / "voa-hill-one-voice.txt"


@pytest.fixture(scope="module")
def events(coder):
    docs = [d for d in read_paths([SAMPLE], default_date="2006-07-07") if isinstance(d, Document)]
    assert len(docs) == 1
    return coder.code_document(docs[0]).events


def facts(events):
    return [e for e in events if e.mode is None]


def has(events, source, target, root, text=None):
    return any(e.source.startswith(source) and e.target.startswith(target) and e.root == root
               and (text is None or text in e.sentence) for e in events)


def test_headline_appeal_to_china(events):
    assert has(facts(events), "USAGOV", "CHN", "02", "Urges China")


def test_us_presses_china(events):
    assert has(facts(events), "USA", "CHN", "02", "pressing China")


def test_hill_meets_chinese_officials(events):
    plain = facts(events)
    assert has(plain, "USAGOV", "CHNGOV", "04", "meetings with Chinese officials")
    assert has(plain, "CHNGOV", "USAGOV", "04", "meetings with Chinese officials")
    assert has(plain, "USAGOV", "CHNGOV", "04", "Hill met with officials")


def test_chinese_meet_japans_negotiator(events):
    assert has(facts(events), "CHN", "JPNGOV", "04", "Japan's top negotiator")
    assert has(facts(events), "JPNGOV", "CHN", "04", "Japan's top negotiator")


def test_japan_asks_china_for_cooperation(events):
    assert has(facts(events), "JPN", "CHN", "02", "sought China's cooperation")


def test_china_disapproves_of_north_korea(events):
    assert any(e.source.startswith("CHN") and e.target.startswith("PRK") and e.root in ("11", "12")
               for e in facts(events))


def test_north_korea_missile_tests(events):
    tests = [e for e in facts(events) if e.source == "PRK" and e.root == "15"]
    assert tests and all(e.target == "" for e in tests)


def test_planned_trip_to_pyongyang_is_an_intention(events):
    trip = [e for e in events if e.source.startswith("CHN") and e.target == "PRK"
            and "traveling to Pyongyang" in e.sentence]
    assert trip and all(e.code == "036" and e.mode == "future" for e in trip)


def test_negated_condemnation_is_not_a_fact(events):
    condemn = [e for e in events if "stopped short" in e.sentence and e.root == "11"]
    assert condemn, "the negated condemnation should be coded with its mode"
    assert all(e.mode == "negated" for e in condemn)


def test_speculative_veto_is_not_a_fact(events):
    veto = [e for e in events if e.code == "129"]
    assert veto and all(e.mode == "hypothetical" for e in veto)
    assert {e.source for e in veto} >= {"CHN", "RUS"}


def test_no_event_from_boilerplate(events):
    for e in events:
        assert "Breaking News" not in e.sentence and "Accessibility" not in e.sentence


def test_evidence_spans_point_into_the_sentence(events):
    for e in events:
        assert e.sentence[e.source_start:e.source_end] == e.source_text
        assert e.sentence[e.trigger_start:e.trigger_end] == e.trigger_text
        if e.target:
            assert e.sentence[e.target_start:e.target_end] == e.target_text


def test_dates_resolve_weekdays(events):
    friday = [e for e in events if "Friday" in e.sentence]
    assert friday and all(e.date == "2006-07-07" for e in friday)


def test_ids_are_stable(coder, events):
    docs = [d for d in read_paths([SAMPLE], default_date="2006-07-07") if isinstance(d, Document)]
    again = coder.code_document(docs[0]).events
    assert [e.id for e in again] == [e.id for e in events]
    assert len({e.id for e in events}) == len(events)
