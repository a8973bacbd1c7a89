"""The shapes every stage agrees on: the coded event and its columns.

An :class:`Event` is one coded interaction with the evidence that justifies it. Its fields are
the columns of the `events` table, of the JSONL/CSV/Parquet exports and of the API, in this
order; `EVENT_FIELDS` is that order.
"""
from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field, fields
from typing import Any


@dataclass
class Event:
    """One coded event: who did what to whom, and where in the text it says so."""

    id: str                      # stable hash of doc id, sentence index, source, target, code
    doc_id: str
    sentence_index: int          # 0-based index of the sentence within the document
    sentence: str                # the sentence text the event was coded from
    date: str | None             # YYYY-MM-DD: the day the sentence names, else the publication date
    source: str                  # CAMEO actor code, e.g. USAGOV
    source_text: str             # the words in the sentence that name the source
    target: str                  # CAMEO actor code, "" when the event has no target
    target_text: str
    code: str                    # CAMEO event code, leading zeros kept ("042")
    root: str                    # two-digit CAMEO root ("04")
    quad_class: int              # 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
    goldstein: float
    plover_event: str
    plover_mode: str
    mode: str | None             # None, "negated", "hypothetical" or "future"
    trigger_text: str            # the verb or noun that carries the event
    rule: str                    # the lexicon row or rule that fired, e.g. "verbs.tsv:57 urge"
    source_start: int = -1       # character offsets of source, target and trigger in `sentence`
    source_end: int = -1
    target_start: int = -1
    target_end: int = -1
    trigger_start: int = -1
    trigger_end: int = -1
    confidence: float = 1.0      # 0-1: how sure the rule is; lower for long-distance or inferred roles
    doc_date: str | None = None  # publication date of the document
    title: str | None = None     # document title
    url: str | None = None
    doc_source: str | None = None  # the outlet or corpus the document came from
    extra: dict[str, Any] = field(default_factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        """The contract fields as a flat dict (all plain values: no deep copy needed)."""
        return {name: getattr(self, name) for name in EVENT_FIELDS}


EVENT_FIELDS: list[str] = [f.name for f in fields(Event) if f.name != "extra"]


def event_id(doc_id: str, sentence_index: int, source: str, target: str, code: str,
             trigger_start: int = -1) -> str:
    """Stable id: the same document coded twice gives the same ids."""
    key = f"{doc_id}\x1f{sentence_index}\x1f{source}\x1f{target}\x1f{code}\x1f{trigger_start}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:20]
