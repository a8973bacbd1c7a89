"""Datelines ("BEIJING (Reuters) -", "GAZA CITY, Palestinian Territories:") at the start of a story.

A dateline says where a story was filed, not what happened, so it is cut from the text the coder
sees and kept as the document's location. The rule is the shape of a dateline, not a list of
places: a place, optional ", Region" parts, an optional date and an optional "(Agency)", then a
dash or colon. Because "China: the talks..." or "Obama - who..." have the same shape, a match
counts only when the shape itself says dateline:

- the place is in capitals ("LYON:", "WASHINGTON, July 7 (AP) --"), as wire copy writes it;
- or an agency in parentheses follows ("Cairo (CNN) --");
- or a region follows and then a dash ("Copenhagen, Denmark -").

A capitalized word and a colon alone ("China: the ...") and a single place and a dash
("Madrid - ...") are left in the text: they read as often as sentences as they do as datelines.
"""
from __future__ import annotations

import re

_CAPS = r"[A-Z][A-Z.'’&-]+(?:[ ][A-Z][A-Z.'’&-]*){0,3}"           # GAZA CITY, ST. LOUIS, D.C.
_TITLE = r"[A-Z][\w.'’&-]*(?:[ ][A-Z][\w.'’&-]*){0,3}"            # Gaza City, Port-au-Prince
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATE = rf"(?:{_MONTH}[ ]\d{{1,2}}|\d{{1,2}}[ ]{_MONTH})(?:,?[ ]\d{{4}})?"
_AGENCY = r"\([A-Z][\w&.'’/ -]{0,40}\)"

DATELINE = re.compile(rf"""
    (?P<place>{_CAPS}|{_TITLE})
    (?P<region>(?:,[ ]?{_TITLE}){{0,2}})
    (?:,[ ]?{_DATE})?
    (?:[ ]*(?P<agency>{_AGENCY}))?   # one optional run of spaces each side: linear on long blanks
    [ ]*(?P<sep>:|-{{1,2}}|[—–])
    (?:\s+|(?<=[—–])(?=[A-Z"“‘']))
""", re.VERBOSE)

# Capitalized labels that open a story the way a place does, but are not places.
KICKERS = frozenset("""
    ALERT ANALYSIS BREAKING COMMENT COMMENTARY CORRECTED CORRECTION EDITORIAL EXCLUSIVE FACTBOX
    FEATURE FLASH INTERVIEW LIVE NOTE OPINION PHOTOS REFILE REVIEW UPDATE UPDATED URGENT VIDEO
    WATCH WRAPUP
""".split())


def split_dateline(text: str) -> tuple[str | None, str]:
    """(dateline location, rest of the text); (None, text) when the text opens with no dateline."""
    stripped = text.lstrip()
    m = DATELINE.match(stripped)
    if not m:
        return None, text
    place, region = m["place"], m["region"]
    rest = stripped[m.end():]
    in_caps = place == place.upper() and sum(c.isalpha() for c in place) >= 2
    if in_caps and place.split()[0].rstrip(".") in KICKERS:
        return None, text
    if not (in_caps or m["agency"] or (region and m["sep"] != ":")) or not rest.strip():
        return None, text
    return place + region, rest
