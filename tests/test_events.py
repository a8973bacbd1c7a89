"""Event coding on sentences we wrote: roles, voice, coordination, control, nominal events, modes."""


def code(coder, text, date="2010-03-05"):
    return coder.code_text(text, doc_id="t", date=date)


def triples(events, plain_only=True):
    return {(e.source, e.target, e.root) for e in events if not plain_only or e.mode is None}


def test_active_transitive(coder):
    assert ("IRN", "ISR", "11") in triples(code(coder, "Iran condemned Israel on Tuesday."))


def test_passive_with_agent(coder):
    ev = code(coder, "Israel was condemned by Iran.")
    assert ("IRN", "ISR", "11") in triples(ev)


def test_coordinated_sources_and_targets(coder):
    got = triples(code(coder, "France and Germany accused Russia and Belarus of aggression."))
    assert {("FRA", "RUS", "11"), ("DEU", "RUS", "11"), ("FRA", "BLR", "11"), ("DEU", "BLR", "11")} <= got


def test_symmetric_meeting(coder):
    got = triples(code(coder, "Indian officials met with Pakistani officials in Delhi."))
    assert ("INDGOV", "PAKGOV", "04") in got and ("PAKGOV", "INDGOV", "04") in got


def test_appeal_with_control_complement(coder):
    ev = code(coder, "The United States urged China to resume negotiations with North Korea.")
    assert any(e.source == "USA" and e.target == "CHN" and e.root == "02" for e in ev)


def test_negation_sets_mode(coder):
    ev = [e for e in code(coder, "Egypt did not condemn Israel.") if e.root == "11"]
    assert ev and all(e.mode == "negated" for e in ev)


def test_speculation_sets_mode(coder):
    ev = [e for e in code(coder, "Russia will likely veto the resolution by Britain.") if e.root == "12"]
    assert ev and all(e.mode == "hypothetical" for e in ev)


def test_future_visit_is_intent(coder):
    ev = [e for e in code(coder, "Japanese Prime Minister Taro Aso will visit China next week.")
          if e.target == "CHN"]
    assert ev and all(e.mode == "future" and e.code == "036" for e in ev)


def test_no_political_actor_no_event(coder):
    assert code(coder, "The striker scored twice as the home team won the cup final.") == []
    assert code(coder, "Shares fell sharply on Monday as oil prices rose.") == []


def test_event_date_from_weekday(coder):
    ev = code(coder, "Iran condemned Israel on Tuesday.", date="2010-03-05")
    assert ev and ev[0].date == "2010-03-02"


def test_every_event_explains_itself(coder):
    for e in code(coder, "Iraqi police arrested three protesters in Basra on Sunday."):
        assert e.rule and e.trigger_text and e.sentence
        assert e.sentence[e.trigger_start:e.trigger_end] == e.trigger_text
        assert 0 < e.confidence <= 1


def test_historical_references_are_not_news(coder):
    ev = code(coder, "Rwanda marked the anniversary of the 1994 genocide as France condemned Rwanda's army.",
              date="2014-04-07")
    assert not any(e.trigger_text == "genocide" for e in ev)
    assert ("FRA", "RWAMIL", "11") in triples(ev)


def test_multiword_object_beats_its_head_word(coder):
    ev = code(coder, "Iraqi prisoners staged a hunger strike against the Turkish government.")
    assert any(e.code == "142" and e.target == "TURGOV" for e in ev), [(e.code, e.target) for e in ev]


def test_talks_between_two_parties(coder):
    got = triples(code(coder, "Talks between Israel and Syria resumed on Monday."))
    assert ("ISR", "SYR", "04") in got and ("SYR", "ISR", "04") in got


def test_bare_giving_verb_needs_a_recipient(coder):
    assert not [e for e in code(coder, "Germany offered a clear choice.") if e.root == "03"]
    assert any(e.target == "FJI" and e.root == "07"
               for e in code(coder, "New Zealand provided $2 million to Fiji."))
