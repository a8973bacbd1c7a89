"""Clauses to events: find trigger verbs and event nouns, their source and target, and the mode.

Reads the dependency parse of one sentence. Roles: subject (or passive `by` agent) is the
source; the target sits where the lexicon row says (direct object, a preposition's object,
indirect object). Control verbs pass their object or subject down ("urged China to use its
influence" makes China the subject of "use"); coordination gives one event per actor.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..actors.resolve import Actor, ParsedActors
from .lexicon import EventLexicon, Pattern

VERB_TAGS = {"VB", "VBD", "VBG", "VBN", "VBP", "VBZ"}
# A noun event inherits the subject of the verb it hangs from only through these prepositions
# ("After talks with X, Hill said ..."), never through an object ("X condemned the attack").
INHERIT_PREPS = {"after", "during", "following", "before", "at", "in", "of", "since", "amid"}
MODE_CLIMB_DEPS = {"xcomp", "pcomp", "pobj", "prep", "acomp", "advmod"}
# Verbs that only carry an event noun: "held talks", "launched an offensive", "gave a welcome".
LIGHT_VERBS = {"hold", "have", "conduct", "stage", "begin", "start", "open", "resume", "renew",
               "launch", "undertake", "continue", "give", "make", "carry", "mount", "wage", "pay",
               "extend", "step", "intensify", "escalate", "end", "complete", "announce", "order"}
# "X said Y must ...": a stated obligation of another actor is a demand.
SPEECH_VERBS = {"say", "tell", "announce", "insist", "warn", "state", "declare", "stress", "add",
                "reiterate", "remind", "write", "argue", "maintain", "repeat"}
OBLIGATION = {"must", "should"}
# Prepositions that introduce whom an act is directed to (not where or when it happened).
RECIPIENT_PREPS = {"to", "for", "from", "with", "against", "on", "toward", "towards", "into", "upon"}
# Appeals, intents, demands, rejections and threats: their complements are not facts.
WISH_ROOTS = {"02", "03", "10", "12", "13"}
MODE_RANK = {"negated": 3, "hypothetical": 2, "future": 1}


@dataclass
class RawEvent:
    source: Actor
    target: Actor | None
    pattern: Pattern
    trigger: object          # spaCy token
    mode: str | None
    confidence: float
    note: str = ""           # how roles were found, appended to the rule


def depth(t) -> int:
    """Steps from the token up to its sentence's root."""
    n = 0
    while t.head is not t and n < 50:
        t, n = t.head, n + 1
    return n


def prefer_known(acts: list[Actor]) -> list[Actor]:
    """Drop "officials" (---GOV) when the same role also names Chinese officials (CHNGOV)."""
    known = [a for a in acts if not a.code.startswith("---")]
    return known if known else acts


class EventExtractor:
    def __init__(self, lexicon: EventLexicon):
        self.lex = lexicon

    # -- entry point -----------------------------------------------------------------------
    def extract(self, sent, actors: ParsedActors) -> list[RawEvent]:
        out: list[RawEvent] = []
        consumed: set[int] = set()
        for t in sent:
            if t.tag_ in VERB_TAGS or t.pos_ == "VERB":
                pats = self.verb_patterns(t)
                if pats:
                    out.extend(self._verb_events(t, pats, actors, consumed))
            elif t.pos_ == "ADJ" and t.dep_ in ("acomp", "amod", "conj"):
                # "China was upset by the tests": emotion predicates with an experiencer subject
                pats = [p for p in self.lex.verbs.get(t.lemma_.lower(), ()) if "agent" in p.target]
                if pats:
                    out.extend(self._experiencer_events(t, pats[0], actors))
        for t in sent:
            if t.i in consumed or t.pos_ not in ("NOUN", "PROPN"):
                continue
            lemma = self.verb_lemma(t)
            pats = (self.lex.nouns.get(lemma) or self.lex.nouns.get(t.lemma_.lower())
                    or self.lex.nouns.get(t.lower_))
            if pats:
                out.extend(self._noun_events(t, pats, actors))
        out.extend(self._obligations(sent, actors))
        out = [r for r in out if not self._historical(r.trigger, actors.ctx.date)]
        for r in out:
            r.source = actors.localise(r.source, sent)
            if r.target is not None:
                r.target = actors.localise(r.target, sent)
        out = [r for r in out if r.target is None or r.target.code != r.source.code]
        for r in out:
            if r.pattern.symmetric and r.target is not None and r.mode is None:
                actors.ctx.last_pair = (r.source, r.target)
        # the main clause's event first: what the sentence is about, then what it embeds
        out.sort(key=lambda r: (depth(r.trigger), r.trigger.i))
        actors.count_countries(sent)
        return out

    def verb_patterns(self, t):
        """Rows for the verb's lemma, or for its regular base form when the tagger's lemma is
        odd ("staged" -> "stag"): the lexicon is written in dictionary forms."""
        lemma = self.verb_lemma(t)
        pats = list(self.lex.verbs.get(lemma, ()))
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
        pat, obj_tok = self._choose(v, patterns)
        if pat is None:
            return []
        if "agent" in pat.target:
            return self._experiencer_events(v, pat, actors)
        if obj_tok is not None:
            consumed.add(obj_tok.i)
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in v.children)
        src_tokens, how = self.subject(v, passive)
        sources = prefer_known([a for tok in src_tokens for a in actors.actors(tok)])
        if not sources:
            return []
        targets, t_how = self._targets(v, pat, obj_tok, passive, actors)
        if not targets and "none" not in pat.target:
            targets, t_how = self._complement_targets(v, actors)
        if not targets and "none" not in pat.target:
            targets, t_how = self._any_recipient(v, pat, actors, src_tokens)
        elif not targets and pat.code[:2] in WISH_ROOTS:
            targets, t_how = self._asked(v, actors), "asked"
        mode = self.mode(v)
        conf = 0.9 if how == "subject" else 0.7
        if t_how == "inherited":
            conf -= 0.1
        if (not targets and pat.specificity == 0 and "dobj" not in pat.target
                and "none" not in pat.target and not (pat.symmetric and len(sources) > 1)):
            return []  # a bare giving verb ("provided", "offered a choice") needs a recipient
        for tok in src_tokens:
            actors.remember(actors.actors(tok), tok)
        return self._pairs(sources, targets, pat, v, mode, conf, how)

    @staticmethod
    def _historical(t, published: str | None) -> bool:
        """'the 1994 genocide', 'blew up a plane in 1988': a past year named on the trigger
        makes it a reference to history, not news."""
        if not published or not published[:4].isdigit():
            return False
        year_now = int(published[:4])
        near = [c for c in t.children if c.dep_ in ("nummod", "compound", "amod", "npadvmod")]
        near += [p for c in t.children if c.dep_ == "prep" and c.lower_ in ("in", "since", "during")
                 for p in c.children if p.dep_ == "pobj"]
        for c in near:
            text = c.text.strip("'s")
            if len(text) == 4 and text.isdigit() and 1900 <= int(text) < year_now:
                return True
        return False

    def _obligations(self, sent, actors) -> list[RawEvent]:
        """'X said Y must V' is X demanding that Y V: code it with the `demand` rows."""
        demand = self.lex.verbs.get("demand")
        if not demand:
            return []
        out = []
        for v in sent:
            if v.lemma_.lower() not in SPEECH_VERBS or v.pos_ not in ("VERB", "AUX"):
                continue
            for c in v.children:
                if c.dep_ != "ccomp":
                    continue
                modal = next((a for a in c.children if a.dep_ == "aux" and a.lower_ in OBLIGATION), None)
                if modal is None:
                    continue
                asked = [a for s in c.children if s.dep_ in ("nsubj", "nsubjpass")
                         for a in actors.actors(s)]
                src_tokens, how = self.subject(v, any(x.dep_ == "nsubjpass" for x in v.children))
                sources = prefer_known([a for t in src_tokens for a in actors.actors(t)])
                if not asked or not sources:
                    continue
                pat, _ = self._choose(v, demand)
                if pat is None:
                    continue
                out.extend(self._pairs(sources, prefer_known(asked), pat, modal, self.mode(v),
                                       0.7, "obligation"))
        return out

    def _experiencer_events(self, t, pat, actors) -> list[RawEvent]:
        """'X was angered by Y', 'X is upset at Y': X (the one who feels) disapproves of Y."""
        subj = self._experiencer(t)
        sources = prefer_known([a for s in subj for a in actors.actors(s)])
        if not sources:
            return []
        cause = [p for c in t.children if c.dep_ in ("agent", "prep")
                 and c.lower_ in ("by", "at", "over", "with", "about")
                 for p in c.children if p.dep_ == "pobj"]
        targets = prefer_known([a for c in cause for a in self._actors_or_possessor(c, actors)])
        if not targets:
            return []
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
        particles = {c.lower_ for c in children if c.dep_ in ("prt", "prep", "advmod", "agent", "dative")}
        objects = [c for c in children if c.dep_ in ("dobj", "nsubjpass", "attr", "oprd")]
        # "hold a round of talks": look through the quantity noun
        objects += [c for o in list(objects) for c in o.children if c.dep_ == "conj"]
        obj_lemmas = {}
        for o in objects:
            mods = [c for c in o.children if c.dep_ in ("compound", "amod") and c.i == o.i - 1]
            if mods:  # "hunger strike", "tear gas": the phrase before the head word
                obj_lemmas[f"{mods[0].lower_} {o.lemma_.lower()}"] = o
            obj_lemmas[o.lemma_.lower()] = o
            for p in o.children:
                if p.dep_ == "prep" and p.lower_ == "of":
                    for q in p.children:
                        if q.dep_ == "pobj":
                            obj_lemmas.setdefault(q.lemma_.lower(), o)
        comps = self._complements(v)
        best, best_obj, best_score = None, None, -1
        for p in patterns:
            if p.particle and p.particle not in particles:
                continue
            obj, hit = None, ""
            if p.objects:
                hit = next((lem for lem in obj_lemmas if lem in p.objects), None)
                if hit is None:
                    continue
                obj = obj_lemmas[hit]
            if p.complements and "*" not in p.complements and not (comps & p.complements):
                continue
            if p.complements and "*" in p.complements and not comps:
                continue
            score = p.specificity + (1 if p.objects and " " in hit else 0)  # "hunger strike" > "strike"
            if score > best_score:
                best, best_obj, best_score = p, obj, score
        return best, best_obj

    @staticmethod
    def _complements(v) -> set[str]:
        """Lemmas of what the verb asks for: 'urge X to negotiate', 'call for the release of'."""
        out = set()
        for c in v.children:
            if c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX"):
                out.add(c.lemma_.lower())
                out.update(o.lemma_.lower() for o in c.children if o.dep_ == "dobj")
            elif c.dep_ == "advcl" and any(a.lower_ == "to" for a in c.children):
                out.add(c.lemma_.lower())
            elif c.dep_ == "prep" and c.lower_ in ("for", "on", "to"):
                for p in c.children:
                    if p.dep_ in ("pobj", "pcomp"):
                        out.add(p.lemma_.lower())
            elif c.dep_ == "dobj":
                for p in c.children:
                    if p.dep_ in ("xcomp", "acl", "relcl") and p.pos_ == "VERB":
                        out.add(p.lemma_.lower())
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
        subj = [c for c in v.children if c.dep_ in ("nsubj",)]
        if subj:
            return subj, "subject"
        if depth > 3:
            return [], ""
        head = v.head
        if head is v:
            return [], ""
        if v.dep_ == "xcomp" and head.pos_ == "ADJ" and head.dep_ == "acomp":
            # "Syria is willing to withdraw": the subject of the copula
            return [c for c in head.head.children if c.dep_ in ("nsubj", "nsubjpass")], "control subject"
        if v.dep_ == "xcomp" and head.pos_ in ("VERB", "AUX"):
            obj = [c for c in head.children if c.dep_ == "dobj"]
            if obj and obj[0].i < v.i:
                return obj, "control object"
            toks, _ = self.subject(head, False, depth + 1)
            return toks, "control subject"
        if v.dep_ in ("conj", "advcl", "pcomp", "xcomp") and head.pos_ in ("VERB", "AUX"):
            toks, _ = self.subject(head, any(c.dep_ == "nsubjpass" for c in head.children), depth + 1)
            return toks, "shared subject"
        if v.dep_ in ("pcomp", "pobj"):
            # "stopped short of condemning X", "sought cooperation in condemning X"
            up = head
            for _ in range(4):
                if up.pos_ in ("VERB", "AUX"):
                    toks, _ = self.subject(up, any(c.dep_ == "nsubjpass" for c in up.children),
                                           depth + 1)
                    return toks, "shared subject"
                if up.dep_ not in ("prep", "advmod", "pobj", "dobj", "pcomp", "acomp") or up.head is up:
                    break
                up = up.head
        if v.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN", "PRON"):
            return [head], "modified noun"
        return [], ""

    def _targets(self, v, pat: Pattern, obj_tok, passive, actors) -> tuple[list[Actor], str]:
        for spec in pat.target:
            if spec == "none":
                return [], "none"
            toks = []
            if spec == "dobj":
                deps = ("nsubjpass",) if passive else ("dobj",)
                toks = [c for c in v.children if c.dep_ in deps and c is not obj_tok]
                if not toks and obj_tok is not None:
                    # "released 15 British sailors" / "sought China's cooperation": the object
                    # itself if it names an actor, else its owner
                    toks = [obj_tok] if actors.actors(obj_tok) else [
                        c for c in obj_tok.children if c.dep_ == "poss"]

            elif spec == "iobj":
                toks = [c for c in v.children if c.dep_ in ("dative", "iobj")]
                toks += [p for c in v.children if c.dep_ == "dative" and c.lower_ == "to"
                         for p in c.children if p.dep_ == "pobj"]
            elif spec.startswith("prep:"):
                toks = self._prep_objects([v] + ([obj_tok] if obj_tok is not None else []),
                                          pat.target_preps)
            if toks:
                acts = [a for t in toks for a in self._actors_or_possessor(t, actors)]
                # a noun coordinated to the verb by a mis-attached "and" ("met with X, and Y")
                for c in v.children:
                    if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN") and spec != "dobj":
                        acts.extend(actors.actors(c))
                if acts:
                    return prefer_known(acts), spec
        return [], ""

    def _any_recipient(self, v, pat, actors, src_tokens) -> tuple[list[Actor], str]:
        """Last resort, as a human coder reads it: the actor the act is directed to, wherever
        the clause puts it ("granted asylum to X", "promised to continue aid to X",
        "demanded that X cancel", "demanded support from X")."""
        heads, frontier = [v], [v]
        for _ in range(2):
            nxt = []
            for h in frontier:
                nxt.extend(c for c in h.children if c.dep_ in ("dobj", "xcomp", "attr", "oprd")
                           and c.pos_ in ("NOUN", "VERB", "PROPN"))
            heads.extend(nxt)
            frontier = nxt
        toks = self._prep_objects(heads, RECIPIENT_PREPS)
        src = {t.i for t in src_tokens}
        acts = [a for t in toks if t.i not in src for a in self._actors_or_possessor(t, actors)]
        if not acts and pat.code[:2] in WISH_ROOTS:
            return self._asked(v, actors), "asked"
        return (prefer_known(acts), "recipient") if acts else ([], "")

    def _asked(self, v, actors) -> list[Actor]:
        """'demanded that Russia withdraw': the one asked is the subject of the clause that
        directly follows the verb."""
        toks = [s for c in v.children if c.dep_ == "ccomp" and v.i < c.left_edge.i <= v.i + 2
                for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]
        return prefer_known([a for t in toks for a in actors.actors(t)])

    def _complement_targets(self, v, actors) -> tuple[list[Actor], str]:
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
                if acts:
                    return acts, "inherited"
        return [], ""

    @staticmethod
    def _actors_or_possessor(tok, actors) -> list[Actor]:
        """The actor a phrase names, or its possessor's: "sought China's cooperation"."""
        acts = actors.actors(tok)
        if acts:
            return acts
        for c in tok.children:
            if c.dep_ == "poss":
                acts = actors.actors(c)
                if acts:
                    return acts
        # "the launches": whoever the article said carried them out
        owner = actors.ctx.event_owners.get(tok.lemma_.lower())
        if owner is not None:
            return [Actor(code=owner.code, text=tok.text, start=tok.idx, end=tok.idx + len(tok.text),
                          kind="event owner", source=f"'{tok.text}' by {owner.text}", inferred=True)]
        return []

    @staticmethod
    def _prep_objects(heads, preps) -> list:
        out = []
        for h in heads:
            for c in h.children:
                if c.dep_ in ("prep", "prt", "dative", "agent") and c.lower_ in preps:
                    out.extend(p for p in c.children if p.dep_ in ("pobj",))
        return out

    # -- nouns -----------------------------------------------------------------------------
    def _noun_events(self, n, patterns, actors) -> list[RawEvent]:
        mods = {c.lemma_.lower() for c in n.children if c.dep_ in ("compound", "amod", "nmod")}
        if n.i >= 2 and n.doc[n.i - 1].text == "-":
            mods.add(n.doc[n.i - 2].lower_)
        fitting = [p for p in patterns if not p.modifiers or p.modifiers & mods]
        if not fitting:
            return []
        pat = max(fitting, key=lambda p: p.specificity)
        if "between" not in pat.target and self._prep_objects([n], {"between", "among"}):
            # "talks between A and B": the row that reads the parties from "between"
            pat = next((p for p in fitting if "between" in p.target), pat)
        sources, how = self._noun_source(n, actors)
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
        if not targets and pat.target_preps:
            heads = [n] + ([n.head] if how == "light verb subject" else [])
            targets = [a for t in self._prep_objects(heads, pat.target_preps)
                       for a in self._actors_or_possessor(t, actors)]
        conf = 0.8 if how == "possessor" else 0.6
        if how in ("possessor", "modifier", "by-phrase"):
            actors.ctx.event_owners[n.lemma_.lower()] = sources[0]
        return self._pairs(sources, targets, pat, n, self.mode(n), conf, how)

    def _noun_source(self, n, actors) -> tuple[list[Actor], str]:
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
        # "After talks with X, Hill said": the subject of the clause the phrase hangs from
        cur, via_prep = n, False
        for _ in range(4):
            if cur.dep_ == "pobj" and cur.head.dep_ == "prep":
                via_prep = cur.head.lower_ in INHERIT_PREPS
                cur = cur.head.head
            elif cur.dep_ == "prep":
                cur = cur.head
            else:
                break
            if cur.pos_ in ("VERB", "AUX") and via_prep:
                toks, _ = self.subject(cur, any(c.dep_ == "nsubjpass" for c in cur.children))
                acts = [a for t in toks for a in actors.actors(t)]
                return acts, "clause subject"
        if n.dep_ in ("dobj",) and n.head.lemma_.lower() in LIGHT_VERBS:
            toks, _ = self.subject(n.head, False)
            return [a for t in toks for a in actors.actors(t)], "light verb subject"
        return [], ""

    # -- modes -----------------------------------------------------------------------------
    def mode(self, t) -> str | None:
        """negated, hypothetical or future, from the trigger and the verbs that govern it."""
        chain = [t]
        cur = t
        for _ in range(5):
            if cur.dep_ == "conj":
                cur = cur.head
                chain.append(cur)
                continue
            if cur.dep_ == "ccomp" and any(a.lower_ == "to" and a.dep_ == "aux" for a in cur.children):
                cur = cur.head  # "wants Putin to attack": an infinitive clause under its verb
                chain.append(cur)
                continue
            if cur.dep_ not in MODE_CLIMB_DEPS or cur.head is cur:
                break
            cur = cur.head
            chain.append(cur)
        found: set[str] = set()
        modes = self.lex.modes
        for c in chain:
            if c is not t and c.lemma_.lower() in modes and c.pos_ in ("VERB", "ADJ", "AUX", "ADV"):
                found.add(modes[c.lemma_.lower()])
            for ch in c.children:
                low = ch.lemma_.lower()
                if ch.dep_ == "neg":
                    found.add("negated")
                elif ch.dep_ in ("aux", "auxpass", "advmod", "mark", "npadvmod", "advcl") and low in modes:
                    found.add(modes[low])
                elif ch.dep_ in ("npadvmod", "pobj", "prep") and ch.lemma_.lower() in ("week", "month", "year"):
                    if any(g.lower_ in ("next", "coming") for g in ch.children):
                        found.add("future")
        if self.lex.mode_phrases:
            lo = min(c.i for c in chain)
            lemmas = [x.lemma_.lower() for x in t.doc[max(lo - 3, t.sent.start):t.i + 1]]
            for phrase, m in self.lex.mode_phrases:
                n = len(phrase)
                if any(tuple(lemmas[i:i + n]) == phrase for i in range(len(lemmas) - n + 1)):
                    found.add(m)
        if self._wished(t):
            found.add("hypothetical")
        if t.dep_ == "ROOT" and t.tag_ == "VB" and any(a.lower_ == "to" and a.dep_ == "aux" for a in t.children):
            found.add("future")  # headline style: "Envoy to visit Pyongyang"
        if not found:
            return None
        return max(found, key=MODE_RANK.get)

    def _wished(self, t) -> bool:
        """The act someone urges, demands, offers or threatens has not happened:
        in "urged China to attack X" the attack is hypothetical."""
        cur = t
        for _ in range(6):
            if cur.pos_ in ("NOUN", "PROPN") and cur.dep_ in ("dobj", "conj", "appos") and cur.head is not cur:
                if cur.dep_ == "dobj" and t is cur:
                    return False  # the trigger is the object itself: "gave a welcome"
                cur = cur.head  # "urges China, Asian nations to speak ...": up from the object
                if cur.pos_ in ("VERB", "AUX") and self._wish_verb(cur):
                    return True
                continue
            if cur.dep_ not in ("xcomp", "ccomp", "advcl", "relcl", "acl") or cur.head is cur:
                return False
            if cur.dep_ in ("advcl", "relcl", "acl", "ccomp") and not any(
                    a.lower_ == "to" and a.dep_ == "aux" for a in cur.children):
                return False
            cur = cur.head
            if self._wish_verb(cur):
                return True
        return False

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
            if not targets:
                out.append(RawEvent(s, None, pat, trigger, mode, conf, how))
                continue
            for tg in targets:
                if tg.code == s.code:
                    continue
                out.append(RawEvent(s, tg, pat, trigger, mode, conf, how))
                if pat.symmetric:
                    out.append(RawEvent(tg, s, pat, trigger, mode, conf, how + ", symmetric"))
        return out
