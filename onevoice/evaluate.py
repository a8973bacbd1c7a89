"""Score coded events against gold files, so accuracy is measured the same way every time.

Three gold formats are read, detected line by line:

- PETRARCH-style: ``{"id", "text", "date"?, "expected": [{"source", "target", "code"}]}``,
  scored on exact (source, target, code) triples and on (country, country, root).
- PLOVER-style: ``{"id", "text", "labels": [{"event", "mode", "actor": [...], "recipient": [...]}]}``,
  scored on PLOVER event types, (actor country, recipient country, event) triples and on how
  many gold actors we found at all.
- ConfliBERT-style: ``{"id", "text", "labels": [{"event_code": 0-4 | null, "actor": [...], ...}]}``,
  scored on the 5-way class of our events and on actor span overlap.

Events are the JSONL rows of :class:`onevoice.schema.Event`; they meet the gold by
``doc_id == gold id``. Events whose mode is negated or hypothetical say that something did *not*
happen, so they are left out of every count (and the number left out is reported).
"""
from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

from onevoice.documents import Document

FORMATS = ("petrarch", "plover", "conflibert")
EXCLUDED_MODES = {"negated", "hypothetical"}

# Root -> 5-way class, as the ConfliBERT labels themselves state it (their `cameo_roots`
# field): 0 statement/appeal 01-02, 1 verbal cooperation 03-05, 2 material cooperation 06-08,
# 3 verbal conflict 09-13 and 16, 4 material conflict 14-15 and 17-20. This differs from the
# GDELT quad classes (09 is cooperation there, 14 verbal conflict, 16 material conflict).
# A gold file whose labels carry `cameo_roots` overrides this table (see `root_classes`).
CONFLIBERT_ROOTS = {0: "01-02", 1: "03-05", 2: "06-08", 3: "09-13, 16", 4: "14-15, 17-20"}

# Legacy CAMEO country codes still found in gold files, mapped to the ISO codes we emit.
COUNTRY_ALIASES = {"JAP": "JPN", "ITL": "ITA"}


@dataclass
class GoldItem:
    """One gold sentence (or document) and its labels, in the format it came in."""

    id: str
    text: str
    format: str                  # "petrarch", "plover" or "conflibert"
    date: str | None = None
    labels: list[dict[str, Any]] = field(default_factory=list)  # `expected` for petrarch


# --- reading ---------------------------------------------------------------------------

def detect_format(record: dict[str, Any]) -> str | None:
    """Tell the gold format from one parsed line; None when the line does not say."""
    if "expected" in record:
        return "petrarch"
    labels = record.get("labels") or []
    if any("event_code" in lab for lab in labels):
        return "conflibert"
    if any("event" in lab and "actor" in lab for lab in labels):
        return "plover"
    return None


def load_gold(path: str | Path) -> list[GoldItem]:
    """Read a gold JSONL file; a line with empty labels takes the format of the line before."""
    items: list[GoldItem] = []
    previous: str | None = None
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{lineno}: not valid JSON ({exc.msg})") from None
            fmt = detect_format(record) or previous
            if fmt is None or "id" not in record:
                raise ValueError(f"{path}:{lineno}: not a PETRARCH, PLOVER or ConfliBERT gold line")
            labels = record.get("expected") if fmt == "petrarch" else record.get("labels")
            items.append(GoldItem(id=str(record["id"]), text=record.get("text") or "", format=fmt,
                                  date=record.get("date"), labels=list(labels or [])))
            previous = fmt
    return items


def load_events(path: str | Path) -> list[dict[str, Any]]:
    """Read coded events from JSONL, one event dict per non-blank line."""
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def gold_documents(gold_path: str | Path) -> Iterator[Document]:
    """The gold sentences as documents, so the coder can be run on exactly them."""
    for item in load_gold(gold_path):
        yield Document(id=item.id, text=item.text, date=item.date)


# --- metrics ---------------------------------------------------------------------------

def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    """Precision, recall and F1 with their counts; every metric here is built on this."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": p, "recall": r, "f1": f}


def rate(hit: int, total: int) -> dict[str, float]:
    """A share (accuracy, coverage): the recall of `hit` out of `total`."""
    return {"hit": hit, "total": total, "rate": prf(hit, 0, total - hit)["recall"]}


def _match(gold: Counter, ours: Counter) -> tuple[int, int, int]:
    """Multiset match: (tp, fp, fn) for one sentence."""
    tp = sum((gold & ours).values())
    return tp, sum(ours.values()) - tp, sum(gold.values()) - tp


def _prf_over(pairs: Iterable[tuple[Counter, Counter]]) -> dict[str, float]:
    """Micro-averaged P/R/F1 over (gold, ours) multisets, one pair per sentence."""
    tp = fp = fn = 0
    for gold, ours in pairs:
        a, b, c = _match(gold, ours)
        tp, fp, fn = tp + a, fp + b, fn + c
    return prf(tp, fp, fn)


def country(code: str | None) -> str:
    """The first three letters of an actor code: a country, IGO, NGO or ``---``."""
    c = (code or "")[:3].upper()
    return COUNTRY_ALIASES.get(c, c)


def sectors(code: str | None) -> set[str]:
    """The sector codes after the country, in three-letter chunks (USAGOVMIL -> GOV, MIL)."""
    rest = (code or "")[3:].upper()
    return {rest[i:i + 3] for i in range(0, len(rest), 3)}


def _root(event: dict[str, Any]) -> str:
    return str(event.get("root") or str(event.get("code") or "")[:2])


# --- PETRARCH --------------------------------------------------------------------------

def _cut(triples: list[tuple[str, str, str]]) -> Counter:
    """Keep what a looser reading still checks: both countries and the root."""
    return Counter((country(s), country(t), c[:2]) for s, t, c in triples)


def score_petrarch(items: list[GoldItem], by_doc: dict[str, list[dict]]) -> dict[str, Any]:
    """Exact triples, and triples cut to country + country + root."""
    strict, loose = [], []
    for item in items:
        gold = [(g.get("source") or "", g.get("target") or "", str(g.get("code") or ""))
                for g in item.labels]
        ours = [(e.get("source") or "", e.get("target") or "", str(e.get("code") or ""))
                for e in by_doc.get(item.id, [])]
        strict.append((Counter(gold), Counter(ours)))
        loose.append((_cut(gold), _cut(ours)))
    return {"strict": _prf_over(strict), "country_root": _prf_over(loose)}


# --- PLOVER ----------------------------------------------------------------------------

def _plover_triples(label: dict[str, Any]) -> list[tuple[str, str, str]]:
    """One triple per actor x recipient, so compound actors count once each.

    Reciprocal labels (the gold marks their spans SRC/TAR: "Hungarian and Romanian officials
    agreed") are written the CAMEO/PETRARCH way, one directed triple per ordered pair of
    distinct actors, which is how the coder reports symmetric events.
    """
    event = label.get("event") or ""
    actors = [country(a.get("code")) for a in label.get("actor") or []] or [""]
    recipients = [country(r.get("code")) for r in label.get("recipient") or []] or [""]
    if "SRC/TAR" in (label.get("spans") or {}) and recipients == [""] and len(set(actors)) > 1:
        return [(a, b, event) for a in actors for b in actors if a != b]
    return [(a, r, event) for a in actors for r in recipients]


def _actor_hits(item: GoldItem, ours: list[dict]) -> tuple[list[bool], list[bool]]:
    """Per gold actor: is its country among ours; per gold actor with a sector: is country+sector."""
    codes = [e.get(k) or "" for e in ours for k in ("source", "target")]
    by_country = defaultdict(set)
    for c in codes:
        by_country[country(c)] |= sectors(c)
    countries, with_sector = [], []
    for label in item.labels:
        for actor in (label.get("actor") or []) + (label.get("recipient") or []):
            c = country(actor.get("code"))
            countries.append(c in by_country)
            sector = (actor.get("sector") or "")[:3].upper()
            if sector and sector != "***":   # *** marks an unknown sector in the gold
                with_sector.append(sector in by_country.get(c, set()))
    return countries, with_sector


def score_plover(items: list[GoldItem], by_doc: dict[str, list[dict]]) -> dict[str, Any]:
    """Event types, (actor, recipient, event) triples and actor coverage.

    The gold `mode` is a PLOVER subtype (e.g. "heavy-weapons"), not a negation marker, so
    every gold label counts; our negated/hypothetical events are already left out. Our events
    with no PLOVER type (CAMEO codes PLOVER does not cover) could not be in the gold, so only
    the actor coverage sees them.
    """
    types, triples, countries, with_sector = [], [], [], []
    for item in items:
        found = by_doc.get(item.id, [])
        ours = [e for e in found if e.get("plover_event")]
        types.append((Counter(lab.get("event") or "" for lab in item.labels),
                      Counter(e.get("plover_event") or "" for e in ours)))
        gold_t = Counter(t for lab in item.labels for t in _plover_triples(lab))
        ours_t = Counter((country(e.get("source")), country(e.get("target")),
                          e.get("plover_event") or "") for e in ours)
        triples.append((gold_t, ours_t))
        c, s = _actor_hits(item, found)
        countries += c
        with_sector += s
    return {"event_type": _prf_over(types), "triple": _prf_over(triples),
            "actor_coverage": {"country": rate(sum(countries), len(countries)),
                               "country_sector": rate(sum(with_sector), len(with_sector))}}


# --- ConfliBERT ------------------------------------------------------------------------

def parse_roots(text: str) -> set[str]:
    """``"CAMEO 09-13, 16"`` -> {"09", "10", "11", "12", "13", "16"}."""
    roots = set()
    for a, b in re.findall(r"(\d+)(?:\s*-\s*(\d+))?", text or ""):
        roots |= {f"{r:02d}" for r in range(int(a), int(b or a) + 1)}
    return roots


def root_classes(items: Iterable[GoldItem] = ()) -> dict[str, int]:
    """Root -> class: the default table, updated by any `cameo_roots` the gold labels carry."""
    table = {r: cls for cls, spec in CONFLIBERT_ROOTS.items() for r in parse_roots(spec)}
    for item in items:
        for lab in item.labels:
            if lab.get("event_code") is not None and lab.get("cameo_roots"):
                table.update({r: int(lab["event_code"]) for r in parse_roots(lab["cameo_roots"])})
    return table


def _doc_spans(item: GoldItem, ours: list[dict], role: str) -> list[tuple[int, int]]:
    """Our spans for `role` in gold-text offsets (the coder may split the text in sentences)."""
    spans = []
    for e in ours:
        start, end = e.get(f"{role}_start", -1), e.get(f"{role}_end", -1)
        if start is None or end is None or start < 0 or end <= start:
            continue
        shift = max(item.text.find(e["sentence"]), 0) if e.get("sentence") else 0
        spans.append((start + shift, end + shift))
    return spans


def _overlapped(gold: list[dict], spans: list[tuple[int, int]]) -> list[bool]:
    out = []
    for g in gold:
        s, e = (g.get("offsets") or [0, 0])[:2]
        out.append(any(a < e and s < b for a, b in spans))
    return out


def score_conflibert(items: list[GoldItem], by_doc: dict[str, list[dict]]) -> dict[str, Any]:
    """5-way class of our first event and of any event, coverage, and actor span overlap."""
    classes = root_classes(items)
    first = anyone = covered = scored = 0
    hits: dict[str, list[bool]] = {"actor": [], "recipient": [], "reciprocal": []}
    for item in items:
        ours = sorted(by_doc.get(item.id, []), key=lambda e: e.get("sentence_index") or 0)
        gold = {int(lab["event_code"]) for lab in item.labels if lab.get("event_code") is not None}
        if gold:
            ours_cls = [classes.get(_root(e)) for e in ours]
            scored += 1
            covered += bool(ours)
            first += bool(ours_cls) and ours_cls[0] in gold
            anyone += any(c in gold for c in ours_cls)
        src, tgt = _doc_spans(item, ours, "source"), _doc_spans(item, ours, "target")
        for lab in item.labels:
            hits["actor"] += _overlapped(lab.get("actor") or [], src)
            hits["recipient"] += _overlapped(lab.get("recipient") or [], tgt)
            hits["reciprocal"] += _overlapped(lab.get("reciprocal_actor") or [], src + tgt)
    return {"accuracy_first": rate(first, scored), "accuracy_any": rate(anyone, scored),
            "coverage": rate(covered, scored),
            "span_overlap": {k: rate(sum(v), len(v)) for k, v in hits.items()}}


# --- putting it together ---------------------------------------------------------------

SCORERS = {"petrarch": score_petrarch, "plover": score_plover, "conflibert": score_conflibert}


def score(gold_items: list[GoldItem], events: list[dict[str, Any]]) -> dict[str, Any]:
    """Score events against gold, one nested dict of plain numbers per format present."""
    by_format: dict[str, list[GoldItem]] = defaultdict(list)
    for item in gold_items:
        by_format[item.format].append(item)
    result: dict[str, Any] = {}
    for fmt, items in by_format.items():
        ids = {item.id for item in items}
        mine = [e for e in events if str(e.get("doc_id")) in ids]
        kept = [e for e in mine if e.get("mode") not in EXCLUDED_MODES]
        by_doc: dict[str, list[dict]] = defaultdict(list)
        for e in kept:
            by_doc[str(e["doc_id"])].append(e)
        result[fmt] = {"sentences": len(items), "events": len(kept),
                       "excluded_mode": len(mine) - len(kept), **SCORERS[fmt](items, by_doc)}
    return result


def evaluate_files(gold_path: str | Path, events_path: str | Path) -> dict[str, Any]:
    """Score an events JSONL file against a gold JSONL file."""
    return score(load_gold(gold_path), load_events(events_path))


def _rows(result: dict[str, Any]) -> Iterator[tuple[str, str, dict]]:
    """Flatten the nested result into (format, metric name, metric dict) rows."""
    for fmt in FORMATS:
        for name, value in _walk(result.get(fmt, {})):
            yield fmt, name, value


def _walk(d: dict[str, Any], prefix: str = "") -> Iterator[tuple[str, dict]]:
    for key, value in d.items():
        if isinstance(value, dict) and ("f1" in value or "rate" in value):
            yield prefix + key, value
        elif isinstance(value, dict):
            yield from _walk(value, f"{prefix}{key}.")


def format_report(result: dict[str, Any]) -> str:
    """A plain-text table of every metric, one row each."""
    lines = []
    for fmt in FORMATS:
        if fmt in result:
            r = result[fmt]
            lines.append(f"{fmt}: {r['sentences']} gold items, {r['events']} events scored, "
                         f"{r['excluded_mode']} negated/hypothetical left out")
    lines.append(f"{'format':<11} {'metric':<30} {'P':>6} {'R':>6} {'F1|acc':>6}  counts")
    for fmt, name, m in _rows(result):
        if "f1" in m:
            lines.append(f"{fmt:<11} {name:<30} {m['precision']:6.3f} {m['recall']:6.3f} "
                         f"{m['f1']:6.3f}  tp={m['tp']} fp={m['fp']} fn={m['fn']}")
        else:
            lines.append(f"{fmt:<11} {name:<30} {'':>6} {'':>6} {m['rate']:6.3f}  "
                         f"{m['hit']}/{m['total']}")
    return "\n".join(lines)
