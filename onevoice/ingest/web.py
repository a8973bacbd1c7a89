"""Web archives (WARC) and feeds (RSS/Atom): the pages and entries in them, as plain values.

`onevoice.documents` turns these into Documents; keeping the format handling here leaves the
readers there one path for HTML, whatever container it came in.
"""
from __future__ import annotations

import codecs
import html
import re
import time
from dataclasses import dataclass
from datetime import date
from typing import BinaryIO, Iterator

HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHARSET = re.compile(r"charset=[\"']?([\w.:-]+)", re.IGNORECASE)
_BLOCK_END = re.compile(r"<\s*(?:br|/p|/div|/li|/h[1-6]|/blockquote|/tr|/pre)\b[^<>]*>", re.IGNORECASE)


@dataclass
class WarcPage:
    """One HTML page captured in a web archive."""

    uri: str | None
    record_id: str | None
    date: str | None          # capture date (WARC-Date), YYYY-MM-DD
    html: bytes
    charset: str | None       # from the HTTP Content-Type header, when it names a known codec


def warc_pages(f: BinaryIO) -> Iterator[WarcPage]:
    """Successful (2xx) HTML responses and resources in a WARC, plain or gzipped, streamed.

    Requests, metadata, revisits, redirects, error pages and non-HTML payloads (images,
    scripts) are not articles and are passed over silently. A damaged archive raises
    ValueError (or warcio's ArchiveLoadFailed) after the pages before the damage.
    """
    from warcio.archiveiterator import ArchiveIterator

    records = ArchiveIterator(f)
    for record in records:
        if record.format != "warc" or not record.rec_type:  # warcio reads on past garbage
            raise ValueError(f"not a WARC record at byte {records.get_record_offset()}")
        if record.rec_type not in ("response", "resource"):
            continue
        headers = record.http_headers
        if record.rec_type == "response":
            if headers is None or not headers.get_statuscode().startswith("2"):
                continue
            ctype = headers.get_header("Content-Type") or ""
        else:
            ctype = record.rec_headers.get_header("Content-Type") or ""
        if ctype.split(";")[0].strip().lower() not in HTML_TYPES:
            continue
        m = _CHARSET.search(ctype)
        charset = m[1] if m and _known_codec(m[1]) else None
        warc_date = record.rec_headers.get_header("WARC-Date") or ""
        yield WarcPage(uri=record.rec_headers.get_header("WARC-Target-URI"),
                       record_id=record.rec_headers.get_header("WARC-Record-ID"),
                       date=warc_date[:10] if re.match(r"\d{4}-\d{2}-\d{2}", warc_date) else None,
                       html=record.content_stream().read(), charset=charset)


def _known_codec(name: str) -> bool:
    try:
        codecs.lookup(name)
        return True
    except LookupError:
        return False


@dataclass
class FeedEntry:
    """One item of an RSS or Atom feed, its HTML already reduced to text."""

    id: str | None
    title: str | None
    text: str
    url: str | None
    date: str | None
    author: str | None
    source: str | None        # the feed's own title


def parse_feed(data: bytes) -> tuple[list[FeedEntry], str | None]:
    """Entries of an RSS/Atom document, and the parser's complaint when it found none."""
    import feedparser

    try:
        parsed = feedparser.parse(data)
    except Exception as e:  # a third-party parser on arbitrary bytes: report, don't crash
        return [], f"cannot parse feed: {type(e).__name__}: {e}"
    if not parsed.entries:
        problem = parsed.get("bozo_exception")
        return [], f"not an RSS/Atom feed{f': {problem}' if problem else ' (no entries)'}"
    source = parsed.feed.get("title") or None
    entries = []
    for e in parsed.entries:
        # full content beats the summary; both are HTML fragments
        body = max((c.get("value") or "" for c in e.get("content") or []), key=len, default="")
        stamp = e.get("published_parsed") or e.get("updated_parsed")
        entries.append(FeedEntry(
            id=e.get("id") or e.get("link") or None, title=html_to_text(e.get("title") or "") or None,
            text=html_to_text(body or e.get("summary") or ""), url=e.get("link") or None,
            date=_day(stamp), author=e.get("author") or None, source=source))
    return entries, None


def _day(stamp: time.struct_time | None) -> str | None:
    try:
        return date(*stamp[:3]).isoformat() if stamp else None
    except (TypeError, ValueError):
        return None


def html_to_text(fragment: str) -> str:
    """Text of a small HTML fragment (a feed summary), one line per block element."""
    if "<" not in fragment:
        return html.unescape(fragment).strip()
    import lxml.html

    try:
        # source line breaks mean nothing in HTML; block ends do
        flat = _BLOCK_END.sub("\\g<0>\n", " ".join(fragment.split()))
        root = lxml.html.fragment_fromstring(flat, create_parent="div")
    except Exception:  # lxml on arbitrary markup: fall back to dropping the tags
        return re.sub(r"<[^<>]*>", " ", fragment).strip()
    for bad in root.xpath(".//script|.//style"):
        bad.drop_tree()
    lines = (" ".join(ln.split()) for ln in root.text_content().splitlines())
    return "\n".join(ln for ln in lines if ln)
