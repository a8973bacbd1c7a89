"""Checks on the actor tables in onevoice/data/actors (countries, seats, organizations)."""

import csv
import re
from collections import defaultdict
from pathlib import Path

import pytest

ACTORS = Path(__file__).resolve().parent.parent / "onevoice" / "data" / "actors"

COUNTRY_HEADER = ["code", "names", "adjectives", "demonyms", "capitals", "regions", "comment"]
GROUP_HEADER = ["code", "kind", "names", "adjectives", "comment"]
SEAT_HEADER = ["text", "code", "comment"]
ORG_HEADER = ["code", "names", "comment"]

CODE_RE = re.compile(r"^[A-Z]+(-[A-Z]+)*$")


def load(name):
    """Return (header, rows) of a TSV file, skipping blank and '#' comment lines."""
    with open(ACTORS / name, encoding="utf-8", newline="") as f:
        lines = [line for line in f if line.strip() and not line.startswith("#")]
    reader = csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    header = next(reader)
    return header, [row for row in reader]


def as_dicts(name):
    header, rows = load(name)
    return [dict(zip(header, row)) for row in rows]


def alternatives(cell):
    return [a for a in cell.split("|")] if cell else []


@pytest.fixture(scope="module")
def countries():
    return as_dicts("countries.tsv")


@pytest.fixture(scope="module")
def seats():
    return as_dicts("seats.tsv")


@pytest.fixture(scope="module")
def orgs():
    return as_dicts("organizations.tsv")


@pytest.fixture(scope="module")
def country_by_code(countries):
    return {row["code"]: row for row in countries}


@pytest.mark.parametrize(
    "name,header",
    [
        ("countries.tsv", COUNTRY_HEADER),
        ("seats.tsv", SEAT_HEADER),
        ("organizations.tsv", ORG_HEADER),
        ("groups.tsv", GROUP_HEADER),
    ],
)
def test_header_and_row_shape(name, header):
    got, rows = load(name)
    assert got == header
    assert rows, f"{name} has no rows"
    for row in rows:
        assert len(row) == len(header), f"{name}: wrong number of cells in {row!r}"


@pytest.mark.parametrize(
    "name,code_col,name_cols",
    [
        ("countries.tsv", "code", ["names"]),
        ("seats.tsv", "code", ["text"]),
        ("organizations.tsv", "code", ["names"]),
    ],
)
def test_codes_and_names_present(name, code_col, name_cols):
    for row in as_dicts(name):
        code = row[code_col]
        assert code, f"{name}: empty code in {row!r}"
        assert CODE_RE.match(code), f"{name}: bad code {code!r}"
        assert len(code) % 3 == 0, f"{name}: {code!r} is not made of 3-letter groups"
        assert any(alternatives(row[c]) for c in name_cols), f"{name}: no name in {row!r}"


@pytest.mark.parametrize(
    "name,cols",
    [
        ("countries.tsv", ["names", "adjectives", "demonyms", "capitals", "regions"]),
        ("groups.tsv", ["names", "adjectives"]),
        ("seats.tsv", ["text"]),
        ("organizations.tsv", ["names"]),
    ],
)
def test_alternatives_are_clean(name, cols):
    for row in as_dicts(name):
        for col in cols:
            for alt in alternatives(row[col]):
                assert alt, f"{name}: empty alternative in {col} of {row!r}"
                assert alt == alt.strip(), f"{name}: stray whitespace in {alt!r}"
                assert "  " not in alt, f"{name}: double space in {alt!r}"


def test_country_codes_unique_and_three_letters(countries):
    codes = [row["code"] for row in countries]
    assert len(codes) == len(set(codes))
    for code in codes:
        assert len(code) == 3, code


def test_no_surface_form_maps_to_two_countries_unless_ambiguous(countries):
    owners = defaultdict(set)
    comment = {}
    for row in countries:
        comment[row["code"]] = row["comment"].lower()
        for col in ("names", "adjectives", "demonyms", "capitals", "regions"):
            for alt in alternatives(row[col]):
                owners[alt.lower()].add(row["code"])
    for form, codes in owners.items():
        if len(codes) > 1:
            for code in codes:
                assert "ambiguous" in comment[code], (
                    f"{form!r} maps to {sorted(codes)} but {code} is not marked ambiguous"
                )


def test_country_row_count(countries):
    assert len(countries) >= 190


def test_all_iso_countries_present(country_by_code):
    pycountry = pytest.importorskip("pycountry")
    missing = [c.alpha_3 for c in pycountry.countries if c.alpha_3 not in country_by_code]
    assert not missing


def _forms(row, col):
    return {a.lower() for a in alternatives(row[col])}


@pytest.mark.parametrize(
    "code,col,form",
    [
        ("PRK", "names", "North Korea"),
        ("PRK", "names", "DPRK"),
        ("PRK", "capitals", "Pyongyang"),
        ("PRK", "adjectives", "North Korean"),
        ("KOR", "names", "South Korea"),
        ("KOR", "capitals", "Seoul"),
        ("CHN", "adjectives", "Chinese"),
        ("CHN", "capitals", "Beijing"),
        ("USA", "names", "United States"),
        ("USA", "names", "U.S."),
        ("USA", "adjectives", "American"),
        ("USA", "capitals", "Washington"),
        ("GBR", "names", "Britain"),
        ("GBR", "demonyms", "Briton"),
        ("RUS", "capitals", "Moscow"),
        ("ROU", "names", "Romania"),
        ("COD", "names", "Zaire"),
        ("MMR", "names", "Burma"),
        ("CIV", "names", "Ivory Coast"),
        ("PHL", "demonyms", "Filipino"),
        ("ISR", "capitals", "Jerusalem"),
        ("PSE", "capitals", "Ramallah"),
        ("IRN", "capitals", "Tehran"),
        ("TUR", "capitals", "Ankara"),
        ("JPN", "capitals", "Tokyo"),
        ("ARE", "adjectives", "Emirati"),
        ("LKA", "adjectives", "Sri Lankan"),
        ("SWZ", "names", "Swaziland"),
        ("MKD", "names", "North Macedonia"),
        ("CZE", "names", "Czechia"),
        ("VAT", "names", "Vatican"),
        ("PSE", "names", "West Bank"),
        ("PSE", "names", "Gaza Strip"),
        ("SDN", "regions", "Darfur"),
        ("RUS", "regions", "Chechnya"),
        ("GEO", "regions", "Abkhazia"),
        ("KHM", "adjectives", "Kampuchean"),
        ("MEA", "names", "Middle East"),
        ("SUN", "names", "Soviet Union"),
    ],
)
def test_key_country_facts(country_by_code, code, col, form):
    assert code in country_by_code, code
    assert form.lower() in _forms(country_by_code[code], col)


def test_iso_not_gdelt_codes(country_by_code):
    assert "ROU" in country_by_code and "ROM" not in country_by_code
    for code in ("COD", "COG", "SRB", "RUS", "GBR", "USA", "KOR", "PRK", "TWN", "IRN", "SYR", "VAT"):
        assert code in country_by_code, code


def test_capitals_exclude_un_and_eu_seats(countries):
    for row in countries:
        assert not {"new york", "brussels"} & _forms(row, "capitals"), row["code"]


def _seat_codes(seats):
    found = defaultdict(set)
    for row in seats:
        for alt in alternatives(row["text"]):
            found[alt.lower()].add(row["code"])
    return found


def test_seat_forms_unique(seats):
    for form, codes in _seat_codes(seats).items():
        assert len(codes) == 1, (form, codes)


@pytest.mark.parametrize(
    "text,code",
    [
        ("Kremlin", "RUSGOV"),
        ("White House", "USAGOV"),
        ("Pentagon", "USAMIL"),
        ("Downing Street", "GBRGOV"),
        ("Knesset", "ISRLEG"),
        ("Zhongnanhai", "CHNGOV"),
    ],
)
def test_key_seats(seats, text, code):
    assert _seat_codes(seats)[text.lower()] == {code}


def _org_codes(orgs):
    found = defaultdict(set)
    for row in orgs:
        for alt in alternatives(row["names"]):
            found[alt.lower()].add(row["code"])
    return found


def test_org_names_map_to_one_code(orgs):
    for form, codes in _org_codes(orgs).items():
        assert len(codes) == 1, (form, codes)


def test_brussels_uses_the_eu_code(seats, orgs):
    eu = _org_codes(orgs)["european union"]
    assert _seat_codes(seats)["brussels"] == eu


def test_key_organizations(orgs):
    codes = _org_codes(orgs)
    (security_council,) = codes["security council"]
    assert security_council.startswith("IGOUNO")
    assert codes["united nations"] == {"IGOUNO"}
    assert "hamas" in codes
    for name in ("nato", "european union", "african union", "hezbollah", "taliban", "al-qaeda",
                 "islamic state", "red cross", "amnesty international", "human rights watch"):
        assert name in codes, name
    for name in ("unhcr", "unicef", "iaea", "world health organization", "international court of justice"):
        (code,) = codes[name]
        assert code.startswith("IGOUNO"), (name, code)


def test_organization_row_count(orgs):
    assert len(orgs) >= 150


def test_seat_text_is_a_single_form(seats):
    for row in seats:
        assert "|" not in row["text"], row["text"]
        assert not row["text"].lower().startswith("the "), row["text"]


# groups.tsv: ethnic and religious groups

SHARED_REF = ACTORS.parents[2].parent / "shared" / "ref"


@pytest.fixture(scope="module")
def groups():
    return as_dicts("groups.tsv")


def test_group_kinds_and_codes(groups):
    assert len(groups) >= 60
    for row in groups:
        assert row["kind"] in ("ethnic", "religion"), row
        assert CODE_RE.match(row["code"]) and len(row["code"]) % 3 == 0, row
        assert alternatives(row["names"]) or alternatives(row["adjectives"]), row


@pytest.mark.skipif(not (SHARED_REF / "cameo_ethnic.tsv").exists(), reason="../shared reference tables not available")
def test_group_codes_are_cameo_codes(groups):
    def codes(name):
        with open(SHARED_REF / name, encoding="utf-8") as fh:
            return {line.split("\t", 1)[0].strip().upper() for line in fh if line.strip()}
    ethnic, religion = codes("cameo_ethnic.tsv"), codes("cameo_religion.tsv")
    for row in groups:
        if row["kind"] == "ethnic":
            assert row["code"] in ethnic, row
        else:
            assert all(row["code"][i:i + 3] in religion | {"MOS"} for i in range(0, len(row["code"]), 3)), row


def test_group_forms_map_to_one_code(groups):
    owners = defaultdict(set)
    for row in groups:
        for col in ("names", "adjectives"):
            for alt in alternatives(row[col]):
                owners[alt.lower()].add(row["code"])
    for form, codes in owners.items():
        assert len(codes) == 1, (form, codes)


def test_group_names_do_not_shadow_country_demonyms(groups, countries):
    """A state's people keep their state: "Albanians" is ALB, only "ethnic Albanians" is the group."""
    demonyms = {alt.lower() for row in countries for alt in alternatives(row["demonyms"])}
    for row in groups:
        for alt in alternatives(row["names"]):
            assert alt.lower() not in demonyms, alt


@pytest.mark.parametrize("form,code", [
    ("Kurd", "KUR"), ("ethnic Albanian", "ALB"), ("Tamil", "TAM"), ("Pashtun", "PUS"),
    ("Shiite", "MOSSHI"), ("Sunni", "MOSSUN"), ("Muslim", "MOS"), ("Catholic", "CHRCTH"),
    ("Jew", "JEW"), ("Hindu", "HIN"),
])
def test_key_group_facts(groups, form, code):
    found = {row["code"] for row in groups if form.lower() in {a.lower() for a in alternatives(row["names"])}}
    assert found == {code}, (form, found)


# organizations.tsv: armed groups, parties, media and companies

@pytest.mark.parametrize("form,code", [
    ("UNITA", "AGOREB"), ("National Patriotic Front of Liberia", "LBRREB"), ("NPFL", "LBRREB"),
    ("Islamic Salvation Front", "DZAOPPFIS"), ("Armed Islamic Group", "DZAREBGIA"),
    ("Houthis", "YEMREB"), ("FMLN", "SLVREB"), ("Kosovo Liberation Army", "SCGREB"),
    ("Rwandan Patriotic Front", "RWAPTY"), ("Likud", "ISRPTYLKD"), ("Bharatiya Janata Party", "INDPTY"),
    ("Chinese Communist Party", "CHNGOVPTY"), ("ZANU-PF", "ZWEGOVPTY"), ("Kurdistan Democratic Party", "IRQPTYKDP"),
    ("MASSOB", "NGAOPP"), ("Xinhua", "CHNMED"), ("KCNA", "PRKMED"), ("Al Jazeera", "QATMED"),
    ("Gazprom", "RUSBUS"), ("Saudi Aramco", "SAUBUS"), ("Huawei", "CHNBUS"), ("Mossad", "ISRSPY"),
    ("Tamil Tigers", "LKAREB"),
])
def test_key_group_party_media_company_codes(orgs, form, code):
    assert _org_codes(orgs)[form.lower()] == {code}, form


def test_shared_party_names_are_not_given_one_country(orgs):
    """'Democratic Party' or 'Labour Party' name parties in several states: they are role rows."""
    codes = _org_codes(orgs)
    for form in ("democratic party", "labour party", "labor party", "socialist party", "communist party",
                 "people's party", "national liberation front"):
        assert form not in codes, form


def test_organization_prefixes_are_countries_or_international(orgs, country_by_code):
    for row in orgs:
        assert row["code"][:3] in set(country_by_code) | {"IGO", "NGO", "NGM", "IMG"}, row


# state institutions named on their own: ministries, agencies, legislatures, courts, forces

@pytest.mark.parametrize("form,code", [
    ("Department of Homeland Security", "USAGOV"), ("DHS", "USAGOV"), ("FEMA", "USAGOV"),
    ("Federal Reserve", "USAGOV"), ("USAID", "USAGOV"), ("OFAC", "USAGOV"), ("TSA", "USACOP"),
    ("ICE", "USACOP"), ("FBI", "USACOP"), ("NSA", "USASPY"), ("Space Force", "USAMIL"),
    ("House Intelligence Committee", "USALEG"), ("Senate Foreign Relations Committee", "USALEG"),
    ("Home Office", "GBRGOV"), ("FCDO", "GBRGOV"), ("Met Police", "GBRCOP"), ("MI5", "GBRSPY"),
    ("Crown Prosecution Service", "GBRJUD"), ("Investigative Committee", "RUSCOP"),
    ("Russian Security Council", "RUSGOV"), ("Supreme Soviet", "SUNLEG"), ("Belarusian KGB", "BLRSPY"),
    ("NPC", "CHNLEG"), ("CPPCC", "CHNLEG"), ("Central Military Commission", "CHNMIL"),
    ("Western Theater Command", "CHNMIL"), ("People's Bank of China", "CHNGOV"),
    ("Supreme People's Court", "CHNJUD"), ("Legislative Yuan", "TWNLEG"),
    ("Supreme People's Assembly", "PRKLEG"), ("Unification Ministry", "KORGOV"),
    ("House of Councillors", "JPNLEG"), ("Bank of Japan", "JPNGOV"), ("COGAT", "ISRMIL"),
    ("Guardian Council", "IRNGOV"), ("Assembly of Experts", "IRNLEG"), ("Central Bureau of Investigation", "INDCOP"),
    ("RAW", "INDSPY"), ("Majlis-e-Shoora", "PAKLEG"), ("TBMM", "TURLEG"), ("Diyanet", "TURGOV"),
    ("Assemblée nationale", "FRALEG"), ("GIGN", "FRACOP"), ("Federal Constitutional Court", "DEUJUD"),
    ("Federal Foreign Office", "DEUGOV"), ("Bundespolizei", "DEUCOP"), ("Carabinieri", "ITACOP"),
    ("Guardia Civil", "ESPCOP"), ("National Anti-Corruption Bureau", "UKRCOP"), ("ZSU", "UKRMIL"),
    ("Council of Representatives", "IRQLEG"), ("Department of State Services", "NGASPY"),
    ("EFCC", "NGACOP"), ("SANDF", "ZAFMIL"), ("Philippine Drug Enforcement Agency", "PHLCOP"),
    ("SEBIN", "VENSPY"), ("Supreme Federal Court", "BRAJUD"), ("EPPO", "IGOEUREECJUD"),
    ("Africa CDC", "IGOAFRAFU"),
])
def test_key_state_institution_codes(orgs, form, code):
    assert _org_codes(orgs)[form.lower()] == {code}, form


@pytest.mark.parametrize("text,code", [
    ("Scotland Yard", "GBRCOP"), ("Diet", "JPNLEG"), ("Place Beauvau", "FRAGOV"), ("Farnesina", "ITAGOV"),
    ("Yasenevo", "RUSSPY"), ("Fort Meade", "USASPY"), ("Kirya", "ISRMIL"), ("Senedd", "GBRLEG"),
])
def test_key_institution_seats(seats, text, code):
    assert _seat_codes(seats)[text.lower()] == {code}


def test_names_shared_by_states_are_not_given_one_country(orgs, seats):
    """'National Assembly', 'Senate' or 'Supreme Court' exist in many states: they are role rows
    in sectors.tsv and take the text's country."""
    codes, seat_codes = _org_codes(orgs), _seat_codes(seats)
    for form in ("national assembly", "senate", "house of representatives", "supreme court",
                 "constitutional court", "interior ministry", "national guard", "state council",
                 "house", "treasury", "metropolitan police", "cabinet office", "justice department",
                 "national police", "federal police", "chamber of deputies", "people's assembly"):
        assert form not in codes and form not in seat_codes, form


def test_seat_and_organization_forms_do_not_overlap(orgs, seats):
    overlap = set(_org_codes(orgs)) & set(_seat_codes(seats))
    assert not overlap, sorted(overlap)
