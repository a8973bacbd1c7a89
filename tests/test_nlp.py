"""The pipeline's speed-ups must leave every annotation exactly as stock spaCy sets it."""
from pathlib import Path

import pytest
import spacy

from onevoice.nlp import (ArraySetter, CachedLemmatizer, CandidateFilter, IndexedMatcher,
                          load_pipeline, load_splitter, model_name, use_numpy_gemm)

SAMPLE = Path(__file__).resolve().parents[1] / "examples" / "voa-hill-one-voice.txt"

# written for these tests: contractions, auxiliaries, spaces and rare words the ruler's word
# patterns and the lemmatizer's exceptions treat specially
TRICKY = [
    "They didn't say whether Pyongyang's envoys weren't nothin' but y' know, tired.",
    "The ministers were meeting; talks on the sanctions have stalled since 2005.",
    "Does he have   the documents?  He'd had them, said the Kyrgyz parliamentarians' spokeswoman.",
    "Zlatorovians bombarded the hill-top villages, shelling pontoons and oxen.",
]


def signature(doc):
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i) for t in doc]


@pytest.fixture(scope="module")
def stock():
    return spacy.load(model_name(), exclude=["ner"])


@pytest.fixture(scope="module")
def texts():
    return TRICKY + [p for p in SAMPLE.read_text(encoding="utf-8").split("\n") if p.strip()]


def test_fast_pipeline_is_in_place():
    nlp = load_pipeline()
    ruler = nlp.get_pipe("attribute_ruler")
    assert isinstance(ruler.matcher, IndexedMatcher) and ruler.matcher.usable
    assert isinstance(ruler.set_annotations, ArraySetter) and ruler.set_annotations.usable
    assert isinstance(nlp.get_pipe("lemmatizer"), CachedLemmatizer)
    index = nlp.get_pipe("lemmatizer").lemmatizer.lookups.get_table("lemma_index")
    assert isinstance(index.get("noun"), frozenset) and "minister" in index.get("noun")
    ops = {type(node.ops).__name__ + str(getattr(node.ops, "use_blis", None))
           for _, proc in nlp.pipeline if getattr(proc, "model", None) is not None
           for node in proc.model.walk()}
    assert ops == {"NumpyOpsFalse"}


def test_same_annotations_as_stock_spacy(stock, texts):
    fast = load_pipeline()
    for mine, theirs in zip(fast.pipe(texts), stock.pipe(texts)):
        assert signature(mine) == signature(theirs), mine.text


def test_same_annotations_twice(texts):
    """Second pass: every cache is warm, answers must not change."""
    fast = load_pipeline()
    first = [signature(d) for d in fast.pipe(texts)]
    assert [signature(d) for d in fast.pipe(texts)] == first


def test_matcher_word_classes_keep_named_words_apart():
    ruler = load_pipeline().get_pipe("attribute_ruler")
    matcher = ruler.matcher
    assert matcher.classing
    assert matcher._is_named("n't") and matcher._is_named("was")
    assert not matcher._is_named("pyongyang") and not matcher._is_named(matcher.OTHER_TEXT)


def test_array_setter_falls_back_for_out_of_span_index(stock):
    """A match whose index points outside the span gets spaCy's own handling (its error)."""
    ruler = load_pipeline().get_pipe("attribute_ruler")
    doc = stock.make_doc("a b c")
    calls = []
    setter = ArraySetter(ruler)
    setter.original = lambda d, m: calls.append(m)
    saved = setter.indices
    setter.indices = [5] * len(saved)
    setter(doc, [(0, 0, 0, 1)])
    assert calls == [[(0, 0, 0, 1)]]


def test_candidate_filter_uses_lemmas_and_plurals():
    lem = load_pipeline().get_pipe("lemmatizer")
    f = CandidateFilter([("minister",), ("united", "nation")], ["they"], lem)
    assert f(["the", "ministers", "met"])
    assert f(["the", "united", "nations", "voted"])
    assert f(["they", "met"])
    assert not f(["the", "markets", "fell"])


def test_candidate_filter_tells_actor_words_from_references():
    from onevoice.nlp import ACTOR_WORDS, REFERENCE_WORDS

    lem = load_pipeline().get_pipe("lemmatizer")
    f = CandidateFilter([("minister",)], ["they", "side"], lem)
    assert f(["they", "met", "the", "minister"]) == ACTOR_WORDS
    assert f(["both", "sides", "met"]) == REFERENCE_WORDS
    assert f(["markets", "fell"]) == 0


def test_reference_only_sentences_wait_for_an_actor(coder):
    """'It' before any actor of the document refers to nothing we could code: not parsed."""
    from onevoice.coder import _Scan

    split = coder.splitter("It rained all day. The minister said it was cold. It snowed.")
    assert coder._segments(split, _Scan()) == [1, (5, len(split))]


def test_no_sentence_break_after_a_short_title(coder):
    from onevoice.coder import _sentences

    split = coder.splitter("A Kenyan Sgt. Otieno Wafula said police had arrested the "
                           "protesters. They were later freed. He left at 5 p.m. The talks ended.")
    assert [s.text for s in _sentences(split)] == [
        "A Kenyan Sgt. Otieno Wafula said police had arrested the protesters.",
        "They were later freed.", "He left at 5 p.m.", "The talks ended."]


def test_candidate_filter_applies_the_lexicons_case_rules(coder):
    """'who' and 'us' in lower case name no actor (WHO, US need capitals), 'the new' opens
    no name in lower case; role nouns match in any case."""
    from onevoice.nlp import ACTOR_WORDS

    f = coder.candidates
    for text, expected in [("Later the new plan was approved by us , who knew .", 0),
                           ("The WHO and the US agreed .", ACTOR_WORDS),
                           ("The New York Times reported it .", ACTOR_WORDS),
                           ("Officials met .", ACTOR_WORDS), ("officials met .", ACTOR_WORDS)]:
        words = text.split()
        assert f([w.lower() for w in words], [f.shape(w) for w in words]) == expected, text


def test_sentences_naming_only_firms_are_not_parsed(coder):
    """A firm's act toward no one or toward firms is commerce: not coded, so not parsed; a
    government or a place in the sentence makes it a candidate again."""
    from onevoice.coder import _Scan
    from onevoice.nlp import ACTOR_WORDS, BUSINESS_WORDS

    f = coder.candidates
    for text, expected in [("The company said net income rose .", BUSINESS_WORDS),
                           ("Traders sold the shares .", BUSINESS_WORDS),
                           ("The government fined the company .", ACTOR_WORDS),
                           ("The central bank cut rates .", ACTOR_WORDS)]:
        words = text.split()
        assert f([w.lower() for w in words], [f.shape(w) for w in words]) == expected, text
    split = coder.splitter("The company said net income rose. The firm built a depot in "
                           "Tarnwick. Traders sold the shares.")
    assert coder._segments(split, _Scan()) == [1, (7, 15), 1]


def test_parser_is_stepped_from_python_with_stock_parses(stock, texts):
    """The stepped parser must give spaCy's own heads and labels, batch by batch and alone."""
    from onevoice.nlp import SteppedParser

    nlp = load_pipeline()
    assert isinstance(nlp.get_pipe("parser"), SteppedParser)
    assert nlp.get_pipe("parser").labels == stock.get_pipe("parser").labels
    longer = texts + ["", "Talks.", " ".join(texts)]  # empty, one word, one long doc
    theirs = [signature(d) for d in stock.pipe(longer)]
    assert [signature(d) for d in nlp.pipe(longer, batch_size=3)] == theirs
    assert [signature(nlp(t)) for t in longer] == theirs


def test_maxout_prediction_gives_thincs_numbers(texts):
    """The prediction-only maxout layers give exactly thinc's vectors (same matrix products:
    numpy's on both sides), in tok2vec and in the sentence splitter's encoder."""
    import numpy

    fast = load_pipeline()
    maxouts = [node for _, proc in fast.pipeline if getattr(proc, "model", None) is not None
               for node in proc.model.walk() if node.name == "maxout"]
    assert maxouts and all(getattr(n._func, "predicts_only_the_maximum", False) for n in maxouts)
    plain = spacy.load(model_name(), exclude=["ner"])
    use_numpy_gemm(plain)
    ours = fast.get_pipe("tok2vec").model.predict([fast.make_doc(t) for t in texts])
    theirs = plain.get_pipe("tok2vec").model.predict([plain.make_doc(t) for t in texts])
    assert all(numpy.array_equal(a, b) for a, b in zip(ours, theirs))
    # a model set up for prediction refuses to train rather than train wrong
    _, backprop = maxouts[0](numpy.ones((2, maxouts[0].get_dim("nI")), dtype="f"), is_train=False)
    with pytest.raises(RuntimeError):
        backprop(numpy.ones((2, maxouts[0].get_dim("nO")), dtype="f"))
    splitter = load_splitter()
    assert all(getattr(n._func, "predicts_only_the_maximum", False)
               for _, proc in splitter.pipeline if getattr(proc, "model", None) is not None
               for n in proc.model.walk() if n.name == "maxout")
