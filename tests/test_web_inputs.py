"""Web archives and feeds: each page or entry becomes a Document through the usual paths."""
import gzip
import io
from pathlib import Path

import pytest

from onevoice.documents import Document, Skipped, read_paths

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "documents"

ARTICLE = ("<p>The envoys of Arvenia met the Boskaland cabinet on Monday to discuss the dam dispute "
           "and agreed to share river data every week.</p>") * 3
FRENCH = ("<p>Les ministres des affaires étrangères de l'Arvénie et de la Boskalie se sont rencontrés "
          "mardi dans la capitale pour discuter du barrage. Ils ont promis de reprendre les "
          "négociations le mois prochain.</p>") * 2


def page(title: str, body: str) -> bytes:
    return (f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>{body}"
            f"</article></body></html>").encode()


def write_warc(path: Path, records, compress: bool) -> Path:
    """records: (uri, record type, HTTP status or None, content type, payload)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as f:
        writer = WARCWriter(f, gzip=compress)
        for uri, rec_type, status, ctype, payload in records:
            http = (StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
                    if status else None)
            extra = {"WARC-Date": "2019-04-17T10:00:00Z"}
            if not status:
                extra["Content-Type"] = ctype
            writer.write_record(writer.create_warc_record(
                uri, rec_type, payload=io.BytesIO(payload), http_headers=http,
                warc_headers_dict=extra))
    return path


RECORDS = [
    ("https://courier.example.org/world/water-plan", "response", "200 OK", "text/html; charset=utf-8",
     (FIXTURES / "summit.html").read_bytes()),
    ("https://courier.example.org/logo.png", "response", "200 OK", "image/png",
     b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256))),
    ("https://courier.example.org/nodate", "response", "200 OK", "text/html", page("Envoys Meet", ARTICLE)),
    ("https://courier.example.org/gone", "response", "404 Not Found", "text/html", page("Gone", ARTICLE)),
    ("https://courier.example.org/moved", "response", "301 Moved Permanently", "text/html", b""),
    ("https://courier.example.org/fr", "response", "200 OK", "text/html", page("Barrage", FRENCH)),
    ("https://courier.example.org/empty", "response", "200 OK", "text/html",
     b"<html><body><nav><a href='/'>Home</a></nav></body></html>"),
    ("https://courier.example.org/saved", "resource", None, "text/html", page("Saved Copy", ARTICLE)),
    ("https://courier.example.org/style.css", "response", "200 OK", "text/css", b"body { color: red }"),
]


@pytest.mark.parametrize("compress", [True, False])
def test_warc_pages(tmp_path, compress):
    p = write_warc(tmp_path / ("crawl.warc.gz" if compress else "crawl.warc"), RECORDS, compress)
    out = list(read_paths([p], default_date="2001-01-01"))
    docs = [d for d in out if isinstance(d, Document)]
    skipped = [s for s in out if isinstance(s, Skipped)]
    assert [d.id for d in docs] == ["https://courier.example.org/world/water-plan",
                                    "https://courier.example.org/nodate",
                                    "https://courier.example.org/saved"]
    summit, nodate, saved = docs
    assert summit.title == "Ministers Pledge Joint Water Plan at Lakeside Talks"
    assert summit.date == "2019-04-16"                 # the page's own date wins
    assert summit.text.startswith("The foreign ministers of Arvenia and Boskaland agreed")
    assert summit.url == "https://courier.example.org/world/water-plan"
    assert summit.meta["warc_record_id"].startswith("<urn:uuid:")
    assert nodate.date == "2019-04-17"                 # no date in the page: the capture date
    assert nodate.url == "https://courier.example.org/nodate" and "river data" in nodate.text
    assert all(d.path == str(p) for d in docs)
    assert [s.reason for s in skipped][0] == "language fr"
    assert skipped[1].reason.endswith("(https://courier.example.org/empty)")   # no article there
    assert len(skipped) == 2      # images, styles, redirects and error pages are not articles


def test_damaged_warc_keeps_what_came_before(tmp_path):
    good = write_warc(tmp_path / "a.warc", RECORDS[:1], compress=False).read_bytes()
    (tmp_path / "b.warc").write_bytes(good + b"WARC/1.0\r\nthis is not a record header\r\n\r\n" * 3)
    (tmp_path / "c.warc.gz").write_bytes(b"definitely not a web archive")
    (tmp_path / "a.warc").unlink()
    out = list(read_paths([tmp_path]))
    assert isinstance(out[0], Document) and out[0].title.startswith("Ministers Pledge")
    assert [type(x).__name__ for x in out[1:]] == ["Skipped", "Skipped"]
    assert all(s.reason.startswith("cannot read WARC") for s in out[1:])


def test_warc_without_pages(tmp_path):
    p = write_warc(tmp_path / "images.warc.gz", RECORDS[1:2], compress=True)
    assert list(read_paths([p])) == [Skipped(str(p), None, "no HTML pages in the web archive")]


RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>The Valley Courier</title>
  <link>https://courier.example.org/</link>
  <item>
    <title>Ministers Agree to Reopen Border Crossing</title>
    <link>https://courier.example.org/border</link>
    <guid>courier-1001</guid>
    <pubDate>Tue, 16 Apr 2019 08:00:00 GMT</pubDate>
    <dc:creator>Mara Ostrowska</dc:creator>
    <description>Short teaser.</description>
    <content:encoded><![CDATA[<p>VARN, Arvenia (Courier) - The interior ministers of Arvenia and
      Boskaland agreed on Monday to reopen the main border crossing.</p>
      <p>Officials said trucks would cross first.</p><p>Share this article</p>
      <p>The post Ministers Agree to Reopen Border Crossing appeared first on The Valley Courier.</p>]]>
    </content:encoded>
  </item>
  <item>
    <title>Boskaland Recalls Envoy</title>
    <link>https://courier.example.org/envoy</link>
    <description>&lt;p&gt;Boskaland recalled its ambassador &amp;amp; two aides.&lt;/p&gt;</description>
  </item>
  <item>
    <title>Photo gallery</title>
    <link>https://courier.example.org/gallery</link>
    <description></description>
  </item>
</channel>
</rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Arvenia Wire</title>
  <id>urn:example:wire</id>
  <updated>2020-05-02T00:00:00Z</updated>
  <entry>
    <title type="html">Talks on the dam &lt;em&gt;resume&lt;/em&gt;</title>
    <id>urn:example:wire:7</id>
    <link href="https://wire.example.net/7"/>
    <published>2020-05-01T09:30:00+02:00</published>
    <updated>2020-05-02T09:30:00Z</updated>
    <author><name>Jan Novak</name></author>
    <content type="html">&lt;p&gt;Negotiators from Arvenia and Boskaland resumed talks on the dam.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Undated</title>
    <id>urn:example:wire:8</id>
    <summary>Arvenia's cabinet met in emergency session.</summary>
  </entry>
</feed>
"""


def test_rss_entries(tmp_path):
    p = tmp_path / "courier.rss"
    p.write_text(RSS, encoding="utf-8")
    out = list(read_paths([p], default_date="2019-01-01"))
    border, envoy, gallery = out
    assert isinstance(border, Document)
    assert (border.id, border.title, border.url, border.date, border.source) == (
        "courier-1001", "Ministers Agree to Reopen Border Crossing",
        "https://courier.example.org/border", "2019-04-16", "The Valley Courier")
    assert border.dateline == "VARN, Arvenia"           # the full content, not the teaser
    assert border.text == ("The interior ministers of Arvenia and Boskaland agreed on Monday to "
                           "reopen the main border crossing.\n\nOfficials said trucks would cross first.")
    assert border.meta["author"] == "Mara Ostrowska"
    assert envoy.id == "https://courier.example.org/envoy"
    assert envoy.text == "Boskaland recalled its ambassador & two aides."
    assert envoy.date == "2019-01-01"                    # no date in the entry: the default
    assert isinstance(gallery, Skipped) and gallery.reason.startswith("empty text (entry 3")


def test_atom_entries_and_xml_sniffing(tmp_path):
    (tmp_path / "wire.atom").write_text(ATOM, encoding="utf-8")
    with gzip.open(tmp_path / "wire-copy.xml.gz", "wt", encoding="utf-8") as f:
        f.write(ATOM)
    (tmp_path / "sitemap.xml").write_text('<?xml version="1.0"?><urlset><url><loc>x</loc></url></urlset>')
    (tmp_path / "broken.rss").write_text("<html><body>not a feed</body></html>")
    out = {Path(x.path).name + ":" + getattr(x, "id", "-"): x for x in read_paths([tmp_path])}
    talks = out["wire.atom:urn:example:wire:7"]
    assert talks.title == "Talks on the dam resume"
    assert talks.text == "Negotiators from Arvenia and Boskaland resumed talks on the dam."
    assert (talks.date, talks.url, talks.source, talks.meta["author"]) == (
        "2020-05-01", "https://wire.example.net/7", "Arvenia Wire", "Jan Novak")
    assert out["wire.atom:urn:example:wire:8"].date is None
    assert "wire-copy.xml.gz:urn:example:wire:7" in out
    assert out["sitemap.xml:-"].reason == "not an RSS/Atom feed"
    assert out["broken.rss:-"].reason.startswith("not an RSS/Atom feed")
