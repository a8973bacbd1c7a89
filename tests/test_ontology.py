"""The CAMEO table: every code, its quad class and Goldstein weight, intents and PLOVER mapping."""
import csv
from pathlib import Path

import pytest

from onevoice.ontology import Ontology

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="module")
def onto():
    return Ontology()


def test_all_317_codes_with_weights(onto):
    assert len(onto) == 317
    assert all(isinstance(c.goldstein, float) for c in onto.codes.values())


def test_known_facts(onto):
    assert onto["042"].name == "Make a visit"
    assert onto["042"].quad_class == 1 and onto["042"].goldstein == 1.9
    assert onto["129"].root == "12" and onto["129"].quad_class == 3
    assert onto["195"].quad_class == 4 and onto["195"].goldstein == -10.0
    assert onto["0253"].plover_event == "REQUEST"
    assert onto["111"].plover_event == "ACCUSE"


def test_plover_types_follow_the_plover_codebook_where_it_is_explicit(onto):
    # the conversion table's choices, except where PLOVER's own definitions name the act
    assert onto["163"].plover_event == "SANCTION"      # restrict exchange as punishment
    assert onto["0813"].plover_event == "CONCEDE"      # remove curfews
    assert onto["0814"].plover_event == "CONCEDE"
    assert onto["0831"].plover_event == "RETREAT"      # resignations of officials
    assert onto["1712"].plover_event == "COERCE"       # destroy property
    assert onto["192"].plover_event == "ASSAULT"       # occupations carried out
    assert onto["057"].plover_event == "SUPPORT"       # sign or ratify an agreement
    assert onto["0841"].plover_event == "RETREAT"      # the table's choice


def test_missing_goldstein_takes_the_parent(onto):
    for child, parent in (("155", "15"), ("1951", "195"), ("1213", "121"), ("1834", "183")):
        assert onto[child].goldstein == onto[parent].goldstein


def test_intent_codes(onto):
    assert onto.intent("042") == "036"
    assert onto.intent("0841") == "0353"
    assert onto.intent("190") == "1384"
    assert onto.intent("111") == "111"  # verbal acts have no announced form


def test_quad_class_follows_root(onto):
    expected = {**{f"{r:02d}": 1 for r in range(1, 6)}, **{f"{r:02d}": 2 for r in range(6, 10)},
                **{f"{r:02d}": 3 for r in range(10, 15)}, **{f"{r:02d}": 4 for r in range(15, 21)}}
    for c in onto.codes.values():
        assert c.quad_class == expected[c.root], c.code


@pytest.mark.skipif(not (SHARED / "ref/cameo_eventcodes.tsv").exists(), reason="no ../shared")
def test_agrees_with_reference_table(onto):
    with open(SHARED / "ref/cameo_eventcodes.tsv") as fh:
        ref = {r["code"]: r for r in csv.DictReader(fh, delimiter="\t")}
    assert set(ref) == set(onto.codes)
    for code, r in ref.items():
        if r["goldstein"]:
            assert onto[code].goldstein == float(r["goldstein"])


def test_refusal_codes_mirror_the_intent_codes():
    from onevoice.ontology import Ontology

    o = Ontology()
    assert o.refusal("084") == "1243"     # release -> refuse to release
    assert o.refusal("0353") == "1243"    # an intent to release, refused
    assert o.refusal("073") == "1223"     # humanitarian aid -> refuse it
    assert o.refusal("042") == "125"      # a visit -> refuse to meet
    assert o.refusal("190") is None       # CAMEO has no code for not attacking
    assert all(o[o.refusal(c)].root == "12" for c in o.codes if o.refusal(c))
