"""Request parameters checked and turned into SQL conditions with `?` placeholders.

User input only ever reaches DuckDB as a bound parameter; anything that cannot be a valid
value (a malformed date, an unknown quad class, an over-long string) is refused with a
`FilterError`, which the app answers with HTTP 400 and `{"error": ...}`.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from datetime import date, timedelta

from ..analysis import DAY, PERIODS, actor_match

MAX_TEXT = 200          # longest accepted free-text or id parameter
MAX_ACTORS = 20         # longest accepted actor list
MAX_PAGE_SIZE = 500     # rows per page, JSON or CSV
MAX_PAGE = 100_000      # deepest page; deeper offsets are slow and never useful in a browser
MODES = ("none", "counted", "negated", "hypothetical", "future")
_ACTOR = re.compile(r"[A-Z0-9-]{2,40}")
_CODE = re.compile(r"\d{2,4}")
_ID = re.compile(r"[A-Za-z0-9_.:-]{1,100}")


class FilterError(ValueError):
    """A request parameter that cannot be used; the message says which and why."""

    def __init__(self, param: str, message: str):
        super().__init__(f"{param}: {message}")
        self.param = param


def text(name: str, value: str | None, max_len: int = MAX_TEXT) -> str | None:
    """A stripped string or None; refuse over-long values before they reach a query."""
    if value is None:
        return None
    if len(value) > max_len:
        raise FilterError(name, f"longer than {max_len} characters")
    return value.strip() or None


def day(name: str, value: str | None) -> str | None:
    value = text(name, value, 10)
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise FilterError(name, f"{value!r} is not a YYYY-MM-DD date") from None


def actors(name: str, value: str | None) -> list[str]:
    """'USA, chngov' -> ['USA', 'CHNGOV']; codes are letters, digits and dashes."""
    value = text(name, value, 1000)
    if not value:
        return []
    codes = [c.strip().upper() for c in value.split(",") if c.strip()]
    if len(codes) > MAX_ACTORS:
        raise FilterError(name, f"more than {MAX_ACTORS} actors")
    for c in codes:
        if not _ACTOR.fullmatch(c):
            raise FilterError(name, f"{c[:50]!r} is not an actor code (letters, digits, dashes)")
    return codes


def period(value: str | None) -> str:
    value = (text("by", value, 10) or "month").lower()
    if value not in PERIODS:
        raise FilterError("by", f"unknown period {value!r}: use one of {', '.join(PERIODS)}")
    return value


def period_end(start: date, by: str) -> date:
    """Last day of the period that starts on `start`, for links to the events behind a point."""
    if by == "week":
        return start + timedelta(days=6)
    if by == "month":
        following = date(start.year + start.month // 12, start.month % 12 + 1, 1)
        return following - timedelta(days=1)
    if by == "year":
        return date(start.year, 12, 31)
    return start


def identifier(name: str, value: str) -> str:
    if not _ID.fullmatch(value or ""):
        raise FilterError(name, "not a valid id")
    return value


def date_range(since: str | None, until: str | None) -> tuple[str | None, str | None]:
    since, until = day("since", since), day("until", until)
    if since and until and since > until:
        raise FilterError("until", f"{until} is before since {since}")
    return since, until


def any_actor(column: str, codes: list[str]) -> tuple[str, list]:
    """One actor filter per code, OR-ed, with the analysis module's prefix rule."""
    parts = [actor_match(column, c) for c in codes]
    return "(" + " OR ".join(p[0] for p in parts) + ")", [v for p in parts for v in p[1]]


@dataclass
class EventFilters:
    """The filters of the events table; `where()` gives the SQL condition and its parameters."""

    since: str | None = None
    until: str | None = None
    source: str | None = None
    target: str | None = None
    actor: str | None = None
    both: bool = False
    code: str | None = None
    quad_class: int | None = None
    plover_event: str | None = None
    mode: str | None = None
    q: str | None = None
    doc_id: str | None = None

    @classmethod
    def parse(cls, plover_events: set[str], since=None, until=None, source=None, target=None,
              actor=None, both=False, code=None, quad_class=None, plover_event=None, mode=None,
              q=None, doc_id=None) -> EventFilters:
        since, until = date_range(since, until)
        source_codes, target_codes = actors("source", source), actors("target", target)
        actor_codes = actors("actor", actor)
        code = text("code", code, 4)
        if code and not _CODE.fullmatch(code):
            raise FilterError("code", f"{code!r} is not a CAMEO code or root (2-4 digits)")
        quad = text("quad_class", quad_class, 2)
        if quad is not None:
            if quad not in ("1", "2", "3", "4"):
                raise FilterError("quad_class", f"unknown quad class {quad!r}: use 1, 2, 3 or 4")
            quad = int(quad)
        plover = text("plover_event", plover_event, 40)
        if plover is not None:
            plover = plover.upper()
            if plover not in plover_events:
                raise FilterError("plover_event", f"unknown PLOVER event {plover[:40]!r}: use one "
                                  f"of {', '.join(sorted(p for p in plover_events if p))}")
        mode = text("mode", mode, 20)
        if mode is not None:
            mode = mode.lower()
            if mode not in MODES:
                raise FilterError("mode", f"unknown mode {mode!r}: use one of {', '.join(MODES)}")
        return cls(since=since, until=until, source=",".join(source_codes) or None,
                   target=",".join(target_codes) or None, actor=",".join(actor_codes) or None,
                   both=bool(both), code=code, quad_class=quad, plover_event=plover, mode=mode,
                   q=text("q", q), doc_id=text("doc_id", doc_id))

    def where(self) -> tuple[str, list]:
        conds: list[str] = []
        params: list = []

        def add(cond: str, values: list) -> None:
            conds.append(cond)
            params.extend(values)

        if self.since:
            add(f"{DAY} >= CAST(? AS DATE)", [self.since])
        if self.until:
            add(f"{DAY} <= CAST(? AS DATE)", [self.until])
        src, tgt = actors("source", self.source), actors("target", self.target)
        if self.both and src and tgt:
            s1, p1 = any_actor("source", src)
            t1, p1b = any_actor("target", tgt)
            s2, p2 = any_actor("source", tgt)
            t2, p2b = any_actor("target", src)
            add(f"(({s1} AND {t1}) OR ({s2} AND {t2}))", p1 + p1b + p2 + p2b)
        else:
            if src:
                add(*any_actor("source", src))
            if tgt:
                add(*any_actor("target", tgt))
        either = actors("actor", self.actor)
        if either:
            s, sp = any_actor("source", either)
            t, tp = any_actor("target", either)
            add(f"({s} OR {t})", sp + tp)
        if self.code:
            add("starts_with(code, ?)", [self.code])
        if self.quad_class is not None:
            add("quad_class = ?", [self.quad_class])
        if self.plover_event is not None:
            add("plover_event = ?", [self.plover_event])
        if self.mode == "none":
            add("mode IS NULL", [])
        elif self.mode == "counted":
            add("(mode IS NULL OR mode NOT IN ('negated', 'hypothetical'))", [])
        elif self.mode:
            add("mode = ?", [self.mode])
        if self.q:
            add("contains(lower(sentence), ?)", [self.q.lower()])
        if self.doc_id:
            add("doc_id = ?", [self.doc_id])
        return " AND ".join(conds) or "TRUE", params

    def query(self) -> dict:
        """The filters as URL parameters (empty ones left out), for links and pagination."""
        out = {}
        for k, v in asdict(self).items():
            if v is None or v is False:
                continue
            out[k] = 1 if v is True else v
        return out


def paging(page: int, page_size: int) -> tuple[int, int]:
    if page < 1 or page > MAX_PAGE:
        raise FilterError("page", f"must be between 1 and {MAX_PAGE}")
    if page_size < 1 or page_size > MAX_PAGE_SIZE:
        raise FilterError("page_size", f"must be between 1 and {MAX_PAGE_SIZE}")
    return page, page_size


def output_format(value: str | None) -> str:
    value = (text("format", value, 10) or "json").lower()
    if value not in ("json", "csv"):
        raise FilterError("format", f"unknown format {value!r}: use json or csv")
    return value
