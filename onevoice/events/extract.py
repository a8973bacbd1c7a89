"""Clauses to events: find trigger verbs and event nouns, their source and target, and the mode.

Reads the dependency parse of one sentence. Roles: subject (or passive `by` agent) is the
source; the target sits where the lexicon row says (direct object, a preposition's object,
indirect object). Control verbs pass their object or subject down ("urged China to use its
influence" makes China the subject of "use"); coordination gives one event per actor.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Iterator

from ..actors.lexicon import PROPER_KINDS, is_business, sectors_of
from ..actors.resolve import (PLACE_NOUNS, SPEECH_VERBS, Actor, ParsedActors, is_foreign,
                               town_country)
from .lexicon import NOT_AN_EVENT, EventLexicon, Pattern

VERB_TAGS = {"VB", "VBD", "VBG", "VBN", "VBP", "VBZ"}
# A noun event inherits the subject of the verb it hangs from only through these prepositions
# ("During talks with X, Hill said ...", "killed five in an attack"), never through an object
# ("X condemned the attack"). Prepositions of sequence ("after", "following", "amid") are left
# out: they relate the clause to another, earlier event, usually someone else's ("resigned
# after protests", "surrendered following a government offensive").
INHERIT_PREPS = {"during", "at", "in", "of"}
# Through these only a two-sided act with its other party named passes the subject down:
# "After talks with China, Hill said ..." (Hill took part), not "resigned after protests".
SEQUENCE_PREPS = {"after", "following", "before", "since", "amid"}
# Conjunctions of a clause about what came before or happens around the news ("when" often
# tells the same act again: "killed 23 people when they blew themselves up")
BACKGROUND_MARKS = {"after", "before", "since", "as"}
MODE_CLIMB_DEPS = {"xcomp", "pcomp", "pobj", "prep", "acomp", "advmod"}
# Verbs that only carry an event noun: "held talks", "launched an offensive", "gave a welcome".
LIGHT_VERBS = {"hold", "have", "conduct", "stage", "begin", "start", "open", "resume", "renew",
               "launch", "undertake", "continue", "give", "make", "carry", "mount", "wage", "pay",
               "extend", "step", "intensify", "escalate", "end", "complete", "announce", "order",
               "declare", "approve", "speed", "accelerate", "hasten", "expedite", "finish", "perform"}
# Verbs of deciding: approving an act one carries out oneself ("the court approved the
# extradition of X to Y", "parliament approved the deployment of troops") is that act, as the
# codebook codes a parliament approving its own concession; 051 is for approving others' acts.
DECISION_VERBS = {"approve"}
# "X said Y must ...": a stated obligation of another actor is a demand.
OBLIGATION = {"must", "should"}
# Nouns of what is said or written: "a reminder that X must ...", "a statement that X should ..."
MESSAGE_NOUNS = {"reminder", "warning", "statement", "message", "letter", "declaration",
                 "communique", "note", "ultimatum"}
# Verbs whose "of" clause is an allegation: "accused X of spying", "suspected X of plotting".
# Nouns whose "that" clause is what someone alleges, not a reported fact
ALLEGATION_NOUNS = {"allegation", "accusation", "charge", "claim", "suspicion", "rumor", "rumour"}
ACCUSING_VERBS = {"accuse", "suspect", "charge", "blame", "convict", "indict", "find"}
# Verbs that put out a message ("issued a statement urging ..."), not ones that answer it.
ISSUE_VERBS = {"issue", "release", "publish", "put", "deliver", "send", "leave", "make", "adopt",
               "present", "post", "sign", "write", "circulate", "distribute", "file", "submit",
               "unveil", "produce", "read"}
# Laws and the verbs that enact them: "passed a bill lifting the emergency law"
LEGISLATION_NOUNS = {"bill", "law", "decree", "legislation", "ordinance", "amendment", "order"}
ENACTING_VERBS = {"pass", "approve", "adopt", "enact", "sign", "issue", "promulgate", "decree"}
# Prepositions that introduce whom an act is directed to (not where or when it happened).
RECIPIENT_PREPS = {"to", "for", "from", "with", "against", "on", "toward", "towards", "into", "upon"}
# Appeals, intents, demands, rejections and threats: their complements are not facts.
WISH_ROOTS = {"02", "03", "10", "12", "13"}
MODE_RANK = {"negated": 3, "hypothetical": 2, "future": 1}
# Nouns that only count or group an event noun: "a round of talks", "$5 million in aid".
# Material acts (cooperation 06-08, conflict 15-20) done in a country other than the doer's
# are directed at it: "lifted a curfew in X", "shelled positions in X".
# Coercion only a state carries out: restrictions, arrests and charges, expulsions (CAMEO 172-174).
STATE_POWERS = {"172", "173", "174"}
# Participles that state their subject's stance: "X is opposed to Y", "X is committed to Y".
STANCE_PARTICIPLES = {"oppose", "commit", "dedicate", "devote", "engage", "involve"}
# Verbs that carry the act their "in" phrase names ("engaged in fighting with X")
ENGAGING_VERBS = {"engage", "involve"}
# Verbs whose act is between the parties of a coordinated subject when no one else is named.
MUTUAL_VERBS = {"agree", "sign", "conclude", "reach", "ink", "seal", "forge", "finalize",
                "finalise", "negotiate", "cooperate", "collaborate", "ally"}
# Parts of speech that head a noun phrase.
NOMINAL = ("NOUN", "PROPN", "NUM", "PRON")
# Verbs of contact or dispersal that are force only when someone or somewhere is hit ("the
# aircraft hit the ground", "the crowd dispersed")
CONTACT_VERBS = {"hit", "strike", "ram", "smash", "disperse"}
# Who is received as a guest, besides actors ("received a delegation from Japan")
VISITOR_NOUNS = {"delegation", "visitor", "guest", "mission", "team", "envoy", "emissary"}
# Acts aimed at the country they take place in when no one else is named: material acts and
# investigations ("investigated war crimes in Sudan")
PLACE_ROOTS = {"06", "07", "08", "09", "15", "16", "17", "18", "19", "20"}
# Acts that are events with no one named on the other side: yielding or retreating ("the rebels
# surrendered"), protest ("thousands demonstrated"), force posture, coercion and violence.
SELF_CONTAINED_ROOTS = {"08", "14", "15", "17", "18", "19", "20"}
# The state's own organs: they do not protest at their own state.
STATE_SECTORS = {"GOV", "LEG", "JUD", "MIL", "COP", "SPY"}
# Military exercises: held by two countries' forces together they are military cooperation.
EXERCISE_NOUNS = {"exercise", "drill", "game", "maneuver", "manoeuvre", "war game", "wargame"}
# Uses of force (coercion by violence, assault, fight, mass violence).
# Measures a state takes at home: curfews, emergencies, martial law, restrictions, and their
# easing (CAMEO 0811-0814, 1721-1724)
DOMESTIC_MEASURES = {"0811", "0812", "0813", "0814", "1721", "1722", "1723", "1724"}
# Acts that undo or refuse their doer's own act: yielding, rejecting, reducing relations
UNDOING_ROOTS = {"08", "12", "16"}
# A plain "strike" (190) by workers, judges, doctors or students is a strike from work (143)
STRIKING_SECTORS = {"LAB", "EDU", "MED", "HLH", "JUD", "AGR", "CVL", "BUS", "JRN", "REL", "LEG", "OPP"}
# Verbs of meeting that, with no one else named, tell of a body sitting on its own
SITTING_VERBS = {"meet", "convene", "gather", "call", "hold"}
MEETING_NOUNS = {"meeting", "session", "summit", "conference", "consultation"}
# Where people are held: release from these frees people (0841)
CAPTIVITY_NOUNS = {"captivity", "prison", "jail", "detention", "custody", "gaol", "internment"}
# "ordered X to leave", "forced X to quit the country": an expulsion
EXPELLING_VERBS = {"order", "force", "compel"}
DEPARTING_VERBS = {"leave", "quit", "depart", "exit"}
LEFT_LANDS = {"country", "territory", "nation", "state", "home", "village", "town", "region", "land"}
# Verbs of dying: a death caused by violence is that violence ("died after torture")
DYING_VERBS = {"die"}
FORCE_ROOTS = {"18", "19", "20"}
PLACE_PREPS = {"in", "inside", "across", "throughout", "near", "outside", "around"}
# The maker of a proposal, call or offer that an act answers: "calls by X", "an offer from X".
OWNER_PREPS = {"by", "from"}
# Where the party an act on a thing is aimed at sits: "lifted restrictions on X", "demanded an
# apology from X", "opened the border to X", "closed its border with X". Not "for": "urged aid
# for X" asks someone else.
OBJECT_RECIPIENT_PREPS = {"on", "against", "from", "to", "toward", "towards", "upon", "with"}
# Acts whose `of` phrase names who does them ("the withdrawal of Serbian forces", "the
# resignation of the president"): demanding or rejecting one is directed at that actor.
OF_DOER_NOUNS = {"withdrawal", "pullout", "resignation", "departure", "retreat", "surrender",
                 "admission", "apology", "cooperation", "participation", "compliance",
                 "disarmament", "demobilization", "demobilisation", "intervention", "involvement",
                 "support", "help", "assistance", "recognition", "consent", "approval"}
# nouns that ask for something: what follows their "for" is what is asked
REQUEST_NOUNS = {"call", "demand", "request", "appeal", "plea"}
# nouns whose "of" names the one removed: demanding it is aimed at them
OUSTED_NOUNS = {"ouster", "removal", "overthrow", "dismissal", "impeachment", "sacking", "expulsion"}
# The other side's opposite number: whoever meets one is of another country
COUNTERPARTS = {"counterpart", "counterparts"}
# What a protest shows ("to show their disapproval of X", "to voice anger at X")
GRIEVANCE_NOUNS = {"disapproval", "anger", "opposition", "outrage", "displeasure", "discontent",
                   "dissatisfaction", "frustration", "indignation", "rejection", "condemnation",
                   "grievance", "objection", "resentment", "fury"}
# Verbs of leaving a place, a withdrawal when forces leave it
LEAVING_VERBS = {"leave", "vacate"}
# Verbs that send people somewhere, and the people whose sending is only a way to act
SENDING_VERBS = {"send", "dispatch"}
SENT_PEOPLE = {"inspector", "investigator", "monitor", "observer", "expert", "personnel", "team",
               "mission", "delegation", "envoy", "official", "officer", "staff", "member",
               "representative", "specialist", "technician", "mediator", "negotiator"}
# An end to restrictions is their lifting, an end to fighting a ceasefire
ENDING_NOUNS = {"end", "halt", "cessation", "stop"}
RESTRICTION_NOUNS = {"embargo", "sanction", "blockade", "siege", "boycott", "ban", "restriction", "curfew"}
FIGHTING_NOUNS = {"fighting", "violence", "war", "hostility", "attack", "bombing", "shelling", "bloodshed",
                  "conflict", "killing", "offensive", "raid", "airstrike", "clash", "incursion"}
# A politician's attack on political rivals is verbal
VERBAL_ATTACK_VERBS = {"attack", "assail", "lash"}
POLITICIANS = {"minister", "president", "senator", "leader", "premier", "chancellor", "politician",
               "lawmaker", "mp", "candidate", "spokesman", "spokeswoman", "governor", "mayor",
               "congressman", "congresswoman", "legislator", "deputy", "secretary"}
POLITICAL_SECTORS = {"GOV", "LEG", "OPP", "PTY", "ELI", "JUD", "MED", "EDU", "LAB", "BUS", "HRI", "NGO"}
# Verbs of trying, and the acts whose attempt is itself an event: coercion and force
ATTEMPT_VERBS = {"try", "attempt"}
ATTEMPTED_ROOTS = {"17", "18", "19", "20"}
# Role words that are also adjectives of manner ("official contact": formal)
MANNER_ROLE_WORDS = {"official", "unofficial"}
# Expulsions of people, which an organisation expelled turns into 166 (expel or withdraw)
EXPULSIONS = {"174", "201"}
# verbs of letting someone in or letting them act ("refused to allow monitors to enter")
LETTING_VERBS = {"allow", "admit", "permit", "let"}
# verbs that name what they give in a "with" phrase ("supplied X with arms")
SUPPLY_VERBS = {"supply", "provide", "furnish", "equip", "arm"}
# prepositions that name what an attack is aimed at
AIMED_PREPS = {"at", "against", "on", "toward", "towards"}
# nouns that count people: the people are in their "of" phrase
COUNT_NOUNS = {"thousand", "hundred", "dozen", "score", "million", "ten", "handful", "number",
               "group", "couple"}
# Words that end the name of a first-level area: "West Darfur State", "Helmand Province"
ADMIN_AREA_WORDS = PLACE_NOUNS | {"state", "governorate", "oblast"}
QUANTITY = {"round", "series", "wave", "package", "batch", "number", "amount", "sum", "total",
            "string", "spate", "day", "week", "month", "year", "million", "billion"}


@dataclass
class RawEvent:
    source: Actor
    target: Actor | None
    pattern: Pattern
    trigger: object          # spaCy token
    mode: str | None
    confidence: float
    note: str = ""           # how roles were found, appended to the rule


# a protest whose aim CAMEO codes in its fourth digit (1411 "demonstrate for leadership change")
AIMED_PROTESTS = {"141", "142", "143", "144", "145"}
# what a government decides and a protest against it would change (1412 "for policy change")
POLICY_NOUNS = {"measure", "reform", "law", "policy", "bill", "legislation", "decree", "tax",
                "cut", "austerity", "privatization", "privatisation", "hike", "budget",
                "regulation", "decision", "ban", "conscription", "subsidy"}
# how a demand hangs from the protest it is the aim of ("rallied to demand", "marched,
# calling for", "went on strike to press their demands", "rallied and demanded")
AIM_DEPS = {"advcl", "xcomp", "acl", "conj", "prep", "pcomp", "pobj", "dobj"}


def depth(t) -> int:
    """Steps from the token up to its sentence's root."""
    n = 0
    while t.head.i != t.i and n < 50:
        t, n = t.head, n + 1
    return n


def _verb_tagged_noun(t) -> bool:
    """A verb the tagger took for a noun ("EU and UN hand over supplies to Nigeria", "the
    government rejects and condemns the decision, said X"): the root of its sentence or of a
    reported clause, with a subject and a particle or an object of its own."""
    return (t.pos_ == "NOUN" and t.dep_ in ("ROOT", "ccomp") and any(c.dep_ == "nsubj" for c in t.children)
            and any(c.dep_ in ("prt", "dobj") or c.dep_ == "conj" and c.pos_ == "VERB" for c in t.children))


def _with_modifier(t) -> set[str]:
    """A noun's lemma, and with the word just before it ("hunger strike", "chemical weapon")."""
    lemma = t.lemma_.lower()
    return {lemma} | {f"{m.lower_} {lemma}" for m in t.children
                      if m.dep_ in ("compound", "amod") and m.i == t.i - 1}


def _against_policy(t) -> bool:
    """Whether a protest is against a policy ("protested against austerity measures", "staged a
    strike over the pension reform", "in protest against the new tax"): CAMEO's "for policy
    change" (1412, 1422, ...)."""
    level = [t]
    for _ in range(4):  # the act, its object, "in protest", "against the law"
        nxt = []
        for h in level:
            for c in h.children:
                if c.dep_ == "prep" and c.lower_ in ("against", "over"):
                    nouns = [p for p in c.children if p.dep_ == "pobj"]
                    nouns += [q for p in nouns for q in p.conjuncts]
                    if any(n.lemma_.lower() in POLICY_NOUNS for n in nouns):
                        return True
                elif c.dep_ in ("dobj", "pobj") or c.dep_ == "prep" and c.lower_ == "in":
                    nxt.append(c)
        level = nxt
    return False


def _protest_of(demand: RawEvent, protests: dict) -> RawEvent | None:
    """The protest, by the same source, whose purpose or manner clause holds the demand:
    'rallied to demand', 'marched, calling for', 'went on strike to press their demands'."""
    t = demand.trigger
    for _ in range(4):
        if t.dep_ not in AIM_DEPS or t.head.i == t.i:
            return None
        t = t.head
        found = protests.get(t.i) or next((p for p in protests.values() if p.trigger.head.i == t.i
                                            and p.trigger.dep_ == "dobj"), None)
        if found is not None and found.source.code == demand.source.code and found.mode == demand.mode:
            return found
    return None


TIME_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
              "january", "february", "march", "april", "may", "june", "july", "august",
              "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun",
              "jul", "aug", "sep", "sept", "oct", "nov", "dec", "day", "week", "weekend", "month",
              "year", "morning", "afternoon", "evening", "night", "eve", "occasion", "anniversary",
              "sidelines", "margin", "behalf"}


def _temporal(prep) -> bool:
    """'on Wednesday', 'on the sidelines of', 'on behalf of': a preposition that places the act
    in time or circumstance, not the one a phrasal verb takes."""
    return any(p.dep_ == "pobj" and p.lemma_.lower() in TIME_WORDS for p in prep.children)


def _copular(n) -> bool:
    """Is the noun phrase part of a clause whose verb is only "be" ("X is among a delegation",
    "the number of people ... is")?"""
    cur = n
    for _ in range(4):
        if cur.dep_ in ("pobj", "prep", "attr", "nsubj", "appos", "conj") and cur.head.i != cur.i:
            cur = cur.head
            if cur.pos_ in ("VERB", "AUX"):
                return cur.lemma_.lower() == "be" and not any(
                    c.dep_ in ("acomp", "xcomp") for c in cur.children)
            continue
        return False
    return False


def _for_clause(c) -> bool:
    """A clause like "for Britain to stay": marked by "for", an infinitive with a subject."""
    return (any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children))


def _reported(v) -> bool:
    """Is the clause what someone said, in the past ("X said Y would ...")? There "would" is
    the speaker's "will" put into the past, not a condition."""
    head = v.head
    return (v.dep_ == "ccomp" and head.i != v.i and head.tag_ in ("VBD", "VBN")
            and head.lemma_.lower() in SPEECH_VERBS | {"promise", "pledge", "vow", "confirm",
                                                      "indicate", "signal", "agree"})


def _dangling_object(prep) -> list:
    """'granted asylum to five officers holed up in ...': the parser left the preposition without
    an object and made the noun after it the subject of the next clause; that noun is its object."""
    doc = prep.doc
    if prep.i + 1 >= len(doc) or doc[prep.i + 1].is_punct:
        return []
    t = doc[prep.i + 1]
    for _ in range(4):
        if t.dep_ in ("nsubj", "nsubjpass") and t.left_edge.i == prep.i + 1:
            return [t]
        if t.head.i == t.i or t.head.left_edge.i != prep.i + 1:
            return []
        t = t.head
    return []


def _peacekeeping(trigger) -> bool:
    """Does what follows the trigger say the troops go to keep the peace?"""
    return any(x.lemma_.lower() in ("peacekeeping", "peacekeeper")
               for x in trigger.subtree if x.i > trigger.i)


def _alleged(v) -> bool:
    """Is the verb what someone is accused or suspected of ("accused X of shelling Y")? An
    allegation is not a reported fact."""
    prep = v.head
    if (v.dep_ == "pcomp" and prep.lower_ == "of" and prep.head.i != prep.i
            and prep.head.lemma_.lower() in ACCUSING_VERBS
            and any(c.dep_ == "dobj" for c in prep.head.children)):
        return True
    # "faced the allegation that he had plotted to explode a bomb", "charges that it tortured"
    cur = v
    for _ in range(3):
        if (cur.dep_ in ("acl", "ccomp", "relcl") and cur.head.pos_ == "NOUN"
                and cur.head.lemma_.lower() in ALLEGATION_NOUNS):
            return any(m.dep_ == "mark" and m.lower_ == "that" for m in cur.children)
        if cur.dep_ not in ("xcomp", "conj") or cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def passive_like(v) -> bool:
    """A participle with a `by` agent reads as passive: "people evacuated by the army"."""
    return any(c.dep_ == "agent" for c in v.children)


def _governs(v, t) -> bool:
    """Is token t inside the clause of verb v (v an ancestor of t, within a few steps)?"""
    for _ in range(8):
        if t.head.i == t.i:
            return False
        t = t.head
        if t.i == v.i:
            return True
    return False


def _governor(n):
    """The verb whose argument the noun phrase headed by n is ("rejected X's request",
    "welcomed the offer of talks"), through prepositions and "of" phrases; None when the noun
    is the subject or hangs from something else."""
    cur = n
    for _ in range(4):
        if cur.dep_ in ("dobj", "attr", "oprd", "nsubjpass") and cur.head.pos_ in ("VERB", "AUX"):
            return cur.head
        if cur.dep_ in ("pobj", "prep", "conj", "appos") and cur.head.i != cur.i:
            cur = cur.head
            if cur.pos_ in ("VERB", "AUX"):
                return cur
            continue
        return None
    return None


def _clause_object(v) -> list:
    """The object the parser made the subject of a participle clause after the verb ("will not
    accept [refugees fleeing the violence]", "condemned [soldiers firing on crowds]")."""
    out = [s for c in v.children if c.dep_ == "ccomp" and c.tag_ == "VBG" and c.i > v.i
           for s in c.children if s.dep_ == "nsubj" and s.pos_ in ("NOUN", "PROPN") and s.i > v.i]
    # "kidnapped [up to 16 advisers]": "up to" a number taken for a particle and a preposition
    ups = [u for u in v.children if u.dep_ in ("prt", "prep", "advmod") and u.lower_ == "up"]
    tos = [c for u in ups for c in u.children if c.dep_ == "prep" and c.lower_ == "to"]
    tos += [c for c in v.children if c.dep_ == "prep" and c.lower_ == "to" and ups and c.i == ups[0].i + 1]
    out += [p for c in tos for p in c.children
            if p.dep_ == "pobj" and any(n.dep_ == "nummod" for n in p.children)]
    # "denounced as an ugly crime [Serbia's suppression of ...]": the object moved after its
    # "as" phrase, parsed as in apposition to it
    out += [a for c in v.children if c.dep_ == "prep" and c.lower_ == "as" and c.i > v.i
            for p in c.children if p.dep_ == "pobj" for a in p.children if a.dep_ == "appos"]
    # "allow [UN agencies access]": the object itself, its receiver parsed as a subject
    return out + [c for c in v.children if c.dep_ == "ccomp" and c.pos_ == "NOUN" and c.i > v.i
                  and any(s.dep_ == "nsubj" for s in c.children)]


def _past(v) -> bool:
    """Is the verb's clause in the past tense ("were released", "had left")?"""
    return v.tag_ == "VBD" or any(a.dep_ in ("aux", "auxpass") and a.tag_ == "VBD" for a in v.children)


def _past_year(text: str, year_now: int) -> bool:
    """Is the word a year, or a span of years ("1991-1995"), over before `year_now`?"""
    first, dash, last = text.partition("-")
    if len(first) != 4 or not first.isdigit() or not 1900 <= int(first) < year_now:
        return False
    return not dash or (last.isdigit() and len(last) in (2, 4)
                        and int(last if len(last) == 4 else first[:2] + last) < year_now)


def _ending(n) -> set[str]:
    """What an end asked for amounts to: "an end to the embargo" is the lifting of sanctions,
    "an end to the fighting" a ceasefire."""
    if n.lemma_.lower() not in ENDING_NOUNS:
        return set()
    ended = {q.lemma_.lower() for p in n.children if p.dep_ == "prep" and p.lower_ in ("to", "of")
             for q in p.children if q.dep_ == "pobj"}
    return {"lifting"} if ended & RESTRICTION_NOUNS else {"ceasefire"} if ended & FIGHTING_NOUNS else set()


def _formal(t) -> bool:
    """Is the noun described by an adjective of manner that is also a role word ("official
    contact", "official visit"): formal, not done by officials."""
    return any(c.dep_ == "amod" and c.pos_ == "ADJ" and c.lower_ in MANNER_ROLE_WORDS
               for c in t.children)


def _background(t) -> str:
    """Is the trigger in a clause that sets the scene for the sentence's news rather than
    telling it: a relative clause ("Hamas, which advocates Israel's destruction"), a clause or
    phrase of what came before or around it ("after U.S. officials alleged", "as the leaders
    sought to ease tensions", "since last month's invasion", "on the eve of a visit")?"""
    cur = t
    for _ in range(12):
        if cur.dep_ == "relcl" or cur.dep_ == "acl" and cur.tag_ == "VBN" and cur.head.pos_ in ("NOUN", "PROPN"):
            return "relative"  # (also a participle describing a noun: "fishermen, held captive in Libya")
        if cur.dep_ == "pobj" and cur.head.dep_ == "prep" and (
                cur.head.lower_ in SEQUENCE_PREPS or cur.head.lower_ == "of" and cur.head.head.lower_ == "eve"):
            return "phrase"
        if cur.dep_ == "advcl" and any(m.dep_ in ("mark", "advmod") and m.lower_ in BACKGROUND_MARKS
                                       for m in cur.children):
            return "clause"
        if cur.head.i == cur.i:
            return ""
        cur = cur.head
    return ""


def prefer_known(acts: list[Actor]) -> list[Actor]:
    """Drop "officials" (---GOV) when the same role also names Chinese officials (CHNGOV)."""
    known = [a for a in acts if not a.code.startswith("---")]
    return known if known else acts


class EventExtractor:
    def __init__(self, lexicon: EventLexicon, refusal=None):
        self.lex = lexicon
        # code -> the code of refusing that act (Ontology.refusal), for "will not <act>" with no
        # `refuse to <verb>` row of its own
        self.refusal = refusal or (lambda code: None)

    # -- entry point -----------------------------------------------------------------------
    def extract(self, sent, actors: ParsedActors) -> list[RawEvent]:
        out: list[RawEvent] = []
        consumed: set[int] = set()
        strings = actors.strings  # each token's tag, part of speech... read once per run
        tokens = actors.sentence_tokens(sent)
        for t in tokens:
            tag, pos, dep = strings.tag[t.i], strings.pos[t.i], strings.dep[t.i]
            if ((tag in VERB_TAGS or pos == "VERB" or dep in ("ROOT", "ccomp") and _verb_tagged_noun(t))
                    and t.i not in consumed and not (dep == "amod" and tag in ("VBN", "VBG"))
                    and dep not in ("nsubj", "nsubjpass")):
                # ("an internationally recognised government": a participle describing a noun;
                # a verb the parser made a subject is a misparse)
                pats = self.verb_patterns(t)
                if pats:
                    out.extend(self._verb_events(t, pats, actors, consumed))
                elif strings.lemma[t.i] in DYING_VERBS:
                    out.extend(self._death_by(t, actors, consumed))
            elif pos == "ADJ" and dep in ("acomp", "amod", "conj"):
                # "China was upset by the tests": emotion predicates with an experiencer subject
                pats = [p for p in self.lex.verbs.get(strings.lemma[t.i], ()) if "agent" in p.target]
                if pats:
                    out.extend(self._experiencer_events(t, pats[0], actors))
        for t in tokens:
            if t.i in consumed or strings.pos[t.i] not in ("NOUN", "PROPN") or self._in_name(t, actors):
                continue
            if strings.lower[t.i] in TIME_WORDS and strings.pos[t.i] == "PROPN" and t.text[:1].isupper():
                continue  # "fell to 6.6 pct in March": a month, not a march
            lemma = self.verb_lemma(t)
            pats = (self.lex.nouns.get(lemma) or self.lex.nouns.get(strings.lemma[t.i])
                    or self.lex.nouns.get(strings.lower[t.i]))
            if pats:
                out.extend(self._noun_events(t, pats, actors, consumed))
        out.extend(self._obligations(sent, actors))
        out.extend(self._claims(out, actors))
        out = [r for r in out if not self._historical(r.trigger, actors.ctx.date)]
        # "prisoners rioted at a jail in Dili": protesters are of where they protest, in all
        # they do in the sentence
        # "the military government declared a state of siege in Haiti": a state's own measures
        # at home are of the place they are imposed on
        protesters = {}
        for r in out:
            if (r.source.code.startswith("---") and (r.pattern.code[:2] == "14"
                                                     or r.pattern.code in DOMESTIC_MEASURES)
                    and r.source.kind != "unknown" and not is_foreign(r.source)):
                place = self._place(r.trigger, actors)
                if place is None and r.pattern.code in DOMESTIC_MEASURES and r.target is not None \
                        and r.target.kind in ("country", "place"):
                    place = r.target
                if place is not None and place.code[:3].isalpha() and place.code[:3] not in ("IGO", "NGO"):
                    protesters.setdefault((r.source.start, r.source.code), place.code[:3])
        for r in out:
            country = protesters.get((r.source.start, r.source.code))
            if country is not None:
                r.source = replace(r.source, code=country + r.source.code[3:], inferred=True,
                                   source=f"{r.source.source}; country of the place protested in".lstrip("; "))
            # (never into the other party's very code: "the president gave a welcome to the
            # South African leader" is not South Africa's government welcoming itself)
            # (a noun's act so placed is dropped below, as one's own act on oneself)
            if not self._others_country(r, r.source, r.target, sent, actors):
                placed = actors.localise(r.source, sent)
                if r.target is None or placed.code != r.target.code or r.pattern.is_noun:
                    r.source = placed
            if r.target is not None and not self._others_country(r, r.target, r.source, sent, actors):
                placed = actors.localise(r.target, sent)
                if placed.code != r.source.code or r.pattern.is_noun:
                    r.target = placed
        # "the president returned to Moscow": going home is no visit; "the frigate left
        # Germany": leaving home is no withdrawal
        out = [r for r in out if not (r.target is not None and r.target.code[:3] == r.source.code[:3] and (
            r.pattern.code == "042" or r.pattern.code == "0874" and self.verb_lemma(r.trigger) in LEAVING_VERBS))]
        out = [r for r in out if not (r.pattern.is_noun and r.target is not None
                                      and r.target.code == r.source.code)]
        for r in out:
            if r.target is not None and r.target.code == r.source.code:
                r.target = None  # "Thailand declared an emergency in Bangkok": its own country
        # a firm's own dealings ("the company said it will seek approval", "agreed to buy a
        # stake in a rival") are commerce, not politics: a firm acts politically only toward
        # someone who is not a firm
        out = [r for r in out if not (is_business(r.source.code) and (
            r.target is None or is_business(r.target.code)))]
        out = self._one_place(out)
        out = self._main_events(out)
        out = self._foreground(out)
        out = self._protest_aims(out)
        out = self._victims_placed(out)
        out = self._force_told_twice(out)
        out = self._untargeted_repeats(out)
        out = self._casualties(out)
        for r in out:
            if r.pattern.symmetric and r.target is not None and r.mode is None:
                actors.ctx.last_pair = (r.source, r.target)
        # the main clause's event first: what the sentence is about, then what it embeds
        out.sort(key=lambda r: (depth(r.trigger), r.trigger.i))
        actors.count_countries(sent)
        return out

    @staticmethod
    def _others_country(r, party, other, sent, actors) -> bool:
        """Are the only countries the sentence names those of the other party, named as one's
        counterpart ("the minister met his Chinese counterpart": not Chinese himself)?"""
        return (party.code.startswith("---") and other is not None
                and not other.code.startswith("---")
                and not COUNTERPARTS.isdisjoint(other.text.lower().split())
                and actors.countries_only_in(sent, other.start, other.end))

    @staticmethod
    def _in_name(t, actors) -> bool:
        """'Warsaw Pact', 'Islamic Relief': a word inside a name is not an event."""
        m = actors.matches.get(t.i)
        return bool(m) and m[1] - m[0] > 1 and any(e.kind in PROPER_KINDS for e in m[2])

    @staticmethod
    def _victims_placed(out: list[RawEvent]) -> list[RawEvent]:
        """'killed 23 people when they blew themselves up in Tel Aviv': people of no named
        country hit by force are of the place the same doer's force struck in the sentence."""
        struck = {}
        for r in out:
            if r.pattern.code[:2] in FORCE_ROOTS and r.target is not None and r.target.kind == "place":
                struck.setdefault((r.source.code, r.mode), r.target.code[:3])
        for r in out:
            key = (r.source.code, r.mode)
            if (r.pattern.code[:2] in FORCE_ROOTS and r.target is not None and key in struck
                    and r.target.code.startswith("---") and not is_foreign(r.target)):
                r.target = replace(r.target, code=struck[key] + r.target.code[3:])
        return out

    @staticmethod
    def _casualties(out: list[RawEvent]) -> list[RawEvent]:
        """'Rebels shelled Juba, killing 20 people': the killing is what the shelling did, not a
        second attack. A participle clause coded with the plain use-of-force code (190) is dropped
        when the verb it hangs from is a use of force by the same source."""
        force = {(r.trigger.i, r.source.code) for r in out if r.pattern.code[:2] in FORCE_ROOTS}
        return [r for r in out if not (
            r.pattern.code == "190" and r.trigger.dep_ == "advcl" and r.trigger.tag_ == "VBG"
            and (r.trigger.head.i, r.source.code) in force)]

    @staticmethod
    def _force_told_twice(out: list[RawEvent]) -> list[RawEvent]:
        """'Two suicide bombers killed 23 people when they blew themselves up in Tel Aviv': a
        "when" clause telling the same doer's force tells the same act again; one event is kept,
        the more specific code, aimed at the people hit when the other names them."""
        force = [r for r in out if r.pattern.code[:2] in FORCE_ROOTS]
        drop: set[int] = set()
        for r in force:
            t = r.trigger
            if t.dep_ != "advcl" or not any(m.dep_ in ("advmod", "mark") and m.lower_ == "when" for m in t.children):
                continue
            for o in force:
                if o is r or o.trigger.i != t.head.i or o.source.code[:3] != r.source.code[:3] or o.mode != r.mode:
                    continue
                keep, lose = (r, o) if len(r.pattern.code) > len(o.pattern.code) else (o, r)
                if (lose.target is not None and lose.target.kind != "place"
                        and (keep.target is None or keep.target.kind == "place")):
                    keep.target = lose.target
                drop.add(id(lose))
        return [r for r in out if id(r) not in drop] if drop else out

    @staticmethod
    def _untargeted_repeats(out: list[RawEvent]) -> list[RawEvent]:
        """'X wounded two soldiers in a bomb attack': the attack with no target is the wounding
        told again. An event with no target is dropped when the same source has an event of the
        same root and mode with a target in the sentence."""
        # (a target of unknown country, "killed 23 people", is no better than none)
        known = [r.target is not None and not r.target.code.startswith("---") for r in out]
        aimed = {(r.source.code, r.pattern.code[:2], r.mode) for r, k in zip(out, known) if k}
        if not aimed:
            return out
        # a force noun with no target names again whatever force the same doer used on someone
        # ("blew themselves up in Tel Aviv in the second-worst attack")
        forced = {(s, m) for s, root, m in aimed if root in FORCE_ROOTS}
        return [r for r, k in zip(out, known) if k or (r.source.code, r.pattern.code[:2], r.mode) not in aimed
                and not (r.pattern.code[:2] in FORCE_ROOTS and r.trigger.pos_ == "NOUN"
                         and (r.source.code, r.mode) in forced)]

    @staticmethod
    def _protest_aims(out: list[RawEvent]) -> list[RawEvent]:
        """'staged demonstrations to demand reforms', 'demonstrated in Kirkuk calling for
        independence', 'began a hunger strike to demand the return of property': what a protest
        demands is its aim, not a second event. CAMEO codes the aim in the protest (1411-1414:
        demonstrate for leadership change, policy change, rights, institutions, as 1041-1044
        demand and 0241-0244 appeal for them), aimed at whom the demand is when the protest
        names no one but a country (often only its place or the protesters' own state)."""
        protests = {r.trigger.i: r for r in out if r.pattern.code[:2] == "14"}
        if not protests:
            return out
        drop: set[int] = set()
        for r in protests.values():
            if r.pattern.code in AIMED_PROTESTS and _against_policy(r.trigger):
                r.pattern = replace(r.pattern, code=r.pattern.code + "2")
        for k, r in enumerate(out):
            if r.pattern.code[:2] not in ("02", "10"):
                continue
            p = _protest_of(r, protests)
            if p is None:
                continue
            drop.add(k)
            digit = r.pattern.code[3:]
            if r.pattern.code[:3] in ("024", "104") and digit in ("1", "2", "3", "4") and p.pattern.code in AIMED_PROTESTS:
                p.pattern = replace(p.pattern, code=p.pattern.code + digit)
                p.note += f", for {r.trigger.lower_}"
            # a bare country is the protest's place or home state more often than its aim
            if r.target is not None and (p.target is None or p.target.inferred or len(p.target.code) == 3):
                p.target = r.target
        return [r for k, r in enumerate(out) if k not in drop] if drop else out

    @staticmethod
    def _one_place(out: list[RawEvent]) -> list[RawEvent]:
        """'imposed a curfew in the town of Cizre in southeastern Turkey': the town's people and
        the country are one target; the country alone is dropped beside its own people."""
        aimed = {(r.trigger.i, r.source.code, r.target.code[:3]) for r in out
                 if r.target is not None and len(r.target.code) > 3}
        return [r for r in out if not (r.target is not None and len(r.target.code) == 3
                                       and (r.trigger.i, r.source.code, r.target.code) in aimed)]

    @staticmethod
    def _foreground(out: list[RawEvent]) -> list[RawEvent]:
        """A sentence's news, not its background: when the sentence tells another event, facts
        told in relative clauses and in clauses of what came before or around it are dropped,
        as coders code the event the sentence reports; so are facts in a phrase of what came
        before ("since last month's U.S. invasion") unless the news's doer took part ("After
        talks with the government, the rebels renewed their demands"). What may yet happen ("a
        move that will likely be vetoed") is no background, unless a phrase names it only to
        place the news in time ("on the eve of a visit by X", "before next week's talks")."""
        if len(out) < 2:
            return out
        kinds = [_background(r.trigger) for r in out]
        fore = [r for r, k in zip(out, kinds) if not k]
        if not fore:
            return out
        doers = {r.source.code for r in fore}
        return [r for r, k in zip(out, kinds) if not k or k != "phrase" and r.mode is not None
                or k == "phrase" and (r.source.code in doers or r.target is not None
                                      and r.target.code in doers)]

    @staticmethod
    def _main_events(out: list[RawEvent]) -> list[RawEvent]:
        """Keep what a coder reads as the sentence's events, not what they report or answer.

        - A plain statement (010: "announced", "declared") that carries a coded act is that
          act: "X announced the release of Y" is a release, "X declared a ceasefire" a
          ceasefire. The 010 is dropped when an act in its clause is a plain or announced fact.
        - An act named by a noun inside another actor's coded act ("Y rejected X's request",
          "Y condemned X's invasion") is what Y reacts to, not a new event of the sentence; one
          inside its own source's rejection ("reneged on its commitment") did not happen, and
          one its own source undoes ("rescinded its annexation") is no news of its own.
        """
        if len(out) < 2:
            return out
        by_trigger: dict[int, list[RawEvent]] = {}
        for r in out:
            by_trigger.setdefault(r.trigger.i, []).append(r)
        drop: set[int] = set()
        for k, r in enumerate(out):
            if (r.pattern.code[:2] == "05" and not r.pattern.is_noun
                    and r.trigger.lemma_.lower() in DECISION_VERBS):
                objs = {c.i for c in r.trigger.children if c.dep_ in ("dobj", "nsubjpass")}
                if any(o.pattern.is_noun and o.trigger.i in objs and o.source.code == r.source.code
                       for o in out):
                    drop.add(k)
            elif r.pattern.code == "010":
                v = r.trigger
                for o in out:
                    if (o.pattern.code[:2] != "01" and o.mode not in ("negated", "hypothetical")
                            and o.trigger.i != v.i and (r.target is None or o.source.code == r.source.code)
                            and _governs(v, o.trigger)):
                        drop.add(k)
                        break
            elif r.pattern.is_noun:
                g = _governor(r.trigger)
                if g is not None and g.i in by_trigger and all(
                        o.source.code != r.source.code and not o.pattern.is_noun
                        and o.pattern.code[:2] != "01" for o in by_trigger[g.i]):
                    drop.add(k)
                elif g is not None and g.i in by_trigger and any(
                        o.source.code == r.source.code and o.pattern.code[:2] in UNDOING_ROOTS
                        and not o.pattern.is_noun for o in by_trigger[g.i]):
                    # "reneged on its commitment": what it rejects did not happen; "rescinded its
                    # annexation", "suspended its aid": what it undoes is no news of its own
                    drop.add(k)
        return [r for k, r in enumerate(out) if k not in drop] if drop else out

    def verb_patterns(self, t):
        """Rows for the verb's lemma, or for its regular base form when the tagger's lemma is
        odd ("staged" -> "stag"): the lexicon is written in dictionary forms."""
        lemma = self.verb_lemma(t)
        pats = list(self.lex.verbs.get(lemma, ()))
        if pats and "-" in lemma:
            return pats  # "test-fired" is a test, whatever "fired" alone would be
        low = t.lower_
        for suffix, repl in (("ied", "y"), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", ""),
                             ("es", ""), ("s", "")):
            if low.endswith(suffix) and len(low) > len(suffix) + 2:
                base = low[: -len(suffix)] + repl
                if base != lemma and base in self.lex.verbs:
                    pats += self.lex.verbs[base]
                    break
        return pats or None

    @staticmethod
    def verb_lemma(t) -> str:
        lemma = t.lemma_.lower()
        doc = t.doc
        if t.i >= 2 and doc[t.i - 1].text == "-" and doc[t.i - 1].idx == doc[t.i - 2].idx + len(doc[t.i - 2].text):
            return f"{doc[t.i - 2].lower_}-{lemma}"
        return lemma

    # -- verbs -----------------------------------------------------------------------------
    def _verb_events(self, v, patterns, actors, consumed) -> list[RawEvent]:
        if self.verb_lemma(v) in EXPELLING_VERBS and any(
                c.dep_ == "xcomp" and c.lemma_.lower() in DEPARTING_VERBS
                and all(o.pos_ == "PROPN" or o.lemma_.lower() in LEFT_LANDS for o in c.children if o.dep_ == "dobj")
                for c in v.children) and any(c.dep_ == "dobj" for c in v.children):
            # "ordered two British diplomats to leave the country": an expulsion, read by the
            # rows of "expel" for whom it sends away
            patterns = self.lex.verbs.get("expel") or patterns
            consumed.update(c.i for c in v.children if c.dep_ == "xcomp")
        pat, obj_tok = self._choose(v, patterns)
        if pat is None:
            return []
        if obj_tok is not None:
            consumed.add(obj_tok.i)
        if pat.code == NOT_AN_EVENT:
            return []
        if "agent" in pat.target:
            return self._experiencer_events(v, pat, actors)
        if pat.code == "084" and any(t.lemma_.lower() in CAPTIVITY_NOUNS
                                     for t in self._prep_objects([v], {"from"})):
            pat = replace(pat, code="0841")  # "were released from captivity": people held
        if (v.tag_ == "VBN" and v.dep_ == "advcl" and v.i < v.head.i
                and not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in v.children)):
            # a participle before the clause is passive: "Asked if the fundamentals had changed,
            # he said ..." (he was asked, by no one named); "Backed by the United States, the
            # rebels attacked ..." (the United States backs the rebels)
            agents = [p for c in v.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
            sources = prefer_known([a for t in agents for a in actors.actors(t)])
            if not sources:
                return []
            targets = prefer_known([a for c in v.head.children if c.dep_ in ("nsubj", "nsubjpass")
                                    for a in actors.actors(c)])
            return self._pairs(sources, self._others(targets, sources), pat, v, self.mode(v), 0.7,
                               "agent of the participle")
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in v.children)
        if (passive and self.verb_lemma(v) in STANCE_PARTICIPLES
                and not any(c.dep_ == "agent" for c in v.children)):
            # "Israel is opposed to French mediation": a stance its subject holds, not a passive
            src_tokens = [c for c in v.children if c.dep_ == "nsubjpass"] or [
                s for a in v.children if a.dep_ == "auxpass" for s in a.children if s.dep_ == "nsubj"]
            how = "subject"
            passive = False
        else:
            src_tokens, how = self.subject(v, passive)
        # "U.S. corn imports injure farmers", "prices in the Argentine market supported ...":
        # goods, markets and figures do nothing; the actor named beside them is not the doer
        src_tokens = [t for t in src_tokens if t.lemma_.lower() not in self.lex.things]
        sources = prefer_known([a for tok in src_tokens for a in actors.actors(tok)])
        if not sources:  # "the missiles fired by the Israeli military struck a depot"
            sources = prefer_known([a for tok in src_tokens for a in self._participle_agent(tok, actors)])
            how = "doer of the subject" if sources else how
        if pat.code[:2] in FORCE_ROOTS:
            # "banks fought hard to protect their interests": firms use no force
            sources = [a for a in sources if not is_business(a.code)]
            if not sources and not src_tokens or all(self._violent(t) for t in src_tokens):
                sources, means = self._unknown_attacker(v, passive, src_tokens, actors)
                how = "unknown attacker" if all(a.kind == "unknown" for a in sources) else "owner of the means"
                if means is not None and means.code != pat.code and pat.code in ("180", "190"):
                    pat = replace(pat, code=means.code)  # "killed by a car bomb": a car bombing
        if not sources and passive and not any(c.dep_ == "agent" for c in v.children):
            sources, how = self._agentless_source(v, pat, actors, how)
        if not sources:
            return []
        if pat.code == "042" and all(sectors_of(a.code) & {"MIL", "PKO"} and "GOV" not in sectors_of(a.code)
                                     for a in sources):
            # "peacekeepers arrived in Bosnia", "troops arrived in Mali to join the UN peacekeeping
            # mission": a deployment, not a visit; other troops moving about are neither
            if not (all("PKO" in sectors_of(a.code) for a in sources) or _peacekeeping(v)):
                return []
            pat = replace(pat, code="074")
        if pat.code == "0874" and self.verb_lemma(v) in LEAVING_VERBS and not (all(
                sectors_of(a.code) & {"MIL", "PKO", "REB", "UAF"} for a in sources) and any(
                c.dep_ == "dobj" and any(a.code[:3] not in {s.code[:3] for s in sources}
                                         for a in actors.actors(c)) for c in v.children)):
            # "troops left Afghanistan" withdraw; a president leaving Kenya, a frigate leaving
            # its home port, "leave no stone unturned" do not
            return []
        if pat.code[:2] == "07" and not pat.objects and self.verb_lemma(v) in SENDING_VERBS and (any(
                sectors_of(a.code) & {"GOV", "SPY", "LEG", "JUD", "MED"}
                for c in v.children if c.dep_ == "dobj" for a in actors.actors(c))
                or self._sent_to_act(v) is not None):
            # "sent officials to Qatar to investigate", "dispatched inspectors to Iran to
            # monitor": people sent are no aid; what they go to do is the event
            return []
        if pat.code == "020" and self.verb_lemma(v) in ("want", "wish") and not any(
                c.dep_ in ("dobj", "ccomp") for c in v.children):
            return []  # "the officer wanted to withdraw": one's own wish asks no one
        if pat.code == "070" and self.verb_lemma(v) in ("help", "assist") and any(
                c.dep_ == "xcomp" and c.pos_ == "VERB" and self._helped_act(c) for c in v.children):
            return []  # "to help defend Saudi Arabia": the act helped with is the event
        if pat.code == "043" and self.verb_lemma(v) == "receive" and not self._guest(v, actors):
            return []  # "received approval from the FDA", "received assurances": no one is hosted
        targets, t_how = self._targets(v, pat, obj_tok, passive, actors)
        # "reneged on his commitment to X": the source's own thing names no target; look on
        targets = self._others(targets, sources)
        if not targets and "none" in pat.target and obj_tok is not None and pat.code[:2] != "01":
            targets, t_how = self._object_owner(v, obj_tok, actors, src_tokens,
                                                 sources), "object owner"
        if targets and obj_tok is not None:
            # "laid down their weapons", "closed its borders": the source's own things
            own = {a.code[:3] for a in sources}
            if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in obj_tok.children):
                targets = [t for t in targets if t.code[:3] not in own]
        if targets and any(t.code.startswith("---") for t in targets):
            # "attacked villages in Kuwait": people of a place belong to its country
            place = self._place(v, actors)
            if place is not None:
                targets = [replace(t, code=place.code + t.code[3:])
                           if t.code.startswith("---") and not is_foreign(t) else t for t in targets]
        if not targets and ("none" not in pat.target or pat.code[:2] in WISH_ROOTS):
            # "refused to lift the curfew on Palestinians": refused, offered or threatened
            # toward whoever the act would be aimed at
            targets, t_how = self._complement_targets(v, actors, sources)
        if not targets and "none" in pat.target:
            targets = self._let_in(v, actors, sources)
            t_how = "the one let in" if targets else t_how
        if not targets:
            # rows with no grammatical target too: "rejected a call for its peacekeepers to
            # deploy in East Timor", "mobilized reservists for a war against Iraq"
            targets, t_how = self._any_recipient(v, pat, actors, src_tokens)
        if not targets and pat.code[:2] in ("02", "10"):
            # "demanded an admission by Moscow", "demanded the president's resignation": the one
            # whose act is asked for
            targets = [a for o in v.children if o.dep_ == "dobj" and o.pos_ == "NOUN"
                       for a in self._doer(o, actors) if all(a.code != s.code for s in sources)]
            t_how = "doer of what is asked" if targets else t_how
            if not targets:  # "demanded the ouster of the prime minister": the one to go
                targets = [a for o in v.children if o.dep_ == "dobj" and o.lemma_.lower() in OUSTED_NOUNS
                           for p in self._prep_objects([o], {"of"}) for a in actors.actors(p)
                           if all(a.code != s.code for s in sources)]
                t_how = "the one to go" if targets else t_how
        if not targets and pat.code[:2] in ("02", "10"):
            # "demanded an end to the fighting in Syria": aimed where what is to end goes on
            ends = [o for o in v.children if o.dep_ == "dobj" and _ending(o)]
            ends += [q for p in v.children if p.dep_ == "prep" and p.lower_ == "for"
                     for q in p.children if q.dep_ == "pobj" and _ending(q)]
            targets = [a for e in ends for p in e.children if p.dep_ == "prep" and p.lower_ in ("to", "of")
                       for q in p.children if q.dep_ == "pobj"
                       for a in self._place_target(q, actors, sources)][:1]
            t_how = "where what is to end goes on" if targets else t_how
        if not targets and pat.code[:2] == "13":
            # "threatened to strike unless Baghdad accepted": the one whose act is the condition
            targets, t_how = self._conditioned(v, actors, sources), "condition"
        # "rejected a call for its peacekeepers to deploy": nor are they where the search went on
        targets = self._others(targets, sources)
        if targets and pat.code[:2] == "01" and self.verb_lemma(v) in SPEECH_VERBS and all(
                "MED" in sectors_of(t.code) for t in targets):
            targets = []  # "told reporters": the press hears a statement, it is not its target
        if not targets and pat.code[:2] in ("03", "07", "13"):
            # "agreed to set up a research centre in Tokyo", "agreed to postpone the
            # demonstration in Baku", "threatened to resume attacks in Israel": a pledge or a
            # threat is aimed where the act would take place; "gave 350 million euros to
            # promote investment in Ethiopia": aid, where its purpose is
            funds = pat.code[:2] == "07" and self.verb_lemma(v) not in SENDING_VERBS  # not people sent
            targets = [a for c in v.children if c.dep_ == "xcomp" or funds
                       and c.dep_ == "advcl" and any(x.dep_ == "aux" and x.lower_ == "to" for x in c.children)
                       for a in self._place_target(c, actors, sources)][:1]
            t_how = "place of the pledged act" if targets else t_how
        if (all(t.code.startswith("---") for t in targets) and pat.code[:2] in FORCE_ROOTS
                and any(self._violent(t) for t in src_tokens)):
            # "a Turkish offensive on Afrin killed dozens of people": aimed where the attack was
            # aimed, and its victims of no named country are of that place
            aimed = self._prep_objects(src_tokens, AIMED_PREPS)
            struck = self._others(prefer_known([a for t in aimed for a in self._actors_or_possessor(t, actors)]
                                               or [a for t in aimed if t.pos_ == "PROPN"
                                                   for a in [self._town(t, actors)] if a is not None]), sources)
            if struck and targets and not struck[0].code.startswith("---"):
                targets = [replace(t, code=struck[0].code[:3] + t.code[3:]) if not is_foreign(t) else t
                           for t in targets]
            elif struck:
                targets, t_how = struck, "aim of the attack"
        if not targets and pat.code[:2] in FORCE_ROOTS:
            # "opened fire to disperse demonstrators": force is aimed at whom its purpose names
            targets = self._others(prefer_known([
                a for c in v.children if c.dep_ in ("advcl", "xcomp") and c.i > v.i
                and any(x.dep_ == "aux" and x.lower_ == "to" for x in c.children)
                for o in c.children if o.dep_ == "dobj" for a in actors.actors(o)]), sources)
            t_how = "aim of the act" if targets else t_how
        if (not targets and v.dep_ in ("advcl", "xcomp") and self.verb_lemma(v.head) in SENDING_VERBS
                and getattr(self._sent_to_act(v.head), "i", None) == v.i):
            # "sent inspectors to Iran to monitor the work": the act is aimed where they were sent
            sent = [o for o in v.head.children if o.dep_ == "dobj"]
            sent += [q for o in sent for g in o.children if g.dep_ == "prep" and g.lower_ == "of"
                     for q in g.children if q.dep_ == "pobj"]  # "a team of experts to Indonesia"
            went = self._prep_objects([v.head] + sent, {"to", "into"})
            targets = [a for t in went for a in self._actors_or_possessor(t, actors)
                       if all(a.code != s.code for s in sources)]
            # "to a plant in central Iran": the place of where they went
            targets = targets or [p for t in went for p in self._place_target(t, actors, sources)][:1]
            targets = targets or self._place_target(v.head, actors, sources)
            t_how = "where the doers were sent" if targets else t_how
        if not targets and pat.code[:2] == "12":
            # "rejected a call for its peacekeepers to be deployed in East Timor", "refused to
            # send troops to Kosovo": a refusal is aimed where the refused act would take place
            targets = self._refused_act_place(v, actors, sources)
            t_how = "place of the refused act" if targets else t_how
        if not targets and pat.code[:2] == "12":
            # "declined to resign despite pressure by the anti-corruption commission": a refusal
            # is aimed at whoever pressed for the act
            heads = [v] + [c for c in v.children if c.dep_ == "xcomp"]
            pressed = [t for t in self._prep_objects(heads, {"despite"}) if t.pos_ == "NOUN"]
            targets = self._others(prefer_known([a for t in pressed
                                                 for a in self._doer(t, actors, modifiers=True)]), sources)
            t_how = "who pressed for it" if targets else t_how
        if not targets and (pat.code[:2] in PLACE_ROOTS or pat.code == "042"):
            # "lifted a curfew in Montenegro", "shelled positions in Lebanon", "began a visit in
            # China": a material act or a visit is directed at the country it takes place in
            targets = self._place_target(v, actors, sources)
            t_how = "place" if targets else t_how
        if not targets and (pat.code[:2] == "14" or pat.code in ("082", "0352")):
            # a protest, and calling one off, are aimed at the state
            targets, t_how = self._protested(v, actors, sources, consumed)
        if (pat.code == "190" and self.verb_lemma(v) in VERBAL_ATTACK_VERBS and targets
                and all(t.lemma_.lower() in POLITICIANS or actors.actors(t)[:1] and actors.actors(t)[0].kind == "person"
                        for t in src_tokens)
                and all(t.kind not in ("place", "country") and sectors_of(t.code)
                        and sectors_of(t.code) <= POLITICAL_SECTORS for t in targets)):
            # "the Prime Minister attacked the Opposition", "Senator McCain attacked Obama": a
            # politician's attack on politicians is words (111), not force
            pat = replace(pat, code="111")
        if pat.code == "114":
            # "complained to the United Nations over Israeli air raids": a complaint is against
            # whom it is about; the body it is lodged with hears it
            about = [a for t in self._prep_objects([v], {"over", "about", "against"})
                     for a in self._actors_or_possessor(t, actors)]
            about = self._others(prefer_known(about), sources)
            if about:
                targets, t_how = about, "what the complaint is about"
        if pat.code in EXPULSIONS and targets and all(t.code[:3] in ("IGO", "NGO") for t in targets):
            # "forced the UN refugee agency out of the country": an organisation expelled (166),
            # not people deported (174) or driven out en masse (201)
            pat = replace(pat, code="166")
        if not targets and pat.code == "1712" and obj_tok is not None and any(
                c.dep_ == "poss" and c.pos_ == "PRON"
                for t in [obj_tok] + self._prep_objects([v, obj_tok], {"to", "on"}) for c in t.children):
            return []  # "set fire to their mattresses": destroying one's own things coerces no one
        pat, how = self._deployment_or_joint(pat, v, obj_tok, sources, targets, how)
        mode = self.mode(v)
        if mode == "hypothetical" and pat.code[:2] in ATTEMPTED_ROOTS and self._attempted(v):
            # "tried to hack into the computers", "attempted to storm the embassy": an attempt
            # at force or coercion is itself the act (an attempt on a life is 185)
            mode = self.mode(v.head)
            if pat.code == "186":
                pat = replace(pat, code="185")
        readying = self._readying(v) if pat.code[:2] in FORCE_ROOTS else None
        if readying is not None:
            # "the army prepared to resume shelling": readying force is a show of force (152), done
            pat, mode = replace(pat, code="152"), self.mode(readying)
            mode = None if mode == "future" else mode
        if (mode == "negated" and pat.code[:2] in ("03", "05") and v.dep_ == "xcomp"
                and v.head.lemma_.lower() == "fail" and self.refusal(pat.code)):
            # "failed to reach agreement": the parties did not agree, a rejection on both sides
            pat, mode, how = replace(pat, code=self.refusal(pat.code)), self.mode_above(v), how + ", failed"
        if mode == "negated" and self._announced_refusal(v):
            refusal = self._refusal_pattern(v, pat)
            if refusal is not None:  # "will not release the prisoners" refuses to release them
                pat, mode, how = refusal, self.mode_above(v), how + ", refusal"
        conf = 0.9 if how.startswith("subject") else 0.7
        if t_how == "inherited":
            conf -= 0.1
        if (not targets and pat.specificity == 0 and "dobj" not in pat.target
                and "none" not in pat.target and not (pat.symmetric and len(sources) > 1)
                and pat.code[:2] not in SELF_CONTAINED_ROOTS):
            return []  # a bare giving verb ("provided", "offered a choice") needs a recipient
        if (not targets and pat.specificity == 0 and self.verb_lemma(v) in CONTACT_VERBS
                and not any(self._violent(t) for t in src_tokens)):
            # "the aircraft hit the ground": force needs someone hit, unless a bomb or a shell hit
            return []
        if (not targets and pat.code == "040" and self.verb_lemma(v) in SITTING_VERBS
                and len({a.code for a in sources}) < 2
                and not any(c.dep_ == "dobj" and c.lemma_.lower() not in MEETING_NOUNS
                            or c.dep_ == "prep" and c.lower_ == "with" for c in v.children)
                and not any(c.dep_ == "conj" for t in src_tokens for c in t.children)):
            return []  # "Israel's Cabinet met Sunday": a body sitting meets no one
        for tok in src_tokens:
            actors.remember(actors.actors(tok), tok)
        # "Jordan and Britain agreed to hold exercises": an agreement is between its parties
        mutual = (not targets and self.verb_lemma(v) in MUTUAL_VERBS
                  and len({a.code for a in sources}) > 1)
        return self._pairs(sources, targets, pat, v, mode, conf, how, all_pairs=mutual)

    @staticmethod
    def _guest(v, actors) -> bool:
        """Does what the verb receives name someone (an actor, "a delegation"), or nothing at
        all ("the minister received him")?"""
        guests = [c for c in v.children if c.dep_ == "dobj"]
        return not guests or any(
            c.lemma_.lower() in VISITOR_NOUNS or any(
                t.i in actors.matches for t in [c, *c.children]
                if t.i == c.i or t.dep_ in ("compound", "amod", "nmod", "poss", "appos"))
            for c in guests)

    def _agentless_source(self, v, pat, actors, how):
        """Who did an act the passive leaves without agent, where only one could have: an eased
        measure is its owner's ("UN sanctions were lifted"), an expulsion the state's one was
        expelled from ("were expelled from North Korea"), an arrest, ban, expulsion or release
        of prisoners the state's of the place ("was arrested in Lebanon"), violence to people
        held, whoever held them ("was tortured in a CIA prison")."""
        if pat.code[:3] in ("081", "085", "087"):
            owners = [a for s in v.children if s.dep_ == "nsubjpass" and s.i not in actors.matches
                      for c in s.children if c.dep_ in ("poss", "compound", "amod", "nmod") and c.i < s.i
                      for a in actors.actors(c) if a.kind in ("country", "org", "seat")]
            if owners:
                return owners, "owner of what is eased"
        if pat.code[:3] in ("174", "166"):
            left = [a for t in self._prep_objects([v], {"from"}) for a in actors.actors(t)
                    if a.kind == "country" and len(a.code) == 3]
            if len(left) == 1:
                return [replace(left[0], kind="state of the place")], "state expelling"
        if pat.code == "0841":
            # "citizens who had been held by the government in Libya were released": whoever
            # held them let them go
            holders = [a for s in v.children if s.dep_ == "nsubjpass"
                       for c in s.children if c.dep_ in ("relcl", "acl")
                       for g in c.children if g.dep_ == "agent"
                       for p in g.children if p.dep_ == "pobj" for a in actors.actors(p)]
            if holders:
                return prefer_known(holders), "holder"
        if pat.code[:2] in FORCE_ROOTS:
            held = self._custodian(v, actors)  # "was tortured and killed in a secret CIA prison"
            if held:
                return held, "custodian"
        if pat.code[:3] in STATE_POWERS or pat.code == "0841":
            place = self._place(v, actors)
            if place is not None:
                return [replace(place, kind="state of the place")], "state of the place"
        return [], how

    @staticmethod
    def _deployment_or_joint(pat, trigger, thing, sources, targets, how):
        """Troops sent on a peacekeeping mission are peacekeeping (074), not a show of force;
        exercises held by the forces of two countries together are military cooperation (062)."""
        if pat.code == "154" and _peacekeeping(trigger):
            return replace(pat, code="074"), how  # "sent troops to the UN force in Mali"
        if (pat.code == "150" and not targets and len({a.code[:3] for a in sources}) > 1
                and thing is not None and thing.lemma_.lower() in EXERCISE_NOUNS):
            # "French and Egyptian warships launched war games"
            return replace(pat, code="062", symmetric=True), how + ", together"
        if (pat.code == "150" and targets and thing is not None and thing.lemma_.lower() in EXERCISE_NOUNS
                and (any(c.lower_ == "joint" for c in thing.children) or any(
                    c.dep_ == "prep" and c.lower_ == "with" for c in (*trigger.children, *thing.children)))):
            # "held joint military exercises with South Korea": exercising together
            return replace(pat, code="062", symmetric=True), how + ", together"
        return pat, how

    @staticmethod
    def _announced_refusal(v) -> bool:
        """'X will not release', 'X won't lift the ban': the verb itself is negated and
        announced, which states a refusal rather than reporting that nothing happened."""
        kids = [c for c in v.children if c.dep_ in ("aux", "neg")]
        return (any(c.dep_ == "neg" for c in kids)
                and any(c.lower_ in ("will", "wo", "shall", "would") for c in kids if c.dep_ == "aux"))

    def _refusal_pattern(self, v, pat=None):
        """The `refuse to <verb>` row for the verb ('will not lift' -> refuse to lift, 1244), else
        the act's own row recoded as its refusal ('will not accept refugees': 073 -> 1223)."""
        lemma = self.verb_lemma(v)
        code = self.refusal(pat.code) if pat is not None else None
        if code and pat.objects:
            return replace(pat, code=code)  # "will not meet the demands": the row of its object
        for p in self.lex.verbs.get("refuse", ()):
            if lemma in p.complements and not p.objects:
                return p
        return replace(pat, code=code) if code else None

    def _refused_act_place(self, v, actors, sources) -> list[Actor]:
        """The place of the material act a refusal refuses: the verb's own complement, or the
        act in the clause of the call or offer it rejects."""
        acts = [c for c in v.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]
        for o in (o for o in v.children if o.dep_ == "dobj" and o.pos_ == "NOUN"):
            acts += [c for c in o.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"]
            acts += [q for c in o.children if c.dep_ == "prep" and c.lower_ == "for"
                     for q in c.children if q.dep_ in ("pcomp", "pobj") and q.pos_ == "VERB"]
            acts += [c for c in o.children if c.dep_ == "advcl" and _for_clause(c)]
        for c in acts:
            pats = self.verb_patterns(c)
            pat = self._choose(c, pats)[0] if pats else None
            if pat is not None and pat.code[:2] in PLACE_ROOTS:
                place = self._place_target(c, actors, sources)
                if place:
                    return place
        return []

    def _sent_to_act(self, v):
        """The act people are sent to do ("sent 21 personnel to Bosnia to investigate"), if
        the verb sends people (not goods) for an act of the lexicon; else None."""
        if not any(c.dep_ == "dobj" and (c.lemma_.lower() in SENT_PEOPLE or any(
                g.dep_ == "prep" and g.lower_ == "of" and any(q.lemma_.lower() in SENT_PEOPLE for q in g.children)
                for g in c.children)) for c in v.children):
            return None
        return next((c for c in v.children if c.dep_ in ("advcl", "xcomp") and c.pos_ == "VERB"
                     and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                     and self._helped_act(c)), None)

    def _helped_act(self, c) -> bool:
        """Is the verb an act of the lexicon, as used here ("help defend X", not "help establish
        a government")?"""
        pats = self.verb_patterns(c)
        pat = self._choose(c, pats)[0] if pats else None
        return pat is not None and pat.code != NOT_AN_EVENT

    @staticmethod
    def _attempted(v) -> bool:
        """Is the verb what its subject tried or attempted to do ("tried to storm")?"""
        return v.dep_ == "xcomp" and v.head.lemma_.lower() in ATTEMPT_VERBS

    def mode_above(self, v) -> str | None:
        """The mode of the clause a refusal sits in ("said it will not" -> none, "may say" ...),
        without the verb's own negation and announcement."""
        head = v.head
        if head.i == v.i or v.dep_ not in ("ccomp", "xcomp", "conj"):
            return None
        m = self.mode(head)
        return m if m in ("negated", "hypothetical") else None

    @staticmethod
    def _historical(t, published: str | None) -> bool:
        """'the 1994 genocide', 'blew up a plane in 1988': a past year named on the trigger
        makes it a reference to history, not news."""
        near = [c for c in t.children if c.dep_ in ("nummod", "compound", "amod", "npadvmod")]
        near += [p for c in t.children if c.dep_ == "prep" and c.lower_ in ("in", "since", "during")
                 for p in c.children if p.dep_ == "pobj"]
        for c in near:
            # "during World War Two", "in the Cold War": wars long over
            words = {x.text for x in c.subtree if x.i <= c.i + 1} if c.dep_ == "pobj" else set()
            if "War" in words and {"World", "Cold"} & words:
                return True
        if not published or not published[:4].isdigit():
            return False
        year_now = int(published[:4])
        for c in near:
            text = c.text.strip("'s")
            if len(text) == 4 and text.isdigit() and 1900 <= int(text) < year_now:
                return True
            # "during the 1991-1995 conflict", "during the 1994 genocide"
            if c.dep_ == "pobj" and any(_past_year(x.text, year_now) for x in c.subtree if x.i < c.i):
                return True
        return False

    def _obligations(self, sent, actors) -> list[RawEvent]:
        """'X said Y must V' is X demanding that Y V: code it with the `demand` rows. So is a
        message carrying it ("issued a stern reminder to Iraq that it must cooperate")."""
        demand = self.lex.verbs.get("demand")
        if not demand:
            return []
        out = []
        said = self._said_clauses(actors.sentence_tokens(sent), actors.strings)
        for carrier, clause, addressed in said:
            modal = next((a for a in clause.children if a.dep_ == "aux" and a.lower_ in OBLIGATION), None)
            if modal is None:
                continue
            src_tokens, _ = self.subject(carrier, any(x.dep_ == "nsubjpass" for x in carrier.children))
            sources = prefer_known([a for t in src_tokens for a in actors.actors(t)])
            own = {a.code for a in sources}
            asked = [a for s in clause.children if s.dep_ in ("nsubj", "nsubjpass")
                     for a in actors.actors(s) if a.code not in own]
            if not asked:  # "a reminder to Iraq that it must": the one the message is sent to
                asked = [a for t in self._prep_objects(addressed, {"to"}) for a in actors.actors(t)]
            pat, _ = self._choose(carrier, demand)
            if asked and sources and pat is not None:
                out.extend(self._pairs(sources, prefer_known(asked), pat, modal, self.mode(carrier),
                                       0.7, "obligation"))
        return out

    def _claims(self, out: list[RawEvent], actors) -> list[RawEvent]:
        """'The rebels claimed that they had attacked the base': claiming one's own act is a
        claim of responsibility (015) for it, besides the act."""
        claim = next((p for p in self.lex.verbs.get("claim", ()) if p.code == "015"), None)
        if claim is None:
            return []
        found = []
        for r in out:
            v = r.trigger.head
            if (r.trigger.dep_ != "ccomp" or v.i == r.trigger.i or v.lemma_.lower() not in ("claim", "admit")
                    or r.mode in ("negated", "hypothetical")):
                continue
            toks, _ = self.subject(v, False)
            if any(a.code == r.source.code for t in toks for a in actors.actors(t)) and not any(
                    f.trigger.i == v.i and f.target == r.target for f in found):
                found.append(RawEvent(r.source, r.target, claim, v, self.mode(v), 0.7, "claimed act"))
        return found

    @staticmethod
    def _said_clauses(tokens, strings):
        """(verb that says, clause said, words a recipient hangs from) for each clause a speech
        verb or a message noun carries: "said (that) ...", "issued a reminder (that) ..."."""
        for t in tokens:
            pos, lemma = strings.pos[t.i], strings.lemma[t.i]
            if pos in ("VERB", "AUX") and lemma in SPEECH_VERBS:
                for c in t.children:
                    if c.dep_ == "ccomp":
                        yield t, c, []
            elif (pos == "NOUN" and lemma in MESSAGE_NOUNS and strings.dep[t.i] == "dobj"
                  and t.head.pos_ == "VERB"):
                for c in t.children:
                    if c.dep_ in ("acl", "ccomp", "relcl"):
                        yield t.head, c, [t, t.head]

    def _experiencer_events(self, t, pat, actors) -> list[RawEvent]:
        """'X was angered by Y', 'X is upset at Y': X (the one who feels) disapproves of Y."""
        subj = self._experiencer(t)
        sources = prefer_known([a for s in subj for a in actors.actors(s)])
        if not sources:
            return []
        cause = [p for c in t.children if c.dep_ in ("agent", "prep")
                 and c.lower_ in ("by", "at", "over", "with", "about", "of")
                 for p in c.children if p.dep_ == "pobj"]
        targets = prefer_known([a for c in cause for a in self._actors_or_possessor(c, actors)])
        if not targets and pat.code[:2] != "01":
            return []  # anger needs someone to be angry at; doubt or hope is a comment as it is
        return self._pairs(sources, targets, pat, t, self.mode(t), 0.7, "experiencer")

    def _experiencer(self, t, depth: int = 0) -> list:
        subj = [c for c in t.children if c.dep_ in ("nsubjpass", "nsubj")]
        if subj or depth > 2:
            return subj
        if t.dep_ == "acomp":
            return [c for c in t.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if t.dep_ == "conj":
            return self._experiencer(t.head, depth + 1)
        return []

    def _choose(self, v, patterns):
        children = list(v.children)
        # a particle follows its verb ("called on X"); a preposition before the verb or one that
        # heads a time phrase ("On Monday, X called ...", "called X on Wednesday") is not one
        particles = {c.lower_ for c in children if c.dep_ in ("prt", "advmod", "agent", "dative")
                     or (c.dep_ == "prep" and c.i > v.i and not _temporal(c))}
        # "let free 30 activists", "set them loose": a resultative word completes the verb; the
        # parser may make it a complement or a modifier of the object ("let [free activists]")
        resultative = [c for c in children if c.dep_ in ("ccomp", "xcomp", "acomp", "oprd")]
        resultative += [m for o in children if o.dep_ == "dobj" for m in o.children
                        if m.dep_ == "amod" and m.i == v.i + 1]
        particles |= {c.lower_ for c in resultative if c.lower_ in ("free", "loose")}
        if any(c.dep_ in ("advcl", "ccomp") and c.i > v.i and _for_clause(c) for c in children):
            particles.add("for")  # "called for Britain to stay": the parser marks "for" on the clause
        # "hand over 30 vehicles": the parser can take the particle for a number's modifier
        after = v.doc[v.i + 1] if v.i + 1 < len(v.doc) else None
        if after is not None and after.dep_ == "quantmod" and after.lower_ in ("over", "out", "back", "up"):
            particles.add(after.lower_)
        # "held families as human shields": the parser hangs "as" on the object
        particles |= {p.lower_ for o in children if o.dep_ == "dobj" for p in o.children
                      if p.dep_ == "prep" and p.lower_ == "as"}
        objects = [c for c in children if c.dep_ in ("dobj", "nsubjpass", "attr", "oprd")]
        if not objects:  # "accept refugees fleeing the war", parsed as a clause about them
            objects = _clause_object(v)
        if not objects:
            # "eased curfew hours it had imposed": the object taken for a measure of time
            objects = [c for c in children if c.dep_ == "npadvmod" and c.pos_ == "NOUN" and c.i > v.i
                       and any(m.dep_ == "compound" and m.pos_ == "NOUN" for m in c.children)]
        if not objects and self.verb_lemma(v) in LETTING_VERBS:
            # "allowed IAEA inspectors to visit the site": who is let in is the subject the
            # parser gives the clause
            objects = [s for c in children if c.dep_ in ("ccomp", "xcomp") and c.i > v.i
                       for s in c.children if s.dep_ == "nsubj" and s.pos_ in ("NOUN", "PROPN")]
        # "hold a round of talks": look through the quantity noun
        objects += [c for o in list(objects) for c in o.children if c.dep_ == "conj"]
        obj_lemmas = {}
        for o in objects:
            # "hunger strike", "tear gas": the phrase before the head word too
            obj_lemmas.update(dict.fromkeys(_with_modifier(o), o))
            for c in o.children:  # "eased curfew hours": the thing the head word measures
                if c.dep_ == "compound" and c.pos_ == "NOUN" and c.i == o.i - 1:
                    obj_lemmas.setdefault(c.lemma_.lower(), o)
            for form in _ending(o):  # "demanded an end to the embargo"
                obj_lemmas.setdefault(form, o)
            for p in o.children:
                # "rejected calls for his resignation": what the call asks for
                if p.dep_ == "prep" and (p.lower_ == "of" or p.lower_ == "for"
                                         and o.lemma_.lower() in REQUEST_NOUNS):
                    for q in p.children:
                        if q.dep_ == "pobj":
                            for form in _with_modifier(q):
                                obj_lemmas.setdefault(form, o)
        if self.verb_lemma(v) in SUPPLY_VERBS:  # "supplied Israel with bombs": what is given
            for c in children:
                if c.dep_ == "prep" and c.lower_ == "with":
                    for q in c.children:
                        if q.dep_ == "pobj":
                            for form in _with_modifier(q):
                                obj_lemmas.setdefault(form, q)
        comps = self._complements(v)
        # "engaged in talks": after "in", only for rows whose particle is "in" (elsewhere an
        # "in" phrase is where or when)
        in_comps = {f for c in children if c.dep_ == "prep" and c.lower_ == "in" and c.i > v.i
                    for q in c.children if q.dep_ == "pobj" for f in _with_modifier(q)}
        best, best_obj, best_score = None, None, -1
        has_dobj = any(c.dep_ == "dobj" for c in children)
        naming = has_dobj and any(c.dep_ == "oprd" for c in children)
        for p in patterns:
            if p.particle and p.particle not in particles:
                continue
            if p.particle and p.code == "042" and (has_dobj or any(c.dep_ == "nsubjpass" for c in children)):
                continue  # "returned the paintings to X", "flew aid to X", "was returned to X":
                # not a trip of one's own
            if p.code[:2] == "04" and naming:
                continue  # "called the ambassador a fool" names him; it is no phone call
            obj, hit = None, ""
            if p.objects:
                hit = next((lem for lem in obj_lemmas if lem in p.objects), None)
                if hit is None:
                    continue
                obj = obj_lemmas[hit]
            have = comps | in_comps if p.particle == "in" else comps
            if p.complements and "*" not in p.complements and not (have & p.complements):
                continue
            if p.complements and "*" in p.complements and not have:
                continue
            # "hunger strike" > "strike"
            score = p.specificity + (1 if p.objects and " " in hit
                                     or any(" " in c for c in have & p.complements) else 0)
            if score > best_score:
                best, best_obj, best_score = p, obj, score
        return best, best_obj

    @staticmethod
    def _complements(v) -> set[str]:
        """Lemmas of what the verb asks for: 'urge X to negotiate', 'call for the release of'."""
        out = set()
        for c in v.children:
            # "demanded that Greece compromise": a clause after "that" is one, even where the
            # tagger took its verb for a noun
            if c.dep_ in ("xcomp", "ccomp") and (c.pos_ in ("VERB", "AUX") or c.dep_ == "ccomp" and any(
                    m.dep_ == "mark" and m.lower_ == "that" for m in c.children)):
                back_to = [o.lemma_.lower() for p in c.children if p.dep_ == "prep"
                           and p.lower_ == "to" for o in p.children if o.dep_ == "pobj"]
                if c.lemma_.lower() == "return" and back_to:
                    out.update(back_to)  # "urged X to return to the talks": to resume them
                else:
                    out.add(c.lemma_.lower())
                    if any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children):
                        out.add("that")  # "charged that the bill is unconstitutional"
                    # "refused to step down": the phrasal verb as a whole
                    out.update(f"{c.lemma_.lower()} {p.lower_}" for p in c.children if p.dep_ == "prt")
                out.update(f for o in c.children if o.dep_ == "dobj" for f in _with_modifier(o))
            elif c.dep_ == "advcl" and any(a.lower_ == "to" for a in c.children):
                out.add(c.lemma_.lower())
            elif c.dep_ == "prep" and (c.lower_ in ("for", "on", "upon", "to", "into", "of", "as")
                                       or c.lower_ == "with" and v.lemma_.lower() in ("threaten", "menace")):
                # ("threatened Belarus with sanctions": the threatened act)
                for p in c.children:
                    if p.dep_ in ("pobj", "pcomp"):
                        out.update(_with_modifier(p))  # "went on hunger strike"
                        out.update(_ending(p))  # "called for an end to the embargo"
            elif c.dep_ == "dobj":
                for p in c.children:
                    if p.dep_ in ("xcomp", "acl", "relcl") and p.pos_ == "VERB":
                        out.add(p.lemma_.lower())
                    elif p.dep_ == "prep" and p.lower_ == "as":  # "held X as human shields"
                        out.update(f for q in p.children if q.dep_ == "pobj" for f in _with_modifier(q))
                    elif p.dep_ == "prep" and p.lower_ == "of" and p.i == c.i + 1:
                        # "accused two diplomats of spying": the parser hangs "of" on the object
                        for q in p.children:
                            if q.dep_ in ("pobj", "pcomp"):
                                out.update(_with_modifier(q))
                                # "of massacring civilians", parsed as a participle modifier
                                out.update(m.lemma_.lower() for m in q.children
                                           if m.dep_ == "amod" and m.tag_ == "VBG" and m.i < q.i)
        return out

    def subject(self, v, passive: bool, depth: int = 0) -> tuple[list, str]:
        """Tokens heading the source, and how they were found."""
        if passive:
            for c in v.children:
                if c.dep_ == "agent":
                    objs = [p for p in c.children if p.dep_ == "pobj"]
                    if objs:
                        return objs, "subject"
            return [], ""
        issued = self._issuer(v, depth)
        if issued is not None:
            return issued, "issuer"
        subj = [c for c in v.children if c.dep_ in ("nsubj",)]
        if not subj:  # "X however has opposed": the parser can hang the subject on the auxiliary
            subj = [s for a in v.children if a.dep_ in ("aux", "auxpass") and a.i < v.i
                    for s in a.children if s.dep_ == "nsubj"]
        # "The Red Cross operating in Iraq said": the parser makes the participle the subject
        subj = [next((s for s in c.children if s.dep_ == "nsubj" and s.i < c.i), c)
                if c.tag_ == "VBG" else c for c in subj]
        # "the internationally recognised Government of National Accord announced": a past
        # participle before the noun it describes, parsed as the subject with that noun its object
        subj = [next((o for o in c.children if o.dep_ == "dobj" and o.pos_ == "PROPN"), c)
                if c.tag_ in ("VBD", "VBN") else c for c in subj]
        if subj:
            return subj, "subject"
        head = v.head
        if (v.dep_ in ("acl", "relcl") and v.tag_ == "VBD" and head.pos_ in ("NOUN", "PROPN")
                and any(c.dep_ in ("dobj", "ccomp") or c.dep_ == "prep" and c.lower_ == "for"
                        for c in v.children)):
            # "The government, parties and the Taliban condemned the decision", parsed as a clause
            # describing "parties": a finite past verb with an object but no subject of its own
            # is the noun's predicate ("West Africans ordered out of Nigeria" is no such clause)
            while head.dep_ in ("appos", "conj") and head.head.pos_ in ("NOUN", "PROPN"):
                head = head.head
            return [head], "subject"
        if depth > 3:
            return [], ""
        if head.i == v.i:
            return [], ""
        if v.dep_ == "acomp" and head.pos_ in ("AUX", "VERB") and self.verb_lemma(v) in STANCE_PARTICIPLES:
            # "Greece is opposed to ...", parsed as a complement of "is"
            return [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")], "subject"
        if v.dep_ == "xcomp" and head.pos_ == "ADJ" and head.dep_ == "acomp":
            # "Syria is willing to withdraw": the subject of the copula
            return [c for c in head.head.children if c.dep_ in ("nsubj", "nsubjpass")], "control subject"
        if v.dep_ == "xcomp" and head.pos_ in ("VERB", "AUX"):
            obj = [c for c in head.children if c.dep_ == "dobj"]
            if obj and obj[0].i < v.i:
                return obj, "control object"
            toks, _ = self.subject(head, False, depth + 1)
            return toks, "control subject"
        if (v.dep_ in ("conj", "advcl", "pcomp", "xcomp") or v.dep_ == "ccomp" and head.lemma_ == "let"
                ) and (head.pos_ in ("VERB", "AUX") or _verb_tagged_noun(head)):  # ("let free": the parser's ccomp)
            toks, _ = self.subject(head, any(c.dep_ == "nsubjpass" for c in head.children), depth + 1)
            return toks, "shared subject"
        if v.dep_ == "pcomp" and _alleged(v):
            # "accused Ukraine of shelling the town": the one accused is the doer
            return [c for c in head.head.children if c.dep_ == "dobj"], "control object"
        if v.dep_ in ("pcomp", "pobj"):
            # "stopped short of condemning X", "sought cooperation in condemning X"
            up = head
            for _ in range(4):
                if up.pos_ in ("VERB", "AUX"):
                    toks, _ = self.subject(up, any(c.dep_ == "nsubjpass" for c in up.children),
                                           depth + 1)
                    return toks, "shared subject"
                if up.dep_ not in ("prep", "advmod", "pobj", "dobj", "pcomp", "acomp") or up.head.i == up.i:
                    break
                up = up.head
        # A participle or infinitive modifying a noun ("nationals suspected of spying", "rebels
        # fighting the army", "its decision to expel diplomats") describes the noun's background,
        # not the act the sentence reports: no source is read from the noun. Only when that noun
        # heads the whole sentence has the parser taken the main verb for a modifier ("The air
        # force carried out strikes" with "force" as root): then the noun is the subject.
        # When the sentence around the noun only says who or what it is ("X is among officials
        # travelling to Y"), the participle carries the sentence's act after all.
        if v.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN") and v.i > head.i:
            if passive_like(v):
                if _copular(head):  # "people evacuated by the army are ..."
                    return [p for c in v.children if c.dep_ == "agent"
                            for p in c.children if p.dep_ == "pobj"], "subject"
            elif (v.tag_ != "VBN" and (head.dep_ == "ROOT" or _copular(head))
                  or head.dep_ == "ROOT" and any(c.dep_ == "dobj" for c in v.children)):
                # (a past participle with an object under the root noun: "The air force carried
                # out strikes" parsed with "force" as the root)
                return [head], "subject" if head.dep_ == "ROOT" else "modified noun"
        return [], ""

    def _issuer(self, v, depth: int):
        """'issued a statement urging X to ...', 'a report that calls on X': words of a message
        are said by whoever issued it (the subject of the verb the message is the object of);
        'passed a bill lifting the emergency law': what a law does, whoever enacted it."""
        head = v.head
        noun, verb = head.lemma_.lower(), head.head.lemma_.lower()
        if not (v.dep_ in ("acl", "relcl") and v.i > head.i and head.dep_ == "dobj" and depth < 3
                and (noun in MESSAGE_NOUNS | {"report"} and verb in ISSUE_VERBS
                     or noun in LEGISLATION_NOUNS and verb in ENACTING_VERBS)):
            return None
        subj = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")]
        if v.dep_ == "relcl" and not (subj and all(c.lower_ in ("that", "which") for c in subj)):
            return None  # "a report that the minister wrote"
        if v.dep_ == "acl" and (subj or v.tag_ != "VBG"):
            return None  # "reports that X is working with Y", "reports provided by hospitals"
        toks, _ = self.subject(head.head, False, depth + 1)
        return toks

    def _targets(self, v, pat: Pattern, obj_tok, passive, actors) -> tuple[list[Actor], str]:
        for spec in pat.target:
            if spec == "none":
                return [], "none"
            toks = []
            if spec == "dobj":
                deps = ("nsubjpass",) if passive else ("dobj",)
                toks = [c for c in v.children if c.dep_ in deps
                        and (obj_tok is None or c.i != obj_tok.i)]
                if not toks and obj_tok is None and not passive:
                    toks = _clause_object(v)  # "condemned soldiers firing on crowds"
                if not toks and not passive and self.verb_lemma(v) in LETTING_VERBS:
                    # "allowed the opposition to hold a rally": who is let act is the subject
                    # the parser gives the clause
                    toks = [s for c in v.children if c.dep_ in ("ccomp", "xcomp") and c.i > v.i
                            for s in c.children if s.dep_ == "nsubj" and s.pos_ in ("NOUN", "PROPN")]
                if not toks and obj_tok is None and not passive:
                    # "rejected and condemned the Turkish decision": the object the coordinated
                    # verb after it takes
                    toks = [o for c in v.children if c.dep_ == "conj" and c.pos_ == "VERB" and c.i > v.i
                            and not any(x.dep_ in ("nsubj", "nsubjpass") for x in c.children)
                            for o in c.children if o.dep_ == "dobj"][:1]
                if not toks and obj_tok is not None:
                    # "released 15 British sailors" / "sought China's cooperation": the object
                    # itself if it names an actor, else its owner
                    toks = [obj_tok]

            elif spec == "iobj":
                toks = [c for c in v.children if c.dep_ in ("dative", "iobj")]
                # ("gave a warm welcome on Thursday to X": "to" parsed as a plain preposition)
                toks += [p for c in v.children if c.dep_ in ("dative", "prep") and c.lower_ == "to"
                         for p in c.children if p.dep_ == "pobj"]
            elif spec.startswith("prep:"):
                toks = self._prep_objects([v] + ([obj_tok] if obj_tok is not None else []),
                                          pat.target_preps)
            # "slaughtered thousands of civilians": the people counted
            toks += [q for t in toks if t.pos_ == "NUM" or t.lemma_.lower() in COUNT_NOUNS
                     for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
                     for q in c.children if q.dep_ == "pobj"]
            if toks:
                # "boycott all official contact": an act called formal names no one
                acts = [a for t in toks for a in self._actors_or_possessor(t, actors)
                        if not (a.code.startswith("---") and a.kind == "sector"
                                and t.lemma_.lower() in self.lex.nouns and _formal(t))]
                # a noun coordinated to the verb by a mis-attached "and" ("met with X, and Y")
                for c in v.children:
                    if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN") and spec != "dobj":
                        acts.extend(actors.actors(c))
                if not acts and pat.code[:2] in PLACE_ROOTS and spec.startswith("prep:"):
                    # "opened fire on Hebron", "imposed a curfew on Hebron": a town the gazetteer
                    # knows (not as an object, which may as well be a person's name: "Obama")
                    acts = [a for t in toks if t.pos_ == "PROPN" and t.i not in actors.matches
                            for a in [self._town(t, actors)] if a is not None]
                if acts:
                    return prefer_known(acts), spec
        return [], ""

    @staticmethod
    def _town(p, actors) -> Actor | None:
        """The country of a town named by the token, as a place actor; None if unknown."""
        code, p = EventExtractor._place_code(p, actors)
        if not code or code[:1] == "-" or code[:3] in ("IGO", "NGO"):
            return None
        return EventExtractor._place_actor(code, p, actors, "town")

    @classmethod
    def _others(cls, targets: list[Actor], sources) -> list[Actor]:
        """The targets that are neither a source nor the sources' own."""
        return [t for t in targets if all(t.code != a.code for a in sources) and not cls._own(t, sources)]

    @staticmethod
    def _own(target: Actor, sources) -> bool:
        """Is the target the sources' own, named through a possessive ("its troops", "his
        commitment")?"""
        return (not {"its", "their", "his", "her", "our"}.isdisjoint(target.text.lower().split())
                and any(target.code[:3] == a.code[:3] for a in sources))

    def _any_recipient(self, v, pat, actors, src_tokens) -> tuple[list[Actor], str]:
        """Last resort, as a human coder reads it: the actor the act is directed to, wherever
        the clause puts it ("granted asylum to X", "promised to continue aid to X",
        "demanded that X cancel", "demanded support from X")."""
        heads, frontier = [v], [v]
        for _ in range(2):
            nxt = []
            for h in frontier:
                # ("a camp for Congolese refugees was attacked": the passive's subject is its
                # object; not for what is said: "the initiative for a congress was announced")
                nxt.extend(c for c in h.children if (c.dep_ in ("dobj", "xcomp", "attr", "oprd")
                                                     or c.dep_ == "nsubjpass" and pat.code[:2] != "01")
                           and c.pos_ in ("NOUN", "VERB", "PROPN", "NUM"))
            heads.extend(nxt)
            frontier = nxt
        toks = self._prep_objects(heads, RECIPIENT_PREPS)
        src = {t.i for t in src_tokens}
        mine = [a for t in src_tokens for a in actors.actors(t)]  # "his commitment to X"
        own = {a.code for a in mine}
        acts = [a for t in toks if t.i not in src for a in self._actors_or_possessor(t, actors)
                if a.code not in own and not self._own(a, mine)]
        if not acts:
            # "sent vehicles and a team of paratroopers to Lebanon", "provides $10 million in
            # aid to the Palestinians": the parser hangs the recipient inside the object
            heads += [t for t in toks if t.pos_ in NOMINAL]
            for toks in self._nested_prep_objects([h for h in heads if h.pos_ in NOMINAL], RECIPIENT_PREPS):
                acts = [a for t in toks if t.i not in src for a in self._actors_or_possessor(t, actors)
                        if a.code not in own and not self._own(a, mine)]
                if acts:
                    break
        if not acts and pat.code[:2] in WISH_ROOTS:
            return self._asked(v, actors), "asked"
        return (prefer_known(acts), "recipient") if acts else ([], "")

    def _object_owner(self, v, obj_tok, actors, src_tokens, sources) -> list[Actor]:
        """The party an act on a thing is directed at, for rows whose object is the event
        itself: whose proposal is rejected ("rejected an Indian proposal", "an offer from X"),
        whose withdrawal is demanded, on whom restrictions are lifted ("lifted restrictions on
        X"), from whom an apology is demanded."""
        src = {t.i for t in src_tokens}
        # "laid down their weapons": the source's own things
        own = {a.code for a in sources}
        own_country = {a.code[:3] for a in sources}
        pron = any(c.dep_ == "poss" and c.pos_ == "PRON" for c in obj_tok.children)
        # ("military exercises": a role word of no country on the thing names no one; "the
        # government's policy": its owner does)
        owned = any(c.dep_ == "poss" for c in obj_tok.children)
        acts = [a for a in self._actors_or_possessor(obj_tok, actors) if a.code not in own
                and not (pron and a.code[:3] in own_country)
                and not (a.code.startswith("---") and a.kind == "sector" and not owned)]
        if not acts:
            toks = self._prep_objects([obj_tok, v], OBJECT_RECIPIENT_PREPS)
            acts = [a for t in toks if t.i not in src for a in self._actors_or_possessor(t, actors)
                    if a.code not in own]
        return prefer_known(acts)

    def _place_target(self, v, actors, sources) -> list[Actor]:
        """The place of the act as its target, unless it is a source itself ("Thailand ... in
        Thailand"); a country's own bodies acting at home target the country (THAGOV -> THA)."""
        place = self._place(v, actors)
        return [place] if place is not None and all(place.code != a.code for a in sources) else []

    def _protested(self, v, actors, sources, consumed=None) -> tuple[list[Actor], str]:
        """Whom a protest with no one named is aimed at: what it protests ("staged a hunger
        strike in protest against abuses by the police", "to protest the president's decision"),
        else the state where it takes place ("Albanians demonstrated in Serbia"), else the
        protesters' own state ("Nepal's opposition parties called a general strike"). A state
        does not protest at itself."""
        own = {a.code for a in sources}
        # ("continuing a hunger strike in protest of X": the phrase may hang on the protest noun)
        carried = [o for o in v.children if o.dep_ == "dobj"]
        for noun in self._prep_objects([v] + carried, {"in"}):
            if noun.lemma_.lower() in ("protest", "defiance"):  # "in protest against X", "in defiance of X"
                if consumed is not None:
                    consumed.add(noun.i)
                for toks in self._nested_prep_objects([noun], {"against", "of", "over", "at"}):
                    acts = [a for t in toks for a in self._actors_or_possessor(t, actors)
                            if a.code not in own]
                    if acts:
                        if consumed is not None:  # what is protested is no event of its own
                            consumed.update(t.i for t in toks if t.pos_ == "NOUN")
                        return prefer_known(acts), "protested"
        for toks in self._nested_prep_objects([v], {"for", "over"}, levels=2):
            # "demonstrated for the resignation of the president": whose act is demanded
            acts = [a for t in toks if t.lemma_.lower() in OF_DOER_NOUNS
                    for a in self._actors_or_possessor(t, actors) if a.code not in own]
            if acts:
                return prefer_known(acts), "protested"
        for toks in self._nested_prep_objects([v], {"over", "against"}, levels=3):
            # "a strike over a bill signed by the labour minister": who made what is protested
            acts = [a for t in toks if t.pos_ == "NOUN" for a in self._doer(t, actors)
                    if a.code not in own]
            if acts:
                return prefer_known(acts), "protested"
        # "started a hunger strike to protest X's failure" (the clause on the verb, or on the
        # protest noun it carries)
        purposes = [c for c in v.children if c.dep_ in ("advcl", "xcomp")]
        purposes += [c for o in v.children if o.dep_ == "dobj" for c in o.children
                     if c.dep_ in ("relcl", "acl") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
        for c in purposes:
            if c.lemma_.lower() == "protest":
                if consumed is not None:
                    consumed.add(c.i)
                objs = [o for o in c.children if o.dep_ == "dobj"]
                # "to protest against Sweden's decision", "to protest at the settlement of X"
                objs += self._prep_objects([c], {"against", "at", "over"})
                acts = [a for o in objs for a in self._actors_or_possessor(o, actors) if a.code not in own]
                if acts:
                    return prefer_known(acts), "protested"
            elif any(o.dep_ == "dobj" and o.lemma_.lower() in GRIEVANCE_NOUNS for o in c.children):
                # "blocked a road to show their disapproval of the United States' policies": the
                # disapproval is the protest's own, not a second event
                shown = [o for o in c.children if o.dep_ == "dobj"]
                if consumed is not None:
                    consumed.update(o.i for o in shown)
                objs = self._prep_objects(shown + [c], {"of", "for", "at", "over", "against", "with", "to"})
                acts = [a for o in objs for a in self._actors_or_possessor(o, actors) if a.code not in own]
                if acts:
                    return prefer_known(acts), "protested"
        place = self._place_target(v, actors, sources)
        if place:
            return place, "place"
        home = {}
        for a in sources:
            country = a.code[:3]
            if (len(a.code) > 3 and country.isalpha() and country not in ("IGO", "NGO", "MNC")
                    and not sectors_of(a.code) & STATE_SECTORS and a.kind not in ("place", "unknown")):
                home.setdefault(country, Actor(code=country, text=a.text, start=a.start, end=a.end,
                                               kind="home state", source=f"state of {a.text}",
                                               inferred=True))
        return list(home.values()), "home state" if home else ""

    @staticmethod
    def _place(v, actors) -> Actor | None:
        """The country of the place a clause puts its act in: "in Montenegro", "in the town of
        Cizre", "in Kirkuk" (a city the gazetteer knows), "outside of Basra", "in the suburbs
        of Kabul"; None when there is none or several."""
        heads = [v] + [c for c in v.children if c.dep_ in ("dobj", "nsubjpass")]
        # "fired at targets in Jericho", "air strikes against positions in Gaza": the place of
        # what the act is aimed at
        heads += [q for h in list(heads) for c in h.children if c.dep_ == "prep" and c.lower_ in AIMED_PREPS
                  for q in c.children if q.dep_ == "pobj" and q.pos_ == "NOUN"]
        found: dict[str, Actor] = {}
        for h in heads:
            for c in h.children:
                if c.dep_ != "prep" or c.lower_ not in PLACE_PREPS:
                    continue
                objs = [p for p in c.children if p.dep_ == "pobj"]
                # "outside of the city of Basra", "near to the border": the place is one step down
                objs += [q for p in c.children if p.dep_ == "prep" and p.lower_ in ("of", "to")
                         for q in p.children if q.dep_ == "pobj"]
                for p in objs:
                    if p.lemma_.lower() in TIME_WORDS:
                        continue
                    code, p = EventExtractor._place_code(p, actors)
                    if not code and p.pos_ == "NOUN":
                        # "a residential sector of eastern Beirut", "the outskirts of Kabul"
                        for q in (q for c2 in p.children if c2.dep_ == "prep" and c2.lower_ == "of"
                                  for q in c2.children if q.dep_ == "pobj" and q.pos_ == "PROPN"):
                            code, p = EventExtractor._place_code(q, actors)
                    if code and code[:1] != "-" and code[:3] not in ("IGO", "NGO"):
                        found.setdefault(code, EventExtractor._place_actor(code, p, actors, "in"))
        return next(iter(found.values())) if len(found) == 1 else None

    @staticmethod
    def _place_actor(code, p, actors, how) -> Actor:
        """A place actor for the place phrase headed by p: its name with the compounds before
        it, and the "of" phrase of a place noun ("the town of Cizre")."""
        left = min([x.idx for x in p.children if x.dep_ == "compound" and x.i < p.i] + [p.idx])
        end = p.idx + len(p.text)
        if p.lemma_.lower() in PLACE_NOUNS:
            end = max([end] + [q.idx + len(q.text) for c in p.children if c.dep_ == "prep" and c.lower_ == "of"
                               for q in c.children if q.dep_ == "pobj"])
        text = actors.text[left:end]
        return Actor(code=code, text=text, start=left, end=end, kind="place", source=f"{how} {text}")

    @staticmethod
    def _place_code(p, actors):
        """(country code or "", the token that names it) for a place phrase headed by p."""
        code = ""
        acts = actors.actors(p) if p.i in actors.matches or p.pos_ == "NOUN" else []
        if acts and (acts[0].kind in ("country", "country+sector") and (
                p.pos_ == "PROPN" or acts[0].code[3:] in ("", "CVL"))
                or acts[0].kind == "sector" and p.lemma_.lower() in PLACE_NOUNS
                and len(acts[0].code) == 3):
            code = acts[0].code[:3]
        elif not acts and (p.pos_ == "NOUN" and p.lemma_.lower() in PLACE_NOUNS
                           or p.pos_ == "PROPN" and p.lower_ in ADMIN_AREA_WORDS):
            # "in Montenegro province", "in Gaza city", "in West Darfur State", "in Helmand
            # Province": the name before the place noun
            name = [x for x in p.children if x.dep_ == "compound" and x.pos_ == "PROPN"]
            if name:
                p = name[-1]
                acts = actors.actors(p) if p.i in actors.matches else []
                if acts and acts[0].kind in ("country", "country+sector"):
                    code = acts[0].code[:3]
        if (not code and not acts and p.pos_ == "PROPN" and p.i not in actors.matches
                and actors.gazetteer is not None):
            code = town_country(actors.gazetteer, p)[0] or ""
        return code, p

    def _violent(self, tok):
        """The noun row if the noun names an act or means of violence ("a car bomb", "the
        blast"), the most specific one that fits; else None."""
        if tok.pos_ not in ("NOUN", "PROPN"):
            return None
        mods = {c.lemma_.lower() for c in tok.children if c.dep_ in ("compound", "amod", "nmod")}
        fits = [p for p in self.lex.nouns.get(tok.lemma_.lower(), ())
                if (p.code[:2] in FORCE_ROOTS or p.code == NOT_AN_EVENT)
                and (not p.modifiers or p.modifiers & mods)]
        best = max(fits, key=lambda p: p.specificity) if fits else None
        return best if best is not None and best.code != NOT_AN_EVENT else None  # "a heart attack"

    def _unknown_attacker(self, v, passive, src_tokens, actors) -> tuple[list[Actor], Pattern | None]:
        """'A roadside bomb killed two soldiers', 'three civilians were killed in a car bombing':
        violence whose perpetrator is not named. The source is an unidentified armed force (UAF)
        of the country where the act took place, if the clause names the place, else of unknown
        country (---UAF); its evidence is the means named in the sentence. Without such a means
        (accidents, disasters) there is no event."""
        means = [t for t in src_tokens if self._violent(t)]
        if passive and not means:
            means = [p for c in v.children if c.dep_ in ("agent", "prep") and c.lower_ in ("by", "in")
                     for p in c.children if p.dep_ == "pobj" and self._violent(p)]
        if not means:
            return [], None
        m = means[0]
        return self._doer_of_means(v, m, actors)[0], self._violent(m)

    def _doer_of_means(self, v, m, actors, custody: bool = False) -> tuple[list[Actor], str]:
        """Who used the means of violence m in the clause of v: its owner ("US drone strikes",
        "a bomb planted by rebels"), with `custody` whoever held the victims ("in Israeli police
        custody"), else an unidentified armed force (UAF) of the place, or of unknown country."""
        owners = [a for c in m.subtree if c.dep_ in ("poss", "compound", "amod", "nmod") and c.i < m.i
                  and c.i in actors.matches for a in actors.actors(c)
                  if a.kind in ("country", "country+sector", "org")][:1]
        owners = owners or self._participle_agent(m, actors)[:1]
        if owners:
            return owners, "owner of the means"
        held = self._custodian(v, actors) if custody else []
        if held:
            return held, "custodian"
        left = min(x.idx for x in m.subtree if x.i <= m.i and x.dep_ in ("compound", "amod", "nmod", "det")
                   or x.i == m.i)
        place = self._place(v, actors) or self._place(m, actors)
        return [Actor(code=(place.code[:3] if place else "---") + "UAF",
                      text=actors.text[left:m.idx + len(m.text)], start=left,
                      end=m.idx + len(m.text), kind="unknown",
                      source=f"unnamed perpetrator of '{m.text}'")], "unknown attacker"

    def _readying(self, v):
        """The verb "prepare" the act is the aim of ("prepared to resume shelling", "is preparing
        to invade"), not the stance "is prepared to"; else None."""
        cur = v
        for _ in range(2):
            if cur.dep_ != "xcomp" or cur.head.pos_ != "VERB":
                return None
            cur = cur.head
            if self.verb_lemma(cur) == "prepare":
                stance = cur.tag_ == "VBN" and any(a.dep_ in ("aux", "auxpass") and a.lemma_ == "be"
                                                   for a in cur.children)
                return None if stance else cur
        return None

    def _death_by(self, v, actors, consumed) -> list[RawEvent]:
        """'A prisoner died as a result of torture while in Israeli police custody', 'died
        after torture': a death caused by violence is that violence against the dead, by whoever
        held them, else by an unnamed perpetrator of the place."""
        causes = []
        for t in v.subtree:
            if t.dep_ != "pobj" or t.i in consumed or not self._violent(t):
                continue
            up = t.head  # only through prepositions and their nouns ("as a result of", "due to")
            while up.i != v.i and up.pos_ in ("ADP", "NOUN", "ADJ", "SCONJ") and up.head.i != up.i:
                up = up.head
            if up.i == v.i:
                causes.append(t)
        if not causes:
            return []
        pat = self._violent(causes[0])
        targets = prefer_known([a for c in v.children if c.dep_ == "nsubj" for a in actors.actors(c)])
        if not targets:
            return []
        consumed.update(c.i for c in causes)
        # "died as a result of Israeli air raids": whose the violence was, else who held them
        sources, how = self._doer_of_means(v, causes[0], actors, custody=True)
        return self._pairs(sources, self._others(targets, sources), pat, causes[0], self.mode(v), 0.6, how)

    @staticmethod
    def _custodian(v, actors) -> list[Actor]:
        """Who held the people the clause speaks of: 'in Israeli police custody', 'in a secret
        CIA prison'."""
        return prefer_known([a for t in v.subtree if t.dep_ == "pobj" and t.lemma_.lower() in CAPTIVITY_NOUNS
                             and t.head.lower_ in ("in", "at", "inside")
                             for a in actors.actors(t) if a.kind != "place"])

    @staticmethod
    def _conditioned(v, actors, sources) -> list[Actor]:
        """The subject of an if/unless clause on the verb or on what it threatens to do."""
        heads = [v] + [c for c in v.children if c.dep_ in ("xcomp", "ccomp")]
        toks = [s for h in heads for c in h.children if c.dep_ == "advcl"
                and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
                for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]
        own = {a.code for a in sources}
        return prefer_known([a for t in toks for a in actors.actors(t) if a.code not in own])

    @staticmethod
    def _asked_by_noun(n, actors) -> list[Actor]:
        """The subject of the clause a demand, call or offer noun carries: "a demand that X
        withdraw", "calls for X to resign"."""
        clauses = [c for c in n.children if c.dep_ in ("acl", "ccomp", "relcl", "advcl") and c.i > n.i
                   and (_for_clause(c) or any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children))]
        clauses += [p for c in n.children if c.dep_ == "prep" and c.lower_ == "for"
                    for p in c.children if p.dep_ == "pcomp"]
        if n.dep_ == "dobj":
            # "reiterated its demand today that Israel ease": the clause hung on the verb that
            # carries the noun, right after it
            clauses += [c for c in n.head.children if c.dep_ == "ccomp"
                        and n.right_edge.i < c.left_edge.i <= n.right_edge.i + 2
                        and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]
        toks = [s for c in clauses for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]
        return prefer_known([a for t in toks for a in actors.actors(t)])

    @staticmethod
    def _let_in(v, actors, sources) -> list[Actor]:
        """'refused to allow United Nations planes to land', 'pledged to let monitors in': the
        one let in or let act is what allowing or refusing to allow is aimed at."""
        lets = [c for c in v.children if c.dep_ == "xcomp" and c.lemma_.lower() in LETTING_VERBS]
        toks = [o for c in lets for o in c.children if o.dep_ in ("dobj", "dative")]
        toks += [s for c in lets for x in c.children if x.dep_ in ("ccomp", "xcomp")
                 for s in x.children if s.dep_ in ("nsubj", "nsubjpass")]
        own = {a.code for a in sources}
        return prefer_known([a for t in toks for a in actors.actors(t) if a.code not in own])

    def _asked(self, v, actors) -> list[Actor]:
        """'demanded that Russia withdraw': the one asked is the subject of the clause that
        directly follows the verb."""
        clauses = [c for c in v.children if c.dep_ == "ccomp" and v.i < c.left_edge.i <= v.i + 2]
        toks = [s for c in clauses for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]
        # "demanded that Greece compromise", its verb taken for a noun: the subject is parsed
        # as a compound before it
        toks += [s for c in clauses if c.pos_ == "NOUN" and not toks
                 for s in c.children if s.dep_ == "compound" and s.i < c.i]
        # "called on Friday for Britain to stay": the subject of a for-to clause
        toks += [s for c in v.children if c.dep_ in ("advcl", "ccomp") and _for_clause(c)
                 for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]
        return prefer_known([a for t in toks for a in actors.actors(t)])

    def _complement_targets(self, v, actors, sources=()) -> tuple[list[Actor], str]:
        """'agreed to provide aid to X', 'offered to hand over suspects to X': the target of
        what the source agrees, offers or refuses to do."""
        for c in v.children:
            if c.dep_ == "xcomp" and c.pos_ == "VERB":
                pats = self.verb_patterns(c)
                if not pats:
                    continue
                pat, obj = self._choose(c, pats)
                if pat is None or "agent" in pat.target:
                    continue
                passive = any(x.dep_ in ("nsubjpass", "auxpass") for x in c.children)
                acts, _ = self._targets(c, pat, obj, passive, actors)
                if not acts and "none" in pat.target and obj is not None:
                    acts = self._object_owner(c, obj, actors, [], sources)  # "lift the curfew on X"
                if acts:
                    return acts, "inherited"
                # "threatened to impose a curfew in Algiers": aimed where the act would be
                place = self._place_target(c, actors, sources) if pat.code[:2] in PLACE_ROOTS else []
                if place:
                    return place, "inherited place"
        return [], ""

    @staticmethod
    def _actors_or_possessor(tok, actors) -> list[Actor]:
        """The actor a phrase names, or its possessor's: "sought China's cooperation"; for a thing
        acted upon, its owner as a coder reads it: "rejected an Indian proposal", "a US offer",
        "calls by X", "an offer from X", "the withdrawal of X's troops"."""
        acts = actors.actors(tok) or EventExtractor._doer(tok, actors, modifiers=True)
        if acts:
            return acts
        # "the launches": whoever the article said carried them out
        owner = actors.ctx.event_owners.get(tok.lemma_.lower())
        if owner is not None:
            return [Actor(code=owner.code, text=tok.text, start=tok.idx, end=tok.idx + len(tok.text),
                          kind="event owner", source=f"'{tok.text}' by {owner.text}", inferred=True)]
        return []

    @staticmethod
    def _doer(noun, actors, modifiers: bool = False) -> list[Actor]:
        """Who does or owns what a noun names: its possessor ("the president's resignation"),
        with `modifiers` a country or body before it ("an Indian proposal"), its "by" or "from"
        phrase ("an admission by Moscow"), or the "of" phrase of nouns whose "of" names the doer
        ("the withdrawal of Serbian forces")."""
        for c in noun.children:
            if c.dep_ == "poss":
                acts = actors.actors(c)
                if acts:
                    return acts
        if noun.pos_ != "NOUN":
            return []
        if modifiers:
            for c in noun.children:
                if c.dep_ in ("amod", "compound", "nmod") and c.i < noun.i and c.i in actors.matches:
                    acts = [a for a in actors.actors(c) if a.kind in ("country", "org", "seat")]
                    if acts:
                        return acts
        preps = OWNER_PREPS | ({"of"} if noun.lemma_.lower() in OF_DOER_NOUNS else set())
        for c in noun.children:
            if c.dep_ in ("prep", "agent") and c.lower_ in preps:
                acts = [a for p in c.children if p.dep_ == "pobj" for a in actors.actors(p)]
                if acts:
                    return acts
        return EventExtractor._participle_agent(noun, actors)

    @staticmethod
    def _participle_agent(noun, actors) -> list[Actor]:
        """'crimes committed by Croat forces', 'missiles fired by the Israeli military': the
        doer named in the by-phrase of a participle describing the noun."""
        return [a for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"
                and not any(x.dep_ == "neg" for x in c.children)  # "not selected by voters"
                for g in c.children if g.dep_ == "agent" for p in g.children if p.dep_ == "pobj"
                for a in actors.actors(p)]

    @staticmethod
    def _nested_prep_objects(nouns, preps, levels: int = 3) -> Iterator[list]:
        """Objects of `preps` inside noun phrases, nearest level first: from "vehicles and a
        team of paratroopers to Lebanon" down through coordination, apposition and other
        prepositions ("of", "in"), never into a clause."""
        frontier = list(nouns)
        for _ in range(levels):
            found, nxt = [], []
            for h in frontier:
                for c in h.children:
                    if c.dep_ in ("conj", "appos") and c.pos_ in NOMINAL:
                        nxt.append(c)
                    elif c.dep_ == "prep":
                        objs = [p for p in c.children if p.dep_ == "pobj"]
                        if c.lower_ in preps:
                            found.extend(objs)
                        nxt.extend(objs)
            if found:
                yield found
            frontier = nxt
            if not frontier:
                return

    @staticmethod
    def _prep_objects(heads, preps) -> list:
        out = []
        for h in heads:
            for c in h.children:
                if c.dep_ in ("prep", "prt", "dative", "agent") and c.lower_ in preps:
                    objs = [p for p in c.children if p.dep_ in ("pobj",)]
                    if not objs and c.dep_ in ("prep", "dative"):
                        objs = _dangling_object(c)
                    out.extend(objs)
                elif c.dep_ in ("prep", "prt") and c.lower_ in ("out", "away") and preps & {"of", "from"}:
                    # "pulled out of Somalia": the two-word preposition, "of" under "out"
                    out.extend(p for o in c.children if o.dep_ == "prep" and o.lower_ in ("of", "from")
                               for p in o.children if p.dep_ == "pobj")
        return out

    # -- nouns -----------------------------------------------------------------------------
    def _noun_events(self, n, patterns, actors, consumed=None) -> list[RawEvent]:
        # ("a thirst and hunger strike": the modifiers coordinated too)
        mods = {m.lemma_.lower() for c in n.children if c.dep_ in ("compound", "amod", "nmod")
                for m in [c, *(x for x in c.children if x.dep_ == "conj")]}
        # "deployment of troops", "suspension of aid": the "of" phrase specifies the act as a
        # modifier does ("troop deployment", "aid suspension")
        of_mods = {p.lemma_.lower(): p for c in n.children if c.dep_ == "prep" and c.lower_ == "of"
                   for p in c.children if p.dep_ == "pobj"}
        mods.update(of_mods)
        if n.i >= 2 and n.doc[n.i - 1].text == "-":
            mods.add(n.doc[n.i - 2].lower_)
        fitting = [p for p in patterns if not p.modifiers or p.modifiers & mods]
        if not fitting:
            return []
        pat = max(fitting, key=lambda p: p.specificity)
        if pat.code == NOT_AN_EVENT:
            return []
        if not pat.modifiers and n.lemma_.lower() in self.lex.things and any(
                c.dep_ in ("compound", "nmod") and c.pos_ == "NOUN" and c.i not in actors.matches
                for c in n.children):
            return []  # "oil demand", "grain sales": a market's figure, not a demand or a sale
        used_of = [of_mods[m] for m in pat.modifiers & set(of_mods)]
        if consumed is not None:  # "suspension of aid" is one act, not also an act of aid
            consumed.update(t.i for t in used_of)
        if "between" not in pat.target and self._prep_objects([n], {"between", "among"}):
            # "talks between A and B": the row that reads the parties from "between"
            pat = next((p for p in fitting if "between" in p.target), pat)
        sources, how = self._noun_source(n, actors, pat)
        if (pat.code == "190" and n.lemma_.lower() == "strike" and sources
                and all(sectors_of(a.code) and sectors_of(a.code) <= STRIKING_SECTORS for a in sources)):
            # "judges began a week-long strike": people who strike by stopping work
            pat = next((p for p in patterns if p.code == "143"), pat)
        targets: list[Actor] = []
        if "between" in pat.target:
            between = self._prep_objects([n], {"between", "among"})
            parties = [a for t in between for a in actors.actors(t)]
            if len(parties) >= 2 and not sources:
                return self._pairs(parties, [], pat, n, self.mode(n), 0.8, "between",
                                   all_pairs=True)
            if parties and sources:
                targets = parties
        if not sources:
            return []
        engaged = (how == "clause subject" and n.dep_ == "pobj" and n.head.lower_ == "in"
                   and self.verb_lemma(n.head.head) in ENGAGING_VERBS)
        if not targets and pat.target_preps:
            heads = [n] + used_of  # "a suspension of talks with X"
            if n.lemma_.lower() in OF_DOER_NOUNS:  # "the withdrawal of its forces from X"
                heads += [t for t in of_mods.values() if t not in used_of]
            if how == "light verb subject":  # "gave a welcome to X", "sent $5 million in aid to X"
                heads += [n.head] if n.dep_ == "dobj" else [n.head.head, n.head.head.head]
            elif engaged:
                heads.append(n.head.head)  # "engaged in ethnic cleansing against X"
            targets = [a for t in self._prep_objects(heads, pat.target_preps)
                       for a in self._actors_or_possessor(t, actors)]
        pat, how = self._deployment_or_joint(pat, n, n, sources, targets, how)
        conf = 0.8 if how == "possessor" else 0.6
        if how in ("possessor", "modifier", "by-phrase"):
            actors.ctx.event_owners[n.lemma_.lower()] = sources[0]
        if not targets and pat.code[:2] in WISH_ROOTS:
            # "its demand that Israel ease restrictions", "a call for Iran to stop": the one asked
            targets = self._asked_by_noun(n, actors)
        if not targets and pat.code[:2] == "14":  # "staged demonstrations in Serbia"
            targets, _ = self._protested(n.head if n.dep_ == "dobj" else n, actors, sources,
                                         consumed)
        if not targets and (how == "modifier" and pat.code[:2] < "15" or how == "clause subject"
                            and not (engaged and pat.code[:2] in FORCE_ROOTS)):
            # "demanded X at a round of talks", "stopped work in a strike", "in the wake of the
            # execution": an act with no one named in a phrase of the clause is its setting; not
            # force its subject is engaged in ("engaged in an offensive in Gaza")
            return []
        mode = self.mode(n)
        if n.dep_ == "dobj" and n.head.lemma_.lower() in LIGHT_VERBS:
            # "has not announced its support": what the carrying verb denies did not happen;
            # "agreed to undertake joint exercises", "promised to continue aid": not yet done
            carried = self.mode(n.head)
            if carried is not None and MODE_RANK[carried] > MODE_RANK.get(mode, 0):
                mode = carried
        return self._pairs(sources, targets, pat, n, mode, conf, how)

    def _noun_source(self, n, actors, pat=None) -> tuple[list[Actor], str]:
        for c in n.children:
            if c.dep_ == "poss":
                acts = actors.actors(c)
                if acts:
                    return acts, "possessor"
        for c in n.children:
            if c.dep_ == "prep" and c.lower_ == "by":
                acts = [a for p in c.children if p.dep_ == "pobj" for a in actors.actors(p)]
                if acts:
                    return acts, "by-phrase"
        for c in n.children:
            if c.dep_ in ("amod", "compound", "nmod") and c.i in actors.matches:
                a = actors.actors(c)
                if a and a[0].kind in ("country", "org", "seat"):
                    return a, "modifier"
        # "Hussein was responsible for mass killings", "X is guilty of war crimes": who bears them
        if (n.dep_ == "pobj" and n.head.lower_ in ("for", "of") and n.head.head.lemma_.lower()
                in ("responsible", "guilty", "culpable") and n.head.head.dep_ in ("acomp", "amod")):
            holder = n.head.head.head
            toks = [c for c in holder.children if c.dep_ in ("nsubj", "nsubjpass")]
            if n.head.head.dep_ == "amod":  # "the group responsible for the attack"
                toks = [holder]
            acts = [a for t in toks for a in actors.actors(t)]
            if acts:
                return acts, "held responsible"
        # "After talks with X, Hill said": the subject of the clause the phrase hangs from
        cur, via_prep = n, None
        preps = INHERIT_PREPS
        if pat is not None and pat.symmetric and any(
                c.dep_ == "prep" and c.lower_ == "with" for c in n.children):
            preps = INHERIT_PREPS | SEQUENCE_PREPS
        for _ in range(4):
            if cur.dep_ == "pobj" and cur.head.dep_ == "prep":
                # every step must be one of these: "in response to the unrest" is not the
                # subject's unrest
                via_prep = cur.head.lower_ in preps and via_prep is not False
                cur = cur.head.head
            elif cur.dep_ == "prep":
                cur = cur.head
            else:
                break
            if cur.pos_ in ("VERB", "AUX") and via_prep:
                # ("were engaged in ethnic cleansing": a state its subject is in, not a passive)
                passive = any(c.dep_ == "nsubjpass" for c in cur.children) and not (
                    self.verb_lemma(cur) in STANCE_PARTICIPLES and not passive_like(cur))
                toks, _ = self.subject(cur, passive)
                if not passive and not toks:
                    toks = [c for c in cur.children if c.dep_ == "nsubjpass"]
                acts = [a for t in toks for a in actors.actors(t)]
                return acts, "clause subject"
        obj = n
        if (n.dep_ == "pobj" and n.head.lower_ in ("of", "in") and n.head.head.dep_ == "dobj"
                and (n.head.head.pos_ in ("NUM", "SYM") or n.head.head.lemma_.lower() in QUANTITY)):
            obj = n.head.head  # "announced $33 million in assistance", "held a round of talks"
        if (obj.dep_ in ("dobj",) and obj.head.lemma_.lower() in LIGHT_VERBS
                and not any(c.dep_ == "prt" and (c.lower_ == "off" or c.lower_ == "up"
                                                  and obj.head.lemma_.lower() == "give")
                            for c in obj.head.children)):
            # ("gave up fighting", "called off the strike": the act is abandoned, not carried out)
            toks, _ = self.subject(obj.head, False)
            return [a for t in toks for a in actors.actors(t)], "light verb subject"
        return [], ""

    # -- modes -----------------------------------------------------------------------------
    def mode(self, t) -> str | None:
        """negated, hypothetical or future, from the trigger and the verbs that govern it."""
        chain = [t]
        cur = t
        found_noun = None
        joined = set()  # verbs reached from a coordinated one: their own meaning is no cue
        for _ in range(5):
            if cur.dep_ == "conj":
                cur = cur.head
                chain.append(cur)
                joined.add(cur.i)
                continue
            if cur.dep_ in ("ccomp", "advcl") and any(a.lower_ == "to" and a.dep_ == "aux" for a in cur.children):
                # "wants Putin to attack": an infinitive clause under its verb; "is willing to
                # send material to help defend X": the purpose of an act shares its mode
                cur = cur.head
                chain.append(cur)
                continue
            if (cur.dep_ == "acl" and cur.head.pos_ == "NOUN" and cur.head.lemma_.lower() in self.lex.modes
                    and any(a.lower_ == "to" and a.dep_ == "aux" for a in cur.children)):
                # "the government's plans to impose restrictions": what is planned is not done
                chain.append(cur.head)
                found_noun = self.lex.modes[cur.head.lemma_.lower()]
                break
            if cur.dep_ not in MODE_CLIMB_DEPS or cur.head.i == cur.i:
                break
            cur = cur.head
            chain.append(cur)
        found: set[str] = {found_noun} if found_noun else set()
        modes = self.lex.modes
        for c in chain:
            # ("allowed relief and renewed a ceasefire pact": the renewal is no permission)
            if (c.i != t.i and c.i not in joined and c.lemma_.lower() in modes
                    and c.pos_ in ("VERB", "ADJ", "AUX", "ADV")):
                found.add(modes[c.lemma_.lower()])
            for ch in c.children:
                low = ch.lemma_.lower()
                if ch.dep_ == "neg":
                    found.add("negated")
                elif ch.dep_ == "aux" and ch.lower_ == "would" and _reported(c):
                    found.add("future")  # "said it would release them": the reported "will"
                elif ch.dep_ in ("aux", "auxpass", "advmod", "mark", "npadvmod") and low in modes:
                    found.add(modes[low])
                elif ch.dep_ == "mark" and low == "until" and not _past(c):
                    found.add("hypothetical")  # "until the sailors are released": not yet
                elif ch.dep_ in ("npadvmod", "pobj", "prep") and ch.lemma_.lower() in ("week", "month", "year"):
                    if any(g.lower_ in ("next", "coming") for g in ch.children):
                        found.add("future")
        if self.lex.mode_phrases:
            lo = min(c.i for c in chain)
            start = max(lo - 3, 0)
            for k in range(lo, start, -1):  # not back into the previous sentence
                if t.doc[k].is_sent_start:
                    start = k
                    break
            lemmas = [x.lemma_.lower() for x in t.doc[start:t.i + 1]]
            by_first = self._phrases_by_first()
            for i, lemma in enumerate(lemmas):
                for phrase, m in by_first.get(lemma, ()):
                    if tuple(lemmas[i:i + len(phrase)]) == phrase:
                        found.add(m)
        if self._wished(t) or _alleged(t) or self._unsaid(t):
            found.add("hypothetical")
        if t.dep_ == "ROOT" and t.tag_ == "VB" and any(a.lower_ == "to" and a.dep_ == "aux" for a in t.children):
            # headline style: "Envoy to visit Pyongyang"; but in "Envoy urges China, Asian nations
            # to speak with one voice" the parser makes "urges" a clause under "speak": asked for
            asked = any(c.dep_ == "ccomp" and c.i < t.i and self._wish_verb(c) for c in t.children)
            found.add("hypothetical" if asked else "future")
        if not found:
            return None
        return max(found, key=MODE_RANK.get)

    def _phrases_by_first(self) -> dict[str, list[tuple[tuple[str, ...], str]]]:
        """Mode phrases by their first lemma: a window is tested only against phrases that
        start with its word."""
        if getattr(self, "_by_first_for", None) != len(self.lex.mode_phrases):
            self._by_first: dict[str, list] = {}
            for phrase, m in self.lex.mode_phrases:
                self._by_first.setdefault(phrase[0], []).append((phrase, m))
            self._by_first_for = len(self.lex.mode_phrases)
        return self._by_first

    def _wished(self, t) -> bool:
        """The act someone urges, demands, offers or threatens has not happened:
        in "urged China to attack X" the attack is hypothetical."""
        cur = t
        for _ in range(6):
            if cur.pos_ in ("NOUN", "PROPN") and cur.dep_ in ("dobj", "conj", "appos") and cur.head.i != cur.i:
                if cur.dep_ == "dobj" and t.i == cur.i:
                    return False  # the trigger is the object itself: "gave a welcome"
                cur = cur.head  # "urges China, Asian nations to speak ...": up from the object
                if cur.pos_ in ("VERB", "AUX") and self._wish_verb(cur):
                    return True
                continue
            if (cur.dep_ == "pcomp" and cur.head.dep_ == "prep"
                    and cur.head.head.pos_ in ("VERB", "AUX")):
                cur = cur.head.head  # "to join Washington in sending a signal": the joining's
                if self._wish_verb(cur):
                    return True
                continue
            if (cur.dep_ == "pcomp" and cur.head.dep_ == "prep" and cur.head.lower_ == "for"
                    and self._wish_noun(cur.head.head)):
                return True  # "an Indian proposal for signing a free trade agreement"
            if cur.dep_ not in ("xcomp", "ccomp", "advcl", "relcl", "acl") or cur.head.i == cur.i:
                return False
            # "demanded that Iraq admit inspectors": a that-clause in the subjunctive is wished
            # ("its demand that Sudan disarm": the tagger may read the bare form as a past)
            subjunctive = cur.dep_ in ("ccomp", "acl") and (
                cur.tag_ == "VB" or cur.tag_ in ("VBP", "VBD") and cur.lower_ == cur.lemma_.lower()
            ) and not any(a.dep_ in ("aux", "auxpass") for a in cur.children)
            if cur.dep_ in ("advcl", "relcl", "acl", "ccomp") and not subjunctive and not any(
                    a.lower_ == "to" and a.dep_ == "aux" for a in cur.children):
                return False
            if subjunctive and cur.dep_ == "ccomp" and any(
                    o.dep_ == "dobj" and o.right_edge.i < cur.left_edge.i <= o.right_edge.i + 2
                    and self._wish_noun(o) for o in cur.head.children):
                return True  # "reiterated its demand today that Syria lift": hung on the verb
            cur = cur.head
            if self._wish_verb(cur) or subjunctive and self._wish_noun(cur):
                return True
        return False

    @staticmethod
    def _unsaid(t) -> bool:
        """'China has not said what it plans to propose', 'did not say whether it would attack':
        an act inside a clause its speaker declined to state is unknown, not planned."""
        cur = t
        for _ in range(3):
            if cur.dep_ not in ("xcomp", "ccomp") or cur.head.i == cur.i:
                return False
            if cur.dep_ == "ccomp" and cur.head.lemma_.lower() in SPEECH_VERBS | {"disclose", "reveal"}:
                return any(c.dep_ == "neg" for c in cur.head.children)
            cur = cur.head
        return False

    def _wish_noun(self, n) -> bool:
        """A demand, call, offer or threat named by a noun ("its demand that Israel ease")."""
        if n.pos_ not in ("NOUN", "PROPN"):
            return False
        pats = self.lex.nouns.get(n.lemma_.lower()) or ()
        return any(p.code[:2] in WISH_ROOTS for p in pats)

    def _wish_verb(self, v) -> bool:
        """Does the verb, as used here, appeal, offer, demand, reject or threaten?"""
        pats = self.verb_patterns(v)
        if not pats:
            return False
        pat, _ = self._choose(v, pats)
        return pat is not None and pat.code[:2] in WISH_ROOTS

    # -- assembling ------------------------------------------------------------------------
    @staticmethod
    def _pairs(sources, targets, pat, trigger, mode, conf, how, all_pairs=False) -> list[RawEvent]:
        out = []
        if all_pairs or (pat.symmetric and not targets and len(sources) > 1):
            for a in sources:
                for b in sources:
                    if a.code != b.code:
                        out.append(RawEvent(a, b, pat, trigger, mode, conf, how))
            return out
        for s in sources:
            # an act on oneself ("Thailand declared an emergency in Bangkok") has no other side
            others = [tg for tg in targets if tg.code != s.code]
            if not others:
                if not targets or not pat.is_noun:  # a noun aimed at its own source is misread
                    out.append(RawEvent(s, None, pat, trigger, mode, conf, how))
                continue
            for tg in others:
                out.append(RawEvent(s, tg, pat, trigger, mode, conf, how))
                if pat.symmetric and mode != "future":  # an announced meeting is the announcer's intent
                    out.append(RawEvent(tg, s, pat, trigger, mode, conf, how + ", symmetric"))
        return out
