"""Coding runs: the parser skip keeps events, workers keep events, resume skips, progress hides."""
import io
import json
from pathlib import Path

import duckdb
import pytest

from onevoice.documents import Document, read_paths
from onevoice.progress import Progress, estimate_total, wanted
from onevoice.runner import RunSummary, code_paths

SAMPLE = Path(__file__).resolve().parents[1] / "examples" / "voa-hill-one-voice.txt"

# Invented news: actor sentences among sentences that name nobody (those skip the parser).
ARTICLES = [
    ("t1", "Brazil and Argentina signed a trade agreement on Monday. The weather in the capital "
           "was mild. Officials said the deal would cut tariffs on grain."),
    ("t2", "The Kremlin condemned the new sanctions. Markets were calm all week. It said Moscow "
           "would respond in kind.\n\nTraffic was heavy near the harbour. Ukrainian soldiers "
           "shelled positions near the border."),
    ("t3", "Japanese envoy Taro Nakamura met Chinese officials in Beijing on Tuesday. Rain fell "
           "all day. Nakamura urged China to press North Korea to return to the talks."),
    ("t4", "Prices of coffee rose two pct. Analysts expect more gains next month."),
    ("t5", "Kenyan police arrested dozens of protesters in Nairobi. The crowd dispersed by noon. "
           "The opposition accused the government of brutality."),
    ("t6", "Egypt hosted talks between Israeli and Palestinian negotiators. Nothing was agreed. "
           "Both sides promised to meet again."),
]


def write_jsonl(path: Path, articles, date="2024-03-04") -> Path:
    path.write_text("".join(json.dumps({"id": i, "text": t, "date": date}) + "\n"
                            for i, t in articles))
    return path


def keys(events):
    return sorted((e.id, e.sentence_index, e.sentence, e.source, e.target, e.code) for e in events)


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("runner")
    return [write_jsonl(tmp / "invented.jsonl", ARTICLES), SAMPLE]


def test_skipping_sentences_keeps_the_events(coder, inputs, monkeypatch):
    docs = [d for d in read_paths(inputs, default_date="2006-07-07") if isinstance(d, Document)]
    fast = list(coder.code_stream(docs))
    # as before the skip: every paragraph parsed whole
    monkeypatch.setattr(coder, "_segments", lambda split, names: [(0, len(split))])
    slow = [coder.code_document(d) for d in docs]
    assert keys(e for c in fast for e in c.events) == keys(e for c in slow for e in c.events)
    assert [c.n_sentences for c in fast] == [c.n_sentences for c in slow]
    assert sum(len(c.events) for c in fast) >= 10


def test_skipped_sentences_are_counted(coder):
    coded = coder.code_document(Document(id="x", text=ARTICLES[0][1], date="2024-03-04"))
    assert coded.n_sentences == 3
    assert {e.sentence_index for e in coded.events} <= {0, 2}
    assert all(e.sentence in ARTICLES[0][1] for e in coded.events)


# written for this test: firms alone, firms with a place, firms with a government
FIRMS = [("f1", "The company said net income rose five pct. Traders sold the shares. The firm "
                "delivered food aid in Juba. The government fined the company. It appealed.")]


def test_candidate_filter_passes_every_sentence_the_coder_codes(coder):
    """The pre-parse scan must never skip a sentence from which the full parse codes an event:
    every event of a paragraph parsed whole lies inside a run the scan picked."""
    from onevoice.actors.resolve import DocContext
    from onevoice.coder import _Scan

    for _, text in ARTICLES + FIRMS + [("sample", SAMPLE.read_text())]:
        ctx, scan = DocContext(date="2006-07-07"), _Scan()
        for para in [" ".join(p.split()) for p in text.split("\n") if p.strip()]:
            split = coder.splitter(para)
            runs = [(split[a].idx, split[b - 1].idx + len(split[b - 1].text))
                    for a, b in (s for s in coder._segments(split, scan) if isinstance(s, tuple))]
            parsed = coder.nlp(para)
            found = coder.resolver.analyse(parsed, ctx)
            for sent in parsed.sents:
                if not found.has_candidate(sent):
                    continue
                found.prime(sent)
                if coder.extractor.extract(sent, found):
                    assert any(a <= sent.start_char and sent.end_char <= b for a, b in runs), sent.text


def test_fast_components_annotate_like_spacy():
    from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG

    from onevoice.nlp import load_pipeline

    texts = [t for _, t in ARTICLES] + [p for p in SAMPLE.read_text().split("\n\n") if p.strip()]
    texts.append("I said you gotta let's go, y'all. Ain't it gonna rain? There is a gap.")
    attrs = [TAG, POS, MORPH, LEMMA, DEP, HEAD]
    stock, fast = load_pipeline(fast=False), load_pipeline(fast=True)
    for a, b in zip(stock.pipe(texts), fast.pipe(texts)):
        assert (a.to_array(attrs) == b.to_array(attrs)).all(), a.text


def test_token_matcher_matches_like_the_lexicon(coder):
    parsed = coder.nlp(SAMPLE.read_text()[:3000])
    assert coder.resolver.lexicon.match(parsed) == coder.actors.match(parsed)


def test_two_workers_give_the_same_events_as_one(coder, inputs, tmp_path):
    one = code_paths(inputs, db=tmp_path / "one.duckdb", date="2006-07-07", coder=coder,
                     keep_events=True)
    two = code_paths(inputs, db=tmp_path / "two.duckdb", date="2006-07-07", coder=coder,
                     keep_events=True, workers=2, chunk_size=2)
    assert one.documents == two.documents == len(ARTICLES) + 1
    assert keys(one.run_events) == keys(two.run_events)
    assert one.sentences == two.sentences
    stored = duckdb.connect(str(tmp_path / "two.duckdb"), read_only=True)
    assert stored.execute("select count(*) from events").fetchone()[0] == len(two.run_events)


def counts(db) -> tuple[int, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return (con.execute("select count(*) from documents").fetchone()[0],
                con.execute("select count(*) from events").fetchone()[0])
    finally:
        con.close()


def test_resume_skips_unchanged_and_recodes_changed(coder, tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", ARTICLES)
    db = tmp_path / "r.duckdb"
    first = code_paths([src], db=db, coder=coder)
    assert first.documents == len(ARTICLES) and first.unchanged == 0
    before = counts(db)

    again = code_paths([src], db=db, coder=coder)
    assert (again.documents, again.unchanged) == (0, len(ARTICLES))
    assert counts(db) == before

    changed = [(i, t) if i != "t4" else (i, "Ghana condemned the coup in Mali.") for i, t in ARTICLES]
    write_jsonl(src, changed)
    third = code_paths([src], db=db, coder=coder)
    assert (third.documents, third.unchanged) == (1, len(ARTICLES) - 1)
    docs, events = counts(db)
    assert docs == before[0] and events == before[1] + third.events

    everything = code_paths([src], db=db, coder=coder, resume=False)
    assert (everything.documents, everything.unchanged) == (len(ARTICLES), 0)
    assert counts(db) == (docs, events)


def test_progress_stays_quiet_off_a_terminal(tmp_path):
    class Terminal(io.StringIO):
        def isatty(self):
            return True

    assert not wanted(stream=io.StringIO())
    assert not wanted(quiet=True, stream=Terminal())
    assert wanted(stream=Terminal())
    out = io.StringIO()
    with Progress(10, enabled=wanted(stream=out), stream=out) as bar:
        bar.update(RunSummary(documents=3, sentences=30, events=4))
    assert out.getvalue() == ""


def test_cli_code_prints_no_progress_when_piped(tmp_path):
    from click.testing import CliRunner

    from onevoice.cli import main

    src = write_jsonl(tmp_path / "in.jsonl", ARTICLES[:2])
    res = CliRunner().invoke(main, ["code", str(src), "--db", str(tmp_path / "c.duckdb"),
                                    "--workers", "1"])
    assert res.exit_code == 0, res.output
    assert res.output.strip().startswith("2 documents")
    res = CliRunner().invoke(main, ["code", str(src), "--db", str(tmp_path / "c.duckdb"),
                                    "--workers", "1"])
    assert res.exit_code == 0, res.output
    assert "2 unchanged" in res.output


def test_estimate_total_counts_jsonl_lines(tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", ARTICLES)
    assert estimate_total([src, SAMPLE]) == len(ARTICLES) + 1
    (tmp_path / "x.csv").write_text("id,text\n")
    assert estimate_total([tmp_path / "x.csv"]) is None


def test_resumed_run_still_writes_the_events_of_unchanged_documents(tmp_path):
    from onevoice.runner import code_paths

    sample = Path(__file__).resolve().parents[1] / "examples" / "voa-hill-one-voice.txt"
    db = tmp_path / "s.duckdb"
    first = code_paths([sample], db=db, out=tmp_path / "a.jsonl", date="2006-07-07", workers=1)
    again = code_paths([sample], db=db, out=tmp_path / "b.jsonl", date="2006-07-07", workers=1)
    assert again.unchanged == 1
    assert (tmp_path / "b.jsonl").read_text().count("\n") == first.events > 0


# --- copies of a story: coded once, counted as articles and sources ------------------------

WIRE = Path(__file__).resolve().parent / "fixtures" / "wire_copies.jsonl"
RAIL = "northwire-rail"
RAIL_COPIES = {"coastherald-rail": False, "laketimes-rail": False, "coastherald-rail-2": True}
ORIGINALS = {RAIL, "northwire-dam", "peru-mines"}


def tables(db) -> dict:
    """Every stored row that a run decides (timestamps left out), for comparing runs."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {
            "documents": sorted(con.execute(
                "SELECT doc_id, n_sentences, n_events, text_hash, fingerprint FROM documents"
            ).fetchall()),
            "events": sorted(con.execute("SELECT id, doc_id, code, source, target FROM events")
                             .fetchall()),
            "duplicates": sorted(con.execute(
                "SELECT doc_id, of_doc_id, similarity, exact, source, url, path, line, text_hash "
                "FROM duplicates").fetchall()),
        }
    finally:
        con.close()


def wire_lines() -> list[dict]:
    return [json.loads(line) for line in WIRE.read_text().splitlines()]


def test_copies_are_recorded_not_coded(coder, tmp_path):
    from onevoice.store import Store

    db = tmp_path / "w.duckdb"
    run = code_paths([WIRE], db=db, coder=coder, keep_events=True)
    assert (run.documents, run.duplicates, run.unchanged, run.skipped) == (3, 3, 0, 0)
    assert "3 copies of earlier stories" in run.line()
    assert {e.doc_id for e in run.run_events} == ORIGINALS
    stored = tables(db)
    assert {d[0] for d in stored["documents"]} == ORIGINALS
    assert all(d[4] is not None and len(d[4]) == 16 + 4 * 256 for d in stored["documents"])
    assert {e[1] for e in stored["events"]} == ORIGINALS
    copies = {row[0]: row for row in stored["duplicates"]}
    assert set(copies) == set(RAIL_COPIES)
    for doc_id, exact in RAIL_COPIES.items():
        _, of, similarity, is_exact, *_ = copies[doc_id]
        assert of == RAIL and is_exact == exact
        assert similarity == 1.0 if exact else 0.8 <= similarity < 1.0
    assert copies["laketimes-rail"][4:8] == ("Lake Times", "https://laketimes.example/a/99",
                                             str(WIRE), 4)
    with Store(db, read_only=True) as store:
        frame = store.events_frame()
        rail = frame[frame.doc_id == RAIL]
        assert len(rail) >= 3
        assert set(rail.num_articles) == {4} and set(rail.num_mentions) == {4}
        assert set(rail.num_sources) == {3}  # Northwire, Coast Herald (twice), Lake Times
        others = frame[frame.doc_id != RAIL]
        assert len(others) and set(others.num_articles) == set(others.num_sources) == {1}
        assert store.story_counts() == {RAIL: (4, 3, 4)}


def test_rerun_over_the_same_input_changes_nothing(coder, tmp_path):
    db = tmp_path / "w.duckdb"
    code_paths([WIRE], db=db, coder=coder)
    before = tables(db)
    again = code_paths([WIRE], db=db, coder=coder, out=tmp_path / "again.jsonl")
    assert (again.documents, again.duplicates, again.unchanged) == (0, 0, 6)
    assert "copies of earlier stories" not in again.line()
    assert tables(db) == before
    rows = [json.loads(x) for x in (tmp_path / "again.jsonl").read_text().splitlines()]
    assert {r["doc_id"] for r in rows} == ORIGINALS  # each story's events once
    assert {r["num_articles"] for r in rows if r["doc_id"] == RAIL} == {4}
    everything = code_paths([WIRE], db=db, coder=coder, resume=False)
    assert (everything.documents, everything.duplicates, everything.unchanged) == (3, 3, 0)
    assert tables(db) == before


def test_out_of_a_first_run_holds_each_story_once_with_its_counts(coder, tmp_path):
    out = tmp_path / "first.jsonl"
    run = code_paths([WIRE], db=tmp_path / "w.duckdb", coder=coder, out=out)
    rows = [json.loads(x) for x in out.read_text().splitlines()]
    assert len(rows) == run.events and {r["doc_id"] for r in rows} == ORIGINALS
    counts = {(r["doc_id"], r["num_mentions"], r["num_sources"], r["num_articles"]) for r in rows}
    assert counts == {(RAIL, 4, 3, 4), ("northwire-dam", 1, 1, 1), ("peru-mines", 1, 1, 1)}


def test_copy_in_a_later_run_is_found_against_the_stored_story(coder, tmp_path):
    db = tmp_path / "w.duckdb"
    lines = wire_lines()
    first, later = tmp_path / "first.jsonl", tmp_path / "later.jsonl"
    first.write_text("".join(json.dumps(r) + "\n" for r in lines if r["id"] == RAIL))
    code_paths([first], db=db, coder=coder)
    later.write_text("".join(json.dumps(r) + "\n" for r in lines if r["id"] != RAIL))
    run = code_paths([later], db=db, coder=coder)
    assert (run.documents, run.duplicates) == (2, 3)
    assert {r[0]: r[1] for r in tables(db)["duplicates"]} == {d: RAIL for d in RAIL_COPIES}


def test_keep_duplicates_codes_every_copy(coder, tmp_path):
    from onevoice.store import Store

    db = tmp_path / "w.duckdb"
    run = code_paths([WIRE], db=db, coder=coder, dedup=False)
    assert (run.documents, run.duplicates) == (6, 0)
    stored = tables(db)
    assert len(stored["documents"]) == 6 and stored["duplicates"] == []
    assert {e[1] for e in stored["events"]} == ORIGINALS | set(RAIL_COPIES)
    # over a store with copies recorded, the copies become coded documents
    deduped = tmp_path / "d.duckdb"
    code_paths([WIRE], db=deduped, coder=coder)
    run = code_paths([WIRE], db=deduped, coder=coder, dedup=False)
    assert (run.documents, run.unchanged) == (3, 3)
    assert tables(deduped)["duplicates"] == [] and len(tables(deduped)["documents"]) == 6
    with Store(deduped, read_only=True) as store:
        assert set(store.events_frame()["num_articles"]) == {1}


def test_a_store_coded_without_fingerprints_learns_them(coder, tmp_path):
    db = tmp_path / "w.duckdb"
    lines = wire_lines()
    first, later = tmp_path / "first.jsonl", tmp_path / "later.jsonl"
    first.write_text("".join(json.dumps(r) + "\n" for r in lines if r["id"] in ORIGINALS))
    code_paths([first], db=db, coder=coder)
    con = duckdb.connect(str(db))  # as a store written before fingerprints were kept
    con.execute("UPDATE documents SET fingerprint = NULL")
    con.close()
    again = code_paths([first], db=db, coder=coder)
    assert again.unchanged == 3
    assert all(d[4] is not None for d in tables(db)["documents"])
    later.write_text("".join(json.dumps(r) + "\n" for r in lines if r["id"] in RAIL_COPIES))
    run = code_paths([later], db=db, coder=coder)
    assert (run.documents, run.duplicates) == (0, 3)
    assert "3 copies of earlier stories" in run.line()


def test_two_workers_record_the_same_copies(coder, tmp_path):
    one = code_paths([WIRE], db=tmp_path / "one.duckdb", coder=coder)
    two = code_paths([WIRE], db=tmp_path / "two.duckdb", coder=coder, workers=2, chunk_size=1,
                     batch_size=1)
    assert (two.documents, two.duplicates) == (one.documents, one.duplicates) == (3, 3)
    a, b = tables(tmp_path / "one.duckdb"), tables(tmp_path / "two.duckdb")
    assert a["events"] == b["events"] and a["duplicates"] == b["duplicates"]


def test_short_texts_are_never_called_copies(coder, tmp_path):
    src = write_jsonl(tmp_path / "short.jsonl", [("s1", "Iran condemned Israel."),
                                                  ("s2", "Iran condemned Israel.")])
    run = code_paths([src], db=tmp_path / "s.duckdb", coder=coder)
    assert (run.documents, run.duplicates) == (2, 0)


def test_a_copy_whose_original_could_not_be_coded_is_skipped(coder, tmp_path, monkeypatch):
    real = coder.code_document

    def fail_on_rail(doc):
        if doc.id == RAIL:
            raise RuntimeError("broken parse")
        return real(doc)

    monkeypatch.setattr(coder, "code_stream", lambda docs, batch_size=None: (_ for _ in ()).throw(
        RuntimeError("batch failed")))
    monkeypatch.setattr(coder, "code_document", fail_on_rail)
    run = code_paths([WIRE], db=tmp_path / "w.duckdb", coder=coder)
    assert (run.documents, run.duplicates, run.skipped) == (2, 0, 4)
    assert sum("could not be coded" in s.reason for s in run.skipped_items) == 3
    assert tables(tmp_path / "w.duckdb")["duplicates"] == []
