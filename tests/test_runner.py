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


def test_candidate_filter_passes_every_sentence_the_resolver_takes(coder):
    """The filter must never drop a sentence that the parse would code."""
    from onevoice.actors.resolve import DocContext

    for _, text in ARTICLES + [("sample", SAMPLE.read_text())]:
        ctx, names = DocContext(date="2006-07-07"), set()
        for para in [" ".join(p.split()) for p in text.split("\n") if p.strip()]:
            parsed = coder.nlp(para)
            found = coder.resolver.analyse(parsed, ctx)
            for sent in parsed.sents:
                words = [t.lower_ for t in sent]
                if found.has_candidate(sent):
                    assert coder.candidates(words) or not names.isdisjoint(words), sent.text
                    names.update(t.lower_ for t in sent[1:] if t.text[:1].isupper())
                    found.prime(sent)
                    coder.extractor.extract(sent, found)


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
