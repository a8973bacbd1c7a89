"""Datelines: cut from the text and kept as a location only when their shape leaves no doubt."""
import pytest

from onevoice.ingest.datelines import split_dateline


@pytest.mark.parametrize("text,place,rest", [
    ("BEIJING (Reuters) - China said on Monday it would talk.", "BEIJING", "China said"),
    ("LYON: The mayor opened the bridge.", "LYON", "The mayor"),
    ("GAZA CITY, Palestinian Territories: Hamas said it would talk.",
     "GAZA CITY, Palestinian Territories", "Hamas said"),
    ("WASHINGTON, July 7 (AP) -- The president met the envoy.", "WASHINGTON", "The president"),
    ("BEIJING, 3 March 2011 (Xinhua) -- China protested.", "BEIJING", "China protested"),
    ("KABUL, Afghanistan, March 3, 2009 (AFP) - Taliban fighters attacked.", "KABUL, Afghanistan",
     "Taliban fighters"),
    ("Cairo, Egypt (CNN) -- Egypt recalled its envoy.", "Cairo, Egypt", "Egypt recalled"),
    ("Copenhagen, Denmark - The government resigned.", "Copenhagen, Denmark", "The government"),
    ("Diwaniya, Iraq — Police said two men were held.", "Diwaniya, Iraq", "Police said"),
    ("PARIS—The French minister spoke.", "PARIS", "The French"),
    ("WASHINGTON —\n\nThe president spoke.", "WASHINGTON", "The president"),
    ("ST. LOUIS, Mo. (AP) — Protesters marched.", "ST. LOUIS, Mo.", "Protesters marched"),
    ("PORT-AU-PRINCE, Haiti (Reuters) - Aid arrived.", "PORT-AU-PRINCE, Haiti", "Aid arrived"),
    ("  \n SANAA (Reuters) - Houthi forces fired.", "SANAA", "Houthi forces"),
])
def test_datelines_are_split(text, place, rest):
    got_place, got_rest = split_dateline(text)
    assert got_place == place
    assert got_rest.startswith(rest)


@pytest.mark.parametrize("text", [
    "China: the talks will resume next week, officials said.",   # a topic and a colon
    "Madrid - The king opened parliament.",                      # one place, a dash: could be a name
    "Obama - who had met the envoy - left early.",
    "The talks: what comes next for the region.",
    "UPDATE: the ministers agreed on a plan.",                   # a label, not a place
    "BREAKING - Ministers resign.",
    "Residents of Kelso, New South Wales - nearly all of them - left.",
    "The government said - without giving details - that it would act.",
    "BEIJING",                                                   # nothing follows
    "BEIJING (Reuters) -",
    "US-Iran talks resumed in Geneva on Monday.",
    "Arvenia protested the dam on Monday.",
])
def test_no_dateline(text):
    assert split_dateline(text) == (None, text)
