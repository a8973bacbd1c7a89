"""onevoice: news text in, CAMEO/PLOVER political event data out, with the evidence for each event."""
__version__ = "0.1.0"


def __getattr__(name):
    # Lazy: importing the package must not load spaCy.
    if name in ("Coder", "CodedDocument"):
        from . import coder
        return getattr(coder, name)
    if name == "Document":
        from .documents import Document
        return Document
    raise AttributeError(name)


def code_text(text: str, doc_id: str = "text", date: str | None = None, title: str | None = None):
    """Code one text with a default Coder and return its events."""
    from .coder import Coder
    return Coder().code_text(text, doc_id=doc_id, date=date, title=title)


def code_documents(docs):
    from .coder import Coder
    return Coder().code_documents(docs)
