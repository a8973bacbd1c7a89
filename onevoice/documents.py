"""Documents in: one `Document` per article, read from txt, html, jsonl, csv, WARC web archives,
RSS/Atom feeds, gzip-compressed files or directories of them.

Every reader ends in the same step: a dateline opening the text is cut off and kept, and a
document in a language the coder cannot read is skipped with the language as the reason.
"""
from __future__ import annotations

import codecs
import csv
import gzip
import json
import os
import re
import zlib
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Iterable, Iterator

from .ingest.datelines import split_dateline
from .ingest.language import detect_language


@dataclass
class Document:
    """One article as the coder sees it: clean main text plus what we know about it."""

    id: str
    text: str
    title: str | None = None
    date: str | None = None       # publication date, YYYY-MM-DD
    url: str | None = None
    source: str | None = None     # outlet or corpus name
    path: str | None = None       # file it was read from
    line: int | None = None       # 1-based line (jsonl/csv) it was read from
    meta: dict[str, Any] = field(default_factory=dict)
    dateline: str | None = None   # where the story was filed, cut from the start of the text
    language: str | None = None   # detected ISO 639-1 code; None when the text was too short to tell


@dataclass
class Skipped:
    """A record that could not be read, with where it was and why."""

    path: str
    line: int | None
    reason: str


@dataclass(frozen=True)
class Source(os.PathLike):
    """A file or directory with the reading options that hold for it alone.

    It is a path-like, so code that passes paths along (a run over many inputs) carries the
    options to `read_paths` without knowing them.
    """

    path: str | os.PathLike
    text_column: str | None = None   # jsonl/csv field holding the article text (default "text")
    id_column: str | None = None     # jsonl/csv field holding the document id (default "id")

    def __fspath__(self) -> str:
        return os.fspath(self.path)


KINDS = (".txt", ".html", ".htm", ".jsonl", ".csv", ".warc", ".rss", ".atom", ".xml")
ENGLISH = ("en",)
FIELDS = ("id", "text", "title", "date", "url", "source", "meta")
HEAD_BYTES = 8192
TITLE_MAX_WORDS = 25

_I = re.IGNORECASE
# Whole lines that are page furniture, not article text. Each must match the full stripped line,
# so a sentence that merely mentions "share" or "cookies" is kept.
BOILERPLATE = tuple(re.compile(p, _I) for p in (
    r"accessibility links",
    r"skip to (?:main )?(?:content|navigation|search)",
    r"breaking news",
    r"(?:share|tweet|print|e-?mail)(?: (?:this|the) (?:article|story|page|video))?(?: on \w+)?",
    r"(?:facebook|twitter|x|whatsapp|linkedin|reddit|telegram|copy link)",
    r"(?:home|menu|search|close|sign in|log ?in|sign up|newsletters?|back to top|listen|watch)",
    r"(?:image|photo|caption|updated|expand|enlarge|fullscreen|back to (?:gallery|photos))",
    r"(?:(?:image|photo|slide|picture)s? )?\d+ ?(?:of|/) ?/?\d+",  # gallery counters: "Image 1 of 8"
    r"continue reading\b[^,;]{0,100}",                      # feed footers
    r"the post\b.{0,200}\bappeared first on\b.{0,100}",
    r"(?:subscribe|sign up)\b.{0,80}",
    r"follow us(?: on .{0,40})?",
    r"cookies?(?: policy| settings| preferences)?",
    r"(?:this (?:web)?site|we) uses? cookies\b.*",
    r".{0,200}\baccept (?:all )?cookies\b.*",
    r"(?:advertisement|advert|ad|sponsored(?: content)?|story continues below(?: advertisement)?)",
    r"(?:file )?(?:photo|image|picture|video)s?(?: credit)?\s*:.*",
    r".*\((?=[^()]*\bphotos?\b)[^()]*\)",  # lookahead: linear on long lines
    r"(?:image|media|photo) caption\b.*",
    r"related(?: stories| articles| content| coverage| topics| news| links)?:?",
    r"(?:read|see) (?:more|also)\b.{0,100}",
    r"more on this story:?",
    r"(?:(?:view|show|load|read) )?(?:\d+ )?comments?(?: \(\d+\))?",
    r"\d+ min(?:ute)?s? read",
    r"(?:copyright\s*)?(?:©|\(c\)).{0,150}|copyright\s+\d{4}\b.{0,150}",
    r".{0,150}\ball rights reserved\b.{0,30}",
    # bylines and bare datelines: metadata, never event text
    r"by (?-i:[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}(?:(?:,| and| &) [A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}){0,3})",
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,? )?"
    r"(?:[a-z]{3,9}\.? \d{1,2},? \d{4}|\d{1,2} [a-z]{3,9}\.? \d{4}|\d{4}-\d{2}-\d{2})"
    r"(?:\s*(?:[,/|]\s*)?\d{1,2}:\d{2}.{0,40})?",
))
_MENU_SPLIT = re.compile(r"[|•·]")
_SENTENCE_END = re.compile(r"[.!,;:][\"'”’)\]]*$")
_PAGE = re.compile(r"<(?:html|body)\b", _I)
_CAPITAL = re.compile(r"[\"'“‘(]?[A-Z0-9]")


def _is_menu(line: str) -> bool:
    """Navigation rows like "Home | World | Asia": three or more short capitalized items."""
    parts = [p.strip() for p in _MENU_SPLIT.split(line)]
    parts = [p for p in parts if p]
    return len(parts) >= 3 and all(len(p.split()) <= 4 and _CAPITAL.match(p) for p in parts)


def is_boilerplate(line: str) -> bool:
    """True for a line that belongs to the page around the article, not the article."""
    line = line.strip()
    return _is_menu(line) or any(p.fullmatch(line) for p in BOILERPLATE)


def _looks_like_title(line: str) -> bool:
    return (len(line.split()) < TITLE_MAX_WORDS and len(line) <= 250
            and not _SENTENCE_END.search(line))


def strip_boilerplate(text: str) -> tuple[str | None, str]:
    """Split raw page text into (title, body) with furniture lines dropped.

    Paragraphs are blank-line separated (or one per line when the text has no blank lines).
    The title is the first remaining paragraph if it is one short line without closing
    punctuation and more paragraphs follow; otherwise there is no title.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    lines = [ln.strip() for ln in text.strip().split("\n")]
    blank_separated = "" in lines
    paragraphs: list[list[str]] = [[]]
    for ln in lines:
        if not ln or not blank_separated:
            paragraphs.append([])
        if ln and not is_boilerplate(ln):
            paragraphs[-1].append(ln)
    paragraphs = [p for p in paragraphs if p]
    title = None
    if len(paragraphs) > 1 and len(paragraphs[0]) == 1 and _looks_like_title(paragraphs[0][0]):
        # without blank lines a wrapped sentence could pose as a title; require a fresh start
        if blank_separated or _CAPITAL.match(paragraphs[1][0]):
            title = paragraphs.pop(0)[0]
    return title, "\n\n".join("\n".join(p) for p in paragraphs)


def normalize_date(value: Any) -> str | None:
    """YYYY-MM-DD from a date or ISO datetime string; None when it cannot be read."""
    if isinstance(value, (date, datetime)):
        return value.isoformat()[:10]
    if not isinstance(value, str) or not value.strip():
        return None
    s = value.strip()
    try:
        return datetime.fromisoformat(s).date().isoformat()
    except ValueError:
        pass
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})(?:[T ]|$)", s)  # datetime with an odd time part
    try:
        return date(int(m[1]), int(m[2]), int(m[3])).isoformat() if m else None
    except ValueError:
        return None


def _kind(path: Path) -> str:
    name = path.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    return os.path.splitext(name)[1]


def _open(path: Path):
    return gzip.open(path, "rb") if path.name.lower().endswith(".gz") else open(path, "rb")


def _bytewise(e: UnicodeDecodeError) -> tuple[str, int]:
    """Undecodable bytes one by one as Windows-1252, or Latin-1 where 1252 leaves a byte undefined."""
    bad = e.object[e.start:e.end]
    return "".join(bytes([b]).decode("cp1252", "ignore") or chr(b) for b in bad), e.end


_BYTEWISE = "onevoice.bytewise"
codecs.register_error(_BYTEWISE, _bytewise)


def _decode(data: bytes) -> tuple[str, str]:
    """Text and the encoding used: UTF-8 first, then the usual Windows/Latin-1 suspects.

    A file pasted together from UTF-8 and Windows-1252 parts keeps each part readable: valid
    UTF-8 is read as UTF-8 and only the bytes that are not are read as Windows-1252.
    """
    try:
        return data.decode("utf-8-sig"), "utf-8-sig"
    except UnicodeDecodeError:
        pass
    windows = data.decode("cp1252", _BYTEWISE)
    mixed = data.decode("utf-8-sig", _BYTEWISE)
    return (windows, "cp1252") if mixed == windows else (mixed, "utf-8+cp1252")


def _files(root: Path) -> list[Path]:
    """Known-type files under a directory, hidden ones skipped, in a stable order."""
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        found += [Path(dirpath, f) for f in filenames if not f.startswith(".")
                  and _kind(Path(f)) in KINDS]
    return sorted(found)


@dataclass(frozen=True)
class _Options:
    default_date: str | None = None
    text_column: str | None = None
    id_column: str | None = None
    languages: tuple[str, ...] | None = ENGLISH


def read_paths(paths: Iterable[str | os.PathLike], default_date: str | None = None, *,
               text_column: str | None = None, id_column: str | None = None,
               languages: Iterable[str] | None = ENGLISH) -> Iterator[Document | Skipped]:
    """Every document in the given files and directories; bad input becomes `Skipped`, never an error.

    `text_column`/`id_column` name the jsonl/csv fields holding the text and the id when they
    are not "text" and "id" (a `Source` can set them for one path). Documents detected to be in
    none of `languages` are skipped as "language xx"; `languages=None` reads every language.
    Files are read lazily, one record at a time, so inputs larger than memory stream through.
    """
    if default_date is not None:
        day = normalize_date(default_date)
        if day is None:
            raise ValueError(f"default_date must be YYYY-MM-DD, got {default_date!r}")
        default_date = day
    langs = tuple(languages) if languages is not None else None
    for p in paths:
        opts = _Options(default_date, getattr(p, "text_column", None) or text_column,
                        getattr(p, "id_column", None) or id_column, langs)
        p = Path(p)
        if p.is_dir():
            for f in _files(p):
                yield from _read_file(f, opts)
        elif p.is_file():
            yield from _read_file(p, opts)
        else:
            yield _clean(Skipped(str(p), None, "no such file"))


def read_file(path: Path, default_date: str | None = None, **options) -> Iterator[Document | Skipped]:
    """Documents in one file, by its extension (optionally .gz); options as for `read_paths`."""
    return read_paths([path], default_date, **options)


def _read_file(path: Path, opts: _Options) -> Iterator[Document | Skipped]:
    for item in _read_kind(path, opts):
        yield _finish(_clean(item), opts.languages) if isinstance(item, Document) else _clean(item)


_SURROGATE = re.compile("[\ud800-\udfff]")
_CLEANED = ("id", "text", "title", "url", "source", "path", "reason")


def _clean(item: Document | Skipped) -> Document | Skipped:
    """Lone surrogates (a file name that is not UTF-8, a "\\ud800" escape in JSON) cannot be
    encoded, so the coder and the store would fail on them: they become U+FFFD."""
    for name in _CLEANED:
        value = getattr(item, name, None)
        if isinstance(value, str) and _SURROGATE.search(value):
            setattr(item, name, _SURROGATE.sub("\ufffd", value))
    return item


def _finish(doc: Document, languages: tuple[str, ...] | None) -> Document | Skipped:
    """The last step for every reader: cut the dateline, skip what the coder cannot read."""
    dateline, rest = split_dateline(doc.text)
    if dateline:
        doc.dateline, doc.text = dateline, rest
    if languages is not None:
        doc.language = detect_language(f"{doc.title}\n{doc.text}" if doc.title else doc.text, languages)
        if doc.language and doc.language not in languages:
            return Skipped(doc.path or doc.id, doc.line, f"language {doc.language}")
    return doc


def _read_kind(path: Path, opts: _Options) -> Iterator[Document | Skipped]:
    kind, where = _kind(path), str(path)
    if kind not in KINDS:
        yield Skipped(where, None, f"unsupported file type (expected one of {', '.join(KINDS)}, optionally .gz)")
        return
    try:
        if kind == ".warc":  # warcio reads gzip itself, record by record; payloads are binary
            yield from _read_warc(path, opts)
            return
        with _open(path) as f:
            head = f.read(HEAD_BYTES)
        utf16 = head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
        if utf16 and kind in (".jsonl", ".csv"):
            yield Skipped(where, None, "UTF-16 text (a byte order mark says so): save it as UTF-8")
            return
        if utf16 and kind == ".xml":
            head = head.decode("utf-16", "replace").encode()
        if b"\0" in head and not utf16:
            yield Skipped(where, None, "binary file")
            return
        if kind in (".jsonl", ".csv"):
            if not head.removeprefix(codecs.BOM_UTF8).strip():
                yield Skipped(where, None, "empty file")
                return
            reader = _read_jsonl if kind == ".jsonl" else _read_csv
            found = False
            for found, item in enumerate(reader(path, opts), 1):
                yield item
            if not found:  # say so, rather than pass over a file silently
                yield Skipped(where, None, "no records (blank lines only)" if kind == ".jsonl"
                              else "no rows after the header")
            return
        if kind == ".xml" and not _FEED.search(head):
            yield Skipped(where, None, "not an RSS/Atom feed")
            return
        with _open(path) as f:
            data = f.read()
    except (OSError, EOFError, zlib.error) as e:
        yield Skipped(where, None, f"cannot read: {e}")
        return
    if kind in (".rss", ".atom", ".xml"):
        if utf16:  # the feed parser reads UTF-16 only with a declaration saying so
            data = data.decode("utf-16", "replace").encode("utf-8")
        yield from _read_feed(path, data, opts)
        return
    try:
        text, encoding = (data.decode("utf-16"), "utf-16") if utf16 else _decode(data)
    except UnicodeDecodeError as e:
        yield Skipped(where, None, f"not valid UTF-16 at byte {e.start}")
        return
    doc = _from_txt(path, text) if kind == ".txt" else _from_html(path, text)
    if isinstance(doc, Document):
        doc.date = doc.date or opts.default_date
        if encoding != "utf-8-sig":
            doc.meta["encoding"] = encoding
    yield doc


_FEED = re.compile(rb"<(?:rss|feed|rdf:RDF)\b", _I)


def _from_txt(path: Path, text: str) -> Document | Skipped:
    title, body = strip_boilerplate(text)
    if not body:
        return Skipped(str(path), None, "empty text")
    return Document(id=path.name, text=body, title=title, path=str(path))


TABLE_CELL_MIN_WORDS = 6  # a table cell this long is prose (layout tables); shorter ones are data


def _html_paragraphs(text: str) -> Iterator[str]:
    """Paragraphs of trafilatura's text: one per line, furniture dropped, data-table cells dropped."""
    for ln in text.splitlines():
        ln = ln.strip()
        if ln.startswith("|"):  # a table row "| cell | cell |"
            cells = (c.strip() for c in ln.strip("|").split(" | "))
            yield from (c for c in cells if len(c.split()) >= TABLE_CELL_MIN_WORDS and not is_boilerplate(c))
        elif ln and not is_boilerplate(ln):
            yield ln


def _after_headline(paragraphs: list[str], title: str | None) -> list[str]:
    """The paragraphs after the headline when it shows in the first half of the text.

    The headline is `title`, as for txt, so it is not coded twice; and what a page puts before
    it (lead galleries and their captions, teasers) is the page around the story.
    """
    title = (title or "").strip()
    heads = [i for i, p in enumerate(paragraphs[:max(1, len(paragraphs) // 2)]) if p == title]
    return paragraphs[heads[-1] + 1:] if heads else paragraphs


def _from_html(path: Path, html: str, doc_id: str | None = None, url: str | None = None
               ) -> Document | Skipped:
    if not html.strip():
        return Skipped(str(path), None, "empty text")
    import trafilatura  # slow to import; only pages need it

    if not _PAGE.search(html):  # a bare fragment (saved article body): trafilatura wants a page
        html = f"<html><body>{html}</body></html>"

    try:
        # favor_recall: story text left out costs events, while most furniture it lets in is
        # dropped below (benchmarks/html_extraction.py); tables come as rows whose data cells are
        # dropped below too; comments are not reported prose
        found = trafilatura.bare_extraction(html, url=url, with_metadata=True, favor_recall=True,
                                            include_comments=False, include_tables=True,
                                            include_images=False)
    except Exception as e:  # a third-party parser on arbitrary bytes: report, don't crash
        return Skipped(str(path), None, f"cannot parse HTML: {type(e).__name__}: {e}")
    if found is None or not (found.text or "").strip():
        return Skipped(str(path), None, "no main text found in HTML")
    body = "\n\n".join(_after_headline(list(_html_paragraphs(found.text)), found.title))
    if not body:
        return Skipped(str(path), None, "empty text")
    meta = {"author": found.author} if found.author else {}
    return Document(id=doc_id or path.name, text=body, title=found.title or None,
                    date=normalize_date(found.date), url=found.url or url or None,
                    source=found.sitename or None, path=str(path), meta=meta)


def _read_warc(path: Path, opts: _Options) -> Iterator[Document | Skipped]:
    """Each HTML page of a web archive through the same HTML path as a saved page."""
    from .ingest.web import warc_pages

    where, pages = str(path), 0
    with open(path, "rb") as f:
        try:
            for pages, page in enumerate(warc_pages(f), 1):
                html = page.html.decode(page.charset, "replace") if page.charset else _decode(page.html)[0]
                doc = _from_html(path, html, doc_id=page.uri or page.record_id, url=page.uri)
                if isinstance(doc, Skipped):
                    doc.reason += f" ({page.uri or page.record_id})"
                else:
                    doc.date = doc.date or page.date or opts.default_date
                    doc.meta["warc_record_id"] = page.record_id
                yield doc
        except Exception as e:  # warcio on arbitrary bytes can fail in any way: report, don't crash
            yield Skipped(where, None, f"cannot read WARC: {e}")
            return
    if not pages:
        yield Skipped(where, None, "no HTML pages in the web archive")


def _read_feed(path: Path, data: bytes, opts: _Options) -> Iterator[Document | Skipped]:
    """Each entry of an RSS/Atom feed: title, summary or full content, link, publication date."""
    from .ingest.web import parse_feed

    where = str(path)
    entries, problem = parse_feed(data)
    if problem:
        yield Skipped(where, None, problem)
    for n, e in enumerate(entries, 1):
        title = e.title if e.title and not is_boilerplate(e.title) else None
        body = "\n\n".join(ln for ln in e.text.splitlines() if not is_boilerplate(ln))
        if not body.strip():
            yield Skipped(where, None, f"empty text (entry {n}{f': {e.url}' if e.url else ''})")
            continue
        yield Document(id=e.id or f"{path.name}:{n}", text=body, title=title,
                       date=e.date or opts.default_date, url=e.url, source=e.source, path=where,
                       meta={"author": e.author} if e.author else {})


def _remap(rec: dict, opts: _Options) -> dict:
    """Rename the user's text/id fields to "text"/"id"; a field they displace is kept as original_*."""
    for field_name, column in (("text", opts.text_column), ("id", opts.id_column)):
        if column and column != field_name:
            rec = dict(rec)
            displaced = rec.pop(field_name, None)
            rec[field_name] = rec.pop(column, None)
            if displaced not in (None, ""):
                rec[f"original_{field_name}"] = displaced
    return rec


def _from_record(rec: dict, path: Path, line: int, opts: _Options) -> Document | Skipped:
    """A jsonl object or csv row as a Document; its fields are checked, nothing trusted."""
    where = str(path)
    rec = _remap(rec, opts)
    text = rec.get("text")
    if text is None:
        return Skipped(where, line, f"missing {opts.text_column!r}" if opts.text_column else "missing text")
    if not isinstance(text, str):
        return Skipped(where, line, f"text is not a string ({type(text).__name__})")
    if not text.strip():
        return Skipped(where, line, "empty text")
    meta: dict[str, Any] = {}
    raw_meta = rec.get("meta")
    if isinstance(raw_meta, str) and raw_meta.strip().startswith("{"):
        try:
            raw_meta = json.loads(raw_meta)
        except (ValueError, RecursionError):
            pass
    if isinstance(raw_meta, dict):
        meta.update(raw_meta)
    elif raw_meta not in (None, ""):
        meta["meta"] = raw_meta
    meta.update({k: v for k, v in rec.items() if k not in FIELDS and v not in (None, "")})
    raw_date = rec.get("date")
    day = normalize_date(raw_date)
    if day is None and raw_date not in (None, ""):
        meta["raw_date"] = raw_date
    elif day is None:
        day = opts.default_date

    def opt(key: str) -> str | None:
        v = rec.get(key)
        return None if v in (None, "") else str(v)

    return Document(id=opt("id") or f"{path.name}:{line}", text=text, title=opt("title"),
                    date=day, url=opt("url"), source=opt("source"), path=where, line=line,
                    meta=meta)


def _read_jsonl(path: Path, opts: _Options) -> Iterator[Document | Skipped]:
    where, n = str(path), 0
    try:
        with _open(path) as f:
            for n, raw in enumerate(f, 1):
                try:
                    s = raw.decode("utf-8-sig" if n == 1 else "utf-8")
                except UnicodeDecodeError as e:
                    yield Skipped(where, n, f"not valid UTF-8 at byte {e.start}")
                    continue
                if not s.strip():
                    continue
                try:
                    rec = json.loads(s)
                except ValueError as e:
                    yield Skipped(where, n, f"invalid JSON: {getattr(e, 'msg', e)}")
                    continue
                except RecursionError:
                    yield Skipped(where, n, "invalid JSON: nested too deeply")
                    continue
                if not isinstance(rec, dict):
                    yield Skipped(where, n, f"not a JSON object ({type(rec).__name__})")
                    continue
                yield _from_record(rec, path, n, opts)
    except (OSError, EOFError, zlib.error) as e:
        yield Skipped(where, n + 1, f"cannot read: {e}")


class _Lines:
    """Decoded lines for csv.reader, counting physical lines and remembering undecodable ones."""

    def __init__(self, f):
        self.f, self.count, self.bad = f, 0, []

    def __iter__(self):
        return self

    def __next__(self) -> str:
        raw = next(self.f)
        self.count += 1
        try:
            return raw.decode("utf-8-sig" if self.count == 1 else "utf-8")
        except UnicodeDecodeError:
            self.bad.append(self.count)
            return raw.decode("utf-8", "replace")


def _read_csv(path: Path, opts: _Options) -> Iterator[Document | Skipped]:
    where = str(path)
    # article texts are often longer than csv's 128 KB default field limit
    csv.field_size_limit(max(csv.field_size_limit(), 2**31 - 1))
    try:
        with _open(path) as f:
            lines = _Lines(f)
            reader = csv.reader(lines)
            try:
                header = next(reader)
            except StopIteration:
                yield Skipped(where, None, "empty file")
                return
            except csv.Error as e:
                yield Skipped(where, 1, f"bad CSV header: {e}")
                return
            # our field names and the user's --text-column/--id-column match whatever their case
            wanted = {c.lower(): c for c in (*FIELDS, opts.text_column, opts.id_column) if c}
            names = [wanted.get(h.strip().lower(), h.strip()) for h in header]
            text_column = opts.text_column or "text"
            if text_column not in names:
                yield Skipped(where, 1, f"no {text_column!r} column in the header")
                return
            while True:
                start = lines.count + 1
                try:
                    row = next(reader)
                except StopIteration:
                    return
                except csv.Error as e:
                    yield Skipped(where, start, f"bad CSV row: {e}")
                    if lines.count < start:
                        return
                    continue
                if not row:
                    continue
                if any(n >= start for n in lines.bad):
                    yield Skipped(where, start, "not valid UTF-8")
                    continue
                rec: dict[str, Any] = dict(zip(names, row))
                if len(row) > len(names):
                    rec["extra_fields"] = row[len(names):]
                yield _from_record(rec, path, start, opts)
    except (OSError, EOFError, zlib.error) as e:
        yield Skipped(where, None, f"cannot read: {e}")
