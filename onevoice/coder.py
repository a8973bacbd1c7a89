"""The pipeline: Document -> sentences -> actors -> events. No I/O here.

A `Coder` holds everything loaded once (spaCy pipeline, ontology, lexicons). It pickles
cheaply: workers reload the resources from the same settings.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from itertools import islice
from pathlib import Path
from typing import Iterable, Iterator

from . import __version__
from .actors.lexicon import PROPER_KINDS, ActorLexicon, business_only, case_needed
from .actors.resolve import (GROUP_PRONOUNS, LOCATIVE_PREPS, PAIR_NOUNS, PERSON_PRONOUNS,
                             ActorResolver, DocContext, TokenStrings)
from .dates import sentence_date
from .documents import Document
from .events.extract import EventExtractor, RawEvent
from .events.lexicon import EventLexicon
from .nlp import (ACTOR_WORDS, BUSINESS_WORDS, REFERENCE_WORDS, CandidateFilter, english_words,
                  load_pipeline, load_splitter, noun_only_words)
from .ontology import Ontology
from .places import Gazetteer
from .schema import Event, event_id
from .tsv import DATA_DIR

PARAGRAPH_SPLIT = re.compile(r"\n\s*\n")


@dataclass
class CodedDocument:
    document: Document
    n_sentences: int
    events: list[Event] = field(default_factory=list)


def lexicon_version(data_dir: Path = DATA_DIR) -> str:
    """A short hash of every data file, so stored events say which lexicons produced them."""
    import hashlib

    h = hashlib.sha1()
    for p in sorted(data_dir.rglob("*.tsv")):
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:12]


class Coder:
    """Codes documents into CAMEO events with their evidence."""

    def __init__(self, model: str | None = None, actor_files: Iterable[str | Path] = (),
                 agent_files: Iterable[str | Path] = ()):
        self._settings = (model, tuple(map(str, actor_files)), tuple(map(str, agent_files)))
        self.version = __version__
        self.lexicon_version = lexicon_version()
        if actor_files or agent_files:
            self._load()  # a user's dictionary is read now, where its errors can be reported

    def __getattr__(self, name):
        """The pipeline and lexicons load on first use: a process that only hands documents to
        worker processes never needs them (that saves it seconds and 400 MB)."""
        if name.startswith("_") or "nlp" in self.__dict__:
            raise AttributeError(name)
        self._load()
        return getattr(self, name)

    def _load(self) -> None:
        model, actor_files, agent_files = self._settings
        self.nlp = load_pipeline(model)
        self.ontology = Ontology()
        # our TSV files by extension; anything else is a PETRARCH/TABARI dictionary
        tsv = [Path(p) for p in actor_files if Path(p).suffix.lower() == ".tsv"]
        petrarch = [Path(p) for p in actor_files if Path(p).suffix.lower() != ".tsv"]
        self.actors = ActorLexicon(self.nlp.tokenizer, extra_files=tsv)
        if petrarch or agent_files:
            from .actors.petrarch import load_petrarch_files

            load_petrarch_files(self.actors, petrarch, agent_files)
        self.events = EventLexicon(known_codes=self.ontology.codes)
        places = Gazetteer(self._english, noun_only_words(self.nlp))
        self.resolver = ActorResolver(TokenMatcher(self.actors), places)
        self.extractor = EventExtractor(self.events, refusal=self.ontology.refusal)
        self.version = __version__
        self.lexicon_version = lexicon_version()

    def __getstate__(self):
        return {"_settings": self._settings}

    def __setstate__(self, state):
        self._settings = state["_settings"]
        self._load()

    # -- public ----------------------------------------------------------------------------
    def code_text(self, text: str, doc_id: str = "text", date: str | None = None,
                  title: str | None = None) -> list[Event]:
        return self.code_document(Document(id=doc_id, text=text, date=date, title=title)).events

    def code_documents(self, docs: Iterable[Document], batch_size: int = 64) -> Iterator[Event]:
        for coded in self.code_stream(docs, batch_size=batch_size):
            yield from coded.events

    def code_stream(self, docs: Iterable[Document], batch_size: int = 64) -> Iterator[CodedDocument]:
        """Coded documents in input order; spaCy runs once per batch, which is much faster."""
        batch: list[Document] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._code_batch(batch)
                batch = []
        if batch:
            yield from self._code_batch(batch)

    def code_document(self, doc: Document) -> CodedDocument:
        return self._code_batch([doc])[0]

    # -- parsing ---------------------------------------------------------------------------
    @cached_property
    def splitter(self):
        return load_splitter(self._settings[0])

    @cached_property
    def _word_info(self) -> dict[int, tuple[str, int, bool, bool]]:
        """Per word form (its hash): lowercase, CandidateFilter shape, capitalised, blank."""
        return {}

    @cached_property
    def candidates(self) -> CandidateFilter:
        """The words behind the resolver's `has_candidate`, checked before any parse."""
        words = PERSON_PRONOUNS | GROUP_PRONOUNS | PAIR_NOUNS
        return CandidateFilter(self.actors.phrases, words, self.nlp.get_pipe("lemmatizer"),
                               case_of=case_needed, business_of=business_only)

    def _code_batch(self, docs: list[Document]) -> list[CodedDocument]:
        """Split paragraphs into sentences cheaply, parse only the runs of consecutive sentences
        that may name an actor (the parser sees each run whole), code the rest as before.

        Sentence indexes count every sentence, skipped ones included; the headline is 0.
        """
        paragraphs = [self._paragraphs(doc) for doc in docs]
        splits = iter(self.splitter.pipe([text for paras in paragraphs for _, text in paras],
                                         batch_size=256))
        plans = []  # per document, per paragraph: (split doc, segments)
        for paras in paragraphs:
            scan = _Scan()
            plans.append([(split, self._segments(split, scan)) for split in islice(splits, len(paras))])
        runs = (_unsplit(split, seg) for plan in plans for split, segs in plan
                for seg in segs if isinstance(seg, tuple))
        # the parser steps all states of a batch together: large batches pay its per-step
        # cost once for many runs; tok2vec is fastest on batches that fit in cache
        parsed = self.nlp.pipe(runs, batch_size=256, component_cfg={"tok2vec": {"batch_size": 32}})
        out = []
        for doc, paras, plan in zip(docs, paragraphs, plans):
            ctx = DocContext(date=doc.date)
            coded = CodedDocument(doc, 0)
            index = 0
            for (original, text), (split, segs) in zip(paras, plan):
                for seg in segs:
                    if isinstance(seg, int):
                        index += seg
                    else:
                        # the run's text is the split text's, from its first token to its last
                        # (with its space): cut here, since spaCy rebuilds `Doc.text` from
                        # every token
                        last = split[seg[1] - 1]
                        start, end = split[seg[0]].idx, last.idx + len(last.text_with_ws)
                        run = _ParsedRun(next(parsed), text[start:end])
                        index = self._code_run(coded, run, original[start:end], ctx, index)
            coded.n_sentences = index
            out.append(coded)
        return out

    def _segments(self, split, scan: _Scan) -> list[int | tuple[int, int]]:
        """A paragraph as counts of skipped sentences and (start, end) token runs to parse.

        A sentence is parsed when it may name an actor; when it only has a pronoun or a
        reference noun ("it", "the two sides"), once an earlier sentence of the document may
        have named the actor it refers to; when it only names firms, if it also names a place
        (the coder drops a firm's acts toward no one or toward firms: commerce, not politics). `scan.names` collects the capitalised words of the
        parsed sentences: a person introduced there ("envoy Christopher Hill") makes a later
        "Hill said" a candidate.
        """
        from spacy.attrs import ORTH

        segs: list[int | tuple[int, int]] = []
        names = scan.names
        info = self._word_info
        if len(info) > 500_000:  # bounded, so a long run's memory stays flat
            info.clear()
        rows = []  # (lowercase, shape, capitalised, blank) per token of the paragraph
        strings = split.vocab.strings
        for orth in split.to_array(ORTH).tolist():  # word forms by hash: no Token objects
            row = info.get(orth)
            if row is None:
                word = strings[orth]
                row = info[orth] = (word.lower(), CandidateFilter.shape(word), word[:1].isupper(),
                                    word.isspace())
            rows.append(row)
        for sent in _sentences(split):
            part = rows[sent.start:sent.end]
            if all(r[3] for r in part):
                continue
            words = [r[0] for r in part]
            found = self.candidates(words, [r[1] for r in part])
            scan.actor_seen = scan.actor_seen or found == ACTOR_WORDS
            if (found & ACTOR_WORDS or found & REFERENCE_WORDS and scan.actor_seen
                    or found & BUSINESS_WORDS and _names_a_place(words, part)
                    or not names.isdisjoint(words)):
                names.update(r[0] for r in part[1:] if r[2])
                if segs and isinstance(segs[-1], tuple):
                    segs[-1] = (segs[-1][0], sent.end)
                else:
                    segs.append((sent.start, sent.end))
            elif segs and isinstance(segs[-1], int):
                segs[-1] += 1
            else:
                segs.append(1)
        return segs

    def _code_run(self, coded: CodedDocument, parsed: _ParsedRun, original: str, ctx: DocContext,
                  index: int) -> int:
        """Code one parsed run of sentences; returns the next sentence index."""
        found = self.resolver.analyse(parsed, ctx)
        for sent in parsed.sents:
            if not parsed.text[sent.start_char:sent.end_char].strip():  # `Span.text` is rebuilt too
                continue
            if found.has_candidate(sent):
                found.prime(sent)
                raws = self.extractor.extract(sent, found)
                coded.events.extend(self._events(coded.document, index, sent, original, raws))
            index += 1
        return index

    # -- internals -------------------------------------------------------------------------
    def _paragraphs(self, doc: Document) -> list[tuple[str, str]]:
        """(original text, text to parse) per paragraph; the headline first, case-normalised."""
        out = []
        if doc.title and doc.title.strip():
            title = doc.title.strip()
            out.append((title, self._sentence_case(title)))
        for p in PARAGRAPH_SPLIT.split(doc.text or ""):
            p = " ".join(p.split())
            if p:
                out.append((p, p))
        return out

    @cached_property
    def _english(self) -> frozenset:
        return english_words(self.nlp)

    def _sentence_case(self, title: str) -> str:
        """Headlines In Title Case or IN CAPITALS parse badly: lower-case every capitalised word
        that is not a name (names in capitals get their first letter only: "CHINA" -> "China")."""
        words = [w for w in title.split() if w[:1].isalpha()]
        if not words or sum(w[:1].isupper() for w in words) < 0.7 * len(words):
            return title
        shouting = sum(w.isupper() and len(w) > 1 for w in words) >= 0.7 * len(words)
        toks = self.nlp.tokenizer(title)
        keep = set()
        for s, e, entries in self.actors.match(toks):
            if any(x.kind in PROPER_KINDS for x in entries):
                keep.update(range(s, e))
        if shouting:
            # "U.S. CAR MAKERS": in capitals a short word ("CAR", "CAN") only looks like a code
            english = self._english
            keep = {i for i in keep if not (len(toks[i].text) <= 3 and toks[i].text.lower() in english
                                            and toks[i].text not in SHOUTED_ABBREVIATIONS)}
        chars = list(title)
        for t in toks:
            text = t.text
            if t.i in keep:
                new = text.title() if shouting and text.isupper() and len(text) > 3 else text
            elif shouting and text.isupper():
                new = text[:1] + text[1:].lower() if t.i == 0 else text.lower()
            elif t.i == 0 or not text.istitle():
                continue
            else:
                new = text.lower()
            if len(new) == len(text):
                chars[t.idx:t.idx + len(text)] = new
        return "".join(chars)

    def _events(self, doc: Document, index: int, sent, original: str,
                raws: list[RawEvent]) -> list[Event]:
        out: list[Event] = []
        seen = set()
        base = sent.start_char
        text = original[sent.start_char:sent.end_char].strip()
        lead = len(original[sent.start_char:sent.end_char]) - len(original[sent.start_char:sent.end_char].lstrip())
        base += lead
        for r in raws:
            code = r.pattern.code
            rule = r.pattern.describe()
            if r.mode == "future":
                intent = self.ontology.intent(code)
                if intent != code:
                    rule += f" (announced: {code} -> {intent})"
                    code = intent
            target = r.target.code if r.target else ""
            key = (r.source.code, target, code)
            if key in seen:
                continue
            seen.add(key)
            c = self.ontology[code]
            trig = r.trigger
            conf = r.confidence - (0.2 if r.source.inferred or (r.target and r.target.inferred) else 0)
            out.append(Event(
                id=event_id(doc.id, index, r.source.code, target, code),
                doc_id=doc.id, sentence_index=index, sentence=text,
                date=sentence_date(sent, doc.date, future=r.mode == "future"),
                source=r.source.code, source_text=original[r.source.start:r.source.end],
                target=target, target_text=original[r.target.start:r.target.end] if r.target else "",
                code=code, root=c.root, quad_class=c.quad_class, goldstein=c.goldstein,
                plover_event=c.plover_event, plover_mode=c.plover_mode, mode=r.mode,
                trigger_text=original[trig.idx:trig.idx + len(trig.text)], rule=f"{rule} [{r.note}]" if r.note else rule,
                source_start=r.source.start - base, source_end=r.source.end - base,
                target_start=(r.target.start - base) if r.target else -1,
                target_end=(r.target.end - base) if r.target else -1,
                trigger_start=trig.idx - base, trigger_end=trig.idx + len(trig.text) - base,
                confidence=round(max(conf, 0.1), 2), doc_date=doc.date, title=doc.title,
                url=doc.url, doc_source=doc.source))
        return out


def _names_a_place(words: list[str], rows) -> bool:
    """A capitalised word after "in", "near", "at"...: a place the gazetteer may know, which
    can make the other party of a firm's act ("delivered food in Juba")."""
    return any(w in LOCATIVE_PREPS and rows[i + 1][2] for i, w in enumerate(words[:-1]))


@dataclass
class _Scan:
    """What the pre-parse scan of one document has seen so far."""

    names: set[str] = field(default_factory=set)
    actor_seen: bool = False


SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")


# Country and bloc abbreviations that are also English words and stay names in capital headlines.
SHOUTED_ABBREVIATIONS = {"US", "UK", "EU", "UN"}
# Titles and ranks written short before a name: "Kenyan Sgt. Otieno said" is one sentence.
TITLE_ABBREVIATIONS = {"mr.", "mrs.", "ms.", "dr.", "prof.", "rev.", "gen.", "lt.", "col.",
                       "maj.", "capt.", "sgt.", "cpl.", "pvt.", "adm.", "cmdr.", "brig.", "gov.",
                       "sen.", "rep.", "amb.", "pres.", "sec.", "det.", "insp.", "supt.", "st."}


def _sentences(split):
    """The splitter's sentences, with a split kept only after closing punctuation that ends a
    sentence: the statistical splitter also breaks inside "[http://…]" or "Pro-military", and
    after a title written short ("Lt. Gen. Ali"), where the parser does not."""
    text = split.text  # built once: spaCy rebuilds `Span.text` from its tokens on each access
    start = None
    for sent in split.sents:
        start = sent.start if start is None else start
        if SENTENCE_END.search(text[sent.start_char:sent.end_char]) and not _before_name(split, sent.end):
            yield split[start:sent.end]
            start = None
    if start is not None:
        yield split[start:len(split)]


def _before_name(split, end: int) -> bool:
    """Whether the text before `end` is a short title ("Sgt." as one token, or "Sgt" and ".")
    and a capitalised word follows it."""
    if end >= len(split) or not split[end].text[:1].isupper():
        return False
    last = split[end - 1]
    if last.lower_ in TITLE_ABBREVIATIONS:
        return True
    if last.text != "." or end < 2:
        return False
    word = split[end - 2]
    return word.idx + len(word.text) == last.idx and word.lower_ + "." in TITLE_ABBREVIATIONS


def _unsplit(split, seg: tuple[int, int]):
    """The tokens of a run as a new Doc for the parser: tokenised once, like the whole
    paragraph, and without the splitter's sentence starts (the parser would keep them).
    Built from words and spaces, with the tokenizer's norms ("Nov." is "november" to the
    parser): ten times cheaper than `Span.as_doc`, which copies vectors."""
    from spacy.attrs import NORM, ORTH, SPACY
    from spacy.tokens import Doc

    strings = split.vocab.strings
    rows = split.to_array([ORTH, SPACY, NORM])[seg[0]:seg[1]]
    doc = Doc(split.vocab, words=[strings[h] for h in rows[:, 0].tolist()],
              spaces=[bool(x) for x in rows[:, 1].tolist()])
    return doc.from_array([NORM], rows[:, 2:])


class _ParsedRun:
    """A parsed Doc whose text and tokens are built once. spaCy rebuilds `Doc.text` from every
    token on each access, and the resolver reads it for every actor: on long paragraphs that
    took a third of the coding time."""

    def __init__(self, doc, text: str | None = None):
        self.doc, self.text, self.tokens = doc, doc.text if text is None else text, list(doc)
        self.strings = TokenStrings(doc)  # read by the actor matcher, resolver and extractor

    def __getitem__(self, i):
        return self.tokens[i] if isinstance(i, int) else self.doc[i]

    def __iter__(self):
        return iter(self.tokens)

    def __len__(self) -> int:
        return len(self.tokens)

    def __getattr__(self, name):
        return getattr(self.doc, name)


class _Tok:
    """The token attributes the actor lexicon reads, as plain attributes; anything else comes
    from the spaCy token."""

    __slots__ = ("token", "text", "lower_", "lemma_", "is_alpha")

    def __init__(self, token):
        self.token, self.text, self.lower_ = token, token.text, token.lower_
        self.lemma_, self.is_alpha = token.lemma_, token.is_alpha

    def __getattr__(self, name):
        return getattr(self.token, name)


class TokenMatcher:
    """The actor lexicon, matching over token records instead of a spaCy Doc.

    Same matches, found faster: slicing a Doc makes a Span per tried phrase length (that cost
    more than the parse), and most words of a text cannot be part of any phrase. A match never
    crosses such a word, so the lexicon scans only the stretches between them. A word can be
    part of a phrase when its lowercase, its lemma or a plural-stripped form is a phrase word,
    the forms the lexicon compares.
    """

    def __init__(self, lexicon: ActorLexicon):
        self.lexicon = lexicon
        self._words: set[str] = set()
        self._size = -1
        self._live: dict[tuple[str, str], bool] = {}

    def match(self, tokens):
        if len(self.lexicon.phrases) != self._size:  # phrases added since: recount words
            self._size = len(self.lexicon.phrases)
            self._words = {w for phrase in self.lexicon.phrases for w in phrase}
            self._live.clear()
        strings = getattr(tokens, "strings", None) or TokenStrings(tokens)
        lower, lemma = strings.lower, strings.lemma
        tokens = list(tokens)
        out, start = [], None
        for i in range(len(tokens) + 1):
            if i < len(tokens) and self._can_be_in_phrase(lower[i], lemma[i]):
                start = i if start is None else start
            elif start is not None:
                # token records only for the stretches the lexicon reads
                records = [_Tok(t) for t in tokens[start:i]]
                out += [(s + start, e + start, entries)
                        for s, e, entries in self.lexicon.match(records)]
                start = None
        return out

    def _can_be_in_phrase(self, low: str, lemma: str) -> bool:
        """`low`: the token's lowercase; `lemma`: its lemma, lower-cased."""
        key = (low, lemma)
        live = self._live.get(key)
        if live is None:
            forms = {low, lemma, low[:-1]}
            if low.endswith("ies"):
                forms.add(low[:-3] + "y")
            live = self._live[key] = not self._words.isdisjoint(forms)
            if len(self._live) > 500_000:  # bounded, so a long run's memory stays flat
                self._live.clear()
        return live

    def __getattr__(self, name):
        return getattr(self.lexicon, name)
