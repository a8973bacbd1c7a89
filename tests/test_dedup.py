"""Near-duplicates: wire copies found, distinct stories kept apart, fingerprints stable."""
import os
import random
import subprocess
import sys

import pytest

from onevoice.dedup import Duplicate, DuplicateIndex, Fingerprint, fingerprint, normalize

WIRE = """The foreign ministers of Arvenia and Boskaland agreed on Tuesday to reopen the main border
crossing between the two countries, closed since a clash between patrols in March. Officials from
both sides said the crossing would open to trucks first and to private cars next month, once new
customs posts are built. The Arvenian minister said the deal showed that the two neighbours could
settle their quarrels at the table. Her Boskaland counterpart called it a first step and said
talks on the disputed dam upstream would resume in the autumn. Traders on both sides of the river
welcomed the news, saying the closure had cost them most of their income since the spring. A
joint commission will meet every month to review the arrangement, the ministers said in a
statement issued after four hours of talks in the lakeside town of Varn. The European envoy to the
region praised both governments and offered to fund the new customs buildings."""

OTHER = """Boskaland's parliament voted on Thursday to raise fuel taxes for the second time this year,
despite protests outside the building by farmers and lorry drivers. The finance minister said the
money was needed to repair roads damaged by the floods. Opposition leaders called the vote a
betrayal of rural voters and said they would challenge the law in the constitutional court. Police
said three people were detained after scuffles near the main gate. The tax will take effect in
January and is expected to raise prices at the pump by about a tenth, economists said."""


def copy_of(text: str) -> str:
    """What a republishing outlet does: new dateline and byline, a trimmed last sentence."""
    body = text.rsplit(".", 2)[0] + "."
    return "By Staff Writer\nVARN, Arvenia (Wire) - " + body.replace("Tuesday", "Tuesday,")


def test_exact_copy_after_normalisation():
    a, b = fingerprint(WIRE), fingerprint("  " + WIRE.upper().replace("\n", " ").replace(",", " ,"))
    assert a.digest == b.digest and a.similarity(b) == 1.0


def test_wire_copy_is_near_and_other_story_is_far():
    assert fingerprint(WIRE).similarity(fingerprint(copy_of(WIRE))) >= 0.8
    assert fingerprint(WIRE).similarity(fingerprint(OTHER)) < 0.2


def test_estimate_tracks_true_jaccard():
    words = normalize(WIRE + " " + OTHER)
    rng = random.Random(7)
    for _ in range(20):
        cut = rng.randint(len(words) // 2, len(words))
        a, b = words, words[:cut]
        sa = {" ".join(a[i:i + 5]) for i in range(len(a) - 4)}
        sb = {" ".join(b[i:i + 5]) for i in range(len(b) - 4)}
        true = len(sa & sb) / len(sa | sb)
        assert abs(fingerprint(" ".join(a)).similarity(fingerprint(" ".join(b))) - true) < 0.15


def test_fingerprint_is_stable_across_processes_and_serialises():
    fp = fingerprint(WIRE)
    code = ("import sys; from onevoice.dedup import fingerprint; "
            "sys.stdout.write(fingerprint(sys.stdin.read()).to_bytes().hex())")
    for seed in ("1", "2"):
        out = subprocess.run([sys.executable, "-c", code], input=WIRE, capture_output=True, text=True,
                             env={**os.environ, "PYTHONHASHSEED": seed}, check=True).stdout
        assert out == fp.to_bytes().hex()
    assert Fingerprint.from_bytes(fp.to_bytes()) == fp
    assert len(fp.to_bytes()) == 16 + 4 * 256


def test_short_and_empty_texts():
    assert fingerprint("Talks resumed.").similarity(fingerprint("talks RESUMED")) == 1.0
    assert fingerprint("Talks resumed.").similarity(fingerprint("Talks collapsed.")) < 0.8
    assert fingerprint("").similarity(fingerprint("   ")) == 1.0


def test_index_reports_the_first_copy_and_indexes_only_originals():
    index = DuplicateIndex()
    assert index.add("a", WIRE) is None
    assert index.add("b", OTHER) is None
    found = index.add("c", copy_of(WIRE))
    assert isinstance(found, Duplicate) and found.of == "a" and not found.exact
    assert found.similarity >= 0.8
    assert index.add("d", WIRE) == Duplicate("a", 1.0, True)
    assert len(index) == 2 and "c" not in index and "a" in index
    assert index.add("a", WIRE) is None          # the same document again (a re-run)
    assert index.check("e", fingerprint(OTHER)).of == "b"
    assert "e" not in index                      # check alone indexes nothing


def test_threshold():
    strict = DuplicateIndex(threshold=0.99)
    strict.add("a", WIRE)
    assert strict.add("c", copy_of(WIRE)) is None


def test_many_distinct_documents_no_false_matches():
    rng = random.Random(3)
    vocab = normalize(WIRE + " " + OTHER)
    index = DuplicateIndex()
    hits = 0
    for i in range(500):
        text = " ".join(rng.choice(vocab) for _ in range(120))
        hits += index.add(str(i), text) is not None
    assert hits == 0 and len(index) == 500


@pytest.mark.parametrize("edit", [
    lambda t: t.replace("Arvenia", "Arvenia's government"),
    lambda t: t + " Reporting by the Wire; editing by the desk.",
    lambda t: "UPDATED: " + t,
])
def test_small_edits_stay_near(edit):
    assert fingerprint(WIRE).similarity(fingerprint(edit(WIRE))) >= 0.8


def test_words_match_the_regex_definition():
    import re
    import unicodedata

    texts = [WIRE, "Don’t panic — “Ärger” im Café, naïve façade; İstanbul’s ﬁrst snake_case 42nd…",
             "Ｆｕｌｌ width, non\u00a0breaking space, tab\tand ½ + ² and 東京 talks", "", "...!",
             "Ελλάδα και Κύπρος; Россия и Китай: «переговоры»"]
    for text in texts:
        want = re.findall(r"\w+", unicodedata.normalize("NFKC", text).lower())
        assert normalize(text) == want, text


def test_estimates_are_unbiased_with_binomial_spread():
    """Over many pairs, (estimate - true Jaccard) / its binomial standard deviation has mean
    about 0 and spread about 1: the slots behave as independent hash functions."""
    import math

    from onevoice.dedup import PERMUTATIONS

    rng = random.Random(11)
    vocab = sorted(set(normalize(WIRE + " " + OTHER)))
    z = []
    for _ in range(300):
        words = [rng.choice(vocab) for _ in range(rng.randint(60, 400))]
        cut = rng.randint(len(words) * 2 // 3, len(words))
        tail = [rng.choice(vocab) for _ in range(rng.randint(0, 10))]
        other = words[rng.randint(0, 8):cut] + tail
        sa = {tuple(words[i:i + 5]) for i in range(len(words) - 4)}
        sb = {tuple(other[i:i + 5]) for i in range(len(other) - 4)}
        true = len(sa & sb) / len(sa | sb)
        if not 0.05 < true < 0.95:
            continue
        est = fingerprint(" ".join(words)).similarity(fingerprint(" ".join(other)))
        z.append((est - true) / math.sqrt(true * (1 - true) / PERMUTATIONS))
    mean = sum(z) / len(z)
    spread = math.sqrt(sum((v - mean) ** 2 for v in z) / len(z))
    assert len(z) > 200 and abs(mean) < 0.2 and 0.8 < spread < 1.2, (len(z), mean, spread)


def test_story_fingerprint_leaves_out_short_texts():
    from onevoice.dedup import MIN_WORDS, story_fingerprint

    assert story_fingerprint("Talks resumed on Monday.") is None
    long_enough = " ".join(["word"] * MIN_WORDS)
    assert story_fingerprint(long_enough) == fingerprint(long_enough)


def test_very_long_text_is_fingerprinted_in_blocks():
    long = " ".join([WIRE] * 40)   # more shingles than one block
    assert fingerprint(long).similarity(fingerprint(long + " A last line.")) >= 0.9
