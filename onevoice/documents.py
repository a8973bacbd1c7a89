"""Documents in: one `Document` per article, read from txt, html, jsonl, csv or directories."""
from __future__ import annotations

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


@dataclass
class Skipped:
    """A record that could not be read, with where it was and why."""

    path: str
    line: int | None
    reason: str


KINDS = (".txt", ".html", ".htm", ".jsonl", ".csv")
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
    r"(?:subscribe|sign up)\b.{0,80}",
    r"follow us(?: on .{0,40})?",
    r"cookies?(?: policy| settings| preferences)?",
    r"(?:this (?:web)?site|we) uses? cookies\b.*",
    r".{0,200}\baccept (?:all )?cookies\b.*",
    r"(?:advertisement|advert|ad|sponsored(?: content)?|story continues below(?: advertisement)?)",
    r"(?:file )?(?:photo|image|picture|video)s?(?: credit)?\s*:.*",
    r".*\([^()]*\bphotos?\b[^()]*\)",
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
    r"(?:,? \d{1,2}:\d{2}.{0,20})?",
))
_MENU_SPLIT = re.compile(r"\s*[|•·]\s*")
_SENTENCE_END = re.compile(r"[.!,;:][\"'”’)\]]*$")
_PAGE = re.compile(r"<(?:html|body)\b", _I)
_CAPITAL = re.compile(r"[\"'“‘(]?[A-Z0-9]")


def _is_menu(line: str) -> bool:
    """Navigation rows like "Home | World | Asia": three or more short capitalized items."""
    parts = [p for p in _MENU_SPLIT.split(line) if p]
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


def _decode(data: bytes) -> tuple[str, str]:
    """Text and the encoding used: UTF-8 first, then the usual Windows/Latin-1 suspects."""
    for enc in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(enc), enc
        except UnicodeDecodeError:
            pass
    return data.decode("latin-1"), "latin-1"


def _files(root: Path) -> list[Path]:
    """Known-type files under a directory, hidden ones skipped, in a stable order."""
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        found += [Path(dirpath, f) for f in filenames if not f.startswith(".")
                  and _kind(Path(f)) in KINDS]
    return sorted(found)


def read_paths(paths: Iterable[str | Path], default_date: str | None = None
               ) -> Iterator[Document | Skipped]:
    """Every document in the given files and directories; bad input becomes `Skipped`, never an error."""
    if default_date is not None:
        day = normalize_date(default_date)
        if day is None:
            raise ValueError(f"default_date must be YYYY-MM-DD, got {default_date!r}")
        default_date = day
    for p in paths:
        p = Path(p)
        if p.is_dir():
            for f in _files(p):
                yield from read_file(f, default_date)
        elif p.is_file():
            yield from read_file(p, default_date)
        else:
            yield Skipped(str(p), None, "no such file")


def read_file(path: Path, default_date: str | None = None) -> Iterator[Document | Skipped]:
    """Documents in one file, by its extension (optionally .gz)."""
    kind, where = _kind(path), str(path)
    if kind not in KINDS:
        yield Skipped(where, None, f"unsupported file type (expected one of {', '.join(KINDS)}, optionally .gz)")
        return
    try:
        with _open(path) as f:
            head = f.read(HEAD_BYTES)
        if b"\0" in head:
            yield Skipped(where, None, "binary file")
            return
        if kind in (".jsonl", ".csv"):
            if not head.strip():
                yield Skipped(where, None, "empty file")
                return
            reader = _read_jsonl if kind == ".jsonl" else _read_csv
            yield from reader(path, default_date)
            return
        with _open(path) as f:
            data = f.read()
    except (OSError, EOFError, zlib.error) as e:
        yield Skipped(where, None, f"cannot read: {e}")
        return
    text, encoding = _decode(data)
    doc = _from_txt(path, text) if kind == ".txt" else _from_html(path, text)
    if isinstance(doc, Document):
        doc.date = doc.date or default_date
        if encoding != "utf-8-sig":
            doc.meta["encoding"] = encoding
    yield doc


def _from_txt(path: Path, text: str) -> Document | Skipped:
    title, body = strip_boilerplate(text)
    if not body:
        return Skipped(str(path), None, "empty text")
    return Document(id=path.name, text=body, title=title, path=str(path))


def _from_html(path: Path, html: str) -> Document | Skipped:
    if not html.strip():
        return Skipped(str(path), None, "empty text")
    import trafilatura  # slow to import; only pages need it

    if not _PAGE.search(html):  # a bare fragment (saved article body): trafilatura wants a page
        html = f"<html><body>{html}</body></html>"

    try:
        # tables and comments are not reported prose; leave them out of what gets coded
        found = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                            include_tables=False, include_images=False)
    except Exception as e:  # a third-party parser on arbitrary bytes: report, don't crash
        return Skipped(str(path), None, f"cannot parse HTML: {type(e).__name__}: {e}")
    if found is None or not (found.text or "").strip():
        return Skipped(str(path), None, "no main text found in HTML")
    # trafilatura gives one block per line; blank lines keep paragraphs apart as in txt
    paragraphs = [ln.strip() for ln in found.text.splitlines() if ln.strip() and not is_boilerplate(ln)]
    if paragraphs and found.title and paragraphs[0] == found.title.strip():
        paragraphs.pop(0)  # the headline is `title`, as for txt; don't code it twice
    body = "\n\n".join(paragraphs)
    if not body:
        return Skipped(str(path), None, "empty text")
    meta = {"author": found.author} if found.author else {}
    return Document(id=path.name, text=body, title=found.title or None,
                    date=normalize_date(found.date), url=found.url or None,
                    source=found.sitename or None, path=str(path), meta=meta)


def _from_record(rec: dict, path: Path, line: int, default_date: str | None) -> Document | Skipped:
    """A jsonl object or csv row as a Document; its fields are checked, nothing trusted."""
    where = str(path)
    text = rec.get("text")
    if text is None:
        return Skipped(where, line, "missing text")
    if not isinstance(text, str):
        return Skipped(where, line, f"text is not a string ({type(text).__name__})")
    if not text.strip():
        return Skipped(where, line, "empty text")
    meta: dict[str, Any] = {}
    raw_meta = rec.get("meta")
    if isinstance(raw_meta, str) and raw_meta.strip().startswith("{"):
        try:
            raw_meta = json.loads(raw_meta)
        except ValueError:
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
        day = default_date

    def opt(key: str) -> str | None:
        v = rec.get(key)
        return None if v in (None, "") else str(v)

    return Document(id=opt("id") or f"{path.name}:{line}", text=text, title=opt("title"),
                    date=day, url=opt("url"), source=opt("source"), path=where, line=line,
                    meta=meta)


def _read_jsonl(path: Path, default_date: str | None) -> Iterator[Document | Skipped]:
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
                if not isinstance(rec, dict):
                    yield Skipped(where, n, f"not a JSON object ({type(rec).__name__})")
                    continue
                yield _from_record(rec, path, n, default_date)
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


def _read_csv(path: Path, default_date: str | None) -> Iterator[Document | Skipped]:
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
            names = [h.strip().lower() if h.strip().lower() in FIELDS else h.strip() for h in header]
            if "text" not in names:
                yield Skipped(where, 1, "no 'text' column in the header")
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
                yield _from_record(rec, path, start, default_date)
    except (OSError, EOFError, zlib.error) as e:
        yield Skipped(where, None, f"cannot read: {e}")
