"""Event dates: the day a sentence names ("on Friday", "yesterday"), resolved against publication."""
from __future__ import annotations

import datetime as dt

WEEKDAYS = {name: i for i, name in enumerate(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
OFFSETS = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}


def parse_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def sentence_date(tokens, published: str | None, future: bool = False) -> str | None:
    """The date a sentence's own time words point to, else the publication date.

    A bare weekday means the most recent such day on or before publication (news reports the
    past), or the next one when the event is in the future.
    """
    pub = parse_date(published)
    if pub is None:
        return published
    for t in tokens:
        low = t.lower_
        if low in OFFSETS:
            return (pub + dt.timedelta(days=OFFSETS[low])).isoformat()
        if low in WEEKDAYS and t.text[:1].isupper():
            prev = t.doc[t.i - 1].lower_ if t.i > 0 else ""
            delta = (pub.weekday() - WEEKDAYS[low]) % 7
            if future or prev == "next":
                ahead = (WEEKDAYS[low] - pub.weekday()) % 7 or 7
                return (pub + dt.timedelta(days=ahead)).isoformat()
            if prev == "last" and delta == 0:
                delta = 7
            return (pub - dt.timedelta(days=delta)).isoformat()
    return pub.isoformat()
