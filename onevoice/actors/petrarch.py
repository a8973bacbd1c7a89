"""PETRARCH2/TABARI actor and agent dictionaries, read into an `ActorLexicon`.

Users already own large curated dictionaries in this format (Phoenix, CountryInfo: thousands of
dated office holders, organizations and role nouns); reading them lets those code alongside our
own TSV lexicons without a conversion step.

Actor files
    NAME_ [CODE]                   one line; `+SYNONYM_` lines may follow
    NAME_                          a block: `+` synonyms, then indented code lines; name
    +SYNONYM_                      lines before the block's first code are synonyms too
        [AFGELI 750101-000101]     dated: `a-b` range, `>a` from, `<b` until (YYMMDD or YYYYMMDD)
        [AFGGOV >011222]
        [AFGELI]                   undated: the fallback outside the dated ranges
    `#` starts a comment, `_` is a space; TABARI's stem marks (a trailing `_` = exact word) are
    ignored, since our lexicon matches whole tokens and handles plurals itself.

How a block becomes entries:
    * any bare country code (`[AFG]`, `[IRQ >060520]`): a place, one undated COUNTRY entry with
      the current code (the undated one, else the open-ended or latest one); our country
      entries carry no dates, so earlier codes of a place are dropped;
    * dated codes: PERSON entries, one per dated code with its range (only PERSON entries are
      checked against the sentence date). The undated fallback becomes PERSON entries covering
      the gaps (before the first start, between ranges, after the last end), so exactly the
      dated code applies inside a range and the fallback outside;
    * undated only: ORG with the full code, or PERSON when the code is an elite (`...ELI`).
    * `[---]` means "do not code"; a bare role code such as `[ELI]` becomes `---ELI`, as a
      sector without a country is written elsewhere in onevoice.

Agent files
    NOUN_PHRASE [~GOV]             role noun -> SECTOR entry; `IGO~` suffix form also read
    !PERSON! = MAN, WOMAN          macro, expanded where used: `CATTLE!PERSON!`
    CHAMBER_OF_COMMERCE {CHAMBERS_OF_COMMERCE} [~BUS]   irregular plural(s); `{}` none
    The sector is the first three letters of the code (`~GOVMIL` -> GOV): our SECTOR entries
    hold one sector, and the first is the primary role.

Malformed lines are skipped and counted, never raised: one bad line in a 50,000-line file
should not stop a run.
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from itertools import product
from pathlib import Path
from typing import Iterable

from .lexicon import COUNTRY, ORG, PERSON, SECTOR, ActorLexicon, Entry

# Three-letter CAMEO role/sector codes: a bare one is not a country.
ROLE_CODES = {
    "GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "SPY", "MED", "EDU", "BUS", "CRM", "CVL",
    "ELI", "HLH", "HRI", "LAB", "LEG", "REF", "RAD", "MOD", "AGR", "ENV", "DEV", "SET", "UAF",
    "INS", "REL", "CHR", "MUS", "JEW", "BUD", "HIN", "PPL", "SEP", "UNR", "OCC", "AUT", "PRO",
    "CTH", "ORT", "SHI",
}
# Organization codes (kept whole as ORG codes).
ORG_PREFIXES = ("IGO", "NGO", "NGM", "MNC", "IMG", "UIS")

BRACKET = re.compile(r"\[([^\[\]]*)\]")
CODE = re.compile(r"(---|[A-Z0-9]+)\s*(.*)")
DATE_SPEC = re.compile(r"(?:>\s*(\d+)|<\s*(\d+)|(\d+)\s*-\s*(\d+))")
MACRO_DEF = re.compile(r"(![A-Z0-9_]+!)\s*=\s*(.+)")
MACRO_USE = re.compile(r"![A-Z0-9_]+!")
AGENT_LINE = re.compile(r"([^\[\]{}]+?)\s*(?:\{([^{}]*)\})?\s*\[\s*(~?[A-Z]{3}[A-Z]*~?)\s*\]")
ABBREVIATION = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]?\.?")  # U.N., U.S.
MAX_EXAMPLES = 20


class BadLine(ValueError):
    """A line (or code) we cannot read: reported and skipped, never raised to the caller."""


def load_petrarch_files(lexicon: ActorLexicon, actor_files: Iterable[str | Path] = (),
                        agent_files: Iterable[str | Path] = ()) -> dict:
    """Add every phrase of the files to `lexicon`.

    Returns counts: `phrases` (surface forms added), entries per kind (`country`, `org`,
    `person`, `sector`), `skipped` (malformed lines) and `problems` (up to 20 "file:line: why").
    """
    actor_paths = [Path(p) for p in actor_files]
    agent_paths = [Path(p) for p in agent_files]
    for p in actor_paths + agent_paths:  # fail before loading half of them
        if not p.is_file():
            raise FileNotFoundError(f"dictionary file not found: {p}")
    report = {"phrases": 0, COUNTRY: 0, ORG: 0, PERSON: 0, SECTOR: 0, "skipped": 0,
              "problems": []}
    for p in actor_paths:
        _read_actors(lexicon, p, report)
    for p in agent_paths:
        _read_agents(lexicon, p, report)
    return report


# -- shared helpers ------------------------------------------------------------------------
def _lines(path: Path):
    """(line number, text without comment) for the non-blank lines."""
    with path.open(encoding="utf-8-sig", errors="replace") as fh:
        for lineno, raw in enumerate(fh, start=1):
            line = raw.split("#", 1)[0].rstrip()
            if line.strip():
                yield lineno, line


def _skip(report: dict, where: str, why: str) -> None:
    report["skipped"] += 1
    if len(report["problems"]) < MAX_EXAMPLES:
        report["problems"].append(f"{where}: {why}")


def _text(raw: str) -> str:
    """`HAMID_KARZAI_` -> `Hamid Karzai`: news casing, so the tokenizer splits as in articles."""
    words = []
    for w in raw.replace("_", " ").split():
        words.append(w.upper() if ABBREVIATION.fullmatch(w) else w[:1].upper() + w[1:].lower())
    return " ".join(words)


def _add(lexicon: ActorLexicon, report: dict, text: str, entries: list[Entry]) -> None:
    if not text:
        return
    report["phrases"] += 1
    for e in entries:
        lexicon.add(text, e, exact_case=False)
        report[e.kind] += 1


# -- actors --------------------------------------------------------------------------------
class _Code:
    __slots__ = ("code", "start", "end")

    def __init__(self, code: str, start: date | None = None, end: date | None = None):
        self.code, self.start, self.end = code, start, end

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None


def _date(digits: str) -> date:
    if len(digits) == 6:
        yy = int(digits[:2])
        year = (2000 if yy <= 30 else 1900) + yy
        month, day = int(digits[2:4]), int(digits[4:6])
    elif len(digits) == 8:
        year, month, day = int(digits[:4]), int(digits[4:6]), int(digits[6:8])
    else:
        raise BadLine(f"date {digits!r} is not YYMMDD or YYYYMMDD")
    try:
        return date(year, month, day)
    except ValueError:
        raise BadLine(f"date {digits!r} is not a calendar date") from None


def _parse_code(body: str) -> _Code:
    m = CODE.fullmatch(body.strip().upper())
    if not m:
        raise BadLine(f"bad code [{body}]")
    code, spec = m.group(1), m.group(2).strip()
    if not spec:
        return _Code(code)
    d = DATE_SPEC.fullmatch(spec)
    if not d:
        raise BadLine(f"bad date in [{body}]")
    if d.group(1):
        return _Code(code, start=_date(d.group(1)))
    if d.group(2):
        return _Code(code, end=_date(d.group(2)))
    start, end = _date(d.group(3)), _date(d.group(4))
    if end < start:
        raise BadLine(f"range ends before it starts in [{body}]")
    return _Code(code, start, end)


def _split_line(line: str) -> tuple[str, list[_Code], list[str]]:
    """(text, codes, problems) of one line; the text is what is left outside the brackets."""
    codes, problems = [], []
    for body in BRACKET.findall(line):
        try:
            codes.append(_parse_code(body))
        except BadLine as e:
            problems.append(str(e))
    text = BRACKET.sub(" ", line)
    if "[" in text or "]" in text:
        problems.append("unbalanced brackets")
    return text.strip(), codes, problems


def _is_country(code: str) -> bool:
    return len(code) == 3 and code.isalpha() and code not in ROLE_CODES \
        and code not in ORG_PREFIXES


def _full(code: str) -> str:
    return "---" + code if code in ROLE_CODES else code


def _iso(d: date | None) -> str:
    return d.isoformat() if d and d not in (date.min, date.max) else ""


def _gaps(dated: list[_Code]) -> list[tuple[date, date]]:
    """The stretches of time no dated code covers (date.min/date.max for open ends)."""
    spans = sorted((c.start or date.min, c.end or date.max) for c in dated)
    gaps, cursor = [], date.min
    for start, end in spans:
        if start > cursor:
            gaps.append((cursor, start - timedelta(days=1)))
        if end == date.max:
            return gaps
        cursor = max(cursor, end + timedelta(days=1))
    gaps.append((cursor, date.max))
    return gaps


def _block_entries(name: str, codes: list[_Code], source: str) -> list[Entry]:
    codes = [c for c in codes if c.code != "---"]
    if not codes:
        return []
    dated = [c for c in codes if c.dated]
    fallback = next((c for c in codes if not c.dated), None)
    places = [c for c in codes if _is_country(c.code)]
    if places:
        if fallback and _is_country(fallback.code):
            current = fallback
        else:
            current = max(places, key=lambda c: c.end or date.max)
        return [Entry(COUNTRY, code=current.code, source=source)]
    if not dated:
        code = _full(fallback.code)
        kind = PERSON if code.endswith("ELI") else ORG
        return [Entry(kind, code=code, name=name if kind == PERSON else "", source=source)]
    out = [Entry(PERSON, code=_full(c.code), start=_iso(c.start), end=_iso(c.end), name=name,
                 source=source) for c in dated]
    if fallback:
        out += [Entry(PERSON, code=_full(fallback.code), start=_iso(a), end=_iso(b), name=name,
                      source=source) for a, b in _gaps(dated)]
    return out


def _read_actors(lexicon: ActorLexicon, path: Path, report: dict) -> None:
    block: dict | None = None  # {"names": [(text, where)], "codes": [...], "where": str}

    def finish() -> None:
        if block is None:
            return
        if not block["codes"] or not block["names"]:
            _skip(report, block["where"], "no code for this name" if block["names"]
                  else "code without a name")
            return
        name = block["names"][0][0]
        for text, where in block["names"]:
            _add(lexicon, report, text, _block_entries(name, block["codes"], where))

    for lineno, line in _lines(path):
        where = f"{path.name}:{lineno}"
        text, codes, problems = _split_line(line.lstrip("+") if line.startswith("+") else line)
        if problems:
            _skip(report, where, "; ".join(problems))
        if problems and (not codes and not text or "[" in text or "]" in text):
            continue  # nothing usable, or brackets we cannot trust
        if line.startswith("+") or line[0].isspace():
            if block is None:
                _skip(report, where, "synonym or code line without a name above it")
                continue
            if line[0].isspace() and text:
                _skip(report, where, f"text {text!r} on a code line")
                continue
        elif block is None or block["codes"]:
            finish()
            block = {"names": [], "codes": [], "where": where}
        if text:
            block["names"].append((_text(text), where))
        block["codes"].extend(codes)
    finish()


# -- agents --------------------------------------------------------------------------------
def _expand(text: str, macros: dict[str, list[str]]) -> list[str]:
    parts = MACRO_USE.split(text)
    names = MACRO_USE.findall(text)
    for n in names:
        if n not in macros:
            raise BadLine(f"undefined macro {n}")
    out = []
    for choice in product(*(macros[n] for n in names)):
        s = parts[0]
        for alt, rest in zip(choice, parts[1:]):
            s += alt + rest
        out.append(s)
    return out


def _read_agents(lexicon: ActorLexicon, path: Path, report: dict) -> None:
    macros: dict[str, list[str]] = {}
    for lineno, line in _lines(path):
        where = f"{path.name}:{lineno}"
        line = line.strip()
        m = MACRO_DEF.fullmatch(line)
        if m:
            macros[m.group(1)] = [a.strip() for a in m.group(2).split(",") if a.strip()]
            continue
        m = AGENT_LINE.fullmatch(line)
        if not m:
            _skip(report, where, "not `PHRASE [~CODE]`")
            continue
        sector = m.group(3).replace("~", "")[:3]
        forms = [m.group(1), *(m.group(2) or "").split()]
        try:
            texts = [t for f in forms for t in _expand(f, macros)]
        except BadLine as e:
            _skip(report, where, str(e))
            continue
        entry = Entry(SECTOR, sector=sector, source=where)
        for t in dict.fromkeys(_text(t) for t in texts):
            _add(lexicon, report, t, [entry])
