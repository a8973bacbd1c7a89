"""Where does the event lexicon miss? Clauses with an actor on both sides that code nothing.

Codes a slice of the unlabelled news corpora in ../shared/corpora with the default `Coder`
and, for every sentence, looks for

- verbs whose subject (or passive `by` agent) resolves to an actor and whose direct object,
  indirect object, passive subject or an object of to/for/from/with/against/on/over/... (on
  the verb or its object) resolves to another actor, but where no event was coded on the verb,
  its object or its complement clause;
- event-like nouns: the object of a light verb ("held ... with X") or a noun with an actor as
  possessor ("Iran's ... with X"), again with an actor on the other side and nothing coded.

It counts verb lemmas, verb + object lemma pairs and nouns, and prints the most frequent with
one example each. Lemmas with rows in verbs.tsv whose conditions all failed are marked `rows`
(a generic row may be missing); lemmas unknown to the lexicon are marked `new`.

    .venv/bin/python benchmarks/lexicon_gaps.py [--wikinews 2000] [--bbc 1000] [--reuters 0]
        [--top 300] [--cache /tmp/gaps.pkl] [--json out.json] [--check-lemmas] [--fired rows.tsv]

Parsing dominates the run time (a few minutes for 3,000 articles); `--cache FILE` keeps the
parses (spaCy DocBin) so a rerun after a lexicon edit only re-codes. `--check-lemmas` also
lists lexicon verbs whose inflected forms spaCy lemmatizes to something else in the corpus;
`--fired FILE` writes every lexicon row that produced an event (count, row, first example), to
review what a new row catches.
"""
from __future__ import annotations

import argparse
import json
import pickle
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from onevoice.actors.resolve import DocContext
from onevoice.coder import Coder
from onevoice.documents import Document, read_paths
from onevoice.events.extract import LIGHT_VERBS, VERB_TAGS

HERE = Path(__file__).resolve().parent
CORPORA = HERE.parent.parent / "shared" / "corpora"
# Prepositions that can introduce the other party of an act.
PARTY_PREPS = {"to", "for", "from", "with", "against", "on", "toward", "towards", "into", "upon",
               "over", "about", "at", "of"}
# Verbs that CAMEO does not code by themselves (reporting verbs, copulas, auxiliaries).
NOT_EVENTS = {"say", "tell", "be", "have", "do", "add", "report", "quote", "write", "ask",
              "explain", "note", "describe", "mention", "think", "believe", "know", "see",
              "become", "remain", "include", "get", "go", "come", "call", "name", "refer"}
BBC_ORDER = ("politics", "business", "tech", "entertainment", "sport")


def select_documents(n_wiki: int, n_bbc: int, n_reuters: int) -> list[Document]:
    docs: list[Document] = []
    if n_wiki:
        wiki = [d for d in read_paths([CORPORA / "wikinews.jsonl"]) if isinstance(d, Document)]
        wiki = [d for d in wiki if "politics" in str(d.meta.get("wikinews_category", "")).lower()
                or "conflict" in str(d.meta.get("wikinews_category", "")).lower()]
        docs += wiki[:n_wiki]
    if n_bbc:
        bbc = [d for d in read_paths([CORPORA / "bbc_news.jsonl"]) if isinstance(d, Document)]
        rank = {k: i for i, k in enumerate(BBC_ORDER)}
        bbc.sort(key=lambda d: rank.get(d.id.split("-")[1] if "-" in d.id else "", 99))
        docs += bbc[:n_bbc]
    if n_reuters:
        reu = [d for d in read_paths([CORPORA / "reuters21578.jsonl"]) if isinstance(d, Document)]
        docs += reu[:n_reuters]
    return docs


def parse_all(coder: Coder, docs: list[Document], cache: Path | None) -> dict[str, list]:
    """doc id -> [(original paragraph, spaCy Doc)], from the cache where it has them."""
    from spacy.tokens import DocBin

    stored: dict[str, tuple[list[str], bytes]] = {}
    if cache and cache.exists():
        stored = pickle.loads(cache.read_bytes())
    out, fresh = {}, 0
    started = time.perf_counter()
    for n, d in enumerate(docs, 1):
        if d.id in stored:
            originals, blob = stored[d.id]
            parsed = list(DocBin().from_bytes(blob).get_docs(coder.nlp.vocab))
        else:
            paragraphs = coder._paragraphs(d)
            originals = [p[0] for p in paragraphs]
            parsed = list(coder.nlp.pipe(p[1] for p in paragraphs))
            bin_ = DocBin(attrs=["ORTH", "TAG", "POS", "LEMMA", "DEP", "HEAD", "SENT_START",
                                 "MORPH", "SPACY"])
            for p in parsed:
                bin_.add(p)
            stored[d.id] = (originals, bin_.to_bytes())
            fresh += 1
        out[d.id] = list(zip(originals, parsed))
        if n % 250 == 0:
            print(f"  parsed {n}/{len(docs)} ({time.perf_counter() - started:.0f}s)", file=sys.stderr)
    if cache and fresh:
        cache.write_bytes(pickle.dumps(stored))
    return out


def covered(v, triggers: set[int]) -> bool:
    """Was an event coded on the verb, its object (light-verb noun), its complement clause,
    or the verb that governs it ("agreed to provide aid" coded on either verb)?"""
    if v.i in triggers:
        return True
    for c in v.children:
        if c.i in triggers:
            return True
        if c.dep_ in ("prep", "dobj", "xcomp", "dative", "agent"):
            if any(g.i in triggers for g in c.children):
                return True
    return v.dep_ in ("xcomp", "pcomp") and v.head.i in triggers


def party_tokens(heads, preps=PARTY_PREPS) -> list[tuple[str, object]]:
    out = []
    for h in heads:
        for c in h.children:
            if c.dep_ in ("prep", "dative", "prt") and c.lower_ in preps:
                out.extend((f"{c.lower_}", p) for p in c.children if p.dep_ == "pobj")
            elif c.dep_ in ("dative", "iobj") and c.pos_ in ("NOUN", "PROPN", "PRON"):
                out.append(("iobj", c))
    return out


def actor_codes(found, tok) -> set[str]:
    return {a.code for a in found.actors(tok)}


def other_side(src: set[str], tgt: set[str]) -> bool:
    return bool(tgt) and bool(tgt - src)


def short(text: str, n: int = 170) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[:n - 3] + "..."


class Gaps:
    def __init__(self, coder: Coder):
        self.coder = coder
        self.lemmas: Counter = Counter()
        self.pairs: Counter = Counter()
        self.nouns: Counter = Counter()
        self.examples: dict[str, str] = {}
        self.sentences = 0
        self.events = 0
        self.targeted = 0         # ... of which name a target actor
        self.clauses = 0          # uncoded actor-actor verb clauses (all verbs)
        self.clauses_eventish = 0  # ... leaving out reporting verbs and copulas
        self.noun_gaps = 0
        self.fired: Counter = Counter()   # lexicon row -> raw events it produced

    def example(self, key: str, sent, src, tgt) -> None:
        if key not in self.examples:
            self.examples[key] = f"{'/'.join(sorted(src))} -> {'/'.join(sorted(tgt))} | {short(sent.text)}"

    def document(self, doc: Document, parsed) -> None:
        coder, ex = self.coder, self.coder.extractor
        ctx = DocContext(date=doc.date)
        for _, pdoc in parsed:
            found = coder.resolver.analyse(pdoc, ctx)
            for sent in pdoc.sents:
                if not sent.text.strip():
                    continue
                self.sentences += 1
                if not found.has_candidate(sent):
                    continue
                found.prime(sent)
                raws = ex.extract(sent, found)
                self.events += len(raws)
                self.targeted += sum(r.target is not None for r in raws)
                for r in raws:
                    rule = r.pattern.describe()
                    self.fired[rule] += 1
                    if rule not in self.examples:
                        tgt = r.target.code if r.target else "-"
                        self.examples[rule] = f"{r.source.code} -> {tgt} | {short(sent.text)}"
                triggers = {r.trigger.i for r in raws}
                self.sentence(sent, found, triggers)

    def sentence(self, sent, found, triggers) -> None:
        ex = self.coder.extractor
        for v in sent:
            if not (v.pos_ == "VERB" or (v.tag_ in VERB_TAGS and v.pos_ != "AUX")):
                continue
            passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in v.children)
            src_toks, _ = ex.subject(v, passive)
            src = {a for t in src_toks for a in actor_codes(found, t)}
            if not src:
                continue
            objs = [c for c in v.children if c.dep_ in (("nsubjpass",) if passive else ("dobj",))]
            parties = [("dobj", o) for o in objs]
            parties += party_tokens([v] + objs)
            hit = [(role, p) for role, p in parties
                   if other_side(src, actor_codes(found, p) | self._possessor(found, p))]
            if not hit or covered(v, triggers):
                continue
            lemma = ex.verb_lemma(v)
            tgt = set().union(*(actor_codes(found, p) | self._possessor(found, p) for _, p in hit))
            self.clauses += 1
            if lemma in NOT_EVENTS:
                continue
            self.clauses_eventish += 1
            self.lemmas[lemma] += 1
            self.example(lemma, sent, src, tgt)
            obj = objs[0].lemma_.lower() if objs and not passive else "-"
            role = hit[0][0]
            pair = f"{lemma} +{obj} ({role})"
            self.pairs[pair] += 1
            self.example(pair, sent, src, tgt)
        for n in sent:
            if n.pos_ != "NOUN" or n.i in triggers or n.lemma_.lower() in self.coder.events.nouns:
                continue
            src: set[str] = set()
            how = ""
            for c in n.children:
                if c.dep_ == "poss":
                    src = actor_codes(found, c)
                    how = "poss"
            if not src and n.dep_ == "dobj" and n.head.lemma_.lower() in LIGHT_VERBS \
                    and n.head.i not in triggers:
                toks, _ = ex.subject(n.head, False)
                src = {a for t in toks for a in actor_codes(found, t)}
                how = n.head.lemma_.lower()
            if not src:
                continue
            heads = [n] + ([n.head] if how not in ("", "poss") else [])
            hit = [p for _, p in party_tokens(heads, PARTY_PREPS - {"of"})
                   if other_side(src, actor_codes(found, p))]
            if not hit:
                continue
            tgt = set().union(*(actor_codes(found, p) for p in hit))
            self.noun_gaps += 1
            key = f"{n.lemma_.lower()} ({'light verb' if how != 'poss' else 'possessor'})"
            self.nouns[key] += 1
            self.example(key, sent, src, tgt)

    @staticmethod
    def _possessor(found, tok) -> set[str]:
        for c in tok.children:
            if c.dep_ == "poss":
                return actor_codes(found, c)
        return set()

    def report_fired(self, path: Path) -> None:
        """Every lexicon row that produced an event, with its count and first example."""
        with path.open("w", encoding="utf-8") as f:
            for rule, n in self.fired.most_common():
                f.write(f"{n}\t{rule}\t{self.examples[rule]}\n")

    def report(self, top: int) -> dict:
        verbs = self.coder.events.verbs

        def mark(lemma: str) -> str:
            return "rows" if lemma in verbs else "new"

        print(f"\nsentences {self.sentences}, raw events {self.events} ({self.targeted} with a target)")
        print(f"uncoded actor-actor verb clauses: {self.clauses} "
              f"({self.clauses_eventish} without reporting verbs/copulas); "
              f"uncoded actor-actor event-like nouns: {self.noun_gaps}")
        print(f"\n== top {top} verb lemmas ==")
        for lemma, n in self.lemmas.most_common(top):
            print(f"{n:5d}  {lemma:<16} {mark(lemma):<4}  {self.examples[lemma]}")
        print(f"\n== top {top} verb + object ==")
        for pair, n in self.pairs.most_common(top):
            print(f"{n:5d}  {pair:<34} {mark(pair.split()[0]):<4}  {self.examples[pair]}")
        print(f"\n== top {top // 2} nouns ==")
        for key, n in self.nouns.most_common(top // 2):
            print(f"{n:5d}  {key:<30} {self.examples[key]}")
        return {"sentences": self.sentences, "events": self.events, "targeted": self.targeted,
                "clauses": self.clauses,
                "clauses_eventish": self.clauses_eventish, "noun_gaps": self.noun_gaps,
                "lemmas": self.lemmas.most_common(top), "pairs": self.pairs.most_common(top),
                "nouns": self.nouns.most_common(top)}


def inflections(lemma: str) -> set[str]:
    """Regular English forms of a verb lemma (enough to catch spaCy's odd lemmas)."""
    forms = {lemma + "s", lemma + "ing", lemma + "ed"}
    if lemma.endswith("e"):
        forms |= {lemma + "d", lemma[:-1] + "ing"}
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        forms.add(lemma + "es")
    if len(lemma) > 2 and lemma[-1] not in "aeiouwxy" and lemma[-2] in "aeiou" and lemma[-3] not in "aeiou":
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return forms


def check_lemmas(coder: Coder, parsed: dict[str, list]) -> None:
    """Lexicon verbs that the corpus writes but spaCy lemmatizes to something else."""
    seen: dict[str, Counter] = defaultdict(Counter)
    for paragraphs in parsed.values():
        for _, pdoc in paragraphs:
            for t in pdoc:
                if t.pos_ in ("VERB", "NOUN", "ADJ") or t.tag_ in VERB_TAGS:
                    seen[t.lower_][f"{t.lemma_.lower()}/{t.pos_}"] += 1
    print("\n== lexicon verbs whose forms get another lemma ==")
    for lemma in sorted(coder.events.verbs):
        if "-" in lemma:
            continue
        odd = Counter()
        for form in inflections(lemma):
            for got, n in seen.get(form, {}).items():
                if got.split("/")[0] != lemma and got.endswith("/VERB"):
                    odd[f"{form}->{got}"] += n
        if odd:
            print(f"{lemma:<16} " + ", ".join(f"{k} x{n}" for k, n in odd.most_common(4)))


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--wikinews", type=int, default=2000, help="Politics_and_conflicts articles")
    ap.add_argument("--bbc", type=int, default=1000, help="BBC articles, politics first")
    ap.add_argument("--reuters", type=int, default=0)
    ap.add_argument("--top", type=int, default=300)
    ap.add_argument("--cache", type=Path, help="pickle of parses, reused across runs")
    ap.add_argument("--json", type=Path, help="write counts here")
    ap.add_argument("--check-lemmas", action="store_true")
    ap.add_argument("--fired", type=Path, help="write every row that fired, with counts, here")
    args = ap.parse_args(argv)

    coder = Coder()
    docs = select_documents(args.wikinews, args.bbc, args.reuters)
    print(f"{len(docs)} documents", file=sys.stderr)
    started = time.perf_counter()
    parsed = parse_all(coder, docs, args.cache)
    gaps = Gaps(coder)
    for d in docs:
        gaps.document(d, parsed[d.id])
    print(f"{len(docs)} documents in {time.perf_counter() - started:.0f}s", file=sys.stderr)
    result = gaps.report(args.top)
    if args.fired:
        gaps.report_fired(args.fired)
    if args.check_lemmas:
        check_lemmas(coder, parsed)
    if args.json:
        args.json.write_text(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
