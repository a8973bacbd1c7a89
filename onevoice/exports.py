"""Exports in the formats other event-data tools read: GDELT 2.0, ICEWS, PLOVER, and our own.

`export()` is the one entry point for `onevoice export`. JSONL, CSV and Parquet keep our event
record as it is, followed by its story's num_mentions, num_sources and num_articles (see
`Store.export_events`, `Store.story_counts`); GDELT 2.0 and ICEWS are tab-separated files in
those projects' column orders, so existing loaders read them; PLOVER is one JSON object per line.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Iterable, Iterator

from .ontology import Ontology
from .tsv import DATA_DIR, read_tsv

FORMATS = ("jsonl", "csv", "parquet", "gdelt", "icews", "plover")
OWN_FORMATS = ("jsonl", "csv", "parquet")

# GDELT 2.0 event columns in GDELT's order (the GDELT 2.0 Event Codebook); files have no header.
GDELT_COLUMNS = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor{i}{c}" for i in (1, 2) for c in (
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
        "Religion2Code", "Type1Code", "Type2Code", "Type3Code")),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"{g}_{c}" for g in ("Actor1Geo", "Actor2Geo", "ActionGeo") for c in (
        "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")),
    "DATEADDED", "SOURCEURL",
]

# ICEWS event file columns (the header row of ICEWS's yearly .tab files).
ICEWS_COLUMNS = [
    "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text",
    "CAMEO Code", "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID",
    "Sentence Number", "Publisher", "City", "District", "Province", "Country", "Latitude",
    "Longitude",
]

# Events in the headline or first sentence count as GDELT "root" (lead paragraph) events.
LEAD_SENTENCES = 2


@dataclass
class ActorParts:
    """An actor code split the way GDELT's actor columns split it."""

    code: str
    country: str = ""
    known_group: str = ""
    types: list[str] = field(default_factory=list)


@dataclass
class Tables:
    """The lookups the exports need, loaded once from onevoice/data."""

    gdelt_country: dict[str, str]
    country_names: dict[str, str]
    type_labels: dict[str, str]
    ontology: Ontology

    @classmethod
    def load(cls, data_dir: Path = DATA_DIR) -> Tables:
        gdelt = {r["iso"]: r["gdelt"] for _, r in read_tsv(data_dir / "ontology" / "gdelt_country_codes.tsv")}
        names = {r["code"]: r["names"].split("|")[0]
                 for _, r in read_tsv(data_dir / "actors" / "countries.tsv")}
        types = {r["code"]: r["label"] for _, r in read_tsv(data_dir / "ontology" / "actor_types.tsv")}
        return cls(gdelt_country=gdelt, country_names=names, type_labels=types, ontology=Ontology())

    def split_actor(self, code: str | None) -> ActorParts:
        """USAGOV -> country USA, type GOV; IGOUNO -> type IGO, group UNO; ---REB -> type REB.

        The code is read in three-letter parts: the first is a country (or `---` for none, or
        an international type such as IGO); later parts are role types, and the last part that
        is not a type is the known group (PSEREBHMS -> group HMS).
        """
        code = code or ""
        parts = ActorParts(code)
        chunks = [code[i:i + 3] for i in range(0, len(code), 3)]
        for i, chunk in enumerate(chunks):
            if i == 0 and chunk in self.country_names and chunk not in self.type_labels:
                parts.country = chunk
            elif chunk in self.type_labels:
                parts.types.append(chunk)
            elif i > 0:
                parts.known_group = chunk
        return parts

    def gdelt_code(self, code: str) -> str:
        """Our actor or country code in GDELT's spelling: ROUGOV -> ROMGOV, ---REB -> REB."""
        if code.startswith("---"):
            code = code[3:]
        head = code[:3]
        return self.gdelt_country.get(head, head) + code[3:] if head else code


def numeric_id(text: str) -> int:
    """A stable positive integer for a text id: GDELT and ICEWS want integer ids."""
    return int(hashlib.sha1(text.encode("utf-8")).hexdigest()[:15], 16)


def _day(value: Any) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def _clean(value: Any) -> str:
    """One TSV cell: no tabs or line breaks inside, None as empty."""
    if value is None:
        return ""
    return " ".join(str(value).split())


def _num(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def _story_counts(ev: dict[str, Any]) -> list[int]:
    """NumMentions, NumSources, NumArticles: the event's story with its copies (see
    `Store.story_counts`); 1, 1, 1 for an event of one article that no other outlet carried."""
    return [int(ev.get(name) or 1) for name in ("num_mentions", "num_sources", "num_articles")]


def gdelt_row(ev: dict[str, Any], tables: Tables, added: datetime | None = None) -> list[str]:
    """One event as GDELT 2.0's 61 columns; location and tone columns stay empty."""
    day = _day(ev.get("date")) or _day(ev.get("doc_date"))
    code = ev["code"]
    row: list[Any] = [numeric_id(ev["id"])]
    if day:
        row += [day.strftime("%Y%m%d"), day.strftime("%Y%m"), day.year,
                f"{day.year + (day.month * 30 + day.day) / 365:.4f}"]
    else:
        row += ["", "", "", ""]
    for actor, text in ((ev["source"], ev["source_text"]), (ev.get("target"), ev.get("target_text"))):
        parts = tables.split_actor(actor)
        types = (parts.types + ["", "", ""])[:3]
        row += [tables.gdelt_code(parts.code), (text or "").upper() if actor else "",
                tables.gdelt_code(parts.country), parts.known_group, "", "", "", *types]
    row += [int((ev.get("sentence_index") or 0) < LEAD_SENTENCES), code, code[:3], ev["root"],
            ev["quad_class"], _num(ev["goldstein"]),
            *_story_counts(ev),
            ""]       # AvgTone: not measured
    for _ in range(3):  # Actor1Geo, Actor2Geo, ActionGeo: type 0 means no location, as GDELT writes it
        row += [0, "", "", "", "", "", "", ""]
    added = added or datetime.now()
    row += [added.strftime("%Y%m%d%H%M%S"), ev.get("url") or ""]
    assert len(row) == len(GDELT_COLUMNS)
    return [_clean(v) for v in row]


def icews_row(ev: dict[str, Any], tables: Tables) -> list[str]:
    """One event as an ICEWS event-file row; sectors are our role labels, locations empty."""
    day = _day(ev.get("date")) or _day(ev.get("doc_date"))
    code = ev["code"]
    name = tables.ontology[code].name if code in tables.ontology else ""

    def actor(code: str | None, text: str | None) -> list[str]:
        if not code:
            return ["", "", ""]
        parts = tables.split_actor(code)
        sectors = ",".join(tables.type_labels[t] for t in parts.types)
        return [text or code, sectors, tables.country_names.get(parts.country, "")]

    row = [numeric_id(ev["id"]), day.isoformat() if day else "",
           *actor(ev["source"], ev["source_text"]), name, code, _num(ev["goldstein"]),
           *actor(ev.get("target"), ev.get("target_text")), numeric_id(ev["doc_id"]),
           (ev.get("sentence_index") or 0) + 1, ev.get("doc_source") or "",
           "", "", "", "", "", ""]
    return [_clean(v) for v in row]


def plover_record(ev: dict[str, Any], tables: Tables) -> dict[str, Any]:
    """One event as a PLOVER record: actor, recipient, event, mode and context, with evidence."""
    code = ev["code"]
    context = tables.ontology[code].plover_context if code in tables.ontology else ""

    def actor(code: str | None, text: str | None, start: int, end: int) -> dict | None:
        if not code:
            return None
        parts = tables.split_actor(code)
        return {"code": code, "name": text or "", "country": parts.country or None,
                "sector": parts.types[0] if parts.types else None,
                "known_group": parts.known_group or None,
                "span": [start, end] if start is not None and start >= 0 else None}

    day = _day(ev.get("date")) or _day(ev.get("doc_date"))
    return {
        "id": ev["id"],
        "date": day.isoformat() if day else None,
        "event": ev.get("plover_event") or None,
        "mode": ev.get("plover_mode") or None,
        "context": [c for c in (context or "").split("|") if c],
        "actor": actor(ev["source"], ev["source_text"], ev.get("source_start"), ev.get("source_end")),
        "recipient": actor(ev.get("target"), ev.get("target_text"), ev.get("target_start"),
                           ev.get("target_end")),
        "modality": ev.get("mode"),  # onevoice's negated / hypothetical / future, or null
        "cameo": {"code": code, "root": ev["root"], "quad_class": ev["quad_class"],
                  "goldstein": ev["goldstein"]},
        "text": ev.get("sentence"),
        "trigger": {"text": ev.get("trigger_text"),
                    "span": [ev.get("trigger_start"), ev.get("trigger_end")]},
        "rule": ev.get("rule"),
        "confidence": ev.get("confidence"),
        "doc_id": ev["doc_id"],
        "sentence_index": ev.get("sentence_index"),
        "url": ev.get("url"),
        "source": ev.get("doc_source"),
    }


def write_rows(rows: Iterable[dict[str, Any]], path: str | Path, fmt: str,
               tables: Tables | None = None) -> int:
    """Write event dicts (EVENT_FIELDS, plus the story's num_mentions, num_sources and
    num_articles and `coded_at` when known) as gdelt, icews or plover."""
    if fmt not in ("gdelt", "icews", "plover"):
        raise ValueError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    tables = tables or Tables.load()
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    now = datetime.now()
    n = 0
    with path.open("w", encoding="utf-8", newline="") as f:
        if fmt == "icews":
            f.write("\t".join(ICEWS_COLUMNS) + "\n")
        for ev in rows:
            if fmt == "gdelt":
                f.write("\t".join(gdelt_row(ev, tables, ev.get("coded_at") or now)) + "\n")
            elif fmt == "icews":
                f.write("\t".join(icews_row(ev, tables)) + "\n")
            else:
                f.write(json.dumps(plover_record(ev, tables), ensure_ascii=False) + "\n")
            n += 1
    return n


def _store_rows(store, where: str | None, params: list | None) -> Iterator[dict[str, Any]]:
    """Stored events with their story's counts and their document's coded_at, streamed in
    Arrow batches."""
    sql = store._events_sql(where, None, coded_at=True)
    reader = store.con.sql(sql, params=params or None).to_arrow_reader(batch_size=50_000)
    for batch in reader:
        yield from batch.to_pylist()


def export(store, path: str | Path, fmt: str | None = None, where: str | None = None,
           params: list | None = None) -> int:
    """Write the store's events (those matching the SQL condition `where`) to `path` in `fmt`.

    Without `fmt` the format comes from the extension (.jsonl, .csv, .parquet); GDELT, ICEWS
    and PLOVER files must be asked for by name. Returns the number of events written.
    """
    fmt = fmt.lower() if fmt else None
    if fmt is None or fmt in OWN_FORMATS:
        return store.export_events(path, fmt=fmt, where=where, params=params)
    return write_rows(_store_rows(store, where, params), path, fmt)
