"""Shared by the actor tests: the actors the resolver finds in a text we wrote."""
from onevoice.actors.resolve import DocContext


def actors_in(coder, text, date="2006-07-07"):
    """Codes of the actors heading subjects, objects and appositions: {text: code}."""
    doc = coder.nlp(text)
    found = coder.resolver.analyse(doc, DocContext(date=date))
    out = {}
    for sent in doc.sents:
        found.prime(sent)
        for t in sent:
            if t.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos"):
                for a in found.actors(t):
                    out[a.text] = a.code
    return out
