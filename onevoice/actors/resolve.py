"""From matched phrases to actor codes for noun phrases, using the dependency parse.

A noun phrase's code combines what its words name: a country (name, adjective, capital,
possessor: "China's negotiator"), a sector (head noun or title: "officials" GOV), an
organization or seat of power (full code), or a person (our dated knowledge base, or someone
the article introduced with a title: "U.S. envoy Christopher Hill ... Hill ... he").
"""
from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field, replace

from .lexicon import (ADJECTIVE, CAPITAL, COUNTRY, DEMONYM, GROUP, GROUP_ADJ, ORG, PERSON, REGION,
                      SEAT, SECTOR, ActorLexicon, Entry)

# What names a state (or a place in one): these give an actor its country.
COUNTRY_KINDS = (COUNTRY, ADJECTIVE, CAPITAL, DEMONYM, REGION)

# Dependencies that stay inside a noun phrase's modifiers.
NP_MODIFIER_DEPS = {"compound", "amod", "nmod", "poss", "det", "nummod", "quantmod", "case",
                    "punct", "npadvmod", "advmod"}
# Heads that only say "some of": their actor comes from an "of" phrase or apposition.
GROUP_NOUNS = {"member", "members", "part", "some", "many", "most", "all", "leader", "head",
               "group", "team", "delegation", "side", "representative", "one", "each", "both",
               "majority", "number", "dozen", "hundred", "thousand", "million", "chief"}
# Group nouns that count a crowd: their "of" phrase says who they are
CROWD_NOUNS = {"dozen", "hundred", "thousand", "million", "number"}
PAIR_NOUNS = {"side", "country", "nation", "government", "leader", "party", "neighbour", "neighbor"}
PERSON_PRONOUNS = {"he", "him", "his", "she", "her", "hers"}
# Verbs that report what someone said: "X says he ..." speaks of X
SPEECH_VERBS = {"say", "tell", "inform", "brief", "announce", "insist", "warn", "state", "declare",
                "stress", "add", "reiterate", "remind", "write", "argue", "maintain", "repeat"}
QUOTE_MARKS = {'"', "\u201c", "\u201d", "''", "``"}
# The sides of a war: "all parties to the conflict in Syria"
CONFLICT_PARTY_NOUNS = {"party", "side", "faction"}
WAR_NOUNS = {"conflict", "war", "fighting", "crisis", "hostility"}
# Nouns of bodies, not people: "the ministry said it", never "he"
INSTITUTION_NOUNS = {"government", "ministry", "agency", "army", "military", "police", "party",
                     "company", "union", "council", "parliament", "court", "committee", "commission",
                     "group", "organization", "organisation", "movement", "federation", "association",
                     "office", "department", "administration", "cabinet", "authority", "force",
                     "embassy", "bank", "board", "regime", "state", "country", "nation", "firm",
                     "network", "coalition", "alliance", "team", "institute", "newspaper"}
GROUP_PRONOUNS = {"it", "its", "they", "them", "their"}
PRONOUNS = PERSON_PRONOUNS | GROUP_PRONOUNS
PLURAL_PRONOUNS = {"they", "them", "their"}
LOCATIVE_PREPS = {"in", "at", "near", "outside", "inside", "around"}
# Words that say an actor of unknown country is not of the country the text is about.
FOREIGN_WORDS = {"foreign", "international", "overseas", "expatriate", "western", "outside"}
RELATIVE_PRONOUNS = {"who", "that", "which", "whom", "whose"}
# A place noun with a named place: "the town of Cizre", "the southern city of Susangerd".
PLACE_NOUNS = {"town", "city", "village", "capital", "district", "province", "region", "suburb",
               "neighborhood", "neighbourhood", "port", "township", "hamlet", "camp", "county",
               "island", "valley", "enclave", "territory", "prefecture"}
# "former President X" is an elite, not the government (CAMEO 3.2.4), as is an ex-minister.
FORMER_WORDS = {"former", "ex", "ex-"}
FORMER_SECTORS = {"GOV", "MIL", "LEG", "JUD", "COP", "SPY"}
# Role nouns that describe places or buildings, never a person: "Mosul, the country's second
# city" names no one. (Role nouns that describe people or bodies do: "X, a spokesman for ...")
NOT_A_PERSON = PLACE_NOUNS | {"area", "home", "house", "hospital", "clinic", "school", "university",
                              "college", "church", "mosque", "synagogue", "temple", "station",
                              "embassy", "consulate", "palace", "base", "airport", "prison"}
# Last words of a firm's name: the name is a firm's even where it holds a country or a body.
CORPORATE_SUFFIXES = {"co", "co.", "corp", "corp.", "inc", "inc.", "ltd", "ltd.", "plc", "llc",
                      "holdings", "ag", "nv", "n.v."}
# Last words of capitalised names that are bodies, places, events or documents, not people:
# "Government Accountability Office", "Tahrir Square", "the Tokyo Olympics", "Camp David Accords".
# A title before such a name introduces no one. (Words that are also common surnames, Hall,
# Park, House, are left out; words the lexicon knows, "court", "bank", never head a name.)
NOT_A_NAME = {
    # bodies
    "office", "committee", "commission", "department", "ministry", "agency", "bureau", "council",
    "authority", "board", "service", "services", "institute", "institution", "foundation",
    "association", "federation", "union", "league", "alliance", "coalition", "society", "network",
    "organization", "organisation", "party", "front", "movement", "group", "campaign", "fund",
    "bank", "corporation", "company", "industries", "airlines", "airways", "exchange", "court", "tribunal",
    "assembly", "congress", "parliament", "senate", "administration", "government",
    "army", "navy", "force", "forces", "guard", "police", "corps", "brigade", "battalion",
    "regiment", "division", "command", "mission", "embassy", "consulate", "university", "college",
    "school", "academy", "hospital", "church", "times", "post", "news", "press", "journal",
    "herald", "tribune", "gazette", "radio", "television", "tv", "channel", "watch", "center",
    "centre", "program", "programme", "project", "initiative", "trust", "club", "team",
    # places
    "street", "square", "road", "avenue", "province", "state", "county", "district", "region",
    "river", "sea", "ocean", "island", "islands", "mountain", "mountains", "valley",
    "airport", "hotel", "stadium", "port", "city", "town", "village", "strait",
    "gulf", "bay", "peninsula", "desert", "canal", "dam", "palace", "base", "camp", "prison",
    "building", "tower", "plaza", "coast", "border", "zone",
    # events and documents
    "olympics", "games", "cup", "championship", "summit", "conference", "forum", "festival",
    "war", "day", "week", "election", "elections", "act", "bill", "agreement", "accord", "accords",
    "treaty", "convention", "declaration", "protocol", "plan", "operation", "crisis",
    "revolution", "uprising", "talks", "process", "resolution", "report", "law", "constitution"}
NOT_A_NAME |= CORPORATE_SUFFIXES  # "Acme Holdings Plc" names no person
# Prepositions that tie a role to the body it serves: "a spokesman for the interior ministry",
# "an official at the embassy", "a commander with the rebel group" ("of" is handled with them).
ROLE_PREPS = {"for", "at", "with"}
# ... for the nouns of people who work or speak for a body ("protesters at the embassy" are not
# the embassy's).
REPRESENTATIVE_NOUNS = {"spokesman", "spokeswoman", "spokesperson", "official", "representative",
                        "director", "head", "chief", "leader", "member", "commander", "adviser",
                        "advisor", "aide", "envoy", "officer", "employee", "staffer", "fellow",
                        "researcher", "analyst", "negotiator", "delegate", "diplomat", "source",
                        "chairman", "chairwoman", "chair", "president", "secretary", "coordinator",
                        "lawyer", "attorney", "economist", "expert", "executive", "manager",
                        "inspector", "monitor", "observer", "investigator", "worker", "staff"}
# What a person or office holder has that speaks for them: "the governor's office said".
OFFICE_NOUNS = {"office", "staff"}
# Peacekeepers are international whoever sends them (CAMEO: "Senegalese peacekeepers" IGOPKO);
# a named organization keeps its code in front (IGOUNOPKO).
PEACEKEEPERS = "PKO"


@dataclass
class Actor:
    code: str
    text: str
    start: int            # character offsets in the document's text
    end: int
    kind: str             # what decided the code: country, org, seat, sector, person, pronoun
    source: str = ""      # lexicon row(s) behind the code
    inferred: bool = False  # resolved through a pronoun or document memory

    @property
    def country(self) -> str:
        return self.code[:3]


def _stance_prefixed(doc, i: int) -> bool:
    """Is the word at i written after "anti-" or "pro-" ("anti-Syria", "pro-Iranian")?"""
    return (i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ in ("anti", "pro")
            and doc[i - 2].idx + len(doc[i - 2].text) == doc[i - 1].idx)


def _earlier_in_sentence(tok, ref: "Actor") -> bool:
    """Is `ref` a mention in `tok`'s own sentence, before it? Walks back over the tokens between
    them (`Token.sent` and `Doc.text` each cost a pass over the whole run)."""
    doc, i = tok.doc, tok.i
    while i > 0 and doc[i].idx > ref.start:
        if doc[i].is_sent_start:
            return False
        i -= 1
    if doc[i].idx != ref.start:
        return False  # a mention of another run or document
    parts, j = [], i
    while j < tok.i and doc[j].idx < ref.end:
        parts.append(doc[j].text_with_ws)
        j += 1
    return "".join(parts).strip() == ref.text


def is_foreign(actor: Actor) -> bool:
    """'foreign journalists', 'international observers': said not to be of the country at hand."""
    return bool(FOREIGN_WORDS & set(actor.text.lower().split()))


@dataclass
class DocContext:
    """What an article has told us so far: people and their codes, recent actors."""

    date: str | None = None
    people: dict[str, tuple[str, str]] = field(default_factory=dict)  # name -> (code, source)
    last_person: Actor | None = None
    last_group: Actor | None = None
    last_pair: tuple[Actor, Actor] | None = None  # the two parties of the last two-sided event
    last_plural: list[Actor] | None = None  # the members of the last coordinated subject: "A and B"
    event_owners: dict[str, Actor] = field(default_factory=dict)  # "test" -> who tested
    country_counts: Counter = field(default_factory=Counter)  # countries named so far


class TokenStrings:
    """The string attributes of a parsed Doc's tokens, read once into lists indexed by `Token.i`:
    `lower`, `lemma` (lower-cased), `pos`, `tag`, `dep`. spaCy builds a new Python string on
    every `lower_`, `pos_`... access, and the resolver and the extractor scan every sentence's
    tokens several times."""

    _strings: dict[int, str] = {}  # hash -> string, shared: a vocabulary's strings never change

    def __init__(self, doc):
        from spacy.attrs import DEP, LEMMA, LOWER, POS, TAG

        strings, known = doc.vocab.strings, self._strings
        if len(known) > 500_000:  # bounded, so a long run's memory stays flat
            known.clear()
        columns = []
        for column in doc.to_array([LOWER, LEMMA, POS, TAG, DEP]).T.tolist():
            words = list(map(known.get, column))
            if None in words:  # a string not seen before
                for i, h in enumerate(column):
                    if words[i] is None:
                        words[i] = known[h] = strings[h]
            columns.append(words)
        self.lower, lemma, self.pos, self.tag, self.dep = columns if len(doc) else [[]] * 5
        self.lemma = list(map(str.lower, lemma))


def town_country(gazetteer, t, last_word: bool = False) -> tuple[str | None, str]:
    """(country or None, name) of the town a proper noun names: t with the proper nouns
    compounded before it ("Tel Aviv"). A town named like a noun of the language counts only as
    a single capitalised word with no article ("in Jericho", not "the Union" nor "Central Africa
    Republic"); with `last_word`, t's own word is tried too when the whole name is unknown."""
    name = " ".join(x.text for x in t.subtree if x.pos_ == "PROPN" and x.i <= t.i
                    and (x.i == t.i or x.dep_ == "compound"))
    named = name == t.text and not any(x.dep_ == "det" for x in t.children)
    code = gazetteer.country_of(name, named)
    if not code and last_word and name != t.text:
        code = gazetteer.country_of(t.text)
    return code, name


def compose(country: str, sector: str, group: str = "") -> str:
    """Country + sector (+ ethnic or religious group): IRQ + CVL + KUR -> IRQCVLKUR."""
    if sector == PEACEKEEPERS:
        return "IGO" + PEACEKEEPERS
    if country and sector:
        code = country + sector if not country.endswith(sector) else country
    elif country:
        code = country
    elif sector:
        code = "---" + sector
    else:
        return ""
    return code + group if group and not code.endswith(group) else code


class ActorResolver:
    """Resolves actors in one parsed paragraph (a spaCy Doc) within a document context."""

    def __init__(self, lexicon: ActorLexicon, gazetteer=None):
        self.lexicon = lexicon
        self.gazetteer = gazetteer

    def analyse(self, doc, ctx: DocContext) -> "ParsedActors":
        matches: dict[int, tuple[int, int, list[Entry]]] = {}
        past: dict[int, Entry] = {}  # people named here who held an office before the date
        found = self.lexicon.match(doc)
        covered = {i for start, end, _ in found for i in range(start, end)}
        for start, end, entries in found:
            if end - start == 1 and any(e.kind == PERSON for e in entries):
                given = self._given_names(doc, start, covered)
                if given:  # "Nadia Alvi" is not the "Arif Alvi" we know by his surname
                    entries = [e for e in entries if e.kind != PERSON or _same_given(given, e.name)]
                    if not entries:
                        continue
            valid = [e for e in entries if e.valid_on(ctx.date)]
            if valid:
                for i in range(start, end):
                    matches[i] = (start, end, valid)
            else:
                held = [e for e in entries if e.kind == PERSON and e.end and ctx.date and e.end < ctx.date]
                if held:
                    past[end - 1] = max(held, key=lambda e: e.end)
        return ParsedActors(doc, matches, ctx, self.gazetteer, past)

    def _given_names(self, doc, surname: int, covered: set[int]) -> list[str]:
        """The given names written right before a surname: "Nadia" in "Nadia Alvi"."""
        out = []
        i = surname - 1
        while i >= 0 and i not in covered:
            tok = doc[i]
            if tok.dep_ != "compound" or tok.head.i != surname or tok.pos_ != "PROPN":
                break
            text = tok.text
            if text[:1].isupper() and text.isalpha() and len(text) > 2:
                if (text.lower(),) in self.lexicon.phrases:
                    break  # a word the lexicon knows, such as a title
                out.append(text.lower())
            i -= 1
        return out


def _same_given(given: list[str], full_name: str) -> bool:
    """Whether one of the given names written can be one of the known person's names
    (spellings vary, Sergei/Sergey, and middle names come and go): the first three letters."""
    known = {w.lower()[:3] for w in full_name.split()}
    return not full_name or any(g[:3] in known for g in given)


class ParsedActors:
    """Actor lookups for the tokens of one parsed Doc."""

    def __init__(self, doc, matches, ctx: DocContext, gazetteer=None, past=None):
        self.doc = doc
        self.matches = matches
        self.past = past or {}
        self.ctx = ctx
        self.gazetteer = gazetteer
        self._cache: dict[int, Actor | None] = {}
        self._plurals: dict[int, list[Actor]] = {}  # "they" bound when read
        self._countries: dict[tuple[int, int], list[str]] = {}  # per sentence
        self._text = doc.text  # a spaCy Doc rebuilds its text on every access
        self._starts = [t.idx for t in doc]
        self.strings = getattr(doc, "strings", None) or TokenStrings(doc)  # a run's own, if built

    # -- public ----------------------------------------------------------------------------
    @property
    def text(self) -> str:
        """The run's text, built once."""
        return self._text

    def sentence_tokens(self, sent) -> list:
        """The sentence's tokens, from the run's token list when it has one: iterating a Span
        makes a new Token object at every step, and a sentence is scanned several times."""
        tokens = getattr(self.doc, "tokens", None)
        return tokens[sent.start:sent.end] if tokens is not None else list(sent)

    def has_candidate(self, sent) -> bool:
        lower, lemma = self.strings.lower, self.strings.lemma
        return any(i in self.matches or lower[i] in PRONOUNS
                   or (lemma[i] in PAIR_NOUNS and self.ctx.last_pair is not None)
                   or lower[i] in self.ctx.people for i in range(sent.start, sent.end))

    def actors(self, token) -> list[Actor]:
        """The actors a noun phrase headed by `token` names, one per coordinated member."""
        pair = self._two_sides(token) or self._plural(token)
        if pair:
            return pair
        out: list[Actor] = []
        for t in self._coordinated(token):
            appos = [a for c in t.children if c.dep_ == "appos"
                     for a in self.actors(c) if a.country not in ("", "---")]
            if appos and (t.lemma_.lower() in GROUP_NOUNS or self._single(t) is None
                          or self._single(t).country in ("---", "IGO")):
                out.extend(appos)
                continue
            a = self._single(t)
            if a is not None:
                out.append(a)
                out.extend(self._coordinated_countries(t, a))
            # "officials, including Foreign Minister Li Zhaoxing"
            for c in t.children:
                if c.dep_ == "prep" and c.lower_ in ("including", "like"):
                    for p in c.children:
                        if p.dep_ == "pobj":
                            out.extend(self.actors(p))
        uniq, seen = [], set()
        for a in out:
            if (a.code, a.start) not in seen:
                seen.add((a.code, a.start))
                uniq.append(a)
        return uniq

    def _coordinated_countries(self, head, actor: Actor) -> list[Actor]:
        """'Hungarian and Romanian officials': one actor per coordinated country modifier."""
        if actor.kind not in ("country", "country+sector", "sector") or len(actor.code) < 3:
            return []
        out = []
        for m in head.children:
            if m.i > head.i or m.dep_ not in ("amod", "compound", "nmod"):
                continue
            if self._country_of(m) != actor.country:
                continue
            for c in self._conjuncts(m):
                code = self._country_of(c)
                if code and code != actor.country:
                    out.append(replace(actor, code=code + actor.code[3:], text=c.text, start=c.idx,
                                       end=c.idx + len(c.text)))
        return out

    def _conjuncts(self, token):
        out = []
        for c in token.children:
            if c.dep_ == "conj":
                out.append(c)
                out.extend(self._conjuncts(c))
        return out

    def _country_of(self, token) -> str:
        m = self.matches.get(token.i)
        if not m:
            return ""
        codes = {e.code for e in m[2] if e.kind in COUNTRY_KINDS}
        return codes.pop() if len(codes) == 1 else ""

    def prime(self, sent) -> None:
        """Resolve names and pronouns in reading order, so "he" binds to the last person named."""
        strings = self.strings
        for t in self.sentence_tokens(sent):
            pos, dep = strings.pos[t.i], strings.dep[t.i]
            if pos == "PROPN" and dep not in ("compound", "poss") or dep in ("nsubj", "nsubjpass"):
                acts = self.actors(t) if pos != "PRON" else [self._single(t)]
                acts = [a for a in acts if a]
                for a in acts:
                    if a.kind == "person" and not a.inferred:
                        self.ctx.last_person = a
                if dep in ("nsubj", "nsubjpass") and acts and acts[0].kind not in ("person", "pronoun"):
                    self.ctx.last_group = acts[0]
                named = [a for a in acts if a.kind != "pronoun"]
                if dep in ("nsubj", "nsubjpass") and len(named) > 1:
                    self.ctx.last_plural = named  # "A and B said they ..."
                elif dep in ("nsubj", "nsubjpass") and named and named[0].kind != "person":
                    self.ctx.last_plural = None  # "officials said they ...": the group
            elif strings.lower[t.i] in PRONOUNS:
                self._single(t)

    def sentence_countries(self, sent) -> list[str]:
        """Countries the sentence names (names, adjectives, capitals, demonyms), in order;
        worked out once per sentence (every unknown-country actor asks)."""
        key = (sent.start, sent.end)
        if key not in self._countries:
            self._countries[key] = self._sentence_countries(sent)
        return list(self._countries[key])

    def countries_only_in(self, sent, start: int, end: int) -> bool:
        """Does the sentence name countries only inside the text span [start, end) ("met his
        Chinese counterpart": the only country is the counterpart's)?"""
        inside = False
        for i in range(sent.start, sent.end):
            m = self.matches.get(i)
            if not m or not any(e.kind in COUNTRY_KINDS for e in m[2]):
                continue
            if not start <= self.doc[i].idx < end:
                return False
            inside = True
        return inside and not (self.gazetteer is not None and self._place_countries(sent))

    def _sentence_countries(self, sent) -> list[str]:
        out = []
        seen_spans = set()
        for i in range(sent.start, sent.end):
            m = self.matches.get(i)
            if not m or m[0] in seen_spans or _stance_prefixed(self.doc, m[0]):
                continue
            seen_spans.add(m[0])
            codes = {e.code for e in m[2] if e.kind in COUNTRY_KINDS}
            if len(codes) == 1:
                out.append(codes.pop())
        if self.gazetteer is not None:
            out.extend(self._place_countries(sent))
        return out

    def _place_countries(self, sent) -> list[str]:
        """Countries of the cities a sentence puts things in: "in Juba", "near Tel Aviv"."""
        out = []
        strings = self.strings
        for i in range(sent.start, sent.end):
            if strings.dep[i] != "pobj" or strings.pos[i] != "PROPN" or i in self.matches:
                continue
            t = self.doc[i]
            if t.head.lower_ in LOCATIVE_PREPS:
                code, _ = town_country(self.gazetteer, t, last_word=True)
                if code:
                    out.append(code)
        return out

    def count_countries(self, sent) -> None:
        self.ctx.country_counts.update(self.sentence_countries(sent))

    def localise(self, actor: Actor, sent) -> Actor:
        """An actor of unknown country ("the president", "rebels") takes the one country its
        sentence names, or else the country the article has named most: domestic by default."""
        if not actor.code.startswith("---") or actor.kind == "unknown":
            return actor  # an unnamed perpetrator has no country to guess
        if is_foreign(actor):
            return actor  # "foreign journalists", "international observers": not the country's own
        named = set(self.sentence_countries(sent))
        if len(named) == 1:
            country, why = named.pop(), "the sentence's country"
        elif not named and self.ctx.country_counts:
            (country, n), = self.ctx.country_counts.most_common(1)
            if n < 2:
                return actor
            why = "the article's country"
        else:
            return actor
        return replace(actor, code=country + actor.code[3:], inferred=True,
                       source=f"{actor.source}; country from {why}".lstrip("; "))

    def _two_sides(self, t) -> list[Actor]:
        """'the two sides', 'both countries': the parties of the last two-sided event."""
        if t.lemma_.lower() not in PAIR_NOUNS or self.ctx.last_pair is None:
            return []
        if not any(c.lower_ in ("two", "both") for c in t.children):
            return []
        return [Actor(code=a.code, text=t.text, start=t.idx, end=t.idx + len(t.text), kind="pronoun",
                      source=f"antecedent '{a.text}'", inferred=True) for a in self.ctx.last_pair]

    def remember(self, actors: list[Actor], token) -> None:
        """Keep recent actors for later pronouns in the document."""
        for a in actors:
            if a.kind == "person":
                self.ctx.last_person = a
            elif token.dep_ in ("nsubj", "nsubjpass") and a.kind != "pronoun":
                self.ctx.last_group = a

    # -- internals -------------------------------------------------------------------------
    def _coordinated(self, token):
        out = [token]
        for c in token.children:
            if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "PRON", "ADJ"):
                out.extend(self._coordinated(c))
        return out

    def _np_tokens(self, head):
        """The head and its pre-modifiers (not their possessors' insides, not clauses)."""
        toks = [head]
        stack = [head]
        while stack:
            t = stack.pop()
            for c in t.children:
                if c.dep_ in NP_MODIFIER_DEPS and c.i < head.i:
                    toks.append(c)
                    if c.dep_ != "poss":
                        stack.append(c)
        return sorted(toks, key=lambda t: t.i)

    def _single(self, token) -> Actor | None:
        if token.i in self._cache:
            return self._cache[token.i]
        self._cache[token.i] = None  # guards against cycles
        a = self._resolve(token)
        self._cache[token.i] = a
        return a

    def _resolve(self, head) -> Actor | None:
        low = head.lower_
        if head.pos_ == "PRON" or low in PRONOUNS:
            return self._pronoun(head)
        if low in RELATIVE_PRONOUNS and head.head.i != head.i:
            antecedent = head.head.head if head.head.dep_ == "relcl" else None
            if antecedent is not None:
                acts = self.actors(antecedent)
                return acts[0] if acts else None
            return None
        toks = self._np_tokens(head)
        country = sector = full = group = ""
        kind = ""
        sources: list[str] = []
        span_tokens = []
        head_match = self.matches.get(head.i)
        if head_match and all(e.kind == GROUP_ADJ for e in head_match[2]):
            head_match = None  # "Kurdish" alone names no one
        if not head_match and head.lemma_.lower() in OFFICE_NOUNS:
            office = self._office_of(head)
            if office is not None:
                return office
        # 1. what the head itself names
        if head_match:
            s, e, entries = head_match
            ent = self._pick(entries, as_head=True)
            if ent.kind in (ORG, SEAT, PERSON):
                full, kind = ent.code, ent.kind
            elif ent.kind in COUNTRY_KINDS:
                country, kind = ent.code, "country"
            elif ent.kind == SECTOR:
                sector, kind = ent.sector, "sector"
            elif ent.kind == GROUP:
                group, kind = ent.code, "group"
            sources.append(ent.source)
            span_tokens.extend(self.doc[s:e])
        # 2. what the modifiers add
        resident = False
        former = False
        for t in reversed(toks):
            if t.i == head.i or (head_match and head_match[0] <= t.i < head_match[1]):
                continue
            if t.lower_ in FORMER_WORDS and t.dep_ in ("amod", "compound", "advmod"):
                former = True
                continue
            if t.lower_ in FOREIGN_WORDS and t.dep_ == "amod":
                span_tokens.append(t)  # kept in the evidence: "foreign journalists"
                continue
            if t.dep_ == "poss":
                pa = self._single(t)
                if pa and pa.country not in ("", "---") and not country and not full:
                    country = pa.country if pa.kind != "org" else ""
                    full = pa.code if pa.kind == "org" and kind == "sector" else full
                    sources.append(pa.source)
                    # "their leaders": the pronoun is the evidence here, not its antecedent
                    span_tokens.extend([t] if t.pos_ == "PRON" else
                                       (self.doc[pa_i] for pa_i in self._span_indices(pa)))
                continue
            m = self.matches.get(t.i)
            if not m:
                continue
            ent = self._pick(m[2], as_head=False)
            if ent.kind in COUNTRY_KINDS and _stance_prefixed(self.doc, m[0]):
                continue  # "anti-Syria journalist", "pro-Iranian militants": a stance, not a nationality
            if ent.kind in (ORG, SEAT) and not full:
                if kind == "country":
                    continue  # "NATO-member Norway", "EU member Poland": the country itself
                full = ent.code
            elif ent.kind in COUNTRY_KINDS and (
                    not country or (kind == "country" and head_match and head_match[2][0].kind == DEMONYM
                                    and ent.kind in (ADJECTIVE, COUNTRY) and not resident)):
                # "Bosnian Serbs": people are coded by the country they live in
                if country and ent.code != country:
                    resident = True
                country = ent.code
            elif ent.kind == SECTOR and not sector:
                if ent.title and t.pos_ == "ADJ" and m[1] - m[0] == 1:
                    continue  # "a general strike": the adjective, not the rank
                sector = ent.sector
            elif ent.kind == PERSON and not full:
                full = ent.code
            elif ent.kind in (GROUP, GROUP_ADJ) and not group:
                group = ent.code
            else:
                continue
            sources.append(ent.source)
            span_tokens.extend(self.doc[m[0]:m[1]])
        if kind == "group" and not sector:
            sector = "CVL"  # "Iraqi Kurds", "Shiites": a population
        if former and sector in FORMER_SECTORS:
            sector = "ELI"
        # 3. a personal name: known office holder, or someone introduced earlier
        name = self._proper_name(head)
        person = None
        if name and not (head_match and head_match[2][0].kind in (COUNTRY, ORG, SEAT, CAPITAL, REGION)):
            introduced = (self.ctx.people.get(low) if head_match and head_match[1] - head_match[0] == 1
                          else None)
            if introduced and not country and not sector:
                full, kind = introduced[0], "person"  # the article's own "Alvi", not the one we know
                sources.append(introduced[1])
            elif head_match and any(e.kind == PERSON for e in head_match[2]):
                person = next(e for e in head_match[2] if e.kind == PERSON)
                full, kind = person.code, "person"
                if country and person.code[:3] not in (country, "IGO", "NGO", "IMG"):
                    full = country + person.code[3:]  # the text's own "Serbian President ..."
            elif former and head.i in self.past and self.past[head.i].code[:3] not in ("IGO", "NGO", "IMG"):
                held = self.past[head.i]  # "former President Carlos Menem", out of office on the date
                full, kind = held.code[:3] + "ELI", "person"
                sources.append(held.source)
            elif not (country or sector or full) and self._title_before(head, name):
                sector, title_source = self._title_before(head, name)
                code = compose("", sector, group)
                sources.append(title_source)
                self._register(name, code, ";".join(sources))
                full, kind = code, "person"
            elif (country or sector) and not full:
                code = compose(country, sector or "", group)
                self._register(name, code, ";".join(sources))
                full, kind = code, "person"
            else:
                known = self._known_person(name) or self._apposed_role(head)
                if known:
                    full, kind = known[0], "person"
                    sources.append(known[1])
            if kind == "person":
                if former and full[:3] not in ("", "---", "IGO", "NGO", "IMG") and not full.endswith("ELI"):
                    full = full[:3] + "ELI"  # "former Prime Minister Ehud Olmert"
                span_tokens.extend(t for t in toks if t.pos_ == "PROPN")
                self._register(name, full, ";".join(sources))
        # 4. "members of the Security Council", "the government of Iraq", "the town of Cizre"
        if not full and (not country or head.lemma_.lower() in GROUP_NOUNS):
            for c in head.children:
                if c.dep_ == "prep" and (c.lower_ == "of" or c.lower_ in ROLE_PREPS
                                          and head.lemma_.lower() in REPRESENTATIVE_NOUNS):
                    for p in c.children:
                        if p.dep_ != "pobj":
                            continue
                        pa = self._single(p) or (self._place(p, head) if c.lower_ == "of" else None)
                        if not pa:
                            continue
                        if (pa.kind == "sector" and p.i not in self.matches
                                and head.lemma_.lower() in GROUP_NOUNS):
                            continue  # "part of a military aid program": a thing, not people
                        if c.lower_ != "of" and (pa.kind == "country" or pa.kind == "person"):
                            continue  # "the envoy for Syria", "an adviser to Smith": not their own
                        if country and pa.kind not in ("org", "seat"):
                            continue  # "the Turkish side of the island" stays Turkish
                        if sector and pa.kind in ("country",) and len(pa.code) == 3:
                            country = pa.code
                        else:
                            full = pa.code
                        kind = kind or pa.kind
                        sources.append(pa.source)
                        span_tokens.extend(self.doc[i] for i in self._span_indices(pa))
        if name and kind != "person" and len(full) > 3:
            self._register(name, full, ";".join(sources))  # "Nadia Alvi of Human Rights Watch"
            kind = "person"
        # 5. "security forces in Guinea", "opposition groups in Zimbabwe": a sector placed in a country
        is_people = bool(head_match) and head_match[2][0].kind == DEMONYM and not sector
        if not full and (not country and sector or is_people):
            for c in head.children:
                if c.dep_ == "prep" and c.lower_ in ("in", "from", "of", "throughout", "across"):
                    for p in c.children:
                        pa = self._single(p) if p.dep_ == "pobj" else None
                        if pa and pa.kind == "country" and len(pa.code) == 3:
                            country = pa.code
                            sources.append(pa.source)
                        elif (pa and pa.kind == "country+sector" and c.lower_ in ("from", "of")
                              and pa.code[:3].isalpha() and pa.code[:3] not in ("IGO", "NGO", "MNC")):
                            country = pa.code[:3]  # "doctors from two American aid groups"
                            sources.append(pa.source)
                        elif (not pa and c.lower_ == "from" and p.dep_ == "pobj" and p.pos_ == "PROPN"
                              and p.i not in self.matches and self.gazetteer is not None):
                            # "a Christian missionary from Calgary": a town the gazetteer knows
                            town, name = town_country(self.gazetteer, p)
                            if town:
                                country = town
                                sources.append(f"gazetteer: {name}")
        # 6. "all parties to the conflict in Syria", "the warring factions in Libya": the sides of
        # a war in a country are of that country
        if not full and not country and head.lemma_.lower() in CONFLICT_PARTY_NOUNS:
            # ("called on all parties to the conflict": the parser may hang "to" on the verb)
            gov = head.head.head if head.dep_ == "pobj" else head.head
            tos = [c for c in head.children if c.dep_ == "prep" and c.lower_ == "to"]
            tos += [c for c in gov.children if c.dep_ == "prep" and c.lower_ == "to"
                    and c.i == head.right_edge.i + 1]
            war = [q for c in tos for q in c.children if q.dep_ == "pobj" and q.lemma_.lower() in WAR_NOUNS]
            warring = any(c.lower_ in ("warring", "rival", "feuding") for c in head.children if c.dep_ == "amod")
            for t in war + ([head] if warring else []):
                for c in t.children:
                    if c.dep_ == "prep" and c.lower_ == "in":
                        pa = next((self._single(p) for p in c.children if p.dep_ == "pobj"), None)
                        if pa and pa.kind == "country" and len(pa.code) == 3 and not country:
                            country = pa.code
                            sources.append(pa.source)
        # 7. "the capital, Kabul", "the village Tal Afar": a place noun naming its place
        if not full and not country and head.lemma_.lower() in PLACE_NOUNS:
            for c in head.children:
                if c.dep_ in ("appos", "compound") and c.pos_ == "PROPN":
                    pa = self._single(c) if c.dep_ == "appos" else None
                    pa = pa if pa and pa.kind == "country" else self._place(c, head)
                    if pa and len(pa.code) == 3:
                        country = pa.code
                        sources.append(pa.source)
                        break
        if full:
            code = full
            if sector == PEACEKEEPERS and full.startswith("IGO"):
                code = full + PEACEKEEPERS  # "United Nations peacekeepers"
        else:
            code = compose(country, sector, group)
            if kind == "sector" and country:
                kind = "country+sector"
            if kind == "group":
                kind = "country+sector" if country else "sector"
        if not code:
            return None
        if code.startswith("---") and head.lemma_.lower() in GROUP_NOUNS and not sector and len(code) <= 3:
            # "members of the team"; but "thousands of protesters", "a group of rebels" are
            # who they are
            return None
        span_tokens.append(head)
        if head.pos_ == "PROPN":  # the whole name: "Acme Corp.", "Nadia Alvi of ..."
            span_tokens.extend(t for t in toks if t.pos_ == "PROPN" and t.dep_ == "compound")
        start = min(t.idx for t in span_tokens)
        end = max(t.idx + len(t.text) for t in span_tokens)
        if head.pos_ == "PROPN" and head.lower_ in CORPORATE_SUFFIXES and "BUS" not in code:
            # "American Health and Life Insurance Co", "British and Commonwealth Holdings Plc":
            # a firm named after a country or a body is a firm (of that country)
            country = code[:3] if code[:3].isalpha() and code[:3] not in ("IGO", "NGO", "MNC") else "---"
            sources.append(f"firm: '{head.text}'")
            code, kind = country + "BUS", "country+sector" if country != "---" else "sector"
        return Actor(code=code, text=self._text[start:end], start=start, end=end,
                     kind=kind or "sector", source=";".join(dict.fromkeys(s for s in sources if s)))

    def _office_of(self, head) -> Actor | None:
        """"The governor's office", "Smith's staff": speak for their holder, who has the code."""
        for c in head.children:
            if c.dep_ != "poss":
                continue
            pa = self._single(c)
            if pa is None or pa.kind == "country":
                return None  # "Kenya's office" is no one's in particular
            start = min(pa.start, head.idx)
            end = head.idx + len(head.text)
            return Actor(code=pa.code, text=self._text[start:end], start=start, end=end,
                         kind=pa.kind if pa.kind in ("org", "seat") else "sector",
                         source=f"{pa.source}; office of '{pa.text}'".lstrip("; "),
                         inferred=pa.inferred)
        return None

    def _place(self, token, noun) -> Actor | None:
        """A town or city the gazetteer knows, named by a place noun: 'the town of Cizre'."""
        if self.gazetteer is None or token.pos_ != "PROPN" or noun.lemma_.lower() not in PLACE_NOUNS:
            return None
        if token.i in self.matches:
            return None
        code, name = town_country(self.gazetteer, token, last_word=True)
        if not code:
            return None
        return Actor(code=code, text=token.text, start=token.idx, end=token.idx + len(token.text),
                     kind="country", source=f"gazetteer: {name}")

    def _span_indices(self, actor: Actor):
        lo = bisect_left(self._starts, actor.start)
        hi = bisect_left(self._starts, actor.end)
        return range(lo, hi)

    @staticmethod
    def _pick(entries: list[Entry], as_head: bool) -> Entry:
        order = ([PERSON, ORG, SEAT, DEMONYM, GROUP, COUNTRY, CAPITAL, REGION, ADJECTIVE, SECTOR, GROUP_ADJ]
                 if as_head else
                 [PERSON, ORG, SEAT, ADJECTIVE, COUNTRY, CAPITAL, REGION, DEMONYM, SECTOR, GROUP_ADJ, GROUP])
        return min(entries, key=lambda e: order.index(e.kind))

    def _proper_name(self, head) -> str:
        """'Christopher Hill' for the head 'Hill' of a run of proper nouns, else ''."""
        if not head.text[:1].isupper():
            return ""
        if head.pos_ != "PROPN" and not (head.pos_ == "NOUN" and head.lower_ in self.ctx.people):
            return ""
        m = self.matches.get(head.i)
        if m and any(e.kind != PERSON for e in m[2]):
            return ""
        if not m and head.lower_ in NOT_A_NAME:
            return ""
        parts = [head]
        for c in sorted(head.children, key=lambda t: -t.i):
            if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i == parts[0].i - 1:
                cm = self.matches.get(c.i)
                if cm and any(e.kind == SECTOR for e in cm[2]):
                    break
                parts.insert(0, c)
        return " ".join(t.text for t in parts)

    def _register(self, name: str, code: str, source: str) -> None:
        if not code or code.startswith("---") and len(code) == 3:
            return
        self.ctx.people[name.lower()] = (code, source)
        last = name.split()[-1].lower()
        self.ctx.people.setdefault(last, (code, source))

    def _title_before(self, head, name: str):
        """(sector, source) of a title written right before a name the parse did not attach it
        to: the tokenizer splits some abbreviations ("Det. Sam Hall") and the parse follows."""
        first = head.i - len(name.split()) + 1
        m = self.matches.get(first - 1) if first > 0 else None
        if not m or m[1] != first or self.doc[first - 1].text != ".":
            return None
        titles = [e for e in m[2] if e.kind == SECTOR and e.title]
        return (titles[0].sector, titles[0].source) if titles else None

    def _apposed_role(self, name_head):
        """(code, source) for a person the sentence describes by a role in apposition:
        "Paul Ndege, the country's interior minister," or "the army spokesman, Paul Ndege"."""
        roles = [c for c in name_head.children if c.dep_ == "appos" and c.i > name_head.i]
        if name_head.dep_ == "appos" and name_head.head.i < name_head.i:
            roles.append(name_head.head)
        for r in roles:
            if r.pos_ not in ("NOUN", "PROPN") or r.lemma_.lower() in NOT_A_PERSON:
                continue
            a = self._single(r)
            if a is None or a.kind not in ("sector", "country+sector", "org", "seat"):
                continue
            if r.i in self.matches and self.matches[r.i][2][0].kind != SECTOR and a.kind != "sector":
                continue  # "Ndege, Kenya": a place or a body named, not a role held
            return a.code, f"{a.source}; role in apposition '{a.text}'".lstrip("; ")
        return None

    def _known_person(self, name: str):
        return self.ctx.people.get(name.lower()) or self.ctx.people.get(name.split()[-1].lower())

    def _speaker(self, tok) -> Actor | None:
        """'A Japanese expert says he is pessimistic', 'the ministry said it would': the subject
        of a reported clause is its speaker, when the speaker is one person (he, she) or one
        body (it)."""
        low = tok.lower_
        clause = tok.head
        if (tok.dep_ not in ("nsubj", "nsubjpass") or low not in ("he", "she", "it")
                or clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in SPEECH_VERBS):
            return None
        subj = [c for c in clause.head.children if c.dep_ == "nsubj"]
        if len(subj) != 1 or subj[0].pos_ not in ("NOUN", "PROPN") or subj[0].tag_ not in ("NN", "NNP"):
            return None
        lo, hi = min(clause.left_edge.i, clause.head.i), max(clause.right_edge.i, clause.head.i)
        if any(t.tag_ in ("``", "''") or t.text in QUOTE_MARKS for t in self.doc[max(lo - 1, 0):hi + 1]):
            return None  # in a quotation the speaker is "I": "he" is someone else
        if any(c.dep_ == "conj" for c in subj[0].children):
            return None
        acts = self.actors(subj[0])
        if len(acts) != 1 or acts[0].kind in ("pronoun", "unknown"):
            return None
        body = subj[0].lemma_.lower() in INSTITUTION_NOUNS or acts[0].kind in ("org", "country", "seat") \
            and subj[0].pos_ == "PROPN"
        return acts[0] if body == (low == "it") else None

    def _plural(self, tok) -> list[Actor]:
        """'they' after a coordinated subject: each of its members, bound where it is read."""
        if tok.lower_ not in PLURAL_PRONOUNS:
            return []
        found = self._plurals.get(tok.i)
        if found is None:
            found, seen = [], set()
            for a in self.ctx.last_plural or ():
                if a.code not in seen:
                    seen.add(a.code)
                    found.append(Actor(code=a.code, text=tok.text, start=tok.idx,
                                       end=tok.idx + len(tok.text), kind="pronoun",
                                       source=f"antecedent '{a.text}'", inferred=True))
            self._plurals[tok.i] = found
        return found

    def _pronoun(self, tok) -> Actor | None:
        low = tok.lower_
        ref = None
        plural = self._plural(tok)
        if plural:
            return plural[0]
        speaker = self._speaker(tok)
        if speaker is not None:  # (the evidence is the speaker's name, as below)
            return Actor(code=speaker.code, text=speaker.text, start=speaker.start, end=speaker.end,
                         kind="pronoun", source=f"'{tok.text}' is the speaker '{speaker.text}'",
                         inferred=True)
        if low in PERSON_PRONOUNS:
            ref = self.ctx.last_person
        elif low in GROUP_PRONOUNS:
            ref = self.ctx.last_group
        if ref is None:
            return None
        if ref.start < ref.end <= tok.idx and _earlier_in_sentence(tok, ref):
            # "Britain's Royal Marines said it will not ...": the evidence is the name itself
            return Actor(code=ref.code, text=ref.text, start=ref.start, end=ref.end, kind="pronoun",
                         source=f"'{tok.text}' refers to '{ref.text}'", inferred=True)
        return Actor(code=ref.code, text=tok.text, start=tok.idx, end=tok.idx + len(tok.text),
                     kind="pronoun", source=f"antecedent '{ref.text}'", inferred=True)
