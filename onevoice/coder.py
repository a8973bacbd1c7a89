"""The pipeline: Document -> sentences -> actors -> events. No I/O here.

A `Coder` holds everything loaded once (spaCy pipeline, ontology, lexicons). It pickles
cheaply: workers reload the resources from the same settings.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from . import __version__
from .actors.lexicon import PROPER_KINDS, ActorLexicon
from .actors.resolve import ActorResolver, DocContext
from .dates import sentence_date
from .documents import Document
from .events.extract import EventExtractor, RawEvent
from .events.lexicon import EventLexicon
from .nlp import load_pipeline
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
        self._load()

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
        self.resolver = ActorResolver(self.actors, Gazetteer())
        self.extractor = EventExtractor(self.events)
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
        for doc in docs:
            yield self.code_document(doc)

    def code_document(self, doc: Document) -> CodedDocument:
        paragraphs = self._paragraphs(doc)
        ctx = DocContext(date=doc.date)
        coded = CodedDocument(doc, 0)
        sentence_index = 0
        for text, parsed in zip(paragraphs, self.nlp.pipe(p[1] for p in paragraphs)):
            original = text[0]
            found = self.resolver.analyse(parsed, ctx)
            for sent in parsed.sents:
                if not sent.text.strip():
                    continue
                if found.has_candidate(sent):
                    found.prime(sent)
                    raws = self.extractor.extract(sent, found)
                    coded.events.extend(self._events(doc, sentence_index, sent, original, raws))
                sentence_index += 1
        coded.n_sentences = sentence_index
        return coded

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

    def _sentence_case(self, title: str) -> str:
        """Headlines In Title Case parse badly: lower-case every capitalised word that is not a name."""
        words = [w for w in title.split() if w[:1].isalpha()]
        if not words or sum(w[:1].isupper() for w in words) < 0.7 * len(words):
            return title
        toks = self.nlp.tokenizer(title)
        keep = set()
        for s, e, entries in self.actors.match(toks):
            if any(x.kind in PROPER_KINDS for x in entries):
                keep.update(range(s, e))
        chars = list(title)
        for t in toks:
            if t.i == 0 or t.i in keep or not t.text.istitle():
                continue
            low = t.text.lower()
            if len(low) == len(t.text):
                chars[t.idx:t.idx + len(t.text)] = low
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
