"""Shape and key facts of the role-noun table (sectors.tsv) and the office-holder table (people.tsv)."""
from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
ACTORS = REPO / "onevoice" / "data" / "actors"
SHARED = REPO.parent / "shared"
CAMEO_TYPE = SHARED / "ref" / "cameo_type.tsv"
CAMEO_COUNTRY = SHARED / "ref" / "cameo_country.tsv"

SECTORS_HEADER = ["text", "sector", "title", "comment"]
PEOPLE_HEADER = ["name", "aliases", "code", "office", "start", "end", "comment"]

# Codes CAMEO defines outside cameo_type.tsv that the tables may use:
# IGO/NGO (international generic) and REL (unspecified religious, CAMEO manual table 10).
EXTRA_SECTORS = {"IGO", "NGO", "REL"}
# Country codes PETRARCH uses where ISO has none: Soviet Union, Yugoslavia/Serbia and Montenegro,
# Kosovo; South Sudan (ISO since 2011); IGO/IMG for international organizations and groups.
EXTRA_PREFIXES = {"SUN", "SCG", "KSV", "SSD", "IGO", "IMG"}


def read_tsv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    """Header and rows of one of our TSV files, `#` comment lines skipped."""
    with path.open(encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if not line.startswith("#") and line.strip()]
    reader = csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    header = next(reader)
    rows = [dict(zip(header, rec)) for rec in reader]
    return header, rows


def reference_codes(path: Path) -> set[str]:
    with path.open(encoding="utf-8") as fh:
        return {line.split("\t", 1)[0].strip() for line in fh if line.strip()} - {"code"}


@pytest.fixture(scope="module")
def sectors():
    return read_tsv(ACTORS / "sectors.tsv")


@pytest.fixture(scope="module")
def people():
    return read_tsv(ACTORS / "people.tsv")


def holds(rows, alias: str, code: str, day: str) -> bool:
    """Whether someone known as `alias` held an office coded `code` on `day`."""
    want = alias.lower()
    for r in rows:
        names = [r["name"]] + [a for a in r["aliases"].split("|") if a]
        if want not in {n.lower() for n in names} or r["code"] != code:
            continue
        if r["start"] <= day and (not r["end"] or day <= r["end"]):
            return True
    return False


# sectors.tsv

def test_sectors_header(sectors):
    header, _ = sectors
    assert header == SECTORS_HEADER


def test_sectors_rows_have_four_cells(sectors):
    _, rows = sectors
    assert len(rows) >= 400
    for r in rows:
        assert len(r) == 4 and all(v is not None for v in r.values()), r


@pytest.mark.skipif(not CAMEO_TYPE.exists(), reason="../shared reference tables not available")
def test_sector_codes_are_cameo_types(sectors):
    _, rows = sectors
    allowed = reference_codes(CAMEO_TYPE) | EXTRA_SECTORS
    bad = sorted({r["sector"] for r in rows} - allowed)
    assert not bad, f"sector codes not in cameo_type.tsv: {bad}"


def test_sector_titles_are_yes_or_no(sectors):
    _, rows = sectors
    assert {r["title"] for r in rows} <= {"yes", "no"}


def test_sector_texts_are_unique_and_clean(sectors):
    _, rows = sectors
    seen: set[str] = set()
    for r in rows:
        text = r["text"]
        assert text and text == text.strip(), r
        key = " ".join(text.lower().split())
        assert key not in seen, f"duplicate text: {text}"
        seen.add(key)


def test_sector_key_rows(sectors):
    _, rows = sectors
    by_text = {r["text"].lower(): r for r in rows}
    expect = {
        "official": ("GOV", None), "foreign minister": ("GOV", "yes"), "prime minister": ("GOV", "yes"),
        "president": ("GOV", "yes"), "vice foreign minister": ("GOV", "yes"),
        "assistant secretary of state": ("GOV", "yes"), "special envoy": ("GOV", "yes"),
        "envoy": ("GOV", "yes"), "spokesman": ("GOV", "no"), "defense minister": ("GOV", "yes"),
        "troop": ("MIL", None), "soldier": ("MIL", None), "general": ("MIL", "yes"), "gen.": ("MIL", "yes"),
        "rebel": ("REB", None), "militant": ("REB", None), "opposition": ("OPP", None),
        "protester": ("OPP", None), "activist": ("OPP", None), "police": ("COP", None),
        "riot police": ("COP", None), "security force": ("COP", None), "court": ("JUD", None),
        "judge": ("JUD", "yes"), "parliament": ("LEG", None), "senator": ("LEG", "yes"),
        "lawmaker": ("LEG", None), "journalist": ("MED", None), "civilian": ("CVL", None),
        "refugee": ("REF", None), "student": ("EDU", None), "doctor": ("HLH", None),
        "trade union": ("LAB", None), "cleric": ("REL", None), "gunman": ("UAF", None),
        "drug trafficker": ("CRM", None), "farmer": ("AGR", None), "rights group": ("HRI", None),
        "aid group": ("NGO", None), "intelligence agency": ("SPY", None), "company": ("BUS", None),
        "peacekeeper": ("PKO", None), "peacekeeping force": ("PKO", None), "tank": ("MIL", None),
        "warplane": ("MIL", None), "aircraft": ("MIL", None), "helicopter": ("MIL", None),
        "passenger plane": ("CVL", None), "think tank": ("NGO", None), "town": ("CVL", None),
        "village": ("CVL", None), "detainee": ("CVL", None), "former president": ("ELI", "yes"),
    }
    for text, (sector, title) in expect.items():
        assert text in by_text, f"missing row: {text}"
        assert by_text[text]["sector"] == sector, text
        if title:
            assert by_text[text]["title"] == title, text


# people.tsv

def test_people_header(people):
    header, _ = people
    assert header == PEOPLE_HEADER


def test_people_rows(people):
    _, rows = people
    assert len(rows) >= 700
    for r in rows:
        assert len(r) == 7 and all(v is not None for v in r.values()), r
        assert r["name"] and r["office"] and r["code"], r
        assert r["code"].isupper() and len(r["code"]) % 3 == 0 and len(r["code"]) >= 6, r
        aliases = [a for a in r["aliases"].split("|")] if r["aliases"] else []
        assert all(a and a == a.strip() for a in aliases), r


def test_people_dates_parse_and_are_ordered(people):
    _, rows = people
    for r in rows:
        start = dt.date.fromisoformat(r["start"])
        assert len(r["start"]) == 10
        if r["end"]:
            assert len(r["end"]) == 10
            assert start <= dt.date.fromisoformat(r["end"]), r


def test_people_rows_are_unique(people):
    _, rows = people
    keys = [(r["name"], r["code"], r["office"], r["start"]) for r in rows]
    assert len(keys) == len(set(keys))


@pytest.mark.skipif(not CAMEO_COUNTRY.exists(), reason="../shared reference tables not available")
def test_people_codes_start_with_known_prefix(people):
    _, rows = people
    prefixes = reference_codes(CAMEO_COUNTRY) | EXTRA_PREFIXES
    bad = sorted({r["code"] for r in rows if r["code"][:3] not in prefixes})
    assert not bad, bad


@pytest.mark.skipif(not CAMEO_TYPE.exists(), reason="../shared reference tables not available")
def test_people_code_sectors_are_cameo_types(people):
    _, rows = people
    allowed = reference_codes(CAMEO_TYPE) | EXTRA_SECTORS
    for r in rows:
        if r["code"][:3] in {"IGO", "IMG"}:
            continue
        assert r["code"][3:6] in allowed, r


def test_people_cover_required_states(people):
    _, rows = people
    prefixes = {r["code"][:3] for r in rows}
    required = (
        "USA CAN MEX BRA ARG GBR FRA DEU ITA RUS TUR SAU ZAF IND CHN JPN KOR IDN AUS "
        "PRK IRN IRQ SYR ISR PSE AFG PAK UKR EGY LBY YEM LBN JOR SDN SSD SOM ETH NGA COD "
        "VEN CUB COL MMR TWN SRB GEO BLR TUN DZA MAR QAT ARE KEN MLI VNM PHL THA"
    ).split()
    missing = [c for c in required if c not in prefixes]
    assert not missing, missing
    codes = {r["code"] for r in rows}
    assert {"IGOUNO", "IGOWSTNAT", "IGOEUREEC"} <= codes


def test_people_key_facts(people):
    _, rows = people
    assert holds(rows, "Putin", "RUSGOV", "2006-07-07")
    assert holds(rows, "Vladimir Putin", "RUSGOV", "2024-01-01")
    assert holds(rows, "Obama", "USAGOV", "2010-01-01")
    assert not holds(rows, "Obama", "USAGOV", "2006-07-07")
    assert holds(rows, "Li Zhaoxing", "CHNGOV", "2006-07-07")
    assert not holds(rows, "Li Zhaoxing", "CHNGOV", "2008-01-01")
    assert holds(rows, "Sarkozy", "FRAGOV", "2007-05-16")
    assert holds(rows, "Sarkozy", "FRAGOV", "2012-05-15")
    assert not holds(rows, "Sarkozy", "FRAGOV", "2007-05-15")
    assert not holds(rows, "Sarkozy", "FRAGOV", "2012-05-16")
    assert holds(rows, "Kim Jong-un", "PRKGOV", "2020-01-01")
    assert holds(rows, "Kim Jong Un", "PRKGOV", "2020-01-01")
    assert holds(rows, "Kofi Annan", "IGOUNO", "2003-03-01")
    assert holds(rows, "Merkel", "DEUGOV", "2010-01-01")


def test_sarkozy_presidency_dates(people):
    _, rows = people
    spans = [(r["start"], r["end"]) for r in rows
             if r["name"] == "Nicolas Sarkozy" and r["code"] == "FRAGOV" and r["office"] == "President"]
    assert spans == [("2007-05-16", "2012-05-15")]


def test_no_alias_names_two_people_at_once(people):
    """An alias shared by two people must not be valid for both on the same day."""
    _, rows = people
    by_alias: dict[str, list[dict[str, str]]] = {}
    for r in rows:
        for a in {r["name"], *filter(None, r["aliases"].split("|"))}:
            by_alias.setdefault(a.lower(), []).append(r)
    clashes = []
    for alias, rs in by_alias.items():
        for i, a in enumerate(rs):
            for b in rs[i + 1:]:
                if a["name"] == b["name"]:
                    continue
                a_end, b_end = a["end"] or "9999-12-31", b["end"] or "9999-12-31"
                if a["start"] < b_end and b["start"] < a_end:
                    clashes.append((alias, a["name"], b["name"]))
    assert not clashes, clashes[:10]


def test_more_states_and_rebel_leaders(people):
    _, rows = people
    assert holds(rows, "Savimbi", "AGOREB", "1993-01-01")
    assert not holds(rows, "Savimbi", "AGOREB", "2003-01-01")
    assert holds(rows, "Charles Taylor", "LBRREB", "1992-06-01")
    assert holds(rows, "Charles Taylor", "LBRGOV", "2000-01-01")
    assert not holds(rows, "Charles Taylor", "LBRGOV", "1995-01-01")
    assert holds(rows, "Prachanda", "NPLREB", "2001-01-01")
    assert holds(rows, "Prachanda", "NPLGOV", "2009-01-01")
    assert not holds(rows, "Prachanda", "NPLGOV", "2012-01-01")
    assert holds(rows, "Mahathir", "MYSGOV", "1995-01-01")
    assert not holds(rows, "Mahathir", "MYSGOV", "2010-01-01")
    assert holds(rows, "Fujimori", "PERGOV", "1995-01-01")
    assert holds(rows, "Ocalan", "TURREB", "1995-01-01")
    assert holds(rows, "Aristide", "HTIGOV", "2002-01-01")
    assert not holds(rows, "Aristide", "HTIGOV", "1998-01-01")


def test_party_role_rows(sectors):
    _, rows = sectors
    by_text = {r["text"]: r["sector"] for r in rows}
    for text in ("democratic party", "labour party", "communist party", "baath party", "democrat"):
        assert by_text[text] == "PTY", text
