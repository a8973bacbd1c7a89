"""Bad input never crashes, hangs or blows up memory: property tests of every reader and the coder.

Every case runs under a time bound (a SIGALRM that interrupts it) and a memory bound (growth of
the process's resident set), and every item a reader yields must be a `Document` with text or a
`Skipped` naming the file (and the line, for JSONL and CSV) with a reason. Where the right answer
is known (the committed corpus in fixtures/bad_inputs, JSONL lines, CSV rows) it is checked too.

A short atheris run (coverage-guided) fuzzes the readers too; ONEVOICE_FUZZ_SCALE=10 runs ten
times as many examples of everything.
"""
from __future__ import annotations

import csv
import gzip
import importlib.util
import io
import json
import os
import re
import resource
import signal
import subprocess
import sys
import tempfile
from collections import Counter
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from onevoice.documents import Document, Skipped, read_paths

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
FIXTURES = HERE / "fixtures"
CORPUS = FIXTURES / "bad_inputs"

SECONDS = 10          # per reader case: a file of at most a megabyte, on a busy two-core machine
CODER_SECONDS = 20    # per coder case
GROWTH_MB = 300       # resident memory a single case may keep or add to the peak
SCALE = float(os.environ.get("ONEVOICE_FUZZ_SCALE", "1"))  # more examples: ONEVOICE_FUZZ_SCALE=10

# cases tried and passed per category, read by benchmarks/reliability_summary.py
TRIED: Counter = Counter()
PASSED: Counter = Counter()


def _load_corpus_module():
    spec = importlib.util.spec_from_file_location("make_bad_inputs", FIXTURES / "make_bad_inputs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


BAD = _load_corpus_module()


def fuzz_settings(examples: int):
    return settings(max_examples=max(1, int(examples * SCALE)), deadline=None,
                    suppress_health_check=list(HealthCheck))


# --- bounds ------------------------------------------------------------------------------------

class TooSlow(BaseException):
    """Raised by the alarm; a BaseException so that no `except Exception` in the code swallows it."""


def _rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@contextmanager
def bounded(category: str, what: str, seconds: float = SECONDS, growth_mb: float = GROWTH_MB):
    """Count the case, interrupt it after `seconds`, fail it if memory grew by `growth_mb`."""
    TRIED[category] += 1

    def alarm(signum, frame):
        raise TooSlow(f"{what}: still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, alarm)
    rss, peak = _rss_mb(), _peak_mb()
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except TooSlow as exc:
        pytest.fail(str(exc))
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    kept, raised = _rss_mb() - rss, _peak_mb() - peak
    assert kept < growth_mb and raised < growth_mb, \
        f"{what}: memory grew by {kept:.0f} MB (peak by {raised:.0f} MB)"
    PASSED[category] += 1


def read(path: Path, category: str, **options) -> list[Document | Skipped]:
    """Everything the readers make of `path`, within the bounds, checked for the invariants."""
    with bounded(category, path.name):
        items = list(read_paths([path], **options))
    check_items(path, items)
    return items


def _encodable(value) -> bool:
    return not isinstance(value, str) or not re.search("[\ud800-\udfff]", value)


def check_items(path: Path, items: list) -> None:
    """What every reader promises for every file, whatever is in it."""
    assert items, f"{path.name}: nothing at all came back (not even a skip)"
    inside = str(path) + os.sep if path.is_dir() else None  # a folder: the files under it
    for item in items:
        assert isinstance(item, (Document, Skipped)), item
        where_ok = item.path == str(path) or (inside and item.path.startswith(inside))
        assert item.line is None or item.line >= 1, item
        if isinstance(item, Skipped):
            assert where_ok, item
            assert isinstance(item.reason, str) and item.reason.strip(), item
            assert _encodable(item.reason), item
        else:
            assert where_ok, item
            assert isinstance(item.text, str) and item.text.strip(), item
            assert isinstance(item.id, str) and item.id, item
            assert item.date is None or date.fromisoformat(item.date), item
            for name in ("id", "text", "title", "url", "source", "path", "dateline"):
                assert _encodable(getattr(item, name)), f"{path.name}: {name} cannot be stored"


def kinds(items) -> list[tuple]:
    return [("doc", x.line) if isinstance(x, Document) else ("skip", x.line, x.reason) for x in items]


# --- the committed corpus ----------------------------------------------------------------------

CORPUS_FILES = sorted(BAD.files())


def test_corpus_matches_its_generator(tmp_path):
    """The committed files are what make_bad_inputs.py writes, each under 100 KB."""
    written = {p.name: p.read_bytes() for p in BAD.write(tmp_path)}
    committed = {p.name: p.read_bytes() for p in CORPUS.iterdir()}
    assert sorted(committed) == sorted(written)
    for name, data in written.items():
        assert committed[name] == data, f"{name} differs: re-run tests/fixtures/make_bad_inputs.py"
        assert len(data) < 100_000, name


@pytest.mark.parametrize("name", CORPUS_FILES)
def test_corpus_file(name):
    """Each bad file gives documents or skips naming the file, line and reason; known ones exactly."""
    items = read(CORPUS / name, "corpus files")
    expected = BAD.EXPECTED.get(name)
    if expected is None:
        return
    got = kinds(items)
    assert [g[:2] for g in got] == [e[:2] for e in expected], got
    for g, e in zip(got, expected):
        if len(e) > 2:
            assert e[2] in g[2], (g, e)


def test_corpus_never_leaks_local_files():
    """An XML external entity naming /etc/passwd is not resolved into the text."""
    (doc,) = read(CORPUS / "external_entity.rss", "corpus files")
    assert "root:" not in doc.text


def test_corpus_documents_code(coder):
    """The first document of every corpus file goes through the coder with sound events."""
    firsts = {}
    for item in read_paths([CORPUS]):
        if isinstance(item, Document):
            firsts.setdefault(item.path, item)
    assert len(firsts) >= 25
    for doc in firsts.values():
        code(coder, doc, "corpus through the coder")


# --- one-megabyte lines ------------------------------------------------------------------------

MB = 2**20
SENTENCE = "The president of France met the chancellor of Germany in Berlin to discuss trade "


def _line(unit: str = SENTENCE) -> str:
    return (unit * (MB // len(unit) + 1))[:MB]


def _csv_row(*fields: str) -> str:
    buf = io.StringIO()
    csv.writer(buf).writerow(fields)  # "\r\n" ends a row, so a lone "\r" in a field is quoted
    return buf.getvalue()


# name -> (file name, bytes, what the readers must make of it)
MEGABYTE_CASES = {
    "txt": ("big.txt", lambda: _line().encode(), [("doc", None)]),
    "txt without spaces": ("nospace.txt", lambda: b"x" * MB, [("doc", None)]),
    "txt.gz": ("big.txt.gz", lambda: gzip.compress(_line().encode(), mtime=0), [("doc", None)]),
    "html": ("big.html", lambda: f"<html><body><p>{_line()}</p></body></html>".encode(),
             [("doc", None)]),
    "html of open tags": ("tags.html", lambda: b"<b>" * (MB // 3), None),
    "html of '<'": ("lt.html", lambda: b"<" * MB, None),
    "jsonl": ("big.jsonl", lambda: (json.dumps({"id": "1", "text": _line()}) + "\n"
                                    + json.dumps({"id": "2", "text": SENTENCE}) + "\n").encode(),
              [("doc", 1), ("doc", 2)]),
    "jsonl, one unterminated line": ("cut.jsonl", lambda: b'{"text": "' + _line().encode(),
                                     [("skip", 1)]),
    "csv": ("big.csv", lambda: ("id,text\n" + _csv_row("1", _line()) + _csv_row("2", SENTENCE)
                                ).encode(), [("doc", 2), ("doc", 3)]),
    "csv, unclosed quote": ("open.csv", lambda: ('id,text\n1,"' + _line()).encode(), None),
    "rss": ("big.rss", lambda: (f"<rss><channel><item><title>T</title><description>{_line()}"
                                "</description></item></channel></rss>").encode(), [("doc", None)]),
    "rss of '<br'": ("br.rss", lambda: ("<rss><channel><item><title>T</title><description>"
                                        + "&lt;br" * (MB // 7) + SENTENCE
                                        + "</description></item></channel></rss>").encode(), None),
    # lines that once took minutes: backtracking in the dateline and page-furniture patterns
    "dateline then blanks": ("blanks.txt", lambda: b"LYON" + b" " * MB + b"x", [("doc", None)]),
    "photo credit never closed": ("photo.txt", lambda: ("(" + "photo " * (MB // 6)).encode(),
                                  None),
    "menu then blanks": ("menu.txt", lambda: b"a" + b" \t" * (MB // 2) + b"b", None),
    "date then blanks": ("date.txt", lambda: b"Jan 12, 2020" + b" " * MB + b"x", None),
}


@pytest.mark.parametrize("case", sorted(MEGABYTE_CASES))
def test_megabyte_line(case, tmp_path):
    """A one-megabyte line in any format is read (or skipped) in seconds."""
    name, make, expected = MEGABYTE_CASES[case]
    path = tmp_path / name
    path.write_bytes(make())
    items = read(path, "one-megabyte lines")
    if expected is not None:
        assert [k[:2] for k in kinds(items)] == expected


# patterns that once backtracked for minutes on such lines, called directly
def _patterns():
    from onevoice.documents import is_boilerplate, strip_boilerplate
    from onevoice.ingest.datelines import split_dateline
    from onevoice.ingest.web import html_to_text

    n = 200_000
    return {
        "dateline: place then blanks": (split_dateline, "LYON" + " " * n + "x"),
        "photo credit never closed": (is_boilerplate, "(" + "photo " * (n // 6)),
        "menu: blanks between words": (is_boilerplate, "a" + " " * n + "b"),
        "date then blanks": (is_boilerplate, "Jan 12, 2020" + " " * n + "x"),
        "page text of blanks": (strip_boilerplate, "a" + " \t" * n + "b"),
        "feed summary of '<br'": (html_to_text, "<br" * (n // 3)),
        "feed summary of '< br x'": (html_to_text, "< br x" * (n // 6)),
    }


@pytest.mark.parametrize("case", sorted(_patterns()))
def test_patterns_take_linear_time(case):
    """200,000 characters through each text pattern in well under the case bound."""
    fn, text = _patterns()[case]
    with bounded("one-megabyte lines", case, seconds=5):
        fn(text)


def test_file_names_that_are_not_utf8_reach_the_store(tmp_path):
    """A file name with undecodable bytes (and a "\\ud800" escape in JSONL) must not crash the
    store write: the readers put U+FFFD in place of the lone surrogates."""
    from onevoice.store import Store

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / os.fsdecode(b"bad\xff.txt")).write_bytes(b"\0binary")
    (folder / os.fsdecode(b"good\xfe.txt")).write_text(SENTENCE)
    (folder / "s.jsonl").write_text('{"id": "a\\ud800", "text": "%s \\udfff"}\n' % SENTENCE)
    items = read(folder, "corpus files")
    assert kinds(items) == [("skip", None, "binary file"), ("doc", None), ("doc", 1)]
    with Store(tmp_path / "s.duckdb") as store:
        store.write_skipped([x for x in items if isinstance(x, Skipped)])
        store.write_batch([(x, 1) for x in items if isinstance(x, Document)], [], "v", "lex")
        assert store.con.execute("SELECT count(*) FROM documents").fetchone()[0] == 2


def test_mixed_encodings_keep_both_parts_readable():
    """UTF-8 and Windows-1252 paragraphs in one file: each read in its own encoding."""
    (doc,) = read(CORPUS / "mixed_encodings.txt", "encodings and BOMs")
    assert doc.text.count("\u201cWe will not accept this,\u201d") == 2 and "\u00e2\u20ac" not in doc.text
    assert doc.meta["encoding"] == "utf-8+cp1252"


# --- random and damaged files (hypothesis) -----------------------------------------------------

EXTENSIONS = [".txt", ".html", ".htm", ".jsonl", ".csv", ".warc", ".rss", ".atom", ".xml",
              ".txt.gz", ".jsonl.gz", ".csv.gz", ".warc.gz"]
_WORKDIR = tempfile.TemporaryDirectory(prefix="onevoice-fuzz-")


def scratch(name: str, data: bytes) -> Path:
    """A file in this module's scratch folder (hypothesis examples cannot use tmp_path)."""
    path = Path(_WORKDIR.name) / name
    path.write_bytes(data)
    return path


@fuzz_settings(120)
@given(data=st.binary(max_size=3000), ext=st.sampled_from(EXTENSIONS))
def test_random_bytes(data, ext):
    """Arbitrary bytes under any known extension."""
    read(scratch("random" + ext, data), "random bytes")


def _seeds() -> dict[str, bytes]:
    """Well-formed files of every kind, for the damage below."""
    files = BAD.files()
    return {".html": BAD.PAGE.encode(), ".txt": BAD.STORY.encode(),
            ".jsonl": files["broken_lines.jsonl"][:3000], ".csv": files["ragged.csv"],
            ".warc": files["garbage_after.warc"], ".rss": files["unclosed.rss"] + b"</item></channel></rss>",
            ".atom": files["bad_dates.atom"], ".txt.gz": gzip.compress(BAD.STORY.encode(), mtime=0)}


SEEDS = _seeds()


@fuzz_settings(150)
@given(ext=st.sampled_from(sorted(SEEDS)), cut=st.integers(0, 4000), at=st.integers(0, 4000),
       insert=st.binary(max_size=40), flips=st.lists(st.integers(0, 4000), max_size=4))
def test_damaged_files(ext, cut, at, insert, flips):
    """A good file truncated, with bytes inserted and flipped: what a bad disk or download leaves."""
    data = bytearray(SEEDS[ext])
    for i in flips:
        if data:
            data[i % len(data)] ^= 0xFF
    at = at % (len(data) + 1)
    data[at:at] = insert
    read(scratch("damaged" + ext, bytes(data[:cut] if cut < len(data) else data)), "damaged files")


_TAGS = ["div", "p", "span", "b", "i", "a", "table", "tr", "td", "ul", "li", "script", "style",
         "article", "nav", "h1", "html", "body", "head", "title", "br", "img", "iframe", "svg"]
_html_piece = st.one_of(
    st.sampled_from(_TAGS).map(lambda t: f"<{t}>"),
    st.sampled_from(_TAGS).map(lambda t: f"</{t}>"),
    st.sampled_from(_TAGS).map(lambda t: f"<{t} class='a\" id=x"),
    st.sampled_from(["<!--", "-->", "<![CDATA[", "]]>", "<!DOCTYPE html>", "&amp;", "&#0;",
                     "&#xD800;", "&nbsp", "<?xml?>", "<", ">", "\0", "\ufeff"]),
    st.sampled_from([SENTENCE, "Home | World", "Share this article", "By Jane Doe"]),
    st.text(max_size=30),
)


@fuzz_settings(80)
@given(pieces=st.lists(_html_piece, max_size=60), depth=st.integers(0, 3000),
       encoding=st.sampled_from(["utf-8", "utf-16", "cp1252", "latin-1"]))
def test_malformed_html(pieces, depth, encoding):
    """Tag soup, deep nesting, stray entities and wrong encodings in an HTML page."""
    html = "<div>" * depth + "".join(pieces)
    read(scratch("soup.html", html.encode(encoding, "replace")), "malformed HTML")


@fuzz_settings(100)
@given(text=st.text(max_size=400), encodings=st.lists(
    st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1252", "latin-1", "mac-roman",
                     "shift_jis", "koi8-r"]), min_size=1, max_size=3),
    nul=st.booleans())
def test_encodings(text, encodings, nul):
    """Text in one or several encodings at once, with BOMs and NUL bytes: read or skipped, and
    UTF-8 or UTF-16 with a BOM read back without a wrong character."""
    data = b"\n\n".join(text.encode(e, "replace") for e in encodings) + (b"\0" if nul else b"")
    items = read(scratch("enc.txt", data), "encodings and BOMs", languages=None)
    if len(encodings) == 1 and encodings[0] in ("utf-8", "utf-8-sig", "utf-16") and not nul:
        for item in items:
            if isinstance(item, Document):
                assert set(item.text) <= set(text) | {"\n"}, "wrong characters read back"


@fuzz_settings(40)
@given(kind=st.sampled_from([".txt", ".html", ".jsonl", ".csv", ".rss"]),
       blank=st.text(alphabet=" \t\r\n\u00a0\u2003\u3000\ufeff\x0b\x0c", max_size=200))
def test_empty_and_whitespace(kind, blank):
    """An empty or whitespace-only file gives skips, never a document."""
    items = read(scratch("blank" + kind, blank.encode("utf-8")), "empty and whitespace")
    assert all(isinstance(x, Skipped) for x in items), kinds(items)


# JSONL: any line, with the outcome it must have
_json_value = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=8)
_record = st.fixed_dictionaries({}, optional={
    "id": _json_value, "text": st.one_of(st.text(max_size=200), _json_value),
    "title": _json_value, "date": st.one_of(st.dates().map(str), _json_value, st.text(max_size=12)),
    "url": _json_value, "meta": _json_value})
_jsonl_line = st.one_of(
    _record.map(json.dumps),
    _record.map(lambda r: json.dumps(r, ensure_ascii=False)),
    _json_value.map(json.dumps),
    _record.map(json.dumps).flatmap(lambda s: st.integers(0, len(s)).map(lambda i: s[:i])),
    st.text(max_size=60).map(lambda s: s.replace("\n", " ")),
    st.sampled_from(["", "   ", "[" * 3000, '{"text": ' + "[" * 3000]),
)


def expected_jsonl(line: str, first: bool = False) -> str | None:
    """What the reader must say about one line: None (no record), "doc", or a reason's words."""
    if first:  # a byte order mark may open the file
        line = line.removeprefix("\ufeff")
    if not line.strip():
        return None
    try:
        rec = json.loads(line)
    except ValueError:
        return "invalid JSON"
    except RecursionError:
        return "nested too deeply"
    if not isinstance(rec, dict):
        return "not a JSON object"
    text = rec.get("text")
    if text is None:
        return "missing text"
    if not isinstance(text, str):
        return "text is not a string"
    return "doc" if text.strip() else "empty text"


@fuzz_settings(100)
@given(lines=st.lists(_jsonl_line, min_size=1, max_size=12))
def test_jsonl_lines(lines):
    """Broken lines and wrong types: each line its own document or skip, at its own line number."""
    data = "".join(ln + "\n" for ln in lines).encode("utf-8")
    items = read(scratch("lines.jsonl", data), "JSONL lines", languages=None)
    if b"\0" in data[:8192]:  # a NUL byte near the top says binary file, whatever the name
        assert kinds(items) == [("skip", None, "binary file")]
        return
    want = [(n, e) for n, e in ((n, expected_jsonl(ln, n == 1)) for n, ln in enumerate(lines, 1))
            if e]
    if not want:
        assert kinds(items)[0][0] == "skip" and len(items) == 1
        return
    assert [x.line for x in items] == [n for n, _ in want]
    for item, (n, outcome) in zip(items, want):
        if outcome == "doc":
            assert isinstance(item, Document), (lines[n - 1], item)
            original = json.loads(lines[n - 1].removeprefix("\ufeff"))["text"]
            assert re.sub("[\ud800-\udfff]", "\ufffd", original).endswith(item.text)
        else:
            assert isinstance(item, Skipped) and outcome in item.reason, (lines[n - 1], item)


# CSV: ragged rows around a text column
_field = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\0"),
                 max_size=40)


@fuzz_settings(100)
@given(header=st.lists(st.sampled_from(["id", "title", "date", "url", "x", "y"]), max_size=3),
       text_at=st.integers(0, 3), rows=st.lists(st.lists(_field, max_size=6), max_size=10))
def test_csv_ragged_rows(header, text_at, rows):
    """Rows shorter or longer than the header, quotes and newlines in fields: one outcome a row."""
    header = list(dict.fromkeys(header))
    header.insert(min(text_at, len(header)), "text")
    out, want, line = [_csv_row(*header)], [], 2
    for row in rows:
        written = _csv_row(*row)
        out.append(written)
        if row:
            i = header.index("text")
            field = row[i] if i < len(row) else None
            want.append((line, "missing text" if field is None else
                         "empty text" if not field.strip() else "doc", field))
        line += written.count("\n")
    items = read(scratch("rows.csv", "".join(out).encode()), "CSV rows", languages=None)
    if not want:
        assert [k[2] for k in kinds(items)] == ["no rows after the header"]
        return
    assert [x.line for x in items] == [n for n, _, _ in want]
    for item, (n, outcome, field) in zip(items, want):
        if outcome == "doc":
            assert isinstance(item, Document) and field.endswith(item.text), (field, item)
        else:
            assert isinstance(item, Skipped) and outcome in item.reason, (field, item)


# --- the coder ---------------------------------------------------------------------------------

def code(coder, doc: Document, category: str, seconds: float = CODER_SECONDS):
    """Code one document within the bounds; the events must point into their own sentences."""
    with bounded(category, doc.id[:40], seconds):
        coded = coder.code_document(doc)
    assert coded.n_sentences >= 0
    full = " ".join(f"{doc.title or ''}\n{doc.text}".split())  # the coder joins runs of blanks
    for e in coded.events:
        assert e.doc_id == doc.id and " ".join(e.sentence.split()) in full
        assert 0 <= e.sentence_index < max(coded.n_sentences, 1)
        assert e.code.startswith(e.root) and e.quad_class in (1, 2, 3, 4)
        for start, end, text in ((e.source_start, e.source_end, e.source_text),
                                 (e.target_start, e.target_end, e.target_text),
                                 (e.trigger_start, e.trigger_end, e.trigger_text)):
            assert start < 0 or e.sentence[start:end] == text, (e.sentence, start, end, text)
    return coded


_NEWS_WORDS = ["the", "President", "of", "France", "Germany", "Russia", "China", "Obama", "Putin",
               "met", "attacked", "condemned", "accused", "said", "will", "not", "rebels",
               "police", "army", "United", "Nations", "in", "Berlin", "on", "Monday", "he", "they"]
_coder_text = st.lists(st.one_of(
    st.sampled_from(_NEWS_WORDS), st.sampled_from([".", ",", "!", "?", ";", "\n\n", " - ", "\"",
                                                   "(", ")", "\0", "\ufeff", "\u200b", "\u202e"]),
    st.text(max_size=8)), max_size=80).map(" ".join)


@fuzz_settings(30)
@given(text=_coder_text, title=st.none() | _coder_text)
def test_coder_on_random_text(coder, text, title):
    """Any text, with NULs, BOMs, bidi marks and stray punctuation, codes to sound events."""
    code(coder, Document(id="fuzz", text=text, title=title), "coder on random text")


DEGENERATE_TEXTS = ["", " ", "\n\n\n", "\t \u00a0\u3000", "\0" * 50, "\ufeff", "x" * MB, ". " * 5000,
                    "\n" * 10000]


@pytest.mark.parametrize("text", DEGENERATE_TEXTS)
def test_coder_on_empty_and_degenerate_text(coder, text):
    """Empty, whitespace-only, NUL-only and one-token-megabyte documents code to nothing, fast."""
    coded = code(coder, Document(id="odd", text=text), "coder on degenerate text")
    assert not coded.events


HUGE_SENTENCE = """
import json, random, resource, sys, time
from onevoice.coder import Coder
from onevoice.documents import Document
coder = Coder()
words = ("the president of France met the chancellor of Germany and said that the army would "
         "attack rebels in Syria").split()
rnd = random.Random(0)
text = " ".join(rnd.choice(words) for _ in range(int(sys.argv[1])))
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
coded = coder.code_document(Document(id="huge", text=text))
print(json.dumps({"seconds": time.perf_counter() - start, "events": len(coded.events),
                  "grew_mb": (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss) / 1024}))
"""
HUGE_WORDS = 20_000
HUGE_SECONDS = 30


def test_coder_on_huge_sentence_without_punctuation():
    """20,000 words with no full stop: coded in bounded time and memory (a subprocess, so that a
    hang is killed rather than waited for)."""
    TRIED["coder on a 20,000-word sentence"] += 1
    try:
        proc = subprocess.run([sys.executable, "-c", HUGE_SENTENCE, str(HUGE_WORDS)],
                              capture_output=True, text=True, timeout=HUGE_SECONDS + 10)
    except subprocess.TimeoutExpired:
        pytest.fail(f"coding {HUGE_WORDS} words without punctuation took over {HUGE_SECONDS + 10} s")
    assert proc.returncode == 0, proc.stderr[-2000:]
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    assert out["seconds"] < HUGE_SECONDS, f"coding {HUGE_WORDS} words took {out['seconds']:.0f} s"
    assert out["events"] > 0, "the words name actors and acts: some events are expected"
    assert out["grew_mb"] < 1000, out
    PASSED["coder on a 20,000-word sentence"] += 1


# --- atheris (coverage-guided fuzzing of the readers) -------------------------------------------

ATHERIS_RUNS = int(500 * SCALE)
# a fresh process, so that the readers are imported (and instrumented for coverage) inside it
ATHERIS_HARNESS = """
import os, re, sys
from pathlib import Path
import atheris
with atheris.instrument_imports(include=["onevoice"]):
    from onevoice.documents import Document, Skipped, read_paths
EXTENSIONS = %r
workdir = os.environ["ONEVOICE_ATHERIS_DIR"]

def one_input(data):
    if not data:
        return
    path = Path(workdir, "input" + EXTENSIONS[data[0] %% len(EXTENSIONS)])
    path.write_bytes(data[1:])
    items = list(read_paths([path]))
    assert items, "nothing came back"
    for item in items:
        assert item.path == str(path), item
        if isinstance(item, Skipped):
            assert item.reason.strip(), item
        else:
            assert isinstance(item, Document) and item.text.strip(), item
            assert not re.search("[\\ud800-\\udfff]", item.text + item.id), item

atheris.Setup(sys.argv, one_input)
atheris.Fuzz()
"""


def test_atheris_readers():
    """A short coverage-guided run of the readers: any exception or a 10 s input fails it."""
    pytest.importorskip("atheris")
    TRIED["atheris inputs"] += ATHERIS_RUNS
    with tempfile.TemporaryDirectory(prefix="onevoice-atheris-") as workdir:
        proc = subprocess.run([sys.executable, "-c", ATHERIS_HARNESS % (EXTENSIONS,),
                               f"-runs={ATHERIS_RUNS}", "-timeout=10", "-rss_limit_mb=3000",
                               "-max_len=4096", "-seed=1"],
                              capture_output=True, text=True, timeout=120 * max(1.0, SCALE),
                              env={**os.environ, "ONEVOICE_ATHERIS_DIR": workdir})
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert f"Done {ATHERIS_RUNS} runs" in proc.stderr, proc.stderr[-3000:]
    PASSED["atheris inputs"] += ATHERIS_RUNS
