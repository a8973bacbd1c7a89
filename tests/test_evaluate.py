"""Scoring against gold: each metric checked on tiny hand-made gold lines and events."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from onevoice.documents import Document
from onevoice.evaluate import (
    detect_format, evaluate_files, format_report, gold_documents, load_gold, parse_roots, prf,
    root_classes, score,
)

GOLD_DIR = Path(__file__).resolve().parents[2] / "shared" / "gold"


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def ev(doc_id, source, target, code, *, plover="", mode=None, index=0, sentence="", **spans):
    """An event dict with only the fields scoring reads."""
    return {"doc_id": doc_id, "sentence_index": index, "sentence": sentence, "source": source,
            "target": target, "code": code, "root": code[:2], "plover_event": plover,
            "mode": mode, **spans}


PETRARCH = [
    {"id": "p1", "text": "Freedonia's minister praised Sylvania.", "date": "2021-03-04",
     "expected": [{"source": "USAGOV", "target": "CHN", "code": "051"}]},
    {"id": "p2", "text": "Two envoys met and one threatened the other.",
     "expected": [{"source": "FRA", "target": "DEU", "code": "042"},
                  {"source": "DEU", "target": "FRA", "code": "138"}]},
]


def petrarch_gold(tmp_path):
    return load_gold(write_jsonl(tmp_path / "p.jsonl", PETRARCH))


def test_prf_counts_and_empty():
    assert prf(1, 1, 1)["f1"] == pytest.approx(0.5)
    assert prf(0, 0, 0) == {"tp": 0, "fp": 0, "fn": 0, "precision": 0.0, "recall": 0.0, "f1": 0.0}


def test_petrarch_perfect_output(tmp_path):
    events = [ev("p1", "USAGOV", "CHN", "051"), ev("p2", "FRA", "DEU", "042"),
              ev("p2", "DEU", "FRA", "138")]
    r = score(petrarch_gold(tmp_path), events)["petrarch"]
    assert r["strict"]["f1"] == 1.0 and r["country_root"]["f1"] == 1.0


def test_petrarch_one_wrong_code_and_root_level_credit(tmp_path):
    events = [ev("p1", "USAGOV", "CHN", "051"), ev("p2", "FRA", "DEU", "043"),
              ev("p2", "DEU", "FRA", "138")]
    r = score(petrarch_gold(tmp_path), events)["petrarch"]
    assert (r["strict"]["tp"], r["strict"]["fp"], r["strict"]["fn"]) == (2, 1, 1)
    assert r["strict"]["precision"] == pytest.approx(2 / 3)
    assert r["strict"]["recall"] == pytest.approx(2 / 3)
    assert r["country_root"]["f1"] == 1.0     # 043 and 042 share root 04


def test_petrarch_sector_difference_only_counts_at_country_level(tmp_path):
    events = [ev("p1", "USA", "CHNGOV", "051")]
    r = score(petrarch_gold(tmp_path), events)["petrarch"]
    assert r["strict"]["tp"] == 0
    assert r["country_root"]["tp"] == 1 and r["country_root"]["fn"] == 2


def plover_line(pid, event, actors, recipients, mode=None):
    return {"id": pid, "text": "Invented sentence.", "date": None,
            "labels": [{"event": event, "mode": mode,
                        "actor": [{"text": c, "code": c, "sector": s} for c, s in actors],
                        "recipient": [{"text": c, "code": c, "sector": s} for c, s in recipients]}]}


def test_plover_compound_actor_expands_to_triples(tmp_path):
    gold = load_gold(write_jsonl(tmp_path / "g.jsonl", [
        plover_line("a", "AGREE", [("HUN", "GOV"), ("ROU", "GOV")], []),
        plover_line("b", "ACCUSE", [("ISR", None)], [("LBN", "MIL"), ("SYR", "***")], "other"),
    ]))
    events = [ev("a", "HUNGOV", "", "057", plover="AGREE"),
              ev("b", "ISR", "LBNMIL", "112", plover="ACCUSE")]
    r = score(gold, events)["plover"]
    assert r["event_type"]["f1"] == 1.0
    assert (r["triple"]["tp"], r["triple"]["fp"], r["triple"]["fn"]) == (2, 0, 2)
    cov = r["actor_coverage"]
    assert (cov["country"]["hit"], cov["country"]["total"]) == (3, 5)
    # sectors known for HUN GOV, ROU GOV, LBN MIL (ISR has none, SYR is ***)
    assert (cov["country_sector"]["hit"], cov["country_sector"]["total"]) == (2, 3)


def test_plover_legacy_country_code_matches_iso(tmp_path):
    gold = load_gold(write_jsonl(tmp_path / "g.jsonl",
                                 [plover_line("a", "CONSULT", [("JAP", None)], [("USA", None)])]))
    r = score(gold, [ev("a", "JPNGOV", "USA", "040", plover="CONSULT")])["plover"]
    assert r["triple"]["f1"] == 1.0


def test_plover_negated_events_excluded_and_counted(tmp_path):
    gold = load_gold(write_jsonl(tmp_path / "g.jsonl",
                                 [plover_line("a", "REJECT", [("GRC", None)], [("TUR", None)])]))
    events = [ev("a", "GRC", "TUR", "057", plover="AGREE", mode="negated"),
              ev("a", "GRC", "TUR", "120", plover="REJECT", mode="future"),
              ev("a", "GRC", "TUR", "138", plover="THREATEN", mode="hypothetical")]
    r = score(gold, events)["plover"]
    assert r["excluded_mode"] == 2 and r["events"] == 1
    assert r["event_type"]["f1"] == 1.0


CONFLIBERT = [
    {"id": "c1", "text": "The council condemned the raid. Later it asked for calm.",
     "labels": [{"event_code": 3, "event": "verbal_conflict", "cameo_roots": "CAMEO 09-13, 16",
                 "actor": [{"text": "The council", "offsets": [0, 11]}],
                 "recipient": [{"text": "the raid", "offsets": [22, 30]}],
                 "has_span_annotation": True}]},
    {"id": "c2", "text": "Rebels shelled the town.",
     "labels": [{"event_code": 4, "event": "material_conflict", "actor": [], "recipient": [],
                 "has_span_annotation": False}]},
    {"id": "c3", "text": "Nothing is labelled here.",
     "labels": [{"event_code": None, "event": None,
                 "actor": [{"text": "Nothing", "offsets": [0, 7]}], "recipient": [],
                 "has_span_annotation": True}]},
]


def conflibert_gold(tmp_path):
    return load_gold(write_jsonl(tmp_path / "c.jsonl", CONFLIBERT))


def test_conflibert_first_event_vs_any_event(tmp_path):
    events = [ev("c1", "---", "", "043", index=1),   # class 1, later sentence
              ev("c1", "---", "", "111", index=0),   # class 3, first sentence: counts first
              ev("c1", "---", "", "020", index=0)]
    r = score(conflibert_gold(tmp_path), events)["conflibert"]
    assert r["sentences"] == 3
    assert (r["accuracy_first"]["hit"], r["accuracy_first"]["total"]) == (1, 2)  # c3 excluded
    assert r["accuracy_any"]["hit"] == 1
    assert (r["coverage"]["hit"], r["coverage"]["total"]) == (1, 2)

    events = [ev("c1", "---", "", "020"), ev("c1", "---", "", "111"), ev("c2", "REB", "", "190")]
    r = score(conflibert_gold(tmp_path), events)["conflibert"]
    assert r["accuracy_first"]["hit"] == 1      # c1's first event is a statement
    assert r["accuracy_any"]["hit"] == 2


def test_conflibert_class_table_follows_file_ranges():
    table = root_classes()
    assert table["09"] == 3 and table["16"] == 3 and table["14"] == 4 and table["15"] == 4
    assert table["02"] == 0 and table["05"] == 1 and table["08"] == 2 and table["20"] == 4
    assert parse_roots("CAMEO 14-15, 17-20") == {"14", "15", "17", "18", "19", "20"}


def test_conflibert_negated_event_excluded(tmp_path):
    events = [ev("c1", "---", "", "042", mode="negated"), ev("c1", "---", "", "112")]
    r = score(conflibert_gold(tmp_path), events)["conflibert"]
    assert r["accuracy_first"]["hit"] == 1 and r["excluded_mode"] == 1


def test_span_overlap_in_whole_text_offsets(tmp_path):
    sentence = "Later it asked for calm."
    events = [ev("c1", "---", "", "111", sentence="The council condemned the raid.",
                 source_start=4, source_end=11, target_start=0, target_end=3),
              ev("c1", "---", "", "020", index=1, sentence=sentence,
                 source_start=6, source_end=8),
              ev("c3", "---", "", "010", sentence="Nothing is labelled here.",
                 source_start=0, source_end=7)]
    spans = score(conflibert_gold(tmp_path), events)["conflibert"]["span_overlap"]
    assert (spans["actor"]["hit"], spans["actor"]["total"]) == (2, 2)
    assert (spans["recipient"]["hit"], spans["recipient"]["total"]) == (0, 1)


def test_format_detection(tmp_path):
    assert detect_format(PETRARCH[0]) == "petrarch"
    assert detect_format(CONFLIBERT[2]) == "conflibert"
    assert detect_format(plover_line("x", "AID", [("USA", None)], [])) == "plover"
    assert detect_format({"id": "x", "text": "t", "labels": []}) is None
    rows = [PETRARCH[0], plover_line("x", "AID", [("USA", None)], []),
            {"id": "y", "text": "t", "labels": []}, CONFLIBERT[0]]
    items = load_gold(write_jsonl(tmp_path / "mixed.jsonl", rows))
    assert [i.format for i in items] == ["petrarch", "plover", "plover", "conflibert"]
    assert items[0].date == "2021-03-04" and items[0].labels[0]["code"] == "051"


def test_unreadable_gold_line_names_the_line(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(PETRARCH[0]) + "\n{not json\n", encoding="utf-8")
    with pytest.raises(ValueError, match="bad.jsonl:2"):
        load_gold(path)
    write_jsonl(path, [{"id": "z", "text": "t", "labels": []}])
    with pytest.raises(ValueError, match="bad.jsonl:1"):
        load_gold(path)


def test_evaluate_files_report_and_documents(tmp_path):
    gold = write_jsonl(tmp_path / "p.jsonl", PETRARCH)
    events = write_jsonl(tmp_path / "e.jsonl", [ev("p1", "USAGOV", "CHN", "051")])
    result = evaluate_files(gold, events)
    assert result["petrarch"]["strict"]["precision"] == 1.0
    assert result["petrarch"]["strict"]["recall"] == pytest.approx(1 / 3)
    json.dumps(result)                          # plain numbers only
    report = format_report(result)
    assert "strict" in report and "country_root" in report and "0.333" in report
    docs = list(gold_documents(gold))
    assert docs[0] == Document(id="p1", text=PETRARCH[0]["text"], date="2021-03-04")


@pytest.mark.skipif(not GOLD_DIR.is_dir(), reason="shared gold files not present")
def test_load_real_gold_files():
    plover = load_gold(GOLD_DIR / "plover_gsr.jsonl")
    conflibert = load_gold(GOLD_DIR / "conflibert_train.jsonl")
    assert len(plover) == 316 and {i.format for i in plover} == {"plover"}
    assert len(conflibert) == 1563 and {i.format for i in conflibert} == {"conflibert"}
    assert root_classes(conflibert) == root_classes()
    empty = score(plover + conflibert, [])
    assert empty["plover"]["event_type"]["fn"] == sum(len(i.labels) for i in plover)
    assert empty["conflibert"]["accuracy_first"]["total"] == 1563 - 219


def test_plover_reciprocal_labels_score_as_directed_pairs():
    from onevoice.evaluate import GoldItem, score

    label = {"event": "AGREE", "actor": [{"code": "HUN"}, {"code": "ROU"}], "recipient": [],
             "spans": {"SRC/TAR": [{"text": "a"}, {"text": "b"}]}}
    gold = [GoldItem(id="r1", text="x", format="plover", date=None, labels=[label])]
    ours = [{"doc_id": "r1", "source": "HUNGOV", "target": "ROUGOV", "plover_event": "AGREE", "mode": None},
            {"doc_id": "r1", "source": "ROUGOV", "target": "HUNGOV", "plover_event": "AGREE", "mode": None}]
    assert score(gold, ours)["plover"]["triple"]["f1"] == 1.0
    one_way = [ours[0]]
    assert score(gold, one_way)["plover"]["triple"]["recall"] == 0.5
