"""Actor lexicons: countries, seats of power, organizations, sector nouns and people, as phrases.

Every surface form becomes a tuple of lowercase tokens (split by spaCy's tokenizer) pointing at
one or more `Entry` objects. Matching is a hash lookup per position, longest phrase first.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from ..tsv import DATA_DIR, read_tsv, split_list

# What a phrase names, which decides how it combines with its neighbours.
COUNTRY = "country"      # a state's name: "North Korea"
ADJECTIVE = "adjective"  # nationality adjective: "North Korean officials"
DEMONYM = "demonym"      # people noun: "the North Koreans"
CAPITAL = "capital"      # city standing for the state: "Pyongyang"
REGION = "region"        # province or region inside a state: "Darfur rebels", "in Chechnya"
SEAT = "seat"            # institution by place, full code: "the Kremlin" -> RUSGOV
ORG = "org"              # IGO/NGO/known group, full code: "NATO"
SECTOR = "sector"        # role noun or title: "officials" -> GOV
PERSON = "person"        # a named office holder, dated
GROUP = "group"          # ethnic or religious group, people noun: "Kurds", "Shiites" (code: KUR, MOSSHI)
GROUP_ADJ = "group_adj"  # its adjective, a modifier only: "Kurdish rebels", "Sunni clerics"

PROPER_KINDS = {COUNTRY, ADJECTIVE, DEMONYM, CAPITAL, REGION, SEAT, ORG, PERSON, GROUP, GROUP_ADJ}
# Lower-case words that open a proper name ("al-Qaeda", "ad-Dawa", "ethnic Albanians"): the
# capital letter a name needs may come right after them.
NAME_PARTICLES = {"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ud", "ul", "bin", "ibn",
                  "de", "del", "da", "di", "la", "le", "van", "von", "ethnic"}


@dataclass(frozen=True)
class Entry:
    kind: str
    code: str = ""          # country code, or the full actor code for SEAT/ORG/PERSON
    sector: str = ""        # sector code for SECTOR entries
    title: bool = False     # a SECTOR word that can stand before a name ("President")
    start: str = ""         # PERSON: first day in office, YYYY-MM-DD
    end: str = ""           # PERSON: last day in office, "" while in office
    name: str = ""          # PERSON: canonical full name
    source: str = ""        # file:line that produced the entry, for the event's `rule`
    exact_case: bool = False  # all-caps short forms (US, UN) must match in capitals

    def valid_on(self, date: str | None) -> bool:
        if self.kind != PERSON or not date:
            return True
        return (not self.start or self.start <= date) and (not self.end or date <= self.end)


class ActorLexicon:
    """All actor phrases, keyed by their lowercase token tuples."""

    def __init__(self, tokenizer, data_dir: Path | None = None, extra_files: Iterable[Path] = ()):
        self._tokenize = tokenizer
        self.phrases: dict[tuple[str, ...], list[Entry]] = {}
        self.max_len = 1
        self._heads: set[tuple[str, ...]] = set()   # every phrase's leading words, and theirs
        self._heads_for = -1                         # the phrase count they were built for
        self._single: dict[tuple[str, str], list[Entry]] = {}  # one-word lookups, see `_lookup`
        base = Path(data_dir) if data_dir else DATA_DIR / "actors"
        self.load_countries(base / "countries.tsv")
        self.load_seats(base / "seats.tsv")
        self.load_organizations(base / "organizations.tsv")
        self.load_sectors(base / "sectors.tsv")
        self.load_people(base / "people.tsv")
        self.load_groups(base / "groups.tsv")
        for f in extra_files:
            self.load_file(Path(f))

    # -- loading ---------------------------------------------------------------------------
    def add(self, text: str, entry: Entry, exact_case: bool | None = None) -> None:
        """`exact_case=None` decides from the text (short all-caps forms); a bool forces it."""
        text = text.strip()
        if not text:
            return
        tokens = [t for t in self._tokenize(text) if not t.is_space]
        toks = tuple(t.text.lower() for t in tokens)
        if not toks:
            return
        if exact_case is None:
            exact_case = entry.exact_case or (text.isupper() and len(text.replace(".", "")) <= 4
                                              and entry.kind in PROPER_KINDS)
        if exact_case != entry.exact_case:
            entry = Entry(**{**entry.__dict__, "exact_case": exact_case})
        self._single.clear()
        for key in {toks, _abbreviated(tokens)}:
            bucket = self.phrases.setdefault(key, [])
            if entry not in bucket:
                bucket.append(entry)
            self.max_len = max(self.max_len, len(key))

    def load_countries(self, path: Path) -> None:
        if not path.exists():
            return
        for line, r in read_tsv(path):
            src = f"{path.name}:{line}"
            code = r["code"]
            for col, kind in (("names", COUNTRY), ("adjectives", ADJECTIVE),
                              ("demonyms", DEMONYM), ("capitals", CAPITAL), ("regions", REGION)):
                for text in split_list(r.get(col, "")):
                    self.add(text, Entry(kind, code=code, source=src))

    def load_seats(self, path: Path) -> None:
        if not path.exists():
            return
        for line, r in read_tsv(path):
            self.add(r["text"], Entry(SEAT, code=r["code"], source=f"{path.name}:{line}"))

    def load_organizations(self, path: Path) -> None:
        if not path.exists():
            return
        for line, r in read_tsv(path):
            for text in split_list(r["names"]):
                self.add(text, Entry(ORG, code=r["code"], source=f"{path.name}:{line}"))

    def load_sectors(self, path: Path) -> None:
        if not path.exists():
            return
        for line, r in read_tsv(path):
            self.add(r["text"], Entry(SECTOR, sector=r["sector"], title=r.get("title") == "yes",
                                      source=f"{path.name}:{line}"))

    def load_people(self, path: Path) -> None:
        if not path.exists():
            return
        for line, r in read_tsv(path):
            e = Entry(PERSON, code=r["code"], start=r.get("start", ""), end=r.get("end", ""),
                      name=r["name"], source=f"{path.name}:{line}")
            for text in [r["name"], *split_list(r.get("aliases", ""))]:
                self.add(text, e)

    def load_groups(self, path: Path) -> None:
        if not path.exists():
            return
        for line, r in read_tsv(path):
            src = f"{path.name}:{line}"
            for col, kind in (("names", GROUP), ("adjectives", GROUP_ADJ)):
                for text in split_list(r.get(col, "")):
                    self.add(text, Entry(kind, code=r["code"], source=src))

    def load_file(self, path: Path) -> None:
        """A user's file in one of our formats, recognised by its header."""
        with path.open(encoding="utf-8-sig") as fh:
            header = next((ln for ln in fh if ln.strip() and not ln.startswith("#")), "")
        cols = set(header.rstrip("\n").split("\t"))
        if {"code", "names", "adjectives", "kind"} <= cols:
            self.load_groups(path)
        elif {"code", "names", "adjectives"} <= cols:
            self.load_countries(path)
        elif {"name", "code", "start"} <= cols:
            self.load_people(path)
        elif {"text", "sector"} <= cols:
            self.load_sectors(path)
        elif {"text", "code"} <= cols:
            self.load_seats(path)
        elif {"code", "names"} <= cols:
            self.load_organizations(path)
        else:
            raise ValueError(f"{path}: unrecognised actor file header {sorted(cols)}")

    # -- matching --------------------------------------------------------------------------
    def match(self, tokens) -> list[tuple[int, int, list[Entry]]]:
        """Longest-first matches over a sequence of spaCy tokens: (start, end, entries)."""
        out = []
        n = len(tokens)
        i = 0
        while i < n:
            found = self._longest_at(tokens, i, n)
            if found is None:
                i += 1
                continue
            restart = None
            for j in range(i + 1, found[1]):
                # a longer phrase starting inside this one wins: "the West Bank" is not "the West"
                inner = self._longest_at(tokens, j, n)
                if inner and inner[1] > found[1] and inner[1] - j >= found[1] - i:
                    restart = j
                    break
            if restart is not None:
                i = restart
                continue
            out.append(found)
            i = found[1]
        return out

    def _longest_at(self, tokens, i: int, n: int):
        """The longest phrase at `i`. Only as many words are tried as some phrase begins with:
        a phrase's words before its last are matched exactly, so the longest run of leading
        words that begins a phrase bounds the length."""
        if self._heads_for != len(self.phrases):  # first match, or phrases added since
            self._heads = {p[:k] for p in self.phrases for k in range(len(p))}
            self._heads_for = len(self.phrases)
        head: tuple[str, ...] = ()
        limit = min(self.max_len, n - i)
        while len(head) + 1 < limit:
            longer = head + (tokens[i + len(head)].lower_,)
            if longer not in self._heads:
                break
            head = longer
        for length in range(len(head) + 1, 0, -1):
            entries = self._lookup(tokens[i:i + length])
            if entries:
                return (i, i + length, entries)
        return None

    def _lookup(self, span) -> list[Entry]:
        """The entries a span names. A one-word span's answer depends only on its text and lemma:
        most tried spans are one word, so those answers are kept."""
        if len(span) == 1:
            key = (span[0].text, span[0].lemma_)
            found = self._single.get(key)
            if found is None:
                if len(self._single) > 500_000:  # bounded, so a long run's memory stays flat
                    self._single.clear()
                found = self._single[key] = self._find(span)
            return list(found)
        return self._find(span)

    def _find(self, span) -> list[Entry]:
        head = tuple(t.lower_ for t in span[:-1])
        last = span[-1]
        forms = [last.lower_]
        lemma = last.lemma_.lower()
        if lemma != last.lower_:
            forms.append(lemma)
        if last.lower_.endswith("s") and len(last.lower_) > 3:
            forms.append(last.lower_[:-1])
            if last.lower_.endswith("ies"):
                forms.append(last.lower_[:-3] + "y")
        seen = []
        for f in forms:
            for e in self.phrases.get(head + (f,), ()):
                if e in seen:
                    continue
                if e.kind in PROPER_KINDS:
                    # proper names need a capital letter ("china" the porcelain is not China)
                    if not _capitalised(span):
                        continue
                    if e.exact_case and not all(t.text.isupper() or not t.is_alpha for t in span):
                        continue
                    if f != last.lower_ and e.kind not in (DEMONYM, GROUP):
                        continue  # plural of a name is not the name ("Chinas")
                seen.append(e)
        return seen


ARMED_ROLES = {"MIL", "REB", "UAF", "CRM", "COP", "SPY"}


def sectors_of(code: str) -> set[str]:
    """The role codes after an actor code's first three letters: "USABUSMED" -> {BUS, MED}."""
    return {code[i:i + 3] for i in range(3, len(code), 3)}


def is_business(code: str) -> bool:
    """A firm or market (sector BUS) with no armed role: it acts politically only toward an
    actor of another kind."""
    sec = sectors_of(code)
    return "BUS" in sec and not sec & ARMED_ROLES


def business_only(entries) -> bool:
    """Whether every entry of a phrase names firms or business people only."""
    return bool(entries) and all(is_business("---" + e.sector if e.kind == SECTOR else e.code)
                                 for e in entries)


def case_needed(entries) -> int:
    """The case a phrase's words must have for any of its entries to match (see `_lookup`):
    0 any (a role noun), 1 capitalised (a name), 2 all capitals (US, UN)."""
    if any(e.kind not in PROPER_KINDS for e in entries):
        return 0
    return 2 if entries and all(e.exact_case for e in entries) else 1


def _abbreviated(tokens) -> tuple[str, ...]:
    """The phrase with each word glued to the full stop right after it: the tokenizer splits
    a lower-case "gov." but keeps "Gov." and "Lt." whole in running text."""
    out: list[str] = []
    prev_end = -1
    for t in tokens:
        if t.text == "." and out and out[-1][-1:].isalpha() and t.idx == prev_end:
            out[-1] += "."
        else:
            out.append(t.text.lower())
        prev_end = t.idx + len(t.text)
    return tuple(out)


def _capitalised(span) -> bool:
    """A proper name starts with a capital letter, or with a particle before one ("al-Qaeda")."""
    first = span[0].text
    if first[:1].isupper():
        return True
    if first.lower() in NAME_PARTICLES and len(span) > 1:
        nxt = span[2] if span[1].text == "-" and len(span) > 2 else span[1]
        return nxt.text[:1].isupper()
    return False
