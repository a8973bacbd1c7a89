"""Shape checks for the event lexicon data files: verbs.tsv, nouns.tsv and modes.tsv."""
from __future__ import annotations

import csv
import re
from collections import Counter, defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EVENTS = ROOT / "onevoice" / "data" / "events"
SHARED = ROOT.parent / "shared"
CAMEO_CODES_FILE = SHARED / "ref" / "cameo_eventcodes.tsv"

VERB_HEADER = ["code", "verb", "particle", "object", "complement", "target", "symmetric", "comment"]
NOUN_HEADER = ["code", "noun", "modifier", "target", "symmetric", "comment"]
MODE_HEADER = ["cue", "mode", "comment"]

ROOTS = [f"{i:02d}" for i in range(1, 21)]
# `agent` marks experiencer rows ("X was upset by Y"): the cause after by/at/over/with is the target
TARGET_WORDS = {"dobj", "iobj", "none", "between", "agent"}
# a lemma: lowercase letters, optionally joined by single hyphens ("test-fire", "de-escalate")
LEMMA_RE = re.compile(r"^[a-z]+(-[a-z]+)*$")
# a short phrase of such lemmas ("hunger strike", "state of emergency")
PHRASE_RE = re.compile(r"^[a-z]+(-[a-z]+)*( [a-z]+(-[a-z]+)*)*$")
CODE_RE = re.compile(r"^\d{2,4}$")
# a row that marks a phrase as no event ("heart attack", "supported prices")
NOT_AN_EVENT = "-"


def read_tsv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    """Header and rows of a lexicon file, skipping `#` comment lines and blank lines."""
    with path.open(encoding="utf-8", newline="") as f:
        lines = [line for line in f if line.strip() and not line.startswith("#")]
    reader = csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    header = next(reader)
    rows = []
    for n, cells in enumerate(reader, start=2):
        assert len(cells) == len(header), f"{path.name} data line {n}: {len(cells)} cells: {cells}"
        rows.append(dict(zip(header, cells)))
    return header, rows


@pytest.fixture(scope="module")
def cameo_codes() -> set[str]:
    if not CAMEO_CODES_FILE.exists():
        pytest.skip(f"CAMEO code list not found at {CAMEO_CODES_FILE}")
    with CAMEO_CODES_FILE.open(encoding="utf-8", newline="") as f:
        return {row["code"] for row in csv.DictReader(f, delimiter="\t")}


@pytest.fixture(scope="module")
def verbs() -> list[dict[str, str]]:
    header, rows = read_tsv(EVENTS / "verbs.tsv")
    assert header == VERB_HEADER
    return rows


@pytest.fixture(scope="module")
def nouns() -> list[dict[str, str]]:
    header, rows = read_tsv(EVENTS / "nouns.tsv")
    assert header == NOUN_HEADER
    return rows


@pytest.fixture(scope="module")
def modes() -> list[dict[str, str]]:
    header, rows = read_tsv(EVENTS / "modes.tsv")
    assert header == MODE_HEADER
    return rows


def alternatives(cell: str) -> list[str]:
    return [x.strip() for x in cell.split("|")] if cell else []


def valid_target(target: str) -> bool:
    if "," in target:  # places tried in order: "prep:to|for,dobj"
        return all(valid_target(t.strip()) for t in target.split(","))
    if target in TARGET_WORDS:
        return True
    if target.startswith("prep:"):
        preps = alternatives(target[len("prep:"):])
        return bool(preps) and all(LEMMA_RE.match(p) for p in preps)
    return False


# ---- headers ---------------------------------------------------------------------------------

@pytest.mark.parametrize("name, header", [("verbs.tsv", VERB_HEADER), ("nouns.tsv", NOUN_HEADER),
                                          ("modes.tsv", MODE_HEADER)])
def test_header_is_exact(name, header):
    got, rows = read_tsv(EVENTS / name)
    assert got == header
    assert rows, f"{name} has no rows"


# ---- codes -----------------------------------------------------------------------------------

def test_verb_codes_exist(verbs, cameo_codes):
    bad = sorted({r["code"] for r in verbs if r["code"] not in cameo_codes | {NOT_AN_EVENT}})
    assert not bad, f"codes not in cameo_eventcodes.tsv: {bad}"


def test_noun_codes_exist(nouns, cameo_codes):
    bad = sorted({r["code"] for r in nouns if r["code"] not in cameo_codes | {NOT_AN_EVENT}})
    assert not bad, f"codes not in cameo_eventcodes.tsv: {bad}"


def test_codes_are_strings_with_leading_zeros(verbs, nouns):
    for r in verbs + nouns:
        if r["code"] == NOT_AN_EVENT:
            # its object ("supported + prices"), its modifier, a named complement ("demonstrated
            # that"), or a particle and any complement ("engaged in + an act's noun")
            phrase = ((r["object"] or r["complement"] and (r["particle"] or r["complement"] != "*"))
                      if "object" in r else r["modifier"])
            assert phrase, f"a no-event row names its phrase: {r}"
            continue
        assert CODE_RE.match(r["code"]), r
        assert len(r["code"]) >= 3, f"use a specific code, not a bare root: {r}"


def test_verbs_cover_every_root(verbs):
    covered = {r["code"][:2] for r in verbs}
    missing = [root for root in ROOTS if root not in covered]
    assert not missing, f"roots without a verb row: {missing}"


def test_verbs_cover_many_codes(verbs):
    distinct = {r["code"] for r in verbs}
    assert len(distinct) >= 220, f"only {len(distinct)} distinct codes"


# ---- cell values -----------------------------------------------------------------------------

def test_verb_targets_are_valid(verbs):
    bad = [r for r in verbs if not valid_target(r["target"])]
    assert not bad, bad[:5]


def test_noun_targets_are_valid(nouns):
    bad = [r for r in nouns if not valid_target(r["target"])]
    assert not bad, bad[:5]


@pytest.mark.parametrize("fixture", ["verbs", "nouns"])
def test_symmetric_is_yes_or_no(fixture, request):
    rows = request.getfixturevalue(fixture)
    bad = [r for r in rows if r["symmetric"] not in ("yes", "no")]
    assert not bad, bad[:5]


def test_verb_lemmas_are_lowercase_single_tokens(verbs):
    bad = sorted({r["verb"] for r in verbs if not LEMMA_RE.match(r["verb"])})
    assert not bad, f"verb lemmas must be lowercase, one token or hyphenated: {bad}"


def test_particles_are_single_lowercase_words(verbs):
    bad = sorted({r["particle"] for r in verbs if r["particle"] and not LEMMA_RE.match(r["particle"])})
    assert not bad, bad


def test_lists_are_lowercase_and_clean(verbs, nouns):
    for r in verbs:
        for col in ("object", "complement"):
            for item in alternatives(r[col]):
                assert item and item == item.lower() and item.strip() == item, (col, r)
    for r in nouns:
        assert r["noun"] == r["noun"].lower() and r["noun"].strip(), r
        for item in alternatives(r["modifier"]):
            assert item and item == item.lower(), r


def test_complement_is_lemmas_or_star(verbs):
    for r in verbs:
        if r["complement"] and r["complement"] != "*":
            for item in alternatives(r["complement"]):
                assert PHRASE_RE.match(item), r


# ---- duplicates and conflicts ----------------------------------------------------------------

def test_no_duplicate_verb_rows(verbs):
    keys = Counter((r["verb"], r["particle"], r["object"], r["complement"], r["target"]) for r in verbs)
    dups = [k for k, n in keys.items() if n > 1]
    assert not dups, dups


def test_no_duplicate_noun_rows(nouns):
    keys = Counter((r["noun"], r["modifier"], r["target"]) for r in nouns)
    dups = [k for k, n in keys.items() if n > 1]
    assert not dups, dups


def test_verb_alternatives_do_not_overlap(verbs):
    """Within one verb+particle, an object (or complement) lemma belongs to one row only,
    so the most specific row is never a tie."""
    seen: dict[tuple, dict[str, int]] = defaultdict(dict)
    clashes = []
    for i, r in enumerate(verbs):
        for col, other in (("object", "complement"), ("complement", "object")):
            key = (r["verb"], r["particle"], col, r[other])
            for item in alternatives(r[col]):
                if item in seen[key] and seen[key][item] != i:
                    clashes.append((key, item))
                seen[key][item] = i
    assert not clashes, clashes[:10]


def test_one_generic_row_per_verb(verbs):
    generic = Counter((r["verb"], r["particle"]) for r in verbs if not r["object"] and not r["complement"])
    assert not [k for k, n in generic.items() if n > 1]


# ---- modes -----------------------------------------------------------------------------------

def test_modes_are_known(modes):
    bad = [r for r in modes if r["mode"] not in ("negated", "hypothetical", "future")]
    assert not bad, bad


def test_modes_cover_all_three(modes):
    assert {r["mode"] for r in modes} == {"negated", "hypothetical", "future"}


def test_mode_cues_are_lowercase_and_unique(modes):
    cues = [r["cue"] for r in modes]
    assert all(c and c == c.lower() and c.strip() == c for c in cues)
    assert not [c for c, n in Counter(cues).items() if n > 1]


# ---- sizes -----------------------------------------------------------------------------------

def test_sizes(verbs, nouns, modes):
    assert len(verbs) >= 900, len(verbs)
    assert len(nouns) >= 100
    assert len(modes) >= 40


# ---- defaults and coverage -------------------------------------------------------------------

def generic_rows(rows, verb, particle=""):
    return [r for r in rows if r["verb"] == verb and r["particle"] == particle
            and not r["object"] and not r["complement"]]


# Verbs of giving, returning and offering: their object rows name the kind of aid, but "provided
# funds to X" or "offered X a passport" must still code, so each has a default row.
DEFAULTS = [("provide", "", "070"), ("give", "", "070"), ("send", "", "070"), ("deliver", "", "070"),
            ("donate", "", "070"), ("contribute", "", "070"), ("dispatch", "", "070"),
            ("ship", "", "070"), ("distribute", "", "070"), ("offer", "", "030"),
            ("return", "", "084"), ("hand", "back", "084"), ("hand", "over", "084")]


@pytest.mark.parametrize("verb, particle, code", DEFAULTS)
def test_transfer_verbs_have_a_default_row(verbs, verb, particle, code):
    rows = generic_rows(verbs, verb, particle)
    assert rows and rows[0]["code"] == code, (verb, particle, rows)


def test_default_rows_look_for_a_recipient(verbs):
    """The default row of a giving verb looks for whom it was given to ("to Samoa", "gave Iraq")."""
    for verb, particle, _ in DEFAULTS:
        for r in generic_rows(verbs, verb, particle):
            assert r["target"] != "none", r


# spaCy en_core_web_sm lemmatizes some past forms oddly; these rows catch them.
LEMMA_QUIRKS = {"cordone": "cordon", "din": "dine", "extoll": "extol", "reoccupie": "reoccupy",
                "resupplie": "resupply", "stag": "stage", "wag": "wage", "fin": "fine"}


@pytest.mark.parametrize("quirk, verb", sorted(LEMMA_QUIRKS.items()))
def test_lemma_quirks_code_like_the_verb(verbs, quirk, verb):
    quirk_codes = {r["code"] for r in verbs if r["verb"] == quirk}
    verb_codes = {r["code"] for r in verbs if r["verb"] == verb}
    assert quirk_codes, f"no row for spaCy's lemma {quirk!r} of {verb!r}"
    assert quirk_codes <= verb_codes, (quirk, quirk_codes, verb_codes)


def test_british_and_american_spellings_agree(verbs):
    """honour/honor, organise/organize, ...: where both spellings have a default row, same code."""
    generic = {(r["verb"], r["particle"]): r["code"] for r in verbs if not r["object"] and not r["complement"]}
    pairs = [(v, p) for (v, p) in generic if v.endswith("ise") and (v[:-3] + "ize", p) in generic]
    pairs += [(v, p) for (v, p) in generic if v.endswith("our") and (v[:-3] + "or", p) in generic]
    assert pairs
    for v, p in pairs:
        other = v[:-3] + ("ize" if v.endswith("ise") else "or")
        assert generic[(v, p)] == generic[(other, p)], (v, other)


def test_warfare_nouns(nouns):
    by = {(r["noun"], r["modifier"]): r["code"] for r in nouns}
    assert by[("warfare", "")] == "190"
    assert by[("cyberattack", "")] == "176"
    assert any(n == "warfare" and "cyber" in m.split("|") and c == "176" for (n, m), c in by.items())


# ---- a few sentences through the coder -------------------------------------------------------

SENTENCES = [
    ("New Zealand provided three patrol boats to Samoa.", "NZL", "WSM", "070"),
    ("Norway gave 40 million kroner to Sudan.", "NOR", "SDN", "070"),
    ("Iran launched cyber warfare against Israel.", "IRN", "ISR", "176"),
    ("The United States went to war with Iraq.", "USA", "IRQ", "190"),
    ("Russia dispatched troops to Georgia.", "RUS", "GEO", "154"),
    ("Russia massed troops near the Ukrainian border.", "RUS", "UKR", "154"),
    ("Brazil purchased helicopters from Russia.", "BRA", "RUS", "062"),
    ("India gave Pakistan 48 hours to hand over the suspects.", "IND", "PAK", "139"),
    ("China returned the islands to Japan.", "CHN", "JPN", "0842"),
    ("Pakistan played host to the Afghan president.", "PAK", "AFG", "043"),
    ("Iran released 15 British sailors.", "IRN", "GBR", "0841"),
    ("The United States sought China's cooperation on North Korea.", "USA", "CHN", "020"),
    ("Egypt is doubtful about the peace plan.", "EGY", "", "012"),
    ("Jordan is hopeful about the new talks.", "JOR", "", "013"),
    ("Iraq announced a suspension of talks with Syria.", "IRQ", "SYR", "164"),
    ("The rebels declared a cessation of hostilities.", "---", "", "0871"),
]


@pytest.mark.parametrize("text, source, target, code", SENTENCES)
def test_new_rows_code_sentences(coder, text, source, target, code):
    events = coder.code_text(text, doc_id="t", date="2010-03-05")
    got = {(e.source[:3], e.target[:3], e.code) for e in events}
    assert (source, target, code) in got, got
