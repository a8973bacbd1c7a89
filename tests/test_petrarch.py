import time
from pathlib import Path

import pytest

from onevoice.actors.lexicon import COUNTRY, ORG, PERSON, SECTOR, ActorLexicon, Entry
from onevoice.actors.petrarch import load_petrarch_files
from onevoice.nlp import load_pipeline

PHOENIX = Path(__file__).resolve().parents[1].parent / "shared" / "ref" / "petrarch_dictionaries"
PHOENIX_ACTORS = ["Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
                  "Phoenix.MilNonState.actors.txt"]
needs_phoenix = pytest.mark.skipif(not (PHOENIX / "Phoenix.agents.txt").exists(),
                                   reason="PETRARCH dictionaries not available")


@pytest.fixture(scope="module")
def tokenizer():
    return load_pipeline().tokenizer


@pytest.fixture
def lexicon(tokenizer, tmp_path):
    empty = tmp_path / "no_data"
    empty.mkdir()
    return ActorLexicon(tokenizer, data_dir=empty)


def write(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def entries(lex, phrase):
    return lex.phrases.get(tuple(phrase.lower().split()), [])


def codes_on(lex, phrase, date):
    return sorted(e.code for e in entries(lex, phrase) if e.valid_on(date))


def test_simple_codes_synonyms_and_comments(lexicon, tmp_path):
    actors = write(tmp_path, "a.actors.txt", """# invented actors
FREEDONIA_  [FRD]   # a country
+FREEDONIAN_
+FREE_STATE_OF_FREEDONIA

MARSHVILLE_CHAMBER_OF_TRADE_\t[NGOFRDBUS] # trailing comment
ORDER_OF_THE_GREEN_LAMP_ [IMGFRDREB]
+GREEN_LAMP_
""")
    report = load_petrarch_files(lexicon, [actors], [])
    assert report["skipped"] == 0
    assert report["phrases"] == 6
    assert report[COUNTRY] == 3 and report[ORG] == 3
    for text in ("freedonia", "freedonian", "free state of freedonia"):
        assert [(e.kind, e.code) for e in entries(lexicon, text)] == [(COUNTRY, "FRD")]
    (e,) = entries(lexicon, "marshville chamber of trade")
    assert (e.kind, e.code, e.source) == (ORG, "NGOFRDBUS", "a.actors.txt:6")
    assert entries(lexicon, "green lamp")[0].code == "IMGFRDREB"
    assert not entries(lexicon, "freedonia")[0].exact_case


def test_dated_codes_with_undated_fallback(lexicon, tmp_path):
    actors = write(tmp_path, "p.actors.txt", """ZORAN_VELKOV_  # invented office holder
+PRESIDENT_VELKOV_
\t[FRDGOV 950101-981231]
\t[FRDGOV >20050101]
\t[FRDELI]
ANNA_BRUSK_
\t[FRDOPP <891231]
\t[IGOUNO 900101-961231]
""")
    report = load_petrarch_files(lexicon, [actors], [])
    assert report["skipped"] == 0
    for phrase in ("zoran velkov", "president velkov"):
        assert all(e.kind == PERSON and e.name == "Zoran Velkov" for e in entries(lexicon, phrase))
        # exactly one code applies on any day: the dated one inside a range, the fallback outside
        expected = {"1980-06-01": "FRDELI", "1994-12-31": "FRDELI", "1995-01-01": "FRDGOV",
                    "1998-12-31": "FRDGOV", "1999-01-01": "FRDELI", "2004-12-31": "FRDELI",
                    "2005-01-01": "FRDGOV", "2030-01-01": "FRDGOV"}
        for date, code in expected.items():
            assert codes_on(lexicon, phrase, date) == [code], date
    # without a fallback, nothing applies outside the dated ranges
    assert codes_on(lexicon, "anna brusk", "1985-01-01") == ["FRDOPP"]
    assert codes_on(lexicon, "anna brusk", "1990-01-01") == ["IGOUNO"]
    assert codes_on(lexicon, "anna brusk", "2001-01-01") == []


def test_places_null_codes_and_bare_roles(lexicon, tmp_path):
    actors = write(tmp_path, "x.actors.txt", """SYLVANIA_
+SYLVANIAN_CAPITAL_
\t[USRSYL <900823]
\t[SYL >911221]
MUD_SEA_  [---]
OLD_MARIO_ [IGOUNO 850101-941231] [ELI]
RUFUS_T_FIREFLY_
\t[FRDELI]
""")
    report = load_petrarch_files(lexicon, [actors], [])
    assert report["skipped"] == 0
    # a place keeps its current code, undated
    sylvania = [(e.kind, e.code, e.start) for e in entries(lexicon, "sylvania")]
    assert sylvania == [(COUNTRY, "SYL", "")]
    assert entries(lexicon, "mud sea") == []
    assert codes_on(lexicon, "old mario", "1990-01-01") == ["IGOUNO"]
    assert codes_on(lexicon, "old mario", "2000-01-01") == ["---ELI"]
    (e,) = entries(lexicon, "rufus t firefly")
    assert (e.kind, e.code, e.start, e.end) == (PERSON, "FRDELI", "", "")


def test_name_lines_before_the_codes_are_synonyms(lexicon, tmp_path):
    actors = write(tmp_path, "s.actors.txt", """IGOR_PLANK_
PRIME_MINISTER_PLANK_
+PLANK_
\t[FRDGOV >100101]
""")
    load_petrarch_files(lexicon, [actors], [])
    for phrase in ("igor plank", "prime minister plank", "plank"):
        assert codes_on(lexicon, phrase, "2012-01-01") == ["FRDGOV"]


def test_agents_macros_plurals_and_compound_codes(lexicon, tmp_path):
    agents = write(tmp_path, "a.agents.txt", """# invented agents
!HAND! = HAND, HANDS
!OFF! = MINISTER, MINISTRY
TURNIP_GROWER [~AGR]
DECK!HAND! [~MIL]
TIDE_!OFF! {} [~GOVENV]
HARBOUR_WARDEN {HARBOUR_WARDENS_OF_THE_COAST} [~COP]
TRUCE_WATCHER [IGO~]
""")
    report = load_petrarch_files(lexicon, [], [agents])
    assert report["skipped"] == 0
    expected = {"turnip grower": "AGR", "deckhand": "MIL", "deckhands": "MIL",
                "tide minister": "GOV", "tide ministry": "GOV", "harbour warden": "COP",
                "harbour wardens of the coast": "COP", "truce watcher": "IGO"}
    for phrase, sector in expected.items():
        assert [(e.kind, e.sector) for e in entries(lexicon, phrase)] == [(SECTOR, sector)], phrase
    assert report[SECTOR] == len(expected)


def test_malformed_lines_are_counted_not_raised(lexicon, tmp_path):
    actors = write(tmp_path, "bad.actors.txt", """+ORPHAN_SYNONYM_
GOOD_NAME_ [FRDGOV 990101-000101]
BROKEN_]DATE_ [FRDGOV 9901-000101]
\t[FRDGOV 20001301-20010101]
NO_CODE_AT_ALL_
""")
    agents = write(tmp_path, "bad.agents.txt", """!X! = ONE, TWO
TIDY_WORKER [~LAB]
UNCLOSED_WORKER [~LAB}
MYSTERY!NOPE! [~GOV]
""")
    report = load_petrarch_files(lexicon, [actors], [agents])
    assert report["skipped"] == 6
    assert report["problems"][0] == "bad.actors.txt:1: synonym or code line without a name above it"
    assert any(p.startswith("bad.actors.txt:3:") for p in report["problems"])
    assert any(p.startswith("bad.actors.txt:4:") for p in report["problems"])
    assert "bad.actors.txt:5: no code for this name" in report["problems"]
    assert any(p.startswith("bad.agents.txt:3:") for p in report["problems"])
    assert "bad.agents.txt:4: undefined macro !NOPE!" in report["problems"]
    assert codes_on(lexicon, "good name", "1999-06-01") == ["FRDGOV"]
    assert entries(lexicon, "tidy worker")


def test_missing_file_raises_with_its_path(lexicon, tmp_path):
    with pytest.raises(FileNotFoundError, match="nowhere.actors.txt"):
        load_petrarch_files(lexicon, [tmp_path / "nowhere.actors.txt"], [])


def test_add_keeps_its_default_case_rule(lexicon):
    lexicon.add("FRD", Entry(ORG, code="IGOFRD"))
    lexicon.add("FRX", Entry(ORG, code="IGOFRX"), exact_case=False)
    assert entries(lexicon, "frd")[0].exact_case
    assert not entries(lexicon, "frx")[0].exact_case


@needs_phoenix
def test_loads_the_phoenix_dictionaries(lexicon):
    t = time.perf_counter()
    report = load_petrarch_files(lexicon, [PHOENIX / f for f in PHOENIX_ACTORS],
                                 [PHOENIX / "Phoenix.agents.txt"])
    elapsed = time.perf_counter() - t
    assert elapsed < 60, f"loading took {elapsed:.1f}s"
    assert report["phrases"] > 10_000
    assert report[PERSON] > 10_000 and report[ORG] > 5_000 and report[SECTOR] > 1_000
    assert report["skipped"] < 100
    assert "AFGGOV" in codes_on(lexicon, "hamid karzai", "2005-01-01")
    assert codes_on(lexicon, "karzai", "2005-01-01") == ["AFGGOV"]
    assert [e.sector for e in entries(lexicon, "foreign minister")] == ["GOV"]


@needs_phoenix
def test_coder_codes_a_person_only_the_petrarch_file_knows(tmp_path):
    from onevoice.coder import Coder
    from onevoice.events.extract import EventExtractor
    from onevoice.events.lexicon import EventLexicon

    people = write(tmp_path, "people.tsv", "name\tcode\tstart\tend\taliases\n"
                                           "Tavita Moremi\tBTNGOVMIL\t2000-01-01\t\t\n")
    coder = Coder(actor_files=[PHOENIX / "Phoenix.Countries.actors.txt", people],
                  agent_files=[PHOENIX / "Phoenix.agents.txt"])
    # a one-verb event lexicon of our own, so the check does not depend on the shipped verbs
    verbs = tmp_path / "events"
    verbs.mkdir()
    (verbs / "verbs.tsv").write_text("code\tverb\tparticle\tobject\tcomplement\ttarget\tsymmetric\n"
                                     "112\taccuse\t\t\t\tdobj\tno\n", encoding="utf-8")
    coder.extractor = EventExtractor(EventLexicon(verbs, known_codes=coder.ontology.codes))

    # Phoenix: DORJI_WANGDI_ [BTNGOVLAB >080501]
    events = coder.code_text("Dorji Wangdi accused Nepal of aggression.", date="2010-03-01")
    assert [(e.source, e.target, e.code) for e in events] == [("BTNGOVLAB", "NPL", "112")]
    assert events[0].source_text == "Dorji Wangdi"
    # before his dated code starts, the dictionary does not name him
    early = coder.code_text("Dorji Wangdi accused Nepal of aggression.", date="2005-03-01")
    assert all(e.source != "BTNGOVLAB" for e in early)
    # a .tsv actor file still goes to our own loader
    events = coder.code_text("Tavita Moremi accused Nepal of aggression.", date="2010-03-01")
    assert [(e.source, e.target) for e in events] == [("BTNGOVMIL", "NPL")]
