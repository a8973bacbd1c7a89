"""Reading articles from files: clean text in, every bad record reported, nothing raised."""
from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import onevoice.documents as documents
from onevoice.documents import (
    Document,
    Skipped,
    Source,
    _after_headline,
    _html_paragraphs,
    is_boilerplate,
    normalize_date,
    read_paths,
    strip_boilerplate,
)

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "documents"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"

ARTICLE = """Skip to main content
Home | World | Politics | Sport | Weather

Breaking News

Ministers Agree to Reopen Border Crossing

By Lena Farrow
March 3, 2011

Share this article
Photo: Harbour police at the crossing

The interior ministers of Arvenia and Boskaland agreed on Monday to reopen the main border
crossing between the two countries, which has been closed since a clash between patrols.

Advertisement

Officials from both sides said the crossing would open to trucks first and to cars next month.
The ministers waves from the bridge. (AP Photo/Jon Example)

Related stories
Read more
Comments
We use cookies to give you the best experience on our site. Accept cookies to continue.
Copyright 2011 The Valley Courier. All rights reserved.
"""


def read(*paths, **kw) -> list[Document | Skipped]:
    return list(read_paths(paths, **kw))


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# --- txt and boilerplate -----------------------------------------------------------------------

def test_strip_boilerplate_finds_title_and_drops_page_furniture():
    title, body = strip_boilerplate(ARTICLE)
    assert title == "Ministers Agree to Reopen Border Crossing"
    assert body.startswith("The interior ministers of Arvenia")
    assert "Officials from both sides said" in body
    for junk in ("Skip to", "Home |", "Breaking News", "By Lena", "March 3", "Share", "Photo:",
                 "Advertisement", "AP Photo", "Related", "Read more", "Comments", "cookies",
                 "Copyright"):
        assert junk not in body
    assert "\n\n" in body  # paragraphs stay apart


def test_no_title_when_text_starts_with_a_sentence():
    title, body = strip_boilerplate("The talks ended.\n\nBoth sides left the capital on Friday.")
    assert title is None
    assert body == "The talks ended.\n\nBoth sides left the capital on Friday."


def test_no_title_for_a_single_paragraph():
    assert strip_boilerplate("Arvenia Recalls Its Ambassador") == (None, "Arvenia Recalls Its Ambassador")


def test_title_without_blank_lines_and_wrapped_text_is_not_a_title():
    title, body = strip_boilerplate("Talks Resume\nThe envoys met again.\nThey spoke for hours.\n")
    assert (title, body) == ("Talks Resume", "The envoys met again.\n\nThey spoke for hours.")
    wrapped = "The envoy said the talks would\nresume after the holiday, officials said."
    assert strip_boilerplate(wrapped)[0] is None


@pytest.mark.parametrize("line", [
    "Accessibility links", "Share", "Print", "Email", "Subscribe", "Follow us on Twitter",
    "Cookie", "Advertisement", "Image caption The two ministers at the bridge", "Related stories",
    "© 2020 Example Media", "News • Sport • Weather • Travel", "By Jan Novak and Eva Lind",
    "Image 1 of 8", "1 / 8", "Back to Gallery", "Updated", "Continue reading…",
    "The post Talks Resume appeared first on The Valley Courier.",
    "November 19, 2019 / 12:21 AM / Updated 14 hours ago",
])
def test_boilerplate_lines(line):
    assert is_boilerplate(line)


@pytest.mark.parametrize("line", [
    "Arvenia will share its river data with Boskaland, the minister said.",
    "By then the talks had collapsed.",
    "Copyright laws were changed by parliament on Friday.",
    "Children sold cookies outside the parliament building to protest the cuts.",
    "Ministers Agree to Reopen Border Crossing | The Valley Courier",
    "Updated figures from the ministry showed 1 of 8 crossings open.",
    "Continue reading the minutes, the judge told the clerk.",
])
def test_article_lines_are_kept(line):
    assert not is_boilerplate(line)


def test_txt_file(tmp_path):
    (doc,) = read(write(tmp_path / "border.txt", ARTICLE), default_date="2011-03-03")
    assert isinstance(doc, Document)
    assert doc.id == "border.txt"
    assert doc.title == "Ministers Agree to Reopen Border Crossing"
    assert doc.date == "2011-03-03"
    assert doc.path == str(tmp_path / "border.txt")


def test_txt_windows_encoding_falls_back(tmp_path):
    p = tmp_path / "old.txt"
    p.write_bytes("Talks in Montr\xe9al\r\n\r\nThe minister\u2019s aides met on Friday.\r\n".encode("cp1252"))
    (doc,) = read(p)
    assert doc.title == "Talks in Montréal"
    assert doc.text == "The minister’s aides met on Friday."
    assert doc.meta["encoding"] == "cp1252"


def test_txt_utf8_bom(tmp_path):
    p = tmp_path / "bom.txt"
    p.write_bytes(b"\xef\xbb\xbfTalks Resume\n\nThe envoys met again.\n")
    (doc,) = read(p)
    assert doc.title == "Talks Resume" and "encoding" not in doc.meta


@pytest.mark.skipif(not (SHARED / "samples" / "voa-hill-one-voice.txt").exists(),
                    reason="shared sample not available")
def test_sample_article():
    (doc,) = read(SHARED / "samples" / "voa-hill-one-voice.txt")
    assert doc.id == "voa-hill-one-voice.txt"
    assert doc.title == "US Envoy Urges China, Asian Nations to Speak With One Voice to North Korea"
    assert doc.text.startswith("U.S. special envoy Christopher Hill")
    assert "Accessibility links" not in doc.text and "Breaking News" not in doc.text
    assert doc.text.rstrip().endswith("South Korea.")


# --- jsonl -------------------------------------------------------------------------------------

def test_jsonl_bad_lines_are_skipped_with_line_numbers(tmp_path):
    lines = [
        json.dumps({"id": "a", "text": "Arvenia protested the dam.", "date": "2019-04-16T08:00:00Z",
                    "title": "Protest", "url": "http://x.example/a", "source": "Courier",
                    "meta": {"lang": "en"}, "section": "world"}),
        '{"id": "b", "text": "broken',
        json.dumps({"id": "c", "title": "no text"}),
        json.dumps({"id": "d", "text": 42}),
        "",
        json.dumps(["not", "an", "object"]),
        json.dumps({"text": "Boskaland replied.", "date": "last Tuesday"}),
        json.dumps({"id": "f", "text": "   "}),
        json.dumps({"id": 7, "text": "Talks resumed."}),
    ]
    p = write(tmp_path / "news.jsonl", "\n".join(lines) + "\n")
    out = read(p, default_date="2020-01-01")
    skipped = {s.line: s.reason for s in out if isinstance(s, Skipped)}
    assert set(skipped) == {2, 3, 4, 6, 8}
    assert skipped[2].startswith("invalid JSON")
    assert skipped[3] == "missing text"
    assert skipped[4] == "text is not a string (int)"
    assert skipped[6].startswith("not a JSON object")
    assert skipped[8] == "empty text"
    assert all(s.path == str(p) for s in out if isinstance(s, Skipped))
    a, e, g = [d for d in out if isinstance(d, Document)]
    assert (a.id, a.line, a.date, a.title, a.url, a.source) == (
        "a", 1, "2019-04-16", "Protest", "http://x.example/a", "Courier")
    assert a.meta == {"lang": "en", "section": "world"}
    assert (e.id, e.line, e.date, e.meta["raw_date"]) == ("news.jsonl:7", 7, None, "last Tuesday")
    assert (g.id, g.line, g.date) == ("7", 9, "2020-01-01")


def test_jsonl_undecodable_line_is_skipped(tmp_path):
    p = tmp_path / "mixed.jsonl"
    p.write_bytes(b'{"id": "a", "text": "caf\xe9"}\n{"id": "b", "text": "ok"}\n')
    out = read(p)
    assert isinstance(out[0], Skipped) and out[0].line == 1 and "UTF-8" in out[0].reason
    assert isinstance(out[1], Document) and out[1].id == "b"


def test_jsonl_is_streamed(tmp_path):
    p = write(tmp_path / "s.jsonl", json.dumps({"id": "a", "text": "First."}) + "\n")
    it = read_paths([p])
    assert next(it).id == "a"
    with open(p, "a", encoding="utf-8") as f:  # a line added after reading began is still seen
        f.write(json.dumps({"id": "b", "text": "Second."}) + "\n")
    assert [d.id for d in it] == ["b"]


@pytest.mark.parametrize("value,expected", [
    ("2019-04-16", "2019-04-16"),
    ("2019-04-16T08:00:00Z", "2019-04-16"),
    ("2019-04-16 08:00:00+02:00", "2019-04-16"),
    ("2019-04-16T08:00:00.123456789Z", "2019-04-16"),
    ("2019-02-30", None),
    ("16/04/2019", None),
    (20190416.0, None),
    ("", None),
])
def test_normalize_date(value, expected):
    assert normalize_date(value) == expected


# --- csv ---------------------------------------------------------------------------------------

def test_csv_ragged_rows_and_line_numbers(tmp_path):
    p = write(tmp_path / "news.csv", (
        "\ufeffid,Text,date,source\n"
        "a,Arvenia closed the border.,2019-04-16,Courier\n"
        "b,Boskaland reopened it.\n"                       # short row: missing columns are None
        "c,\"A quoted\nmulti-line text.\",2019-04-17,Courier,extra1,extra2\n"  # long row
        "d,,2019-04-18,Courier\n"
        "\n"
        "e,Talks resumed.,soon,Courier\n"
    ))
    out = read(p, default_date="2019-01-01")
    docs = {d.id: d for d in out if isinstance(d, Document)}
    skipped = [s for s in out if isinstance(s, Skipped)]
    assert [(s.line, s.reason) for s in skipped] == [(6, "empty text")]
    assert docs["a"].line == 2 and docs["a"].date == "2019-04-16" and docs["a"].source == "Courier"
    assert docs["b"].line == 3 and docs["b"].date == "2019-01-01" and docs["b"].source is None
    assert docs["c"].line == 4 and docs["c"].text == "A quoted\nmulti-line text."
    assert docs["c"].meta["extra_fields"] == ["extra1", "extra2"]
    assert docs["e"].line == 8 and docs["e"].date is None and docs["e"].meta["raw_date"] == "soon"


def test_csv_without_text_column(tmp_path):
    (s,) = read(write(tmp_path / "x.csv", "id,body\n1,hello\n"))
    assert isinstance(s, Skipped) and s.line == 1 and "text" in s.reason


def test_csv_long_field(tmp_path):
    text = "Arvenia spoke. " * 20000  # over csv's default 128 KB field limit
    (doc,) = read(write(tmp_path / "long.csv", f"id,text\nbig,{text}\n"))
    assert isinstance(doc, Document) and doc.text == text


# --- gzip, binary, empty, missing --------------------------------------------------------------

def test_gzip_inputs(tmp_path):
    with gzip.open(tmp_path / "a.jsonl.gz", "wt", encoding="utf-8") as f:
        f.write(json.dumps({"id": "j", "text": "From jsonl."}) + "\nnot json\n")
    with gzip.open(tmp_path / "b.csv.gz", "wt", encoding="utf-8") as f:
        f.write("id,text\nc,From csv.\n")
    with gzip.open(tmp_path / "c.txt.gz", "wt", encoding="utf-8") as f:
        f.write("Gzip Title\n\nFrom txt.\n")
    (tmp_path / "d.txt.gz").write_bytes(b"this is not gzip data")
    out = read(tmp_path)
    assert [(type(x).__name__, getattr(x, "id", None), getattr(x, "line", None)) for x in out] == [
        ("Document", "j", 1), ("Skipped", None, 2), ("Document", "c", 2),
        ("Document", "c.txt.gz", None), ("Skipped", None, None)]
    assert out[3].title == "Gzip Title" and out[3].text == "From txt."
    assert out[4].reason.startswith("cannot read")


def test_binary_files_are_skipped(tmp_path):
    for name in ("img.txt", "img.jsonl", "img.csv", "img.html"):
        (tmp_path / name).write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    out = read(tmp_path)
    assert len(out) == 4 and all(isinstance(s, Skipped) and s.reason == "binary file" for s in out)


def test_empty_files(tmp_path):
    write(tmp_path / "a.txt", "")
    write(tmp_path / "b.txt", "  \n\n\t \n")
    write(tmp_path / "c.html", "")
    write(tmp_path / "d.jsonl", "\n\n")
    write(tmp_path / "e.csv", "")
    write(tmp_path / "f.txt", "Share\nAdvertisement\n")
    reasons = [(Path(s.path).name, s.reason) for s in read(tmp_path)]
    assert reasons == [("a.txt", "empty text"), ("b.txt", "empty text"), ("c.html", "empty text"),
                       ("d.jsonl", "empty file"), ("e.csv", "empty file"), ("f.txt", "empty text")]


def test_missing_path_and_unknown_type(tmp_path):
    other = write(tmp_path / "notes.docx", "x")
    out = read(tmp_path / "nope.txt", other)
    assert out[0] == Skipped(str(tmp_path / "nope.txt"), None, "no such file")
    assert out[1].reason.startswith("unsupported file type")


def test_bad_default_date_is_an_error():
    with pytest.raises(ValueError):
        read(FIXTURES / "summit.html", default_date="yesterday")


# --- directories -------------------------------------------------------------------------------

def test_directory_recursion_order_and_filtering(tmp_path):
    for rel in ("b.txt", "a/z.txt", "a/b/c.TXT", "a/y.htm", "c.jsonl", "d.pdf", "e.json",
                "notes.md", ".hidden.txt", ".git/x.txt", "a/b/d.csv.gz", "f.txt.bak"):
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        if rel.endswith(".gz"):
            p.write_bytes(gzip.compress(b"id,text\nr,Row text.\n"))
        elif rel.endswith("jsonl"):
            write(p, json.dumps({"id": "j", "text": "Jsonl text."}) + "\n")
        elif rel.endswith("htm"):
            write(p, "<p>Arvenia and Boskaland met in the capital to discuss the dam. " * 5 + "</p>")
        else:
            write(p, f"Text of {rel}.")
    out = read(tmp_path)
    assert all(isinstance(d, Document) for d in out)
    assert [Path(d.path).relative_to(tmp_path).as_posix() for d in out] == [
        "a/b/c.TXT", "a/b/d.csv.gz", "a/y.htm", "a/z.txt", "b.txt", "c.jsonl"]


def test_several_paths_keep_their_order(tmp_path):
    write(tmp_path / "a.txt", "First file.")
    write(tmp_path / "b.txt", "Second file.")
    assert [d.id for d in read(tmp_path / "b.txt", tmp_path / "a.txt")] == ["b.txt", "a.txt"]


# --- html --------------------------------------------------------------------------------------

def test_html_fixture_main_text_and_metadata():
    (doc,) = read(FIXTURES / "summit.html")
    assert isinstance(doc, Document)
    assert doc.id == "summit.html"
    assert doc.title == "Ministers Pledge Joint Water Plan at Lakeside Talks"
    assert doc.text.startswith("The foreign ministers of Arvenia and Boskaland agreed on Tuesday")
    assert "lakeside town where this week's meeting took place." in doc.text
    for junk in ("World Desk", "Markets Corner", "Breaking News", "Harbour strike", "Subscribe",
                 "Copyright", "Privacy", "By Mara"):
        assert junk not in doc.text
    assert doc.date == "2019-04-16"
    assert doc.url == "https://courier.example.org/world/water-plan"
    assert doc.source == "The Valley Courier"
    assert doc.meta["author"] == "Mara Ostrowska"


def test_html_default_date_when_page_has_none(tmp_path):
    body = "<p>The envoys of Arvenia met the Boskaland cabinet to discuss the dam dispute.</p>" * 4
    p = write(tmp_path / "nodate.html", f"<html><head><title>Envoys Meet</title></head><body>"
                                        f"<article>{body}</article></body></html>")
    (doc,) = read(p, default_date="2001-09-10")
    assert doc.date == "2001-09-10" and "Arvenia" in doc.text


def test_html_fragment(tmp_path):
    p = write(tmp_path / "frag.html",
              "<div><p>Arvenia's parliament voted to ratify the river accord with Boskaland "
              "after a long debate on Thursday evening.</p></div>")
    (doc,) = read(p)
    assert isinstance(doc, Document) and doc.text.startswith("Arvenia's parliament voted")


@pytest.mark.parametrize("html", ["<html><body><script>var x = 1;</script></body></html>", "<html><body><nav><a href='/'>Home</a></nav></body></html>",
                                  "<html><head><title>x</title></head></html>"])
def test_html_without_article_is_skipped(tmp_path, html):
    (s,) = read(write(tmp_path / "bad.html", html))
    assert isinstance(s, Skipped) and s.reason


AEB = SHARED / "corpora" / "html" / "scrapinghub_aeb"


@pytest.mark.skipif(not (AEB / "ground_truth.jsonl").exists(), reason="shared html corpus not available")
def test_shared_html_pages_match_ground_truth():
    """Real news pages: the extracted text covers most words of the hand-made article body."""
    truth = [json.loads(line) for line in (AEB / "ground_truth.jsonl").open(encoding="utf-8")][:8]
    docs = read(*(AEB / t["html_file"] for t in truth))
    for t, doc in zip(truth, docs):
        assert isinstance(doc, Document), doc
        want = set(re.findall(r"\w+", t["article_body"].lower()))
        got = set(re.findall(r"\w+", doc.text.lower()))
        assert len(want & got) >= 0.8 * len(want), doc.id


# --- robustness --------------------------------------------------------------------------------

@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=600),
       name=st.sampled_from(["x.jsonl", "x.txt", "x.html", "x.csv", "x.htm", "x.jsonl.gz", "x.csv.gz",
                             "x.warc", "x.warc.gz", "x.rss", "x.xml"]),
       prefix=st.sampled_from([b"", b"id,text\n", b'{"text": "', b"<html><body><p>", b"\xef\xbb\xbf",
                               b"WARC/1.0\r\nWARC-Type: response\r\n", b'<rss version="2.0"><channel><item>']))
def test_random_bytes_never_raise(tmp_path, data, name, prefix):
    p = tmp_path / name
    p.write_bytes(prefix + data)
    out = read(p, default_date="2020-02-02")
    assert all(isinstance(x, (Document, Skipped)) for x in out)
    for d in out:
        if isinstance(d, Document):
            assert d.text.strip() and isinstance(d.id, str)
            assert d.date is None or len(d.date) == 10


# --- column mapping ----------------------------------------------------------------------------

def test_csv_text_and_id_columns(tmp_path):
    p = write(tmp_path / "export.csv", (
        "Article_ID,headline,Body,text,date\n"
        "a1,Border Reopens,Arvenia reopened the border.,teaser one,2019-04-16\n"
        "a2,Dam Talks,,teaser two,2019-04-17\n"
    ))
    doc, skipped = read(p, text_column="body", id_column="article_id")
    assert (doc.id, doc.text, doc.date, doc.line) == ("a1", "Arvenia reopened the border.", "2019-04-16", 2)
    assert doc.meta == {"headline": "Border Reopens", "original_text": "teaser one"}
    assert skipped == Skipped(str(p), 3, "empty text")
    (missing,) = read(p, text_column="content")
    assert missing == Skipped(str(p), 1, "no 'content' column in the header")


def test_jsonl_text_and_id_columns(tmp_path):
    p = write(tmp_path / "dump.jsonl", "\n".join(json.dumps(r) for r in [
        {"guid": "g1", "content": "Boskaland recalled its envoy.", "published": "2019-04-16"},
        {"guid": 2, "summary": "no content field"},
    ]) + "\n")
    doc, skipped = read(p, text_column="content", id_column="guid")
    assert (doc.id, doc.text) == ("g1", "Boskaland recalled its envoy.")
    assert skipped == Skipped(str(p), 2, "missing 'content'")
    (doc,) = [d for d in read(Source(p, text_column="content")) if isinstance(d, Document)]
    assert doc.id == "dump.jsonl:1" and doc.meta["guid"] == "g1"


def test_source_options_hold_for_their_path_only(tmp_path):
    a = write(tmp_path / "a.jsonl", json.dumps({"id": "a", "body": "Arvenia spoke."}) + "\n")
    b = write(tmp_path / "b.jsonl", json.dumps({"id": "b", "text": "Boskaland replied."}) + "\n")
    out = read(Source(a, text_column="body"), b)
    assert [(d.id, d.text) for d in out] == [("a", "Arvenia spoke."), ("b", "Boskaland replied.")]
    assert Path(Source(a)) == a  # a path-like: code that passes paths along keeps working


def test_extract_command_with_columns(tmp_path):
    from click.testing import CliRunner

    from onevoice.cli import main

    p = write(tmp_path / "x.csv", "key,story\nk1,LYON: The mayor met the envoy.\n")
    result = CliRunner().invoke(main, ["extract", str(p), "--text-column", "story", "--id-column", "key"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    assert (doc["id"], doc["text"], doc["dateline"]) == ("k1", "The mayor met the envoy.", "LYON")


# --- datelines and language --------------------------------------------------------------------

def test_dateline_is_cut_in_every_reader(tmp_path):
    write(tmp_path / "a.txt", "Talks Resume\n\nBEIJING (Reuters) - China and Arvenia resumed talks.\n")
    write(tmp_path / "b.jsonl", json.dumps({"id": "b", "text": "GAZA CITY, Palestinian Territories: "
                                                             "Both sides agreed to a truce."}) + "\n")
    write(tmp_path / "c.html", "<html><body><article><p>WASHINGTON, July 7 (AP) -- The envoy of "
                               "Arvenia met officials of Boskaland to discuss the dam.</p></article>"
                               "</body></html>")
    write(tmp_path / "d.txt", "China: the talks resumed on Monday.")
    out = {d.id: d for d in read(tmp_path)}
    assert (out["a.txt"].dateline, out["a.txt"].text) == ("BEIJING", "China and Arvenia resumed talks.")
    assert out["a.txt"].title == "Talks Resume"
    assert out["b"].dateline == "GAZA CITY, Palestinian Territories"
    assert out["b"].text == "Both sides agreed to a truce."
    assert out["c.html"].dateline == "WASHINGTON" and out["c.html"].text.startswith("The envoy")
    assert out["d.txt"].dateline is None and out["d.txt"].text == "China: the talks resumed on Monday."


FRENCH = ("Les ministres des affaires étrangères de l'Arvénie et de la Boskalie se sont rencontrés "
          "mardi dans la capitale pour discuter du barrage. Ils ont promis de reprendre les "
          "négociations le mois prochain.")


def test_other_languages_are_skipped_short_texts_kept(tmp_path):
    p = write(tmp_path / "mixed.jsonl", "\n".join(json.dumps(r) for r in [
        {"id": "fr", "text": FRENCH},
        {"id": "short", "text": "Les ministres ont parlé."},
        {"id": "en", "text": "The foreign ministers of Arvenia and Boskaland met on Tuesday in the "
                             "capital to discuss the dam and promised to talk again next month."},
    ]) + "\n")
    fr, short, en = read(p)
    assert fr == Skipped(str(p), 1, "language fr")
    assert isinstance(short, Document) and short.language is None
    assert en.language == "en"
    assert [d.id for d in read(p, languages=None)] == ["fr", "short", "en"]
    assert [getattr(d, "id", None) for d in read(p, languages=["en", "fr"])] == ["fr", "short", "en"]


# --- html details ------------------------------------------------------------------------------

def test_table_rows_keep_prose_cells_only():
    text = ("| Pos | Player | Plays |\n| DL | Larry | 63 |\n"
            "| 1 | The minister said the talks would resume next week. |\nA plain paragraph.\nShare")
    assert list(_html_paragraphs(text)) == ["The minister said the talks would resume next week.",
                                            "A plain paragraph."]


def test_story_starts_after_the_headline():
    paras = ["Caption of the lead photo.", "Image 1 of 8", "Dam Talks Resume", "First.", "Second.",
             "Third.", "Dam Talks Resume"]
    assert _after_headline(paras, "Dam Talks Resume") == ["First.", "Second.", "Third.", "Dam Talks Resume"]
    assert _after_headline(["Dam Talks Resume", "First."], "Dam Talks Resume") == ["First."]
    assert _after_headline(["First.", "Second.", "Dam Talks Resume"], "Dam Talks Resume") == [
        "First.", "Second.", "Dam Talks Resume"]   # a late repeat is not the start of the story
    assert _after_headline(["First."], None) == ["First."]


# --- streaming ---------------------------------------------------------------------------------

class _CountingFile:
    """A file that counts the bytes handed out, to show how much of it a reader consumed."""

    def __init__(self, f, log):
        self.f, self.log = f, log
        log.append(0)

    def _count(self, data):
        self.log[-1] += len(data)
        return data

    def read(self, n=-1):
        return self._count(self.f.read(n))

    def __iter__(self):
        return self

    def __next__(self):
        return self._count(next(self.f))

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.f.close()


def big_jsonl(path: Path, lines: int) -> Path:
    with path.open("w", encoding="utf-8") as f:
        for i in range(lines):
            f.write(json.dumps({"id": f"d{i}", "text": f"Arvenia spoke {i} times.", "pad": "x" * 150}) + "\n")
    return path


def test_large_jsonl_is_read_lazily(tmp_path, monkeypatch):
    p = big_jsonl(tmp_path / "big.jsonl", 50_000)
    size = p.stat().st_size
    log: list[int] = []
    real_open = documents._open
    monkeypatch.setattr(documents, "_open", lambda path: _CountingFile(real_open(path), log))
    it = read_paths([p])
    assert next(it).id == "d0"
    assert sum(log) < 20_000 < size // 400  # the head probe and one line, of a ~10 MB file
    assert sum(1 for _ in it) == 49_999
    assert log[-1] == size


def test_large_jsonl_memory_stays_flat(tmp_path):
    import tracemalloc

    p = big_jsonl(tmp_path / "big.jsonl", 10_000)
    tracemalloc.start()
    try:
        n = sum(1 for _ in read_paths([p]))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert n == 10_000
    assert peak < 500_000 < p.stat().st_size // 4  # a few records at a time, not the ~2 MB file


@pytest.mark.skipif(not (SHARED / "corpora" / "wikinews.jsonl").exists(), reason="shared corpus not available")
def test_wikinews_reads_fully_with_dates():
    docs = list(read_paths([SHARED / "corpora" / "wikinews.jsonl"], languages=None))
    assert len(docs) == 6232 and all(isinstance(d, Document) for d in docs)
    assert sum(d.date is not None for d in docs) >= 6180
